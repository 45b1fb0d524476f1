-- Hostile: table.sort of a table whose __len claims a huge length.
-- expect-line: 5
-- expect: table.sort
local t = setmetatable({}, { __len = function() return 1 << 40 end })
table.sort(t)
