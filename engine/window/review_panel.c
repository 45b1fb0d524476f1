/* review_panel.c - the review panel (review_panel.h): stepping through the exercise's
 * replies and decisions, showing the machine's verdict, taking the evaluator's marks by
 * key or button and appending each to the review file as it is made. */
#include "review_panel.h"

#include "app_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log/limits.h"

enum { HIT_PREV = SD_REVIEW_HIT_PREV, HIT_NEXT, HIT_YES, HIT_PARTLY, HIT_NO, HIT_TONE_OK, HIT_TONE_BAD, HIT_RIGHT,
       HIT_WRONG, HIT_NOTE, HIT_COUNT };

struct sd_review_panel {
    sd_review_writer *w;           /* owned */
    sd_review_target *targets;     /* owned */
    size_t n, cur;
    char evaluator[SD_REVIEW_MAX_NAME + 1];
    bool asking;                   /* the name is being asked */
    bool editing;                  /* the note is being written */
    char swallow;                  /* the letter that opened the field: its SDL_TEXTINPUT is dropped */
    sd_editor *field;              /* owned: the name or the note being written */
    /* the current target's marks, as last saved (or loaded) */
    int answers, tone_ok, decision_ok;
    char note[SD_REVIEW_MAX_NOTE + 1];
    const char *marked_by;         /* borrowed from the reviews, or NULL */
    SDL_Rect hit[HIT_COUNT];       /* buttons drawn in the last frame (w = 0: none) */
};

sd_status sd_review_panel_create(sd_app *app, const char *review_path, const char *evaluator,
                                 sd_review_panel **out, sd_error *err)
{
    *out = NULL;
    sd_review_panel *p = calloc(1, sizeof *p);
    if (!p)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    const sd_rec_header *h = sd_results_header(sd_replay_all_results(app));
    sd_status st = sd_review_targets(sd_replay_all_results(app), app->score, &p->targets, &p->n, err);
    if (st == SD_OK)
        st = sd_review_writer_open(review_path, app->log_path, h ? h->scenario_id : NULL, &p->w, err);
    if (st == SD_OK)
        st = sd_reviews_check(sd_review_writer_reviews(p->w), sd_replay_all_results(app), err);
    if (st == SD_OK)
        st = sd_editor_create(&p->field, err);
    if (st != SD_OK) {
        sd_review_panel_free(p);
        return st;
    }
    if (evaluator && *evaluator)
        snprintf(p->evaluator, sizeof p->evaluator, "%s", evaluator);
    else
        p->asking = true;
    p->answers = p->tone_ok = p->decision_ok = -1;
    *out = p;
    return SD_OK;
}

void sd_review_panel_free(sd_review_panel *p)
{
    if (!p)
        return;
    sd_review_writer_close(p->w, NULL);
    sd_editor_free(p->field);
    free(p->targets);
    free(p);
}

size_t sd_review_panel_index(const sd_review_panel *p) { return p->cur; }
size_t sd_review_panel_count(const sd_review_panel *p) { return p->n; }
bool sd_review_panel_asking_name(const sd_review_panel *p) { return p->asking; }
bool sd_review_panel_editing(const sd_review_panel *p) { return p->editing; }
const sd_reviews *sd_review_panel_reviews(const sd_review_panel *p) { return sd_review_writer_reviews(p->w); }
SDL_Rect sd_review_panel_hit(const sd_review_panel *p, int which)
{
    return which >= 0 && which < HIT_COUNT ? p->hit[which] : (SDL_Rect){0, 0, 0, 0};
}

const sd_review_target *sd_review_panel_target(const sd_review_panel *p, size_t i)
{
    return i < p->n ? &p->targets[i] : NULL;
}

static const char *item_id(const sd_app *app, const sd_review_target *t)
{
    return sd_results_items(sd_replay_all_results(app))[t->item].id;
}

/* The marks already made on target i (the last mark, by anyone), into the panel. */
static void load_marks(const sd_app *app, sd_review_panel *p)
{
    p->answers = p->tone_ok = p->decision_ok = -1;
    p->note[0] = '\0';
    p->marked_by = NULL;
    if (p->n == 0)
        return;
    const sd_review_target *t = &p->targets[p->cur];
    sd_review_mark m;
    const sd_reviews *rv = sd_review_writer_reviews(p->w);
    bool has = t->kind == SD_REVIEW_REPLY ? sd_reviews_reply(rv, (size_t)t->action, &m)
                                          : sd_reviews_decision(rv, item_id(app, t), &m);
    if (!has)
        return;
    p->answers = m.answers;
    p->tone_ok = m.tone_ok;
    p->decision_ok = m.decision_ok;
    snprintf(p->note, sizeof p->note, "%s", m.note ? m.note : "");
    p->marked_by = m.evaluator;
}

