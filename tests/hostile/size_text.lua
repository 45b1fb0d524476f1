-- Hostile: a post text of 1 MB (texts are at most 20000 bytes).
-- expect-line: 6
-- expect: field 'text' is longer than
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun" } }
post { id = "p", text = string.rep("A", 1000000) }
