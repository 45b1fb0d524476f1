-- Gaming participant random_words: greeting, 15-30 random dictionary words and sign-off,
-- sent at once (after 1 minute) to every item that expects an answer. Everything else
-- (escalations, acknowledgements, account steps, statements) as the diligent participant.
-- The words come from a fixed list; math.random is seeded from the exercise seed.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: random words between greeting and sign-off" }

local list = {
  sv = { "kommun", "vatten", "väg", "skola", "bibliotek", "sommar", "huset", "bilen", "grön",
         "snabbt", "alltid", "mötet", "fönster", "papper", "cykel", "parken", "himmel",
         "kaffe", "lampa", "bordet", "vinter", "morgon", "kväll", "stolen", "dörren", "gatan",
         "staden", "hamnen", "tåget", "bussen", "boken", "skogen", "sjön", "berget", "ljus",
         "mörk", "varm", "kall", "stor", "liten", "ny", "gammal", "röd", "blå", "gul", "vit",
         "fågel", "hund", "katt", "blomma", "träd", "sten", "sand", "regn", "snö", "vind",
         "sol", "måne", "stjärna", "musik", "bild", "film", "brev", "nyckel", "klocka",
         "tisdag", "fredag", "torget", "kyrkan", "affären", "middag", "frukost", "äpple",
         "bröd", "mjölk", "ost", "salt", "socker", "golv", "tak", "vägg", "trappa" },
  en = { "council", "water", "road", "school", "library", "summer", "house", "car", "green",
         "quickly", "always", "meeting", "window", "paper", "bicycle", "park", "sky",
         "coffee", "lamp", "table", "winter", "morning", "evening", "chair", "door", "street",
         "city", "harbour", "train", "bus", "book", "forest", "lake", "mountain", "light",
         "dark", "warm", "cold", "big", "small", "new", "old", "red", "blue", "yellow",
         "white", "bird", "dog", "cat", "flower", "tree", "stone", "sand", "rain", "snow",
         "wind", "sun", "moon", "star", "music", "picture", "film", "letter", "key", "clock",
         "Tuesday", "Friday", "square", "church", "shop", "dinner", "breakfast", "apple",
         "bread", "milk", "cheese", "salt", "sugar", "floor", "roof", "wall", "stairs" },
}

local function words()
  local l = list[G.lang()]
  local out = {}
  for i = 1, math.random(15, 30) do out[i] = l[math.random(#l)] end
  return table.concat(out, " ") .. "."
end

G.wrap {
  item = function(item, actions)
    for _, a in ipairs(actions) do
      if G.is_text_answer(a) and a.item == item.id then
        a.text = G.compose(G.name(item.author), words())
        a.after = "1m"
      end
    end
    return actions
  end,
}
