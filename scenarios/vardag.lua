-- Vardag: a working week in Ekby kommun's comment field, with a public holiday in it.
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
--              from accounts known by their handle alone: a question (greet "Hej!" or
--              "Hej @handle!", never a made-up first name) and a thank-you
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
-- facts the scenario itself gives (in the posts and under "Fakta för svaren" in the
-- description), and their phrases are words only a reply that gives the fact contains,
-- never words of the question. A model answer is the reply's body only: the engine and the
-- participant add "Hej <förnamn>!" before it and "Vänliga hälsningar, <namn>" after it.

local SOPHAMTNING  = "https://www.example.se/ekby/sophamtning"
local ATERVINNING  = "https://www.example.se/ekby/atervinningscentralen"
local BOENDEPARK   = "https://www.example.se/ekby/boendeparkering"
local GATUSOPNING  = "https://www.example.se/ekby/gatusopning"
local FLYTTAD_BIL  = "https://www.example.se/ekby/flyttade-fordon"
local SKOLPLACERING = "https://www.example.se/ekby/skolplacering"
local SKOLBYTE     = "https://www.example.se/ekby/byta-skola"
local TRAFIKVERKET = "https://www.example.se/trafikverket/felanmalan-vag"

scenario {
  id = "vardag",
  title = "Vardag: en arbetsvecka med helgdag i Ekby kommuns kommentarsfält",
  language = "sv",
  description = [[
Du sköter Ekby kommuns konto i sociala medier en vecka i maj. Onsdagen är en vanlig
arbetsdag, torsdagen är Kristi himmelsfärdsdag, fredagen är en arbetsdag (en klämdag),
sedan kommer helgen och till sist måndagen. Det är vardag: frågor om sophämtning,
parkering och skolplaceringar, ett tack, ett troll, någon som frågar samma sak igen, en
fråga som inte är kommunens och en förälder som lägger ut sitt barns personuppgifter
i kommentarsfältet. Frågorna kommer även på kvällar, på helgdagen och i helgen: då
räknas svarstiden i arbetsdagar, och svaret ska vara ute senast nästa arbetsdag.

Fakta för svaren: torsdagens sophämtning görs på lördag 16 maj. Återvinningscentralen har
stängt på helgdagar; fredag har den öppet 7-19 och lördag 9-16. Boendeparkering söks i
e-tjänsten och kostar 400 kronor i månaden. Under gatusopningen får den som har
boendeparkering ställa bilen på infartsparkeringen vid Ekby station utan avgift.
Skyltarna om tillfälligt parkeringsförbud sätts upp senast fem dagar före sopningen, och
den som vill kan få ett sms dagen innan sin gata sopas. Väg 245 är en statlig väg som
Trafikverket sköter. Den som fått skolplacering tackar ja i e-tjänsten och kan ändå ställa
sig i kö till en annan skola; kö och byte söks i e-tjänsten senast den 31 maj. Besked om
fritids kommer i juni, och förskoleklassen börjar den 17 augusti. Elevhälsan tittar på
särskilda behov när man ansöker om byte. Överklaganden av skolplacering tar en handläggare
på skolförvaltningen hand om; handläggaren ringer upp. Bortforslade bilar står på
uppställningsplatsen på Industrivägen 3, öppen vardagar 7-18; den som anser att skylten kom
upp för sent kan begära omprövning av avgiften.]],
  aim = [[
Svara på invånarnas frågor enligt riktlinjen, utan kris och utan stress. Ton: "Hej
förnamn!", bekräfta först om någon är frustrerad eller arg, kort och sakligt med länk, och
"Vänliga hälsningar" med ditt förnamn. Snabbhet: senast inom 24 timmar räknat i
arbetsdagar; helgdagar och helger räknas inte (en fråga på lördagen ska vara besvarad
senast när måndagen är slut). Omdöme: hänvisa en upprepad fråga till det tidigare svaret,
svara allmänt och med länk på en lös kommentar med en underliggande fråga, hänvisa till
rätt myndighet (och skicka frågan vidare) när frågan inte är kommunens, flytta ett enskilt
ärende till ärendehandläggningen utan att diskutera detaljerna öppet, låt trollet vara och
radera aldrig saklig kritik.]],
  role = "Redaktör för sociala medier, Ekby kommun",
  start = "2026-05-13 09:00",   -- onsdag; torsdag 14 maj är Kristi himmelsfärdsdag
  duration = "6d",              -- till tisdag 19 maj 09:00
  compression = 288,            -- sex dygn på 30 minuter
  slot = "45m",                 -- passet: 30 minuter, genomgång och återkoppling
  seed = 513,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
  office_hours = { "08:00", "16:30" },
  audience = { min_intensity = 0.5, max_intensity = 2 },
  scoring = {
    -- En vanlig vecka, ingen kris: skolfrågorna är ett jämnt flöde, inte en storm som
    -- kräver chef, backup och uttalande.
    crisis = false,
  },
  -- ord i svaren som stavningskontrollen inte känner till
  words = { "Ekby", "Björkvägen", "Storgatan", "Industrivägen", "Norråsskolan", "Ekbackens",
            "e-tjänsten", "gatusopningen", "infartsparkeringen", "uppställningsplatsen",
            "skolförvaltningen", "boendeparkering", "förstahandsskola" },
}

