-- Gaming participant storm_pin_troll: answers no storm comment; replies to a troll in the
-- storm with every key phrase seen so far and pins that reply, each time a new theme has
-- shown up. Otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: a pinned key-word reply to a troll" }

local grew = false
G.wrap {
  item = function(item, actions)
    if G.note_theme(item) then grew = true end
    if G.storm_answerable(item) then return G.without_item(item, actions) end
    if item.storm and item.hints.class == "troll" and item.author and grew then
      grew = false
      actions[#actions + 1] = { action = "reply", item = item.id, after = "1m",
                                text = G.compose(G.name(item.author), G.soup()) }
      actions[#actions + 1] = { action = "pin", item = item.id, after = "2m" }
    end
    return actions
  end,
}
