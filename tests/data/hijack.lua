-- Hijacked account on a Friday evening: a small end-to-end scenario for tests.
--
-- 18:00 a normal weekend post. 18:20 someone logs in to the account from an unknown device
-- and starts posting scams every 15 minutes until the participant changes the password
-- and revokes the sessions. If enable_2fa and remove_access (the former employee Jonas
-- Berg still has access) are not done too, the attacker is back 30 minutes later.
-- Worried followers comment, IT security writes, a journalist asks, the local paper
-- publishes an article, and a follower who clicked the link sends a direct message.
-- What a good reply says (expect.points, avoid, model) rests on the facts in the
-- description; a model answer is the body only ("Hej <förnamn>!" and the sign-off are
-- added around it). hijack.message: what the post to the followers must say.
scenario {
  id = "hijack",
  title = "Kapat konto en fredagskväll",
  language = "sv",
  description = "Fredag kväll: någon har loggat in på Ekby kommuns konto och publicerar "
      .. "bedrägeriinlägg. Följarna blir oroliga och lokaltidningen hör av sig. Fakta för "
      .. "svaren: kommunen delar aldrig ut presentkort och ber aldrig om kortuppgifter i "
      .. "sociala medier; kommunens länkar går alltid till kommunens egen webbplats. Den som "
      .. "har lämnat kortuppgifter ska ringa sin bank och spärra kortet. Journalister får "
      .. "svar av pressansvariga Elin.",
  aim = "Säkra kontot (byt lösenord, logga ut alla sessioner, slå på "
      .. "tvåfaktorsverifiering, ta bort tidigare anställdas behörighet), eskalera till "
      .. "IT-säkerhet och pressansvarig, radera angriparens inlägg och informera följarna.",
  role = "Redaktör i beredskap, Ekby kommun",
  start = "2026-03-13 18:00", -- a Friday
  duration = "2h30m",
  compression = 30,
  seed = 13,
  account = { name = "Ekby kommun", handle = "ekbykommun" },
  words = { "Ekby", "Ekbybadet", "presentkort", "kortuppgifter" },
}

persona { id = "eva",    first = "Eva",    last = "Dahl",     mood = "worried" }
persona { id = "nils",   first = "Nils",   last = "Forsberg", mood = "worried" }
persona { id = "sara",   first = "Sara",   last = "Åberg",    mood = "frustrated" }
persona { id = "olle",   first = "Olle",   last = "Ström",    mood = "calm" }
persona { id = "johan",  first = "Johan",  last = "Wallin",   mood = "calm", traits = { "journalist" } }
-- The former employee who still has access (hijack.former below). Participants learn this
-- id only from the scenario: the convention of the bundled participants is this very id.
persona { id = "former_employee", first = "Jonas", last = "Berg", traits = { "former staff" } }

post {
  id = "p1", at = "+0m",
  text = "Trevlig helg! I helgen har Ekbybadet öppet 9-16. Välkommen!",
}

hijack {
  id = "hj", at = "+20m",
  notice = "Ny inloggning på kontot Ekby kommun från en okänd enhet. Om det inte var du: "
      .. "byt lösenord och logga ut alla sessioner.",
  posts = {
    "GRATTIS! Ekby kommun delar ut presentkort på 5000 kr till alla invånare. Registrera "
        .. "dig här: https://presentkort.example.se",
    "Sista chansen! Fyll i dina kortuppgifter för att få kommunens bidrag: "
        .. "https://bidrag.example.se",
    "Vinn en ny mobil! Dela det här inlägget och skriv dina uppgifter på "
        .. "https://vinst.example.se",
  },
  every = "15m",
  returns_after = "30m",
  steps = { "change_password", "revoke_sessions", "enable_2fa", "remove_access" },
  former = "former_employee",
  -- what the post to the followers says once the account is back
  message = {
    points = {
      { label = "vad som har hänt: kontot var kapat", say = { "kapat", "kapats", "kapade", "kapning" } },
      { label = "vad vi har gjort", say = { "tagit tillbaka", "säkrat", "skärpt", "tar bort", "lösenord" } },
      { label = "vad följarna ska göra, var man läser mer", say = { "klicka inte", "bank", "läs mer", "webbplats" } },
    },
    model = "Vårt konto var kapat en stund i kväll. Inläggen om presentkort kom inte från oss: "
        .. "klicka inte på länkarna. Vi har tagit tillbaka kontrollen och tar bort inläggen. Har "
        .. "du lämnat kortuppgifter, ring din bank. Läs mer på vår webbplats.",
  },
}

comment {
  id = "c1", at = "+28m", on = "p1", author = "eva",
  text = "Är ert konto hackat? Det kommer konstiga inlägg om presentkort i mitt flöde.",
  expect = { within = "20m",
  points = {
    { label = "kontot är kapat, inläggen kommer inte från oss", say = { "kapat", "kapats", "inte från oss" } },
    { label = "klicka inte på länkarna", say = { "klicka inte" } },
  },
  need = 1,
  avoid = {
    { label = "spekulerar", say = { "troligen", "förmodligen" } },
    { label = "lovar ersättning", say = { "vi ersätter", "vi lovar" } },
  },
  model = "Ja, vårt konto har kapats i kväll, och inläggen om presentkort kommer inte från oss. "
      .. "Klicka inte på länkarna. Vi arbetar med att ta tillbaka kontrollen." },
}

