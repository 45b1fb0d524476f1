-- Benchmark scenario: a storm of about 1,000,000 comments over 24 simulated hours.
scenario {
  id = "bench-storm-1m",
  title = "Benchmark: a million comments",
  language = "sv",
  start = "2026-03-10 00:00",
  duration = "24h",
  compression = 3600,
  seed = 1,
  account = { name = "Ekby kommun" },
  -- keep the audience neutral so that the storm is exactly the million comments asked for
  audience = { min_intensity = 1, max_intensity = 1 },
  words = { "Ekbybadet", "Ekbyskolans" },
  scoring = { statement = { points = { { label = "badet stänger", say = { "stänger" } } } } },
}
post { id = "p1", at = "+0m", text = "Beslut: Ekbybadet stänger." }
storm {
  id = "s", on = "p1", from = "+1m", to = "+23h59m", count = 1000000, curve = "flat",
  moods = { calm = 1, worried = 2, frustrated = 3, angry = 3, troll = 1 },
  texts = {
    "Varför stänger ni badet?", "Var ska barnen simma nu?", "Skandal, ni lyssnar inte.",
    "Hur mycket sparar kommunen på det här?", "Vem fattade beslutet?",
    "Jag har simmat där i trettio år.", "Finns det något alternativ?",
  },
  repeats = 0.05,
  -- One theme whose every comment asks directly: each needs its own answer, so that
  -- answer_every=10 scores 100,000 replies (as before storms were scored on coverage).
  themes = {
    { id = "badet", label = "att badet stänger", kind = "question", direct = 1, within = "30m",
      points = {
        { label = "beslutet togs av fullmäktige i mars", say = { "fullmäktige", "i mars" } },
        { label = "Ekbyskolans bassäng öppen för allmänheten", say = { "Ekbyskolans bassäng", "skolans bassäng", "simhallen i Ekby" } },
      },
      need = 1,
      model = "Jag förstår att beslutet väcker känslor. Kommunfullmäktige beslutade i mars att "
          .. "stänga Ekbybadet. Ekbyskolans bassäng är öppen för allmänheten på kvällar och helger. "
          .. "Läs mer på https://ekby.se/bad" },
  },
  -- What a good reply says: scored replies are matched against these key points and
  -- spell-checked, as in the bundled storms.
  expect = {
    within = "30m",
    points = {
      { label = "beslutet togs av fullmäktige i mars", say = { "fullmäktige", "i mars" } },
      { label = "Ekbyskolans bassäng öppen för allmänheten", say = { "Ekbyskolans bassäng", "skolans bassäng", "simhallen i Ekby" } },
    },
    need = 1,
    model = "Jag förstår att beslutet väcker känslor. Kommunfullmäktige beslutade i mars att "
        .. "stänga Ekbybadet. Ekbyskolans bassäng är öppen för allmänheten på kvällar och helger. "
        .. "Läs mer på https://ekby.se/bad",
  },
}
