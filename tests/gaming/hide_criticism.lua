-- Single-fault participant hide_criticism: the diligent participant, but every critical
-- comment it answers is hidden a minute after the answer: justified criticism,
-- dissatisfied residents, misunderstandings, and questions from a frustrated or angry
-- author (hints.class, item.author.mood). Fault: response_model.
local G = include("lib/common.lua")
participant { name = "Kim", description = "single fault: hides criticism after answering it" }

local critical_class = { justified_criticism = true, dissatisfied = true, misunderstanding = true }
local upset = { frustrated = true, angry = true }

local function critical(item)
  local c = item.hints.class
  if critical_class[c] then return true end
  return c == "question" and item.author ~= nil and upset[item.author.mood] == true
end

G.wrap {
  item = function(item, actions)
    if (item.kind ~= "comment" and item.kind ~= "reply") or not critical(item) then
      return actions
    end
    for _, a in ipairs(actions) do
      if a.item == item.id and (G.is_text_answer(a) or a.action == "refer_previous") then
        actions[#actions + 1] = { action = "hide", item = item.id, reason = "kritik",
                                  after = G.minutes(a.after) + 1 }
        break
      end
    end
    return actions
  end,
}
