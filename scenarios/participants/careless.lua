-- The careless participant: everything the guideline warns against, for tests and for
-- showing what the feedback looks like when it goes wrong.
--
--  * slow: answers 25 minutes to 2 hours after an item arrives, often not at all;
--  * no greeting and no sign-off, never a link, never an acknowledgement first;
--  * deletes critical comments from frustrated or angry residents;
--  * answers trolls at length (a long, defensive reply instead of monitoring);
--  * answers repeated questions again instead of referring to the first answer;
--  * forgets escalations (to case handling, the press officer, IT security, backup);
--  * hijacked account: changes the password late, revokes the sessions much later or
--    never, never turns on two-factor authentication, never removes the former
--    employee's access, never deletes the attacker's posts and tells the followers nothing.
-- Its choices are random but reproducible: math.random is seeded from the exercise seed.
participant { name = "Robin", description = "Långsam, slarvig och defensiv." }

local function chance(p) return math.random() < p end

local function minutes(lo, hi) return math.random(lo, hi) end

local troll_answer = "Nu får du faktiskt skärpa dig. Det är inte alls som du påstår, och "
    .. "vi på kommunen jobbar hårt varje dag med saker som du uppenbarligen inte har en "
    .. "aning om. Om du hade läst vad vi faktiskt skrev i inlägget hade du sett att det "
    .. "här är en fråga som har utretts i flera månader av kunniga tjänstepersoner, och "
    .. "att beslutet är fattat i enlighet med gällande regler och de budgetramar som "
    .. "fullmäktige har beslutat om. Det är lätt att sitta hemma och klaga i ett "
    .. "kommentarsfält men svårare att faktiskt bidra med något konstruktivt. Vi tänker "
    .. "inte be om ursäkt för att vi gör vårt jobb. Om du har synpunkter får du vända dig "
    .. "till rätt instans i stället för att sprida lögner här. Det här är sista gången "
    .. "vi svarar på den här typen av påhopp!!!"

-- On X (280 characters) the rant is shorter, but no better.
local troll_answer_x = "Nu får du faktiskt skärpa dig. Det är inte alls som du påstår, och "
    .. "vi på kommunen jobbar hårt varje dag med saker som du uppenbarligen inte har en "
    .. "aning om. Det är lätt att sitta hemma och klaga. Vi tänker inte be om ursäkt för att "
    .. "vi gör vårt jobb. Sluta sprida lögner här!!!"

local short_answers = {
  "Läs inlägget.",
  "Vi kollar på det.",
  "Det står på hemsidan.",
  "Ok.",
  "Vi har inte tid att svara på alla frågor här.",
}

local hijacks_seen = 0

function on_item(item)
  local h = item.hints
  local a = {}

  if item.kind == "notice" then
    -- Misses steps: the password late, the sessions maybe, nothing else.
    hijacks_seen = hijacks_seen + 1
    a[#a + 1] = { action = "account", step = "change_password", after = minutes(20, 40) }
    if chance(0.5) then
      a[#a + 1] = { action = "account", step = "revoke_sessions", after = minutes(60, 90) }
    end
    return a
  end
  if item.kind == "attacker_post" or item.kind == "post" or item.kind == "media" then
    return nil
  end
  if item.kind == "internal" then
    if chance(0.5) then
      a[#a + 1] = { action = "acknowledge", item = item.id, after = minutes(20, 60) }
    end
    return a
  end
  if not item.author then return nil end

  if h.class == "troll" then
    local public_on_x = (item.kind == "comment" or item.kind == "reply") and item.platform == "x"
    a[#a + 1] = { action = "reply", item = item.id, text = public_on_x and troll_answer_x or troll_answer,
                  after = minutes(5, 20) }
    return a
  end
  local mood = item.author.mood
  if item.kind == "comment" and (mood == "angry" or mood == "frustrated") and chance(0.4) then
    a[#a + 1] = { action = "delete", item = item.id, reason = "negativ", after = minutes(10, 40) }
    return a
  end
  if item.kind == "inquiry" then
    -- No escalation to the press officer; maybe a short reply, late.
    if chance(0.5) then
      a[#a + 1] = { action = "reply", item = item.id, text = "Inga kommentarer.", after = minutes(30, 90) }
    end
    return a
  end
  if h.answer and chance(0.6) then
    local kind = item.kind == "dm" and "dm_reply" or "reply"
    a[#a + 1] = { action = kind, item = item.id, text = short_answers[math.random(#short_answers)],
                  after = minutes(25, 120) }
  end
  return a
end
