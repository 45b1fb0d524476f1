-- Gaming participant template_only: the diligent participant as it was before issue 12 -
-- greeting, the acknowledgement when the author is upset, "Tack för din fråga, vi svarar
-- gärna." (or the old case, press and thank-you sentences), the link, sign-off - with all
-- its escalations and account steps: all the form, none of the content.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: the old template reply" }

G.wrap {
  item = function(item, actions)
    return G.retext(item, actions, function(it)
      return G.compose(G.name(it.author), G.template_body(it))
    end)
  end,
}
