-- Gaming participant storm_pin_soup: answers no storm comment; instead, for each storm
-- theme it meets, publishes one statement that runs every key phrase of every theme seen
-- so far together ("6 maj dialogmöte Norrby skola tisdagar bibliotekarierna ...") and pins
-- it, hoping the pinned statement covers every theme. Its crisis statement is the soup
-- too. Otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: a pinned statement of key words" }

G.wrap {
  item = function(item, actions)
    local new = G.note_theme(item)
    local out = {}
    for _, a in ipairs(actions) do
      if a.action == "publish" and item.storm then a.text = G.soup() end
      if not (G.storm_answerable(item) and a.item == item.id) then out[#out + 1] = a end
    end
    if new and G.storm_answerable(item) then
      out[#out + 1] = { action = "publish", text = G.soup(), after = "1m" }
      out[#out + 1] = { action = "pin", after = "2m" }
    end
    return out
  end,
}
