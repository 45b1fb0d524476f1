-- Hostile: table.sort with a C function as comparator (no hook between its calls).
-- expect-line: 6
-- expect: comparator must be a Lua function
local t = {}
for i = 1, 100000 do t[i] = i end
table.sort(t, rawequal)
