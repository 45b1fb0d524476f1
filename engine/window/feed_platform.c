/* feed_platform.c - the platform view, the feed's default: the organisation's posts as the
 * participant knows them from Facebook, Instagram or X. Each post with its account, time,
 * text, picture and link preview, its reaction, comment and share counts, and what is
 * pinned; under it the comments (newest first; O turns it), each with its replies and our
 * own replies (the participant's and the simulated colleagues', from the results' actions)
 * threaded under it in time order; the statements we published as posts of their own; direct
 * messages, internal messages, media and notices as small cards between the posts (newest
 * first). Names as each platform shows them. Three looks by layout and colour, no logos.
 *
 * Cost: the thread index is a tree built as records arrive (each new item and action is
 * linked in once, in O(1) amortised), and a frame lays out and draws only the cards from
 * the first one in view to the bottom of the panel, so neither depends on how many items
 * the exercise has. The selection (app->selected, an item index) moves through the cards of
 * items in display order; the cards drawn go to fv->vis for the mouse and the tests. */
#include "feed_internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the looks ---- */

typedef struct look {
    sd_rgba bg, card, text, muted, accent, link, bubble, line, sel, chip_bg;
    bool round, bubbles, inline_name, thread_line;
} look;

static sd_rgba C(unsigned hex)
{
    return (sd_rgba){(uint8_t)(hex >> 16), (uint8_t)(hex >> 8), (uint8_t)hex, 255};
}

/* Every text colour passes WCAG AA on the card, the bubble and the selection. */
static look look_of(sd_platform p)
{
    look l;
    switch (p) {
    case SD_PLATFORM_INSTAGRAM:
        l = (look){C(0xFAFAFA), C(0xFFFFFF), C(0x000000), C(0x5E5E5E), C(0x00376B), C(0x00376B),
                   C(0xFFFFFF), C(0xDBDBDB), C(0xEFEFEF), C(0xEFEFEF), true, false, true, false};
        break;
    case SD_PLATFORM_X:
        l = (look){C(0xFFFFFF), C(0xFFFFFF), C(0x0F1419), C(0x536471), C(0x0B5E9E), C(0x0B5E9E),
                   C(0xFFFFFF), C(0xCFD9DE), C(0xE8F5FD), C(0xEFF3F4), true, false, false, true};
        break;
    default: /* Facebook */
        l = (look){C(0xF0F2F5), C(0xFFFFFF), C(0x050505), C(0x595B5F), C(0x0A53BE), C(0x0A53BE),
                   C(0xF0F2F5), C(0xCED0D4), C(0xE7F0FD), C(0xE4E6EB), true, true, false, false};
        break;
    }
    return l;
}

/* ---- names ---- */

/* The look of an item: its own platform in the model (a post's, or the post's it is on);
 * the exercise's (the log header's) for anything outside the model. */
sd_platform sd_pview_of(const sd_app *app, size_t item)
{
    if (item < sd_model_n_items(app->model)) {
        unsigned p = sd_model_item(app->model, item)->platform;
        if (p < SD_PLATFORM_COUNT)
            return (sd_platform)p;
    }
    return sd_model_platform(app->model);
}

/* The author's handle without '@' ("" when none). */
static const char *handle_of(const sd_app *app, size_t item)
{
    if (item >= sd_model_n_items(app->model))
        return "";
    return sd_model_str(app->model, sd_model_item(app->model, item)->handle);
}

static void name_for(sd_platform p, const char *full, const char *handle, char *out, size_t n,
                     char *hout, size_t hn)
{
    hout[0] = '\0';
    if (p == SD_PLATFORM_INSTAGRAM && *handle)
        snprintf(out, n, "%s", handle);
    else
        snprintf(out, n, "%s", full);
    if (p == SD_PLATFORM_X && *handle)
        snprintf(hout, hn, "@%s", handle);
}

void sd_pview_name(const sd_app *app, size_t item, char *out, size_t n, char *handle, size_t hn)
{
    char full[160];
    sd_app_author(app, item, full, sizeof full);
    const sd_mitem *it = sd_model_item(app->model, item);
    const char *h = handle_of(app, item);
    if (!*h && (it->kind == SD_KIND_POST || it->kind == SD_KIND_ATTACKER_POST) && app->sc->account_handle)
        h = app->sc->account_handle;
    sd_platform p = sd_pview_of(app, item);
    if (it->handle && !it->first) {
        /* only a handle: the handle everywhere (X writes it with its '@') */
        snprintf(out, n, "%s%s", p == SD_PLATFORM_X ? "@" : "", h);
        handle[0] = '\0';
        return;
    }
    name_for(p, full, h, out, n, handle, hn);
}

/* ---- the tree ---- */

static int32_t new_node(sd_feedview *fv, uint8_t type, uint32_t ref, sd_time t)
{
    if (fv->n_nodes == fv->cap_nodes) {
        size_t cap = fv->cap_nodes ? fv->cap_nodes * 2 : 1024;
        fv_node *n = realloc(fv->nodes, cap * sizeof *n);
        if (!n)
            return -1;
        fv->nodes = n;
        fv->cap_nodes = cap;
    }
    fv_node *n = &fv->nodes[fv->n_nodes];
    *n = (fv_node){.ref = ref, .type = type, .t = t, .parent = -1, .first = -1, .last = -1,
                   .next = -1, .prev = -1};
    return (int32_t)fv->n_nodes++;
}

/* Links node k under parent p (-1: a top-level card) keeping time order: from the tail,
 * which is where nearly everything goes. */
static void link_in(sd_feedview *fv, int32_t p, int32_t k)
{
    fv_node *n = &fv->nodes[k];
    int32_t *first = p >= 0 ? &fv->nodes[p].first : &fv->root_first;
    int32_t *last = p >= 0 ? &fv->nodes[p].last : &fv->root_last;
    int32_t after = *last;
    while (after >= 0 && fv->nodes[after].t > n->t)
        after = fv->nodes[after].prev;
    n->parent = p;
    n->depth = p >= 0 ? (uint8_t)(fv->nodes[p].depth + 1) : 0;
    n->prev = after;
    n->next = after >= 0 ? fv->nodes[after].next : *first;
    if (n->next >= 0)
        fv->nodes[n->next].prev = k;
    else
        *last = k;
    if (after >= 0)
        fv->nodes[after].next = k;
    else
        *first = k;
    for (int32_t a = p; a >= 0; a = fv->nodes[a].parent)
        fv->nodes[a].below++;
}

