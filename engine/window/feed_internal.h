/* feed_internal.h - what the feed's files share (not a public API): feed.c (the feed panel:
 * the view bar, the dispatch between the two views, keys, text and clicks), feed_platform.c
 * (the platform view: the organisation's posts with their threads, as Facebook, Instagram
 * or X show them), feed_inbox.c (the moderation inbox with its filter tabs), feed_notify.c
 * (the notification list), feed_search.c (the search field and keyword chips) and
 * feed_image.c (the posts' pictures, loaded with IMG_Load into a small texture cache).
 *
 * Ownership: the sd_feedview is owned by the app (app->fv, made on first use by
 * sd_feed_state(), freed by sd_feed_free()); it borrows the model and the results, and
 * notices when the app replaces them (a resumed exercise) and starts again. */
#ifndef SD_WINDOW_FEED_INTERNAL_H
#define SD_WINDOW_FEED_INTERNAL_H

#include "app_internal.h"
#include "editor.h"

/* ---- the thread index of the platform view: a tree built as records arrive ---- */

enum { FV_ITEM, FV_ACTION };

typedef struct fv_node {
    uint32_t ref;        /* item index (FV_ITEM) or results action index (FV_ACTION) */
    uint8_t type, depth; /* depth 0: a post or another top-level card; 1: a comment; 2: a reply */
    sd_time t;           /* arrival or action time */
    int32_t parent, first, last, next, prev; /* node indices, -1 for none */
    uint32_t below;      /* comments and replies under it (posts: the comment count) */
} fv_node;

#define FV_VISIBLE 96    /* cards one frame can show */
#define FV_IMAGES 16     /* pictures kept as textures */
#define FV_QUERY 192     /* bytes of a search */

typedef struct fv_image {
    char path[512];
    SDL_Texture *tex;    /* owned; NULL: could not be loaded (not tried again) */
    int w, h;
    uint64_t used;       /* frame it was last drawn in */
} fv_image;

typedef struct fv_vis {
    SDL_Rect r;          /* a card drawn in the last frame */
    uint32_t item;       /* its item */
    bool whole;          /* it fitted entirely */
} fv_vis;

typedef struct fv_notif {
    uint32_t item;
    uint8_t what;        /* FV_N_COMMENT ... */
} fv_notif;

enum { FV_N_COMMENT, FV_N_REPLY, FV_N_DM, FV_N_MENTION };

typedef struct sd_feedview {
    const sd_model *model;    /* the model the index was built from (borrowed) */
    size_t items_seen, actions_seen;
    /* the tree */
    fv_node *nodes;
    size_t n_nodes, cap_nodes;
    int32_t *node_of;         /* item index -> node, or -1 */
    size_t cap_of;
    int32_t root_first, root_last; /* top-level cards, oldest first (shown newest first) */
    /* the view */
    bool inbox;               /* the moderation inbox (V) instead of the platform view */
    bool oldest_first;        /* comments oldest first (O in the platform view) */
    int32_t top;              /* first node drawn, or -1: the first of all */
    int32_t anchor_bottom;    /* a node to bring into view at the bottom next frame, or -1 */
    bool anchor_mid;          /* ... in the middle instead (a jump: context above it) */
    int64_t shown_selected;   /* the selection the last frame showed */
    fv_vis vis[FV_VISIBLE];
    size_t n_vis;             /* selectable cards the last frame drew */
    int page;                 /* cards (or matches) that fitted whole: PgUp/PgDn's step */
    SDL_Rect hit_view[2], hit_bell, hit_search, hit_chips[8];
    size_t n_chips;
    /* notifications (feed_notify.c): newest last */
    fv_notif *notifs;
    size_t n_notifs, cap_notifs, notifs_read;
    bool notif_open;
    size_t notif_sel;         /* counted from the newest */
    SDL_Rect hit_notif[32];
    size_t n_hit_notif, notif_first;
    /* search and keyword chips (feed_search.c) */
    bool search_open;         /* typing in the search field */
    sd_editor *field;         /* the search field's text (owned) */
    char query[FV_QUERY];     /* the kept search, folded ("" none) */
    char query_shown[FV_QUERY]; /* as typed, for its chip */
    int chip;                 /* the keyword chip on (index into chips), or -1 */
    const char *chip_label[8];/* the storms' theme labels (the scenario's strings) */
    const char *chip_theme[8];/* their theme ids */
    size_t n_labels;
    uint32_t *matches;        /* items that pass the filter, oldest first */
    size_t n_matches, cap_matches, match_checked;
    size_t mtop;              /* first match shown (counted from the newest) */
    /* pictures (feed_image.c) */
    fv_image images[FV_IMAGES];
} sd_feedview;

