-- Kommentarsstorm: Norrby bibliotek stänger.
--
-- WHAT IT TRAINS
-- A storming comment field after an unpopular decision. The evening before, Ekby's
-- culture and leisure committee decided to close the district library in Norrby. The
-- morning post about it draws a storm that rises to a few hundred comments an hour:
-- mostly angry, frustrated and worried residents, some trolls, many repeats. Its
-- comments stand for six themes: the homework help, the mobile library and audiobooks,
-- the staff, the rumour that the premises are sold, the cost and the saving (criticism),
-- and the public meeting / appealing. Each theme wants one good public answer (pin it:
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
-- messages and "Fakta för svaren" in the description), and their phrases are words only a
-- reply that gives the fact contains, never words of the question. A model answer is the
-- reply's body only: "Hej <förnamn>!" and "Vänliga hälsningar, <namn>" are added around it.

scenario {
  id = "kommentarsstorm",
  platform = "facebook",
  title = "Kommentarsstorm: Norrby bibliotek stänger",
  language = "sv",
  description = [[
Onsdag morgon. I går kväll beslutade kultur- och fritidsnämnden att Norrby bibliotek
stänger den 30 september för att spara pengar. Kommunen har just berättat om beslutet
på sitt konto, och kommentarsfältet fylls snabbt: hundratals kommentarer i timmen från
arga, frustrerade och oroliga Norrbybor, troll och samma frågor om och om igen. Mitt i
stormen kommer ett hot mot bibliotekschefen, en journalist från Ekby Tidning ringer
och din chef vill ha en lägesbild.

Fakta för svaren: kultur- och fritidsnämnden beslutade att stänga biblioteket för att
spara pengar. Kommunen hyr lokalen och äger den inte, så den säljs inte; hyresavtalet sägs
upp. Bokbussen kommer till Norrby torg tisdagar och torsdagar och lånar ut böcker och
ljudböcker, och flera av bibliotekarierna från Norrby jobbar där. Läxhjälpen flyttar till
Norrby skola i oktober, samma dagar och tider som i dag. Den 6 maj blir det ett
dialogmöte med politikerna i Norrby skola. Journalister får svar av pressansvariga Elin
Sandberg.]],
  aim = [[
Håll huvudet kallt i ett stormande kommentarsfält. Ta in chef och kollega tidigt, låt
pressansvarig veta och publicera ett inlägg som visar vad kommunen gör. Svara snabbt
och kort: bekräfta först när någon är arg, rätta missförstånd med länk, hänvisa
upprepade frågor till ditt tidigare svar och låt trollen vara. Radera aldrig saklig
kritik. Ett hot ska döljas, anmälas och lämnas till juristen direkt, journalister
lämnas till pressansvarig och chefen ska få en lägesbild inom några minuter.]],
  role = "Redaktör för sociala medier, Ekby kommun",
  start = "2026-04-22 08:30",   -- a Wednesday
  duration = "3h",
  compression = 3,              -- three simulated hours in one real hour: a person can keep up (issue 13)
  slot = "1h30m",              -- the workshop slot: the hour, briefing and debrief
  seed = 4242,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
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
        { label = "vad som har hänt: biblioteket stänger", say = { "30 september", "stänger", "beslut" } },
        { label = "vad vi gör: bokbuss, läxhjälp, dialogmöte", say = { "bokbuss", "läxhjälp", "dialogmöte", "6 maj" } },
        { label = "var man läser mer", say = { "frågor och svar", "läs mer", "webbplats", "vanligaste frågorna", "finns på" } },
      },
      model = "Norrby bibliotek stänger den 30 september. Bokbussen kommer till Norrby torg "
          .. "tisdagar och torsdagar, och läxhjälpen flyttar till Norrby skola. Den 6 maj har vi "
          .. "ett dialogmöte i Norrby skola. Vi svarar på frågor här i dag. Läs mer på "
          .. "https://www.example.se/ekby/norrby-bibliotek/fragor-och-svar",
    },
  },
  -- ord i svaren som stavningskontrollen inte känner till
  words = { "Ekby", "Norrby", "Norrbybor", "bokbussen", "läxhjälpen", "stadsbiblioteket",
            "dialogmöte", "bibliotekarierna" },
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
  image_alt = "Norrby bibliotek, en tegelbyggnad med bokhyllor i fönstren, och bokbussen bredvid",
  text = "Kultur- och fritidsnämnden beslutade i går att Norrby bibliotek stänger den 30 "
      .. "september. Bokbussen kommer till Norrby torg två dagar i veckan, läxhjälpen "
      .. "flyttar till Norrby skola och stadsbiblioteket får längre öppettider. "
      .. "Läs mer om beslutet på " .. BESLUT,
}

