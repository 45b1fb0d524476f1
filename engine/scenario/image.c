/* image.c - the check of a post's image path (scenario.h, sd_scenario_image_check): where
 * the file is found, that it stays inside the scenario's folder or the bundled images, and
 * that it is a PNG, JPEG or BMP small enough for the window to load. The core never decodes
 * an image (the window does, with SDL2_image); it only looks at the first bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/buf.h"
#include "../util/readfile.h"
#include "scenario.h"

const char *sd_image_path_problem(const char *path)
{
    if (path[0] == '\0')
        return "is empty";
    if (path[0] == '/' || path[0] == '~')
        return "is an absolute path; give it relative to the scenario's folder or assets/images/";
    if (strchr(path, '\\'))
        return "has a backslash; separate folders with '/'";
    if (strlen(path) >= 2 && path[1] == ':')
        return "is an absolute path; give it relative to the scenario's folder or assets/images/";
    const char *p = path;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return "has '..'; an image must lie in the scenario's folder or in assets/images/";
        if (!e)
            break;
        p = e + 1;
    }
    return NULL;
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The kind of image by its first bytes, or NULL. */
static const char *magic_kind(const unsigned char *b, size_t n)
{
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    if (n >= 8 && memcmp(b, png, 8) == 0)
        return "PNG";
    if (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff)
        return "JPEG";
    if (n >= 2 && b[0] == 'B' && b[1] == 'M')
        return "BMP";
    return NULL;
}

sd_status sd_scenario_image_check(const char *path, const char *scenario_dir,
                                  const char *assets_dir, char **resolved, sd_error *err)
{
    if (resolved)
        *resolved = NULL;
    const char *why = sd_image_path_problem(path);
    if (why)
        return sd_error_set(err, SD_ERR_INPUT, "image '%s' %s", path, why);
    sd_buf a = SD_BUF_INIT, b = SD_BUF_INIT;
    sd_buf_printf(&a, "%s/%s", scenario_dir && *scenario_dir ? scenario_dir : ".", path);
    sd_buf_printf(&b, "%s/images/%s", assets_dir && *assets_dir ? assets_dir : "assets", path);
    if (!sd_buf_ok(&a) || !sd_buf_ok(&b)) {
        sd_buf_free(&a);
        sd_buf_free(&b);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    const char *found = exists(sd_buf_str(&a)) ? sd_buf_str(&a)
                        : exists(sd_buf_str(&b)) ? sd_buf_str(&b) : NULL;
    sd_status st = SD_OK;
    FILE *f = NULL;
    if (found == NULL) {
        st = sd_error_set(err, SD_ERR_INPUT, "image '%s' is not there (looked for %s and %s)",
                          path, sd_buf_str(&a), sd_buf_str(&b));
        goto done;
    }
    uint64_t size = 0;
    sd_error e = SD_ERROR_INIT;
    if (sd_open_regular(found, NULL, 0, &f, &size, &e) != SD_OK) {
        st = sd_error_set(err, SD_ERR_INPUT, "image '%s': %s", path, sd_error_msg(&e));
        sd_error_clear(&e);
        goto done;
    }
    if (size > SD_MAX_IMAGE_BYTES) {
        st = sd_error_set(err, SD_ERR_INPUT, "image '%s' has %.1f MiB; at most %zu MiB (make it "
                          "smaller)", path, (double)size / (1 << 20), SD_MAX_IMAGE_BYTES >> 20);
        goto done;
    }
    unsigned char head[8] = {0};
    size_t n = fread(head, 1, sizeof head, f);
    if (magic_kind(head, n) == NULL) {
        st = sd_error_set(err, SD_ERR_INPUT, "image '%s' is not a PNG, JPEG or BMP image", path);
        goto done;
    }
    if (resolved) {
        *resolved = strdup(found);
        if (*resolved == NULL)
            st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
done:
    if (f)
        fclose(f);
    sd_buf_free(&a);
    sd_buf_free(&b);
    return st;
}
