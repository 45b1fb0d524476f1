-- Hostile: an error message of 10 MB, made of escape sequences: the message is cut at
-- SD_ERROR_MAX_BYTES with a note, and what reaches the terminal is escaped.
-- expect-line: 7
-- expect: (message cut:
scenario { id = "hostile", title = "Hostile \27]0;pwned\7", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
error(string.rep("\27[2J\27]0;x\7", 10485760 // 9))
