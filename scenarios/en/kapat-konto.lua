-- kapat-konto (English version): Ekby municipality's account is taken over on a Friday evening.
-- Same structure as scenarios/kapat-konto.lua; the texts people see are in English.
--
-- What it trains (guideline rules): securing a hijacked account (secure_accounts: change
-- the password, log out every session, turn on two-factor authentication, remove the
-- access of a former employee, escalate to IT security, delete the attacker's posts and
-- tell the followers what happened), bringing in help outside office hours (get_backup,
-- inform_up), showing action early (show_action), answering worried followers quickly and
-- calmly (act_fast, active_in_comments, acknowledge, link), handling the press
-- (public_record, inform_up) and answering the follower who asks "Is it you who wrote
-- this?" (answer_questions, public_record, silent_audience).
--
-- Office hours are 08:00-16:30 (scenario.office_hours): the whole exercise, Friday
-- 17:40-20:40, lies outside them, so state.office_open is false throughout. Nobody is at
-- the office: backup must be called in, and the ordinary working-day deadline (rule speed)
-- would give most questions until Monday. The one everyday question on the weekend post
-- (c-parkering) keeps that deadline on purpose; everything about the hijack carries its
-- own crisis target of 15-30 minutes.
--
-- Timeline (start Friday 2026-03-20 17:40, 3 simulated hours, compression 3 = one real hour):
--   +0m   the weekend post about the spring market, and a colleague's hand-over note
--   +6m   an everyday question (working-day deadline: Monday)
--   +15m  hijack "hj": platform notice of a new login from an unknown device. The attacker
--         posts every 20 minutes while in control: first a "gift card" scam under the
--         look-alike address ekby-kommun-presentkort.example.se, then offensive content,
--         then the scam again. Former employee Hampus Lind still has access.
--   +20m  (first attacker post, if the participant has not locked the attacker out within
--         five minutes)
--   +25m  to +2h20m a storm of worried followers on the weekend post
--   +32m  a follower who gave her card details (direct message, private_data)
--   +55m  the local paper asks (escalate press_officer)
--   +1h15m a follower asks how to tell real posts from fake ones
--   +1h50m the local paper publishes
--   +2h30m "Did you really write this?" - under the attacker's post if one is still
--         up, else under the weekend post
--
-- How it reacts:
--   * every attacker post gets worried or angry follower comments two to four minutes
--     later - unless the participant has already deleted it (on "item" + every "1m");
--   * escalating to IT security brings IT's instructions (naming Hampus Lind); if nobody
--     escalates within 12 minutes of the notice, IT writes on its own and asks why not;
--   * the attacker comes back 25 minutes after being locked out if two-factor or the
--     removal of Hampus Lind's access is missing (hijack returns_after): a new notice, new
--     posts, and IT security points at the missing step;
--   * an attacker post left standing speeds the storm up; a post to the followers
--     (publish) calms it and brings a thank-you;
--   * no manager by +45m: the on-call manager writes and asks to be informed; many
--     waiting and no backup outside office hours: a colleague offers to step in;
--   * deleting a follower's comment brings an angry comment about censorship.
-- Two templates and two prepared injects for the facilitator are at the end.
--
-- What a good reply says (expect.points, refer, channel, avoid, model): the key points are
-- facts the scenario itself gives (IT security's messages and "Facts for the answers" in
-- the description), and their phrases are words only a reply that gives the fact contains,
-- never words of the question. A model answer is the reply's body only: "Hi <first name>!"
-- and "Kind regards, <name>" are added around it. The crisis statement and the message to
-- the followers after the hijack (hijack.message) say what happened, what is being done and
-- where to read more.

local INFO = "https://www.example.se/ekby/kapat-konto"
local BEDRAGERI = "https://www.example.se/ekby/bedrageri"
local MARKNAD = "https://www.example.se/ekby/varmarknad"
local FALSK = "https://ekby-kommun-presentkort.example.se"