/* Where something answering or following node p goes: a post's comments, a comment's
 * replies; a reply's go to its comment (two levels, as the platforms show threads). */
static int32_t thread_parent(const sd_feedview *fv, int32_t p)
{
    while (p >= 0 && fv->nodes[p].depth >= 2)
        p = fv->nodes[p].parent;
    return p;
}

static bool grow_of(sd_feedview *fv, size_t n)
{
    if (n <= fv->cap_of)
        return true;
    size_t cap = fv->cap_of ? fv->cap_of : 1024;
    while (cap < n)
        cap *= 2;
    int32_t *v = realloc(fv->node_of, cap * sizeof *v);
    if (!v)
        return false;
    for (size_t i = fv->cap_of; i < cap; i++)
        v[i] = -1;
    fv->node_of = v;
    fv->cap_of = cap;
    return true;
}

void sd_pview_sync(sd_app *app, sd_feedview *fv)
{
    const sd_model *m = app->model;
    size_t n = sd_model_n_items(m);
    if (!grow_of(fv, n))
        return;
    /* at the head of the feed, a new post (or message) shows above, as on the platforms */
    bool at_head = fv->top < 0 || fv->top == fv->root_last;
    for (; fv->items_seen < n; fv->items_seen++) {
        size_t i = fv->items_seen;
        const sd_mitem *it = sd_model_item(m, i);
        int32_t p = -1;
        if ((it->kind == SD_KIND_COMMENT || it->kind == SD_KIND_REPLY) && it->parent_index >= 0 &&
            (size_t)it->parent_index < i)
            p = thread_parent(fv, fv->node_of[it->parent_index]);
        int32_t k = new_node(fv, FV_ITEM, (uint32_t)i, it->arrival);
        if (k < 0)
            return;
        fv->node_of[i] = k;
        link_in(fv, p, k);
        sd_notify_add(app, fv, i);
    }
    const sd_results *res = app->res;
    size_t na = sd_results_n_actions(res);
    const sd_res_action *acts = sd_results_actions(res);
    for (; fv->actions_seen < na; fv->actions_seen++) {
        const sd_res_action *a = &acts[fv->actions_seen];
        int32_t p = -1;
        if (a->kind == SD_ACT_REPLY || a->kind == SD_ACT_DM_REPLY) {
            if (a->item < 0 || (size_t)a->item >= n || fv->node_of[a->item] < 0)
                continue;
            p = thread_parent(fv, fv->node_of[a->item]);
        } else if (a->kind != SD_ACT_PUBLISH) {
            continue;
        }
        int32_t k = new_node(fv, FV_ACTION, (uint32_t)fv->actions_seen, a->t);
        if (k < 0)
            return;
        link_in(fv, p, k);
    }
    if (at_head && fv->anchor_bottom < 0)
        fv->top = -1;
}

/* ---- display order: top-level cards newest first, a post's comments newest first (or
 * oldest first), replies oldest first ---- */

static bool reversed_children(const sd_app *app, const sd_feedview *fv, int32_t p)
{
    if (p < 0)
        return true;
    const fv_node *n = &fv->nodes[p];
    if (n->depth != 0 || fv->oldest_first)
        return false;
    return !(n->type == FV_ITEM && sd_model_item(app->model, n->ref)->kind == SD_KIND_DM);
}

static int32_t first_child(const sd_app *app, const sd_feedview *fv, int32_t p)
{
    if (p < 0)
        return fv->root_last;
    return reversed_children(app, fv, p) ? fv->nodes[p].last : fv->nodes[p].first;
}

static int32_t last_child(const sd_app *app, const sd_feedview *fv, int32_t p)
{
    if (p < 0)
        return fv->root_first;
    return reversed_children(app, fv, p) ? fv->nodes[p].first : fv->nodes[p].last;
}

static int32_t next_sib(const sd_app *app, const sd_feedview *fv, int32_t k)
{
    return reversed_children(app, fv, fv->nodes[k].parent) ? fv->nodes[k].prev : fv->nodes[k].next;
}

static int32_t prev_sib(const sd_app *app, const sd_feedview *fv, int32_t k)
{
    return reversed_children(app, fv, fv->nodes[k].parent) ? fv->nodes[k].next : fv->nodes[k].prev;
}

static int32_t next_node(const sd_app *app, const sd_feedview *fv, int32_t k)
{
    int32_t c = first_child(app, fv, k);
    if (c >= 0)
        return c;
    for (; k >= 0; k = fv->nodes[k].parent) {
        int32_t s = next_sib(app, fv, k);
        if (s >= 0)
            return s;
    }
    return -1;
}

static int32_t prev_node(const sd_app *app, const sd_feedview *fv, int32_t k)
{
    int32_t s = prev_sib(app, fv, k);
    if (s < 0)
        return fv->nodes[k].parent;
    for (int32_t c; (c = last_child(app, fv, s)) >= 0;)
        s = c;
    return s;
}

static int32_t last_node(const sd_app *app, const sd_feedview *fv)
{
    int32_t s = last_child(app, fv, -1);
    if (s < 0)
        return -1;
    for (int32_t c; (c = last_child(app, fv, s)) >= 0;)
        s = c;
    return s;
}

static int32_t sel_node(const sd_app *app, const sd_feedview *fv)
{
    if (app->selected < 0 || (size_t)app->selected >= fv->items_seen)
        return -1;
    return fv->node_of[app->selected];
}

/* ---- selection ---- */

static bool shown_whole(const sd_feedview *fv, int64_t item)
{
    for (size_t i = 0; i < fv->n_vis; i++)
        if ((int64_t)fv->vis[i].item == item)
            return fv->vis[i].whole;
    return false;
}

