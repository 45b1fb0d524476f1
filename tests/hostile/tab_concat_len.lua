-- Hostile: table.concat of a table whose __index makes up elements for a fake length.
-- expect-line: 5
-- expect: table.concat
local t = setmetatable({}, { __index = function() return "x" end })
local s = table.concat(t, "", 1, 1e12)
