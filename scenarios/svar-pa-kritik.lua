-- Svar på kritik: a short drill on the response model (responsmodellen).
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
-- facts the description gives ("Fakta"), and their phrases are words only a reply that
-- gives the fact contains, never words of the question. A model answer is the reply's body
-- only: "Hej <förnamn>!" and "Vänliga hälsningar, <namn>" are added around it.

local PARKERING = "https://www.example.se/ekby/parkering"
local CYKELGARAGE = "https://www.example.se/ekby/cykelgarage-stationen"
local KONTAKT = "https://www.example.se/ekby/kontakt-parkering"

scenario {
  id = "svar-pa-kritik",
  platform = "facebook",
  title = "Svar på kritik: responsmodellen på en kvart",
  language = "sv",
  description = [[
Tisdag eftermiddag. Ekby kommun har just berättat att det blir avgift på
infartsparkeringen vid Ekby station och på parkeringarna i Ekby centrum från den 4 maj.
Kommentarerna kommer tätt: frågor, missförstånd, berättigad kritik, missnöje, troll och
kommentarer som inte får ligga kvar. Fakta: 10 kronor i timmen, första timmen gratis i
centrum, månadskort för pendlare 300 kronor, avgift alla dagar kl. 7-19, alla 300
platserna vid stationen finns kvar, och intäkterna går till ett cykelgarage vid
stationen som byggs i sommar och öppnar i oktober. Butikernas egna parkeringar berörs
inte. Garaget får plats för 400 cyklar och betalas av parkeringsavgifterna, inte av
skattepengar. I februari beslutade nämnden att avgiften börjar redan i maj, eftersom
intäkterna ska betala bygget. I höst byggs tio laddplatser för elbilar på
infartsparkeringen. Med parkeringstillstånd för rörelsehindrade och med motorcykel på
MC-platserna parkerar man utan avgift. Skyltarna vid stationen sattes upp för tidigt: den
som har betalat innan den 4 maj får pengarna tillbaka genom kommunens kontaktcenter.]],
  aim = [[
Öva responsmodellen: klassa varje kritisk kommentar och välj rätt beslut snabbt. Svara
på frågor med länk, rätta missförstånd sakligt, bekräfta och bemöt berättigad kritik,
svara allmänt och länka vid missnöje, bevaka troll i stället för att mata dem, dölj och
anmäl hot och personuppgifter (hot lämnar du också till juristerna), hänvisa upprepade
frågor till ditt tidigare svar och flytta enskilda ärenden till ärendehanteringen. Radera
eller dölj aldrig saklig kritik.]],
  role = "Redaktör för sociala medier, Ekby kommun",
  start = "2026-03-24 13:00", -- a Tuesday
  duration = "1h",
  compression = 4,            -- one simulated hour in 15 real minutes
  slot = "30m",                -- the workshop slot: 15 minutes, briefing and debrief
  seed = 2403,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
  max_words = 80,
  scoring = {
    -- a drill on judgement: the response model weighs most
    weights = { speed = 0.3, tone = 0.3, escalation = 0.4 },
    crisis = false,
  },
  -- ord i svaren som stavningskontrollen inte känner till
  words = { "Ekby", "infartsparkeringen", "cykelgaraget", "laddplatser", "MC-platserna",
            "parkeringsavgifterna", "köpcentrumets" },
}

-- ---- personer ----
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

-- ---- inlägget ----
post {
  id = "p1", at = "+0m",
  image = "parkering.png",
  image_alt = "Infartsparkeringen vid Ekby station med cykelgaraget",
  link = { url = PARKERING, title = "Avgift på infartsparkeringen från 4 maj", site = "ekby.se" },
  text = "Från den 4 maj blir det avgift på infartsparkeringen vid Ekby station och på "
      .. "kommunens parkeringar i Ekby centrum: 10 kronor i timmen, alla dagar kl. 7-19. "
      .. "Intäkterna går till ett nytt cykelgarage vid stationen. Läs mer: " .. PARKERING,
}

-- ---- kommentarerna, en klass i taget ----

