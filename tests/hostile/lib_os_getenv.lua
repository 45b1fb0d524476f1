-- Hostile: tries to read the environment with os.getenv.
-- expect-line: 4
-- expect: global 'os'
local home = os.getenv("HOME")
error("got HOME = " .. tostring(home))
