/* briefing.c - the briefing: what a participant reads before the clock runs (the
 * scenario's title, situation with its "Fakta för svaren", aim, the participant's role and
 * account, the time compression in words, the duration and the keys to know), shown as the
 * first screen with cfg.briefing (the clock starts on Enter) and again with F2 during the
 * exercise; and the rule that help, the briefing, the menus and the window's questions
 * pause the clock while open when pause_on_help (coach mode by default), resuming it when
 * they close unless the facilitator paused or resumed meanwhile. */
#include "app_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sd_briefing_setup(sd_app *app, const sd_app_config *cfg)
{
    app->pause_on_help = cfg->pause_on_help > 0 || (cfg->pause_on_help == 0 && !cfg->exam);
    app->briefing_pending = cfg->briefing;
}

bool sd_app_on_briefing(const sd_app *app) { return app->briefing; }

void sd_briefing_open(sd_app *app)
{
    sd_form_close(app);
    if (app->overlay != SD_OVERLAY_RESUME)
        app->overlay = SD_OVERLAY_NONE;
    app->briefing = true;
    app->briefing_scroll = 0;
}

/* Closes the briefing; the first one starts the clock (a resumed exercise, paused until
 * the person found their bearings, goes on). */
static void briefing_close(sd_app *app)
{
    app->briefing = false;
    if (app->briefing_start) {
        app->briefing_start = false;
        if (sd_session_paused(app->s) && !sd_session_finished(app->s))
            sd_session_pause(app->s, false);
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.status.started"));
    }
}

sd_status sd_briefing_key(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err)
{
    (void)err;
    switch (k->keysym.sym) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        briefing_close(app);
        break;
    case SDLK_ESCAPE:
    case SDLK_F2:
        if (!app->briefing_start) /* the first briefing ends only with Enter */
            briefing_close(app);
        break;
    case SDLK_UP: app->briefing_scroll -= 1; break;
    case SDLK_DOWN: app->briefing_scroll += 1; break;
    case SDLK_PAGEUP: app->briefing_scroll -= 10; break;
    case SDLK_PAGEDOWN: case SDLK_SPACE: app->briefing_scroll += 10; break;
    case SDLK_HOME: app->briefing_scroll = 0; break;
    default: break;
    }
    if (app->briefing_scroll < 0)
        app->briefing_scroll = 0;
    return SD_OK;
}

/* ---- pausing while something covers the exercise ---- */

void sd_briefing_sync(sd_app *app)
{
    if (app->briefing_pending && app->overlay != SD_OVERLAY_RESUME && !app->replay) {
        app->briefing_pending = false;
        app->briefing_start = true;
        sd_briefing_open(app);
    }
    if (app->s == NULL || sd_session_finished(app->s) || app->scorecard) {
        app->menu_paused = app->menu_was_open = false;
        return;
    }
    /* The first briefing holds the clock by not starting it; the start screen has its own
     * pause, and the facilitator's inject form its own hold (facilitator.c, after this). */
    bool open = !app->briefing_start &&
                (app->briefing || app->ask != SD_ASK_NONE ||
                 (app->overlay != SD_OVERLAY_NONE && app->overlay != SD_OVERLAY_RESUME));
    bool paused = sd_session_paused(app->s);
    if (open && !app->menu_was_open && app->pause_on_help && !paused) {
        sd_session_pause(app->s, true);
        app->menu_paused = true;
    } else if (open && app->menu_paused && !paused) {
        app->menu_paused = false; /* the facilitator resumed: theirs now */
    } else if (!open && app->menu_was_open && app->menu_paused) {
        if (paused)
            sd_session_pause(app->s, false);
        app->menu_paused = false;
    }
    app->menu_was_open = open;
}

/* ---- words for durations: "tio minuter", "en kvart", "två timmar" ---- */

static void num_words(const sd_app *app, long n, char *out, size_t size)
{
    char key[40];
    snprintf(key, sizeof key, "ui.num.%ld", n);
    const char *w = n >= 1 && n <= 20 ? sd_app_t(app, key) : NULL;
    if (w && strcmp(w, key) != 0)
        snprintf(out, size, "%s", w);
    else
        snprintf(out, size, "%ld", n);
}

static void count_words(const sd_app *app, long n, const char *one, const char *many, char *out,
                        size_t size)
{
    char num[64];
    num_words(app, n, num, sizeof num);
    snprintf(out, size, "%s %s", num, sd_app_t(app, n == 1 ? one : many));
}

