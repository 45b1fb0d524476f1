-- Hostile: an error value whose __tostring loops for ever (whoever prints it hangs).
-- expect-line: 5
-- expect: error object is a table value
local mt = { __tostring = function() while true do end end }
error(setmetatable({}, mt))
