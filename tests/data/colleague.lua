-- A scenario for the simulated colleague's tests (tests/e2e/colleague.sh, unit tests):
-- plain questions (calm or worried, with a model answer, nothing to escalate), and the
-- hard ones a colleague must leave to the participant (an angry author, an escalation, a
-- case to move, no model answer, a repeat), then a storm whose calm and worried questions
-- are plain too (its direct ones, once storms have themes: the implicit theme asks
-- directly in one comment of ten; still more than two colleagues can answer). Sara comes 5 minutes after the first call for backup, Johan after the
-- second; each answers once every 2 minutes.
scenario {
  id = "colleague",
  title = "Kollegan hjälper till",
  language = "sv",
  start = "2026-03-10 09:00",
  duration = "2h",
  compression = 20,
  seed = 5,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
  words = { "Ekby", "Kvarnby" },
  colleague = { name = "Sara", delay = "5m", pace = "2m", more = { "Johan" } },
}

persona { id = "asa", first = "Åsa", last = "Öberg", mood = "calm" }
persona { id = "bo", first = "Bo", last = "Ek", mood = "worried" }
persona { id = "cem", first = "Cem", last = "Ali", mood = "calm" }
persona { id = "dan", first = "Dan", last = "Berg", mood = "angry" }
persona { id = "eva", first = "Eva", last = "Lind", mood = "calm" }
persona { id = "fia", first = "Fia", last = "Holm", mood = "calm" }

local OPEN = { points = { { label = "öppnar igen i september", say = { "september" } } },
               model = "Vi öppnar igen i september. Fram till dess kan du gå till Kvarnby, som "
                   .. "har öppet längre." }

post { id = "p1", at = "+0m", text = "Biblioteket i Ekby stänger för renovering i april och "
          .. "öppnar igen i september. Under tiden har Kvarnby bibliotek längre öppettider." }
-- plain questions
comment { id = "q1", at = "+1m", on = "p1", author = "asa", text = "När öppnar biblioteket igen?",
          expect = { within = "30m", points = OPEN.points, model = OPEN.model } }
comment { id = "q2", at = "+2m", on = "p1", author = "bo", text = "Vart ska barnen gå nu?",
          expect = { within = "30m", points = { { label = "Kvarnby bibliotek", say = { "Kvarnby" } } },
                     model = "Barnen är välkomna till Kvarnby. Där har vi öppet längre så "
                         .. "länge vi bygger om." } }
-- hard ones: angry, an escalation, a case to move, no model answer, a repeat
comment { id = "h1", at = "+2m", on = "p1", author = "dan", text = "Varför säger ni det så sent?",
          expect = { within = "30m", model = "Jag förstår att det känns sent, och förlåt. "
                         .. "Biblioteket öppnar igen i september." } }
comment { id = "h2", at = "+3m", on = "p1", author = "cem", text = "Jag är journalist, vem kan jag prata med?",
          expect = { within = "30m", escalate = "press_officer",
                     model = "Vår pressansvariga kontaktar dig i dag." } }
comment { id = "h3", at = "+3m", on = "p1", author = "eva", text = "Jag har en bok som är försenad, vad gör jag?",
          expect = { within = "30m", rules = { "move_case" },
                     model = "Skriv till oss i ett privat meddelande, så hjälper vi dig." } }
comment { id = "h4", at = "+4m", on = "p1", author = "fia", text = "Har ni tänkt på de äldre?",
          expect = { within = "30m" } }
comment { id = "h5", at = "+4m", on = "p1", author = "asa", text = "När öppnar biblioteket igen?",
          repeat_of = "q1", expect = { within = "30m", points = OPEN.points, model = OPEN.model } }
-- a plain question the participant answers before any colleague is in
comment { id = "q3", at = "+4m", on = "p1", author = "eva", text = "Är bokbussen kvar?",
          expect = { within = "30m", points = OPEN.points, model = OPEN.model } }
comment { id = "q4", at = "+40m", on = "p1", author = "fia", text = "Öppnar ni igen i september?",
          expect = { within = "30m", points = OPEN.points, model = OPEN.model } }

storm { id = "s1", on = "p1", from = "+10m", to = "+80m", count = 3000,
        moods = { calm = 2, worried = 1, angry = 2, troll = 1 },
        texts = { "När öppnar ni?", "Vart ska vi gå under tiden?", "Hur länge är det stängt?" },
        repeats = 0.1,
        expect = { within = "30m", points = OPEN.points, model = OPEN.model } }