-- ---- personer ----
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
-- Instagram-konton: bara ett användarnamn, inget förnamn (hälsa "Hej!" eller "Hej @namn!")
persona { id = "tradgard", handle = "tradgardsliv_ekby", mood = "calm" }
persona { id = "pappa",    handle = "ekbypappa",         mood = "calm" }

-- ---- onsdag 13 maj: arbetsdag ----
post {
  id = "p1", at = "2026-05-13 09:00",
  text = "I morgon torsdag är det Kristi himmelsfärdsdag. Sophämtningen som skulle ha "
      .. "skett på torsdag görs i stället på lördag. Återvinningscentralen har stängt på "
      .. "torsdag men öppet som vanligt fredag och lördag. Läs mer på " .. SOPHAMTNING,
}

internal {
  id = "i0", at = "2026-05-13 09:00", from = "colleague",
  text = "Hej! Du har kontot den här veckan. Tänk på att torsdag är röd dag och att "
      .. "helgen kommer efter fredagen: svarstiden räknas i arbetsdagar, så det som kommer "
      .. "på kvällen, på helgdagen eller i helgen ska vara besvarat senast nästa arbetsdag. "
      .. "Frågor som inte är våra hänvisar vi till rätt myndighet, och enskilda ärenden "
      .. "skickar vi till handläggarna. /Sofia",
  -- information, inget svar väntas
}

comment {
  id = "c1", at = "2026-05-13 09:40", on = "p1", author = "lena",
  text = "Hej! Vi på Björkvägen har tömning på torsdagar. Töms kärlet i morgon ändå, "
      .. "eller vilken dag blir det?",
  expect = { link = SOPHAMTNING,
    points = { { label = "töms på lördag i stället", say = { "lördag", "16 maj" } } },
    avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
    model = "Nej, i morgon är det Kristi himmelsfärdsdag. Kärlen på Björkvägen töms i stället "
        .. "på lördag den 16 maj. Läs mer på " .. SOPHAMTNING },
}

comment {
  id = "c2", at = "2026-05-13 11:15", on = "p1", author = "goran",
  text = "Återvinningscentralen stängd på torsdag igen. Den enda dagen man är ledig och "
      .. "har tid att köra dit! Varför kan ni inte ha öppet när folk faktiskt är lediga?",
  expect = { link = ATERVINNING, class = "dissatisfied", fault = "delete",
    points = {
      { label = "öppet fredag och lördag", say = { "fredag", "lördag" } },
    },
    avoid = { { label = "lovar ändrade öppettider", say = { "vi lovar", "ska vi ändra" } } },
    model = "Jag förstår att det är irriterande när det är den dag du är ledig. På helgdagar "
        .. "har återvinningscentralen stängt, men på fredag har den öppet 7-19 och på lördag "
        .. "9-16. Läs mer på " .. ATERVINNING },
}

comment {
  id = "c3", at = "2026-05-13 14:30", on = "p1", author = "maja",
  text = "Tack för påminnelsen! Jag hade helt glömt att tömningen flyttas.",
  expect = { class = "thanks", weight = 0.5,
             model = "Tack själv, vad bra att påminnelsen kom fram! Trevlig helg." },
}

-- Samma besked på Instagram, med bild; de som kommenterar har bara ett användarnamn.
post {
  id = "ig1", at = "2026-05-13 15:00", platform = "instagram",
  image = "sophamtning.png",
  image_alt = "Ett grönt och ett grått sopkärl vid trottoaren, och en kalender där torsdagen är struken",
  text = "Röd dag i morgon! Sophämtningen flyttas från torsdag till lördag, och "
      .. "återvinningscentralen har stängt på torsdag. Länk i bion.",
}

comment {
  id = "ig1-c1", at = "2026-05-13 15:20", on = "ig1", author = "tradgard",
  text = "Gäller det både det gröna och det grå kärlet? Vi har tömning på torsdagar.",
  expect = { link = SOPHAMTNING,
    points = { { label = "båda kärlen töms på lördag", say = { "lördag", "16 maj" } } },
    avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
    model = "Ja, både det gröna och det grå kärlet töms på lördag den 16 maj i stället för på "
        .. "torsdag. Läs mer på " .. SOPHAMTNING },
}