void sd_pview_reveal(sd_app *app, sd_feedview *fv)
{
    int32_t k = sel_node(app, fv);
    if (k >= 0 && !shown_whole(fv, app->selected)) {
        /* in the middle of the panel, what comes before it above */
        fv->anchor_bottom = k;
        fv->anchor_mid = true;
    }
}

void sd_pview_select_valid(sd_app *app, sd_feedview *fv)
{
    if (sel_node(app, fv) >= 0)
        return;
    /* Nothing selected yet: what waits longest, as the inbox's first filter has it (until
     * something waits, nothing: the arrow keys start at the top). */
    size_t n;
    const uint32_t *rows = sd_model_rows(app->model, SD_FILTER_WAITING, &n);
    if (n > 0) {
        app->selected = rows[0];
        sd_pview_reveal(app, fv);
    }
}

void sd_pview_move(sd_app *app, sd_feedview *fv, int delta)
{
    int32_t k = sel_node(app, fv);
    if (k < 0) {
        sd_pview_home_end(app, fv, false);
        return;
    }
    int32_t last_item = k;
    for (int steps = delta < 0 ? -delta : delta; steps > 0 && k >= 0;) {
        k = delta < 0 ? prev_node(app, fv, k) : next_node(app, fv, k);
        if (k >= 0 && fv->nodes[k].type == FV_ITEM) {
            last_item = k;
            steps--;
        }
    }
    app->selected = fv->nodes[last_item].ref;
    if (!shown_whole(fv, app->selected)) {
        if (delta < 0) {
            fv->top = last_item;
            fv->anchor_bottom = -1;
        } else {
            fv->anchor_bottom = last_item;
            fv->anchor_mid = false;
        }
    }
}

void sd_pview_home_end(sd_app *app, sd_feedview *fv, bool end)
{
    int32_t k = end ? last_node(app, fv) : first_child(app, fv, -1);
    while (k >= 0 && fv->nodes[k].type != FV_ITEM)
        k = end ? prev_node(app, fv, k) : next_node(app, fv, k);
    if (k < 0)
        return;
    app->selected = fv->nodes[k].ref;
    if (end) {
        fv->anchor_bottom = k;
        fv->anchor_mid = false;
    } else
        fv->top = -1;
}

/* ---- drawing ---- */

typedef struct cx {
    sd_app *app;
    sd_feedview *fv;
    bool draw;
    look lk;
    sd_time now;
    int body, small, lh, slh, pad, gap;
    int panel_h;         /* the panel's height: a picture is at most about half of it */
    int bottom;          /* the panel's bottom edge: text that would cross it is not drawn
                            (the last card in view shows what fits of it) */
} cx;

static bool fits(const cx *c, int y, int h) { return y + h <= c->bottom; }

static void fill(cx *c, SDL_Rect r, sd_rgba col)
{
    if (c->draw)
        sd_draw_fill(&c->app->draw, r, col);
}

static int str(cx *c, int px, bool bold, sd_rgba col, int x, int y, int w, const char *s)
{
    if (w <= 0)
        return 0;
    if (c->draw && fits(c, y, sd_text_line_height(c->app->text, px, bold)))
        return sd_draw_str(&c->app->draw, px, bold, col, x, y, w, s);
    int tw = sd_text_width(c->app->text, px, bold, s, strlen(s));
    return tw < w ? tw : w;
}

static int chip(cx *c, sd_rgba fg, sd_rgba bg, int x, int y, int w, const char *s)
{
    if (w <= 0)
        return 0;
    if (c->draw && fits(c, y, c->slh))
        return sd_draw_chip(&c->app->draw, c->small, fg, bg, x, y, w, s);
    int cw = sd_draw_chip_width(&c->app->draw, c->small, s);
    return cw < w ? cw : w;
}

/* Wrapped text from (x, y) in width w, at most max_lines (0: all); the last line shown ends
 * in "…" when text is left. Returns the lines. */
static int wrapped(cx *c, int px, bool bold, sd_rgba col, int x, int y, int w, const char *s, int max_lines)
{
    int lh = sd_text_line_height(c->app->text, px, bold);
    size_t len = strlen(s);
    int lines = 0;
    while (len > 0 && w > 0) {
        size_t next;
        size_t n = sd_text_wrap_line(c->app->text, px, bold, s, len, w, &next);
        if (next == 0)
            break;
        bool cut = max_lines > 0 && lines + 1 == max_lines && next < len;
        if (c->draw && fits(c, y, lh)) {
            if (cut) {
                int ew = sd_text_width(c->app->text, px, bold, "…", strlen("…"));
                size_t fit = sd_text_fit(c->app->text, px, bold, s, n, w - ew);
                int dw = sd_draw_text(&c->app->draw, px, bold, col, x, y, w - ew, s, fit);
                sd_draw_text(&c->app->draw, px, bold, col, x + dw, y, ew, "…", strlen("…"));
            } else {
                sd_draw_text(&c->app->draw, px, bold, col, x, y, w, s, n);
            }
        }
        y += lh;
        lines++;
        s += next;
        len -= next;
        if (cut)
            break;
    }
    return lines;
}

void sd_feed_avatar(sd_app *app, const char *name, int x, int y, int size, bool round)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    unsigned h = 2166136261u;
    for (const char *s = name; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    sd_rgba col = th->avatar[h % 8];
    if (round && size >= 8) {
        /* a disc, as rows of its chords */
        int r = size / 2;
        for (int dy = 0; dy < size; dy += 2) {
            int yy = dy - r + 1;
            int half = 0;
            while ((half + 1) * (half + 1) + yy * yy <= r * r)
                half++;
            sd_draw_fill(d, (SDL_Rect){x + r - half, y + dy, 2 * half, 2}, col);
        }
    } else {
        sd_draw_fill(d, (SDL_Rect){x, y, size, size}, col);
    }
    /* initials: the first letter of the first two words */
    char ini[16];
    size_t o = 0;
    bool start = true;
    int words = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p && words < 2; p++) {
        if (*p == ' ' || *p == '@' || *p == '_') {
            start = true;
            continue;
        }
        if (start) {
            size_t len = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : 4;
            if (o + len < sizeof ini) {
                memcpy(ini + o, p, len);
                o += len;
            }
            words++;
            start = false;
        }
    }
    ini[o] = '\0';
    int px = th->font_small;
    int iw = sd_text_width(app->text, px, true, ini, o);
    int ih = sd_text_line_height(app->text, px, true);
    sd_draw_str(d, px, true, th->accent_text, x + (size - (iw < size ? iw : size)) / 2, y + (size - ih) / 2,
                size, ini);
}

