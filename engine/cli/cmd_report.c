/* cmd_report.c - `stormdrill report RESULTS.json... [--out DIR]`: the debrief and workshop
 * report from the results of one or many exercises: report.html, report.csv and items.csv
 * in DIR. Every file is validated first; one bad file means no report (each bad file is
 * named), so a workshop never gets a report that silently left someone out. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "report/charts.h"
#include "report/html.h"
#include "report/rcsv.h"
#include "report/report.h"
#include "scoring/texts.h"

static const char usage[] =
    "Usage: stormdrill report RESULTS... [--out DIR] [--lang sv|en] [--quiet]\n"
    "Makes the debrief and workshop report from the results of one or many exercises\n"
    "(written by 'stormdrill run --out' or 'stormdrill score LOG --out'):\n"
    "  DIR/report.html  one self-contained page to open in a browser or print on A4: for a\n"
    "                   workshop the participants, the distribution of each score, the rules\n"
    "                   most often broken and the trend over dates; for each participant the\n"
    "                   scores, answer time against volume, the tone checks per rule, the\n"
    "                   escalation timeline and each miss with its feedback\n"
    "  DIR/report.csv   one row per participant and exercise, for spreadsheets\n"
    "  DIR/items.csv    one row per item of every exercise\n"
    "  DIR/review_agreement.csv  when results were scored with a review (score --review):\n"
    "                   per rule, how often the evaluators agreed with the machine\n"
    "  RESULTS     results files (.json), or folders: every .json file in them\n"
    "  --out DIR   where to write the files (default: report); made when missing\n"
    "  --lang L    the report's language, sv or en (default: that of most results)\n"
    "  --quiet     print nothing but errors\n"
    "Exit status: 0 ok, 1 a results file is bad (each one is named; no report is written)\n"
    "or a file cannot be written, 2 bad usage.\n";

typedef struct paths {
    char **v;
    size_t n, cap;
} paths;

static int add_path(paths *p, const char *s)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        char **v = realloc(p->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n] = strdup(s);
    return p->v[p->n++] ? 0 : -1;
}

static void free_paths(paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds every *.json file of dir, in name order. */
static sd_status add_folder(paths *p, const char *dir, sd_error *err)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return sd_error_set(err, SD_ERR_IO, "%s: cannot open the folder: %s", dir, strerror(errno));
    size_t first = p->n;
    struct dirent *e;
    sd_status st = SD_OK;
    while ((e = readdir(d)) != NULL && st == SD_OK) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0 || e->d_name[0] == '.')
            continue;
        size_t dl = strlen(dir);
        char *full = malloc(dl + len + 2);
        if (full == NULL) {
            st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            break;
        }
        snprintf(full, dl + len + 2, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", e->d_name);
        if (add_path(p, full) != 0)
            st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        free(full);
    }
    closedir(d);
    if (st == SD_OK && p->n == first)
        st = sd_error_set(err, SD_ERR_INPUT, "%s: the folder has no .json results files", dir);
    if (p->n > first + 1)
        qsort(p->v + first, p->n - first, sizeof *p->v, cmp_name);
    return st;
}

/* mkdir -p */
static sd_status make_dirs(const char *dir, sd_error *err)
{
    char *p = strdup(dir);
    if (p == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    sd_status st = SD_OK;
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST) {
                st = sd_error_set(err, SD_ERR_IO, "%s: cannot make the folder: %s", p, strerror(errno));
                break;
            }
            *s = c;
            if (c == '\0')
                break;
        }
    }
    free(p);
    return st;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s", dir, name);
    return s;
}

