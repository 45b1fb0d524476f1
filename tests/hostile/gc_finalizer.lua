-- Hostile: a __gc finalizer that loops (finalizers run with hooks off, where no limit
-- could stop them).
-- expect-line: 5
-- expect: __gc metamethods are not allowed
setmetatable({}, { __gc = function() while true do end end })
