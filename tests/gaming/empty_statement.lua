-- Single-fault participant empty_statement: the diligent participant, but every post it
-- publishes (the crisis statement, the message to followers after a hijack) is the single
-- word "Hej." ("Hi." in English). Fault: show_action or secure_accounts.
local G = include("lib/common.lua")
participant { name = "Kim", description = "single fault: statements that say nothing" }

G.wrap {
  item = function(item, actions)
    for _, a in ipairs(actions) do
      if a.action == "publish" then a.text = G.lang() == "en" and "Hi." or "Hej." end
    end
    return actions
  end,
}
