-- Hostile: a time with escape sequences (quoted in the error).
-- expect-line: 6
-- expect: invalid time '+0m\x1b[2J\x1bc'
scenario { id = "hostile", title = "Hostile \27]0;pwned\7", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
post { id = "p1", at = "+0m\27[2J\27c", text = "x" }
