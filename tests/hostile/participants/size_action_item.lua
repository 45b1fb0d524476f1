-- Hostile participant: an action whose item id is 1 MB (refused before it is logged: score could not read it back).
-- expect: 'item' is longer than 64 bytes
participant { name = "Mallory" }
function on_item(item) return { action = "reply", item = string.rep("i", 1000000), text = "hej" } end
