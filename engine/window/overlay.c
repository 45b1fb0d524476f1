/* overlay.c - what is drawn over the panels: the F1 help listing every shortcut, the menus
 * (escalation targets, account security, answer templates, end the exercise; their
 * entries' rectangles go to app->hit for the mouse; the delete and inject forms are in
 * form.c), and the scorecard screen at the end (the three scores and overall, the most
 * serious misses with their feedback, what went well and the crisis as it was handled
 * (scoring/strengths.h, scoring/timeline.h), the figures, the chart of answer times against
 * the volume (chart.c) and the keys that write the results JSON and CSV). */
#include "app_internal.h"

#include <stdio.h>

#include "scoring/timeline.h"
#include <string.h>

static SDL_Rect centred(SDL_Rect win, int w, int h)
{
    if (w > win.w - 16) w = win.w - 16;
    if (h > win.h - 16) h = win.h - 16;
    return (SDL_Rect){win.x + (win.w - w) / 2, win.y + (win.h - h) / 2, w, h};
}

/* A box with a title and lines "key  text"; lines that do not fit are left out. */
SDL_Rect sd_overlay_menu(sd_app *app, SDL_Rect win, const char *panel, const char *title,
                         const char *const *keys, const char *const *texts, size_t n, int extra_h)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int lh = sd_text_line_height(app->text, th->font_body, false);
    int lt = sd_text_line_height(app->text, th->font_title, true);
    int kw = 0, tw = sd_text_width(app->text, th->font_title, true, title, strlen(title));
    for (size_t i = 0; i < n; i++) {
        int w = sd_text_width(app->text, th->font_body, true, keys[i], strlen(keys[i]));
        kw = w > kw ? w : kw;
    }
    for (size_t i = 0; i < n; i++) {
        int w = kw + th->pad + sd_text_width(app->text, th->font_body, false, texts[i], strlen(texts[i]));
        tw = w > tw ? w : tw;
    }
    if (extra_h > 0 && tw < win.w / 3)
        tw = win.w / 3; /* room for a text field */
    SDL_Rect box = centred(win, tw + 4 * th->pad, lt + (int)n * lh + 3 * th->pad + extra_h);
    sd_draw_panel(d, panel, box, th->overlay_bg);
    sd_draw_frame(d, box, th->accent);
    SDL_Rect in = {box.x + 2 * th->pad, box.y + th->pad, box.w - 4 * th->pad, box.h - 2 * th->pad};
    int y = in.y;
    if (y + lt <= in.y + in.h)
        sd_draw_str(d, th->font_title, true, th->accent, in.x, y, in.w, title);
    y += lt + th->gap;
    if (kw > in.w / 3)
        kw = in.w / 3;
    app->hit.menu_box = box;
    app->hit.n_menu = 0;
    for (size_t i = 0; i < n && y + lh <= in.y + in.h - extra_h; i++, y += lh) {
        if (app->hit.n_menu < SD_HIT_MENU)
            app->hit.menu[app->hit.n_menu++] = (SDL_Rect){in.x, y, in.w, lh};
        sd_draw_str(d, th->font_body, true, th->text, in.x, y, kw, keys[i]);
        sd_draw_str(d, th->font_body, false, th->text, in.x + kw + th->pad, y, in.w - kw - th->pad, texts[i]);
    }
    int ey = in.y + in.h - extra_h;
    return (SDL_Rect){in.x, ey > y ? y : ey, in.w, extra_h};
}

static const char *const help_keys[][2] = {
    {"F1", "ui.help.help"}, {"F2", "ui.help.briefing"}, {"↑ ↓ PgUp PgDn", "ui.help.move"}, {"1-5, Tab", "ui.help.filter"},
    {"O", "ui.help.order"}, {"V", "ui.help.view"}, {"B", "ui.help.notif"}, {"/, Ctrl+F", "ui.help.search"},
    {"Tab", "ui.help.chips"},
    {"R", "ui.help.reply"}, {"P", "ui.help.refer"}, {"Shift+P", "ui.help.pin"},
    {"Ctrl+P", "ui.help.pin_statement"}, {"M", "ui.help.dm"}, {"K", "ui.help.ack"},
    {"H", "ui.help.hide"}, {"Del, X", "ui.help.delete"}, {"A", "ui.help.report"},
    {"E", "ui.help.escalate"}, {"S", "ui.help.account"}, {"N", "ui.help.publish"},
    {"Ctrl+Enter", "ui.help.send"}, {"Esc", "ui.help.escape"}, {"Ctrl+Z / Ctrl+Y", "ui.help.undo"},
    {"Ctrl+C/X/V", "ui.help.clipboard"}, {"T, Ctrl+T", "ui.help.template"},
    {"Tab (editor)", "ui.help.placeholder"},
    {"Space, F5", "ui.help.pause"}, {"F10", "ui.help.end"}, {"F9, F12", "ui.help.facilitator"},
    {"Ctrl + / - / 0", "ui.help.scale"}, {"Ctrl+Q", "ui.help.quit"}, {"ui.help.mouse_key", "ui.help.mouse"},
};

