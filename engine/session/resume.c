/* resume.c - catching a new session up with the log of an interrupted exercise: the
 * logged inputs are given again at their times, every record the session makes is checked
 * against the next logged line, and where the log ends the session starts appending. */
#include "resume.h"

#include <stdio.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "../log/logr.h"
#include "../util/buf.h"
#include "../util/readfile.h"
#include "session_internal.h"

#define LOOKAHEAD 2 /* a facilitator's inject is followed by the item it made */

typedef struct logged {
    sd_buf json;      /* the record as JSON without its wall time (sd_record_to_json) */
    sd_record_type type;
    sd_time t;
    int64_t wall_ms;
    size_t line;
    uint64_t start;   /* file offset where its line begins */
    sd_chain chain;   /* the log's hash chain before its line */
} logged;

struct sd_catchup {
    sd_logr *r;
    const char *path;
    const sd_log_origin *origin;
    logged q[LOOKAHEAD]; /* the next logged records, oldest first */
    size_t n;
    bool at_end;         /* the reader has nothing more */
    size_t matched;      /* records matched so far */
    int64_t last_wall;
    bool saw_end;
    sd_buf made;         /* the JSON of the record the session just made */
    uint64_t good_end;   /* where the good data ends: the log is cut there to go on */
    bool good_nl;
    sd_chain chain;      /* the hash chain after the good data */
    bool chained;        /* false: a version-1 log, continued without chain values */
    sd_logw **log_out;
    sd_resume_info *info;
};

void sd_log_origin_clear(sd_log_origin *o)
{
    free(o->program);
    free(o->scenario_path);
    free(o->scenario_sha256);
    free(o->date);
    free(o->participant);
    free(o->participant_kind);
    free(o->participant_path);
    free(o->participant_sha256);
    memset(o, 0, sizeof *o);
}

void sd_resume_info_clear(sd_resume_info *info)
{
    free(info->torn);
    memset(info, 0, sizeof *info);
}

static char *dup_or_null(const char *s, bool *oom)
{
    if (s == NULL)
        return NULL;
    char *d = strdup(s);
    if (d == NULL)
        *oom = true;
    return d;
}

sd_status sd_log_origin_read(const char *log_path, sd_log_origin *out, sd_error *err)
{
    memset(out, 0, sizeof *out);
    sd_logr *r = NULL;
    sd_record rec;
    bool got = false, oom = false;
    sd_status st = sd_logr_open(log_path, &r, err);
    if (st != SD_OK)
        goto done;
    if ((st = sd_logr_next(r, &rec, &got, err)) != SD_OK)
        goto done;
    if (!got) {
        const char *torn;
        st = sd_logr_torn(r, &torn)
                 ? sd_error_set(err, SD_ERR_INPUT, "%s: even the header line is incomplete (the "
                                "program stopped as the exercise began), so there is nothing to "
                                "resume: start the exercise again", log_path)
                 : sd_error_set(err, SD_ERR_INPUT, "%s: the log is empty: the exercise never "
                                "started, so there is nothing to resume", log_path);
        goto done;
    }
    if (rec.type != SD_REC_HEADER) {
        st = sd_error_set(err, SD_ERR_INPUT, "%s:1: the first line is not the log's header "
                          "(\"type\": \"header\")", log_path);
        goto done;
    }
    const sd_rec_header *h = &rec.u.header;
    out->program = dup_or_null(h->program, &oom);
    out->scenario_path = dup_or_null(h->scenario_path, &oom);
    out->scenario_sha256 = dup_or_null(h->scenario_sha256, &oom);
    out->seed = h->seed;
    out->date = dup_or_null(h->date, &oom);
    out->participant = dup_or_null(h->participant, &oom);
    out->participant_kind = dup_or_null(h->participant_kind, &oom);
    out->participant_path = dup_or_null(h->participant_path, &oom);
    out->participant_sha256 = dup_or_null(h->participant_sha256, &oom);
    if (h->seal_key_id) {
        out->sealed = true;
        snprintf(out->key_id, sizeof out->key_id, "%s", h->seal_key_id);
    }
    if (oom)
        st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
done:
    sd_logr_close(r);
    if (st != SD_OK)
        sd_log_origin_clear(out);
    return st;
}

