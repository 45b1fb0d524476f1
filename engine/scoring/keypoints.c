/* keypoints.c - does a reply say what the scenario asked for (keypoints.h): a content's
 * phrases compiled to word keys (stems), and one pass over a reply's body that folds its
 * words, finds the keys each word meets and follows multi-word phrases word by word.
 *
 * The rules (docs/scoring-tone.md, "Key points"):
 * - Text is folded to lower case (tone_internal.h); å, ä, ö stay distinct letters. A word
 *   is a run of letters and digits, so a URL or an e-mail address is words too
 *   ("https://www.trafikverket.se/x": https, www, trafikverket, se, x).
 * - A phrase word of digits only meets the same number ("14" meets "14", "14.00" and
 *   "14:00", never "140"). A phrase word whose stem has one or two letters meets only the
 *   same word ("på", "is" - not "isbana", not "isen"). A stem of three letters meets a word
 *   with the same stem (in Swedish also the stem + "et", "an" or "at", endings Snowball
 *   leaves: "hus" meets "huset", "husets"), never a compound ("bad" does not meet
 *   "badhuset"; write "badhus"). A stem of four letters or more meets every word whose stem
 *   contains it as a part of a compound - nothing or at least 2 letters before it, nothing,
 *   at least 3 letters or (Swedish) -et/-an/-at after it: inflections and both parts of a
 *   compound ("hämtning" and "sophämtning" meet "sophämtningen", "öppet" meets
 *   "öppettider", "bibliotek" meets "stadsbiblioteket"; "troligen", stem "trol", does not
 *   meet "troll").
 * - A phrase of several words meets when its words come in order with at most 2 other
 *   words between consecutive ones (across sentences too).
 * - A phrase that holds '@' or '/', or a '.' between a word character and a letter
 *   ("trafikverket.se", "https://1177.se", "info@x.se") is matched as folded text, not as
 *   words, where it does not continue a word on either side.
 * - Words longer than 63 bytes are not matched; negation is not looked at ("vi lovar
 *   inte" makes the claim "vi lovar").
 *
 * Speed: a word is looked up in a table of the phrases' own word forms (whose keys were
 * found when compiling), then only a word that could contain a key - its first two bytes
 * those of a three-letter stem, or any four bytes of it the first four of a longer stem,
 * checked in bit sets - is stemmed (through the stemmer's memo) and compared with the keys
 * in those buckets. For Swedish, whose Snowball stem is always a prefix of the word, this
 * finds exactly what comparing every word with every key finds (sd_kp_match_reference).
 * For English, whose stem may end differently from the word ("library" -> "librari"), the
 * same holds (the three words whose stem begins differently, dying/lying/tying, are in the
 * table) except for a phrase stem whose first four bytes fall in the letters Snowball
 * rewrote at the end of a word: none is known among real words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keypoints.h"
#include "keypoints_internal.h"
#include "../util/utf8.h"
#include "tone_internal.h"

#define WORD_MAX 64      /* bytes of a folded word or stem, NUL included */
#define PHRASE_WORDS 8   /* words per phrase */
#define MAX_SLOTS 1024   /* words in the multi-word phrases of one content */
#define LITERAL_MAX 200  /* code points of a phrase matched as text */
#define NO_KEY 0xFFFFu
#define FILTER_BITS 14   /* bit sets of 2^14 bits */
#define BUCKET_BITS 12   /* 2^12 chains */

/* Target bits: 0..15 key points, 16 refer, 17 channel, 32..47 claims to avoid. */
enum { T_REFER = 16, T_CHANNEL = 17, T_AVOID = 32 };

enum key_kind { K_EXACT, K_SHORT, K_LONG };

typedef struct kp_key {
    uint32_t off;     /* text in kp->text: the folded word (K_EXACT) or the stem */
    uint16_t len;
    uint8_t kind;
    uint16_t next;    /* next key in the same prefilter bucket */
    uint64_t direct;  /* targets whose single-word phrase this key is */
    uint32_t ref0, nref;
} kp_key;

/* A key's place in a multi-word phrase. */
typedef struct kp_ref {
    uint32_t slot;    /* the phrase's first slot + j */
    uint16_t key;
    uint8_t j, last;  /* position in the phrase; last: 1 for the final word */
    uint8_t target;
} kp_ref;

/* A word form of the phrases (and every K_EXACT key), with the keys it meets. */
typedef struct kp_exact {
    uint32_t hash, off;
    uint16_t len;     /* 0: empty slot */
    uint32_t k0, nk;  /* kp->exact_keys[k0 .. k0 + nk) */
} kp_exact;

typedef struct kp_form {
    uint32_t off;
    uint16_t len;
} kp_form;

typedef struct kp_literal {
    sd_tt_phrase ph;
    uint8_t target;
} kp_literal;

