-- The participant of the colleague tests (tests/e2e/colleague.sh): calls for backup at
-- minute params.backup (default 1) and again at params.more (default: never), answers q3
-- at once and the angry h1 after 10 minutes, and leaves everything else to the colleagues.
participant { name = "Kim", description = "Tar in kollegor och lämnar de enkla frågorna till dem." }

local backup = tonumber(params.backup or "1")
local more = params.more and tonumber(params.more)

function on_item(item)
  if item.id == "p1" then
    local actions = { { action = "escalate", target = "colleague_backup", after = backup } }
    if more then
      actions[#actions + 1] = { action = "escalate", target = "colleague_backup", after = more }
    end
    return actions
  elseif item.id == "q3" then
    return { action = "reply", item = "q3", after = "30s",
             text = "Hej Eva!\nBokbussen kör som vanligt.\nVänliga hälsningar,\nKim" }
  elseif item.id == "h1" then
    return { action = "reply", item = "h1", after = "10m",
             text = "Hej Dan!\nJag förstår att det känns sent, och förlåt. Biblioteket öppnar "
                 .. "igen i september.\nVänliga hälsningar,\nKim" }
  end
end
