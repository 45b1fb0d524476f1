-- Hostile: a memory bomb through table.concat of a long list of long strings (the
-- result is built in a C buffer).
-- expect-line: 8
-- expect: memory limit
local piece = string.rep("z", 1 << 20)
local list = {}
for i = 1, 1000 do list[i] = piece end
local s = table.concat(list)
