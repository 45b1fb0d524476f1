-- Hostile: many pattern calls each just under the limit: the budget and clock stop them.
-- expect-line: 6
-- expect: script stopped
local s = string.rep("a", 3000)
for i = 1, 1e9 do
  s:find("a*b")
end
