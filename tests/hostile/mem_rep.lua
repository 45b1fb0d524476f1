-- Hostile: a memory bomb with string.rep (a terabyte in one call).
-- expect-line: 4
-- expect: memory limit
local s = string.rep("x", 1 << 40)