comment {
  id = "ig1-c2", at = "2026-05-13 15:50", on = "ig1", author = "pappa",
  text = "Bra att ni lägger ut det här här också, annars hade jag missat det!",
  expect = { class = "thanks", weight = 0.5,
             model = "Tack, vad roligt att höra! Här lägger vi ut sådant som är bra att veta i vardagen." },
}

dm {
  id = "d1", at = "2026-05-13 20:30", author = "ahmed",
  text = "Hej! Vi har precis flyttat till centrum och har ingen parkering på gården. "
      .. "Hur ansöker man om boendeparkering och vad kostar det?",
  -- kvällsmeddelande: torsdag räknas inte, så svaret ska vara ute fredag kväll
  expect = { link = BOENDEPARK,
    points = {
      { label = "ansök i e-tjänsten", say = { "e-tjänst", "e-tjänsten" } },
      { label = "400 kronor i månaden", say = { "400 kronor", "400 kr" } },
    },
    model = "Välkommen till centrum! Du ansöker om boendeparkering i e-tjänsten. Den kostar "
        .. "400 kronor i månaden. Läs mer på " .. BOENDEPARK },
}

-- ---- torsdag 14 maj: Kristi himmelsfärdsdag ----
comment {
  id = "c4", at = "2026-05-14 11:00", on = "p1", author = "per",
  text = "Har återvinningscentralen öppet i dag? Jag har ett släp fullt med ris och "
      .. "vet inte vart jag ska ta vägen.",
  -- helgdag: fredagen räknas, så svaret ska vara ute när fredagen är slut (fristen visas
  -- som måndag 00:00: under helgen löper ingen arbetstid)
  expect = { link = ATERVINNING,
    points = {
      { label = "stängt i dag (helgdag)", say = { "stängt", "stängd", "har inte öppet" } },
      { label = "öppet i morgon fredag och på lördag", say = { "fredag", "lördag", "i morgon" } },
    },
    avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
    model = "Nej, i dag är det Kristi himmelsfärdsdag och då har återvinningscentralen stängt. "
        .. "I morgon fredag har den öppet 7-19 och på lördag 9-16, så då kan du lämna riset. "
        .. "Läs mer på " .. ATERVINNING },
}

comment {
  id = "c5", at = "2026-05-14 16:00", on = "p1", author = "bosse",
  text = "Ledigt igen? Tur att sopgubbarna får betalt för att sitta hemma. Typiskt kommunen.",
  -- troll: bevaka, dölj eller anmäl (standard för stämningen troll)
}

-- ---- fredag 15 maj: arbetsdag ----
post {
  id = "p2", at = "2026-05-15 09:00",
  text = "Från måndag 18 maj sopar vi gatorna i centrala Ekby. Följ de tillfälliga "
      .. "skyltarna om parkeringsförbud, annars kan bilen flyttas. Se vilken gata som sopas "
      .. "vilken dag på " .. GATUSOPNING,
}

comment {
  id = "c6", at = "2026-05-15 10:20", on = "p2", author = "sara",
  text = "Jag har boendeparkering på Storgatan. Var får jag ställa bilen de dagar ni "
      .. "sopar just där?",
  expect = { link = GATUSOPNING,
    points = {
      { label = "parkera vid Ekby station", say = { "station", "infartsparkering" } },
      { label = "utan avgift", say = { "utan avgift", "gratis", "avgiftsfritt", "kostar inget" } },
    },
    model = "De dagar Storgatan sopas kan du ställa bilen på infartsparkeringen vid Ekby "
        .. "station, utan avgift om du har boendeparkering. Vilken dag din gata sopas ser du på "
        .. GATUSOPNING },
}

comment {
  id = "c7", at = "2026-05-15 13:45", on = "p2", author = "olle",
  text = "Sopa gator kan ni, men när tänker ni laga potthålen på väg 245 mellan Ekby och "
      .. "Norrås? Jag fick byta fälg förra veckan.",
  -- väg 245 är en statlig väg: Trafikverket är väghållare. Hänvisa (länk) och skicka
  -- frågan vidare (escalate other_authority).
  expect = { escalate = "other_authority", rules = "refer_right_authority",
             link = TRAFIKVERKET, class = "dissatisfied", fault = "delete",
    points = {
      { label = "väg 245 är en statlig väg", say = { "statlig", "staten" } },
      { label = "frågan är skickad vidare", say = { "skickat", "vidare", "skickar" } },
    },
    refer = { label = "Trafikverket", say = { "Trafikverket", "trafikverket.se" } },
    avoid = {
      { label = "lovar att kommunen lagar vägen", say = { "vi lagar", "vi lovar", "vi åtgärdar" } },
      { label = "skyller på Trafikverket", say = { "Trafikverkets fel", "deras fel" } },
    },
    model = "Jag förstår att det är irriterande, och tråkigt med fälgen. Väg 245 är en statlig "
        .. "väg som Trafikverket sköter. Vi har skickat din fråga vidare till dem. Du kan "
        .. "också felanmäla vägen och söka ersättning för fälgen hos Trafikverket på "
        .. TRAFIKVERKET },
}

