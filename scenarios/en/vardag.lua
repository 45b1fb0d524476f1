-- Vardag (English): a working week in Ekby municipality's comment field, with a public
-- holiday in it. The same exercise as scenarios/vardag.lua, with English texts
-- (language = "en"); the replies are checked against the English greeting and sign-off
-- ("Hi <first name>!", "Kind regards, <your name>").
--
-- What it trains: the ordinary, everyday side of the guideline rather than a crisis.
-- Questions about waste collection, parking and school places that need a short, friendly
-- answer with a link (answer_questions, link, greeting, signoff, acknowledge), a thank-you,
-- a troll to leave alone (response_model), a repeated question from the same person
-- (repeat_once: refer to the earlier answer), a detached comment with an implicit question
-- (implicit_question: answer generally, with a link, no debate), a question that belongs to
-- another authority (refer_right_authority: refer to Trafikverket and forward it,
-- escalate other_authority) and a comment that opens an individual case and carries a
-- child's personal details (move_case, private_data: escalate case_handling, hide the
-- personal data if you like, and say in public only where the case continues).
--
-- Time: Wednesday 13 May 2026 09:00 to Tuesday 19 May 09:00 (six simulated days at
-- compression 288: 30 real minutes). Thursday 14 May is Kristi himmelsfärdsdag, Saturday
-- and Sunday follow, so only Wednesday, Friday and Monday are working days. Almost no item
-- has its own `within`: the guideline's working-day deadline applies (rule speed), and the
-- participant sees it move over the holiday and the weekend: Wednesday 09:40 is due Friday
-- 09:40, a Wednesday-evening message Friday evening, a question on the holiday by the end
-- of Friday, and everything from Saturday and Sunday by the end of Monday. (A holiday question is
-- due at the end of Friday, which the engine shows as Monday 00:00: no working time passes
-- over the weekend, see calendar.c.)
--
-- Timeline (simulated):
--   Wed 09:00  post about waste collection and the recycling centre over the holiday;
--              a colleague's briefing
--   Wed 09:40  question: is my bin emptied tomorrow?                (link)
--   Wed 11:15  frustrated: the recycling centre is shut on the day off (acknowledge)
--   Wed 14:30  a thank-you                                           (thanks)
--   Wed 15:00  the same news on Instagram, with the bins-and-calendar image; two comments
--              from accounts known by their handle alone: a question (greet "Hi!" or
--              "Hi @handle!", never a made-up first name) and a thank-you
--   Wed 20:30  DM in the evening: how do I apply for a resident parking permit?
--   Thu 11:00  question on the holiday: is the recycling centre open today?
--   Thu 16:00  a troll                                               (response_model)
--   Fri 09:00  post: street sweeping from Monday, temporary no-parking
--   Fri 10:20  worried: where do I park during the sweeping?
--   Fri 13:45  potholes on road 245, a state road: Trafikverket's  (refer_right_authority)
--   Fri 15:00  post: school placement decisions for the pre-school class are out;
--              from 15:30 to Sunday evening a slow trickle of questions about it (a
--              small storm, not a crisis: scoring.crisis = false)
--   Fri 15:30  detached comment: "same thing every year ..."      (implicit_question)
--   Fri 16:00  the colleague hands over the weekend
--   Sat 10:15  worried parent: we did not get our first choice, how do we change school?
--   Sat 21:40  frustrated parent with the child's name, personal identity number,
--              address and phone number: an individual case           (move_case)
--   Sun 16:20  the Saturday parent asks the same question again       (repeat_once)
--   Mon 08:15  the manager asks how the weekend went (text depends on what still waits)
--   Mon 08:40  angry: my car was towed away this morning
--
-- How it reacts:
--   * a reply to the frustrated Göran with a link and some substance brings a thank-you
--     back; a curt reply without a link ("Ok.") brings him back, more irritated;
--   * deleting a resident's comment is noticed: an angry comment about censorship, and the
--     press officer reports a screenshot circulating (public_record);
--   * replying to the troll brings a second troll post and a resident who asks why the
--     municipality argues with people in the comment field;
--   * escalating the individual case to case handling brings a thank-you from the parent
--     on Monday; if nobody has escalated it by Monday 11:00 she writes again, angrier;
--   * the school questions: an informative post calms them (set_rate 0.5), many unanswered
--     items over the weekend make them come faster (set_rate 1.6) and bring a "nobody
--     answers at weekends?" comment;
--   * Monday morning the manager's message names how many items still wait.
-- Two prepared injects for the facilitator, three answer templates.
--
-- What a good reply says (expect.points, refer, channel, avoid, model): the key points are
-- facts the scenario itself gives (in the posts and under "Facts for the answers" in the
-- description), and their phrases are words only a reply that gives the fact contains,
-- never words of the question. A model answer is the reply's body only: the engine and the
-- participant add "Hi <first name>!" before it and "Kind regards, <name>" after it.

