-- Hostile: an endless loop inside pcall, retried for ever when pcall reports the stop.
-- expect-line: 5
-- expect: script stopped
while true do
  pcall(function() while true do end end)
end
