-- Hostile: re-entrancy through scenario{}: its table's __index makes a declaration.
-- expect-line: 4
-- expect: plain table
scenario(setmetatable({ id = "hostile", title = "Hostile", language = "sv",
  start = "2026-03-10 09:00", duration = "1h" }, { __index = function() post { id = "p", text = "x" } end }))
