-- Hostile: compiles a large text again and again (each load one C call).
-- expect-line: 6
-- expect: script stopped
local src = "local x = 1\n" .. string.rep("x = x + 1\n", 1000000)
for i = 1, 1e9 do
  load(src)
end
