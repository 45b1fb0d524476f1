-- Hostile: a text for load() nested 200000 parentheses deep (the parser recurses in C).
-- expect-line: 6
-- expect: stack overflow
local src = "return " .. string.rep("(", 200000) .. "1" .. string.rep(")", 200000)
local f, e = load(src)
assert(f, e)
