-- Gaming participant storm_keywords: one reply per storm theme (its first comment) that is
-- the greeting, the theme's key phrases run together ("Norrby skola samma dagar samma
-- tider") and the sign-off, pinned; every other storm comment referred to it. The triage
-- is right, the answers are key words. Otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: one key-word reply per theme, pinned" }

G.wrap {
  item = function(item, actions)
    if not G.storm_answerable(item) then return actions end
    local new = G.note_theme(item)
    local out = G.without_item(item, actions)
    if new then
      local labels, phrases = G.point_labels(item.hints)
      if #phrases == 0 then phrases = labels end
      out[#out + 1] = { action = "reply", item = item.id, after = "2m",
                        text = G.compose(G.name(item.author), table.concat(phrases, " ")) }
      out[#out + 1] = { action = "pin", item = item.id, after = "3m" }
    else
      out[#out + 1] = { action = "refer_previous", item = item.id, after = "2m" }
    end
    return out
  end,
}