local WASTE        = "https://www.example.se/ekby/waste-collection"
local RECYCLING    = "https://www.example.se/ekby/recycling-centre"
local RESIDENT_PARKING = "https://www.example.se/ekby/resident-parking"
local SWEEPING     = "https://www.example.se/ekby/street-sweeping"
local TOWED        = "https://www.example.se/ekby/towed-vehicles"
local SCHOOL_PLACES = "https://www.example.se/ekby/school-placement"
local SCHOOL_CHANGE = "https://www.example.se/ekby/change-school"
local TRAFIKVERKET = "https://www.example.se/trafikverket/report-road-fault"

scenario {
  id = "vardag",
  title = "Everyday: a working week with a public holiday in Ekby municipality's comment field",
  language = "en",
  description = [[
You run Ekby municipality's social-media account for a week in May. Wednesday is an
ordinary working day, Thursday is Ascension Day (Kristi himmelsfärdsdag, a public
holiday), Friday is a working day, then comes the weekend and finally Monday. It is
everyday work: questions about waste collection, parking and school places, a thank-you,
a troll, someone who asks the same thing again, a question that is not the
municipality's, and a parent who posts their child's personal details in the comment
field. Questions arrive in the evenings, on the holiday and at the weekend too: the answer
time is then counted in working days, and the answer is due by the next working day.

Facts for the answers: Thursday's waste collection is done on Saturday 16 May. The
recycling centre is closed on public holidays; on Friday it is open 7-19 and on Saturday
9-16. A resident parking permit is applied for in the e-service and costs 400 kronor a
month. During the street sweeping, residents with a parking permit may park at the
park-and-ride car park at Ekby station free of charge. The temporary no-parking signs go
up at least five days before the sweeping, and anyone can get a text message the day
before their street is swept. Road 245 is a state road run by Trafikverket (the Swedish
Transport Administration). A family that has been given a school place accepts it in the
e-service and can still join the queue for another school; the queue and changes are
applied for in the e-service by 31 May. Decisions on after-school clubs come in June, and
the pre-school class starts on 17 August. The pupil health team looks at special needs
when a change is applied for. Appeals against a school placement are handled by a case
officer at the education department, who calls back. Towed cars stand at the vehicle
pound at Industrivägen 3, open on weekdays 7-18; anyone who thinks the sign went up too
late can ask for the fee to be reviewed.]],
  aim = [[
Answer residents' questions by the guideline, without a crisis and without stress. Tone:
"Hi first name!", acknowledge first when someone is frustrated or angry, brief and
factual with a link, and "Kind regards" with your first name. Speed: within 24 hours
counted in working days; holidays and weekends do not count (a question on Saturday must
be answered by the end of Monday). Judgement: refer a repeated question to the earlier
answer, answer a detached comment with an implicit question generally and with a link,
refer to the right authority (and forward the question) when it is not the
municipality's, move an individual case to case handling without discussing its details
in public, leave the troll alone and never delete legitimate criticism.]],
  role = "Social-media editor, Ekby municipality",
  start = "2026-05-13 09:00",   -- Wednesday; Thursday 14 May is Ascension Day
  duration = "6d",              -- to Tuesday 19 May 09:00
  compression = 288,            -- six days in 30 minutes
  slot = "45m",                 -- the workshop slot: 30 minutes, briefing and debrief
  seed = 513,
  account = { name = "Ekby municipality", handle = "ekbykommun" },
  office_hours = { "08:00", "16:30" },
  audience = { min_intensity = 0.5, max_intensity = 2 },
  scoring = {
    -- An ordinary week, no crisis: the school questions are a steady flow, not a storm
    -- that calls for the manager, backup and a statement.
    crisis = false,
  },
  -- words in the answers that the spelling check does not know
  words = { "Ekby", "Björkvägen", "Storgatan", "Industrivägen", "Norråsskolan", "Ekbacken",
            "Trafikverket", "e-service", "kronor" },
}

-- ---- people ----
persona { id = "lena",    first = "Lena",    last = "Holm",      mood = "calm" }
persona { id = "goran",   first = "Göran",   last = "Sjöberg",   mood = "frustrated" }
persona { id = "maja",    first = "Maja",    last = "Lund",      mood = "calm" }
persona { id = "ahmed",   first = "Ahmed",   last = "Yilmaz",    mood = "calm" }
persona { id = "per",     first = "Per",     last = "Nyström",   mood = "worried" }
persona { id = "bosse",   first = "Bosse",   last = "Kärr",      mood = "troll" }
persona { id = "sara",    first = "Sara",    last = "Åberg",     mood = "worried" }
persona { id = "olle",    first = "Olle",    last = "Ström",     mood = "frustrated" }
persona { id = "kerstin", first = "Kerstin", last = "Wallin",    mood = "frustrated" }
persona { id = "amira",   first = "Amira",   last = "Haddad",    mood = "worried" }
persona { id = "johanna", first = "Johanna", last = "Nyberg",    mood = "frustrated" }
persona { id = "lars",    first = "Lars",    last = "Eklund",    mood = "angry" }
persona { id = "birgitta", first = "Birgitta", last = "Falk",    mood = "angry" }
persona { id = "tomas",   first = "Tomas",   last = "Lindqvist", mood = "calm" }
persona { id = "fatima",  first = "Fatima",  last = "Rashid",    mood = "worried" }
-- Instagram accounts: a handle and no first name (greet "Hi!" or "Hi @handle!")
persona { id = "tradgard", handle = "tradgardsliv_ekby", mood = "calm" }
persona { id = "pappa",    handle = "ekbypappa",         mood = "calm" }

