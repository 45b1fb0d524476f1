-- Hostile participant: print() of one 16 MB string of escape sequences eight times: the
-- engine copied all 128 MB (outside the Lua memory cap) before printing them raw; now it
-- stops copying at SD_PRINT_MAX_BYTES and prints some 16 KB, escaped.
-- expect-line: 10
-- expect: (print cut:
-- expect: \x1b[2J\x1b[2J
participant { name = "Mallory" }
local s = string.rep("\27[2J", 4 * 1024 * 1024)
function on_item(item)
  print(s, s, s, s, s, s, s, s) error("after the print")
end
