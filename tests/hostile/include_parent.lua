-- Hostile: tries to include a file above the scenario's folder with "../".
-- expect-line: 4
-- expect: is not allowed
include("../data/mini.lua")
