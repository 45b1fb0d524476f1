-- Hostile: tries to drive the collector (collectgarbage("stop") then allocate freely).
-- expect-line: 4
-- expect: global 'collectgarbage'
collectgarbage("stop")
