-- Hostile: include() of a named pipe in the scenario's folder (blocks for ever on open).
-- setup: fifo pipe.lua
-- expect-line: 5
-- expect: is a named pipe
include("pipe.lua")
