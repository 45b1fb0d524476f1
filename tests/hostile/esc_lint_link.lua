-- Hostile: escape sequences in the title, an item's text and a link that the authoring
-- check quotes in its error ("... is not a web address").
-- expect-line: 9
-- expect: 'https://www.example.se/\x1b[2J\x1b]0;x\x07'
scenario { id = "hostile", title = "Hostile \27]0;pwned\7", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
persona { id = "anna", first = "Anna", last = "Berg", mood = "calm" }
post { id = "p1", at = "+0m", text = "Text \27[2J\r" }
comment { id = "c1", at = "+5m", on = "p1", author = "anna", text = "Fr\27[5måga?",
          expect = { within = "30m", link = "https://www.example.se/\27[2J\27]0;x\7" } }
