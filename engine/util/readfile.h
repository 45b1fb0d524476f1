/* readfile.h - opening input files safely: regular files only, with a size limit.
 *
 * Every file Stormdrill reads that came from somebody else (a scenario and what it
 * includes, a participant file, a log, a results file, a lexicon) is opened through here, so
 * that a named pipe, a device, a socket or a directory given in its place is refused at once
 * with a message naming it, instead of blocking for ever or reading without end.
 *
 * The file is opened with O_NONBLOCK (opening a FIFO never blocks), checked with fstat to be
 * a regular file, then switched back to blocking reads. `display` names the file in messages
 * (NULL: the path). */
#ifndef SD_READFILE_H
#define SD_READFILE_H

#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "error.h"

/* Opens path for reading if it is a regular file of at most max_bytes bytes (0: no size
 * limit). On success *out is a FILE the caller closes with fclose(); *size_out (may be NULL)
 * is its size when opened. Errors: SD_ERR_IO (cannot open), SD_ERR_INPUT (not a regular
 * file, or larger than max_bytes). */
sd_status sd_open_regular(const char *path, const char *display, uint64_t max_bytes,
                          FILE **out, uint64_t *size_out, sd_error *err);

/* Reads a regular file of at most max_bytes bytes (0: no limit) in chunks, handing each to
 * fn (NULL: the bytes are only counted). The bytes are counted as they are read, so a file
 * that reports a size of 0 (in /proc) or grows is refused at the limit too. A status other
 * than SD_OK from fn stops the reading and is returned; fn sets err itself. */
typedef sd_status (*sd_chunk_fn)(void *ctx, const void *data, size_t len, sd_error *err);
sd_status sd_read_regular_chunks(const char *path, const char *display, uint64_t max_bytes,
                                 sd_chunk_fn fn, void *ctx, sd_error *err);

/* Reads a whole regular file of at most max_bytes bytes into out (appended; the caller owns
 * and frees the buffer). A file that grows past max_bytes while it is read is refused too. */
sd_status sd_read_regular(const char *path, const char *display, uint64_t max_bytes,
                          sd_buf *out, sd_error *err);

#endif