void sd_briefing_duration_words(const sd_app *app, double seconds, char *out, size_t n)
{
    long s = lround(seconds);
    if (s < 1)
        s = 1;
    if (s == 3600)
        snprintf(out, n, "%s", sd_app_t(app, "ui.time.one_hour"));
    else if (s == 1800)
        snprintf(out, n, "%s", sd_app_t(app, "ui.time.half_hour"));
    else if (s == 900)
        snprintf(out, n, "%s", sd_app_t(app, "ui.time.quarter"));
    else if (s < 90 && s % 60 != 0)
        count_words(app, s, "ui.time.second", "ui.time.seconds", out, n);
    else if (s < 3600)
        count_words(app, (s + 30) / 60, "ui.time.minute", "ui.time.minutes", out, n);
    else {
        long m = (s + 30) / 60, h = m / 60;
        m %= 60;
        char hw[96], mw[96];
        count_words(app, h, "ui.time.hour", "ui.time.hours", hw, sizeof hw);
        if (m == 0)
            snprintf(out, n, "%s", hw);
        else {
            count_words(app, m, "ui.time.minute", "ui.time.minutes", mw, sizeof mw);
            snprintf(out, n, "%s %s %s", hw, sd_app_t(app, "ui.time.and"), mw);
        }
    }
}

/* ---- drawing ---- */

/* The scenario's texts are written as wrapped source lines: one line break joins the
 * lines into a paragraph, a blank line ends it; a line starting a list ("- ", "* ", "• ")
 * keeps its break. Returns a new string (paragraphs separated by '\n'), or NULL. */
static char *reflow(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    if (out == NULL)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\n') {
            out[o++] = s[i];
            continue;
        }
        size_t j = i + 1;
        while (j < n && (s[j] == ' ' || s[j] == '\t'))
            j++;
        bool blank = j < n && s[j] == '\n';
        bool list = j < n && ((s[j] == '-' || s[j] == '*') && j + 1 < n && s[j + 1] == ' ');
        list = list || (j + 2 < n && strncmp(s + j, "\xe2\x80\xa2", 3) == 0);
        if (blank) {
            while (j < n && (s[j] == '\n' || s[j] == ' ' || s[j] == '\t'))
                j++;
            i = j - 1;
            if (o > 0 && j < n)
                out[o++] = '\n';
        } else if (list) {
            out[o++] = '\n';
            i = j - 1;
        } else if (j < n && o > 0 && out[o - 1] != ' ') {
            out[o++] = ' ';
            i = j - 1;
        }
    }
    while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\n'))
        o--;
    out[o] = '\0';
    return out;
}

typedef struct flow {
    SDL_Rect r;   /* where the lines go */
    int y;        /* the next line's top (may lie above r: scrolled away) */
    int total;    /* lines laid out */
} flow;

/* Lays text out line by line; draws the lines that lie inside the flow's rectangle. */
static void para(sd_app *app, flow *f, int px, bool bold, sd_rgba c, const char *s, int indent)
{
    int lh = sd_text_line_height(app->text, px, bold);
    size_t len = strlen(s);
    int w = f->r.w - indent;
    if (w < 8)
        return;
    while (len > 0) {
        size_t next;
        size_t n = sd_text_wrap_line(app->text, px, bold, s, len, w, &next);
        if (next == 0)
            break;
        while (n > 0 && s[n - 1] == '\n')
            n--;
        if (f->y >= f->r.y && f->y + lh <= f->r.y + f->r.h && n > 0)
            sd_draw_text(&app->draw, px, bold, c, f->r.x + indent, f->y, w, s, n);
        f->y += lh;
        f->total++;
        s += next;
        len -= next;
    }
}

static void heading(sd_app *app, flow *f, const char *key)
{
    f->y += app->theme.gap;
    para(app, f, app->theme.font_body, true, app->theme.accent, sd_app_t(app, key), 0);
}

static void text_block(sd_app *app, flow *f, const char *text)
{
    char *flowed = reflow(text);
    para(app, f, app->theme.font_body, false, app->theme.text, flowed ? flowed : text, 0);
    free(flowed);
}

static void formatted(sd_app *app, flow *f, const char *key, size_t n, const char *const *names,
                      const char *const *values)
{
    sd_buf b = SD_BUF_INIT;
    sd_texts_format(app->tx, key, &b, n, names, values);
    para(app, f, app->theme.font_body, false, app->theme.text, sd_buf_str(&b), 0);
    sd_buf_free(&b);
}

static const char *const brief_keys[][2] = {
    {"↑ ↓", "ui.help.move"}, {"R", "ui.help.reply"}, {"Ctrl+Enter", "ui.help.send"},
    {"Esc", "ui.help.escape"}, {"K", "ui.help.ack"}, {"E", "ui.help.escalate"},
    {"N", "ui.help.publish"}, {"F1", "ui.help.help"}, {"F2", "ui.help.briefing"},
};

