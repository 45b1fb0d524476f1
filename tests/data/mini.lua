-- A tiny scenario for tests: one post, a few comments, a storm, an internal message.
-- Key points and model answers (the body only) rest on the post's facts.
scenario {
  id = "mini",
  title = "Minitest",
  language = "sv",
  start = "2026-03-10 09:00",
  duration = "2h",
  compression = 20,
  seed = 7,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
  words = { "Ekby", "Kvarnby" },
  scoring = {
    statement = {
      points = {
        { label = "vad som händer: renovering", say = { "renovering", "renoveras", "stänger" } },
        { label = "vad vi gör: Kvarnby bibliotek och bokbuss", say = { "Kvarnby", "bokbuss" } },
        { label = "var man läser mer", say = { "läs mer", "webbplats" } },
      },
      model = "Biblioteket i Ekby stänger för renovering i april och öppnar igen i september. "
          .. "Under tiden har Kvarnby bibliotek längre öppettider. Läs mer på "
          .. "https://www.example.se/bibliotek",
    },
  },
}

persona { id = "anna", first = "Anna", last = "Berg", mood = "frustrated" }
persona { id = "asa", first = "Åsa", last = "Öberg", mood = "calm" }
persona { id = "troll", first = "Kalle", last = "Kula", mood = "troll" }

post { id = "p1", at = "+0m", text = "Biblioteket i Ekby stänger för renovering i april och "
          .. "öppnar igen i september. Under tiden har Kvarnby bibliotek längre öppettider." }
comment { id = "c1", at = "+5m", on = "p1", author = "anna",
          text = "Varför får vi veta det här så sent?",
          expect = { within = "30m", link = "https://www.example.se/bibliotek",
                     points = { { label = "öppnar igen i september", say = { "september" } },
                                { label = "Kvarnby bibliotek under tiden", say = { "Kvarnby" } } },
                     need = 1,
                     model = "Jag förstår att det känns sent, och förlåt. Biblioteket öppnar igen "
                         .. "i september. Under tiden har Kvarnby bibliotek längre öppettider. "
                         .. "Läs mer på https://www.example.se/bibliotek" } }
comment { id = "c2", at = "+10m", on = "p1", author = "asa", text = "Tack för informationen!",
          expect = { class = "thanks", model = "Tack själv, vad bra att det kom fram!" } }
comment { id = "c3", at = "+12m", on = "p1", author = "troll", text = "Typiskt kommunen, lägg ner allt." }
internal { id = "m1", at = "+20m", from = "manager", text = "Hur ser det ut i kommentarerna?",
           expect = { answer = true, within = "30m" } }
storm { id = "s1", on = "p1", from = "+30m", to = "+90m", count = 40, curve = "ramp",
        moods = { angry = 2, worried = 1, troll = 1 },
        texts = { "Varför stänger ni?", "Skandal!", "Var ska barnen läsa nu?" },
        repeats = 0.1,
        expect = { within = "20m",
                   points = { { label = "öppnar igen i september", say = { "september" } },
                              { label = "Kvarnby bibliotek under tiden", say = { "Kvarnby" } } },
                   need = 1,
                   model = "Jag förstår att det är tråkigt. Biblioteket öppnar igen i "
                       .. "september. Så länge kan du låna i Kvarnby." } }
