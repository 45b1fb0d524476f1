-- Hostile: includes itself for ever (endless include recursion).
-- expect: include_self.lua:4: include:
-- expect: more than 16 deep
include("include_self.lua")
