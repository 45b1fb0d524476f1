/* tone_text.c - the text primitives of the tone checks (tone_internal.h): code points with
 * composition of common decomposed Latin letters, letter and space classes, case folding,
 * folded comparison and phrase matching, and excerpts for feedback details. */
#include <string.h>

#include "tone_internal.h"
#include "util/utf8.h"

/* ---- composition: ASCII base letter + combining accent -> Latin-1 letter ---- */

typedef struct compose_row {
    uint32_t mark;
    const char *bases;
    uint32_t out[12];
} compose_row;

static const compose_row compose_rows[] = {
    {0x300, "AEIOUaeiou", {0xC0, 0xC8, 0xCC, 0xD2, 0xD9, 0xE0, 0xE8, 0xEC, 0xF2, 0xF9}},
    {0x301, "AEIOUYaeiouy", {0xC1, 0xC9, 0xCD, 0xD3, 0xDA, 0xDD, 0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xFD}},
    {0x302, "AEIOUaeiou", {0xC2, 0xCA, 0xCE, 0xD4, 0xDB, 0xE2, 0xEA, 0xEE, 0xF4, 0xFB}},
    {0x303, "ANOano", {0xC3, 0xD1, 0xD5, 0xE3, 0xF1, 0xF5}},
    {0x308, "AEIOUYaeiouy", {0xC4, 0xCB, 0xCF, 0xD6, 0xDC, 0x178, 0xE4, 0xEB, 0xEF, 0xF6, 0xFC, 0xFF}},
    {0x30A, "Aa", {0xC5, 0xE5}},
    {0x327, "Cc", {0xC7, 0xE7}},
};

static uint32_t compose(uint32_t base, uint32_t mark)
{
    for (size_t i = 0; i < sizeof compose_rows / sizeof compose_rows[0]; i++) {
        if (compose_rows[i].mark != mark)
            continue;
        const char *hit = strchr(compose_rows[i].bases, (int)base);
        return hit ? compose_rows[i].out[hit - compose_rows[i].bases] : 0;
    }
    return 0;
}

size_t sd_tt_next_slow(const char *s, size_t len, size_t pos, uint32_t *cp)
{
    size_t n = sd_utf8_decode(s + pos, len - pos, cp);
    if (n == 0) { /* not reached: pos < len */
        *cp = 0xFFFD;
        return 1;
    }
    if (*cp < 0x80 && pos + n + 1 < len && (unsigned char)s[pos + n] == 0xCC) {
        uint32_t mark;
        size_t m = sd_utf8_decode(s + pos + n, len - pos - n, &mark);
        uint32_t c = compose(*cp, mark);
        if (c != 0) {
            *cp = c;
            return n + m;
        }
    }
    return n;
}

uint32_t sd_tt_prev(const char *s, size_t pos)
{
    if (pos == 0)
        return 0;
    size_t i = pos - 1;
    while (i > 0 && pos - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    uint32_t cp;
    size_t n = sd_utf8_decode(s + i, pos - i, &cp);
    return n == pos - i ? cp : 0xFFFD;
}

/* ---- classes and case ---- */

uint32_t sd_tt_lower_slow(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c < 0xC0)
        return c;
    if (c <= 0xDE)
        return c == 0xD7 ? c : c + 32;
    if (c < 0x100)
        return c;
    if (c < 0x180) { /* Latin Extended-A: pairs, capital first */
        if (c == 0x130)
            return 'i';
        if (c == 0x178)
            return 0xFF;
        if (c <= 0x137 || (c >= 0x14A && c <= 0x177))
            return (c & 1) ? c : c + 1;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c & 1) ? c + 1 : c;
        return c;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
        return c + 32;
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 37;
    if (c == 0x38C)
        return 0x3CC;
    if (c == 0x38E || c == 0x38F)
        return c + 63;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    return c;
}

uint32_t sd_tt_fold_slow(uint32_t c)
{
    if (c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x2032)
        return '\'';
    return sd_tt_lower_slow(c);
}

/* Code points from U+0370 on that are not letters: punctuation, symbols, digits of other
 * scripts, spaces, emoji, variation selectors, private use, specials (an approximation of
 * the Unicode categories P, S, N, Z, C; sorted). */