struct sd_kp {
    const sd_content *c;
    sd_language lang;
    char *text;
    size_t text_len, text_cap;
    kp_key *keys;
    size_t n_keys, cap_keys;
    kp_ref *refs;
    size_t n_refs, cap_refs;
    kp_form *forms;  /* the phrase word forms (only while compiling) */
    size_t n_forms, cap_forms;
    kp_exact *exact;
    size_t exact_mask;
    uint16_t *exact_keys;
    size_t n_exact_keys, cap_exact_keys;
    kp_literal *lits;
    size_t n_lits, cap_lits;
    uint64_t lit_word;   /* bit (first code point & 63) of each literal that begins with a
                            letter or digit (tried where a word begins) */
    uint64_t lit_other;  /* the same for the others ("@konto": tried at any other
                            character) */
    uint32_t n_slots;
    uint64_t all_targets;
    uint64_t short_bits[(1u << FILTER_BITS) / 64];
    uint64_t long_bits[(1u << FILTER_BITS) / 64];
    uint16_t short_head[1u << BUCKET_BITS];
    uint16_t long_head[1u << BUCKET_BITS];
};

/* ---------------------------------------------------------------- helpers */

/* The hash of a word, built a byte at a time as the word is read (so that it never reads
 * back bytes just written: no store-forwarding stalls), then mixed with its length. */
static inline uint32_t hash_step(uint32_t h, unsigned char c) { return ((h << 5) | (h >> 27)) ^ c; }
static inline uint32_t hash_final(uint32_t h, size_t n)
{
    return (uint32_t)((((uint64_t)h << 8) ^ n) * 0x9E3779B97F4A7C15ull >> 32);
}
static uint32_t word_hash(const char *s, size_t n)
{
    uint32_t h = 0;
    for (size_t i = 0; i < n; i++)
        h = hash_step(h, (unsigned char)s[i]);
    return hash_final(h, n);
}

/* The filter hash of a two-byte prefix or of four bytes, FILTER_BITS wide. */
static inline uint32_t mix(uint32_t g) { return (g * 0x9E3779B1u) >> (32 - FILTER_BITS); }
static inline uint32_t pre2(const char *w)
{
    return mix((uint32_t)(unsigned char)w[0] | (uint32_t)(unsigned char)w[1] << 8 | 0x1000000u);
}
static inline uint32_t gram4(const char *w)
{
    uint32_t g;
    memcpy(&g, w, 4);
    return mix(g);
}
static inline bool bit_get(const uint64_t *set, uint32_t b) { return (set[b >> 6] >> (b & 63)) & 1; }
static inline void bit_set(uint64_t *set, uint32_t b) { set[b >> 6] |= (uint64_t)1 << (b & 63); }
static inline uint32_t bucket(uint32_t b) { return b >> (FILTER_BITS - BUCKET_BITS); }

/* Byte j of the e-byte UTF-8 encoding of c, without writing it. */
static inline unsigned char utf8_byte(uint32_t c, size_t e, size_t j)
{
    static const unsigned char lead[5] = {0, 0, 0xC0, 0xE0, 0xF0};
    if (j == 0)
        return (unsigned char)(lead[e] | (c >> (6 * (e - 1))));
    return (unsigned char)(0x80 | ((c >> (6 * (e - 1 - j))) & 0x3F));
}

static size_t count_cp(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t nc = *cap ? *cap * 2 : 16;
    while (nc < need)
        nc *= 2;
    void *q = realloc(*p, nc * size);
    if (!q)
        return false;
    *p = q;
    *cap = nc;
    return true;
}

static bool add_text(sd_kp *kp, const char *s, size_t n, uint32_t *off)
{
    if (!grow((void **)&kp->text, &kp->text_cap, kp->text_len + n + 1, 1))
        return false;
    *off = (uint32_t)kp->text_len;
    memcpy(kp->text + kp->text_len, s, n);
    kp->text[kp->text_len + n] = '\0';
    kp->text_len += n + 1;
    return true;
}

/* ---------------------------------------------------------------- matching one word */

/* Swedish endings that Snowball leaves on a stem: the definite -et (huset) and -an
 * (veckan), and the supine -at of short words. */
static bool sv_ending(const char *s, size_t n)
{
    return n == 2 && ((s[0] == 'e' && s[1] == 't') || (s[0] == 'a' && s[1] == 'n') ||
                      (s[0] == 'a' && s[1] == 't'));
}

/* True when p[0..pn) (pn >= 1) occurs in s[0..sn) as a part of a compound: what is left
 * before it is nothing or at least 2 letters, what is left after it nothing, at least 3
 * letters, or (Swedish) an ending that Snowball leaves. */
