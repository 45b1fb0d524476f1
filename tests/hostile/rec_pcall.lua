-- Hostile: endless recursion with a pcall at every level that catches the overflow and
-- recurses again (exponentially many overflows: the time limit stops it, no crash).
-- expect: script stopped
local function f()
  pcall(f)
  f()
end
f()
