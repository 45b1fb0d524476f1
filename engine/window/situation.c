/* situation.c - the situation panel: simulated date and time, speed, real time left,
 * comments per minute over the last hour (a small bar chart), the mood mix, waiting count
 * and oldest wait, sentiment and intensity, and the internal inbox. Figures come from the
 * session (sd_session_situation), or the replay in replay mode (sd_app_situation, replay.c),
 * and the model; nothing is computed here but layout. Where the window is too narrow for
 * three columns (layout.h) the situation is a one-line strip of what matters while
 * answering (sd_situation_draw_strip). */
#include "app_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const weekday_key[7] = {"ui.day.mon", "ui.day.tue", "ui.day.wed", "ui.day.thu",
                                     "ui.day.fri", "ui.day.sat", "ui.day.sun"};

/* One "label  value" line; false when it does not fit. */
static bool line(sd_app *app, SDL_Rect r, int *y, const char *label, const char *value, sd_rgba vc)
{
    const sd_theme *th = &app->theme;
    int lh = sd_text_line_height(app->text, th->font_body, false);
    if (*y + lh > r.y + r.h)
        return false;
    int vw = sd_text_width(app->text, th->font_body, true, value, strlen(value));
    if (vw > r.w / 2)
        vw = r.w / 2;
    sd_draw_str(&app->draw, th->font_body, false, th->muted, r.x, *y, r.w - vw - th->gap, label);
    sd_draw_str_right(&app->draw, th->font_body, true, vc, r.x + r.w, *y, vw, value);
    *y += lh;
    return true;
}

static bool heading(sd_app *app, SDL_Rect r, int *y, const char *key)
{
    const sd_theme *th = &app->theme;
    int lh = sd_text_line_height(app->text, th->font_small, true);
    *y += th->gap;
    if (*y + lh > r.y + r.h)
        return false;
    sd_draw_str(&app->draw, th->font_small, true, th->accent, r.x, *y, r.w, sd_app_t(app, key));
    *y += lh;
    return true;
}

/* The clock line: "tis 2026-03-17 09:27". */
static void clock_text(const sd_app *app, sd_time now, char *buf, size_t n)
{
    char t[20];
    sd_time_format(now, t);
    int64_t day = now >= 0 ? now / 86400 : (now - 86399) / 86400;
    snprintf(buf, n, "%s %.10s %.5s", sd_app_t(app, weekday_key[sd_weekday(day)]), t, t + 11);
}

/* The pace: "pausad" or "x10". */
static void speed_text(const sd_app *app, bool paused, double comp, char *buf, size_t n)
{
    if (paused)
        snprintf(buf, n, "%s", sd_app_t(app, "ui.sit.paused"));
    else
        snprintf(buf, n, "x%g", comp);
}

/* The real time left at this pace ("–" while paused). */
static void left_text(const sd_app *app, sd_time now, bool paused, double comp, char *buf, size_t n)
{
    int64_t left_sim = app->sc->start + app->sc->duration - now;
    if (sd_app_finished(app) || left_sim < 0)
        left_sim = 0;
    if (paused)
        snprintf(buf, n, "–");
    else
        sd_app_format_age((int64_t)((double)left_sim / (comp > 0 ? comp : 1)), buf, n);
}

