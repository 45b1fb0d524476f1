-- Hostile: a scenario starting in the year 1800, before the times a log can hold.
-- expect-line: 4
-- expect: year 1800
scenario { id = "hostile", title = "Hostile", language = "sv", start = "1800-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun" } }
