-- Hostile: tries to run a program with os.execute (the os library must not exist).
-- expect-line: 4
-- expect: global 'os'
os.execute("touch /tmp/stormdrill-hostile-pwned-exec")
