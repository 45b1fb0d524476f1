-- Hostile: an item id of 100000 bytes (ids are at most 64 bytes in the log).
-- expect-line: 6
-- expect: longer than 64 bytes
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun" } }
post { id = string.rep("a", 100000), text = "x" }
