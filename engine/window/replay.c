/* replay.c - the window's replay mode (`stormdrill replay LOG`): a finished session log read
 * whole into memory (sd_replay_log), a replay clock that plays it back at a chosen speed,
 * and the window's own model and panels fed the records up to the replay time; the time
 * slider, the REPLAY banner and the replay's keys; the scorecard of the log at the end.
 * Also the view-clock helpers (sd_app_now ...) the panels use in both modes. Read-only:
 * nothing here acts on a session or writes a file. In review mode (`stormdrill review LOG`,
 * a review file in the config) the situation panel gives way to the review panel
 * (review_panel.h), which writes the evaluator's marks to the review file. */
#include "app_internal.h"
#include "replay.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log/logr.h"
#include "review_panel.h"
#include "scenario/content_rules.h"
#include "util/arena.h"

/* ==== the log in memory ==== */

struct sd_replay_log {
    sd_record *recs;        /* owned; their strings live in the arena */
    size_t n, cap;
    sd_arena arena;
    const sd_content **contents; /* the header's contents, copied (arena); by index */
    size_t n_contents;
    sd_results *res;        /* the results of the whole log (owned) */
    char *torn;             /* owned, or NULL */
    sd_time start, end;
};

static const char *keep(sd_replay_log *l, const char *s, bool *oom)
{
    if (!s)
        return NULL;
    char *c = sd_arena_strdup(&l->arena, s);
    if (!c)
        *oom = true;
    return c;
}

/* The copy of a content an item points to: the header's copy by index, or a copy of its
 * own (declared at run time); NULL stays NULL. */
static const sd_content *keep_content(sd_replay_log *l, const sd_content *c, bool *oom)
{
    if (c == NULL)
        return NULL;
    if (c->index >= 0 && (size_t)c->index < l->n_contents)
        return l->contents[c->index];
    const sd_content *k = sd_content_copy(&l->arena, c);
    if (k == NULL)
        *oom = true;
    return k;
}

/* A deep copy of in (strings and contents into the arena). Record types this build does
 * not display (the facilitator's, and any added later) keep only their type and times. */
static sd_status copy_record(sd_replay_log *l, const sd_record *in, sd_record *out, int64_t item_no,
                             sd_error *err)
{
    bool oom = false;
    *out = *in;
    switch (in->type) {
    case SD_REC_HEADER: {
        sd_rec_header *h = &out->u.header;
        h->program = keep(l, h->program, &oom);
        h->scenario_id = keep(l, h->scenario_id, &oom);
        h->scenario_title = keep(l, h->scenario_title, &oom);
        h->scenario_path = keep(l, h->scenario_path, &oom);
        h->scenario_sha256 = keep(l, h->scenario_sha256, &oom);
        h->participant = keep(l, h->participant, &oom);
        h->participant_kind = keep(l, h->participant_kind, &oom);
        h->participant_path = keep(l, h->participant_path, &oom);
        h->participant_sha256 = keep(l, h->participant_sha256, &oom);
        h->date = keep(l, h->date, &oom);
        h->seal_key_id = keep(l, h->seal_key_id, &oom);
        if (in->u.header.n_contents > 0) {
            size_t n = in->u.header.n_contents;
            l->contents = sd_arena_alloc(&l->arena, n * sizeof *l->contents);
            if (l->contents == NULL)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            for (size_t i = 0; i < n; i++)
                if ((l->contents[i] = sd_content_copy(&l->arena, in->u.header.contents[i])) == NULL)
                    return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            l->n_contents = n;
        }
        h->contents = l->contents;
        h->n_contents = l->n_contents;
        h->scoring.statement = keep_content(l, in->u.header.scoring.statement, &oom);
        if (in->u.header.n_themes > 0) {
            size_t n = in->u.header.n_themes;
            sd_rec_theme *t = sd_arena_alloc(&l->arena, n * sizeof *t);
            if (t == NULL)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            for (size_t i = 0; i < n; i++) {
                t[i] = in->u.header.themes[i];
                t[i].storm = keep(l, t[i].storm, &oom);
                t[i].id = keep(l, t[i].id, &oom);
                t[i].label = keep(l, t[i].label, &oom);
                t[i].content = keep_content(l, t[i].content, &oom);
            }
            h->themes = t;
        }
        if (in->u.header.scoring.n_words > 0) {
            const char **w = sd_arena_alloc(&l->arena, in->u.header.scoring.n_words * sizeof *w);
            if (w == NULL)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            for (size_t i = 0; i < in->u.header.scoring.n_words; i++)
                w[i] = keep(l, in->u.header.scoring.words[i], &oom);
            h->scoring.words = w;
        }
        break;
    }
    case SD_REC_ITEM: {
        sd_rec_item *it = &out->u.item;
        it->id = keep(l, it->id, &oom);
        it->author_id = keep(l, it->author_id, &oom);
        it->first = keep(l, it->first, &oom);
        it->last = keep(l, it->last, &oom);
        it->handle = keep(l, it->handle, &oom);
        it->image = keep(l, it->image, &oom);
        it->image_alt = keep(l, it->image_alt, &oom);
        it->link_title = keep(l, it->link_title, &oom);
        it->link_site = keep(l, it->link_site, &oom);
        it->parent = keep(l, it->parent, &oom);
        it->text = keep(l, it->text, &oom);
        it->title = keep(l, it->title, &oom);
        it->outlet = keep(l, it->outlet, &oom);
        it->url = keep(l, it->url, &oom);
        it->repeat_of = keep(l, it->repeat_of, &oom);
        it->storm = keep(l, it->storm, &oom);
        it->theme = keep(l, it->theme, &oom);
        it->by = keep(l, it->by, &oom);
        it->index = item_no;
        sd_expect *e = sd_arena_alloc(&l->arena, sizeof *e);
        if (!e)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        if (in->u.item.expect)
            *e = *in->u.item.expect;
        else
            memset(e, 0, sizeof *e);
        e->link = keep(l, e->link, &oom);
        e->person = keep(l, e->person, &oom);
        e->content = keep_content(l, e->content, &oom);
        e->statement = keep_content(l, e->statement, &oom);
        it->expect = e;
        break;
    }
    case SD_REC_ACTION:
    case SD_REC_REJECTED: {
        sd_rec_action *a = &out->u.action;
        a->item = keep(l, a->item, &oom);
        a->text = keep(l, a->text, &oom);
        a->person = keep(l, a->person, &oom);
        a->reason = keep(l, a->reason, &oom);
        a->error = keep(l, a->error, &oom);
        a->by = keep(l, a->by, &oom);
        a->item_index = -1;
        break;
    }
    case SD_REC_STATE:
        break;
    case SD_REC_END:
        out->u.end.reason = keep(l, out->u.end.reason, &oom);
        break;
    default:
        memset(&out->u, 0, sizeof out->u);
        break;
    }
    return oom ? sd_error_set(err, SD_ERR_MEMORY, "out of memory") : SD_OK;
}

