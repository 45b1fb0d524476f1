#!/usr/bin/env python3
"""rechain.py - recomputes the hash chain of a Stormdrill session log (docs/log-format.md).

    rechain.py IN OUT [--key KEYFILE] [--unseal]

For tests: it does what a forger who can recompute the chain would do (anyone, for an
unsealed log; with the key, for a sealed one), so that the checks behind the chain (the
consistency rules, the seal) are tested on their own. Lines are kept byte for byte except
their last member "h" (and, with --unseal, the header's "seal" member)."""
import hashlib, hmac, re, sys

def main():
    args = sys.argv[1:]
    key = None
    unseal = False
    if '--key' in args:
        i = args.index('--key')
        key = hashlib.sha256(open(args[i + 1], 'rb').read()).digest()
        del args[i:i + 2]
    if '--unseal' in args:
        args.remove('--unseal')
        unseal = True
    src, dst = args
    prev = b'stormdrill.log/2'
    out = []
    tail = re.compile(rb',"h":"([0-9a-f]{16}|[0-9a-f]{64})"\}$')
    for line in open(src, 'rb').read().split(b'\n'):
        if not line:
            continue
        content = tail.sub(b'}', line)
        if unseal:
            content = re.sub(rb',"seal":\{[^}]*\}', b'', content)
        end = b'"type":"end"' in content[:20]
        if key is not None:
            v = hmac.new(key, prev + content, hashlib.sha256).hexdigest().encode()
            h = v if end else v[:16]
        else:
            h = hashlib.sha256(prev + content).hexdigest()[:16].encode()
        prev = h[:16]
        out.append(content[:-1] + b',"h":"' + h + b'"}')
    open(dst, 'wb').write(b'\n'.join(out) + b'\n')

main()
