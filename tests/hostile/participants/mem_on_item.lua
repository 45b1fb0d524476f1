-- Hostile participant: a memory bomb (s = s .. s) in on_item, inside pcall.
-- expect-line: 8
-- expect: memory limit
participant { name = "Mallory" }
function on_item(item)
  pcall(function()
    local s = item.id
    while true do s = s .. s end
  end)
end
