-- Hostile: exhausts the engine's own memory, outside the Lua state's cap: a storm whose
-- text pool holds the same 20000-byte Lua string 100000 times (the limits of one text
-- and of one pool) is under 2 MiB of Lua memory but would be 2 GB of copies in the engine;
-- the loader's text budget (64 MiB per scenario) stops it with the file and line.
-- expect: 64 MiB
scenario { id = "hostile", title = "Hostile", language = "sv", start = "2026-03-10 09:00",
           duration = "1h", account = { name = "Ekby kommun", handle = "ekbykommun" } }
post { id = "p1", at = "+0m", text = "Biblioteket stänger i april." }
local text = string.rep("x", 19999) .. "\n"
local pool = {}
for i = 1, 100000 do pool[i] = text end
storm { id = "s1", on = "p1", from = "+10m", to = "+30m", count = 5, texts = pool }
