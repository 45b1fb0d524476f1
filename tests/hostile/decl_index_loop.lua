-- Hostile: a declaration table whose fields come from an __index metamethod that loops
-- (declaration tables are read raw and a metatable is refused).
-- expect-line: 7
-- expect: must be a plain table
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
post(setmetatable({}, { __index = function(t, k) while true do end end }))
