/* cmd_review.c - `stormdrill review LOG`: an evaluator reviews what the machine scored. With
 * a display, the replay window with the review panel (window/replay.h); without one, or
 * with --csv-out, the review as a spreadsheet to fill in; --csv-in reads it back as marks
 * into the review file (review/review.h, review/review_csv.h, docs/review.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "cli.h"
#include "replay.h"
#include "review/review.h"
#include "review/review_csv.h"
#include "scoring/score.h"
#include "scoring/texts.h"
#include "scoring/tone.h"

static const char usage[] =
    "Usage: stormdrill review LOG [--evaluator NAME] [--file REVIEWFILE] [--lang sv|en]\n"
    "                             [--csv-out FILE | --csv-in FILE]\n"
    "An evaluator reviews the replies and decisions of a finished exercise: does a reply\n"
    "answer the question (yes / partly / no), is its tone acceptable, was a decision right,\n"
    "and a note. The marks go to the review file (default LOG.review.jsonl), each saved as it\n"
    "is made; 'stormdrill score LOG --review FILE' and 'stormdrill report' use them.\n"
    "  --evaluator NAME  who is reviewing (the window asks when it is not given)\n"
    "  --file FILE       the review file (default: LOG.review.jsonl)\n"
    "  --lang sv|en      the window's language (default: the log's)\n"
    "  --csv-out FILE    write the review as a spreadsheet to fill in (one row per reply and\n"
    "                    decision; the columns answers, tone_ok, decision_ok and note are\n"
    "                    the evaluator's), instead of opening the window\n"
    "  --csv-in FILE     read such a filled sheet back: a mark for every row with one\n"
    "Without a display the sheet is written to LOG.review.csv (never over an existing file).\n"
    "Window keys: N / P next / previous, 1 2 3 answers yes / partly / no (decisions: 1 right,\n"
    "3 wrong), 4 / 5 tone acceptable / not, E a note (Enter saves, Esc cancels), Space plays,\n"
    "Q quits.\n";

typedef struct review_ctx {
    sd_replay_log *log;
    sd_lexicons *lx;
    sd_texts *tx;
    sd_score *score;
    sd_review_target *targets;
    size_t n_targets;
    const char **item_text;
} review_ctx;

static void ctx_free(review_ctx *c)
{
    free(c->item_text);
    free(c->targets);
    sd_score_free(c->score);
    sd_texts_free(c->tx);
    sd_lexicons_free(c->lx);
    sd_replay_log_free(c->log);
}

/* The log read and scored, and what there is to review. */
static sd_status load(const char *log_path, review_ctx *c, sd_error *err)
{
    sd_status st = sd_replay_log_load(log_path, 0, &c->log, err);
    if (st != SD_OK)
        return st;
    if (sd_replay_log_torn(c->log))
        sd_term_printf(stderr, "stormdrill review: warning: %s\n", sd_replay_log_torn(c->log));
    sd_results *res = sd_replay_log_results(c->log);
    const sd_rec_header *h = sd_results_header(res);
    if (!h)
        return sd_error_set(err, SD_ERR_INPUT, "%s: the log has no header", log_path);
    if ((st = sd_lexicons_load(sd_assets_dir(), &c->lx, err)) != SD_OK ||
        (st = sd_texts_load(sd_assets_dir(), h->lang, &c->tx, err)) != SD_OK ||
        (st = sd_score_compute(res, c->lx, c->tx, &c->score, err)) != SD_OK ||
        (st = sd_review_targets(res, c->score, &c->targets, &c->n_targets, err)) != SD_OK)
        return st;
    size_t ni = sd_results_n_items(res);
    c->item_text = calloc(ni ? ni : 1, sizeof *c->item_text);
    if (!c->item_text)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    for (size_t i = 0; i < sd_replay_log_n_records(c->log); i++) {
        const sd_record *rec = sd_replay_log_record(c->log, i);
        if (rec->type == SD_REC_ITEM && rec->u.item.index >= 0 && (size_t)rec->u.item.index < ni)
            c->item_text[rec->u.item.index] = rec->u.item.text;
    }
    return SD_OK;
}

