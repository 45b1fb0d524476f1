-- Hostile: tries to switch off the sandbox's count hook with debug.sethook, then loop.
-- expect-line: 4
-- expect: global 'debug'
debug.sethook()
while true do end
