-- Gaming participant storm_direct_wrong_name: in the storm, answers only the direct
-- questions, with the theme's model answer copied, greeting the previous direct
-- question's author; no theme answered otherwise, no repeat referred. Otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: model answers to the wrong name" }

local previous
G.wrap {
  item = function(item, actions)
    if not G.storm_answerable(item) then return actions end
    local out = G.without_item(item, actions)
    if item.direct and not item.repeat_of and item.hints.model and item.author then
      local wrong = previous
      previous = G.name(item.author)
      if wrong and wrong ~= G.name(item.author) then
        out[#out + 1] = { action = "reply", item = item.id, after = "2m",
                          text = G.compose(wrong, item.hints.model) }
      end
    end
    return out
  end,
}