scenario {
  id = "kapat-konto",
  title = "Hijacked account: a Friday evening in Ekby municipality's feed",
  language = "en",
  -- A hijacked account on X: every reply and statement fits in 280 characters.
  platform = "x",
  description = [[
Friday evening, just after the office has closed. You are on call for Ekby municipality's
social-media account. The platform warns of a new login from an unknown device, and soon
posts appear on the municipality's account that nobody at the municipality wrote: first a
fake gift card on an address that looks like the municipality's, then offensive content.
Followers also get private messages with the same link. They grow worried, someone has
already given their card details, the local paper calls and IT security gets in touch. A
former employee still has access to the account. The evening is outside office hours:
nobody is at the office, so you have to call in help yourself.

Facts for the answers: the municipality never gives away gift cards and never asks for
card details on social media, and its links always go to the municipality's own website.
Anyone who has given card details should call their bank and block the card, and can
report the fraud to the police. During the spring market Stortorget is closed to cars;
the Torggaraget car park next to it is open and free on Saturday. Once the account is
secured (a new password, every session logged out, two-factor authentication, the former
employee's access removed) the municipality has taken back control and removes the
attacker's posts.]],
  aim = [[
Secure a hijacked account in the right order: change the password and log out every session,
then turn on two-factor authentication and remove the former employee's access (otherwise
the attacker comes back). Escalate to IT security at once, delete the attacker's posts, keep
the on-call manager and the press officer informed and bring in a colleague. Tell the
followers what happened, and answer the worried ones quickly, calmly and with a link, also
the one who asks whether it really was the municipality that wrote it.]],
  role = "On-call social-media editor, Ekby municipality",
  start = "2026-03-20 17:40", -- a Friday
  duration = "3h",
  compression = 3, -- 3 simulated hours in one real hour: a person can keep up (issue 13)
  slot = "1h30m", -- the workshop slot: the hour, briefing and debrief
  seed = 20,
  account = { name = "Ekby municipality", handle = "ekbykommun" },
  -- Office hours end at 16:30: the whole exercise is outside them (state.office_open false).
  office_hours = { "08:00", "16:30" },
  audience = { min_intensity = 0.6, max_intensity = 1.6 },
  scoring = {
    crisis = true,
    crisis_start = "+15m", -- the platform notice: the crisis starts with the hijack
    backup_within = "30m",
    statement_within = "1h",
    -- the statement (show_action): what happened, what is being done, where to read more
    statement = {
      points = {
        { label = "what happened: the account was hijacked", say = { "hijacked", "hacked", "taken over" } },
        { label = "what we do", say = { "taken back control", "removing", "secured", "tightened", "password", "do not click" } },
        { label = "what followers should do, where to read more", say = { "read more", "website", "bank", "do not click" } },
      },
      model = "Our account was hijacked this evening. The posts about gift cards do not come from "
          .. "us: do not click the link. We have taken back control and are removing the posts. If "
          .. "you gave card details, call your bank. Read more at "
          .. "https://www.example.se/ekby/kapat-konto",
    },
  },
  -- words in the answers that the spelling check does not know
  words = { "Ekby", "Stortorget", "Torggaraget" },
}

-- ---- people ----
persona { id = "eva",    first = "Eva",    last = "Lindqvist", mood = "worried" }
persona { id = "bertil", first = "Bertil", last = "Ahlgren",   mood = "angry" }
persona { id = "fatima", first = "Fatima", last = "Hassan",    mood = "worried" }
persona { id = "jens",   first = "Jens",   last = "Olofsson",  mood = "calm" }
persona { id = "lisa",   first = "Lisa",   last = "Ström",     mood = "frustrated" }
persona { id = "karin",  first = "Karin",  last = "Nord",      mood = "worried" }
persona { id = "gunnar", first = "Gunnar", last = "Bäck",      mood = "calm" }
persona { id = "ronja",  first = "Ronja",  last = "Ek",        mood = "angry" }
persona { id = "petra",  first = "Petra",  last = "Sund",      mood = "calm", traits = { "journalist" } }
-- The former employee who still has access (hijack.former). The security panel names him.
persona { id = "hampus", first = "Hampus", last = "Lind", traits = { "former staff" } }

-- ---- before the hijack ----
post {
  id = "p1", at = "+0m",
  text = "Tomorrow, Saturday, the spring market is on at Stortorget from 10 to 15. Some 40 "
      .. "stalls, local growers and coffee. Welcome! More information: " .. MARKNAD,
}

internal {
  id = "i-overlamning", at = "+0m", from = "colleague",
  text = "Hi! The office closed at 16:30 and you are now on call for the account this "
      .. "weekend. The post about the spring market is out. Ordinary questions can wait "
      .. "until Monday, but if something big happens: alert IT security, the on-call manager "
      .. "and the press officer, you should not sit alone with it. Have a nice weekend! /Sofia",
}

-- An everyday question: no target of its own, so the working-day deadline applies
-- (Friday evening: due Monday at the same time).
comment {
  id = "c-parkering", at = "+6m", on = "p1", author = "gunnar",
  text = "Can I park near the square tomorrow, or is it closed off?",
  expect = { link = MARKNAD,
             points = {
               { label = "park in Torggaraget", say = { "Torggaraget", "garage" } },
               { label = "free on Saturday", say = { "free", "no charge" } },
             },
             need = 1,
             model = "Stortorget is closed to cars during the market, but you can park in the Torggaraget "
                 .. "car park next to it. It is free on Saturday. More information: " .. MARKNAD },
}

-- ---- the hijack ----
hijack {
  id = "hj", at = "+15m",
  notice = "New login to the account Ekby municipality from an unknown device (Android, "
      .. "unknown location). If this was not you: change the password and log out all "
      .. "sessions now.",
  posts = {
    "CONGRATULATIONS! To thank you for a great year, Ekby municipality gives every "
        .. "resident a gift card worth SEK 2,000. Claim yours tonight: " .. FALSK,
    "The people of Ekby are a bunch of whiners who do not deserve a municipality. We at "
        .. "the municipality are ashamed of you. Move away if you are not happy!",
    "LAST CHANCE! Only 200 gift cards left. Confirm your card number here: "
        .. FALSK .. "/bekrafta",
  },
  every = "20m",
  returns_after = "25m",
  steps = { "change_password", "revoke_sessions", "enable_2fa", "remove_access" },
  former = "hampus",
  -- what the post to the followers says once the account is back
  message = {
    points = {
      { label = "what happened: the account was hijacked", say = { "hijacked", "hacked", "taken over" } },
      { label = "what we have done", say = { "taken back control", "secured", "tightened", "removing", "password" } },
      { label = "what followers should do, where to read more", say = { "do not click", "bank", "read more", "website" } },
    },
    model = "Our account was hijacked this evening. The posts about gift cards did not come from "
        .. "us: do not click the links. We have taken back control and are removing the posts. If "
        .. "you gave card details, call your bank. Read more at " .. INFO,
  },
}

dm {
  id = "d-kort", at = "+32m", author = "lisa",
  text = "I got a message from you about a gift card and entered my card number on the "
      .. "page! Now I am really worried. What should I do?!",
  expect = { within = "20m", link = BEDRAGERI, rules = { "private_data", "act_fast" },
             points = {
               { label = "call the bank and block the card", say = { "bank", "block" } },
               { label = "the message did not come from us", say = { "not from us", "hijacked", "hacked" } },
             },
             avoid = {
               { label = "speculates about who is behind it", say = { "probably", "Russian", "hackers from" } },
               { label = "promises compensation", say = { "we will compensate", "we promise", "get your money back" } },
               { label = "asks for card details", say = { "send your card number", "write your card number", "your card details here" } },
             },
             model = "I understand that you are worried. Call your bank at once and block the card. The "
                 .. "message did not come from us: our account was hijacked. You can also report the fraud "
                 .. "to the police. Advice: " .. BEDRAGERI },
}

inquiry {
  id = "q-tidning", at = "+55m", author = "petra", outlet = "Ekby Tidning",
  text = "Hi, Petra Sund from Ekby Tidning. Readers tell us about strange posts and "
      .. "messages from the municipality's account tonight. Has the account been hijacked, "
      .. "and what are you doing about it?",
  expect = { within = "30m", escalate = "press_officer", rules = { "inform_up", "public_record" },
             points = { { label = "the press officer Elin will contact you", say = { "press officer", "Elin" } } },
             avoid = { { label = "answers on the substance", say = { "probably", "don't know" } } },
             model = "Thank you for getting in touch. Our press officer Elin handles questions from the "
                 .. "media and will contact you shortly." },
}

comment {
  id = "c-akta", at = "+1h15m", on = "p1", author = "jens",
  text = "How are we supposed to know which posts really come from the municipality from now on?",
  expect = { within = "30m", link = INFO, rules = "strengthen_message",
             points = {
               { label = "we never ask for card details", say = { "card details", "card number" } },
               { label = "we never give away gift cards", say = { "gift card", "gift cards" } },
               { label = "links go to our own website", say = { "own website" } },
             },
             need = 1,
             model = "We never ask for card details and do not give away gift cards on social media. Our "
                 .. "links always go to our own website. Read more at " .. INFO },
}

media {
  id = "m-tidning", at = "+1h50m", outlet = "Ekby Tidning",
  title = "Municipality's account hijacked: fake gift cards spread on Friday evening",
  url = "https://www.example.se/ekbytidning/kommunens-konto-kapat",
  text = "On Friday evening, messages about fake gift cards were sent from Ekby "
      .. "municipality's social-media account. The municipality urges everyone who gave "
      .. "card details to contact their bank.",
  expect = { rules = "public_record" },
}

-- What an answer to the worried followers must not say.
local AVOID = {
  { label = "speculates about who is behind it", say = { "probably", "Russian", "hackers from" } },
  { label = "promises compensation", say = { "we will compensate", "we promise", "get your money back" } },
  { label = "asks for card details", say = { "send your card number", "write your card number", "your card details here" } },
}

-- Worried followers on the weekend post: the attacker also sent private messages with the
-- scam link, so the worry starts whether or not an attacker post ever shows.
storm {
  id = "oro", on = "p1", from = "+25m", to = "+2h20m", count = 26,
  curve = { { "+0m", 0.6 }, { "+20m", 1.3 }, { "+1h", 1 }, { "+1h55m", 0.3 } },
  moods = { calm = 1, worried = 4, frustrated = 2, angry = 1, troll = 0.6 },
  texts = {
    -- trolls have no theme
    troll = {
      "Haha, the municipality cannot even keep track of a password.",
      "A gift card from the municipality, that is the funniest thing I have heard.",
    },
  },
  -- What the comments are about. The key points and model answers are facts the scenario
  -- itself gives ("Facts for the answers" in the description and the post about the spring
  -- market), and no key point's phrases are in the theme's own texts.
  themes = {
    { id = "presentkort", label = "the gift card", kind = "rumour", share = 2,
      texts = {
        calm = { "I got a message from you about a gift card. Is that right?" },
        any = { "I got a message from you about a gift card. Is that right?" },
      },
      points = {
        { label = "the municipality never gives away gift cards", say = { "never gives away", "never give away" } },
        { label = "the account was hijacked, it does not come from us", say = { "hijacked", "not from us", "not come from us" } },
      },
      need = 1, avoid = AVOID,
      model = "No, the municipality never gives away gift cards or asks for card details. Our "
          .. "account was hijacked, and the message does not come from us: do not click the link. "
          .. "Read more at " .. BEDRAGERI },
    { id = "kapat", label = "whether the account is hijacked", kind = "question", share = 3,
      texts = {
        worried = { "Has your account been hacked? I got a strange message from you.",
                    "Can we trust what is on your page right now?" },
        any = { "Has your account been hacked? I got a strange message from you." },
      },
      points = {
        { label = "the account was hijacked, it does not come from us", say = { "hijacked", "not from us", "not come from us" } },
        { label = "do not click the link", say = { "do not click", "don't click" } },
        { label = "we are removing the attacker's posts", say = { "removing" } },
      },
      need = 1, avoid = AVOID,
      model = "Yes, our account was hijacked this evening. The posts about gift cards do not come "
          .. "from us, so do not click the link. We are removing the posts. Read more at " .. BEDRAGERI },
    { id = "uppgifter", label = "those who gave their details", kind = "question", share = 2.5,
      texts = {
        worried = { "My mother clicked the gift card link. Is that dangerous?",
                    "What should you do if you have already filled in your details?" },
        any = { "What should you do if you have already filled in your details?" },
      },
      points = {
        { label = "call the bank and block the card", say = { "bank", "block the card" } },
        { label = "report the fraud to the police", say = { "police" } },
      },
      need = 1, avoid = AVOID,
      model = "Anyone who has given card details should call their bank and block the card, and "
          .. "can report the fraud to the police. The link does not come from us. Read more at "
          .. BEDRAGERI },
    { id = "marknaden", label = "the spring market tomorrow", kind = "question", share = 1, link = MARKNAD,
      texts = {
        calm = { "Is the spring market still on tomorrow despite all this?" },
        any = { "Is the spring market still on tomorrow despite all this?" },
      },
      points = {
        { label = "Saturday from 10 to 15 at Stortorget", say = { "Saturday", "10 to 15", "Stortorget" } },
        { label = "Torggaraget is open and free", say = { "Torggaraget", "free" } },
      },
      need = 1, avoid = AVOID,
      model = "Yes, the spring market is on tomorrow, Saturday, from 10 to 15 at Stortorget. The "
          .. "gift card posts do not come from us. The Torggaraget car park is open and "
          .. "free. Read more at " .. MARKNAD },
    { id = "ansvar", label = "the municipality's responsibility for the account", kind = "complaint",
      share = 2,
      texts = {
        frustrated = { "Why are you not saying anything? People are being scammed all evening.",
                       "How can a municipality have such poor security on its account?" },
        angry = { "It is a scandal that the municipality's account spreads scams. Who takes responsibility?",
                  "I have lost money because of you. What are you going to do?" },
        any = { "Why are you not saying anything? People are being scammed all evening." },
      },
      points = {
        { label = "the account was hijacked, it does not come from us", say = { "hijacked", "not from us", "not come from us" } },
        { label = "we are removing the posts", say = { "removing", "two-factor" } },
        { label = "call the bank if you gave details", say = { "bank", "block the card" } },
      },
      need = 1, avoid = AVOID,
      model = "I understand that you are angry, and we are sorry. Our account was hijacked, and the "
          .. "gift card posts do not come from us. We are removing them. If you gave card details, "
          .. "call your bank. Read more at " .. BEDRAGERI },
  },
  repeats = 0.1,
  expect = { within = "20m", link = BEDRAGERI, class = "question", fault = "delete",
             rules = { "active_in_comments", "act_fast" } },
}

-- ---- callbacks ----

-- Follower comments on the attacker's posts. The posts cycle scam, offensive, scam; each
-- gets its comments two to four minutes later, but only while the post is still up.
local on_scam = {
  { author = "eva", after = 2,
    text = "Is this for real? My dad has already filled in his card details.",
    expect = { within = "20m", link = BEDRAGERI, rules = "act_fast",
      points = {
        { label = "no, the account is hijacked", say = { "hijacked", "hacked", "not from us" } },
        { label = "call the bank and block the card", say = { "bank", "block" } },
      },
      avoid = {
        { label = "speculates about who is behind it", say = { "probably", "Russian", "hackers from" } },
        { label = "promises compensation", say = { "we will compensate", "we promise", "get your money back" } },
        { label = "asks for card details", say = { "send your card number", "write your card number", "your card details here" } },
      },
      model = "No, the post does not come from us: our account has been hijacked. Ask your dad to "
          .. "call his bank at once and block the card. Advice is at " .. BEDRAGERI } },
  { author = "jens", after = 4,
    text = "The address looks odd, are the municipality's pages not usually on example.se/ekby?",
    expect = { within = "20m", link = INFO,
      points = {
        { label = "the post is fake", say = { "fake", "fraud", "not from us" } },
        { label = "the account has been hijacked", say = { "hijacked", "hacked" } },
      },
      avoid = {
        { label = "speculates about who is behind it", say = { "probably", "Russian", "hackers from" } },
        { label = "promises compensation", say = { "we will compensate", "we promise", "get your money back" } },
        { label = "asks for card details", say = { "send your card number", "write your card number", "your card details here" } },
      },
      model = "Yes, you are right. The post is fake and does not come from us: our account has "
          .. "been hijacked. Do not click the link. Read more at " .. INFO } },
}
local on_offensive = {
  { author = "bertil", after = 2,
    text = "What on earth are you writing?! I have lived in Ekby for 40 years. Shame on you!",
    expect = { within = "20m", link = INFO, class = "dissatisfied", fault = "delete",
      points = {
        { label = "the account is hijacked, the post is not ours", say = { "hijacked", "hacked", "not from us" } },
        { label = "we are removing the post", say = { "removing", "removed", "deleting" } },
      },
      need = 1,
      avoid = {
        { label = "speculates about who is behind it", say = { "probably", "Russian", "hackers from" } },
        { label = "promises compensation", say = { "we will compensate", "we promise", "get your money back" } },
        { label = "asks for card details", say = { "send your card number", "write your card number", "your card details here" } },
      },
      model = "I understand that you are upset, and we are sorry. Our account has been hijacked, "
          .. "and the post does not come from us. We are removing it and have tightened security. "
          .. "Read more at " .. INFO } },
  { author = "fatima", after = 3,
    text = "Has someone hijacked the account? Surely the municipality did not write this?",
    expect = { within = "20m", link = INFO,
      points = {
        { label = "we are removing the post", say = { "removing", "removed", "deleting" } },
        { label = "security is tightened", say = { "tightened", "password", "two-factor" } },
      },
      need = 1,
      avoid = {
        { label = "speculates about who is behind it", say = { "probably", "Russian", "hackers from" } },
        { label = "promises compensation", say = { "we will compensate", "we promise", "get your money back" } },
        { label = "asks for card details", say = { "send your card number", "write your card number", "your card details here" } },
      },
      model = "Yes, our account has unfortunately been taken over this evening, and the post does "
          .. "not come from us. We are removing it and have tightened the security of the account. "
          .. "Read more at " .. INFO } },
}

local pending = {}      -- comments waiting for their minute: { post, minute, spec }
local attacker_posts = {} -- ids of the attacker posts so far, in order
local injected = 0

on("item", function(item)
  if item.kind ~= "attacker_post" then return end
  attacker_posts[#attacker_posts + 1] = item.id
  local n = tonumber(item.id:match("(%d+)$")) or 1
  local list = ((n - 1) % 3 == 1) and on_offensive or on_scam
  for _, spec in ipairs(list) do
    pending[#pending + 1] = { post = item.id, minute = item.minute + spec.after, spec = spec }
  end
end)

every("1m", function(s)
  local keep = {}
  for _, p in ipairs(pending) do
    if s.minute >= p.minute then
      local st = item_state(p.post)
      if st and not st.deleted and not st.hidden then
        injected = injected + 1
        inject {
          kind = "comment", id = "hj-kommentar-" .. injected, on = p.post,
          author = p.spec.author, text = p.spec.text, expect = p.spec.expect,
        }
      end
    else
      keep[#keep + 1] = p
    end
  end
  pending = keep
end)

-- IT security: answers an escalation with instructions, or writes on its own.
local it_wrote = false
local function it_instructions(own_initiative)
  it_wrote = true
  local opening = own_initiative
      and "We have seen an alert about a login to the municipality's account from an "
          .. "unknown device, but nobody has contacted us. Alert us at once next time! "
      or "Thanks for the alert, we are looking at the login. "
  inject {
    kind = "internal", id = "i-it", at = "+3m", from = "it_security",
    text = opening .. "Change the password and log out all sessions first, then turn on "
        .. "two-factor authentication. Note: Hampus Lind left in January but is still an "
        .. "administrator of the account. Remove his access, or the door stays open. "
        .. "Acknowledge when it is done. /Amir, IT security",
    expect = { answer = true, within = "15m", rules = "secure_accounts" },
  }
end

on("escalate", function(a)
  if a.target == "it_security" and not it_wrote then it_instructions(false) end
end)

when(function(s) return s.minute >= 27 and not it_wrote end, function(s)
  it_instructions(true)
end)

-- The attacker comes back (a step was missing): IT security says which door is open.
on("item", function(item)
  local n = item.kind == "notice" and tonumber(item.id:match("^hj%-notice%-(%d+)$"))
  if n and n > 1 then
    inject {
      kind = "internal", id = "i-it-igen-" .. n, at = "+2m", from = "it_security",
      text = "The attacker is back in. A new password is not enough: without two-factor "
          .. "authentication, and as long as Hampus Lind still has access, they will come "
          .. "back. Change the password, log out all sessions and close the rest now. "
          .. "Acknowledge. /Amir",
      expect = { answer = true, within = "10m", rules = "secure_accounts", weight = 2 },
    }
  end
end)

-- An attacker post left standing drives the storm; a post to the followers calms it.
local informed = false
every("5m", function(s)
  local visible = false
  for _, id in ipairs(attacker_posts) do
    local st = item_state(id)
    if st and not st.deleted then visible = true end
  end
  if s.minute >= 25 and s.minute < 140 then
    if visible then set_rate("oro", 1.6)
    elseif informed then set_rate("oro", 0.6)
    else set_rate("oro", 1) end
  end
end)

on("publish", function(a)
  if informed then return end
  informed = true
  inject {
    kind = "comment", id = "c-tack", at = "+6m", on = "p1", author = "eva",
    text = "Thank you for telling us what happened! Now we know not to click.",
    expect = { class = "thanks", within = "1h", weight = 0.5,
               model = "Thank you! Please share it, so that more people know not to click." },
  }
end)

-- Nobody at the office: the on-call manager wants to know (once, if not yet informed).
when(function(s)
  return s.minute >= 45 and not s.escalated.manager
end, function(s)
  inject {
    kind = "internal", id = "i-chef", from = "manager",
    text = "Hi, this is Maria, on-call manager this weekend. IT says our account has been "
        .. "hijacked. Why have I not been alerted? Keep me informed, now. Acknowledge.",
    expect = { answer = true, within = "10m", escalate = "manager", rules = { "inform_up", "get_backup" } },
  }
end)

-- Outside office hours nobody is at the next desk: a colleague offers to step in when the
-- comments pile up and no backup has been called in.
when(function(s)
  return not s.office_open and s.waiting >= 4 and not s.escalated.colleague_backup
end, function(s)
  inject {
    kind = "internal", id = "i-kollega", from = "colleague",
    text = "Hi, Sofia here. I am at home but I can see the comments are on fire. Do you "
        .. "want me to jump in and answer? Say the word, you should not sit alone with this.",
    expect = { answer = true, within = "10m", escalate = "colleague_backup", rules = "get_backup" },
  }
end)

-- Deleting a follower's comment is noticed.
local protested = false
on("delete", function(a)
  if protested or a.item == nil then return end
  if a.item:match("^hj%-post%-") then return end -- deleting attacker posts is right
  protested = true
  inject {
    kind = "comment", id = "c-censur", at = "+3m", on = "p1", author = "ronja",
    text = "A comment just disappeared here. Do you delete criticism instead of answering?",
    expect = { within = "20m", class = "dissatisfied", fault = "delete",
               rules = { "response_model", "public_record" },
               points = {
                 { label = "legitimate criticism stays", say = { "legitimate criticism", "stays", "stay up" } },
                 { label = "only the attacker's posts, threats and personal details are removed", say = { "attacker", "threats", "personal details" } },
               },
               avoid = { { label = "blames someone else", say = { "not our fault", "a colleague's fault", "someone else's fault" } } },
               model = "I understand that you react, and you are right to ask. Legitimate criticism stays up "
                   .. "here. We only remove the attacker's posts, threats and personal details. Read more at "
                   .. INFO },
  }
end)

-- Later in the evening: "Is it you who wrote this?" - under the attacker's post if one is
-- still up (the participant never deleted it), else under the weekend post. What the
-- follower has seen depends on how far the attacker got.
when(function(s) return s.minute >= 150 end, function(s)
  local target, standing = "p1", false
  for _, id in ipairs(attacker_posts) do
    local st = item_state(id)
    if st and not st.deleted and not st.hidden then target, standing = id, true end
  end
  local text
  if standing then
    text = "This post is still up and people are sharing it. Did you really write this?"
  elseif #attacker_posts >= 2 then
    text = "A friend sent me a screenshot of a post from your account about gift cards and "
        .. "one calling the people of Ekby whiners. Did you really write this?"
  elseif #attacker_posts == 1 then
    text = "A friend sent me a screenshot of a post from your account about gift cards "
        .. "worth SEK 2,000. Did you really write this?"
  else
    text = "I got a message from your account about a SEK 2,000 gift card and a link. "
        .. "Did you really write this?"
  end
  inject {
    kind = "comment", id = "c-fraga", on = target, author = "karin", text = text,
    expect = { within = "20m", link = INFO, weight = 2,
               rules = { "answer_questions", "public_record", "silent_audience" },
               points = {
                 { label = "no, the account was hijacked", say = { "hijacked", "hacked", "taken over" } },
                 { label = "we have taken back control", say = { "taken back control", "back control", "secured" } },
               },
               avoid = {
                 { label = "speculates about who is behind it", say = { "probably", "Russian", "hackers from" } },
                 { label = "promises compensation", say = { "we will compensate", "we promise", "get your money back" } },
                 { label = "asks for card details", say = { "send your card number", "write your card number", "your card details here" } },
               },
               model = "No, it was not us. Our account was hijacked this evening, and someone else wrote the "
                   .. "posts. We have taken back control of the account and are removing the posts. Read "
                   .. "more at " .. INFO },
  }
end)

-- ---- answer templates (qa_templates) ----
template { id = "kapat", title = "Hijacked account: answer to a worried follower",
  text = "Hi [name]!\nThank you for telling us. Our account was hijacked tonight and the "
      .. "posts about gift cards do not come from us. Do not click the link. [more]\n"
      .. "Read more at " .. INFO .. "\nKind regards,\n[your name]" }
template { id = "kortuppgifter", title = "Has given card details",
  text = "Hi [name]!\nI understand that you are worried. Call your bank at once and block "
      .. "the card, and do not write any card details here. Advice on fraud: " .. BEDRAGERI
      .. "\nKind regards,\n[your name]" }
template { id = "press", title = "To a journalist: the press officer will call",
  text = "Hi [name]!\nThank you for getting in touch. Our press officer [press officer] "
      .. "will contact you shortly.\nKind regards,\n[your name]" }

-- ---- prepared injects for the facilitator (Shift+F9) ----
prepared { kind = "comment", author = "fatima", on = "p1",
  text = "I just got a text message about the same gift card. Is that from you too?",
  expect = { within = "20m", link = BEDRAGERI,
    points = {
      { label = "no, the text message is not from us", say = { "not from us", "not us" } },
      { label = "do not click, call the bank if you gave details", say = { "do not click", "bank" } },
    },
    avoid = {
      { label = "speculates about who is behind it", say = { "probably", "Russian", "hackers from" } },
      { label = "promises compensation", say = { "we will compensate", "we promise", "get your money back" } },
      { label = "asks for card details", say = { "send your card number", "write your card number", "your card details here" } },
    },
    model = "No, that text message does not come from us. Do not click the link and do not give "
        .. "any details. If you already gave card details, call your bank. Read more at "
        .. BEDRAGERI } }
prepared { kind = "internal", from = "press_officer",
  text = "Hi, Elin, press officer. Radio Ekby wants a comment on the hijacked account "
      .. "within half an hour. Give me a picture: what happened and what have you done? "
      .. "Acknowledge.",
  expect = { answer = true, within = "15m", rules = "inform_up" } }