static const uint32_t non_letters[][2] = {
    {0x0374, 0x0375}, {0x037E, 0x037E}, {0x0384, 0x0385}, {0x0387, 0x0387},
    {0x03F6, 0x03F6}, {0x0482, 0x0482}, {0x055A, 0x055F}, {0x0589, 0x058A},
    {0x058D, 0x058F}, {0x05BE, 0x05BE}, {0x05C0, 0x05C0}, {0x05C3, 0x05C3},
    {0x05C6, 0x05C6}, {0x05F3, 0x05F4}, {0x0600, 0x060F}, {0x061B, 0x061F},
    {0x0660, 0x066D}, {0x06D4, 0x06D4}, {0x06DD, 0x06DE}, {0x06E9, 0x06E9},
    {0x06F0, 0x06F9}, {0x06FD, 0x06FE}, {0x0700, 0x070F}, {0x07C0, 0x07C9},
    {0x07F6, 0x07F9}, {0x0964, 0x0970}, {0x09E6, 0x09EF}, {0x09F2, 0x09FB},
    {0x0A66, 0x0A6F}, {0x0AE6, 0x0AF1}, {0x0B66, 0x0B6F}, {0x0BE6, 0x0BFA},
    {0x0C66, 0x0C6F}, {0x0CE6, 0x0CEF}, {0x0D66, 0x0D79}, {0x0DE6, 0x0DEF},
    {0x0DF4, 0x0DF4}, {0x0E3F, 0x0E3F}, {0x0E4F, 0x0E5B}, {0x0ED0, 0x0ED9},
    {0x0F01, 0x0F17}, {0x0F1A, 0x0F34}, {0x0F3A, 0x0F3D}, {0x0F85, 0x0F85},
    {0x104A, 0x104F}, {0x1090, 0x1099}, {0x10FB, 0x10FB}, {0x1360, 0x137C},
    {0x1400, 0x1400}, {0x166D, 0x166E}, {0x1680, 0x1680}, {0x169B, 0x169C},
    {0x16EB, 0x16ED}, {0x17D4, 0x17DB}, {0x17E0, 0x17E9}, {0x1800, 0x1819},
    {0x2000, 0x2BFF}, {0x2E00, 0x2FFF}, {0x3000, 0x3004}, {0x3008, 0x3020},
    {0x3030, 0x3030}, {0x303D, 0x303F}, {0x3200, 0x33FF}, {0x4DC0, 0x4DFF},
    {0xA4FE, 0xA4FF}, {0xA60D, 0xA60F}, {0xA620, 0xA629}, {0xA830, 0xA839},
    {0xA8CE, 0xA8D9}, {0xA900, 0xA909}, {0xA9D0, 0xA9D9}, {0xAA50, 0xAA59},
    {0xABF0, 0xABF9}, {0xD800, 0xF8FF}, {0xFD3E, 0xFD3F}, {0xFE00, 0xFE6F},
    {0xFEFF, 0xFEFF}, {0xFF00, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65},
    {0xFFE0, 0xFFFF}, {0x10100, 0x1013F}, {0x104A0, 0x104A9}, {0x1D000, 0x1D24F},
    {0x1D7CE, 0x1D7FF}, {0x1F000, 0x1FBFF}, {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF},
};

bool sd_tt_is_letter_slow(uint32_t c)
{
    if (c < 0x80)
        return (c | 32) >= 'a' && (c | 32) <= 'z';
    if (c < 0xC0)
        return false;
    if (c <= 0x24F)
        return c != 0xD7 && c != 0xF7;
    if (c < 0x370)
        return false;
    size_t lo = 0, hi = sizeof non_letters / sizeof non_letters[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c < non_letters[mid][0])
            hi = mid;
        else if (c > non_letters[mid][1])
            lo = mid + 1;
        else
            return false;
    }
    return true;
}

bool sd_tt_is_space_slow(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 0x09 && c <= 0x0D);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* ---- comparing ---- */

/* Skips a run of whitespace from pos; returns where it ends. */
static size_t skip_space(const char *s, size_t len, size_t pos)
{
    while (pos < len) {
        uint32_t c;
        size_t k = sd_tt_next(s, len, pos, &c);
        if (!sd_tt_is_space(c))
            break;
        pos += k;
    }
    return pos;
}

bool sd_tt_starts(const char *s, size_t len, size_t pos, const char *lit, size_t litlen,
                  size_t *after)
{
    size_t i = 0;
    while (i < litlen) {
        if (pos >= len)
            return false;
        uint32_t a, b;
        size_t ka = sd_tt_next(s, len, pos, &a);
        size_t kb = sd_tt_next(lit, litlen, i, &b);
        if (sd_tt_is_space(b)) {
            if (!sd_tt_is_space(a))
                return false;
            pos = skip_space(s, len, pos);
            i = skip_space(lit, litlen, i);
            continue;
        }
        if (sd_tt_fold(a) != sd_tt_fold(b))
            return false;
        pos += ka;
        i += kb;
    }
    *after = pos;
    return true;
}

