-- Förtroendekris (English version): a leaked audit about mould at a school (a trust crisis).
--
-- The same exercise as scenarios/fortroendekris.lua, with English texts (language = "en").
--
-- WHAT IT TRAINS
--   A trust crisis on social media (guideline: "Kriskommunikation" and "Förebygg krisen
--   genom att ha en process"). At 08:00 on a Wednesday the local paper publishes a leaked
--   audit by the municipality's auditors: staff at Björkängsskolan reported damp and mould
--   in the B wing in 2023 and 2024, and the property unit postponed the remediation. The
--   comment field under the account's routine morning post fills with critical, worried
--   and sceptical comments (a storm), journalists call (four inquiries that expect the
--   press officer), and the manager and the press officer push for action. The participant
--   must show action early (rule show_action: a statement post within 30 minutes of the
--   crisis start), bring in the manager and a colleague (get_backup), keep the press
--   officer informed and route journalists to her (inform_up, public_record), answer the
--   comment field quickly and consistently with one line and one facts page
--   (active_in_comments, act_fast, link, acknowledge), move individual cases out of the
--   public thread (move_case, private_data), and apply the response model to a
--   misunderstanding, justified criticism, a troll and an illegal threat that names a
--   civil servant's home address (response_model; hide or report it and escalate it to
--   legal within 15 minutes, like every threat).
--
-- HOW IT REACTS
--   * No statement published 25 minutes into the crisis (+30m): the storm doubles,
--     angrier comments arrive, the paper runs "Kommunen tiger", the paper asks why
--     nothing has been said, and the manager demands the post. Still nothing at +60m: a
--     second, harder wave (parents start a petition) and the storm grows again.
--   * The first publish: the storm slows (more if it came early), a parent answers the
--     statement with a justified follow-up question, and the press officer confirms the
--     line to hold in every answer (answer consistently).
--   * A reply that sounds defensive or contradicts the facts ("not true", "no danger",
--     "lies" ...): a screenshot spreads, the paper quotes it and asks how it fits
--     the audit (public_record).
--   * Deleting or hiding a resident's criticism: someone notices, accuses the municipality
--     of censorship, and the paper asks about it.
--   * A reply to the former teacher's justified criticism gets a short thank-you back.
--   * Falling behind: the manager insists on a colleague as backup; many overdue comments
--     bring "Hello, is anyone answering?" follow-ups and a faster storm.
--
-- Three simulated hours at compression 3: one hour of real time. Everything is
-- fictional: Ekby kommun, the school, the people, the outlets and the addresses.
--
-- What a good reply says (expect.points, refer, channel, avoid, model): the key points are
-- facts the scenario itself gives (the manager's and the press officer's messages and
-- "Facts for the answers" in the description), and their phrases are words only a reply
-- that gives the fact contains, never words of the question. A model answer is the reply's
-- body only: "Hi <first name>!" and "Kind regards, <name>" are added around it. The claims
-- to avoid follow the press officer's line: no speculation about health or blame, no
-- promises about responsibility or compensation, nothing defensive.

local FAKTA = "https://www.example.se/ekby/bjorkangsskolan"
local ARTIKEL = "https://www.example.se/ekbytidning/mogel-bjorkangsskolan"
local SOMMARLOV = "https://www.example.se/ekby/sommarlov"
local KONTAKT = "https://www.example.se/ekby/kontakta-skolan"

scenario {
  id = "fortroendekris",
  title = "Trust crisis: leaked audit on mould at Björkängsskolan",
  language = "en",
  description = [[
Wednesday morning. Ekby Tidning publishes a leaked audit by the municipality's auditors:
staff at Björkängsskolan reported damp and mould in the B wing in both 2023 and 2024, but
the remediation was postponed. The municipality's routine post about summer holiday
activities fills with critical, worried and sceptical comments, journalists get in touch,
and the manager and the press officer want the municipality to show action. The head of
department decided this morning: the B wing closes today, the classes move to temporary
classrooms from Monday, an independent damp survey is ordered and parents are invited to
an information meeting. Everything is collected on the municipality's facts page about
the school.

Facts for the answers: only the B wing closes; the school is not torn down, and the
preschool class and the A wing are not affected. The classes move together to temporary
classrooms at Ekby sports hall from Monday and have remote teaching on Thursday and Friday.
From Monday a school bus runs from Björkängsskolan to the temporary classrooms every
morning at 7.45 and back after the school day. The auditors' report goes to the municipal
council in April. Questions about a child's health go to the school nurse, reached through
the school's contact page. Staff with symptoms can talk in confidence to the occupational
health service; HR arranges the contact. All questions from the media go to the press
officer, Elin.]],
  aim = [[
Handle a trust crisis on social media by the guideline: show action early (a statement
within 30 minutes of the crisis start), bring in the manager and a colleague as backup,
keep the press officer informed and leave every media question to her, be active and
fast in the comment field, answer consistently with the same facts and the same link,
acknowledge worry and anger first, move individual cases to case handling, and choose
the right decision under the response model: correct misunderstandings, meet justified
criticism, monitor trolls, hide and report threats and personal data, never delete
legitimate criticism.]],
  role = "Social media editor, Ekby municipality",
  start = "2026-03-25 08:00", -- a Wednesday
  duration = "3h",
  compression = 3,            -- 3 simulated hours in one real hour: a person can keep up (issue 13)
  slot = "1h30m",            -- the workshop slot: the hour, briefing and debrief
  seed = 2503,
  account = { name = "Ekby municipality", handle = "ekbykommun" },
  -- Good handling keeps the storm near its declared pace; neglect can make it 2.5 times as fast.
  audience = { min_intensity = 0.6, max_intensity = 2.5, responsiveness = 0.08 },
  scoring = {
    crisis = true,
    crisis_start = "+5m",       -- the first storm comment
    backup_within = "20m",
    statement_within = "30m",   -- show action early
    -- the statement (show_action): what happened, what is being done, where to read more
    statement = {
      points = {
        { label = "what happened: damp and mould in the B wing", say = { "mould", "damp", "audit" } },
        { label = "what we do: closing, temporary classrooms, survey", say = { "closed", "closes", "temporary classrooms", "damp survey" } },
        { label = "where to find out more", say = { "facts page", "read more", "everything we know", "information meeting", "website" } },
      },
      model = "The auditors' report shows that damp and mould in the B wing of Björkängsskolan "
          .. "were not dealt with in time. The B wing is closed from today. The classes move "
          .. "together to temporary classrooms at Ekby sports hall from Monday, and an "
          .. "independent damp survey has been ordered. You are welcome to the information "
          .. "meeting tomorrow at 18:00 in the sports hall. Everything we know is at "
          .. "https://www.example.se/ekby/bjorkangsskolan",
    },
  },
  -- words in the answers that the spelling check does not know
  words = { "Ekby", "Björkängsskolan" },
}

