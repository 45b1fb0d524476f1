-- Gaming participant wrong_language: the old template reply (template_only) in the other
-- language: English greeting, body and sign-off in a Swedish exercise, Swedish in an
-- English one. Otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: the template in the other language" }

G.wrap {
  item = function(item, actions)
    local other = G.lang() == "en" and "sv" or "en"
    return G.retext(item, actions, function(it)
      return G.compose(G.name(it.author), G.template_body(it, other), other)
    end)
  end,
}
