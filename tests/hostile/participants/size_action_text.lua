-- Hostile participant: a reply text of 1 MB (texts are at most 20000 bytes).
-- expect: 'text' is longer than 20000 bytes
participant { name = "Mallory" }
function on_item(item) return { action = "reply", item = item.id, text = string.rep("t", 1000000) } end
