/* tone_internal.h - what the tone checks share inside engine/scoring (not a public API):
 * reading text as code points, letter/digit/space classes, a small case folding, matching
 * a phrase on word boundaries, and the phrase lists behind an sd_lexicons.
 *
 * Text is UTF-8 read with sd_utf8_decode: invalid bytes read as U+FFFD, never rejected.
 * An ASCII letter followed by a combining accent (U+0300 grave, 0301 acute, 0302
 * circumflex, 0303 tilde, 0308 diaeresis, 030A ring, 0327 cedilla) reads as the
 * precomposed Latin-1 letter, so a decomposed "Åsa" (A + U+030A) is the same name as the
 * precomposed one. Case folding covers ASCII, Latin-1 Supplement, Latin Extended-A and the
 * basic Greek and Cyrillic capitals; it also maps the typographic apostrophes to '. */
#ifndef SD_TONE_INTERNAL_H
#define SD_TONE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stem.h"
#include "tone.h"

/* ---- code points ---- */

size_t sd_tt_next_slow(const char *s, size_t len, size_t pos, uint32_t *cp);

/* Reads the code point at s[pos] (pos < len); returns the bytes it took (>= 1). Inline for
 * ASCII and two-byte sequences (å ä ö é ...), which make up nearly all of a reply. */
static inline size_t sd_tt_next(const char *s, size_t len, size_t pos, uint32_t *cp)
{
    unsigned char b = (unsigned char)s[pos];
    if (b < 0x80) {
        if (pos + 1 >= len || (unsigned char)s[pos + 1] != 0xCC) {
            *cp = b;
            return 1;
        }
    } else if (b >= 0xC2 && b <= 0xDF && pos + 1 < len) {
        unsigned char c = (unsigned char)s[pos + 1];
        if ((c & 0xC0) == 0x80) {
            *cp = ((uint32_t)(b & 0x1F) << 6) | (c & 0x3F);
            return 2;
        }
    }
    return sd_tt_next_slow(s, len, pos, cp);
}

/* The code point that ends right before s[pos] (0 at the start of the text). */
uint32_t sd_tt_prev(const char *s, size_t pos);

uint32_t sd_tt_lower_slow(uint32_t c);
uint32_t sd_tt_fold_slow(uint32_t c);
bool sd_tt_is_letter_slow(uint32_t c);
bool sd_tt_is_space_slow(uint32_t c);

static inline uint32_t sd_tt_lower(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return sd_tt_lower_slow(c);
}
/* Lower case, and ’ ‘ ʼ ′ as '. What phrases are compared on. */
static inline uint32_t sd_tt_fold(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return sd_tt_fold_slow(c);
}
/* Letters: ASCII letters, U+00C0..U+024F but U+00D7 and U+00F7, and code points from
 * U+0370 on that are not punctuation, symbols, digits, spaces, emoji or private use. */
static inline bool sd_tt_is_letter(uint32_t c)
{
    if (c < 0x80)
        return (c | 32) >= 'a' && (c | 32) <= 'z';
    return sd_tt_is_letter_slow(c);
}
static inline bool sd_tt_is_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 0x09 && c <= 0x0D);
    return sd_tt_is_space_slow(c);
}
static inline bool sd_tt_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
/* A combining mark that did not compose (U+0300..U+036F): part of a word, not a letter. */
static inline bool sd_tt_is_mark(uint32_t c) { return c >= 0x300 && c <= 0x36F; }
/* What a word boundary is between: letters, digits and combining marks. */
static inline bool sd_tt_is_word(uint32_t c)
{
    if (c < 0x80)
        return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
    return sd_tt_is_mark(c) || sd_tt_is_letter_slow(c);
}
static inline bool sd_tt_is_upper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    return sd_tt_lower_slow(c) != c;
}

/* True when the text from s[pos] starts with lit[0..litlen), compared folded; a run of
 * whitespace in lit matches a run of whitespace in s. *after: where the match ends. */
bool sd_tt_starts(const char *s, size_t len, size_t pos, const char *lit, size_t litlen,
                  size_t *after);
/* True when a[0..alen) and b[0..blen) are equal, compared as sd_tt_starts does. */
bool sd_tt_equal(const char *a, size_t alen, const char *b, size_t blen);
/* The span s[*b..*e) without leading and trailing whitespace. */
void sd_tt_trim(const char *s, size_t *b, size_t *e);

/* Appends at most max bytes of s[b..e) to dst (capacity cap, NUL-terminated) as valid
 * UTF-8, line breaks and tabs as spaces; a cut is shown with "…". */
void sd_tt_excerpt(char *dst, size_t cap, const char *s, size_t b, size_t e, size_t max);

/* ---- phrases and lexicons ---- */

