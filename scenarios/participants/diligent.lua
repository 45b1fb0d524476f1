-- The diligent participant: answers every item that expects it, quickly and by the book.
--
-- It reads the hints the engine gives with each item (item.hints) and does what they ask:
-- replies with "Hej <first name>!", an acknowledgement first when the author is upset, a
-- short body, the link when there is one and "Vänliga hälsningar, <name>"; refers repeated
-- questions to the earlier answer; leaves trolls alone (monitor) or hides them; escalates
-- to every target the item expects; acknowledges internal messages and notices.
--
-- Hijacked account (a notice whose hints.rules include secure_accounts): escalates to
-- it_security, then takes the account steps change_password, revoke_sessions, enable_2fa
-- and remove_access, deletes every attacker post and publishes a post that tells the
-- followers what happened.
--
-- Parameters (stormdrill run --param KEY=VALUE):
--   answer_every=N  answer only one in N of the items that expect an answer (default 1;
--                   the benchmark uses it to thin out a million replies)
--   former=ID       persona id of the former employee whose access must be removed;
--                   by default the first of exercise.former_staff (the people the
--                   security panel names), else "former_employee".
participant { name = "Kim", description = "Svarar på allt, snabbt och enligt riktlinjen." }

local every = tonumber(params.answer_every or "1") or 1
if every < 1 then every = 1 end
-- Who still has access is named on the security panel: exercise.former_staff.
local function former()
  return params.former or (exercise.former_staff and exercise.former_staff[1]) or "former_employee"
end
local seen = 0

local function has(list, value)
  if list == nil then return false end
  for _, v in ipairs(list) do
    if v == value then return true end
  end
  return false
end

-- The participant's words, in the exercise's language (Swedish first, English second).
local words = {
  sv = {
    hello = "Hej %s!", regards = "Vänliga hälsningar,\n%s",
    thanks = "Tack själv, vad roligt att höra!",
    case = "Jag har skickat ditt ärende vidare till våra handläggare, som kontaktar dig. "
        .. "Skriv inga fler personuppgifter här.",
    press = "Tack för att du hör av dig. Vår pressansvariga kontaktar dig inom kort.",
    answer = "Tack för din fråga, vi svarar gärna.",
    understand = "Jag förstår att du är besviken, och tack för att du hör av dig.",
    more = "Läs mer på %s",
  },
  en = {
    hello = "Hi %s!", regards = "Kind regards,\n%s",
    thanks = "Thank you, that is good to hear!",
    case = "I have passed your case on to our case officers, who will contact you. "
        .. "Please do not write any more personal details here.",
    press = "Thank you for getting in touch. Our press officer will contact you shortly.",
    answer = "Thank you for your question, we are happy to answer.",
    understand = "I understand that you are disappointed, and thank you for telling us.",
    more = "Read more at %s",
  },
}

local function w() return words[exercise.language] or words.sv end

local function body_for(item)
  local h = item.hints
  if h.class == "thanks" then
    return w().thanks
  end
  if has(h.rules, "move_case") or has(h.escalate, "case_handling") then
    return w().case
  end
  if item.kind == "inquiry" then
    return w().press
  end
  return w().answer
end

