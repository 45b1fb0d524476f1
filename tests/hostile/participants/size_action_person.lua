-- Hostile participant: an account step naming a person id of 1 MB.
-- expect: 'person' is longer than 64 bytes
participant { name = "Mallory" }
function on_item(item) return { action = "account", step = "remove_access", person = string.rep("p", 1000000) } end
