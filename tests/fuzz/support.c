/* support.c - the scratch folder and input copies the fuzz targets share. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/tempdir.h"

static char scratch[64];
static char path[128];

static void remove_scratch(void)
{
    sd_test_tempdir_remove(scratch);
}

const char *sd_fuzz_write_file(const char *name, const uint8_t *data, size_t size)
{
    if (scratch[0] == '\0') {
        if (sd_test_tempdir_make(scratch, "stormdrill_fuzz") != 0) {
            perror("stormdrill fuzz: cannot make a scratch folder");
            abort();
        }
        atexit(remove_scratch);
    }
    snprintf(path, sizeof path, "%s/%s", scratch, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL || (size > 0 && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
    return path;
}

char *sd_fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (s == NULL)
        abort();
    if (size > 0)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}
