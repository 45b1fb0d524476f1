-- The diligent participant: answers every item that expects it, quickly and by the book.
--
-- It reads the hints the engine gives with each item (item.hints) and does what they ask.
-- A reply says what the scenario asks a good reply to say: the scenario author's model
-- answer (hints.model, the body only: the acknowledgement and the link are in it) between
-- "Hej <first name>!" and "Vänliga hälsningar, <name>"; without a model answer, a body
-- built from the key points' labels (hints.points), the authority to refer to
-- (hints.refer) and the channel where a case continues (hints.channel), with an
-- acknowledgement first when the author is upset and the link when there is one. It
-- refers repeated questions to the earlier answer; leaves trolls alone (monitor) or hides
-- them; escalates to every target the item expects; acknowledges internal messages and
-- notices.
--
-- When a storm breaks in a crisis (exercise.crisis; without it, a storm whose comments must
-- be answered within the hour: a trickle of questions with the working-day deadline is no
-- crisis) it brings in the
-- manager, a colleague and the press officer and publishes a statement that says what happened, what is being done and where to read
-- more: the storm's model answer without its acknowledgement (the facts every storm
-- comment is answered with), else a general text; and pins it to the top of the post.
-- In a storm it answers each theme once in public (the first comment of the theme, with
-- the theme's model answer), every direct question, and refers every repeat.
--
-- On X (item.platform, exercise.platform) a public reply or statement keeps to 280
-- characters: where the usual words would not fit, it uses their shorter forms (words.lua);
-- a persona known by its handle alone is greeted "Hej @handle!" (B.hello).
--
-- Hijacked account (a notice whose hints.rules include secure_accounts): escalates to
-- it_security, then takes the account steps change_password, revoke_sessions, enable_2fa
-- and remove_access, deletes every attacker post and publishes a post that tells the
-- followers what happened, what has been done, what to do and where to read more.
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
local seen = 0

-- The words of replies and statements, shared with the other by-the-book participant.
local B = include("lib/words.lua")
local has, former, w, sentence = B.has, B.former, B.w, B.sentence
local say, fits, where = B.say, B.fits, B.where

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


-- A body from the key points' labels, the authority and the channel (no model answer).
local function body_from_points(item, short)
  local h = item.hints
  local body = {}
  if h.acknowledge then body[#body + 1] = short and say("understand", "x") or w().understand end
  for _, label in ipairs(h.points or {}) do body[#body + 1] = sentence(label) end
  if #body == 0 or (#body == 1 and h.acknowledge) then body[#body + 1] = body_for(item) end
  if h.refer then body[#body + 1] = string.format(w().refer, h.refer) end
  if h.channel then body[#body + 1] = string.format(w().channel, h.channel) end
  if h.link then body[#body + 1] = string.format(w().more, h.link) end
  return table.concat(body, " ")
end

-- short: the shorter words of X (280 characters), used when the reply would not fit there.
local function reply_text(item, short)
  local h = item.hints
  local lines = { B.hello(item.author) }
  if h.model then
    -- the scenario's model answer: the body, acknowledgement and link included
    lines[#lines + 1] = h.model
  elseif h.points or h.refer or h.channel then
    lines[#lines + 1] = body_from_points(item, short)
  else
    local body = {}
    if h.acknowledge then
      body[#body + 1] = short and say("understand", "x") or w().understand
    end
    body[#body + 1] = body_for(item)
    if h.link then body[#body + 1] = string.format(w().more, h.link) end
    lines[#lines + 1] = table.concat(body, " ")
  end
  lines[#lines + 1] = string.format(w().regards, exercise.me)
  return table.concat(lines, "\n")
end

local informed = 0
local themes_answered = {} -- "storm/theme" -> true once answered in public

-- The steps that lock an attacker out and keep them out.
local function secure_account(item, actions)
  actions[#actions + 1] = { action = "escalate", item = item.id, target = "it_security", after = "1m" }
  actions[#actions + 1] = { action = "account", step = "change_password", after = "2m" }
  actions[#actions + 1] = { action = "account", step = "revoke_sessions", after = "2m" }
  actions[#actions + 1] = { action = "account", step = "enable_2fa", after = "3m" }
  actions[#actions + 1] = { action = "account", step = "remove_access", person = former(), after = "3m" }
  informed = informed + 1
  local text = informed == 1 and say("hijack", exercise.platform) or w().hijack_again
  actions[#actions + 1] = { action = "publish", text = text, after = "5m" }
end

-- The answer to an item that expects one: refer a repeated question to the first answer,
-- else reply (in private to a direct message).
local function answer(item)
  if item.repeat_of then
    return { action = "refer_previous", item = item.id, after = "2m" }
  end
  local kind = item.kind == "dm" and "dm_reply" or "reply"
  local text = reply_text(item)
  if not fits(text, where(item)) then text = reply_text(item, true) end
  return { action = kind, item = item.id, text = text, after = "3m" }
end

-- The statement: the storm's model answer (what happened, what is being done, the link)
-- without a first sentence that only acknowledges the author, and a line that we answer
-- here; without a model answer, a general text.
local function statement_for(item)
  local m = item.hints.model
  if not m then return w().storm end
  for _, pat in ipairs(w().ack) do
    if m:find(pat) then
      -- drop the first sentence (up to ". ", "! " or "? ")
      local rest = m:match("^.-[%.!?]%s+(.*)$")
      if rest and rest ~= "" then m = rest end
      break
    end
  end
  local text = m .. " " .. w().storm_tail
  if not fits(text, exercise.platform) then text = m .. " " .. say("storm_tail", "x") end
  return text
end

-- When a storm breaks: bring in the manager, a colleague and the press officer, and
-- publish a statement that shows what is being done (rules get_backup, inform_up,
-- show_action). The statement waits for the first storm comment that is not a troll's
-- (a troll's hints carry no model answer).
local storm_handled, stated = false, false
local function storm_breaks(item)
  local actions = {}
  if not storm_handled then
    storm_handled = true
    actions[#actions + 1] = { action = "escalate", target = "manager", after = "1m" }
    actions[#actions + 1] = { action = "escalate", target = "colleague_backup", after = "1m" }
    actions[#actions + 1] = { action = "escalate", target = "press_officer", after = "2m" }
  end
  if not stated and item.hints.class ~= "troll" then
    stated = true
    actions[#actions + 1] = { action = "publish", text = statement_for(item), after = "5m" }
    -- pinned to the top of the post, it answers the storm's questions for every reader
    actions[#actions + 1] = { action = "pin", after = "6m" }
  end
  return actions
end

local handle

-- A storm is a crisis when the scenario says so (exercise.crisis: scoring.crisis, by default
-- true with a storm); without that field, when its comments must be answered within the hour.
local function crisis_storm(item)
  if item.storm == nil then return false end
  if exercise.crisis ~= nil then return exercise.crisis end
  local within = item.hints.within
  return within ~= nil and within <= 60
end

function on_item(item)
  if stated or not crisis_storm(item) then return handle(item) end
  local actions = storm_breaks(item)
  local more = handle(item)
  if more and more.action then more = { more } end
  for _, a in ipairs(more or {}) do actions[#actions + 1] = a end
  return actions
end

handle = function(item)
  local kind = item.kind
  local h = item.hints
  -- The bulk of a storm: comments that need an answer and nothing else. Decided first and
  -- cheaply, so that a storm of a million comments stays fast.
  if (kind == "comment" or kind == "reply") and #h.escalate == 0
      and h.class ~= "troll" and h.class ~= "illegal" then
    if not h.answer then
      -- A storm comment nobody needs to answer on its own: answer its theme once in
      -- public, and refer the repeats to that answer.
      if item.storm == nil then return nil end
      if item.repeat_of then
        return { action = "refer_previous", item = item.id, after = "2m" }
      end
      local key = item.storm .. "/" .. tostring(item.theme)
      if item.theme and h.model and not themes_answered[key] then
        themes_answered[key] = true
        return answer(item)
      end
      return nil
    end
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
