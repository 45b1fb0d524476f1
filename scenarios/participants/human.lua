-- The human-pace participant: one person who works at a person's pace and triages.
--
-- It does one thing at a time. Every task takes real seconds (below), turned into
-- simulated time with exercise.compression (simulated seconds per real second); the
-- participant keeps the time it is busy until and its own queue of tasks, and each time it
-- is called (on_item, and on_state every five simulated minutes) it commits the next tasks
-- of its queue, one after the other, as actions with `after`: the tasks that start before
-- the next state update (so it is never idle while work waits, and a new urgent item waits
-- at most for the task in hand). A task costs `read` (reading the item) plus the action's
-- time; several actions of one task (hide, then escalate) follow each other.
--
-- With triage (triage=1, the default) it does what the guideline asks in a crisis:
--   1. when a storm breaks (its first comment, when exercise.crisis is true) or a hijacked
--      account's notice arrives in a crisis: escalates to manager, colleague_backup and
--      press_officer at once, then publishes a holding statement (the first non-troll storm
--      comment's model answer without its acknowledging first sentence, plus a line that
--      it answers here, as diligent.lua does) and pins it ({ action = "pin" });
--   2. dangerous items first: threats, illegal content and personal data (hints.class
--      "illegal": hide and/or report as hints.ok allows, escalate to hints.escalate), a
--      hijacked account (escalate it_security, the account steps, delete the attacker's
--      posts, tell the followers) and the attacker's posts;
--   3. internal messages (the manager's, the press officer's) and other items that expect
--      an escalation (an inquiry from the press, a case to case handling) next;
--   4. then one public answer per storm theme (item.theme, else the storm's id), with the
--      model answer, to the theme's newest direct comment when there is one, and the
--      ordinary comments and messages that expect an answer, earliest target first; once
--      two or more themes are answered it pins the answer to the theme it has seen most of,
--      when that is not the statement's theme (the statement covers its own);
--   5. repeats and direct questions (item.direct) of answered themes: refer_previous, when
--      it can still be done within the target (a direct question gets a reply of its own
--      with refer_direct=0); thank-yous last; the rest of a storm (its comments that need
--      no answer of their own) it leaves. It never answers trolls.
-- An ordinary item is still answered late, up to four times its target (an answer that late
-- scores nothing for speed, but the person gets one); a storm's repeats and direct questions
-- are left when their target cannot be reached.
--
-- Without triage (triage=0) it takes everything in the order it arrived and answers every
-- comment that is not a troll's with a reply (repeats and storm comments too, however late);
-- it acknowledges internal messages, handles threats and a hijack as the items ask, but
-- never runs the crisis process (no backup, no press officer, no statement), never calls a
-- colleague (not even when an item asks for one) and never pins.
--
-- A reply is the scenario's model answer (hints.model) between "Hej <first name>!" and
-- "Vänliga hälsningar, <name>" (English: "Hi", "Kind regards"), as diligent.lua writes it,
-- with an acknowledgement first when the author is upset and the model answer (a theme's,
-- say) has none; without a model answer, a body from the key points' labels, the
-- authority, the channel and the link. A persona known by its handle alone is greeted
-- "Hej @handle!" (never a made-up first name). On X a public reply or statement keeps to
-- 280 characters: where the usual words would not fit, the shorter ones (words.lua).
--
-- Parameters (stormdrill run --param KEY=VALUE), in real seconds:
--   reply=45      writing a reply (public or private)
--   escalate=6    an escalation; also a click: acknowledge, hide, report, delete, an
--                 account step
--   read=4        reading the item a task is about (once per task)
--   refer=8       refer_previous
--   pin=5         pinning a reply or the statement
--   statement=90  writing a statement or a message to the followers
--   triage=1      1 triages as above, 0 takes everything in arrival order
--   refer_direct=1  1 refers a direct question of an answered theme to the answer
--                 (refer_previous); 0 answers it with a reply of its own
--   former=ID     the former employee whose access to remove (default: the first of
--                 exercise.former_staff, else "former_employee")
participant { name = "Mika", description = "En person i mänsklig takt som prioriterar." }

local function param(name, default)
  local v = tonumber(params[name] or "")
  if v == nil or v < 0 then return default end
  return v
end

local cost = {
  reply = param("reply", 45), escalate = param("escalate", 6), read = param("read", 4),
  refer = param("refer", 8), pin = param("pin", 5), statement = param("statement", 90),
}
local triage = param("triage", 1) ~= 0
-- Whether a direct question of an answered theme is referred to the answer (refer_previous,
-- quick: the storm's scoring counts it, docs/scoring.md) or answered with a reply of its
-- own (refer_direct=0).
local refer_direct = param("refer_direct", 1) ~= 0


-- The words of replies and statements, shared with the other by-the-book participant.
local B = include("lib/words.lua")
local has, former, w, sentence = B.has, B.former, B.w, B.sentence
local say, fits, where_of = B.say, B.fits, B.where


-- The body of a reply to an item (its hints h, its kind): the model answer, else one
-- built from the key points, the authority, the channel and the link.
local function acknowledges(text)
  for _, pat in ipairs(w().ack) do
    if text:find(pat) then return true end
  end
  return false
end

-- short: the shorter words of X (280 characters), used when the reply would not fit there.
local function body_for(h, kind, short)
  local understand = short and say("understand", "x") or w().understand
  if h.model then
    -- a theme's model answer may not acknowledge the feeling: an upset author gets that first
    if h.acknowledge and not acknowledges(h.model) then return understand .. " " .. h.model end
    return h.model
  end
  local body = {}
  if h.acknowledge then body[#body + 1] = understand end
  for _, label in ipairs(h.points or {}) do body[#body + 1] = sentence(label) end
  if #body == 0 or (#body == 1 and h.acknowledge) then
    if h.class == "thanks" then
      body[#body + 1] = w().thanks
    elseif has(h.rules, "move_case") or has(h.escalate, "case_handling") then
      body[#body + 1] = w().case
    elseif kind == "inquiry" then
      body[#body + 1] = w().press
    else
      body[#body + 1] = w().answer
    end
  end
  if h.refer then body[#body + 1] = string.format(w().refer, h.refer) end
  if h.channel then body[#body + 1] = string.format(w().channel, h.channel) end
  if h.link then body[#body + 1] = string.format(w().more, h.link) end
  return table.concat(body, " ")
end

-- hello: the greeting (B.hello); where: the platform the reply is public on (B.where).
local function reply_text(hello, h, kind, where)
  local function text(short)
    return hello .. "\n" .. body_for(h, kind, short) .. "\n" .. string.format(w().regards, exercise.me)
  end
  local t = text(false)
  if not fits(t, where) then t = text(true) end
  return t
end

-- The holding statement: the storm's model answer without a first sentence that only
-- acknowledges, and a line that we answer here; a general text without a model answer.
local function statement_for(h)
  local m = h.model
  if not m then return w().storm end
  for _, pat in ipairs(w().ack) do
    if m:find(pat) then
      local rest = m:match("^.-[%.!?]%s+(.*)$")
      if rest and rest ~= "" then m = rest end
      break
    end
  end
  local text = m .. " " .. w().storm_tail
  if not fits(text, exercise.platform) then text = m .. " " .. say("storm_tail", "x") end
  return text
end

-- ---- time, the queue and the commitments ----

local C = 1                 -- simulated seconds per real second (set on the first call)
local busy_until = 0        -- simulated seconds since the start
local queue = {}            -- tasks not yet started
local seq = 0               -- arrival order

-- A task: { prio, due (seconds: the target), seq, steps = { { real seconds, action or
-- function(start) returning an action or nil }, ... }, keep = function(start, finish) -> a
-- false value drops the task when it would start }.
local function push(task)
  seq = seq + 1
  task.seq = seq
  task.due = task.due or math.huge
  if not triage then task.prio = 0 end
  queue[#queue + 1] = task
  return task
end

local function better(a, b)
  if not triage then return a.seq < b.seq end
  if a.prio ~= b.prio then return a.prio < b.prio end
  if a.due ~= b.due then return a.due < b.due end
  return a.seq < b.seq
end

local function task_cost(task)
  local c = cost.read
  for _, s in ipairs(task.steps) do c = c + s[1] end
  return c * C
end

-- Commits tasks, one after the other, while the person would start them before the next
-- state update; returns the actions with their `after` (minutes from now).
local function pump(now)
  local actions = {}
  local horizon = (math.floor(now / 300 + 1e-9) + 1) * 300
  while #queue > 0 do
    local start = busy_until > now and busy_until or now
    if start >= horizon then break end
    local best = 1
    for i = 2, #queue do
      if better(queue[i], queue[best]) then best = i end
    end
    local task = table.remove(queue, best)
    if task.on_start then task.on_start(task) end
    local finish = start + task_cost(task)
    if not task.keep or task.keep(start, finish) then
      local t = start + cost.read * C
      for _, s in ipairs(task.steps) do
        t = t + s[1] * C
        local a = s[2]
        if type(a) == "function" then a = a(t) end
        if a then
          a.after = (t - now) / 60
          actions[#actions + 1] = a
        end
      end
      busy_until = finish
      if task.done then task.done(task) end
    end
  end
  return actions
end

-- ---- what the person knows ----

local crisis_started, stated = false, false
local statement_theme = nil         -- the theme whose model answer the statement carries
local themes = {}                   -- theme id -> { answered, task, seen, reply_item }
local n_answered_themes, pinned_best = 0, false
local answered = {}                 -- item id -> true once we answered it (committed)
local informed = 0                  -- messages to the followers after a hijack

local function theme_of(item)
  return item.theme or item.storm
end

local function theme(id)
  local t = themes[id]
  if not t then
    t = { answered = false, seen = 0 }
    themes[id] = t
  end
  return t
end

-- A step that replies to an item: a reply, or a private answer to a direct message.
local function reply_step(id, hello, h, kind, where)
  local action = kind == "dm" and "dm_reply" or "reply"
  return { cost.reply, { action = action, item = id, text = reply_text(hello, h, kind, where) } }
end

local function within_seconds(item)
  local h = item.hints
  if h.within then return h.within * 60 end
  if item.deadline_minute then return (item.deadline_minute - item.minute) * 60 end
  return nil
end

local function due_of(item)
  local within = within_seconds(item)
  if within then return item.minute * 60 + within end
  return math.huge
end

-- An ordinary item is still answered up to four times its target.
local function not_hopeless(item)
  local within = within_seconds(item)
  if not within then return nil end
  local last = item.minute * 60 + 4 * within
  return function(_, finish) return finish <= last end
end

-- The crisis process: manager, a colleague and the press officer at once.
local function start_crisis()
  if crisis_started or not triage then return end
  crisis_started = true
  push { prio = 0, due = 0, steps = {
    { cost.escalate, { action = "escalate", target = "manager" } },
    { cost.escalate, { action = "escalate", target = "colleague_backup" } },
    { cost.escalate, { action = "escalate", target = "press_officer" } },
  } }
end

local function holding_statement(item)
  if stated or not triage then return end
  stated = true
  statement_theme = theme_of(item)
  push { prio = 0, due = 1, steps = {
    { cost.statement, { action = "publish", text = statement_for(item.hints) } },
    { cost.pin, { action = "pin" } },
  } }
end

local function crisis_storm(item)
  if item.storm == nil then return false end
  if exercise.crisis ~= nil then return exercise.crisis end
  local within = item.hints.within
  return within ~= nil and within <= 60
end

-- The account is secured step by step, then the followers are told.
local function hijack_task(item)
  informed = informed + 1
  local text = informed == 1 and say("hijack", exercise.platform) or w().hijack_again
  push { prio = 1, due = due_of(item), steps = {
    { cost.escalate, { action = "escalate", item = item.id, target = "it_security" } },
    { cost.escalate, { action = "acknowledge", item = item.id } },
    { cost.escalate, { action = "account", step = "change_password" } },
    { cost.escalate, { action = "account", step = "revoke_sessions" } },
    { cost.escalate, { action = "account", step = "enable_2fa" } },
    { cost.escalate, { action = "account", step = "remove_access", person = former() } },
    { cost.statement, { action = "publish", text = text } },
  } }
end

-- Hide and/or report as the response model allows, and escalate as the item asks.
local function dangerous_task(item)
  local h = item.hints
  local steps = {}
  if not has(h.ok, "monitor") then
    if has(h.ok, "hide") then
      steps[#steps + 1] = { cost.escalate, { action = "hide", item = item.id, reason = "responsmodellen" } }
    end
    if has(h.ok, "report") then
      steps[#steps + 1] = { cost.escalate, { action = "report", item = item.id, reason = "responsmodellen" } }
    end
  end
  for _, target in ipairs(h.escalate) do
    steps[#steps + 1] = { cost.escalate, { action = "escalate", item = item.id, target = target } }
  end
  if #steps > 0 then push { prio = 1, due = due_of(item), steps = steps } end
end

-- Pins our answer to the theme seen most, when that is not the statement's own theme.
local function maybe_pin_best()
  if pinned_best or n_answered_themes < 2 then return end
  for _, t in pairs(themes) do
    if t.task and not t.answered then return end -- a theme answer still waits
  end
  local best_id, best = nil, nil
  for id, t in pairs(themes) do
    if t.answered and t.reply_item and (best == nil or t.seen > best.seen
        or (t.seen == best.seen and id < best_id)) then
      best_id, best = id, t
    end
  end
  pinned_best = true
  if best == nil or best_id == statement_theme then return end
  push { prio = 3, due = 0, steps = { { cost.pin, { action = "pin", item = best.reply_item } } } }
end

-- What the person keeps of a storm comment while it waits in the queue.
local function info_of(item)
  local direct = item.direct
  if direct == nil then direct = item.hints.answer end -- before themes: every comment asks
  return { id = item.id, hello = B.hello(item.author), where = where_of(item),
           hints = item.hints, kind = item.kind,
           repeat_of = item.repeat_of, direct = direct, due = due_of(item) }
end

-- A repeat or a direct question of a theme that is (or will be) answered: refer to the
-- answer, or, where referring does not answer it, reply; only when it can be done in time.
local function follow_up(c, t)
  if c.repeat_of or (c.direct and (refer_direct or has(c.hints.rules, "repeat_once"))) then
    push { prio = 4, due = c.due, keep = function(_, finish)
             return t.answered and finish <= c.due end,
           steps = { { cost.refer, { action = "refer_previous", item = c.id } } } }
  elseif c.direct then
    push { prio = 4, due = c.due, keep = function(_, finish) return finish <= c.due end,
           steps = { reply_step(c.id, c.hello, c.hints, c.kind, c.where) } }
  end
end

-- One public answer per theme, to its newest direct comment (else its first comment); a
-- direct comment it passes over is followed up like any other.
local function theme_answer(c, t)
  if t.task then
    if c.direct then
      local old = t.task.target
      t.task.target = c
      follow_up(old, t)
    else
      follow_up(c, t)
    end
    return
  end
  local task = push { prio = 3, due = c.due, target = c, steps = {} }
  task.on_start = function(self)
    local tg = self.target
    self.steps = { reply_step(tg.id, tg.hello, tg.hints, tg.kind, tg.where) }
  end
  task.done = function(self)
    t.answered = true
    t.reply_item = self.target.id
    answered[self.target.id] = true
    n_answered_themes = n_answered_themes + 1
    maybe_pin_best()
  end
  t.task = task
end

-- ---- the items ----

local function storm_comment(item)
  local h = item.hints
  local t = theme(theme_of(item))
  t.seen = t.seen + 1
  if h.class == "troll" then return end
  if h.class == "illegal" then return dangerous_task(item) end
  if not triage then
    -- every comment gets a reply, in arrival order
    push { steps = { reply_step(item.id, B.hello(item.author), h, item.kind, where_of(item)) } }
    return
  end
  local c = info_of(item)
  if not t.answered and not c.repeat_of then return theme_answer(c, t) end
  follow_up(c, t)
end

local function handle(item)
  local kind, h = item.kind, item.hints
  if item.storm and (kind == "comment" or kind == "reply") then
    return storm_comment(item)
  end
  if kind == "notice" and has(h.rules, "secure_accounts") then
    if triage and exercise.crisis then start_crisis() end
    return hijack_task(item)
  end
  if kind == "attacker_post" then
    push { prio = 1, due = item.minute * 60, steps = {
      { cost.escalate, { action = "delete", item = item.id, reason = "kapat konto" } } } }
    return
  end
  if h.class == "illegal" then return dangerous_task(item) end
  if kind == "internal" or kind == "notice" then
    local steps = { { cost.escalate, { action = "acknowledge", item = item.id } } }
    for _, target in ipairs(h.escalate) do
      if triage or target ~= "colleague_backup" then
        steps[#steps + 1] = { cost.escalate, { action = "escalate", item = item.id, target = target } }
      end
    end
    push { prio = (h.answer or #h.escalate > 0) and 2 or 5, due = due_of(item), steps = steps }
    return
  end
  if h.class == "troll" then return end -- leave trolls alone (the response model: monitor)
  local steps = {}
  for _, target in ipairs(h.escalate) do
    if triage or target ~= "colleague_backup" then
      steps[#steps + 1] = { cost.escalate, { action = "escalate", item = item.id, target = target } }
    end
  end
  if h.answer and item.author then
    if item.repeat_of and answered[item.repeat_of] and triage then
      steps[#steps + 1] = { cost.refer, { action = "refer_previous", item = item.id } }
    else
      steps[#steps + 1] = reply_step(item.id, B.hello(item.author), h, kind, where_of(item))
    end
  end
  if #steps == 0 then return end
  local prio = #h.escalate > 0 and 2 or (h.class == "thanks" and 5 or 3)
  local id = item.id
  push { prio = prio, due = due_of(item), keep = not_hopeless(item), steps = steps,
         done = function() answered[id] = true end }
end

function on_item(item)
  C = exercise.compression or 1
  local now = item.minute * 60
  if triage and crisis_storm(item) then
    start_crisis()
    if item.hints.class ~= "troll" and item.hints.class ~= "illegal" then
      holding_statement(item)
    end
  end
  handle(item)
  return pump(now)
end

function on_state(state)
  C = exercise.compression or 1
  return pump(state.minute * 60)
end
