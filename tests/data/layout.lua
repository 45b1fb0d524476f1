-- A scenario for the layout tests (tests/unit/test_window_layout.c): one post, a long
-- comment of the length a real complaint has (about 300 characters), a short one, a direct
-- message and an internal message, so that the thread must keep a long text whole while
-- the editor and the coach stay readable.
scenario {
  id = "layout",
  title = "Layouttest: en lång kommentar om vattenavstängningen i Ekby",
  language = "sv",
  start = "2026-03-10 09:00",
  duration = "2h",
  compression = 20,
  seed = 7,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
}

persona { id = "anna", first = "Anna", last = "Berg", mood = "frustrated" }
persona { id = "asa", first = "Åsa", last = "Öberg", mood = "calm" }

post { id = "p1", at = "+0m", text = "Vattnet stängs av på Storgatan i Ekby på tisdag mellan "
          .. "klockan 8 och 15 medan vi byter en ledning. Tappa gärna upp vatten i förväg." }
comment { id = "long", at = "+2m", on = "p1", author = "anna",
          text = "Det här är tredje gången i år som vattnet stängs av med bara ett par dagars "
              .. "varsel. Jag jobbar hemifrån, har en dotter med diabetes och en pappa på "
              .. "äldreboendet som jag tar hand om på eftermiddagarna. Vem ska jag ringa om "
              .. "det drar ut på tiden, och varför får vi aldrig veta något i god tid?",
          expect = { within = "30m",
                     points = { { label = "klart klockan 15", say = { "15", "tre" } } },
                     model = "Jag förstår att det är besvärligt, och förlåt "
              .. "att beskedet kom sent. Arbetet ska vara klart klockan 15." } }
comment { id = "short", at = "+4m", on = "p1", author = "asa", text = "Tack för informationen!",
          expect = { class = "thanks", model = "Tack själv!" } }
internal { id = "m1", at = "+5m", from = "manager", text = "Hur ser det ut i kommentarerna?",
           expect = { answer = true, within = "30m" } }
