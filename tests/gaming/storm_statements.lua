-- Gaming participant storm_statements: answers no storm comment; publishes a statement
-- on each of the storm's first ten comments (the crisis statement diligent would send,
-- again and again) and pins the last. Otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: ten statements, no answers" }

local text, n = nil, 0
G.wrap {
  item = function(item, actions)
    for _, a in ipairs(actions) do
      if a.action == "publish" and item.storm then text = a.text end
    end
    local out = actions
    if G.storm_answerable(item) then out = G.without_item(item, actions) end
    if text and G.storm_answerable(item) and n < 10 then
      n = n + 1
      out[#out + 1] = { action = "publish", text = text, after = "1m" }
      out[#out + 1] = { action = "pin", after = "2m" }
    end
    return out
  end,
}