sd_status sd_log_origin_check_file(const char *log_path, const char *path, sd_error *err)
{
    /* A scenario or participant file is at most 16 MiB (the sandbox's limit), counted as
     * it is read too: files in /proc report a size of 0 and read without end. */
    sd_status st = sd_read_regular_chunks(path, NULL, (uint64_t)16 << 20, NULL, NULL, err);
    if (st != SD_OK)
        sd_error_prefix(err, "%s:1: the file the log names", log_path);
    return st;
}

/* ---- finding an interrupted exercise ---- */

/* The last complete line of the log at path, before any NUL padding: 1 when found (into
 * out), 0 when the file holds none, -1 when it cannot be read. A mapped log that was never
 * closed ends in up to 16 MiB of NUL padding: blocks of it are skipped from the end. */
static int last_line(const char *path, sd_buf *out)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char tail[65536];
    struct stat sb;
    off_t end = fstat(fd, &sb) == 0 ? sb.st_size : 0;
    size_t n = 0;
    while (end > 0) {
        off_t from = end > (off_t)sizeof tail ? end - (off_t)sizeof tail : 0;
        ssize_t got = pread(fd, tail, (size_t)(end - from), from);
        if (got <= 0)
            break;
        n = (size_t)got;
        while (n > 0 && tail[n - 1] == '\0')
            n--;
        if (n > 0) {
            /* The data ends here; read the block that ends with it, for the whole line. */
            off_t data_end = from + (off_t)n;
            from = data_end > (off_t)sizeof tail ? data_end - (off_t)sizeof tail : 0;
            got = pread(fd, tail, (size_t)(data_end - from), from);
            n = got > 0 ? (size_t)got : 0;
            break;
        }
        end = from;
    }
    close(fd);
    /* The last line that ends in a newline (a torn one after it does not count). */
    size_t stop = n;
    while (stop > 0 && tail[stop - 1] != '\n')
        stop--;
    if (stop == 0)
        return 0;
    size_t start = stop - 1;
    while (start > 0 && tail[start - 1] != '\n')
        start--;
    sd_buf_reset(out);
    return sd_buf_append(out, tail + start, stop - 1 - start) == SD_OK ? 1 : -1;
}

/* Whether path is an interrupted log of the scenario; *t: its last line's time. */
static bool is_interrupted(const char *path, const char *sha, const char *kind, sd_buf *line,
                           sd_time *t)
{
    sd_log_origin o;
    sd_error e = SD_ERROR_INIT;
    bool match = false;
    if (sd_log_origin_read(path, &o, &e) == SD_OK) {
        match = strcmp(o.scenario_sha256, sha) == 0 && strcmp(o.participant_kind, kind) == 0;
        sd_log_origin_clear(&o);
    }
    sd_error_clear(&e);
    if (!match || last_line(path, line) != 1)
        return false;
    /* Only its type and time: an item's content refers to the header's table. */
    sd_record_type type;
    bool interrupted = false;
    if (sd_record_peek(sd_buf_str(line), line->len, path, &type, t, &e) == SD_OK)
        interrupted = type != SD_REC_END;
    sd_error_clear(&e);
    return interrupted;
}

