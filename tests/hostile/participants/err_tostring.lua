-- Hostile participant: on_item raises an error value whose __tostring loops.
-- expect-line: 6
-- expect: error object is a table value
participant { name = "Mallory" }
function on_item(item)
  error(setmetatable({}, { __tostring = function() while true do end end }))
end
