/* atomic_file.h - writing a file so that an existing one is never half-overwritten: the
 * data goes to a temporary file in the same folder, which is synced and then renamed over
 * the target. A failure (full disk, unwritable folder) leaves the target as it was and
 * returns a clear error naming the file. */
#ifndef SD_ATOMIC_FILE_H
#define SD_ATOMIC_FILE_H

#include <stddef.h>

#include "error.h"

typedef struct sd_atomic_file {
    int fd;
    char *path; /* owned */
    char *tmp;  /* owned */
} sd_atomic_file;

sd_status sd_atomic_open(sd_atomic_file *f, const char *path, sd_error *err);
sd_status sd_atomic_write(sd_atomic_file *f, const void *data, size_t len, sd_error *err);
/* Syncs, closes and renames into place; releases f either way. */
sd_status sd_atomic_commit(sd_atomic_file *f, sd_error *err);
/* Closes and removes the temporary file; releases f. */
void sd_atomic_abort(sd_atomic_file *f);

/* The whole of data to path, atomically. */
sd_status sd_write_file_atomic(const char *path, const void *data, size_t len, sd_error *err);

#endif
