# termsafe.sh - the check that output is safe for a terminal, shared by the end-to-end
# scripts (hostile.sh, terminal.sh). Source it; it defines
#   unsafe_output FILE [MAX_BYTES]
# which prints one problem a line (nothing when FILE is fine): a raw control byte other than
# newline and tab (ESC, CR, BEL, DEL, NUL ...), a C1 or bidirectional control encoded as
# UTF-8 (U+0080..U+009F, U+061C, U+200E, U+200F, U+2028..U+202E, U+2066..U+2069), invalid
# UTF-8 (a raw byte 0x80..0xFF out of a sequence), or more than MAX_BYTES (default 65536)
# bytes. Text from files reaches the terminal escaped (engine/util/termtext.h) and cut
# (engine/util/error.h).
unsafe_output() {
    local f=$1 max=${2:-65536} size
    if ! echo x | LC_ALL=C grep -qaP 'x' 2>/dev/null; then
        echo "grep -P (PCRE) is needed for the terminal-safety check"
        return
    fi
    LC_ALL=C grep -qaP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]' "$f" &&
        echo "raw control characters in the output"
    iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || echo "invalid UTF-8 in the output"
    size=$(wc -c <"$f")
    [ "$size" -le "$max" ] || echo "$size bytes of output (limit $max)"
}
