-- Hostile: an endless loop in an on("item") callback, which runs when the declared post
-- appears during the dry run of `stormdrill check`.
-- expect-line: 9
-- expect: script stopped
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
post { id = "p1", at = "+0m", text = "Biblioteket stänger i april." }
on("item", function(item)
  while true do end
end)
