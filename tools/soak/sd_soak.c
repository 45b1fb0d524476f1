/* sd_soak.c - the soak test: runs whole exercises back to back in one process, driving
 * each the way the exercise window does, and shows whether memory stays flat.
 *
 * Each exercise is made from scratch and torn down again: the scenario and the participant
 * are loaded, a session log is written to a real file, the results are folded live, the
 * session is stepped one simulated second at a time (sd_session_step_sim, as a window at
 * 60 frames a second and compression 60 would), the scripted participant answers, and at
 * the end the log is closed, the exercise scored and the results JSON and CSV written
 * (atomically, as the window and `run --out --csv` do); then everything is freed.
 *
 * Every 10 simulated minutes of the first exercise it samples /proc/self/status and prints
 * a row: simulated time, items so far, RssAnon, RssFile and the anonymous memory the
 * exercise added per item held. The results and the session keep every item for scoring,
 * so that memory grows with the items by design; what must not grow is everything else.
 * Two checks say so, and the last line is the verdict with the thresholds used:
 *  - within an exercise: after warm-up (the first quarter of the items) the anonymous
 *    memory added per item of the later half stays within PER_ITEM_SLACK of the whole
 *    run's figure: the memory is the items', not a growth of its own; the file-backed part
 *    (the log writer's mapping) stays under FILE_CAP_MIB;
 *  - across exercises: after the first (warm-up), RssAnon after each exercise's teardown
 *    and each exercise's peak RSS (VmHWM, reset per exercise through /proc/self/clear_refs)
 *    stay within max(DRIFT_MIN_MIB, DRIFT_FRAC) of the second exercise's: nothing leaks
 *    from one exercise into the next.
 *
 * Usage: sd_soak [--rounds N] [--param KEY=VALUE ...] [--leak KIB] SCENARIO PARTICIPANT [WORKDIR]
 * --leak KIB makes each exercise keep KIB of touched memory it never frees: a check that
 * the verdict does see a leak (it must then say GROWTH).
 * Exit status: 0 flat, 1 growth found, 2 bad usage or a failed exercise. */
#define _GNU_SOURCE /* malloc_trim */
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log/logw.h"
#include "participant/bot.h"
#include "results/results.h"
#include "scenario/scenario.h"
#include "scoring/csv.h"
#include "scoring/score.h"
#include "scoring/texts.h"
#include "scoring/tone.h"
#include "session/session.h"

#define SAMPLE_EVERY 600    /* simulated seconds between rows */
#define STEP 1.0            /* simulated seconds per step */
#define PER_ITEM_SLACK 0.10 /* later half's bytes per item vs the whole run's */
#define FILE_CAP_MIB 40.0   /* RssFile: two 16 MiB log chunks and the program's own pages */
#define DRIFT_MIN_MIB 2.0
#define DRIFT_FRAC 0.01
#define MIB (1024.0 * 1024.0)

typedef struct mem {
    long rss_kb, anon_kb, file_kb, hwm_kb;
} mem;

static void mem_read(mem *m)
{
    memset(m, 0, sizeof *m);
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        long v;
        if (sscanf(line, "VmRSS: %ld", &v) == 1) m->rss_kb = v;
        else if (sscanf(line, "RssAnon: %ld", &v) == 1) m->anon_kb = v;
        else if (sscanf(line, "RssFile: %ld", &v) == 1) m->file_kb = v;
        else if (sscanf(line, "VmHWM: %ld", &v) == 1) m->hwm_kb = v;
    }
    fclose(f);
}

/* Resets VmHWM to the current RSS (Linux 4.0 and later); false if it cannot. */
static int reset_peak(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (!f)
        return 0;
    int ok = fputs("5", f) >= 0;
    return fclose(f) == 0 && ok;
}

static void *volatile leak_sink; /* --leak: the last deliberately leaked block */

static double mib(long kb) { return (double)kb / 1024.0; }

typedef struct round_result {
    size_t items, actions;
    double per_item_all, per_item_late; /* anon bytes per item: whole run, later half */
    double file_max_mib;
    mem after, after_trim;
    long peak_kb;
} round_result;

