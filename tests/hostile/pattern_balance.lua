-- Hostile: %b on a long text of openers (a scan of the text at every start position).
-- expect-line: 5
-- expect: string.find
local s = string.rep("(", 1000000)
return s:find("%b()")
