/* bench.c - the window benchmark: frame times while a storm of many items runs, scrolling
 * and typing through synthetic SDL events, in the platform view and then in the inbox. */
#include "bench.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

double sd_bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void push_key(SDL_Keycode k, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    SDL_PushEvent(&e);
}

static void push_text(const char *s)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", s);
    SDL_PushEvent(&e);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

sd_status sd_window_bench(const sd_app_config *cfg, const sd_bench_options *opt, FILE *out,
                          sd_error *err)
{
    size_t want = opt->items ? opt->items : 100000;
    int frames = opt->frames ? opt->frames : 300;
    sd_app *app = NULL;
    bool running = true;
    sd_status st = sd_app_create(cfg, &app, err);
    if (st != SD_OK)
        return st;
    st = sd_app_frame(app, 0, &running, err);
    double first = sd_bench_now() - opt->started;
    double *storm_t = calloc(4096, sizeof *storm_t), *t = calloc((size_t)frames, sizeof *t);
    double *t_inbox = calloc((size_t)frames, sizeof *t_inbox);
    size_t n_storm = 0;
    if (!storm_t || !t || !t_inbox) {
        st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        goto done;
    }
    /* The storm: five simulated minutes per frame until enough items exist. */
    sd_session *s = sd_app_session(app);
    double t_storm = sd_bench_now();
    while (st == SD_OK && n_storm < 4096 && !sd_session_finished(s) &&
           sd_results_n_items(sd_app_results(app)) < want) {
        double a = sd_bench_now();
        st = sd_session_step_sim(s, 300, err);
        if (st == SD_OK)
            st = sd_app_frame(app, 0, &running, err);
        storm_t[n_storm++] = sd_bench_now() - a;
    }
    t_storm = sd_bench_now() - t_storm;
    size_t items = sd_results_n_items(sd_app_results(app));
    /* Scroll and type while the storm goes on in real time (1/60 s per frame): first in
     * the platform view (the default feed), then in the inbox's "all" filter (V, 2). */
    const char *typing[] = {"H", "e", "j", " ", "å", "ä", "ö", "!", " ", "T", "a", "c", "k", " "};
    for (int view = 0; view < 2; view++) {
        if (view == 1) {
            push_key(SDLK_ESCAPE, 0); /* out of the editor */
            push_key(SDLK_v, 0);
            push_key(SDLK_2, 0);
        }
        double *tv = view == 0 ? t : t_inbox;
        for (int f = 0; f < frames && st == SD_OK && running; f++) {
            if (f < frames / 2)
                push_key(f % 10 == 9 ? SDLK_PAGEDOWN : SDLK_DOWN, 0);
            else if (f == frames / 2)
                push_key(SDLK_r, 0);
            else
                push_text(typing[f % (sizeof typing / sizeof typing[0])]);
            double a = sd_bench_now();
            st = sd_app_frame(app, 1.0 / 60, &running, err);
            tv[f] = sd_bench_now() - a;
        }
    }
    if (st == SD_OK) {
        sd_text_stats ts;
        sd_app_text_stats(app, &ts);
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        double sm = pct(storm_t, n_storm, 0.5), s99 = pct(storm_t, n_storm, 0.99);
        double med = pct(t, (size_t)frames, 0.5), p99 = pct(t, (size_t)frames, 0.99);
        double imed = pct(t_inbox, (size_t)frames, 0.5), ip99 = pct(t_inbox, (size_t)frames, 0.99);
        fprintf(out, "window bench (software renderer, %dx%d)\n", cfg->width, cfg->height);
        fprintf(out, "  time to first frame:        %.1f ms\n", first * 1000);
        fprintf(out, "  storm: %zu items in %.2f s over %zu frames (frame median %.1f ms, p99 %.1f ms, with 5 sim. min of stepping each)\n",
                items, t_storm, n_storm, sm * 1000, s99 * 1000);
        fprintf(out, "  scroll + type, %d frames:  median %.2f ms, p99 %.2f ms (platform view)\n", frames, med * 1000,
                p99 * 1000);
        fprintf(out, "  scroll + type, %d frames:  median %.2f ms, p99 %.2f ms (inbox, all)\n", frames, imed * 1000,
                ip99 * 1000);
        fprintf(out, "  items at the end:           %zu\n", sd_results_n_items(sd_app_results(app)));
        fprintf(out, "  text cache:                 %zu runs, %.1f MiB, %zu evicted\n", ts.entries,
                ts.bytes / 1048576.0, ts.evictions);
        fprintf(out, "  peak memory (maxrss):       %.1f MiB\n", ru.ru_maxrss / 1024.0);
    }
done:
    free(storm_t);
    free(t);
    free(t_inbox);
    sd_app_destroy(app);
    return st;
}
