-- Hostile participant: gives the globals table an __index that raises an error, so that
-- the engine's look-up of on_state (undefined here) after loading runs script code
-- outside a protected call. If the engine ignores the metamethod instead, on_item's use of
-- an undefined global still stops the run with the error, inside a protected call.
-- expect: boom
participant { name = "Mallory" }
function on_item(item)
  return not_defined_anywhere
end
setmetatable(_G, { __index = function(t, k) error("boom: " .. tostring(k)) end })
