-- Förtroendekris: a leaked audit about mould at a school (a trust crisis).
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
--   * A reply that sounds defensive or contradicts the facts ("stämmer inte", "ingen
--     fara", "lögner" ...): a screenshot spreads, the paper quotes it and asks how it fits
--     the audit (public_record).
--   * Deleting or hiding a resident's criticism: someone notices, accuses the municipality
--     of censorship, and the paper asks about it.
--   * A reply to the former teacher's justified criticism gets a short thank-you back.
--   * Falling behind: the manager insists on a colleague as backup; many overdue comments
--     bring "Hallå, svarar ni inte?" follow-ups and a faster storm.
--
-- Three simulated hours at compression 3: one hour of real time. Everything is
-- fictional: Ekby kommun, the school, the people, the outlets and the addresses.
--
-- What a good reply says (expect.points, refer, channel, avoid, model): the key points are
-- facts the scenario itself gives (the manager's and the press officer's messages and
-- "Fakta för svaren" in the description), and their phrases are words only a reply that
-- gives the fact contains, never words of the question. A model answer is the reply's body
-- only: "Hej <förnamn>!" and "Vänliga hälsningar, <namn>" are added around it. The claims
-- to avoid follow the press officer's line: no speculation about health or blame, no
-- promises about responsibility or compensation, nothing defensive.

local FAKTA = "https://www.example.se/ekby/bjorkangsskolan"
local ARTIKEL = "https://www.example.se/ekbytidning/mogel-bjorkangsskolan"
local SOMMARLOV = "https://www.example.se/ekby/sommarlov"
local KONTAKT = "https://www.example.se/ekby/kontakta-skolan"

scenario {
  id = "fortroendekris",
  title = "Förtroendekris: läckt granskning om mögel på Björkängsskolan",
  language = "sv",
  description = [[
Onsdag morgon. Ekby Tidning publicerar en läckt granskning från kommunens revisorer:
personalen på Björkängsskolan anmälde fukt och mögel i B-flygeln både 2023 och 2024, men
åtgärderna sköts upp. Kommunens rutininlägg om sommarlovsaktiviteter fylls av kritiska,
oroliga och misstänksamma kommentarer, journalister hör av sig, och chefen och
pressansvarig vill att kommunen visar handling. Förvaltningschefen har fattat beslut i
morse: B-flygeln stängs i dag, klasserna flyttar till paviljonger från måndag, en
oberoende fuktutredning beställs och vårdnadshavare bjuds in till informationsmöte. Allt
samlas på kommunens faktasida om skolan.

Fakta för svaren: bara B-flygeln stängs; skolan rivs inte, och förskoleklassen och
A-flygeln berörs inte. Klasserna flyttar tillsammans till paviljonger vid Ekby sporthall
från måndag och har distansundervisning torsdag och fredag. Från måndag går en skolbuss
från Björkängsskolan till paviljongerna varje morgon kl. 7.45 och tillbaka efter
skoldagen. Revisorernas granskning tas upp i kommunfullmäktige i april. Frågor om ett
barns hälsa tar skolsköterskan, som nås via skolans kontaktsida. Anställda med besvär kan
prata med företagshälsovården i förtroende; HR förmedlar kontakten. Alla frågor från
medier går till pressansvariga Elin.]],
  aim = [[
Hantera en förtroendekris i sociala medier enligt riktlinjen: visa handling tidigt (ett
uttalande inom 30 minuter från att krisen startar), ta in chef och kollega som backup,
håll pressansvarig informerad och lämna alla mediefrågor till henne, var aktiv och snabb
i kommentarsfältet, svara konsekvent med samma fakta och samma länk, bekräfta oro och
ilska först, flytta enskilda ärenden till ärendehanteringen, och välj rätt beslut enligt
responsmodellen: rätta missförstånd, bemöt berättigad kritik, bevaka troll, dölj och
anmäl hot och personuppgifter, radera aldrig saklig kritik.]],
  role = "Redaktör för sociala medier, Ekby kommun",
  start = "2026-03-25 08:00", -- a Wednesday
  duration = "3h",
  compression = 3,            -- 3 simulated hours in one real hour: a person can keep up (issue 13)
  slot = "1h30m",            -- the workshop slot: the hour, briefing and debrief
  seed = 2503,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
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
        { label = "vad som har hänt: fukt och mögel i B-flygeln", say = { "mögel", "fukt", "granskning" } },
        { label = "vad vi gör: stänger, paviljonger, utredning", say = { "stängd", "stängs", "paviljong", "fuktutredning" } },
        { label = "var man får veta mer", say = { "faktasida", "läs mer", "allt vi vet", "informationsmötet", "webbplats" } },
      },
      model = "Revisorernas granskning visar att fukt och mögel i B-flygeln på "
          .. "Björkängsskolan inte åtgärdades i tid. B-flygeln är stängd från i dag. Klasserna "
          .. "flyttar tillsammans till paviljonger vid Ekby sporthall från måndag, och en "
          .. "oberoende fuktutredning är beställd. Välkommen till informationsmötet i morgon "
          .. "kl. 18 i sporthallen. Allt vi vet finns på https://www.example.se/ekby/bjorkangsskolan",
    },
  },
  -- ord i svaren som stavningskontrollen inte känner till
  words = { "Ekby", "Björkängsskolan", "B-flygeln", "A-flygeln", "paviljongerna",
            "fuktutredning", "sporthallen", "informationsmötet", "skolsköterskan",
            "företagshälsovården" },
}

-- ---- personer ----
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

-- ---- 08:00 rutininlägget och avslöjandet ----
post {
  id = "p1", at = "+0m",
  text = "God morgon! I dag öppnar anmälan till sommarlovets aktiviteter för barn och unga "
      .. "i Ekby: simskola, fotbollsläger och kollo. Anmäl dig på " .. SOMMARLOV,
}