static bool contains_part(const char *s, size_t sn, const char *p, size_t pn, bool sv)
{
    if (pn > sn)
        return false;
    const char *end = s + (sn - pn) + 1;
    for (const char *q = s; q < end; q++) {
        q = memchr(q, p[0], (size_t)(end - q));
        if (!q)
            return false;
        if (memcmp(q, p, pn) != 0)
            continue;
        size_t left = (size_t)(q - s), right = sn - left - pn;
        if (left > 0 && count_cp(s, left) < 2)
            continue;
        if (right > 0 && count_cp(q + pn, right) < 3 && !(sv && sv_ending(q + pn, right)))
            continue;
        return true;
    }
    return false;
}

/* Does a body word (folded w, its stem s: NULL when not stemmed) meet key k? The rules,
 * without prefilters. */
static bool key_meets(const sd_kp *kp, const kp_key *k, const char *w, size_t wn, bool digits,
                      const char *s, size_t sn)
{
    const char *p = kp->text + k->off;
    if (k->kind == K_EXACT)
        return wn == k->len && memcmp(w, p, wn) == 0;
    if (digits || !s)
        return false;
    if (k->kind == K_SHORT)
        return (sn == k->len && memcmp(s, p, sn) == 0) ||
               (kp->lang == SD_LANG_SV && sn == (size_t)k->len + 2 && memcmp(s, p, k->len) == 0 &&
                sv_ending(s + k->len, 2));
    return contains_part(s, sn, p, k->len, kp->lang == SD_LANG_SV);
}

/* What one match keeps: the targets met, and per slot of a multi-word phrase the last
 * word position where the phrase's words up to that slot were met in order (old: the value
 * before it was set at the current position). */
typedef struct match_state {
    uint64_t met;
    int32_t last[MAX_SLOTS], old[MAX_SLOTS];
} match_state;

static void apply_key(const sd_kp *kp, uint16_t key, int32_t pos, match_state *m)
{
    const kp_key *k = &kp->keys[key];
    m->met |= k->direct;
    for (uint32_t r = k->ref0; r < k->ref0 + k->nref; r++) {
        const kp_ref *ref = &kp->refs[r];
        if (ref->j > 0) {
            int32_t v = m->last[ref->slot - 1];
            if (v == pos)
                v = m->old[ref->slot - 1];
            if (pos - v > 3) /* at most 2 other words between */
                continue;
        }
        if (ref->last) {
            m->met |= (uint64_t)1 << ref->target;
        } else if (m->last[ref->slot] != pos) {
            m->old[ref->slot] = m->last[ref->slot];
            m->last[ref->slot] = pos;
        }
    }
}

static void match_word(const sd_kp *kp, sd_stemmer *st, const char *w, size_t wn, size_t ncp,
                       bool digits, uint32_t h, int32_t pos, match_state *m)
{
    if (kp->exact_mask) {
        for (size_t i = h & kp->exact_mask;; i = (i + 1) & kp->exact_mask) {
            const kp_exact *e = &kp->exact[i];
            if (e->len == 0)
                break;
            if (e->hash == h && e->len == wn && memcmp(kp->text + e->off, w, wn) == 0) {
                for (uint32_t j = 0; j < e->nk; j++)
                    apply_key(kp, kp->exact_keys[e->k0 + j], pos, m);
                return;
            }
        }
    }
    if (digits || ncp < 3) /* only K_EXACT keys meet these, and they are in the table */
        return;
    bool need = bit_get(kp->short_bits, pre2(w));
    if (!need && wn >= 4) {
        /* the four-byte windows, built from byte loads (w was just written a byte at a
         * time: a four-byte load would wait for those stores) */
        uint32_t g = (uint32_t)(unsigned char)w[0] | (uint32_t)(unsigned char)w[1] << 8 |
                     (uint32_t)(unsigned char)w[2] << 16;
        for (size_t i = 3; !need && i < wn; i++) {
            g = (g & 0xFFFFFFu) | (uint32_t)(unsigned char)w[i] << 24;
            need = bit_get(kp->long_bits, mix(g));
            g >>= 8;
        }
    }
    if (!need)
        return;
    char s[WORD_MAX];
    size_t sn = sd_stem_word(st, kp->lang, w, wn, s, sizeof s);
    if (sn == 0)
        return;
    uint32_t b = pre2(w);
    if (bit_get(kp->short_bits, b))
        for (uint16_t k = kp->short_head[bucket(b)]; k != NO_KEY; k = kp->keys[k].next)
            if (key_meets(kp, &kp->keys[k], w, wn, false, s, sn))
                apply_key(kp, k, pos, m);
    for (size_t i = 0; i + 4 <= wn; i++) {
        b = gram4(w + i);
        if (!bit_get(kp->long_bits, b))
            continue;
        for (uint16_t k = kp->long_head[bucket(b)]; k != NO_KEY; k = kp->keys[k].next)
            if (key_meets(kp, &kp->keys[k], w, wn, false, s, sn))
                apply_key(kp, k, pos, m); /* twice for one word is harmless */
    }
}

