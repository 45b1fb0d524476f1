-- Hostile: re-entrancy through hijack_posts: a table whose __index/__len makes further declarations
-- while the first is being read (a heap use-after-free before: the nested declaration moved
-- the array the first one wrote into). Declaration tables are read raw; a metatable is refused.
-- expect-line: 17
-- expect: plain table
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
persona { id = "anna", first = "Anna", mood = "calm" }
post { id = "p1", at = "+0m", text = "Biblioteket stänger i april." }
comment { id = "c1", at = "+1m", on = "p1", author = "anna", text = "Varför?" }
local n = 0
local meta = { __index = function(t, k)
  n = n + 1
  persona { id = "x" .. n, first = "X" }
  return nil
end, __len = function() persona { id = "y", first = "Y" } return 1 end }
hijack { id = "h2", at = "+5m", notice = "n", posts = setmetatable({ "a" }, meta) }
