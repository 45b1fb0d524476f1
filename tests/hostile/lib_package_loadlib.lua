-- Hostile: tries to load libc's system() with package.loadlib.
-- expect-line: 4
-- expect: global 'package'
local system = package.loadlib("libc.so.6", "system")
system("touch /tmp/stormdrill-hostile-pwned-loadlib")