-- question: svara, med länk
comment {
  id = "k-helg", at = "+2m", on = "p1", author = "eva",
  text = "Gäller avgiften på helgerna också?",
  expect = { within = "15m", link = PARKERING, class = "question", ok = "reply",
             fault = { "delete", "hide" }, rules = "answer_questions",
             points = {
               { label = "ja, alla dagar", say = { "alla dagar", "söndag", "varje dag" } },
               { label = "klockan 7-19", say = { "7-19", "klockan 7" } },
             },
             avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
             model = "Ja, avgiften gäller alla dagar, även lördag och söndag, klockan 7-19. I "
                 .. "centrum är första timmen gratis. Läs mer på " .. PARKERING },
}

-- misunderstanding: bekräfta (arg), rätta fakta, länka
comment {
  id = "k-50kr", at = "+5m", on = "p1", author = "tommy",
  text = "50 kronor i timmen för att handla i centrum?! Ni är inte kloka.",
  expect = { within = "15m", link = PARKERING, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = { "delete", "hide" },
             rules = "response_model",
             points = {
               { label = "10 kronor i timmen", say = { "10 kronor", "10 kr", "tio kronor" } },
               { label = "första timmen gratis", say = { "första timmen", "gratis" } },
             },
             avoid = { { label = "hånar", say = { "läs inlägget", "kan inte läsa", "inte kloka" } } },
             model = "Jag förstår att det låter dyrt, men avgiften är 10 kronor i timmen. I centrum är "
                 .. "första timmen gratis. Läs mer på " .. PARKERING },
}

-- troll: bevaka
comment {
  id = "k-andas", at = "+8m", on = "p1", author = "kalle",
  text = "Nästa steg: avgift för att andas i Ekby 😂😂",
  expect = { class = "troll", ok = { "monitor", "hide", "report" }, rules = "response_model" },
}

-- justified_criticism: bekräfta först, svara sakligt
comment {
  id = "k-samrad", at = "+11m", on = "p1", author = "gunnel",
  text = "På samrådsmötet i höstas sa ni att avgiften skulle komma först när cykelgaraget "
      .. "var klart. Nu börjar den i maj och garaget är inte ens påbörjat. Varför?",
  expect = { within = "15m", link = CYKELGARAGE, class = "justified_criticism", ok = "reply",
             fault = { "delete", "hide" }, rules = { "response_model", "acknowledge" },
             points = {
               { label = "garaget byggs i sommar och öppnar i oktober", say = { "oktober", "i sommar" } },
               { label = "intäkterna ska betala bygget", say = { "intäkter", "betala bygget", "finansiera" } },
             },
             avoid = {
               { label = "skyller på politikerna", say = { "politikernas fel", "inte vårt fel", "nämndens fel" } },
               { label = "förnekar det som sades", say = { "har aldrig sagt", "stämmer inte" } },
             },
             model = "Jag förstår att du är besviken, och du har rätt i att det sades så på samrådet. I "
                 .. "februari beslutade nämnden att börja i maj, eftersom intäkterna ska betala bygget. "
                 .. "Garaget byggs i sommar och öppnar i oktober. Läs mer på " .. CYKELGARAGE },
}

-- dissatisfied: svara allmänt och länka, ingen debatt
comment {
  id = "k-typiskt", at = "+14m", on = "p1", author = "stefan",
  text = "Typiskt Ekby. Allt ska kosta.",
  expect = { within = "15m", link = PARKERING, class = "dissatisfied", ok = "reply",
             fault = { "delete", "hide" }, rules = { "implicit_question", "response_model" },
             points = {
               { label = "intäkterna går till cykelgaraget", say = { "cykelgarage", "cykelgaraget" } },
               { label = "första timmen gratis", say = { "första timmen", "gratis" } },
             },
             need = 1,
             avoid = { { label = "debatterar", say = { "du har fel", "stämmer inte", "inte alls" } } },
             model = "Jag förstår att fler avgifter känns tråkigt. Intäkterna går till ett nytt cykelgarage "
                 .. "vid stationen, och i centrum är första timmen gratis. Läs mer på " .. PARKERING },
}

-- illegal: ett hot, dölj och anmäl, och lämna det till juristerna (polisanmälan) inom en kvart
comment {
  id = "k-hot", at = "+17m", on = "p1", author = "ronny",
  text = "Kommunalrådet som drev igenom det här ska akta sig när hon går hem från jobbet. "
      .. "Vi vet var hon bor.",
  expect = { answer = false, class = "illegal", ok = { "hide", "report" },
             fault = { "delete", "monitor", "reply" }, escalate = "legal",
             within = "15m", weight = 2, rules = { "response_model", "act_fast" } },
}

