-- Single-fault participant wrong_name: the diligent participant, but each reply greets
-- the author of the item before this one (the last item with an author that arrived
-- before it) instead of this item's author. Fault: greeting (the wrong person's name).
local G = include("lib/common.lua")
participant { name = "Kim", description = "single fault: greets the previous author" }

local previous -- the first name of the previous item's author

local function plain(s) return (s:gsub("[%%%]%^%-$().[*+?]", "%%%0")) end

G.wrap {
  item = function(item, actions)
    local author = item.author
    local wrong = previous
    if author then previous = G.name(author) end
    if wrong == nil or author == nil then return actions end
    return G.retext(item, actions, function(_, a)
      return (a.text:gsub(plain(G.name(author)), (wrong:gsub("%%", "%%%%")), 1))
    end)
  end,
}
