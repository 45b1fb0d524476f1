-- Hostile: tries to reach the registry (and the full libraries in it) with
-- debug.getregistry.
-- expect-line: 5
-- expect: global 'debug'
local reg = debug.getregistry()
reg._LOADED.io.open("/tmp/stormdrill-hostile-pwned-registry", "w")
