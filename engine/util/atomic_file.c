/* atomic_file.c - temporary file, fsync, rename (or link, for a file that must be new). */
#include "atomic_file.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

static void release(sd_atomic_file *f)
{
    free(f->path);
    free(f->tmp);
    f->path = f->tmp = NULL;
    f->fd = -1;
}

sd_status sd_atomic_open(sd_atomic_file *f, const char *path, sd_error *err)
{
    f->fd = -1;
    f->path = strdup(path);
    sd_buf tmp = SD_BUF_INIT;
    sd_buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
    f->tmp = sd_buf_take(&tmp);
    if (f->path == NULL || f->tmp == NULL) {
        release(f);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    f->fd = open(f->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (f->fd < 0) {
        sd_status st = sd_error_set(err, SD_ERR_IO, "%s: cannot write: %s", path, strerror(errno));
        release(f);
        return st;
    }
    return SD_OK;
}

sd_status sd_atomic_write(sd_atomic_file *f, const void *data, size_t len, sd_error *err)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(f->fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return sd_error_set(err, SD_ERR_IO, "%s: cannot write: %s", f->path, strerror(errno));
        p += n;
        len -= (size_t)n;
    }
    return SD_OK;
}

void sd_atomic_abort(sd_atomic_file *f)
{
    if (f->fd >= 0) {
        close(f->fd);
        unlink(f->tmp);
    }
    release(f);
}

/* Syncs and closes the temporary file (a full disk may show only here). */
static sd_status finish(sd_atomic_file *f, sd_error *err)
{
    sd_status st = SD_OK;
    if (fsync(f->fd) != 0 && errno != EINVAL)
        st = sd_error_set(err, SD_ERR_IO, "%s: cannot write: %s", f->path, strerror(errno));
    if (close(f->fd) != 0 && st == SD_OK)
        st = sd_error_set(err, SD_ERR_IO, "%s: cannot write: %s", f->path, strerror(errno));
    f->fd = -1;
    return st;
}

sd_status sd_atomic_commit(sd_atomic_file *f, sd_error *err)
{
    sd_status st = finish(f, err);
    if (st == SD_OK && rename(f->tmp, f->path) != 0)
        st = sd_error_set(err, SD_ERR_IO, "%s: cannot rename into place: %s", f->path,
                          strerror(errno));
    if (st != SD_OK)
        unlink(f->tmp);
    release(f);
    return st;
}

sd_status sd_atomic_commit_new(sd_atomic_file *f, sd_error *err)
{
    sd_status st = finish(f, err);
    /* link() fails with EEXIST instead of replacing; the temporary name is removed after.
     * A file system without hard links (EPERM) gets a check, then a rename. */
    if (st == SD_OK && link(f->tmp, f->path) != 0) {
        int e = errno;
        struct stat sb;
        if (e == EPERM)
            e = lstat(f->path, &sb) == 0 ? EEXIST : rename(f->tmp, f->path) == 0 ? 0 : errno;
        if (e == EEXIST)
            st = sd_error_set(err, SD_ERR_INPUT, "%s already exists; not overwriting it", f->path);
        else if (e != 0)
            st = sd_error_set(err, SD_ERR_IO, "%s: cannot write: %s", f->path, strerror(e));
    }
    unlink(f->tmp);
    release(f);
    return st;
}

static sd_status write_whole(const char *path, const void *data, size_t len, bool replace,
                             sd_error *err)
{
    sd_atomic_file f;
    sd_status st = sd_atomic_open(&f, path, err);
    if (st != SD_OK)
        return st;
    if ((st = sd_atomic_write(&f, data, len, err)) != SD_OK) {
        sd_atomic_abort(&f);
        return st;
    }
    return replace ? sd_atomic_commit(&f, err) : sd_atomic_commit_new(&f, err);
}

sd_status sd_write_file_atomic(const char *path, const void *data, size_t len, sd_error *err)
{
    return write_whole(path, data, len, true, err);
}

sd_status sd_write_file_new(const char *path, const void *data, size_t len, sd_error *err)
{
    return write_whole(path, data, len, false, err);
}
