/* content.h - what a good reply or statement says, as the scenario declared it: the key
 * points it gives, the authority it names, where a case continues, the claims it must not
 * make, and the author's model answer. Plain data: matching a text against it is
 * engine/scoring/keypoints.h; reading it from Lua is scenario_lua.c; the log carries it
 * (docs/log-format.md) so that a log alone re-scores.
 *
 * Ownership: whoever made an sd_content owns it and everything it points to (the
 * scenario's arena, the log reader, the results' arena); the others borrow it. */
#ifndef SD_CONTENT_H
#define SD_CONTENT_H

#include <stddef.h>
#include <stdint.h>

/* One thing a reply says, and the ways it can be said: any one phrase meets it. Phrases
 * are words or word sequences, matched on word stems and compound-aware. */
typedef struct sd_point {
    const char *label;       /* short, for feedback ("öppnar på torsdag") */
    const char *const *say;  /* n_say phrases */
    size_t n_say;
} sd_point;

#define SD_MAX_POINTS 16     /* key points (and claims to avoid) per content */
#define SD_MAX_SAY 32        /* phrases per point */

/* Where a moved case continues (rule move_case): named channels have phrases built in per
 * language (scenario_lua.c resolves them at load time, so the log carries the phrases). */
typedef struct sd_content {
    int32_t index;           /* position in the scenario's content table (written once in
                                the log header), or -1: declared at run time, written with
                                its item */
    const sd_point *points;  /* the key points a good reply gives */
    size_t n_points;
    int need;                /* how many points a complete reply meets (1..n_points;
                                default n_points) */
    sd_point refer;          /* the authority a reply must name or link (n_say 0: none) */
    sd_point channel;        /* where the case continues (n_say 0: none) */
    const sd_point *avoid;   /* claims a reply must not make */
    size_t n_avoid;
    const char *model;       /* the model answer (feedback's example, the diligent
                                participant's reply), or NULL */
} sd_content;

#endif