bool sd_tt_equal(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t after;
    return sd_tt_starts(a, alen, 0, b, blen, &after) && after == alen;
}

void sd_tt_trim(const char *s, size_t *b, size_t *e)
{
    size_t p = *b, q = *e;
    while (p < q) {
        uint32_t c;
        size_t k = sd_tt_next(s, q, p, &c);
        if (!sd_tt_is_space(c))
            break;
        p += k;
    }
    while (q > p) {
        uint32_t c = sd_tt_prev(s, q);
        if (!sd_tt_is_space(c))
            break;
        size_t k = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        q -= k;
    }
    *b = p;
    *e = q;
}

bool sd_tt_match(const char *s, size_t len, size_t pos, const sd_tt_phrase *p, size_t *end)
{
    for (size_t i = 0; i < p->n; i++) {
        if (pos >= len)
            return false;
        uint32_t c;
        size_t k = sd_tt_next(s, len, pos, &c);
        if (p->cp[i] == ' ') {
            if (!sd_tt_is_space(c))
                return false;
            pos = skip_space(s, len, pos + k);
            continue;
        }
        if (sd_tt_fold(c) != p->cp[i])
            return false;
        pos += k;
    }
    /* A word may not go on after the phrase; after a prefix phrase, the match takes in the
     * rest of the word. */
    while (pos < len && sd_tt_is_word(p->cp[p->n - 1])) {
        uint32_t c;
        size_t k = sd_tt_next(s, len, pos, &c);
        if (!sd_tt_is_word(c))
            break;
        if (!p->prefix)
            return false;
        pos += k;
    }
    *end = pos;
    return true;
}

/* ---- excerpts ---- */

/* Writes s[b..e) at dst + *n, at most limit bytes; true when all of it fit. */
static bool excerpt_into(char *dst, size_t *n, const char *s, size_t b, size_t e, size_t limit)
{
    bool space = false;
    size_t used = 0;
    for (size_t p = b; p < e;) {
        uint32_t c;
        size_t k = sd_tt_next(s, e, p, &c);
        p += k;
        char enc[4];
        size_t m;
        if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029) {
            if (space) /* a run of line breaks and tabs: one space */
                continue;
            enc[0] = ' ';
            m = 1;
            space = true;
        } else {
            m = sd_utf8_put(enc, c);
            space = false;
        }
        if (used + m > limit)
            return false;
        memcpy(dst + *n, enc, m);
        *n += m;
        used += m;
    }
    return true;
}

void sd_tt_excerpt(char *dst, size_t cap, const char *s, size_t b, size_t e, size_t max)
{
    if (cap == 0)
        return;
    size_t start = strlen(dst), n = start;
    size_t room = cap - 1 - start;
    if (max < room)
        room = max;
    if (!excerpt_into(dst, &n, s, b, e, room)) {
        n = start;
        if (room >= 3) {
            excerpt_into(dst, &n, s, b, e, room - 3);
            memcpy(dst + n, "\xE2\x80\xA6", 3); /* … */
            n += 3;
        }
    }
    dst[n] = '\0';
}

/* ---- detail texts ---- */

