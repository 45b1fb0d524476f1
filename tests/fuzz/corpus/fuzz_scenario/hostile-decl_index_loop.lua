-- Hostile: a declaration table whose fields come from an __index metamethod that loops
-- (the engine's reads of the table must stay under the limits).
-- expect-line: 7
-- expect: script stopped
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
post(setmetatable({}, { __index = function(t, k) while true do end end }))
