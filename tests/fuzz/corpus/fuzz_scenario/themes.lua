scenario { id = "f", title = "F", start = "2026-03-10 09:00", duration = "1h", compression = 3,
  slot = "30m", colleague = { name = "Sara", delay = "5m", pace = "2m", more = { "Johan" } } }
post { id = "p1", at = "+0m", text = "Beslut." }
storm { id = "s", on = "p1", from = "+1m", to = "+50m", count = 40, moods = { calm = 1, angry = 1, troll = 0.2 },
  texts = { "Varför?" },
  themes = {
    { id = "q", label = "frågan", kind = "question", share = 2, direct = 0.3, texts = { "När öppnar ni?" },
      points = { { label = "öppnar på torsdag", say = { "torsdag" } } }, model = "Vi öppnar på torsdag." },
    { id = "h", label = "hot", kind = "threat", share = 0.1, texts = { angry = { "Jag vet var du bor." } } },
  } }
