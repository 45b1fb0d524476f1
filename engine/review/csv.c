/* csv.c - the review as a spreadsheet (review_csv.h): one row per reply and decision with
 * the machine's verdict and empty columns for the evaluator, and reading such a sheet back,
 * filled in, as marks. */
#include "review_csv.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../calendar/calendar.h"
#include "../log/limits.h"
#include "../util/atomic_file.h"
#include "../util/csvw.h"
#include "../util/readfile.h"
#include "../util/strmap.h"
#include "../util/utf8.h"

static const char *const columns[SD_RCSV_COLS] = {
    "kind", "action", "item", "time", "author", "item_text", "reply", "decision",
    "machine_answers", "machine_tone_ok", "machine_failed", "machine_decision_ok",
    "evaluator", "answers", "tone_ok", "decision_ok", "note"};

const char *sd_review_csv_column(int c) { return c >= 0 && c < SD_RCSV_COLS ? columns[c] : ""; }

/* ---- writing ---- */

static const char *yn(int v) { return v < 0 ? "" : v ? "yes" : "no"; }

sd_status sd_review_csv_write(const char *path, bool must_be_new, const sd_review_csv_ctx *cx,
                              sd_error *err)
{
    const sd_res_item *items = sd_results_items(cx->r);
    const sd_res_action *acts = sd_results_actions(cx->r);
    sd_buf b = SD_BUF_INIT;
    sd_buf_puts(&b, SD_CSV_BOM);
    for (int c = 0; c < SD_RCSV_COLS; c++)
        sd_csv_raw(&b, columns[c], c == SD_RCSV_COLS - 1);
    for (size_t i = 0; i < cx->n; i++) {
        const sd_review_target *t = &cx->targets[i];
        const sd_res_item *it = &items[t->item];
        const sd_review_machine *m = &t->machine;
        char num[32], when[20], author[2 * SD_MAX_NAME_BYTES + 2];
        sd_csv_raw(&b, sd_review_kind_name(t->kind), false);
        if (t->kind == SD_REVIEW_REPLY)
            snprintf(num, sizeof num, "%ld", (long)t->action);
        else
            num[0] = '\0';
        sd_csv_raw(&b, num, false);
        sd_csv_text(&b, it->id, false);
        sd_time_format(t->t, when);
        when[10] = ' ';
        sd_csv_raw(&b, when, false);
        snprintf(author, sizeof author, "%s%s%s", it->first ? it->first : "",
                 it->first && it->last ? " " : "", it->last ? it->last : "");
        sd_csv_text(&b, author, false);
        sd_csv_text(&b, cx->item_text && t->item >= 0 ? cx->item_text[t->item] : NULL, false);
        sd_csv_text(&b, t->kind == SD_REVIEW_REPLY ? acts[t->action].text : NULL, false);
        sd_csv_raw(&b, t->kind == SD_REVIEW_DECISION ? sd_vocab_name(SD_VOCAB_DECISION, m->decision) : "", false);
        if (t->kind == SD_REVIEW_REPLY) {
            sd_csv_raw(&b, m->answers < 0 ? "" : sd_review_answers_name(m->answers), false);
            sd_csv_raw(&b, yn(m->tone_ok), false);
            char failed[256] = "";
            size_t used = 0;
            for (int k = 0; k < SD_TONE_CHECK_COUNT; k++)
                if (m->failed & (1u << k))
                    used += (size_t)snprintf(failed + used, sizeof failed - used, "%s%s", used ? " " : "",
                                             sd_tone_check_id((sd_tone_check)k));
            sd_csv_raw(&b, failed, false);
            sd_csv_raw(&b, "", false);
        } else {
            sd_csv_raw(&b, "", false);
            sd_csv_raw(&b, "", false);
            sd_csv_raw(&b, "", false);
            sd_csv_raw(&b, yn(m->decision_ok), false);
        }
        /* the evaluator's columns: the last mark so far, if any, else empty */
        sd_review_mark mk;
        bool has = cx->existing && (t->kind == SD_REVIEW_REPLY ? sd_reviews_reply(cx->existing, (size_t)t->action, &mk)
                                                               : sd_reviews_decision(cx->existing, it->id, &mk));
        sd_csv_text(&b, has ? mk.evaluator : NULL, false);
        sd_csv_raw(&b, has && mk.answers >= 0 ? sd_review_answers_name(mk.answers) : "", false);
        sd_csv_raw(&b, has ? yn(mk.tone_ok) : "", false);
        sd_csv_raw(&b, has ? yn(mk.decision_ok) : "", false);
        sd_csv_text(&b, has ? mk.note : NULL, true);
    }
    sd_status st = sd_buf_ok(&b) ? SD_OK : sd_error_set(err, SD_ERR_MEMORY, "out of memory writing %s", path);
    if (st == SD_OK)
        st = must_be_new ? sd_write_file_new(path, b.data, b.len, err)
                         : sd_write_file_atomic(path, b.data, b.len, err);
    sd_buf_free(&b);
    return st;
}