/* The reference: stem every word, compare with every key. */
static void match_word_slow(const sd_kp *kp, sd_stemmer *st, const char *w, size_t wn,
                            bool digits, int32_t pos, match_state *m)
{
    char s[WORD_MAX];
    size_t sn = digits ? 0 : sd_stem_word(st, kp->lang, w, wn, s, sizeof s);
    for (size_t k = 0; k < kp->n_keys; k++)
        if (key_meets(kp, &kp->keys[k], w, wn, digits, sn ? s : NULL, sn))
            apply_key(kp, (uint16_t)k, pos, m);
}

/* ---------------------------------------------------------------- the body */

/* ASCII letters and digits folded (upper case to lower); 0 for the other characters. */
static const unsigned char ascii_fold[128] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
    ['7'] = '7', ['8'] = '8', ['9'] = '9',
    ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g',
    ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
    ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u',
    ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
    ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
    ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
    ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
};

/* The literals whose folded first code point is f, at text[at] (where a word begins, or
 * at a character that is not a letter or digit). */
static void check_literals(const sd_kp *kp, const char *text, size_t len, size_t at,
                           uint32_t f, match_state *m)
{
    for (size_t i = 0; i < kp->n_lits; i++) {
        const kp_literal *l = &kp->lits[i];
        uint64_t bit = (uint64_t)1 << l->target;
        if ((m->met & bit) || l->ph.cp[0] != f)
            continue;
        size_t end;
        if (!sd_tt_match(text, len, at, &l->ph, &end))
            continue;
        if (end < len && sd_tt_is_word(l->ph.cp[l->ph.n - 1])) {
            uint32_t next;
            sd_tt_next(text, len, end, &next);
            if (sd_tt_is_word(next))
                continue;
        }
        m->met |= bit;
    }
}

static void match_impl(const sd_kp *kp, sd_stemmer *st, const char *text, size_t len,
                       sd_kp_verdict *out, bool reference)
{
    memset(out, 0, sizeof *out);
    if (!kp)
        return;
    const sd_content *c = kp->c;
    out->need = c->n_points ? (c->need > 0 ? c->need : (int)c->n_points) : 0;
    out->has_refer = c->refer.n_say > 0;
    out->has_channel = c->channel.n_say > 0;
    if (!text)
        len = 0;

    match_state m;
    m.met = 0;
    for (uint32_t i = 0; i < kp->n_slots; i++)
        m.last[i] = m.old[i] = -1000;

    char w[WORD_MAX];
    int32_t pos = 0; /* words so far */
    size_t i = 0;
    while (i < len) {
        /* between words */
        uint32_t cp;
        unsigned char b = (unsigned char)text[i];
        if (b < 0x80 && ascii_fold[b] == 0) {
            /* an ASCII separator (none composes with a following accent) */
            if (kp->lit_other && ((kp->lit_other >> (b & 63)) & 1))
                check_literals(kp, text, len, i, b, &m);
            i++;
            continue;
        }
        size_t k = sd_tt_next(text, len, i, &cp);
        uint32_t f = sd_tt_fold(cp);
        if (!sd_tt_is_word(cp)) {
            if (kp->lit_other && ((kp->lit_other >> (f & 63)) & 1))
                check_literals(kp, text, len, i, f, &m);
            i += k;
            continue;
        }
        /* a word begins at i (after a separator or at the start) */
        if (kp->lit_word && ((kp->lit_word >> (f & 63)) & 1))
            check_literals(kp, text, len, i, f, &m);
        size_t wn = 0, ncp = 0;
        uint32_t h = 0;
        bool digits = true, too_long = false;
        for (;;) {
            /* cp (k bytes at i, folded f) is a letter, digit or mark: append it */
            size_t e = f < 0x80 ? 1 : f < 0x800 ? 2 : f < 0x10000 ? 3 : 4;
            if (wn + e < WORD_MAX) {
                sd_utf8_put(w + wn, f);
                for (size_t j = 0; j < e; j++)
                    h = hash_step(h, (unsigned char)(e == 1 ? f : utf8_byte(f, e, j)));
                wn += e;
            } else {
                too_long = true;
            }
            ncp++;
            digits = digits && f >= '0' && f <= '9';
            i += k;
            /* ASCII letters and digits: the common case, inline */
            while (i < len) {
                unsigned char c = (unsigned char)text[i];
                if (c >= 0x80)
                    break;
                unsigned char fc = ascii_fold[c];
                if (fc == 0)
                    goto word_end;
                if (wn + 1 < WORD_MAX) {
                    w[wn++] = (char)fc;
                    h = hash_step(h, fc);
                } else
                    too_long = true;
                ncp++;
                digits = digits && fc <= '9';
                i++;
            }
            if (i >= len)
                break;
            if ((unsigned char)text[i] == 0xCC && (unsigned char)text[i - 1] < 0x80) {
                /* an accent after an ASCII letter: read the two as one letter ("o" + U+0308
                 * is "ö"), as sd_tt_next does */
                size_t k2 = sd_tt_next(text, len, i - 1, &cp);
                if (k2 > 1) {
                    if (!too_long) {
                        wn--;
                        h = 0; /* the hash again, without the last byte */
                        for (size_t j = 0; j < wn; j++)
                            h = hash_step(h, (unsigned char)w[j]);
                    }
                    ncp--;
                    f = sd_tt_fold(cp);
                    k = k2 - 1;
                    continue;
                }
            }
            k = sd_tt_next(text, len, i, &cp);
            if (!sd_tt_is_word(cp))
                break;
            f = sd_tt_fold(cp);
        }
    word_end:
        if (!too_long) {
            if (reference)
                match_word_slow(kp, st, w, wn, digits, pos, &m);
            else
                match_word(kp, st, w, wn, ncp, digits, hash_final(h, wn), pos, &m);
        }
        pos++;
        if ((m.met & kp->all_targets) == kp->all_targets)
            break; /* everything met: nothing more to learn */
    }

    uint64_t pts = m.met & 0xFFFFu;
    out->met = (uint32_t)pts;
    out->n_met = __builtin_popcountll(pts);
    out->refer_met = (m.met >> T_REFER) & 1;
    out->channel_met = (m.met >> T_CHANNEL) & 1;
    out->avoided = (uint32_t)((m.met >> T_AVOID) & 0xFFFFu);
}