static bool displayed_type(sd_record_type t)
{
    return t == SD_REC_HEADER || t == SD_REC_ITEM || t == SD_REC_ACTION || t == SD_REC_REJECTED ||
           t == SD_REC_STATE || t == SD_REC_END;
}

sd_status sd_replay_log_load(const char *path, size_t max_records, sd_replay_log **out, sd_error *err)
{
    *out = NULL;
    if (max_records == 0)
        max_records = SD_REPLAY_MAX_RECORDS;
    sd_replay_log *l = calloc(1, sizeof *l);
    if (!l)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    sd_logr *r = NULL;
    sd_status st = sd_logr_open(path, &r, err);
    if (st == SD_OK)
        st = sd_results_create(&l->res, err);
    int64_t items = 0;
    bool have_end = false;
    while (st == SD_OK) {
        sd_record rec;
        bool got = false;
        if ((st = sd_logr_next(r, &rec, &got, err)) != SD_OK || !got)
            break;
        if (l->n == max_records) {
            st = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: the log has more than %zu records, too many to "
                              "replay (stormdrill score LOG scores it)", path, sd_logr_line(r), max_records);
            break;
        }
        /* The whole log is folded into results first: that checks it (an action on an item
         * that never arrived, a second header ...) and gives the scorecard at the end. */
        if (displayed_type(rec.type) && (st = sd_results_add(l->res, &rec, err)) != SD_OK) {
            sd_error_prefix(err, "%s:%zu", path, sd_logr_line(r));
            break;
        }
        if (l->n == l->cap) {
            size_t cap = l->cap ? l->cap * 2 : 1024;
            sd_record *p = realloc(l->recs, cap * sizeof *p);
            if (!p) {
                st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
                break;
            }
            l->recs = p;
            l->cap = cap;
        }
        sd_record *c = &l->recs[l->n];
        if ((st = copy_record(l, &rec, c, rec.type == SD_REC_ITEM ? items : -1, err)) != SD_OK)
            break;
        if (rec.type == SD_REC_ITEM)
            items++;
        if (rec.type == SD_REC_ACTION && rec.u.action.item && rec.u.action.kind != SD_ACT_DRAFT) {
            /* the item it acts on, as the results found it: the model needs the index (a
             * draft is not among the results' actions) */
            size_t na = sd_results_n_actions(l->res);
            c->u.action.item_index = na ? sd_results_actions(l->res)[na - 1].item : -1;
        }
        if (rec.type == SD_REC_END && !have_end) {
            have_end = true;
            l->end = rec.t;
        }
        l->n++;
    }
    if (st == SD_OK && l->n == 0)
        st = sd_error_set(err, SD_ERR_INPUT, "%s: the log is empty", path);
    const char *torn = NULL;
    if (st == SD_OK && sd_logr_torn(r, &torn) && torn) {
        size_t n = strlen(torn) + 1;
        if ((l->torn = malloc(n)) != NULL)
            memcpy(l->torn, torn, n);
    }
    sd_logr_close(r);
    if (st != SD_OK) {
        sd_replay_log_free(l);
        return st;
    }
    l->start = l->recs[0].t;
    if (!have_end)
        l->end = l->recs[l->n - 1].t;
    if (l->end < l->start)
        l->end = l->start;
    *out = l;
    return SD_OK;
}

