-- Introduktion: en förmiddag i Ekby kommuns kommentarsfält.
--
-- Standardscenariot för `make run`. Två simulerade timmar på 30 minuter (compression 4):
-- i en takt som en person hinner med, högst en ny sak att svara på per minut de första tio
-- minuterna, så att skärmen hinner bli bekant. Allt här är påhittat: Ekby kommun,
-- personerna och adresserna.
--
-- Det som händer, i tur och ordning:
--   +0m   inlägg om ny sophämtning och ett välkomstmeddelande från en kollega
--   +4m   en lugn fråga där det finns en länk att ge           (answer_questions, link)
--   +9m   en frustrerad invånare som först ska bekräftas        (acknowledge)
--   +13m  ett tack                                              (thanks)
--   +17m  ett troll som ska bevakas eller döljas                (response_model)
--   +22m  samma fråga igen från en annan person                 (repeat_once)
--   +26m  ett direktmeddelande med ett enskilt ärende           (move_case)
--   +30m  chefen vill ha en kvittens                            (inform_up)
--   +50m  inlägg om att återvinningscentralen är stängd, och en liten storm (30-60
--         kommentarer, ökande takt) från +52m till +92m          (active_in_comments)
--   när det stormar: chefen ber dig ta in en kollega            (get_backup)
--   +95m  pressansvarig frågar hur läget är                     (inform_up)
-- Callbacks: ett svar till den frustrerade invånaren ger ett tack tillbaka, och en
-- raderad kommentar från en invånare ger en ny, arg kommentar om censur.
--
-- Vad ett bra svar säger (expect.points, refer, channel, avoid och model): nyckelpunkterna
-- är fakta som scenariot självt ger (i inläggen och under "Fakta för svaren" i
-- beskrivningen), och deras fraser är ord som bara ett svar med faktan innehåller, inte ord
-- ur frågan. Modellsvaret (model) är bara svarets kropp: motorn och deltagaren lägger till
-- "Hej <förnamn>!" före och "Vänliga hälsningar, <namn>" efter.

scenario {
  id = "introduktion",
  title = "Introduktion: en förmiddag i Ekby kommuns kommentarsfält",
  language = "sv",
  description = [[
Du är redaktör för Ekby kommuns konto i sociala medier en vanlig tisdagsförmiddag.
Kommunen har just berättat om nya tömningsdagar för sophämtningen, och frågorna börjar
komma. Flödet visar kommunens inlägg och kommentarerna under dem, inkorgen visar
direktmeddelanden och interna meddelanden från chef och kollegor, och lägesbilden visar
hur många som väntar på svar, hur länge den äldsta har väntat och hur stämningen i
kommentarsfältet rör sig. Mot slutet stänger återvinningscentralen oväntat och det
börjar storma lite.

Fakta för svaren: från måndag den 23 mars töms kärlen på Björkvägen (och i hela Östra
Ekby) på onsdagar i stället för måndagar. Ett kärl som inte har tömts felanmäls på
kommunens webbplats och töms då inom två arbetsdagar. Fakturor och andra enskilda ärenden
tar kommunens kontaktcenter hand om. Kommunen tar aldrig bort saklig kritik, bara hot, hat
och personuppgifter. Återvinningscentralen öppnar igen torsdag den 19 mars klockan 7;
trädgårdsavfall kan lämnas på kompostplatsen i Norrby så länge.]],
  aim = [[
Lär dig skärmen och de tre poängen. Snabbhet: svara inom målet (här oftast 20-30
minuter). Ton: börja med "Hej förnamn!", bekräfta först när någon är arg eller
frustrerad, svara kort och sakligt med länk när det finns en, och avsluta med
"Vänliga hälsningar" och ditt förnamn. Omdöme: välj rätt beslut enligt responsmodellen
(svara, hänvisa till tidigare svar, bevaka eller dölj troll, radera aldrig saklig kritik)
och eskalera rätt: enskilda ärenden till ärendehandläggning, en kollega som backup när
det stormar, och håll chefen informerad.]],
  role = "Redaktör för sociala medier, Ekby kommun",
  start = "2026-03-17 09:00",
  duration = "2h",
  compression = 4,   -- två simulerade timmar på 30 minuter: en person hinner med
  slot = "45m",      -- passet: 30 minuter, genomgång och återkoppling
  seed = 2026,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
  -- håll stormen liten: snabba svar dämpar den till 0.7, obesvarade driver upp den till 1.5
  audience = { min_intensity = 0.7, max_intensity = 1.5 },
  -- ord i svaren som stavningskontrollen inte känner till
  words = { "Ekby", "Björkvägen", "Norrby", "kompostplatsen", "återvinningscentralen",
            "tömningsdagarna" },
  scoring = {
    -- ett uttalande (show_action) säger vad som har hänt, vad vi gör och var man läser mer
    statement = {
      points = {
        { label = "vad som har hänt: maskinhaveri", say = { "maskinhaveri", "haveri", "gått sönder" } },
        { label = "vad vi gör: öppnar igen torsdag", say = { "torsdag", "19 mars", "kompostplats" } },
        { label = "var man läser mer", say = { "läs mer", "webbplats", "atervinningscentralen" } },
      },
      model = "Ekby återvinningscentral är stängd i dag och i morgon efter ett maskinhaveri. "
          .. "Vi reparerar och öppnar igen torsdag den 19 mars klockan 7. Trädgårdsavfall kan "
          .. "du lämna på kompostplatsen i Norrby så länge. Vi svarar på frågor här. Läs mer "
          .. "på " .. "https://www.example.se/ekby/atervinningscentralen",
    },
  },
}

