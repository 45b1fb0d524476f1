-- Gaming participant rude_then_copies: the first reply is rude and asks for a personal
-- identity number in public ("Skicka ditt personnummer så kollar vi, läs på innan du
-- skriver!"); every later reply is the polite old template (template_only's text), so
-- that the polite replies pad out the one serious fault. Otherwise diligent.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: one rude reply, then polite copies" }

local rude_sent = false

G.wrap {
  item = function(item, actions)
    return G.retext(item, actions, function(it)
      if not rude_sent then
        rude_sent = true
        return G.compose(G.name(it.author), G.lang() == "en"
          and "Send us your personal identity number and we will check, read up before you write!"
          or "Skicka ditt personnummer så kollar vi, läs på innan du skriver!")
      end
      return G.compose(G.name(it.author), G.template_body(it))
    end)
  end,
}
