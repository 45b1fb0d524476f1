-- Hostile: gmatch of a repetition that never matches: every step rescans the text.
-- expect-line: 5
-- expect: string.gmatch
local s = string.rep("a", 2000000)
for w in s:gmatch("a-b") do end