static sd_status go(sd_app *app, sd_review_panel *p, size_t i, sd_error *err)
{
    if (p->n == 0)
        return SD_OK;
    p->cur = i < p->n ? i : p->n - 1;
    load_marks(app, p);
    const sd_review_target *t = &p->targets[p->cur];
    return sd_replay_show(app, t->t, item_id(app, t), err);
}

sd_status sd_review_panel_start(sd_app *app, sd_review_panel *p, sd_error *err)
{
    if (sd_review_writer_warning(p->w)) {
        /* a torn last mark was cut off: said, and the review goes on */
        sd_app_say(app, true, "%s", sd_review_writer_warning(p->w));
        if (p->asking)
            SDL_StartTextInput();
        return go(app, p, 0, err);
    }
    if (p->n == 0) {
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.review.none"));
        return SD_OK;
    }
    if (p->asking) {
        sd_editor_clear(p->field);
        SDL_StartTextInput();
    } else
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.review.welcome"));
    return go(app, p, 0, err);
}

/* Saves the current marks as one mark line. A write that fails is shown, and the review
 * goes on (the marks stay in the panel to be tried again). */
static void save(sd_app *app, sd_review_panel *p)
{
    if (p->n == 0 || p->asking)
        return;
    const sd_review_target *t = &p->targets[p->cur];
    sd_review_mark_in m = {.evaluator = p->evaluator, .kind = t->kind, .action = t->action, .item = item_id(app, t),
                           .answers = t->kind == SD_REVIEW_REPLY ? p->answers : -1,
                           .tone_ok = t->kind == SD_REVIEW_REPLY ? p->tone_ok : -1,
                           .decision_ok = t->kind == SD_REVIEW_DECISION ? p->decision_ok : -1,
                           .note = p->note, .machine = &t->machine};
    if (m.answers < 0 && m.tone_ok < 0 && m.decision_ok < 0 && !p->note[0])
        return;
    sd_error e = SD_ERROR_INIT;
    if (sd_review_writer_mark(p->w, &m, &e) != SD_OK)
        sd_app_say(app, true, "%s", sd_error_msg(&e));
    else {
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.review.saved"));
        load_marks(app, p);
    }
    sd_error_clear(&e);
}

static void open_field(sd_review_panel *p, const char *text, char swallow)
{
    sd_editor_clear(p->field);
    if (text && *text)
        sd_editor_set_text(p->field, text);
    sd_editor_compose(p->field, "", 0);
    p->swallow = swallow;
    SDL_StartTextInput();
}

static void close_field(sd_app *app, sd_review_panel *p)
{
    p->editing = false;
    sd_editor_compose(p->field, "", 0);
    if (!app->editing)
        SDL_StopTextInput();
}

/* The name, once: at most SD_REVIEW_MAX_NAME bytes, no control characters. */
static void take_name(sd_app *app, sd_review_panel *p)
{
    const char *s = sd_editor_text(p->field);
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    bool ok = n > 0 && n <= SD_REVIEW_MAX_NAME;
    for (size_t i = 0; ok && i < n; i++)
        ok = (unsigned char)s[i] >= 0x20 && s[i] != 0x7F;
    if (!ok) {
        sd_app_say(app, true, "%s", sd_app_t(app, "ui.review.name_hint"));
        return;
    }
    memcpy(p->evaluator, s, n);
    p->evaluator[n] = '\0';
    p->asking = false;
    close_field(app, p);
    sd_app_say(app, false, "%s", sd_app_t(app, "ui.review.welcome"));
}

static void set_answers(sd_app *app, sd_review_panel *p, int v)
{
    if (p->n == 0 || p->targets[p->cur].kind != SD_REVIEW_REPLY)
        return;
    p->answers = v;
    save(app, p);
}

static void set_tone(sd_app *app, sd_review_panel *p, int v)
{
    if (p->n == 0 || p->targets[p->cur].kind != SD_REVIEW_REPLY)
        return;
    p->tone_ok = v;
    save(app, p);
}

static void set_decision(sd_app *app, sd_review_panel *p, int v)
{
    if (p->n == 0 || p->targets[p->cur].kind != SD_REVIEW_DECISION)
        return;
    p->decision_ok = v;
    save(app, p);
}

