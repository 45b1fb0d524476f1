-- Hostile: table.sort with a comparator that loops (the loop runs inside a C function).
-- expect-line: 5
-- expect: script stopped
local t = { 3, 1, 2 }
table.sort(t, function(a, b) while true do end end)
