/* fold.c - case and diacritics folding for search (fold.h). */
#include "fold.h"

#include <string.h>

#include "utf8.h"

/* Latin-1 Supplement U+00C0..U+00FF folded ("" for the two signs), two bytes at most. */
static const char *const latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "\xC3\x97", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "\xC3\xB7", "o", "u", "u", "u", "u", "y", "th", "y",
};

/* Latin Extended-A U+0100..U+017F: the base letter of each (pairs of capital and small
 * letter, with the few exceptions written out). */
static const char ext_a[129] =
    "aaaaaaccccccccdddd"   /* 0100..0111 */
    "eeeeeeeeeegggggggg"   /* 0112..0123 */
    "hhhhiiiiiiiiii"       /* 0124..0131 */
    "jjjjkkk"              /* 0132..0138 (ĳ as j) */
    "llllllllll"           /* 0139..0142 */
    "nnnnnnnnn"            /* 0143..014B */
    "oooooo"               /* 014C..0151 */
    "oo"                   /* 0152..0153 (œ, written out below) */
    "rrrrrrssssssss"       /* 0154..0161 */
    "tttttt"               /* 0162..0167 */
    "uuuuuuuuuuuu"         /* 0168..0173 */
    "wwyyyzzzzzzs";        /* 0174..017F */

/* Folds one code point into out (room for 4 bytes); returns the bytes (0: dropped). */
static size_t fold_cp(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return 1;
    }
    if (c >= 0x300 && c <= 0x36F)
        return 0; /* a combining mark: the base letter before it stays */
    if (c >= 0xC0 && c <= 0xFF) {
        const char *f = latin1[c - 0xC0];
        size_t n = strlen(f);
        memcpy(out, f, n);
        return n;
    }
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x152 || c == 0x153) {
            memcpy(out, "oe", 2);
            return 2;
        }
        if (c == 0x132 || c == 0x133) {
            memcpy(out, "ij", 2);
            return 2;
        }
        out[0] = ext_a[c - 0x100];
        return 1;
    }
    if ((c >= 0x391 && c <= 0x3A9 && c != 0x3A2))
        c += 0x20; /* Greek capitals */
    else if (c >= 0x410 && c <= 0x42F)
        c += 0x20; /* Cyrillic capitals */
    else if (c >= 0x400 && c <= 0x40F)
        c += 0x50;
    return sd_utf8_put(out, c);
}

size_t sd_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += sd_utf8_decode(s + i, len - i, &cp);
        char one[4];
        size_t n = fold_cp(cp, one);
        if (o + n >= cap)
            break;
        memcpy(out + o, one, n);
        o += n;
    }
    out[o] = '\0';
    return o;
}

bool sd_fold_contains(const char *s, const char *folded_needle)
{
    size_t nl = strlen(folded_needle);
    if (nl == 0)
        return true;
    if (s == NULL)
        return false;
    /* A window of folded text as long as the needle, slid code point by code point: the
     * folded text is never built whole. */
    char win[512];
    if (nl >= sizeof win / 2)
        return false;
    size_t w = 0, len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += sd_utf8_decode(s + i, len - i, &cp);
        char one[4];
        size_t n = fold_cp(cp, one);
        if (w + n > sizeof win) { /* keep the last nl bytes */
            memmove(win, win + w - nl, nl);
            w = nl;
        }
        memcpy(win + w, one, n);
        w += n;
        if (w >= nl && memcmp(win + w - nl, folded_needle, nl) == 0)
            return true;
    }
    return false;
}
