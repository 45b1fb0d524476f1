-- Hostile: endless recursion in Lua.
-- expect-line: 4
-- expect: stack overflow
local function f() return 1 + f() end
f()
