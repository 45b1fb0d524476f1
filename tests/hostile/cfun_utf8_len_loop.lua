-- Hostile: utf8.len of 120 MB, 240 times: no allocation, no VM instructions to speak of, only C work that the clock must still stop.
-- expect-line: 7
-- expect: ran longer than
scenario { id = "x", title = "X", start = "2026-03-10 09:00", duration = "1h" }
local s = ("x"):rep(120000000)
local n = utf8.len
for i = 1, 240 do n(s) end