/* The app's feed state, made on first use (NULL when out of memory), brought up to date
 * with the model (new items and actions indexed; a replaced model starts it again). */
sd_feedview *sd_feed_state(sd_app *app);

/* feed_platform.c (sd_pview_*: the platform view) */
void sd_pview_sync(sd_app *app, sd_feedview *fv);
void sd_pview_draw(sd_app *app, sd_feedview *fv, SDL_Rect r);
void sd_pview_move(sd_app *app, sd_feedview *fv, int delta);
void sd_pview_home_end(sd_app *app, sd_feedview *fv, bool end);
void sd_pview_select_valid(sd_app *app, sd_feedview *fv);
void sd_pview_reveal(sd_app *app, sd_feedview *fv); /* brings the selection into view */
/* The name as the platform shows it ("Lena Holm", "lenah_82", "Lena Holm" + "@lenah_82"):
 * name into out, the handle part X shows after it into handle ("" when none). */
void sd_pview_name(const sd_app *app, size_t item, char *out, size_t n, char *handle, size_t hn);
sd_platform sd_pview_of(const sd_app *app, size_t item);

/* feed_inbox.c: the moderation inbox (the functions app_internal.h declares for the feed,
 * in the inbox) */
void sd_inbox_draw(sd_app *app, SDL_Rect r);
void sd_inbox_move(sd_app *app, int delta);
void sd_inbox_home_end(sd_app *app, bool end);
void sd_inbox_select_valid(sd_app *app);
void sd_inbox_set_filter(sd_app *app, sd_filter f);
void sd_inbox_toggle_order(sd_app *app);
bool sd_inbox_newest_first(const sd_app *app);
bool sd_inbox_item_at(sd_app *app, size_t row, uint32_t *item);

/* feed_notify.c */
void sd_notify_add(sd_app *app, sd_feedview *fv, size_t item);
void sd_notify_draw(sd_app *app, sd_feedview *fv, SDL_Rect r);
bool sd_notify_key(sd_app *app, sd_feedview *fv, SDL_Keycode c);
bool sd_notify_click(sd_app *app, sd_feedview *fv, int x, int y);
size_t sd_notify_unread(const sd_feedview *fv);

/* feed_search.c */
void sd_search_init_chips(sd_app *app, sd_feedview *fv);
bool sd_search_active(const sd_feedview *fv);      /* a kept search or a chip filters */
void sd_search_sync(sd_app *app, sd_feedview *fv); /* tests the items that came since */
void sd_search_restart(sd_app *app, sd_feedview *fv);
bool sd_search_key(sd_app *app, sd_feedview *fv, const SDL_KeyboardEvent *k);
void sd_search_text(sd_app *app, sd_feedview *fv, const char *text);
void sd_search_open(sd_app *app, sd_feedview *fv);
void sd_search_set_chip(sd_app *app, sd_feedview *fv, int chip);
/* The search field (while typing) and the chips: draws them from y, returns the y below. */
int sd_search_draw_bar(sd_app *app, sd_feedview *fv, SDL_Rect r, int y);
/* The filtered list (the matches, newest first, each card with its context). */
void sd_search_draw_list(sd_app *app, sd_feedview *fv, SDL_Rect r);
void sd_search_move(sd_app *app, sd_feedview *fv, int delta);
bool sd_search_matches(const sd_app *app, const sd_feedview *fv, size_t item);

/* feed_image.c: the texture of a picture (path relative to the scenario's folder or
 * assets/images/), or NULL when it cannot be loaded; *w, *h its size. */
SDL_Texture *sd_image_get(sd_app *app, sd_feedview *fv, const char *path, int *w, int *h);
void sd_image_free_all(sd_feedview *fv);

/* Shared drawing helpers (feed_platform.c). */
void sd_feed_avatar(sd_app *app, const char *name, int x, int y, int size, bool round);
/* The moderation marks an item shows as chips, as string keys ("ui.mark.repeat", ...), in
 * the order drawn: at most SD_FEED_MARKS. Returns how many. Both views use it. */
#define SD_FEED_MARKS 4
size_t sd_feed_marks(const sd_mitem *it, const char *marks[SD_FEED_MARKS]);
/* A card for a selectable item: records its rectangle for the mouse (whole: it fits). */
void sd_feed_visible(sd_feedview *fv, SDL_Rect r, uint32_t item, bool whole);

#endif
