-- Single-fault participant escalate_noise: the diligent participant, plus an escalation
-- to every target, without an item, at every situation update (every 5 simulated
-- minutes: on_state). Fault: inform_up (escalations nothing called for).
local G = include("lib/common.lua")
participant { name = "Kim", description = "single fault: escalates everywhere every 5 minutes" }

G.wrap {
  state = function(state, actions)
    for _, target in ipairs(G.targets) do
      actions[#actions + 1] = { action = "escalate", target = target }
    end
    return actions
  end,
}