/* ---- reading ---- */

typedef struct rdr {
    const char *name;
    const char *p, *end;
    char sep;
    size_t line;          /* the physical line the cursor is on */
    sd_error *err;
} rdr;

/* Reads one record's cells into cells (each a NUL-ended copy in buf; offsets in off).
 * Returns 1 with a record, 0 at the end, -1 on an error (set). *rec_line: its first line. */
static int next_record(rdr *c, sd_buf *buf, size_t *off, size_t *n, size_t max, size_t *rec_line)
{
    *n = 0;
    sd_buf_reset(buf);
    if (c->p >= c->end)
        return 0;
    *rec_line = c->line;
    for (;;) {
        if (*n == max) {
            sd_error_set(c->err, SD_ERR_INPUT, "%s:%zu: more than %zu columns", c->name, *rec_line, max);
            return -1;
        }
        off[(*n)++] = buf->len;
        size_t start = buf->len;
        if (c->p < c->end && *c->p == '"') {
            c->p++;
            for (;;) {
                if (c->p >= c->end) {
                    sd_error_set(c->err, SD_ERR_INPUT, "%s:%zu: a quoted cell is not closed", c->name, *rec_line);
                    return -1;
                }
                if (*c->p == '"') {
                    if (c->p + 1 < c->end && c->p[1] == '"') {
                        sd_buf_putc(buf, '"');
                        c->p += 2;
                        continue;
                    }
                    c->p++;
                    break;
                }
                if (*c->p == '\n')
                    c->line++;
                sd_buf_putc(buf, *c->p++);
            }
            while (c->p < c->end && (*c->p == ' ' || *c->p == '\t') && *c->p != c->sep)
                c->p++;
        } else {
            while (c->p < c->end && *c->p != c->sep && *c->p != '\n' && *c->p != '\r')
                sd_buf_putc(buf, *c->p++);
        }
        if (buf->len - start > SD_RCSV_MAX_CELL) {
            sd_error_set(c->err, SD_ERR_INPUT, "%s:%zu: column %zu: a cell of more than %u bytes", c->name,
                         *rec_line, *n, SD_RCSV_MAX_CELL);
            return -1;
        }
        sd_buf_putc(buf, '\0');
        if (c->p < c->end && *c->p == c->sep) {
            c->p++;
            continue;
        }
        if (c->p < c->end && *c->p == '\r')
            c->p++;
        if (c->p < c->end && *c->p == '\n') {
            c->p++;
            c->line++;
            break;
        }
        if (c->p >= c->end)
            break;
        sd_error_set(c->err, SD_ERR_INPUT, "%s:%zu: column %zu: text after a quoted cell", c->name, *rec_line, *n);
        return -1;
    }
    if (!sd_buf_ok(buf)) {
        sd_error_set(c->err, SD_ERR_MEMORY, "out of memory");
        return -1;
    }
    return 1;
}

/* The cell trimmed of spaces, in place. */
static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* The formula guard written by csvw (a leading apostrophe before = + - @ tab CR), undone. */
static char *unguard(char *s)
{
    if (s[0] == '\'' && (s[1] == '=' || s[1] == '+' || s[1] == '-' || s[1] == '@' || s[1] == '\t' || s[1] == '\r'))
        return s + 1;
    return s;
}

static int lookup_ci(const char *s, const char *const *names, const int *values, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(s, names[i]) == 0)
            return values[i];
    return -2;
}

static int answers_value(const char *s)
{
    static const char *const names[] = {"yes", "partly", "no", "ja", "delvis", "nej", "y", "n", "j"};
    static const int values[] = {2, 1, 0, 2, 1, 0, 2, 0, 2};
    return *s ? lookup_ci(s, names, values, 9) : -1;
}

static int bool_value(const char *s)
{
    static const char *const names[] = {"yes", "no", "ja", "nej", "true", "false", "1", "0", "y", "n", "j",
                                        "ok"};
    static const int values[] = {1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1};
    return *s ? lookup_ci(s, names, values, 12) : -1;
}

