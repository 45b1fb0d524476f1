-- Hostile: an id made of escape sequences and a carriage return (refused: ids are
-- letters, digits, _ - and .; the message quoting it must be escaped).
-- expect-line: 7
-- expect: id 'p\x1b[2J\rok'
scenario { id = "hostile", title = "Hostile \27]0;pwned\7", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
post { id = "p\27[2J\rok", at = "+0m", text = "x" }
