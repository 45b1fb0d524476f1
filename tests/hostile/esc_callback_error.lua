-- Hostile: an on("item") callback whose error message carries the item's id and escape
-- sequences (the dry run of check reaches it; run would print it the same way).
-- expect-line: 8
-- expect: \x1b[2J\x1b[3J\x1b[Hp1\r
scenario { id = "hostile", title = "Hostile \27]0;pwned\7", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
post { id = "p1", at = "+0m", text = "Text" }
on("item", function(item) error("\27[2J\27[3J\27[H" .. item.id .. "\r") end)
