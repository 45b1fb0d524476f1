-- Hostile: endless recursion through C: an __index metamethod that indexes itself.
-- expect-line: 4
-- expect: stack overflow
local t = setmetatable({}, { __index = function(t, k) return t[k] end })
local x = t.anything
