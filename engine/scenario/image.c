/* image.c - the check of a post's image path (scenario.h, sd_scenario_image_check): where
 * the file is found, that it stays inside the scenario's folder or the bundled images, and
 * that it is a PNG, JPEG or BMP small enough for the window to load, in bytes and in pixels.
 * The core never decodes an image (the window does, with SDL2_image); it reads only the
 * header that gives the picture's size. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
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

static uint32_t be32(const unsigned char *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint32_t le32(const unsigned char *b)
{
    return (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[1] << 8 | b[0];
}

/* The picture's width and height from its header (b: the file's first n bytes, all of a
 * file of at most SD_MAX_IMAGE_BYTES). False when the header does not give them. */
static bool image_size(const char *kind, const unsigned char *b, size_t n, uint32_t *w,
                       uint32_t *h)
{
    if (strcmp(kind, "PNG") == 0) { /* the IHDR chunk comes first */
        if (n < 24 || memcmp(b + 12, "IHDR", 4) != 0)
            return false;
        *w = be32(b + 16);
        *h = be32(b + 20);
        return true;
    }
    if (strcmp(kind, "BMP") == 0) { /* BITMAPINFOHEADER and later: 32-bit sizes at 18 */
        if (n < 26 || le32(b + 14) < 40)
            return false;
        int32_t sw = (int32_t)le32(b + 18), sh = (int32_t)le32(b + 22);
        *w = sw < 0 ? 0u - (uint32_t)sw : (uint32_t)sw;
        *h = sh < 0 ? 0u - (uint32_t)sh : (uint32_t)sh; /* negative: rows top down */
        return true;
    }
    /* JPEG: the segments after SOI up to the first start-of-frame marker */
    size_t i = 2;
    while (i + 4 <= n) {
        if (b[i] != 0xff)
            return false;
        unsigned m = b[i + 1];
        if (m == 0xff) { /* fill byte */
            i++;
            continue;
        }
        size_t len = (size_t)b[i + 2] << 8 | b[i + 3];
        if (len < 2)
            return false;
        bool sof = m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
        if (sof) {
            if (i + 9 > n)
                return false;
            *h = (uint32_t)b[i + 5] << 8 | b[i + 6];
            *w = (uint32_t)b[i + 7] << 8 | b[i + 8];
            return true;
        }
        if (m == 0xd9 || m == 0xda) /* end of image, start of scan: no frame before */
            return false;
        i += 2 + len;
    }
    return false;
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
    unsigned char *head = NULL;
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
    /* the whole file (at most 4 MiB): a JPEG's size may come after its other segments */
    head = malloc(size ? (size_t)size : 1);
    if (head == NULL) {
        st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        goto done;
    }
    size_t n = fread(head, 1, (size_t)size, f);
    const char *kind = magic_kind(head, n);
    if (kind == NULL) {
        st = sd_error_set(err, SD_ERR_INPUT, "image '%s' is not a PNG, JPEG or BMP image", path);
        goto done;
    }
    uint32_t w = 0, h = 0;
    if (!image_size(kind, head, n, &w, &h) || w == 0 || h == 0) {
        st = sd_error_set(err, SD_ERR_INPUT, "image '%s' is not a whole %s image (its header "
                          "gives no size in pixels)", path, kind);
        goto done;
    }
    if (w > SD_MAX_IMAGE_SIDE || h > SD_MAX_IMAGE_SIDE) {
        st = sd_error_set(err, SD_ERR_INPUT, "image '%s' is %" PRIu32 " x %" PRIu32 " pixels; at "
                          "most %d x %d (make it smaller)", path, w, h, SD_MAX_IMAGE_SIDE,
                          SD_MAX_IMAGE_SIDE);
        goto done;
    }
    if (resolved) {
        *resolved = strdup(found);
        if (*resolved == NULL)
            st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
done:
    free(head);
    if (f)
        fclose(f);
    sd_buf_free(&a);
    sd_buf_free(&b);
    return st;
}
