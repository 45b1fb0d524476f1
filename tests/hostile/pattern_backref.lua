-- Hostile: a back-reference on a long text (a comparison of the capture at every start).
-- expect-line: 5
-- expect: string.match
local s = string.rep("a", 1000000)
return s:match("(a+)b%1")