internal {
  id = "i0", at = "+0m", from = "colleague",
  text = "Hej! Inlägget om Norrby bibliotek är ute och det brukar bli mycket kommentarer "
      .. "om sånt här. Frågor och svar finns på " .. FRAGOR .. " Säg till om du behöver "
      .. "hjälp, jag sitter i huset hela förmiddagen. /Sofia",
  -- information only: no answer expected
}

comment {
  id = "c1", at = "+3m", on = "p1", author = "lisa",
  text = "Vad händer med läxhjälpen på tisdagar? Min son går dit varje vecka.",
  expect = { within = "20m", link = FRAGOR, rules = "answer_questions",
    points = {
      { label = "läxhjälpen flyttar till Norrby skola", say = { "Norrby skola", "skolan" } },
      { label = "samma dagar och tider", say = { "samma dagar", "samma tider", "oktober" } },
    },
    need = 1,
    avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
    model = "Läxhjälpen finns kvar. Den flyttar till Norrby skola i oktober och har samma "
        .. "dagar och tider som i dag. Läs mer på " .. FRAGOR },
}

comment {
  id = "c2", at = "+6m", on = "p1", author = "birgitta",
  text = "Förra året sa ni på dialogmötet att biblioteket var tryggat. Nu stänger ni det "
      .. "ändå, utan att fråga oss som bor här. Hur ska vi kunna lita på er?",
  -- justified criticism: acknowledge, answer briefly, link; deleting it is a serious fault
  expect = { within = "20m", link = BESLUT, class = "justified_criticism", fault = "delete",
             rules = { "acknowledge", "response_model" },
    points = {
      { label = "nämnden beslutade för att spara pengar", say = { "spara", "besparing", "nämnden" } },
      { label = "dialogmöte den 6 maj", say = { "6 maj" } },
    },
    avoid = {
      { label = "skyller på politikerna", say = { "politikernas fel", "inte vårt beslut", "inte vårt fel" } },
      { label = "lovar att beslutet ändras", say = { "vi lovar", "river upp" } },
    },
    model = "Jag förstår att du är besviken, och det är rimligt att du frågar. Nämnden "
        .. "beslutade i går att stänga biblioteket för att spara pengar. Den 6 maj har vi ett "
        .. "dialogmöte i Norrby skola där du kan ställa dina frågor till politikerna. Läs mer "
        .. "om beslutet på " .. BESLUT },
}