static void start_note(sd_review_panel *p, char swallow)
{
    if (p->n == 0)
        return;
    p->editing = true;
    open_field(p, p->note, swallow);
}

static sd_status field_key(sd_app *app, sd_review_panel *p, const SDL_KeyboardEvent *k)
{
    SDL_Keycode c = k->keysym.sym;
    if (c == SDLK_RETURN || c == SDLK_KP_ENTER) {
        if (p->asking)
            take_name(app, p);
        else {
            const char *s = sd_editor_text(p->field);
            if (strlen(s) > SD_REVIEW_MAX_NOTE) {
                sd_app_say(app, true, "%s", sd_app_t(app, "ui.review.note"));
                return SD_OK;
            }
            snprintf(p->note, sizeof p->note, "%s", s);
            close_field(app, p);
            save(app, p);
        }
        return SD_OK;
    }
    if (c == SDLK_ESCAPE && p->editing) {
        close_field(app, p);
        return SD_OK;
    }
    sd_app_edit_key(p->field, k);
    return SD_OK;
}

static bool inside(SDL_Rect r, int x, int y)
{
    return r.w > 0 && x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

sd_status sd_review_panel_event(sd_app *app, sd_review_panel *p, const SDL_Event *ev, bool *handled,
                                sd_error *err)
{
    *handled = false;
    if (app->scorecard)
        return SD_OK;
    if (ev->type == SDL_TEXTINPUT && (p->asking || p->editing)) {
        *handled = true;
        if (p->swallow && ev->text.text[0] == p->swallow && ev->text.text[1] == '\0') {
            p->swallow = 0;
            return SD_OK;
        }
        p->swallow = 0;
        sd_editor_insert(p->field, ev->text.text);
        return SD_OK;
    }
    if (ev->type == SDL_TEXTEDITING && (p->asking || p->editing)) {
        *handled = true;
        sd_editor_compose(p->field, ev->edit.text, ev->edit.start);
        return SD_OK;
    }
    if (ev->type == SDL_KEYDOWN) {
        const SDL_KeyboardEvent *k = &ev->key;
        bool ctrl = (k->keysym.mod & (KMOD_CTRL | KMOD_GUI)) != 0;
        if (p->asking || p->editing) {
            if (ctrl && k->keysym.sym == SDLK_q)
                return SD_OK; /* Ctrl+Q quits (the replay's) */
            *handled = true;
            p->swallow = 0;
            return field_key(app, p, k);
        }
        if (ctrl)
            return SD_OK;
        *handled = true;
        bool decision = p->n && p->targets[p->cur].kind == SD_REVIEW_DECISION;
        switch (k->keysym.sym) {
        case SDLK_n: case SDLK_PAGEDOWN:
            return p->cur + 1 < p->n ? go(app, p, p->cur + 1, err) : SD_OK;
        case SDLK_p: case SDLK_PAGEUP:
            return p->cur > 0 ? go(app, p, p->cur - 1, err) : SD_OK;
        case SDLK_1: case SDLK_KP_1:
            if (decision)
                set_decision(app, p, 1);
            else
                set_answers(app, p, SD_ANSWERS_YES);
            return SD_OK;
        case SDLK_2: case SDLK_KP_2:
            set_answers(app, p, SD_ANSWERS_PARTLY);
            return SD_OK;
        case SDLK_3: case SDLK_KP_3:
            if (decision)
                set_decision(app, p, 0);
            else
                set_answers(app, p, SD_ANSWERS_NO);
            return SD_OK;
        case SDLK_4: case SDLK_KP_4: set_tone(app, p, 1); return SD_OK;
        case SDLK_5: case SDLK_KP_5: set_tone(app, p, 0); return SD_OK;
        case SDLK_e: start_note(p, 'e'); return SD_OK;
        default:
            *handled = false; /* the replay's keys */
            return SD_OK;
        }
    }
    if (ev->type == SDL_MOUSEBUTTONDOWN && ev->button.button == SDL_BUTTON_LEFT && !p->asking) {
        int x = ev->button.x, y = ev->button.y;
        sd_app_mouse_to_pixels(app, &x, &y);
        int hit = -1;
        for (int i = 0; i < HIT_COUNT && hit < 0; i++)
            if (inside(p->hit[i], x, y))
                hit = i;
        if (hit < 0)
            return SD_OK;
        *handled = true;
        if (p->editing && hit != HIT_NOTE)
            close_field(app, p); /* a click elsewhere leaves the note unsaved */
        switch (hit) {
        case HIT_PREV: return p->cur > 0 ? go(app, p, p->cur - 1, err) : SD_OK;
        case HIT_NEXT: return p->cur + 1 < p->n ? go(app, p, p->cur + 1, err) : SD_OK;
        case HIT_YES: set_answers(app, p, SD_ANSWERS_YES); break;
        case HIT_PARTLY: set_answers(app, p, SD_ANSWERS_PARTLY); break;
        case HIT_NO: set_answers(app, p, SD_ANSWERS_NO); break;
        case HIT_TONE_OK: set_tone(app, p, 1); break;
        case HIT_TONE_BAD: set_tone(app, p, 0); break;
        case HIT_RIGHT: set_decision(app, p, 1); break;
        case HIT_WRONG: set_decision(app, p, 0); break;
        case HIT_NOTE: if (!p->editing) start_note(p, 0); break;
        default: break;
        }
    }
    return SD_OK;
}

const char *sd_review_panel_hint(const sd_app *app, const sd_review_panel *p)
{
    if (p->asking)
        return sd_app_t(app, "ui.review.name_hint");
    if (p->editing)
        return sd_app_t(app, "ui.review.note_hint");
    return sd_app_t(app, p->n && p->targets[p->cur].kind == SD_REVIEW_DECISION ? "ui.review.hint_decision"
                                                                              : "ui.review.hint");
}

/* ---- drawing ---- */

static void section(sd_app *app, SDL_Rect r, int *y, const char *key)
{
    const sd_theme *th = &app->theme;
    int lh = sd_text_line_height(app->text, th->font_small, true);
    *y += th->gap;
    if (*y + lh > r.y + r.h)
        return;
    sd_draw_str(&app->draw, th->font_small, true, th->accent, r.x, *y, r.w, sd_app_t(app, key));
    *y += lh;
}

/* A row of choice buttons; the chosen one filled. Their rectangles go to p->hit. */
static void buttons(sd_app *app, sd_review_panel *p, SDL_Rect r, int *y, const char *const *keys,
                    const int *hits, const int *values, int n, int chosen)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int lh = sd_text_line_height(app->text, th->font_body, false) + th->gap;
    if (*y + lh > r.y + r.h)
        return;
    int x = r.x;
    for (int i = 0; i < n; i++) {
        const char *label = sd_app_t(app, keys[i]);
        int w = sd_draw_chip_width(d, th->font_body, label);
        if (x + w > r.x + r.w)
            w = r.x + r.w - x;
        if (w <= 0)
            break;
        bool on = values[i] == chosen;
        sd_draw_chip(d, th->font_body, on ? th->accent_text : th->text, on ? th->accent : th->panel_alt, x, *y, w,
                     label);
        SDL_Rect box = {x, *y, w, lh - th->gap};
        if (!on)
            sd_draw_frame(d, box, th->border);
        p->hit[hits[i]] = box;
        x += w + th->gap;
    }
    *y += lh;
}