-- ---- personer ----
persona { id = "lena",    first = "Lena",    last = "Holm",     mood = "calm" }
persona { id = "goran",   first = "Göran",   last = "Sjöberg",  mood = "frustrated" }
persona { id = "maja",    first = "Maja",    last = "Lund",     mood = "calm" }
persona { id = "bosse",   first = "Bosse",   last = "Kärr",     mood = "troll" }
persona { id = "per",     first = "Per",     last = "Nyström",  mood = "calm" }
persona { id = "ahmed",   first = "Ahmed",   last = "Yilmaz",   mood = "worried" }
persona { id = "kerstin", first = "Kerstin", last = "Wallin",   mood = "angry" }

local SCHEMA = "https://www.example.se/ekby/sophamtning"
local FELANMALAN = "https://www.example.se/ekby/felanmalan"
local ATERVINNING = "https://www.example.se/ekby/atervinningscentralen"

-- ---- del 1: vardag ----
post {
  id = "p1", at = "+0m",
  text = "Från och med måndag den 23 mars får villor i Ekby nya tömningsdagar för "
      .. "sophämtningen. Ditt nya schema hittar du på " .. SCHEMA,
}

internal {
  id = "i0", at = "+0m", from = "colleague",
  text = "Hej och välkommen till passet! Inlägget om sophämtningen är ute. Svara på "
      .. "kommentarerna så här: börja med Hej och personens förnamn, bekräfta först om "
      .. "någon är arg eller frustrerad, svara kort och länka gärna, och avsluta med "
      .. "Vänliga hälsningar och ditt förnamn. Lycka till! /Sofia",
  -- information, inget svar väntas (standard för interna meddelanden)
}

comment {
  id = "c1", at = "+4m", on = "p1", author = "lena",
  text = "Hej! Vilken dag töms kärlen på Björkvägen nu?",
  expect = { within = "30m", link = SCHEMA,
    points = {
      { label = "onsdagar", say = { "onsdag", "onsdagar" } },
      { label = "från den 23 mars", say = { "23 mars", "måndag den 23" } },
    },
    avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
    model = "Från och med måndag den 23 mars töms kärlen på Björkvägen på onsdagar i stället "
        .. "för måndagar. Hela schemat finns på " .. SCHEMA },
}

