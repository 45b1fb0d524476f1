-- Hostile: a declaration whose text is a table with a looping __tostring.
-- expect-line: 6
-- expect: must be a string
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
post { id = "p1", at = "+0m", text = setmetatable({}, { __tostring = function() while true do end end }) }
