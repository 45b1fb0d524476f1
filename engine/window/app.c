/* app.c - the exercise window's life cycle, events and actions: creates the SDL window and
 * the session, turns keys into actions (through sd_session_act), steps the session each
 * frame and lays out the panels. The panels themselves are in feed.c, thread.c,
 * situation.c and overlay.c; mouse clicks in mouse.c; the delete and inject forms in
 * form.c. */
#include "app_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "feed_internal.h"
#include "layout.h"
#include "log/logw.h"
#include "scoring/reply_input.h"
#include "session/resume.h"
#include "scoring/csv.h"
#include "util/termtext.h"

/* ---- small helpers ---- */

const char *sd_app_t(const sd_app *app, const char *key)
{
    const char *s = app->tx ? sd_texts_get(app->tx, key) : NULL;
    return s ? s : key;
}

void sd_app_say(sd_app *app, bool bad, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->status, sizeof app->status, fmt, ap);
    va_end(ap);
    app->status_bad = bad;
}

void sd_app_format_age(int64_t s, char *out, size_t n)
{
    if (s < 0)
        s = 0;
    if (s < 60)
        snprintf(out, n, "%ld s", (long)s);
    else if (s < 3600)
        snprintf(out, n, "%ld min", (long)(s / 60));
    else if (s < 86400)
        snprintf(out, n, "%ld h %ld min", (long)(s / 3600), (long)(s % 3600 / 60));
    else
        snprintf(out, n, "%ld d %ld h", (long)(s / 86400), (long)(s % 86400 / 3600));
}

void sd_app_author(const sd_app *app, size_t i, char *out, size_t n)
{
    const sd_mitem *it = sd_model_item(app->model, i);
    const char *first = sd_model_str(app->model, it->first);
    const char *last = sd_model_str(app->model, it->last);
    char key[64];
    if (*first)
        snprintf(out, n, "%s%s%s", first, *last ? " " : "", last);
    else if (it->handle)
        snprintf(out, n, "@%s", sd_model_str(app->model, it->handle));
    else if (it->kind == SD_KIND_INTERNAL && it->sender >= 0) {
        snprintf(key, sizeof key, "ui.sender.%s", sd_vocab_name(SD_VOCAB_SENDER, it->sender));
        snprintf(out, n, "%s", sd_app_t(app, key));
    } else if ((it->kind == SD_KIND_MEDIA || it->kind == SD_KIND_INQUIRY) && it->outlet)
        snprintf(out, n, "%s", sd_model_str(app->model, it->outlet));
    else if (it->kind == SD_KIND_NOTICE)
        snprintf(out, n, "%s", sd_app_t(app, "ui.author.platform"));
    else
        snprintf(out, n, "%s", app->sc->account_name ? app->sc->account_name : "");
}

void sd_app_colleague_replied(const sd_app *app, const char *name, char *out, size_t n)
{
    /* the text has the name's place marked {name} */
    const char *fmt = sd_app_t(app, "ui.colleague.replied");
    const char *at = strstr(fmt, "{name}");
    if (at == NULL)
        snprintf(out, n, "%s: %s", name, fmt);
    else
        snprintf(out, n, "%.*s%s%s", (int)(at - fmt), fmt, name, at + strlen("{name}"));
}

/* ---- what the coach and the editor's spelling know of the exercise, as the score does ----
 * The score (scoring/score.c) accepts, besides the dictionaries, the scenario's word list
 * and the first names, last names and texts of the exercise's items, and takes the items'
 * first names as its people; it compiles each item's content (key points) once. The window
 * gathers the same from the items as they arrive (an item that has not yet come cannot
 * count, which is the one way the coach can be more strict than the final score). */

static void spelling_clear(sd_app *app)
{
    sd_spell_extra_free(app->spell_words);
    app->spell_words = NULL;
    for (size_t i = 0; i < app->n_names; i++)
        free((char *)app->names[i]);
    free(app->names);
    app->names = NULL;
    app->n_names = app->cap_names = 0;
    sd_strmap_free(&app->name_set);
    for (size_t i = 0; i < app->n_kps; i++)
        sd_kp_free(app->kps[i].kp);
    free(app->kps);
    app->kps = NULL;
    app->n_kps = app->cap_kps = 0;
}

static const char *name_key(const void *ctx, uint32_t v)
{
    const sd_app *app = ctx;
    return app->names[v];
}

/* A new exercise (or the resumed one): the scenario's word list, no items yet. */
static sd_status spelling_setup(sd_app *app, sd_error *err)
{
    spelling_clear(app);
    sd_strmap_init(&app->name_set, name_key, app);
    const sd_scenario *sc = app->sc;
    sd_status st = sd_spell_extra_create(&app->spell_words, err);
    for (size_t i = 0; i < sc->scoring.n_words && st == SD_OK; i++)
        st = sd_spell_extra_add(app->spell_words, sc->scoring.words[i],
                                strlen(sc->scoring.words[i]), err);
    if (st != SD_OK)
        return st;
    sd_speller *sp = sd_lexicons_speller(app->lx);
    sd_editor_set_speller(app->ed, sp, sc->lang, app->spell_words);
    /* load the dictionary now rather than at the first key press (0.1-0.3 s) */
    sd_spell_check(sp, sc->lang, "hej", 3, NULL, NULL, 0, NULL);
    return SD_OK;
}

/* An item arrived: its author's first name is one of the exercise's people; its names and
 * text are words spelling accepts. */
