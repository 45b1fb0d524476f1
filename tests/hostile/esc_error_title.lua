-- Hostile: escape sequences in an error message: set the terminal's title, clear the
-- screen, put the cursor home, return to the start of the line and print a fake "ok".
-- expect-line: 7
-- expect: \x1b]0;pwned\x07\x1b[2J\x1b[H\rtests/hostile/esc_error_title.lua: ok
scenario { id = "hostile", title = "Hostile \27]0;pwned\7", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
error("\27]0;pwned\7\27[2J\27[H\rtests/hostile/esc_error_title.lua: ok")
