-- Hostile: adds __mode to a metatable after setmetatable accepted it (Lua reads __mode at
-- every collection).
-- expect-line: 7
-- expect: __mode metamethods are not allowed
local mt = {}
local t = setmetatable({}, mt)
mt.__mode = "k"
