-- Hostile: an error value whose __tostring returns a table, not a string.
-- expect-line: 5
-- expect: error object is a table value
local mt = { __tostring = function() return {} end, __name = 42 }
error(setmetatable({}, mt))