-- The storm's texts per theme and mood (the themes below declare them; compose adds the
-- mood's tails). No text contains a phrase of its theme's key points: a reply that only
-- echoes the question meets none of them.
local TEXTS = {
  laxhjalp = {
    worried = { "Vad händer med läxhjälpen efter september?",
                "Min son går på läxhjälpen varje vecka. Vad händer nu?" },
    calm = { "Var blir läxhjälpen av när biblioteket stänger?" },
    frustrated = { "Och läxhjälpen då? Den är det enda stödet många barn har." },
    angry = { "Ni tar läxhjälpen från barnen i Norrby. Skäms!" },
    any = { "Vad händer med läxhjälpen?" },
  },
  bokbussen = {
    calm = { "Vilka dagar kommer bokbussen till Norrby torg?" },
    worried = { "Kan man låna ljudböcker någonstans i Norrby när biblioteket stänger?",
                "Min mamma lånar ljudböcker där varje vecka. Vad ska hon göra nu?" },
    frustrated = { "Bokbuss två dagar i veckan ersätter inte ett bibliotek.",
                   "Min mamma lånar ljudböcker där varje vecka. Vad ska hon göra nu?",
                   "Hur ska pensionärerna ta sig till stadsbiblioteket? Bussen går en gång i timmen." },
    angry = { "En bokbuss! Tror ni att det ersätter ett bibliotek?" },
    any = { "Hur ska vi låna böcker nu?" },
  },
  personalen = {
    worried = { "Får personalen behålla jobben?", "Vad händer med personalen i Norrby?" },
    calm = { "Vad händer med de som jobbar på biblioteket nu?" },
    frustrated = { "Personalen där känner alla barn vid namn. Ska de bara försvinna?" },
    angry = { "Ni gör er av med personalen för några kronor. Skäms." },
    any = { "Vad händer med personalen?" },
  },
  lokalen = {
    worried = { "Stämmer det att lokalen ska säljas och bli lägenheter?" },
    calm = { "Någon skriver i Norrbygruppen att huset ska säljas till en byggfirma. Stämmer det?" },
    frustrated = { "Vad sparar ni egentligen? Lokalen står ju kvar." },
    angry = { "Ni säljer lokalen till en byggfirma och kallar det besparing. Skandal." },
    any = { "Vad händer med lokalen?" },
  },
  kostnaden = {
    angry = { "Skandal. Ni lägger ner det enda som fungerar i Norrby.",
              "Så det finns pengar till nya rondeller men inte till våra barn?",
              "Skäms. Norrby får alltid ta smällen.",
              "Det här beslutet kommer att kosta mer än det smakar. Riv upp det!",
              "Helt vansinnigt. Biblioteket är det enda varma stället för många här.",
              "Tack för ingenting, Ekby kommun." },
    frustrated = { "Vem i nämnden har ens varit i Norrby bibliotek?",
                   "Ni stänger biblioteket och undrar sen varför ungdomarna hänger i centrum." },
    worried = { "Jag är orolig för vad som händer med Norrby när biblioteket försvinner." },
    calm = { "Jag förstår att kommunen måste prioritera, men varför just Norrby?" },
  },
  dialogmotet = {
    calm = { "Går det att överklaga beslutet?", "Blir det något möte där vi kan ställa frågor?" },
    frustrated = { "Varför fick vi inte säga vår mening innan ni bestämde?",
                   "Jag har skrivit till politikerna tre gånger utan svar. Varför lyssnar ingen?",
                   "Det är alltid samma sak: besluten fattas och sen får vi veta." },
    worried = { "Kan vi som bor här påverka beslutet på något sätt?" },
    angry = { "Ni har inte ens frågat oss som bor här. Hur kan ni kalla er demokratiska?" },
  },
}
local TROLLS = {
  "Vem läser böcker 2026 ändå? Bygg en padelhall.",
  "Haha Norrby, vad väntade ni er?",
  "Stäng hela kommunhuset i stället så sparar vi mer.",
  "Läs en bok om att gnälla mindre.",
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
      angry = { "", "", " Otroligt.", " Ni borde skämmas.", " Svara!" },
      frustrated = { "", "", " Suck.", " Det känns som att ingen bryr sig." },
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
    { id = "laxhjalp", label = "läxhjälpen", kind = "question", share = 2,
      texts = TEXTS.laxhjalp,
      points = {
        { label = "läxhjälpen flyttar till Norrby skola", say = { "Norrby skola" } },
        { label = "samma dagar och tider", say = { "samma dagar", "samma tider" } },
      },
      need = 1,
      avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
      model = "Läxhjälpen flyttar till Norrby skola i oktober och har kvar samma dagar och "
          .. "tider som i dag. Läs mer på " .. FRAGOR },
    { id = "bokbussen", label = "bokbussen och ljudböckerna", kind = "question", share = 2,
      texts = TEXTS.bokbussen, link = BOKBUSS,
      points = {
        { label = "tisdagar och torsdagar på Norrby torg", say = { "tisdagar", "torsdagar", "tisdag", "torsdag" } },
        { label = "bibliotekarierna från Norrby jobbar på bussen", say = { "bibliotekarierna", "bibliotekarier" } },
      },
      need = 1,
      avoid = { { label = "lovar för mycket", say = { "vi lovar", "garanterar" } } },
      model = "Bokbussen kommer till Norrby torg tisdagar och torsdagar och lånar ut både "
          .. "böcker och ljudböcker. Flera av bibliotekarierna från Norrby jobbar där. Läs mer "
          .. "på " .. BOKBUSS },
    { id = "personalen", label = "personalen", kind = "question", share = 1,
      texts = TEXTS.personalen,
      points = {
        { label = "flera bibliotekarier jobbar på bokbussen", say = { "bokbussen", "bokbuss" } },
      },
      avoid = { { label = "lovar att alla får behålla jobben", say = { "alla får behålla", "ingen blir av med", "vi lovar" } } },
      model = "Flera av bibliotekarierna från Norrby jobbar på bokbussen, som kommer till "
          .. "Norrby torg tisdagar och torsdagar. Läs mer på " .. FRAGOR },
    { id = "lokalen", label = "lokalen säljs", kind = "rumour", share = 1,
      texts = TEXTS.lokalen, link = BESLUT,
      points = {
        { label = "kommunen hyr lokalen", say = { "hyr", "hyrd", "hyresavtal" } },
        { label = "lokalen säljs inte", say = { "äger inte", "säljs inte", "säljer inte", "kan inte säljas" } },
      },
      need = 1,
      avoid = { { label = "spekulerar om lokalen", say = { "troligen", "förmodligen", "kanske" } } },
      model = "Nej, det stämmer inte. Kommunen hyr lokalen och äger den inte, så den säljs "
          .. "inte. Hyresavtalet sägs upp när biblioteket stänger den 30 september. Läs mer på "
          .. BESLUT },
    { id = "kostnaden", label = "kostnaden och besparingen", kind = "complaint", share = 4,
      texts = TEXTS.kostnaden, link = BESLUT,
      points = {
        { label = "nämnden beslutade för att spara pengar", say = { "spara", "besparing" } },
        { label = "dialogmöte med politikerna den 6 maj", say = { "6 maj", "dialogmöte" } },
      },
      need = 1,
      avoid = {
        { label = "skyller på politikerna", say = { "politikernas fel", "inte vårt beslut" } },
        { label = "lovar att beslutet ändras", say = { "vi lovar", "river upp" } },
      },
      model = "Jag förstår att beskedet gör dig besviken. Kultur- och fritidsnämnden beslutade "
          .. "att stänga biblioteket för att spara pengar. Den 6 maj blir det ett dialogmöte "
          .. "med politikerna i Norrby skola, där du kan säga vad du tycker. Läs mer om "
          .. "beslutet på " .. BESLUT },
    { id = "dialogmotet", label = "dialogmötet och att överklaga", kind = "question", share = 2,
      texts = TEXTS.dialogmotet, link = BESLUT,
      points = {
        { label = "dialogmöte med politikerna den 6 maj", say = { "6 maj", "dialogmöte" } },
        { label = "i Norrby skola", say = { "Norrby skola" } },
      },
      need = 1,
      avoid = { { label = "lovar att beslutet ändras", say = { "vi lovar", "river upp" } } },
      model = "Den 6 maj blir det ett dialogmöte med politikerna i Norrby skola. Där kan du "
          .. "ställa dina frågor och säga vad du tycker om beslutet. Läs mer om beslutet på "
          .. BESLUT },
  },
}