void sd_situation_draw(sd_app *app, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_draw_panel(d, "situation", r, th->panel);
    SDL_Rect in = {r.x + th->pad, r.y + th->pad, r.w - 2 * th->pad, r.h - 2 * th->pad};
    if (in.w <= 0 || in.h <= 0)
        return;
    int y = in.y;
    sd_situation s;
    sd_app_situation(app, &s);
    char buf[128];

    /* clock */
    clock_text(app, s.now, buf, sizeof buf);
    int lht = sd_text_line_height(app->text, th->font_title, true);
    if (y + lht <= in.y + in.h)
        sd_draw_str(d, th->font_title, true, th->text, in.x, y, in.w, buf);
    y += lht;
    bool paused = sd_app_paused(app);
    double comp = sd_app_speed(app);
    speed_text(app, paused, comp, buf, sizeof buf);
    line(app, in, &y, sd_app_t(app, "ui.sit.speed"), buf, paused ? th->warn : th->text);
    left_text(app, s.now, paused, comp, buf, sizeof buf);
    line(app, in, &y, sd_app_t(app, "ui.sit.left"), buf, th->text);

    /* waiting */
    heading(app, in, &y, "ui.sit.answers");
    snprintf(buf, sizeof buf, "%zu", s.waiting);
    line(app, in, &y, sd_app_t(app, "ui.sit.waiting"), buf, s.waiting ? th->warn : th->ok);
    snprintf(buf, sizeof buf, "%zu", s.overdue);
    line(app, in, &y, sd_app_t(app, "ui.sit.overdue"), buf, s.overdue ? th->bad : th->ok);
    sd_app_format_age(s.oldest_wait, buf, sizeof buf);
    line(app, in, &y, sd_app_t(app, "ui.sit.oldest"), s.waiting ? buf : "–", th->text);
    if (s.colleagues > 0) {
        snprintf(buf, sizeof buf, "%zu", s.colleagues);
        line(app, in, &y, sd_app_t(app, "ui.sit.colleagues"), buf, th->ok);
    }
    snprintf(buf, sizeof buf, "%+.2f", s.sentiment);
    line(app, in, &y, sd_app_t(app, "ui.sit.sentiment"), buf, s.sentiment < -0.2 ? th->bad : s.sentiment > 0.2 ? th->ok : th->text);
    snprintf(buf, sizeof buf, "%.2f", s.intensity);
    line(app, in, &y, sd_app_t(app, "ui.sit.intensity"), buf, s.intensity > 1.2 ? th->bad : th->text);

    /* comments per minute, last hour */
    unsigned pm[SD_MODEL_MINUTES];
    sd_model_per_minute(app->model, s.now, pm);
    unsigned max = 0, last = pm[SD_MODEL_MINUTES - 1], total = 0;
    for (int i = 0; i < SD_MODEL_MINUTES; i++) {
        max = pm[i] > max ? pm[i] : max;
        total += pm[i];
    }
    if (heading(app, in, &y, "ui.sit.per_minute")) {
        snprintf(buf, sizeof buf, "%u %s · %u %s · max %u", last, sd_app_t(app, "ui.sit.now"), total,
                 sd_app_t(app, "ui.sit.hour"), max);
        int lhs = sd_text_line_height(app->text, th->font_small, false);
        if (y + lhs <= in.y + in.h)
            sd_draw_str(d, th->font_small, false, th->text, in.x, y, in.w, buf);
        y += lhs;
        int ch = 3 * sd_text_line_height(app->text, th->font_small, false);
        if (y + ch <= in.y + in.h) {
            SDL_Rect chart = {in.x, y, in.w, ch};
            sd_draw_fill(d, chart, th->panel_alt);
            int bw = in.w / SD_MODEL_MINUTES;
            if (bw < 1)
                bw = 1;
            int x0 = in.x + in.w - bw * SD_MODEL_MINUTES;
            for (int i = 0; i < SD_MODEL_MINUTES && max; i++) {
                int bh = (int)((double)pm[i] / max * (ch - 2));
                if (bh > 0 && x0 + i * bw >= in.x)
                    sd_draw_fill(d, (SDL_Rect){x0 + i * bw, y + ch - bh, bw > 2 ? bw - 1 : bw, bh}, th->bar);
            }
            y += ch;
        }
    }

    /* mood mix */
    const size_t *moods = sd_model_moods(app->model);
    size_t all = 0;
    for (int m = 0; m < SD_MOOD_COUNT; m++)
        all += moods[m];
    if (heading(app, in, &y, "ui.sit.moods") && all) {
        int bh = th->pad;
        if (y + bh <= in.y + in.h) {
            int x = in.x;
            for (int m = 0; m < SD_MOOD_COUNT; m++) {
                int w = (int)((double)moods[m] / all * in.w);
                if (m == SD_MOOD_COUNT - 1)
                    w = in.x + in.w - x;
                if (w > 0)
                    sd_draw_fill(d, (SDL_Rect){x, y, w, bh}, th->mood[m]);
                x += w;
            }
            y += bh + th->gap;
        }
        for (int m = 0; m < SD_MOOD_COUNT; m++) {
            char key[40];
            snprintf(key, sizeof key, "ui.mood.%s", sd_vocab_name(SD_VOCAB_MOOD, m));
            snprintf(buf, sizeof buf, "%.0f %%", 100.0 * moods[m] / all);
            if (!line(app, in, &y, sd_app_t(app, key), buf, th->mood[m]))
                break;
        }
    }

    /* internal inbox, newest first */
    size_t n_int;
    const uint32_t *inbox = sd_model_internal(app->model, &n_int);
    if (heading(app, in, &y, "ui.sit.inbox")) {
        int lhs = sd_text_line_height(app->text, th->font_small, false);
        if (n_int == 0 && y + lhs <= in.y + in.h)
            sd_draw_str(d, th->font_small, false, th->muted, in.x, y, in.w, sd_app_t(app, "ui.sit.inbox_empty"));
        for (size_t k = n_int; k-- > 0 && y + lhs <= in.y + in.h;) {
            char who[160], row[400];
            sd_app_author(app, inbox[k], who, sizeof who);
            bool waiting = sd_model_waiting(app->model, inbox[k]);
            snprintf(row, sizeof row, "%s %s: %s", waiting ? "●" : "✓", who,
                     sd_model_str(app->model, sd_model_item(app->model, inbox[k])->text));
            sd_draw_str(d, th->font_small, false, waiting ? th->warn : th->muted, in.x, y, in.w, row);
            y += lhs;
        }
    }
}

