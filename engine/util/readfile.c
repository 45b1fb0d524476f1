/* readfile.c - opening input files safely: regular files only, with a size limit. */
#include "readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *kind_of(mode_t m)
{
    if (S_ISDIR(m))
        return "a folder";
    if (S_ISFIFO(m))
        return "a named pipe";
    if (S_ISCHR(m) || S_ISBLK(m))
        return "a device";
    if (S_ISSOCK(m))
        return "a socket";
    return "not a regular file";
}

sd_status sd_open_regular(const char *path, const char *display, uint64_t max_bytes,
                          FILE **out, uint64_t *size_out, sd_error *err)
{
    *out = NULL;
    if (display == NULL)
        display = path;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return sd_error_set(err, SD_ERR_IO, "%s: cannot open: %s", display, strerror(errno));
    struct stat stt;
    if (fstat(fd, &stt) != 0) {
        int e = errno;
        close(fd);
        return sd_error_set(err, SD_ERR_IO, "%s: cannot open: %s", display, strerror(e));
    }
    if (!S_ISREG(stt.st_mode)) {
        close(fd);
        return sd_error_set(err, SD_ERR_INPUT, "%s: is %s: give a regular file", display,
                            kind_of(stt.st_mode));
    }
    if (max_bytes > 0 && (uint64_t)stt.st_size > max_bytes) {
        close(fd);
        return sd_error_set(err, SD_ERR_INPUT, "%s: the file is larger than %llu bytes",
                            display, (unsigned long long)max_bytes);
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
        int e = errno;
        close(fd);
        return sd_error_set(err, SD_ERR_IO, "%s: cannot open: %s", display, strerror(e));
    }
    FILE *f = fdopen(fd, "rb");
    if (f == NULL) {
        int e = errno;
        close(fd);
        return sd_error_set(err, SD_ERR_IO, "%s: cannot open: %s", display, strerror(e));
    }
    if (size_out)
        *size_out = (uint64_t)stt.st_size;
    *out = f;
    return SD_OK;
}

sd_status sd_read_regular_chunks(const char *path, const char *display, uint64_t max_bytes,
                                 sd_chunk_fn fn, void *ctx, sd_error *err)
{
    if (display == NULL)
        display = path;
    FILE *f = NULL;
    sd_status st = sd_open_regular(path, display, max_bytes, &f, NULL, err);
    if (st != SD_OK)
        return st;
    char chunk[65536];
    size_t n;
    uint64_t got = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        got += n;
        if (max_bytes > 0 && got > max_bytes) {
            st = sd_error_set(err, SD_ERR_INPUT, "%s: the file is larger than %llu bytes",
                              display, (unsigned long long)max_bytes);
            goto done;
        }
        if (fn && (st = fn(ctx, chunk, n, err)) != SD_OK)
            goto done;
    }
    if (ferror(f))
        st = sd_error_set(err, SD_ERR_IO, "%s: read error", display);
done:
    fclose(f);
    return st;
}

typedef struct append_ctx {
    sd_buf *out;
    const char *display;
} append_ctx;

static sd_status append_chunk(void *ctx, const void *data, size_t len, sd_error *err)
{
    append_ctx *a = ctx;
    if (sd_buf_append(a->out, data, len) != SD_OK)
        return sd_error_set(err, SD_ERR_MEMORY, "%s: out of memory reading it", a->display);
    return SD_OK;
}

sd_status sd_read_regular(const char *path, const char *display, uint64_t max_bytes,
                          sd_buf *out, sd_error *err)
{
    append_ctx a = {out, display ? display : path};
    return sd_read_regular_chunks(path, display, max_bytes, append_chunk, &a, err);
}
