-- Hostile: an error value whose __tostring raises another error.
-- expect-line: 5
-- expect: error object is a table value
local mt = { __tostring = function() error("nested") end }
error(setmetatable({}, mt))
