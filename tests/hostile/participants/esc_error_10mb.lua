-- Hostile participant: an error message of 10 MB made of escape sequences, raised from
-- on_item: cut at SD_ERROR_MAX_BYTES with a note, escaped on the terminal.
-- expect-line: 7
-- expect: (message cut:
participant { name = "Mallory" }
function on_item(item)
  error(string.rep("\27[2J\27]0;x\7\r", 10485760 // 10))
end
