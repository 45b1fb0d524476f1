-- Soak scenario: an 8-hour simulated storm of exactly 1,000,000 comments (tools/soak/sd_soak.c).
-- Like tools/bench/storm-1m.lua, but the million comments fall within 8 simulated hours
-- (about 35 a second), the exercise's whole length. A storm's count is the expected number
-- of a random (Poisson) stream, so the storm asks for a little more and compose() pauses it
-- (set_rate 0) at its millionth comment: the count is exact whatever the seed.
local COMMENTS = 1000000
local texts = {
  "Varför stänger ni badet?", "Var ska barnen simma nu?", "Skandal, ni lyssnar inte.",
  "Hur mycket sparar kommunen på det här?", "Vem fattade beslutet?",
  "Jag har simmat där i trettio år.", "Finns det något alternativ?",
}
scenario {
  id = "soak-storm-8h",
  title = "Soak: a million comments in eight hours",
  language = "sv",
  start = "2026-03-10 08:00",
  duration = "8h",
  compression = 60,
  seed = 1,
  account = { name = "Ekby kommun" },
  -- keep the audience neutral so that the storm is exactly the million comments asked for
  audience = { min_intensity = 1, max_intensity = 1 },
}
post { id = "p1", at = "+0m", text = "Beslut: Ekbybadet stänger." }
storm {
  id = "s", on = "p1", from = "+1m", to = "+7h59m", count = 1010000, curve = "flat",
  moods = { calm = 1, worried = 2, frustrated = 3, angry = 3, troll = 1 },
  compose = function(c)
    if c.n >= COMMENTS then set_rate("s", 0) end
    return texts[c.n % #texts + 1]
  end,
  repeats = 0.05,
  expect = { within = "30m" },
}
