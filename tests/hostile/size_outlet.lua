-- Hostile: a media outlet name of 100 kB (names are at most 200 bytes).
-- expect-line: 6
-- expect: field 'outlet' is longer than
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun" } }
media { id = "m", title = "T", outlet = string.rep("A", 100000) }
