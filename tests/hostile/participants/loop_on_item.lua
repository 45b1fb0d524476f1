-- Hostile participant: an endless loop in on_item.
-- expect-line: 6
-- expect: script stopped
participant { name = "Mallory" }
function on_item(item)
  while true do end
end
