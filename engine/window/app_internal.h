/* app_internal.h - the exercise window's state shared by its modules (app.c: events,
 * actions and the frame; feed.c, thread.c, situation.c, overlay.c, chart.c: the panels;
 * mouse.c: clicks and drags on what the last frame drew; form.c: the delete reason and the
 * facilitator's inject form; replay.c: the replay mode, whose state is `replay`).
 * Not a public API. Ownership: the sd_app owns every pointer in it except the config. */
#ifndef SD_WINDOW_APP_INTERNAL_H
#define SD_WINDOW_APP_INTERNAL_H

#include "app.h"
#include "chart.h"
#include "editor.h"
#include "model.h"
#include "replay.h"
#include "scenario/scenario.h"
#include "scoring/score.h"
#include "scoring/texts.h"
#include "scoring/tone.h"
#include "theme.h"
#include "util/strmap.h"

typedef enum sd_overlay {
    SD_OVERLAY_NONE, SD_OVERLAY_HELP, SD_OVERLAY_ESCALATE, SD_OVERLAY_ACCOUNT,
    SD_OVERLAY_DELETE, SD_OVERLAY_END, SD_OVERLAY_INJECT,
    SD_OVERLAY_TEMPLATE, /* the scenario's answer templates, for the reply editor */
    SD_OVERLAY_RESUME    /* the start screen: go on with an interrupted exercise, or begin anew */
} sd_overlay;

typedef enum sd_edit_mode { SD_EDIT_REPLY, SD_EDIT_DM, SD_EDIT_PUBLISH } sd_edit_mode;

#define SD_DELETE_REASONS 4
#define SD_HIT_MENU 32

/* Where the last frame drew what a click can hit (filled in by the panels). */
typedef struct sd_hit {
    SDL_Rect feed_rows;            /* the feed's rows, each row_h high from feed_top */
    int row_h;
    size_t feed_top;
    SDL_Rect tabs[SD_FILTER_COUNT];/* the filter tabs (w = 0: not drawn) */
    SDL_Rect order;                /* the feed's order switch in its header (w = 0: not drawn) */
    SDL_Rect pinned;               /* what is pinned, above the feed's rows (w = 0: nothing) */
    SDL_Rect editor;               /* the editor's text area (w = 0: not drawn) */
    size_t editor_first;           /* its first visible line */
    int editor_wrap;               /* its wrap width */
    SDL_Rect menu_box;             /* the open overlay's box */
    SDL_Rect menu[SD_HIT_MENU];    /* its entries, in order */
    size_t n_menu;
} sd_hit;

/* The kinds the inject form offers, in Tab order. */
typedef enum sd_inject_kind {
    SD_INJ_COMMENT, SD_INJ_DM, SD_INJ_INTERNAL, SD_INJ_NOTICE, SD_INJ_COUNT
} sd_inject_kind;