void sd_feed_visible(sd_feedview *fv, SDL_Rect r, uint32_t item, bool whole)
{
    if (fv->n_vis < FV_VISIBLE)
        fv->vis[fv->n_vis++] = (fv_vis){r, item, whole};
}

/* The waiting clock, moderation marks and who else answered, as chips from x; returns the x
 * after them. */
static int status_chips(cx *c, size_t item, int x, int y, int right)
{
    sd_app *app = c->app;
    const sd_theme *th = &app->theme;
    const sd_mitem *it = sd_model_item(app->model, item);
    char buf[160];
    if (sd_model_waiting(app->model, item) && it->deadline) {
        int64_t left = it->deadline - c->now, total = it->deadline - it->arrival;
        char age[48];
        sd_app_format_age(c->now - it->arrival, age, sizeof age);
        bool over = left < 0, near = !over && (left * 4 < total || left < 5 * 60);
        snprintf(buf, sizeof buf, "%s %s", over ? "⚠" : "◷", age);
        x += chip(c, over ? th->accent_text : near ? th->chip_text : c->lk.text,
                  over ? th->bad_bg : near ? th->warn_bg : c->lk.chip_bg, x, y, right - x, buf) + c->gap;
    }
    const char *marks[4];
    size_t nm = 0;
    if (it->repeat_of)
        marks[nm++] = "ui.mark.repeat";
    if (it->deleted)
        marks[nm++] = "ui.mark.deleted";
    else if (it->hidden)
        marks[nm++] = "ui.mark.hidden";
    if (it->escalated)
        marks[nm++] = "ui.mark.escalated";
    for (size_t k = 0; k < nm && x < right; k++)
        x += chip(c, c->lk.text, c->lk.chip_bg, x, y, right - x, sd_app_t(app, marks[k])) + c->gap;
    if (it->colleague && x < right) {
        sd_app_colleague_replied(app, sd_model_str(app->model, it->colleague), buf, sizeof buf);
        x += chip(c, th->accent_text, th->accent, x, y, right - x, buf) + c->gap;
    }
    if ((it->kind == SD_KIND_COMMENT || it->kind == SD_KIND_REPLY || it->kind == SD_KIND_DM) &&
        it->mood < SD_MOOD_COUNT && x < right) {
        char key[40];
        snprintf(key, sizeof key, "ui.mood.%s", sd_vocab_name(SD_VOCAB_MOOD, it->mood));
        snprintf(buf, sizeof buf, "● %s", sd_app_t(app, key));
        x += str(c, c->small, false, th->mood[it->mood], x, y, right - x, buf) + c->gap;
    }
    return x;
}

/* The text of a node: an item's, or an action's (our reply, statement). */
static const char *node_text(cx *c, const fv_node *n)
{
    if (n->type == FV_ITEM)
        return sd_model_str(c->app->model, sd_model_item(c->app->model, n->ref)->text);
    const sd_res_action *a = &sd_results_actions(c->app->res)[n->ref];
    return a->text ? a->text : "";
}

static sd_platform node_platform(cx *c, const fv_node *n)
{
    if (n->type == FV_ITEM)
        return sd_pview_of(c->app, n->ref);
    const sd_res_action *a = &sd_results_actions(c->app->res)[n->ref];
    return a->item >= 0 ? sd_pview_of(c->app, (size_t)a->item) : sd_pview_of(c->app, 0);
}

static const char *account(const sd_app *app)
{
    return app->sc->account_name ? app->sc->account_name : "";
}

/* counts of a post: comments from the index; reactions and shares from the audience model */
typedef struct fv_counts {
    uint32_t reactions, comments, shares;
} fv_counts;

static void post_counts(cx *c, const fv_node *n, fv_counts *out)
{
    sd_post_counts k;
    if (n->type == FV_ITEM && sd_model_post_counts(c->app->model, n->ref, &k)) {
        out->reactions = k.reactions;
        out->comments = k.comments;
        out->shares = k.shares;
        return;
    }
    /* not the organisation's post (an attacker's post from our account): what the thread has */
    out->comments = n->below;
    out->reactions = 0;
    out->shares = 0;
}

static void count_line(cx *c, const fv_counts *k, sd_platform p, char *out, size_t n)
{
    sd_app *app = c->app;
    if (p == SD_PLATFORM_X)
        snprintf(out, n, "%u %s · %u %s · %u %s", k->comments, sd_app_t(app, "ui.count.x_replies"), k->shares,
                 sd_app_t(app, "ui.count.x_reposts"), k->reactions, sd_app_t(app, "ui.count.x_likes"));
    else if (p == SD_PLATFORM_INSTAGRAM)
        snprintf(out, n, "%u %s · %u %s", k->reactions, sd_app_t(app, "ui.count.ig_likes"), k->comments,
                 sd_app_t(app, "ui.count.comments"));
    else
        snprintf(out, n, "%u %s · %u %s · %u %s", k->reactions, sd_app_t(app, "ui.count.reactions"), k->comments,
                 sd_app_t(app, "ui.count.comments"), k->shares, sd_app_t(app, "ui.count.shares"));
}

