-- A small crisis scenario for tests of contents (key points, refer, channel, avoid, model
-- answers, the statement and the hijack message): every place a content can be declared,
-- and a callback that injects an item with a content of its own at run time.
scenario {
  id = "contents",
  title = "Innehållstest",
  language = "sv",
  start = "2026-03-10 09:00",
  duration = "2h",
  compression = 30,
  seed = 11,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
  words = { "Ekby", "Kvarnby", "Ekbybadet" },
  scoring = {
    statement = {
      points = {
        { label = "vad som hänt", say = { "vattenläcka", "läckan" } },
        { label = "vad vi gör", say = { "reparerar", "arbetar med" } },
        { label = "var mer finns", say = { "webbplats", "ekby.se" } },
      },
      need = 2,
      avoid = { { label = "spekulera om orsaken", say = { "sabotage" } } },
    },
  },
}

persona { id = "anna", first = "Anna", last = "Berg", mood = "frustrated" }
persona { id = "bo", first = "Bo", last = "Lind", mood = "calm" }
persona { id = "troll", first = "Kalle", last = "Kula", mood = "troll" }

post { id = "p1", at = "+0m", text = "Biblioteket i Ekby är stängt i dag på grund av en vattenläcka." }

comment {
  id = "c1", at = "+5m", on = "p1", author = "anna",
  text = "När öppnar biblioteket igen?",
  expect = {
    within = "30m",
    points = {
      { label = "öppnar på torsdag", say = { "torsdag", "öppnar igen" } },
      "klockan tio",
    },
    need = 1,
    avoid = { "sabotage" },
    model = "Hej Anna! Biblioteket öppnar igen på torsdag klockan tio. Vänliga hälsningar, Ekby kommun",
  },
}

comment {
  id = "c2", at = "+8m", on = "p1", author = "bo",
  text = "Vägen utanför biblioteket är full av hål, vem lagar den?",
  expect = {
    within = "45m",
    refer = { label = "Trafikverket", say = { "Trafikverket", "trafikverket.se" } },
    model = "Hej Bo! Vägen sköts av Trafikverket, som du når på trafikverket.se.",
  },
}

dm {
  id = "d1", at = "+10m", author = "anna",
  text = "Jag har en fråga om min lånade bok som blev kvar.",
  expect = { channel = "e_service", model = "Hej Anna! Gör en anmälan i vår e-tjänst." },
}

inquiry {
  id = "q1", at = "+12m", author = "bo", outlet = "Ekby Tidning",
  text = "Hur länge blir biblioteket stängt?",
  expect = { refer = "Ekby Tidning", channel = { label = "presstjänsten", say = { "presstjänst" } } },
}

storm {
  id = "s1", on = "p1", from = "+20m", to = "+60m", count = 12,
  moods = { angry = 2, troll = 1 },
  texts = { "Varför är det stängt?", "När öppnar ni?", "Skandal!" },
  expect = { within = "30m", points = { "torsdag" }, model = "Hej! Vi öppnar på torsdag." },
}

hijack {
  id = "h1", at = "+30m", notice = "Inloggning från en okänd enhet.",
  posts = { "Vinn en iPhone! Klicka här." },
  message = { points = { { label = "kontot var kapat", say = { "kapat", "kapats" } } } },
}

prepared {
  kind = "comment", on = "p1", author = "bo", text = "Finns det någon annan plats att låna böcker?",
  expect = { points = { "Kvarnby" }, model = "Hej Bo! Filialen i Kvarnby har öppet." },
}

on("item", function(it)
  if it.id == "c2" then
    inject {
      kind = "comment", id = "late1", on = "p1", author = "anna",
      text = "Och vad händer med lovaktiviteterna?",
      expect = { points = { "lovaktiviteter" }, model = "Hej Anna! Lovaktiviteterna flyttar till Kvarnby." },
    }
  end
end)
