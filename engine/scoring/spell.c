/* spell.c - spelling of replies (spell.h): Hunspell with the Debian Swedish and English
 * dictionaries, a tokeniser that skips what a spelling check must not judge (addresses,
 * mentions, numbers, acronyms, names), a bounded memo of verdicts per folded word, and the
 * caller's extra words as a hash set.
 *
 * How a word is judged (deterministic: the memo only remembers this function's value):
 *   the word is folded to lower case; it is correct when the dictionary accepts the folded
 *   form or the same with a capital first letter (so "göteborg" passes as "Göteborg"), or
 *   either with a final '.' (abbreviations typed without their dot: "osv", "t.ex"). A word
 *   with inner dots ("slut.Nu") also passes when each part does; a word with a colon
 *   ("sms:a") when the part before it does. Words longer than MAX_WORD_CP code points are
 *   misspelt without asking Hunspell (its compound search gets slow, milliseconds, on long
 *   gibberish, and no real word is that long).
 *
 * A dictionary is checked (present, regular, its encoding known) when the speller opens, but
 * loaded into Hunspell (0.1-0.3 s for Swedish) when a text in its language is first
 * checked. */
#include "spell.h"

#include <hunspell/hunspell.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tone_internal.h"
#include "util/buf.h"
#include "util/readfile.h"
#include "util/utf8.h"

#define MAX_WORD_CP 40                        /* longer words are misspelt */
#define MAX_ABBREV_CP 6                       /* tried with a final '.' up to this length */
#define MAX_WORD_BYTES (MAX_WORD_CP * 4 + 8)  /* folded word, a '.' and a NUL fit */
#define MEMO_SLOTS (1u << 17)                 /* open addressing, power of two */
#define MEMO_MAX (1u << 16)                   /* entries before the memo is cleared */
#define MEMO_ARENA (1u << 20)                 /* bytes of memoised words */
#define MAX_AFF_BYTES (16u << 20)
#define MAX_EXTRA_WORDS (1u << 20)
#define MAX_EXTRA_BYTES (32u << 20)

/* ---- dictionaries ---- */

typedef struct dict {
    char *aff, *dic;     /* paths */
    bool utf8;           /* the dictionary's SET is UTF-8: words go as they are */
    bool keepcase;       /* the .aff has KEEPCASE: a capital does not accept the lower case */
    iconv_t conv;        /* else UTF-8 -> its encoding */
    Hunhandle *h;        /* loaded on first use */
    bool loaded;
} dict;

typedef struct memo_slot {
    uint32_t hash, off;
    uint16_t len;
    uint8_t lang, state;  /* state: 0 empty, 1 misspelt, 2 correct */
} memo_slot;

struct sd_speller {
    dict d[SD_LANG_COUNT];
    memo_slot *memo;      /* MEMO_SLOTS, allocated on first use (NULL: no memo) */
    char *arena;          /* MEMO_ARENA */
    size_t memo_n, arena_used;
    size_t memo_max;      /* MEMO_MAX (tests lower it: sd_speller_set_memo_max) */
    bool memo_failed;     /* allocation failed once: work without a memo */
    char conv[MAX_WORD_BYTES * 2 + 8];
};

static const struct {
    const char *base, *name, *package;
} dict_files[SD_LANG_COUNT] = {
    [SD_LANG_SV] = {"sv_SE", "Swedish", "hunspell-sv"},
    [SD_LANG_EN] = {"en_US", "English", "hunspell-en-us"},
};

/* Hashes: FNV-1a over the folded bytes (raw, built as a word is read), then mixed with a
 * seed (the language for the memo, 0 for the extra words). */
#define FNV_INIT 2166136261u
static inline uint32_t fnv_step(uint32_t h, unsigned char b) { return (h ^ b) * 16777619u; }
static uint32_t fnv_raw(const char *s, size_t n)
{
    uint32_t h = FNV_INIT;
    for (size_t i = 0; i < n; i++)
        h = fnv_step(h, (unsigned char)s[i]);
    return h;
}
static inline uint32_t hash_fin(uint32_t raw, uint32_t seed)
{
    uint32_t h = raw ^ (seed * 0x9E3779B1u);
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    return h ^ (h >> 12);
}

/* The encoding named by the .aff file's SET line (Hunspell's default: ISO8859-1), copied to
 * enc (cap bytes). */
