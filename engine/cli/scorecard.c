/* scorecard.c - the scorecard: three scores and overall, the most serious misses with their
 * feedback, what went well, the crisis as it was handled, and the figures (answer times,
 * late and unanswered, storm hours). */
#include "scorecard.h"

#include <math.h>
#include <string.h>

#include "review/review.h"
#include "scoring/csv.h"
#include "scoring/score.h"
#include "scoring/timeline.h"
#include "summary.h"
#include "util/termtext.h"

#define CARD_MISSES 5     /* misses shown, most serious first */
#define CARD_STRENGTHS 5  /* strengths shown, most important first */
#define CARD_TIMELINE 16  /* timeline entries shown */

static const char *T(const sd_texts *tx, const char *key)
{
    const char *s = sd_texts_get(tx, key);
    return s ? s : key;
}

static void duration(char *out, size_t n, double secs)
{
    if (secs < 0)
        snprintf(out, n, "-");
    else if (secs < 3600)
        snprintf(out, n, "%ld min %ld s", (long)secs / 60, (long)secs % 60);
    else
        snprintf(out, n, "%ld h %ld min", (long)secs / 3600, ((long)secs % 3600) / 60);
}

static void bar(FILE *out, double v)
{
    int n = (int)lround(v / 5);
    fputs(" ", out);
    for (int i = 0; i < 20; i++)
        fputs(i < n ? "█" : "·", out);
}

static void print_card(FILE *out, const sd_results *r, const sd_score *s, const sd_texts *tx)
{
    const sd_rec_header *h = sd_results_header(r);
    sd_buf title = SD_BUF_INIT;
    const char *names[] = {"title"};
    const char *values[] = {h->scenario_title};
    sd_texts_format(tx, "card.title", &title, 1, names, values);
    sd_term_printf(out, "%s\n", sd_buf_str(&title));
    sd_buf_free(&title);
    sd_print_label(out, T(tx, "card.participant"));
    sd_term_printf(out, "%s\n", h->participant);
    struct { const char *key; double v; } dims[] = {{"card.speed", s->speed}, {"card.tone", s->tone},
                                                   {"card.escalation", s->escalation},
                                                   {"card.overall", s->overall}};
    for (size_t i = 0; i < 4; i++) {
        sd_print_label(out, T(tx, dims[i].key));
        sd_term_printf(out, "%5.1f", dims[i].v);
        bar(out, dims[i].v);
        fputc('\n', out);
    }
    sd_term_printf(out, "\n%s\n", T(tx, "card.misses"));
    if (s->n_feedback == 0)
        sd_term_printf(out, "  %s\n", T(tx, "card.none"));
    for (size_t i = 0; i < s->n_feedback && i < CARD_MISSES; i++) {
        const sd_feedback *f = &s->feedback[i];
        char key[64];
        snprintf(key, sizeof key, "rule.%s", sd_vocab_name(SD_VOCAB_RULE, f->rule));
        sd_term_printf(out, "  %zu. [%s, -%.1f %s] %s\n", i + 1, T(tx, key), f->cost,
                       T(tx, "card.points"), f->text);
    }
    if (s->n_feedback > CARD_MISSES) {
        char n[24];
        snprintf(n, sizeof n, "%zu", s->n_feedback - CARD_MISSES);
        sd_buf more = SD_BUF_INIT;
        const char *names[] = {"n"};
        const char *values[] = {n};
        sd_texts_format(tx, "card.more_misses", &more, 1, names, values);
        sd_term_printf(out, "  %s\n", sd_buf_str(&more));
        sd_buf_free(&more);
    }
    /* What went well, as concretely as the misses. */
    sd_term_printf(out, "\n%s\n", T(tx, "card.strengths"));
    if (s->n_strengths == 0)
        sd_term_printf(out, "  %s\n", T(tx, "card.no_strengths"));
    for (size_t i = 0; i < s->n_strengths && i < CARD_STRENGTHS; i++)
        sd_term_printf(out, "  + %s\n", s->strengths[i].text);
    /* The crisis as it was handled. */
    if (s->timeline && s->timeline->n) {
        sd_term_printf(out, "\n%s\n", T(tx, "card.timeline"));
        for (size_t i = 0; i < s->timeline->n && i < CARD_TIMELINE; i++) {
            char t[20];
            sd_time_format(s->timeline->entries[i].t, t);
            sd_term_printf(out, "  %.5s  %s\n", t + 11, s->timeline->entries[i].text);
        }
    }
    char a[40], b[40];
    duration(a, sizeof a, s->median_answer);
    duration(b, sizeof b, s->p90_answer);
    sd_term_printf(out, "\n%s\n", T(tx, "card.figures"));
    sd_print_label(out, T(tx, "card.median"));
    sd_term_printf(out, "%s\n", a);
    sd_print_label(out, T(tx, "card.p90"));
    sd_term_printf(out, "%s\n", b);
    sd_print_label(out, T(tx, "card.late"));
    sd_term_printf(out, "%zu / %zu\n", s->late, s->expecting);
    sd_print_label(out, T(tx, "card.unanswered"));
    sd_term_printf(out, "%zu / %zu\n", s->unanswered, s->expecting);
    sd_print_label(out, T(tx, "card.replies"));
    sd_term_printf(out, "%zu\n", s->n_replies);
    if (s->n_hours) {
        /* The storm's id is the scenario's name for it: shown only to tell several apart. */
        bool several = false;
        for (size_t i = 1; i < s->n_hours; i++)
            several = several || strcmp(s->hours[i].storm, s->hours[0].storm) != 0;
        sd_term_printf(out, "%s\n", T(tx, "card.storm_hours"));
        for (size_t i = 0; i < s->n_hours && i < 48; i++) {
            char t[20];
            sd_time_format(s->hours[i].hour, t);
            duration(a, sizeof a, s->hours[i].median_answer);
            sd_term_printf(out, "  %.10s %.5s  %-12s %6zu / %-6zu %s\n", t, t + 11,
                           several ? s->hours[i].storm : "", s->hours[i].answered,
                           s->hours[i].comments, a);
        }
    }
}