void sd_kp_match(const sd_kp *kp, sd_stemmer *st, const char *text, size_t len,
                 sd_kp_verdict *out)
{
    match_impl(kp, st, text, len, out, false);
}

void sd_kp_match_reference(const sd_kp *kp, sd_stemmer *st, const char *text, size_t len,
                           sd_kp_verdict *out)
{
    match_impl(kp, st, text, len, out, true);
}

/* ---------------------------------------------------------------- compiling */

/* Names a phrase in an error message: "key point 2 ('öppnar på torsdag'), phrase 3". */
typedef struct where {
    const char *what; /* "key point", "refer", "channel", "avoid" */
    size_t index;     /* 1-based, 0: none (refer, channel) */
    const char *label;
} where;

static sd_status fail(sd_error *err, sd_status s, const where *at, size_t phrase,
                      const char *msg)
{
    char idx[32] = "", ph[48] = "";
    if (at->index)
        snprintf(idx, sizeof idx, " %zu", at->index);
    if (phrase)
        snprintf(ph, sizeof ph, ", phrase %zu", phrase);
    return sd_error_set(err, s, "content: %s%s ('%s')%s: %s", at->what, idx,
                        at->label ? at->label : "", ph, msg);
}

static sd_status oom(sd_error *err)
{
    return sd_error_set(err, SD_ERR_MEMORY, "out of memory compiling key points");
}

/* Matched as text: holds '@' or '/', or a '.' between a word character and a letter. */
static bool is_literal(const char *s, size_t n)
{
    uint32_t prev = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += sd_tt_next(s, n, i, &c);
        if (c == '@' || c == '/')
            return true;
        if (c == '.' && sd_tt_is_word(prev) && i < n) {
            uint32_t next;
            sd_tt_next(s, n, i, &next);
            if (sd_tt_is_letter(next))
                return true;
        }
        prev = c;
    }
    return false;
}

static sd_status add_literal(sd_kp *kp, const char *s, size_t n, int target, const where *at,
                             size_t phrase, sd_error *err)
{
    size_t b = 0, e = n;
    sd_tt_trim(s, &b, &e);
    uint32_t *cp = malloc(sizeof(uint32_t) * (e - b + 1));
    if (!cp)
        return oom(err);
    size_t k = 0;
    bool word = false;
    for (size_t i = b; i < e;) {
        uint32_t c;
        i += sd_tt_next(s, e, i, &c);
        word = word || sd_tt_is_word(c);
        if (sd_tt_is_space(c)) {
            if (k == 0 || cp[k - 1] != ' ')
                cp[k++] = ' ';
        } else {
            cp[k++] = sd_tt_fold(c);
        }
    }
    if (!word) {
        free(cp);
        return fail(err, SD_ERR_INPUT, at, phrase, "has no words");
    }
    if (k > LITERAL_MAX) {
        free(cp);
        return fail(err, SD_ERR_INPUT, at, phrase, "longer than 200 characters");
    }
    if (!grow((void **)&kp->lits, &kp->cap_lits, kp->n_lits + 1, sizeof *kp->lits)) {
        free(cp);
        return oom(err);
    }
    kp_literal *l = &kp->lits[kp->n_lits++];
    l->ph.cp = cp;
    l->ph.n = k;
    l->ph.prefix = false;
    l->ph.text = NULL;
    l->target = (uint8_t)target;
    if (sd_tt_is_word(cp[0]))
        kp->lit_word |= (uint64_t)1 << (cp[0] & 63);
    else
        kp->lit_other |= (uint64_t)1 << (cp[0] & 63);
    kp->all_targets |= (uint64_t)1 << target;
    return SD_OK;
}