-- ---- Wednesday 13 May: working day ----
post {
  id = "p1", at = "2026-05-13 09:00",
  text = "Tomorrow, Thursday, is Ascension Day. Waste that would have been collected on "
      .. "Thursday is collected on Saturday instead. The recycling centre is closed on "
      .. "Thursday but open as usual on Friday and Saturday. Read more at " .. WASTE,
}

internal {
  id = "i0", at = "2026-05-13 09:00", from = "colleague",
  text = "Hi! You have the account this week. Remember that Thursday is a public holiday "
      .. "and the weekend follows Friday: answer times count in working days, so what "
      .. "comes in the evening, on the holiday or at the weekend must be answered by the "
      .. "next working day. Questions that are not ours we refer to the right authority, "
      .. "and individual cases go to the case officers. /Sofia",
  -- information, no answer expected
}

comment {
  id = "c1", at = "2026-05-13 09:40", on = "p1", author = "lena",
  text = "Hi! We on Björkvägen have our bins emptied on Thursdays. Will they be emptied "
      .. "tomorrow anyway, or which day will it be?",
  expect = { link = WASTE,
             points = { { label = "emptied on Saturday instead", say = { "Saturday", "16 May" } } },
             avoid = { { label = "guesses", say = { "probably", "I think", "maybe" } } },
             model = "No, tomorrow is Ascension Day. The bins on Björkvägen are emptied on Saturday 16 May "
                 .. "instead. Read more at " .. WASTE },
}

comment {
  id = "c2", at = "2026-05-13 11:15", on = "p1", author = "goran",
  text = "Recycling centre closed on Thursday again. The one day you are off and have time "
      .. "to drive there! Why can't you be open when people are actually free?",
  expect = { link = RECYCLING, class = "dissatisfied", fault = "delete",
             points = { { label = "open on Friday and Saturday", say = { "Friday", "Saturday" } } },
             avoid = { { label = "promises other opening hours", say = { "we promise", "we will change" } } },
             model = "I understand that it is annoying when it is your day off. The recycling centre is "
                 .. "closed on public holidays, but on Friday it is open 7-19 and on Saturday 9-16. Read "
                 .. "more at " .. RECYCLING },
}

comment {
  id = "c3", at = "2026-05-13 14:30", on = "p1", author = "maja",
  text = "Thanks for the reminder! I had completely forgotten that the collection moves.",
  expect = { class = "thanks", weight = 0.5,
             model = "Thank you, good to hear that the reminder helped! Have a nice weekend." },
}

-- The same news on Instagram, with an image; its commenters have a handle and no first name.
post {
  id = "ig1", at = "2026-05-13 15:00", platform = "instagram",
  image = "sophamtning.png",
  image_alt = "A green and a grey wheelie bin by the pavement, and a calendar with Thursday crossed out",
  text = "Public holiday tomorrow! Waste collection moves from Thursday to Saturday, and the "
      .. "recycling centre is closed on Thursday. Link in bio.",
}

comment {
  id = "ig1-c1", at = "2026-05-13 15:20", on = "ig1", author = "tradgard",
  text = "Does that go for both the green and the grey bin? Ours are emptied on Thursdays.",
  expect = { link = WASTE,
    points = { { label = "both bins are emptied on Saturday", say = { "Saturday", "16 May" } } },
    avoid = { { label = "guesses", say = { "probably", "I think", "maybe" } } },
    model = "Yes, both the green and the grey bin are emptied on Saturday 16 May instead of "
        .. "Thursday. Read more at " .. WASTE },
}

comment {
  id = "ig1-c2", at = "2026-05-13 15:50", on = "ig1", author = "pappa",
  text = "Good that you post this here too, I would have missed it otherwise!",
  expect = { class = "thanks", weight = 0.5,
             model = "Thank you, good to hear! This is where we post things that are useful to know day to day." },
}

dm {
  id = "d1", at = "2026-05-13 20:30", author = "ahmed",
  text = "Hi! We have just moved to the town centre and have no parking in the yard. How "
      .. "do I apply for a resident parking permit and what does it cost?",
  -- evening message: Thursday does not count, so the answer is due on Friday evening
  expect = { link = RESIDENT_PARKING,
             points = {
               { label = "apply in the e-service", say = { "e-service" } },
               { label = "400 kronor a month", say = { "400 kronor" } },
             },
             model = "Welcome to the town centre! You apply for a resident parking permit in the "
                 .. "e-service. It costs 400 kronor a month. Read more at " .. RESIDENT_PARKING },
}

