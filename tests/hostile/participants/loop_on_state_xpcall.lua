-- Hostile participant: in on_state, an endless loop inside xpcall whose handler loops too.
-- expect-line: 7
-- expect: script stopped
participant { name = "Mallory" }
function on_item(item) end
function on_state(state)
  xpcall(function() while true do end end, function(e) while true do end end)
end
