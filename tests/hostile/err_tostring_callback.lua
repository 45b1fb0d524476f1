-- Hostile: an error value with a looping __tostring, raised in a callback.
-- expect-line: 9
-- expect: error object is a table value
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
post { id = "p1", at = "+0m", text = "Biblioteket stänger i april." }

on("item", function(item)
  error(setmetatable({}, { __tostring = function() while true do end end }))
end)