/* sv first, en second; the same conversions in the same order (test_tone checks). */
static const char *const msg_formats[SD_TM_COUNT][2] = {
    [SD_TM_NA] = {"gäller inte (%s)", "not applicable (%s)"},
    [SD_TM_NA_NO_NAME] = {"inget namn att hälsa med", "no name to greet"},
    [SD_TM_NA_MOOD] = {"stämning: %s", "mood %s"},
    [SD_TM_NA_NO_LINK] = {"ingen länk väntas", "no link expected"},
    [SD_TM_NA_PRIVATE] = {"inte ett offentligt svar", "not a public reply"},
    [SD_TM_NA_NO_GREETING_NAME] = {"hälsningen har inget namn", "the greeting has no name"},
    [SD_TM_NA_NOT_HERE] = {"kontrolleras inte här", "not checked here"},
    [SD_TM_QUOTED] = {"'%s'", "'%s'"},
    [SD_TM_G_EMPTY] = {"svaret är tomt, väntade '%s %s!'", "the reply is empty, expected '%s %s!'"},
    [SD_TM_G_WORD] = {"börjar inte med '%s': första raden '%s', väntade '%s %s!'",
                      "does not begin with '%s': first line '%s', expected '%s %s!'"},
    [SD_TM_G_NO_NAME] = {"inget namn: första raden '%s', väntade '%s %s!'",
                         "no name: first line '%s', expected '%s %s!'"},
    [SD_TM_G_OTHER] = {"hälsar på '%s', väntade '%s'", "greets '%s', expected '%s'"},
    [SD_TM_G_BANG] = {"hälsningen slutar inte med '!': första raden '%s', väntade '%s %s!'",
                      "the greeting does not end with '!': first line '%s', expected '%s %s!'"},
    [SD_TM_S_ABBR] = {"förkortningen '%s' räknas inte: avsluta med '%s, %s'",
                      "abbreviated sign-off '%s' does not count: end with '%s, %s'"},
    [SD_TM_S_OTHER] = {"avslutningen '%s' är inte '%s': avsluta med '%s, %s'",
                       "sign-off '%s' is not '%s': end with '%s, %s'"},
    [SD_TM_S_NONE] = {"ingen avslutning: avsluta med '%s, %s'",
                      "no sign-off at the end: end with '%s, %s'"},
    [SD_TM_S_NO_NAME] = {"inget namn efter '%s': avsluta med '%s, %s'",
                         "no name after '%s': end with '%s, %s'"},
    [SD_TM_S_SEPARATOR] = {"'%s' följs inte av komma, mellanslag, snedstreck eller radbrytning "
                           "före namnet: '%s'",
                           "'%s' is not followed by a comma, space, slash or line break before "
                           "the name: found '%s'"},
    [SD_TM_S_NO_NAME_FOUND] = {"inget namn efter '%s': '%s'", "no name after '%s': found '%s'"},
    [SD_TM_S_AFTER] = {"text efter avslutningen: '%s'", "text after the sign-off: '%s'"},
    [SD_TM_S_WRONG] = {"avslutningen har namnet '%s', väntade '%s'",
                       "sign-off names '%s', expected '%s'"},
    [SD_TM_S_ANY_NAME] = {"<ditt förnamn>", "<your first name>"},
    [SD_TM_A_OK] = {"'%s' i första meningen", "'%s' in the first sentence"},
    [SD_TM_A_AFTER_THANKS] = {"'%s' direkt efter tacket", "'%s' right after the thanks"},
    [SD_TM_A_LATER] = {"bekräftar först senare ('%s' i mening %d): bekräfta i första meningen",
                       "acknowledges only later ('%s' in sentence %d): acknowledge in the first "
                       "sentence"},
    [SD_TM_A_NONE] = {"ingen bekräftelse i första meningen, som 'jag förstår' eller 'tråkigt att'",
                      "no acknowledgement in the first sentence, such as 'I understand' or "
                      "'sorry to hear'"},
    [SD_TM_A_NEGATED] = {"'%s' är nekat och bekräftar inget",
                         "'%s' is negated and acknowledges nothing"},
    [SD_TM_A_RETRACTED] = {"'%s' tas tillbaka i samma mening: '%s'",
                           "'%s' is taken back in the same sentence: '%s'"},
    [SD_TM_A_IRONY] = {"'%s' blir ironiskt i samma mening som '%s'",
                       "'%s' reads as irony in the same sentence as '%s'"},
    [SD_TM_L_NONE] = {"ingen länk: ingen adress med http://, https:// eller www.",
                      "no link: no address with http://, https:// or www."},
    [SD_TM_C_WORDS] = {"%d %s i brödtexten, högst %d", "%d %s in the body, at most %d"},
    [SD_TM_P_EMPTY] = {"LIX 0 (inga ord i brödtexten)", "LIX 0 (no words in the body)"},
    [SD_TM_P_LIX] = {"LIX %s, högst %s: %d %s, %d %s, %d %s",
                     "LIX %s, at most %s: %d %s, %d %s, %d %s"},
    [SD_TM_P_SHORT] = {"kort brödtext, %d %s och %d %s: LIX används inte under %d ord",
                       "short body, %d %s and %d %s: LIX is not used under %d words"},
    [SD_TM_P_SHORT_LONG] = {"kort brödtext, men %d av %d ord är långa",
                            "short body, but %d of %d words are long"},
    [SD_TM_P_JARGON] = {"krångligt ord '%s'", "officialese '%s'"},
    [SD_TM_P_ABBREVIATION] = {"oförklarad förkortning '%s'", "unexplained abbreviation '%s'"},
    [SD_TM_K_OK] = {"inga versaler, inga '!!', inget otrevligt uttryck",
                    "no shouting, no '!!', no discourteous phrase"},
    [SD_TM_K_SHOUT] = {"skrik i versaler '%s'", "shouting '%s'"},
    [SD_TM_K_CAPITALS] = {"%d av %d bokstäver är versaler", "%d of %d letters in capitals"},
    [SD_TM_K_DISCOURTEOUS] = {"otrevligt eller nedlåtande uttryck '%s'", "discourteous phrase '%s'"},
    [SD_TM_K_IRONY] = {"ironi '%s'", "irony '%s'"},
    [SD_TM_V_OK] = {"inget personnummer, ingen begäran om personuppgifter",
                    "no personal identity number, no request for personal details"},
    [SD_TM_V_PNR] = {"personnummer '%s'", "personal identity number '%s'"},
    [SD_TM_V_ASK] = {"ber om personuppgifter offentligt: '%s'",
                     "asks for personal details in public: '%s'"},
    [SD_TM_N_OK] = {"hälsar på '%s', den som får svaret", "greets '%s', the person answered"},
    [SD_TM_N_MISSPELT] = {"'%s' är '%s' felstavat (se hälsningen)",
                          "'%s' is '%s' misspelt (see greeting)"},
    [SD_TM_N_PART] = {"'%s' är en del av namnet '%s'", "'%s' is part of the name '%s'"},
    [SD_TM_N_WRONG] = {"hälsar på '%s', men svaret går till '%s'",
                       "greets '%s', but the reply is to '%s'"},
    [SD_TM_N_OTHER_PERSON] = {"hälsar på '%s', en annan person i övningen; svaret går till '%s'",
                              "greets '%s', another person in the exercise; the reply is to '%s'"},
    [SD_TM_N_GROUP] = {"hälsar '%s', inget namn", "greets '%s', no name"},
};

