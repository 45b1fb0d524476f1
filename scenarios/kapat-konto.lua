-- kapat-konto: Ekby kommun's account is taken over on a Friday evening.
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
--   +2h30m "Är det ni som skrivit det här?" - under the attacker's post if one is still
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
-- facts the scenario itself gives (IT security's messages and "Fakta för svaren" in the
-- description), and their phrases are words only a reply that gives the fact contains,
-- never words of the question. A model answer is the reply's body only: "Hej <förnamn>!"
-- and "Vänliga hälsningar, <namn>" are added around it. The crisis statement and the
-- message to the followers after the hijack (hijack.message) say what happened, what is
-- being done and where to read more.

local INFO = "https://www.example.se/ekby/kapat-konto"
local BEDRAGERI = "https://www.example.se/ekby/bedrageri"
local MARKNAD = "https://www.example.se/ekby/varmarknad"
local FALSK = "https://ekby-kommun-presentkort.example.se"

scenario {
  id = "kapat-konto",
  title = "Kapat konto: fredagskväll i Ekby kommuns flöde",
  language = "sv",
  -- A hijacked account on X: every reply and statement fits in 280 characters.
  platform = "x",
  description = [[
Fredag kväll, strax efter att kontoret har stängt. Du har beredskap för Ekby kommuns konto i
sociala medier. Plattformen larmar om en ny inloggning från en okänd enhet, och snart
publiceras inlägg från kommunens konto som ingen på kommunen har skrivit: först ett falskt
presentkort på en adress som liknar kommunens, sedan kränkande innehåll. Följare får också
privata meddelanden med samma länk. Följarna blir oroliga, någon har redan lämnat sina
kortuppgifter, lokaltidningen ringer och IT-säkerhet hör av sig. En tidigare anställd har
fortfarande behörighet till kontot. Kvällen ligger utanför kontorstid: ingen sitter på
kontoret, så du får själv larma in hjälp.

Fakta för svaren: kommunen delar aldrig ut presentkort och ber aldrig om kortuppgifter i
sociala medier, och kommunens länkar går alltid till kommunens egen webbplats. Den som har
lämnat kortuppgifter ska ringa sin bank och spärra kortet, och kan polisanmäla
bedrägeriet. Under vårmarknaden är Stortorget avstängt för bilar; Torggaraget intill är
öppet och gratis på lördag. När kontot är säkrat (nytt lösenord, alla sessioner utloggade,
tvåfaktorsverifiering, den tidigare anställdas behörighet borttagen) har kommunen tagit
tillbaka kontrollen och tar bort angriparens inlägg.]],
  aim = [[
Säkra ett kapat konto i rätt ordning: byt lösenord och logga ut alla sessioner, slå sedan på
tvåfaktorsverifiering och ta bort den tidigare anställdas behörighet (annars kommer
angriparen tillbaka). Eskalera till IT-säkerhet direkt, radera angriparens inlägg, håll
beredskapschefen och pressansvarig informerade och ta in en kollega. Berätta för följarna
vad som har hänt, och svara de oroliga snabbt, lugnt och med länk, även den som undrar om
det verkligen var kommunen som skrev.]],
  role = "Redaktör i beredskap för sociala medier, Ekby kommun",
  start = "2026-03-20 17:40", -- a Friday
  duration = "3h",
  compression = 3, -- 3 simulated hours in one real hour: a person can keep up (issue 13)
  slot = "1h30m", -- the workshop slot: the hour, briefing and debrief
  seed = 20,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
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
        { label = "vad som har hänt: kontot är kapat", say = { "kapat", "kapats", "kapade", "kapning" } },
        { label = "vad vi gör", say = { "tagit tillbaka", "tar bort", "säkrat", "skärpt", "lösenord", "klicka inte" } },
        { label = "vad följarna ska göra, var man läser mer", say = { "läs mer", "webbplats", "bank", "klicka inte" } },
      },
      model = "Vårt konto har kapats i kväll. Inläggen om presentkort kommer inte från oss: klicka "
          .. "inte på länken. Vi har tagit tillbaka kontrollen och tar bort inläggen. Har du lämnat "
          .. "kortuppgifter, ring din bank. Läs mer på https://www.example.se/ekby/kapat-konto",
    },
  },
  -- ord i svaren som stavningskontrollen inte känner till
  words = { "Ekby", "Stortorget", "Torggaraget", "vårmarknaden", "presentkort",
            "kortuppgifter", "tvåfaktorsverifiering" },
}

