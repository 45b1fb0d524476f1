-- Hostile: a NUL byte inside a post's text (C code that stops at NUL would see a
-- different text than the scenario gave).
-- expect-line: 7
-- expect: NUL
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
post { id = "p1", at = "+0m", text = "before\0after" }