const char *sd_tt_msg_format(sd_tt_msg m, sd_language lang)
{
    if ((unsigned)m >= SD_TM_COUNT)
        return "";
    const char *f = msg_formats[m][lang == SD_LANG_EN ? 1 : 0];
    return f ? f : "";
}

const char *sd_tt_noun(sd_tt_noun_id n, long count, sd_language lang)
{
    static const char *const nouns[SD_TN_COUNT][2][2] = {
        [SD_TN_WORD] = {{"ord", "ord"}, {"word", "words"}},
        [SD_TN_SENTENCE] = {{"mening", "meningar"}, {"sentence", "sentences"}},
        [SD_TN_LONG_WORD] = {{"långt ord", "långa ord"}, {"long word", "long words"}},
    };
    if ((unsigned)n >= SD_TN_COUNT)
        return "";
    return nouns[n][lang == SD_LANG_EN ? 1 : 0][count == 1 ? 0 : 1];
}

const char *sd_tt_mood_name(sd_mood m, sd_language lang)
{
    static const char *const sv[SD_MOOD_COUNT] = {"lugn", "orolig", "frustrerad", "arg", "troll"};
    if ((unsigned)m >= SD_MOOD_COUNT)
        return "?";
    return lang == SD_LANG_EN ? sd_vocab_name(SD_VOCAB_MOOD, (int)m) : sv[m];
}

/* ---- matching through a window ---- */

void sd_tt_window_init(sd_tt_window *w, const char *s, size_t len, size_t pos)
{
    w->s = s;
    w->len = len;
    w->pos = w->next = pos;
    w->n = 0;
}

/* Decodes until the window holds more than i code points; false when the text (or the
 * window) ends first. */
static bool window_decode(sd_tt_window *w, size_t i)
{
    while (w->n <= i) {
        if (w->n == SD_TT_WINDOW || w->next >= w->len)
            return false;
        uint32_t c;
        size_t k = sd_tt_next(w->s, w->len, w->next, &c);
        if (sd_tt_is_space(c)) {
            w->next = skip_space(w->s, w->len, w->next + k);
            c = ' ';
        } else {
            w->next += k;
            c = sd_tt_fold(c);
        }
        w->cp[w->n] = c;
        w->end[w->n] = w->next;
        w->n++;
    }
    return true;
}

static inline bool window_fill(sd_tt_window *w, size_t i)
{
    return i < w->n || window_decode(w, i);
}

