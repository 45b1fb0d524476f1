-- The diligent participant: answers every item that expects it, quickly and by the book.
participant { name = "Kim" }

local every = tonumber(params.answer_every or "1")
local seen = 0

local function reply_text(item)
  local h = item.hints
  local lines = { "Hej " .. item.author.first .. "!" }
  local body = {}
  if h.acknowledge then
    body[#body + 1] = "Jag förstår att du är besviken, och tack för att du hör av dig."
  end
  body[#body + 1] = "Vi svarar gärna på din fråga."
  if h.link then body[#body + 1] = "Läs mer på " .. h.link end
  lines[#lines + 1] = table.concat(body, " ")
  lines[#lines + 1] = "Vänliga hälsningar,\n" .. exercise.me
  return table.concat(lines, "\n")
end

function on_item(item)
  local h = item.hints
  local actions = {}
  if item.kind == "internal" or item.kind == "notice" then
    actions[#actions + 1] = { action = "acknowledge", item = item.id, after = "1m" }
  end
  for _, target in ipairs(h.escalate) do
    actions[#actions + 1] = { action = "escalate", item = item.id, target = target, after = "2m" }
  end
  if item.kind == "attacker_post" then
    actions[#actions + 1] = { action = "delete", item = item.id, after = "1m", reason = "kapat konto" }
  end
  if h.class == "troll" then
    return actions
  end
  if h.answer and item.author then
    seen = seen + 1
    if seen % every == 0 then
      local kind = item.kind == "dm" and "dm_reply" or "reply"
      if item.repeat_of then
        actions[#actions + 1] = { action = "refer_previous", item = item.id, after = "2m" }
      else
        actions[#actions + 1] = { action = kind, item = item.id, text = reply_text(item), after = "3m" }
      end
    end
  end
  return actions
end
