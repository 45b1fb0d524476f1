-- Hostile participant: endless recursion through C (__index) in on_item.
-- expect-line: 6
-- expect: stack overflow
participant { name = "Mallory" }
function on_item(item)
  local t = setmetatable({}, { __index = function(t, k) return t[k] end })
  return t.action
end