comment {
  id = "c3", at = "+15m", on = "p1", author = "mohammed",
  text = "Stämmer det att lokalen ska säljas till en byggfirma och bli lägenheter? Det "
      .. "skriver någon i Norrbygruppen.",
  -- misunderstanding: correct the facts (the premises are rented, nothing is sold)
  expect = { within = "20m", link = BESLUT, class = "misunderstanding",
             ok = { "reply", "correct_facts" }, fault = "delete",
             rules = { "response_model", "strengthen_message" },
    points = {
      { label = "kommunen hyr lokalen", say = { "hyr", "hyrd", "hyresavtal" } },
      { label = "inget säljs", say = { "äger inte", "säljs inte", "säljer inte", "kan inte säljas" } },
    },
    need = 1,
    avoid = { { label = "spekulerar om lokalen", say = { "troligen", "förmodligen", "kanske" } } },
    model = "Nej, det är ett missförstånd. Kommunen hyr lokalen och äger den inte, så vi "
        .. "säljer ingenting. Hyresavtalet sägs upp när biblioteket stänger den 30 september. "
        .. "Läs mer på " .. BESLUT },
}

comment {
  id = "c4", at = "+18m", on = "p1", author = "olle",
  text = "Biblotek är så 1900-tal. Lägg ner och bygg en padelhall, det vill folk ha.",
  -- troll: monitor, hide or report (the defaults); a long answer is a fault
}

comment {
  id = "c5", at = "+24m", on = "p1", author = "tomas",
  text = "Var blir läxhjälpen av efter september?",
  repeat_of = "c1",
  expect = { within = "20m", link = FRAGOR,
    points = {
      { label = "läxhjälpen flyttar till Norrby skola", say = { "Norrby skola", "skolan" } },
      { label = "samma dagar och tider", say = { "samma dagar", "samma tider", "tisdag" } },
    },
    need = 1,
    avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
    model = "Vi har svarat på samma fråga längre upp i tråden: läxhjälpen flyttar till Norrby "
        .. "skola i oktober, samma dagar och tider som i dag. Läs mer på " .. FRAGOR },
}

