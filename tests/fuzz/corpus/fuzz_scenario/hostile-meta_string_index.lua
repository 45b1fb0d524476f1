-- Hostile: tries to reach the real string library through the string metatable
-- (getmetatable("").__index) and change it; the metatable is locked, so getmetatable
-- returns the string "locked".
-- expect-line: 7
-- expect: attempt to index a nil value
local lib = getmetatable("").__index
lib.rep = function() return "pwned" end
