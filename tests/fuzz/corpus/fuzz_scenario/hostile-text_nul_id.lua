-- Hostile: a NUL byte in a persona's name and in an id.
-- expect-line: 6
-- expect: NUL
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
persona { id = "an\0na", first = "An\0na", last = "B", mood = "calm" }