/* What is pinned, in the post it belongs to: "Fäst" and the start of its text. */
static int pinned_box(cx *c, int32_t k, int x, int y, int w)
{
    sd_app *app = c->app;
    sd_feedview *fv = c->fv;
    int32_t item;
    const char *text;
    if (!sd_model_pinned(app->model, &item, &text))
        return 0;
    if (item >= 0) {
        int32_t nk = (size_t)item < fv->items_seen ? fv->node_of[item] : -1;
        while (nk >= 0 && fv->nodes[nk].parent >= 0)
            nk = fv->nodes[nk].parent;
        if (nk != k)
            return 0;
    } else {
        /* a statement: on the newest post of ours */
        int32_t top = -1;
        for (int32_t r = fv->root_last; r >= 0 && top < 0; r = fv->nodes[r].prev)
            if (fv->nodes[r].type == FV_ITEM && sd_model_item(app->model, fv->nodes[r].ref)->kind == SD_KIND_POST)
                top = r;
        if (top != k)
            return 0;
    }
    const sd_theme *th = &app->theme;
    int h = c->slh + c->lh + 2 * c->gap;
    fill(c, (SDL_Rect){x, y, w, h}, c->lk.bubble);
    int cx_ = x + c->gap;
    cx_ += chip(c, th->accent_text, th->accent, cx_, y + c->gap, w / 3, sd_app_t(app, "ui.feed.pinned")) + c->gap;
    char what[220];
    if (item >= 0) {
        char name[160];
        sd_app_author(app, (size_t)item, name, sizeof name);
        snprintf(what, sizeof what, "%s %s", sd_app_t(app, "ui.feed.pinned_reply"), name);
    } else {
        snprintf(what, sizeof what, "%s", sd_app_t(app, "ui.feed.pinned_statement"));
    }
    str(c, c->small, true, c->lk.text, cx_, y + c->gap, x + w - cx_ - c->gap, what);
    const char *nl = strchr(text, '\n');
    if (item >= 0 && nl && nl[1])
        text = nl + 1; /* a reply's first line is its greeting */
    wrapped(c, c->body, false, c->lk.text, x + c->gap, y + c->gap + c->slh, w - 2 * c->gap, text, 1);
    return h + c->gap;
}

/* The height a picture of iw x ih takes at width w: its own aspect, capped (a tall picture
 * is shown narrower, centred). */
static void picture_size(const cx *c, int iw, int ih, int w, int *ow, int *oh)
{
    int cap = c->panel_h / 2;
    if (cap > c->lh * 16)
        cap = c->lh * 16;
    if (cap < c->lh * 4)
        cap = c->lh * 4;
    int h = (int)((int64_t)w * ih / (iw > 0 ? iw : 1));
    *ow = w;
    if (h > cap) {
        *ow = (int)((int64_t)iw * cap / (ih > 0 ? ih : 1));
        h = cap;
    }
    *oh = h;
}

/* A post's picture at (x, y), w wide: the texture scaled to the width (height capped), or,
 * when it cannot be loaded, a box with its description. Loaded only for a card that is laid
 * out (one in view or next to it); returns the height taken (0: no picture). */
static int picture(cx *c, const sd_mitem *it, int x, int y, int w)
{
    sd_app *app = c->app;
    if (!it->image || w <= 0)
        return 0;
    const char *path = sd_model_str(app->model, it->image);
    int iw = 0, ih = 0;
    SDL_Texture *tex = sd_image_get(app, c->fv, path, &iw, &ih);
    if (tex && iw > 0 && ih > 0) {
        int dw, dh;
        picture_size(c, iw, ih, w, &dw, &dh);
        if (c->draw) {
            if (dw < w)
                fill(c, (SDL_Rect){x, y, w, dh}, c->lk.bubble);
            sd_draw_image(&app->draw, tex, (SDL_Rect){x + (w - dw) / 2, y, dw, dh});
        }
        return dh + c->gap;
    }
    /* not there: what it shows, in words */
    const char *alt = sd_model_str(app->model, it->image_alt);
    char line[600];
    if (*alt)
        snprintf(line, sizeof line, "%s: %s", sd_app_t(app, "ui.feed.image"), alt);
    else
        snprintf(line, sizeof line, "%s", sd_app_t(app, "ui.feed.image_missing"));
    bool save = c->draw;
    c->draw = false;
    int lines = wrapped(c, c->small, false, c->lk.muted, 0, 0, w - 2 * c->pad, line, 3);
    c->draw = save;
    int h = lines * c->slh + 2 * c->pad;
    if (c->draw) {
        fill(c, (SDL_Rect){x, y, w, h}, c->lk.bubble);
        sd_draw_frame(&app->draw, (SDL_Rect){x, y, w, h}, c->lk.line);
        wrapped(c, c->small, false, c->lk.muted, x + c->pad, y + c->pad, w - 2 * c->pad, line, 3);
    }
    return h + c->gap;
}

/* A post's link preview under its text: the site, the title and the address, as a card
 * (Facebook: grey with the site in capitals; Instagram and X: outlined). Returns the
 * height taken (0: no link). */
static int link_card(cx *c, const sd_mitem *it, sd_platform p, int x, int y, int w)
{
    sd_app *app = c->app;
    const char *title = sd_model_str(app->model, it->link_title);
    const char *site = sd_model_str(app->model, it->link_site);
    const char *url = sd_model_str(app->model, it->link);
    if ((!*title && !*site) || w <= 2 * c->pad)
        return 0;
    char site_up[160];
    size_t k = 0;
    for (; site[k] && k + 1 < sizeof site_up; k++)
        site_up[k] = p == SD_PLATFORM_FACEBOOK && site[k] >= 'a' && site[k] <= 'z' ? (char)(site[k] - 32) : site[k];
    site_up[k] = '\0';
    int iw = w - 2 * c->pad;
    bool save = c->draw;
    c->draw = false;
    int tl = *title ? wrapped(c, c->body, true, c->lk.text, 0, 0, iw, title, 2) : 0;
    c->draw = save;
    int h = c->pad + (*site ? c->slh : 0) + tl * c->lh + (*url ? c->slh : 0) + c->pad;
    if (c->draw) {
        SDL_Rect box = {x, y, w, h};
        fill(c, box, p == SD_PLATFORM_FACEBOOK ? c->lk.bubble : c->lk.card);
        sd_draw_frame(&app->draw, box, c->lk.line);
        int ty = y + c->pad;
        if (*site) {
            str(c, c->small, false, c->lk.muted, x + c->pad, ty, iw, site_up);
            ty += c->slh;
        }
        if (*title)
            ty += wrapped(c, c->body, true, c->lk.text, x + c->pad, ty, iw, title, 2) * c->lh;
        if (*url)
            str(c, c->small, false, c->lk.link, x + c->pad, ty, iw, url);
    }
    return h + c->gap;
}

