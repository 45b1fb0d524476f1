/* stem.c - word stems (stem.h): the Snowball Swedish and English stemmers from Debian's
 * libstemmer, one of each per sd_stemmer, behind a bounded memo of words already stemmed
 * (replies repeat their words: "vi", "och", the item's own topic), so that a word seen
 * before costs a hash look-up instead of a run of the stemmer (~100-400 ns). */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "stem.h"

/* The memo: per language MEMO_SLOTS / 2 sets of two slots, words (and stems) of up to
 * MEMO_TEXT - 1 bytes. A new word goes to the first slot of its set, whose word moves to
 * the second (dropping that one), so two words of one set do not evict each other and the
 * memo never grows. */
#define MEMO_SLOTS 1024u /* power of two */
#define MEMO_TEXT 32u

typedef struct memo_slot {
    uint32_t hash;
    uint8_t wlen, slen; /* wlen 0: empty slot */
    char word[MEMO_TEXT];
    char stem[MEMO_TEXT];
} memo_slot;

struct sd_stemmer {
    struct sb_stemmer *sb[SD_LANG_COUNT];
    memo_slot *memo[SD_LANG_COUNT];
    uint64_t runs; /* Snowball runs (memo misses) */
};

static const char *const algorithm[SD_LANG_COUNT] = {"swedish", "english"};

sd_status sd_stemmer_create(sd_stemmer **out, sd_error *err)
{
    *out = NULL;
    sd_stemmer *st = calloc(1, sizeof *st);
    if (!st)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory creating the stemmers");
    for (int l = 0; l < SD_LANG_COUNT; l++) {
        st->sb[l] = sb_stemmer_new(algorithm[l], "UTF_8");
        if (!st->sb[l]) {
            sd_stemmer_free(st);
            return sd_error_set(err, SD_ERR_INPUT,
                                "the Snowball stemmer '%s' (UTF-8) is not available "
                                "(install libstemmer-dev / libstemmer0d)",
                                algorithm[l]);
        }
        st->memo[l] = calloc(MEMO_SLOTS, sizeof(memo_slot));
        if (!st->memo[l]) {
            sd_stemmer_free(st);
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory creating the stemmers");
        }
    }
    *out = st;
    return SD_OK;
}

void sd_stemmer_free(sd_stemmer *st)
{
    if (!st)
        return;
    for (int l = 0; l < SD_LANG_COUNT; l++) {
        sb_stemmer_delete(st->sb[l]);
        free(st->memo[l]);
    }
    free(st);
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 0; /* rotate-xor a byte at a time (one cycle a byte), then mix */
    for (size_t i = 0; i < n; i++)
        h = ((h << 5) | (h >> 27)) ^ (unsigned char)s[i];
    uint64_t x = (((uint64_t)h << 8) ^ n) * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32);
}

size_t sd_stem_word(sd_stemmer *st, sd_language lang, const char *word, size_t n, char *out,
                    size_t cap)
{
    if (cap > 0)
        out[0] = '\0';
    if (!st || n == 0 || cap == 0 || (unsigned)lang >= SD_LANG_COUNT || n > INT_MAX)
        return 0;
    memo_slot *slot = NULL;
    uint32_t h = 0;
    if (n < MEMO_TEXT) {
        h = hash_bytes(word, n);
        slot = &st->memo[lang][(h & (MEMO_SLOTS / 2 - 1)) * 2];
        for (int way = 0; way < 2; way++) {
            const memo_slot *m = &slot[way];
            if (m->wlen == n && m->hash == h && memcmp(m->word, word, n) == 0) {
                if (m->slen >= cap)
                    return 0;
                memcpy(out, m->stem, m->slen);
                out[m->slen] = '\0';
                return m->slen;
            }
        }
    }
    st->runs++;
    const sb_symbol *s = sb_stemmer_stem(st->sb[lang], (const sb_symbol *)word, (int)n);
    if (!s)
        return 0; /* out of memory inside Snowball */
    int sl = sb_stemmer_length(st->sb[lang]);
    if (sl <= 0 || (size_t)sl >= cap)
        return 0;
    memcpy(out, s, (size_t)sl);
    out[sl] = '\0';
    if (slot && (size_t)sl < MEMO_TEXT) {
        slot[1] = slot[0];
        slot->hash = h;
        slot->wlen = (uint8_t)n;
        slot->slen = (uint8_t)sl;
        memcpy(slot->word, word, n);
        memcpy(slot->stem, s, (size_t)sl);
    }
    return (size_t)sl;
}

uint64_t sd_stemmer_runs(const sd_stemmer *st)
{
    return st ? st->runs : 0;
}
