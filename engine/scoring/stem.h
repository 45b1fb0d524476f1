/* stem.h - word stems for matching what a reply says: the Snowball Swedish and English
 * stemmers (Debian libstemmer), over words folded to lower case.
 *
 * Ownership: sd_stemmer_create() returns an object the caller frees with
 * sd_stemmer_free(). The stemmer keeps Snowball's working state and a bounded memo of
 * words already stemmed (1024 words of up to 31 bytes per language, a slot overwritten by
 * the next word hashing to it: it never grows), so one sd_stemmer serves one thread at a
 * time. The memo only saves time: a word's stem is the same with or without it. */
#ifndef SD_STEM_H
#define SD_STEM_H

#include <stddef.h>
#include <stdint.h>

#include "../guideline/vocab.h"
#include "../util/error.h"

typedef struct sd_stemmer sd_stemmer;

sd_status sd_stemmer_create(sd_stemmer **out, sd_error *err);
void sd_stemmer_free(sd_stemmer *st);

/* Stems one word (UTF-8, already folded to lower case, n bytes) in lang. Writes the stem,
 * NUL-terminated, to out (cap bytes); returns its length, or 0 when it does not fit or the
 * word is empty. */
size_t sd_stem_word(sd_stemmer *st, sd_language lang, const char *word, size_t n, char *out,
                    size_t cap);

/* How many times the stemmer ran Snowball (words not found in the memo), for benchmarks
 * and tests. */
uint64_t sd_stemmer_runs(const sd_stemmer *st);

#endif