void sd_replay_log_free(sd_replay_log *l)
{
    if (!l)
        return;
    sd_results_free(l->res);
    sd_arena_free(&l->arena);
    free(l->recs);
    free(l->torn);
    free(l);
}

size_t sd_replay_log_n_records(const sd_replay_log *l) { return l->n; }
const sd_record *sd_replay_log_record(const sd_replay_log *l, size_t i) { return &l->recs[i]; }
sd_results *sd_replay_log_results(sd_replay_log *l) { return l->res; }
const char *sd_replay_log_torn(const sd_replay_log *l) { return l->torn; }
sd_time sd_replay_log_start(const sd_replay_log *l) { return l->start; }
sd_time sd_replay_log_end(const sd_replay_log *l) { return l->end; }

/* ==== the replay state ==== */

#define SD_REPLAY_JUMP 300 /* Left / Right: five simulated minutes */

struct sd_replay {
    sd_replay_log *log;     /* owned */
    sd_scenario sc;         /* what the panels read of the scenario, from the header; its
                               strings are the log's (app->sc points here) */
    double pos;             /* the replay clock, simulated seconds (fractions kept) */
    sd_time now;            /* floor(pos): records with t <= now are shown */
    double speed;           /* simulated seconds per real second */
    double steps[4];        /* 1x, the log's compression, 4x and 16x that */
    bool paused;
    size_t cursor;          /* records folded into app->res and app->model */
    double intensity, sentiment; /* from the last state record shown */
    size_t rejected;
    bool card_dismissed;    /* Esc on the scorecard: stay at the end without it */
    bool dragging;          /* the slider is being dragged */
    SDL_Rect slider, track; /* where the last frame drew them */
    sd_review_panel *review; /* review mode: the panel (owned), else NULL */
};

/* ---- folding records into the view ---- */

static sd_status reset_view(sd_app *app, sd_error *err)
{
    sd_replay *rp = app->replay;
    sd_model_free(app->model);
    app->model = NULL;
    sd_results_free(app->res);
    app->res = NULL;
    rp->cursor = 0;
    rp->rejected = 0;
    rp->intensity = 1;
    rp->sentiment = 0;
    sd_status st = sd_results_create(&app->res, err);
    if (st == SD_OK)
        st = sd_model_create(app->res, &app->model, err);
    return st;
}

/* Folds the records with t <= t into the results and the model, in log order: the same
 * results first, then the model, that a running session's observers see. */
static sd_status apply_until(sd_app *app, sd_time t, sd_error *err)
{
    sd_replay *rp = app->replay;
    const sd_replay_log *l = rp->log;
    while (rp->cursor < l->n && l->recs[rp->cursor].t <= t) {
        const sd_record *rec = &l->recs[rp->cursor];
        if (displayed_type(rec->type)) {
            sd_status st = sd_results_add(app->res, rec, err);
            if (st == SD_OK)
                st = sd_model_on_record(app->model, rec, err);
            if (st != SD_OK)
                return st;
            if (rec->type == SD_REC_STATE) {
                rp->intensity = rec->u.state.intensity;
                rp->sentiment = rec->u.state.sentiment;
            } else if (rec->type == SD_REC_REJECTED)
                rp->rejected++;
        }
        rp->cursor++;
    }
    return SD_OK;
}

/* Moves the replay clock to t (clamped to the log's span). Back: rebuilt from the start. */
static sd_status seek_pos(sd_app *app, double pos, sd_error *err)
{
    sd_replay *rp = app->replay;
    const sd_replay_log *l = rp->log;
    if (pos < (double)l->start)
        pos = (double)l->start;
    if (pos > (double)l->end)
        pos = (double)l->end;
    sd_time t = (sd_time)floor(pos);
    sd_status st = SD_OK;
    if (rp->cursor > 0 && l->recs[rp->cursor - 1].t > t) {
        if ((st = reset_view(app, err)) != SD_OK)
            return st;
        if (app->selected >= 0)
            app->top = 0; /* the feed finds the selection again (sd_feed_select_valid) */
    }
    rp->pos = pos;
    rp->now = t;
    st = apply_until(app, t, err);
    if (app->selected >= 0 && (size_t)app->selected >= sd_model_n_items(app->model))
        app->selected = -1;
    if (t < l->end) {
        rp->card_dismissed = false;
        app->scorecard = false;
    }
    return st;
}