static void field(sd_app *app, sd_review_panel *p, SDL_Rect r, int *y, const char *text, bool active, int hit)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int lh = sd_text_line_height(app->text, th->font_body, false);
    int h = lh + th->gap;
    if (*y + h > r.y + r.h)
        return;
    SDL_Rect box = {r.x, *y, r.w, h};
    sd_draw_fill(d, box, active ? th->bg : th->panel_alt);
    sd_draw_frame(d, box, active ? th->accent : th->border);
    int tx = box.x + th->gap, avail = box.w - 2 * th->gap;
    size_t len = strlen(text);
    int tw = sd_text_width(app->text, th->font_body, false, text, len);
    /* the end of a long text stays in view while it is written */
    const char *shown = text;
    while (active && tw > avail - 2 && *shown) {
        shown++;
        while ((*shown & 0xC0) == 0x80)
            shown++;
        tw = sd_text_width(app->text, th->font_body, false, shown, strlen(shown));
    }
    sd_draw_str(d, th->font_body, false, th->text, tx, box.y + th->gap / 2, avail, shown);
    if (active) {
        int cx = tx + (tw < avail - 2 ? tw : avail - 2);
        sd_draw_fill(d, (SDL_Rect){cx, box.y + th->gap / 2, 2, lh}, th->text);
    }
    if (hit >= 0)
        p->hit[hit] = box;
    *y += h;
}

