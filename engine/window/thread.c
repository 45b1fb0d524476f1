/* thread.c - the thread panel: the selected item with the post it belongs to, what has
 * been done with it (from the results), and the reply editor (editor.h) with its caret,
 * selection, IME composition, placeholders and misspelt words (a red wavy line); in coach mode the live tone checks of the
 * text being typed (scoring/tone.h). Where the editor's text was drawn goes to app->hit,
 * and sd_thread_editor_offset() turns a click there into a byte offset. */
#include "app_internal.h"
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sd_draw_wrapped(sd_app *app, int px, bool bold, sd_rgba c, SDL_Rect r, int *y,
                    const char *s, int max_lines)
{
    int lh = sd_text_line_height(app->text, px, bold);
    size_t len = strlen(s);
    int lines = 0;
    while (len > 0 && *y + lh <= r.y + r.h && (max_lines == 0 || lines < max_lines)) {
        size_t next;
        size_t n = sd_text_wrap_line(app->text, px, bold, s, len, r.w, &next);
        if (next == 0)
            break;
        /* the last line there is room for, with text after it: it ends in "…" */
        bool last = (max_lines > 0 && lines + 1 == max_lines) || *y + 2 * lh > r.y + r.h;
        size_t rest = next;
        while (rest < len && (s[rest] == ' ' || s[rest] == '\n'))
            rest++;
        sd_draw_text_cut(&app->draw, px, bold, c, r.x, *y, r.w, s, n, last && rest < len);
        *y += lh;
        lines++;
        s += next;
        len -= next;
    }
    return lines;
}

/* The lines text takes wrapped at w (at most max_lines; 0: no limit). */
static int wrapped_lines(sd_app *app, int px, bool bold, int w, const char *s, int max_lines)
{
    size_t len = strlen(s);
    int lines = 0;
    while (len > 0 && (max_lines == 0 || lines < max_lines)) {
        size_t next;
        sd_text_wrap_line(app->text, px, bold, s, len, w, &next);
        if (next == 0)
            break;
        lines++;
        s += next;
        len -= next;
    }
    return lines;
}

static int measure(void *ctx, const char *text, size_t len)
{
    sd_app *app = ctx;
    return sd_text_width(app->text, app->theme.font_body, false, text, len);
}