sd_status sd_replay_seek(sd_app *app, sd_time t, sd_error *err)
{
    if (!app->replay)
        return sd_error_set(err, SD_ERR_USAGE, "not a replay");
    return seek_pos(app, (double)t, err);
}

/* ---- create / destroy ---- */

static sd_status open_window(sd_app *app, const sd_replay_config *cfg, sd_error *err)
{
    /* As the exercise window does (app.c): the caller chose the video driver; no vsync. */
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return sd_error_set(err, SD_ERR_IO, "SDL: %s", SDL_GetError());
    int w = cfg->width > 0 ? cfg->width : 1280, h = cfg->height > 0 ? cfg->height : 800;
    char title[300];
    snprintf(title, sizeof title, "Stormdrill - %s - %s",
             sd_app_t(app, app->replay->review ? "ui.review.banner" : "ui.replay.banner"),
             app->sc->title ? app->sc->title : app->sc->id);
    app->win = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | (cfg->hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN));
    if (app->win)
        app->ren = SDL_CreateRenderer(app->win, -1, 0);
    if (!app->win || !app->ren)
        return sd_error_set(err, SD_ERR_IO, "SDL: %s", SDL_GetError());
    char fonts[1100];
    snprintf(fonts, sizeof fonts, "%s/fonts", sd_assets_dir());
    sd_status st = sd_text_create(app->ren, fonts, 48u << 20, &app->text, err);
    if (st != SD_OK)
        return st;
    sd_theme_init(&app->theme, cfg->text_scale > 0 ? cfg->text_scale : 1.0);
    app->draw = (sd_draw){.r = app->ren, .text = app->text, .th = &app->theme, .debug = cfg->debug_rects};
    return SD_OK;
}

/* The scenario as the panels see it, from the log's header (the scenario file itself is
 * not needed: the log is the record). */
static void scenario_from_header(sd_replay *rp)
{
    const sd_rec_header *h = &rp->log->recs[0].u.header;
    sd_scenario *sc = &rp->sc;
    memset(sc, 0, sizeof *sc);
    sc->path = h->scenario_path;
    sc->display = h->scenario_path;
    sc->id = h->scenario_id;
    sc->title = h->scenario_title;
    sc->lang = h->lang;
    sc->start = rp->log->start;
    sc->duration = rp->log->end - rp->log->start; /* what the replay spans */
    sc->compression = h->compression > 0 ? h->compression : 1;
    sc->seed = h->seed;
    sc->scoring = h->scoring;
    sc->default_max_words = h->scoring.max_words;
}