-- ---- Thursday 14 May: Ascension Day ----
comment {
  id = "c4", at = "2026-05-14 11:00", on = "p1", author = "per",
  text = "Is the recycling centre open today? I have a trailer full of branches and "
      .. "don't know where to go.",
  -- holiday: Friday counts, so the answer is due when Friday ends (the deadline shows as
  -- Monday 00:00: no working time passes over the weekend)
  expect = { link = RECYCLING,
             points = {
               { label = "closed today (public holiday)", say = { "closed", "not open" } },
               { label = "open tomorrow, Friday, and on Saturday", say = { "Friday", "Saturday", "tomorrow" } },
             },
             avoid = { { label = "guesses", say = { "probably", "I think", "maybe" } } },
             model = "No, today is Ascension Day, and the recycling centre is closed. Tomorrow, Friday, "
                 .. "it is open 7-19 and on Saturday 9-16, so you can bring the branches then. Read more "
                 .. "at " .. RECYCLING },
}

comment {
  id = "c5", at = "2026-05-14 16:00", on = "p1", author = "bosse",
  text = "Day off again? Lucky the bin men get paid to sit at home. Typical council.",
  -- troll: monitor, hide or report (the default for the troll mood)
}

-- ---- Friday 15 May: working day ----
post {
  id = "p2", at = "2026-05-15 09:00",
  text = "From Monday 18 May we sweep the streets in central Ekby. Follow the temporary "
      .. "no-parking signs, or your car may be moved. See which street is swept on which "
      .. "day at " .. SWEEPING,
}

comment {
  id = "c6", at = "2026-05-15 10:20", on = "p2", author = "sara",
  text = "I have a resident parking permit on Storgatan. Where can I park on the days you "
      .. "sweep there?",
  expect = { link = SWEEPING,
             points = {
               { label = "park at Ekby station", say = { "station", "park-and-ride" } },
               { label = "free of charge", say = { "free of charge", "free", "no charge" } },
             },
             model = "On the days Storgatan is swept you can park at the park-and-ride car park at Ekby "
                 .. "station, free of charge with your permit. You can see which day your street is swept "
                 .. "at " .. SWEEPING },
}

comment {
  id = "c7", at = "2026-05-15 13:45", on = "p2", author = "olle",
  text = "You can sweep streets, but when will you fix the potholes on road 245 between "
      .. "Ekby and Norrås? I had to replace a wheel rim last week.",
  -- road 245 is a state road: Trafikverket (the Swedish Transport Administration) is
  -- responsible. Refer (link) and forward the question (escalate other_authority).
  expect = { escalate = "other_authority", rules = "refer_right_authority",
             link = TRAFIKVERKET, class = "dissatisfied", fault = "delete",
             points = {
               { label = "road 245 is a state road", say = { "state road", "the state" } },
               { label = "the question is passed on", say = { "passed", "forwarded", "sent your question" } },
             },
             refer = { label = "Trafikverket", say = { "Trafikverket", "Transport Administration", "trafikverket.se" } },
             avoid = {
               { label = "promises that the municipality mends the road", say = { "we will fix", "we promise", "we will repair" } },
               { label = "blames Trafikverket", say = { "Trafikverket's fault", "their fault" } },
             },
             model = "I understand that it is annoying, and I am sorry about the rim. Road 245 is a state "
                 .. "road run by Trafikverket, the Swedish Transport Administration. We have passed your "
                 .. "question on to them. You can also report the road and claim for the rim with "
                 .. "Trafikverket at " .. TRAFIKVERKET },
}

post {
  id = "p3", at = "2026-05-15 15:00",
  text = "The school placement decisions for this autumn's pre-school class are now in "
      .. "the e-service. There you can also accept the place, join a queue or apply for a "
      .. "change. Read more at " .. SCHOOL_PLACES,
}

comment {
  id = "c8", at = "2026-05-15 15:30", on = "p2", author = "kerstin",
  text = "Same story every year. The signs go up the evening before and then the tow "
      .. "truck is there in the morning.",
  -- a detached comment with underlying criticism and an unspoken question (when do the
  -- signs go up, how do I find out?): answer generally with a link, no debate.
  expect = { rules = "implicit_question", link = SWEEPING, class = "dissatisfied",
             ok = "reply", fault = "delete",
             points = {
               { label = "the signs go up five days before", say = { "five days", "5 days" } },
               { label = "a text message the day before", say = { "text message", "SMS" } },
             },
             need = 1,
             avoid = { { label = "contradicts", say = { "not true", "that is wrong", "your fault" } } },
             model = "I understand that it feels stressful. The signs should be up at least five days "
                 .. "before the sweeping. At " .. SWEEPING .. " you can see which day your street is swept, "
                 .. "and you can also get a text message the day before." },
}

