-- Hostile: tries to load the io library (or a C module) with require.
-- expect-line: 4
-- expect: global 'require'
local io = require("io")
io.open("/tmp/stormdrill-hostile-pwned-require", "w"):write("pwned")
