-- Hostile: an xpcall handler that declares while a failed declaration is still on the stack,
-- then a duplicate: the guard is cleared whatever happens, so the duplicate is what is refused.
-- expect-line: 9
-- expect: declared twice
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
xpcall(function() persona { id = "a" } end, function() persona { id = "b", first = "B" } end)
persona { id = "c", first = "C" }
persona { id = "b", first = "B2" }