-- ---- people ----
persona { id = "sanna",   first = "Sanna",   last = "Eklund",    mood = "worried" }
persona { id = "roger",   first = "Roger",   last = "Blom",      mood = "frustrated", traits = { "former teacher" } }
persona { id = "malin",   first = "Malin",   last = "Ek",        mood = "calm",       traits = { "journalist" } }
persona { id = "tommy",   first = "Tommy",   last = "Lindgren",  mood = "angry" }
persona { id = "kevin",   first = "Kevin",   last = "Nordh",     mood = "troll" }
persona { id = "aron",    first = "Aron",    last = "Holmqvist", mood = "calm",       traits = { "journalist" } }
persona { id = "ulf",     first = "Ulf",     last = "Sten",      mood = "angry" }
persona { id = "hanna",   first = "Hanna",   last = "Vik",       mood = "worried" }
persona { id = "fatima",  first = "Fatima",  last = "Haddad",    mood = "worried",    traits = { "teacher" } }
persona { id = "ida",     first = "Ida",     last = "Sandberg",  mood = "calm",       traits = { "journalist" } }
persona { id = "bengt",   first = "Bengt",   last = "Åkesson",   mood = "frustrated" }
persona { id = "lotta",   first = "Lotta",   last = "Persson",   mood = "calm" }
persona { id = "jonas",   first = "Jonas",   last = "Falk",      mood = "calm",       traits = { "journalist" } }
persona { id = "karin",   first = "Karin",   last = "Mattsson",  mood = "frustrated" }
persona { id = "mats",    first = "Mats",    last = "Ryd",       mood = "angry" }
persona { id = "petra",   first = "Petra",   last = "Norén",     mood = "angry" }
persona { id = "annika",  first = "Annika",  last = "Berglund",  mood = "frustrated" }

-- ---- 08:00 the routine post and the revelation ----
post {
  id = "p1", at = "+0m",
  text = "Good morning! Sign-up for this summer's activities for children and young people "
      .. "in Ekby opens today: swimming school, football camp and summer camp. Sign up at "
      .. SOMMARLOV,
}

media {
  id = "m1", at = "+0m", outlet = "Ekby Tidning",
  title = "Leaked audit: warnings about mould at Björkängsskolan ignored for two years",
  url = ARTIKEL,
  text = "An audit by the municipality's auditors, seen by Ekby Tidning, shows that staff "
      .. "at Björkängsskolan reported damp and a smell of mould in the B wing in both 2023 "
      .. "and 2024. The property unit postponed the work for budget reasons. Several "
      .. "teachers and pupils say they have had headaches and breathing problems. The audit "
      .. "is to be presented to the municipal council in April.",
  expect = { rules = "public_record" },
}

internal {
  id = "i-press1", at = "+2m", from = "press_officer",
  text = "Hi! Have you seen Ekby Tidning on Björkängsskolan? This will storm. All questions "
      .. "from journalists go to me: do not answer them on the substance yourself, refer "
      .. "them to me and escalate to me at once. Please confirm you have seen this. /Elin, "
      .. "press officer",
  expect = { answer = true, within = "10m", rules = { "inform_up", "public_record" } },
}

internal {
  id = "i-chef1", at = "+4m", from = "manager",
  text = "The head of department decided this morning: the B wing of Björkängsskolan closes "
      .. "today. The classes move to temporary classrooms at Ekby sports hall from Monday "
      .. "and have remote teaching on Thursday and Friday. An independent damp survey has "
      .. "been ordered, and parents are invited to an information meeting tomorrow, "
      .. "Thursday, at 18:00 in the sports hall. Everything is collected at " .. FAKTA
      .. " . Get it out as a post as soon as you can: we must show that we are acting. "
      .. "And bring in a colleague as backup, you should not sit alone with this. /Anders",
  expect = { answer = true, within = "10m", escalate = "colleague_backup",
             rules = { "get_backup", "show_action" } },
}

-- ---- the storm under the morning post ----
-- What an answer to the storm must not say (as for the single comments).
local AVOID = {
  { label = "speculates about health or cause", say = { "no danger", "not dangerous", "probably" } },
  { label = "blames someone", say = { "not our fault", "the property unit's fault", "the head teacher's fault" } },
  { label = "promises responsibility or compensation", say = { "we promise", "compensation", "will resign" } },
  { label = "sounds defensive", say = { "not true", "exaggerat", "spreading rumours" } },
}

