-- Hostile: a pattern with many ".-" on a long text (backtracking for ages inside one C
-- call, where the instruction hook cannot stop it).
-- expect-line: 6
-- expect: too many for a text
local s = string.rep("a", 100000)
local i = s:find(".-.-.-.-.-.-.-.-b")
