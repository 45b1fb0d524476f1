-- Gaming participant storm_refer_all: every storm comment (direct or not, repeat or not)
-- gets a refer_previous and nothing else: no theme is ever answered in words. Otherwise
-- diligent (its crisis statement and pin included).
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: refers every storm comment" }

G.wrap {
  item = function(item, actions)
    if not G.storm_answerable(item) then return actions end
    local out = G.without_item(item, actions)
    out[#out + 1] = { action = "refer_previous", item = item.id, after = "2m" }
    return out
  end,
}
