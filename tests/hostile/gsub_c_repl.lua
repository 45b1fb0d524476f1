-- Hostile: gsub on a large text with a C function replacement (load) called per match.
-- expect-line: 6
-- expect: script stopped
local s = string.rep("x", 64) .. " "
s = string.rep(s, 70)
for i = 1, 1e9 do s:gsub("%S+", load) end
