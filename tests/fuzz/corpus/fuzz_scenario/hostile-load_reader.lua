-- Hostile: tries load() with a reader function that returns a binary chunk piece by
-- piece (the sandbox's load takes a string only).
-- expect-line: 6
-- expect: string expected
local parts = { "\27Lua", "\x54\x00" }
local f, e = load(function() return table.remove(parts, 1) end, "=evil", "bt")
assert(f, e)