/* Writes the results JSON and the CSV that were asked for. One failing does not stop the
 * other; the error names every file that could not be written. */
static sd_status save_files(sd_results *res, const sd_score *sc, const char *out_path,
                            const char *csv_path, sd_error *err)
{
    sd_error e1 = SD_ERROR_INIT, e2 = SD_ERROR_INIT;
    sd_status s1 = out_path ? sd_results_save(res, out_path, &e1) : SD_OK;
    sd_status s2 = csv_path ? sd_score_write_csv(sc, res, csv_path, &e2) : SD_OK;
    sd_status st = s1 != SD_OK ? s1 : s2;
    if (s1 != SD_OK && s2 != SD_OK)
        sd_error_set(err, st, "%s; %s", sd_error_msg(&e1), sd_error_msg(&e2));
    else if (st != SD_OK)
        sd_error_set(err, st, "%s", sd_error_msg(s1 != SD_OK ? &e1 : &e2));
    sd_error_clear(&e1);
    sd_error_clear(&e2);
    return st;
}

/* After the card: who reviewed, and how often they agreed with the machine. */
static void print_review(FILE *out, const sd_reviews *rv, const sd_texts *tx)
{
    sd_review_agreement a;
    sd_reviews_agreement(rv, &a);
    sd_term_printf(out, "\n%s\n", T(tx, "card.review"));
    sd_print_label(out, T(tx, "card.review.evaluators"));
    for (size_t i = 0; i < sd_reviews_n_evaluators(rv); i++)
        sd_term_printf(out, "%s%s", i ? ", " : "", sd_reviews_evaluator(rv, i));
    sd_term_printf(out, "%s\n", sd_reviews_n_evaluators(rv) ? "" : "-");
    sd_print_label(out, T(tx, "card.review.reviewed"));
    sd_term_printf(out, "%zu + %zu\n", a.replies, a.decisions);
    sd_print_label(out, T(tx, "card.review.agreed"));
    if (a.compared)
        sd_term_printf(out, "%zu / %zu (%.0f %%)\n", a.agreed_all, a.compared,
                       100.0 * (double)a.agreed_all / (double)a.compared);
    else
        sd_term_printf(out, "-\n");
    for (int k = 0; k < SD_REVIEW_ROWS; k++)
        if (a.reviewed[k])
            sd_term_printf(out, "  %-18s %zu / %zu\n", a.rule[k], a.agreed[k], a.reviewed[k]);
}

sd_status sd_score_and_report(sd_results *res, const char *out_path, const char *csv_path,
                              bool quiet, const char *log_path, sd_error *err)
{
    return sd_score_and_report_reviewed(res, NULL, out_path, csv_path, quiet, log_path, err);
}

sd_status sd_score_and_report_reviewed(sd_results *res, const sd_reviews *rv,
                                       const char *out_path, const char *csv_path, bool quiet,
                                       const char *log_path, sd_error *err)
{
    sd_lexicons *lx = NULL;
    sd_texts *tx = NULL;
    sd_score *sc = NULL;
    const sd_rec_header *h = sd_results_header(res);
    sd_status st = h ? SD_OK : sd_error_set(err, SD_ERR_INPUT, "the log has no header");
    if (st == SD_OK)
        st = sd_lexicons_load(sd_assets_dir(), &lx, err);
    if (st == SD_OK)
        st = sd_texts_load(sd_assets_dir(), h->lang, &tx, err);
    if (st == SD_OK)
        st = rv ? sd_score_compute_reviewed(res, lx, tx, rv, &sc, err)
                : sd_score_compute(res, lx, tx, &sc, err);
    if (st == SD_OK) {
        sd_results_attach_score(res, sc);
        sd_results_attach_review(res, rv);
        if (!quiet)
            print_card(stdout, res, sc, tx);
        if (!quiet && rv)
            print_review(stdout, rv, tx);
        st = save_files(res, sc, out_path, csv_path, err);
        if (st == SD_OK && !quiet && (log_path || out_path || csv_path)) {
            putchar('\n');
            const char *keys[] = {"card.log", "card.results", "card.csv"};
            const char *paths[] = {log_path, out_path, csv_path};
            for (int i = 0; i < 3; i++)
                if (paths[i]) {
                    sd_print_label(stdout, T(tx, keys[i]));
                    sd_term_printf(stdout, "%s\n", paths[i]);
                }
        }
        sd_results_attach_score(res, NULL);
        sd_results_attach_review(res, NULL);
    }
    sd_score_free(sc);
    sd_texts_free(tx);
    sd_lexicons_free(lx);
    return st;
}
