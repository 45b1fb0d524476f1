-- Hostile: a memory bomb that doubles a string (s = s .. s) until something gives.
-- expect-line: 5
-- expect: memory limit
local s = "x"
while true do s = s .. s end
