-- Hostile participant: tries to write a file with io.open while the file loads.
-- expect-line: 5
-- expect: global 'io'
participant { name = "Mallory" }
io.open("/tmp/stormdrill-hostile-pwned-participant", "w"):write("pwned")
function on_item(item) end
