-- Hostile: an endless loop that keeps raising and catching errors (never runs out of
-- instructions between pcalls in a way the budget misses).
-- expect-line: 5
-- expect: script stopped
while true do pcall(error, {}) end