/* A post's counts and the platform's action row from y (Instagram: the actions, then the
 * likes; the others: the counts, a line, the actions); returns the y under them. */
static int counts_block(cx *c, const fv_node *n, sd_platform p, int x, int y, int w)
{
    sd_app *app = c->app;
    fv_counts k2;
    post_counts(c, n, &k2);
    char line[200];
    count_line(c, &k2, p, line, sizeof line);
    const char *acts = sd_app_t(app, p == SD_PLATFORM_X ? "ui.feed.actions_x"
                                     : p == SD_PLATFORM_INSTAGRAM ? "ui.feed.actions_ig"
                                                                  : "ui.feed.actions_fb");
    y += c->gap;
    if (p == SD_PLATFORM_INSTAGRAM) {
        str(c, c->body, true, c->lk.text, x, y, w, acts);
        y += c->lh + c->gap;
        str(c, c->small, true, c->lk.text, x, y, w, line);
        return y + c->slh + c->gap;
    }
    str(c, c->small, false, c->lk.muted, x, y, w, line);
    y += c->slh + c->gap;
    fill(c, (SDL_Rect){x, y, w, 1}, c->lk.line);
    y += c->gap;
    str(c, c->small, true, c->lk.muted, x, y, w, acts);
    return y + c->slh + c->gap;
}

/* A post: ours, the attacker's from our account, or a statement we published. */
static int draw_post(cx *c, int32_t k, SDL_Rect r)
{
    sd_app *app = c->app;
    const sd_theme *th = &app->theme;
    const fv_node *n = &c->fv->nodes[k];
    sd_platform p = node_platform(c, n);
    bool sel = n->type == FV_ITEM && (int64_t)n->ref == app->selected;
    int y = r.y + c->gap, x = r.x + c->pad, right = r.x + r.w - c->pad;
    int av = c->lh * 2;
    char name[160], handle[96];
    const char *chip_key = NULL;
    if (n->type == FV_ITEM) {
        sd_pview_name(app, n->ref, name, sizeof name, handle, sizeof handle);
        if (sd_model_item(app->model, n->ref)->kind == SD_KIND_ATTACKER_POST)
            chip_key = "ui.kind.attacker_post";
    } else {
        const char *h = app->sc->account_handle ? app->sc->account_handle : "";
        name_for(p, account(app), h, name, sizeof name, handle, sizeof handle);
        chip_key = "ui.feed.statement";
    }
    int top = y;
    fill(c, (SDL_Rect){r.x, r.y, r.w, 1}, c->lk.line);
    if (c->draw && fits(c, y, av))
        sd_feed_avatar(app, name, x, y, av, c->lk.round);
    int tx = x + av + c->pad;
    char age[48];
    sd_app_format_age(c->now - n->t, age, sizeof age);
    int nx = tx + str(c, c->body, true, c->lk.text, tx, y, right - tx, name) + c->gap;
    if (*handle)
        nx += str(c, c->body, false, c->lk.muted, nx, y, right - nx, handle) + c->gap;
    if (p == SD_PLATFORM_X)
        str(c, c->small, false, c->lk.muted, nx, y + (c->lh - c->slh) / 2, right - nx, age);
    else
        str(c, c->small, false, c->lk.muted, tx, y + c->lh, right - tx, age);
    if (chip_key) {
        int cw = sd_draw_chip_width(&app->draw, c->small, sd_app_t(app, chip_key));
        if (cw > right - tx)
            cw = right - tx;
        if (c->draw)
            chip(c, th->accent_text, n->type == FV_ITEM ? th->bad_bg : th->accent, right - cw,
                 y + c->lh, cw, sd_app_t(app, chip_key));
    }
    y += av + c->gap;
    /* X: the text beside the avatar, under it when the panel is narrow */
    int text_x = p == SD_PLATFORM_X && right - tx >= c->lh * 12 ? tx : x, text_w = right - text_x;
    const char *text = node_text(c, n);
    const sd_mitem *pit = n->type == FV_ITEM ? sd_model_item(app->model, n->ref) : NULL;
    if (p == SD_PLATFORM_INSTAGRAM) {
        /* the picture first, then the action row and the likes, then the caption:
         * "handle text" */
        if (pit)
            y += picture(c, pit, r.x + c->gap, y, r.w - c->gap);
        if (n->type == FV_ITEM)
            y = counts_block(c, n, p, text_x, y, text_w);
        int w0 = str(c, c->body, true, c->lk.text, text_x, y, text_w, name) + c->gap;
        (void)w0;
        y += c->lh;
    }
    y += wrapped(c, c->body, false, c->lk.text, text_x, y, text_w, text, sel ? 0 : 6) * c->lh;
    if (pit) {
        y += c->gap;
        if (p != SD_PLATFORM_INSTAGRAM)
            y += picture(c, pit, text_x, y, text_w);
        y += link_card(c, pit, p, text_x, y, text_w);
    }
    if (n->type == FV_ITEM && sd_model_item(app->model, n->ref)->kind != SD_KIND_POST) {
        int x2 = status_chips(c, n->ref, text_x, y + c->gap, right);
        if (x2 > text_x)
            y += c->slh + 2 * c->gap;
    }
    if (n->type == FV_ITEM && p != SD_PLATFORM_INSTAGRAM)
        y = counts_block(c, n, p, text_x, y, text_w);
    y += pinned_box(c, k, x, y, right - x);
    int h = y - r.y;
    (void)top;
    return h;
}

