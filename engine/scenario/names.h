/* names.h - built-in Swedish first and last names for generated storm authors
 * (fictional combinations; used when a storm names no personas). Static, read-only. */
#ifndef SD_NAMES_H
#define SD_NAMES_H

#include <stddef.h>

extern const char *const sd_first_names[];
extern const size_t sd_n_first_names;
extern const char *const sd_last_names[];
extern const size_t sd_n_last_names;

#endif
