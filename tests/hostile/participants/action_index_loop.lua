-- Hostile participant: returns an "action" whose __index loops for ever: the engine reads
-- the returned table outside any protected call, where a tripped limit cannot be caught.
participant { name = "Mallory" }
function on_item(item)
  return setmetatable({}, { __index = function(t, k) while true do end end })
end
