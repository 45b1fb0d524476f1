#!/bin/sh
# Installs the Debian packages Stormdrill needs to build and test, if any are missing.
# Asks pkg-config (and dpkg for packages without a .pc file) what is missing, then runs
# apt-get as root or through sudo; otherwise prints the exact command to run.
# Usage: tools/install-deps.sh [--test]   (--test adds what the test suite needs, and tries
# chromium for the report test: best effort, a failure there does not fail the install)
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
need_pkg SDL2_image libsdl2-image-dev # pictures in posts, reference screenshots
need_pkg lua5.4 liblua5.4-dev
need_pkg libcjson libcjson-dev
need_pkg nettle nettle-dev         # SHA-256 and HMAC-SHA256 of the session log's chain and seal
need_deb libstemmer-dev            # Snowball stemmers: key points match on word stems
need_pkg hunspell libhunspell-dev  # spelling of replies
need_deb hunspell-sv               # its Swedish dictionary (/usr/share/hunspell/sv_SE.*)
need_deb hunspell-en-us            # and the English one (en_US.*)
need_deb fonts-dejavu-core
if [ "$want_tests" = 1 ]; then
    need_pkg cmocka libcmocka-dev
    need_cmd python3 python3   # the end-to-end tests read JSON with it
    need_cmd /usr/bin/time time # the hostile-scenario test measures peak memory with it
    need_cmd clang clang        # the fuzz targets (make fuzz-short) need clang's libFuzzer,
    need_deb libclang-rt-dev    # whose runtime (libclang_rt.fuzzer) is in libclang-rt-N-dev
fi

# Sets runner to "" (root) or "sudo"; fails when neither can install packages.
find_runner() {
    if [ "$(id -u)" = 0 ]; then
        runner=""
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        runner="sudo"
    else
        return 1
    fi
}

# Installs with apt-get, updating the package lists only when a first attempt fails.
apt_install() {
    DEBIAN_FRONTEND=noninteractive $runner apt-get install -y -q --no-install-recommends "$@" >&2 ||
        { DEBIAN_FRONTEND=noninteractive $runner apt-get update >&2 &&
          DEBIAN_FRONTEND=noninteractive $runner apt-get install -y -q --no-install-recommends "$@" >&2; }
}

# Chromium (the report test renders report.html in it) is installed on its own, best
# effort: when it cannot be installed, that part of the test says SKIP and why.
install_chromium() {
    [ "$want_tests" = 1 ] || return 0
    for c in chromium chromium-browser google-chrome; do
        command -v "$c" >/dev/null 2>&1 && return 0
    done
    echo "stormdrill: installing chromium (for the report test; optional)" >&2
    if ! find_runner; then
        echo "stormdrill: chromium not installed (no root); the report test will skip the browser check." >&2
        echo "  To install it: sudo apt-get install chromium" >&2
        return 0
    fi
    if ! apt_install chromium; then
        echo "stormdrill: chromium could not be installed; the report test will skip the browser check." >&2
        echo "  To install it by hand: sudo apt-get update && sudo apt-get install chromium" >&2
    fi
    return 0
}

if [ -z "$missing" ]; then
    install_chromium
    exit 0
fi

cmd="apt-get install -y -q --no-install-recommends$missing"
echo "stormdrill: installing missing packages:$missing" >&2
if ! find_runner; then
    echo "stormdrill: cannot install packages without root. Run:" >&2
    echo "  sudo apt-get update && sudo $cmd" >&2
    exit 1
fi
# shellcheck disable=SC2086 # $missing is a list of package names
if ! apt_install $missing; then
    echo "stormdrill: package installation failed. Run by hand:" >&2
    echo "  sudo apt-get update && sudo $cmd" >&2
    exit 1
fi
install_chromium