internal {
  id = "i1", at = "2026-05-15 16:00", from = "colleague",
  text = "I'm off for the weekend now. The school decisions came out this afternoon, so "
      .. "there will be questions over the weekend. Remember: what comes in at the weekend "
      .. "must be answered by the end of Monday. Have a nice weekend! /Sofia",
}

-- What an answer to the school questions must not say.
local AVOID = { { label = "promises a place", say = { "we promise", "guarantee" } } }

-- The school questions: a steady, calm flow from Friday afternoon to Sunday evening.
storm {
  id = "skol", on = "p3",
  from = "2026-05-15 15:30", to = "2026-05-17 21:00",
  count = 10,
  curve = { { "+0m", 1 }, { "+6h", 0.6 }, { "+12h", 0.05 }, { "+17h", 0.8 },
            { "+30h", 0.2 }, { "+36h", 0.05 }, { "+42h", 0.6 }, { "+53h", 0.3 } },
  moods = { calm = 3, worried = 4, frustrated = 2, troll = 0.5 },
  texts = {
    -- trolls have no theme
    troll = {
      "School choice in Ekby is a lottery where everyone loses.",
      "Haha, good luck getting an answer before midsummer.",
    },
  },
  -- What the questions are about. The key points and model answers are facts the scenario
  -- itself gives (the post about the placements and "Facts for the answers" in the
  -- description), and no key point's phrases are in the theme's own texts.
  themes = {
    { id = "datum", label = "after-school club and the start", kind = "question", share = 2,
      texts = {
        calm = { "Do we get the after-school club decision at the same time, or later?",
                 "When does the pre-school class start in August?" },
        any = { "When does the pre-school class start in August?" },
      },
      points = {
        { label = "after-school club decisions in June", say = { "June" } },
        { label = "the pre-school class starts on 17 August", say = { "17 August" } },
      },
      need = 1, avoid = AVOID,
      model = "Decisions on after-school clubs come in June, and the pre-school class starts on "
          .. "17 August. Read more at " .. SCHOOL_PLACES },
    { id = "beskedet", label = "where the decision is", kind = "question", share = 2,
      texts = {
        calm = { "Where in the e-service do you see which school you got?" },
        worried = { "We haven't received any decision at all in the e-service. Has everyone got theirs?" },
        any = { "Where in the e-service do you see which school you got?" },
      },
      points = {
        { label = "accept, queue or change by 31 May", say = { "31 May" } },
        { label = "read more about school placement", say = { "school placement" } },
      },
      need = 1, avoid = AVOID,
      model = "The school placement decisions for the pre-school class are now in the "
          .. "e-service. There you also accept the place, join a queue or apply for a change by "
          .. "31 May. Read more at " .. SCHOOL_PLACES },
    { id = "ko", label = "the queue and changing school", kind = "question", share = 3,
      texts = {
        worried = {
          "Do we have to accept the place before we join the queue for another school?",
          "Can siblings go to the same school if they got different decisions?",
          "Our daughter got a school on the other side of town. Is there school transport?",
        },
        any = { "Do we have to accept the place before we join the queue for another school?" },
      },
      points = {
        { label = "the queue and changes by 31 May", say = { "31 May" } },
        { label = "the pupil health team looks at special needs", say = { "pupil health", "special needs" } },
      },
      need = 1, avoid = AVOID,
      model = "You accept the place in the e-service and can still join the queue for another "
          .. "school. You apply for the queue and changes in the e-service by 31 May, and the "
          .. "pupil health team looks at special needs when you apply for a change. Read more "
          .. "at " .. SCHOOL_PLACES },
    { id = "fredag", label = "that the decisions came on a Friday", kind = "complaint", share = 1,
      texts = {
        frustrated = { "Why send out the decisions on a Friday afternoon when nobody can be reached?" },
        any = { "Why send out the decisions on a Friday afternoon when nobody can be reached?" },
      },
      points = {
        { label = "there is time: by 31 May", say = { "31 May" } },
      },
      avoid = AVOID,
      model = "I understand that it feels stressful to get the decision before the weekend. You "
          .. "have time: you accept the place, join a queue or apply for a change in the "
          .. "e-service by 31 May, and we answer questions here. Read more at " .. SCHOOL_PLACES },
    { id = "valet", label = "not getting one's choice", kind = "complaint", share = 1,
      texts = {
        frustrated = { "We got none of our three choices. What was the point of choosing?" },
        any = { "We got none of our three choices. What was the point of choosing?" },
      },
      points = {
        { label = "the queue and changes by 31 May", say = { "31 May" } },
        { label = "a case officer handles appeals", say = { "appeal", "case officer" } },
      },
      need = 1, avoid = AVOID,
      model = "I understand that you are disappointed. You can accept the place and still join "
          .. "the queue for another school: you apply for the queue and changes in the e-service "
          .. "by 31 May. If you want to appeal against the placement, a case officer at the "
          .. "education department handles it. Read more at " .. SCHOOL_PLACES },
  },
  -- the trolls' comments keep the troll defaults (monitor, hide or report)
  expect = { link = SCHOOL_PLACES, fault = "delete" },
}