-- ---- personer ----
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

-- ---- före kapningen ----
post {
  id = "p1", at = "+0m",
  text = "I morgon lördag är det vårmarknad på Stortorget klockan 10-15. Ett 40-tal "
      .. "knallar, lokala odlare och fika. Välkommen! Mer information: " .. MARKNAD,
}

internal {
  id = "i-overlamning", at = "+0m", from = "colleague",
  text = "Hej! Kontoret stängde 16.30 och nu har du beredskapen för kontot i helgen. "
      .. "Inlägget om vårmarknaden är ute. Vanliga frågor kan vänta till måndag, men "
      .. "händer något stort: larma IT-säkerhet, beredskapschefen och pressansvarig, du ska "
      .. "inte sitta ensam. Trevlig helg! /Sofia",
}

-- An everyday question: no target of its own, so the working-day deadline applies
-- (Friday evening: due Monday at the same time).
comment {
  id = "c-parkering", at = "+6m", on = "p1", author = "gunnar",
  text = "Går det att parkera nära torget i morgon, eller är det avstängt?",
  expect = { link = MARKNAD,
             points = {
               { label = "parkera i Torggaraget", say = { "Torggaraget", "garaget" } },
               { label = "gratis på lördag", say = { "gratis", "utan avgift" } },
             },
             need = 1,
             model = "Stortorget är avstängt för bilar under marknaden, men du kan parkera i Torggaraget "
                 .. "intill. Där är det gratis på lördag. Mer information: " .. MARKNAD },
}

-- ---- kapningen ----
hijack {
  id = "hj", at = "+15m",
  notice = "Ny inloggning på kontot Ekby kommun från en okänd enhet (Android, okänd plats). "
      .. "Om det inte var du: byt lösenord och logga ut alla sessioner direkt.",
  posts = {
    "GRATTIS! Som tack för ett fint år ger Ekby kommun alla invånare ett presentkort på "
        .. "2 000 kr. Hämta ditt senast i kväll: " .. FALSK,
    "Ekbyborna är ett gäng gnällspikar som inte förtjänar någon kommun. Vi på kommunen "
        .. "skäms över er. Flytta härifrån om ni inte är nöjda!",
    "SISTA CHANSEN! Bara 200 presentkort kvar. Bekräfta ditt kortnummer här: "
        .. FALSK .. "/bekrafta",
  },
  every = "20m",
  returns_after = "25m",
  steps = { "change_password", "revoke_sessions", "enable_2fa", "remove_access" },
  former = "hampus",
  -- what the post to the followers says once the account is back
  message = {
    points = {
      { label = "vad som har hänt: kontot var kapat", say = { "kapat", "kapats", "kapade", "kapning" } },
      { label = "vad vi har gjort", say = { "tagit tillbaka", "säkrat", "skärpt", "tar bort", "lösenord" } },
      { label = "vad följarna ska göra, var man läser mer", say = { "klicka inte", "bank", "läs mer", "webbplats" } },
    },
    model = "Vårt konto var kapat en stund i kväll. Inläggen om presentkort kom inte från oss: "
        .. "klicka inte på länkarna. Vi har tagit tillbaka kontrollen och tar bort inläggen. Har du "
        .. "lämnat kortuppgifter, ring din bank. Läs mer på " .. INFO,
  },
}

