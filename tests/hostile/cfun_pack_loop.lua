-- Hostile: string.pack with a 100 MB width, 1000 times: each call pads byte by byte inside one C call.
-- expect-line: 5
-- expect: ran longer than
scenario { id = "x", title = "X", start = "2026-03-10 09:00", duration = "1h" }
for i = 1, 1000 do local s = string.pack("c100000000", "") end
