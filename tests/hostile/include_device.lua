-- Hostile: include() of a character device (like /dev/zero) in the scenario's folder.
-- setup: device dev.lua
-- expect-line: 5
-- expect: is a device
include("dev.lua")
