/* test_sim.c - cmocka tests of engine/sim: the event queue (ordering by time, then by push
 * order, checked against a stable-sorted reference over many random pushes and interleaved
 * pops), the simulated clock (pause, compression, real and simulated steps, whole seconds)
 * and the random generator (determinism per seed, bounds of below(), the mean of the
 * exponential distribution, forked streams). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/clock.h"
#include "sim/queue.h"
#include "sim/rng.h"

/* ---- helpers ---- */

/* An independent generator for test data (xorshift64*), so the queue test does not
 * depend on the generator under test. */
static uint64_t xs_next(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static void push(sd_queue *q, int64_t t, int32_t a)
{
    sd_error err = SD_ERROR_INIT;
    sd_event ev = {.t = t, .kind = 1, .a = a, .b = -a};
    assert_int_equal(sd_queue_push(q, ev, &err), SD_OK);
    sd_error_clear(&err);
}

/* Reference order: by time, then by push order (the payload a is the push number). */
static int ref_cmp(const void *x, const void *y)
{
    const sd_event *a = x, *b = y;
    if (a->t != b->t)
        return a->t < b->t ? -1 : 1;
    return a->a < b->a ? -1 : (a->a > b->a);
}

/* ---- queue ---- */

static void test_queue_empty(void **state)
{
    (void)state;
    sd_queue q;
    sd_queue_init(&q);
    sd_event ev;
    assert_null(sd_queue_peek(&q));
    assert_false(sd_queue_pop(&q, &ev));
    assert_int_equal(sd_queue_len(&q), 0);
    sd_queue_free(&q);
}

static void test_queue_table(void **state)
{
    (void)state;
    /* Each case: times pushed in order; expected payloads (push numbers) popped. */
    static const struct {
        const char *name;
        int n;
        int64_t t[8];
        int32_t want[8];
    } cases[] = {
        {"single", 1, {5}, {0}},
        {"ascending", 4, {1, 2, 3, 4}, {0, 1, 2, 3}},
        {"descending", 4, {4, 3, 2, 1}, {3, 2, 1, 0}},
        {"all equal: push order", 5, {7, 7, 7, 7, 7}, {0, 1, 2, 3, 4}},
        {"ties mixed", 6, {3, 1, 3, 1, 2, 3}, {1, 3, 4, 0, 2, 5}},
        {"negative times", 3, {0, -5, -5}, {1, 2, 0}},
        {"large times", 3, {INT64_MAX, 0, INT64_MIN}, {2, 1, 0}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        sd_queue q;
        sd_queue_init(&q);
        for (int i = 0; i < cases[c].n; i++)
            push(&q, cases[c].t[i], i);
        assert_int_equal(sd_queue_len(&q), (size_t)cases[c].n);
        for (int i = 0; i < cases[c].n; i++) {
            const sd_event *top = sd_queue_peek(&q);
            assert_non_null(top);
            sd_event ev;
            assert_true(sd_queue_pop(&q, &ev));
            if (ev.a != cases[c].want[i])
                fail_msg("case '%s': pop %d gave push #%d, want #%d", cases[c].name, i, ev.a,
                         cases[c].want[i]);
            assert_int_equal(ev.b, -ev.a); /* payload travels intact */
            assert_int_equal(ev.kind, 1);
        }
        sd_event ev;
        assert_false(sd_queue_pop(&q, &ev));
        sd_queue_free(&q);
    }
}

static void test_queue_seq_numbers(void **state)
{
    (void)state;
    sd_queue q;
    sd_queue_init(&q);
    for (int i = 0; i < 10; i++)
        push(&q, 100 - i, i);
    uint64_t seen = 0;
    sd_event ev;
    while (sd_queue_pop(&q, &ev)) {
        /* seq is set by push, in push order: 0..9, whatever the caller passed */
        assert_int_equal(ev.seq, (uint64_t)ev.a);
        seen |= 1ULL << ev.seq;
    }
    assert_int_equal(seen, 0x3ff);
    sd_queue_free(&q);
}

/* Many random pushes (few distinct times, so many ties) against a stable-sorted copy. */
static void test_queue_random_vs_sorted(void **state)
{
    (void)state;
    const int N = 20000;
    sd_event *ref = malloc((size_t)N * sizeof *ref);
    assert_non_null(ref);
    for (int round = 0; round < 4; round++) {
        uint64_t rs = 0x1234567ULL + (uint64_t)round;
        int64_t span = round == 0 ? 10 : round == 1 ? 1000 : round == 2 ? 1 : 1000000;
        sd_queue q;
        sd_queue_init(&q);
        for (int i = 0; i < N; i++) {
            int64_t t = (int64_t)(xs_next(&rs) % (uint64_t)span);
            ref[i] = (sd_event){.t = t, .a = i};
            push(&q, t, i);
        }
        qsort(ref, (size_t)N, sizeof *ref, ref_cmp);
        for (int i = 0; i < N; i++) {
            sd_event ev;
            assert_true(sd_queue_pop(&q, &ev));
            if (ev.t != ref[i].t || ev.a != ref[i].a)
                fail_msg("round %d pop %d: got (t=%lld, #%d), want (t=%lld, #%d)", round, i,
                         (long long)ev.t, ev.a, (long long)ref[i].t, ref[i].a);
        }
        assert_int_equal(sd_queue_len(&q), 0);
        sd_queue_free(&q);
    }
    free(ref);
}

/* Pushes and pops interleaved, as in the simulation: the popped sequence must never go
 * back in (time, seq) and ties keep push order. */
static void test_queue_interleaved(void **state)
{
    (void)state;
    uint64_t rs = 99;
    sd_queue q;
    sd_queue_init(&q);
    int32_t next_id = 0;
    int64_t now = 0;
    int64_t last_t = INT64_MIN;
    int32_t last_id_at_t = -1;
    size_t popped = 0;
    for (int step = 0; step < 50000; step++) {
        if (xs_next(&rs) % 3 != 0 || sd_queue_len(&q) == 0) {
            /* events are scheduled at now or later, like the session does */
            push(&q, now + (int64_t)(xs_next(&rs) % 20), next_id++);
        } else {
            sd_event ev;
            assert_true(sd_queue_pop(&q, &ev));
            popped++;
            assert_true(ev.t >= last_t);
            if (ev.t == last_t)
                assert_true(ev.a > last_id_at_t);
            last_t = ev.t;
            last_id_at_t = ev.a;
            now = ev.t;
        }
    }
    assert_true(popped > 1000);
    sd_queue_free(&q);
}

/* ---- clock ---- */

static void test_clock_init(void **state)
{
    (void)state;
    sd_clock c;
    sd_clock_init(&c, 1000, 20);
    assert_int_equal(sd_clock_now(&c), 1000);
    assert_float_equal(c.compression, 20, 0);
    assert_false(c.paused);
    /* a non-positive compression falls back to real time */
    sd_clock_init(&c, 5, 0);
    assert_float_equal(c.compression, 1, 0);
    sd_clock_init(&c, 5, -3);
    assert_float_equal(c.compression, 1, 0);
}

static void test_clock_steps_table(void **state)
{
    (void)state;
    /* op: 'r' real step, 's' sim step, 'p' pause, 'u' unpause; then the expected whole
     * second and the expected return of a real step. */
    static const struct {
        char op;
        double arg;
        int64_t now;
        double ret;
    } steps[] = {
        {'r', 1.0, 1060, 60},     /* compression 60: 1 real s = 60 sim s */
        {'r', 0.5, 1090, 30},
        {'r', 0.01, 1090, 0.6},   /* fractions accumulate ... */
        {'r', 0.01, 1091, 0.6},   /* ... and cross the second */
        {'r', 0.0, 1091, 0},
        {'r', -2.0, 1091, 0},     /* negative real time does nothing */
        {'p', 0, 1091, 0},
        {'r', 10.0, 1091, 0},     /* paused: real steps stop */
        {'s', 9.0, 1100, 0},      /* simulated steps work while paused */
        {'s', -50.0, 1100, 0},    /* and never go back */
        {'u', 0, 1100, 0},
        {'r', 1.0 / 60.0, 1101, 1},
    };
    sd_clock c;
    sd_clock_init(&c, 1000, 60);
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        double ret = 0;
        switch (steps[i].op) {
        case 'r': ret = sd_clock_real_step(&c, steps[i].arg); break;
        case 's': sd_clock_sim_step(&c, steps[i].arg); break;
        case 'p': c.paused = true; break;
        case 'u': c.paused = false; break;
        }
        if (steps[i].op == 'r' && fabs(ret - steps[i].ret) > 1e-9)
            fail_msg("step %zu: real step returned %g, want %g", i, ret, steps[i].ret);
        if (sd_clock_now(&c) != steps[i].now)
            fail_msg("step %zu: now %lld, want %lld", i, (long long)sd_clock_now(&c),
                     (long long)steps[i].now);
    }
}

static void test_clock_many_frames(void **state)
{
    (void)state;
    /* 60 frames per second for one real minute at compression 30: 1800 sim seconds. */
    sd_clock c;
    sd_clock_init(&c, 0, 30);
    for (int i = 0; i < 3600; i++)
        sd_clock_real_step(&c, 1.0 / 60.0);
    assert_in_range(sd_clock_now(&c), 1799, 1800);
    assert_float_equal(c.now, 1800, 1e-6);
    /* changing the compression mid-way applies from then on */
    c.compression = 1;
    sd_clock_real_step(&c, 2);
    assert_float_equal(c.now, 1802, 1e-6);
}

static void test_clock_negative_floor(void **state)
{
    (void)state;
    sd_clock c;
    sd_clock_init(&c, -10, 1);
    sd_clock_sim_step(&c, 0.5);
    /* the whole second the clock is in: floor, not truncation toward zero */
    assert_int_equal(sd_clock_now(&c), -10);
    sd_clock_init(&c, -1, 1);
    sd_clock_sim_step(&c, 0.25);
    assert_int_equal(sd_clock_now(&c), -1);
}

/* ---- rng ---- */

static void test_rng_same_seed_same_stream(void **state)
{
    (void)state;
    static const uint64_t seeds[] = {0, 1, 7, 42, 0xdeadbeefULL, UINT64_MAX};
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        sd_rng a, b;
        sd_rng_seed(&a, seeds[i]);
        sd_rng_seed(&b, seeds[i]);
        for (int k = 0; k < 1000; k++)
            assert_int_equal(sd_rng_next(&a), sd_rng_next(&b));
        /* the state is not all zero (xoshiro would then be stuck at 0) */
        sd_rng_seed(&a, seeds[i]);
        uint64_t or_all = 0;
        for (int k = 0; k < 8; k++)
            or_all |= sd_rng_next(&a);
        assert_true(or_all != 0);
    }
}