sd_status sd_replay_open(const sd_replay_config *cfg, sd_app **out, sd_error *err)
{
    *out = NULL;
    if (!cfg->log_path)
        return sd_error_set(err, SD_ERR_USAGE, "the replay needs a log");
    sd_app *app = calloc(1, sizeof *app);
    sd_replay *rp = calloc(1, sizeof *rp);
    if (!app || !rp) {
        free(app);
        free(rp);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    app->replay = rp;
    app->selected = -1;
    app->edit_item = -1;
    app->checked_item = -2;
    app->coach = true; /* the thread shows the link a reply should have carried */
    app->filter = SD_FILTER_ALL;
    snprintf(app->log_path, sizeof app->log_path, "%s", cfg->log_path);
    sd_status st = sd_replay_log_load(cfg->log_path, cfg->max_records, &rp->log, err);
    if (st != SD_OK)
        goto fail;
    scenario_from_header(rp);
    app->sc = &rp->sc;
    const sd_rec_header *h = &rp->log->recs[0].u.header;
    snprintf(app->participant, sizeof app->participant, "%s", h->participant ? h->participant : "");
    app->ui_lang = cfg->lang >= 0 && cfg->lang < SD_LANG_COUNT ? (sd_language)cfg->lang : h->lang;
    if ((st = sd_texts_load(sd_assets_dir(), app->ui_lang, &app->tx, err)) != SD_OK ||
        (st = sd_lexicons_load(sd_assets_dir(), &app->lx, err)) != SD_OK ||
        (st = sd_score_compute(rp->log->res, app->lx, app->tx, &app->score, err)) != SD_OK)
        goto fail;
    double c = rp->sc.compression;
    rp->steps[0] = 1;
    rp->steps[1] = c;
    rp->steps[2] = 4 * c;
    rp->steps[3] = 16 * c;
    rp->speed = cfg->speed > 0 ? cfg->speed : c;
    if (cfg->review_path) {
        /* review mode: paused, no scorecard at the end, the review panel on the right */
        rp->paused = true;
        rp->card_dismissed = true;
        if ((st = sd_review_panel_create(app, cfg->review_path, cfg->evaluator, &rp->review, err)) != SD_OK)
            goto fail;
    }
    if ((st = open_window(app, cfg, err)) != SD_OK || (st = reset_view(app, err)) != SD_OK ||
        (st = seek_pos(app, (double)rp->log->start, err)) != SD_OK)
        goto fail;
    if (rp->log->torn)
        sd_app_say(app, true, "%s", rp->log->torn);
    else
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.replay.welcome"));
    if (rp->review && (st = sd_review_panel_start(app, rp->review, err)) != SD_OK)
        goto fail;
    *out = app;
    return SD_OK;
fail:
    sd_app_destroy(app);
    return st;
}

void sd_replay_detach(sd_app *app)
{
    sd_replay *rp = app ? app->replay : NULL;
    if (!rp)
        return;
    /* The score borrows the log's results and the app's scenario is the replay's. */
    sd_score_free(app->score);
    app->score = NULL;
    app->chart_for = NULL; /* the chart was built for it */
    app->sc = NULL;
    sd_review_panel_free(rp->review);
    sd_replay_log_free(rp->log);
    free(rp);
    app->replay = NULL;
}

/* ---- keys and the mouse ---- */

static void say_pace(sd_app *app)
{
    sd_replay *rp = app->replay;
    if (rp->paused)
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.replay.paused"));
    else
        sd_app_say(app, false, "%s x%g", sd_app_t(app, "ui.status.speed"), rp->speed);
}

static void set_speed(sd_app *app, double speed)
{
    app->replay->speed = speed;
    app->replay->paused = false;
    say_pace(app);
}

/* The next step up (dir 1) or down (-1) from the current speed. */
static void step_speed(sd_app *app, int dir)
{
    sd_replay *rp = app->replay;
    double pick = rp->speed;
    for (int i = 0; i < 4; i++) {
        double s = rp->steps[dir > 0 ? i : 3 - i];
        if (dir > 0 ? s > rp->speed * 1.000001 : s < rp->speed * 0.999999) {
            pick = s;
            break;
        }
    }
    set_speed(app, pick);
}

static sd_status jump(sd_app *app, double pos, sd_error *err)
{
    sd_status st = seek_pos(app, pos, err);
    char t[20];
    sd_time_format(app->replay->now, t);
    sd_app_say(app, false, "%s %.5s", sd_app_t(app, "ui.replay.at"), t + 11);
    return st;
}

static void set_filter(sd_app *app, int dir)
{
    app->filter = (sd_filter)((app->filter + (dir > 0 ? 1 : SD_FILTER_COUNT - 1)) % SD_FILTER_COUNT);
    app->top = 0;
    sd_feed_select_valid(app);
}

static sd_status on_key(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err)
{
    sd_replay *rp = app->replay;
    const sd_replay_log *l = rp->log;
    SDL_Keycode c = k->keysym.sym;
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    if (ctrl && (c == SDLK_PLUS || c == SDLK_EQUALS || c == SDLK_KP_PLUS || c == SDLK_MINUS || c == SDLK_KP_MINUS || c == SDLK_0)) {
        if (c == SDLK_0)
            sd_theme_init(&app->theme, 1.0);
        else
            sd_theme_step_scale(&app->theme, c == SDLK_MINUS || c == SDLK_KP_MINUS ? -1 : 1);
        sd_app_say(app, false, "%s %d %%", sd_app_t(app, "ui.status.text_size"), (int)(app->theme.scale * 100 + 0.5));
        return SD_OK;
    }
    if (c == SDLK_q) {
        app->quit = true;
        return SD_OK;
    }
    if (app->scorecard) {
        if (c == SDLK_ESCAPE) {
            rp->card_dismissed = true;
            app->scorecard = false;
        } else if (c == SDLK_HOME || c == SDLK_SPACE) {
            rp->paused = c == SDLK_HOME ? rp->paused : false; /* Space: play again */
            return jump(app, (double)l->start, err);
        }
        else if (c == SDLK_LEFT)
            return jump(app, rp->pos - SD_REPLAY_JUMP, err);
        return SD_OK;
    }
    int page = app->feed_rows > 1 ? app->feed_rows - 1 : 1;
    switch (c) {
    case SDLK_SPACE:
        if (rp->now >= l->end) { /* at the end: play again from the start */
            sd_status st = seek_pos(app, (double)l->start, err);
            rp->paused = false;
            say_pace(app);
            return st;
        }
        rp->paused = !rp->paused;
        say_pace(app);
        return SD_OK;
    case SDLK_1: case SDLK_2: case SDLK_3: case SDLK_4:
        set_speed(app, rp->steps[c - SDLK_1]);
        return SD_OK;
    case SDLK_KP_1: case SDLK_KP_2: case SDLK_KP_3: case SDLK_KP_4:
        set_speed(app, rp->steps[c - SDLK_KP_1]);
        return SD_OK;
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: step_speed(app, 1); return SD_OK;
    case SDLK_MINUS: case SDLK_KP_MINUS: step_speed(app, -1); return SD_OK;
    case SDLK_LEFT: return jump(app, rp->pos - SD_REPLAY_JUMP, err);
    case SDLK_RIGHT: return jump(app, rp->pos + SD_REPLAY_JUMP, err);
    case SDLK_HOME: return jump(app, (double)l->start, err);
    case SDLK_END: return jump(app, (double)l->end, err);
    case SDLK_UP: sd_feed_move(app, -1); return SD_OK;
    case SDLK_DOWN: sd_feed_move(app, 1); return SD_OK;
    case SDLK_PAGEUP: sd_feed_move(app, -page); return SD_OK;
    case SDLK_PAGEDOWN: sd_feed_move(app, page); return SD_OK;
    case SDLK_TAB: set_filter(app, (k->keysym.mod & KMOD_SHIFT) ? -1 : 1); return SD_OK;
    case SDLK_o: sd_feed_toggle_order(app); return SD_OK;
    default: return SD_OK;
    }
}

static sd_status slider_to(sd_app *app, int x, sd_error *err)
{
    sd_replay *rp = app->replay;
    const sd_replay_log *l = rp->log;
    if (rp->track.w <= 0)
        return SD_OK;
    double f = (double)(x - rp->track.x) / rp->track.w;
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return seek_pos(app, (double)l->start + f * (double)(l->end - l->start), err);
}

static bool inside(SDL_Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static sd_status on_event(sd_app *app, const SDL_Event *ev, sd_error *err)
{
    sd_replay *rp = app->replay;
    int x, y;
    if (rp->review && ev->type != SDL_QUIT) {
        bool handled = false;
        sd_status st = sd_review_panel_event(app, rp->review, ev, &handled, err);
        if (st != SD_OK || handled)
            return st;
    }
    switch (ev->type) {
    case SDL_QUIT:
        app->quit = true;
        break;
    case SDL_KEYDOWN:
        return on_key(app, &ev->key, err);
    case SDL_MOUSEBUTTONDOWN:
        x = ev->button.x, y = ev->button.y;
        sd_app_mouse_to_pixels(app, &x, &y);
        if (ev->button.button == SDL_BUTTON_LEFT && inside(rp->slider, x, y)) {
            rp->dragging = true;
            return slider_to(app, x, err);
        }
        if (ev->button.button == SDL_BUTTON_LEFT && !app->scorecard && app->hit.order.w > 0 &&
            inside(app->hit.order, x, y))
            sd_feed_toggle_order(app);
        break;
    case SDL_MOUSEMOTION:
        if (rp->dragging) {
            x = ev->motion.x, y = ev->motion.y;
            sd_app_mouse_to_pixels(app, &x, &y);
            return slider_to(app, x, err);
        }
        break;
    case SDL_MOUSEBUTTONUP:
        if (ev->button.button == SDL_BUTTON_LEFT)
            rp->dragging = false;
        break;
    case SDL_MOUSEWHEEL:
        if (!app->scorecard)
            sd_feed_move(app, ev->wheel.y > 0 ? -3 : 3);
        break;
    default:
        break;
    }
    return SD_OK;
}

/* ---- drawing ---- */

static void draw_top(sd_app *app, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_draw_panel(d, "topbar", r, th->accent);
    int lh = sd_text_line_height(app->text, th->font_body, true);
    int y = r.y + (r.h - lh) / 2, x = r.x + th->pad, right = r.x + r.w - th->pad;
    int avail = right - x;
    const char *banner = sd_app_t(app, app->replay->review ? "ui.review.banner" : "ui.replay.banner");
    int cw = sd_draw_chip_width(d, th->font_body, banner);
    if (cw > avail / 3)
        cw = avail / 3;
    int cy = r.y + (r.h - sd_text_line_height(app->text, th->font_body, false)) / 2;
    right -= sd_draw_chip(d, th->font_body, th->chip_text, th->warn_bg, right - cw, cy, cw, banner) + th->pad;
    int pw = sd_text_width(app->text, th->font_body, false, app->participant, strlen(app->participant));
    if (pw > (right - x) / 2)
        pw = (right - x) / 2;
    right = sd_draw_str_right(d, th->font_body, false, th->accent_text, right, y, pw, app->participant) - th->pad;
    sd_draw_str(d, th->font_body, true, th->accent_text, x, y, right - x, app->sc->title ? app->sc->title : app->sc->id);
}

static void draw_status(sd_app *app, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_draw_panel(d, "statusbar", r, th->panel_alt);
    int lh = sd_text_line_height(app->text, th->font_body, true);
    int y = r.y + (r.h - lh) / 2, x = r.x + th->pad, right = r.x + r.w - th->pad;
    const char *hint = app->replay->review && !app->scorecard ? sd_review_panel_hint(app, app->replay->review)
                       : sd_app_t(app, app->scorecard ? "ui.replay.hint_card" : "ui.replay.hint");
    int avail = right - x;
    int hw = sd_text_width(app->text, th->font_small, false, hint, strlen(hint));
    if (hw > avail / 2)
        hw = avail / 2;
    sd_draw_str_right(d, th->font_small, false, th->muted, right, y, hw, hint);
    sd_draw_str(d, th->font_body, false, app->status_bad ? th->bad : th->text, x, y, avail - hw - th->pad, app->status);
}

/* The time slider: pace, the replay time, the track with the part played, the end time. */
static void draw_slider(sd_app *app, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_replay *rp = app->replay;
    const sd_replay_log *l = rp->log;
    sd_draw_panel(d, "slider", r, th->panel);
    sd_draw_fill(d, (SDL_Rect){r.x, r.y, r.w, 1}, th->border);
    rp->slider = r;
    int lh = sd_text_line_height(app->text, th->font_body, true);
    int y = r.y + (r.h - lh) / 2, x = r.x + th->pad, right = r.x + r.w - th->pad;
    char pace[64], now[20], end[20], buf[40];
    if (rp->paused)
        snprintf(pace, sizeof pace, "%s", sd_app_t(app, "ui.sit.paused"));
    else
        snprintf(pace, sizeof pace, "x%g", rp->speed);
    sd_time_format(rp->now, now);
    sd_time_format(l->end, end);
    int quarter = (right - x) / 4;
    x += sd_draw_str(d, th->font_body, true, rp->paused ? th->warn : th->text, x, y, quarter / 2, pace) + th->pad;
    snprintf(buf, sizeof buf, "%.5s", now + 11);
    x += sd_draw_str(d, th->font_body, true, th->text, x, y, quarter / 2, buf) + th->pad;
    snprintf(buf, sizeof buf, "%.5s", end + 11);
    right = sd_draw_str_right(d, th->font_body, false, th->muted, right, y, quarter / 2, buf) - th->pad;
    int th_h = th->pad > 4 ? th->pad : 4;
    rp->track = (SDL_Rect){x, r.y + (r.h - th_h) / 2, right - x, th_h};
    if (rp->track.w <= 0) {
        rp->track.w = 0;
        return;
    }
    sd_draw_fill(d, rp->track, th->panel_alt);
    sd_draw_frame(d, rp->track, th->border);
    double f = l->end > l->start ? (rp->pos - (double)l->start) / (double)(l->end - l->start) : 1;
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    int fill = (int)(f * rp->track.w);
    sd_draw_fill(d, (SDL_Rect){rp->track.x, rp->track.y, fill, rp->track.h}, th->accent);
    int kw = th->gap > 2 ? th->gap * 2 : 4, kh = r.h - 2 * th->gap;
    if (kh > 3 * th_h)
        kh = 3 * th_h;
    int kx = rp->track.x + fill - kw / 2;
    if (kx < r.x)
        kx = r.x;
    if (kx + kw > r.x + r.w)
        kx = r.x + r.w - kw;
    sd_draw_fill(d, (SDL_Rect){kx, r.y + (r.h - kh) / 2, kw, kh}, th->text);
}

void sd_replay_render(sd_app *app)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_app_update_density(app); /* sizes in output pixels (mouse.c) */
    sd_draw_begin_frame(d);
    int w = d->clip.w, h = d->clip.h;
    SDL_SetRenderDrawColor(app->ren, th->bg.r, th->bg.g, th->bg.b, 255);
    SDL_RenderClear(app->ren);
    int bar_h = sd_text_line_height(app->text, th->font_body, true) + th->pad;
    int slider_h = bar_h + th->pad;
    app->thread_actions = 0;
    draw_top(app, (SDL_Rect){0, 0, w, bar_h});
    draw_status(app, (SDL_Rect){0, h - bar_h, w, bar_h});
    draw_slider(app, (SDL_Rect){0, h - bar_h - slider_h, w, slider_h});
    SDL_Rect body = {0, bar_h + 1, w, h - 2 * bar_h - slider_h - 2};
    if (body.h > 0) {
        if (app->scorecard) {
            sd_scorecard_draw(app, body);
        } else {
            /* the exercise window's layout (app.c); in review mode the review panel, wider,
             * in the situation's place */
            sd_replay *rp = app->replay;
            int feed_w = w * (rp->review ? 30 : 36) / 100, sit_w = w * (rp->review ? 34 : 25) / 100, g = 1;
            sd_feed_draw(app, (SDL_Rect){body.x, body.y, feed_w - g, body.h});
            sd_thread_draw(app, (SDL_Rect){body.x + feed_w, body.y, w - feed_w - sit_w - g, body.h});
            if (rp->review)
                sd_review_panel_draw(app, rp->review, (SDL_Rect){w - sit_w, body.y, sit_w, body.h});
            else
                sd_situation_draw(app, (SDL_Rect){w - sit_w, body.y, sit_w, body.h});
        }
    }
    SDL_RenderSetClipRect(app->ren, NULL);
}

/* ---- the frame ---- */

sd_status sd_replay_frame(sd_app *app, double real_seconds, bool *running, sd_error *err)
{
    sd_replay *rp = app->replay;
    const sd_replay_log *l = rp->log;
    sd_status st = SD_OK;
    SDL_Event ev;
    while (st == SD_OK && SDL_PollEvent(&ev))
        st = on_event(app, &ev, err);
    if (st == SD_OK && !rp->paused && !rp->dragging && real_seconds > 0 && rp->now < l->end) {
        st = seek_pos(app, rp->pos + real_seconds * rp->speed, err);
        if (rp->now >= l->end) {
            rp->paused = true;
            sd_app_say(app, false, "%s", sd_app_t(app, "ui.replay.ended"));
        }
    }
    if (st != SD_OK)
        return st;
    if (rp->now >= l->end && !rp->card_dismissed && app->score)
        app->scorecard = true;
    if (!app->scorecard)
        sd_feed_select_valid(app);
    sd_replay_render(app);
    SDL_RenderPresent(app->ren);
    sd_text_get_stats(app->text, &app->last_stats);
    sd_text_end_frame(app->text);
    app->frames++;
    *running = !app->quit;
    return SD_OK;
}

/* ==== what the panels show, in both modes ==== */

sd_time sd_app_now(const sd_app *app)
{
    return app->replay ? app->replay->now : sd_session_now(app->s);
}

bool sd_app_paused(const sd_app *app)
{
    return app->replay ? app->replay->paused : sd_session_paused(app->s);
}

double sd_app_speed(const sd_app *app)
{
    return app->replay ? app->replay->speed : sd_session_compression(app->s);
}

bool sd_app_finished(const sd_app *app)
{
    return app->replay ? app->replay->now >= app->replay->log->end : sd_session_finished(app->s);
}

void sd_app_situation(sd_app *app, sd_situation *out)
{
    sd_replay *rp = app->replay;
    if (!rp) {
        sd_session_situation(app->s, out);
        return;
    }
    /* As of the replay time, from the items shown; the audience figures from the last state
     * record (they come every five simulated minutes). */
    memset(out, 0, sizeof *out);
    out->now = rp->now;
    size_t n = sd_model_n_items(app->model);
    out->items = n;
    for (size_t i = 0; i < n; i++) {
        const sd_mitem *it = sd_model_item(app->model, i);
        if (sd_model_answered_at(app->model, i) != 0)
            out->answered++;
        if (!sd_model_waiting(app->model, i) || it->hidden)
            continue;
        out->waiting++;
        if (it->deadline && it->deadline < rp->now)
            out->overdue++;
        if (rp->now - it->arrival > out->oldest_wait)
            out->oldest_wait = rp->now - it->arrival;
    }
    out->colleagues = sd_model_colleagues(app->model); /* those who have replied so far */
    out->intensity = rp->intensity;
    out->sentiment = rp->sentiment;
    out->rejected = rp->rejected;
}

/* ==== for the review panel ==== */

sd_status sd_replay_show(sd_app *app, sd_time t, const char *item_id, sd_error *err)
{
    sd_replay *rp = app->replay;
    if (!rp)
        return sd_error_set(err, SD_ERR_USAGE, "not a replay");
    rp->paused = true;
    sd_status st = seek_pos(app, (double)t, err);
    if (st == SD_OK && item_id)
        sd_replay_select(app, item_id);
    return st;
}

const sd_results *sd_replay_all_results(const sd_app *app)
{
    return app->replay ? app->replay->log->res : NULL;
}

const sd_review_panel *sd_replay_review_panel(const sd_app *app)
{
    return app->replay ? app->replay->review : NULL;
}

/* ==== accessors ==== */

bool sd_app_is_replay(const sd_app *app) { return app->replay != NULL; }
sd_time sd_replay_now(const sd_app *app) { return app->replay ? app->replay->now : 0; }
double sd_replay_speed(const sd_app *app) { return app->replay ? app->replay->speed : 0; }
bool sd_replay_paused(const sd_app *app) { return app->replay ? app->replay->paused : false; }
size_t sd_replay_thread_actions(const sd_app *app) { return app->thread_actions; }

size_t sd_replay_items_shown(sd_app *app)
{
    return app->model ? sd_model_count(app->model, SD_FILTER_ALL) : 0;
}

bool sd_replay_select(sd_app *app, const char *id)
{
    size_t n = app->model ? sd_model_n_items(app->model) : 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(sd_model_str(app->model, sd_model_item(app->model, i)->id), id) == 0) {
            app->filter = SD_FILTER_ALL;
            app->selected = (int64_t)i;
            app->top = 0;
            sd_feed_select_valid(app);
            return true;
        }
    return false;
}

SDL_Rect sd_replay_slider_rect(const sd_app *app)
{
    return app->replay ? app->replay->slider : (SDL_Rect){0, 0, 0, 0};
}