static void machine_lines(sd_app *app, const sd_review_target *t, SDL_Rect r, int *y)
{
    const sd_theme *th = &app->theme;
    char line[600];
    const sd_review_machine *m = &t->machine;
    if (t->kind == SD_REVIEW_REPLY) {
        const char *a = m->answers == SD_ANSWERS_YES ? "ui.review.yes" : m->answers == SD_ANSWERS_NO ? "ui.review.no"
                                                                                                   : "ui.review.na";
        snprintf(line, sizeof line, "%s %s", sd_app_t(app, "ui.review.m_answers"), sd_app_t(app, a));
        sd_draw_wrapped(app, th->font_body, false, m->answers == SD_ANSWERS_NO ? th->bad : th->text, r, y, line, 2);
        size_t used = (size_t)snprintf(line, sizeof line, "%s ", sd_app_t(app, "ui.review.m_tone"));
        if (m->tone_ok)
            snprintf(line + used, sizeof line - used, "%s", sd_app_t(app, "ui.review.m_tone_ok"));
        else {
            used += (size_t)snprintf(line + used, sizeof line - used, "%s", sd_app_t(app, "ui.review.m_failed"));
            for (int k = 0; k < SD_TONE_CHECK_COUNT && used < sizeof line; k++)
                if (m->failed & (1u << k)) {
                    char key[64];
                    snprintf(key, sizeof key, "ui.check.%s", sd_tone_check_id((sd_tone_check)k));
                    const char *name = sd_app_t(app, key);
                    if (strcmp(name, key) == 0)
                        name = sd_tone_check_id((sd_tone_check)k);
                    used += (size_t)snprintf(line + used, sizeof line - used, " %s;", name);
                }
            if (used < sizeof line && line[used - 1] == ';')
                line[used - 1] = '\0';
        }
        sd_draw_wrapped(app, th->font_body, false, m->tone_ok ? th->text : th->bad, r, y, line, 3);
    } else {
        char key[64];
        snprintf(key, sizeof key, "ui.review.decision.%s", sd_vocab_name(SD_VOCAB_DECISION, m->decision));
        snprintf(line, sizeof line, "%s %s: %s", sd_app_t(app, "ui.review.m_decision"), sd_app_t(app, key),
                 sd_app_t(app, m->decision_ok ? "ui.review.m_decision_ok" : "ui.review.m_decision_bad"));
        sd_draw_wrapped(app, th->font_body, false, m->decision_ok ? th->text : th->bad, r, y, line, 3);
    }
}

