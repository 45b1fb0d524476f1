-- Hostile: a scenario id of 100 kB.
-- expect-line: 4
-- expect: field 'id' is longer than
scenario { id = string.rep("a", 100000), title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h" }