void sd_overlay_draw(sd_app *app, SDL_Rect win)
{
    const char *keys[32], *texts[32];
    char kbuf[32][8], tbuf[32][160];
    size_t n = 0;
    switch (app->overlay) {
    case SD_OVERLAY_HELP:
        for (size_t i = 0; i < sizeof help_keys / sizeof help_keys[0] && n < 32; i++, n++) {
            keys[n] = strncmp(help_keys[i][0], "ui.", 3) == 0 ? sd_app_t(app, help_keys[i][0]) : help_keys[i][0];
            texts[n] = sd_app_t(app, help_keys[i][1]);
        }
        sd_overlay_menu(app, win, "help", sd_app_t(app, "ui.help.title"), keys, texts, n, 0);
        break;
    case SD_OVERLAY_ESCALATE:
        for (int t = 0; t < SD_TARGET_COUNT; t++, n++) {
            snprintf(kbuf[n], sizeof kbuf[n], "%d", t + 1);
            snprintf(tbuf[n], sizeof tbuf[n], "ui.target.%s", sd_vocab_name(SD_VOCAB_TARGET, t));
            keys[n] = kbuf[n];
            texts[n] = sd_app_t(app, tbuf[n]);
        }
        sd_overlay_menu(app, win, "menu", sd_app_t(app, "ui.menu.escalate"), keys, texts, n, 0);
        break;
    case SD_OVERLAY_DELETE:
        sd_form_draw(app, win);
        break;
    case SD_OVERLAY_ACCOUNT:
        for (int s = 0; s < SD_STEP_REMOVE_ACCESS; s++, n++) {
            snprintf(kbuf[n], sizeof kbuf[n], "%d", s + 1);
            snprintf(tbuf[n], sizeof tbuf[n], "ui.step.%s", sd_vocab_name(SD_VOCAB_STEP, s));
            keys[n] = kbuf[n];
            texts[n] = sd_app_t(app, tbuf[n]);
        }
        for (size_t h = 0; h < app->sc->n_hijacks && n < 9; h++) {
            const char *former = app->sc->hijacks[h].former;
            if (!former)
                continue;
            const sd_persona *p = sd_scenario_persona(app->sc, former);
            snprintf(kbuf[n], sizeof kbuf[n], "%zu", n + 1);
            snprintf(tbuf[n], sizeof tbuf[n], "%s: %s %s", sd_app_t(app, "ui.step.remove_access"),
                     p ? p->first : former, p && p->last ? p->last : "");
            keys[n] = kbuf[n];
            texts[n] = tbuf[n];
            n++;
        }
        sd_overlay_menu(app, win, "menu", sd_app_t(app, "ui.menu.account"), keys, texts, n, 0);
        break;
    case SD_OVERLAY_TEMPLATE: /* the scenario's answer templates by title; 1-9 or a click */
        for (size_t t = 0; t < app->sc->n_templates && n < SD_HIT_MENU; t++, n++) {
            const sd_template *tp = &app->sc->templates[t];
            if (t < 9)
                snprintf(kbuf[n], sizeof kbuf[n], "%zu", t + 1);
            else
                kbuf[n][0] = '\0';
            keys[n] = kbuf[n];
            texts[n] = tp->title ? tp->title : tp->id;
        }
        sd_overlay_menu(app, win, "menu", sd_app_t(app, "ui.menu.templates"), keys, texts, n, 0);
        break;
    case SD_OVERLAY_RESUME: { /* the start screen */
        char t[20], line[1400];
        sd_time_format(app->offer_t, t);
        const char *file = strrchr(app->offer_path, '/');
        snprintf(line, sizeof line, "%s %s (%s)", sd_app_t(app, "ui.menu.resume_yes"), t + 11,
                 file ? file + 1 : app->offer_path);
        keys[0] = "R, Enter";
        texts[0] = line;
        keys[1] = "N, Esc";
        texts[1] = sd_app_t(app, "ui.menu.resume_no");
        sd_overlay_menu(app, win, "menu", sd_app_t(app, "ui.menu.resume"), keys, texts, 2, 0);
        break;
    }
    case SD_OVERLAY_END: {
        char yes[40]; /* J in Swedish, Y in English */
        snprintf(yes, sizeof yes, "%s, Enter", sd_app_yes_key(app));
        keys[0] = yes;
        texts[0] = sd_app_t(app, "ui.menu.end_yes");
        keys[1] = "N, Esc";
        texts[1] = sd_app_t(app, "ui.menu.end_no");
        sd_overlay_menu(app, win, "menu", sd_app_t(app, "ui.menu.end"), keys, texts, 2, 0);
        break;
    }
    default:
        break;
    }
}