/* Target indexes by reply action and by decision item, for the rows (-1: none). */
typedef struct index {
    int32_t *by_action, *by_item;
    size_t na, ni;
} index_t;

static sd_status index_build(const sd_review_csv_ctx *cx, index_t *x, sd_error *err)
{
    x->na = sd_results_n_actions(cx->r);
    x->ni = sd_results_n_items(cx->r);
    x->by_action = malloc((x->na ? x->na : 1) * sizeof *x->by_action);
    x->by_item = malloc((x->ni ? x->ni : 1) * sizeof *x->by_item);
    if (!x->by_action || !x->by_item)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    for (size_t i = 0; i < x->na; i++)
        x->by_action[i] = -1;
    for (size_t i = 0; i < x->ni; i++)
        x->by_item[i] = -1;
    for (size_t i = 0; i < cx->n; i++) {
        const sd_review_target *t = &cx->targets[i];
        if (t->kind == SD_REVIEW_REPLY && t->action >= 0 && (size_t)t->action < x->na)
            x->by_action[t->action] = (int32_t)i;
        else if (t->kind == SD_REVIEW_DECISION && t->item >= 0 && (size_t)t->item < x->ni)
            x->by_item[t->item] = (int32_t)i;
    }
    return SD_OK;
}

static const char *item_key_of(const void *ctx, uint32_t v)
{
    return ((const sd_res_item *)ctx)[v].id;
}

static int find_target(const index_t *x, const sd_strmap *ids, sd_review_kind kind, long action, const char *item)
{
    if (kind == SD_REVIEW_REPLY)
        return action >= 0 && (size_t)action < x->na ? x->by_action[action] : -1;
    uint32_t k;
    return sd_strmap_get(ids, item, &k) ? x->by_item[k] : -1;
}

static bool same_as_last(const sd_reviews *rv, const sd_review_mark_in *m)
{
    sd_review_mark last;
    bool has = m->kind == SD_REVIEW_REPLY ? sd_reviews_reply(rv, (size_t)m->action, &last)
                                          : sd_reviews_decision(rv, m->item, &last);
    if (!has)
        return false;
    const char *n1 = last.note ? last.note : "", *n2 = m->note ? m->note : "";
    return strcmp(last.evaluator, m->evaluator) == 0 && last.answers == m->answers &&
           last.tone_ok == m->tone_ok && last.decision_ok == m->decision_ok && strcmp(n1, n2) == 0;
}

typedef struct pending {
    sd_review_mark_in m;
    size_t ev_off, note_off; /* into the strings buffer */
    bool has_note;
    int target;
} pending;