static sd_status add_form(sd_kp *kp, const char *w, size_t wn, sd_error *err)
{
    uint32_t off;
    if (!grow((void **)&kp->forms, &kp->cap_forms, kp->n_forms + 1, sizeof *kp->forms))
        return oom(err);
    if (!add_text(kp, w, wn, &off))
        return oom(err);
    kp->forms[kp->n_forms].off = off;
    kp->forms[kp->n_forms].len = (uint16_t)wn;
    kp->n_forms++;
    return SD_OK;
}

/* The key of a phrase word (folded w): found or added. */
static sd_status word_key(sd_kp *kp, sd_stemmer *st, const char *w, size_t wn, uint16_t *out,
                          const where *at, size_t phrase, sd_error *err)
{
    bool digits = true;
    for (size_t i = 0; i < wn; i++)
        digits = digits && w[i] >= '0' && w[i] <= '9';
    char s[WORD_MAX];
    const char *key = w;
    size_t kn = wn;
    uint8_t kind = K_EXACT;
    if (!digits) {
        size_t sn = sd_stem_word(st, kp->lang, w, wn, s, sizeof s);
        if (sn == 0)
            return fail(err, SD_ERR_INPUT, at, phrase, "a word could not be stemmed");
        size_t scp = count_cp(s, sn);
        if (scp >= 3) {
            key = s;
            kn = sn;
            kind = scp == 3 ? K_SHORT : K_LONG;
        }
    }
    for (size_t k = 0; k < kp->n_keys; k++) {
        const kp_key *x = &kp->keys[k];
        if (x->kind == kind && x->len == kn && memcmp(kp->text + x->off, key, kn) == 0) {
            *out = (uint16_t)k;
            return SD_OK;
        }
    }
    if (kp->n_keys >= NO_KEY)
        return fail(err, SD_ERR_INPUT, at, phrase, "too many different words in the content");
    if (!grow((void **)&kp->keys, &kp->cap_keys, kp->n_keys + 1, sizeof *kp->keys))
        return oom(err);
    kp_key *x = &kp->keys[kp->n_keys];
    memset(x, 0, sizeof *x);
    if (!add_text(kp, key, kn, &x->off))
        return oom(err);
    x->len = (uint16_t)kn;
    x->kind = kind;
    x->next = NO_KEY;
    *out = (uint16_t)kp->n_keys++;
    return SD_OK;
}

static sd_status add_phrase(sd_kp *kp, sd_stemmer *st, const char *phrase, int target,
                            const where *at, size_t index, sd_error *err)
{
    if (!phrase)
        return fail(err, SD_ERR_INPUT, at, index, "missing (NULL)");
    size_t n = strlen(phrase);
    if (is_literal(phrase, n))
        return add_literal(kp, phrase, n, target, at, index, err);

    uint16_t keys[PHRASE_WORDS];
    size_t nw = 0;
    char w[WORD_MAX];
    size_t wn = 0;
    for (size_t i = 0; i <= n;) {
        uint32_t c = ' ';
        size_t k = 1;
        if (i < n)
            k = sd_tt_next(phrase, n, i, &c);
        if (i < n && sd_tt_is_word(c)) {
            char u[4];
            size_t e = sd_utf8_put(u, sd_tt_fold(c));
            if (wn + e >= WORD_MAX)
                return fail(err, SD_ERR_INPUT, at, index, "a word longer than 63 bytes");
            memcpy(w + wn, u, e);
            wn += e;
        } else if (wn > 0) {
            if (nw == PHRASE_WORDS)
                return fail(err, SD_ERR_INPUT, at, index, "more than 8 words");
            sd_status s = word_key(kp, st, w, wn, &keys[nw], at, index, err);
            if (s == SD_OK)
                s = add_form(kp, w, wn, err);
            if (s != SD_OK)
                return s;
            nw++;
            wn = 0;
        }
        i += k;
    }
    if (nw == 0)
        return fail(err, SD_ERR_INPUT, at, index, "has no words");
    kp->all_targets |= (uint64_t)1 << target;
    if (nw == 1) {
        kp->keys[keys[0]].direct |= (uint64_t)1 << target;
        return SD_OK;
    }
    if (kp->n_slots + nw > MAX_SLOTS)
        return fail(err, SD_ERR_INPUT, at, index,
                    "the content's multi-word phrases have more than 1024 words in all");
    if (!grow((void **)&kp->refs, &kp->cap_refs, kp->n_refs + nw, sizeof *kp->refs))
        return oom(err);
    for (size_t j = 0; j < nw; j++) {
        kp_ref *r = &kp->refs[kp->n_refs++];
        r->slot = kp->n_slots + (uint32_t)j;
        r->key = keys[j];
        r->j = (uint8_t)j;
        r->last = j + 1 == nw;
        r->target = (uint8_t)target;
    }
    kp->n_slots += (uint32_t)nw;
    return SD_OK;
}

