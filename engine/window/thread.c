/* thread.c - the thread panel: the selected item with the post it belongs to, what has
 * been done with it (from the results), and the reply editor (editor.h) with its caret,
 * selection, IME composition, placeholders and misspelt words (a red wavy line); in coach mode the live tone checks of the
 * text being typed (scoring/tone.h). Where the editor's text was drawn goes to app->hit,
 * and sd_thread_editor_offset() turns a click there into a byte offset. */
#include "app_internal.h"

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
        sd_draw_text(&app->draw, px, bold, c, r.x, *y, r.w, s, n);
        *y += lh;
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

void sd_thread_draw(sd_app *app, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_draw_panel(d, "thread", r, th->panel_alt);
    int lhb = sd_text_line_height(app->text, th->font_body, false);
    int lhs = sd_text_line_height(app->text, th->font_small, false);
    SDL_Rect in = {r.x + th->pad, r.y + th->pad, r.w - 2 * th->pad, r.h - 2 * th->pad};
    if (in.w <= 0 || in.h <= 0)
        return;

    /* Bottom up: coach checks, the editor, its label; the item takes what is left. */
    int bottom = in.y + in.h;
    bool read_only = app->replay != NULL; /* replay mode: no editor, no coach */
    int coach_h = app->coach && !read_only ? lhs * 5 : 0;
    if (coach_h > in.h / 4)
        coach_h = in.h / 4 / lhs * lhs;
    int editor_lines = 5;
    int editor_h = editor_lines * lhb + 2 * th->gap;
    if (editor_h > in.h / 3)
        editor_h = (in.h / 3 - 2 * th->gap) / lhb * lhb + 2 * th->gap;
    int label_h = lhs + th->gap;
    int edit_top = read_only ? bottom + th->gap : bottom - coach_h - editor_h - label_h;
    if (app->coach && coach_h >= lhs)
        draw_coach(app, (SDL_Rect){in.x, bottom - coach_h, in.w, coach_h});
    /* the editor's label: what it answers */
    char label[300];
    char who[160] = "";
    if (app->edit_item >= 0 && (size_t)app->edit_item < sd_model_n_items(app->model))
        sd_app_author(app, (size_t)app->edit_item, who, sizeof who);
    const char *mode_key = app->edit_mode == SD_EDIT_PUBLISH ? "ui.editor.publish"
                           : app->edit_mode == SD_EDIT_DM    ? "ui.editor.dm"
                                                             : "ui.editor.reply";
    snprintf(label, sizeof label, "%s %s", sd_app_t(app, mode_key), app->edit_mode == SD_EDIT_PUBLISH ? "" : who);
    app->hit.editor = (SDL_Rect){0, 0, 0, 0};
    if (!read_only && edit_top >= in.y) {
        sd_draw_str(d, th->font_small, true, th->muted, in.x, edit_top, in.w, label);
        if (editor_h >= lhb + 2 * th->gap)
            draw_editor(app, (SDL_Rect){in.x, edit_top + label_h, in.w, editor_h});
    }
    SDL_Rect top = {in.x, in.y, in.w, (edit_top - th->gap) - in.y};
    if (top.h <= 0)
        return;
    int y = top.y;
    if (app->selected < 0 || (size_t)app->selected >= sd_model_n_items(app->model)) {
        sd_draw_wrapped(app, th->font_body, false, th->muted, top, &y, sd_app_t(app, "ui.thread.none"), 0);
        return;
    }
    size_t item = (size_t)app->selected;
    const sd_mitem *it = sd_model_item(app->model, item);
    /* the post it is on */
    if (it->parent_index >= 0) {
        const sd_mitem *p = sd_model_item(app->model, (size_t)it->parent_index);
        char who_p[160];
        sd_app_author(app, (size_t)it->parent_index, who_p, sizeof who_p);
        if (y + lhs <= top.y + top.h)
            sd_draw_str(d, th->font_small, true, th->muted, top.x, y, top.w, who_p);
        y += lhs;
        sd_draw_wrapped(app, th->font_small, false, th->muted, top, &y, sd_model_str(app->model, p->text), 3);
        y += th->gap;
    }
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
    y += th->gap;
    draw_history(app, item, top, &y);
}
