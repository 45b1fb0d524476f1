-- Gaming participant keyword_stuffing: greeting, every key point label the item's hints
-- carry (hints.points) run together, and sign-off. An item without key points gets the
-- old template body (so, until hints carry key points, this is template_only).
-- Otherwise diligent. Whether this is gaming or an answer is the lead's call: the table
-- shows it, the test does not judge it (tests/gaming/check.py, BORDERLINE).
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: key point labels run together" }

G.wrap {
  item = function(item, actions)
    return G.retext(item, actions, function(it)
      local labels = G.point_labels(it.hints)
      if #labels == 0 then return G.compose(G.name(it.author), G.template_body(it)) end
      return G.compose(G.name(it.author), table.concat(labels, " "))
    end)
  end,
}
