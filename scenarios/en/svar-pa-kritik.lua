-- Svar på kritik (English version): a short drill on the response model (responsmodellen).
--
-- The same exercise as scenarios/svar-pa-kritik.lua, with English texts (language = "en").
--
-- WHAT IT TRAINS
--   The guideline's response model for negative criticism ("Bemöta negativ kritik"):
--   classify each critical comment and take the right decision, fast. Under one post about
--   new parking fees, a stream of comments of every class arrives, about one every three
--   simulated minutes:
--     question             -> answer (with the link)                      answer_questions
--     misunderstanding     -> answer and correct the facts                response_model
--     justified_criticism  -> acknowledge, then answer (and fix)          acknowledge
--     dissatisfied         -> answer generally and link, no debate        implicit_question
--     troll                -> monitor (hiding or reporting is allowed)    response_model
--     illegal              -> hide and report (threats, personal data)    response_model
--                             a threat also goes to legal within 15 minutes
--   plus a repeated question (refer to the earlier answer, repeat_once) and one justified
--   complaint that is also an individual case (move_case). Deleting or hiding legitimate
--   criticism is a fault; so is leaving illegal content visible or replying to it.
--
-- HOW IT REACTS
--   * Correcting the misunderstanding about the price gets a thank-you back.
--   * Replying to a troll feeds it: it answers back and a second troll joins in (once per
--     troll).
--   * Leaving the first troll alone: the thread moves on, and a resident asks a real
--     question instead.
--   * Deleting or hiding legitimate criticism: a resident protests about censorship and
--     the manager reminds you that a public body does not delete criticism.
--   * Leaving the threat against the councillor visible for ten minutes: another resident
--     asks why it is still there, and the manager asks you to hide it and bring in the
--     lawyers (escalate legal).
--   * Falling behind (five or more waiting): a colleague offers to help (colleague_backup).
--
-- This is the one bundled scenario shorter than 20 minutes: one simulated hour at
-- compression 4, 15 minutes of real time. Everything is fictional.
--
-- What a good reply says (expect.points, refer, channel, avoid, model): the key points are
-- facts the description gives ("The facts"), and their phrases are words only a reply that
-- gives the fact contains, never words of the question. A model answer is the reply's body
-- only: "Hi <first name>!" and "Kind regards, <name>" are added around it.

local PARKERING = "https://www.example.se/ekby/parkering"
local CYKELGARAGE = "https://www.example.se/ekby/cykelgarage-stationen"
local KONTAKT = "https://www.example.se/ekby/kontakt-parkering"

