-- Hostile: tries to run (and so read) another file with dofile.
-- expect-line: 4
-- expect: global 'dofile'
dofile("/etc/passwd")
