#!/bin/sh
# Regenerates the window's reference screenshots (tests/data/screens/*.png) after a
# deliberate change of the look: builds the test, runs it with SD_UPDATE_SCREENS=1 (every
# view of its table at 1024x600, 1280x800, 1920x1080, at 100 % and 200 % text), then runs it
# again to check that the new pictures pass. Look at the pictures before committing them.
# Usage: tools/screens-remake.sh [BUILD_DIR]    (run from the source folder)
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
cmake --build "$build" -j2 --target test_screens_ref
rm -f tests/data/screens/*.png
SD_UPDATE_SCREENS=1 "$build/tests/test_screens_ref" >/dev/null
"$build/tests/test_screens_ref"
printf 'wrote %s pictures, %s bytes, in tests/data/screens/\n' \
    "$(ls tests/data/screens/*.png | wc -l)" "$(cat tests/data/screens/*.png | wc -c)"
