# e2e.sh - the opening every end-to-end script shares. A script sources it after `set -u`:
#   . "$(dirname "$0")/../support/e2e.sh"
# with its own arguments (STORMDRILL_BINARY TMPDIR): it checks them (exit 2 on bad usage,
# 1 when the binary is missing), sets SD (the binary, as an absolute path) and TMP, and
# gives fail MESSAGE, which prints "FAIL: MESSAGE" and counts it in $failures.
if [ $# -ne 2 ]; then
    echo "usage: $0 STORMDRILL_BINARY TMPDIR" >&2
    exit 2
fi
SD=$1
TMP=$2

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

if [ ! -x "$SD" ]; then
    echo "FAIL: $SD is not an executable" >&2
    exit 1
fi
case $SD in /*) ;; *) SD="$PWD/$SD" ;; esac