static sd_status aff_encoding(const char *path, char *enc, size_t cap, bool *keepcase,
                              sd_error *err)
{
    sd_buf b = SD_BUF_INIT;
    sd_status st = sd_read_regular(path, NULL, MAX_AFF_BYTES, &b, err);
    if (st != SD_OK) {
        sd_buf_free(&b);
        return st;
    }
    snprintf(enc, cap, "ISO8859-1");
    const char *s = b.data ? b.data : "";
    size_t len = b.len, pos = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len) {
        size_t e = pos;
        while (e < len && s[e] != '\n' && s[e] != '\r')
            e++;
        if (e - pos > 9 && memcmp(s + pos, "KEEPCASE", 8) == 0 && (s[pos + 8] == ' ' || s[pos + 8] == '\t'))
            *keepcase = true;
        if (e - pos > 4 && memcmp(s + pos, "SET", 3) == 0 && (s[pos + 3] == ' ' || s[pos + 3] == '\t')) {
            size_t a = pos + 3;
            while (a < e && (s[a] == ' ' || s[a] == '\t'))
                a++;
            size_t z = a;
            while (z < e && s[z] != ' ' && s[z] != '\t')
                z++;
            if (z == a || z - a >= cap) {
                sd_buf_free(&b);
                return sd_error_set(err, SD_ERR_INPUT, "%s: SET line names no encoding", path);
            }
            memcpy(enc, s + a, z - a);
            enc[z - a] = '\0';
        }
        pos = e + 1;
    }
    sd_buf_free(&b);
    return SD_OK;
}

static bool is_utf8_name(const char *enc)
{
    char low[16];
    size_t n = strlen(enc);
    if (n >= sizeof low)
        return false;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)(enc[i] >= 'A' && enc[i] <= 'Z' ? enc[i] + 32 : enc[i]);
    return strcmp(low, "utf-8") == 0 || strcmp(low, "utf8") == 0;
}

static sd_status dict_open(dict *d, const char *dir, int lang, sd_error *err)
{
    d->conv = (iconv_t)-1;
    sd_buf p = SD_BUF_INIT;
    sd_buf_printf(&p, "%s/%s.aff", dir, dict_files[lang].base);
    d->aff = sd_buf_take(&p);
    sd_buf_printf(&p, "%s/%s.dic", dir, dict_files[lang].base);
    d->dic = sd_buf_take(&p);
    if (d->aff == NULL || d->dic == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    const char *paths[2] = {d->aff, d->dic};
    for (int i = 0; i < 2; i++) {
        FILE *f = NULL;
        sd_status st = sd_open_regular(paths[i], NULL, 0, &f, NULL, err);
        if (st != SD_OK) {
            sd_error_set(err, st, "%s spelling dictionary: %s (install %s)", dict_files[lang].name,
                         sd_error_msg(err), dict_files[lang].package);
            return st;
        }
        fclose(f);
    }
    char enc[64];
    sd_status st = aff_encoding(d->aff, enc, sizeof enc, &d->keepcase, err);
    if (st != SD_OK)
        return st;
    d->utf8 = is_utf8_name(enc);
    if (!d->utf8) {
        /* Hunspell's names that iconv spells otherwise */
        const char *name = strcmp(enc, "microsoft-cp1251") == 0 ? "CP1251" : enc;
        d->conv = iconv_open(name, "UTF-8");
        if (d->conv == (iconv_t)-1)
            return sd_error_set(err, SD_ERR_INPUT,
                                "%s: dictionary encoding '%s' is not supported (SET line)", d->aff,
                                enc);
    }
    return SD_OK;
}

static void dict_close(dict *d)
{
    if (d->h)
        Hunspell_destroy(d->h);
    if (d->conv != (iconv_t)-1)
        iconv_close(d->conv);
    free(d->aff);
    free(d->dic);
}

sd_status sd_speller_open(const char *dict_dir, sd_speller **out, sd_error *err)
{
    *out = NULL;
    const char *dir = dict_dir;
    if (dir == NULL || dir[0] == '\0')
        dir = getenv("STORMDRILL_HUNSPELL_DIR");
    if (dir == NULL || dir[0] == '\0')
        dir = "/usr/share/hunspell";
    sd_speller *sp = calloc(1, sizeof *sp);
    if (sp == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    sp->memo_max = MEMO_MAX;
    for (int l = 0; l < SD_LANG_COUNT; l++)
        sp->d[l].conv = (iconv_t)-1;
    for (int l = 0; l < SD_LANG_COUNT; l++) {
        sd_status st = dict_open(&sp->d[l], dir, l, err);
        if (st != SD_OK) {
            sd_speller_free(sp);
            return st;
        }
    }
    *out = sp;
    return SD_OK;
}

void sd_speller_free(sd_speller *sp)
{
    if (sp == NULL)
        return;
    for (int l = 0; l < SD_LANG_COUNT; l++)
        dict_close(&sp->d[l]);
    free(sp->memo);
    free(sp->arena);
    free(sp);
}

void sd_speller_set_memo_max(sd_speller *sp, size_t max)
{
    sp->memo_max = max == 0 ? 1 : max > MEMO_MAX ? MEMO_MAX : max;
}

size_t sd_speller_memo_count(const sd_speller *sp)
{
    return sp->memo_n;
}

/* ---- the dictionary's verdict on one folded word ---- */

/* Upper case of a lower-case letter (ASCII, Latin-1, Latin Extended-A, basic Greek and
 * Cyrillic); other code points as they are. */
static uint32_t upper_of(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
        return c - 32;
    if (c == 0xFF)
        return 0x178;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return (c & 1) ? c - 1 : c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1) ? c : c - 1;
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2)
        return c - 32;
    if (c >= 0x430 && c <= 0x44F)
        return c - 32;
    if (c >= 0x450 && c <= 0x45F)
        return c - 80;
    return c;
}