storm {
  id = "s1", on = "p1",
  from = "+5m", to = "+2h50m",
  count = 80,
  -- up fast as the article spreads, a long peak, calmer towards lunch
  curve = { { "+0m", 0.3 }, { "+15m", 1 }, { "+1h30m", 1 }, { "+2h45m", 0.4 } },
  moods = { calm = 1, worried = 3, frustrated = 3, angry = 2, troll = 0.7 },
  texts = {
    -- trolls have no theme
    troll = {
      "Mould is good for the immune system, stop whining 😂",
      "Tear down all of Ekby and start over, nobody would miss it.",
    },
  },
  -- What the comments are about. The key points and model answers are facts the scenario
  -- itself gives ("Facts for the answers" in the description, the manager's and the press
  -- officer's messages), and no key point's phrases are in the theme's own texts.
  themes = {
    { id = "flygeln", label = "what closes", kind = "question", share = 2,
      texts = {
        calm = { "Is this only the B wing or the whole school?" },
        worried = { "My child is in the B wing. Is it dangerous to go there today?" },
        any = { "Is this only the B wing or the whole school?",
                "My child is in the B wing. Is it dangerous to go there today?" },
      },
      points = {
        { label = "the B wing is closed from today", say = { "closed", "closes", "closing" } },
        { label = "the preschool class and the A wing are not affected", say = { "preschool", "not affected" } },
        { label = "remote teaching on Thursday and Friday", say = { "remote teaching", "remote" } },
      },
      need = 1, avoid = AVOID,
      model = "The B wing is closed from today after the audit about damp and mould, and on "
          .. "Thursday and Friday the classes have remote teaching. The school is not torn down: the preschool class and the A wing are "
          .. "not affected. Everything we know is at " .. FAKTA },
    { id = "halsan", label = "the children's health", kind = "question", share = 1.5, link = KONTAKT,
      texts = {
        worried = { "My daughter has had headaches for months. Should we see a doctor?" },
        any = { "My daughter has had headaches for months. Should we see a doctor?" },
      },
      points = {
        { label = "the school nurse takes questions about a child's health", say = { "school nurse", "nurse" } },
        { label = "through the school's contact page", say = { "contact page" } },
      },
      need = 1,
      avoid = { AVOID[1],
                { label = "discusses the child's health in public", say = { "caused by the mould", "the headaches" } } },
      model = "I understand that you are worried. The B wing, where the damp and mould are, is "
          .. "closed from today. Questions about your child's health go to the school nurse, whom "
          .. "you reach through the school's contact page: " .. KONTAKT .. " Please do not post "
          .. "more details about her health here. Everything we know about the school is on the "
          .. "facts page." },
    { id = "paviljongerna", label = "where the classes go now", kind = "question", share = 2,
      texts = {
        worried = { "Where will the children go now? We both work.",
                    "How do we know the temporary classrooms are any better?" },
        any = { "Where will the children go now? We both work." },
      },
      points = {
        { label = "the classes move together to Ekby sports hall from Monday", say = { "sports hall", "together" } },
        { label = "remote teaching on Thursday and Friday", say = { "remote teaching", "remote" } },
        { label = "a school bus at 7.45 from the school", say = { "school bus", "bus", "7.45" } },
      },
      need = 1, avoid = AVOID,
      model = "The B wing is closed after the audit about damp and mould. The classes move "
          .. "together to temporary classrooms at Ekby sports hall from Monday, and on Thursday and Friday they have remote teaching. From Monday a school "
          .. "bus runs from Björkängsskolan at 7.45 every morning and back after the school day. "
          .. "Read more at " .. FAKTA },
    { id = "granskningen", label = "the audit and other schools", kind = "question", share = 1.5,
      texts = {
        calm = { "Where can I read the audit itself?" },
        worried = { "Is there mould at other schools in Ekby? My son goes to Tallbackaskolan." },
        any = { "Where can I read the audit itself?" },
      },
      points = {
        { label = "everything is on the facts page", say = { "facts page", "everything we know" } },
        { label = "the report goes to the council in April", say = { "April", "council" } },
        { label = "an independent damp survey is ordered", say = { "damp survey", "survey" } },
      },
      need = 1,
      avoid = { AVOID[1], AVOID[2],
                { label = "promises that other schools are free of mould", say = { "no other schools", "no mould" } } },
      model = "The auditors' report goes to the municipal council in April, and an independent "
          .. "damp survey has been ordered. We collect everything we know on the facts page: "
          .. FAKTA },
    { id = "tystnad", label = "that parents heard it from the paper", kind = "complaint",
      share = 2.5,
      texts = {
        frustrated = {
          "Why do we parents have to read about this in the paper instead of hearing it from the school?",
          "I called the school last autumn about the smell and was told it was the ventilation.",
          "You post about summer camp while our children sit in mould. Seriously?",
        },
        any = { "Why do we parents have to read about this in the paper instead of hearing it from the school?" },
      },
      points = {
        { label = "the B wing is closed from today", say = { "closed", "closes", "closing" } },
        { label = "information meeting tomorrow at 18:00", say = { "information meeting", "18:00" } },
      },
      need = 1, avoid = AVOID,
      model = "I understand that you are disappointed, and you are right that you should have "
          .. "heard it from us. The B wing is closed from today after the audit about damp and "
          .. "mould. Tomorrow at 18:00 there is an information meeting for parents in the sports "
          .. "hall. Everything we know is at " .. FAKTA },
    { id = "ansvar", label = "who takes responsibility", kind = "complaint", share = 2.5,
      texts = {
        calm = { "Who is responsible for the buildings, the municipality or a company?" },
        frustrated = { "Two years! The staff warned for two years and nobody did anything." },
        angry = {
          "Who takes responsibility for this? Someone has to resign.",
          "A scandal. You gambled with the children's health to save money.",
          "How can we trust anything the municipality says now?",
        },
        any = { "Two years! The staff warned for two years and nobody did anything." },
      },
      points = {
        { label = "the report goes to the council in April", say = { "April", "council" } },
        { label = "an independent damp survey is ordered", say = { "damp survey", "survey" } },
        { label = "the head of department answers at the information meeting", say = { "information meeting", "head of department" } },
      },
      need = 1, avoid = AVOID,
      model = "I understand that you are angry, and the criticism is fair. The auditors' report "
          .. "goes to the municipal council in April, and an independent damp survey has been "
          .. "ordered. The head of department answers questions at the information meeting "
          .. "tomorrow at 18:00 in the sports hall. Read more at " .. FAKTA },
  },
  repeats = 0.12,
  expect = { within = "20m", link = FAKTA, class = "dissatisfied",
             fault = { "delete", "hide" },
             rules = { "implicit_question", "active_in_comments", "act_fast" } },
}

-- ---- single comments, messages and media questions ----
comment {
  id = "c-mamma", at = "+8m", on = "p1", author = "sanna",
  text = "My son is in class 4B at Björkängsskolan and has had headaches and a cough all "
      .. "winter. We have seen the doctor twice. Could it be the mould? What should I do?",
  -- an individual case with health details about a child: move it out of the comment field
  expect = { within = "20m", escalate = "case_handling", link = KONTAKT,
             rules = { "move_case", "private_data" }, fault = "delete",
             points = { { label = "the case is passed on", say = { "passed", "forwarded" } } },
             channel = { label = "the school nurse will contact you", say = { "school nurse", "the school will contact" } },
             avoid = {
               { label = "speculates about health", say = { "because of the mould", "not dangerous", "no danger", "probably" } },
               { label = "discusses the case in public", say = { "4B", "headaches", "cough", "doctor" } },
             },
             model = "I understand that you are worried. Please do not write any more about your son's "
                 .. "health here. We have passed your case on, and the school nurse will contact you. You "
                 .. "can also reach the school at " .. KONTAKT },
}

comment {
  id = "c-larare", at = "+12m", on = "p1", author = "roger",
  text = "I worked at Björkängsskolan until last summer. We reported the damp in the B wing "
      .. "three times, and the classrooms smelled like a cellar. Every time we were told it "
      .. "would be fixed. Why did nobody do anything?",
  -- justified criticism: acknowledge first, answer factually, link. Never delete or hide.
  expect = { within = "20m", link = FAKTA, class = "justified_criticism",
             ok = "reply", fault = { "delete", "hide" }, rules = "response_model",
             points = {
               { label = "the B wing is closed from today", say = { "closed", "closes", "closing" } },
               { label = "an independent damp survey is ordered", say = { "damp survey", "survey" } },
               { label = "information meeting tomorrow at 18:00", say = { "information meeting", "18:00" } },
             },
             need = 2,
             avoid = {
               { label = "speculates about health or cause", say = { "no danger", "not dangerous", "probably" } },
               { label = "blames someone", say = { "not our fault", "the property unit's fault", "the head teacher's fault" } },
               { label = "promises responsibility or compensation", say = { "we promise", "compensation", "will resign" } },
               { label = "sounds defensive", say = { "not true", "exaggerat", "spreading rumours" } },
             },
             model = "I understand that you are disappointed, and you are right that the reports should "
                 .. "have led to action. The B wing is closed from today and an independent damp survey "
                 .. "has been ordered. The auditors' report goes to the municipal council in April. Read "
                 .. "more at " .. FAKTA },
}

inquiry {
  id = "q1", at = "+16m", author = "malin", outlet = "Ekby Tidning",
  text = "Hi, Malin Ek at Ekby Tidning. We are following up the audit. Who knew about the "
      .. "warnings, and why was nothing done? Can we interview the head of department today?",
  expect = { within = "20m", escalate = "press_officer", weight = 2,
             rules = { "inform_up", "public_record" },
             points = { { label = "the press officer Elin will contact you", say = { "press officer", "Elin" } } },
             avoid = { { label = "answers on the substance", say = { "probably", "no other schools", "don't know" } } },
             model = "Thank you for getting in touch. Our press officer Elin handles all media questions. "
                 .. "She will contact you shortly "
                 .. "about an interview with the head of department." },
}

comment {
  id = "c-rivas", at = "+20m", on = "p1", author = "tommy",
  text = "I heard the school is to be torn down and the children spread over schools all over "
      .. "the municipality. Is that true? Then we are moving away.",
  -- a misunderstanding: acknowledge, correct the facts (only the B wing closes, the classes stay together)
  expect = { within = "20m", link = FAKTA, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = { "delete", "hide" },
             rules = "response_model",
             points = {
               { label = "only the B wing is closed", say = { "only the B wing", "not be torn down", "not torn down" } },
               { label = "the classes stay together in temporary classrooms", say = { "temporary classrooms", "together" } },
             },
             avoid = {
               { label = "speculates about health or cause", say = { "no danger", "not dangerous", "probably" } },
               { label = "blames someone", say = { "not our fault", "the property unit's fault", "the head teacher's fault" } },
               { label = "promises responsibility or compensation", say = { "we promise", "compensation", "will resign" } },
               { label = "sounds defensive", say = { "not true", "exaggerat", "spreading rumours" } },
             },
             model = "I understand that it sounds worrying, but the school will not be torn down. Only the "
                 .. "B wing is closed. The classes move together to temporary classrooms at Ekby sports "
                 .. "hall from Monday. Read more at " .. FAKTA },
}

comment {
  id = "c-troll", at = "+24m", on = "p1", author = "kevin",
  text = "Mould is great, the kids get out of studying 😂 Close all the schools!",
  -- troll: monitor (or hide/report); no long answer
}

inquiry {
  id = "q2", at = "+28m", author = "aron", outlet = "Radio Ekby",
  text = "Hi, Aron Holmqvist at Radio Ekby. We would like a comment for the 10 o'clock news: "
      .. "how many pupils and staff have had symptoms, and has the municipality reported "
      .. "this as a work environment incident?",
  expect = { within = "20m", escalate = "press_officer", weight = 2,
             rules = { "inform_up", "public_record" },
             points = { { label = "the press officer Elin will contact you", say = { "press officer", "Elin" } } },
             avoid = { { label = "answers on the substance", say = { "probably", "no other schools", "don't know" } } },
             model = "Thank you for getting in touch. Our press officer Elin handles all media questions. "
                 .. "She will contact you shortly "
                 .. "before the 10 o'clock news." },
}

comment {
  id = "c-hot", at = "+32m", on = "p1", author = "ulf",
  text = "The property manager Kent Lindqvist lives at Ekvägen 12 in Ekby. Time someone paid "
      .. "him a visit and showed him what we think. He has ruined our children's lungs.",
  -- illegal: a threat and a private address. Hide and report, and hand it to legal (police
  -- report) within 15 minutes; do not delete (the evidence), monitor or reply.
  expect = { answer = false, class = "illegal", ok = { "hide", "report" },
             fault = { "delete", "monitor", "reply" }, escalate = "legal",
             within = "15m", weight = 2, rules = { "response_model", "private_data", "act_fast" } },
}

comment {
  id = "c-rivas2", at = "+38m", on = "p1", author = "hanna",
  text = "Is it true that Björkängsskolan is going to be torn down? Someone wrote that above.",
  repeat_of = "c-rivas",
  expect = { within = "20m", link = FAKTA, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = { "delete", "hide" },
             points = {
               { label = "only the B wing is closed", say = { "only the B wing", "not be torn down", "not torn down" } },
               { label = "the classes stay together in temporary classrooms", say = { "temporary classrooms", "together" } },
             },
             avoid = {
               { label = "speculates about health or cause", say = { "no danger", "not dangerous", "probably" } },
               { label = "blames someone", say = { "not our fault", "the property unit's fault", "the head teacher's fault" } },
               { label = "promises responsibility or compensation", say = { "we promise", "compensation", "will resign" } },
               { label = "sounds defensive", say = { "not true", "exaggerat", "spreading rumours" } },
             },
             model = "We have answered further up in the thread: the school will not be torn down. Only the "
                 .. "B wing is closed, and the classes move together to temporary classrooms at Ekby sports "
                 .. "hall from Monday. Read more at " .. FAKTA },
}

internal {
  id = "i-press2", at = "+45m", from = "press_officer",
  text = "Hi again! We hold the same line in every channel: the B wing is closed, the classes "
      .. "move to temporary classrooms from Monday, an independent damp survey has been "
      .. "ordered and the information meeting is tomorrow at 18:00. Always link to the facts "
      .. "page and do not speculate about blame or health. Can you confirm and give me a "
      .. "picture of the comments: how many, which themes and what is the mood?",
  expect = { answer = true, within = "15m", rules = { "inform_up", "analyse_volume" } },
}

dm {
  id = "d-personal", at = "+50m", author = "fatima",
  text = "Hi. I work at Björkängsskolan and have had a rash and asthma since the autumn. I do "
      .. "not dare say anything to my head teacher. Is there someone I can talk to?",
  expect = { within = "30m", escalate = "case_handling", rules = "move_case", fault = "delete",
             points = { { label = "the case is passed on", say = { "passed", "forwarded" } } },
             channel = { label = "the occupational health service through HR", say = { "occupational health", "HR" } },
             avoid = {
               { label = "speculates about health", say = { "because of the mould", "probably" } },
               { label = "sends her to the head teacher", say = { "talk to your head teacher", "ask the head teacher" } },
             },
             model = "Thank you for telling me, I understand that this feels hard. I have passed your case "
                 .. "on to HR, who will make sure the occupational health service contacts you. There you "
                 .. "can talk in confidence." },
}

inquiry {
  id = "q3", at = "+65m", author = "ida", outlet = "Nyheter Öst",
  text = "Hi, Ida Sandberg at Nyheter Öst. We are coming to Björkängsskolan this afternoon. "
      .. "Can someone from the municipality do an interview on site at 14:00?",
  expect = { within = "20m", escalate = "press_officer", weight = 2,
             rules = { "inform_up", "public_record" },
             points = { { label = "the press officer Elin will contact you", say = { "press officer", "Elin" } } },
             avoid = { { label = "answers on the substance", say = { "probably", "no other schools", "don't know" } } },
             model = "Thank you for getting in touch. Our press officer Elin handles all media questions. "
                 .. "She will contact you shortly "
                 .. "about the interview on site at 14:00." },
}

media {
  id = "m2", at = "+75m", outlet = "Ekby Tidning",
  title = "Parents at Björkängsskolan: \"Why were we not told?\"",
  url = "https://www.example.se/ekbytidning/foraldrar-bjorkangsskolan",
  text = "Parents describe children with headaches and coughs and demand answers from the "
      .. "municipality. Several say they first heard about it in the paper.",
  expect = { rules = "public_record" },
}

comment {
  id = "c-typiskt", at = "+90m", on = "p1", author = "bengt",
  text = "Typical. Nothing happens until the paper writes about it.",
  -- detached criticism with an implicit question: answer generally and link
  expect = { within = "20m", link = FAKTA, class = "dissatisfied", ok = "reply",
             fault = { "delete", "hide" }, rules = { "implicit_question", "response_model" },
             points = {
               { label = "the B wing is closed from today", say = { "closed", "closes", "closing" } },
               { label = "an independent damp survey is ordered", say = { "damp survey", "survey" } },
               { label = "information meeting tomorrow at 18:00", say = { "information meeting", "18:00" } },
             },
             need = 1,
             avoid = {
               { label = "speculates about health or cause", say = { "no danger", "not dangerous", "probably" } },
               { label = "blames someone", say = { "not our fault", "the property unit's fault", "the head teacher's fault" } },
               { label = "promises responsibility or compensation", say = { "we promise", "compensation", "will resign" } },
               { label = "sounds defensive", say = { "not true", "exaggerat", "spreading rumours" } },
             },
             model = "I understand that you are disappointed. The B wing is closed from today and an "
                 .. "independent damp survey has been ordered. Tomorrow at 18:00 there is an information "
                 .. "meeting in the sports hall. Everything we know is at " .. FAKTA },
}

internal {
  id = "i-chef2", at = "+100m", from = "manager",
  text = "The chair of the executive committee wants to know whether we have the situation "
      .. "under control. How do the comments look now compared with this morning? Confirm, "
      .. "and I will call you. /Anders",
  expect = { answer = true, within = "15m", rules = { "inform_up", "analyse_volume" } },
}

comment {
  id = "c-skjuts", at = "+120m", on = "p1", author = "lotta",
  text = "How will the children get to the temporary classrooms at the sports hall? Will "
      .. "there be school transport?",
  expect = { within = "20m", link = FAKTA, class = "question",
             points = { { label = "a school bus at 7.45 from the school", say = { "school bus", "bus", "7.45" } } },
             avoid = { { label = "guesses", say = { "probably", "I think", "maybe" } } },
             model = "From Monday a school bus runs from Björkängsskolan to the temporary classrooms every "
                 .. "morning at 7.45 and back after the school day. Read more at " .. FAKTA },
}

inquiry {
  id = "q4", at = "+130m", author = "jonas", outlet = "Tidningen Skolliv",
  text = "Hi, Jonas Falk at Tidningen Skolliv. How many other schools in Ekby have damp "
      .. "reports that have not been dealt with?",
  expect = { within = "20m", escalate = "press_officer", weight = 2,
             rules = { "inform_up", "public_record" },
             points = { { label = "the press officer Elin will contact you", say = { "press officer", "Elin" } } },
             avoid = { { label = "answers on the substance", say = { "probably", "no other schools", "don't know" } } },
             model = "Thank you for getting in touch. Our press officer Elin handles all media questions. "
                 .. "She will contact you shortly "
                 .. "about the question on other schools." },
}

comment {
  id = "c-tack", at = "+160m", on = "p1", author = "lotta",
  text = "Thank you for answering here in the comments today, it makes a difference.",
  expect = { class = "thanks", within = "30m", weight = 0.5,
             model = "Thank you, that is good to hear. We will keep answering here today." },
}

-- ---- callbacks ----

local published = false      -- has the participant published a statement?
local silence_waves = 0      -- how many "the municipality is silent" waves have come
local classes = {}           -- class and author of every authored item, by id
local n = 0                  -- for the ids of injected items
local function id(prefix) n = n + 1; return prefix .. "-" .. n end

on("item", function(item)
  if item.author then
    classes[item.id] = { class = item.hints.class, first = item.author.first, on = item.on }
  end
end)

-- Show action early: the first statement calms the storm and gets a follow-up question;
-- the press officer confirms the line to hold in every answer.
on("publish", function(a)
  if published then return end
  published = true
  if silence_waves == 0 then
    set_rate("s1", 0.75)
  else
    set_rate("s1", 1.0)   -- late: it calms, but from a higher level
  end
  inject {
    kind = "comment", id = "c-uttalande", at = "+4m", on = "p1", author = "karin",
    text = "Good that the B wing is closing and that the classes get to stay together. But "
        .. "why did it take two years and a newspaper article?",
    expect = { within = "20m", link = FAKTA, class = "justified_criticism", ok = "reply",
               fault = { "delete", "hide" }, rules = "response_model",
               points = {
                 { label = "the report goes to the council in April", say = { "April", "council" } },
                 { label = "an independent damp survey is ordered", say = { "damp survey", "survey" } },
                 { label = "the head of department answers at the information meeting", say = { "information meeting", "18:00" } },
               },
               need = 2,
               avoid = {
                 { label = "speculates about health or cause", say = { "no danger", "not dangerous", "probably" } },
                 { label = "blames someone", say = { "not our fault", "the property unit's fault", "the head teacher's fault" } },
                 { label = "promises responsibility or compensation", say = { "we promise", "compensation", "will resign" } },
                 { label = "sounds defensive", say = { "not true", "exaggerat", "spreading rumours" } },
               },
               model = "I understand your question, and it is a fair one. The auditors' report goes to the "
                   .. "municipal council in April, and an independent damp survey has been ordered. The head "
                   .. "of department answers questions at the information meeting tomorrow at 18:00. Read "
                   .. "more at " .. FAKTA },
  }
  inject {
    kind = "internal", id = "i-linje", at = "+6m", from = "press_officer",
    text = "Good that the post is out. Hold the same line in every answer now, with the link "
        .. "to the facts page, and promise nothing about responsibility or compensation: the "
        .. "head of department takes that at the information meeting. Please confirm. /Elin",
    expect = { answer = true, within = "15m", rules = { "inform_up", "show_action" } },
  }
end)

-- No statement 25 minutes into the crisis: the silence becomes the story.
when(function(s) return s.minute >= 30 and not published end, function(s)
  silence_waves = 1
  set_rate("s1", 2)
  inject {
    kind = "comment", id = "c-tyst1", on = "p1", author = "mats",
    text = "You post about summer camp but do not say a word about the mould. What are you "
        .. "hiding?",
    expect = { within = "15m", link = FAKTA, class = "justified_criticism", ok = "reply",
               fault = { "delete", "hide" }, rules = { "show_action", "response_model" },
               points = {
                 { label = "the B wing is closed from today", say = { "closed", "closes", "closing" } },
                 { label = "an independent damp survey is ordered", say = { "damp survey", "survey" } },
                 { label = "information meeting tomorrow at 18:00", say = { "information meeting", "18:00" } },
               },
               need = 2,
               avoid = {
                 { label = "speculates about health or cause", say = { "no danger", "not dangerous", "probably" } },
                 { label = "blames someone", say = { "not our fault", "the property unit's fault", "the head teacher's fault" } },
                 { label = "promises responsibility or compensation", say = { "we promise", "compensation", "will resign" } },
                 { label = "sounds defensive", say = { "not true", "exaggerat", "spreading rumours" } },
               },
               model = "I understand that you are angry, and you are right that we should have said something "
                   .. "sooner. The B wing is closed from today and an independent damp survey has been "
                   .. "ordered. Tomorrow at 18:00 there is an information meeting in the sports hall. "
                   .. "Everything we know is at " .. FAKTA },
  }
  inject {
    kind = "media", id = "m-tiger", at = "+3m", outlet = "Ekby Tidning",
    title = "Municipality silent on mould scandal – worried parents left without answers",
    url = "https://www.example.se/ekbytidning/kommunen-tiger",
    text = "Half an hour after the revelation the municipality has said nothing in its own "
        .. "channels. In the comment fields the anger is growing.",
    expect = { rules = "public_record" },
  }
  inject {
    kind = "inquiry", id = "q-tyst", at = "+5m", author = "malin", outlet = "Ekby Tidning",
    text = "Malin Ek again. Why has the municipality said nothing in its own channels? "
        .. "Parents are asking whether the children should go to school tomorrow.",
    expect = { within = "15m", escalate = "press_officer", weight = 2,
               rules = { "inform_up", "public_record" },
               points = { { label = "the press officer Elin will contact you", say = { "press officer", "Elin" } } },
               avoid = { { label = "answers on the substance", say = { "probably", "no other schools", "don't know" } } },
               model = "Thank you for getting in touch. Our press officer Elin handles all media questions. "
                   .. "She will contact you shortly "
                 .. "about what the municipality has said and is doing." },
  }
  inject {
    kind = "internal", id = "i-chef-var", at = "+2m", from = "manager",
    text = "Where is the post? The paper now writes that we are silent. Publish the news about "
        .. "the B wing, the temporary classrooms and the information meeting now. Please "
        .. "confirm. /Anders",
    expect = { answer = true, within = "10m", rules = { "show_action", "act_fast" } },
  }
end)

-- Still nothing an hour in: a second, harder wave.
when(function(s) return s.minute >= 60 and not published end, function(s)
  silence_waves = 2
  set_rate("s1", 2.5)
  inject {
    kind = "comment", id = "c-tyst2", on = "p1", author = "petra",
    text = "An hour and still nothing from the municipality. We are starting a petition for "
        .. "those responsible to resign. Share!",
    expect = { within = "15m", link = FAKTA, class = "dissatisfied", ok = "reply",
               fault = { "delete", "hide" }, rules = { "show_action", "implicit_question" },
               points = {
                 { label = "the B wing is closed from today", say = { "closed", "closes", "closing" } },
                 { label = "an independent damp survey is ordered", say = { "damp survey", "survey" } },
                 { label = "information meeting tomorrow at 18:00", say = { "information meeting", "18:00" } },
               },
               need = 1,
               avoid = {
                 { label = "speculates about health or cause", say = { "no danger", "not dangerous", "probably" } },
                 { label = "blames someone", say = { "not our fault", "the property unit's fault", "the head teacher's fault" } },
                 { label = "promises responsibility or compensation", say = { "we promise", "compensation", "will resign" } },
                 { label = "sounds defensive", say = { "not true", "exaggerat", "spreading rumours" } },
               },
               model = "I understand that you are angry, and we should have said something sooner. The B wing "
                   .. "is closed from today and an independent damp survey has been ordered. You are welcome "
                   .. "to the information meeting tomorrow at 18:00. Everything we know is at " .. FAKTA },
  }
  inject {
    kind = "media", id = "m-namn", at = "+5m", outlet = "Ekby Tidning",
    title = "Parents start a petition – demand that those responsible resign",
    url = "https://www.example.se/ekbytidning/namninsamling",
    text = "More than 400 people signed within an hour. The municipality has still not "
        .. "commented on the audit.",
    expect = { rules = "public_record" },
  }
end)

-- A defensive or contradicting reply is screenshotted and quoted (once).
local quoted = false
-- Lua patterns: %f[%a] marks the start of a word, so "lies" does not match "earlier".
local risky = { "not true", "no danger", "no risk", "not our fault", "exaggerat",
                "%f[%a]lies%f[%A]", "%f[%a]lying", "what you claim", "pull yourself together",
                "spreading rumours", "no mould" }
on("reply", function(a)
  if quoted or not a.text then return end
  local t = a.text:lower()
  for _, phrase in ipairs(risky) do
    if t:find(phrase) then
      quoted = true
      inject {
        kind = "media", id = "m-citat", at = "+5m", outlet = "Ekby Tidning",
        title = "The municipality in the comment field: \"That is not at all what you claim\"",
        url = "https://www.example.se/ekbytidning/kommunen-svarar",
        text = "Screenshots of the municipality's answers on social media are spreading. The "
            .. "answer contradicts the auditors' report.",
        expect = { rules = "public_record" },
      }
      inject {
        kind = "inquiry", id = "q-citat", at = "+8m", author = "aron", outlet = "Radio Ekby",
        text = "Aron Holmqvist, Radio Ekby. You write in the comment field that the criticism "
            .. "is not true, but the audit says the opposite. How does that fit together?",
        expect = { within = "15m", escalate = "press_officer", weight = 2,
                   rules = { "public_record", "inform_up" },
               points = { { label = "the press officer Elin will contact you", say = { "press officer", "Elin" } } },
               avoid = { { label = "answers on the substance", say = { "probably", "no other schools", "don't know" } } },
               model = "Thank you for getting in touch. Our press officer Elin handles all media questions. "
                   .. "She will contact you shortly "
                 .. "about our answers in the comment field." },
      }
      return
    end
  end
end)

-- A reply to the former teacher gets a thank-you back (once).
local thanked = false
on("reply", function(a)
  if a.item == "c-larare" and not thanked then
    thanked = true
    inject {
      kind = "reply", id = "c-larare-tack", at = "+5m", on = "c-larare", author = "roger",
      text = "Thank you for a straight answer. I will come to the information meeting tomorrow.",
      expect = { answer = false, class = "thanks" },
    }
  end
end)

-- Deleting or hiding a resident's criticism is noticed, and asked about (once).
local censored = false
local function removed(a)
  local c = a.item and classes[a.item]
  if censored or not c or c.class == "troll" or c.class == "illegal" then return end
  censored = true
  inject {
    kind = "comment", id = "c-censur", at = "+3m", on = "p1", author = "annika",
    text = "I saw that you removed " .. c.first .. "'s comment. Is that how the municipality "
        .. "handles criticism, by deleting it?",
    expect = { within = "15m", link = FAKTA, class = "justified_criticism", ok = "reply",
               fault = { "delete", "hide" }, rules = "response_model",
               points = {
                 { label = "legitimate criticism stays", say = { "legitimate criticism", "stays", "stay up" } },
                 { label = "only threats and personal details are removed", say = { "threats", "personal details" } },
               },
               avoid = { { label = "blames someone else", say = { "not our fault", "a colleague's fault", "someone else's fault" } } },
               model = "I understand that you react, and you are right to ask. Legitimate criticism stays up "
                   .. "here. We only remove threats and personal details. Everything we know about the school "
                   .. "is at " .. FAKTA },
  }
  inject {
    kind = "inquiry", id = "q-censur", at = "+10m", author = "malin", outlet = "Ekby Tidning",
    text = "Malin Ek, Ekby Tidning. Readers tell us that the municipality is removing "
        .. "critical comments about Björkängsskolan. Is that true, and if so, why?",
    expect = { within = "15m", escalate = "press_officer", weight = 2,
               rules = { "public_record", "response_model" },
               points = { { label = "the press officer Elin will contact you", say = { "press officer", "Elin" } } },
               avoid = { { label = "answers on the substance", say = { "probably", "no other schools", "don't know" } } },
               model = "Thank you for getting in touch. Our press officer Elin handles all media questions. "
                   .. "She will contact you shortly "
                 .. "about how we handle comments." },
  }
end
on("delete", removed)
on("hide", removed)

-- Standing alone in the storm: the manager insists on backup (once).
when(function(s)
  return s.minute >= 40 and s.waiting >= 8 and not s.escalated.colleague_backup
end, function(s)
  inject {
    kind = "internal", id = "i-backup", from = "manager",
    text = "I can see many comments waiting. Bring in a colleague now, you should not sit "
        .. "alone with this. /Anders",
    expect = { answer = true, within = "10m", escalate = "colleague_backup",
               rules = "get_backup" },
  }
end)

-- Many overdue: people ask why nobody answers, and the storm quickens (at most twice).
local nudges = 0
local nudge_authors = { "bengt", "karin" }
every("20m", function(s)
  if nudges < 2 and s.overdue >= 6 then
    nudges = nudges + 1
    set_rate("s1", 1.5 + 0.5 * nudges)
    inject {
      kind = "comment", id = id("c-halla"), on = "p1", author = nudge_authors[nudges],
      text = "Hello, is anyone answering? There are loads of questions here without an answer.",
      expect = { within = "15m", link = FAKTA, class = "dissatisfied", ok = "reply",
                 fault = { "delete", "hide" }, rules = "active_in_comments",
                 points = {
                   { label = "the B wing is closed from today", say = { "closed", "closes", "closing" } },
                   { label = "an independent damp survey is ordered", say = { "damp survey", "survey" } },
                   { label = "information meeting tomorrow at 18:00", say = { "information meeting", "18:00" } },
                 },
                 need = 1,
                 avoid = {
                   { label = "speculates about health or cause", say = { "no danger", "not dangerous", "probably" } },
                   { label = "blames someone", say = { "not our fault", "the property unit's fault", "the head teacher's fault" } },
                   { label = "promises responsibility or compensation", say = { "we promise", "compensation", "will resign" } },
                   { label = "sounds defensive", say = { "not true", "exaggerat", "spreading rumours" } },
                 },
                 model = "I understand that you are waiting, and I am sorry for the delay. The B wing is closed "
                     .. "from today and an independent damp survey has been ordered. There is an information "
                     .. "meeting tomorrow at 18:00. Everything we know is at " .. FAKTA },
    }
  end
end)

-- ---- answer templates (qa_templates) ----
template { id = "linjen", title = "The line: this is what we are doing",
  text = "Hi [name]!\n[acknowledge the worry or the criticism]. The B wing of "
      .. "Björkängsskolan is closed from today, and the classes move together to temporary "
      .. "classrooms at Ekby sports hall from Monday. An independent damp survey has been "
      .. "ordered. You are welcome to the information meeting tomorrow at 18:00. Everything "
      .. "we know is at " .. FAKTA .. "\nKind regards,\n[your name]" }
template { id = "media", title = "Journalist: refer to the press officer",
  text = "Hi [name]!\nThank you for getting in touch. Our press officer Elin handles media "
      .. "questions about Björkängsskolan and will contact you shortly.\nKind regards,\n[your name]" }
template { id = "arende", title = "Individual case: move it out of the comment field",
  text = "Hi [name]!\nI understand your worry, and thank you for telling us. Please do not "
      .. "write any more about health here. We have passed your case on, and the school will "
      .. "contact you. You can reach the school via " .. KONTAKT .. "\nKind regards,\n[your name]" }

-- ---- for the facilitator (F9 / Shift+F9) ----
prepared { kind = "comment", author = "hanna", on = "p1",
  text = "My daughter starts preschool class at Björkängsskolan this autumn. Should we "
      .. "change schools?",
  expect = { within = "20m", link = FAKTA, class = "question",
             points = {
               { label = "the preschool class is not affected", say = { "not affected", "A wing", "only the B wing" } },
               { label = "information meeting tomorrow", say = { "information meeting", "18:00" } },
             },
             need = 1,
             avoid = {
               { label = "speculates about health or cause", say = { "no danger", "not dangerous", "probably" } },
               { label = "blames someone", say = { "not our fault", "the property unit's fault", "the head teacher's fault" } },
               { label = "promises responsibility or compensation", say = { "we promise", "compensation", "will resign" } },
               { label = "sounds defensive", say = { "not true", "exaggerat", "spreading rumours" } },
             },
             model = "I understand that you are wondering. The preschool class is in the A wing, which is "
                 .. "not affected: only the B wing is closed. You are welcome to the information meeting "
                 .. "tomorrow at 18:00 in the sports hall. Read more at " .. FAKTA } }
prepared { kind = "internal", from = "press_officer",
  text = "Nyheter Öst wants a live comment at 12:00. Give me a picture of the situation: how "
      .. "many comments, which themes, and how is the mood compared with this morning? "
      .. "Please confirm. /Elin",
  expect = { answer = true, within = "10m", rules = { "inform_up", "analyse_volume" } } }
