/* fold.h - text compared the way a person searches: case and diacritics folded, so that
 * "asa" finds "Åsa", "ASA" and a decomposed "A" + U+030A "sa", and "goran" finds "Göran".
 * Folding: letters to lower case; the Latin letters with diacritics of Latin-1 and Latin
 * Extended-A to their base letter (å ä à á â ã → a, ö ø ó → o, é è ê ë → e, ç → c, ñ → n,
 * ł → l ...; æ → ae, œ → oe, ß → ss, þ → th); combining marks (U+0300..U+036F) dropped;
 * the basic Greek and Cyrillic capitals to lower case. Invalid UTF-8 reads as U+FFFD.
 * No allocation: the caller gives the buffers. */
#ifndef SD_FOLD_H
#define SD_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The folded form of s[0..len) into out (capacity cap, NUL-terminated, cut at a code point
 * when it does not fit). Returns the bytes written (without the NUL). */
size_t sd_fold(const char *s, size_t len, char *out, size_t cap);
/* True when the folded s (NUL-ended; NULL reads as "") contains folded_needle, which must
 * already be folded (sd_fold). An empty needle is contained in everything. */
bool sd_fold_contains(const char *s, const char *folded_needle);

#endif
