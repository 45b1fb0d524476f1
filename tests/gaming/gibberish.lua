-- Gaming participant gibberish: greeting, 15-30 random strings of letters and sign-off to
-- every item that expects an answer (the spelling check's case); otherwise diligent.
-- math.random is seeded from the exercise seed.
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: gibberish between greeting and sign-off" }

local letters = "abcdefghijklmnopqrstuvwxyz"

local function gibberish()
  local out = {}
  for i = 1, math.random(15, 30) do
    local w = {}
    for j = 1, math.random(3, 9) do
      local k = math.random(#letters)
      w[j] = letters:sub(k, k)
    end
    out[i] = table.concat(w)
  end
  return table.concat(out, " ") .. "."
end

G.wrap {
  item = function(item, actions)
    return G.retext(item, actions, function(it) return G.compose(G.name(it.author), gibberish()) end)
  end,
}