static sd_status spelling_add_item(sd_app *app, const sd_rec_item *it, sd_error *err)
{
    sd_status st = SD_OK;
    if (it->first && !sd_strmap_get(&app->name_set, it->first, NULL)) {
        if (app->n_names == app->cap_names) {
            size_t cap = app->cap_names ? app->cap_names * 2 : 64;
            const char **v = realloc(app->names, cap * sizeof *v);
            if (v == NULL)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            app->names = v;
            app->cap_names = cap;
        }
        char *copy = strdup(it->first);
        if (copy == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        app->names[app->n_names] = copy;
        if (sd_strmap_put(&app->name_set, copy, (uint32_t)app->n_names) != SD_OK) {
            free(copy);
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        }
        app->n_names++;
        st = sd_spell_extra_add(app->spell_words, it->first, strlen(it->first), err);
    }
    if (st == SD_OK && it->last)
        st = sd_spell_extra_add(app->spell_words, it->last, strlen(it->last), err);
    if (st == SD_OK && it->text)
        st = sd_spell_extra_add_text(app->spell_words, it->text, err);
    if (st == SD_OK) /* the accepted words changed: the editor checks again */
        sd_editor_set_speller(app->ed, sd_lexicons_speller(app->lx), app->sc->lang,
                              app->spell_words);
    return st;
}

/* The item's content compiled for the key points (one per content, as the score keeps),
 * or NULL: none declared, or no memory (then the coach goes without, like the score's
 * input without key points). */
static const sd_kp *coach_kp(sd_app *app, const sd_content *content, sd_language lang)
{
    if (content == NULL || sd_lexicons_stemmer(app->lx) == NULL)
        return NULL;
    for (size_t i = 0; i < app->n_kps; i++)
        if (app->kps[i].content == content)
            return app->kps[i].kp;
    if (app->n_kps == app->cap_kps) {
        size_t cap = app->cap_kps ? app->cap_kps * 2 : 16;
        void *v = realloc(app->kps, cap * sizeof *app->kps);
        if (v == NULL)
            return NULL;
        app->kps = v;
        app->cap_kps = cap;
    }
    sd_kp *kp = NULL;
    sd_error e = SD_ERROR_INIT;
    if (sd_kp_compile(sd_lexicons_stemmer(app->lx), lang, content, &kp, &e) != SD_OK) {
        sd_error_clear(&e);
        return NULL;
    }
    app->kps[app->n_kps].content = content;
    app->kps[app->n_kps].kp = kp;
    app->n_kps++;
    return kp;
}

/* ---- the observer: every record reaches the model after the log and the results ---- */

static sd_status on_record(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    sd_app *app = ctx;
    if (rec->type == SD_REC_REJECTED) /* in the participant's words, not the engine's */
        sd_app_say(app, true, "%s", sd_app_refusal_text(app, sd_session_last_refusal(s)));
    if (rec->type == SD_REC_ITEM) {
        sd_status st = spelling_add_item(app, &rec->u.item, err);
        if (st != SD_OK)
            return st;
    }
    return sd_model_on_record(app->model, rec, err);
}

/* ---- clipboard for the editor ---- */

static void clip_set(void *ctx, const char *text)
{
    (void)ctx;
    SDL_SetClipboardText(text);
}

static char *clip_get(void *ctx)
{
    (void)ctx;
    if (!SDL_HasClipboardText())
        return NULL;
    char *s = SDL_GetClipboardText();
    if (!s)
        return NULL;
    char *copy = malloc(strlen(s) + 1);
    if (copy)
        strcpy(copy, s);
    SDL_free(s);
    return copy;
}

static const sd_clipboard *clipboard(void)
{
    static const sd_clipboard cb = {NULL, clip_set, clip_get}; /* read-only */
    return &cb;
}

/* ---- create / destroy ---- */

static void paths_next_to_log(sd_app *app)
{
    char base[1024];
    snprintf(base, sizeof base, "%s", app->log_path);
    size_t n = strlen(base);
    if (n > 6 && strcmp(base + n - 6, ".jsonl") == 0)
        base[n - 6] = '\0';
    snprintf(app->results_path, sizeof app->results_path, "%s-results.json", base);
    snprintf(app->csv_path, sizeof app->csv_path, "%s-results.csv", base);
}

/* A new exercise: a new log, a session from the start. */
static sd_status start_new(sd_app *app, const sd_app_config *cfg, sd_error *err)
{
    sd_status st;
    if ((st = spelling_setup(app, err)) != SD_OK ||
        (st = sd_logw_open(app->log_path, &app->log, err)) != SD_OK)
        return st;
    app->log_open = true;
    if (app->seal_key && (st = sd_logw_seal(app->log, app->seal_key, err)) != SD_OK)
        return st;
    if ((st = sd_results_create(&app->res, err)) != SD_OK ||
        (st = sd_model_create(app->res, &app->model, err)) != SD_OK)
        return st;
    sd_session_config sc = {.scenario = app->sc, .seed_set = cfg->seed_set, .seed = cfg->seed,
                            .participant = app->participant, .participant_kind = "person",
                            .log = app->log, .results = app->res, .no_wall_clock = cfg->no_wall_clock,
                            .date = cfg->date};
    if ((st = sd_session_create(&sc, &app->s, err)) != SD_OK ||
        (st = sd_results_reserve(app->res, sd_session_expected_items(app->s), err)) != SD_OK ||
        (st = sd_session_add_observer(app->s, on_record, app, err)) != SD_OK ||
        (st = sd_session_start(app->s, err)) != SD_OK)
        return st;
    sd_app_say(app, false, "%s", sd_app_t(app, "ui.status.welcome"));
    return SD_OK;
}

/* An interrupted exercise: caught up with its log, which it goes on appending to; paused,
 * so that the person finds their bearings before the clock runs again. */
static sd_status start_resumed(sd_app *app, bool no_wall_clock, sd_error *err)
{
    sd_log_origin o;
    sd_resume_info info = {0};
    sd_status st = sd_log_origin_read(app->log_path, &o, err);
    if (st != SD_OK)
        return st;
    if (strcmp(o.participant_kind, "person") != 0) {
        st = sd_error_set(err, SD_ERR_INPUT, "%s: a scripted participant's run: resume it with "
                          "stormdrill resume, not in the window", app->log_path);
        goto done;
    }
    snprintf(app->participant, sizeof app->participant, "%s", o.participant);
    o.seal_key = app->seal_key;
    if ((st = spelling_setup(app, err)) != SD_OK ||
        (st = sd_results_create(&app->res, err)) != SD_OK ||
        (st = sd_model_create(app->res, &app->model, err)) != SD_OK)
        goto done;
    sd_session_config sc = {.scenario = app->sc, .seed_set = true, .seed = o.seed,
                            .participant = o.participant, .participant_kind = o.participant_kind,
                            .results = app->res, .no_wall_clock = no_wall_clock,
                            .date = o.date};
    if ((st = sd_session_create(&sc, &app->s, err)) != SD_OK ||
        (st = sd_results_reserve(app->res, sd_session_expected_items(app->s), err)) != SD_OK ||
        (st = sd_session_add_observer(app->s, on_record, app, err)) != SD_OK ||
        (st = sd_session_resume(app->s, &o, app->log_path, &app->log, &info, err)) != SD_OK)
        goto done;
    app->log_open = true;
    if (info.torn && (app->resume_warning = strdup(info.torn)) == NULL) {
        st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        goto done;
    }
    if (!sd_session_finished(app->s))
        sd_session_pause(app->s, true);
    char t[20];
    sd_time_format(info.now, t);
    sd_app_say(app, info.torn != NULL, "%s %s", sd_app_t(app, "ui.status.resumed_from_log"), t + 11);
done:
    sd_resume_info_clear(&info);
    sd_log_origin_clear(&o);
    return st;
}

const char *sd_app_resume_warning(const sd_app *app) { return app->resume_warning; }

const char *sd_app_log_path(const sd_app *app) { return app->log_path; }

bool sd_app_on_start_screen(const sd_app *app) { return app->overlay == SD_OVERLAY_RESUME; }

sd_status sd_app_take_offer(sd_app *app, bool resume, sd_error *err)
{
    app->overlay = SD_OVERLAY_NONE;
    if (!resume || app->offer_path[0] == '\0') {
        app->offer_path[0] = '\0';
        sd_session_pause(app->s, false);
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.status.welcome"));
        return SD_OK;
    }
    /* Drop the new exercise: it never ran (paused from its first frame), so its log holds
     * nothing but its beginning. The scenario is loaded afresh, as its callbacks may have
     * run for the items due at the start. */
    char scenario[1024];
    snprintf(scenario, sizeof scenario, "%s", app->sc->path);
    sd_session_destroy(app->s);
    app->s = NULL;
    sd_logw_close(app->log, NULL);
    app->log = NULL;
    app->log_open = false;
    unlink(app->log_path);
    sd_model_free(app->model);
    app->model = NULL;
    sd_results_free(app->res);
    app->res = NULL;
    sd_scenario_free(app->sc);
    app->sc = NULL;
    app->selected = -1;
    app->top = 0;
    for (size_t i = 0; i < app->n_drafts; i++) /* the dropped exercise's drafts */
        free(app->drafts[i].text);
    app->n_drafts = 0;
    app->edit_item = -1;
    sd_editor_clear(app->ed);
    snprintf(app->log_path, sizeof app->log_path, "%s", app->offer_path);
    app->offer_path[0] = '\0';
    paths_next_to_log(app);
    sd_status st = sd_scenario_load(scenario, NULL, &app->sc, err);
    if (st == SD_OK)
        st = start_resumed(app, app->no_wall_clock, err);
    return st;
}

/* ---- the window's size and text scale, remembered (layout.h) ---- */

/* Reads window.ini when the config asks for it; true when the file was there but bad (it is
 * then ignored: said in the status line, and why on stderr). */
static bool window_memory_load(sd_app *app, const sd_app_config *cfg, sd_window_memory *mem)
{
    memset(mem, 0, sizeof *mem);
    if (!cfg->remember_window || !sd_window_memory_path(app->memory_path, sizeof app->memory_path)) {
        app->memory_path[0] = '\0';
        return false;
    }
    sd_error e = SD_ERROR_INIT;
    if (sd_window_memory_read(app->memory_path, mem, &e) == SD_OK)
        return false;
    sd_term_printf(stderr, "stormdrill: %s (ignored: the window opens at a size that fits)\n", sd_error_msg(&e));
    sd_error_clear(&e);
    return true;
}

/* The size to open at: the remembered one (0: none) or 1280x800, fitted to the display. */
static void window_fit(int want_w, int want_h, int *w, int *h)
{
    SDL_Rect r = {0, 0, 0, 0};
    if (SDL_GetDisplayUsableBounds(0, &r) != 0)
        r.w = r.h = 0;
    sd_layout_window_size(r.w, r.h, want_w, want_h, w, h);
}

/* Writes the window's size and text scale (a maximised or full-screen window keeps the
 * size remembered before). A failure is said on stderr: the window is closing. */
static void window_memory_save(sd_app *app)
{
    if (!app->memory_path[0] || !app->win)
        return;
    sd_window_memory m = {0}, old;
    sd_error e = SD_ERROR_INIT;
    if (sd_window_memory_read(app->memory_path, &old, &e) != SD_OK) {
        sd_error_clear(&e);
        memset(&old, 0, sizeof old);
    }
    Uint32 flags = SDL_GetWindowFlags(app->win);
    if (flags & (SDL_WINDOW_MAXIMIZED | SDL_WINDOW_FULLSCREEN | SDL_WINDOW_FULLSCREEN_DESKTOP)) {
        m.width = old.width;
        m.height = old.height;
    } else {
        SDL_GetWindowSize(app->win, &m.width, &m.height);
    }
    m.text_scale = app->theme.scale;
    if (m.width < 320 || m.height < 320) { /* nothing worth keeping */
        m.width = old.width;
        m.height = old.height;
    }
    if (m.width && m.height && sd_window_memory_write(app->memory_path, &m, &e) != SD_OK) {
        sd_term_printf(stderr, "stormdrill: the window's size was not remembered: %s\n", sd_error_msg(&e));
        sd_error_clear(&e);
    }
}

sd_status sd_app_create(const sd_app_config *cfg, sd_app **out, sd_error *err)
{
    *out = NULL;
    if (!cfg->scenario_path || !cfg->log_path)
        return sd_error_set(err, SD_ERR_USAGE, "the window needs a scenario and a log path");
    sd_app *app = calloc(1, sizeof *app);
    if (!app)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    app->selected = -1;
    app->edit_item = -1;
    app->checked_item = -2;
    app->draft_item = -1;
    app->last_key_time = app->key_before = -1;
    app->coach = !cfg->exam;
    snprintf(app->participant, sizeof app->participant, "%s", cfg->participant ? cfg->participant : "Kim");
    if (strlen(cfg->log_path) >= sizeof app->log_path) {
        free(app);
        return sd_error_set(err, SD_ERR_USAGE, "the session log's path is longer than %zu bytes",
                            sizeof app->log_path - 1);
    }
    snprintf(app->log_path, sizeof app->log_path, "%s", cfg->log_path);
    paths_next_to_log(app);
    sd_status st = sd_scenario_load(cfg->scenario_path, NULL, &app->sc, err);
    if (st != SD_OK)
        goto fail;
    app->ui_lang = cfg->lang >= 0 && cfg->lang < SD_LANG_COUNT ? (sd_language)cfg->lang : app->sc->lang;
    if ((st = sd_texts_load(sd_assets_dir(), app->ui_lang, &app->tx, err)) != SD_OK ||
        (st = sd_lexicons_load(sd_assets_dir(), &app->lx, err)) != SD_OK ||
        (st = sd_editor_create(&app->ed, err)) != SD_OK ||
        (st = sd_editor_create(&app->field, err)) != SD_OK)
        goto fail;

    /* SDL: the caller chose the video driver (SDL_VIDEODRIVER); no vsync (it fails under
     * the dummy driver), the main loop paces itself. */
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        st = sd_error_set(err, SD_ERR_IO, "SDL: %s", SDL_GetError());
        goto fail;
    }
    int w = cfg->width, h = cfg->height;
    sd_window_memory mem = {0};
    bool mem_bad = window_memory_load(app, cfg, &mem);
    if (w <= 0 || h <= 0) /* a size that fits the display (layout.h) */
        window_fit(mem.width, mem.height, &w, &h);
    char title[256];
    snprintf(title, sizeof title, "Stormdrill - %s", app->sc->title ? app->sc->title : app->sc->id);
    app->win = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | (cfg->hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN));
    if (app->win)
        app->ren = SDL_CreateRenderer(app->win, -1, 0);
    SDL_StopTextInput(); /* SDL starts it with the video: on only while an editor has the keys */
    if (!app->win || !app->ren) {
        st = sd_error_set(err, SD_ERR_IO, "SDL: %s", SDL_GetError());
        goto fail;
    }
    char fonts[1100];
    snprintf(fonts, sizeof fonts, "%s/fonts", sd_assets_dir());
    if ((st = sd_text_create(app->ren, fonts, 48u << 20, &app->text, err)) != SD_OK)
        goto fail;
    sd_theme_init(&app->theme, cfg->text_scale > 0 ? cfg->text_scale : mem.text_scale > 0 ? mem.text_scale : 1.0);
    app->draw = (sd_draw){.r = app->ren, .text = app->text, .th = &app->theme, .debug = cfg->debug_rects};

    /* The session, its log and results. */
    app->no_wall_clock = cfg->no_wall_clock;
    app->seal_key = cfg->seal_key;
    st = cfg->resume ? start_resumed(app, cfg->no_wall_clock, err) : start_new(app, cfg, err);
    if (st != SD_OK)
        goto fail;
    if (!cfg->resume && cfg->offer_resume) {
        /* The start screen: the new exercise waits, paused, for the choice. */
        if (strlen(cfg->offer_resume) >= sizeof app->offer_path) {
            st = sd_error_set(err, SD_ERR_USAGE, "%s: the path is too long", cfg->offer_resume);
            goto fail;
        }
        snprintf(app->offer_path, sizeof app->offer_path, "%s", cfg->offer_resume);
        app->offer_t = cfg->offer_t;
        sd_session_pause(app->s, true);
        app->overlay = SD_OVERLAY_RESUME;
    }
    if (mem_bad)
        sd_app_say(app, true, "%s %s", sd_app_t(app, "ui.status.window_ini"), app->memory_path);
    if (cfg->facilitator_window && (st = sd_facil_open(app, false, err)) != SD_OK)
        goto fail;
    sd_briefing_setup(app, cfg); /* the briefing first (briefing.c), when asked for */
    *out = app;
    return SD_OK;