/* Draws the editor inside box; the caret's line is kept visible. */
static void draw_editor(sd_app *app, SDL_Rect box)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int px = th->font_body, lh = sd_text_line_height(app->text, px, false);
    sd_draw_fill(d, box, th->panel);
    sd_draw_frame(d, box, app->editing ? th->accent : th->border);
    SDL_Rect in = {box.x + th->pad, box.y + th->gap, box.w - 2 * th->pad, box.h - 2 * th->gap};
    if (in.w <= 0 || in.h < lh)
        return;
    const char *text = sd_editor_text(app->ed);
    size_t tlen = sd_editor_len(app->ed);
    size_t starts[256];
    size_t nl = sd_editor_layout(app->ed, measure, app, in.w - 2, starts, 256);
    if (nl > 256)
        nl = 256;
    size_t caret = sd_editor_caret(app->ed);
    size_t caret_line = 0;
    for (size_t i = 0; i < nl; i++)
        if (starts[i] <= caret)
            caret_line = i;
    int fit = in.h / lh;
    size_t first = caret_line >= (size_t)fit ? caret_line - (size_t)fit + 1 : 0;
    app->hit.editor = in;
    app->hit.editor_first = first;
    app->hit.editor_wrap = in.w - 2;
    size_t sel_a = 0, sel_b = 0;
    bool has_sel = sd_editor_selection(app->ed, &sel_a, &sel_b);
    size_t ph_s[16], ph_e[16];
    size_t nph = sd_editor_placeholders(app->ed, ph_s, ph_e, 16);
    if (nph > 16)
        nph = 16;
    /* misspelt words (checked when the text changed, not every frame) */
    size_t sp_s[SD_SPELL_MAX_MISSES], sp_e[SD_SPELL_MAX_MISSES];
    size_t nsp = sd_editor_misspelt(app->ed, sp_s, sp_e, SD_SPELL_MAX_MISSES);
    int wave_h = lh >= 24 ? 4 : 3;
    const char *comp = sd_editor_composition(app->ed);
    if (tlen == 0 && !*comp && !app->editing) {
        sd_draw_str(d, px, false, th->muted, in.x, in.y, in.w, sd_app_t(app, "ui.editor.empty"));
        return;
    }
    for (size_t i = first; i < nl && (int)(i - first) < fit; i++) {
        size_t a = starts[i], b = i + 1 < nl ? starts[i + 1] : tlen;
        size_t vis_b = b;
        while (vis_b > a && (text[vis_b - 1] == '\n'))
            vis_b--;
        int y = in.y + (int)(i - first) * lh;
        /* placeholders and selection behind the text */
        for (size_t k = 0; k < nph; k++) {
            size_t s0 = ph_s[k] > a ? ph_s[k] : a, s1 = ph_e[k] < vis_b ? ph_e[k] : vis_b;
            if (s0 < s1) {
                int x0 = measure(app, text + a, s0 - a), x1 = measure(app, text + a, s1 - a);
                if (x1 > in.w) x1 = in.w;
                sd_draw_fill(d, (SDL_Rect){in.x + x0, y, x1 - x0, lh}, th->warn_bg);
            }
        }
        if (has_sel) {
            size_t s0 = sel_a > a ? sel_a : a, s1 = sel_b < vis_b ? sel_b : vis_b;
            if (s0 < s1) {
                int x0 = measure(app, text + a, s0 - a), x1 = measure(app, text + a, s1 - a);
                if (x1 > in.w) x1 = in.w;
                sd_draw_fill(d, (SDL_Rect){in.x + x0, y, x1 - x0, lh}, th->selected);
            }
        }
        sd_draw_text(d, px, false, th->text, in.x, y, in.w, text + a, vis_b - a);
        /* a red wavy line under each misspelt word */
        for (size_t k = 0; k < nsp; k++) {
            size_t s0 = sp_s[k] > a ? sp_s[k] : a, s1 = sp_e[k] < vis_b ? sp_e[k] : vis_b;
            if (s0 < s1) {
                int x0 = measure(app, text + a, s0 - a), x1 = measure(app, text + a, s1 - a);
                if (x1 > in.w - 1)
                    x1 = in.w - 1;
                if (x0 < x1)
                    sd_draw_squiggle(d, in.x + x0, in.x + x1 - 1, y + lh - wave_h, wave_h, th->bad);
            }
        }
        if (i == caret_line && app->editing) {
            int cx = measure(app, text + a, caret - a);
            if (cx > in.w - 2)
                cx = in.w - 2;
            if (*comp) { /* the IME's pending text at the caret, underlined */
                int cw = sd_draw_str(d, px, false, th->accent, in.x + cx, y, in.w - cx, comp);
                sd_draw_fill(d, (SDL_Rect){in.x + cx, y + lh - 2, cw, 1}, th->accent);
                cx += cw < in.w - 2 - cx ? cw : 0;
            }
            sd_draw_fill(d, (SDL_Rect){in.x + cx, y, 2, lh}, th->text);
            double k = th->density > 0 ? th->density : 1; /* the IME wants window points */
            SDL_Rect ime = {(int)((in.x + cx) / k), (int)(y / k), 2, (int)(lh / k)};
            SDL_SetTextInputRect(&ime);
        }
    }
}

size_t sd_thread_editor_offset(sd_app *app, int x, int y)
{
    const SDL_Rect in = app->hit.editor;
    int lh = sd_text_line_height(app->text, app->theme.font_body, false);
    const char *text = sd_editor_text(app->ed);
    size_t tlen = sd_editor_len(app->ed);
    size_t starts[256];
    size_t nl = sd_editor_layout(app->ed, measure, app, app->hit.editor_wrap, starts, 256);
    if (nl > 256)
        nl = 256;
    if (nl == 0 || lh <= 0)
        return 0;
    int row = y < in.y ? 0 : (y - in.y) / lh;
    size_t line = app->hit.editor_first + (size_t)row;
    if (line >= nl)
        return tlen; /* below the last line: the end of the text */
    size_t a = starts[line], b = line + 1 < nl ? starts[line + 1] : tlen;
    while (b > a && text[b - 1] == '\n')
        b--;
    /* the code point boundary nearest to x */
    int want = x - in.x, prev_w = 0;
    for (size_t p = a; p < b;) {
        size_t q = p + 1;
        while (q < b && ((unsigned char)text[q] & 0xC0) == 0x80)
            q++;
        int w = measure(app, text + a, q - a);
        if (want < (prev_w + w + 1) / 2)
            return p;
        prev_w = w;
        p = q;
    }
    /* past the end of a wrapped line: before the next line's first character */
    return b;
}

