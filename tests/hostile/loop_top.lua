-- Hostile: an endless loop at the top level of the file.
-- expect-line: 4
-- expect: script stopped
while true do end