static bool dict_load(dict *d)
{
    if (!d->loaded) {
        d->loaded = true;
        d->h = Hunspell_create(d->aff, d->dic);
    }
    return d->h != NULL;
}

/* Hunspell's answer on w[0..n) (UTF-8, no NUL inside). */
static bool hun_spell(sd_speller *sp, dict *d, const char *w, size_t n)
{
    char utf[MAX_WORD_BYTES + 8];
    if (n >= sizeof utf)
        return false;
    memcpy(utf, w, n);
    utf[n] = '\0';
    if (d->utf8)
        return Hunspell_spell(d->h, utf) != 0;
    iconv(d->conv, NULL, NULL, NULL, NULL);
    char *in = utf, *outp = sp->conv;
    size_t inleft = n, outleft = sizeof sp->conv - 1;
    if (iconv(d->conv, &in, &inleft, &outp, &outleft) == (size_t)-1 ||
        iconv(d->conv, NULL, NULL, &outp, &outleft) == (size_t)-1)
        return false; /* not representable in the dictionary's encoding: not one of its words */
    *outp = '\0';
    return Hunspell_spell(d->h, sp->conv) != 0;
}

/* The dictionary's verdict on the folded word w[0..n): the word as folded, or with a capital
 * first letter. Hunspell accepts a capitalised word when its lower case is a word, unless
 * the dictionary has KEEPCASE words: without them, one look-up of the capitalised form
 * answers both (a misspelt word is its slow case: compounds are searched for). */
static bool dict_verdict(sd_speller *sp, dict *d, const char *w, size_t n)
{
    uint32_t c;
    size_t k = sd_tt_next(w, n, 0, &c);
    uint32_t u = upper_of(c);
    if ((u == c || d->keepcase) && hun_spell(sp, d, w, n))
        return true;
    if (u == c)
        return false;
    char cap[MAX_WORD_BYTES + 8];
    size_t m = sd_utf8_put(cap, u);
    if (m + n - k >= sizeof cap)
        return false;
    memcpy(cap + m, w + k, n - k);
    return hun_spell(sp, d, cap, m + n - k);
}

static void memo_clear(sd_speller *sp)
{
    memset(sp->memo, 0, MEMO_SLOTS * sizeof *sp->memo);
    sp->memo_n = 0;
    sp->arena_used = 0;
}

/* dict_verdict through the memo; raw: fnv_raw(w, n). */
static bool word_verdict(sd_speller *sp, sd_language lang, const char *w, size_t n, uint32_t raw)
{
    dict *d = &sp->d[lang];
    if (!dict_load(d))
        return false;
    if (sp->memo == NULL && !sp->memo_failed) {
        sp->memo = calloc(MEMO_SLOTS, sizeof *sp->memo);
        sp->arena = malloc(MEMO_ARENA);
        if (sp->memo == NULL || sp->arena == NULL) {
            free(sp->memo);
            free(sp->arena);
            sp->memo = NULL;
            sp->arena = NULL;
            sp->memo_failed = true;
        }
    }
    if (sp->memo == NULL)
        return dict_verdict(sp, d, w, n);
    uint32_t h = hash_fin(raw, (uint32_t)lang + 1);
    size_t i = h & (MEMO_SLOTS - 1);
    for (;; i = (i + 1) & (MEMO_SLOTS - 1)) {
        memo_slot *s = &sp->memo[i];
        if (s->state == 0)
            break;
        if (s->hash == h && s->len == n && s->lang == (uint8_t)lang &&
            memcmp(sp->arena + s->off, w, n) == 0)
            return s->state == 2;
    }
    bool ok = dict_verdict(sp, d, w, n);
    if (sp->memo_n >= sp->memo_max || sp->arena_used + n > MEMO_ARENA) {
        memo_clear(sp);
        i = h & (MEMO_SLOTS - 1);
        /* the table is empty: slot i is free */
    }
    memo_slot *s = &sp->memo[i];
    s->hash = h;
    s->off = (uint32_t)sp->arena_used;
    s->len = (uint16_t)n;
    s->lang = (uint8_t)lang;
    s->state = ok ? 2 : 1;
    memcpy(sp->arena + sp->arena_used, w, n);
    sp->arena_used += n;
    sp->memo_n++;
    return ok;
}

