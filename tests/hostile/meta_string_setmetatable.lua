-- Hostile: tries setmetatable on the string metatable (as returned by getmetatable(""))
-- to give every string an __index of its own.
-- expect-line: 6
-- expect: table expected
local mt = getmetatable("")
setmetatable(mt, { __index = function() return "pwned" end })
