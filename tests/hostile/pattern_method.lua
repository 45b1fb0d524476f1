-- Hostile: the backtracking pattern through the string metatable (s:match) with a
-- frontier and captures.
-- expect-line: 6
-- expect: too many for a text
local s = string.rep("ab", 50000)
local a, b, c = s:match("(.-)(.-)(.-)%f[c]")
