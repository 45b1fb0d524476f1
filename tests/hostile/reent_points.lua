-- Hostile: re-entrancy through expect.points: a key point's table and its list of phrases
-- carry metatables whose __index/__len make further declarations while the comment is being
-- read. Contents are read raw like every declaration table; a metatable is refused.
-- expect-line: 15
-- expect: plain table
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
persona { id = "anna", first = "Anna", mood = "calm" }
post { id = "p1", at = "+0m", text = "Biblioteket stänger i april." }
local n = 0
local meta = { __index = function(t, k)
  n = n + 1
  persona { id = "x" .. n, first = "X" }
end, __len = function() persona { id = "y", first = "Y" } return 1 end }
comment { id = "c1", on = "p1", author = "anna", text = "När?", expect = { points = { { label = "torsdag", say = setmetatable({ "torsdag" }, meta) } } } }