/* Phrase p, whose n code points all match the window, at a word boundary: true and *end
 * set when no word goes on after it (or, for a prefix phrase, up to the end of the word). */
static bool window_boundary(sd_tt_window *w, const sd_tt_phrase *p, size_t *end)
{
    size_t i = p->n, e = w->end[i - 1];
    if (sd_tt_is_word(p->cp[i - 1])) {
        for (; window_fill(w, i) && sd_tt_is_word(w->cp[i]); i++) {
            if (!p->prefix)
                return false;
            e = w->end[i];
        }
        if (i == SD_TT_WINDOW) /* the word goes on past the window */
            return sd_tt_match(w->s, w->len, w->pos, p, end);
    }
    *end = e;
    return true;
}

/* The first index in [lo, hi) whose phrase has code point j above t (above = true) or at
 * least t (above = false); all phrases in the range are longer than j. */
static inline size_t bound_at(const sd_lx_list *l, size_t lo, size_t hi, size_t j, uint32_t t,
                              bool above)
{
    if (hi - lo <= 8) { /* short ranges: a linear walk is cheaper */
        while (lo < hi && (l->v[lo].cp[j] < t || (above && l->v[lo].cp[j] == t)))
            lo++;
        return lo;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t c = l->v[mid].cp[j];
        if (c < t || (above && c == t))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const sd_tt_phrase *sd_tt_window_match(const sd_lx_list *l, sd_tt_window *w, uint32_t first,
                                       size_t *end)
{
    size_t lo, hi;
    if (!sd_lx_first_range(l, first, &lo, &hi) || !window_fill(w, 0))
        return NULL;
    /* The phrases in [lo, hi) share the text's first j code points; sorted, those of length
     * j come first, then the range narrows to those whose code point j is the text's. */
    const sd_tt_phrase *best = NULL;
    size_t best_end = 0;
    for (size_t j = 1; lo < hi; j++) {
        for (; lo < hi && l->v[lo].n == j; lo++) {
            size_t e;
            if (window_boundary(w, &l->v[lo], &e) && (best == NULL || e > best_end)) {
                best = &l->v[lo];
                best_end = e;
            }
        }
        if (lo == hi)
            break;
        if (hi - lo == 1 && l->v[lo].n < SD_TT_WINDOW) {
            /* One phrase left: compare the rest of it at once. */
            const sd_tt_phrase *p = &l->v[lo];
            size_t i = j;
            while (i < p->n && window_fill(w, i) && w->cp[i] == p->cp[i])
                i++;
            size_t e;
            if (i == p->n && window_boundary(w, p, &e) && (best == NULL || e > best_end)) {
                best = p;
                best_end = e;
            }
            break;
        }
        if (!window_fill(w, j)) {
            if (w->n < SD_TT_WINDOW)
                break; /* the text ends: no longer phrase matches */
            for (; lo < hi; lo++) { /* past the window: the slow way */
                size_t e;
                if (sd_tt_match(w->s, w->len, w->pos, &l->v[lo], &e) &&
                    (best == NULL || e > best_end)) {
                    best = &l->v[lo];
                    best_end = e;
                }
            }
            break;
        }
        uint32_t t = w->cp[j];
        lo = bound_at(l, lo, hi, j, t, false);
        hi = bound_at(l, lo, hi, j, t, true);
    }
    if (best)
        *end = best_end;
    return best;
}

/* ---- first-word filters ---- */

static void set_bit(uint64_t *bits, uint32_t h)
{
    h %= SD_LX_FILTER_WORDS * 64;
    bits[h / 64] |= (uint64_t)1 << (h % 64);
}

void sd_lx_list_note(sd_lx_list *l, const sd_tt_phrase *p)
{
    /* The first word: up to the first code point that is no word character. */
    size_t i = 0;
    uint32_t h = SD_LX_HASH_INIT;
    for (; i < p->n && sd_tt_is_word(p->cp[i]); i++)
        h = sd_lx_hash(h, p->cp[i]);
    if (i == p->n && p->prefix) {
        /* One word that may go on in the text: key on its start. */
        size_t k = p->n < SD_LX_START ? p->n : SD_LX_START;
        uint32_t g = SD_LX_HASH_INIT;
        for (size_t j = 0; j < k; j++)
            g = sd_lx_hash(g, p->cp[j]);
        set_bit(l->prefix_starts, g ^ (uint32_t)k);
        l->prefix_lengths |= 1u << (k - 1);
    } else {
        set_bit(l->first_words, h >> 5);
    }
}