internal {
  id = "it1", at = "+30m", from = "it_security",
  text = "Vi ser inloggningen från en okänd enhet. Byt lösenord, logga ut alla sessioner, "
      .. "slå på tvåfaktorsverifiering och ta bort Jonas Bergs behörighet: han slutade i "
      .. "januari men har fortfarande åtkomst till kontot.",
  expect = { answer = true, within = "15m", rules = "secure_accounts" },
}

comment {
  id = "c2", at = "+35m", on = "p1", author = "nils",
  text = "Ska man klicka på länken om presentkortet? Min mamma har redan gjort det.",
  expect = { within = "20m", link = "https://www.example.se/ekby/bedrageri",
  points = {
    { label = "klicka inte", say = { "klicka inte", "inte klicka" } },
    { label = "ring banken och spärra kortet", say = { "bank", "banken", "spärra" } },
  },
  avoid = {
    { label = "spekulerar", say = { "troligen", "förmodligen" } },
    { label = "lovar ersättning", say = { "vi ersätter", "vi lovar" } },
  },
  model = "Nej, klicka inte på länken: inlägget kommer inte från oss. Har din mamma lämnat "
      .. "kortuppgifter, ska hon ringa sin bank och spärra kortet. Råd finns på "
      .. "https://www.example.se/ekby/bedrageri" },
}

dm {
  id = "d1", at = "+40m", author = "sara",
  text = "Jag fyllde i mitt kortnummer på er sida om bidraget! Vad gör jag nu?!",
  expect = { within = "20m", link = "https://www.example.se/ekby/bedrageri",
             rules = "private_data",
  points = {
    { label = "ring banken och spärra kortet", say = { "bank", "banken", "spärra" } },
    { label = "sidan kom inte från oss", say = { "inte från oss", "kapat", "kapats" } },
  },
  avoid = {
    { label = "spekulerar", say = { "troligen", "förmodligen" } },
    { label = "lovar ersättning", say = { "vi ersätter", "vi lovar" } },
  },
  model = "Jag förstår att du är orolig. Ring din bank direkt och spärra kortet. Sidan kom "
      .. "inte från oss: vårt konto har kapats. Råd finns på "
      .. "https://www.example.se/ekby/bedrageri" },
}

inquiry {
  id = "q1", at = "+50m", author = "johan", outlet = "Ekby Tidning",
  text = "Hej, Johan Wallin på Ekby Tidning. Era följare skriver att kommunens konto är "
      .. "kapat. Kan ni bekräfta det, och vad gör ni?",
  expect = { within = "30m", escalate = "press_officer", rules = { "inform_up", "public_record" },
  points = { { label = "pressansvariga kontaktar dig", say = { "pressansvarig", "Elin" } } },
  avoid = { { label = "svarar själv i sak", say = { "troligen", "förmodligen", "vet inte" } } },
  model = "Tack för att du hör av dig. Vår pressansvariga Elin tar frågor från medier och "
      .. "kontaktar dig inom kort." },
}

comment {
  id = "c3", at = "+60m", on = "p1", author = "olle",
  text = "Hur vet man vilka inlägg som verkligen kommer från kommunen?",
  expect = { within = "30m",
  points = {
    { label = "vi ber aldrig om kortuppgifter", say = { "kortuppgifter", "kortnummer" } },
    { label = "länkar går till vår egen webbplats", say = { "egen webbplats", "egna webbplats" } },
  },
  need = 1,
  model = "Vi delar aldrig ut presentkort och ber aldrig om kortuppgifter här. Våra länkar går "
      .. "alltid till vår egen webbplats." },
}

media {
  id = "m1", at = "+80m", outlet = "Ekby Tidning",
  title = "Kommunens konto kapat: bedrägeriinlägg spreds under fredagskvällen",
  url = "https://www.example.se/ekbytidning/kapat-konto",
  text = "Under fredagskvällen publicerades flera bedrägeriinlägg från Ekby kommuns konto.",
  expect = { rules = "public_record" },
}

-- A worried follower comments on the first attacker post shortly after it appears.
on("item", function(item)
  if item.id == "hj-post-1" then
    inject {
      kind = "comment", id = "c-scam", at = "+4m", on = item.id, author = "eva",
      text = "Det här ser ut som bedrägeri. Är det verkligen ni?",
      expect = { within = "20m",
      points = {
        { label = "nej, kontot är kapat", say = { "kapat", "kapats", "inte från oss" } },
        { label = "klicka inte", say = { "klicka inte" } },
      },
      avoid = {
        { label = "spekulerar", say = { "troligen", "förmodligen" } },
        { label = "lovar ersättning", say = { "vi ersätter", "vi lovar" } },
      },
      model = "Nej, det är inte vi. Vårt konto har kapats, och inlägget kommer inte från oss. "
          .. "Klicka inte på länken." },
    }
  end
end)

-- The first post that informs the followers gets a thankful answer.
local informed = false
on("publish", function(a)
  if not informed then
    informed = true
    inject {
      kind = "comment", id = "c-tack", at = "+5m", on = "p1", author = "nils",
      text = "Tack för att ni berättar vad som hänt!",
      expect = { class = "thanks", within = "1h", weight = 0.5,
      model = "Tack själv! Dela gärna, så att fler vet att de inte ska klicka." },
    }
  end
end)