/* One piece of the strip at *x, "label value" with the value in vc; false when no room. */
static bool piece(sd_app *app, SDL_Rect r, int *x, const char *label, const char *value, sd_rgba vc)
{
    const sd_theme *th = &app->theme;
    int px = th->font_small, right = r.x + r.w;
    int lw = *label ? sd_text_width(app->text, px, false, label, strlen(label)) + th->gap : 0;
    int vw = sd_text_width(app->text, px, true, value, strlen(value));
    if (*x + lw + vw > right)
        return false;
    int y = r.y + (r.h - sd_text_line_height(app->text, px, false)) / 2;
    if (*label)
        sd_draw_str(&app->draw, px, false, th->muted, *x, y, lw, label);
    sd_draw_str(&app->draw, px, true, vc, *x + lw, y, vw, value);
    *x += lw + vw + 2 * th->pad;
    return true;
}

void sd_situation_draw_strip(sd_app *app, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_draw_panel(d, "situation", r, th->panel);
    sd_situation s;
    sd_app_situation(app, &s);
    char buf[128];
    int x = r.x + th->pad;
    SDL_Rect in = {r.x, r.y, r.w - th->pad, r.h};
    clock_text(app, s.now, buf, sizeof buf);
    if (!piece(app, in, &x, "", buf, th->text))
        return;
    bool paused = sd_app_paused(app);
    double comp = sd_app_speed(app);
    speed_text(app, paused, comp, buf, sizeof buf);
    if (!piece(app, in, &x, sd_app_t(app, "ui.sit.speed"), buf, paused ? th->warn : th->text))
        return;
    snprintf(buf, sizeof buf, "%zu", s.waiting);
    if (!piece(app, in, &x, sd_app_t(app, "ui.sit.waiting"), buf, s.waiting ? th->warn : th->ok))
        return;
    snprintf(buf, sizeof buf, "%zu", s.overdue);
    if (!piece(app, in, &x, sd_app_t(app, "ui.sit.overdue"), buf, s.overdue ? th->bad : th->ok))
        return;
    left_text(app, s.now, paused, comp, buf, sizeof buf);
    if (!piece(app, in, &x, sd_app_t(app, "ui.sit.left"), buf, th->text))
        return;
    size_t n_int, waiting_int = 0;
    const uint32_t *inbox = sd_model_internal(app->model, &n_int);
    for (size_t k = 0; k < n_int; k++)
        waiting_int += sd_model_waiting(app->model, inbox[k]);
    snprintf(buf, sizeof buf, "%zu", waiting_int);
    piece(app, in, &x, sd_app_t(app, "ui.sit.inbox"), buf, waiting_int ? th->warn : th->text);
}
