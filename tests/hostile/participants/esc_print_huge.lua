-- Hostile participant: print() of a huge string of escape sequences (16 MB, with carriage
-- returns and a fake "ok" line), then an error: the print line is cut at
-- SD_PRINT_MAX_BYTES as it is made, and what reaches the terminal is escaped.
-- expect-line: 10
-- expect: (print cut:
-- expect: \x1b]0;pwned\x07\x1b[2J\r\nstormdrill run: ok
participant { name = "Mallory" }
function on_item(item)
  print(string.rep("\27]0;pwned\7\27[2J\r\nstormdrill run: ok", 16 * 1024 * 1024 // 34), "\27c")
  error("after the print")
end