-- misunderstanding: rätta fakta
comment {
  id = "k-platser", at = "+20m", on = "p1", author = "amir",
  text = "Försvinner parkeringsplatserna vid stationen när cykelgaraget byggs? Jag måste ta "
      .. "bilen till tåget, det finns ingen buss där jag bor.",
  expect = { within = "15m", link = CYKELGARAGE, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = { "delete", "hide" },
             rules = "response_model",
             points = {
               { label = "alla 300 platser finns kvar", say = { "300 platser", "finns kvar", "alla platser" } },
               { label = "månadskort för pendlare", say = { "månadskort" } },
             },
             need = 1,
             avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
             model = "Nej, alla 300 platser vid stationen finns kvar när garaget byggs. Pendlar du varje "
                 .. "dag finns ett månadskort för 300 kronor. Läs mer på " .. CYKELGARAGE },
}

-- question again: hänvisa till ditt tidigare svar
comment {
  id = "k-lordag", at = "+23m", on = "p1", author = "lisa",
  text = "Kostar det att parkera på lördagar?",
  repeat_of = "k-helg",
  expect = { within = "15m", link = PARKERING, class = "question", fault = { "delete", "hide" },
             points = {
               { label = "ja, alla dagar", say = { "alla dagar", "söndag", "varje dag" } },
               { label = "klockan 7-19", say = { "7-19", "klockan 7" } },
             },
             avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
             model = "Vi har svarat längre upp i tråden: ja, avgiften gäller alla dagar, även "
                 .. "söndag, klockan 7-19. Läs mer på " .. PARKERING },
}

-- justified_criticism and an individual case: bekräfta, flytta ärendet
comment {
  id = "k-skylt", at = "+26m", on = "p1", author = "bjorn",
  text = "Skyltarna vid stationen säger redan att det är avgift, fast den börjar i maj. Jag "
      .. "betalade 40 kronor i onödan i morse. Vem ger mig pengarna tillbaka?",
  expect = { within = "15m", link = KONTAKT, class = "justified_criticism", ok = "reply",
             fault = { "delete", "hide" }, escalate = "case_handling",
             rules = { "response_model", "move_case" },
             points = {
               { label = "skyltarna sattes upp för tidigt", say = { "för tidigt", "misstag" } },
               { label = "du får ersättning", say = { "ersättning", "ersätter", "ersatt" } },
             },
             channel = "contact_centre",
             avoid = {
               { label = "skyller på någon annan", say = { "leverantörens fel", "inte vårt fel", "entreprenörens fel" } },
               { label = "ber om uppgifter i kommentarerna", say = { "kortnummer", "personnummer", "ditt kvitto" } },
             },
             model = "Jag förstår att du är irriterad. Skyltarna sattes upp för tidigt, och det är vårt "
                 .. "misstag. Kontakta vårt kontaktcenter på " .. KONTAKT .. " så får du ersättning." },
}

-- troll: bevaka
comment {
  id = "k-skamt", at = "+29m", on = "p1", author = "zlatko",
  text = "Kommunen är ett enda stort skämt. Lägg ner hela skiten.",
  expect = { class = "troll", ok = { "monitor", "hide", "report" }, rules = "response_model" },
}

-- illegal: någon annans personuppgifter, dölj och anmäl
comment {
  id = "k-vakt", at = "+32m", on = "p1", author = "leif",
  text = "Parkeringsvakten som bötfällde min fru i går heter Jimmy Karlsson och har nummer "
      .. "070-174 06 88. Ring honom och säg vad ni tycker!",
  expect = { answer = false, class = "illegal", ok = { "hide", "report" },
             fault = { "monitor", "reply" }, rules = { "response_model", "private_data" } },
}

-- dissatisfied: svara allmänt och länka
comment {
  id = "k-skatt", at = "+35m", on = "p1", author = "marie",
  text = "Slöseri med skattepengar på ett cykelgarage som ingen har bett om.",
  expect = { within = "15m", link = CYKELGARAGE, class = "dissatisfied", ok = "reply",
             fault = { "delete", "hide" }, rules = { "implicit_question", "response_model" },
             points = {
               { label = "betalas av avgifterna", say = { "avgifter", "avgifterna", "parkeringsavgifterna", "intäkterna" } },
               { label = "plats för 400 cyklar", say = { "400 cyklar" } },
             },
             need = 1,
             avoid = { { label = "debatterar", say = { "du har fel", "stämmer inte", "inte alls" } } },
             model = "Jag förstår att du tycker så. Garaget betalas av parkeringsavgifterna och får plats för "
                 .. "400 cyklar, så att fler kan cykla till tåget. Läs mer på " .. CYKELGARAGE },
}