/* The word, or the word with a final '.' (an abbreviation written without its dot: short,
 * or with dots inside). w has room for one more byte. */
static bool word_or_abbrev(sd_speller *sp, sd_language lang, char *w, size_t n, uint32_t raw)
{
    if (word_verdict(sp, lang, w, n, raw))
        return true;
    if (w[n - 1] == '.')
        return false;
    size_t cps = 0;
    bool dot = false;
    for (size_t i = 0; i < n; i++) {
        cps += ((unsigned char)w[i] & 0xC0) != 0x80;
        dot |= w[i] == '.';
    }
    if (cps > MAX_ABBREV_CP && !dot)
        return false;
    w[n] = '.';
    bool ok = word_verdict(sp, lang, w, n + 1, fnv_step(raw, '.'));
    w[n] = '\0';
    return ok;
}

/* ---- extra words: a hash set of folded words ---- */

typedef struct extra_slot {
    uint32_t hash, off, len;   /* len 0: empty */
} extra_slot;

struct sd_spell_extra {
    extra_slot *slots;
    size_t cap, n;             /* cap: power of two */
    sd_buf words;
};

sd_status sd_spell_extra_create(sd_spell_extra **out, sd_error *err)
{
    *out = NULL;
    sd_spell_extra *x = calloc(1, sizeof *x);
    if (x == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    x->cap = 256;
    x->slots = calloc(x->cap, sizeof *x->slots);
    if (x->slots == NULL) {
        free(x);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    *out = x;
    return SD_OK;
}

void sd_spell_extra_free(sd_spell_extra *x)
{
    if (x == NULL)
        return;
    free(x->slots);
    sd_buf_free(&x->words);
    free(x);
}

static bool extra_has(const sd_spell_extra *x, const char *w, size_t n, uint32_t h)
{
    for (size_t i = h & (x->cap - 1);; i = (i + 1) & (x->cap - 1)) {
        const extra_slot *s = &x->slots[i];
        if (s->len == 0)
            return false;
        if (s->hash == h && s->len == n && memcmp(x->words.data + s->off, w, n) == 0)
            return true;
    }
}

static sd_status extra_insert(sd_spell_extra *x, const char *w, size_t n, sd_error *err)
{
    uint32_t h = hash_fin(fnv_raw(w, n), 0);
    if (extra_has(x, w, n, h))
        return SD_OK;
    if (x->n >= MAX_EXTRA_WORDS || x->words.len + n > MAX_EXTRA_BYTES)
        return sd_error_set(err, SD_ERR_INPUT, "more than %u extra words for spelling",
                            MAX_EXTRA_WORDS);
    if ((x->n + 1) * 2 > x->cap) {
        size_t cap = x->cap * 2;
        extra_slot *v = calloc(cap, sizeof *v);
        if (v == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        for (size_t i = 0; i < x->cap; i++) {
            if (x->slots[i].len == 0)
                continue;
            size_t j = x->slots[i].hash & (cap - 1);
            while (v[j].len != 0)
                j = (j + 1) & (cap - 1);
            v[j] = x->slots[i];
        }
        free(x->slots);
        x->slots = v;
        x->cap = cap;
    }
    size_t off = x->words.len;
    if (sd_buf_append(&x->words, w, n) != SD_OK)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    size_t i = h & (x->cap - 1);
    while (x->slots[i].len != 0)
        i = (i + 1) & (x->cap - 1);
    x->slots[i] = (extra_slot){h, (uint32_t)off, (uint32_t)n};
    x->n++;
    return SD_OK;
}

/* ---- tokens ---- */

typedef struct token {
    size_t b, e;             /* byte range in the text */
    char f[MAX_WORD_BYTES];  /* folded, NUL-terminated (when !too_long) */
    size_t fn;
    uint32_t raw;            /* fnv_raw(f, fn) */
    size_t ncp, letters, upper, head_letters, head_upper;
    size_t head_fn;          /* folded bytes before the first ':' (0: no colon) */
    bool digit, underscore, dot, first_upper, too_long;
} token;

/* Characters that join two word characters into one word: hyphens, apostrophes, '.', ':'
 * and '_'. Returns the folded joiner, or 0. */
static uint32_t joiner(uint32_t c)
{
    switch (c) {
    case '-': case '\'': case '.': case ':': case '_':
        return c;
    case 0x2010: case 0x2011:
        return '-';
    case 0x2019: case 0x02BC:
        return '\'';
    default:
        return 0;
    }
}

/* ASCII classes, for the byte loops. */
enum { C_SPACE = 1, C_LETTER = 2, C_UPPER = 4, C_DIGIT = 8, C_HINT = 16, C_JOIN = 32 };
static const uint8_t ascii_cls[128] = {
    ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE,
    [' '] = C_SPACE,
    ['@'] = C_HINT, ['/'] = C_HINT, [':'] = C_HINT | C_JOIN, ['.'] = C_HINT | C_JOIN,
    ['-'] = C_JOIN, ['\''] = C_JOIN, ['_'] = C_JOIN,
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
#define L(c) [c] = C_LETTER, [c - 32] = C_LETTER | C_UPPER
    L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'),
    L('l'), L('m'), L('n'), L('o'), L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'),
    L('w'), L('x'), L('y'), L('z'),
#undef L
};

/* The folded word is cut off (too long) when it could not take 4 more bytes, a '.' and a
 * NUL. */
#define FOLD_ROOM (MAX_WORD_BYTES - 6)

/* Reads the word starting at s[pos] (a word character) up to lim. Works on locals (a store
 * into t->f may alias any field of t, which would keep the counters out of registers). */
static size_t token_read(const char *s, size_t lim, size_t pos, token *t)
{
    size_t fn = 0, ncp = 0, letters = 0, upper = 0;
    size_t head_letters = 0, head_upper = 0, head_fn = 0;
    unsigned acc = 0;   /* the ASCII classes seen */
    bool digit = false, underscore = false, dot = false, colon = false, too_long = false;
    uint32_t raw = FNV_INIT;
    char *f = t->f;
    t->b = pos;
    unsigned char b0 = (unsigned char)s[pos];
    if (b0 < 0x80 && (pos + 1 >= lim || (unsigned char)s[pos + 1] != 0xCC)) {
        t->first_upper = (ascii_cls[b0] & C_UPPER) != 0;
    } else {
        uint32_t first;
        sd_tt_next(s, lim, pos, &first);
        t->first_upper = sd_tt_is_upper(first);
    }
    for (;;) {
        /* a run of ASCII letters and digits, folded into f (few variables: registers) */
        {
            const unsigned char *u = (const unsigned char *)s;
            size_t room = fn < FOLD_ROOM ? FOLD_ROOM - fn : 0;
            size_t end = lim - pos < room ? lim : pos + room;
            size_t p = pos;
            unsigned a = 0, up = 0;
            char *o = f + fn;
            while (p < end) {
                unsigned b = u[p];
                unsigned kk = b < 0x80 ? ascii_cls[b] : 0;
                if (!(kk & (C_LETTER | C_DIGIT)))
                    break;
                a |= kk;
                up += kk & C_UPPER;
                *o++ = (char)(b | ((kk & C_UPPER) << 3)); /* 'A' -> 'a' */
                p++;
            }
            /* a combining mark after the run's last letter may compose with it: that
             * letter goes to the one-code-point path below */
            if (p > pos && p < lim && u[p] == 0xCC && (ascii_cls[u[p - 1]] & C_LETTER)) {
                p--;
                o--;
                up -= ascii_cls[u[p]] & C_UPPER;
            }
            size_t run = p - pos;
            acc |= a;
            upper += up / C_UPPER;
            letters += run; /* digits too: a word with a digit is not checked anyway */
            ncp += run;
            fn += run;
            pos = p; /* past the room, the path below reads on and marks it too long */
        }
        if (pos >= lim)
            break;
        /* the usual end: ASCII that neither continues nor joins a word */
        unsigned char nb = (unsigned char)s[pos];
        if (nb < 0x80 && !(ascii_cls[nb] & (C_LETTER | C_DIGIT | C_JOIN)))
            break;
        /* anything else, one code point */
        uint32_t c;
        size_t n = sd_tt_next(s, lim, pos, &c);
        uint32_t put;
        if (sd_tt_is_word(c)) {
            if (sd_tt_is_digit(c)) {
                digit = true;
            } else if (sd_tt_is_letter(c)) {
                letters++;
                upper += sd_tt_is_upper(c);
            }
            ncp++;
            put = sd_tt_fold(c);
        } else {
            uint32_t j = joiner(c);
            if (j == 0 || pos + n >= lim)
                break;
            uint32_t c2;
            sd_tt_next(s, lim, pos + n, &c2);
            if (!sd_tt_is_word(c2))
                break;
            if (j == '_')
                underscore = true;
            if (j == '.')
                dot = true;
            if (j == ':' && !colon) {
                colon = true;
                head_fn = fn;
                head_letters = letters;
                head_upper = upper;
            }
            put = j;
        }
        if (fn < FOLD_ROOM) {
            char enc[4];
            size_t m = put < 0x80 ? (enc[0] = (char)put, 1) : sd_utf8_put(enc, put);
            for (size_t i = 0; i < m; i++)
                f[fn++] = enc[i];
        } else {
            too_long = true;
        }
        pos += n;
    }
    if (ncp > MAX_WORD_CP)
        too_long = true;
    f[fn] = '\0';
    for (size_t i = 0; i < fn; i++)
        raw = fnv_step(raw, (unsigned char)f[i]);
    t->e = pos;
    t->fn = fn;
    t->raw = raw;
    t->ncp = ncp;
    t->letters = letters;
    t->upper = upper;
    t->head_letters = head_letters;
    t->head_upper = head_upper;
    t->head_fn = head_fn;
    t->digit = digit || (acc & C_DIGIT);
    t->underscore = underscore;
    t->dot = dot;
    t->too_long = too_long;
    return pos;
}

static bool ascii_prefix_ci(const char *s, size_t b, size_t e, const char *lit)
{
    size_t n = strlen(lit);
    if (e - b < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[b + i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != lit[i])
            return false;
    }
    return true;
}

static bool is_open_punct(uint32_t c)
{
    return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == '<' || c == 0xAB ||
           c == 0xBB || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2018 || c == 0x2019;
}

static bool is_close_punct(char c)
{
    return c == '.' || c == ',' || c == '!' || c == '?' || c == ':' || c == ';' || c == ')' ||
           c == ']' || c == '}' || c == '"' || c == '\'' || c == '>';
}

static const char *const tlds[] = {"se", "com", "org", "net", "nu", "eu", "io", "info",
                                   "gov", "edu", "fi", "no", "dk", "de", "uk"};

/* True when chunk s[b..e) (no whitespace in it) is a URL, a www. or bare domain address or
 * an e-mail address. */
static bool chunk_is_address(const char *s, size_t b, size_t e)
{
    while (b < e) {
        uint32_t c;
        size_t n = sd_tt_next(s, e, b, &c);
        if (!is_open_punct(c))
            break;
        b += n;
    }
    if (ascii_prefix_ci(s, b, e, "http://") || ascii_prefix_ci(s, b, e, "https://") ||
        ascii_prefix_ci(s, b, e, "www."))
        return true;
    for (size_t i = b; i + 2 < e; i++)
        if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
            return true;
    /* an e-mail address: a word character before '@' and after it */
    for (size_t i = b + 1; i + 1 < e; i++)
        if (s[i] == '@' && sd_tt_is_word(sd_tt_prev(s, i)) && sd_tt_is_word((unsigned char)s[i + 1]))
            return true;
    /* a bare domain: name.tld, then the end (after punctuation) or a '/' */
    size_t z = e;
    while (z > b && is_close_punct(s[z - 1]))
        z--;
    const char *slash = memchr(s + b, '/', z - b);
    size_t h = slash ? (size_t)(slash - s) : z;
    size_t dot = h;
    while (dot > b && s[dot - 1] != '.')
        dot--;
    if (dot <= b + 1 || !sd_tt_is_word(sd_tt_prev(s, dot - 1)))
        return false;
    for (size_t i = 0; i < sizeof tlds / sizeof tlds[0]; i++) {
        size_t n = strlen(tlds[i]);
        if (h - dot == n && ascii_prefix_ci(s, dot, h, tlds[i]))
            return true;
    }
    return false;
}

/* True when the chunk s[b..e) ends a sentence (., ! or ? before closing punctuation). */
static bool chunk_ends_sentence(const char *s, size_t b, size_t e)
{
    while (e > b && (s[e - 1] == ')' || s[e - 1] == '"' || s[e - 1] == '\''))
        e--;
    return e > b && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?');
}

/* The end of a @mention or #hashtag whose name starts at s[pos]. */
static size_t tag_end(const char *s, size_t lim, size_t pos)
{
    while (pos < lim) {
        uint32_t c;
        size_t n = sd_tt_next(s, lim, pos, &c);
        if (sd_tt_is_word(c) || c == '_') {
            pos += n;
            continue;
        }
        if ((c == '.' || c == '-') && pos + n < lim) {
            uint32_t c2;
            sd_tt_next(s, lim, pos + n, &c2);
            if (sd_tt_is_word(c2)) {
                pos += n;
                continue;
            }
        }
        break;
    }
    return pos;
}

/* True when the token is left unchecked: numbers and words with digits, identifiers,
 * single letters, acronyms, mixed case (iPhone), names (a capital not at a sentence start). */
static bool token_ignored(const token *t, bool sentence_start)
{
    if (t->digit || t->underscore || t->ncp <= 1)
        return true;
    bool all_upper = t->letters > 0 && t->upper == t->letters;
    if (all_upper && t->letters >= 2 && t->letters <= 6)
        return true;
    if (t->head_fn > 0 && t->head_letters >= 2 && t->head_letters <= 6 &&
        t->head_upper == t->head_letters)
        return true; /* "USA:s" */
    if (!all_upper && t->upper > (size_t)t->first_upper)
        return true; /* a capital inside: iPhone, McDonald */
    if (t->first_upper && !all_upper && !sentence_start)
        return true;
    return false;
}

static bool extra_match(const sd_spell_extra *x, const char *w, size_t n, uint32_t raw)
{
    if (x == NULL || x->n == 0)
        return false;
    if (extra_has(x, w, n, hash_fin(raw, 0)))
        return true;
    /* a genitive -s or -:s of an extra word ("Kretsloppskontorets") */
    if (n > 2 && w[n - 1] == 's') {
        size_t m = n - 1;
        if (w[m - 1] == ':')
            m--;
        return m > 0 && extra_has(x, w, m, hash_fin(fnv_raw(w, m), 0));
    }
    return false;
}

static bool part_correct(sd_speller *sp, sd_language lang, char *w, size_t n,
                         const sd_spell_extra *x)
{
    uint32_t raw = fnv_raw(w, n);
    return word_or_abbrev(sp, lang, w, n, raw) || extra_match(x, w, n, raw);
}

/* True when the token (not ignored, not too long) is spelt correctly. */
static bool token_correct(sd_speller *sp, sd_language lang, token *t, const sd_spell_extra *x)
{
    if (word_or_abbrev(sp, lang, t->f, t->fn, t->raw) || extra_match(x, t->f, t->fn, t->raw))
        return true;
    if (t->head_fn > 0) {
        char save = t->f[t->head_fn];
        t->f[t->head_fn] = '\0';
        bool ok = part_correct(sp, lang, t->f, t->head_fn, x);
        t->f[t->head_fn] = save;
        if (ok)
            return true;
    }
    if (t->dot) {
        /* every part between the dots ("slut.nu" written without a space) */
        char part[MAX_WORD_BYTES];
        size_t a = 0;
        while (a < t->fn) {
            size_t z = a;
            while (z < t->fn && t->f[z] != '.')
                z++;
            uint32_t c;
            size_t k = sd_tt_next(t->f, z, a, &c);
            if (a + k < z) { /* more than one code point */
                memcpy(part, t->f + a, z - a);
                part[z - a] = '\0';
                if (!part_correct(sp, lang, part, z - a, x))
                    return false;
            }
            a = z + 1;
        }
        return true;
    }
    return false;
}

/* The end of the chunk (the run of non-whitespace) that goes on at pos. */
static size_t chunk_end(const char *s, size_t len, size_t pos)
{
    while (pos < len) {
        unsigned char byte = (unsigned char)s[pos];
        if (byte < 0x80) {
            if (ascii_cls[byte] & C_SPACE)
                break;
            pos++;
            continue;
        }
        uint32_t c;
        size_t k = sd_tt_next(s, len, pos, &c);
        if (sd_tt_is_space(c))
            break;
        pos += k;
    }
    return pos;
}

/* One pass over the text. Words are judged as they are read; a chunk (a run without
 * whitespace) is tested as a whole for being an address only when something in it could
 * make it one ('@', '/', ':' or a word with a dot inside), and then what its words added
 * is taken back. Checking stops at the end of the chunk holding the SD_SPELL_MAX_MISSES-th
 * misspelt word (words after it in that chunk are not looked up). */
size_t sd_spell_check(sd_speller *sp, sd_language lang, const char *text, size_t len,
                      const sd_spell_extra *extra, sd_spell_miss *miss, size_t cap,
                      size_t *checked)
{
    size_t nmiss = 0, nchecked = 0;
    if (checked)
        *checked = 0;
    if (sp == NULL || text == NULL || (unsigned)lang >= SD_LANG_COUNT)
        return 0;
    bool sentence = true;
    size_t pos = 0;
    /* the current chunk: where it starts, what had been counted before it */
    bool in_chunk = false, tested = false;
    size_t chunk = 0, miss0 = 0, checked0 = 0;
    token t;
    while (pos < len) {
        unsigned char byte = (unsigned char)text[pos];
        unsigned k = 0;
        uint32_t c = byte;
        size_t n = 1;
        if (byte < 0x80) {
            k = ascii_cls[byte];
        } else {
            n = sd_tt_next(text, len, pos, &c);
            if (sd_tt_is_space(c))
                k = C_SPACE;
            else if (sd_tt_is_word(c))
                k = C_LETTER;
        }
        if (k & C_SPACE) {
            in_chunk = false;
            if (nmiss >= SD_SPELL_MAX_MISSES)
                break;
            pos += n;
            continue;
        }
        if (!in_chunk) {
            in_chunk = true;
            tested = false;
            chunk = pos;
            miss0 = nmiss;
            checked0 = nchecked;
        }
        bool word = (k & (C_LETTER | C_DIGIT)) != 0;
        size_t te = pos;
        if (word)
            te = token_read(text, len, pos, &t);
        if (!tested && (word ? t.dot : (k & C_HINT) && byte != '.')) {
            tested = true;
            size_t ce = chunk_end(text, len, pos);
            if (chunk_is_address(text, chunk, ce)) {
                nmiss = miss0;
                nchecked = checked0;
                sentence = chunk_ends_sentence(text, chunk, ce);
                pos = ce;
                continue;
            }
        }
        if (!word) {
            pos += n;
            if ((c == '@' || c == '#') && pos < len) {
                uint32_t c2;
                sd_tt_next(text, len, pos, &c2);
                if (sd_tt_is_word(c2)) {
                    pos = tag_end(text, len, pos);
                    sentence = false;
                }
            } else if (c == '.' || c == '!' || c == '?' || c == 0x2026) {
                sentence = true;
            }
            continue;
        }
        pos = te;
        bool ignored = token_ignored(&t, sentence);
        sentence = false;
        if (ignored || nmiss >= SD_SPELL_MAX_MISSES)
            continue;
        nchecked++;
        if (!t.too_long && token_correct(sp, lang, &t, extra))
            continue;
        if (nmiss < cap && miss != NULL)
            miss[nmiss] = (sd_spell_miss){t.b, t.e - t.b};
        nmiss++;
    }
    if (checked)
        *checked = nchecked;
    return nmiss;
}

/* ---- adding words ---- */

static sd_status extra_add_span(sd_spell_extra *x, const char *s, size_t len, sd_error *err)
{
    token t;
    size_t pos = 0;
    while (pos < len) {
        uint32_t c;
        size_t n = sd_tt_next(s, len, pos, &c);
        if (!sd_tt_is_word(c)) {
            pos += n;
            continue;
        }
        pos = token_read(s, len, pos, &t);
        if (t.too_long)
            continue; /* such a word is never accepted: checking makes it misspelt first */
        sd_status st = extra_insert(x, t.f, t.fn, err);
        if (st != SD_OK)
            return st;
    }
    return SD_OK;
}

sd_status sd_spell_extra_add(sd_spell_extra *x, const char *word, size_t n, sd_error *err)
{
    if (x == NULL || (word == NULL && n > 0))
        return sd_error_set(err, SD_ERR_USAGE, "sd_spell_extra_add: missing argument");
    return extra_add_span(x, word, n, err);
}

sd_status sd_spell_extra_add_text(sd_spell_extra *x, const char *text, sd_error *err)
{
    if (x == NULL || text == NULL)
        return sd_error_set(err, SD_ERR_USAGE, "sd_spell_extra_add_text: missing argument");
    return extra_add_span(x, text, strlen(text), err);
}
