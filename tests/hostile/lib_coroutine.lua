-- Hostile: tries to create a coroutine (a new thread would escape the main thread's hook).
-- expect-line: 4
-- expect: global 'coroutine'
local co = coroutine.create(function() while true do end end)
coroutine.resume(co)
