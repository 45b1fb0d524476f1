-- Hostile: an account name of 100 kB (names are at most 200 bytes).
-- expect-line: 4
-- expect: field 'name' is longer than
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = string.rep("A", 100000) } }
