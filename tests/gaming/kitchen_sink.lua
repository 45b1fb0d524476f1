-- Gaming participant kitchen_sink: greeting, every distinct answer body the diligent
-- participant has sent so far (its model answers once it sends them) run together, and
-- sign-off: whatever was asked, the answer is in there somewhere. Otherwise diligent.
-- Borderline: it may meet key points (tests/gaming/check.py).
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: every answer so far in every reply" }

local bodies, known = {}, {}

-- The body of a reply: its lines without the greeting (first) and the sign-off (last two).
local function body_of(text)
  local lines = {}
  for line in (text .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = line end
  return table.concat(lines, " ", 2, math.max(1, #lines - 2))
end

G.wrap {
  item = function(item, actions)
    return G.retext(item, actions, function(it, a)
      local b = body_of(a.text)
      if b ~= "" and not known[b] then
        known[b] = true
        bodies[#bodies + 1] = b
      end
      local all = table.concat(bodies, " ")
      if #all > 15000 then all = all:sub(1, 15000) end
      return G.compose(G.name(it.author), all)
    end)
  end,
}