fail:
    sd_app_destroy(app);
    return st;
}

void sd_app_destroy(sd_app *app)
{
    if (!app)
        return;
    window_memory_save(app);
    sd_replay_detach(app); /* replay mode (replay.c): its log, score and scenario */
    sd_facil_free(app);    /* the facilitator's window */
    if (app->s && !sd_session_finished(app->s)) {
        sd_ending_sync_draft(app); /* the unsent text is kept (ending.c) */
        sd_session_end(app->s, "window closed", NULL);
    }
    sd_feed_free(app);     /* the feed's views (feed.c), after the last record */
    sd_ending_free(app);
    sd_session_destroy(app->s);
    if (app->log_open)
        sd_logw_close(app->log, NULL);
    sd_score_free(app->score);
    sd_model_free(app->model);
    sd_results_free(app->res);
    sd_editor_free(app->ed);
    sd_editor_free(app->field);
    for (size_t i = 0; i < app->n_drafts; i++) /* drafts for other items than the editor's */
        free(app->drafts[i].text);
    free(app->drafts);
    sd_lexicons_free(app->lx);
    spelling_clear(app);
    sd_texts_free(app->tx);
    sd_scenario_free(app->sc);
    free(app->checked_text);
    free(app->resume_warning);
    sd_draw_free_debug(&app->draw);
    sd_text_free(app->text);
    if (app->ren)
        SDL_DestroyRenderer(app->ren);
    if (app->win)
        SDL_DestroyWindow(app->win);
    if (SDL_WasInit(SDL_INIT_VIDEO))
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    free(app);
}

/* ---- actions: all go through sd_session_act ---- */

static void say_nothing_selected(sd_app *app);

static const char *selected_id(const sd_app *app)
{
    if (app->selected < 0 || (size_t)app->selected >= sd_model_n_items(app->model))
        return NULL;
    return sd_model_str(app->model, sd_model_item(app->model, (size_t)app->selected)->id);
}

/* ---- what the participant is told: refusals in their words, keys that cannot act here ----
 * The session's refusal (sd_session_last_refusal) is said with ui.refuse.<name>; its
 * message (English, with ids) stays in the log's rejected record. */

static const char *const refusal_names[SD_REFUSAL_COUNT] = {
    "other", "other", "ended", "no_item", "unknown_item", "deleted", "no_one_to_answer",
    "not_internal", "not_our_channel", "own_post", "already_hidden", "pin_no_reply", "pin_no_statement",
    "empty_text", "text_too_long", "platform_limit", "unknown_target", "unknown_step",
    "no_person"};
_Static_assert(sizeof refusal_names / sizeof refusal_names[0] == SD_REFUSAL_COUNT, "refusal names");

const char *sd_app_refusal_text(const sd_app *app, sd_refusal why)
{
    char key[64];
    if ((int)why < 0 || why >= SD_REFUSAL_COUNT)
        why = SD_REFUSAL_OTHER;
    snprintf(key, sizeof key, "ui.refuse.%s", refusal_names[why]);
    const char *s = app->tx ? sd_texts_get(app->tx, key) : NULL;
    return s ? s : sd_app_t(app, "ui.refuse.other");
}

/* The text of key with {name} (and {filter}, {who}, {time}) filled in, into out. */
static void format_text(const sd_app *app, const char *key, const char *const *names,
                        const char *const *values, size_t n, char *out, size_t size)
{
    sd_buf b = SD_BUF_INIT;
    if (app->tx && sd_texts_get(app->tx, key))
        sd_texts_format(app->tx, key, &b, n, names, values);
    snprintf(out, size, "%s", b.len ? sd_buf_str(&b) : key);
    sd_buf_free(&b);
}

static void say_with_name(sd_app *app, bool bad, const char *key, const char *name)
{
    char buf[600];
    const char *names[] = {"name"};
    const char *values[] = {name};
    format_text(app, key, names, values, 1, buf, sizeof buf);
    sd_app_say(app, bad, "%s", buf);
}

const char *sd_app_yes_key(const sd_app *app) { return sd_app_t(app, "ui.key.yes"); }

bool sd_app_key_is_yes(const sd_app *app, SDL_Keycode c)
{
    (void)app;
    return c == SDLK_j || c == SDLK_y || c == SDLK_RETURN || c == SDLK_KP_ENTER;
}

void sd_app_item_ref(const sd_app *app, const char *id, char *out, size_t n)
{
    uint32_t idx = 0;
    size_t ni = sd_model_n_items(app->model);
    bool found = false;
    for (size_t i = 0; !found && i < ni; i++) /* only for the one item the thread shows */
        if (strcmp(sd_model_str(app->model, sd_model_item(app->model, i)->id), id) == 0) {
            idx = (uint32_t)i;
            found = true;
        }
    if (!found) {
        snprintf(out, n, "%s", id);
        return;
    }
    char who[160], t[20];
    sd_app_author(app, idx, who, sizeof who);
    sd_time_format(sd_model_item(app->model, idx)->arrival, t);
    t[16] = '\0';
    const char *names[] = {"who", "time"};
    const char *values[] = {who, t + 11};
    format_text(app, "ui.thread.item_ref", names, values, 2, out, n);
}

/* The selected item's index, or -1. */
static int64_t selected_index(const sd_app *app)
{
    return app->selected >= 0 && (size_t)app->selected < sd_model_n_items(app->model) ? app->selected : -1;
}

