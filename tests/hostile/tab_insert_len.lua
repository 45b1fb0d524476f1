-- Hostile: table.insert at the front of a table whose __len claims a huge length.
-- expect-line: 5
-- expect: table.insert
local t = setmetatable({}, { __len = function() return 1 << 40 end })
table.insert(t, 1, "x")
