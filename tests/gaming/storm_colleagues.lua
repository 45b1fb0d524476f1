-- Gaming participant storm_colleagues: brings in every colleague there is (escalate
-- colleague_backup again and again) and leaves the storm's comments to them: no theme
-- answered, no direct question, no repeat referred by the participant. Otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: every colleague in, nothing else" }

local called = false
G.wrap {
  item = function(item, actions)
    local out = actions
    if G.storm_answerable(item) then out = G.without_item(item, actions) end
    if item.storm and not called then
      called = true
      for k = 1, 6 do
        out[#out + 1] = { action = "escalate", target = "colleague_backup", after = k }
      end
    end
    return out
  end,
}
