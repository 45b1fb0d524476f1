-- Hostile: re-entrancy through scenario{ account = ... } with an __index that declares.
-- expect-line: 4
-- expect: plain table
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = setmetatable({}, { __index = function() scenario {} end }) }