/* A phrase: folded code points, ' ' standing for a run of whitespace. Matched on word
 * boundaries, except that a prefix phrase (written with a final '*') may continue into a
 * longer word. */
typedef struct sd_tt_phrase {
    uint32_t *cp;
    size_t n;
    bool prefix;
    char *text;   /* as written in the list (without '*'), for details */
} sd_tt_phrase;

/* True when phrase p matches at s[pos]; *end: where the match ends. The caller sees to the
 * boundary before pos (phrases begin with a letter or digit). */
bool sd_tt_match(const char *s, size_t len, size_t pos, const sd_tt_phrase *p, size_t *end);

/* The lists, in the order of their files: jargon (plain_language: officialese and internal
 * abbreviations) and retract (acknowledge: what takes an acknowledgement back after "men" /
 * "but") came with issue 12. */
enum { SD_LX_ACKNOWLEDGE, SD_LX_DISCOURTEOUS, SD_LX_PRIVATE_REQUEST, SD_LX_JARGON, SD_LX_RETRACT,
       SD_LX_COUNT };

#define SD_LX_FILTER_WORDS 32 /* 2048 bits */
#define SD_LX_START 3
/* The filter keys of a word of the text: the hash of the whole word (its run of word
 * characters) and of its first 1..SD_LX_START code points, all folded. */
typedef struct sd_lx_keys {
    uint32_t word, start[SD_LX_START];
    int nstart;
} sd_lx_keys;
/* A multiplicative hash over folded code points (a filter key, not a security measure):
 * h = SD_LX_HASH_INIT, then h = sd_lx_hash(h, c) for each; the start keys are h ^ (count),
 * the word key h >> 5. */
#define SD_LX_HASH_INIT 0x811C9DC5u
static inline uint32_t sd_lx_hash(uint32_t h, uint32_t c) { return (h ^ c) * 0x9E3779B1u; }

/* One list, sorted by code points so that the phrases that can begin at a code point are
 * found directly (first code point below 256) or by binary search; mask has bit
 * (first & 63) set for each phrase's first code point. */
typedef struct sd_lx_list {
    sd_tt_phrase *v;
    size_t n, cap;
    uint64_t mask;
    /* For first code points below 256: where their phrases start in v, and how many. */
    uint16_t at[256], count[256];
    /* Filters on the first word of the phrases (sd_lx_list_note): a bit per hash of a
     * phrase's whole first word, and per hash of the start (at most SD_LX_START code
     * points) of a one-word prefix phrase ("lögn*"), which may go on in the text. A word of
     * the text whose bits are clear starts no phrase of the list. */
    uint64_t first_words[SD_LX_FILTER_WORDS];
    uint64_t prefix_starts[SD_LX_FILTER_WORDS];
    unsigned prefix_lengths;   /* bit k-1 set: a prefix start of k code points was noted */
} sd_lx_list;

/* Sets the filter bits of phrase p in l (lexicon.c calls it for each phrase it adds). */
void sd_lx_list_note(sd_lx_list *l, const sd_tt_phrase *p);

/* Sets lx->any[lang] to the union of the filters of the lists of lang (lexicon.c calls it
 * whenever a list of lang changes). */
void sd_lx_any_update(sd_lexicons *lx, int lang);

/* False when no phrase of l can begin with the word whose keys are k. */
static inline bool sd_lx_may_start(const sd_lx_list *l, const sd_lx_keys *k)
{
    uint32_t h = k->word % (SD_LX_FILTER_WORDS * 64);
    if ((l->first_words[h / 64] >> (h % 64)) & 1)
        return true;
    for (int i = 0; i < k->nstart; i++) {
        if (!((l->prefix_lengths >> i) & 1))
            continue;
        h = k->start[i] % (SD_LX_FILTER_WORDS * 64);
        if ((l->prefix_starts[h / 64] >> (h % 64)) & 1)
            return true;
    }
    return false;
}

struct sd_lexicons {
    sd_lx_list lists[SD_LANG_COUNT][SD_LX_COUNT];
    /* Per language, only the filters (first_words, prefix_starts, prefix_lengths) set: the
     * union of the lists' (sd_lx_any_update), so that a word that starts no phrase of any
     * list is passed with one test. */
    sd_lx_list any[SD_LANG_COUNT];
    sd_stemmer *stem;    /* owned; the Snowball stemmers (stem.h) */
    sd_speller *spell;   /* owned; the spelling dictionaries (spell.h) */
};

/* The language resources of lx, for the tone checks (borrowed; lx keeps them). Their working
 * state changes as they are used, hence non-const from a const sd_lexicons. */