sd_status sd_log_find_interrupted(const char *dir, const char *scenario_sha256,
                                  const char *participant_kind, char **path_out,
                                  sd_time *last_t, sd_error *err)
{
    *path_out = NULL;
    DIR *d = opendir(dir);
    if (d == NULL)
        return errno == ENOENT ? SD_OK
                               : sd_error_set(err, SD_ERR_IO, "%s: cannot read the folder: %s",
                                              dir, strerror(errno));
    sd_buf path = SD_BUF_INIT, line = SD_BUF_INIT;
    struct timespec newest = {0, 0};
    sd_status st = SD_OK;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len < 7 || strcmp(de->d_name + len - 6, ".jsonl") != 0)
            continue;
        sd_buf_reset(&path);
        sd_buf_printf(&path, "%s/%s", dir, de->d_name);
        struct stat sb;
        sd_time t = 0;
        if (!sd_buf_ok(&path) || stat(sd_buf_str(&path), &sb) != 0 || !S_ISREG(sb.st_mode) ||
            !is_interrupted(sd_buf_str(&path), scenario_sha256, participant_kind, &line, &t))
            continue;
        if (*path_out && (sb.st_mtim.tv_sec < newest.tv_sec ||
                          (sb.st_mtim.tv_sec == newest.tv_sec && sb.st_mtim.tv_nsec <= newest.tv_nsec)))
            continue;
        char *copy = strdup(sd_buf_str(&path));
        if (copy == NULL) {
            st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            break;
        }
        free(*path_out);
        *path_out = copy;
        *last_t = t;
        newest = sb.st_mtim;
    }
    closedir(d);
    sd_buf_free(&path);
    sd_buf_free(&line);
    if (st != SD_OK) {
        free(*path_out);
        *path_out = NULL;
    }
    return st;
}

/* ---- the logged records, read ahead ---- */

static sd_status fill(struct sd_catchup *cu, sd_error *err)
{
    while (cu->n < LOOKAHEAD && !cu->at_end) {
        sd_record rec;
        bool got;
        sd_status st = sd_logr_next(cu->r, &rec, &got, err);
        if (st != SD_OK)
            return st;
        if (!got) {
            cu->at_end = true;
            const char *torn;
            if (sd_logr_torn(cu->r, &torn) && (cu->info->torn = strdup(torn)) == NULL)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            break;
        }
        logged *l = &cu->q[cu->n];
        l->start = cu->good_end;
        l->chain = cu->chain;
        sd_logr_chain(cu->r, &cu->chain, &cu->chained);
        cu->good_end = sd_logr_data_end(cu->r, &cu->good_nl);
        sd_buf_reset(&l->json);
        if (sd_record_to_json(&rec, false, &l->json) != SD_OK)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        l->type = rec.type;
        l->t = rec.t;
        l->wall_ms = rec.wall_ms;
        l->line = sd_logr_line(cu->r);
        cu->n++;
    }
    return SD_OK;
}

static void pop(struct sd_catchup *cu)
{
    cu->last_wall = cu->q[0].wall_ms;
    cu->saw_end = cu->saw_end || cu->q[0].type == SD_REC_END;
    sd_buf first = cu->q[0].json;
    memmove(&cu->q[0], &cu->q[1], (LOOKAHEAD - 1) * sizeof cu->q[0]);
    cu->q[LOOKAHEAD - 1].json = first; /* keeps the buffer for reuse */
    cu->n--;
    cu->matched++;
}

/* Parses a logged record back (what it points to lives in *keep, released by the caller;
 * contents it refers to are the header's, which the reader keeps). */
static sd_status parse_logged(struct sd_catchup *cu, const logged *l, sd_record *rec,
                              sd_record_keep *keep, sd_error *err)
{
    char where[600];
    snprintf(where, sizeof where, "%s:%zu", cu->path, l->line);
    return sd_record_from_json(sd_buf_str(&l->json), l->json.len, where, sd_logr_header(cu->r),
                               rec, keep, err);
}

/* An excerpt of a JSON line for a message, marked where it was cut. */
static void excerpt(sd_buf *m, const sd_buf *json)
{
    const size_t max = 240;
    if (json->len <= max) {
        sd_buf_append(m, json->data, json->len);
        return;
    }
    size_t n = max;
    while (n > 0 && ((unsigned char)json->data[n] & 0xC0) == 0x80)
        n--; /* not inside a UTF-8 sequence */
    sd_buf_append(m, json->data, n);
    sd_buf_printf(m, "... (%zu bytes in all)", json->len);
}

