-- Hostile: tries to overwrite a library function (string.format) for everybody.
-- expect-line: 4
-- expect: read-only
string.format = function() return "pwned" end
