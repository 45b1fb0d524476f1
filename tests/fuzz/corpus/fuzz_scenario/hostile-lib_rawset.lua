-- Hostile: tries rawset on the read-only string library proxy to replace string.rep.
-- expect-line: 4
-- expect: global 'rawset'
rawset(string, "rep", function() return "pwned" end)