comment {
  id = "c2", at = "+9m", on = "p1", author = "goran",
  text = "Tredje gången på en månad som ni glömmer att tömma vårt kärl. Nu luktar det "
      .. "i hela trädgården. Hur svårt kan det vara?",
  -- frustrerad: bekräfta först (standard för stämningen), sedan kort svar med länk.
  -- Berättigad kritik: att radera den är ett allvarligt fel för en myndighet.
  expect = { within = "30m", link = FELANMALAN, class = "justified_criticism",
             fault = "delete",
    points = {
      { label = "gör en felanmälan", say = { "felanmälan", "felanmäl" } },
      { label = "töms inom två arbetsdagar", say = { "två arbetsdagar", "2 arbetsdagar" } },
    },
    avoid = {
      { label = "skyller på någon annan", say = { "inte vårt fel", "entreprenörens fel", "chaufförens fel" } },
      { label = "lovar för mycket", say = { "vi lovar", "kommer aldrig att hända igen" } },
    },
    model = "Jag förstår att du är irriterad, det ska inte behöva hända. Gör en felanmälan på "
        .. FELANMALAN .. " så töms kärlet inom två arbetsdagar. Vi tar också upp det med "
        .. "dem som kör din gata." },
}

comment {
  id = "c3", at = "+13m", on = "p1", author = "maja",
  text = "Tack för att ni går ut med det här i god tid!",
  expect = { class = "thanks", within = "1h", weight = 0.5,
             model = "Tack själv, vad roligt att höra! Hör av dig om du undrar något mer om "
                 .. "de nya tömningsdagarna." },
}

comment {
  id = "c4", at = "+17m", on = "p1", author = "bosse",
  text = "Kommunen klarar inte ens att hämta sopor. Sparka allihop!!!",
  -- troll: inget svar väntas; bevaka, dölj eller anmäl (standard för stämningen troll)
}

comment {
  id = "c5", at = "+22m", on = "p1", author = "per",
  text = "Vilken dag töms kärlen på Björkvägen från och med nu?",
  repeat_of = "c1",
  expect = { within = "30m", link = SCHEMA,
    points = {
      { label = "onsdagar", say = { "onsdag", "onsdagar" } },
      { label = "från den 23 mars", say = { "23 mars", "måndag den 23" } },
    },
    avoid = { { label = "gissar", say = { "troligen", "förmodligen", "tror jag" } } },
    model = "Vi svarade på samma fråga längre upp i tråden: från den 23 mars töms kärlen på "
        .. "Björkvägen på onsdagar. Hela schemat finns på " .. SCHEMA },
}

dm {
  id = "d1", at = "+26m", author = "ahmed",
  text = "Hej, jag har fått en faktura för ett 370-literskärl men vi har ett på 190 liter. "
      .. "Kundnummer 44-1182. Kan ni rätta det?",
  expect = { within = "1h", escalate = "case_handling", rules = "move_case",
    points = { { label = "ärendet är skickat vidare", say = { "skickat", "lämnat", "vidare" } } },
    channel = "contact_centre",
    avoid = {
      { label = "diskuterar fakturans detaljer", say = { "1182", "190", "370" } },
      { label = "lovar pengar tillbaka", say = { "vi lovar", "pengarna tillbaka", "krediterar" } },
    },
    model = "Tack för att du hör av dig. Jag har skickat ditt ärende vidare till vårt "
        .. "kontaktcenter. De går igenom fakturan och kontaktar dig inom två arbetsdagar." },
}

internal {
  id = "i1", at = "+30m", from = "manager",
  text = "Hej! Hur går det med kommentarerna om sophämtningen? Kvittera att du sett det här, "
      .. "så vet jag att du har koll. /Anders",
  expect = { answer = true, within = "15m", rules = "inform_up" },
}

-- ---- del 2: en liten storm ----
-- Det ett svar till stormen inte får säga.
local UNDVIK = {
  { label = "spekulerar", say = { "troligen", "förmodligen", "kanske" } },
  { label = "skyller på någon annan", say = { "inte vårt fel", "leverantörens fel" } },
}
post {
  id = "p2", at = "+50m",
  text = "Viktigt: Ekby återvinningscentral håller stängt i dag och i morgon efter ett "
      .. "maskinhaveri. Vi beklagar. Läs mer på " .. ATERVINNING,
}

