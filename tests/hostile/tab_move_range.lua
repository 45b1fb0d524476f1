-- Hostile: table.move of a huge range on a plain table (one C loop of 10^15 steps).
-- expect-line: 4
-- expect: script stopped
table.move({}, 1, 1e15, 2)
