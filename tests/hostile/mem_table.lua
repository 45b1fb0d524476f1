-- Hostile: a memory bomb that grows a table in a loop until something gives.
-- expect-line: 6
-- expect: memory limit
local t = {}
local i = 0
while true do i = i + 1; t[i] = { i, i, i, i } end
