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
    SD_OVERLAY_DELETE, SD_OVERLAY_END,
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
    char memory_path[1024];/* window.ini, where size and text scale are remembered ("": not) */
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
    /* the small text field of the delete reason */
    sd_editor *field;
    /* the facilitator's window (facilitator.c), or NULL while it is closed */
    struct sd_facil *facil;
    /* the scorecard's chart (chart.h), built once for the score it shows */
    sd_chart chart;
    const sd_score *chart_for;
    /* frame figures */
    sd_text_stats last_stats;
    uint64_t frames;
    /* replay mode (replay.c): the replay state, or NULL in an exercise */
    struct sd_replay *replay;
    size_t thread_actions; /* actions the thread listed in the last frame */
    /* the briefing (briefing.c) */
    bool briefing;         /* the briefing is shown */
    bool briefing_start;   /* ... as the first screen: the clock has not started */
    bool briefing_pending; /* to be shown once the resume start screen is gone */
    int briefing_scroll;   /* lines scrolled */
    bool pause_on_help;    /* help, the briefing and menus pause the clock */
    bool menu_paused;      /* they paused it (and resume it when they close) */
    bool menu_was_open;    /* a pausing screen was open at the last check */
    /* the safe ending (ending.c) */
    int ask;               /* sd_ask: a question waiting for J/N */
    double real_time;      /* real seconds of frames so far */
    double last_key_time;  /* when the last key went down (real_time), or -1 */
    double key_before;     /* ... and the one before it (the key being handled: its gap) */
    double card_hold;      /* real seconds the scorecard still holds input */
    bool card_seen;        /* the scorecard has been noticed (its hold started) */
    bool results_saved;    /* the results JSON was saved from the scorecard */
    char *draft_text;      /* the draft last given to the session (owned), or NULL */
    int64_t draft_item;    /* ... its item (-1: none) */
    /* the feed's views, notifications, search and pictures (feed_internal.h), or NULL */
    struct sd_feedview *fv;
};

/* A question the window asks before it ends something (ending.c). */
typedef enum sd_ask { SD_ASK_NONE, SD_ASK_END, SD_ASK_CLOSE } sd_ask;

/* The briefing (briefing.c): the scenario's title, situation, aim, the participant's role,
 * the time compression in words, the duration and the keys to know. First screen with
 * cfg.briefing (the clock starts on Enter); F2 opens it again during the exercise. */
void sd_briefing_setup(sd_app *app, const sd_app_config *cfg);
void sd_briefing_open(sd_app *app);
sd_status sd_briefing_key(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err);
void sd_briefing_draw(sd_app *app, SDL_Rect win);
/* Each frame after the events: shows a pending briefing; pauses the clock while help, the
 * briefing, a menu or a question is open (when pause_on_help) and resumes it when they
 * close, unless the facilitator paused or resumed meanwhile. Logged as facilitator
 * pause/resume records (sd_session_pause). */
void sd_briefing_sync(sd_app *app);
/* "en timme i övningen tar tio minuter": the words for sim_seconds (sd_buf-free). */
void sd_briefing_duration_words(const sd_app *app, double seconds, char *out, size_t n);

/* The safe ending (ending.c). sd_ending_frame at the start of each frame (counts real time,
 * starts the scorecard's hold); sd_ending_event before the event is handled: true when it
 * took the event (quit requests, keys held on the scorecard, a question's answer, text
 * while the briefing or a question shows), with *st its result. */
void sd_ending_frame(sd_app *app, double real_seconds);
bool sd_ending_event(sd_app *app, const SDL_Event *ev, sd_status *st, sd_error *err);
/* Ctrl+Q anywhere, and every key on the scorecard (after its hold). */
sd_status sd_ending_key(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err);
/* Gives the reply editor's text to the session as the draft when it changed
 * (sd_session_set_draft): each frame before the clock steps, and before an end. */
void sd_ending_sync_draft(sd_app *app);
void sd_ending_draw(sd_app *app, SDL_Rect win);
/* The scorecard's "utkast som inte skickades", at *y inside r (overlay.c calls it). */
void sd_ending_draw_draft(sd_app *app, SDL_Rect r, int *y);
void sd_ending_free(sd_app *app);
/* Saves the results JSON (csv false) or CSV from the scorecard (app.c). */
sd_status sd_app_save(sd_app *app, bool csv, sd_error *err);

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

