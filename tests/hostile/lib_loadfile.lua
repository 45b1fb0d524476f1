-- Hostile: tries to read a file outside the scenario's folder with loadfile.
-- expect-line: 4
-- expect: global 'loadfile'
local f = loadfile("/etc/hostname")
