-- Hostile: gsub with a replacement table whose __index is a C function.
-- expect-line: 5
-- expect: replacement table with a metatable
local s = string.rep("x ", 1000)
s = s:gsub("%S+", setmetatable({}, { __index = load }))
