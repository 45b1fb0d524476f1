/* writer.c - appending marks to a review file as they are made (review.h): each mark one
 * JSON line, written with one write() on a descriptor opened O_APPEND and synced with
 * fsync() before the call returns, so that a crash loses at most the mark being written. */
#include "review_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../calendar/calendar.h"
#include "../log/limits.h"
#include "../util/atomic_file.h"
#include "../util/sha256.h"
#include "../util/utf8.h"

struct sd_review_writer {
    int fd;
    char *path;
    sd_reviews *rv;
    char *warning;   /* or NULL */
    bool broken;     /* a write failed: the file's end is unknown */
};

static sd_status write_all(int fd, const char *path, const char *data, size_t len, sd_error *err)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return sd_error_set(err, SD_ERR_IO, "%s: cannot write: %s", path,
                                n < 0 ? strerror(errno) : "nothing written");
        data += n;
        len -= (size_t)n;
    }
    return SD_OK;
}

static sd_status open_append(const char *path, int *fd_out, sd_error *err)
{
    int fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return sd_error_set(err, SD_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return sd_error_set(err, SD_ERR_INPUT, "%s: not a regular file", path);
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    *fd_out = fd;
    return SD_OK;
}

sd_status sd_review_writer_open(const char *path, const char *log_path, const char *scenario_id,
                                sd_review_writer **out, sd_error *err)
{
    *out = NULL;
    char hex[65];
    sd_status st = sd_sha256_file_hex(log_path, NULL, hex, err);
    if (st != SD_OK)
        return st;
    sd_review_writer *w = calloc(1, sizeof *w);
    if (!w || !(w->path = strdup(path))) {
        free(w);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    w->fd = -1;
    struct stat sb;
    if (stat(path, &sb) == 0) {
        size_t good_end = 0;
        st = sd_reviews_load_file(path, hex, &w->rv, &good_end, err);
        if (st == SD_OK)
            st = open_append(path, &w->fd, err);
        if (st == SD_OK && sd_reviews_torn(w->rv)) {
            /* the torn mark is cut off, so that the next one starts on a line of its own */
            if (ftruncate(w->fd, (off_t)good_end) != 0 || fsync(w->fd) != 0)
                st = sd_error_set(err, SD_ERR_IO, "%s: cannot cut off the torn last line: %s", path,
                                  strerror(errno));
            else
                w->warning = strdup(sd_reviews_torn(w->rv));
        }
        if (st == SD_OK && good_end > 0) {
            char last = '\n';
            if (pread(w->fd, &last, 1, (off_t)good_end - 1) == 1 && last != '\n')
                st = write_all(w->fd, path, "\n", 1, err);
        }
    } else if (errno == ENOENT) {
        sd_buf line = SD_BUF_INIT;
        sd_jsonw j;
        sd_jsonw_init(&j, &line, false);
        sd_jsonw_object_begin(&j);
        sd_jsonw_kstring(&j, "type", "header");
        sd_jsonw_kstring(&j, "format", SD_REVIEW_FORMAT);
        sd_jsonw_kstring(&j, "log_sha256", hex);
        if (scenario_id && *scenario_id && strlen(scenario_id) <= SD_MAX_ID_BYTES)
            sd_jsonw_kstring(&j, "scenario_id", scenario_id);
        sd_jsonw_object_end(&j);
        sd_buf_putc(&line, '\n');
        if (!sd_jsonw_ok(&j) || !sd_buf_ok(&line))
            st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        if (st == SD_OK)
            st = sd_write_file_new(path, line.data, line.len, err);
        sd_buf_free(&line);
        if (st == SD_OK)
            st = sd_reviews_new(path, &w->rv, err);
        if (st == SD_OK) {
            memcpy(w->rv->log_sha256, hex, 65);
            if (scenario_id && strlen(scenario_id) <= SD_MAX_ID_BYTES)
                w->rv->scenario_id = sd_arena_strdup(&w->rv->arena, scenario_id);
            st = open_append(path, &w->fd, err);
        }
    } else {
        st = sd_error_set(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
    }
    if (st != SD_OK) {
        sd_review_writer_close(w, NULL);
        return st;
    }
    *out = w;
    return SD_OK;
}

const sd_reviews *sd_review_writer_reviews(const sd_review_writer *w) { return w->rv; }
const char *sd_review_writer_warning(const sd_review_writer *w) { return w->warning; }

static bool name_ok(const char *s)
{
    if (!s || !*s || strlen(s) > SD_REVIEW_MAX_NAME || !sd_utf8_valid(s, strlen(s)))
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return false;
    return true;
}

static sd_status check_in(const sd_review_writer *w, const sd_review_mark_in *m, sd_error *err)
{
    if (!name_ok(m->evaluator))
        return sd_error_set(err, SD_ERR_INPUT, "the evaluator's name must be 1 to %u bytes of text "
                            "without control characters", SD_REVIEW_MAX_NAME);
    if (!m->item || !*m->item || strlen(m->item) > SD_MAX_ID_BYTES)
        return sd_error_set(err, SD_ERR_INPUT, "a mark needs the id of its item");
    if (m->kind == SD_REVIEW_REPLY && m->action < 0)
        return sd_error_set(err, SD_ERR_INPUT, "a mark on a reply needs the reply's action index");
    if (m->answers < -1 || m->answers > 2 || m->tone_ok < -1 || m->tone_ok > 1 || m->decision_ok < -1 ||
        m->decision_ok > 1)
        return sd_error_set(err, SD_ERR_USAGE, "a mark's value is out of range");
    if (m->kind == SD_REVIEW_REPLY && m->decision_ok >= 0)
        return sd_error_set(err, SD_ERR_INPUT, "a reply is marked with answers and tone_ok, not decision_ok");
    if (m->kind == SD_REVIEW_DECISION && (m->answers >= 0 || m->tone_ok >= 0))
        return sd_error_set(err, SD_ERR_INPUT, "a decision is marked with decision_ok only");
    size_t nl = m->note ? strlen(m->note) : 0;
    if (nl > SD_REVIEW_MAX_NOTE)
        return sd_error_set(err, SD_ERR_INPUT, "the note is %zu bytes long; at most %u are allowed", nl,
                            SD_REVIEW_MAX_NOTE);
    if (nl && !sd_utf8_valid(m->note, nl))
        return sd_error_set(err, SD_ERR_INPUT, "the note is not valid UTF-8");
    for (size_t i = 0; i < nl; i++) {
        unsigned char ch = (unsigned char)m->note[i];
        if ((ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') || ch == 0x7F)
            return sd_error_set(err, SD_ERR_INPUT, "the note holds control characters");
    }
    if (m->answers < 0 && m->tone_ok < 0 && m->decision_ok < 0 && nl == 0)
        return sd_error_set(err, SD_ERR_INPUT, "the mark marks nothing");
    if (w->broken)
        return sd_error_set(err, SD_ERR_IO, "%s: an earlier write failed; open the review file again",
                            w->path);
    return SD_OK;
}

sd_status sd_review_writer_mark(sd_review_writer *w, const sd_review_mark_in *m, sd_error *err)
{
    sd_status st = check_in(w, m, err);
    if (st != SD_OK)
        return st;
    int64_t at = m->at ? m->at : (int64_t)time(NULL);
    char ts[24];
    sd_time_format((sd_time)at, ts);
    strcat(ts, "Z");
    sd_buf line = SD_BUF_INIT;
    sd_jsonw j;
    sd_jsonw_init(&j, &line, false);
    sd_jsonw_object_begin(&j);
    sd_jsonw_kstring(&j, "type", "mark");
    sd_jsonw_kstring(&j, "evaluator", m->evaluator);
    sd_jsonw_kstring(&j, "at", ts);
    sd_jsonw_key(&j, "target");
    sd_jsonw_object_begin(&j);
    sd_jsonw_kstring(&j, "kind", sd_review_kind_name(m->kind));
    if (m->kind == SD_REVIEW_REPLY)
        sd_jsonw_kint(&j, "action", m->action);
    sd_jsonw_kstring(&j, "item", m->item);
    sd_jsonw_object_end(&j);
    if (m->answers >= 0)
        sd_jsonw_kstring(&j, "answers", sd_review_answers_name(m->answers));
    if (m->tone_ok >= 0)
        sd_jsonw_kbool(&j, "tone_ok", m->tone_ok == 1);
    if (m->decision_ok >= 0)
        sd_jsonw_kbool(&j, "decision_ok", m->decision_ok == 1);
    if (m->note && *m->note)
        sd_jsonw_kstring(&j, "note", m->note);
    if (m->machine) {
        const sd_review_machine *mc = m->machine;
        sd_jsonw_key(&j, "machine");
        sd_jsonw_object_begin(&j);
        if (m->kind == SD_REVIEW_REPLY) {
            sd_jsonw_key(&j, "answers");
            if (mc->answers == SD_ANSWERS_YES || mc->answers == SD_ANSWERS_NO)
                sd_jsonw_string(&j, sd_review_answers_name(mc->answers));
            else
                sd_jsonw_null(&j);
            sd_jsonw_kbool(&j, "tone_ok", mc->tone_ok);
            sd_jsonw_key(&j, "failed");
            sd_jsonw_array_begin(&j);
            for (int k = 0; k < SD_TONE_CHECK_COUNT; k++)
                if (mc->failed & (1u << k))
                    sd_jsonw_string(&j, sd_tone_check_id((sd_tone_check)k));
            sd_jsonw_array_end(&j);
        } else {
            sd_jsonw_kbool(&j, "decision_ok", mc->decision_ok);
            sd_jsonw_kstring(&j, "rule", "response_model");
            if (mc->decision >= 0 && mc->decision < SD_DECISION_COUNT)
                sd_jsonw_kstring(&j, "decision", sd_vocab_name(SD_VOCAB_DECISION, mc->decision));
        }
        sd_jsonw_object_end(&j);
    }
    sd_jsonw_object_end(&j);
    if (!sd_jsonw_ok(&j) || !sd_buf_ok(&line)) {
        sd_buf_free(&line);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    if (line.len > SD_REVIEW_MAX_LINE) {
        sd_buf_free(&line);
        return sd_error_set(err, SD_ERR_INPUT, "the mark would be a line of more than %u bytes",
                            SD_REVIEW_MAX_LINE);
    }
    sd_buf_putc(&line, '\n');
    /* Kept in memory first: a mark the reviews cannot hold (too many) is not written. */
    sd_review_entry e = {.kind = m->kind, .action = m->kind == SD_REVIEW_REPLY ? m->action : -1,
                         .item = m->item, .at = at, .line = w->rv->n + 2, .has_machine = m->machine != NULL};
    e.mark = (sd_review_mark){m->answers, m->tone_ok, m->decision_ok, m->evaluator, m->note};
    if (m->machine)
        e.machine = *m->machine;
    else
        e.machine.answers = e.machine.decision = -1;
    st = sd_buf_ok(&line) ? SD_OK : sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    if (st == SD_OK && w->rv->n >= SD_REVIEW_MAX_MARKS)
        st = sd_error_set(err, SD_ERR_INPUT, "%s: the review file already holds %u marks, the most it may",
                          w->path, SD_REVIEW_MAX_MARKS);
    if (st == SD_OK) {
        st = write_all(w->fd, w->path, line.data, line.len, err);
        if (st == SD_OK && fsync(w->fd) != 0)
            st = sd_error_set(err, SD_ERR_IO, "%s: cannot sync: %s", w->path, strerror(errno));
        if (st != SD_OK)
            w->broken = true;
    }
    sd_buf_free(&line);
    if (st == SD_OK)
        st = sd_reviews_add(w->rv, &e, err);
    return st;
}

sd_status sd_review_writer_close(sd_review_writer *w, sd_error *err)
{
    if (!w)
        return SD_OK;
    sd_status st = SD_OK;
    if (w->fd >= 0 && close(w->fd) != 0)
        st = sd_error_set(err, SD_ERR_IO, "%s: cannot close: %s", w->path, strerror(errno));
    sd_reviews_free(w->rv);
    free(w->warning);
    free(w->path);
    free(w);
    return st;
}