static void draw_coach(sd_app *app, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int px = th->font_small, lh = sd_text_line_height(app->text, px, false);
    int y = r.y;
    if (!app->tone_valid) {
        sd_draw_str(d, px, false, th->muted, r.x, y, r.w, sd_app_t(app, "ui.coach.idle"));
        return;
    }
    char buf[200];
    snprintf(buf, sizeof buf, "%s %.0f · LIX %.0f · %d %s", sd_app_t(app, "ui.coach.title"), app->tone.score,
             app->tone.lix, app->tone.words, sd_app_t(app, "ui.coach.words"));
    sd_draw_str(d, px, true, th->text, r.x, y, r.w, buf);
    y += lh;
    /* the checks in two columns, the failed ones first: where the panel is too short for
     * all of them, only passed checks are cut */
    int col_w = r.w / 2, k = 0;
    for (int i = 0; i < 2 * SD_TONE_CHECK_COUNT; i++) {
        int c = i % SD_TONE_CHECK_COUNT;
        const sd_tone_check_result *cr = &app->tone.checks[c];
        if (!cr->applies || cr->pass != (i >= SD_TONE_CHECK_COUNT))
            continue;
        char key[48];
        snprintf(key, sizeof key, "ui.check.%s", sd_tone_check_id((sd_tone_check)c));
        snprintf(buf, sizeof buf, "%s %s", cr->pass ? "✓" : "✗", sd_app_t(app, key));
        int cx = r.x + (k % 2) * col_w, cy = y + (k / 2) * lh;
        if (cy + lh > r.y + r.h)
            break;
        sd_draw_str(d, px, false, cr->pass ? th->ok : th->bad, cx, cy, col_w - th->gap, buf);
        k++;
    }
}

static void draw_history(sd_app *app, size_t item, SDL_Rect r, int *y)
{
    const sd_theme *th = &app->theme;
    if (item >= sd_results_n_items(app->res))
        return;
    const sd_res_item *ri = &sd_results_items(app->res)[item];
    const sd_res_action *acts = sd_results_actions(app->res);
    int lh = sd_text_line_height(app->text, th->font_small, false);
    for (int32_t a = ri->first_action; a >= 0 && *y + lh <= r.y + r.h; a = acts[a].next) {
        char t[20], key[48], line[400];
        sd_time_format(acts[a].t, t);
        snprintf(key, sizeof key, "ui.action.%s", sd_vocab_name(SD_VOCAB_ACTION, acts[a].kind));
        const char *extra = acts[a].text ? acts[a].text : acts[a].reason ? acts[a].reason : "";
        char target[64] = "";
        if (acts[a].kind == SD_ACT_ESCALATE && acts[a].target >= 0) {
            char tk[48];
            snprintf(tk, sizeof tk, "ui.target.%s", sd_vocab_name(SD_VOCAB_TARGET, acts[a].target));
            snprintf(target, sizeof target, " → %s", sd_app_t(app, tk));
        }
        app->thread_actions++;
        if (acts[a].by) { /* a simulated colleague's reply: who, and the whole text */
            char who[200];
            sd_app_colleague_replied(app, acts[a].by, who, sizeof who);
            snprintf(line, sizeof line, "%.5s  %s:", t + 11, who);
            sd_draw_wrapped(app, th->font_small, true, th->accent, r, y, line, 1);
            if (acts[a].text)
                sd_draw_wrapped(app, th->font_small, false, th->text, r, y, acts[a].text, 0);
            continue;
        }
        if (app->replay && acts[a].text) { /* replay: the whole text as it was written */
            snprintf(line, sizeof line, "%.5s  %s%s:", t + 11, sd_app_t(app, key), target);
            sd_draw_wrapped(app, th->font_small, true, th->ok, r, y, line, 1);
            sd_draw_wrapped(app, th->font_small, false, th->text, r, y, acts[a].text, 0);
            continue;
        }
        snprintf(line, sizeof line, "%.5s  %s%s%s%s", t + 11, sd_app_t(app, key), target, *extra ? ": " : "", extra);
        sd_draw_wrapped(app, th->font_small, false, th->ok, r, y, line, 2);
    }
}

