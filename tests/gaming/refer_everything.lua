-- Gaming participant refer_everything: every reply the diligent participant would send
-- becomes a refer_previous ("see our earlier answer"), whether or not the question was
-- asked before: no text to judge at all. Otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: refers everyone to an earlier answer" }

G.wrap {
  item = function(item, actions)
    for i, a in ipairs(actions) do
      if G.is_text_answer(a) and a.item == item.id then
        actions[i] = { action = "refer_previous", item = a.item, after = a.after }
      end
    end
    return actions
  end,
}