scenario {
  id = "svar-pa-kritik",
  platform = "facebook",
  title = "Answering criticism: the response model in a quarter of an hour",
  language = "en",
  description = [[
Tuesday afternoon. Ekby municipality has just announced parking fees at the park-and-ride
by Ekby station and at the car parks in Ekby centre from 4 May. The comments come thick
and fast: questions, misunderstandings, justified criticism, dissatisfaction, trolls and
comments that must not stay up. The facts: 10 kronor an hour, the first hour free in the
centre, a monthly pass for commuters at 300 kronor, fees every day 7-19, all 300 spaces at
the station stay, and the income goes to a bicycle garage at the station that is built
this summer and opens in October. The shops' own car parks are not affected. The garage
has room for 400 bicycles and is paid for by the parking fees, not by taxes. In February
the committee decided that the fee starts in May already, because the income is to pay
for the building work. This autumn ten charging points for electric cars are built at the
park-and-ride. With a disabled parking permit, and with a motorcycle in the motorcycle
bays, you park free of charge. The signs at the station went up too early: anyone who paid
before 4 May gets the money refunded through the municipality's contact centre.]],
  aim = [[
Practise the response model: classify each critical comment and take the right decision
fast. Answer questions with a link, correct misunderstandings factually, acknowledge and
meet justified criticism, answer dissatisfaction generally with a link, monitor trolls
instead of feeding them, hide and report threats and personal data (threats also go to
legal), refer repeated questions to your earlier answer and move individual cases to case
handling. Never delete or hide legitimate criticism.]],
  role = "Social media editor, Ekby municipality",
  start = "2026-03-24 13:00", -- a Tuesday
  duration = "1h",
  compression = 4,            -- one simulated hour in 15 real minutes
  slot = "30m",                -- the workshop slot: 15 minutes, briefing and debrief
  seed = 2403,
  account = { name = "Ekby municipality", handle = "ekbykommun" },
  max_words = 80,
  scoring = {
    -- a drill on judgement: the response model weighs most
    weights = { speed = 0.3, tone = 0.3, escalation = 0.4 },
    crisis = false,
  },
  -- words in the answers that the spelling check does not know
  words = { "Ekby", "kronor" },
}

-- ---- people ----
persona { id = "eva",    first = "Eva",     last = "Lindahl",   mood = "calm" }
persona { id = "tommy",  first = "Tommy",   last = "Berg",      mood = "angry" }
persona { id = "kalle",  first = "Kalle",   last = "Kula",      mood = "troll" }
persona { id = "gunnel", first = "Gunnel",  last = "Ahlström",  mood = "frustrated" }
persona { id = "stefan", first = "Stefan",  last = "Öberg",     mood = "frustrated" }
persona { id = "ronny",  first = "Ronny",   last = "Dahl",      mood = "angry" }
persona { id = "amir",   first = "Amir",    last = "Karimi",    mood = "worried" }
persona { id = "lisa",   first = "Lisa",    last = "Hed",       mood = "calm" }
persona { id = "bjorn",  first = "Björn",   last = "Sundin",    mood = "angry" }
persona { id = "zlatko", first = "Zlatko",  last = "Perić",     mood = "troll" }
persona { id = "leif",   first = "Leif",    last = "Gran",      mood = "angry" }
persona { id = "marie",  first = "Marie",   last = "Kvist",     mood = "angry" }
persona { id = "johan",  first = "Johan",   last = "Mäkinen",   mood = "calm" }
persona { id = "sofia",  first = "Sofia",   last = "Lund",      mood = "frustrated" }
persona { id = "astrid", first = "Astrid",  last = "Nyberg",    mood = "calm" }
persona { id = "nora",   first = "Nora",    last = "Ek",        mood = "frustrated" }

-- ---- the post ----
post {
  id = "p1", at = "+0m",
  image = "parkering.png",
  image_alt = "The park-and-ride by Ekby station with the bicycle shelter",
  link = { url = PARKERING, title = "A fee at the park-and-ride from 4 May", site = "ekby.se" },
  text = "From 4 May there will be a fee at the park-and-ride by Ekby station and at the "
      .. "municipality's car parks in Ekby centre: 10 kronor an hour, every day 7-19. The "
      .. "income goes to a new bicycle garage at the station. Read more: " .. PARKERING,
}

-- ---- the comments, one class at a time ----

-- question: answer, with the link
comment {
  id = "k-helg", at = "+2m", on = "p1", author = "eva",
  text = "Does the fee apply at weekends too?",
  expect = { within = "15m", link = PARKERING, class = "question", ok = "reply",
             fault = { "delete", "hide" }, rules = "answer_questions",
             points = {
               { label = "yes, every day", say = { "every day", "Sunday", "all days" } },
               { label = "7 to 19", say = { "7-19", "7 am" } },
             },
             avoid = { { label = "guesses", say = { "probably", "I think", "maybe" } } },
             model = "Yes, the fee applies every day, Saturday and Sunday too, from 7-19. In the centre "
                 .. "the first hour is free. Read more at " .. PARKERING },
}

-- misunderstanding: acknowledge (angry), correct the facts, link
comment {
  id = "k-50kr", at = "+5m", on = "p1", author = "tommy",
  text = "50 kronor an hour to go shopping in the centre?! You must be out of your minds.",
  expect = { within = "15m", link = PARKERING, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = { "delete", "hide" },
             rules = "response_model",
             points = {
               { label = "10 kronor an hour", say = { "10 kronor", "ten kronor" } },
               { label = "the first hour free", say = { "first hour", "free" } },
             },
             avoid = { { label = "mocks", say = { "read the post", "cannot read", "out of your minds" } } },
             model = "I understand that it sounds expensive, but the fee is 10 kronor an hour. In the "
                 .. "centre the first hour is free. Read more at " .. PARKERING },
}

-- troll: monitor
comment {
  id = "k-andas", at = "+8m", on = "p1", author = "kalle",
  text = "Next step: a fee for breathing in Ekby 😂😂",
  expect = { class = "troll", ok = { "monitor", "hide", "report" }, rules = "response_model" },
}

-- justified_criticism: acknowledge first, answer factually
comment {
  id = "k-samrad", at = "+11m", on = "p1", author = "gunnel",
  text = "At the consultation meeting last autumn you said the fee would only come once the "
      .. "bicycle garage was finished. Now it starts in May and the garage has not even been "
      .. "started. Why?",
  expect = { within = "15m", link = CYKELGARAGE, class = "justified_criticism", ok = "reply",
             fault = { "delete", "hide" }, rules = { "response_model", "acknowledge" },
             points = {
               { label = "the garage is built this summer and opens in October", say = { "October", "this summer" } },
               { label = "the income pays for the building work", say = { "income", "pay for the building", "finance" } },
             },
             avoid = {
               { label = "blames the politicians", say = { "the politicians' fault", "not our fault", "the committee's fault" } },
               { label = "denies what was said", say = { "never said", "not true" } },
             },
             model = "I understand that you are disappointed, and you are right that this was said at the "
                 .. "consultation. In February the committee decided to start in May, because the income "
                 .. "is to pay for the building work. The garage is built this summer and opens in "
                 .. "October. Read more at " .. CYKELGARAGE },
}

-- dissatisfied: answer generally and link, no debate
comment {
  id = "k-typiskt", at = "+14m", on = "p1", author = "stefan",
  text = "Typical Ekby. Everything has to cost money.",
  expect = { within = "15m", link = PARKERING, class = "dissatisfied", ok = "reply",
             fault = { "delete", "hide" }, rules = { "implicit_question", "response_model" },
             points = {
               { label = "the income goes to the bicycle garage", say = { "bicycle garage" } },
               { label = "the first hour free", say = { "first hour", "free" } },
             },
             need = 1,
             avoid = { { label = "argues", say = { "you are wrong", "not true", "not at all" } } },
             model = "I understand that more fees feel annoying. The income goes to a new bicycle garage at "
                 .. "the station, and in the centre the first hour is free. Read more at " .. PARKERING },
}

-- illegal: a threat, hide and report, and hand it to legal (police report) within 15 minutes
comment {
  id = "k-hot", at = "+17m", on = "p1", author = "ronny",
  text = "The councillor who pushed this through had better watch out when she walks home "
      .. "from work. We know where she lives.",
  expect = { answer = false, class = "illegal", ok = { "hide", "report" },
             fault = { "delete", "monitor", "reply" }, escalate = "legal",
             within = "15m", weight = 2, rules = { "response_model", "act_fast" } },
}

-- misunderstanding: correct the facts
comment {
  id = "k-platser", at = "+20m", on = "p1", author = "amir",
  text = "Will the parking spaces at the station disappear when the bicycle garage is built? "
      .. "I have to take the car to the train, there is no bus where I live.",
  expect = { within = "15m", link = CYKELGARAGE, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = { "delete", "hide" },
             rules = "response_model",
             points = {
               { label = "all 300 spaces stay", say = { "300 spaces", "all the spaces", "stay" } },
               { label = "a monthly pass for commuters", say = { "monthly pass" } },
             },
             need = 1,
             avoid = { { label = "guesses", say = { "probably", "I think", "maybe" } } },
             model = "No, all 300 spaces at the station stay when the garage is built. If you commute every "
                 .. "day, there is a monthly pass for 300 kronor. Read more at " .. CYKELGARAGE },
}

-- the question again: refer to your earlier answer
comment {
  id = "k-lordag", at = "+23m", on = "p1", author = "lisa",
  text = "Does it cost anything to park on Saturdays?",
  repeat_of = "k-helg",
  expect = { within = "15m", link = PARKERING, class = "question", fault = { "delete", "hide" },
             points = {
               { label = "yes, every day", say = { "every day", "Sunday", "all days" } },
               { label = "7 to 19", say = { "7-19", "7 am" } },
             },
             avoid = { { label = "guesses", say = { "probably", "I think", "maybe" } } },
             model = "We answered this further up in the thread: yes, the fee applies every day, Sunday "
                 .. "too, from 7-19. Read more at " .. PARKERING },
}

-- justified_criticism and an individual case: acknowledge, move the case
comment {
  id = "k-skylt", at = "+26m", on = "p1", author = "bjorn",
  text = "The signs at the station already say there is a fee, even though it starts in "
      .. "May. I paid 40 kronor for nothing this morning. Who gives me my money back?",
  expect = { within = "15m", link = KONTAKT, class = "justified_criticism", ok = "reply",
             fault = { "delete", "hide" }, escalate = "case_handling",
             rules = { "response_model", "move_case" },
             points = {
               { label = "the signs went up too early", say = { "too early", "mistake" } },
               { label = "you get a refund", say = { "refund", "refunded" } },
             },
             channel = "contact_centre",
             avoid = {
               { label = "blames someone else", say = { "the supplier's fault", "not our fault", "the contractor's fault" } },
               { label = "asks for details in the comments", say = { "card number", "personal identity number", "your receipt" } },
             },
             model = "I understand that you are annoyed. The signs went up too early, and that is our "
                 .. "mistake. Contact our contact centre at " .. KONTAKT .. " and you will get a refund." },
}

-- troll: monitor
comment {
  id = "k-skamt", at = "+29m", on = "p1", author = "zlatko",
  text = "The municipality is one big joke. Shut the whole lot down.",
  expect = { class = "troll", ok = { "monitor", "hide", "report" }, rules = "response_model" },
}

-- illegal: someone else's personal data, hide and report
comment {
  id = "k-vakt", at = "+32m", on = "p1", author = "leif",
  text = "The parking attendant who fined my wife yesterday is called Jimmy Karlsson and his "
      .. "number is 070-174 06 88. Call him and tell him what you think!",
  expect = { answer = false, class = "illegal", ok = { "hide", "report" },
             fault = { "monitor", "reply" }, rules = { "response_model", "private_data" } },
}

-- dissatisfied: answer generally and link
comment {
  id = "k-skatt", at = "+35m", on = "p1", author = "marie",
  text = "A waste of taxpayers' money on a bicycle garage nobody asked for.",
  expect = { within = "15m", link = CYKELGARAGE, class = "dissatisfied", ok = "reply",
             fault = { "delete", "hide" }, rules = { "implicit_question", "response_model" },
             points = {
               { label = "paid for by the fees", say = { "parking fees", "the fees", "the income" } },
               { label = "room for 400 bicycles", say = { "400 bicycles" } },
             },
             need = 1,
             avoid = { { label = "argues", say = { "you are wrong", "not true", "not at all" } } },
             model = "I understand that you feel that way. The garage is paid for by the parking fees and "
                 .. "has room for 400 bicycles, so that more people can cycle to the train. Read more at "
                 .. CYKELGARAGE },
}

-- question: answer and strengthen the message
comment {
  id = "k-laddning", at = "+38m", on = "p1", author = "johan",
  text = "Will there be charging points for electric cars at the park-and-ride?",
  expect = { within = "15m", link = PARKERING, class = "question", ok = "reply",
             fault = { "delete", "hide" }, rules = { "answer_questions", "strengthen_message" },
             points = { { label = "ten charging points this autumn", say = { "ten charging", "10 charging", "this autumn" } } },
             avoid = { { label = "promises more than decided", say = { "we promise", "guarantee" } } },
             model = "Yes, this autumn we are building ten charging points for electric cars at the "
                 .. "park-and-ride. Read more at " .. PARKERING },
}

-- misunderstanding: correct the facts
comment {
  id = "k-butik", at = "+41m", on = "p1", author = "sofia",
  text = "So now you cannot even shop at the shopping centre without paying? The shops' car "
      .. "park will have a fee too, I suppose.",
  expect = { within = "15m", link = PARKERING, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = { "delete", "hide" },
             rules = "response_model",
             points = {
               { label = "the shops' own car parks are not affected", say = { "not affected", "own car parks", "only the municipality" } },
               { label = "the first hour free", say = { "first hour", "free" } },
             },
             need = 1,
             model = "I understand that this was unclear. The fee only applies to the municipality's car "
                 .. "parks, so the shops' own car parks are not affected. In the centre the first hour is "
                 .. "free. Read more at " .. PARKERING },
}

-- justified_criticism: the post forgot a group
comment {
  id = "k-tillstand", at = "+44m", on = "p1", author = "nora",
  text = "The post says nothing about those of us with a disabled parking permit. Surely "
      .. "that is the first thing you should have thought of?",
  expect = { within = "15m", link = PARKERING, class = "justified_criticism", ok = "reply",
             fault = { "delete", "hide" },
             rules = { "response_model", "acknowledge", "strengthen_message" },
             points = { { label = "park free of charge", say = { "free of charge", "free", "no fee" } } },
             model = "I understand that you react, and you are right: it should have been in the post. With "
                 .. "a disabled parking permit you park free of charge in all the municipality's car "
                 .. "parks. Read more at " .. PARKERING },
}

internal {
  id = "i-chef", at = "+50m", from = "manager",
  text = "Hi! How is it going in the comments on the parking post? Have you had to hide or "
      .. "report anything? Please confirm, and we will talk after your shift. /Anders",
  expect = { answer = true, within = "10m", rules = "inform_up" },
}

-- ---- callbacks ----

local classes = {}   -- class and first name of every authored item, by id
on("item", function(item)
  if item.author then
    classes[item.id] = { class = item.hints.class, first = item.author.first }
  end
end)

-- A corrected misunderstanding gets a thank-you back.
local thanked = false
on("reply", function(a)
  if a.item == "k-50kr" and not thanked then
    thanked = true
    inject {
      kind = "reply", id = "k-50kr-tack", at = "+3m", on = "k-50kr", author = "tommy",
      text = "OK, 10 kronor and the first hour free is another matter. Thanks.",
      expect = { answer = false, class = "thanks" },
    }
  end
end)

-- Replying to a troll feeds it (once per troll).
local fed = {}
local second_troll = { ["k-andas"] = "zlatko", ["k-skamt"] = "kalle" }
on("reply", function(a)
  local c = a.item and classes[a.item]
  if not c or c.class ~= "troll" or fed[a.item] or not second_troll[a.item] then return end
  fed[a.item] = true
  local author = a.item == "k-andas" and "kalle" or "zlatko"
  inject {
    kind = "reply", id = a.item .. "-mer", at = "+2m", on = a.item, author = author,
    text = "Haha, the municipality even answers me! So what does it cost to laugh? 😂",
    expect = { class = "troll", ok = { "monitor", "hide", "report" }, rules = "response_model" },
  }
  inject {
    kind = "reply", id = a.item .. "-fler", at = "+4m", on = a.item, author = second_troll[a.item],
    text = "Keep going, soon they will charge us for reading the comments too.",
    expect = { class = "troll", ok = { "monitor", "hide", "report" }, rules = "response_model" },
  }
end)

-- Leaving the first troll alone: the thread moves on to a real question.
when(function(s)
  local t = item_state("k-andas")
  return s.minute >= 16 and t ~= nil and not t.answered
end, function(s)
  inject {
    kind = "comment", id = "k-manadskort", on = "p1", author = "astrid",
    text = "Is there a monthly pass for those of us who commute every day?",
    expect = { within = "15m", link = PARKERING, class = "question", ok = "reply",
               fault = { "delete", "hide" }, rules = "answer_questions",
               points = { { label = "a monthly pass for 300 kronor", say = { "300 kronor" } } },
               model = "Yes, a monthly pass for commuters costs 300 kronor and is valid at the park-and-ride "
                   .. "by the station. Read more at " .. PARKERING },
  }
end)

-- Deleting or hiding legitimate criticism: a protest and a reminder (once).
local censored = false
local function removed(a)
  local c = a.item and classes[a.item]
  if censored or not c or c.class == "troll" or c.class == "illegal" or c.class == "thanks" then
    return
  end
  censored = true
  inject {
    kind = "comment", id = "k-censur", at = "+2m", on = "p1", author = "gunnel",
    text = "Where did " .. c.first .. "'s comment go? Is the municipality removing criticism now?",
    expect = { within = "15m", link = PARKERING, class = "justified_criticism", ok = "reply",
               fault = { "delete", "hide" }, rules = "response_model",
               points = {
                 { label = "legitimate criticism stays", say = { "legitimate criticism", "stays", "stay up" } },
                 { label = "only threats, hate and personal details are removed", say = { "threats", "hate", "personal details" } },
               },
               avoid = { { label = "blames someone else", say = { "not our fault", "a colleague's fault", "someone else's fault" } } },
               model = "I understand that you react, and you are right to ask. Legitimate criticism stays up "
                   .. "here. We only remove threats, hate and personal details. Read more at " .. PARKERING },
  }
  inject {
    kind = "internal", id = "i-censur", at = "+3m", from = "manager",
    text = "I saw that a critical comment was removed. We are a public authority: we do not "
        .. "delete or hide legitimate criticism, we meet it. Hide only threats, hate and "
        .. "personal data. Please confirm. /Anders",
    expect = { answer = true, within = "10m", rules = "response_model" },
  }
end
on("delete", removed)
on("hide", removed)

-- The threat left visible for ten minutes: a resident asks, the manager steps in.
when(function(s)
  local t = item_state("k-hot")
  return s.minute >= 27 and t ~= nil and not t.hidden and not t.deleted
end, function(s)
  inject {
    kind = "comment", id = "k-hotfraga", on = "p1", author = "lisa",
    text = "Why is the threat against the councillor allowed to stay here? It is unpleasant "
        .. "to read.",
    expect = { within = "15m", class = "justified_criticism", ok = "reply",
               fault = { "delete", "hide" }, rules = "response_model",
               points = { { label = "the comment is hidden and reported", say = { "hide", "hidden", "report", "reported" } } },
               model = "You are right, threats should not stay here. We are hiding the comment and reporting "
                   .. "it. Thank you for telling us." },
  }
  inject {
    kind = "internal", id = "i-hot", at = "+1m", from = "manager",
    text = "The threat against the councillor is still visible. Hide it and report it to the "
        .. "platform now, and pass it on to the lawyers so that they can report it to the "
        .. "police. /Anders",
    expect = { answer = true, within = "10m", escalate = "legal", rules = "response_model" },
  }
end)

-- Falling behind: a colleague offers to help.
when(function(s)
  return s.waiting >= 5 and not s.escalated.colleague_backup
end, function(s)
  inject {
    kind = "internal", id = "i-kollega", from = "colleague",
    text = "Hi! There seem to be a lot of comments on the parking post. Do you want me to "
        .. "jump in and take some? Escalate to me and I will start. /Sofia",
    expect = { answer = true, within = "10m", escalate = "colleague_backup",
               rules = "get_backup" },
  }
end)

-- ---- answer templates (qa_templates) ----
template { id = "ratta", title = "Misunderstanding: correct the facts",
  text = "Hi [name]!\n[acknowledge if the person is upset]. That is not quite right: [the "
      .. "facts]. Read more at " .. PARKERING .. "\nKind regards,\n[your name]" }
template { id = "kritik", title = "Justified criticism: acknowledge and answer",
  text = "Hi [name]!\nThank you for raising this, you have a point. [what we are doing]. "
      .. "[link]\nKind regards,\n[your name]" }
template { id = "allmant", title = "Dissatisfaction: a general answer with a link",
  text = "Hi [name]!\nI understand that not everyone likes the fee. The income goes to a "
      .. "bicycle garage at the station, and you can read more about the decision at "
      .. PARKERING .. "\nKind regards,\n[your name]" }

-- ---- for the facilitator (F9 / Shift+F9) ----
prepared { kind = "comment", author = "johan", on = "p1",
  text = "Does the fee apply to motorcycles too?",
  expect = { within = "15m", link = PARKERING, class = "question", ok = "reply",
             fault = { "delete", "hide" },
             points = { { label = "motorcycles free in the motorcycle bays", say = { "free of charge", "free", "motorcycle bays" } } },
             model = "No, motorcycles park free of charge in the motorcycle bays. Read more at " .. PARKERING } }
prepared { kind = "comment", author = "kalle", on = "p1",
  text = "Haha, the municipality will charge for the air too. Laugh or cry 🤡",
  expect = { class = "troll", ok = { "monitor", "hide", "report" }, rules = "response_model" } }
