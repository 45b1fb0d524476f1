-- Hostile: endless recursion through C: a gsub callback that calls gsub again.
-- expect-line: 5
-- expect: stack overflow
local function f(s)
  return (("ab"):gsub(".", f))
end
f("x")
