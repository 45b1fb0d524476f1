-- Single-fault participant troll_feeder: the diligent participant, but every troll and
-- every threat (hints.class troll or illegal) gets a long, polite public answer (over 60
-- words) instead of being monitored, hidden or reported; the escalations stay.
-- On X the answer is shorter (it must fit in 280 characters), but still a polite lecture.
-- Fault: response_model.
local G = include("lib/common.lua")
participant { name = "Kim", description = "single fault: answers trolls at length" }

local long = {
  sv = "Tack för att du skriver till oss. Vi förstår att du har starka åsikter om det här, "
    .. "och vi vill gärna förklara hur det ligger till. Beslutet har fattats efter en "
    .. "noggrann utredning där många olika synpunkter har vägts in, och vi har tagit hänsyn "
    .. "både till ekonomin och till vad som är bäst för invånarna på lång sikt. Vi lyssnar "
    .. "alltid på synpunkter och tar med oss det du skriver till våra kollegor. Vill du "
    .. "veta mer berättar vi gärna mer om hur vi har resonerat och vad som händer framåt.",
  en = "Thank you for writing to us. We understand that you have strong views on this, and "
    .. "we would like to explain how things stand. The decision was taken after a careful "
    .. "review in which many different views were weighed, and we considered both the "
    .. "budget and what is best for residents in the long run. We always listen to "
    .. "feedback and we will pass on what you write to our colleagues. If you would like "
    .. "to know more, we are happy to tell you more about our reasoning and what happens next.",
}

local long_x = {
  sv = "Tack för att du skriver till oss. Vi förstår att du har starka åsikter om det här. "
    .. "Beslutet har fattats efter en noggrann utredning, och vi lyssnar alltid på "
    .. "synpunkter. Vill du veta mer berättar vi gärna hur vi har resonerat.",
  en = "Thank you for writing to us. We understand that you have strong views on this. The "
    .. "decision was taken after a careful review, and we always listen to feedback. If "
    .. "you would like to know more, we are happy to explain our reasoning.",
}

local dropped = { hide = true, report = true, delete = true }

G.wrap {
  item = function(item, actions)
    local c = item.hints.class
    if (c ~= "troll" and c ~= "illegal") or item.author == nil then return actions end
    local out = {}
    for _, a in ipairs(actions) do
      if not (dropped[a.action] and a.item == item.id) then out[#out + 1] = a end
    end
    out[#out + 1] = { action = item.kind == "dm" and "dm_reply" or "reply", item = item.id,
                      text = G.compose(G.name(item.author),
                                       (item.platform == "x" and item.kind ~= "dm" and long_x or long)[G.lang()]),
                      after = "3m" }
    return out
  end,
}