void sd_scorecard_draw(sd_app *app, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_draw_panel(d, "scorecard", r, th->panel);
    SDL_Rect in = {r.x + 2 * th->pad, r.y + th->pad, r.w - 4 * th->pad, r.h - 2 * th->pad};
    if (!app->score || in.w <= 0 || in.h <= 0)
        return;
    const sd_score *s = app->score;
    /* The chart takes the bottom third (at least six small lines, at most half); the text
     * goes above it. No chart when even that does not fit. */
    int lhs = sd_text_line_height(app->text, th->font_small, false);
    int chart_h = in.h / 3;
    if (chart_h < 6 * lhs)
        chart_h = 6 * lhs;
    if (chart_h > in.h / 2)
        chart_h = in.h / 2;
    if (chart_h < 5 * lhs)
        chart_h = 0;
    int bottom = in.y + in.h - (chart_h > 0 ? chart_h + th->pad : 0);
    int y = in.y;
    int lt = sd_text_line_height(app->text, th->font_title, true);
    int lh = sd_text_line_height(app->text, th->font_body, false);
    sd_buf title = SD_BUF_INIT;
    const char *names[] = {"title"};
    const char *values[] = {app->sc->title ? app->sc->title : app->sc->id};
    sd_texts_format(app->tx, "card.title", &title, 1, names, values);
    if (y + lt <= bottom)
        sd_draw_str(d, th->font_title, true, th->accent, in.x, y, in.w, sd_buf_str(&title));
    sd_buf_free(&title);
    y += lt + th->gap;
    struct { const char *key; double v; } dims[] = {{"card.speed", s->speed}, {"card.tone", s->tone},
                                                   {"card.escalation", s->escalation}, {"card.overall", s->overall}};
    int label_w = in.w * 4 / 10;
    for (int i = 0; i < 4 && y + lh <= bottom; i++, y += lh) {
        char v[32];
        snprintf(v, sizeof v, "%.1f", dims[i].v);
        bool bold = i == 3;
        sd_draw_str(d, th->font_body, bold, th->text, in.x, y, label_w - th->pad, sd_app_t(app, dims[i].key));
        int vw = sd_draw_str(d, th->font_body, true, th->text, in.x + label_w, y, in.w / 8, v);
        (void)vw;
        int bx = in.x + label_w + in.w / 8, bw = in.x + in.w - bx;
        int fill = (int)(dims[i].v / 100.0 * bw);
        sd_draw_fill(d, (SDL_Rect){bx, y + lh / 4, bw, lh / 2}, th->panel_alt);
        sd_draw_fill(d, (SDL_Rect){bx, y + lh / 4, fill, lh / 2},
                     dims[i].v >= 75 ? th->ok : dims[i].v >= 50 ? th->warn : th->bad);
    }
    /* the unsent draft, in full view under the scores (ending.c) */
    sd_ending_draw_draft(app, (SDL_Rect){in.x, in.y, in.w, bottom - in.y}, &y);
    y += th->gap;
    /* Below the scores: the misses on the left; what went well and the crisis as it was
     * handled on the right (under them when the window is narrow). */
    bool two = in.w >= 760;
    int left_w = two ? in.w * 57 / 100 : in.w;
    int ry = y; /* the right column's top */
    SDL_Rect text_r = {in.x, in.y, left_w - (two ? th->pad : 0), bottom - in.y};
    if (y + lh <= bottom)
        sd_draw_str(d, th->font_body, true, th->accent, in.x, y, text_r.w, sd_app_t(app, "card.misses"));
    y += lh;
    if (s->n_feedback == 0)
        sd_draw_wrapped(app, th->font_body, false, th->ok, text_r, &y, sd_app_t(app, "card.none"), 0);
    for (size_t i = 0; i < s->n_feedback && i < 5; i++) {
        char head[200], key[64];
        snprintf(key, sizeof key, "rule.%s", sd_vocab_name(SD_VOCAB_RULE, s->feedback[i].rule));
        snprintf(head, sizeof head, "%zu. %s  −%.1f %s", i + 1, sd_app_t(app, key),
                 s->feedback[i].cost, sd_app_t(app, "card.points"));
        sd_rgba c = s->feedback[i].severity == SD_SEV_CRITICAL ? th->bad
                    : s->feedback[i].severity == SD_SEV_MAJOR  ? th->warn
                                                               : th->muted;
        sd_draw_wrapped(app, th->font_body, true, c, text_r, &y, head, 1);
        sd_draw_wrapped(app, th->font_small, false, th->text, text_r, &y, s->feedback[i].text, 4);
        y += th->gap;
    }
    if (s->n_feedback > 5) {
        char n[24];
        snprintf(n, sizeof n, "%zu", s->n_feedback - 5);
        sd_buf more = SD_BUF_INIT;
        const char *mn[] = {"n"};
        const char *mv[] = {n};
        sd_texts_format(app->tx, "card.more_misses", &more, 1, mn, mv);
        sd_draw_wrapped(app, th->font_small, false, th->muted, text_r, &y, sd_buf_str(&more), 1);
        sd_buf_free(&more);
    }
    char buf[1200];
    snprintf(buf, sizeof buf, "%s: %zu / %zu · %s: %zu / %zu", sd_app_t(app, "card.late"), s->late, s->expecting,
             sd_app_t(app, "card.unanswered"), s->unanswered, s->expecting);
    sd_draw_wrapped(app, th->font_body, false, th->text, text_r, &y, buf, 2);
    snprintf(buf, sizeof buf, "%s: %s", sd_app_t(app, "card.log"), app->log_path);
    sd_draw_wrapped(app, th->font_small, false, th->muted, text_r, &y, buf, 2);
    if (app->save_error[0]) /* a failed save stays in view until one succeeds */
        sd_draw_wrapped(app, th->font_small, false, th->bad, text_r, &y, app->save_error, 3);
    /* what went well, and the timeline */
    SDL_Rect right = two ? (SDL_Rect){in.x + left_w + th->pad, in.y, in.w - left_w - th->pad, bottom - in.y}
                         : text_r;
    int *yy = two ? &ry : &y;
    if (!two)
        *yy += th->gap;
    if (*yy + lh <= bottom)
        sd_draw_str(d, th->font_body, true, th->accent, right.x, *yy, right.w, sd_app_t(app, "card.strengths"));
    *yy += lh;
    if (s->n_strengths == 0)
        sd_draw_wrapped(app, th->font_small, false, th->muted, right, yy, sd_app_t(app, "card.no_strengths"), 2);
    for (size_t i = 0; i < s->n_strengths && i < 5; i++) {
        snprintf(buf, sizeof buf, "+ %s", s->strengths[i].text);
        sd_draw_wrapped(app, th->font_small, false, th->ok, right, yy, buf, 3);
    }
    if (s->n_strengths > 5) { /* said, as for the misses: the list is not silently cut */
        char n[24];
        snprintf(n, sizeof n, "%zu", s->n_strengths - 5);
        sd_buf more = SD_BUF_INIT;
        const char *mn[] = {"n"};
        const char *mv[] = {n};
        sd_texts_format(app->tx, "card.more_strengths", &more, 1, mn, mv);
        sd_draw_wrapped(app, th->font_small, false, th->muted, right, yy, sd_buf_str(&more), 1);
        sd_buf_free(&more);
    }
    const sd_timeline *tl = s->timeline;
    if (tl && tl->n) {
        *yy += th->gap;
        if (*yy + lh <= bottom)
            sd_draw_str(d, th->font_body, true, th->accent, right.x, *yy, right.w, sd_app_t(app, "card.timeline"));
        *yy += lh;
        int tw = sd_text_width(app->text, th->font_small, true, "00:00", 5) + th->pad;
        SDL_Rect tr = {right.x + tw, right.y, right.w - tw, right.h};
        for (size_t i = 0; i < tl->n; i++) {
            char t[20];
            sd_time_format(tl->entries[i].t, t);
            t[16] = '\0';
            int top = *yy;
            if (top + lhs > bottom)
                break;
            int lines = sd_draw_wrapped(app, th->font_small, false, th->text, tr, yy, tl->entries[i].text, 2);
            if (lines > 0)
                sd_draw_str(d, th->font_small, true, th->muted, right.x, top, tw, t + 11);
        }
    }
    /* The chart of answer times against the volume, last: it is a panel of its own. */
    const sd_rec_header *hd = sd_results_header(app->res);
    if (chart_h > 0 && hd) {
        if (app->chart_for != s) {
            sd_chart_build(&app->chart, sd_results_items(app->res), sd_results_n_items(app->res),
                           s->hours, s->n_hours, hd->start, sd_app_now(app));
            app->chart_for = s;
        }
        sd_chart_draw(app, &app->chart, (SDL_Rect){in.x, in.y + in.h - chart_h, in.w, chart_h});
    }
}
