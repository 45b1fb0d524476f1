-- Gaming participant understand_url: greeting, "Jag förstår." / "I understand.", a web
-- address (the item's hints.link, else a fixed one) and sign-off, to everyone the diligent
-- participant answers; otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: I understand + a URL" }

G.wrap {
  item = function(item, actions)
    return G.retext(item, actions, function(it)
      local say = G.lang() == "en" and "I understand." or "Jag förstår."
      return G.compose(G.name(it.author), say .. " " .. (it.hints.link or "https://www.example.se/"))
    end)
  end,
}
