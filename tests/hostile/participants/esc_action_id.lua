-- Hostile participant: returns actions whose fields carry escape sequences: an action
-- type that clears the screen, then (were it accepted) a duration that sets the title.
-- The error quoting the action's type must be escaped.
-- expect: action '\x1b[2J\x1b[3J\x1b]0;pwned\x07reply\r' that does not exist
participant { name = "Mallory" }
function on_item(item)
  return { action = "\27[2J\27[3J\27]0;pwned\7reply\r", item = "\27]0;x\7" .. item.id,
           text = "Hej \27[5m\r", after = "\27]0;x\7" }
end
