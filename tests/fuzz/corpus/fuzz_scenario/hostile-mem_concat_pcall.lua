-- Hostile: a memory bomb inside pcall, which catches the error and keeps going.
-- expect-line: 8
-- expect: memory limit
local keep = {}
while true do
  pcall(function()
    local s = "y"
    while true do s = s .. s; keep[#keep + 1] = s end
  end)
end