-- question: svara och förstärk budskapet
comment {
  id = "k-laddning", at = "+38m", on = "p1", author = "johan",
  text = "Blir det laddplatser för elbilar på infartsparkeringen?",
  expect = { within = "15m", link = PARKERING, class = "question", ok = "reply",
             fault = { "delete", "hide" }, rules = { "answer_questions", "strengthen_message" },
             points = { { label = "tio laddplatser i höst", say = { "tio laddplatser", "10 laddplatser", "i höst" } } },
             avoid = { { label = "lovar mer än beslutat", say = { "vi lovar", "garanterar" } } },
             model = "Ja, i höst bygger vi tio laddplatser för elbilar på infartsparkeringen. Läs mer på "
                 .. PARKERING },
}

-- misunderstanding: rätta fakta
comment {
  id = "k-butik", at = "+41m", on = "p1", author = "sofia",
  text = "Så nu kan man inte ens handla på köpcentrumet utan att betala? Butikernas "
      .. "parkering blir väl också avgift då.",
  expect = { within = "15m", link = PARKERING, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = { "delete", "hide" },
             rules = "response_model",
             points = {
               { label = "butikernas egna parkeringar berörs inte", say = { "berörs inte", "gäller inte", "egna parkeringar", "bara kommunens" } },
               { label = "första timmen gratis", say = { "första timmen", "gratis" } },
             },
             need = 1,
             model = "Jag förstår att det blev oklart. Avgiften gäller bara kommunens parkeringar, så "
                 .. "butikernas egna parkeringar berörs inte. I centrum är första timmen gratis. Läs mer på "
                 .. PARKERING },
}

-- justified_criticism: inlägget glömde en grupp
comment {
  id = "k-tillstand", at = "+44m", on = "p1", author = "nora",
  text = "Inlägget säger ingenting om oss som har parkeringstillstånd för rörelsehindrade. "
      .. "Det är väl det första ni borde ha tänkt på?",
  expect = { within = "15m", link = PARKERING, class = "justified_criticism", ok = "reply",
             fault = { "delete", "hide" },
             rules = { "response_model", "acknowledge", "strengthen_message" },
             points = { { label = "parkerar utan avgift", say = { "utan avgift", "gratis", "avgiftsfritt", "kostar inget" } } },
             model = "Jag förstår att du reagerar, och du har rätt: det borde ha stått i inlägget. Med "
                 .. "parkeringstillstånd för rörelsehindrade parkerar du utan avgift på kommunens platser. "
                 .. "Läs mer på " .. PARKERING },
}