static void test_rng_known_values(void **state)
{
    (void)state;
    /* Seed 0: the state is the first four splitmix64 outputs. */
    sd_rng r;
    sd_rng_seed(&r, 0);
    assert_int_equal(r.s[0], 0xe220a8397b1dcdafULL);
    assert_int_equal(r.s[1], 0x6e789e6aa1b965f4ULL);
    /* first xoshiro256** outputs, from an independent Python implementation */
    assert_int_equal(sd_rng_next(&r), 0x99ec5f36cb75f2b4ULL);
    assert_int_equal(sd_rng_next(&r), 0xbf6e1f784956452aULL);
    assert_int_equal(sd_rng_next(&r), 0x1a5f849d4933e6e0ULL);
}

static void test_rng_different_seeds_differ(void **state)
{
    (void)state;
    for (uint64_t s = 0; s < 50; s++) {
        sd_rng a, b;
        sd_rng_seed(&a, s);
        sd_rng_seed(&b, s + 1);
        int same = 0;
        for (int k = 0; k < 64; k++)
            same += sd_rng_next(&a) == sd_rng_next(&b);
        assert_true(same < 2);
    }
}

static void test_rng_uniform_range(void **state)
{
    (void)state;
    sd_rng r;
    sd_rng_seed(&r, 3);
    double sum = 0, lo = 1, hi = 0;
    const int N = 100000;
    for (int i = 0; i < N; i++) {
        double u = sd_rng_uniform(&r);
        assert_true(u >= 0.0 && u < 1.0);
        sum += u;
        if (u < lo) lo = u;
        if (u > hi) hi = u;
    }
    assert_float_equal(sum / N, 0.5, 0.01);
    assert_true(lo < 0.001 && hi > 0.999);
}