struct sd_app {
    /* SDL */
    SDL_Window *win;
    SDL_Renderer *ren;
    sd_text *text;
    sd_theme theme;
    sd_draw draw;
    /* the exercise */
    sd_scenario *sc;
    sd_logw *log;
    sd_results *res;
    sd_session *s;
    sd_model *model;
    sd_texts *tx;
    sd_lexicons *lx;
    sd_score *score;       /* computed when the exercise ends */
    sd_editor *ed;
    sd_language ui_lang;
    char participant[64];
    char log_path[1024], results_path[1040], csv_path[1040];
    bool coach, log_open;
    char *resume_warning;  /* a resumed log's torn last line ("file:line: ..."), or NULL */
    char offer_path[1024]; /* the start screen's interrupted log ("" when none) */
    sd_time offer_t;       /* the simulated time it reached */
    bool no_wall_clock;
    const struct sd_seal_key *seal_key; /* borrowed from the config, or NULL */
    bool log_warned;       /* the log's "disk filling up" warning was shown */
    /* view state */
    sd_filter filter;
    bool reversed[SD_FILTER_COUNT]; /* per filter: the other order than the model's (O) */
    int64_t selected;      /* item index, or -1 */
    size_t top;            /* first visible row of the feed (in display order) */
    int feed_rows;         /* rows that fit (for page up/down) */
    bool editing;
    sd_edit_mode edit_mode;
    int64_t edit_item;     /* item the editor answers, or -1 (publish) */
    /* drafts kept while the editor writes to another item (app.c: "Svar till ..." follows
     * the selection; a draft stays with its item): owned texts */
    struct sd_draft { int64_t item; sd_edit_mode mode; char *text; } *drafts;
    size_t n_drafts, cap_drafts;
    sd_overlay overlay;
    bool scorecard;
    char status[3072];     /* room for a message that names two whole paths */
    bool status_bad;
    char save_error[3072]; /* why the last save of results or CSV failed ("" if it did not):
                              shown on the scorecard until a save succeeds */
    bool quit;
    char swallow_text;     /* the digit that chose a template: its SDL_TEXTINPUT is dropped */
    /* coach mode: the tone checks of the text as last checked */
    char *checked_text;
    int64_t checked_item;
    sd_edit_mode checked_mode;
    sd_tone_result tone;
    bool tone_valid;
    sd_tone_result sent_tone; /* the coach's verdict on the text last sent (tests) */
    bool sent_tone_valid;
    /* spelling: the words the scenario accepts (its list, names, texts) and the first names
     * of its people, for the editor's underlines and the coach (built once) */
    sd_spell_extra *spell_words;
    const char **names;    /* owned copies */
    size_t n_names, cap_names;
    sd_strmap name_set;    /* names[] by text */
    struct { const sd_content *content; sd_kp *kp; } *kps; /* compiled contents (coach) */
    size_t n_kps, cap_kps;
    /* mouse: what the last frame drew; a drag in the editor */
    sd_hit hit;
    bool drag_editor;
    /* the small text field of the delete reason and the inject form */
    sd_editor *field;
    sd_inject_kind inj_kind;
    int inj_author;        /* persona index (comment, dm) or sd_sender (internal) */
    /* the scorecard's chart (chart.h), built once for the score it shows */
    sd_chart chart;
    const sd_score *chart_for;
    /* frame figures */
    sd_text_stats last_stats;
    uint64_t frames;
    /* replay mode (replay.c): the replay state, or NULL in an exercise */
    struct sd_replay *replay;
    size_t thread_actions; /* actions the thread listed in the last frame */
};

