-- Hostile: gmatch with nested optional repetitions on a long text.
-- expect-line: 5
-- expect: too many for a text
local s = string.rep("a", 60000)
for w in s:gmatch("a*a*a*b") do end