comment {
  id = "hotet", at = "+32m", on = "p1", author = "ronny",
  text = "Jag vet var bibliotekschefen bor. Stänger ni Norrby bibliotek så kommer jag hem "
      .. "till henne och ser till att hon ångrar sig. Det är inte ett skämt.",
  -- an unlawful threat: hide it, report it, and bring in legal (police report) at once.
  -- Deleting it destroys the evidence; leaving it visible is a fault too.
  expect = { answer = false, class = "illegal", ok = { "hide", "report" },
             fault = { "delete", "monitor", "reply" }, escalate = "legal",
             within = "15m", weight = 2, rules = { "response_model", "act_fast" } },
}

inquiry {
  id = "q1", at = "+55m", author = "hanna", outlet = "Ekby Tidning",
  text = "Hej, Hanna Ek på Ekby Tidning. Vi skriver om stängningen av Norrby bibliotek "
      .. "och ser att det stormar hos er. Vi har också fått tips om att någon hotat "
      .. "bibliotekschefen i era kommentarer. Kan ni bekräfta det, och hur hanterar ni "
      .. "det? Vi publicerar vid lunch.",
  expect = { within = "20m", escalate = "press_officer", weight = 2,
             rules = { "inform_up", "public_record" },
    points = { { label = "pressansvarig kontaktar dig", say = { "pressansvarig", "Elin" } } },
    avoid = { { label = "svarar själv i sak om hotet", say = { "polisanmält", "bekräftar", "hotet" } } },
    model = "Tack för att du hör av dig. Vår pressansvariga Elin Sandberg svarar på frågor "
        .. "från medier och kontaktar dig inom kort." },
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
    text = "Bra att ni förklarar vad som händer med läxhjälpen och bokbussen. Det lugnar "
        .. "i alla fall mig.",
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
      text = "Jag såg precis att ni raderade en kommentar. Är det så Ekby kommun hanterar "
          .. "kritik? Jag har tagit en skärmdump.",
      expect = { within = "15m", link = BESLUT, class = "dissatisfied", fault = "delete",
                 rules = { "response_model", "public_record" },
        points = {
          { label = "saklig kritik får stå kvar", say = { "saklig kritik", "stå kvar", "ligga kvar" } },
          { label = "bara hot och personuppgifter tas bort", say = { "hot", "personuppgifter" } },
        },
        avoid = { { label = "skyller på någon annan", say = { "inte vårt fel", "kollegans fel", "någon annans fel" } } },
        model = "Jag förstår att du reagerar, och du har rätt att fråga. Saklig kritik ska stå "
            .. "kvar hos oss. Vi tar bara bort hot och personuppgifter. Läs mer om beslutet på "
            .. BESLUT },
    }
  elseif deletes == 2 then
    inject {
      kind = "media", id = "artikel-censur", at = "+15m", outlet = "Ekby Tidning",
      title = "Kommunen raderar kritik mot biblioteksbeslutet",
      url = "https://www.example.se/ekbytidning/kommunen-raderar-kritik",
      text = "Flera Norrbybor vittnar om att deras kommentarer om biblioteket har "
          .. "försvunnit från kommunens konto. Skärmdumpar sprids i Norrbygruppen.",
      expect = { rules = "public_record" },
    }
    inject {
      kind = "internal", id = "press-censur", at = "+17m", from = "press_officer",
      text = "Ekby Tidning skriver att vi raderar kritik i kommentarerna. Stämmer det? "
          .. "Vi raderar aldrig saklig kritik, bara hot och personuppgifter. Kvittera och "
          .. "ring mig. /Elin",
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
    text = "Har du sett Ronny Lindqvists kommentar om bibliotekschefen? Den ligger "
        .. "fortfarande synlig. Det är ett hot: dölj den, anmäl den och ta in juristen "
        .. "så att vi kan polisanmäla. /Sofia",
    expect = { answer = true, within = "10m", rules = "response_model" },
  }
end)