/* A comment, a reply, or our reply among them. */
static int draw_comment(cx *c, int32_t k, SDL_Rect r)
{
    sd_app *app = c->app;
    const sd_theme *th = &app->theme;
    sd_feedview *fv = c->fv;
    const fv_node *n = &fv->nodes[k];
    sd_platform p = node_platform(c, n);
    bool ours = n->type == FV_ACTION;
    bool sel = !ours && (int64_t)n->ref == app->selected;
    int indent = n->depth >= 2 ? c->lh * 2 : 0;
    int av = n->depth >= 2 ? c->lh + c->gap : c->lh * 2 - c->gap;
    int x = r.x + c->pad + indent, right = r.x + r.w - c->pad;
    int y = r.y + c->gap;
    char name[160], handle[96], by[160] = "";
    const sd_res_action *a = ours ? &sd_results_actions(app->res)[n->ref] : NULL;
    if (ours) {
        const char *h = app->sc->account_handle ? app->sc->account_handle : "";
        name_for(p, account(app), h, name, sizeof name, handle, sizeof handle);
        if (a->by)
            sd_app_colleague_replied(app, a->by, by, sizeof by);
    } else {
        sd_pview_name(app, n->ref, name, sizeof name, handle, sizeof handle);
    }
    if (c->lk.thread_line && n->depth >= 2)
        fill(c, (SDL_Rect){r.x + c->pad + av / 2, r.y, 2, c->gap}, c->lk.line);
    if (c->draw && fits(c, y, av))
        sd_feed_avatar(app, name, x, y, av, c->lk.round);
    int tx = x + av + c->gap;
    int tw = right - tx;
    const char *text = node_text(c, n);
    char age[48];
    sd_app_format_age(c->now - n->t, age, sizeof age);
    int bubble_top = y;
    if (c->lk.bubbles) {
        /* Facebook: name and text in a grey bubble; under it "5 min · Gilla · Svara" */
        int inner = tw - 2 * c->pad;
        int lines = 0;
        bool save = c->draw;
        c->draw = false;
        lines = wrapped(c, c->body, false, c->lk.text, tx + c->pad, 0, inner, text, sel ? 0 : 4);
        c->draw = save;
        int bh = c->gap + c->lh + lines * c->lh + c->gap;
        fill(c, (SDL_Rect){tx, y, tw, bh}, c->lk.bubble);
        int nx = tx + c->pad;
        nx += str(c, c->body, true, c->lk.text, nx, y + c->gap, inner, name) + c->gap;
        if (ours)
            chip(c, th->accent_text, th->accent, nx, y + c->gap, tx + tw - nx - c->pad,
                 sd_app_t(app, a->by ? "ui.feed.colleague" : "ui.feed.you"));
        wrapped(c, c->body, false, c->lk.text, tx + c->pad, y + c->gap + c->lh, inner, text, sel ? 0 : 4);
        y += bh + c->gap / 2;
        char meta[160];
        snprintf(meta, sizeof meta, "%s · %s · %s", age, sd_app_t(app, "ui.feed.like"), sd_app_t(app, "ui.feed.reply"));
        int mx = tx + c->pad + str(c, c->small, true, c->lk.muted, tx + c->pad, y, tw - c->pad, meta) + c->pad;
        if (!ours)
            status_chips(c, n->ref, mx, y, right);
        else if (*by)
            str(c, c->small, false, c->lk.muted, mx, y, right - mx, by);
        y += c->slh + c->gap;
    } else {
        /* Instagram: "handle" bold, the text; X: "Name @handle · 5 min", the text */
        int nx = tx + str(c, c->body, true, c->lk.text, tx, y, tw, name) + c->gap;
        if (*handle)
            nx += str(c, c->body, false, c->lk.muted, nx, y, right - nx, handle) + c->gap;
        if (p == SD_PLATFORM_X)
            nx += str(c, c->small, false, c->lk.muted, nx, y + (c->lh - c->slh) / 2, right - nx, age) + c->gap;
        if (ours)
            chip(c, th->accent_text, th->accent, nx, y, right - nx,
                 sd_app_t(app, a->by ? "ui.feed.colleague" : "ui.feed.you"));
        y += c->lh;
        y += wrapped(c, c->body, false, c->lk.text, tx, y, tw, text, sel ? 0 : 4) * c->lh;
        char meta[160];
        if (p == SD_PLATFORM_X)
            snprintf(meta, sizeof meta, "%s", sd_app_t(app, "ui.feed.actions_x_reply"));
        else
            snprintf(meta, sizeof meta, "%s · %s", age, sd_app_t(app, "ui.feed.reply"));
        int mx = tx + str(c, c->small, true, c->lk.muted, tx, y, tw, meta) + c->pad;
        if (!ours)
            status_chips(c, n->ref, mx, y, right);
        else if (*by)
            str(c, c->small, false, c->lk.muted, mx, y, right - mx, by);
        y += c->slh + c->gap;
    }
    /* ours, pinned: say so */
    int32_t pi;
    const char *ptext;
    if (ours && a->item >= 0 && sd_model_pinned(app->model, &pi, &ptext) && pi == a->item && a->text &&
        strcmp(ptext, a->text) == 0) {
        chip(c, th->accent_text, th->accent, tx, y, tw, sd_app_t(app, "ui.feed.pinned"));
        y += c->slh + c->gap;
    }
    (void)bubble_top;
    if (p == SD_PLATFORM_X && n->depth <= 1)
        fill(c, (SDL_Rect){r.x, y, r.w, 1}, c->lk.line);
    return y - r.y;
}

/* Direct messages, internal messages, media, inquiries, notices, and comments whose post is
 * not in the exercise: a small card. */
