-- Hostile: contents past their limits: a thousand key points of ten thousand phrases each
-- would make a log header of gigabytes. Refused where declared, before anything is kept.
-- expect-line: 12
-- expect: at most 16
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
persona { id = "anna", first = "Anna", mood = "calm" }
post { id = "p1", at = "+0m", text = "Biblioteket stänger i april." }
local say = {}
for i = 1, 10000 do say[i] = "ord" .. i end
local points = {}
for i = 1, 1000 do points[i] = { label = "p" .. i, say = say } end comment { id = "c1", on = "p1", author = "anna", text = "x", expect = { points = points } }
