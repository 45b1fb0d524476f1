-- Hostile: an error message with a right-to-left override (the line reads differently
-- from its bytes), isolates, a C1 CSI encoded as UTF-8, raw C1 bytes that are not UTF-8,
-- a DEL and invalid UTF-8.
-- expect-line: 9
-- expect: \u202e
-- expect: \u2066x\u2069 \u009b2J \x9b2J \x7f \xc0\xaf \xed\xa0\x80
scenario { id = "hostile", title = "Hostile \27]0;pwned\7", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
error("exe.\226\128\174fdp \226\129\166x\226\129\169 \194\1552J \1552J \127 \192\175 \237\160\128")