int sd_cmd_report(int argc, char **argv)
{
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    const char *out_dir = "report";
    int lang = -1;
    bool quiet = false;
    paths in = {0};
    sd_error err = SD_ERROR_INIT;
    int rc = SD_EXIT_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--out") == 0 && i + 1 < argc && argv[i + 1][0] != '\0') {
            out_dir = argv[++i];
        } else if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
            lang = sd_vocab_lookup(SD_VOCAB_LANGUAGE, argv[++i]);
            if (lang < 0) {
                sd_term_printf(stderr, "stormdrill report: --lang must be sv or en, not '%s'\n", argv[i]);
                free_paths(&in);
                return SD_EXIT_USAGE;
            }
        } else if (strcmp(a, "--quiet") == 0) {
            quiet = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            sd_term_printf(stderr, "stormdrill report: unknown option or missing value: '%s'\n\n", a);
            fputs(usage, stderr);
            free_paths(&in);
            return SD_EXIT_USAGE;
        } else {
            struct stat st;
            sd_status s = SD_OK;
            if (stat(a, &st) == 0 && S_ISDIR(st.st_mode))
                s = add_folder(&in, a, &err);
            else if (add_path(&in, a) != 0)
                s = sd_error_set(&err, SD_ERR_MEMORY, "out of memory");
            if (s != SD_OK) {
                sd_term_printf(stderr, "stormdrill report: %s\n", sd_error_msg(&err));
                sd_error_clear(&err);
                free_paths(&in);
                return SD_EXIT_INPUT;
            }
        }
    }
    if (in.n == 0) {
        sd_term_printf(stderr, "stormdrill report: no results files given\n\n");
        fputs(usage, stderr);
        free_paths(&in);
        return SD_EXIT_USAGE;
    }

    char *html_path = join(out_dir, "report.html"), *csv_path = join(out_dir, "report.csv"),
         *items_path = join(out_dir, "items.csv"), *review_path = join(out_dir, "review_agreement.csv");
    sd_report *rep = NULL;
    sd_items_csv *items = NULL;
    sd_texts *tx = NULL;
    size_t bad = 0;
    int64_t n_items = 0;
    if (!html_path || !csv_path || !items_path || !review_path || sd_report_create(&rep, &err) != SD_OK) {
        sd_error_set(&err, SD_ERR_MEMORY, "out of memory");
        goto fail;
    }
    if (make_dirs(out_dir, &err) != SD_OK || sd_items_csv_open(items_path, &items, &err) != SD_OK)
        goto fail;
    for (size_t i = 0; i < in.n; i++) {
        /* After a bad file the rest are only checked: no report will be written. */
        sd_rr_options opt = {.on_item = bad ? NULL : sd_items_csv_row, .ctx = items};
        sd_rr *rr = NULL;
        if (sd_rr_read(in.v[i], &opt, &rr, &err) != SD_OK) {
            if (err.status == SD_ERR_MEMORY || (err.status == SD_ERR_IO && strstr(sd_error_msg(&err), items_path)))
                goto fail;
            sd_term_printf(stderr, "stormdrill report: %s\n", sd_error_msg(&err));
            sd_error_clear(&err);
            bad++;
            continue;
        }
        n_items += rr->n_items;
        if (sd_report_add(rep, rr, &err) != SD_OK)
            goto fail;
    }
    if (bad) {
        sd_term_printf(stderr, "stormdrill report: no report written: %zu of %zu results files %s bad\n",
                bad, in.n, bad == 1 ? "is" : "are");
        rc = SD_EXIT_INPUT;
        goto done;
    }
    if (sd_report_finish(rep, &err) != SD_OK)
        goto fail;
    sd_language l = lang >= 0 ? (sd_language)lang : sd_report_language(rep);
    if (sd_texts_load(sd_assets_dir(), l, &tx, &err) != SD_OK)
        goto fail;
    sd_report_html_options ho = {.tx = tx, .lang = l};
    if (sd_report_write_html(rep, &ho, html_path, &err) != SD_OK ||
        sd_report_write_csv(rep, csv_path, &err) != SD_OK ||
        (sd_report_n_reviewed(rep) && sd_report_write_review_csv(rep, review_path, &err) != SD_OK))
        goto fail;
    sd_status cs = sd_items_csv_commit(items, &err);
    items = NULL;
    if (cs != SD_OK)
        goto fail;
    if (!quiet)
        sd_term_printf(stdout, "%s: %zu %s, %lld %s\n  %s\n  %s\n  %s\n", sd_rtext(tx, "report.title"), in.n,
               sd_rtext(tx, "report.results_files"), (long long)n_items, sd_rtext(tx, "report.items_lc"),
               html_path, csv_path, items_path);
    if (!quiet && sd_report_n_reviewed(rep))
        sd_term_printf(stdout, "  %s\n", review_path);
    goto done;
fail:
    sd_term_printf(stderr, "stormdrill report: %s\n", sd_error_msg(&err));
    rc = sd_exit_for(&err);
done:
    sd_items_csv_abort(items);
    sd_report_free(rep);
    sd_texts_free(tx);
    free(html_path);
    free(csv_path);
    free(items_path);
    free(review_path);
    free_paths(&in);
    sd_error_clear(&err);
    return rc;
}
