-- Hostile: a weak (ephemeron) table: chains of them make every collection quadratic.
-- expect-line: 4
-- expect: __mode metamethods are not allowed
local t = setmetatable({}, { __mode = "k" })