int sd_cmd_review(int argc, char **argv)
{
    const char *log_path = NULL, *evaluator = NULL, *file = NULL, *csv_out = NULL, *csv_in = NULL;
    int lang = -1;
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool v = i + 1 < argc;
        if (strcmp(a, "--evaluator") == 0 && v)
            evaluator = argv[++i];
        else if (strcmp(a, "--file") == 0 && v)
            file = argv[++i];
        else if (strcmp(a, "--csv-out") == 0 && v)
            csv_out = argv[++i];
        else if (strcmp(a, "--csv-in") == 0 && v)
            csv_in = argv[++i];
        else if (strcmp(a, "--lang") == 0 && v) {
            lang = sd_vocab_lookup(SD_VOCAB_LANGUAGE, argv[++i]);
            if (lang < 0) {
                sd_term_printf(stderr, "stormdrill review: --lang '%s': use sv or en\n", argv[i]);
                return SD_EXIT_USAGE;
            }
        } else if (a[0] == '-' || log_path) {
            sd_term_printf(stderr, "stormdrill review: unexpected '%s'\n\n", a);
            fputs(usage, stderr);
            return SD_EXIT_USAGE;
        } else
            log_path = a;
    }
    if (!log_path) {
        sd_term_printf(stderr, "stormdrill review: no log given\n\n");
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }
    if (csv_out && csv_in) {
        sd_term_printf(stderr, "stormdrill review: --csv-out writes a sheet and --csv-in reads one: give one "
                       "of them\n");
        return SD_EXIT_USAGE;
    }
    if (evaluator && (!*evaluator || strlen(evaluator) > SD_REVIEW_MAX_NAME)) {
        sd_term_printf(stderr, "stormdrill review: --evaluator: a name of 1 to %u bytes\n", SD_REVIEW_MAX_NAME);
        return SD_EXIT_USAGE;
    }

    sd_error err = SD_ERROR_INIT;
    sd_status st = SD_OK;
    review_ctx c;
    memset(&c, 0, sizeof c);
    sd_buf path = SD_BUF_INIT, sheet = SD_BUF_INIT;
    sd_reviews *existing = NULL;
    sd_review_writer *w = NULL;
    if (file)
        sd_buf_puts(&path, file);
    else
        st = sd_review_default_path(log_path, &path, &err);
    bool window = !csv_out && !csv_in && sd_window_display_available();
    if (st == SD_OK && window) {
        /* The replay window with the review panel: it scores the log itself. */
        sd_replay_config cfg = {.log_path = log_path, .lang = lang, .width = 1280, .height = 800,
                                .review_path = sd_buf_str(&path), .evaluator = evaluator};
        sd_app *app = NULL;
        st = sd_replay_open(&cfg, &app, &err);
        if (st == SD_OK)
            st = sd_app_run(app, &err);
        sd_app_destroy(app);
        if (st == SD_OK)
            sd_term_printf(stdout, "Review: %s\n", sd_buf_str(&path));
        goto out;
    }
    if (st == SD_OK)
        st = load(log_path, &c, &err);
    const sd_results *res = st == SD_OK ? sd_replay_log_results(c.log) : NULL;
    sd_review_csv_ctx cx = {.r = res, .targets = c.targets, .n = c.n_targets, .item_text = c.item_text};
    if (st == SD_OK && csv_in) {
        const sd_rec_header *h = sd_results_header(res);
        st = sd_review_writer_open(sd_buf_str(&path), log_path, h->scenario_id, &w, &err);
        if (st == SD_OK && sd_review_writer_warning(w))
            sd_term_printf(stderr, "stormdrill review: warning: %s\n", sd_review_writer_warning(w));
        if (st == SD_OK)
            st = sd_reviews_check(sd_review_writer_reviews(w), res, &err);
        size_t written = 0, skipped = 0;
        if (st == SD_OK)
            st = sd_review_csv_read(csv_in, &cx, evaluator, w, &written, &skipped, &err);
        if (st == SD_OK) {
            sd_term_printf(stdout, "%zu marks from %s written to %s", written, csv_in, sd_buf_str(&path));
            if (skipped)
                sd_term_printf(stdout, " (%zu rows unchanged)", skipped);
            sd_term_printf(stdout, "\n");
        }
        sd_error e2 = SD_ERROR_INIT;
        if (sd_review_writer_close(w, &e2) != SD_OK && st == SD_OK)
            st = sd_error_set(&err, SD_ERR_IO, "%s", sd_error_msg(&e2));
        sd_error_clear(&e2);
        goto out;
    }
    if (st == SD_OK) {
        /* The sheet, with the marks made so far filled in. */
        FILE *probe = fopen(sd_buf_str(&path), "rb");
        if (probe) {
            fclose(probe);
            st = sd_reviews_load(sd_buf_str(&path), log_path, &existing, &err);
            if (st == SD_OK)
                st = sd_reviews_check(existing, res, &err);
            cx.existing = existing;
        }
        bool must_be_new = csv_out == NULL;
        if (st == SD_OK) {
            if (csv_out)
                sd_buf_puts(&sheet, csv_out);
            else {
                sd_buf_puts(&sheet, log_path);
                sd_buf_puts(&sheet, ".review.csv");
                sd_term_printf(stderr, "stormdrill review: no display for the review window (%s); writing the "
                               "review as a sheet to fill in instead\n",
                               getenv("SDL_VIDEODRIVER") || getenv("DISPLAY") || getenv("WAYLAND_DISPLAY")
                                   ? SDL_GetError() : "neither DISPLAY nor WAYLAND_DISPLAY is set");
            }
            st = sd_buf_ok(&sheet) ? sd_review_csv_write(sd_buf_str(&sheet), must_be_new, &cx, &err)
                                   : sd_error_set(&err, SD_ERR_MEMORY, "out of memory");
        }
        if (st == SD_OK)
            sd_term_printf(stdout, "%zu replies and decisions to review in %s; fill in the columns answers, "
                           "tone_ok, decision_ok and note, then: stormdrill review %s --csv-in %s%s%s\n",
                           c.n_targets, sd_buf_str(&sheet), log_path, sd_buf_str(&sheet),
                           evaluator ? " --evaluator " : "", evaluator ? evaluator : "");
    }
out:;
    int rc = SD_EXIT_OK;
    if (st != SD_OK) {
        sd_term_printf(stderr, "stormdrill review: %s\n", sd_error_msg(&err));
        rc = sd_exit_for(&err);
    }
    sd_reviews_free(existing);
    ctx_free(&c);
    sd_buf_free(&path);
    sd_buf_free(&sheet);
    sd_error_clear(&err);
    return rc;
}
