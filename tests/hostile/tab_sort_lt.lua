-- Hostile: table.sort of tables whose __lt is a C function.
-- expect-line: 7
-- expect: only numbers
local mt = { __lt = rawequal }
local t = {}
for i = 1, 1000 do t[i] = setmetatable({}, mt) end
table.sort(t)