/* Nothing selected: say so, and why when the tab shown is empty. */
static void say_nothing_selected(sd_app *app)
{
    static const char *const filter_keys[SD_FILTER_COUNT] = {
        "ui.filter.waiting", "ui.filter.all", "ui.filter.dm", "ui.filter.internal", "ui.filter.attacker"};
    size_t n = 0;
    if (app->filter >= 0 && app->filter < SD_FILTER_COUNT)
        sd_model_rows(app->model, app->filter, &n);
    if (n > 0 || app->filter < 0 || app->filter >= SD_FILTER_COUNT) {
        sd_app_say(app, true, "%s", sd_app_t(app, "ui.status.select_first"));
        return;
    }
    char buf[400];
    const char *names[] = {"filter"};
    const char *values[] = {sd_app_t(app, filter_keys[app->filter])};
    format_text(app, "ui.status.filter_empty", names, values, 1, buf, sizeof buf);
    sd_app_say(app, true, "%s", buf);
}

/* Whether the item has someone to answer (reply, dm_reply, refer_previous: the session
 * takes them only for an item with an author: a first name or a handle) and is not
 * deleted. */
static bool answerable(const sd_app *app, size_t i)
{
    const sd_mitem *it = sd_model_item(app->model, i);
    return !it->deleted && (*sd_model_str(app->model, it->first) != '\0' || it->handle != 0);
}

/* Why the selected item cannot take a reply (R, M, P): the key of what to do instead. */
static const char *cannot_answer_key(const sd_app *app, size_t i)
{
    const sd_mitem *it = sd_model_item(app->model, i);
    if (it->deleted)
        return "ui.cannot.deleted";
    switch (it->kind) {
    case SD_KIND_INTERNAL: return "ui.cannot.reply.internal";
    case SD_KIND_NOTICE: return "ui.cannot.reply.notice";
    case SD_KIND_POST: return "ui.cannot.reply.post";
    case SD_KIND_ATTACKER_POST: return "ui.cannot.reply.attacker_post";
    default: return "ui.cannot.reply.other";
    }
}

/* Whether we have replied to item i ourselves (Shift+P pins that reply). */
static bool replied_by_us(const sd_app *app, size_t i)
{
    if (i >= sd_results_n_items(app->res))
        return false;
    const sd_res_item *ri = &sd_results_items(app->res)[i];
    const sd_res_action *acts = sd_results_actions(app->res);
    for (int32_t a = ri->first_action; a >= 0; a = acts[a].next)
        if (acts[a].kind == SD_ACT_REPLY && !acts[a].by)
            return true;
    return false;
}

/* R, M, P, Shift+P: true when the selected item can take kind; else it says what to do
 * instead (nothing selected, an internal message, our own post ...) and nothing opens. */
static bool selected_can(sd_app *app, sd_action_kind kind)
{
    int64_t i = selected_index(app);
    if (i < 0) {
        say_nothing_selected(app);
        return false;
    }
    if (kind == SD_ACT_PIN) {
        if (replied_by_us(app, (size_t)i))
            return true;
        char who[160];
        sd_app_author(app, (size_t)i, who, sizeof who);
        say_with_name(app, true, "ui.cannot.pin_no_reply", who);
        return false;
    }
    if (answerable(app, (size_t)i))
        return true;
    sd_app_say(app, true, "%s", sd_app_t(app, cannot_answer_key(app, (size_t)i)));
    return false;
}

/* ---- drafts: the editor's text stays with the item it answers ----
 * The editor writes to one item (edit_item; -1 with SD_EDIT_PUBLISH: a new post). When the
 * participant selects another item, the text goes to the drafts and the other item's draft
 * (if any) comes back, so that "Svar till ..." always names the selected item and a text
 * never goes to someone it was not written for. */

static struct sd_draft *draft_find(sd_app *app, int64_t item)
{
    for (size_t i = 0; i < app->n_drafts; i++)
        if (app->drafts[i].item == item)
            return &app->drafts[i];
    return NULL;
}

/* Keeps the editor's text as the draft of (edit_item, edit_mode); an empty text drops it. */
static void draft_stash(sd_app *app)
{
    int64_t item = app->edit_mode == SD_EDIT_PUBLISH ? -1 : app->edit_item;
    if (app->edit_mode != SD_EDIT_PUBLISH && item < 0)
        return;
    struct sd_draft *d = draft_find(app, item);
    const char *text = sd_editor_text(app->ed);
    if (*text == '\0') {
        if (d) {
            free(d->text);
            *d = app->drafts[--app->n_drafts];
        }
        return;
    }
    char *copy = strdup(text);
    if (copy == NULL)
        return; /* no memory: the draft is lost, the exercise goes on */
    if (d == NULL) {
        if (app->n_drafts == app->cap_drafts) {
            size_t cap = app->cap_drafts ? app->cap_drafts * 2 : 8;
            struct sd_draft *v = realloc(app->drafts, cap * sizeof *v);
            if (v == NULL) {
                free(copy);
                return;
            }
            app->drafts = v;
            app->cap_drafts = cap;
        }
        d = &app->drafts[app->n_drafts++];
        d->text = NULL;
    }
    free(d->text);
    d->item = item;
    d->mode = app->edit_mode;
    d->text = copy;
}

/* The editor takes the draft of (item, mode) out of the drafts, or starts empty. */
static void draft_load(sd_app *app, int64_t item, sd_edit_mode mode)
{
    struct sd_draft *d = draft_find(app, mode == SD_EDIT_PUBLISH ? -1 : item);
    sd_editor_clear(app->ed);
    app->edit_item = mode == SD_EDIT_PUBLISH ? -1 : item;
    app->edit_mode = mode;
    if (d) {
        if (mode != SD_EDIT_PUBLISH)
            app->edit_mode = d->mode;
        sd_editor_set_text(app->ed, d->text);
        free(d->text);
        *d = app->drafts[--app->n_drafts];
    }
}

static void stop_editing(sd_app *app);

/* After the participant selected another item: the editor follows (its text kept as a
 * draft of the item it was written for). A new post being written stays. */
static void follow_selection(sd_app *app)
{
    if (app->edit_mode == SD_EDIT_PUBLISH && (app->editing || sd_editor_len(app->ed) > 0))
        return;
    int64_t sel = selected_index(app);
    int64_t want = sel >= 0 && answerable(app, (size_t)sel) ? sel : -1;
    if (app->edit_mode != SD_EDIT_PUBLISH && app->edit_item == want)
        return;
    bool had_text = sd_editor_len(app->ed) > 0;
    char who[160] = "";
    if (had_text && app->edit_mode != SD_EDIT_PUBLISH && app->edit_item >= 0 &&
        (size_t)app->edit_item < sd_model_n_items(app->model))
        sd_app_author(app, (size_t)app->edit_item, who, sizeof who);
    draft_stash(app);
    sd_edit_mode mode = app->edit_mode == SD_EDIT_PUBLISH ? SD_EDIT_REPLY : app->edit_mode;
    draft_load(app, want, mode);
    if (want < 0 && app->editing) {
        stop_editing(app);
        if (had_text)
            say_with_name(app, false, "ui.status.draft_kept", who);
    }
}

/* Text input is on only while an editor or a form's field has the keys (SDL makes text of
 * every printable key while it is on). */
static bool text_input_wanted(const sd_app *app)
{
    if (sd_facil_typing(app)) /* the facilitator's window has its own field (facilitator.c) */
        return true;
    if (app->scorecard || app->replay || app->briefing)
        return false;
    if (app->overlay == SD_OVERLAY_DELETE) /* the delete reason's field (form.c) */
        return true;
    if (app->fv && app->fv->search_open) /* the feed's search field (feed_search.c) */
        return true;
    return app->editing && app->overlay == SD_OVERLAY_NONE;
}

static void sync_text_input(const sd_app *app)
{
    bool want = text_input_wanted(app), on = SDL_IsTextInputActive() == SDL_TRUE;
    if (want && !on)
        SDL_StartTextInput();
    else if (!want && on)
        SDL_StopTextInput();
}

void sd_app_hint_text(const sd_app *app, char *out, size_t n)
{
    const char *key = NULL;
    if (app->scorecard)
        key = "ui.hint.scorecard";
    else if (app->overlay == SD_OVERLAY_HELP)
        key = "ui.hint.help";
    else if (app->overlay == SD_OVERLAY_TEMPLATE)
        key = "ui.hint.template";
    else if (app->overlay == SD_OVERLAY_DELETE)
        key = "ui.hint.form";
    else if (app->overlay == SD_OVERLAY_END)
        key = "ui.hint.end";
    else if (app->overlay == SD_OVERLAY_RESUME)
        key = "ui.hint.resume";
    else if (app->overlay != SD_OVERLAY_NONE)
        key = "ui.hint.menu";
    if (key) {
        snprintf(out, n, "%s", sd_app_t(app, key));
        return;
    }
    if (app->editing) {
        char who[160] = "";
        if (app->edit_item >= 0 && (size_t)app->edit_item < sd_model_n_items(app->model))
            sd_app_author(app, (size_t)app->edit_item, who, sizeof who);
        const char *names[] = {"name"};
        const char *values[] = {who};
        format_text(app, app->edit_mode == SD_EDIT_PUBLISH ? "ui.hint.typing.publish"
                         : app->edit_mode == SD_EDIT_DM    ? "ui.hint.typing.dm"
                                                           : "ui.hint.typing.reply",
                    names, values, 1, out, n);
        return;
    }
    int64_t i = selected_index(app);
    if (i < 0)
        key = "ui.hint.nothing";
    else if (answerable(app, (size_t)i))
        key = "ui.hint.answerable";
    else {
        int kind = sd_model_item(app->model, (size_t)i)->kind;
        key = kind == SD_KIND_INTERNAL        ? "ui.hint.internal"
              : kind == SD_KIND_NOTICE        ? "ui.hint.notice"
              : kind == SD_KIND_POST          ? "ui.hint.post"
              : kind == SD_KIND_ATTACKER_POST ? "ui.hint.attacker_post"
                                              : "ui.hint.feed";
    }
    snprintf(out, n, "%s", sd_app_t(app, key));
}

