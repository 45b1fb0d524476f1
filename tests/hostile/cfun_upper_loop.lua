-- Hostile: a short loop of slow C calls (upper of 50 MB, 200 times): the count hook fires only every 1000 instructions, so without a clock check after each library call this runs for a minute.
-- expect-line: 6
-- expect: ran longer than
scenario { id = "x", title = "X", start = "2026-03-10 09:00", duration = "1h" }
local s = ("x"):rep(50000000)
for i = 1, 200 do local t = s:upper() end
