/* queue.c - binary min-heap of timed events, ordered by (time, push order). */
#include "queue.h"

#include <stdlib.h>

static bool before(const sd_event *x, const sd_event *y)
{
    return x->t < y->t || (x->t == y->t && x->seq < y->seq);
}

void sd_queue_init(sd_queue *q)
{
    q->heap = NULL;
    q->len = q->cap = 0;
    q->next_seq = 0;
}

void sd_queue_free(sd_queue *q)
{
    free(q->heap);
    sd_queue_init(q);
}

sd_status sd_queue_push(sd_queue *q, sd_event ev, sd_error *err)
{
    if (q->len == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 64;
        sd_event *h = realloc(q->heap, cap * sizeof *h);
        if (h == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory growing the event queue");
        q->heap = h;
        q->cap = cap;
    }
    ev.seq = q->next_seq++;
    size_t i = q->len++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!before(&ev, &q->heap[parent]))
            break;
        q->heap[i] = q->heap[parent];
        i = parent;
    }
    q->heap[i] = ev;
    return SD_OK;
}

const sd_event *sd_queue_peek(const sd_queue *q) { return q->len ? &q->heap[0] : NULL; }

bool sd_queue_pop(sd_queue *q, sd_event *out)
{
    if (q->len == 0)
        return false;
    *out = q->heap[0];
    sd_event last = q->heap[--q->len];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        const sd_event *best = &last;
        if (l < q->len && before(&q->heap[l], best)) {
            m = l;
            best = &q->heap[l];
        }
        if (r < q->len && before(&q->heap[r], best))
            m = r;
        if (m == i)
            break;
        q->heap[i] = q->heap[m];
        i = m;
    }
    if (q->len > 0)
        q->heap[i] = last;
    return true;
}