storm {
  id = "s1", on = "p2",
  from = "+52m", to = "+92m",
  count = 50, curve = "ramp",
  moods = { calm = 1, worried = 3, frustrated = 3, angry = 2, troll = 1 },
  texts = {
    -- trollen har inget tema
    troll = {
      "Stäng hela kommunen i stället, ingen skulle märka skillnad.",
      "Haha, typiskt Ekby. Inget fungerar.",
    },
  },
  -- Vad kommentarerna handlar om. Nyckelpunkterna och modellsvaren är fakta som scenariot
  -- självt ger (inlägget och "Fakta för svaren" i beskrivningen), och ingen nyckelpunkts
  -- fraser står i temats egna texter.
  themes = {
    { id = "oppnar", label = "när återvinningscentralen öppnar", kind = "question", share = 3,
      texts = {
        calm = { "Vet ni när den öppnar igen?" },
        worried = { "Gäller det farligt avfall också? Jag har gamla färgburkar.",
                    "Kommer ni att förlänga öppettiderna när det öppnar igen?" },
        any = { "Vet ni när den öppnar igen?" },
      },
      points = {
        { label = "öppnar igen torsdag 19 mars kl. 7", say = { "torsdag", "19 mars" } },
      },
      avoid = UNDVIK,
      model = "Återvinningscentralen är stängd efter ett maskinhaveri och öppnar igen torsdag den "
          .. "19 mars klockan 7. Läs mer på " .. ATERVINNING },
    { id = "tradgard", label = "trädgårdsavfall och grovsopor", kind = "question", share = 2,
      texts = {
        calm = { "Kan man lämna grovsopor någon annanstans under tiden?" },
        worried = { "Jag har ett släp fullt med trädgårdsavfall, vad gör jag nu?" },
        any = { "Jag har ett släp fullt med trädgårdsavfall, vad gör jag nu?" },
      },
      points = {
        { label = "trädgårdsavfall till kompostplatsen i Norrby", say = { "kompostplats", "Norrby" } },
        { label = "öppnar igen torsdag 19 mars", say = { "torsdag", "19 mars" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Återvinningscentralen är stängd efter ett maskinhaveri. Trädgårdsavfall kan du "
          .. "lämna på kompostplatsen i Norrby så länge, och allt annat tar vi emot igen från "
          .. "torsdag den 19 mars klockan 7. Läs mer på " .. ATERVINNING },
    { id = "besked", label = "att beskedet kom sent", kind = "complaint", share = 3,
      texts = {
        frustrated = {
          "Jag åkte dit i morse och stod framför en stängd grind. Varför stod det ingenting i går?",
          "Tog ledigt en förmiddag för det här. Suck.",
          "Varför får vi alltid veta sånt här i sista minuten?",
        },
        any = { "Varför får vi alltid veta sånt här i sista minuten?" },
      },
      points = {
        { label = "stängt efter ett maskinhaveri", say = { "maskinhaveri", "haveri" } },
        { label = "öppnar igen torsdag 19 mars", say = { "torsdag", "19 mars" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Jag förstår att det är besvärligt, och vi beklagar. Återvinningscentralen "
          .. "stängdes oväntat efter ett maskinhaveri och öppnar igen torsdag den 19 mars "
          .. "klockan 7. Läs mer på " .. ATERVINNING },
    { id = "avgifter", label = "vad avgifterna går till", kind = "complaint", share = 2,
      texts = {
        angry = { "Vad betalar vi avgifter för egentligen?",
                  "Helt oacceptabelt. Någon borde ta ansvar för det här." },
        any = { "Helt oacceptabelt. Någon borde ta ansvar för det här." },
      },
      points = {
        { label = "stängt efter ett maskinhaveri", say = { "maskinhaveri", "haveri" } },
        { label = "öppnar igen torsdag 19 mars", say = { "torsdag", "19 mars" } },
        { label = "trädgårdsavfall till kompostplatsen i Norrby", say = { "kompostplats", "Norrby" } },
      },
      need = 1, avoid = UNDVIK,
      model = "Jag förstår att du är arg, och vi beklagar. Återvinningscentralen är stängd efter "
          .. "ett maskinhaveri och öppnar igen torsdag den 19 mars klockan 7. Trädgårdsavfall kan "
          .. "du lämna på kompostplatsen i Norrby så länge. Läs mer på " .. ATERVINNING },
  },
  repeats = 0.1,
  -- trollens kommentarer behåller trollstandarden (bevaka, dölj eller anmäl)
  expect = { within = "20m", link = ATERVINNING, class = "dissatisfied", fault = "delete" },
}

internal {
  id = "i2", at = "+95m", from = "press_officer",
  text = "Hej! Lokaltidningen har ringt om återvinningscentralen. Hur ser stämningen ut i "
      .. "kommentarerna? Kvittera, så ringer jag dig. /Elin",
  expect = { answer = true, within = "15m", rules = "inform_up" },
}

-- ---- callbacks ----

-- Ett svar till den frustrerade Göran ger ett tack tillbaka i tråden.
local thanked = false
on("reply", function(a)
  if a.item == "c2" and not thanked then
    thanked = true
    inject {
      kind = "reply", id = "c2-tack", at = "+6m", on = "c2", author = "goran",
      text = "Okej, tack för svaret. Jag har gjort en felanmälan nu.",
      expect = { answer = false, class = "thanks" },
    }
  end
end)

-- Att radera en invånares kommentar syns: någon märker det och blir arg.
local protested = false
local residents = { c1 = true, c2 = true, c3 = true, c5 = true }
on("delete", function(a)
  if protested or a.item == nil then return end
  local storm = a.item:sub(1, 3) == "s1-"
  if residents[a.item] or storm then
    protested = true
    inject {
      kind = "comment", id = "censur", at = "+3m", on = storm and "p2" or "p1",
      author = "kerstin",
      text = "Jag såg att ni tog bort en kommentar. Är det så kommunen hanterar kritik?",
      expect = { within = "20m", class = "dissatisfied", fault = "delete",
                 rules = "response_model",
        points = {
          { label = "saklig kritik får stå kvar", say = { "saklig kritik", "stå kvar", "ligga kvar" } },
          { label = "bara hot, hat och personuppgifter tas bort", say = { "hot", "hat", "personuppgifter" } },
        },
        avoid = { { label = "skyller på någon annan", say = { "inte vårt fel", "kollegans fel", "någon annans fel" } } },
        model = "Jag förstår att du reagerar, och du har rätt att fråga. Saklig kritik ska "
            .. "stå kvar hos oss. Vi tar bara bort hot, hat och personuppgifter. Vi svarar "
            .. "gärna på dina frågor här i tråden." },
    }
  end
end)

-- När det stormar ber chefen dig ta in en kollega som backup (en gång), om du inte redan
-- har gjort det.
when(function(s)
  return s.minute >= 60 and (s.waiting >= 5 or s.minute >= 70)
      and not s.escalated.colleague_backup
end, function(s)
  inject {
    kind = "internal", id = "i-backup", from = "manager",
    text = "Det ser ut att storma kring återvinningscentralen. Ta in en kollega som backup "
        .. "i kommentarsfältet, du ska inte sitta ensam med det här. /Anders",
    expect = { answer = true, within = "10m", escalate = "colleague_backup",
               rules = "get_backup" },
  }
end)

-- Svarsmallar (regeln qa_templates): deltagaren kan infoga dem och fylla i det som står
-- inom hakparentes. En mall som skickas med hakparenteserna kvar kostar poäng i tonen.
template { id = "tack", title = "Tack för frågan",
  text = "Hej [namn]!\nTack för din fråga. [svar]\nLäs mer på [länk]\nVänliga hälsningar,\n[ditt namn]" }
template { id = "forstar", title = "Jag förstår – upprörd person",
  text = "Hej [namn]!\nJag förstår att du är besviken, och tack för att du säger till. [svar]\nVänliga hälsningar,\n[ditt namn]" }
template { id = "privat", title = "Flytta till privat meddelande",
  text = "Hej [namn]!\nTack för att du hör av dig. Skicka oss gärna ett privat meddelande, så hjälper vi dig vidare med ditt ärende där.\nVänliga hälsningar,\n[ditt namn]" }