local function reply_text(item)
  local h = item.hints
  local lines = { string.format(w().hello, item.author.first) }
  local body = {}
  if h.acknowledge then
    body[#body + 1] = w().understand
  end
  body[#body + 1] = body_for(item)
  if h.link then body[#body + 1] = string.format(w().more, h.link) end
  lines[#lines + 1] = table.concat(body, " ")
  lines[#lines + 1] = string.format(w().regards, exercise.me)
  return table.concat(lines, "\n")
end

local informed = 0

-- The steps that lock an attacker out and keep them out.
local function secure_account(item, actions)
  actions[#actions + 1] = { action = "escalate", item = item.id, target = "it_security", after = "1m" }
  actions[#actions + 1] = { action = "account", step = "change_password", after = "2m" }
  actions[#actions + 1] = { action = "account", step = "revoke_sessions", after = "2m" }
  actions[#actions + 1] = { action = "account", step = "enable_2fa", after = "3m" }
  actions[#actions + 1] = { action = "account", step = "remove_access", person = former(), after = "3m" }
  informed = informed + 1
  local text
  if informed == 1 then
    text = "Vårt konto har varit kapat en kort stund i kväll. Inläggen om gratis "
        .. "erbjudanden kom inte från oss: klicka inte på länkarna och lämna aldrig ut "
        .. "kortuppgifter. Vi har tagit tillbaka kontrollen över kontot och tar bort "
        .. "inläggen. Har du lämnat uppgifter, kontakta din bank."
  else
    text = "Kontot kapades på nytt en kort stund. Vi har återigen tagit tillbaka "
        .. "kontrollen och skärpt säkerheten. Klicka inte på länkar i inlägg om "
        .. "erbjudanden från oss."
  end
  actions[#actions + 1] = { action = "publish", text = text, after = "5m" }
end

-- The answer to an item that expects one: refer a repeated question to the first answer,
-- else reply (in private to a direct message).
local function answer(item)
  if item.repeat_of then
    return { action = "refer_previous", item = item.id, after = "2m" }
  end
  local kind = item.kind == "dm" and "dm_reply" or "reply"
  return { action = kind, item = item.id, text = reply_text(item), after = "3m" }
end

-- When a storm breaks: bring in the manager, a colleague and the press officer, and
-- publish a statement that shows what is being done (rules get_backup, inform_up,
-- show_action).
local storm_handled = false
local function storm_breaks()
  storm_handled = true
  local statement = exercise.language == "en"
    and "We see the many questions about the decision. We are answering here during the day, and everything we know is collected on our website. We will update this post as we learn more."
    or "Vi ser de många frågorna om beslutet. Vi svarar här under dagen och samlar allt vi vet på vår webbplats. Vi uppdaterar inlägget när vi vet mer."
  return {
    { action = "escalate", target = "manager", after = "1m" },
    { action = "escalate", target = "colleague_backup", after = "1m" },
    { action = "escalate", target = "press_officer", after = "2m" },
    { action = "publish", text = statement, after = "5m" },
  }
end

function on_item(item)
  local kind = item.kind
  local h = item.hints
  if not storm_handled and item.storm then
    local actions = storm_breaks()
    local more = on_item(item)
    if more and more.action then more = { more } end
    for _, a in ipairs(more or {}) do actions[#actions + 1] = a end
    return actions
  end
  -- The bulk of a storm: comments that need an answer and nothing else. Decided first and
  -- cheaply, so that a storm of a million comments stays fast.
  if (kind == "comment" or kind == "reply") and #h.escalate == 0
      and h.class ~= "troll" and h.class ~= "illegal" then
    if not h.answer then return nil end
    seen = seen + 1
    if seen % every ~= 0 then return nil end
    return answer(item)
  end
  local actions = {}
  local hijack = item.kind == "notice" and has(h.rules, "secure_accounts")
  if item.kind == "internal" or item.kind == "notice" then
    actions[#actions + 1] = { action = "acknowledge", item = item.id, after = "1m" }
  end
  if hijack then
    secure_account(item, actions)
  else
    for _, target in ipairs(h.escalate) do
      actions[#actions + 1] = { action = "escalate", item = item.id, target = target, after = "2m" }
    end
  end
  if item.kind == "attacker_post" then
    actions[#actions + 1] = { action = "delete", item = item.id, after = "1m", reason = "kapat konto" }
  end
  if h.class == "troll" or h.class == "illegal" then
    -- The response model: monitor when that is acceptable, else hide (and report).
    if not has(h.ok, "monitor") then
      if has(h.ok, "hide") then
        actions[#actions + 1] = { action = "hide", item = item.id, after = "2m", reason = "responsmodellen" }
      end
      if has(h.ok, "report") then
        actions[#actions + 1] = { action = "report", item = item.id, after = "2m", reason = "responsmodellen" }
      end
    end
    return actions
  end
  if h.answer and item.author then
    seen = seen + 1
    if seen % every == 0 then
      actions[#actions + 1] = answer(item)
    end
  end
  return actions
end

-- In a storm, do not stand alone: bring in a colleague and keep the manager informed.
function on_state(state)
  if state.waiting >= 5 then
    local actions = {}
    if not state.escalated.colleague_backup then
      actions[#actions + 1] = { action = "escalate", target = "colleague_backup", after = "1m" }
    end
    if not state.escalated.manager then
      actions[#actions + 1] = { action = "escalate", target = "manager", after = "1m" }
    end
    return actions
  end
end
