-- Gaming participant storm_hide_direct: hides every direct question in the storm so that
-- nothing waits for an answer, and answers no storm comment. Otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: hides the direct questions" }

G.wrap {
  item = function(item, actions)
    if not G.storm_answerable(item) then return actions end
    local out = G.without_item(item, actions)
    if item.direct then
      out[#out + 1] = { action = "hide", item = item.id, after = "1m", reason = "spam" }
    end
    return out
  end,
}