int64_t sd_app_edit_item(const sd_app *app) { return app->edit_mode == SD_EDIT_PUBLISH ? -1 : app->edit_item; }
size_t sd_app_n_drafts(const sd_app *app) { return app->n_drafts; }

static sd_status act(sd_app *app, const sd_action *a, const char *done_key, sd_error *err)
{
    sd_error e = SD_ERROR_INIT;
    sd_status st = sd_session_act(app->s, a, &e);
    if (st == SD_ERR_INPUT) {
        /* Refused and logged as rejected; the exercise goes on. */
        sd_app_say(app, true, "%s", sd_app_refusal_text(app, sd_session_last_refusal(app->s)));
        st = SD_OK;
    } else if (st == SD_OK) {
        sd_app_say(app, false, "%s", sd_app_t(app, done_key));
    } else {
        sd_error_set(err, st, "%s", sd_error_msg(&e));
    }
    sd_error_clear(&e);
    return st;
}

static sd_status act_on_selected(sd_app *app, sd_action_kind kind, const char *reason,
                                 const char *done_key, sd_error *err)
{
    const char *id = selected_id(app);
    if (!id) {
        say_nothing_selected(app);
        return SD_OK;
    }
    sd_action a;
    sd_action_init(&a, kind);
    a.item = id;
    a.reason = reason;
    return act(app, &a, done_key, err);
}

sd_status sd_app_act(sd_app *app, const sd_action *a, const char *done_key, sd_error *err)
{
    return act(app, a, done_key, err);
}

sd_status sd_app_act_on_selected(sd_app *app, sd_action_kind kind, const char *reason,
                                 const char *done_key, sd_error *err)
{
    return act_on_selected(app, kind, reason, done_key, err);
}

/* Opens the editor for a reply (R), a private reply (M) or a new post (N). An item that
 * cannot be answered opens nothing: the status line says what to do instead. The text
 * written for another item (or post) is kept as its draft. */
static void start_editing(sd_app *app, sd_edit_mode mode)
{
    if (mode != SD_EDIT_PUBLISH && !selected_can(app, SD_ACT_REPLY))
        return;
    int64_t item = mode == SD_EDIT_PUBLISH ? -1 : app->selected;
    if (item != app->edit_item || mode != app->edit_mode) {
        draft_stash(app);
        draft_load(app, item, mode);
        app->edit_mode = mode;
    }
    app->editing = true;
    SDL_StartTextInput();
}

void sd_app_start_editing(sd_app *app, sd_edit_mode mode)
{
    if (app->edit_mode == mode && (mode == SD_EDIT_PUBLISH || app->edit_item >= 0)) {
        app->editing = true; /* back to the text being written */
        SDL_StartTextInput();
    } else
        start_editing(app, mode);
}

/* ---- answer templates (the scenario's template{} declarations) ---- */

void sd_app_open_templates(sd_app *app)
{
    if (app->sc->n_templates == 0) {
        sd_app_say(app, true, "%s", sd_app_t(app, "ui.status.no_templates"));
        return;
    }
    if (!app->editing) {
        /* Back to the text being written for the selected item (or the post being
         * written); otherwise a new reply to the selected item. */
        bool same = app->edit_mode == SD_EDIT_PUBLISH ? sd_editor_len(app->ed) > 0
                                                      : app->edit_item >= 0 && app->edit_item == app->selected;
        start_editing(app, same ? app->edit_mode : SD_EDIT_REPLY);
        if (!app->editing)
            return; /* nothing selected: start_editing said so */
    }
    app->overlay = SD_OVERLAY_TEMPLATE;
}

/* The template's text as a clipboard, so that inserting it is one undo step (a paste). */
static char *template_get(void *ctx)
{
    const char *t = ctx;
    size_t n = strlen(t) + 1;
    char *copy = malloc(n);
    if (copy)
        memcpy(copy, t, n);
    return copy;
}

void sd_app_apply_template(sd_app *app, size_t t)
{
    if (t >= app->sc->n_templates)
        return;
    const sd_template *tp = &app->sc->templates[t];
    const char *text = tp->text ? tp->text : "";
    if (sd_editor_len(app->ed) == 0) {
        sd_editor_set_text(app->ed, text); /* caret at the end: Tab wraps to the first */
    } else {
        size_t at, end;
        if (!sd_editor_selection(app->ed, &at, &end))
            at = sd_editor_caret(app->ed);
        sd_clipboard cb = {(void *)text, NULL, template_get};
        sd_editor_paste(app->ed, &cb);
        sd_editor_set_caret(app->ed, at, false); /* Tab: the template's first placeholder */
    }
    app->editing = true;
    SDL_StartTextInput();
    sd_app_say(app, false, "%s %s", sd_app_t(app, "ui.status.template"), tp->title ? tp->title : tp->id);
}

static void stop_editing(sd_app *app)
{
    app->editing = false;
    sd_editor_compose(app->ed, "", 0);
    SDL_StopTextInput();
}

static void coach(sd_app *app);

static sd_status send_text(sd_app *app, sd_error *err)
{
    sd_action a;
    sd_action_kind kind = app->edit_mode == SD_EDIT_REPLY ? SD_ACT_REPLY
                          : app->edit_mode == SD_EDIT_DM  ? SD_ACT_DM_REPLY
                                                          : SD_ACT_PUBLISH;
    sd_action_init(&a, kind);
    if (kind != SD_ACT_PUBLISH) {
        if (app->edit_item < 0 || (size_t)app->edit_item >= sd_model_n_items(app->model))
            return SD_OK;
        a.item = sd_model_str(app->model, sd_model_item(app->model, (size_t)app->edit_item)->id);
    }
    a.text = sd_editor_text(app->ed);
    /* the coach's verdict on exactly the text sent (it may have been typed this frame) */
    coach(app);
    app->sent_tone_valid = app->tone_valid;
    if (app->tone_valid)
        app->sent_tone = app->tone;
    size_t rejected_before = 0;
    sd_situation sit;
    sd_session_situation(app->s, &sit);
    rejected_before = sit.rejected;
    sd_status st = act(app, &a, kind == SD_ACT_PUBLISH ? "ui.status.published" : "ui.status.sent", err);
    sd_session_situation(app->s, &sit);
    if (st == SD_OK && sit.rejected == rejected_before) {
        sd_editor_clear(app->ed);
        stop_editing(app);
    }
    return st;
}

static sd_status set_pause(sd_app *app, bool paused)
{
    sd_session_pause(app->s, paused);
    sd_app_say(app, false, "%s", sd_app_t(app, paused ? "ui.status.paused" : "ui.status.resumed"));
    return SD_OK;
}

static sd_status end_exercise(sd_app *app, sd_error *err)
{
    if (sd_session_finished(app->s))
        return SD_OK;
    sd_ending_sync_draft(app); /* the unsent text is kept (ending.c) */
    return sd_session_end(app->s, "ended by facilitator", err);
}

/* ---- the scorecard ---- */

/* A file could not be written: the status line and the scorecard say which and why, and
 * where the exercise is kept (its session log, from which `stormdrill score` remakes the
 * results). The exercise, its results and the scorecard stay. */
static void say_write_failed(sd_app *app, const char *what_key, const sd_error *e)
{
    snprintf(app->save_error, sizeof app->save_error, "%s: %s", sd_app_t(app, what_key),
             sd_error_msg(e));
    sd_app_say(app, true, "%s · %s %s", app->save_error, sd_app_t(app, "ui.status.log_kept"),
               app->log_path);
}

static sd_status compute_score(sd_app *app, sd_error *err)
{
    if (app->score)
        return SD_OK;
    if (app->log_open) {
        app->log_open = false;
        sd_error e = SD_ERROR_INIT;
        sd_log_integrity in; /* what the results say of the log: sealed or not */
        sd_logw_integrity(app->log, &in);
        sd_results_set_integrity(app->res, &in);
        if (sd_logw_close(app->log, &e) != SD_OK) /* e.g. a full disk at the final sync */
            say_write_failed(app, "ui.status.log_failed", &e);
        sd_error_clear(&e);
        app->log = NULL;
    }
    sd_status st = sd_score_compute(app->res, app->lx, app->tx, &app->score, err);
    if (st == SD_OK) {
        app->scorecard = true;
        app->overlay = SD_OVERLAY_NONE;
        stop_editing(app);
    }
    return st;
}

