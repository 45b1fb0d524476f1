-- Hostile: tries to load a binary chunk (a string starting with "\27Lua") with load(),
-- also asking for mode "b" explicitly. Crafted bytecode can corrupt memory.
-- expect-line: 7
-- expect: binary chunk
local chunk = "\27Lua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08\x78\x56\x00\x00\x00\x00\x00\x00"
local f, e = load(chunk, "=evil", "b")
assert(f, e)
f()
