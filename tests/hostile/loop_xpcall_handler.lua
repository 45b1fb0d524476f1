-- Hostile: an xpcall whose message handler loops for ever (Lua runs handlers with hooks
-- off when the error came from a hook).
-- expect-line: 5
-- expect: script stopped
xpcall(function() error("first") end, function(e) while true do end end)
