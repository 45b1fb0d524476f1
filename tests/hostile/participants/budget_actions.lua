-- Hostile participant: returns 200000 delayed replies of 20000 bytes each (one Lua string, 4 GB of engine copies): the exercise's memory budget stops it.
-- expect: memory budget
participant { name = "Mallory" }
local text = string.rep("t", 19999)
function on_item(item)
  local out = {}
  for i = 1, 200000 do out[i] = { action = "reply", item = item.id, text = text, after = "30m" } end
  return out
end