static sd_status save_results(sd_app *app, bool csv, sd_error *err)
{
    sd_error e = SD_ERROR_INIT;
    sd_results_attach_score(app->res, app->score);
    sd_status st = csv ? sd_score_write_csv(app->score, app->res, app->csv_path, &e)
                       : sd_results_save(app->res, app->results_path, &e);
    sd_results_attach_score(app->res, NULL);
    if (st == SD_OK) {
        app->save_error[0] = '\0';
        sd_app_say(app, false, "%s %s", sd_app_t(app, "ui.status.saved"), csv ? app->csv_path : app->results_path);
    } else if (st == SD_ERR_IO || st == SD_ERR_INPUT || st == SD_ERR_MEMORY) {
        say_write_failed(app, "ui.status.save_failed", &e); /* the person can try again */
        st = SD_OK;
    } else
        sd_error_set(err, st, "%s", sd_error_msg(&e));
    sd_error_clear(&e);
    return st;
}

sd_status sd_app_save(sd_app *app, bool csv, sd_error *err) { return save_results(app, csv, err); }

/* ---- keys ---- */

static bool ctrl(const SDL_KeyboardEvent *k) { return (k->keysym.mod & KMOD_CTRL) != 0; }

static sd_status key_overlay(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err)
{
    SDL_Keycode c = k->keysym.sym;
    if (c == SDLK_ESCAPE && app->overlay == SD_OVERLAY_RESUME)
        return sd_app_take_offer(app, false, err);
    if (c == SDLK_ESCAPE || (app->overlay == SD_OVERLAY_HELP && c == SDLK_F1)) {
        app->overlay = SD_OVERLAY_NONE;
        return SD_OK;
    }
    int n = c >= SDLK_1 && c <= SDLK_9 ? (int)(c - SDLK_1) : c >= SDLK_KP_1 && c <= SDLK_KP_9 ? (int)(c - SDLK_KP_1) : -1;
    sd_overlay o = app->overlay;
    if (o == SD_OVERLAY_RESUME) {
        if (c == SDLK_r || c == SDLK_RETURN || n == 0)
            return sd_app_take_offer(app, true, err);
        if (c == SDLK_n || n == 1)
            return sd_app_take_offer(app, false, err);
        return SD_OK;
    }
    if (o == SD_OVERLAY_END) {
        if (sd_app_key_is_yes(app, c) || c == SDLK_F10) {
            app->overlay = SD_OVERLAY_NONE;
            return end_exercise(app, err);
        }
        if (c == SDLK_n)
            app->overlay = SD_OVERLAY_NONE;
        return SD_OK;
    }
    if (n >= 0 && o == SD_OVERLAY_TEMPLATE) /* the digit's text input must not reach the editor */
        app->swallow_text = (char)('1' + n);
    return n < 0 ? SD_OK : sd_app_choose(app, n, err);
}

sd_status sd_app_choose(sd_app *app, int n, sd_error *err)
{
    sd_overlay o = app->overlay;
    if (o == SD_OVERLAY_RESUME)
        return n == 0 || n == 1 ? sd_app_take_offer(app, n == 0, err) : SD_OK;
    if (o == SD_OVERLAY_END) {
        app->overlay = SD_OVERLAY_NONE;
        return n == 0 ? end_exercise(app, err) : SD_OK;
    }
    if (o == SD_OVERLAY_HELP)
        return SD_OK;
    if (o == SD_OVERLAY_TEMPLATE) {
        if (n >= 0 && (size_t)n < app->sc->n_templates) {
            app->overlay = SD_OVERLAY_NONE;
            sd_app_apply_template(app, (size_t)n);
        }
        return SD_OK;
    }
    if (o == SD_OVERLAY_DELETE)
        sd_form_close(app);
    app->overlay = SD_OVERLAY_NONE;
    if (o == SD_OVERLAY_ESCALATE && n < SD_TARGET_COUNT) {
        sd_action a;
        sd_action_init(&a, SD_ACT_ESCALATE);
        a.item = selected_id(app);
        a.target = n;
        return act(app, &a, "ui.status.escalated", err);
    }
    if (o == SD_OVERLAY_DELETE && n < SD_DELETE_REASONS) {
        char key[32];
        snprintf(key, sizeof key, "ui.reason.%d", n + 1);
        return act_on_selected(app, SD_ACT_DELETE, sd_app_t(app, key), "ui.status.deleted", err);
    }
    if (o == SD_OVERLAY_ACCOUNT) {
        sd_action a;
        sd_action_init(&a, SD_ACT_ACCOUNT);
        if (n < SD_STEP_REMOVE_ACCESS) {
            a.step = n;
            return act(app, &a, "ui.status.account", err);
        }
        /* 4, 5 ...: remove the access of a hijack's former staff member */
        size_t k = (size_t)(n - SD_STEP_REMOVE_ACCESS), seen = 0;
        for (size_t h = 0; h < app->sc->n_hijacks; h++)
            if (app->sc->hijacks[h].former && seen++ == k) {
                a.step = SD_STEP_REMOVE_ACCESS;
                a.person = app->sc->hijacks[h].former;
                return act(app, &a, "ui.status.account", err);
            }
    }
    return SD_OK;
}

bool sd_app_edit_key(sd_editor *ed, const SDL_KeyboardEvent *k)
{
    SDL_Keycode c = k->keysym.sym;
    unsigned mods = (k->keysym.mod & KMOD_SHIFT) ? SD_MOD_SHIFT : 0;
    if (ctrl(k))
        mods |= SD_MOD_WORD;
    if (ctrl(k)) {
        switch (c) {
        case SDLK_z: sd_editor_undo(ed); return true;
        case SDLK_y: sd_editor_redo(ed); return true;
        case SDLK_a: sd_editor_select_all(ed); return true;
        case SDLK_c: sd_editor_copy(ed, clipboard()); return true;
        case SDLK_x: sd_editor_cut(ed, clipboard()); return true;
        case SDLK_v: sd_editor_paste(ed, clipboard()); return true;
        default: break;
        }
    }
    switch (c) {
    case SDLK_LEFT: sd_editor_key(ed, SD_KEY_LEFT, mods); return true;
    case SDLK_RIGHT: sd_editor_key(ed, SD_KEY_RIGHT, mods); return true;
    case SDLK_UP: sd_editor_key(ed, SD_KEY_UP, mods); return true;
    case SDLK_DOWN: sd_editor_key(ed, SD_KEY_DOWN, mods); return true;
    case SDLK_HOME: sd_editor_key(ed, ctrl(k) ? SD_KEY_DOC_START : SD_KEY_HOME, mods & SD_MOD_SHIFT); return true;
    case SDLK_END: sd_editor_key(ed, ctrl(k) ? SD_KEY_DOC_END : SD_KEY_END, mods & SD_MOD_SHIFT); return true;
    case SDLK_BACKSPACE: sd_editor_key(ed, SD_KEY_BACKSPACE, mods); return true;
    case SDLK_DELETE: sd_editor_key(ed, SD_KEY_DELETE, mods); return true;
    default: return false;
    }
}

static sd_status key_editor(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err)
{
    SDL_Keycode c = k->keysym.sym;
    unsigned mods = (k->keysym.mod & KMOD_SHIFT) ? SD_MOD_SHIFT : 0;
    if (ctrl(k))
        mods |= SD_MOD_WORD;
    if (c == SDLK_ESCAPE) {
        stop_editing(app);
        return SD_OK;
    }
    if ((c == SDLK_RETURN || c == SDLK_KP_ENTER) && ctrl(k))
        return send_text(app, err);
    if (c == SDLK_t && ctrl(k)) {
        sd_app_open_templates(app);
        return SD_OK;
    }
    if (sd_app_edit_key(app->ed, k))
        return SD_OK;
    switch (c) {
    case SDLK_RETURN: case SDLK_KP_ENTER: sd_editor_key(app->ed, SD_KEY_ENTER, mods); break;
    case SDLK_TAB: sd_editor_key(app->ed, SD_KEY_TAB, mods); break;
    default: break;
    }
    return SD_OK;
}

