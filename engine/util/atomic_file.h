/* atomic_file.h - writing a file so that an existing one is never half-overwritten: the
 * data goes to a temporary file in the same folder, which is synced and then renamed over
 * the target. A failure (full disk, unwritable folder) leaves the target as it was, removes
 * the temporary file and returns a clear error naming the file and the system's reason.
 *
 * Ownership: an sd_atomic_file is the caller's (usually on the stack); its strings and
 * descriptor are released by sd_atomic_commit, sd_atomic_commit_new or sd_atomic_abort. */
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
/* Like sd_atomic_commit, but never replaces an existing file: if path exists the commit
 * fails with SD_ERR_INPUT ("already exists") and the temporary file is removed. */
sd_status sd_atomic_commit_new(sd_atomic_file *f, sd_error *err);
/* Closes and removes the temporary file; releases f. */
void sd_atomic_abort(sd_atomic_file *f);

/* The whole of data to path, atomically. */
sd_status sd_write_file_atomic(const char *path, const void *data, size_t len, sd_error *err);
/* The same for a file that must not exist yet (sd_atomic_commit_new). */
sd_status sd_write_file_new(const char *path, const void *data, size_t len, sd_error *err);

#endif