-- ---- Saturday 16 May ----
comment {
  id = "c9", at = "2026-05-16 10:15", on = "p3", author = "amira",
  text = "We didn't get our first-choice school. How do you change school or join a queue?",
  -- Saturday: the answer is due by the end of Monday
  expect = { link = SCHOOL_CHANGE,
             points = {
               { label = "apply for the queue or a change in the e-service", say = { "e-service" } },
               { label = "by 31 May", say = { "31 May" } },
               { label = "accept the place first", say = { "accept the place", "accept it" } },
             },
             need = 2,
             avoid = { { label = "promises a place", say = { "we promise", "you will get a place", "guarantee" } } },
             model = "I am sorry that you did not get your first choice. Accept the place you have been "
                 .. "given, so that you keep it. Then join the queue or apply for a change in the "
                 .. "e-service by 31 May. How to do it: " .. SCHOOL_CHANGE },
}

comment {
  id = "c10", at = "2026-05-16 21:40", on = "p3", author = "johanna",
  text = "Our son Elias Nyberg, 190418-2381, has been placed at Norråsskolan although we "
      .. "live at Hagvägen 7, just 400 metres from Ekbacken school where his sister already "
      .. "goes. This must be a mistake and I want to appeal. Call me on 070-174 06 47.",
  -- an individual case with a child's personal details: to case handling. The public
  -- reply says where the case continues, without details and without asking for more
  -- data. Hiding the comment (personal data) is right too; deleting it is not.
  expect = { escalate = "case_handling", rules = { "move_case", "private_data" },
             class = "dissatisfied", ok = { "reply", "hide" }, fault = "delete",
             points = { { label = "the case is passed to a case officer", say = { "passed", "sent your case", "forwarded" } } },
             channel = { label = "a case officer at the education department calls back",
                         say = { "case officer", "education department", "call you back", "calls you back" } },
             avoid = {
               { label = "discusses the case in public", say = { "Elias", "Norråsskolan", "Ekbacken", "Hagvägen", "sister" } },
               { label = "asks for personal details", say = { "personal identity number", "your phone number", "your address" } },
               { label = "promises an outcome", say = { "we promise", "you can change", "we will change the placement" } },
             },
             model = "I understand that this matters a lot to you. We have passed your case to a case "
                 .. "officer at the education department, who will call you back on Monday. Please do not "
                 .. "post any more personal details here in the comments." },
}

-- ---- Sunday 17 May ----
comment {
  id = "c11", at = "2026-05-17 16:20", on = "p3", author = "amira",
  text = "I asked yesterday but can't find the answer in the thread. How do you change school?",
  repeat_of = "c9",
  expect = { link = SCHOOL_CHANGE,
             points = {
               { label = "apply for the queue or a change in the e-service", say = { "e-service" } },
               { label = "by 31 May", say = { "31 May" } },
               { label = "accept the place first", say = { "accept the place", "accept it" } },
             },
             need = 2,
             avoid = { { label = "promises a place", say = { "we promise", "you will get a place", "guarantee" } } },
             model = "Sorry, the answer is further up in the thread. Accept the place you have been given, "
                 .. "then join the queue or apply for a change in the e-service by 31 May. How to do it: "
                 .. SCHOOL_CHANGE },
}

-- ---- Monday 18 May: working day ----
comment {
  id = "c12", at = "2026-05-18 08:40", on = "p2", author = "lars",
  text = "My car was towed away from Storgatan this morning! The sign wasn't there when I "
      .. "parked on Friday. Where do I collect it and who pays?",
  expect = { link = TOWED, class = "dissatisfied", fault = "delete",
             points = {
               { label = "the car is at Industrivägen 3", say = { "Industrivägen", "vehicle pound" } },
               { label = "ask for a review if the sign went up too late", say = { "review", "reviewed" } },
             },
             avoid = {
               { label = "blames the car owner", say = { "your own fault", "should have seen", "blame yourself" } },
               { label = "speculates", say = { "probably", "maybe" } },
             },
             model = "I understand that you are angry, it is a bad start to the week. The car is at the "
                 .. "vehicle pound at Industrivägen 3, which is open on weekdays 7-18. If the sign was not "
                 .. "up in time, you can ask for the fee to be reviewed at " .. TOWED },
}

-- ---- callbacks ----

local function is_resident_comment(id)
  return id ~= nil and (id:match("^c%d+$") ~= nil or id:sub(1, 5) == "skol-")
end

-- A reply to the frustrated Göran: one with a link and some substance brings a thank-you
-- back; a curt reply without a link ("Ok.") irritates him more, and he asks again.
local function words(text)
  local n = 0
  for _ in (text or ""):gmatch("[^%s]+") do n = n + 1 end
  return n
