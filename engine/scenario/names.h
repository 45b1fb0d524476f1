/* names.h - built-in Swedish first and last names for generated storm authors
 * (fictional combinations; used when a storm names no personas), and what a platform
 * handle may be. Static, read-only. */
#ifndef SD_NAMES_H
#define SD_NAMES_H

#include <stddef.h>

extern const char *const sd_first_names[];
extern const size_t sd_n_first_names;
extern const char *const sd_last_names[];
extern const size_t sd_n_last_names;

/* Why s is no platform handle (without its '@'), or NULL when it is one: 1-50 bytes of
 * ASCII letters, digits, '_' and '.' (what Facebook, Instagram and X allow between them). */
const char *sd_handle_problem(const char *s);
#define SD_MAX_HANDLE_BYTES 50u

#endif