media {
  id = "m1", at = "+0m", outlet = "Ekby Tidning",
  title = "Läckt granskning: varningar om mögel på Björkängsskolan ignorerades i två år",
  url = ARTIKEL,
  text = "En granskning från kommunens revisorer, som Ekby Tidning har tagit del av, visar "
      .. "att personal på Björkängsskolan anmälde fukt och mögellukt i B-flygeln både 2023 "
      .. "och 2024. Fastighetsavdelningen sköt upp åtgärderna av budgetskäl. Flera lärare "
      .. "och elever uppger att de har haft huvudvärk och andningsbesvär. Granskningen ska "
      .. "presenteras för kommunfullmäktige i april.",
  expect = { rules = "public_record" },
}

internal {
  id = "i-press1", at = "+2m", from = "press_officer",
  text = "Hej! Har du sett Ekby Tidning om Björkängsskolan? Det här kommer att storma. "
      .. "Alla frågor från journalister går till mig: svara inte själv i sak, utan hänvisa "
      .. "till mig och eskalera till mig direkt. Kvittera att du sett det här. /Elin, "
      .. "pressansvarig",
  expect = { answer = true, within = "10m", rules = { "inform_up", "public_record" } },
}

internal {
  id = "i-chef1", at = "+4m", from = "manager",
  text = "Förvaltningschefen har beslutat i morse: B-flygeln på Björkängsskolan stängs från "
      .. "i dag. Klasserna flyttar till paviljonger vid Ekby sporthall från måndag och har "
      .. "distansundervisning torsdag och fredag. En oberoende fuktutredning är beställd, "
      .. "och vårdnadshavare bjuds in till informationsmöte i morgon torsdag kl. 18 i "
      .. "sporthallen. Allt samlas på " .. FAKTA .. " . Få ut det som ett inlägg så snart "
      .. "du kan: vi måste visa att vi gör något. Ta också in en kollega som backup, du "
      .. "ska inte sitta ensam med det här. /Anders",
  expect = { answer = true, within = "10m", escalate = "colleague_backup",
             rules = { "get_backup", "show_action" } },
}

-- ---- stormen under morgoninlägget ----
-- Det ett svar till stormen inte får säga (samma som för de enskilda kommentarerna).
local UNDVIK = {
  { label = "spekulerar om hälsa eller orsak", say = { "ingen fara", "inte farligt", "troligen", "förmodligen" } },
  { label = "skyller på någon", say = { "inte vårt fel", "fastighetsavdelningens fel", "rektorns fel" } },
  { label = "lovar ansvar eller ersättning", say = { "vi lovar", "ersättning", "ska avgå" } },
  { label = "låter defensiv", say = { "stämmer inte", "överdriv", "sprida rykten" } },
}

