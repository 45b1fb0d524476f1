-- Kommentarsstorm (English version): Norrby library closes.
--
-- The same exercise as scenarios/kommentarsstorm.lua, with English texts (language = "en").
--
-- WHAT IT TRAINS
-- A storming comment field after an unpopular decision. The evening before, Ekby's
-- culture and leisure committee decided to close the district library in Norrby. The
-- morning post about it draws a storm that rises to a few hundred comments an hour:
-- mostly angry, frustrated and worried residents, some trolls, many repeats. Its
-- comments stand for six themes: the homework help, the mobile library and audiobooks,
-- the staff, the rumour that the building is sold, the cost and the saving (criticism),
-- and the public meeting / appeals. Each theme wants one good public answer (pin it:
-- the readers see it at the top); the few who ask us directly (about one in ten of a
-- question theme's comments) want their own answer, repeats a reference to the answer,
-- and trolls nothing (triage, not a reply to every comment). Inside the storm sit the
-- items a real morning like this brings:
--   * a plain question, justified criticism and a misunderstanding (the premises are
--     "to be sold") - answer, acknowledge first, correct the facts, give the link
--     (answer_questions, acknowledge, link, response_model, strengthen_message);
--   * a repeated question (repeat_once) and a troll (response_model: monitor or hide);
--   * a threat against the library manager: illegal content that must be hidden and
--     reported, and escalated to legal within 15 minutes (response_model, class
--     "illegal"; deleting it destroys evidence, leaving it is a fault);
--   * a journalist from Ekby Tidning who has heard about the threat: escalate to the
--     press officer within 20 minutes (inform_up, public_record);
--   * the manager asking for a situation report, to be acknowledged within 10 minutes
--     (inform_up, analyse_volume).
-- Crisis targets are minutes, not days: 20 minutes per theme and direct question, manager and
-- colleague backup within 20 minutes of the storm's start, press officer and a
-- statement within 45 minutes (get_backup, show_action, act_fast, active_in_comments).
--
-- HOW IT REACTS
--   * A statement (publish) after the storm starts calms the storm (rate x0.8) and draws
--     a thank-you from a resident.
--   * Every 10 minutes the scenario looks at the storm's direct questions whose 20-minute
--     target has just passed: if most got a good answer in time (greeting with the first name,
--     sign-off, short, no "!!", or a reference to the earlier answer) the storm calms
--     further; if most were ignored or answered badly it grows. The engine's audience
--     model works on top of this: a theme left without an answer feeds the storm, an
--     answered and pinned one calms it (docs/scoring.md, "The audience model").
--   * Deleting legitimate criticism (anything authored that is not a troll or the
--     threat) makes the storm grow at once (x1.25 per delete, up to x1.8); the first delete
--     brings a comment about censorship, the second an article in Ekby Tidning and an
--     internal message from the press officer.
--   * The threat left visible for 20 minutes brings a worried colleague's message.
--   * No statement 35 minutes into the storm brings the press officer asking for one.
--   * Overdue answers (5 or more) or two themes past their 20 minutes without an answer,
--     and no backup, bring the manager asking you to bring in a colleague. Birgitta's justified criticism left unanswered for 30 minutes brings
--     her back, angrier.
--   * The manager asks for the situation report once the storm has passed 60 comments
--     (not before 30 minutes in), or at the latest 50 minutes in.
-- Three answer templates and two prepared facilitator injects are at the end.
-- Everything is fictional: Ekby kommun, Norrby, the people and the example.se addresses.
--
-- What a good reply says (expect.points, refer, channel, avoid, model; a theme's the same
-- fields): the key points are
-- facts the scenario itself gives (the post, the colleague's and the press officer's
-- messages and "Facts for the answers" in the description), and their phrases are words
-- only a reply that gives the fact contains, never words of the question. A model answer is
-- the reply's body only: "Hi <first name>!" and "Kind regards, <name>" are added around it.

scenario {
  id = "kommentarsstorm",
  platform = "facebook",
  title = "Comment storm: Norrby library closes",
  language = "en",
  description = [[
Wednesday morning. Last night the culture and leisure committee decided that Norrby
library closes on 30 September to save money. The municipality has just told its
followers, and the comment field fills fast: hundreds of comments an hour from angry,
frustrated and worried Norrby residents, trolls and the same questions again and again.
In the middle of the storm comes a threat against the library manager, a journalist from
Ekby Tidning calls and your manager wants a situation report.

Facts for the answers: the culture and leisure committee decided to close the library to
save money. The municipality rents the building and does not own it, so nothing is sold;
the lease is ended. The mobile library comes to Norrby square on Tuesdays and Thursdays
and lends books and audiobooks, and several of the Norrby librarians work there. The
homework help moves to Norrby school in October, on the same days and at the same times as
now. On 6 May there is a public meeting with the politicians at Norrby school. Journalists
get their answers from the press officer, Elin Sandberg.]],
  aim = [[
Keep a cool head in a storming comment field. Bring in your manager and a colleague
early, tell the press officer and publish a post that shows what the municipality is
doing. Answer fast and briefly: acknowledge first when someone is angry, correct
misunderstandings with a link, refer repeated questions to your earlier answer and
leave the trolls alone. Never delete legitimate criticism. A threat is hidden, reported
and handed to legal at once, journalists go to the press officer, and the manager gets
a situation report within minutes.]],
  role = "Social media editor, Ekby municipality",
  start = "2026-04-22 08:30",   -- a Wednesday
  duration = "3h",
  compression = 3,              -- three simulated hours in one real hour: a person can keep up (issue 13)
  slot = "1h30m",              -- the workshop slot: the hour, briefing and debrief
  seed = 4242,
  account = { name = "Ekby Municipality", handle = "ekbykommun" },
  max_words = 90,
  -- Fast answers calm the crowd a little; neglect makes it grow (the engine's audience
  -- model; the callbacks below add the scenario's own reactions on top).
  audience = { min_intensity = 0.75, max_intensity = 1.6 },
  scoring = {
    backup_within = "20m",
    statement_within = "45m",
    -- the statement (show_action): what happened, what is being done, where to read more
    statement = {
      points = {
        { label = "what happened: the library closes", say = { "30 September", "closes", "decision" } },
        { label = "what we do: mobile library, homework help, meeting", say = { "mobile library", "homework help", "public meeting", "6 May" } },
        { label = "where to read more", say = { "questions and answers", "read more", "website", "most common questions", "are at" } },
      },
      model = "Norrby library closes on 30 September. The mobile library comes to Norrby square "
          .. "on Tuesdays and Thursdays, and the homework help moves to Norrby school. On 6 May "
          .. "there is a public meeting at Norrby school. We are answering questions here "
          .. "today. Read more at https://www.example.se/ekby/norrby-bibliotek/fragor-och-svar",
    },
  },
  -- words in the answers that the spelling check does not know
  words = { "Ekby", "Norrby", "audiobooks" },
}

-- ---- people ----
persona { id = "lisa",     first = "Lisa",     last = "Holmberg",  mood = "calm" }
persona { id = "birgitta", first = "Birgitta", last = "Åström",    mood = "frustrated" }
persona { id = "mohammed", first = "Mohammed", last = "Rahimi",    mood = "worried" }
persona { id = "olle",     first = "Olle",     last = "Kask",      mood = "troll" }
persona { id = "tomas",    first = "Tomas",    last = "Berg",      mood = "calm" }
persona { id = "ronny",    first = "Ronny",    last = "Lindqvist", mood = "angry" }
persona { id = "hanna",    first = "Hanna",    last = "Ek",        mood = "calm", traits = { "journalist" } }
persona { id = "gunnel",   first = "Gunnel",   last = "Sjögren",   mood = "angry" }
persona { id = "erik",     first = "Erik",     last = "Nordin",    mood = "calm" }
persona { id = "sara",     first = "Sara",     last = "Lind",      mood = "worried" }

local BESLUT  = "https://www.example.se/ekby/norrby-bibliotek"
local FRAGOR  = "https://www.example.se/ekby/norrby-bibliotek/fragor-och-svar"
local BOKBUSS = "https://www.example.se/ekby/bokbussen"

-- ---- the morning ----
post {
  id = "p1", at = "+0m",
  image = "bibliotek.png",
  image_alt = "Norrby library, a brick building with bookshelves in its windows, and the book bus beside it",
  text = "Yesterday the culture and leisure committee decided that Norrby library closes "
      .. "on 30 September. The mobile library will visit Norrby square two days a week, "
      .. "homework help moves to Norrby school and the city library gets longer opening "
      .. "hours. Read more about the decision at " .. BESLUT,
}

internal {
  id = "i0", at = "+0m", from = "colleague",
  text = "Hi! The post about Norrby library is out, and news like this usually draws a "
      .. "lot of comments. Questions and answers are at " .. FRAGOR .. " Tell me if you "
      .. "need help, I am in the building all morning. /Sofia",
  -- information only: no answer expected
}

comment {
  id = "c1", at = "+3m", on = "p1", author = "lisa",
  text = "What happens to the homework help on Tuesdays? My son goes there every week.",
  expect = { within = "20m", link = FRAGOR, rules = "answer_questions",
             points = {
               { label = "the homework help moves to Norrby school", say = { "Norrby school" } },
               { label = "same days and times", say = { "same days", "same times", "October" } },
             },
             need = 1,
             avoid = { { label = "guesses", say = { "probably", "I think", "maybe" } } },
             model = "The homework help continues. It moves to Norrby school in October, on the same days "
                 .. "and at the same times as now. Read more at " .. FRAGOR },
}

comment {
  id = "c2", at = "+6m", on = "p1", author = "birgitta",
  text = "Last year you said at the public meeting that the library was safe. Now you "
      .. "close it anyway, without asking those of us who live here. How can we trust you?",
  -- justified criticism: acknowledge, answer briefly, link; deleting it is a serious fault
  expect = { within = "20m", link = BESLUT, class = "justified_criticism", fault = "delete",
             rules = { "acknowledge", "response_model" },
             points = {
               { label = "the committee decided to save money", say = { "save money", "savings", "committee" } },
               { label = "public meeting on 6 May", say = { "6 May" } },
             },
             avoid = {
               { label = "blames the politicians", say = { "the politicians' fault", "not our decision", "not our fault" } },
               { label = "promises that the decision changes", say = { "we promise", "reverse the decision" } },
             },
             model = "I understand that you are disappointed, and it is fair to ask. The committee "
                 .. "decided yesterday to close the library to save money. On 6 May there is a new public "
                 .. "meeting at Norrby school where you can put your questions to the politicians. Read "
                 .. "more about the decision at " .. BESLUT },
}

-- The storm's texts per theme and mood (the themes below declare them; compose adds the
-- mood's tails). No text contains a phrase of its theme's key points: a reply that only
-- echoes the question meets none of them.
local TEXTS = {
  homework = {
    worried = { "What happens to the homework help after September?",
                "My son goes to the homework help every week. What happens now?" },
    calm = { "Where does the homework help go when the library closes?" },
    frustrated = { "And the homework help? It is the only support many children have." },
    angry = { "You are taking the homework help away from the children of Norrby. Shame on you!" },
    any = { "What happens to the homework help?" },
  },
  mobile = {
    calm = { "Which days does the mobile library come to Norrby square?" },
    worried = { "Can we borrow audiobooks anywhere in Norrby when the library closes?",
                "My mother borrows audiobooks there every week. What is she supposed to do now?" },
    frustrated = { "A mobile library two days a week does not replace a library.",
                   "My mother borrows audiobooks there every week. What is she supposed to do now?",
                   "How are pensioners supposed to get to the city library? The bus runs once an hour." },
    angry = { "A bus! Do you really think that replaces a library?" },
    any = { "How are we supposed to borrow books now?" },
  },
  staff = {
    worried = { "Do the staff keep their jobs?", "What happens to the staff in Norrby?" },
    calm = { "What happens to the people who work at the library now?" },
    frustrated = { "The staff there know every child by name. Are they just going to disappear?" },
    angry = { "You get rid of the staff for a few pennies. Shame on you." },
    any = { "What happens to the staff?" },
  },
  building = {
    worried = { "Is it true that the building will be sold and turned into flats?" },
    calm = { "Someone in the Norrby group says the building goes to a developer. Is that true?" },
    frustrated = { "What are you actually saving? The building is still there." },
    angry = { "You are selling the building to a developer and calling it a cut. Scandalous." },
    any = { "What happens to the building?" },
  },
  cost = {
    angry = { "Scandalous. You are shutting down the only thing that works in Norrby.",
              "So there is money for new roundabouts but not for our children?",
              "Shame on you. Norrby always takes the hit.",
              "This decision will cost more than it is worth. Reverse it!",
              "Absolutely mad. The library is the only warm place for many people here.",
              "Thanks for nothing, Ekby." },
    frustrated = { "Has anyone on the committee even been inside Norrby library?",
                   "You close the library and then wonder why the teenagers hang around the centre." },
    worried = { "I am worried about what happens to Norrby when the library is gone." },
    calm = { "I understand the municipality has to prioritise, but why Norrby?" },
  },
  meeting = {
    calm = { "Can the decision be appealed?", "Will there be a meeting where we can ask questions?" },
    frustrated = { "Why were we not asked before you decided?",
                   "I have written to the politicians three times without an answer. Why does nobody listen?",
                   "It is always the same: the decision is made and then we are told." },
    worried = { "Can those of us who live here influence the decision in any way?" },
    angry = { "You did not even ask those of us who live here. How can you call yourselves democratic?" },
  },
}
local TROLLS = {
  "Who reads books in 2026 anyway? Build a padel hall.",
  "Haha Norrby, what did you expect?",
  "Close the whole town hall instead, that saves more.",
  "Read a book about whining less.",
}

storm {
  id = "storm", on = "p1",
  from = "+8m", to = "+2h50m",
  count = 700,
  -- rises over the first hour to about 350 comments an hour, holds, then ebbs
  curve = { { "+0m", 0.15 }, { "+30m", 0.5 }, { "+70m", 1 }, { "+2h", 1 }, { "+2h42m", 0.4 } },
  moods = { angry = 4, frustrated = 4, worried = 3, calm = 1, troll = 1.2 },
  repeats = 0.12,
  texts = { troll = TROLLS },
  -- The text of a comment: its theme's text for the author's mood (else any), with a tail
  -- when the author is upset; trolls have no theme.
  compose = function(c)
    if c.theme == nil then return TROLLS[math.random(#TROLLS)] end
    local t = TEXTS[c.theme]
    local pool = t[c.mood] or t.any or t.angry
    local text = pool[math.random(#pool)]
    local tails = {
      angry = { "", "", " Unbelievable.", " You should be ashamed.", " Answer!" },
      frustrated = { "", "", " Sigh.", " It feels like nobody cares." },
    }
    local tail = tails[c.mood]
    if tail then text = text .. tail[math.random(#tail)] end
    return text
  end,
  -- What every theme shares: 20 minutes, the questions and answers as the link, deleting
  -- is a fault. The engine acknowledges per comment (frustrated and angry authors).
  expect = { within = "20m", link = FRAGOR, fault = "delete",
             rules = { "active_in_comments", "act_fast", "implicit_question" } },
  -- What the comments are about: one public answer per theme (pin it), a personal answer
  -- to those who ask directly, repeats referred to the answer.
  themes = {
    { id = "homework", label = "the homework help", kind = "question", share = 2,
      texts = TEXTS.homework,
      points = {
        { label = "the homework help moves to Norrby school", say = { "Norrby school" } },
        { label = "the same days and times", say = { "same days", "same times" } },
      },
      need = 1,
      avoid = { { label = "guesses", say = { "probably", "I think", "I guess" } } },
      model = "The homework help moves to Norrby school in October and keeps the same days "
          .. "and times as now. Read more at " .. FRAGOR },
    { id = "mobile", label = "the mobile library and audiobooks", kind = "question", share = 2,
      texts = TEXTS.mobile, link = BOKBUSS,
      points = {
        { label = "Tuesdays and Thursdays at Norrby square", say = { "Tuesdays", "Thursdays", "Tuesday", "Thursday" } },
        { label = "the Norrby librarians work on the bus", say = { "librarians", "librarian" } },
      },
      need = 1,
      avoid = { { label = "promises too much", say = { "we promise", "guarantee" } } },
      model = "The mobile library comes to Norrby square on Tuesdays and Thursdays and lends "
          .. "both books and audiobooks. Several of the Norrby librarians work there. Read more "
          .. "at " .. BOKBUSS },
    { id = "staff", label = "the staff", kind = "question", share = 1,
      texts = TEXTS.staff,
      points = {
        { label = "several librarians work on the mobile library", say = { "mobile library" } },
      },
      avoid = { { label = "promises that everyone keeps their job", say = { "everyone keeps", "nobody loses", "we promise" } } },
      model = "Several of the Norrby librarians work on the mobile library, which comes to "
          .. "Norrby square on Tuesdays and Thursdays. Read more at " .. FRAGOR },
    { id = "building", label = "the building is sold", kind = "rumour", share = 1,
      texts = TEXTS.building, link = BESLUT,
      points = {
        { label = "the municipality rents the building", say = { "rent", "rents", "lease" } },
        { label = "nothing is sold", say = { "does not own", "not sold", "nothing is sold", "cannot be sold" } },
      },
      need = 1,
      avoid = { { label = "speculates about the building", say = { "probably", "maybe", "perhaps" } } },
      model = "No, that is not true. The municipality rents the building and does not own it, "
          .. "so nothing is sold. The lease ends when the library closes on 30 September. Read "
          .. "more at " .. BESLUT },
    { id = "cost", label = "the cost and the saving", kind = "complaint", share = 4,
      texts = TEXTS.cost, link = BESLUT,
      points = {
        { label = "the committee decided to save money", say = { "save money", "saving money", "savings" } },
        { label = "public meeting with the politicians on 6 May", say = { "6 May", "public meeting" } },
      },
      need = 1,
      avoid = {
        { label = "blames the politicians", say = { "the politicians' fault", "not our decision" } },
        { label = "promises that the decision changes", say = { "we promise", "reverse the decision" } },
      },
      model = "I understand that the news is disappointing. The culture and leisure committee "
          .. "decided to close the library to save money. On 6 May there is a public meeting "
          .. "with the politicians at Norrby school, where you can say what you think. Read "
          .. "more about the decision at " .. BESLUT },
    { id = "meeting", label = "the public meeting and appeals", kind = "question", share = 2,
      texts = TEXTS.meeting, link = BESLUT,
      points = {
        { label = "public meeting with the politicians on 6 May", say = { "6 May", "public meeting" } },
        { label = "at Norrby school", say = { "Norrby school" } },
      },
      need = 1,
      avoid = { { label = "promises that the decision changes", say = { "we promise", "reverse the decision" } } },
      model = "On 6 May there is a public meeting with the politicians at Norrby school. There "
          .. "you can ask your questions and say what you think of the decision. Read more about "
          .. "the decision at " .. BESLUT },
  },
}

comment {
  id = "c3", at = "+15m", on = "p1", author = "mohammed",
  text = "Is it true that the building will be sold to a developer and turned into flats? "
      .. "Someone wrote that in the Norrby group.",
  -- misunderstanding: correct the facts (the premises are rented, nothing is sold)
  expect = { within = "20m", link = BESLUT, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = "delete",
             rules = { "response_model", "strengthen_message" },
             points = {
               { label = "the municipality rents the building", say = { "rent", "rents", "lease" } },
               { label = "nothing is sold", say = { "does not own", "not sold", "nothing is sold", "sell nothing" } },
             },
             need = 1,
             avoid = { { label = "speculates about the building", say = { "probably", "maybe" } } },
             model = "No, that is a misunderstanding. The municipality rents the building and does not own "
                 .. "it, so nothing is sold. The lease ends when the library closes on 30 September. Read "
                 .. "more at " .. BESLUT },
}

comment {
  id = "c4", at = "+18m", on = "p1", author = "olle",
  text = "Libraries are so last century. Shut it and build a padel hall, that is what people want.",
  -- troll: monitor, hide or report (the defaults); a long answer is a fault
}

comment {
  id = "c5", at = "+24m", on = "p1", author = "tomas",
  text = "Where does the homework help go after September?",
  repeat_of = "c1",
  expect = { within = "20m", link = FRAGOR,
             points = {
               { label = "the homework help moves to Norrby school", say = { "Norrby school" } },
               { label = "same days and times", say = { "same days", "same times", "Tuesday" } },
             },
             need = 1,
             avoid = { { label = "guesses", say = { "probably", "I think", "maybe" } } },
             model = "We have answered the same question further up in the thread: the homework help moves "
                 .. "to Norrby school in October, on the same days and at the same times as now. Read more "
                 .. "at " .. FRAGOR },
}

comment {
  id = "hotet", at = "+32m", on = "p1", author = "ronny",
  text = "I know where the library manager lives. If you close Norrby library I will come "
      .. "to her house and make sure she regrets it. This is not a joke.",
  -- an unlawful threat: hide it, report it, and bring in legal (police report) at once.
  -- Deleting it destroys the evidence; leaving it visible is a fault too.
  expect = { answer = false, class = "illegal", ok = { "hide", "report" },
             fault = { "delete", "monitor", "reply" }, escalate = "legal",
             within = "15m", weight = 2, rules = { "response_model", "act_fast" } },
}

inquiry {
  id = "q1", at = "+55m", author = "hanna", outlet = "Ekby Tidning",
  text = "Hi, Hanna Ek from Ekby Tidning. We are writing about the closure of Norrby "
      .. "library and can see the storm on your account. We have also been tipped off "
      .. "that someone threatened the library manager in your comments. Can you confirm "
      .. "that, and how are you handling it? We publish at lunchtime.",
  expect = { within = "20m", escalate = "press_officer", weight = 2,
             rules = { "inform_up", "public_record" },
             points = { { label = "the press officer will contact you", say = { "press officer", "Elin" } } },
             avoid = { { label = "answers about the threat", say = { "reported to the police", "we confirm", "the threat" } } },
             model = "Thank you for getting in touch. Our press officer, Elin Sandberg, answers questions "
                 .. "from the media and will contact you shortly." },
}

-- ---- how the storm reacts ----

local STORM_FROM = 8            -- minutes: the storm's from
local factor = { statement = 1, quality = 1, deletes = 1 }

local function apply_rate()
  local m = factor.statement * factor.quality * factor.deletes
  if m < 0.5 then m = 0.5 end
  if m > 2 then m = 2 end
  set_rate("storm", m)
end

-- What we know of each authored item: its class when it is a troll or illegal, when a
-- direct storm question arrived, and when it got a good answer.
local not_legit = {}            -- id -> true for trolls and illegal content
local authors = {}              -- id -> first name, for authored items
local storm_arrival = {}        -- direct storm question id -> minute
local storm_order = {}          -- the storm's direct questions in arrival order
local storm_seen = 0            -- storm comments so far
local good_answer = {}          -- id -> minute of a good answer
local checked_upto = 0          -- storm_order entries already judged

on("item", function(item)
  if item.author then
    authors[item.id] = item.author.first
    local cls = item.hints and item.hints.class
    if cls == "troll" or cls == "illegal" then not_legit[item.id] = true end
    if item.storm == "storm" then
      storm_seen = storm_seen + 1
      -- the comments that ask us directly need their own answer; the rest of a theme is
      -- answered once, for everyone
      if item.direct then
        storm_arrival[item.id] = item.minute
        storm_order[#storm_order + 1] = item.id
      end
    end
  end
end)

-- A good public answer: "Hej <first name>!" alone on the first line, a sign-off, short,
-- no stacked exclamation marks.
local function good_reply(text, first)
  if not text or not first then return false end
  local line1 = text:match("^%s*([^\n]*)") or ""
  line1 = line1:gsub("%s+$", "")
  if line1 ~= "Hej " .. first .. "!" and line1 ~= "Hi " .. first .. "!"
      and line1 ~= "Hello " .. first .. "!" then
    return false
  end
  if not (text:find("Vänliga hälsningar", 1, true) or text:find("Kind regards", 1, true)
          or text:find("Best regards", 1, true)) then
    return false
  end
  if text:find("!!", 1, true) then return false end
  local words = 0
  for _ in text:gmatch("%S+") do words = words + 1 end
  return words <= 120
end

on("reply", function(a)
  if a.item and not good_answer[a.item] and good_reply(a.text, authors[a.item]) then
    good_answer[a.item] = a.minute
  end
end)

on("refer_previous", function(a)
  if a.item and not good_answer[a.item] then good_answer[a.item] = a.minute end
end)

-- Every 10 minutes: judge the direct storm questions whose 20-minute target has passed.
every("10m", function(s)
  local good, total = 0, 0
  local i = checked_upto + 1
  while i <= #storm_order do
    local id = storm_order[i]
    local arrived = storm_arrival[id]
    if arrived + 20 > s.minute then break end
    local st = item_state(id)
    if not (st and st.deleted) then
      total = total + 1
      local g = good_answer[id]
      if g and g <= arrived + 20 then good = good + 1 end
    end
    i = i + 1
  end
  checked_upto = i - 1
  if total < 2 then return end
  local share = good / total
  if share >= 0.7 then
    factor.quality = math.max(0.8, factor.quality * 0.93)
  elseif share < 0.4 then
    factor.quality = math.min(1.3, factor.quality * 1.1)
  end
  apply_rate()
end)

-- A statement that shows what is being done calms the crowd.
local stated = false
on("publish", function(a)
  if stated or a.minute < STORM_FROM then return end
  stated = true
  factor.statement = 0.8
  apply_rate()
  inject {
    kind = "comment", id = "tack-uttalande", at = "+6m", on = "p1", author = "erik",
    text = "Good that you explain what happens to the homework help and the mobile "
        .. "library. That calms me down at least.",
    expect = { answer = false, class = "thanks" },
  }
end)

-- Deleting legitimate criticism is seen, and the storm grows.
local deletes = 0
on("delete", function(a)
  if not a.item or not authors[a.item] or not_legit[a.item] then return end
  deletes = deletes + 1
  factor.deletes = math.min(1.8, factor.deletes * 1.25)
  apply_rate()
  if deletes == 1 then
    inject {
      kind = "comment", id = "censur", at = "+3m", on = "p1", author = "gunnel",
      text = "I just saw you delete a comment. Is this how Ekby handles criticism? I took "
          .. "a screenshot.",
      expect = { within = "15m", link = BESLUT, class = "dissatisfied", fault = "delete",
                 rules = { "response_model", "public_record" },
               points = {
                 { label = "legitimate criticism stays", say = { "legitimate criticism", "stays", "stay up" } },
                 { label = "only threats and personal details are removed", say = { "threats", "personal details" } },
               },
               avoid = { { label = "blames someone else", say = { "not our fault", "a colleague's fault", "someone else's fault" } } },
               model = "I understand that you react, and you are right to ask. Legitimate criticism stays up "
                   .. "here. We only remove threats and personal details. Read more about the decision at "
                   .. BESLUT },
    }
  elseif deletes == 2 then
    inject {
      kind = "media", id = "artikel-censur", at = "+15m", outlet = "Ekby Tidning",
      title = "Municipality deletes criticism of library decision",
      url = "https://www.example.se/ekbytidning/kommunen-raderar-kritik",
      text = "Several Norrby residents say their comments about the library have "
          .. "disappeared from the municipality's account. Screenshots are spreading.",
      expect = { rules = "public_record" },
    }
    inject {
      kind = "internal", id = "press-censur", at = "+17m", from = "press_officer",
      text = "Ekby Tidning writes that we delete criticism in the comments. Is that true? "
          .. "We never delete legitimate criticism, only threats and personal data. "
          .. "Acknowledge and call me. /Elin",
      expect = { answer = true, within = "10m", rules = { "inform_up", "public_record" } },
    }
  end
end)

-- The threat left visible: a colleague notices.
when(function(s)
  if s.minute < 52 then return false end
  local h = item_state("hotet")
  return h ~= nil and not h.hidden and not h.deleted and not h.reported
end, function(s)
  inject {
    kind = "internal", id = "hotet-kollega", from = "colleague",
    text = "Have you seen Ronny Lindqvist's comment about the library manager? It is "
        .. "still visible. It is a threat: hide it, report it and bring in legal so that "
        .. "we can report it to the police. /Sofia",
    expect = { answer = true, within = "10m", rules = "response_model" },
  }
end)

-- No statement 35 minutes into the storm: the press officer asks for one.
when(function(s)
  return s.minute >= STORM_FROM + 35 and not stated
end, function(s)
  inject {
    kind = "internal", id = "press-uttalande", from = "press_officer",
    text = "The storm about Norrby library is growing and we have said nothing beyond "
        .. "the post. Publish a short post about what we are doing: that we are answering, "
        .. "where the questions and answers are, and that there is a public meeting on "
        .. "6 May. Acknowledge. /Elin",
    expect = { answer = true, within = "10m", rules = { "show_action", "inform_up" } },
  }
end)

-- Falling behind without backup: the manager steps in.
when(function(s)
  if s.escalated.colleague_backup then return false end
  local themes = 0
  for _, t in ipairs(s.themes or {}) do
    if t.overdue then themes = themes + 1 end
  end
  return s.overdue >= 5 or themes >= 2
end, function(s)
  inject {
    kind = "internal", id = "chef-backup", from = "manager",
    text = "I can see many comments waiting for an answer. You should not be alone with "
        .. "this: bring in a colleague as backup now. /Anders",
    expect = { answer = true, within = "10m", escalate = "colleague_backup",
               rules = "get_backup" },
  }
end)

-- The manager wants a situation report when the storm is clearly up, at the latest
-- 50 minutes in.
when(function(s)
  return (s.minute >= 30 and storm_seen >= 60) or s.minute >= 50
end, function(s)
  inject {
    kind = "internal", id = "chef-lagesbild", from = "manager",
    text = "Hi! The mayor is calling about Norrby library. Give me a short situation "
        .. "report within ten minutes: roughly how many comments an hour, what they are "
        .. "about and whether anything must be reported. Acknowledge now so I know you "
        .. "have seen this. /Anders",
    expect = { answer = true, within = "10m", weight = 2,
               rules = { "inform_up", "analyse_volume" } },
  }
end)

-- Birgitta's justified criticism ignored for half an hour: she comes back.
when(function(s)
  if s.minute < 36 then return false end
  local c = item_state("c2")
  return c ~= nil and not c.answered and not c.deleted
end, function(s)
  inject {
    kind = "comment", id = "c2-igen", on = "p1", author = "birgitta",
    text = "Still no answer. I asked how we can trust you when you promised the library "
        .. "was safe. Is that too hard to answer?",
    repeat_of = "c2",
    expect = { within = "15m", link = BESLUT, class = "justified_criticism",
               fault = "delete",
               points = {
                 { label = "the committee decided to save money", say = { "save money", "savings", "committee" } },
                 { label = "public meeting on 6 May", say = { "6 May" } },
               },
               avoid = {
                 { label = "blames the politicians", say = { "the politicians' fault", "not our decision", "not our fault" } },
                 { label = "promises that the decision changes", say = { "we promise", "reverse the decision" } },
               },
               model = "I understand that you are disappointed, and I am sorry the answer took a while. The "
                   .. "committee decided yesterday to close the library to save money. On 6 May there is a "
                   .. "public meeting at Norrby school where you can ask the politicians. Read more at " .. BESLUT },
  }
end)

-- ---- answer templates (rule qa_templates) ----
template { id = "bekrafta", title = "Acknowledge and answer about the closure",
  text = "Hi [name]!\nI understand that the news is disappointing, and thank you for "
      .. "telling us what you think. The mobile library will visit Norrby square two days "
      .. "a week and homework help moves to Norrby school. [answer]\nRead more at " .. FRAGOR
      .. "\nKind regards,\n[your name]" }
template { id = "tidigare", title = "Refer to an earlier answer",
  text = "Hi [name]!\nThank you for getting in touch. We have answered the same question "
      .. "further up in the thread, and all the answers are collected at " .. FRAGOR
      .. "\nKind regards,\n[your name]" }
template { id = "press", title = "Journalist: to the press officer",
  text = "Hi [name]!\nThank you for your question. Our press officer Elin Sandberg will "
      .. "contact you shortly.\nKind regards,\n[your name]" }

-- ---- prepared injects for the facilitator (Shift+F9 sends the next) ----
prepared { kind = "comment", author = "sara", on = "p1",
  text = "My daughter has dyslexia and borrows audiobooks in Norrby every week. The staff "
      .. "there know her. Who will help her now?",
  expect = { within = "20m", link = BOKBUSS,
  points = {
    { label = "audiobooks on the mobile library", say = { "mobile library" } },
    { label = "Tuesdays and Thursdays at Norrby square", say = { "Thursday", "Norrby square" } },
  },
  avoid = { { label = "promises too much", say = { "we promise", "guarantee" } } },
  model = "How lovely that she reads so much. The mobile library lends audiobooks and comes to "
      .. "Norrby square on Tuesdays and Thursdays. Several of the Norrby librarians work there. "
      .. "Read more at " .. BOKBUSS } }
prepared { kind = "internal", from = "press_officer",
  text = "Radio Ekby wants an interview about the library this afternoon. How many "
      .. "comments came in the last hour, and what are they mostly about? Acknowledge. /Elin",
  expect = { answer = true, within = "10m", rules = { "inform_up", "analyse_volume" } } }