static sd_status add_point(sd_kp *kp, sd_stemmer *st, const sd_point *p, int target,
                           const where *at, sd_error *err)
{
    if (p->n_say > SD_MAX_SAY) {
        char msg[80];
        snprintf(msg, sizeof msg, "%zu phrases (at most %d)", p->n_say, SD_MAX_SAY);
        return fail(err, SD_ERR_INPUT, at, 0, msg);
    }
    if (p->n_say > 0 && !p->say)
        return fail(err, SD_ERR_INPUT, at, 0, "phrases missing (NULL)");
    for (size_t i = 0; i < p->n_say; i++) {
        sd_status s = add_phrase(kp, st, p->say[i], target, at, i + 1, err);
        if (s != SD_OK)
            return s;
    }
    return SD_OK;
}

static int cmp_ref(const void *a, const void *b)
{
    const kp_ref *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->slot < y->slot ? -1 : x->slot > y->slot; /* stable order: same input, same table */
}

static sd_status finish(sd_kp *kp, sd_stemmer *st, sd_error *err)
{
    /* refs grouped by key */
    if (kp->n_refs)
        qsort(kp->refs, kp->n_refs, sizeof *kp->refs, cmp_ref);
    for (size_t r = 0; r < kp->n_refs; r++) {
        kp_key *k = &kp->keys[kp->refs[r].key];
        if (k->nref == 0)
            k->ref0 = (uint32_t)r;
        k->nref++;
    }
    /* prefilters */
    memset(kp->short_head, 0xFF, sizeof kp->short_head);
    memset(kp->long_head, 0xFF, sizeof kp->long_head);
    for (size_t i = kp->n_keys; i-- > 0;) {
        kp_key *k = &kp->keys[i];
        if (k->kind == K_EXACT)
            continue;
        uint32_t b = k->kind == K_SHORT ? pre2(kp->text + k->off) : gram4(kp->text + k->off);
        uint64_t *bits = k->kind == K_SHORT ? kp->short_bits : kp->long_bits;
        uint16_t *head = k->kind == K_SHORT ? kp->short_head : kp->long_head;
        bit_set(bits, b);
        k->next = head[bucket(b)];
        head[bucket(b)] = (uint16_t)i;
    }
    /* the exact table: every phrase word form, with the keys it meets; in English also the
     * three words whose Snowball stem does not begin with their first two letters (dying
     * -> die, lying -> lie, tying -> tie), which the prefilter would miss */
    if (kp->n_forms == 0)
        return SD_OK;
    if (kp->lang == SD_LANG_EN) {
        static const char *const odd[] = {"dying", "lying", "tying"};
        for (size_t i = 0; i < 3; i++) {
            sd_status s = add_form(kp, odd[i], 5, err);
            if (s != SD_OK)
                return s;
        }
    }
    size_t size = 16;
    while (size < kp->n_forms * 2)
        size *= 2;
    kp->exact = calloc(size, sizeof *kp->exact);
    if (!kp->exact)
        return oom(err);
    kp->exact_mask = size - 1;
    for (size_t f = 0; f < kp->n_forms; f++) {
        const char *w = kp->text + kp->forms[f].off;
        size_t wn = kp->forms[f].len;
        uint32_t h = word_hash(w, wn);
        size_t i = h & kp->exact_mask;
        bool dup = false;
        while (kp->exact[i].len) {
            const kp_exact *e = &kp->exact[i];
            if (e->hash == h && e->len == wn && memcmp(kp->text + e->off, w, wn) == 0) {
                dup = true;
                break;
            }
            i = (i + 1) & kp->exact_mask;
        }
        if (dup)
            continue;
        bool digits = true;
        for (size_t j = 0; j < wn; j++)
            digits = digits && w[j] >= '0' && w[j] <= '9';
        char s[WORD_MAX];
        size_t sn = digits ? 0 : sd_stem_word(st, kp->lang, w, wn, s, sizeof s);
        kp_exact *e = &kp->exact[i];
        e->hash = h;
        e->off = kp->forms[f].off;
        e->len = (uint16_t)wn;
        e->k0 = (uint32_t)kp->n_exact_keys;
        for (size_t k = 0; k < kp->n_keys; k++) {
            if (!key_meets(kp, &kp->keys[k], w, wn, digits, sn ? s : NULL, sn))
                continue;
            if (!grow((void **)&kp->exact_keys, &kp->cap_exact_keys, kp->n_exact_keys + 1,
                      sizeof *kp->exact_keys))
                return oom(err);
            kp->exact_keys[kp->n_exact_keys++] = (uint16_t)k;
        }
        e->nk = (uint32_t)(kp->n_exact_keys - e->k0);
    }
    return SD_OK;
}