static sd_status diverged(struct sd_catchup *cu, const sd_buf *made, sd_error *err)
{
    sd_buf m = SD_BUF_INIT;
    sd_buf_printf(&m, "%s:%zu: the exercise does not run as it was logged, so it cannot be "
                  "resumed (a different program version, a changed file, or other --param values for the participant?). The log has ",
                  cu->path, cu->q[0].line);
    excerpt(&m, &cu->q[0].json);
    if (made) {
        sd_buf_printf(&m, "; this run made ");
        excerpt(&m, made);
    } else {
        sd_buf_printf(&m, "; this run does not make it");
    }
    sd_status st = sd_error_set(err, SD_ERR_INPUT, "%s", sd_buf_ok(&m) ? sd_buf_str(&m) : "out of memory");
    sd_buf_free(&m);
    return st;
}

/* The header is compared field by field, to say what differs; its file paths may differ
 * (the same files moved), the files' contents may not. */
static sd_status match_header(struct sd_catchup *cu, const sd_record *rec, sd_error *err)
{
    const sd_rec_header *h = &rec->u.header;
    const sd_log_origin *o = cu->origin;
    if (strcmp(h->program, o->program) != 0)
        return sd_error_set(err, SD_ERR_INPUT, "%s:1: the log was written by %s and this is %s: "
                            "resume it with the program that began it", cu->path, o->program, h->program);
    if (strcmp(h->scenario_sha256, o->scenario_sha256) != 0)
        return sd_error_set(err, SD_ERR_INPUT, "%s:1: the scenario file %s has changed since the "
                            "exercise began (sha256 %s in the log, %s now)", cu->path,
                            h->scenario_path, o->scenario_sha256, h->scenario_sha256);
    if ((o->participant_sha256 == NULL) != (h->participant_sha256 == NULL) ||
        (o->participant_sha256 && strcmp(h->participant_sha256, o->participant_sha256) != 0))
        return sd_error_set(err, SD_ERR_INPUT, "%s:1: the participant's script %s is not the one "
                            "the exercise began with (sha256 %s in the log, %s now)", cu->path,
                            h->participant_path ? h->participant_path : "(none)",
                            o->participant_sha256 ? o->participant_sha256 : "none",
                            h->participant_sha256 ? h->participant_sha256 : "none");
    /* Everything else must be equal; compare with the logged paths put in. */
    sd_record same = *rec;
    same.u.header.scenario_path = o->scenario_path;
    same.u.header.participant_path = o->participant_path;
    sd_buf_reset(&cu->made);
    if (sd_record_to_json(&same, false, &cu->made) != SD_OK)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    if (strcmp(sd_buf_str(&cu->made), sd_buf_str(&cu->q[0].json)) != 0)
        return diverged(cu, &cu->made, err);
    return SD_OK;
}

/* Where the log ends, the session starts writing: the log is cut to its good data and
 * appended to. */
static sd_status switch_to_writing(struct sd_catchup *cu, sd_session *s, sd_error *err)
{
    sd_logw *w = NULL;
    sd_status st = sd_logw_open_append(cu->path, cu->good_end, !cu->good_nl,
                                       cu->chained ? &cu->chain : NULL, &w, err);
    if (st != SD_OK)
        return st;
    *cu->log_out = w;
    s->cfg.log = w;
    s->catchup = NULL;
    sd_session_continue_wall(s, cu->last_wall);
    return SD_OK;
}

