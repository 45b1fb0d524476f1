/* tempdir.h - a scratch folder for a test group: made under /tmp, removed with everything
 * in it afterwards; and reading and writing whole files in it. Shared by the unit tests
 * that write scenario and log files. */
#ifndef SD_TEST_TEMPDIR_H
#define SD_TEST_TEMPDIR_H

#include <stddef.h>

/* Makes /tmp/<prefix>_XXXXXX into dir (at least 64 bytes); 0 on success. */
int sd_test_tempdir_make(char dir[64], const char *prefix);
/* Removes dir and everything below it; 0 on success. */
int sd_test_tempdir_remove(const char *dir);
/* The whole file, NUL-terminated (the caller frees it), its length in *len if len is not
 * NULL; NULL if it cannot be read. */
char *sd_test_read_file(const char *path, size_t *len);
/* Writes text to path (replacing it); 0 on success. */
int sd_test_write_file(const char *path, const char *text);

#endif