void sd_review_panel_draw(sd_app *app, sd_review_panel *p, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    memset(p->hit, 0, sizeof p->hit);
    sd_draw_panel(d, "review", r, th->panel);
    SDL_Rect in = {r.x + th->pad, r.y + th->pad, r.w - 2 * th->pad, r.h - 2 * th->pad};
    if (in.w <= 0 || in.h <= 0)
        return;
    int y = in.y;
    int lht = sd_text_line_height(app->text, th->font_title, true);
    char buf[256];
    if (p->asking) {
        if (y + lht <= in.y + in.h)
            sd_draw_str(d, th->font_title, true, th->text, in.x, y, in.w, sd_app_t(app, "ui.review.title"));
        y += lht;
        section(app, in, &y, "ui.review.name_prompt");
        field(app, p, in, &y, sd_editor_text(p->field), true, -1);
        y += th->gap;
        sd_draw_wrapped(app, th->font_small, false, th->muted, in, &y, sd_app_t(app, "ui.review.name_hint"), 0);
        return;
    }
    if (p->n == 0) {
        sd_draw_wrapped(app, th->font_body, false, th->muted, in, &y, sd_app_t(app, "ui.review.none"), 0);
        return;
    }
    const sd_review_target *t = &p->targets[p->cur];
    const sd_res_item *it = &sd_results_items(sd_replay_all_results(app))[t->item];
    snprintf(buf, sizeof buf, "%s %zu / %zu · %s", sd_app_t(app, "ui.review.title"), p->cur + 1, p->n,
             sd_app_t(app, t->kind == SD_REVIEW_REPLY ? "ui.review.reply" : "ui.review.decision"));
    if (y + lht <= in.y + in.h)
        sd_draw_str(d, th->font_title, true, th->text, in.x, y, in.w, buf);
    y += lht;
    /* the item and the reply */
    section(app, in, &y, "ui.review.item");
    char author[2 * SD_MAX_NAME_BYTES + 80];
    char when[20];
    sd_time_format(it->arrival, when);
    snprintf(author, sizeof author, "%.5s  %s%s%s (%s)", when + 11, it->first ? it->first : "",
             it->first && it->last ? " " : "", it->last ? it->last : "", it->id);
    sd_draw_wrapped(app, th->font_small, true, th->text, in, &y, author, 1);
    const char *text = sd_model_n_items(app->model) > (size_t)t->item
                           ? sd_model_str(app->model, sd_model_item(app->model, (size_t)t->item)->text)
                           : NULL;
    if (text)
        sd_draw_wrapped(app, th->font_small, false, th->text, in, &y, text, 4);
    if (t->kind == SD_REVIEW_REPLY) {
        section(app, in, &y, "ui.review.reply_text");
        const char *reply = sd_results_actions(sd_replay_all_results(app))[t->action].text;
        sd_draw_wrapped(app, th->font_small, false, th->text, in, &y, reply ? reply : "", 8);
    }
    section(app, in, &y, "ui.review.machine");
    machine_lines(app, t, in, &y);
    /* the evaluator's marks */
    section(app, in, &y, "ui.review.your");
    if (t->kind == SD_REVIEW_REPLY) {
        sd_draw_wrapped(app, th->font_small, false, th->muted, in, &y, sd_app_t(app, "ui.review.q_answers"), 1);
        static const char *const ak[] = {"ui.review.yes", "ui.review.partly", "ui.review.no"};
        static const int ah[] = {HIT_YES, HIT_PARTLY, HIT_NO};
        static const int av[] = {SD_ANSWERS_YES, SD_ANSWERS_PARTLY, SD_ANSWERS_NO};
        buttons(app, p, in, &y, ak, ah, av, 3, p->answers);
        sd_draw_wrapped(app, th->font_small, false, th->muted, in, &y, sd_app_t(app, "ui.review.q_tone"), 1);
        static const char *const tk[] = {"ui.review.tone_ok", "ui.review.tone_bad"};
        static const int thh[] = {HIT_TONE_OK, HIT_TONE_BAD};
        static const int tv[] = {1, 0};
        buttons(app, p, in, &y, tk, thh, tv, 2, p->tone_ok);
    } else {
        sd_draw_wrapped(app, th->font_small, false, th->muted, in, &y, sd_app_t(app, "ui.review.q_decision"), 1);
        static const char *const dk[] = {"ui.review.right", "ui.review.wrong"};
        static const int dh[] = {HIT_RIGHT, HIT_WRONG};
        static const int dv[] = {1, 0};
        buttons(app, p, in, &y, dk, dh, dv, 2, p->decision_ok);
    }
    sd_draw_wrapped(app, th->font_small, false, th->muted, in, &y, sd_app_t(app, "ui.review.note"), 1);
    field(app, p, in, &y, p->editing ? sd_editor_text(p->field) : p->note, p->editing, HIT_NOTE);
    if (p->marked_by) {
        snprintf(buf, sizeof buf, "%s %s", sd_app_t(app, "ui.review.marked_by"), p->marked_by);
        sd_draw_wrapped(app, th->font_small, false, th->muted, in, &y, buf, 1);
    }
    /* previous / next at the bottom */
    int lh = sd_text_line_height(app->text, th->font_body, false) + th->gap;
    int by = in.y + in.h - lh;
    if (by >= y) {
        const char *prev = sd_app_t(app, "ui.review.prev"), *next = sd_app_t(app, "ui.review.next");
        int pw = sd_draw_chip_width(d, th->font_body, prev), nw = sd_draw_chip_width(d, th->font_body, next);
        if (pw > in.w / 2 - th->gap)
            pw = in.w / 2 - th->gap;
        if (nw > in.w / 2 - th->gap)
            nw = in.w / 2 - th->gap;
        if (pw > 0 && nw > 0) {
            sd_draw_chip(d, th->font_body, p->cur > 0 ? th->text : th->muted, th->panel_alt, in.x, by, pw, prev);
            sd_draw_chip(d, th->font_body, th->accent_text, p->cur + 1 < p->n ? th->accent : th->muted,
                         in.x + in.w - nw, by, nw, next);
            p->hit[HIT_PREV] = (SDL_Rect){in.x, by, pw, lh - th->gap};
            p->hit[HIT_NEXT] = (SDL_Rect){in.x + in.w - nw, by, nw, lh - th->gap};
        }
    }
}
