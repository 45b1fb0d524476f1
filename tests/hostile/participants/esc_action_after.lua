-- Hostile participant: a valid action whose duration carries escape sequences and a fake
-- "ok" after a carriage return (quoted in the error).
-- expect: invalid duration '1m\x1b]0;pwned\x07\x1b[2J\rstormdrill run: ok'
participant { name = "Mallory" }
function on_item(item)
  return { action = "reply", item = item.id, text = "Hej", after = "1m\27]0;pwned\7\27[2J\rstormdrill run: ok" }
end
