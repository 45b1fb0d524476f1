-- Hostile: table.unpack of a table whose __index makes up elements.
-- expect-line: 5
-- expect: table.unpack
local t = setmetatable({}, { __index = function() return 1 end })
return table.unpack(t, 1, 1e6)