static void test_rng_below_bounds(void **state)
{
    (void)state;
    static const uint64_t ns[] = {1, 2, 3, 7, 10, 1000, (1ULL << 32) + 1, UINT64_MAX / 3 * 2};
    sd_rng r;
    sd_rng_seed(&r, 11);
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        uint64_t n = ns[i], max = 0;
        for (int k = 0; k < 20000; k++) {
            uint64_t v = sd_rng_below(&r, n);
            if (v >= n)
                fail_msg("below(%llu) gave %llu", (unsigned long long)n, (unsigned long long)v);
            if (v > max)
                max = v;
        }
        if (n <= 1000)
            assert_int_equal(max, n - 1); /* every small range is reached to its top */
    }
    assert_int_equal(sd_rng_below(&r, 0), 0);
    /* roughly uniform over a small range */
    int counts[10] = {0};
    for (int k = 0; k < 100000; k++)
        counts[sd_rng_below(&r, 10)]++;
    for (int i = 0; i < 10; i++)
        assert_in_range(counts[i], 9000, 11000);
}

static void test_rng_exponential_mean(void **state)
{
    (void)state;
    static const double rates[] = {0.001, 0.5, 1.0, 4.0, 250.0};
    sd_rng r;
    sd_rng_seed(&r, 2026);
    for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++) {
        double sum = 0;
        const int N = 100000;
        for (int k = 0; k < N; k++) {
            double x = sd_rng_exponential(&r, rates[i]);
            assert_true(x >= 0 && isfinite(x));
            sum += x;
        }
        double mean = sum / N, want = 1.0 / rates[i];
        if (fabs(mean - want) > 0.03 * want)
            fail_msg("rate %g: mean %g, want about %g", rates[i], mean, want);
    }
}

