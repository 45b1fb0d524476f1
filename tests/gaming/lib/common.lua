-- lib/common.lua - what the gaming participants share: the diligent participant, included
-- and wrapped, and the pieces of a reply (greeting, sign-off, the old template body).
--
-- Every gaming participant starts from the bundled diligent participant and changes one
-- thing, so that the score measures that one thing: the content bots replace the text of
-- its replies, the single-fault bots add or change one kind of action. The test
-- (tests/e2e/gaming.sh) copies scenarios/participants/diligent.lua next to the bots, since
-- include() reads from the participant's own folder only.
--
-- include("lib/common.lua") runs diligent.lua in the bot's globals (it declares
-- participant{} and defines on_item and on_state) and returns the table G below. A bot
-- calls G.wrap{ item = f, state = g }: f(item, actions) gets the list of actions diligent
-- returned for the item and returns the list to send instead; g(state, actions) the same
-- for on_state. f is called exactly once per item: diligent's on_item calls the global
-- on_item again when a storm breaks, and that inner call goes to diligent unchanged.
local G = {}

include("diligent.lua")
local diligent_item, diligent_state = on_item, on_state

G.targets = { "case_handling", "manager", "press_officer", "it_security", "colleague_backup",
              "legal", "other_authority" }

function G.has(list, value)
  if list == nil then return false end
  for _, v in ipairs(list) do
    if v == value then return true end
  end
  return false
end

-- A participant's return value as a list of action tables.
function G.list(r)
  if r == nil then return {} end
  if r.action then return { r } end
  return r
end

function G.lang() return exercise.language == "en" and "en" or "sv" end

-- The bundled participants' words (scenarios/participants/lib/words.lua, copied next to the
-- bots by run.sh): the greeting, sign-off and bodies the bots reuse.
G.words = include("lib/words.lua").words

function G.w(lang) return G.words[lang or G.lang()] end

-- The name a reply greets an author by: the first name, else "@handle" (a persona known
-- by its handle alone, as on Instagram), else nil.
function G.name(author)
  if author == nil then return nil end
  return author.first or (author.handle and "@" .. author.handle) or nil
end

-- "Hej <first>!" ("Hej!" without a name), the body (when there is one) and
-- "Vänliga hälsningar,\n<me>".
function G.compose(first, body, lang)
  local w = G.w(lang)
  local lines = { first and string.format(w.hello, first) or w.hello_none }
  if body and body ~= "" then lines[#lines + 1] = body end
  lines[#lines + 1] = string.format(w.regards, exercise.me)
  return table.concat(lines, "\n")
end

-- The body the diligent participant sent before issue 12: the acknowledgement when the
-- author is upset, a sentence that answers nothing, the link when there is one.
function G.template_body(item, lang)
  local w, h = G.w(lang), item.hints
  local body = {}
  if h.acknowledge then body[#body + 1] = w.understand end
  if h.class == "thanks" then
    body[#body + 1] = w.thanks
  elseif G.has(h.rules, "move_case") or G.has(h.escalate, "case_handling") then
    body[#body + 1] = w.case
  elseif item.kind == "inquiry" then
    body[#body + 1] = w.press
  else
    body[#body + 1] = w.answer
  end
  if h.link then body[#body + 1] = string.format(w.more, h.link) end
  return table.concat(body, " ")
end

-- An action that answers with a text of its own.
function G.is_text_answer(a)
  return (a.action == "reply" or a.action == "dm_reply") and type(a.text) == "string"
end

-- The replies among actions get the text make(item, action) gives (nil keeps the text).
function G.retext(item, actions, make)
  for _, a in ipairs(actions) do
    if G.is_text_answer(a) and a.item == item.id then
      a.text = make(item, a) or a.text
    end
  end
  return actions
end

-- An action's delay in minutes (after = 3, "2m30s", "1h").
function G.minutes(after)
  if after == nil then return 0 end
  if type(after) == "number" then return after end
  local m = 0
  for n, unit in string.gmatch(after, "(%d+)([hms])") do
    n = tonumber(n)
    if unit == "h" then m = m + 60 * n elseif unit == "m" then m = m + n else m = m + n / 60 end
  end
  return m
end

-- The key point labels the item's hints carry (hints.points: a list of labels, or of
-- tables with a label and the phrases that say it), and those phrases.
function G.point_labels(h)
  local labels, phrases = {}, {}
  for _, p in ipairs(h.points or {}) do
    if type(p) == "string" then
      labels[#labels + 1] = p
    elseif type(p) == "table" then
      if type(p.label) == "string" then labels[#labels + 1] = p.label end
      for _, s in ipairs(p.say or {}) do
        if type(s) == "string" then phrases[#phrases + 1] = s end
      end
    end
  end
  return labels, phrases
end

-- Storm comments of a theme that is answered in public (a question, complaint or rumour):
-- not trolls, not threats or personal data, not outside storms.
function G.storm_answerable(item)
  local c = item.hints.class
  return item.storm ~= nil and item.theme ~= nil and c ~= "illegal" and c ~= "troll"
end

-- The actions without those on the item (diligent's reply or referral to it); the crisis
-- process diligent starts on a storm's first comment (no item) stays.
function G.without_item(item, actions)
  local out = {}
  for _, a in ipairs(actions) do
    if a.item ~= item.id then out[#out + 1] = a end
  end
  return out
end

-- Every phrase of the key points of every storm theme seen so far ("6 maj", "Norrby
-- skola", ...), once each, in the order first seen; G.note_theme(item) adds an item's.
-- Returns true when the item's theme is new.
G.soup_phrases, G.themes_seen = {}, {}
local soup_seen = {}
function G.note_theme(item)
  if item.theme == nil then return false end
  local key = tostring(item.storm) .. "/" .. item.theme
  local new = not G.themes_seen[key]
  G.themes_seen[key] = true
  local labels, phrases = G.point_labels(item.hints)
  if #phrases == 0 then phrases = labels end
  for _, s in ipairs(phrases) do
    if not soup_seen[s] then
      soup_seen[s] = true
      G.soup_phrases[#G.soup_phrases + 1] = s
    end
  end
  return new
end

-- The key phrases seen so far run together: "6 maj dialogmöte Norrby skola bokbuss ...".
function G.soup() return table.concat(G.soup_phrases, " ") end

local depth = 0

function G.wrap(t)
  function on_item(item)
    if depth > 0 then return diligent_item(item) end
    depth = depth + 1
    local actions = G.list(diligent_item(item))
    depth = depth - 1
    if t.item then actions = t.item(item, actions) or actions end
    return actions
  end
  function on_state(state)
    local actions = diligent_state and G.list(diligent_state(state)) or {}
    if t.state then actions = t.state(state, actions) or actions end
    return actions
  end
end

return G
