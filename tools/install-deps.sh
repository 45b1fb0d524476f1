#!/bin/sh
# Installs the Debian packages Stormdrill needs to build and test, if any are missing.
# Asks pkg-config (and dpkg for packages without a .pc file) what is missing, then runs
# apt-get as root or through sudo; otherwise prints the exact command to run.
# Usage: tools/install-deps.sh [--test]   (--test adds what the test suite needs)
set -u

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

missing=""
need_pkg() { # $1 = pkg-config module, $2 = Debian package
    if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists "$1" 2>/dev/null; then
        missing="$missing $2"
    fi
}
need_deb() { # $1 = Debian package
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing="$missing $1"
}
need_cmd() { # $1 = command, $2 = Debian package
    command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
}

need_cmd pkg-config pkg-config
need_cmd cmake cmake
need_cmd cc gcc
need_cmd make make
need_pkg sdl2 libsdl2-dev
need_pkg SDL2_ttf libsdl2-ttf-dev
need_pkg lua5.4 liblua5.4-dev
need_pkg libcjson libcjson-dev
need_deb fonts-dejavu-core
if [ "$want_tests" = 1 ]; then
    need_pkg cmocka libcmocka-dev
    need_cmd python3 python3   # the end-to-end tests read JSON with it
    need_cmd /usr/bin/time time # the hostile-scenario test measures peak memory with it
    need_cmd clang clang        # the fuzz targets (make fuzz-short) need clang's libFuzzer,
    need_deb libclang-rt-dev    # whose runtime (libclang_rt.fuzzer) is in libclang-rt-N-dev
fi

if [ -z "$missing" ]; then
    exit 0
fi

cmd="apt-get install -y -q --no-install-recommends$missing"
echo "stormdrill: installing missing packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
    runner=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    runner="sudo"
else
    echo "stormdrill: cannot install packages without root. Run:" >&2
    echo "  sudo apt-get update && sudo $cmd" >&2
    exit 1
fi
# Update the package lists only when a first install attempt fails.
if ! DEBIAN_FRONTEND=noninteractive $runner $cmd >&2; then
    DEBIAN_FRONTEND=noninteractive $runner apt-get update >&2 &&
        DEBIAN_FRONTEND=noninteractive $runner $cmd >&2 || {
        echo "stormdrill: package installation failed. Run by hand:" >&2
        echo "  sudo apt-get update && sudo $cmd" >&2
        exit 1
    }
fi
