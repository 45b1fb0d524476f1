-- A scripted participant for tests/e2e/early_backup.sh: brings in a colleague as backup at
-- the start (an escalation on no item), before anyone asks, and afterwards only
-- acknowledges internal messages and makes the escalations items expect on them, except
-- colleague_backup, which it has already made. A manager who then asks for backup asks for
-- what is done; the scoring must count it as done.
participant { name = "Tove", description = "Tar in en kollega direkt, innan någon ber om det." }

local called = false

function on_item(item)
  local a = {}
  if not called then
    called = true
    a[#a + 1] = { action = "escalate", target = "colleague_backup" }
  end
  local h = item.hints
  if item.kind == "internal" and h.answer then
    a[#a + 1] = { action = "acknowledge", item = item.id, after = "1m" }
  end
  for _, target in ipairs(h.escalate) do
    if target ~= "colleague_backup" then
      a[#a + 1] = { action = "escalate", item = item.id, target = target, after = "2m" }
    end
  end
  return a
end
