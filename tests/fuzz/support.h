/* support.h - what the libFuzzer targets share: a scratch folder per fuzzing process
 * (for readers that take a path) and a NUL-terminated copy of an input.
 *
 * Ownership: the scratch folder and the paths returned belong to this module; the folder is
 * removed with everything in it when the process exits normally. */
#ifndef SD_FUZZ_SUPPORT_H
#define SD_FUZZ_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/* Writes data to <scratch>/name (replacing it) and returns the full path (valid until the
 * next call); aborts when the file cannot be written, which is a broken setup, not a finding. */
const char *sd_fuzz_write_file(const char *name, const uint8_t *data, size_t size);

/* A malloc'd copy of data with a NUL after it; the caller frees it. Aborts when out of memory. */
char *sd_fuzz_cstr(const uint8_t *data, size_t size);

#endif