typedef struct soak {
    const char *scenario, *participant, *dir;
    const char *params[16];
    size_t n_params;
    const sd_lexicons *lx;
    long leak_kib;
} soak;

/* One row of the table. */
static void row(sd_time t0, sd_time now, size_t items, const mem *m, long base_anon_kb)
{
    long mins = (long)((now - t0) / 60);
    double per = items ? (double)(m->anon_kb - base_anon_kb) * 1024.0 / (double)items : 0;
    printf("  %2ld:%02ld  %9zu  %9.1f  %9.1f  %9.1f  %9.0f\n", mins / 60, mins % 60, items,
           mib(m->anon_kb), mib(m->file_kb), mib(m->rss_kb), per);
}

/* One whole exercise: create, run, score, save, destroy. */
static sd_status run_round(const soak *k, int round, bool table, round_result *out, sd_error *err)
{
    memset(out, 0, sizeof *out);
    char log_path[1024], json_path[1024], csv_path[1024];
    snprintf(log_path, sizeof log_path, "%s/soak.jsonl", k->dir);
    snprintf(json_path, sizeof json_path, "%s/soak-results.json", k->dir);
    snprintf(csv_path, sizeof csv_path, "%s/soak-results.csv", k->dir);
    mem base;
    mem_read(&base);
    sd_scenario *sc = NULL;
    sd_bot *bot = NULL;
    sd_logw *log = NULL;
    sd_results *res = NULL;
    sd_session *s = NULL;
    sd_texts *tx = NULL;
    sd_score *score = NULL;
    sd_status st;
    if ((st = sd_scenario_load(k->scenario, NULL, &sc, err)) != SD_OK ||
        (st = sd_bot_load(k->participant, NULL, k->params, k->n_params, &bot, err)) != SD_OK ||
        (st = sd_texts_load(sd_assets_dir(), sc->lang, &tx, err)) != SD_OK ||
        (st = sd_logw_open(log_path, &log, err)) != SD_OK ||
        (st = sd_results_create(&res, err)) != SD_OK)
        goto done;
    sd_session_config cfg = {.scenario = sc, .participant = sd_bot_name(bot),
                             .participant_kind = "scripted", .log = log, .results = res};
    if ((st = sd_session_create(&cfg, &s, err)) != SD_OK ||
        (st = sd_results_reserve(res, sd_session_expected_items(s), err)) != SD_OK ||
        (st = sd_bot_attach(bot, s, err)) != SD_OK || (st = sd_session_start(s, err)) != SD_OK)
        goto done;
    if (table)
        printf("  %5s  %9s  %9s  %9s  %9s  %9s\n", "sim", "items", "anon MiB", "file MiB",
               "RSS MiB", "anon B/it");
    sd_time t0 = sd_session_now(s), next = t0 + SAMPLE_EVERY;
    size_t mid_items = 0;
    long mid_anon = 0;
    bool mid_taken = false;
    size_t expected = sd_session_expected_items(s);
    mem m;
    while (!sd_session_finished(s)) {
        if ((st = sd_session_step_sim(s, STEP, err)) != SD_OK)
            goto done;
        if (sd_session_now(s) >= next || sd_session_finished(s)) {
            next += SAMPLE_EVERY;
            mem_read(&m);
            size_t items = sd_results_n_items(res);
            if (!mid_taken && items >= expected / 2) {
                mid_taken = true; /* the later half starts here */
                mid_items = items;
                mid_anon = m.anon_kb;
            }
            if (mib(m.file_kb) > out->file_max_mib)
                out->file_max_mib = mib(m.file_kb);
            if (table)
                row(t0, sd_session_now(s), items, &m, base.anon_kb);
        }
    }
    mem_read(&m);
    out->items = sd_results_n_items(res);
    out->actions = sd_results_n_actions(res);
    out->per_item_all = (double)(m.anon_kb - base.anon_kb) * 1024.0 / (double)out->items;
    out->per_item_late = mid_taken && out->items > mid_items
                             ? (double)(m.anon_kb - mid_anon) * 1024.0 / (double)(out->items - mid_items)
                             : out->per_item_all;
    st = sd_logw_close(log, err);
    log = NULL;
    if (st != SD_OK || (st = sd_score_compute(res, k->lx, tx, &score, err)) != SD_OK)
        goto done;
    sd_results_attach_score(res, score);
    if ((st = sd_results_save(res, json_path, err)) == SD_OK)
        st = sd_score_write_csv(score, res, csv_path, err);
    sd_results_attach_score(res, NULL);
done:
    sd_score_free(score);
    sd_session_destroy(s);
    sd_logw_close(log, NULL);
    sd_results_free(res);
    sd_bot_free(bot);
    sd_texts_free(tx);
    sd_scenario_free(sc);
    if (k->leak_kib > 0) { /* --leak: memory deliberately never freed */
        leak_sink = malloc((size_t)k->leak_kib * 1024);
        if (leak_sink)
            memset(leak_sink, round, (size_t)k->leak_kib * 1024);
    }
    mem_read(&out->after);
    out->peak_kb = out->after.hwm_kb;
    malloc_trim(0);
    mem_read(&out->after_trim);
    if (st != SD_OK)
        sd_error_prefix(err, "exercise %d", round);
    return st;
}

