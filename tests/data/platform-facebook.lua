-- A small scenario for the platform view's tests (tests/unit/test_window_platforms.c): the
-- feed as Facebook shows it. A post with a picture and a link preview, a person with a first
-- name and a handle, one with only a handle, comments to answer and a storm that moves the
-- reaction, comment and share counts. Its picture is there but cannot be decoded (images/trasig.png: a PNG signature and its header, then no picture data), so the card shows its description.
scenario {
  id = "platform-facebook",
  title = "Plattformstest (Facebook)",
  language = "sv",
  platform = "facebook",
  start = "2026-03-10 09:00",
  duration = "2h",
  compression = 20,
  seed = 7,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
}

persona { id = "lena", first = "Lena", last = "Holm", handle = "lenah_82", mood = "worried" }
persona { id = "kvarn", handle = "kvarnbyborna", mood = "frustrated" }
persona { id = "asa", first = "Åsa", last = "Öberg", mood = "calm" }

post { id = "p1", at = "+0m",
       text = "Biblioteket i Ekby stänger för renovering i april och öppnar igen i september.",
       image = "images/trasig.png", image_alt = "Biblioteket i Ekby en solig dag, bokbussen utanför",
       link = { url = "https://www.example.se/bibliotek", title = "Så blir det nya biblioteket",
                site = "example.se" } }
comment { id = "c1", at = "+5m", on = "p1", author = "lena",
          text = "Var ska barnen låna böcker i sommar?",
          expect = { within = "30m", model = "Hej Lena! Bokbussen kommer varje tisdag." } }
comment { id = "c2", at = "+8m", on = "p1", author = "kvarn",
          text = "Varför fick vi inte veta det här tidigare?",
          expect = { within = "30m", model = "Hej! Vi borde ha sagt det tidigare, förlåt." } }
comment { id = "c3", at = "+10m", on = "p1", author = "asa", text = "Tack för informationen!" }
storm { id = "s1", on = "p1", from = "+15m", to = "+45m", count = 30, curve = "ramp",
        moods = { angry = 2, worried = 1 },
        texts = { "Varför stänger ni?", "Skandal!", "Var ska barnen läsa nu?" } }