sd_status sd_review_csv_read(const char *path, const sd_review_csv_ctx *cx, const char *evaluator,
                             sd_review_writer *w, size_t *written, size_t *skipped, sd_error *err)
{
    *written = 0;
    if (skipped)
        *skipped = 0;
    sd_buf data = SD_BUF_INIT, cells = SD_BUF_INIT, strs = SD_BUF_INIT;
    pending *rows = NULL;
    size_t n_rows = 0, cap_rows = 0;
    index_t x = {0};
    const sd_res_item *all_items = sd_results_items(cx->r);
    sd_strmap ids;
    sd_strmap_init(&ids, item_key_of, all_items);
    sd_status st = index_build(cx, &x, err);
    for (size_t k = 0; st == SD_OK && k < x.ni; k++)
        if (sd_strmap_put(&ids, all_items[k].id, (uint32_t)k) == SD_ERR_MEMORY)
            st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    if (st == SD_OK)
        st = sd_read_regular(path, NULL, SD_RCSV_MAX_BYTES, &data, err);
    if (st == SD_OK && !sd_buf_ok(&data))
        st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    if (st != SD_OK)
        goto done;
    const char *p = data.data ? data.data : "", *end = p + data.len;
    if (end - p >= 3 && memcmp(p, SD_CSV_BOM, 3) == 0)
        p += 3;
    if (!sd_utf8_valid(p, (size_t)(end - p))) {
        st = sd_error_set(err, SD_ERR_INPUT, "%s: not UTF-8 text: save the sheet as CSV in UTF-8", path);
        goto done;
    }
    if (memchr(p, '\0', (size_t)(end - p))) {
        st = sd_error_set(err, SD_ERR_INPUT, "%s: not a text file (a NUL byte)", path);
        goto done;
    }
    /* The separator: what the header line uses (a spreadsheet in a Swedish locale saves
     * with semicolons). */
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *hend = nl ? nl : end;
    char sep = memchr(p, ',', (size_t)(hend - p)) ? ',' : memchr(p, ';', (size_t)(hend - p)) ? ';'
             : memchr(p, '\t', (size_t)(hend - p)) ? '\t' : ',';
    rdr c = {.name = path, .p = p, .end = end, .sep = sep, .line = 1, .err = err};
    size_t off[SD_RCSV_MAX_COLS], n, line;
    int r = next_record(&c, &cells, off, &n, SD_RCSV_MAX_COLS, &line);
    if (r <= 0) {
        st = r < 0 ? SD_ERR_INPUT : sd_error_set(err, SD_ERR_INPUT, "%s: the file is empty", path);
        goto done;
    }
    int col[SD_RCSV_COLS];
    for (int k = 0; k < SD_RCSV_COLS; k++)
        col[k] = -1;
    for (size_t i = 0; i < n; i++) {
        char *h = trim(cells.data + off[i]);
        for (int k = 0; k < SD_RCSV_COLS; k++)
            if (strcasecmp(h, columns[k]) == 0 && col[k] < 0)
                col[k] = (int)i;
    }
    static const int needed[] = {SD_RCSV_KIND, SD_RCSV_ACTION, SD_RCSV_ITEM, SD_RCSV_ANSWERS,
                                 SD_RCSV_TONE_OK, SD_RCSV_DECISION_OK, SD_RCSV_NOTE};
    for (size_t k = 0; k < sizeof needed / sizeof needed[0]; k++)
        if (col[needed[k]] < 0) {
            st = sd_error_set(err, SD_ERR_INPUT, "%s:1: no column '%s' in the header (the sheet `stormdrill "
                              "review LOG --csv-out FILE` writes has it)", path, columns[needed[k]]);
            goto done;
        }
    while ((r = next_record(&c, &cells, off, &n, SD_RCSV_MAX_COLS, &line)) == 1) {
        char *v[SD_RCSV_COLS];
        bool blank = true;
        for (int k = 0; k < SD_RCSV_COLS; k++) {
            v[k] = col[k] >= 0 && (size_t)col[k] < n ? trim(cells.data + off[col[k]]) : (char *)"";
            if (col[k] >= 0 && (size_t)col[k] < n && *v[k])
                blank = false;
        }
        if (blank)
            continue; /* an empty line */
#define BAD(k, ...)                                                                                 \
    do {                                                                                            \
        char what_[400];                                                                            \
        snprintf(what_, sizeof what_, __VA_ARGS__);                                                 \
        st = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: column %s: %s", path, line, columns[k], what_); \
        goto done;                                                                                  \
    } while (0)
        int answers = answers_value(v[SD_RCSV_ANSWERS]);
        int tone_ok = bool_value(v[SD_RCSV_TONE_OK]);
        int decision_ok = bool_value(v[SD_RCSV_DECISION_OK]);
        char *note = unguard(v[SD_RCSV_NOTE]);
        if (answers == -2)
            BAD(SD_RCSV_ANSWERS, "'%.40s' is not yes, partly or no (ja, delvis, nej)", v[SD_RCSV_ANSWERS]);
        if (tone_ok == -2)
            BAD(SD_RCSV_TONE_OK, "'%.40s' is not yes or no (ja, nej)", v[SD_RCSV_TONE_OK]);
        if (decision_ok == -2)
            BAD(SD_RCSV_DECISION_OK, "'%.40s' is not yes or no (ja, nej)", v[SD_RCSV_DECISION_OK]);
        if (answers < 0 && tone_ok < 0 && decision_ok < 0 && !*note)
            continue; /* not marked */
        if (strlen(note) > SD_REVIEW_MAX_NOTE)
            BAD(SD_RCSV_NOTE, "the note is %zu bytes long; at most %u are allowed", strlen(note),
                SD_REVIEW_MAX_NOTE);
        for (const unsigned char *q = (const unsigned char *)note; *q; q++)
            if ((*q < 0x20 && *q != '\n' && *q != '\t' && *q != '\r') || *q == 0x7F)
                BAD(SD_RCSV_NOTE, "the note holds control characters");
        const char *kind_s = v[SD_RCSV_KIND];
        sd_review_kind kind;
        if (strcasecmp(kind_s, "reply") == 0)
            kind = SD_REVIEW_REPLY;
        else if (strcasecmp(kind_s, "decision") == 0)
            kind = SD_REVIEW_DECISION;
        else
            BAD(SD_RCSV_KIND, "'%.40s' is not reply or decision", kind_s);
        long action = -1;
        if (kind == SD_REVIEW_REPLY) {
            char *e = NULL;
            const char *a = v[SD_RCSV_ACTION];
            action = *a && isdigit((unsigned char)*a) ? strtol(a, &e, 10) : -1;
            if (action < 0 || (e && *e) || strlen(a) > 9)
                BAD(SD_RCSV_ACTION, "'%.40s' is not the index of a reply", a);
            if (decision_ok >= 0)
                BAD(SD_RCSV_DECISION_OK, "a reply is marked in answers and tone_ok");
        } else if (answers >= 0 || tone_ok >= 0) {
            BAD(answers >= 0 ? SD_RCSV_ANSWERS : SD_RCSV_TONE_OK, "a decision is marked in decision_ok");
        }
        const char *item = v[SD_RCSV_ITEM];
        int t = find_target(&x, &ids, kind, action, item);
        if (t < 0) {
            if (kind == SD_REVIEW_REPLY)
                BAD(SD_RCSV_ACTION, "the log has no reply %ld to review", action);
            BAD(SD_RCSV_ITEM, "the log has no decision on an item '%.64s' to review", item);
        }
        const sd_res_item *items = sd_results_items(cx->r);
        if (strcmp(items[cx->targets[t].item].id, item) != 0)
            BAD(SD_RCSV_ITEM, "reply %ld answers '%.64s', not '%.64s' (a sheet of another log?)", action,
                items[cx->targets[t].item].id, item);
        const char *ev = col[SD_RCSV_EVALUATOR] >= 0 ? unguard(v[SD_RCSV_EVALUATOR]) : "";
        if (!*ev)
            ev = evaluator ? evaluator : "";
        if (!*ev)
            BAD(SD_RCSV_EVALUATOR, "no evaluator: fill in the column or give --evaluator NAME");
        if (strlen(ev) > SD_REVIEW_MAX_NAME)
            BAD(SD_RCSV_EVALUATOR, "a name of more than %u bytes", SD_REVIEW_MAX_NAME);
        for (const unsigned char *q = (const unsigned char *)ev; *q; q++)
            if (*q < 0x20 || *q == 0x7F)
                BAD(SD_RCSV_EVALUATOR, "the name holds control characters");
        if (n_rows == cap_rows) {
            size_t nc = cap_rows ? cap_rows * 2 : 64;
            pending *q = nc <= SD_REVIEW_MAX_MARKS ? realloc(rows, nc * sizeof *q) : NULL;
            if (!q) {
                st = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: too many marked rows", path, line);
                goto done;
            }
            rows = q;
            cap_rows = nc;
        }
        pending *pr = &rows[n_rows++];
        memset(pr, 0, sizeof *pr);
        pr->target = t;
        pr->m = (sd_review_mark_in){.kind = kind, .action = kind == SD_REVIEW_REPLY ? (int32_t)action : -1,
                                    .answers = answers, .tone_ok = tone_ok, .decision_ok = decision_ok};
        pr->ev_off = strs.len;
        sd_buf_append(&strs, ev, strlen(ev) + 1);
        pr->note_off = strs.len;
        sd_buf_append(&strs, note, strlen(note) + 1);
        if (!sd_buf_ok(&strs)) {
            st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            goto done;
        }
#undef BAD
    }
    if (r < 0) {
        st = SD_ERR_INPUT;
        goto done;
    }
    /* Every row checked: now the marks are appended, in the sheet's order. */
    const sd_res_item *items = sd_results_items(cx->r);
    for (size_t i = 0; i < n_rows && st == SD_OK; i++) {
        pending *pr = &rows[i];
        pr->m.evaluator = strs.data + pr->ev_off;
        pr->m.note = strs.data + pr->note_off;
        pr->m.item = items[cx->targets[pr->target].item].id;
        pr->m.machine = &cx->targets[pr->target].machine;
        if (same_as_last(sd_review_writer_reviews(w), &pr->m)) {
            if (skipped)
                (*skipped)++;
            continue;
        }
        st = sd_review_writer_mark(w, &pr->m, err);
        if (st == SD_OK)
            (*written)++;
    }
done:
    free(x.by_action);
    free(x.by_item);
    sd_strmap_free(&ids);
    free(rows);
    sd_buf_free(&data);
    sd_buf_free(&cells);
    sd_buf_free(&strs);
    return st;
}
