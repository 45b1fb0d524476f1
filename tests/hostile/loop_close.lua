-- Hostile: a to-be-closed variable whose __close loops for ever; it runs while the
-- error of the first loop unwinds the stack.
-- expect-line: 6
-- expect: script stopped
local guard <close> = setmetatable({}, { __close = function() while true do end end })
while true do end
