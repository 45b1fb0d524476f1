-- Hostile: tries to replace the metatable of the read-only string library proxy.
-- expect-line: 4
-- expect: cannot change a protected metatable
setmetatable(string, { __newindex = rawset })
