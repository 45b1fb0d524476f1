-- Gaming participant same_answer: the answer to the first question (the diligent
-- participant's reply to the first item it answers that is not a thank-you: its model
-- answer once it sends them) copied to every other person, whatever they asked; only the
-- name in the greeting is theirs. Otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: one answer copied to everyone" }

local first_text, first_name -- the copied reply and the name it greets

local function plain(s) return (s:gsub("[%%%]%^%-$().[*+?]", "%%%0")) end

G.wrap {
  item = function(item, actions)
    return G.retext(item, actions, function(it, a)
      local first = G.name(it.author)
      if first_text == nil then
        if it.hints.class == "thanks" then return nil end
        first_text, first_name = a.text, first
        return nil
      end
      return (first_text:gsub(plain(first_name), (first:gsub("%%", "%%%%")), 1))
    end)
  end,
}
