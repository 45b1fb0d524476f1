-- Hostile: an endless loop in xpcall whose handler then loops too: the handler would run
-- after the limit has tripped, with hooks switched off.
-- expect-line: 5
-- expect: script stopped
xpcall(function() while true do end end, function(e) while true do end end)
