-- Hostile: an unknown field whose name is an escape sequence (quoted in the error).
-- expect-line: 6
-- expect: unknown field '\x1b[2J\x1b]2;t\x07field'
scenario { id = "hostile", title = "Hostile \27]0;pwned\7", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
post { id = "p1", at = "+0m", text = "x", ["\27[2J\27]2;t\7field"] = 1 }