static sd_status key_feed(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err)
{
    SDL_Keycode c = k->keysym.sym;
    if (sd_feed_key(app, k)) /* V, B, /, and the platform view's Tab, O, Esc (feed.c) */
        return SD_OK;
    int page = app->feed_rows > 1 ? app->feed_rows - 1 : 1;
    switch (c) {
    case SDLK_UP: sd_feed_move(app, -1); break;
    case SDLK_DOWN: sd_feed_move(app, 1); break;
    case SDLK_PAGEUP: sd_feed_move(app, -page); break;
    case SDLK_PAGEDOWN: sd_feed_move(app, page); break;
    case SDLK_HOME: sd_feed_home_end(app, false); break;
    case SDLK_END: sd_feed_home_end(app, true); break;
    case SDLK_1: case SDLK_2: case SDLK_3: case SDLK_4: case SDLK_5:
        sd_feed_set_filter(app, (sd_filter)(c - SDLK_1));
        break;
    case SDLK_TAB:
        app->filter = (sd_filter)((app->filter + ((k->keysym.mod & KMOD_SHIFT) ? SD_FILTER_COUNT - 1 : 1)) % SD_FILTER_COUNT);
        app->top = 0;
        sd_feed_select_valid(app);
        break;
    case SDLK_r: start_editing(app, SD_EDIT_REPLY); break;
    case SDLK_m: start_editing(app, SD_EDIT_DM); break;
    case SDLK_n: start_editing(app, SD_EDIT_PUBLISH); break;
    case SDLK_t: sd_app_open_templates(app); break;
    case SDLK_o: sd_feed_toggle_order(app); break;
    case SDLK_RETURN: /* back to the text being written; a reply to the selected item */
        if (app->edit_item >= 0 || app->edit_mode == SD_EDIT_PUBLISH) {
            app->editing = true;
            SDL_StartTextInput();
        } else
            start_editing(app, SD_EDIT_REPLY); /* says why not, when it cannot */
        break;
    case SDLK_p:
        /* Shift+P pins our reply to the selected item; Ctrl+P the latest statement. */
        if (k->keysym.mod & KMOD_SHIFT)
            return selected_can(app, SD_ACT_PIN) ? act_on_selected(app, SD_ACT_PIN, NULL, "ui.status.pinned", err) : SD_OK;
        if (ctrl(k)) {
            sd_action a;
            sd_action_init(&a, SD_ACT_PIN);
            return act(app, &a, "ui.status.pinned_statement", err);
        }
        if (!selected_can(app, SD_ACT_REFER_PREVIOUS))
            return SD_OK;
        return act_on_selected(app, SD_ACT_REFER_PREVIOUS, NULL, "ui.status.referred", err);
    case SDLK_h: return act_on_selected(app, SD_ACT_HIDE, NULL, "ui.status.hidden", err);
    case SDLK_a: return act_on_selected(app, SD_ACT_REPORT, NULL, "ui.status.reported", err);
    case SDLK_k: return act_on_selected(app, SD_ACT_ACKNOWLEDGE, NULL, "ui.status.acknowledged", err);
    case SDLK_DELETE: case SDLK_x:
        if (selected_id(app)) sd_form_open_delete(app);
        else say_nothing_selected(app);
        break;
    case SDLK_e: app->overlay = SD_OVERLAY_ESCALATE; break;
    case SDLK_s: app->overlay = SD_OVERLAY_ACCOUNT; break;
    default: break;
    }
    return SD_OK;
}

static sd_status on_key(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err)
{
    SDL_Keycode c = k->keysym.sym;
    /* Global keys first: text size, help, the facilitator's keys. */
    if (ctrl(k) && (c == SDLK_PLUS || c == SDLK_EQUALS || c == SDLK_KP_PLUS || c == SDLK_MINUS || c == SDLK_KP_MINUS || c == SDLK_0)) {
        if (c == SDLK_0)
            sd_theme_init(&app->theme, 1.0);
        else
            sd_theme_step_scale(&app->theme, c == SDLK_MINUS || c == SDLK_KP_MINUS ? -1 : 1);
        sd_app_say(app, false, "%s %d %%", sd_app_t(app, "ui.status.text_size"), (int)(app->theme.scale * 100 + 0.5));
        return SD_OK;
    }
    if (app->scorecard || (ctrl(k) && c == SDLK_q)) /* leaving, saving (ending.c) */
        return sd_ending_key(app, k, err);
    if (app->briefing) /* briefing.c */
        return sd_briefing_key(app, k, err);
    if (c == SDLK_F2 && app->overlay != SD_OVERLAY_RESUME) {
        sd_briefing_open(app);
        return SD_OK;
    }
    if (c == SDLK_F1) {
        sd_form_close(app);
        app->overlay = app->overlay == SD_OVERLAY_HELP ? SD_OVERLAY_NONE : SD_OVERLAY_HELP;
        return SD_OK;
    }
    /* The participant's own controls for solo practice (pause, end with a confirmation);
     * the facilitator's (speed, injects) are in the facilitator's window (facilitator.c),
     * which F9 opens at a new live inject and F12 as it is. */
    switch (c) {
    case SDLK_F5:
        if (sd_facil_typing(app)) { /* the clock is held while the facilitator types */
            sd_app_say(app, false, "%s", sd_app_t(app, "ui.status.facilitator_holds"));
            return SD_OK;
        }
        return set_pause(app, !sd_session_paused(app->s));
    case SDLK_F9: case SDLK_F12: return sd_facil_open(app, c == SDLK_F9, err);
    case SDLK_F10: sd_form_close(app); app->overlay = SD_OVERLAY_END; return SD_OK;
    default: break;
    }
    if (app->overlay == SD_OVERLAY_DELETE)
        return sd_form_key(app, k, err);
    if (app->overlay != SD_OVERLAY_NONE)
        return key_overlay(app, k, err);
    if (app->editing)
        return key_editor(app, k, err);
    if (sd_feed_wants_key(app)) /* the search field or the notification list is open */
        return key_feed(app, k, err);
    if (c == SDLK_SPACE)
        return set_pause(app, !sd_session_paused(app->s));
    return key_feed(app, k, err);
}

static sd_status handle_event(sd_app *app, const SDL_Event *ev, sd_error *err)
{
    if (sd_facil_owns_event(app, ev)) /* the facilitator's window (facilitator.c) */
        return sd_facil_event(app, ev, err);
    sd_status taken;
    if (sd_ending_event(app, ev, &taken, err)) /* quit, held keys, questions (ending.c) */
        return taken;
    switch (ev->type) {
    case SDL_QUIT:
        app->quit = true;
        break;
    case SDL_WINDOWEVENT: /* with two windows, closing this one is no SDL_QUIT */
        if (ev->window.event == SDL_WINDOWEVENT_CLOSE && ev->window.windowID == SDL_GetWindowID(app->win))
            return handle_event(app, &(SDL_Event){.type = SDL_QUIT}, err);
        break;
    case SDL_KEYDOWN: {
        app->swallow_text = 0;
        sd_status st = on_key(app, &ev->key, err);
        sync_text_input(app); /* the next key makes text only if an editor has the keys */
        return st;
    }
    case SDL_TEXTINPUT:
        if (app->swallow_text && ev->text.text[0] == app->swallow_text && ev->text.text[1] == '\0') {
            app->swallow_text = 0; /* the digit that chose a template */
            break;
        }
        app->swallow_text = 0;
        if (!app->scorecard && app->overlay == SD_OVERLAY_DELETE)
            sd_form_text(app, ev->text.text);
        else if (!app->scorecard && !app->editing && app->overlay == SD_OVERLAY_NONE && sd_feed_text(app, ev->text.text))
            ; /* typed into the feed's search field */
        else if (app->editing && app->overlay == SD_OVERLAY_NONE && !app->scorecard)
            sd_editor_insert(app->ed, ev->text.text);
        break;
    case SDL_TEXTEDITING:
        if (app->editing)
            sd_editor_compose(app->ed, ev->edit.text, ev->edit.start);
        break;
    case SDL_MOUSEWHEEL:
        if (!app->scorecard && app->overlay == SD_OVERLAY_NONE)
            sd_feed_move(app, ev->wheel.y > 0 ? -3 : 3);
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
        return sd_mouse_event(app, ev, err);
    default:
        break;
    }
    return SD_OK;
}

/* ---- coach mode: tone checks of the text being typed, recomputed when it changes ---- */

static void coach(sd_app *app)
{
    if (!app->coach || sd_editor_len(app->ed) == 0) {
        app->tone_valid = false;
        return;
    }
    const char *text = sd_editor_text(app->ed);
    if (app->tone_valid && app->checked_item == app->edit_item && app->checked_mode == app->edit_mode &&
        app->checked_text && strcmp(app->checked_text, text) == 0)
        return;
    /* The input the score builds for this reply (reply_input.h): the log header's language,
     * participant and scoring, the item's expectation as the results hold it. */
    const sd_rec_header *h = sd_results_header(app->res);
    sd_reply_context cx = {.lang = h ? h->lang : app->sc->lang,
                           .signer = h && h->participant ? h->participant : app->participant,
                           .scoring = h ? &h->scoring : &app->sc->scoring,
                           .words = app->spell_words, .names = app->names, .n_names = app->n_names};
    static const sd_expect no_expect = {0}; /* publishing: no item answered */
    sd_reply_target to = {.expect = &no_expect, .mood = SD_MOOD_CALM};
    if (app->edit_item >= 0 && (size_t)app->edit_item < sd_model_n_items(app->model)) {
        const sd_mitem *it = sd_model_item(app->model, (size_t)app->edit_item);
        const char *first = sd_model_str(app->model, it->first);
        to.expect = it->expect;
        to.to_first = *first ? first : NULL;
        to.to_handle = it->handle ? sd_model_str(app->model, it->handle) : NULL;
        to.mood = (sd_mood)it->mood;
        to.kp = coach_kp(app, to.expect->content, cx.lang);
    }
    sd_tone_input in;
    sd_reply_tone_input(&cx, &to, text, app->edit_mode != SD_EDIT_DM, &in);
    sd_tone_check_reply(app->lx, &in, &app->tone);
    free(app->checked_text);
    size_t n = strlen(text) + 1;
    app->checked_text = malloc(n);
    if (app->checked_text)
        memcpy(app->checked_text, text, n);
    app->checked_item = app->edit_item;
    app->checked_mode = app->edit_mode;
    app->tone_valid = app->checked_text != NULL;
}

/* ---- the frame ---- */

