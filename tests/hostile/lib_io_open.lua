-- Hostile: tries to create a file with io.open (the io library must not exist).
-- expect-line: 4
-- expect: global 'io'
local f = io.open("/tmp/stormdrill-hostile-pwned-io", "w")
f:write("pwned\n")
f:close()
