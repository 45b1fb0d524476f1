-- Hostile: a __gc field that is not a function (true) to pass a check for functions, then
-- replaced by a looping function.
-- expect-line: 6
-- expect: __gc metamethods are not allowed
local mt = { __gc = true }
setmetatable({}, mt)
mt.__gc = function() while true do end end