/* The text of key in the window's language (the key itself when missing). */
const char *sd_app_t(const sd_app *app, const char *key);
/* Sets the status line. */
void sd_app_say(sd_app *app, bool bad, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* "Lena Holm kl. 10:32": the item with that id by its author and arrival, for what the
 * participant reads instead of an id (the id itself when no such item has come). */
void sd_app_item_ref(const sd_app *app, const char *id, char *out, size_t n);
/* The confirmation key in the window's language (J in Swedish, Y in English) and whether
 * c confirms (that key, Enter; Y and J are both taken). */
const char *sd_app_yes_key(const sd_app *app);
bool sd_app_key_is_yes(const sd_app *app, SDL_Keycode c);
/* The author's display name of an item ("Lena Holm", the account, the sender ...). */
void sd_app_author(const sd_app *app, size_t item, char *out, size_t n);
/* "Sara (kollega) svarade" / "Sara (colleague) replied": what a simulated colleague did. */
void sd_app_colleague_replied(const sd_app *app, const char *name, char *out, size_t n);
/* "12 min", "1 h 5 min" ... */
void sd_app_format_age(int64_t seconds, char *out, size_t n);

/* Actions and editing for mouse.c and form.c (app.c). */
sd_status sd_app_act(sd_app *app, const sd_action *a, const char *done_key, sd_error *err);
sd_status sd_app_act_on_selected(sd_app *app, sd_action_kind kind, const char *reason,
                                 const char *done_key, sd_error *err);
/* Starts (or goes back to) editing in the reply editor. */
void sd_app_start_editing(sd_app *app, sd_edit_mode mode);
/* Opens the answer template menu over the reply editor (T, Ctrl+T), starting a reply to
 * the selected item when none is being written. */
void sd_app_open_templates(sd_app *app);
/* Puts template t's text into the reply editor: replaces the text when it is empty, else
 * inserts it at the caret (over the selection); the caret goes to where it starts, so that
 * Tab selects its first placeholder. */
void sd_app_apply_template(sd_app *app, size_t t);
/* Chooses entry n (0-based) of the open menu overlay, as its number key does. */
sd_status sd_app_choose(sd_app *app, int n, sd_error *err);
/* The start screen's choice: go on with the interrupted exercise offered (the new one,
 * not yet begun, is dropped with its log), or keep the new one. */
sd_status sd_app_take_offer(sd_app *app, bool resume, sd_error *err);
/* The editing keys shared by the reply editor and the small text field (arrows, Home,
 * End, Backspace, Delete, undo, clipboard); false when k is not one of them. */
bool sd_app_edit_key(sd_editor *ed, const SDL_KeyboardEvent *k);

/* High-density displays (mouse.c): the current window's points to output pixels, and the
 * theme's density brought up to date (each frame, before layout: a window can move to
 * another display). */
void sd_app_mouse_to_pixels(const sd_app *app, int *x, int *y);
void sd_app_update_density(sd_app *app);
/* Mouse (mouse.c): button, motion and wheel events, in window points. */
sd_status sd_mouse_event(sd_app *app, const SDL_Event *ev, sd_error *err);
/* The byte offset in the reply editor under (x, y), from the last frame's layout. */
size_t sd_thread_editor_offset(sd_app *app, int x, int y);

/* Forms (form.c): the delete reason field and the facilitator's inject form. */
void sd_form_open_delete(sd_app *app);
void sd_form_open_inject(sd_app *app);
void sd_form_close(sd_app *app);
sd_status sd_form_key(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err);
void sd_form_text(sd_app *app, const char *text);
sd_status sd_form_inject_prepared(sd_app *app, sd_error *err);
void sd_form_draw(sd_app *app, SDL_Rect win);
/* A click on the inject form's kind (0) or author (1) line cycles it. */
void sd_form_click_entry(sd_app *app, size_t entry);
/* A menu box: a title and lines "key  text" (their rectangles go to app->hit), with
 * extra_h pixels left free at the bottom; returns that free rectangle. */
SDL_Rect sd_overlay_menu(sd_app *app, SDL_Rect win, const char *panel, const char *title,
                     const char *const *keys, const char *const *texts, size_t n, int extra_h);

/* Panels. Each draws inside its rectangle only. */
void sd_feed_draw(sd_app *app, SDL_Rect r);
void sd_feed_move(sd_app *app, int delta);       /* selection by rows */
void sd_feed_home_end(sd_app *app, bool end);
void sd_feed_select_valid(sd_app *app);          /* keeps a selection when rows change */
void sd_feed_set_filter(sd_app *app, sd_filter f);
/* Newest or oldest first for the current filter (O, or a click on the header's switch);
 * the selection stays and the same rows stay in view. */
void sd_feed_toggle_order(sd_app *app);
/* True when the current filter shows the newest first. */
bool sd_feed_newest_first(const sd_app *app);
/* The item on display row `row` of the current filter; false past the end. */
bool sd_feed_item_at(sd_app *app, size_t row, uint32_t *item);
void sd_thread_draw(sd_app *app, SDL_Rect r);
void sd_situation_draw(sd_app *app, SDL_Rect r);
void sd_overlay_draw(sd_app *app, SDL_Rect win);
void sd_scorecard_draw(sd_app *app, SDL_Rect win);
/* The scorecard's chart inside r, as its own panel "chart" (chart.c). */
void sd_chart_draw(sd_app *app, const sd_chart *c, SDL_Rect r);

/* Draws wrapped text within r starting at *y, at most max_lines lines (0: no limit);
 * stops at r's bottom. Returns the lines drawn. */
int sd_draw_wrapped(sd_app *app, int px, bool bold, sd_rgba c, SDL_Rect r, int *y,
                    const char *s, int max_lines);

#endif