sd_status sd_catchup_match(struct sd_catchup *cu, sd_session *s, const sd_record *rec,
                           bool *logged_out, sd_error *err)
{
    *logged_out = false;
    sd_status st = fill(cu, err);
    if (st != SD_OK)
        return st;
    if (cu->n == 0)
        return switch_to_writing(cu, s, err);
    if (rec->type == SD_REC_HEADER) {
        if (cu->q[0].type != SD_REC_HEADER)
            return diverged(cu, NULL, err);
        st = match_header(cu, rec, err);
    } else {
        sd_buf_reset(&cu->made);
        if (sd_record_to_json(rec, false, &cu->made) != SD_OK)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        if (cu->made.len != cu->q[0].json.len ||
            memcmp(cu->made.data, cu->q[0].json.data, cu->made.len) != 0)
            st = diverged(cu, &cu->made, err);
    }
    if (st != SD_OK)
        return st;
    pop(cu);
    *logged_out = true;
    return SD_OK;
}

/* ---- giving the logged inputs again ---- */

static sd_status give_action(sd_session *s, const sd_rec_action *ra, sd_error *err)
{
    sd_action a;
    sd_action_init(&a, ra->kind);
    a.item = ra->item;
    a.text = ra->text;
    a.target = ra->target;
    a.step = ra->step;
    a.person = ra->person;
    a.reason = ra->reason;
    sd_error e = SD_ERROR_INIT;
    sd_status st = sd_session_act(s, &a, &e);
    /* A refusal is logged as a rejected record, which the log is checked against. */
    if (st == SD_ERR_INPUT)
        st = SD_OK;
    else if (st != SD_OK)
        sd_error_set(err, st, "%s", sd_error_msg(&e));
    sd_error_clear(&e);
    return st;
}

static sd_status give_inject(struct sd_catchup *cu, sd_session *s, const sd_rec_facilitator *f,
                             sd_error *err)
{
    if (f->prepared > 0) {
        bool injected;
        return sd_session_inject_prepared(s, &injected, err);
    }
    /* A live inject: what it was is in the item record that follows. When the program
     * stopped between the two lines, the inject is lost: its record is dropped like a torn
     * line, and the facilitator injects it again. */
    if (cu->n == 1 && cu->at_end) {
        sd_buf m = SD_BUF_INIT;
        sd_buf_printf(&m, "%s:%zu: the facilitator's inject was cut off when the program stopped "
                      "(the item it made is not in the log); it was dropped: inject it again",
                      cu->path, cu->q[0].line);
        if (!sd_buf_ok(&m))
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        free(cu->info->torn);
        cu->info->torn = sd_buf_take(&m);
        cu->good_end = cu->q[0].start;
        cu->good_nl = true;
        cu->chain = cu->q[0].chain;
        cu->n = 0;
        return switch_to_writing(cu, s, err);
    }
    if (cu->n < 2 || cu->q[1].type != SD_REC_ITEM)
        return diverged(cu, NULL, err);
    sd_record item;
    sd_record_keep keep = SD_RECORD_KEEP_INIT;
    sd_status st = parse_logged(cu, &cu->q[1], &item, &keep, err);
    if (st == SD_OK) {
        const sd_rec_item *it = &item.u.item;
        /* the item's mood as it was logged: the facilitator may have chosen another than
         * the persona's */
        sd_inject inj = {.kind = it->kind, .author = it->author_id, .sender = it->sender,
                         .on = it->parent, .text = it->text,
                         .mood = it->author_id ? (int)it->mood : -1};
        st = sd_session_inject(s, &inj, err);
    }
    sd_record_keep_free(&keep);
    return st;
}