static void draw_bar(sd_app *app, SDL_Rect r, bool top)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_draw_panel(d, top ? "topbar" : "statusbar", r, top ? th->accent : th->panel_alt);
    int lh = sd_text_line_height(app->text, th->font_body, true);
    int y = r.y + (r.h - lh) / 2, x = r.x + th->pad, right = r.x + r.w - th->pad;
    if (top) {
        char mode[128];
        snprintf(mode, sizeof mode, "%s · %s", app->participant,
                 sd_app_t(app, app->coach ? "ui.mode.coach" : "ui.mode.exam"));
        int mw = sd_text_width(app->text, th->font_body, false, mode, strlen(mode));
        int avail = right - x;
        if (mw > avail / 2)
            mw = avail / 2;
        sd_draw_str_right(d, th->font_body, false, th->accent_text, right, y, mw, mode);
        sd_draw_str(d, th->font_body, true, th->accent_text, x, y, avail - mw - th->pad,
                    app->sc->title ? app->sc->title : app->sc->id);
    } else {
        sd_rgba c = app->status_bad ? th->bad : th->text;
        char hint[600];
        sd_app_hint_text(app, hint, sizeof hint); /* what the keys mean now */
        int avail = right - x;
        int hw = sd_text_width(app->text, th->font_small, false, hint, strlen(hint));
        if (hw > avail / 2)
            hw = avail / 2;
        sd_draw_str_right(d, th->font_small, false, th->muted, right, y, hw, hint);
        sd_draw_str(d, th->font_body, false, c, x, y, avail - hw - th->pad, app->status);
    }
}

static void render(sd_app *app)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_app_update_density(app); /* sizes in output pixels (mouse.c) */
    sd_draw_begin_frame(d);
    int w = d->clip.w, h = d->clip.h;
    SDL_SetRenderDrawColor(app->ren, th->bg.r, th->bg.g, th->bg.b, 255);
    SDL_RenderClear(app->ren);
    sd_layout lay; /* the panes for this size and text scale (layout.h) */
    sd_layout_compute(w, h, th, &lay);
    if (lay.top.w > 0)
        draw_bar(app, lay.top, true);
    draw_bar(app, lay.status, false);
    if (app->scorecard) {
        if (lay.top.w == 0) /* the scorecard has no strip: the title bar is back */
            draw_bar(app, lay.situation, true);
        sd_scorecard_draw(app, lay.body);
    } else {
        sd_feed_draw(app, lay.feed);
        sd_thread_draw(app, lay.thread);
        if (lay.strip)
            sd_situation_draw_strip(app, lay.situation);
        else
            sd_situation_draw(app, lay.situation);
        if (app->overlay != SD_OVERLAY_NONE)
            sd_overlay_draw(app, lay.win);
    }
    if (app->briefing)
        sd_briefing_draw(app, lay.win);
    sd_ending_draw(app, lay.win); /* the scorecard's hold, a question */
    SDL_RenderSetClipRect(app->ren, NULL);
}

sd_status sd_app_frame(sd_app *app, double real_seconds, bool *running, sd_error *err)
{
    if (app->replay) /* replay mode has its own keys and clock (replay.c) */
        return sd_replay_frame(app, real_seconds, running, err);
    sd_status st = SD_OK;
    SDL_Event ev;
    sd_ending_frame(app, real_seconds);
    while (st == SD_OK && SDL_PollEvent(&ev)) {
        st = handle_event(app, &ev, err);
        if (ev.type != SDL_KEYDOWN)
            sync_text_input(app);
    }
    sd_briefing_sync(app);     /* the briefing; help and menus pause the clock */
    sd_ending_sync_draft(app); /* the editor's text is the session's draft */
    sd_facil_hold(app); /* last: no clock while the facilitator types a live inject */
    if (st == SD_OK && !sd_session_finished(app->s) && real_seconds > 0 && !app->briefing_start)
        st = sd_session_step_real(app->s, real_seconds, err);
    /* Synced at least every 2 s, also while nothing is written (log/logw.h). */
    if (st == SD_OK && app->log_open)
        st = sd_logw_sync_due(app->log, err);
    if (st == SD_OK && app->log_open && !app->log_warned && sd_logw_warning(app->log)) {
        /* in the participant's words (the engine's message names the file and errno) */
        sd_app_say(app, true, "%s %s", sd_app_t(app, "ui.status.disk_filling"), app->log_path);
        app->log_warned = true;
    }
    if (st == SD_OK && sd_session_finished(app->s) && !app->score)
        st = compute_score(app, err);
    if (st != SD_OK)
        return st;
    if (!app->scorecard) {
        /* The feed keeps a selection when its rows change; while a reply is being typed
         * the item it answers stays selected (it may have left the tab), and when the
         * participant selected another item the editor follows with that item's draft. */
        int64_t before = app->selected;
        sd_feed_select_valid(app);
        if (app->editing && app->edit_mode != SD_EDIT_PUBLISH && before >= 0 && before == app->edit_item)
            app->selected = before;
        follow_selection(app);
        sync_text_input(app);
    }
    coach(app);
    render(app);
    SDL_RenderPresent(app->ren);
    sd_text_get_stats(app->text, &app->last_stats);
    sd_text_end_frame(app->text);
    sd_facil_frame(app); /* the facilitator's window, when open */
    app->frames++;
    *running = !app->quit;
    return SD_OK;
}

sd_status sd_app_run(sd_app *app, sd_error *err)
{
    bool running = true;
    uint64_t freq = SDL_GetPerformanceFrequency(), prev = SDL_GetPerformanceCounter();
    while (running) {
        uint64_t now = SDL_GetPerformanceCounter();
        double dt = (double)(now - prev) / (double)freq;
        prev = now;
        if (dt > 0.25)
            dt = 0.25; /* a stalled frame does not jump the exercise ahead */
        sd_status st = sd_app_frame(app, dt, &running, err);
        if (st != SD_OK)
            return st;
        double spent = (double)(SDL_GetPerformanceCounter() - now) / (double)freq;
        if (spent < 1.0 / 60)
            SDL_Delay((Uint32)((1.0 / 60 - spent) * 1000));
    }
    return SD_OK;
}

/* ---- accessors ---- */

sd_session *sd_app_session(sd_app *app) { return app->s; }
const sd_results *sd_app_results(const sd_app *app) { return app->res; }
const char *sd_app_selected_id(const sd_app *app) { return selected_id(app); }
const char *sd_app_status(const sd_app *app) { return app->status; }
bool sd_app_status_bad(const sd_app *app) { return app->status_bad; }
const char *sd_app_save_error(const sd_app *app) { return app->save_error; }
bool sd_app_on_scorecard(const sd_app *app) { return app->scorecard; }
bool sd_app_editing(const sd_app *app) { return app->editing; }
const sd_tone_result *sd_app_coach_tone(const sd_app *app)
{
    return app->tone_valid ? &app->tone : NULL;
}
const sd_tone_result *sd_app_coach_sent(const sd_app *app)
{
    return app->sent_tone_valid ? &app->sent_tone : NULL;
}
size_t sd_app_editor_misspelt(sd_app *app, size_t *starts, size_t *ends, size_t max)
{
    return sd_editor_misspelt(app->ed, starts, ends, max);
}
uint64_t sd_app_editor_spell_checks(const sd_app *app) { return sd_editor_spell_checks(app->ed); }
const sd_spell_extra *sd_app_spell_words(const sd_app *app) { return app->spell_words; }
const char *const *sd_app_names(const sd_app *app, size_t *n)
{
    *n = app->n_names;
    return app->names;
}
bool sd_app_feed_newest_first(const sd_app *app) { return sd_feed_newest_first(app); }
const char *sd_app_editor_text(const sd_app *app) { return sd_editor_text(app->ed); }
bool sd_app_editor_selection(const sd_app *app, size_t *start, size_t *end)
{
    return sd_editor_selection(app->ed, start, end);
}
double sd_app_text_scale(const sd_app *app) { return app->theme.scale; }
const char *sd_app_results_path(const sd_app *app) { return app->results_path; }
const char *sd_app_csv_path(const sd_app *app) { return app->csv_path; }

const sd_draw_rec *sd_app_debug_rects(const sd_app *app, size_t *n)
{
    *n = app->draw.n_recs;
    return app->draw.recs;
}

void sd_app_text_stats(const sd_app *app, sd_text_stats *out) { *out = app->last_stats; }

void sd_app_output_size(const sd_app *app, int *w, int *h)
{
    SDL_GetRendererOutputSize(app->ren, w, h);
}

sd_status sd_app_read_pixels(sd_app *app, SDL_Surface **out, sd_error *err)
{
    int w, h;
    *out = NULL;
    SDL_GetRendererOutputSize(app->ren, &w, &h);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return sd_error_set(err, SD_ERR_MEMORY, "SDL: %s", SDL_GetError());
    if (app->replay) /* the back buffer is undefined after a present: draw it again */
        sd_replay_render(app); /* replay mode (replay.c) */
    else
        render(app);
    if (SDL_RenderReadPixels(app->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0) {
        SDL_FreeSurface(s);
        return sd_error_set(err, SD_ERR_IO, "SDL: %s", SDL_GetError());
    }
    *out = s;
    return SD_OK;
}

sd_status sd_app_screenshot_bmp(sd_app *app, const char *path, sd_error *err)
{
    SDL_Surface *s;
    sd_status st = sd_app_read_pixels(app, &s, err);
    if (st != SD_OK)
        return st;
    if (SDL_SaveBMP(s, path) != 0)
        st = sd_error_set(err, SD_ERR_IO, "%s: %s", path, SDL_GetError());
    SDL_FreeSurface(s);
    return st;
}
