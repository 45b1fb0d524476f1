-- Gaming participant empty_body: greeting and sign-off with nothing in between, to
-- everyone the diligent participant answers; otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: greeting and sign-off only" }

G.wrap {
  item = function(item, actions)
    return G.retext(item, actions, function(it) return G.compose(G.name(it.author), "") end)
  end,
}