storm {
  id = "s1", on = "p1",
  from = "+5m", to = "+2h50m",
  count = 80,
  -- snabbt upp när artikeln sprids, en lång topp, sedan lugnare mot lunch
  curve = { { "+0m", 0.3 }, { "+15m", 1 }, { "+1h30m", 1 }, { "+2h45m", 0.4 } },
  moods = { calm = 1, worried = 3, frustrated = 3, angry = 2, troll = 0.7 },
  texts = {
    -- trollen har inget tema
    troll = {
      "Mögel är väl bra för immunförsvaret, sluta gnäll 😂",
      "Riv hela Ekby och börja om, ingen skulle sakna det.",
    },
  },
  -- Vad kommentarerna handlar om. Nyckelpunkterna och modellsvaren är fakta som scenariot
  -- självt ger ("Fakta för svaren" i beskrivningen, chefens och pressansvarigas
  -- meddelanden), och ingen nyckelpunkts fraser står i temats egna texter.
  themes = {
    { id = "flygeln", label = "vad som stängs", kind = "question", share = 2,
      texts = {
        calm = { "Gäller det här bara B-flygeln eller hela skolan?" },
        worried = { "Mitt barn går i B-flygeln. Är det farligt att gå dit i dag?" },
        any = { "Gäller det här bara B-flygeln eller hela skolan?",
                "Mitt barn går i B-flygeln. Är det farligt att gå dit i dag?" },
      },
      points = {
        { label = "B-flygeln är stängd från i dag", say = { "stängd", "stängs", "stängt" } },
        { label = "förskoleklassen och A-flygeln berörs inte", say = { "förskoleklass", "berörs inte" } },
        { label = "distansundervisning torsdag och fredag", say = { "distansundervisning", "distans" } },
      },
      need = 1, avoid = UNDVIK,
      model = "B-flygeln är stängd från i dag efter granskningen om fukt och mögel, och torsdag "
          .. "och fredag har klasserna distansundervisning. Skolan rivs inte: förskoleklassen och A-flygeln berörs inte. "
          .. "Allt vi vet finns på " .. FAKTA },
    { id = "halsan", label = "barnens hälsa", kind = "question", share = 1.5, link = KONTAKT,
      texts = {
        worried = { "Min dotter har haft ont i huvudet i flera månader. Ska vi gå till vårdcentralen?" },
        any = { "Min dotter har haft ont i huvudet i flera månader. Ska vi gå till vårdcentralen?" },
      },
      points = {
        { label = "skolsköterskan tar frågor om ett barns hälsa", say = { "skolsköterska", "skolsköterskan" } },
        { label = "via skolans kontaktsida", say = { "kontaktsida", "kontaktsidan" } },
      },
      need = 1,
      avoid = { UNDVIK[1],
                { label = "diskuterar barnets hälsa öppet", say = { "beror på möglet", "huvudvärk" } } },
      model = "Jag förstår att du är orolig. B-flygeln, där fukten och möglet finns, är stängd "
          .. "från i dag. Frågor om ditt barns hälsa tar skolsköterskan, som du når via skolans "
          .. "kontaktsida: " .. KONTAKT .. " Skriv helst inga fler uppgifter om hälsan här. Allt "
          .. "vi vet om skolan finns på faktasidan." },
    { id = "paviljongerna", label = "var klasserna går nu", kind = "question", share = 2,
      texts = {
        worried = { "Vart ska barnen ta vägen nu? Vi jobbar båda två.",
                    "Hur vet vi att paviljongerna är bättre?" },
        any = { "Vart ska barnen ta vägen nu? Vi jobbar båda två." },
      },
      points = {
        { label = "klasserna flyttar tillsammans till Ekby sporthall från måndag", say = { "sporthall", "tillsammans" } },
        { label = "distansundervisning torsdag och fredag", say = { "distansundervisning", "distans" } },
        { label = "skolbuss kl. 7.45 från skolan", say = { "skolbuss", "7.45" } },
      },
      need = 1, avoid = UNDVIK,
      model = "B-flygeln är stängd efter granskningen om fukt och mögel. Klasserna flyttar "
          .. "tillsammans till paviljonger vid Ekby sporthall från måndag, och torsdag och fredag har de distansundervisning. Från måndag går en skolbuss "
          .. "från Björkängsskolan kl. 7.45 varje morgon och tillbaka efter skoldagen. Läs mer "
          .. "på " .. FAKTA },
    { id = "granskningen", label = "granskningen och andra skolor", kind = "question", share = 1.5,
      texts = {
        calm = { "Var kan man läsa själva granskningen?" },
        worried = { "Finns det mögel på fler skolor i Ekby? Min son går på Tallbackaskolan." },
        any = { "Var kan man läsa själva granskningen?" },
      },
      points = {
        { label = "allt samlas på faktasidan", say = { "faktasida", "faktasidan", "allt vi vet" } },
        { label = "granskningen tas upp i fullmäktige i april", say = { "april", "fullmäktige" } },
        { label = "en oberoende fuktutredning är beställd", say = { "fuktutredning", "utredning" } },
      },
      need = 1,
      avoid = { UNDVIK[1], UNDVIK[2],
                { label = "lovar att andra skolor är fria från mögel", say = { "inga andra skolor", "inget mögel" } } },
      model = "Revisorernas granskning tas upp i kommunfullmäktige i april, och en oberoende "
          .. "fuktutredning är beställd. Allt vi vet samlar vi på faktasidan: " .. FAKTA },
    { id = "tystnad", label = "att föräldrarna fick veta det genom tidningen", kind = "complaint",
      share = 2.5,
      texts = {
        frustrated = {
          "Varför får vi föräldrar läsa om det här i tidningen i stället för från skolan?",
          "Jag ringde skolan i höstas om lukten och fick höra att det var ventilationen.",
          "Ni lägger ut inlägg om kollo medan våra barn sitter i mögel. Allvarligt?",
        },
        any = { "Varför får vi föräldrar läsa om det här i tidningen i stället för från skolan?" },
      },
      points = {
        { label = "B-flygeln är stängd från i dag", say = { "stängd", "stängs", "stängt" } },
        { label = "informationsmöte i morgon kl. 18", say = { "informationsmöte", "kl. 18", "klockan 18" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Jag förstår att du är besviken, och du har rätt i att ni borde ha fått veta det "
          .. "från oss. B-flygeln är stängd från i dag efter granskningen om fukt och mögel. I "
          .. "morgon kl. 18 har vi informationsmöte för vårdnadshavare i sporthallen. Allt vi vet "
          .. "finns på " .. FAKTA },
    { id = "ansvar", label = "vem som tar ansvar", kind = "complaint", share = 2.5,
      texts = {
        calm = { "Vem ansvarar för fastigheterna, är det kommunen eller ett bolag?" },
        frustrated = { "Två år! Personalen varnade i två år och ingen gjorde något." },
        angry = {
          "Vem tar ansvar för det här? Någon måste avgå.",
          "Skandal. Ni har chansat med barnens hälsa för att spara pengar.",
          "Hur ska vi kunna lita på något kommunen säger nu?",
        },
        any = { "Två år! Personalen varnade i två år och ingen gjorde något." },
      },
      points = {
        { label = "granskningen tas upp i fullmäktige i april", say = { "april", "fullmäktige" } },
        { label = "en oberoende fuktutredning är beställd", say = { "fuktutredning", "utredning" } },
        { label = "förvaltningschefen svarar på informationsmötet", say = { "informationsmöte", "förvaltningschef" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Jag förstår att du är arg, och kritiken är befogad. Revisorernas granskning tas "
          .. "upp i kommunfullmäktige i april, och en oberoende fuktutredning är beställd. "
          .. "Förvaltningschefen svarar på frågor på informationsmötet i morgon kl. 18 i "
          .. "sporthallen. Läs mer på " .. FAKTA },
  },
  repeats = 0.12,
  expect = { within = "20m", link = FAKTA, class = "dissatisfied",
             fault = { "delete", "hide" },
             rules = { "implicit_question", "active_in_comments", "act_fast" } },
}

-- ---- enskilda kommentarer, meddelanden och mediefrågor ----
comment {
  id = "c-mamma", at = "+8m", on = "p1", author = "sanna",
  text = "Min son går i 4B på Björkängsskolan och har haft huvudvärk och hosta hela vintern. "
      .. "Vi har varit hos läkaren två gånger. Kan det bero på möglet? Vad ska jag göra?",
  -- ett enskilt ärende med hälsouppgifter om ett barn: flytta det ur kommentarsfältet
  expect = { within = "20m", escalate = "case_handling", link = KONTAKT,
             rules = { "move_case", "private_data" }, fault = "delete",
             points = { { label = "ärendet är skickat vidare", say = { "skickat", "vidare" } } },
             channel = { label = "skolsköterskan kontaktar dig", say = { "skolsköterska", "skolsköterskan", "skolan kontaktar" } },
             avoid = {
               { label = "spekulerar om hälsan", say = { "beror på möglet", "inte farligt", "ingen fara", "troligen", "förmodligen" } },
               { label = "diskuterar ärendet öppet", say = { "4B", "huvudvärk", "hosta", "läkaren" } },
             },
             model = "Jag förstår att du är orolig. Skriv inga fler uppgifter om din sons hälsa här. Vi har "
                 .. "skickat ditt ärende vidare, och skolsköterskan kontaktar dig. Du når också skolan på "
                 .. KONTAKT },
}

comment {
  id = "c-larare", at = "+12m", on = "p1", author = "roger",
  text = "Jag jobbade på Björkängsskolan till förra sommaren. Vi anmälde fukten i B-flygeln "
      .. "tre gånger, och det luktade källare i klassrummen. Varje gång fick vi höra att det "
      .. "skulle åtgärdas. Varför gjorde ingen något?",
  -- berättigad kritik: bekräfta först, svara sakligt, länka. Radera eller dölj aldrig.
  expect = { within = "20m", link = FAKTA, class = "justified_criticism",
             ok = "reply", fault = { "delete", "hide" }, rules = "response_model",
             points = {
               { label = "B-flygeln är stängd från i dag", say = { "stängd", "stängs", "stängt" } },
               { label = "en oberoende fuktutredning är beställd", say = { "fuktutredning", "utredning" } },
               { label = "informationsmöte i morgon kl. 18", say = { "informationsmöte", "kl. 18", "klockan 18" } },
             },
             need = 2,
             avoid = {
               { label = "spekulerar om hälsa eller orsak", say = { "ingen fara", "inte farligt", "troligen", "förmodligen" } },
               { label = "skyller på någon", say = { "inte vårt fel", "fastighetsavdelningens fel", "rektorns fel" } },
               { label = "lovar ansvar eller ersättning", say = { "vi lovar", "ersättning", "ska avgå" } },
               { label = "låter defensiv", say = { "stämmer inte", "överdriv", "sprida rykten" } },
             },
             model = "Jag förstår att du är besviken, och du har rätt i att anmälningarna borde ha lett "
                 .. "till åtgärder. B-flygeln är stängd från i dag och en oberoende fuktutredning är "
                 .. "beställd. Granskningen tas upp i kommunfullmäktige i april. Läs mer på " .. FAKTA },
}

inquiry {
  id = "q1", at = "+16m", author = "malin", outlet = "Ekby Tidning",
  text = "Hej, Malin Ek på Ekby Tidning. Vi följer upp granskningen. Vem visste om "
      .. "varningarna, och varför åtgärdades de inte? Kan vi få en intervju med "
      .. "förvaltningschefen i dag?",
  expect = { within = "20m", escalate = "press_officer", weight = 2,
             rules = { "inform_up", "public_record" },
             points = { { label = "pressansvariga Elin kontaktar dig", say = { "pressansvarig", "Elin" } } },
             avoid = { { label = "svarar själv i sak", say = { "troligen", "förmodligen", "inga andra skolor", "vet inte" } } },
             model = "Tack för att du hör av dig. Vår pressansvariga Elin tar alla frågor från medier om "
                 .. "Björkängsskolan och kontaktar dig inom kort "
                 .. "om en intervju med förvaltningschefen." },
}

comment {
  id = "c-rivas", at = "+20m", on = "p1", author = "tommy",
  text = "Jag hörde att skolan ska rivas och att barnen ska spridas ut på skolor över hela "
      .. "kommunen. Stämmer det? Då flyttar vi härifrån.",
  -- ett missförstånd: bekräfta, rätta fakta (bara B-flygeln stängs, klasserna hålls ihop)
  expect = { within = "20m", link = FAKTA, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = { "delete", "hide" },
             rules = "response_model",
             points = {
               { label = "bara B-flygeln är stängd", say = { "bara B-flygeln", "endast B-flygeln", "rivs inte", "inte rivas" } },
               { label = "klasserna hålls ihop i paviljonger", say = { "paviljong", "tillsammans", "hålls ihop" } },
             },
             avoid = {
               { label = "spekulerar om hälsa eller orsak", say = { "ingen fara", "inte farligt", "troligen", "förmodligen" } },
               { label = "skyller på någon", say = { "inte vårt fel", "fastighetsavdelningens fel", "rektorns fel" } },
               { label = "lovar ansvar eller ersättning", say = { "vi lovar", "ersättning", "ska avgå" } },
               { label = "låter defensiv", say = { "stämmer inte", "överdriv", "sprida rykten" } },
             },
             model = "Jag förstår att det låter oroande, men skolan ska inte rivas. Bara B-flygeln är "
                 .. "stängd. Klasserna flyttar tillsammans till paviljonger vid Ekby sporthall från måndag. "
                 .. "Läs mer på " .. FAKTA },
}

comment {
  id = "c-troll", at = "+24m", on = "p1", author = "kevin",
  text = "Mögel är väl bra, då slipper ungarna plugga 😂 Stäng alla skolor!",
  -- troll: bevaka (eller dölj/anmäl); svara inte utförligt
}

inquiry {
  id = "q2", at = "+28m", author = "aron", outlet = "Radio Ekby",
  text = "Hej, Aron Holmqvist på Radio Ekby. Vi vill ha en kommentar till nyheterna kl. 10: "
      .. "hur många elever och anställda har haft besvär, och har kommunen anmält det här "
      .. "som en arbetsmiljöavvikelse?",
  expect = { within = "20m", escalate = "press_officer", weight = 2,
             rules = { "inform_up", "public_record" },
             points = { { label = "pressansvariga Elin kontaktar dig", say = { "pressansvarig", "Elin" } } },
             avoid = { { label = "svarar själv i sak", say = { "troligen", "förmodligen", "inga andra skolor", "vet inte" } } },
             model = "Tack för att du hör av dig. Vår pressansvariga Elin tar alla frågor från medier om "
                 .. "Björkängsskolan och kontaktar dig inom kort "
                 .. "inför nyheterna kl. 10." },
}

comment {
  id = "c-hot", at = "+32m", on = "p1", author = "ulf",
  text = "Fastighetschefen Kent Lindqvist bor på Ekvägen 12 i Ekby. Dags att någon hälsar "
      .. "på honom och visar vad vi tycker. Han har förstört våra barns lungor.",
  -- olagligt: ett hot och en privat adress. Dölj och anmäl, och lämna det till juristerna
  -- (polisanmälan) inom en kvart; radera inte (bevisen), bevaka inte, svara inte.
  expect = { answer = false, class = "illegal", ok = { "hide", "report" },
             fault = { "delete", "monitor", "reply" }, escalate = "legal",
             within = "15m", weight = 2, rules = { "response_model", "private_data", "act_fast" } },
}

comment {
  id = "c-rivas2", at = "+38m", on = "p1", author = "hanna",
  text = "Stämmer det att Björkängsskolan ska rivas? Någon skrev det här ovanför.",
  repeat_of = "c-rivas",
  expect = { within = "20m", link = FAKTA, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = { "delete", "hide" },
             points = {
               { label = "bara B-flygeln är stängd", say = { "bara B-flygeln", "endast B-flygeln", "rivs inte", "inte rivas" } },
               { label = "klasserna hålls ihop i paviljonger", say = { "paviljong", "tillsammans", "hålls ihop" } },
             },
             avoid = {
               { label = "spekulerar om hälsa eller orsak", say = { "ingen fara", "inte farligt", "troligen", "förmodligen" } },
               { label = "skyller på någon", say = { "inte vårt fel", "fastighetsavdelningens fel", "rektorns fel" } },
               { label = "lovar ansvar eller ersättning", say = { "vi lovar", "ersättning", "ska avgå" } },
               { label = "låter defensiv", say = { "stämmer inte", "överdriv", "sprida rykten" } },
             },
             model = "Vi har svarat längre upp i tråden: skolan ska inte rivas. Bara B-flygeln är stängd, "
                 .. "och klasserna flyttar tillsammans till paviljonger vid Ekby sporthall från måndag. "
                 .. "Läs mer på " .. FAKTA },
}

internal {
  id = "i-press2", at = "+45m", from = "press_officer",
  text = "Hej igen! Vi håller samma linje i alla kanaler: B-flygeln är stängd, klasserna "
      .. "flyttar till paviljonger från måndag, en oberoende fuktutredning är beställd och "
      .. "informationsmötet är i morgon kl. 18. Länka alltid till faktasidan och spekulera "
      .. "inte om skuld eller hälsa. Kan du kvittera och ge mig en bild av kommentarerna: "
      .. "hur många, vilka teman och hur är stämningen?",
  expect = { answer = true, within = "15m", rules = { "inform_up", "analyse_volume" } },
}

dm {
  id = "d-personal", at = "+50m", author = "fatima",
  text = "Hej. Jag jobbar på Björkängsskolan och har fått utslag och astma sedan i höstas. "
      .. "Jag vågar inte säga något till min rektor. Finns det någon jag kan prata med?",
  expect = { within = "30m", escalate = "case_handling", rules = "move_case", fault = "delete",
             points = { { label = "ärendet är skickat vidare", say = { "skickat", "vidare" } } },
             channel = { label = "företagshälsovården via HR", say = { "företagshälsovård", "företagshälsovården", "HR" } },
             avoid = {
               { label = "spekulerar om hälsan", say = { "beror på möglet", "troligen", "förmodligen" } },
               { label = "säger att hon ska gå till rektorn", say = { "prata med din rektor", "fråga rektorn" } },
             },
             model = "Tack för att du berättar, jag förstår att det känns svårt. Jag har skickat ditt ärende "
                 .. "vidare till HR, som ser till att företagshälsovården kontaktar dig. Där kan du prata "
                 .. "i förtroende." },
}

inquiry {
  id = "q3", at = "+65m", author = "ida", outlet = "Nyheter Öst",
  text = "Hej, Ida Sandberg på Nyheter Öst. Vi kommer till Björkängsskolan i eftermiddag. "
      .. "Kan någon från kommunen ställa upp på en intervju på plats kl. 14?",
  expect = { within = "20m", escalate = "press_officer", weight = 2,
             rules = { "inform_up", "public_record" },
             points = { { label = "pressansvariga Elin kontaktar dig", say = { "pressansvarig", "Elin" } } },
             avoid = { { label = "svarar själv i sak", say = { "troligen", "förmodligen", "inga andra skolor", "vet inte" } } },
             model = "Tack för att du hör av dig. Vår pressansvariga Elin tar alla frågor från medier om "
                 .. "Björkängsskolan och kontaktar dig inom kort "
                 .. "om intervjun på plats kl. 14." },
}

media {
  id = "m2", at = "+75m", outlet = "Ekby Tidning",
  title = "Föräldrar på Björkängsskolan: \"Varför fick vi inte veta?\"",
  url = "https://www.example.se/ekbytidning/foraldrar-bjorkangsskolan",
  text = "Föräldrar vittnar om barn med huvudvärk och hosta och kräver svar av kommunen. "
      .. "Flera säger att de först fick veta något genom tidningen.",
  expect = { rules = "public_record" },
}

comment {
  id = "c-typiskt", at = "+90m", on = "p1", author = "bengt",
  text = "Typiskt. Först när tidningen skriver om det händer något.",
  -- lösryckt kritik med en underliggande fråga: svara allmänt och länka
  expect = { within = "20m", link = FAKTA, class = "dissatisfied", ok = "reply",
             fault = { "delete", "hide" }, rules = { "implicit_question", "response_model" },
             points = {
               { label = "B-flygeln är stängd från i dag", say = { "stängd", "stängs", "stängt" } },
               { label = "en oberoende fuktutredning är beställd", say = { "fuktutredning", "utredning" } },
               { label = "informationsmöte i morgon kl. 18", say = { "informationsmöte", "kl. 18", "klockan 18" } },
             },
             need = 1,
             avoid = {
               { label = "spekulerar om hälsa eller orsak", say = { "ingen fara", "inte farligt", "troligen", "förmodligen" } },
               { label = "skyller på någon", say = { "inte vårt fel", "fastighetsavdelningens fel", "rektorns fel" } },
               { label = "lovar ansvar eller ersättning", say = { "vi lovar", "ersättning", "ska avgå" } },
               { label = "låter defensiv", say = { "stämmer inte", "överdriv", "sprida rykten" } },
             },
             model = "Jag förstår att du är besviken. B-flygeln är stängd från i dag och en oberoende "
                 .. "fuktutredning är beställd. I morgon kl. 18 har vi informationsmöte i sporthallen. Allt "
                 .. "vi vet finns på " .. FAKTA },
}

internal {
  id = "i-chef2", at = "+100m", from = "manager",
  text = "Kommunstyrelsens ordförande vill veta om vi har läget under kontroll. Hur ser "
      .. "kommentarerna ut nu jämfört med i morse? Kvittera, så ringer jag dig. /Anders",
  expect = { answer = true, within = "15m", rules = { "inform_up", "analyse_volume" } },
}

comment {
  id = "c-skjuts", at = "+120m", on = "p1", author = "lotta",
  text = "Hur tar sig barnen till paviljongerna vid sporthallen? Blir det skolskjuts?",
  expect = { within = "20m", link = FAKTA, class = "question",
             points = { { label = "skolbuss kl. 7.45 från skolan", say = { "skolbuss", "buss", "7.45" } } },
             avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
             model = "Från måndag går en skolbuss från Björkängsskolan till paviljongerna varje morgon kl. "
                 .. "7.45 och tillbaka efter skoldagen. Läs mer på " .. FAKTA },
}

inquiry {
  id = "q4", at = "+130m", author = "jonas", outlet = "Tidningen Skolliv",
  text = "Hej, Jonas Falk på Tidningen Skolliv. Hur många andra skolor i Ekby har "
      .. "fuktanmälningar som inte är åtgärdade?",
  expect = { within = "20m", escalate = "press_officer", weight = 2,
             rules = { "inform_up", "public_record" },
             points = { { label = "pressansvariga Elin kontaktar dig", say = { "pressansvarig", "Elin" } } },
             avoid = { { label = "svarar själv i sak", say = { "troligen", "förmodligen", "inga andra skolor", "vet inte" } } },
             model = "Tack för att du hör av dig. Vår pressansvariga Elin tar alla frågor från medier om "
                 .. "Björkängsskolan och kontaktar dig inom kort "
                 .. "om frågan om andra skolor." },
}

comment {
  id = "c-tack", at = "+160m", on = "p1", author = "lotta",
  text = "Tack för att ni svarar här i kommentarerna i dag, det gör skillnad.",
  expect = { class = "thanks", within = "30m", weight = 0.5,
             model = "Tack själv, vad fint att höra. Vi fortsätter att svara här i dag." },
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
    text = "Bra att B-flygeln stängs och att klasserna får vara kvar tillsammans. Men varför "
        .. "tog det två år och en tidningsartikel?",
    expect = { within = "20m", link = FAKTA, class = "justified_criticism", ok = "reply",
               fault = { "delete", "hide" }, rules = "response_model",
               points = {
                 { label = "granskningen tas upp i fullmäktige i april", say = { "april", "fullmäktige" } },
                 { label = "en oberoende fuktutredning är beställd", say = { "fuktutredning", "utredning" } },
                 { label = "förvaltningschefen svarar på informationsmötet", say = { "informationsmöte", "kl. 18" } },
               },
               need = 2,
               avoid = {
                 { label = "spekulerar om hälsa eller orsak", say = { "ingen fara", "inte farligt", "troligen", "förmodligen" } },
                 { label = "skyller på någon", say = { "inte vårt fel", "fastighetsavdelningens fel", "rektorns fel" } },
                 { label = "lovar ansvar eller ersättning", say = { "vi lovar", "ersättning", "ska avgå" } },
                 { label = "låter defensiv", say = { "stämmer inte", "överdriv", "sprida rykten" } },
               },
               model = "Jag förstår din fråga, och den är rimlig. Revisorernas granskning tas upp i "
                   .. "kommunfullmäktige i april, och en oberoende fuktutredning är beställd. "
                   .. "Förvaltningschefen svarar på frågor på informationsmötet i morgon kl. 18. Läs mer på "
                   .. FAKTA },
  }
  inject {
    kind = "internal", id = "i-linje", at = "+6m", from = "press_officer",
    text = "Bra att inlägget är ute. Håll samma linje i alla svar nu, med länken till "
        .. "faktasidan, och lova inget om ansvar eller ersättning: det tar förvaltningschefen "
        .. "på informationsmötet. Kvittera. /Elin",
    expect = { answer = true, within = "15m", rules = { "inform_up", "show_action" } },
  }
end)

-- No statement 25 minutes into the crisis: the silence becomes the story.
when(function(s) return s.minute >= 30 and not published end, function(s)
  silence_waves = 1
  set_rate("s1", 2)
  inject {
    kind = "comment", id = "c-tyst1", on = "p1", author = "mats",
    text = "Ni lägger ut inlägg om kollo men säger inte ett ord om möglet. Vad döljer ni?",
    expect = { within = "15m", link = FAKTA, class = "justified_criticism", ok = "reply",
               fault = { "delete", "hide" }, rules = { "show_action", "response_model" },
               points = {
                 { label = "B-flygeln är stängd från i dag", say = { "stängd", "stängs", "stängt" } },
                 { label = "en oberoende fuktutredning är beställd", say = { "fuktutredning", "utredning" } },
                 { label = "informationsmöte i morgon kl. 18", say = { "informationsmöte", "kl. 18", "klockan 18" } },
               },
               need = 2,
               avoid = {
                 { label = "spekulerar om hälsa eller orsak", say = { "ingen fara", "inte farligt", "troligen", "förmodligen" } },
                 { label = "skyller på någon", say = { "inte vårt fel", "fastighetsavdelningens fel", "rektorns fel" } },
                 { label = "lovar ansvar eller ersättning", say = { "vi lovar", "ersättning", "ska avgå" } },
                 { label = "låter defensiv", say = { "stämmer inte", "överdriv", "sprida rykten" } },
               },
               model = "Jag förstår att du är arg, och du har rätt i att vi borde ha sagt något tidigare. "
                   .. "B-flygeln är stängd från i dag och en oberoende fuktutredning är beställd. I morgon "
                   .. "kl. 18 har vi informationsmöte i sporthallen. Allt vi vet finns på " .. FAKTA },
  }
  inject {
    kind = "media", id = "m-tiger", at = "+3m", outlet = "Ekby Tidning",
    title = "Kommunen tiger om mögelskandalen – oroliga föräldrar utan besked",
    url = "https://www.example.se/ekbytidning/kommunen-tiger",
    text = "En halvtimme efter avslöjandet har kommunen inte sagt något i sina egna kanaler. "
        .. "I kommentarsfälten växer ilskan.",
    expect = { rules = "public_record" },
  }
  inject {
    kind = "inquiry", id = "q-tyst", at = "+5m", author = "malin", outlet = "Ekby Tidning",
    text = "Malin Ek igen. Varför har kommunen inte sagt något på sina egna kanaler? "
        .. "Föräldrarna undrar om barnen ska gå till skolan i morgon.",
    expect = { within = "15m", escalate = "press_officer", weight = 2,
               rules = { "inform_up", "public_record" },
               points = { { label = "pressansvariga Elin kontaktar dig", say = { "pressansvarig", "Elin" } } },
               avoid = { { label = "svarar själv i sak", say = { "troligen", "förmodligen", "inga andra skolor", "vet inte" } } },
               model = "Tack för att du hör av dig. Vår pressansvariga Elin tar alla frågor från medier om "
                   .. "Björkängsskolan och kontaktar dig inom kort "
                 .. "om vad kommunen har sagt och gör." },
  }
  inject {
    kind = "internal", id = "i-chef-var", at = "+2m", from = "manager",
    text = "Var är inlägget? Tidningen skriver nu att vi tiger. Publicera beskedet om "
        .. "B-flygeln, paviljongerna och informationsmötet nu. Kvittera. /Anders",
    expect = { answer = true, within = "10m", rules = { "show_action", "act_fast" } },
  }
end)

-- Still nothing an hour in: a second, harder wave.
when(function(s) return s.minute >= 60 and not published end, function(s)
  silence_waves = 2
  set_rate("s1", 2.5)
  inject {
    kind = "comment", id = "c-tyst2", on = "p1", author = "petra",
    text = "En timme och fortfarande inget från kommunen. Vi startar en namninsamling för "
        .. "att ansvariga ska avgå. Dela!",
    expect = { within = "15m", link = FAKTA, class = "dissatisfied", ok = "reply",
               fault = { "delete", "hide" }, rules = { "show_action", "implicit_question" },
               points = {
                 { label = "B-flygeln är stängd från i dag", say = { "stängd", "stängs", "stängt" } },
                 { label = "en oberoende fuktutredning är beställd", say = { "fuktutredning", "utredning" } },
                 { label = "informationsmöte i morgon kl. 18", say = { "informationsmöte", "kl. 18", "klockan 18" } },
               },
               need = 1,
               avoid = {
                 { label = "spekulerar om hälsa eller orsak", say = { "ingen fara", "inte farligt", "troligen", "förmodligen" } },
                 { label = "skyller på någon", say = { "inte vårt fel", "fastighetsavdelningens fel", "rektorns fel" } },
                 { label = "lovar ansvar eller ersättning", say = { "vi lovar", "ersättning", "ska avgå" } },
                 { label = "låter defensiv", say = { "stämmer inte", "överdriv", "sprida rykten" } },
               },
               model = "Jag förstår att du är arg, och vi borde ha sagt något tidigare. B-flygeln är stängd "
                   .. "från i dag och en oberoende fuktutredning är beställd. Kom gärna till "
                   .. "informationsmötet i morgon kl. 18. Allt vi vet finns på " .. FAKTA },
  }
  inject {
    kind = "media", id = "m-namn", at = "+5m", outlet = "Ekby Tidning",
    title = "Föräldrar startar namninsamling – kräver att ansvariga avgår",
    url = "https://www.example.se/ekbytidning/namninsamling",
    text = "Över 400 personer har skrivit under på en timme. Kommunen har fortfarande "
        .. "inte kommenterat granskningen.",
    expect = { rules = "public_record" },
  }
end)

-- A defensive or contradicting reply is screenshotted and quoted (once).
local quoted = false
local risky = { "stämmer inte", "ingen fara", "inga risker", "inte vårt fel", "överdriv",
                "lögn", "påstår", "skärpa dig", "sprida rykten", "inget mögel" }
on("reply", function(a)
  if quoted or not a.text then return end
  local t = a.text:lower()
  for _, phrase in ipairs(risky) do
    if t:find(phrase, 1, true) then
      quoted = true
      inject {
        kind = "media", id = "m-citat", at = "+5m", outlet = "Ekby Tidning",
        title = "Kommunen i kommentarsfältet: \"Det är inte alls som du påstår\"",
        url = "https://www.example.se/ekbytidning/kommunen-svarar",
        text = "Skärmdumpar av kommunens svar i sociala medier sprids. Svaret går emot "
            .. "revisorernas granskning.",
        expect = { rules = "public_record" },
      }
      inject {
        kind = "inquiry", id = "q-citat", at = "+8m", author = "aron", outlet = "Radio Ekby",
        text = "Aron Holmqvist, Radio Ekby. Ni skriver i kommentarsfältet att kritiken inte "
            .. "stämmer, men granskningen säger motsatsen. Hur går det ihop?",
        expect = { within = "15m", escalate = "press_officer", weight = 2,
                   rules = { "public_record", "inform_up" },
               points = { { label = "pressansvariga Elin kontaktar dig", say = { "pressansvarig", "Elin" } } },
               avoid = { { label = "svarar själv i sak", say = { "troligen", "förmodligen", "inga andra skolor", "vet inte" } } },
               model = "Tack för att du hör av dig. Vår pressansvariga Elin tar alla frågor från medier om "
                   .. "Björkängsskolan och kontaktar dig inom kort "
                 .. "om våra svar i kommentarsfältet." },
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
      text = "Tack för ett rakt svar. Jag kommer på informationsmötet i morgon.",
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
    text = "Jag såg att ni tog bort " .. c.first .. "s kommentar. Är det så kommunen "
        .. "hanterar kritik, genom att radera den?",
    expect = { within = "15m", link = FAKTA, class = "justified_criticism", ok = "reply",
               fault = { "delete", "hide" }, rules = "response_model",
               points = {
                 { label = "saklig kritik får stå kvar", say = { "saklig kritik", "stå kvar", "ligga kvar" } },
                 { label = "bara hot och personuppgifter tas bort", say = { "hot", "personuppgifter" } },
               },
               avoid = { { label = "skyller på någon annan", say = { "inte vårt fel", "kollegans fel", "någon annans fel" } } },
               model = "Jag förstår att du reagerar, och du har rätt att fråga. Saklig kritik ska stå kvar hos "
                   .. "oss. Vi tar bara bort hot och personuppgifter. Allt vi vet om skolan finns på " .. FAKTA },
  }
  inject {
    kind = "inquiry", id = "q-censur", at = "+10m", author = "malin", outlet = "Ekby Tidning",
    text = "Malin Ek, Ekby Tidning. Läsare hör av sig och säger att kommunen tar bort "
        .. "kritiska kommentarer om Björkängsskolan. Stämmer det, och i så fall varför?",
    expect = { within = "15m", escalate = "press_officer", weight = 2,
               rules = { "public_record", "response_model" },
               points = { { label = "pressansvariga Elin kontaktar dig", say = { "pressansvarig", "Elin" } } },
               avoid = { { label = "svarar själv i sak", say = { "troligen", "förmodligen", "inga andra skolor", "vet inte" } } },
               model = "Tack för att du hör av dig. Vår pressansvariga Elin tar alla frågor från medier om "
                   .. "Björkängsskolan och kontaktar dig inom kort "
                 .. "om hur vi hanterar kommentarer." },
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
    text = "Jag ser att det väntar många kommentarer. Ta in en kollega nu, du ska inte "
        .. "sitta ensam med det här. /Anders",
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
      text = "Hallå, svarar ni inte? Det ligger massor av frågor här utan svar.",
      expect = { within = "15m", link = FAKTA, class = "dissatisfied", ok = "reply",
                 fault = { "delete", "hide" }, rules = "active_in_comments",
                 points = {
                   { label = "B-flygeln är stängd från i dag", say = { "stängd", "stängs", "stängt" } },
                   { label = "en oberoende fuktutredning är beställd", say = { "fuktutredning", "utredning" } },
                   { label = "informationsmöte i morgon kl. 18", say = { "informationsmöte", "kl. 18", "klockan 18" } },
                 },
                 need = 1,
                 avoid = {
                   { label = "spekulerar om hälsa eller orsak", say = { "ingen fara", "inte farligt", "troligen", "förmodligen" } },
                   { label = "skyller på någon", say = { "inte vårt fel", "fastighetsavdelningens fel", "rektorns fel" } },
                   { label = "lovar ansvar eller ersättning", say = { "vi lovar", "ersättning", "ska avgå" } },
                   { label = "låter defensiv", say = { "stämmer inte", "överdriv", "sprida rykten" } },
                 },
                 model = "Jag förstår att du väntar, förlåt att det dröjer. B-flygeln är stängd från i dag "
                     .. "och en oberoende fuktutredning är beställd. I morgon kl. 18 har vi informationsmöte. "
                     .. "Allt vi vet finns på " .. FAKTA },
    }
  end
end)

-- ---- svarsmallar (qa_templates) ----
template { id = "linjen", title = "Linjen: det här gör vi",
  text = "Hej [namn]!\n[bekräfta oron eller kritiken]. B-flygeln på Björkängsskolan är "
      .. "stängd från i dag, och klasserna flyttar tillsammans till paviljonger vid Ekby "
      .. "sporthall från måndag. En oberoende fuktutredning är beställd. Välkommen till "
      .. "informationsmötet i morgon kl. 18. Allt vi vet finns på " .. FAKTA
      .. "\nVänliga hälsningar,\n[ditt namn]" }
template { id = "media", title = "Journalist: hänvisa till pressansvarig",
  text = "Hej [namn]!\nTack för att du hör av dig. Vår pressansvariga Elin tar frågor från "
      .. "medier om Björkängsskolan och kontaktar dig inom kort.\nVänliga hälsningar,\n[ditt namn]" }
template { id = "arende", title = "Enskilt ärende: flytta ur kommentarsfältet",
  text = "Hej [namn]!\nJag förstår din oro, och tack för att du berättar. Skriv inga fler "
      .. "uppgifter om hälsa här. Vi har skickat ditt ärende vidare, och skolan kontaktar dig. "
      .. "Du når skolan via " .. KONTAKT .. "\nVänliga hälsningar,\n[ditt namn]" }

-- ---- för övningsledaren (F9 / Skift+F9) ----
prepared { kind = "comment", author = "hanna", on = "p1",
  text = "Min dotter ska börja förskoleklass på Björkängsskolan i höst. Ska vi byta skola?",
  expect = { within = "20m", link = FAKTA, class = "question",
             points = {
               { label = "förskoleklassen berörs inte", say = { "berörs inte", "A-flygeln", "bara B-flygeln" } },
               { label = "informationsmöte i morgon", say = { "informationsmöte", "kl. 18" } },
             },
             need = 1,
             avoid = {
               { label = "spekulerar om hälsa eller orsak", say = { "ingen fara", "inte farligt", "troligen", "förmodligen" } },
               { label = "skyller på någon", say = { "inte vårt fel", "fastighetsavdelningens fel", "rektorns fel" } },
               { label = "lovar ansvar eller ersättning", say = { "vi lovar", "ersättning", "ska avgå" } },
               { label = "låter defensiv", say = { "stämmer inte", "överdriv", "sprida rykten" } },
             },
             model = "Jag förstår att du funderar. Förskoleklassen ligger i A-flygeln, som inte berörs: "
                 .. "bara B-flygeln är stängd. Kom gärna till informationsmötet i morgon kl. 18 i "
                 .. "sporthallen. Läs mer på " .. FAKTA } }
prepared { kind = "internal", from = "press_officer",
  text = "Nyheter Öst vill ha en kommentar direkt i sändning kl. 12. Ge mig en lägesbild: "
      .. "hur många kommentarer, vilka teman, och hur är stämningen jämfört med i morse? "
      .. "Kvittera. /Elin",
  expect = { answer = true, within = "10m", rules = { "inform_up", "analyse_volume" } } }