-- No statement 35 minutes into the storm: the press officer asks for one.
when(function(s)
  return s.minute >= STORM_FROM + 35 and not stated
end, function(s)
  inject {
    kind = "internal", id = "press-uttalande", from = "press_officer",
    text = "Det stormar kring Norrby bibliotek och vi har inte sagt något mer än "
        .. "inlägget. Publicera ett kort inlägg om vad vi gör: att vi svarar, var "
        .. "frågorna och svaren finns och att det blir ett dialogmöte den 6 maj. "
        .. "Kvittera. /Elin",
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
    text = "Jag ser att många kommentarer väntar på svar. Du ska inte sitta ensam med "
        .. "det här: ta in en kollega som backup nu. /Anders",
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
    text = "Hej! Kommunalrådet ringer om Norrby bibliotek. Ge mig en kort lägesbild inom "
        .. "tio minuter: ungefär hur många kommentarer i timmen, vad de handlar om och om "
        .. "något måste anmälas. Kvittera direkt så vet jag att du sett det. /Anders",
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
    text = "Fortfarande inget svar. Jag frågade hur vi ska kunna lita på er när ni "
        .. "lovade att biblioteket var tryggat. Är det för svårt att svara på?",
    repeat_of = "c2",
    expect = { within = "15m", link = BESLUT, class = "justified_criticism",
               fault = "delete",
      points = {
        { label = "nämnden beslutade för att spara pengar", say = { "spara", "besparing", "nämnden" } },
        { label = "dialogmöte den 6 maj", say = { "6 maj" } },
      },
      avoid = {
        { label = "skyller på politikerna", say = { "politikernas fel", "inte vårt beslut", "inte vårt fel" } },
        { label = "lovar att beslutet ändras", say = { "vi lovar", "river upp" } },
      },
      model = "Jag förstår att du är besviken, och förlåt att svaret dröjde. Nämnden beslutade "
          .. "i går att stänga biblioteket för att spara pengar. Den 6 maj har vi ett "
          .. "dialogmöte i Norrby skola där du kan fråga politikerna. Läs mer på " .. BESLUT },
  }
end)

-- ---- answer templates (rule qa_templates) ----
template { id = "bekrafta", title = "Bekräfta och svara om stängningen",
  text = "Hej [namn]!\nJag förstår att beskedet gör dig besviken, och tack för att du "
      .. "säger vad du tycker. Bokbussen kommer till Norrby torg två dagar i veckan och "
      .. "läxhjälpen flyttar till Norrby skola. [svar]\nLäs mer på " .. FRAGOR
      .. "\nVänliga hälsningar,\n[ditt namn]" }
template { id = "tidigare", title = "Hänvisa till tidigare svar",
  text = "Hej [namn]!\nTack för att du hör av dig. Vi har svarat på samma fråga längre upp "
      .. "i tråden, och alla svar finns samlade på " .. FRAGOR
      .. "\nVänliga hälsningar,\n[ditt namn]" }
template { id = "press", title = "Journalist: till pressansvarig",
  text = "Hej [namn]!\nTack för din fråga. Vår pressansvariga Elin Sandberg kontaktar dig "
      .. "inom kort.\nVänliga hälsningar,\n[ditt namn]" }

-- ---- prepared injects for the facilitator (Shift+F9 sends the next) ----
prepared { kind = "comment", author = "sara", on = "p1",
  text = "Min dotter har dyslexi och lånar ljudböcker i Norrby varje vecka. Personalen där "
      .. "känner henne. Vem ska hjälpa henne nu?",
  expect = { within = "20m", link = BOKBUSS,
    points = {
      { label = "ljudböcker på bokbussen", say = { "bokbuss", "bokbussen" } },
      { label = "tisdagar och torsdagar på Norrby torg", say = { "torsdag", "Norrby torg" } },
    },
    avoid = { { label = "lovar för mycket", say = { "vi lovar", "garanterar" } } },
    model = "Vad fint att hon läser så mycket. Bokbussen lånar ut ljudböcker och kommer till "
        .. "Norrby torg tisdagar och torsdagar. Flera av bibliotekarierna från Norrby jobbar "
        .. "där. Läs mer på " .. BOKBUSS } }
prepared { kind = "internal", from = "press_officer",
  text = "Radio Ekby vill göra en intervju om biblioteket i eftermiddag. Hur många "
      .. "kommentarer har kommit den senaste timmen, och vad handlar de mest om? Kvittera. /Elin",
  expect = { answer = true, within = "10m", rules = { "inform_up", "analyse_volume" } } }
