-- Hostile: table.remove on a table whose __len claims a huge length.
-- expect-line: 5
-- expect: table.remove
local t = setmetatable({}, { __len = function() return 1 << 40 end })
table.remove(t, 1)
