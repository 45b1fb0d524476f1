-- Gaming participant phrase_stuffing: greeting, every phrase of every key point the
-- item's hints carry (hints.points[i].say) run together, and sign-off: the words the
-- matcher looks for, without sentences. An item without them gets the old template body.
-- Otherwise diligent. Borderline like keyword_stuffing (tests/gaming/check.py).
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: key point phrases run together" }

G.wrap {
  item = function(item, actions)
    return G.retext(item, actions, function(it)
      local _, phrases = G.point_labels(it.hints)
      if #phrases == 0 then return G.compose(G.name(it.author), G.template_body(it)) end
      return G.compose(G.name(it.author), table.concat(phrases, " "))
    end)
  end,
}
