-- Hostile: adds a looping __gc to a metatable after setmetatable accepted it for 1000
-- objects. Lua marks an object for finalization only if __gc is there when setmetatable
-- runs, so none of them may ever run it (at lua_close either: that would hang); the
-- assignment itself is refused, since a used metatable is guarded.
-- expect-line: 9
-- expect: __gc metamethods are not allowed
local mt = {}
for i = 1, 1000 do setmetatable({}, mt) end
mt.__gc = function() while true do end end
setmetatable({}, mt)
