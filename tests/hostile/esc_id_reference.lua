-- Hostile: escape sequences in an id that an error message quotes (a comment on an item
-- that does not exist).
-- expect-line: 8
-- expect: 'p\x1b]0;pwned\x07\x1b[2J\x1b[3J', which is no declared item
scenario { id = "hostile", title = "Hostile \27]0;pwned\7", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
persona { id = "anna", first = "Anna", last = "Berg", mood = "calm" }
comment { id = "c1", at = "+5m", on = "p\27]0;pwned\7\27[2J\27[3J", author = "anna", text = "x" }
