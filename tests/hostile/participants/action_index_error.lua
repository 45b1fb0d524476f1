-- Hostile participant: returns an "action" whose fields come from an __index metamethod
-- that raises an error: the engine reads the returned table after the protected call
-- has ended, so the error must not escape unprotected (abort).
participant { name = "Mallory" }
function on_item(item)
  return setmetatable({}, { __index = function(t, k) error("boom") end })
end
