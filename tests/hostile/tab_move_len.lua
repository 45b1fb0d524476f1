-- Hostile: table.move over a table whose __len claims 2^62 elements (one C loop).
-- expect-line: 5
-- expect: table.move
local t = setmetatable({}, { __len = function() return 1 << 62 end, __index = function() return 1 end })
table.move(t, 1, #t, 2)