end
local goran_answered = false
on("reply", function(a)
  if a.item ~= "c2" or goran_answered then return end
  goran_answered = true
  local text = a.text or ""
  if (text:find("https?://") or text:find("www%.")) and words(text) >= 8 then
    inject {
      kind = "reply", id = "c2-tack", at = "+40m", on = "c2", author = "goran",
      text = "OK, then I'll drive there on Saturday instead. Thanks for the answer.",
      expect = { answer = false, class = "thanks" },
    }
  else
    inject {
      kind = "reply", id = "c2-igen", at = "+40m", on = "c2", author = "goran",
      text = "Was that the whole answer? I asked when I can drop off my branches somewhere.",
      expect = { link = RECYCLING, class = "dissatisfied", fault = "delete",
                 points = { { label = "open on Friday and Saturday", say = { "Friday", "Saturday" } } },
                 model = "I understand that you wanted a clearer answer, sorry. You can bring the branches to "
                     .. "the recycling centre on Friday 7-19 or on Saturday 9-16. Read more at " .. RECYCLING },
    }
  end
end)

-- Deleting a resident's comment is noticed: an angry comment about censorship, and a
-- screenshot that reaches the local paper (public_record).
local protested = false
on("delete", function(a)
  if protested or not is_resident_comment(a.item) or a.item == "c5" then return end
  protested = true
  local post = (a.item == "c1" or a.item == "c2" or a.item == "c3" or a.item == "c4") and "p1"
      or ((a.item == "c6" or a.item == "c7" or a.item == "c8" or a.item == "c12") and "p2" or "p3")
  inject {
    kind = "comment", id = "censur", at = "+30m", on = post, author = "birgitta",
    text = "I saw that you removed a comment here. Is that how Ekby municipality handles "
        .. "criticism?",
    expect = { class = "dissatisfied", fault = "delete", rules = "response_model",
               points = {
                 { label = "legitimate criticism stays", say = { "legitimate criticism", "stays", "stay up" } },
                 { label = "only threats, hate and personal details are removed", say = { "threats", "hate", "personal details" } },
               },
               avoid = { { label = "blames someone else", say = { "not our fault", "a colleague's fault", "someone else's fault" } } },
               model = "I understand that you react, and you are right to ask. Legitimate criticism stays "
                   .. "up here. We only remove threats, hate and personal details. We are happy to answer "
                   .. "your questions here." },
  }
  inject {
    kind = "internal", id = "i-skarmdump", at = "+3h", from = "press_officer",
    text = "Hi! A screenshot of a comment we deleted is spreading, and Ekby Tidning has asked "
        .. "whether we remove criticism. We must not delete legitimate criticism. Please "
        .. "acknowledge, and we'll talk about how we respond. /Elin",
    expect = { answer = true, within = "1h", rules = { "public_record", "inform_up" } },
  }
end)

-- Replying to the troll brings more trolling, and a resident who asks why the
-- municipality argues with people.
local fed = false
on("reply", function(a)
  if fed or a.item ~= "c5" then return end
  fed = true
  inject {
    kind = "reply", id = "c5-igen", at = "+20m", on = "c5", author = "bosse",
    text = "Haha, touched a nerve. The council has time to argue but not to empty the bins.",
  }
  inject {
    kind = "reply", id = "c5-tomas", at = "+2h", on = "c5", author = "tomas",
    text = "Why does the municipality get into arguments with comments like this? Where can "
        .. "I read instead how waste collection works this weekend?",
    expect = { link = WASTE,
               points = { { label = "Thursday's collection is on Saturday", say = { "Saturday", "16 May" } } },
               model = "You have a point, we should not argue with comments like that. The collection that "
                   .. "would have been on Thursday is done on Saturday 16 May instead. Read more at " .. WASTE },
  }
end)

-- The individual case: escalated to case handling, it brings a thank-you on Monday.
local case_moved = false
on("escalate", function(a)
  if a.item == "c10" and a.target == "case_handling" and not case_moved then
    case_moved = true
    -- the case officer calls on Monday morning, or two hours later if it is Monday already
    local at = state().now < "2026-05-18T08:30:00" and "2026-05-18 10:30" or "+2h"
    inject {
      kind = "reply", id = "c10-tack", at = at, on = "c10", author = "johanna",
      text = "The case officer has called me now and we went through the appeal. Thank you!",
      expect = { answer = false, class = "thanks" },
    }
  end
end)

