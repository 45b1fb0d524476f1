-- Hostile: include() of a file whose name is an escape sequence (the error names it).
-- expect-line: 6
-- expect: \x1b]0;pwned\x07
scenario { id = "hostile", title = "Hostile \27]0;pwned\7", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
include("\27]0;pwned\7\27[2J.lua")
