-- Hostile: tries to include a file by absolute path.
-- expect-line: 4
-- expect: is not allowed
include("/etc/passwd.lua")
