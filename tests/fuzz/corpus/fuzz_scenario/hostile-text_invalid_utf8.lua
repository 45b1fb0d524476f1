-- Hostile: texts with invalid UTF-8 (a lone continuation byte, an overlong encoding, a
-- surrogate, a truncated sequence) in a post, a persona name and a storm pool.
-- Loading them is fine: text is treated as UTF-8 and invalid sequences are replaced by
-- U+FFFD when the engine copies it (the session log stays valid UTF-8), so `check` exits 0.
-- expect-status: 0
-- expect: ok
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
persona { id = "bad", first = "Ann\xff", last = "\xc0\xaf", mood = "calm" }
post { id = "p1", at = "+0m", text = "Bad bytes: \x80 \xc0\xaf \xed\xa0\x80 \xe2\x82" }
comment { id = "c1", at = "+5m", on = "p1", author = "bad", text = "Hej\xfe\xff" }
storm { id = "s1", on = "p1", from = "+10m", to = "+30m", count = 5,
        texts = { "\xff\xfe", "ok \xe2" } }
