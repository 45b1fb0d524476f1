-- Hostile: a persona first name of 1 MB (names are at most 200 bytes).
-- expect-line: 6
-- expect: field 'first' is longer than
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun" } }
persona { id = "a", first = string.rep("A", 1000000) }
