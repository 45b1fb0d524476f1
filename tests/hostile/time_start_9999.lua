-- Hostile: a scenario starting in the year 9999 (the log reader cannot parse such times).
-- expect-line: 4
-- expect: year must be between
scenario { id = "hostile", title = "Hostile", language = "sv", start = "9999-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun" } }