static int draw_side(cx *c, int32_t k, SDL_Rect r)
{
    sd_app *app = c->app;
    const sd_theme *th = &app->theme;
    const fv_node *n = &c->fv->nodes[k];
    bool ours = n->type == FV_ACTION;
    int x = r.x + c->pad + (n->depth > 0 ? c->lh * 2 : 0), right = r.x + r.w - c->pad;
    int y = r.y + c->gap;
    char name[160], handle[96], key[48];
    if (ours) {
        snprintf(name, sizeof name, "%s", account(app));
        snprintf(key, sizeof key, "ui.feed.you");
    } else {
        const sd_mitem *it = sd_model_item(app->model, n->ref);
        sd_pview_name(app, n->ref, name, sizeof name, handle, sizeof handle);
        snprintf(key, sizeof key, "ui.kind.%s", sd_vocab_name(SD_VOCAB_KIND, it->kind));
    }
    fill(c, (SDL_Rect){r.x + c->gap, r.y + c->gap / 2, r.w - 2 * c->gap, 1}, c->lk.line);
    int cx_ = x + chip(c, th->accent_text, th->accent, x, y, (right - x) / 2, sd_app_t(app, key)) + c->gap;
    char age[48];
    sd_app_format_age(c->now - n->t, age, sizeof age);
    int aw = sd_text_width(app->text, c->small, false, age, strlen(age));
    if (aw > (right - cx_) / 2)
        aw = (right - cx_) / 2;
    str(c, c->small, false, c->lk.muted, right - aw, y, aw, age);
    str(c, c->body, true, c->lk.text, cx_, y, right - aw - c->gap - cx_, name);
    y += c->lh;
    const sd_mitem *it = ours ? NULL : sd_model_item(app->model, n->ref);
    if (it && it->title) {
        str(c, c->body, true, c->lk.text, x, y, right - x, sd_model_str(app->model, it->title));
        y += c->lh;
    }
    bool sel = !ours && (int64_t)n->ref == app->selected;
    y += wrapped(c, c->body, false, c->lk.text, x, y, right - x, node_text(c, n), sel ? 0 : 2) * c->lh;
    if (!ours) {
        int x2 = status_chips(c, n->ref, x, y + c->gap / 2, right);
        if (x2 > x)
            y += c->slh + c->gap;
    }
    return y + c->gap - r.y;
}

static bool is_post(cx *c, const fv_node *n)
{
    if (n->type == FV_ACTION)
        return n->depth == 0; /* a statement */
    int kind = sd_model_item(c->app->model, n->ref)->kind;
    return kind == SD_KIND_POST || kind == SD_KIND_ATTACKER_POST;
}

static bool is_comment(cx *c, const fv_node *n)
{
    if (n->depth == 0)
        return false;
    const fv_node *root = n;
    while (root->parent >= 0)
        root = &c->fv->nodes[root->parent];
    return is_post(c, root);
}

/* Lays out (and with c->draw, draws) node k's card at r.y; returns its height. */
static int card(cx *c, int32_t k, SDL_Rect r)
{
    const fv_node *n = &c->fv->nodes[k];
    c->lk = look_of(node_platform(c, n));
    bool sel = n->type == FV_ITEM && (int64_t)n->ref == c->app->selected;
    int h;
    if (c->draw) {
        /* the card's background first: measured, then drawn over */
        c->draw = false;
        h = card(c, k, r);
        c->draw = true;
        SDL_Rect box = {r.x, r.y, r.w, h};
        sd_draw_fill(&c->app->draw, box, sel ? c->lk.sel : c->lk.card);
        if (sel)
            sd_draw_fill(&c->app->draw, (SDL_Rect){r.x, r.y, c->gap, h}, c->app->theme.accent);
    }
    if (is_post(c, n))
        h = draw_post(c, k, r);
    else if (is_comment(c, n))
        h = draw_comment(c, k, r);
    else
        h = draw_side(c, k, r);
    return h;
}

static void cx_init(cx *c, sd_app *app, sd_feedview *fv)
{
    const sd_theme *th = &app->theme;
    *c = (cx){.app = app, .fv = fv, .draw = false, .now = sd_app_now(app), .body = th->font_body,
              .small = th->font_small, .pad = th->pad, .gap = th->gap};
    c->lh = sd_text_line_height(app->text, c->body, true);
    c->slh = sd_text_line_height(app->text, c->small, true);
    c->lk = look_of(SD_PLATFORM_FACEBOOK);
    c->panel_h = 600;
    c->bottom = INT_MAX;
}

void sd_pview_draw(sd_app *app, sd_feedview *fv, SDL_Rect r)
{
    cx c;
    cx_init(&c, app, fv);
    c.panel_h = r.h;
    c.bottom = r.y + r.h;
    int32_t first = first_child(app, fv, -1);
    look base = look_of(first >= 0 ? node_platform(&c, &fv->nodes[first]) : SD_PLATFORM_FACEBOOK);
    sd_draw_fill(&app->draw, r, base.bg);
    if (first < 0) {
        fv->n_vis = 0;
        sd_draw_str(&app->draw, c.body, false, app->theme.muted, r.x + c.pad, r.y + c.pad, r.w - 2 * c.pad,
                    sd_app_t(app, "ui.feed.empty"));
        fv->page = 1;
        return;
    }
    /* The selection changed by other means (a click in the inbox, a notification, a
     * search): bring it into view. */
    if (app->selected != fv->shown_selected && fv->anchor_bottom < 0 && !shown_whole(fv, app->selected))
        sd_pview_reveal(app, fv);
    fv->n_vis = 0;
    if (fv->anchor_bottom >= 0) {
        /* the cards up to the anchor fill the panel from its bottom */
        int32_t k = fv->anchor_bottom;
        int h = card(&c, k, (SDL_Rect){r.x, 0, r.w, 0});
        for (int32_t pk; (pk = prev_node(app, fv, k)) >= 0;) {
            int ph = card(&c, pk, (SDL_Rect){r.x, 0, r.w, 0});
            if (h + ph > (fv->anchor_mid ? r.h / 2 : r.h))
                break;
            h += ph;
            k = pk;
        }
        fv->top = k;
        fv->anchor_bottom = -1;
    }
    if (fv->top < 0 || (size_t)fv->top >= fv->n_nodes)
        fv->top = first;
    int y = r.y;
    size_t whole = 0;
    c.draw = true;
    for (int32_t k = fv->top; k >= 0 && y < r.y + r.h && fv->n_vis < FV_VISIBLE; k = next_node(app, fv, k)) {
        SDL_Rect cr = {r.x, y, r.w, 0};
        int h = card(&c, k, cr);
        cr.h = h;
        if (fv->nodes[k].type == FV_ITEM) {
            bool w = y + h <= r.y + r.h;
            sd_feed_visible(fv, cr, fv->nodes[k].ref, w);
            whole += w;
        }
        y += h;
    }
    fv->page = whole > 1 ? (int)whole : 1;
    fv->shown_selected = app->selected;
}