internal {
  id = "i-chef", at = "+50m", from = "manager",
  text = "Hej! Hur går det i kommentarerna om parkeringen? Har du behövt dölja eller anmäla "
      .. "något? Kvittera, så pratar vi efter passet. /Anders",
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
      text = "Okej, 10 kronor och första timmen gratis är en annan sak. Tack.",
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
    text = "Haha, kommunen svarar till och med mig! Vad kostar det att skratta då? 😂",
    expect = { class = "troll", ok = { "monitor", "hide", "report" }, rules = "response_model" },
  }
  inject {
    kind = "reply", id = a.item .. "-fler", at = "+4m", on = a.item, author = second_troll[a.item],
    text = "Kör hårt, snart tar de betalt för att läsa kommentarerna också.",
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
    text = "Finns det något månadskort för oss som pendlar varje dag?",
    expect = { within = "15m", link = PARKERING, class = "question", ok = "reply",
               fault = { "delete", "hide" }, rules = "answer_questions",
               points = { { label = "månadskort för 300 kronor", say = { "300 kronor", "300 kr" } } },
               model = "Ja, ett månadskort för pendlare kostar 300 kronor och gäller på infartsparkeringen "
                   .. "vid stationen. Läs mer på " .. PARKERING },
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
    text = "Var tog " .. c.first .. "s kommentar vägen? Tar kommunen bort kritik nu?",
    expect = { within = "15m", link = PARKERING, class = "justified_criticism", ok = "reply",
               fault = { "delete", "hide" }, rules = "response_model",
               points = {
                 { label = "saklig kritik får stå kvar", say = { "saklig kritik", "stå kvar", "ligga kvar" } },
                 { label = "bara hot, hat och personuppgifter tas bort", say = { "hot", "hat", "personuppgifter" } },
               },
               avoid = { { label = "skyller på någon annan", say = { "inte vårt fel", "kollegans fel", "någon annans fel" } } },
               model = "Jag förstår att du reagerar, och du har rätt att fråga. Saklig kritik ska stå kvar "
                   .. "hos oss. Vi tar bara bort hot, hat och personuppgifter. Läs mer på " .. PARKERING },
  }
  inject {
    kind = "internal", id = "i-censur", at = "+3m", from = "manager",
    text = "Jag såg att en kritisk kommentar togs bort. Vi är en myndighet: vi raderar eller "
        .. "döljer inte saklig kritik, vi bemöter den. Dölj bara hot, hat och "
        .. "personuppgifter. Kvittera. /Anders",
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
    text = "Varför får hotet mot kommunalrådet ligga kvar här? Det är obehagligt att läsa.",
    expect = { within = "15m", class = "justified_criticism", ok = "reply",
               fault = { "delete", "hide" }, rules = "response_model",
               points = { { label = "kommentaren döljs och anmäls", say = { "döljer", "dolt", "anmäler", "anmält", "polisanmäl" } } },
               model = "Du har rätt, hot ska inte ligga kvar här. Vi döljer kommentaren och anmäler den. "
                   .. "Tack för att du säger till." },
  }
  inject {
    kind = "internal", id = "i-hot", at = "+1m", from = "manager",
    text = "Hotet mot kommunalrådet ligger fortfarande synligt. Dölj det och anmäl det till "
        .. "plattformen nu, och lämna det vidare till juristerna så att de kan polisanmäla. "
        .. "/Anders",
    expect = { answer = true, within = "10m", escalate = "legal", rules = "response_model" },
  }
end)

-- Falling behind: a colleague offers to help.
when(function(s)
  return s.waiting >= 5 and not s.escalated.colleague_backup
end, function(s)
  inject {
    kind = "internal", id = "i-kollega", from = "colleague",
    text = "Hej! Det ser ut att komma många kommentarer på parkeringsinlägget. Vill du att "
        .. "jag hoppar in och tar några? Eskalera till mig, så börjar jag. /Sofia",
    expect = { answer = true, within = "10m", escalate = "colleague_backup",
               rules = "get_backup" },
  }
end)

-- ---- svarsmallar (qa_templates) ----
template { id = "ratta", title = "Missförstånd: rätta fakta",
  text = "Hej [namn]!\n[bekräfta om personen är upprörd]. Det stämmer inte riktigt: [rätt "
      .. "fakta]. Läs mer på " .. PARKERING .. "\nVänliga hälsningar,\n[ditt namn]" }
template { id = "kritik", title = "Berättigad kritik: bekräfta och svara",
  text = "Hej [namn]!\nTack för att du tar upp det, du har en poäng. [vad vi gör]. "
      .. "[länk]\nVänliga hälsningar,\n[ditt namn]" }
template { id = "allmant", title = "Missnöje: allmänt svar med länk",
  text = "Hej [namn]!\nJag förstår att alla inte tycker om avgiften. Intäkterna går till ett "
      .. "cykelgarage vid stationen, och du kan läsa mer om beslutet på " .. PARKERING
      .. "\nVänliga hälsningar,\n[ditt namn]" }

-- ---- för övningsledaren (F9 / Skift+F9) ----
prepared { kind = "comment", author = "johan", on = "p1",
  text = "Gäller avgiften för motorcyklar också?",
  expect = { within = "15m", link = PARKERING, class = "question", ok = "reply",
             fault = { "delete", "hide" },
             points = { { label = "motorcyklar utan avgift på MC-platserna", say = { "utan avgift", "gratis", "MC-platser" } } },
             model = "Nej, motorcyklar parkerar utan avgift på de särskilda MC-platserna. Läs mer på "
                 .. PARKERING } }
prepared { kind = "comment", author = "kalle", on = "p1",
  text = "Haha, kommunen ska tydligen ta betalt för luften också. Skratta eller gråt 🤡",
  expect = { class = "troll", ok = { "monitor", "hide", "report" }, rules = "response_model" } }