dm {
  id = "d-kort", at = "+32m", author = "lisa",
  text = "Jag fick ett meddelande från er om ett presentkort och fyllde i mitt kortnummer "
      .. "på sidan! Nu är jag jätteorolig. Vad ska jag göra?!",
  expect = { within = "20m", link = BEDRAGERI, rules = { "private_data", "act_fast" },
             points = {
               { label = "ring banken och spärra kortet", say = { "bank", "banken", "spärra" } },
               { label = "meddelandet kom inte från oss", say = { "inte från oss", "kapat", "kapats" } },
             },
             avoid = {
               { label = "spekulerar om vem som ligger bakom", say = { "troligen", "förmodligen", "ryska", "hackare från" } },
               { label = "lovar ersättning", say = { "vi ersätter", "vi lovar", "får pengarna tillbaka" } },
               { label = "ber om kortuppgifter", say = { "skicka ditt kortnummer", "skriv ditt kortnummer", "dina kortuppgifter här" } },
             },
             model = "Jag förstår att du är orolig. Ring din bank direkt och spärra kortet. Meddelandet "
                 .. "kom inte från oss: vårt konto har kapats. Du kan också polisanmäla bedrägeriet. Råd "
                 .. "finns på " .. BEDRAGERI },
}

inquiry {
  id = "q-tidning", at = "+55m", author = "petra", outlet = "Ekby Tidning",
  text = "Hej, Petra Sund på Ekby Tidning. Läsare hör av sig om konstiga inlägg och "
      .. "meddelanden från kommunens konto i kväll. Är kontot kapat, och vad gör ni åt det?",
  expect = { within = "30m", escalate = "press_officer", rules = { "inform_up", "public_record" },
             points = { { label = "pressansvariga Elin kontaktar dig", say = { "pressansvarig", "Elin" } } },
             avoid = { { label = "svarar själv i sak", say = { "troligen", "förmodligen", "vet inte" } } },
             model = "Tack för att du hör av dig. Vår pressansvariga Elin tar frågor från medier och "
                 .. "kontaktar dig inom kort." },
}

comment {
  id = "c-akta", at = "+1h15m", on = "p1", author = "jens",
  text = "Hur ska man veta vilka inlägg som verkligen kommer från kommunen framöver?",
  expect = { within = "30m", link = INFO, rules = "strengthen_message",
             points = {
               { label = "vi ber aldrig om kortuppgifter", say = { "kortuppgifter", "kortnummer", "betaluppgifter" } },
               { label = "vi delar aldrig ut presentkort", say = { "presentkort" } },
               { label = "länkar går till vår egen webbplats", say = { "egen webbplats", "egna webbplats" } },
             },
             need = 1,
             model = "Vi ber aldrig om kortuppgifter och delar inte ut presentkort i sociala medier. Våra "
                 .. "länkar går alltid till vår egen webbplats. Läs mer på " .. INFO },
}

media {
  id = "m-tidning", at = "+1h50m", outlet = "Ekby Tidning",
  title = "Kommunens konto kapat: falska presentkort spreds på fredagskvällen",
  url = "https://www.example.se/ekbytidning/kommunens-konto-kapat",
  text = "Under fredagskvällen skickades meddelanden om falska presentkort från Ekby "
      .. "kommuns konto i sociala medier. Kommunen uppmanar alla som lämnat kortuppgifter "
      .. "att kontakta sin bank.",
  expect = { rules = "public_record" },
}

-- Det ett svar till de oroliga inte får säga.
local UNDVIK = {
  { label = "spekulerar om vem som ligger bakom", say = { "troligen", "förmodligen", "ryska", "hackare från" } },
  { label = "lovar ersättning", say = { "vi ersätter", "vi lovar", "får pengarna tillbaka" } },
  { label = "ber om kortuppgifter", say = { "skicka ditt kortnummer", "skriv ditt kortnummer", "dina kortuppgifter här" } },
}

