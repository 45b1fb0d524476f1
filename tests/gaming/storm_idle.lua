-- Reference participant storm_idle (not a gaming bot): the diligent participant, but it
-- does nothing with the storm's ordinary comments (no theme answered, no direct question
-- answered, no repeat referred); the crisis process, threats and everything outside the
-- storm as diligent. What the storm's own work is worth: a storm bot should not score
-- above it by much.
local G = include("lib/common.lua")
participant { name = "Kim", description = "reference: leaves the storm's comments alone" }

G.wrap {
  item = function(item, actions)
    if G.storm_answerable(item) then return G.without_item(item, actions) end
    return actions
  end,
}
