/* spell.h - spelling of a reply ("formulerade vårdat"): Hunspell with the Swedish and
 * English dictionaries from Debian (hunspell-sv, hunspell-en-us), ignoring names, URLs,
 * e-mail addresses, numbers, words with digits, abbreviations in capitals, and the words a
 * caller adds (the scenario's own words and its list).
 *
 * Ownership: sd_speller_open() returns an object the caller frees with sd_speller_free().
 * It keeps a bounded memo of words already looked up (so that a hundred thousand replies
 * cost a hash look-up per word), so one sd_speller serves one thread at a time. */
#ifndef SD_SPELL_H
#define SD_SPELL_H

#include <stdbool.h>
#include <stddef.h>

#include "../guideline/vocab.h"
#include "../util/error.h"

typedef struct sd_speller sd_speller;

/* dict_dir: where the .aff/.dic files are (NULL: /usr/share/hunspell). A missing
 * dictionary is an error that names the file and the Debian package to install. */
sd_status sd_speller_open(const char *dict_dir, sd_speller **out, sd_error *err);
void sd_speller_free(sd_speller *sp);

/* Words a caller accepts besides the dictionaries (a scenario's names, its word list, the
 * words of its own texts), compared without regard to case. Built once per exercise. */
typedef struct sd_spell_extra sd_spell_extra;
sd_status sd_spell_extra_create(sd_spell_extra **out, sd_error *err);
void sd_spell_extra_free(sd_spell_extra *x);
sd_status sd_spell_extra_add(sd_spell_extra *x, const char *word, size_t n, sd_error *err);
/* Adds every word of a text. */
sd_status sd_spell_extra_add_text(sd_spell_extra *x, const char *text, sd_error *err);

typedef struct sd_spell_miss {
    size_t at, len;           /* byte range of the misspelt word in the text */
} sd_spell_miss;

/* Checks text[0..len) in lang. Writes at most cap misses to miss; returns the number of
 * misspelt words (which may exceed cap); *checked (may be NULL): the words checked.
 * Checking stops at the SD_SPELL_MAX_MISSES-th misspelt word (the count is then that, and
 * *checked the words up to it): a misspelt word costs Hunspell a search for compounds,
 * about 5 us a letter, so 20000 bytes of gibberish would otherwise cost 0.1 s. */
#define SD_SPELL_MAX_MISSES 32
size_t sd_spell_check(sd_speller *sp, sd_language lang, const char *text, size_t len,
                      const sd_spell_extra *extra, sd_spell_miss *miss, size_t cap,
                      size_t *checked);

#endif