/* The platform of what the editor writes: the post's for a reply to a comment on it (the
 * model's sd_mitem.platform), the exercise's (the log header's) for a statement. */
static sd_platform edit_platform(const sd_app *app)
{
    if (app->edit_mode != SD_EDIT_PUBLISH && app->edit_item >= 0 &&
        (size_t)app->edit_item < sd_model_n_items(app->model)) {
        unsigned p = sd_model_item(app->model, (size_t)app->edit_item)->platform;
        if (p < SD_PLATFORM_COUNT)
            return (sd_platform)p;
    }
    return sd_model_platform(app->model);
}

static size_t code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The editor's label ("Svar till Lena Holm") and, where the platform has a limit, the
 * character counter at its right ("212 / 280", in red past the limit). */
static void draw_label(sd_app *app, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    char label[300];
    char who[160] = "";
    if (app->edit_item >= 0 && (size_t)app->edit_item < sd_model_n_items(app->model))
        sd_app_author(app, (size_t)app->edit_item, who, sizeof who);
    const char *mode_key = app->edit_mode == SD_EDIT_PUBLISH ? "ui.editor.publish"
                           : app->edit_mode == SD_EDIT_DM    ? "ui.editor.dm"
                                                             : "ui.editor.reply";
    snprintf(label, sizeof label, "%s %s", sd_app_t(app, mode_key), app->edit_mode == SD_EDIT_PUBLISH ? "" : who);
    int right = r.x + r.w;
    int limit = app->edit_mode == SD_EDIT_DM ? 0 : sd_platform_max_chars(edit_platform(app));
    if (limit > 0 && (app->editing || sd_editor_len(app->ed) > 0)) {
        char count[48];
        size_t n = code_points(sd_editor_text(app->ed));
        snprintf(count, sizeof count, "%zu / %d", n, limit);
        right = sd_draw_str_right(d, th->font_small, true, n > (size_t)limit ? th->bad : th->muted,
                                  r.x + r.w, r.y, r.w / 2, count) - th->gap;
    }
    sd_draw_str(d, th->font_small, true, th->muted, r.x, r.y, right - r.x, label);
}

/* Pixels the item's head, title, whole text and notes take at width w. */
static int item_need(sd_app *app, const sd_mitem *it, int w)
{
    const sd_theme *th = &app->theme;
    int lhb = sd_text_line_height(app->text, th->font_body, false);
    int lhbb = sd_text_line_height(app->text, th->font_body, true);
    int lhs = sd_text_line_height(app->text, th->font_small, false);
    int h = lhb; /* the head */
    const char *title = sd_model_str(app->model, it->title);
    if (*title)
        h += wrapped_lines(app, th->font_body, true, w, title, 2) * lhbb;
    h += wrapped_lines(app, th->font_body, false, w, sd_model_str(app->model, it->text), 0) * lhb;
    if (*sd_model_str(app->model, it->link) && app->coach)
        h += 2 * lhs;
    if (it->repeat_of)
        h += lhs;
    return h + th->gap;
}

