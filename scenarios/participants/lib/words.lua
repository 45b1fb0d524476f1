-- lib/words.lua - what the bundled by-the-book participants (diligent.lua, human.lua) share:
-- the words of their replies and statements in the exercise's language (Swedish first,
-- English second), and small helpers. Used as
--   local B = include("lib/words.lua")
-- and B.w() gives the words table of exercise.language; B.has(list, v) tells whether a
-- hints list holds v; B.sentence(label) makes a key point's label a sentence; B.former()
-- is the former employee whose access a hijack removes (params.former, else
-- exercise.former_staff[1], else the persona id "former_employee"). B.hello(author) is the
-- greeting ("Hej Lena!"; a persona known by its handle alone: "Hej @lenah_82!", else
-- "Hej!"). B.where(item) is the platform a reply to item is public on (item.platform for a
-- comment or reply, else nil: a DM or an e-mail has no limit), exercise.platform that of a
-- statement; B.limit(platform) is the most characters a public text may have there (X:
-- 280, else nil) and B.fits(text, platform) tells whether text keeps to it; B.say(key,
-- platform) gives the words of key, or their shorter form key_x on X.
local B = {}

function B.has(list, value)
  if list == nil then return false end
  for _, v in ipairs(list) do
    if v == value then return true end
  end
  return false
end

function B.former()
  return params.former or (exercise.former_staff and exercise.former_staff[1]) or "former_employee"
end

-- The participant's words, in the exercise's language (Swedish first, English second).
B.words = {
  sv = {
    hello = "Hej %s!", hello_handle = "Hej @%s!", hello_none = "Hej!",
    regards = "Vänliga hälsningar,\n%s",
    thanks = "Tack själv, vad roligt att höra!",
    case = "Jag har skickat ditt ärende vidare till våra handläggare, som kontaktar dig. "
        .. "Skriv inga fler personuppgifter här.",
    press = "Tack för att du hör av dig. Vår pressansvariga kontaktar dig inom kort.",
    answer = "Tack för din fråga, vi svarar gärna.",
    understand = "Jag förstår att du är besviken, och tack för att du hör av dig.",
    understand_x = "Jag förstår att du är orolig.",
    more = "Läs mer på %s",
    refer = "Det här ansvarar %s för. Vi har skickat din fråga vidare till dem.",
    channel = "Ditt ärende fortsätter hos %s.",
    storm = "Vi ser de många frågorna om beslutet. Vi svarar här under dagen och samlar allt "
        .. "vi vet på vår webbplats. Vi uppdaterar inlägget när vi vet mer.",
    storm_tail = "Vi svarar på frågor här och uppdaterar inlägget när vi vet mer.",
    hijack = "Vårt konto har varit kapat en kort stund i kväll. Inläggen om gratis "
        .. "erbjudanden kom inte från oss: klicka inte på länkarna och lämna aldrig ut "
        .. "kortuppgifter. Vi har tagit tillbaka kontrollen över kontot och tar bort "
        .. "inläggen. Har du lämnat uppgifter, kontakta din bank. Läs mer på vår webbplats.",
    hijack_again = "Kontot kapades på nytt en kort stund. Vi har återigen tagit tillbaka "
        .. "kontrollen och skärpt säkerheten. Klicka inte på länkar i inlägg om "
        .. "erbjudanden från oss. Läs mer på vår webbplats.",
    -- on X (280 characters): the same, shorter
    hijack_x = "Vårt konto var kapat en stund i kväll. Inläggen om gratis erbjudanden kom inte "
        .. "från oss: klicka inte på länkarna. Vi har tagit tillbaka kontrollen och tar bort "
        .. "inläggen. Har du lämnat kortuppgifter, kontakta din bank. Läs mer på vår webbplats.",
    storm_tail_x = "Vi svarar här och uppdaterar när vi vet mer.",
    -- the first sentence of a model answer that only acknowledges (left out of a statement)
    ack = { "^Jag förstår", "^Vad tråkigt", "^Jag beklagar", "^Vi beklagar", "^Förlåt" },
  },
  en = {
    hello = "Hi %s!", hello_handle = "Hi @%s!", hello_none = "Hi!",
    regards = "Kind regards,\n%s",
    thanks = "Thank you, that is good to hear!",
    case = "I have passed your case on to our case officers, who will contact you. "
        .. "Please do not write any more personal details here.",
    press = "Thank you for getting in touch. Our press officer will contact you shortly.",
    answer = "Thank you for your question, we are happy to answer.",
    understand = "I understand that you are disappointed, and thank you for telling us.",
    understand_x = "I understand that you are worried.",
    more = "Read more at %s",
    refer = "This is a matter for %s. We have passed your question on to them.",
    channel = "Your case continues with %s.",
    storm = "We see the many questions about the decision. We are answering here during the "
        .. "day, and everything we know is collected on our website. We will update this "
        .. "post as we learn more.",
    storm_tail = "We are answering questions here and will update this post as we learn more.",
    hijack = "Our account was hacked for a short while this evening. The posts about free "
        .. "offers did not come from us: do not click the links and never give out card "
        .. "details. We have taken back control of the account and are removing the posts. "
        .. "If you gave any details, contact your bank. Read more on our website.",
    hijack_again = "The account was hacked again for a short while. We have taken back "
        .. "control again and tightened security. Do not click links in posts about offers "
        .. "from us. Read more on our website.",
    -- on X (280 characters): the same, shorter
    hijack_x = "Our account was hacked for a while this evening. The posts about free offers "
        .. "did not come from us: do not click the links. We have taken back control and are "
        .. "removing the posts. If you gave card details, contact your bank. Read more on our "
        .. "website.",
    storm_tail_x = "We answer here and will update this post as we learn more.",
    ack = { "^I understand", "^I am sorry", "^I'm sorry", "^We are sorry", "^Sorry" },
  },
}

-- "öppnar igen på torsdag" -> "Öppnar igen på torsdag." (UTF-8: å, ä, ö too)
local upper = { ["å"] = "Å", ["ä"] = "Ä", ["ö"] = "Ö", ["é"] = "É" }
function B.sentence(label)
  local first, rest = label:match("^([\1-\127\194-\244][\128-\191]*)(.*)$")
  if not first then return label end
  first = upper[first] or first:upper()
  local s = first .. rest
  if not s:find("[%.!?]$") then s = s .. "." end
  return s
end

function B.w() return B.words[exercise.language] or B.words.sv end

-- The greeting: by first name; a persona known by its handle alone (an Instagram account)
-- by its handle, never a made-up first name; nobody named: "Hej!".
function B.hello(author)
  local w = B.w()
  if author and author.first then return string.format(w.hello, author.first) end
  if author and author.handle then return string.format(w.hello_handle, author.handle) end
  return w.hello_none
end

-- Where a reply to item is read in public: its platform for a comment or a reply (the
-- session holds those to the platform's limit), else nil.
function B.where(item)
  if item.kind == "comment" or item.kind == "reply" then return item.platform end
  return nil
end

-- The most characters a public text may have on a platform (X: 280), or nil.
function B.limit(platform)
  if platform == "x" then return 280 end
  return nil
end

function B.fits(text, platform)
  local max = B.limit(platform)
  return max == nil or (utf8.len(text) or #text) <= max
end

-- The words of key; on X their shorter form (key_x) where there is one.
function B.say(key, platform)
  local w = B.w()
  if B.limit(platform) and w[key .. "_x"] then return w[key .. "_x"] end
  return w[key]
end

return B