static void test_rng_fork(void **state)
{
    (void)state;
    /* same parent state: same child stream */
    sd_rng a, b, ca, cb;
    sd_rng_seed(&a, 5);
    sd_rng_seed(&b, 5);
    sd_rng_fork(&a, &ca);
    sd_rng_fork(&b, &cb);
    for (int k = 0; k < 100; k++)
        assert_int_equal(sd_rng_next(&ca), sd_rng_next(&cb));
    /* a second child (one per storm) differs from the first child and from the parent */
    sd_rng first, second, parent;
    sd_rng_seed(&a, 5);
    sd_rng_fork(&a, &first);
    sd_rng_fork(&a, &second);
    parent = a;
    int same_children = 0, same_parent = 0;
    for (int k = 0; k < 64; k++) {
        uint64_t x = sd_rng_next(&first), y = sd_rng_next(&second), z = sd_rng_next(&parent);
        same_children += x == y;
        same_parent += y == z;
    }
    assert_true(same_children < 2);
    assert_true(same_parent < 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_queue_empty),
        cmocka_unit_test(test_queue_table),
        cmocka_unit_test(test_queue_seq_numbers),
        cmocka_unit_test(test_queue_random_vs_sorted),
        cmocka_unit_test(test_queue_interleaved),
        cmocka_unit_test(test_clock_init),
        cmocka_unit_test(test_clock_steps_table),
        cmocka_unit_test(test_clock_many_frames),
        cmocka_unit_test(test_clock_negative_floor),
        cmocka_unit_test(test_rng_same_seed_same_stream),
        cmocka_unit_test(test_rng_known_values),
        cmocka_unit_test(test_rng_different_seeds_differ),
        cmocka_unit_test(test_rng_uniform_range),
        cmocka_unit_test(test_rng_below_bounds),
        cmocka_unit_test(test_rng_exponential_mean),
        cmocka_unit_test(test_rng_fork),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