static bool within(double v, double ref, double tol) { return v <= ref + tol && v >= ref - tol; }

int main(int argc, char **argv)
{
    soak k = {0};
    int rounds = 5;
    const char *pos[3] = {NULL, NULL, NULL};
    int n_pos = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
            rounds = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--param") == 0 && i + 1 < argc) {
            if (k.n_params == sizeof k.params / sizeof k.params[0]) {
                fprintf(stderr, "sd_soak: at most 16 --param options\n");
                return 2;
            }
            k.params[k.n_params++] = argv[++i];
        } else if (strcmp(argv[i], "--leak") == 0 && i + 1 < argc) {
            k.leak_kib = atol(argv[++i]);
        } else if (argv[i][0] != '-' && n_pos < 3) {
            pos[n_pos++] = argv[i];
        } else {
            n_pos = -1;
            break;
        }
    }
    if (n_pos < 2 || rounds < 3 || rounds > 100) {
        fprintf(stderr, "usage: sd_soak [--rounds N (3..100, default 5)] [--param KEY=VALUE ...] "
                        "[--leak KIB] SCENARIO PARTICIPANT [WORKDIR]\n");
        return 2;
    }
    k.scenario = pos[0];
    k.participant = pos[1];
    char tmpl[] = "/tmp/stormdrill-soak-XXXXXX";
    bool own_dir = pos[2] == NULL;
    k.dir = own_dir ? mkdtemp(tmpl) : pos[2];
    if (k.dir == NULL) {
        fprintf(stderr, "sd_soak: cannot make a working folder: %s\n", strerror(errno));
        return 2;
    }
    sd_error err = SD_ERROR_INIT;
    sd_lexicons *lx = NULL;
    if (sd_lexicons_load(sd_assets_dir(), &lx, &err) != SD_OK) {
        fprintf(stderr, "sd_soak: %s\n", sd_error_msg(&err));
        sd_error_clear(&err);
        return 2;
    }
    k.lx = lx;
    bool hwm = reset_peak();
    printf("Stormdrill soak: %s, participant %s", k.scenario, k.participant);
    for (size_t i = 0; i < k.n_params; i++)
        printf(" %s", k.params[i]);
    printf(", %d exercises back to back, %g simulated s per step\n", rounds, STEP);
    printf("Exercise 1 (also the warm-up), every 10 simulated minutes "
           "(anon B/it: anonymous memory the exercise added, per item held):\n");
    round_result *r = calloc((size_t)rounds, sizeof *r);
    int rc = 0;
    for (int i = 0; i < rounds && r; i++) {
        if (hwm)
            reset_peak();
        if (run_round(&k, i + 1, i == 0, &r[i], &err) != SD_OK) {
            fprintf(stderr, "sd_soak: %s\n", sd_error_msg(&err));
            rc = 2;
            break;
        }
        if (i == 0)
            printf("\nExercises (after: once everything is freed; trimmed: after malloc_trim):\n"
                   "  %2s  %9s  %8s  %9s  %9s  %10s  %10s  %10s\n", "#", "items", "actions",
                   "B/it all", "B/it late", "peak MiB", "after MiB", "trimmed");
        printf("  %2d  %9zu  %8zu  %9.0f  %9.0f  %10.1f  %10.1f  %10.1f\n", i + 1, r[i].items,
               r[i].actions, r[i].per_item_all, r[i].per_item_late, mib(r[i].peak_kb),
               mib(r[i].after.anon_kb), mib(r[i].after_trim.anon_kb));
        fflush(stdout);
    }
    sd_lexicons_free(lx);
    sd_error_clear(&err);
    if (own_dir) {
        const char *names[] = {"soak.jsonl", "soak-results.json", "soak-results.csv"};
        for (size_t i = 0; i < 3; i++) {
            char p[1100];
            snprintf(p, sizeof p, "%s/%s", k.dir, names[i]);
            unlink(p);
        }
        rmdir(k.dir);
    }
    if (rc != 0 || r == NULL) {
        free(r);
        return 2;
    }
    /* The verdict. */
    bool per_item_ok = true, file_ok = true, after_ok = true, peak_ok = true;
    double worst_per = 0, worst_after = 0, worst_peak = 0, worst_file = 0;
    for (int i = 0; i < rounds; i++) {
        double d = r[i].per_item_late / r[i].per_item_all - 1;
        if (d > worst_per) worst_per = d;
        per_item_ok = per_item_ok && d <= PER_ITEM_SLACK;
        if (r[i].file_max_mib > worst_file) worst_file = r[i].file_max_mib;
        file_ok = file_ok && r[i].file_max_mib <= FILE_CAP_MIB;
    }
    double ref_after = mib(r[1].after.anon_kb), ref_peak = mib(r[1].peak_kb);
    double tol_after = ref_after * DRIFT_FRAC > DRIFT_MIN_MIB ? ref_after * DRIFT_FRAC : DRIFT_MIN_MIB;
    double tol_peak = ref_peak * DRIFT_FRAC > DRIFT_MIN_MIB ? ref_peak * DRIFT_FRAC : DRIFT_MIN_MIB;
    for (int i = 2; i < rounds; i++) {
        double da = mib(r[i].after.anon_kb) - ref_after, dp = mib(r[i].peak_kb) - ref_peak;
        if (da > worst_after) worst_after = da;
        if (dp > worst_peak) worst_peak = dp;
        after_ok = after_ok && within(mib(r[i].after.anon_kb), ref_after, tol_after);
        peak_ok = peak_ok && (!hwm || within(mib(r[i].peak_kb), ref_peak, tol_peak));
    }
    bool flat = per_item_ok && file_ok && after_ok && peak_ok;
    printf("\nChecks:\n"
           "  per item (later half vs whole run, at most +%.0f %%): worst %+.1f %% %s\n"
           "  RssFile during a run (at most %.0f MiB): worst %.1f MiB %s\n"
           "  RssAnon after teardown, exercises 3..%d vs 2 (within %.1f MiB): worst %+.1f MiB %s\n"
           "  peak RSS, exercises 3..%d vs 2 (within %.1f MiB)%s: worst %+.1f MiB %s\n",
           PER_ITEM_SLACK * 100, worst_per * 100, per_item_ok ? "ok" : "GROWS",
           FILE_CAP_MIB, worst_file, file_ok ? "ok" : "GROWS",
           rounds, tol_after, worst_after, after_ok ? "ok" : "GROWS",
           rounds, tol_peak, hwm ? "" : " (VmHWM cannot be reset here: not checked)", worst_peak,
           peak_ok ? "ok" : "GROWS");
    printf("Verdict: %s\n", flat ? "FLAT - memory grows only with the items held, and nothing "
                                   "is left behind from one exercise to the next"
                                 : "GROWTH - see the checks above");
    free(r);
    return flat ? 0 : 1;
}