void sd_thread_draw(sd_app *app, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_draw_panel(d, "thread", r, th->panel_alt);
    int lhb = sd_text_line_height(app->text, th->font_body, false);
    int lhs = sd_text_line_height(app->text, th->font_small, false);
    SDL_Rect in = {r.x + th->pad, r.y + th->gap, r.w - 2 * th->pad, r.h - 2 * th->gap};
    app->hit.editor = (SDL_Rect){0, 0, 0, 0};
    if (in.w <= 0 || in.h <= 0)
        return;

    /* What the pane must hold (layout.h): the item's whole text first, then the editor and
     * the coach, the post it is on, its history. */
    bool read_only = app->replay != NULL; /* replay mode: no editor, no coach */
    bool has_item = app->selected >= 0 && (size_t)app->selected < sd_model_n_items(app->model);
    size_t item = has_item ? (size_t)app->selected : 0;
    const sd_mitem *it = has_item ? sd_model_item(app->model, item) : NULL;
    sd_thread_need need = {.editor = !read_only, .editing = app->editing};
    if (app->coach && !read_only) {
        int applies = 0;
        for (int c = 0; app->tone_valid && c < SD_TONE_CHECK_COUNT; c++)
            applies += app->tone.checks[c].applies;
        need.coach_lines = app->tone_valid ? 1 + (applies + 1) / 2 : 1;
    }
    if (it) {
        need.item = item_need(app, it, in.w);
        if (it->parent_index >= 0) {
            const sd_mitem *p = sd_model_item(app->model, (size_t)it->parent_index);
            need.context = lhs + wrapped_lines(app, th->font_small, false, in.w, sd_model_str(app->model, p->text), 3) * lhs + th->gap;
        }
    } else {
        need.item = 2 * lhb;
    }
    sd_thread_layout tl;
    sd_layout_thread(in, th, &need, &tl);
    if (tl.coach.h > 0)
        draw_coach(app, tl.coach);
    if (tl.editor.h > 0) {
        draw_label(app, tl.label);
        draw_editor(app, tl.editor);
    }
    if (!it) {
        int y = tl.item.y;
        sd_draw_wrapped(app, th->font_body, false, th->muted, tl.item, &y, sd_app_t(app, "ui.thread.none"), 0);
        return;
    }
    /* the post it is on */
    if (tl.context.h > 0) {
        const sd_mitem *p = sd_model_item(app->model, (size_t)it->parent_index);
        char who_p[160];
        int y = tl.context.y;
        sd_app_author(app, (size_t)it->parent_index, who_p, sizeof who_p);
        sd_draw_str(d, th->font_small, true, th->muted, tl.context.x, y, tl.context.w, who_p);
        y += lhs;
        sd_draw_wrapped(app, th->font_small, false, th->muted, tl.context, &y, sd_model_str(app->model, p->text), 3);
    }
    /* the item, whole */
    SDL_Rect top = tl.item;
    int y = top.y;
    char who_i[160], t[20], head[300], key[48];
    sd_app_author(app, item, who_i, sizeof who_i);
    sd_time_format(it->arrival, t);
    snprintf(key, sizeof key, "ui.kind.%s", sd_vocab_name(SD_VOCAB_KIND, it->kind));
    snprintf(head, sizeof head, "%s · %s · %.5s", who_i, sd_app_t(app, key), t + 11);
    if (y + lhb <= top.y + top.h)
        sd_draw_str(d, th->font_body, true, th->text, top.x, y, top.w, head);
    y += lhb;
    const char *title = sd_model_str(app->model, it->title);
    if (*title)
        sd_draw_wrapped(app, th->font_body, true, th->text, top, &y, title, 2);
    sd_draw_wrapped(app, th->font_body, false, th->text, top, &y, sd_model_str(app->model, it->text), 0);
    const char *link = sd_model_str(app->model, it->link);
    if (*link && app->coach) {
        char buf[400];
        snprintf(buf, sizeof buf, "%s %s", sd_app_t(app, "ui.thread.link"), link);
        sd_draw_wrapped(app, th->font_small, false, th->accent, top, &y, buf, 2);
    }
    if (it->repeat_of) {
        char buf[400], ref[300]; /* the earlier question by its author and time, not its id */
        sd_app_item_ref(app, sd_model_str(app->model, it->repeat_of), ref, sizeof ref);
        snprintf(buf, sizeof buf, "%s %s", sd_app_t(app, "ui.thread.repeat_of"), ref);
        sd_draw_wrapped(app, th->font_small, false, th->warn, top, &y, buf, 1);
    }
    /* what was done with it, in what is left */
    y = tl.history.y;
    if (tl.history.h > 0)
        draw_history(app, item, tl.history, &y);
}