/* Gives the next logged record to the session as an input, when it is one. */
static sd_status give_input(struct sd_catchup *cu, sd_session *s, sd_error *err)
{
    sd_record rec;
    sd_record_keep keep = SD_RECORD_KEEP_INIT;
    sd_status st = parse_logged(cu, &cu->q[0], &rec, &keep, err);
    if (st != SD_OK)
        goto done;
    bool person = strcmp(cu->origin->participant_kind, "person") == 0;
    switch (rec.type) {
    case SD_REC_ACTION:
    case SD_REC_REJECTED:
        /* A simulated colleague's action ("by") is the session's own: it makes it again.
         * A draft is not an action: the text is registered again and written at once, to
         * match the logged line (an exercise cut off between its draft and its end). */
        if (rec.type == SD_REC_ACTION && rec.u.action.kind == SD_ACT_DRAFT) {
            st = sd_session_set_draft(s, rec.u.action.item, rec.u.action.text);
            if (st != SD_OK)
                st = sd_error_set(err, st, "out of memory");
            else
                st = sd_session_emit_draft(s, err);
        } else if (person && rec.u.action.by == NULL)
            st = give_action(s, &rec.u.action, err);
        break;
    case SD_REC_FACILITATOR:
        switch (rec.u.facilitator.kind) {
        case SD_FAC_PAUSE: sd_session_pause(s, true); break;
        case SD_FAC_RESUME: sd_session_pause(s, false); break;
        case SD_FAC_SPEED: sd_session_set_compression(s, rec.u.facilitator.value); break;
        case SD_FAC_INJECT: st = give_inject(cu, s, &rec.u.facilitator, err); break;
        case SD_FAC_COUNT: break;
        }
        break;
    case SD_REC_END:
        st = sd_session_end(s, rec.u.end.reason, err);
        break;
    default:
        break;
    }
done:
    sd_record_keep_free(&keep);
    return st;
}

sd_status sd_session_resume(sd_session *s, const sd_log_origin *origin, const char *log_path,
                            sd_logw **log_out, sd_resume_info *info, sd_error *err)
{
    *log_out = NULL;
    memset(info, 0, sizeof *info);
    struct sd_catchup cu = {.path = log_path, .origin = origin, .log_out = log_out, .info = info};
    for (size_t i = 0; i < LOOKAHEAD; i++)
        cu.q[i].json = (sd_buf)SD_BUF_INIT;
    cu.made = (sd_buf)SD_BUF_INIT;
    sd_status st;
    if (s->cfg.log != NULL) {
        st = sd_error_set(err, SD_ERR_USAGE, "resume: create the session without a log writer");
        goto done;
    }
    if (origin->sealed && origin->seal_key == NULL) {
        st = sd_error_set(err, SD_ERR_INPUT, "%s:1: the exercise is sealed (key id %s): resume it "
                          "with --seal-key and the facilitator's key", log_path, origin->key_id);
        goto done;
    }
    if ((st = sd_logr_open(log_path, &cu.r, err)) != SD_OK)
        goto done;
    sd_logr_set_key(cu.r, origin->seal_key);
    s->catchup = &cu;
    if ((st = sd_session_start(s, err)) != SD_OK)
        goto done;
    while (s->catchup) {
        if ((st = fill(&cu, err)) != SD_OK)
            goto done;
        if (cu.n == 0)
            break;
        size_t next = cu.matched;
        if ((st = sd_session_advance(s, cu.q[0].t, err)) != SD_OK)
            goto done;
        if (s->catchup == NULL || cu.matched > next)
            continue;
        /* The simulation did not make the next record: it is an input, or the runs differ. */
        if ((st = give_input(&cu, s, err)) != SD_OK)
            goto done;
        if (s->catchup && cu.matched == next) {
            st = diverged(&cu, NULL, err);
            goto done;
        }
    }
    if (s->catchup && (st = switch_to_writing(&cu, s, err)) != SD_OK)
        goto done;
    info->records = cu.matched;
    info->now = sd_session_now(s);
    info->had_ended = cu.saw_end;
    sd_logr_integrity(cu.r, &info->integrity);
done:
    s->catchup = NULL;
    if (st != SD_OK && *log_out) {
        /* The session was already appending: leave the log closed and synced. */
        sd_logw_close(*log_out, NULL);
        *log_out = NULL;
        s->cfg.log = NULL;
    }
    sd_logr_close(cu.r);
    sd_chain_wipe(&cu.chain);
    for (size_t i = 0; i < LOOKAHEAD; i++) {
        sd_buf_free(&cu.q[i].json);
        sd_chain_wipe(&cu.q[i].chain);
    }
    sd_buf_free(&cu.made);
    return st;
}
