-- Hostile: endless recursion through C: a __tostring that calls tostring on itself.
-- expect-line: 4
-- expect: stack overflow
local t = setmetatable({}, { __tostring = function(self) return tostring(self) end })
local s = tostring(t)
