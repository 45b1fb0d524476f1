-- Gaming participant escalate_everything: replies like template_only (the old template)
-- and escalates every item to every target (with the item), besides the escalations the
-- diligent participant makes.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: template replies, every item escalated everywhere" }

G.wrap {
  item = function(item, actions)
    G.retext(item, actions, function(it) return G.compose(G.name(it.author), G.template_body(it)) end)
    local done = {}
    for _, a in ipairs(actions) do
      if a.action == "escalate" and a.item == item.id then done[a.target] = true end
    end
    for _, target in ipairs(G.targets) do
      if not done[target] then
        actions[#actions + 1] = { action = "escalate", item = item.id, target = target, after = "2m" }
      end
    end
    return actions
  end,
}
