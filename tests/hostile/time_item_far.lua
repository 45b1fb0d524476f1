-- Hostile: an item dated in the year 9999 by an absolute time.
-- expect-line: 6
-- expect: must lie in the years
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun" } }
post { id = "p1", at = "9999-01-01 00:00", text = "x" }