sd_status sd_kp_compile(sd_stemmer *st, sd_language lang, const sd_content *c, sd_kp **out,
                        sd_error *err)
{
    *out = NULL;
    if (!st || !c || (unsigned)lang >= SD_LANG_COUNT)
        return sd_error_set(err, SD_ERR_USAGE, "sd_kp_compile: no stemmer, no content or "
                                               "an unknown language");
    if (c->n_points > SD_MAX_POINTS || c->n_avoid > SD_MAX_POINTS)
        return sd_error_set(err, SD_ERR_INPUT,
                            "content: %zu key points and %zu claims to avoid (at most %d each)",
                            c->n_points, c->n_avoid, SD_MAX_POINTS);
    if ((c->n_points && !c->points) || (c->n_avoid && !c->avoid))
        return sd_error_set(err, SD_ERR_INPUT, "content: key points or claims missing (NULL)");
    if (c->need < 0 || (c->n_points && c->need > (int)c->n_points) ||
        (!c->n_points && c->need > 0))
        return sd_error_set(err, SD_ERR_INPUT,
                            "content: need is %d, but there are %zu key points (need 1..%zu)",
                            c->need, c->n_points, c->n_points);
    sd_kp *kp = calloc(1, sizeof *kp);
    if (!kp)
        return oom(err);
    kp->c = c;
    kp->lang = lang;
    sd_status s = SD_OK;
    for (size_t i = 0; s == SD_OK && i < c->n_points; i++) {
        where at = {"key point", i + 1, c->points[i].label};
        if (c->points[i].n_say == 0)
            s = fail(err, SD_ERR_INPUT, &at, 0, "no phrases");
        else
            s = add_point(kp, st, &c->points[i], (int)i, &at, err);
    }
    if (s == SD_OK) {
        where at = {"refer", 0, c->refer.label};
        s = add_point(kp, st, &c->refer, T_REFER, &at, err);
    }
    if (s == SD_OK) {
        where at = {"channel", 0, c->channel.label};
        s = add_point(kp, st, &c->channel, T_CHANNEL, &at, err);
    }
    for (size_t i = 0; s == SD_OK && i < c->n_avoid; i++) {
        where at = {"avoid", i + 1, c->avoid[i].label};
        s = add_point(kp, st, &c->avoid[i], T_AVOID + (int)i, &at, err);
    }
    if (s == SD_OK)
        s = finish(kp, st, err);
    if (s != SD_OK) {
        sd_kp_free(kp);
        return s;
    }
    /* the word forms were only needed to build the exact table */
    free(kp->forms);
    kp->forms = NULL;
    kp->n_forms = kp->cap_forms = 0;
    *out = kp;
    return SD_OK;
}

void sd_kp_free(sd_kp *kp)
{
    if (!kp)
        return;
    for (size_t i = 0; i < kp->n_lits; i++)
        free(kp->lits[i].ph.cp);
    free(kp->lits);
    free(kp->text);
    free(kp->keys);
    free(kp->refs);
    free(kp->forms);
    free(kp->exact);
    free(kp->exact_keys);
    free(kp);
}

const sd_content *sd_kp_content(const sd_kp *kp) { return kp ? kp->c : NULL; }

/* ---------------------------------------------------------------- feedback */

size_t sd_kp_describe_missing(const sd_kp *kp, const sd_kp_verdict *v, char *out, size_t cap)
{
    if (!out || cap == 0)
        return 0;
    out[0] = '\0';
    if (!kp || !v)
        return 0;
    size_t n = 0;
    bool cut = false, first = true;
    for (size_t i = 0; i < kp->c->n_points && !cut; i++) {
        if ((v->met >> i) & 1)
            continue;
        char num[32];
        const char *label = kp->c->points[i].label;
        if (!label || !label[0]) {
            snprintf(num, sizeof num, "#%zu", i + 1);
            label = num;
        }
        const char *parts[2] = {first ? "" : ", ", label};
        first = false;
        for (int p = 0; p < 2 && !cut; p++) {
            size_t l = strlen(parts[p]);
            if (n + l < cap) {
                memcpy(out + n, parts[p], l);
                n += l;
            } else {
                memcpy(out + n, parts[p], cap - 1 - n);
                n = cap - 1;
                cut = true;
            }
        }
    }
    if (cut) {
        /* room for "…" (3 bytes), on a UTF-8 boundary, without a dangling separator */
        if (cap < 4) {
            out[0] = '\0';
            return 0;
        }
        if (n > cap - 4)
            n = cap - 4;
        while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80)
            n--;
        while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == ','))
            n--;
        memcpy(out + n, "\xE2\x80\xA6", 3);
        n += 3;
    }
    out[n] = '\0';
    return n;
}