/* Forms (form.c): the delete reason field over the participant's panels. */
void sd_form_open_delete(sd_app *app);
void sd_form_close(sd_app *app);
sd_status sd_form_key(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err);
void sd_form_text(sd_app *app, const char *text);
void sd_form_draw(sd_app *app, SDL_Rect win);
/* A one-field editor's text wrapped in box with d's text and theme, the caret's line kept
 * visible (the caret drawn when focused), the selection behind (the delete reason, the
 * facilitator's inject text). */
void sd_form_draw_field(sd_draw *d, sd_editor *ed, SDL_Rect box, bool focused);

/* The facilitator's window (facilitator.c): a second SDL window with its own renderer,
 * text cache and theme, that the participant's window never shows: the clock, pause and
 * speed, the end, the prepared injects and the live inject form (kind, author, mood,
 * target, text). While a live inject is typed the clock is held (paused, logged as the
 * facilitator's pause; resumed when it is sent or cancelled unless it was paused before).
 * Closing it does not end the exercise. Events are routed to it by windowID. */
/* Opens it (or raises it when open); with_inject: at a new live inject. */
sd_status sd_facil_open(sd_app *app, bool with_inject, sd_error *err);
/* Closes it (a live inject being typed is cancelled); the exercise goes on. */
void sd_facil_close(sd_app *app);
/* Frees it with its window (sd_app_destroy; no resume record). */
void sd_facil_free(sd_app *app);
/* True when ev belongs to the facilitator's window (keys, text, mouse, window events). */
bool sd_facil_owns_event(const sd_app *app, const SDL_Event *ev);
sd_status sd_facil_event(sd_app *app, const SDL_Event *ev, sd_error *err);
/* Keeps the clock held while a live inject is typed (after the frame's events, before the
 * session steps); closes the form when the exercise has ended. */
void sd_facil_hold(sd_app *app);
/* Draws and presents it (after the participant's frame). */
void sd_facil_frame(sd_app *app);
/* True while a live inject is typed: the clock is held for it (whoever would resume the
 * clock, e.g. closing the help, must leave it paused). */
bool sd_facil_typing(const sd_app *app);
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
/* The item on display row `row` of the current filter; false past the end. In the
 * platform view a "row" is the row-th card of an item drawn in the last frame. */
bool sd_feed_item_at(sd_app *app, size_t row, uint32_t *item);
/* Where the last frame drew display row i (see sd_feed_item_at); false when it did not. */
bool sd_feed_row_rect(const sd_app *app, size_t i, SDL_Rect *out);
/* The feed's own keys (feed.c): V the view, B the notifications, / the search, and in the
 * platform view Tab (keyword chips), O and Esc; true when k was one. While the search
 * field or the notification list is open they take every key (sd_feed_wants_key). */
bool sd_feed_key(sd_app *app, const SDL_KeyboardEvent *k);
bool sd_feed_wants_key(const sd_app *app);
/* Text typed into the search field; false when it is not open. */
bool sd_feed_text(sd_app *app, const char *text);
/* A click on the feed's bar, chips, notifications or cards; false when none was hit. */
bool sd_feed_click(sd_app *app, int x, int y);
/* Frees the feed's state (sd_app_destroy). */
void sd_feed_free(sd_app *app);
void sd_thread_draw(sd_app *app, SDL_Rect r);
void sd_situation_draw(sd_app *app, SDL_Rect r);
void sd_situation_draw_strip(sd_app *app, SDL_Rect r); /* one line (layout.h: strip) */
void sd_overlay_draw(sd_app *app, SDL_Rect win);
void sd_scorecard_draw(sd_app *app, SDL_Rect win);
/* The scorecard's chart inside r, as its own panel "chart" (chart.c). */
void sd_chart_draw(sd_app *app, const sd_chart *c, SDL_Rect r);

/* Draws wrapped text within r starting at *y, at most max_lines lines (0: no limit);
 * stops at r's bottom. Returns the lines drawn. */
int sd_draw_wrapped(sd_app *app, int px, bool bold, sd_rgba c, SDL_Rect r, int *y,
                    const char *s, int max_lines);

#endif
