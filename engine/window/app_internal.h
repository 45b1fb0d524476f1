/* app_internal.h - the exercise window's state shared by its modules (app.c: events,
 * actions and the frame; feed.c, thread.c, situation.c, overlay.c: the panels).
 * Not a public API. Ownership: the sd_app owns every pointer in it except the config. */
#ifndef SD_WINDOW_APP_INTERNAL_H
#define SD_WINDOW_APP_INTERNAL_H

#include "app.h"
#include "editor.h"
#include "model.h"
#include "scenario/scenario.h"
#include "scoring/score.h"
#include "scoring/texts.h"
#include "scoring/tone.h"
#include "theme.h"

typedef enum sd_overlay {
    SD_OVERLAY_NONE, SD_OVERLAY_HELP, SD_OVERLAY_ESCALATE, SD_OVERLAY_ACCOUNT,
    SD_OVERLAY_DELETE, SD_OVERLAY_END
} sd_overlay;

typedef enum sd_edit_mode { SD_EDIT_REPLY, SD_EDIT_DM, SD_EDIT_PUBLISH } sd_edit_mode;

#define SD_DELETE_REASONS 4

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
    /* view state */
    sd_filter filter;
    int64_t selected;      /* item index, or -1 */
    size_t top;            /* first visible row of the feed */
    int feed_rows;         /* rows that fit (for page up/down) */
    bool editing;
    sd_edit_mode edit_mode;
    int64_t edit_item;     /* item the editor answers, or -1 (publish) */
    sd_overlay overlay;
    bool scorecard;
    char status[512];
    bool status_bad;
    bool quit;
    /* coach mode: the tone checks of the text as last checked */
    char *checked_text;
    int64_t checked_item;
    sd_edit_mode checked_mode;
    sd_tone_result tone;
    bool tone_valid;
    /* frame figures */
    sd_text_stats last_stats;
    uint64_t frames;
};

/* The text of key in the window's language (the key itself when missing). */
const char *sd_app_t(const sd_app *app, const char *key);
/* Sets the status line. */
void sd_app_say(sd_app *app, bool bad, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* The author's display name of an item ("Lena Holm", the account, the sender ...). */
void sd_app_author(const sd_app *app, size_t item, char *out, size_t n);
/* "12 min", "1 h 5 min" ... */
void sd_app_format_age(int64_t seconds, char *out, size_t n);

/* Panels. Each draws inside its rectangle only. */
void sd_feed_draw(sd_app *app, SDL_Rect r);
void sd_feed_move(sd_app *app, int delta);       /* selection by rows */
void sd_feed_home_end(sd_app *app, bool end);
void sd_feed_select_valid(sd_app *app);          /* keeps a selection when rows change */
void sd_thread_draw(sd_app *app, SDL_Rect r);
void sd_situation_draw(sd_app *app, SDL_Rect r);
void sd_overlay_draw(sd_app *app, SDL_Rect win);
void sd_scorecard_draw(sd_app *app, SDL_Rect win);

/* Draws wrapped text within r starting at *y, at most max_lines lines (0: no limit);
 * stops at r's bottom. Returns the lines drawn. */
int sd_draw_wrapped(sd_app *app, int px, bool bold, sd_rgba c, SDL_Rect r, int *y,
                    const char *s, int max_lines);

#endif