void sd_briefing_draw(sd_app *app, SDL_Rect win)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    const sd_scenario *sc = app->sc;
    sd_draw_panel(d, "briefing", win, th->panel);
    int lt = sd_text_line_height(app->text, th->font_title, true);
    int lh = sd_text_line_height(app->text, th->font_body, false);
    int col = win.w - 4 * th->pad;
    int max_col = (int)(60 * th->font_body); /* about 90 characters a line */
    if (col > max_col)
        col = max_col;
    SDL_Rect in = {win.x + (win.w - col) / 2, win.y + 2 * th->pad, col, win.h - 4 * th->pad};
    if (in.w <= 0 || in.h <= lt + 3 * lh)
        return;
    int y = in.y;
    sd_draw_str(d, th->font_small, true, th->muted, in.x, y, in.w, sd_app_t(app, "ui.brief.heading"));
    y += sd_text_line_height(app->text, th->font_small, true);
    sd_draw_str(d, th->font_title, true, th->accent, in.x, y, in.w, sc->title ? sc->title : sc->id);
    y += lt + th->gap;
    /* the footer: what Enter does, whether the clock runs */
    int foot_h = 2 * lh + th->pad;
    int foot_y = in.y + in.h - foot_h;
    sd_draw_fill(d, (SDL_Rect){in.x, foot_y - th->gap, in.w, 1}, th->border);
    char keyline[300];
    snprintf(keyline, sizeof keyline, "%s  %s", app->briefing_start ? "Enter" : "Enter, Esc, F2",
             sd_app_t(app, app->briefing_start ? "ui.brief.start" : "ui.brief.back"));
    int kw = sd_draw_chip(d, th->font_body, th->accent_text, th->accent, in.x, foot_y, in.w / 2, keyline);
    const char *clock = app->briefing_start ? "ui.brief.clock_waits"
                        : sd_session_paused(app->s) ? "ui.brief.clock_paused"
                                                    : "ui.brief.clock_runs";
    sd_draw_str(d, th->font_small, false, th->muted, in.x + kw + th->pad, foot_y + th->gap,
                in.w - kw - th->pad, sd_app_t(app, clock));
    char scroll[120];
    snprintf(scroll, sizeof scroll, "↑ ↓ PgUp PgDn  %s", sd_app_t(app, "ui.brief.scroll"));
    sd_draw_str(d, th->font_small, false, th->muted, in.x, foot_y + lh + th->gap, in.w, scroll);
    /* the text, scrolled */
    flow f = {.r = {in.x, y, in.w, foot_y - 2 * th->gap - y}};
    f.y = f.r.y - app->briefing_scroll * lh;
    if (sc->description) {
        heading(app, &f, "ui.brief.situation");
        text_block(app, &f, sc->description);
    }
    if (sc->aim) {
        heading(app, &f, "ui.brief.aim");
        text_block(app, &f, sc->aim);
    }
    heading(app, &f, "ui.brief.role");
    {
        const char *names[] = {"name", "role", "account"};
        const char *values[] = {app->participant, sc->role ? sc->role : sd_app_t(app, "ui.brief.role_default"),
                                sc->account_name ? sc->account_name : ""};
        formatted(app, &f, "ui.brief.role_text", 3, names, values);
        if (sc->account_name)
            formatted(app, &f, "ui.brief.account", 3, names, values);
    }
    heading(app, &f, "ui.brief.time");
    {
        double c = sc->compression > 0 ? sc->compression : 1;
        char sim[160], real[160], dsim[160], dreal[160];
        sd_briefing_duration_words(app, 3600, sim, sizeof sim);
        sd_briefing_duration_words(app, 3600 / c, real, sizeof real);
        sd_briefing_duration_words(app, (double)sc->duration, dsim, sizeof dsim);
        sd_briefing_duration_words(app, (double)sc->duration / c, dreal, sizeof dreal);
        const char *names[] = {"sim", "real"};
        const char *v1[] = {sim, real};
        if (fabs(c - 1) < 1e-9)
            para(app, &f, th->font_body, false, th->text, sd_app_t(app, "ui.brief.realtime"), 0);
        else
            formatted(app, &f, "ui.brief.compression", 2, names, v1);
        const char *v2[] = {dsim, dreal};
        formatted(app, &f, "ui.brief.duration", 2, names, v2);
    }
    heading(app, &f, "ui.brief.keys");
    int kcol = 0;
    for (size_t i = 0; i < sizeof brief_keys / sizeof brief_keys[0]; i++) {
        int w = sd_text_width(app->text, th->font_body, true, brief_keys[i][0], strlen(brief_keys[i][0]));
        kcol = w > kcol ? w : kcol;
    }
    kcol += th->pad;
    if (kcol > in.w / 3)
        kcol = in.w / 3;
    for (size_t i = 0; i < sizeof brief_keys / sizeof brief_keys[0]; i++) {
        if (f.y >= f.r.y && f.y + lh <= f.r.y + f.r.h)
            sd_draw_str(d, th->font_body, true, th->text, f.r.x, f.y, kcol - th->pad, brief_keys[i][0]);
        para(app, &f, th->font_body, false, th->text, sd_app_t(app, brief_keys[i][1]), kcol);
    }
    /* no scrolling past the end */
    int visible = f.r.h / (lh > 0 ? lh : 1);
    int max_scroll = f.total - visible + 2;
    if (max_scroll < 0)
        max_scroll = 0;
    if (app->briefing_scroll > max_scroll)
        app->briefing_scroll = max_scroll;
}