post {
  id = "p3", at = "2026-05-15 15:00",
  text = "Nu finns beskeden om skolplacering i förskoleklass till hösten i e-tjänsten. "
      .. "Där ser du också hur du tackar ja, ställer dig i kö eller ansöker om byte. "
      .. "Läs mer på " .. SKOLPLACERING,
}

comment {
  id = "c8", at = "2026-05-15 15:30", on = "p2", author = "kerstin",
  text = "Samma visa varje år. Skyltarna kommer upp kvällen innan och sen står bärgaren "
      .. "där på morgonen.",
  -- lös kommentar med underliggande kritik och en outtalad fråga (när sätts skyltarna
  -- upp, hur får man veta?): svara allmänt och länka, ingen debatt.
  expect = { rules = "implicit_question", link = GATUSOPNING, class = "dissatisfied",
             ok = "reply", fault = "delete",
    points = {
      { label = "skyltarna sätts upp fem dagar före", say = { "fem dagar", "5 dagar" } },
      { label = "sms dagen innan", say = { "sms" } },
    },
    need = 1,
    avoid = { { label = "säger emot", say = { "stämmer inte", "inte sant", "fel av dig" } } },
    model = "Jag förstår att det känns stressigt. Skyltarna ska sitta uppe senast fem dagar "
        .. "före sopningen. På " .. GATUSOPNING .. " ser du vilken dag din gata sopas, och där "
        .. "kan du också få ett sms dagen innan." },
}

internal {
  id = "i1", at = "2026-05-15 16:00", from = "colleague",
  text = "Jag går på helg nu. Skolbeskeden kom ut i eftermiddags, så det blir säkert "
      .. "frågor i helgen. Kom ihåg: det som kommer i helgen ska vara besvarat senast när "
      .. "måndagen är slut. Trevlig helg! /Sofia",
}

-- Det ett svar på skolfrågorna inte får säga.
local UNDVIK = { { label = "lovar en plats", say = { "vi lovar", "garanterar" } } }