static inline sd_speller *sd_lx_speller(const sd_lexicons *lx) { return lx ? lx->spell : NULL; }
static inline sd_stemmer *sd_lx_stemmer(const sd_lexicons *lx) { return lx ? lx->stem : NULL; }

/* For tests of the speller's memo (spell.c): the entries after which it is cleared (at most
 * 65536, the default), and how many it holds now. */
void sd_speller_set_memo_max(sd_speller *sp, size_t max);
size_t sd_speller_memo_count(const sd_speller *sp);

/* The phrases of l whose folded first code point is first: l->v[*lo..*hi). False (and the
 * range unset) when there is none. */
bool sd_lx_first_range(const sd_lx_list *l, uint32_t first, size_t *lo, size_t *hi);

/* The longest phrase of l matching at s[pos], whose folded first code point is first; NULL
 * when none. *end: where it ends. */
const sd_tt_phrase *sd_lx_match_at(const sd_lx_list *l, const char *s, size_t len, size_t pos,
                                   uint32_t first, size_t *end);

/* ---- detail texts (tone_text.c) ---- */

/* The detail texts of the checks, one printf format per language (sv, en), with the same
 * conversions in the same order in both: a Swedish scorecard shows no English. */
typedef enum sd_tt_msg {
    SD_TM_NA, SD_TM_NA_NO_NAME, SD_TM_NA_MOOD, SD_TM_NA_NO_LINK, SD_TM_NA_PRIVATE,
    SD_TM_NA_NO_GREETING_NAME, SD_TM_NA_NOT_HERE,
    SD_TM_QUOTED,
    SD_TM_G_EMPTY, SD_TM_G_WORD, SD_TM_G_NO_NAME, SD_TM_G_OTHER, SD_TM_G_BANG,
    SD_TM_S_ABBR, SD_TM_S_OTHER, SD_TM_S_NONE, SD_TM_S_NO_NAME, SD_TM_S_SEPARATOR,
    SD_TM_S_NO_NAME_FOUND, SD_TM_S_AFTER, SD_TM_S_WRONG, SD_TM_S_ANY_NAME,
    SD_TM_A_OK, SD_TM_A_AFTER_THANKS, SD_TM_A_LATER, SD_TM_A_NONE, SD_TM_A_NEGATED,
    SD_TM_A_RETRACTED, SD_TM_A_IRONY,
    SD_TM_L_NONE,
    SD_TM_C_WORDS,
    SD_TM_P_EMPTY, SD_TM_P_LIX, SD_TM_P_SHORT, SD_TM_P_SHORT_LONG, SD_TM_P_JARGON,
    SD_TM_P_ABBREVIATION,
    SD_TM_K_OK, SD_TM_K_SHOUT, SD_TM_K_CAPITALS, SD_TM_K_DISCOURTEOUS, SD_TM_K_IRONY,
    SD_TM_V_OK, SD_TM_V_PNR, SD_TM_V_ASK,
    SD_TM_N_OK, SD_TM_N_MISSPELT, SD_TM_N_PART, SD_TM_N_WRONG, SD_TM_N_OTHER_PERSON,
    SD_TM_N_GROUP,
    SD_TM_COUNT
} sd_tt_msg;

/* The format of m in lang (sv for an unknown language); "" for an unknown message. */
const char *sd_tt_msg_format(sd_tt_msg m, sd_language lang);

/* Words counted in details: a noun in the singular or plural of lang. */
typedef enum sd_tt_noun_id { SD_TN_WORD, SD_TN_SENTENCE, SD_TN_LONG_WORD, SD_TN_COUNT } sd_tt_noun_id;
const char *sd_tt_noun(sd_tt_noun_id n, long count, sd_language lang);

/* A mood's name in lang ("arg", "angry"). */
const char *sd_tt_mood_name(sd_mood m, sd_language lang);

/* ---- matching many lists at one position (tone_text.c) ---- */

/* The folded code points of the text from one position, decoded on demand (a run of
 * whitespace reads as one ' '), so that the phrases of several lists are compared against
 * integers rather than decoding the text again for each phrase. */
#define SD_TT_WINDOW 64
typedef struct sd_tt_window {
    const char *s;
    size_t len, pos, next;     /* the position, and where decoding goes on */
    size_t n;                  /* code points decoded */
    uint32_t cp[SD_TT_WINDOW];
    size_t end[SD_TT_WINDOW];  /* where each ends in s */
} sd_tt_window;

void sd_tt_window_init(sd_tt_window *w, const char *s, size_t len, size_t pos);

/* As sd_lx_match_at (the longest phrase of l at the window's position, whose folded first
 * code point is first), through the window. */
const sd_tt_phrase *sd_tt_window_match(const sd_lx_list *l, sd_tt_window *w, uint32_t first,
                                       size_t *end);

#endif
