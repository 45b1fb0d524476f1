-- Hostile: a single repetition, unanchored, on a long text: n starts x n steps.
-- expect-line: 6
-- expect: string.find
-- expect: 1 repetitions
local s = string.rep("a", 4000000)
return s:find("a*b")