-- Worried followers on the weekend post: the attacker also sent private messages with the
-- scam link, so the worry starts whether or not an attacker post ever shows.
storm {
  id = "oro", on = "p1", from = "+25m", to = "+2h20m", count = 26,
  curve = { { "+0m", 0.6 }, { "+20m", 1.3 }, { "+1h", 1 }, { "+1h55m", 0.3 } },
  moods = { calm = 1, worried = 4, frustrated = 2, angry = 1, troll = 0.6 },
  texts = {
    -- trollen har inget tema
    troll = {
      "Haha, kommunen kan inte ens hålla koll på ett lösenord.",
      "Presentkort från kommunen, det var det roligaste jag hört.",
    },
  },
  -- Vad kommentarerna handlar om. Nyckelpunkterna och modellsvaren är fakta som scenariot
  -- självt ger ("Fakta för svaren" i beskrivningen och inlägget om vårmarknaden), och ingen
  -- nyckelpunkts fraser står i temats egna texter.
  themes = {
    { id = "presentkort", label = "presentkortet", kind = "rumour", share = 2,
      texts = {
        calm = { "Jag fick ett meddelande från er om presentkort. Stämmer det?" },
        any = { "Jag fick ett meddelande från er om presentkort. Stämmer det?" },
      },
      points = {
        { label = "kommunen delar aldrig ut presentkort", say = { "aldrig ut presentkort", "delar aldrig ut", "delar inte ut" } },
        { label = "kontot är kapat, det kommer inte från oss", say = { "kapat", "kapats", "inte från oss" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Nej, kommunen delar aldrig ut presentkort och ber aldrig om kortuppgifter. Vårt konto "
          .. "har kapats, och meddelandet kommer inte från oss: klicka inte på länken. Läs mer på "
          .. BEDRAGERI },
    { id = "kapat", label = "om kontot är kapat", kind = "question", share = 3,
      texts = {
        worried = { "Är ert konto hackat? Jag har fått ett konstigt meddelande från er.",
                    "Kan man lita på det som står på er sida just nu?" },
        any = { "Är ert konto hackat? Jag har fått ett konstigt meddelande från er." },
      },
      points = {
        { label = "kontot är kapat, det kommer inte från oss", say = { "kapat", "kapats", "inte från oss" } },
        { label = "klicka inte på länken", say = { "klicka inte" } },
        { label = "vi tar bort angriparens inlägg", say = { "tar bort" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Ja, vårt konto har kapats i kväll. Inläggen och meddelandena om presentkort kommer "
          .. "inte från oss, så klicka inte på länken. Vi säkrar kontot och tar bort inläggen. "
          .. "Läs mer på " .. BEDRAGERI },
    { id = "uppgifter", label = "den som har lämnat sina uppgifter", kind = "question", share = 2.5,
      texts = {
        worried = { "Min mamma klickade på länken om presentkortet. Är det farligt?",
                    "Vad ska man göra om man redan har fyllt i sina uppgifter?" },
        any = { "Vad ska man göra om man redan har fyllt i sina uppgifter?" },
      },
      points = {
        { label = "ring banken och spärra kortet", say = { "bank", "banken", "spärra" } },
        { label = "polisanmäl bedrägeriet", say = { "polisanmäl", "polisanmälan" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Den som har lämnat kortuppgifter ska ringa sin bank och spärra kortet, och kan "
          .. "polisanmäla bedrägeriet. Länken kommer inte från oss: vårt konto har kapats. Läs mer "
          .. "på " .. BEDRAGERI },
    { id = "marknaden", label = "vårmarknaden i morgon", kind = "question", share = 1, link = MARKNAD,
      texts = {
        calm = { "Är vårmarknaden kvar i morgon trots allt det här?" },
        any = { "Är vårmarknaden kvar i morgon trots allt det här?" },
      },
      points = {
        { label = "i morgon lördag kl. 10-15 på Stortorget", say = { "lördag", "10-15", "Stortorget" } },
        { label = "Torggaraget är öppet och gratis", say = { "Torggaraget", "gratis" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Ja, vårmarknaden blir av i morgon lördag klockan 10-15 på Stortorget. Inläggen om "
          .. "presentkort kommer inte från oss. Torggaraget intill är öppet "
          .. "och gratis. Läs mer på " .. MARKNAD },
    { id = "ansvar", label = "kommunens ansvar för kontot", kind = "complaint", share = 2,
      texts = {
        frustrated = { "Varför säger ni ingenting? Folk blir lurade hela kvällen.",
                       "Hur kan en kommun ha så dålig säkerhet på sitt konto?" },
        angry = { "Det är skandal att kommunens konto sprider bedrägerier. Vem tar ansvar?",
                  "Jag har blivit av med pengar på grund av er. Vad tänker ni göra?" },
        any = { "Varför säger ni ingenting? Folk blir lurade hela kvällen." },
      },
      points = {
        { label = "kontot är kapat, det kommer inte från oss", say = { "kapat", "kapats", "inte från oss" } },
        { label = "vi tar bort inläggen", say = { "tar bort", "tvåfaktor" } },
        { label = "ring banken om du har lämnat uppgifter", say = { "bank", "banken", "spärra" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Jag förstår att du är arg, och vi beklagar. Vårt konto har kapats, och inläggen kommer "
          .. "inte från oss. Vi tar bort dem. Har du lämnat kortuppgifter, ring din bank och spärra "
          .. "kortet. Läs mer på " .. BEDRAGERI },
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
    text = "Är det här på riktigt? Min pappa har redan fyllt i sina kortuppgifter.",
    expect = { within = "20m", link = BEDRAGERI, rules = "act_fast",
                 points = {
                   { label = "nej, kontot är kapat", say = { "kapat", "kapats", "inte från oss" } },
                   { label = "ring banken och spärra kortet", say = { "bank", "banken", "spärra" } },
                 },
                 avoid = {
                   { label = "spekulerar om vem som ligger bakom", say = { "troligen", "förmodligen", "ryska", "hackare från" } },
                   { label = "lovar ersättning", say = { "vi ersätter", "vi lovar", "får pengarna tillbaka" } },
                   { label = "ber om kortuppgifter", say = { "skicka ditt kortnummer", "skriv ditt kortnummer", "dina kortuppgifter här" } },
                 },
                 model = "Nej, inlägget kommer inte från oss: vårt konto har kapats. Be din pappa ringa sin "
                     .. "bank direkt och spärra kortet. Råd finns på " .. BEDRAGERI } },
  { author = "jens", after = 4,
    text = "Adressen ser konstig ut, brukar inte kommunens sidor ligga på example.se/ekby?",
    expect = { within = "20m", link = INFO,
                 points = {
                   { label = "inlägget är falskt", say = { "falskt", "bedrägeri", "inte från oss" } },
                   { label = "kontot har kapats", say = { "kapat", "kapats" } },
                 },
                 avoid = {
                   { label = "spekulerar om vem som ligger bakom", say = { "troligen", "förmodligen", "ryska", "hackare från" } },
                   { label = "lovar ersättning", say = { "vi ersätter", "vi lovar", "får pengarna tillbaka" } },
                   { label = "ber om kortuppgifter", say = { "skicka ditt kortnummer", "skriv ditt kortnummer", "dina kortuppgifter här" } },
                 },
                 model = "Ja, du har rätt. Inlägget är falskt och kommer inte från oss: vårt konto har "
                     .. "kapats. Klicka inte på länken. Läs mer på " .. INFO } },
}
local on_offensive = {
  { author = "bertil", after = 2,
    text = "Vad i hela friden skriver ni?! Jag har bott i Ekby i 40 år. Skäms!",
    expect = { within = "20m", link = INFO, class = "dissatisfied", fault = "delete",
                 points = {
                   { label = "kontot är kapat, inlägget är inte vårt", say = { "kapat", "kapats", "inte från oss" } },
                   { label = "vi tar bort inlägget", say = { "tar bort", "tagit bort", "raderat" } },
                 },
                 need = 1,
                 avoid = {
                   { label = "spekulerar om vem som ligger bakom", say = { "troligen", "förmodligen", "ryska", "hackare från" } },
                   { label = "lovar ersättning", say = { "vi ersätter", "vi lovar", "får pengarna tillbaka" } },
                   { label = "ber om kortuppgifter", say = { "skicka ditt kortnummer", "skriv ditt kortnummer", "dina kortuppgifter här" } },
                 },
                 model = "Jag förstår att du blir upprörd, och vi ber om ursäkt. Vårt konto har kapats, och "
                     .. "inlägget kommer inte från oss. Vi tar bort det och har skärpt säkerheten. Läs mer på "
                     .. INFO } },
  { author = "fatima", after = 3,
    text = "Har någon kapat kontot? Det här kan väl inte kommunen ha skrivit?",
    expect = { within = "20m", link = INFO,
                 points = {
                   { label = "vi tar bort inlägget", say = { "tar bort", "tagit bort", "raderat" } },
                   { label = "säkerheten är skärpt", say = { "skärpt", "lösenord", "tvåfaktor" } },
                 },
                 need = 1,
                 avoid = {
                   { label = "spekulerar om vem som ligger bakom", say = { "troligen", "förmodligen", "ryska", "hackare från" } },
                   { label = "lovar ersättning", say = { "vi ersätter", "vi lovar", "får pengarna tillbaka" } },
                   { label = "ber om kortuppgifter", say = { "skicka ditt kortnummer", "skriv ditt kortnummer", "dina kortuppgifter här" } },
                 },
                 model = "Ja, vårt konto har tyvärr kapats i kväll, och inlägget kommer inte från oss. Vi "
                     .. "tar bort det och har skärpt säkerheten på kontot. Läs mer på " .. INFO } },
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
      and "Vi har sett ett larm om inloggning på kommunens konto från en okänd enhet, men "
          .. "ingen har hört av sig till oss. Larma oss direkt nästa gång! "
      or "Tack för larmet, vi tittar på inloggningen. "
  inject {
    kind = "internal", id = "i-it", at = "+3m", from = "it_security",
    text = opening .. "Byt lösenord och logga ut alla sessioner först, slå sedan på "
        .. "tvåfaktorsverifiering. Obs: Hampus Lind slutade i januari men är fortfarande "
        .. "administratör för kontot. Ta bort hans behörighet, annars står dörren öppen. "
        .. "Kvittera när det är gjort. /Amir, IT-säkerhet",
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
      text = "Angriparen är inne igen. Ett nytt lösenord räcker inte: utan "
          .. "tvåfaktorsverifiering och så länge Hampus Linds behörighet finns kvar kommer "
          .. "de tillbaka. Byt lösenord, logga ut alla sessioner och täpp till resten nu. "
          .. "Kvittera. /Amir",
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
    text = "Tack för att ni berättar vad som har hänt! Då vet vi att vi inte ska klicka.",
    expect = { class = "thanks", within = "1h", weight = 0.5,
               model = "Tack själv! Dela gärna vidare, så att fler vet att de inte ska klicka." },
  }
end)

-- Nobody at the office: the on-call manager wants to know (once, if not yet informed).
when(function(s)
  return s.minute >= 45 and not s.escalated.manager
end, function(s)
  inject {
    kind = "internal", id = "i-chef", from = "manager",
    text = "Hej, det är Maria, beredskapschef i helgen. IT säger att vårt konto är kapat. "
        .. "Varför har jag inte fått något larm? Håll mig informerad, nu. Kvittera.",
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
    text = "Hej, Sofia här. Jag är hemma men ser att det brinner i kommentarerna. Vill du "
        .. "att jag hoppar in och svarar? Säg till, du ska inte sitta ensam med det här.",
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
    text = "Nu försvann en kommentar här. Tar ni bort kritik i stället för att svara?",
    expect = { within = "20m", class = "dissatisfied", fault = "delete",
               rules = { "response_model", "public_record" },
               points = {
                 { label = "saklig kritik får stå kvar", say = { "saklig kritik", "stå kvar", "ligga kvar" } },
                 { label = "bara angriparens inlägg, hot och personuppgifter tas bort", say = { "angriparens", "hot", "personuppgifter" } },
               },
               avoid = { { label = "skyller på någon annan", say = { "inte vårt fel", "kollegans fel", "någon annans fel" } } },
               model = "Jag förstår att du reagerar, och du har rätt att fråga. Saklig kritik ska stå kvar hos "
                   .. "oss. Vi tar bara bort angriparens inlägg, hot och personuppgifter. Läs mer på " .. INFO },
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
    text = "Det här inlägget ligger fortfarande kvar och folk delar det. Är det ni som "
        .. "skrivit det här?"
  elseif #attacker_posts >= 2 then
    text = "En kompis skickade en skärmdump på ett inlägg från ert konto om presentkort och "
        .. "ett där Ekbyborna kallas gnällspikar. Är det ni som skrivit det här?"
  elseif #attacker_posts == 1 then
    text = "En kompis skickade en skärmdump på ett inlägg från ert konto om presentkort på "
        .. "2 000 kr. Är det ni som skrivit det här?"
  else
    text = "Jag fick ett meddelande från ert konto om ett presentkort på 2 000 kr och en "
        .. "länk. Är det ni som skrivit det här?"
  end
  inject {
    kind = "comment", id = "c-fraga", on = target, author = "karin", text = text,
    expect = { within = "20m", link = INFO, weight = 2,
               rules = { "answer_questions", "public_record", "silent_audience" },
               points = {
                 { label = "nej, kontot var kapat", say = { "kapat", "kapats", "kapade" } },
                 { label = "vi har tagit tillbaka kontrollen", say = { "tagit tillbaka", "tillbaka kontrollen", "säkrat" } },
               },
               avoid = {
                 { label = "spekulerar om vem som ligger bakom", say = { "troligen", "förmodligen", "ryska", "hackare från" } },
                 { label = "lovar ersättning", say = { "vi ersätter", "vi lovar", "får pengarna tillbaka" } },
                 { label = "ber om kortuppgifter", say = { "skicka ditt kortnummer", "skriv ditt kortnummer", "dina kortuppgifter här" } },
               },
               model = "Nej, det är inte vi. Vårt konto kapades i kväll, och någon annan skrev inläggen. "
                   .. "Vi har tagit tillbaka kontrollen över kontot och tar bort inläggen. Läs mer på " .. INFO },
  }
end)

-- ---- svarsmallar (qa_templates) ----
template { id = "kapat", title = "Kapat konto: svar till orolig följare",
  text = "Hej [namn]!\nTack för att du säger till. Vårt konto har varit kapat i kväll och "
      .. "inläggen om presentkort kommer inte från oss. Klicka inte på länken. [mer]\n"
      .. "Läs mer på " .. INFO .. "\nVänliga hälsningar,\n[ditt namn]" }
template { id = "kortuppgifter", title = "Har lämnat kortuppgifter",
  text = "Hej [namn]!\nJag förstår att du är orolig. Ring din bank direkt och spärra kortet, "
      .. "och skriv inga kortuppgifter här. Råd om bedrägerier finns på " .. BEDRAGERI
      .. "\nVänliga hälsningar,\n[ditt namn]" }
template { id = "press", title = "Till journalist: pressansvarig återkommer",
  text = "Hej [namn]!\nTack för att du hör av dig. Vår pressansvariga [pressansvarig] "
      .. "kontaktar dig inom kort.\nVänliga hälsningar,\n[ditt namn]" }

-- ---- förberedda inspel för övningsledaren (Shift+F9) ----
prepared { kind = "comment", author = "fatima", on = "p1",
  text = "Jag har precis fått ett sms om samma presentkort. Är det också från er?",
  expect = { within = "20m", link = BEDRAGERI,
    points = {
      { label = "nej, sms:et kommer inte från oss", say = { "inte från oss", "inte vi" } },
      { label = "klicka inte, ring banken om du lämnat uppgifter", say = { "klicka inte", "bank", "banken" } },
    },
    avoid = {
      { label = "spekulerar om vem som ligger bakom", say = { "troligen", "förmodligen", "ryska", "hackare från" } },
      { label = "lovar ersättning", say = { "vi ersätter", "vi lovar", "får pengarna tillbaka" } },
      { label = "ber om kortuppgifter", say = { "skicka ditt kortnummer", "skriv ditt kortnummer", "dina kortuppgifter här" } },
    },
    model = "Nej, sms:et kommer inte från oss. Klicka inte på länken och lämna inga uppgifter. "
        .. "Har du redan lämnat kortuppgifter, ring din bank. Läs mer på " .. BEDRAGERI } }
prepared { kind = "internal", from = "press_officer",
  text = "Hej, Elin pressansvarig. Radio Ekby vill ha en kommentar om det kapade kontot "
      .. "inom en halvtimme. Ge mig en lägesbild: vad har hänt och vad har ni gjort? Kvittera.",
  expect = { answer = true, within = "15m", rules = "inform_up" } }
