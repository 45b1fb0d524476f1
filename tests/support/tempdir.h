/* tempdir.h - a scratch folder for a test group: made under /tmp, removed with everything
 * in it afterwards. Shared by the unit tests that write scenario and log files. */
#ifndef SD_TEST_TEMPDIR_H
#define SD_TEST_TEMPDIR_H

/* Makes /tmp/<prefix>_XXXXXX into dir (at least 64 bytes); 0 on success. */
int sd_test_tempdir_make(char dir[64], const char *prefix);
/* Removes dir and everything below it; 0 on success. */
int sd_test_tempdir_remove(const char *dir);
/* The whole of a file, NUL-terminated (the caller frees it), or NULL. */
char *sd_test_read_file(const char *path);

#endif
