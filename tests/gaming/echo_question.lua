-- Gaming participant echo_question: greeting, the comment's own text quoted back ("Du
-- frågar: ..."), "Vi återkommer." and sign-off, to everyone the diligent participant
-- answers; otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: the question quoted back" }

G.wrap {
  item = function(item, actions)
    return G.retext(item, actions, function(it)
      local body
      if G.lang() == "en" then
        body = "You ask: \"" .. it.text .. "\" We will get back to you."
      else
        body = "Du frågar: \"" .. it.text .. "\" Vi återkommer."
      end
      return G.compose(G.name(it.author), body)
    end)
  end,
}
