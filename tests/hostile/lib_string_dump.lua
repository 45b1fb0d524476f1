-- Hostile: tries to make bytecode with string.dump (to load it later, bypassing the
-- verifier-less binary loader).
-- expect-line: 5
-- expect: field 'dump'
local code = string.dump(function() return 1 end)
