-- The demo participant of `make run`: a reasonable editor who gets most things right and
-- some things wrong, so that the summary shows both good and missed items.
--
-- Good: greets by first name and signs off, usually says what the scenario's model answer
-- says (hints.model; else a short general reply), usually acknowledges an upset author
-- first and gives the link, refers repeated questions to the earlier answer, leaves trolls alone,
-- sends individual cases to case handling and journalists to the press officer,
-- acknowledges messages from the manager and colleagues, and in a hijack escalates to IT
-- security and locks the attacker out.
-- Imperfect: about one reply in four is a general "we are working on it" that answers
-- nothing, sometimes forgets the acknowledgement or the link, falls behind in a storm
-- (answers about two comments in three, some too late), skips thank-yous, does not bring
-- in a colleague on its own, and in a hijack forgets the former employee's access at
-- first, so the attacker comes back once.
-- Its choices are random but reproducible: math.random is seeded from the exercise seed.
participant { name = "Alex", description = "Gör det mesta rätt, men inte allt." }

-- Who still has access: the security panel names them (exercise.former_staff).
local function former()
  return params.former or (exercise.former_staff and exercise.former_staff[1]) or "former_employee"
end

local function chance(p) return math.random() < p end

local function has(list, value)
  for _, v in ipairs(list or {}) do
    if v == value then return true end
  end
  return false
end

-- Its words in the exercise's language (Swedish first, English second).
local words = {
  sv = {
    hello = "Hej %s!\n", regards = "\nVänliga hälsningar,\n%s",
    understand = "Jag förstår att det här är frustrerande.",
    case = "Jag har lämnat ditt ärende till våra handläggare, de hör av sig till dig.",
    thanks = "Tack, vad roligt!",
    answer = "Bra fråga! Vi jobbar på det och berättar mer så snart vi vet.",
    more = "Mer information: ",
    hijack = "Vårt konto har varit kapat i kväll. Klicka inte på länkarna i inläggen om "
        .. "presentkort och bidrag, de kommer inte från oss.",
  },
  en = {
    hello = "Hi %s!\n", regards = "\nKind regards,\n%s",
    understand = "I understand that this is frustrating.",
    case = "I have passed your case to our case officers, they will be in touch.",
    thanks = "Thank you, how nice!",
    answer = "Good question! We are working on it and will tell you more as soon as we know.",
    more = "More information: ",
    hijack = "Our account was hacked this evening. Do not click the links in the posts about "
        .. "gift cards and grants, they do not come from us.",
  },
}
local function w() return words[exercise.language] or words.sv end

local function reply_text(item)
  local h = item.hints
  -- a persona known by its handle alone (an Instagram account) is greeted by its handle
  local a = item.author
  local hello = a.first and string.format(w().hello, a.first)
      or (a.handle and string.format(w().hello, "@" .. a.handle)) or (exercise.language == "en" and "Hi!\n" or "Hej!\n")
  local regards = string.format(w().regards, exercise.me)
  if h.model and h.class ~= "thanks" and chance(0.75) then
    return hello .. h.model .. regards
  end
  local body = {}
  if h.acknowledge and chance(0.75) then
    body[#body + 1] = w().understand
  end
  if has(h.escalate, "case_handling") then
    body[#body + 1] = w().case
  elseif h.class == "thanks" then
    body[#body + 1] = w().thanks
  else
    body[#body + 1] = w().answer
  end
  if h.link and chance(0.75) then body[#body + 1] = w().more .. h.link end
  return hello .. table.concat(body, " ") .. regards
end

local notices = 0

function on_item(item)
  local h = item.hints
  local a = {}
  if item.kind == "notice" then
    notices = notices + 1
    a[#a + 1] = { action = "acknowledge", item = item.id, after = "2m" }
    a[#a + 1] = { action = "escalate", item = item.id, target = "it_security", after = "4m" }
    a[#a + 1] = { action = "account", step = "change_password", after = "6m" }
    a[#a + 1] = { action = "account", step = "revoke_sessions", after = "8m" }
    a[#a + 1] = { action = "account", step = "enable_2fa", after = "10m" }
    if notices > 1 then
      -- The second time round it remembers the former employee.
      a[#a + 1] = { action = "account", step = "remove_access", person = former(), after = "11m" }
    end
    if notices == 1 then
      a[#a + 1] = { action = "publish", after = "15m", text = w().hijack }
    end
    return a
  end
  if item.kind == "attacker_post" then
    a[#a + 1] = { action = "delete", item = item.id, reason = "kapat konto", after = "3m" }
    return a
  end
  if item.kind == "internal" then
    a[#a + 1] = { action = "acknowledge", item = item.id, after = math.random(3, 8) }
    -- Escalates what the message asks for, except bringing in a colleague.
    for _, target in ipairs(h.escalate) do
      if target ~= "colleague_backup" then
        a[#a + 1] = { action = "escalate", item = item.id, target = target, after = 9 }
      end
    end
    return a
  end
  if not item.author or not h.answer then
    return nil -- posts, media, trolls: monitor
  end
  if h.class == "thanks" and chance(0.5) then
    return nil -- skips half of the thank-yous
  end
  for _, target in ipairs(h.escalate) do
    a[#a + 1] = { action = "escalate", item = item.id, target = target, after = math.random(4, 10) }
  end
  local delay = math.random(4, 12)
  if item.storm then
    if chance(0.3) then return a end  -- falls behind in the storm
    delay = math.random(5, 24)
  end
  if item.repeat_of then
    a[#a + 1] = { action = "refer_previous", item = item.id, after = delay }
  else
    local kind = item.kind == "dm" and "dm_reply" or "reply"
    a[#a + 1] = { action = kind, item = item.id, text = reply_text(item), after = delay }
  end
  return a
end
