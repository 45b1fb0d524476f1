-- Hostile: endless recursion through C: a table.sort comparator that sorts again.
-- expect-line: 5
-- expect: stack overflow
local t = { 3, 1, 2 }
local function cmp(a, b) table.sort(t, cmp) return a < b end
table.sort(t, cmp)
