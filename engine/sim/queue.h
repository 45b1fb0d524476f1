/* queue.h - the simulation's priority queue of timed events (a binary min-heap).
 *
 * Events are ordered by time, then by the order they were pushed (a sequence number), so
 * two events at the same simulated second always come out in the same order: the
 * simulation stays deterministic. The queue owns its array; events are plain values. */
#ifndef SD_QUEUE_H
#define SD_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/error.h"

typedef struct sd_event {
    int64_t t;    /* simulated time (sd_time) */
    uint64_t seq; /* set by sd_queue_push */
    int kind;     /* meaning defined by the owner (the session) */
    int32_t a, b; /* payload, meaning defined by kind */
} sd_event;

typedef struct sd_queue {
    sd_event *heap; /* owned */
    size_t len, cap;
    uint64_t next_seq;
} sd_queue;

void sd_queue_init(sd_queue *q);
void sd_queue_free(sd_queue *q);
sd_status sd_queue_push(sd_queue *q, sd_event ev, sd_error *err);
/* The earliest event, or NULL when empty. Borrowed until the next push or pop. */
const sd_event *sd_queue_peek(const sd_queue *q);
/* Removes the earliest event into *out; false when empty. */
bool sd_queue_pop(sd_queue *q, sd_event *out);
static inline size_t sd_queue_len(const sd_queue *q) { return q->len; }

#endif
