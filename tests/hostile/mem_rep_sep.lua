-- Hostile: a memory bomb with string.rep of an empty string and a separator.
-- expect-line: 4
-- expect: memory limit
local s = string.rep("", math.maxinteger, "xy")
