-- Hostile: a start in 2900, past SD_START_MAX_YEAR (2899): start plus offsets could pass 2999.
-- expect-line: 4
-- expect: year must be between
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2900-01-01 00:00",
           duration = "1h", account = { name = "Ekby kommun" } }