-- Skolfrågorna: ett jämnt, lugnt flöde från fredag eftermiddag till söndag kväll.
storm {
  id = "skol", on = "p3",
  from = "2026-05-15 15:30", to = "2026-05-17 21:00",
  count = 10,
  curve = { { "+0m", 1 }, { "+6h", 0.6 }, { "+12h", 0.05 }, { "+17h", 0.8 },
            { "+30h", 0.2 }, { "+36h", 0.05 }, { "+42h", 0.6 }, { "+53h", 0.3 } },
  moods = { calm = 3, worried = 4, frustrated = 2, troll = 0.5 },
  texts = {
    -- trollen har inget tema
    troll = {
      "Skolvalet i Ekby är ett lotteri där alla förlorar.",
      "Haha, lycka till att få svar före midsommar.",
    },
  },
  -- Vad frågorna handlar om. Nyckelpunkterna och modellsvaren är fakta som scenariot självt
  -- ger (inlägget om skolplaceringen och "Fakta för svaren" i beskrivningen), och ingen
  -- nyckelpunkts fraser står i temats egna texter.
  themes = {
    { id = "datum", label = "fritids och skolstarten", kind = "question", share = 2,
      texts = {
        calm = { "Får man besked om fritids samtidigt, eller kommer det senare?",
                 "När börjar förskoleklassen i augusti?" },
        any = { "När börjar förskoleklassen i augusti?" },
      },
      points = {
        { label = "besked om fritids i juni", say = { "juni" } },
        { label = "förskoleklassen börjar 17 augusti", say = { "17 augusti" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Besked om fritids kommer i juni, och förskoleklassen börjar den 17 augusti. Läs "
          .. "mer på " .. SKOLPLACERING },
    { id = "beskedet", label = "var beskedet finns", kind = "question", share = 2,
      texts = {
        calm = { "Var i e-tjänsten ser man vilken skola man har fått?" },
        worried = { "Vi har inte fått något besked alls i e-tjänsten. Har alla fått sitt?" },
        any = { "Var i e-tjänsten ser man vilken skola man har fått?" },
      },
      points = {
        { label = "tacka ja, kö eller byte senast den 31 maj", say = { "31 maj" } },
        { label = "läs mer om skolplaceringen", say = { "skolplacering", "skolplaceringen" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Beskeden om skolplacering i förskoleklass finns nu i e-tjänsten. Där tackar du "
          .. "också ja, ställer dig i kö eller ansöker om byte senast den 31 maj. Läs mer på "
          .. SKOLPLACERING },
    { id = "ko", label = "kö och byte av skola", kind = "question", share = 3,
      texts = {
        worried = {
          "Måste man tacka ja till platsen innan man ställer sig i kö till en annan skola?",
          "Kan syskon få gå på samma skola om de har fått olika besked?",
          "Vår dotter fick en skola på andra sidan stan. Finns det skolskjuts?",
        },
        any = { "Måste man tacka ja till platsen innan man ställer sig i kö till en annan skola?" },
      },
      points = {
        { label = "kö och byte söks senast den 31 maj", say = { "31 maj" } },
        { label = "elevhälsan tittar på särskilda behov", say = { "elevhälsan", "särskilda behov" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Du tackar ja till platsen i e-tjänsten och kan ändå ställa dig i kö till en annan "
          .. "skola. Kö och byte söker du i e-tjänsten senast den 31 maj, och elevhälsan tittar "
          .. "på särskilda behov när du ansöker om byte. Läs mer på " .. SKOLPLACERING },
    { id = "fredag", label = "att beskeden kom en fredag", kind = "complaint", share = 1,
      texts = {
        frustrated = { "Varför skickar ni ut beskeden en fredag eftermiddag när ingen går att nå?" },
        any = { "Varför skickar ni ut beskeden en fredag eftermiddag när ingen går att nå?" },
      },
      points = {
        { label = "det finns tid: senast den 31 maj", say = { "31 maj" } },
      },
      avoid = UNDVIK,
      model = "Jag förstår att det känns stressigt att få beskedet inför helgen. Du har tid på "
          .. "dig: du tackar ja, ställer dig i kö eller ansöker om byte i e-tjänsten senast den "
          .. "31 maj, och vi svarar på frågor här. Läs mer på " .. SKOLPLACERING },
    { id = "valet", label = "att man inte fick sitt val", kind = "complaint", share = 1,
      texts = {
        frustrated = { "Vi fick inte något av våra tre val. Vad var då meningen med att välja?" },
        any = { "Vi fick inte något av våra tre val. Vad var då meningen med att välja?" },
      },
      points = {
        { label = "kö och byte söks senast den 31 maj", say = { "31 maj" } },
        { label = "en handläggare tar överklaganden", say = { "överklaga", "handläggare" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Jag förstår att ni är besvikna. Ni kan tacka ja till platsen och ändå ställa er i "
          .. "kö till en annan skola: kö och byte söker ni i e-tjänsten senast den 31 maj. Vill "
          .. "ni överklaga placeringen tar en handläggare på skolförvaltningen hand om det. Läs "
          .. "mer på " .. SKOLPLACERING },
  },
  -- trollens kommentarer behåller trollstandarden (bevaka, dölj eller anmäl)
  expect = { link = SKOLPLACERING, fault = "delete" },
}

-- ---- lördag 16 maj ----
comment {
  id = "c9", at = "2026-05-16 10:15", on = "p3", author = "amira",
  text = "Vi fick inte vår förstahandsskola. Hur gör man för att byta skola eller "
      .. "ställa sig i kö?",
  -- lördag: svaret ska vara ute senast när måndagen är slut
  expect = { link = SKOLBYTE,
    points = {
      { label = "ansök om kö eller byte i e-tjänsten", say = { "e-tjänst", "e-tjänsten" } },
      { label = "senast den 31 maj", say = { "31 maj" } },
      { label = "tacka ja till platsen först", say = { "tacka ja", "tackar ja" } },
    },
    need = 2,
    avoid = { { label = "lovar en plats", say = { "vi lovar", "ni får plats", "garanterar" } } },
    model = "Vad tråkigt att ni inte fick er förstahandsskola. Tacka ja till platsen ni har "
        .. "fått, så behåller ni den. Ansök sedan om kö eller byte i e-tjänsten senast den 31 "
        .. "maj. Så gör du: " .. SKOLBYTE },
}

comment {
  id = "c10", at = "2026-05-16 21:40", on = "p3", author = "johanna",
  text = "Vår son Elias Nyberg, 190418-2381, har fått plats på Norråsskolan fast vi bor på "
      .. "Hagvägen 7, bara 400 meter från Ekbackens skola där hans syster redan går. Det "
      .. "här måste vara fel och jag vill överklaga. Ring mig på 070-174 06 47.",
  -- ett enskilt ärende med ett barns personuppgifter: till ärendehandläggningen. Det
  -- offentliga svaret säger var ärendet fortsätter, utan detaljer och utan att be om fler
  -- uppgifter. Att dölja kommentaren (personuppgifter) är också rätt; att radera den inte.
  expect = { escalate = "case_handling", rules = { "move_case", "private_data" },
             class = "dissatisfied", ok = { "reply", "hide" }, fault = "delete",
    points = { { label = "ärendet är skickat till en handläggare", say = { "skickat", "lämnat", "vidare" } } },
    channel = { label = "en handläggare på skolförvaltningen ringer upp",
                say = { "handläggare", "skolförvaltning", "ringer dig", "ringer upp" } },
    avoid = {
      { label = "diskuterar ärendet öppet", say = { "Elias", "Norråsskolan", "Ekbackens", "Hagvägen", "syster" } },
      { label = "ber om personuppgifter", say = { "personnummer", "ditt telefonnummer", "din adress" } },
      { label = "lovar ett utfall", say = { "vi lovar", "ni får byta", "ändrar placeringen" } },
    },
    model = "Jag förstår att det här är viktigt för er. Vi har skickat ditt ärende till en "
        .. "handläggare på skolförvaltningen, som ringer upp dig på måndag. Skriv inga fler "
        .. "personuppgifter här i kommentarerna." },
}

-- ---- söndag 17 maj ----
comment {
  id = "c11", at = "2026-05-17 16:20", on = "p3", author = "amira",
  text = "Jag frågade i går men hittar inte svaret i tråden. Hur gör man för att byta skola?",
  repeat_of = "c9",
  expect = { link = SKOLBYTE,
    points = {
      { label = "ansök om kö eller byte i e-tjänsten", say = { "e-tjänst", "e-tjänsten" } },
      { label = "senast den 31 maj", say = { "31 maj" } },
      { label = "tacka ja till platsen först", say = { "tacka ja", "tackar ja" } },
    },
    need = 2,
    avoid = { { label = "lovar en plats", say = { "vi lovar", "ni får plats", "garanterar" } } },
    model = "Förlåt, svaret kom längre upp i tråden. Tacka ja till platsen ni har fått och "
        .. "ansök sedan om kö eller byte i e-tjänsten senast den 31 maj. Så gör du: " .. SKOLBYTE },
}

-- ---- måndag 18 maj: arbetsdag ----
comment {
  id = "c12", at = "2026-05-18 08:40", on = "p2", author = "lars",
  text = "Min bil är bortbogserad från Storgatan i morse! Skylten satt inte där när jag "
      .. "parkerade i fredags. Var hämtar jag den och vem betalar?",
  expect = { link = FLYTTAD_BIL, class = "dissatisfied", fault = "delete",
    points = {
      { label = "bilen står på Industrivägen 3", say = { "Industrivägen", "uppställningsplats" } },
      { label = "begär omprövning om skylten kom för sent", say = { "omprövning", "ompröva" } },
    },
    avoid = {
      { label = "skyller på bilägaren", say = { "ditt eget fel", "borde ha sett", "får skylla dig själv" } },
      { label = "spekulerar", say = { "troligen", "förmodligen" } },
    },
    model = "Jag förstår att du blir arg, det är en tråkig start på veckan. Bilen står på "
        .. "uppställningsplatsen på Industrivägen 3, som har öppet vardagar 7-18. Satt skylten "
        .. "inte uppe i tid kan du begära omprövning av avgiften på " .. FLYTTAD_BIL },
}

-- ---- callbacks ----

local function is_resident_comment(id)
  return id ~= nil and (id:match("^c%d+$") ~= nil or id:sub(1, 5) == "skol-")
end

-- Ett svar till den frustrerade Göran: ett svar med länk och innehåll ger ett tack tillbaka;
-- ett kort svar utan länk ("Ok.") gör honom mer irriterad, och han frågar igen.
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
      text = "Okej, då kör jag dit på lördag i stället. Tack för svaret.",
      expect = { answer = false, class = "thanks" },
    }
  else
    inject {
      kind = "reply", id = "c2-igen", at = "+40m", on = "c2", author = "goran",
      text = "Var det hela svaret? Jag frågade när jag kan lämna mitt ris någonstans.",
      expect = { link = ATERVINNING, class = "dissatisfied", fault = "delete",
        points = { { label = "öppet fredag och lördag", say = { "fredag", "lördag" } } },
        model = "Jag förstår att du ville ha ett tydligare svar, förlåt. Riset kan du lämna på "
            .. "återvinningscentralen på fredag 7-19 eller på lördag 9-16. Läs mer på "
            .. ATERVINNING },
    }
  end
end)

-- Att radera en invånares kommentar syns: en arg kommentar om censur, och en skärmdump
-- som når lokaltidningen (public_record).
local protested = false
on("delete", function(a)
  if protested or not is_resident_comment(a.item) or a.item == "c5" then return end
  protested = true
  local post = (a.item == "c1" or a.item == "c2" or a.item == "c3" or a.item == "c4") and "p1"
      or ((a.item == "c6" or a.item == "c7" or a.item == "c8" or a.item == "c12") and "p2" or "p3")
  inject {
    kind = "comment", id = "censur", at = "+30m", on = post, author = "birgitta",
    text = "Jag såg att ni tog bort en kommentar här. Är det så Ekby kommun hanterar kritik?",
    expect = { class = "dissatisfied", fault = "delete", rules = "response_model",
      points = {
        { label = "saklig kritik får stå kvar", say = { "saklig kritik", "stå kvar", "ligga kvar" } },
        { label = "bara hot, hat och personuppgifter tas bort", say = { "hot", "hat", "personuppgifter" } },
      },
      avoid = { { label = "skyller på någon annan", say = { "inte vårt fel", "kollegans fel", "någon annans fel" } } },
      model = "Jag förstår att du reagerar, och du har rätt att fråga. Saklig kritik ska stå "
          .. "kvar hos oss. Vi tar bara bort hot, hat och personuppgifter. Vi svarar gärna på "
          .. "dina frågor här." },
  }
  inject {
    kind = "internal", id = "i-skarmdump", at = "+3h", from = "press_officer",
    text = "Hej! En skärmdump på en kommentar som vi har raderat sprids, och Ekby Tidning "
        .. "har frågat om vi tar bort kritik. Vi får inte radera saklig kritik. Kvittera att "
        .. "du sett det här, så pratar vi om hur vi svarar. /Elin",
    expect = { answer = true, within = "1h", rules = { "public_record", "inform_up" } },
  }
end)

-- Att svara trollet ger mer trollande, och en invånare som undrar varför kommunen bråkar.
local fed = false
on("reply", function(a)
  if fed or a.item ~= "c5" then return end
  fed = true
  inject {
    kind = "reply", id = "c5-igen", at = "+20m", on = "c5", author = "bosse",
    text = "Haha, där tog det visst. Kommunen har tid att bråka men inte att tömma soporna.",
  }
  inject {
    kind = "reply", id = "c5-tomas", at = "+2h", on = "c5", author = "tomas",
    text = "Varför ger sig kommunen in i diskussioner med sådana här kommentarer? "
        .. "Var kan man i stället läsa hur sophämtningen fungerar i helgen?",
    expect = { link = SOPHAMTNING,
      points = { { label = "torsdagens tömning görs på lördag", say = { "lördag", "16 maj" } } },
      model = "Du har en poäng, vi ska inte diskutera med sådana kommentarer. Tömningen som "
          .. "skulle ha gjorts på torsdag görs i stället på lördag den 16 maj. Läs mer på "
          .. SOPHAMTNING },
  }
end)

-- Det enskilda ärendet: eskalerat till ärendehandläggningen ger ett tack på måndagen.
local case_moved = false
on("escalate", function(a)
  if a.item == "c10" and a.target == "case_handling" and not case_moved then
    case_moved = true
    -- handläggaren ringer måndag förmiddag, eller två timmar senare om det redan är måndag
    local at = state().now < "2026-05-18T08:30:00" and "2026-05-18 10:30" or "+2h"
    inject {
      kind = "reply", id = "c10-tack", at = at, on = "c10", author = "johanna",
      text = "Handläggaren har ringt mig nu och vi har gått igenom överklagandet. Tack!",
      expect = { answer = false, class = "thanks" },
    }
  end
end)

-- ... och om ingen har flyttat ärendet på måndag förmiddag skriver hon igen.
when(function(s) return s.now >= "2026-05-18T11:00:00" end, function(s)
  if case_moved then return end
  -- raderades hennes kommentar skriver hon en ny under inlägget i stället
  local c10 = item_state("c10")
  local deleted = c10 ~= nil and c10.deleted
  inject {
    kind = deleted and "comment" or "reply", id = "c10-igen", on = deleted and "p3" or "c10",
    author = "johanna",
    text = "Det är måndag nu och ingen har hört av sig. Ska jag skriva allt en gång till "
        .. "här, eller vart vänder jag mig med överklagandet?",
    expect = { escalate = "case_handling", rules = "move_case", class = "dissatisfied",
               fault = "delete",
      points = { { label = "ärendet är skickat till en handläggare", say = { "skickat", "lämnat", "vidare" } } },
      channel = { label = "en handläggare på skolförvaltningen ringer upp",
                  say = { "handläggare", "skolförvaltning", "ringer upp" } },
      avoid = {
        { label = "diskuterar ärendet öppet", say = { "Elias", "Norråsskolan", "Ekbackens", "Hagvägen", "syster" } },
        { label = "ber om personuppgifter", say = { "personnummer", "ditt telefonnummer", "din adress" } },
      },
      model = "Jag förstår att du är besviken, och förlåt att ingen har hört av sig. Jag har "
          .. "skickat ditt ärende till en handläggare på skolförvaltningen, som ringer upp dig "
          .. "i dag. Skriv inga personuppgifter här." },
  }
end)

-- Skolfrågorna: ett informativt inlägg dämpar flödet; många obesvarade i helgen driver
-- upp det och ger en fråga om varför ingen svarar.
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
      text = "Är det ingen som svarar här i helgen? Vi är flera som undrar samma sak om "
          .. "skolplaceringen.",
      expect = { link = SKOLPLACERING,
        points = {
          { label = "alla får svar senast måndag", say = { "måndag" } },
          { label = "svara senast den 31 maj", say = { "31 maj" } },
        },
        need = 1,
        avoid = { { label = "lovar svar genast", say = { "vi lovar" } } },
        model = "Förlåt att det dröjer. Vi svarar på alla frågor senast på måndag. Beskeden "
            .. "finns i e-tjänsten, och där tackar du ja eller ansöker om byte senast den 31 "
            .. "maj. Läs mer på " .. SKOLPLACERING },
    }
  end
end)

-- Måndag morgon: chefen frågar hur helgen gick; texten beror på vad som fortfarande väntar.
when(function(s) return s.now >= "2026-05-18T08:15:00" end, function(s)
  local text
  if s.waiting >= 3 then
    text = "God morgon! Jag ser att " .. s.waiting .. " kommentarer och meddelanden från "
        .. "helgen och helgdagen fortfarande väntar på svar. Ta dem först i dag: de ska vara "
        .. "besvarade innan arbetsdagen är slut. Kvittera att du sett det här. /Anders"
  else
    text = "God morgon! Det ser lugnt ut efter helgen, bra jobbat med svaren. Kvittera att "
        .. "du sett det här, så tar vi en kort avstämning efter lunch. /Anders"
  end
  inject {
    kind = "internal", id = "i-chef", from = "manager", text = text,
    expect = { answer = true, within = "1h", rules = "inform_up" },
  }
end)

-- ---- för övningsledaren (Shift+F9 skickar nästa) ----
prepared {
  kind = "comment", author = "fatima", on = "p3",
  text = "Vår son har en diagnos och behöver en mindre skola. Räknas det när ni placerar?",
  expect = { link = SKOLPLACERING,
    points = {
      { label = "skriv om behoven i ansökan om byte", say = { "ansökan", "ansöker" } },
      { label = "elevhälsan tittar på det", say = { "elevhälsa", "elevhälsan" } },
    },
    need = 1,
    avoid = {
      { label = "lovar en plats", say = { "vi lovar", "garanterar" } },
      { label = "ber om hälsouppgifter", say = { "vilken diagnos", "berätta mer om diagnosen" } },
    },
    model = "Ja, det kan vägas in. Skriv om er sons behov när ni ansöker om byte i "
        .. "e-tjänsten, så tittar elevhälsan på det. Skriv inga uppgifter om diagnosen här. "
        .. "Läs mer på " .. SKOLPLACERING },
}
prepared {
  kind = "internal", from = "press_officer",
  text = "Hej! Ekby Tidning skriver om skolplaceringarna och frågar hur många som hört av "
      .. "sig till oss i sociala medier. Kan du ge mig en lägesbild? Kvittera. /Elin",
  expect = { answer = true, within = "1h", rules = "inform_up" },
}

-- ---- svarsmallar (regeln qa_templates) ----
template { id = "svar-lank", title = "Svar med länk",
  text = "Hej [namn]!\nTack för din fråga. [kort svar]\nLäs mer på [länk]\n"
      .. "Vänliga hälsningar,\n[ditt namn]" }
template { id = "annan-myndighet", title = "Hänvisa till rätt myndighet",
  text = "Hej [namn]!\nTack för att du hör av dig. [frågan] ansvarar [myndighet] för, inte "
      .. "kommunen. Vi har skickat din fråga vidare till dem, och du kan också kontakta dem "
      .. "direkt på [länk]\nVänliga hälsningar,\n[ditt namn]" }
template { id = "enskilt-arende", title = "Enskilt ärende – till handläggare",
  text = "Hej [namn]!\nJag förstår att det här är viktigt för er. Vi har skickat ditt ärende "
      .. "till [förvaltning/handläggare], som kontaktar dig direkt. Skriv inte fler "
      .. "personuppgifter här i kommentarerna.\nVänliga hälsningar,\n[ditt namn]" }
