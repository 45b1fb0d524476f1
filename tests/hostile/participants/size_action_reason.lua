-- Hostile participant: a moderation reason of 1 MB (reasons are at most 2000 bytes).
-- expect: 'reason' is longer than 2000 bytes
participant { name = "Mallory" }
function on_item(item) return { action = "hide", item = item.id, reason = string.rep("r", 1000000) } end
