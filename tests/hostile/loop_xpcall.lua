-- Hostile: an endless loop inside xpcall whose handler swallows the error, retried for ever.
-- expect-line: 5
-- expect: script stopped
while true do
  xpcall(function() while true do end end, function(e) return "ignored" end)
end