-- ... and if nobody has moved the case by Monday late morning she writes again.
when(function(s) return s.now >= "2026-05-18T11:00:00" end, function(s)
  if case_moved then return end
  -- if her comment was deleted she writes a new one under the post instead
  local c10 = item_state("c10")
  local deleted = c10 ~= nil and c10.deleted
  inject {
    kind = deleted and "comment" or "reply", id = "c10-igen", on = deleted and "p3" or "c10",
    author = "johanna",
    text = "It's Monday now and nobody has been in touch. Do I have to write everything again "
        .. "here, or where do I go with the appeal?",
    expect = { escalate = "case_handling", rules = "move_case", class = "dissatisfied",
               fault = "delete",
                 points = { { label = "the case is passed to a case officer", say = { "passed", "sent your case", "forwarded" } } },
                 channel = { label = "a case officer at the education department calls back",
                             say = { "case officer", "education department", "call you back", "calls you back" } },
                 avoid = {
                   { label = "discusses the case in public", say = { "Elias", "Norråsskolan", "Ekbacken", "Hagvägen", "sister" } },
                   { label = "asks for personal details", say = { "personal identity number", "your phone number", "your address" } },
                 },
                 model = "I understand that you are disappointed, and I am sorry that nobody has been in "
                     .. "touch. I have passed your case to a case officer at the education department, who "
                     .. "will call you back today. Please do not post personal details here." },
  }
end)

-- The school questions: an informative post calms the flow; many unanswered items at the
-- weekend speed it up and bring a question about why nobody answers.
on("publish", function(a)
  if state().now < "2026-05-17T21:00:00" then set_rate("skol", 0.5) end
end)

local nudged = false
every("3h", function(s)
  if nudged or s.now < "2026-05-16T08:00:00" or s.now >= "2026-05-17T18:00:00" then return end
  if s.waiting >= 5 then
    nudged = true
    set_rate("skol", 1.6)
    inject {
      kind = "comment", id = "ingen-svarar", on = "p3", author = "fatima",
      text = "Does nobody answer here at weekends? Several of us are wondering the same thing "
          .. "about the school placements.",
      expect = { link = SCHOOL_PLACES,
                 points = {
                   { label = "everyone gets an answer by Monday", say = { "Monday" } },
                   { label = "answer by 31 May", say = { "31 May" } },
                 },
                 need = 1,
                 avoid = { { label = "promises an instant answer", say = { "we promise" } } },
                 model = "Sorry for the wait. We will answer every question by Monday. The decisions are in "
                     .. "the e-service, where you accept the place or apply for a change by 31 May. Read more "
                     .. "at " .. SCHOOL_PLACES },
    }
  end
end)

-- Monday morning: the manager asks how the weekend went; the text depends on what waits.
when(function(s) return s.now >= "2026-05-18T08:15:00" end, function(s)
  local text
  if s.waiting >= 3 then
    text = "Good morning! I see that " .. s.waiting .. " comments and messages from the "
        .. "weekend and the holiday are still waiting for an answer. Take them first today: "
        .. "they must be answered before the working day ends. Please acknowledge. /Anders"
  else
    text = "Good morning! It looks calm after the weekend, well done with the answers. "
        .. "Please acknowledge, and we'll have a short check-in after lunch. /Anders"
  end
  inject {
    kind = "internal", id = "i-chef", from = "manager", text = text,
    expect = { answer = true, within = "1h", rules = "inform_up" },
  }
end)

-- ---- for the facilitator (Shift+F9 sends the next) ----
prepared {
  kind = "comment", author = "fatima", on = "p3",
  text = "Our son has a diagnosis and needs a smaller school. Is that taken into account "
      .. "in the placement?",
  expect = { link = SCHOOL_PLACES,
             points = {
               { label = "describe the needs in the application for a change", say = { "application", "apply" } },
               { label = "the pupil health team looks at it", say = { "pupil health" } },
             },
             need = 1,
             avoid = {
               { label = "promises a place", say = { "we promise", "guarantee" } },
               { label = "asks about health in public", say = { "which diagnosis", "tell us more about the diagnosis" } },
             },
             model = "Yes, it can be taken into account. Describe your son's needs when you apply for a "
                 .. "change in the e-service, and the pupil health team will look at it. Please do not post "
                 .. "details about the diagnosis here. Read more at " .. SCHOOL_PLACES },
}
prepared {
  kind = "internal", from = "press_officer",
  text = "Hi! Ekby Tidning is writing about the school placements and asks how many have "
      .. "contacted us on social media. Can you give me a situation report? Please "
      .. "acknowledge. /Elin",
  expect = { answer = true, within = "1h", rules = "inform_up" },
}

-- ---- answer templates (rule qa_templates) ----
template { id = "svar-lank", title = "Answer with a link",
  text = "Hi [name]!\nThanks for your question. [short answer]\nRead more at [link]\n"
      .. "Kind regards,\n[your name]" }
template { id = "annan-myndighet", title = "Refer to the right authority",
  text = "Hi [name]!\nThanks for getting in touch. [the matter] is the responsibility of "
      .. "[authority], not the municipality. We have forwarded your question to them, and "
      .. "you can also contact them directly at [link]\nKind regards,\n[your name]" }
template { id = "enskilt-arende", title = "Individual case – to case officers",
  text = "Hi [name]!\nI understand that this matters a lot to you. We have sent your case "
      .. "to [department/case officer], who will contact you directly. Please don't post "
      .. "more personal details here in the comments.\nKind regards,\n[your name]" }
