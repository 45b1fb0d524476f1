/* test_screens_ref.c - reference screenshots of the exercise window: each view of the
 * table below (the feed, the thread with the reply editor open and the coach, the F1 help,
 * the scorecard) at 1024x600, 1280x800 and 1920x1080 and at 100 % and 200 % text, under
 * SDL's dummy video driver and the software renderer, with a fixed seed, the clock paused
 * at a whole minute and fixed frame times, so the pictures are the same on every run.
 *
 * Each frame is checked twice:
 *   - its debug rectangles (sd_app_config.debug_rects): no text outside its panel, no
 *     text over other text of the same panel, the panes apart;
 *   - its pixels: read back, halved (each pixel the mean of a 2x2 block) and brought to
 *     the 252 colours of a 6x7x6 cube (8-bit PNG: to keep the references small), then
 *     compared with tests/data/screens/<view>-<w>x<h>-<pct>.png (IMG_Load): it passes
 *     when at most 0.5 % of the pixels differ by more than 16 in some channel. On a failure the share is printed and the actual pictures (halved and
 *     full size) go to screens-actual/ next to the test executable.
 *
 * To add a view, add a row to `views` (a name and a function that brings the window there).
 * To write the references after a deliberate change of the look:
 *   tools/screens-remake.sh            (SD_UPDATE_SCREENS=1 for this test)
 * and look at them before committing (tests/data/screens/README.md). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <SDL_image.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "../support/tempdir.h"

#define TOLERANCE 16          /* per channel */
#define MAX_SHARE 0.005       /* of the pixels */
#define FRAME_DT (1.0 / 60)   /* the fixed real time of every frame */

static char g_dir[64], g_src[PATH_MAX], g_out[PATH_MAX + 32];

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    if (!getcwd(g_src, sizeof g_src)) /* the source folder (ctest's working directory) */
        return -1;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    snprintf(g_out, sizeof g_out, "%s/screens-actual", exe);
    /* the log is written in a scratch folder entered here, so that the scorecard names it
     * by the same relative path on every run */
    if (sd_test_tempdir_make(g_dir, "sd_screens_ref") != 0 || chdir(g_dir) != 0)
        return -1;
    setenv("XDG_CONFIG_HOME", g_dir, 1);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    if (chdir(g_src) != 0)
        return -1;
    return sd_test_tempdir_remove(g_dir);
}

/* ---- driving the window ---- */

static void frame(sd_app *app)
{
    sd_error err = SD_ERROR_INIT;
    bool running = true;
    if (sd_app_frame(app, FRAME_DT, &running, &err) != SD_OK)
        fail_msg("sd_app_frame: %s", sd_error_msg(&err));
}

/* Simulated time to exactly start + minutes. */
static void step_to(sd_app *app, int minutes)
{
    sd_session *s = sd_app_session(app);
    sd_error err = SD_ERROR_INIT;
    const sd_rec_header *h = sd_results_header(sd_app_results(app));
    double left = (double)(h->start + minutes * 60 - sd_session_now(s));
    if (left > 0 && sd_session_step_sim(s, left, &err) != SD_OK)
        fail_msg("step: %s", sd_error_msg(&err));
}

static void key(sd_app *app, SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    assert_int_equal(SDL_PushEvent(&e), 1);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    assert_int_equal(SDL_PushEvent(&e), 1);
    frame(app);
}

static void type(sd_app *app, const char *s)
{
    while (*s) {
        size_t n = 1;
        while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
            n++;
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_TEXTINPUT;
        memcpy(e.text.text, s, n);
        assert_int_equal(SDL_PushEvent(&e), 1);
        frame(app);
        s += n;
    }
}

/* ---- the views ---- */

/* The moderation inbox (filter All) with an item selected, paused at 09:27. */
static void view_feed(sd_app *app)
{
    step_to(app, 27);
    key(app, SDLK_F5);
    key(app, SDLK_2);
    key(app, SDLK_DOWN);
}

/* The thread with the reply editor open: a reply to Lena being typed, the coach under it. */
static void view_thread(sd_app *app)
{
    step_to(app, 5);
    key(app, SDLK_F5);
    key(app, SDLK_r);
    type(app, "Hej Lena! Från måndag töms kärlen på Björkvägen på tisdagar. Schemat finns på "
              "https://www.example.se/ekby/sophamtning\nVänliga hälsningar, Kim");
}

/* The F1 help over the feed. */
static void view_help(sd_app *app)
{
    view_feed(app);
    key(app, SDLK_F1);
}

/* The scorecard after the exercise ended at 09:27. */
static void view_scorecard(sd_app *app)
{
    step_to(app, 27);
    sd_error err = SD_ERROR_INIT;
    if (sd_session_end(sd_app_session(app), "facilitator", &err) != SD_OK)
        fail_msg("end: %s", sd_error_msg(&err));
    frame(app);
    assert_true(sd_app_on_scorecard(app));
}

/* The platform feed (the default view) at 09:27, the newest comment selected. */
static void view_platform(sd_app *app)
{
    step_to(app, 27);
    key(app, SDLK_F5);
    key(app, SDLK_DOWN);
}

/* The platform feed at 09:27 from its top: the post (picture, link preview, counts) selected,
 * the newest comments under it. */
static void view_platform_post(sd_app *app)
{
    step_to(app, 27);
    key(app, SDLK_F5);
    key(app, SDLK_HOME);
}

/* The storm on Facebook for the README: the post with its picture at the top, a reply
 * to the first comment being typed, the coach under it. */
static void view_storm(sd_app *app)
{
    step_to(app, 12);
    key(app, SDLK_F5);
    key(app, SDLK_HOME); /* the colleague's note, then the post, then its newest comment */
    key(app, SDLK_DOWN);
    key(app, SDLK_DOWN);
    key(app, SDLK_r);
    type(app, "Hej! Bokbussen kommer till Norrby torg två dagar i veckan, och ljudböckerna");
}

/* The briefing, the first screen (the clock has not started). */
static void view_briefing(sd_app *app) { (void)app; }

/* The ending: a reply being typed when the exercise ends; the scorecard shows the draft
 * that was kept. */
static void view_ending(sd_app *app)
{
    step_to(app, 5);
    key(app, SDLK_F5);
    key(app, SDLK_r);
    type(app, "Hej Lena! Från måndag töms kärlen");
    view_scorecard(app);
}

typedef struct view {
    const char *name;
    const char *scenario;         /* relative to the source folder */
    void (*go)(sd_app *app);      /* brings a fresh window there */
    bool briefing;                /* the window opens on the briefing */
} view;

static const view views[] = {
    {"feed", "scenarios/introduktion.lua", view_feed, false},
    {"platform", "scenarios/introduktion.lua", view_platform, false}, /* Facebook */
    {"platform-instagram", "tests/data/platform-instagram.lua", view_platform_post, false},
    {"platform-x", "tests/data/platform-x.lua", view_platform_post, false},
    {"storm", "scenarios/kommentarsstorm.lua", view_storm, false},
    {"thread", "scenarios/introduktion.lua", view_thread, false},
    {"help", "scenarios/introduktion.lua", view_help, false},
    {"briefing", "scenarios/introduktion.lua", view_briefing, true},
    {"scorecard", "scenarios/introduktion.lua", view_scorecard, false},
    {"ending", "scenarios/introduktion.lua", view_ending, false},
};

static const struct { int w, h; } sizes[] = {{1024, 600}, {1280, 800}, {1920, 1080}};
static const int scales[] = {100, 200};

/* ---- checks ---- */

static bool inside(SDL_Rect a, SDL_Rect o)
{
    return a.x >= o.x && a.y >= o.y && a.x + a.w <= o.x + o.w && a.y + a.h <= o.y + o.h;
}

static bool overlap(SDL_Rect a, SDL_Rect b)
{
    return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 && a.x < b.x + b.w && b.x < a.x + a.w &&
           a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Text inside its panel and over no other text of it; returns a message or NULL. */
static const char *check_rects(sd_app *app, char *msg, size_t n)
{
    size_t nr;
    const sd_draw_rec *r = sd_app_debug_rects(app, &nr);
    if (nr == 0)
        return "nothing was drawn";
    for (size_t i = 0; i < nr; i++) {
        if (!r[i].text[0])
            continue;
        if (!inside(r[i].rect, r[i].clip)) {
            snprintf(msg, n, "\"%.60s\" (%d,%d %dx%d) is cut by its panel %s (%d,%d %dx%d)", r[i].text,
                     r[i].rect.x, r[i].rect.y, r[i].rect.w, r[i].rect.h, r[i].panel, r[i].clip.x, r[i].clip.y,
                     r[i].clip.w, r[i].clip.h);
            return msg;
        }
        for (size_t j = i + 1; j < nr; j++)
            if (r[j].text[0] && strcmp(r[j].panel, r[i].panel) == 0 && overlap(r[i].rect, r[j].rect)) {
                snprintf(msg, n, "in %s, \"%.60s\" (%d,%d %dx%d) overlaps \"%.60s\" (%d,%d %dx%d)", r[i].panel,
                         r[i].text, r[i].rect.x, r[i].rect.y, r[i].rect.w, r[i].rect.h, r[j].text, r[j].rect.x,
                         r[j].rect.y, r[j].rect.w, r[j].rect.h);
                return msg;
            }
    }
    return NULL;
}

/* The frame halved to 24-bit RGB: each pixel the mean of a 2x2 block. */
static SDL_Surface *halve(const SDL_Surface *full)
{
    SDL_Surface *h = SDL_CreateRGBSurfaceWithFormat(0, full->w / 2, full->h / 2, 24, SDL_PIXELFORMAT_RGB24);
    assert_non_null(h);
    for (int y = 0; y < h->h; y++) {
        Uint8 *out = (Uint8 *)h->pixels + (size_t)y * (size_t)h->pitch;
        for (int x = 0; x < h->w; x++) {
            unsigned sum[3] = {0, 0, 0};
            for (int dy = 0; dy < 2; dy++)
                for (int dx = 0; dx < 2; dx++) {
                    const Uint32 *row = (const Uint32 *)((const Uint8 *)full->pixels + (size_t)(2 * y + dy) * (size_t)full->pitch);
                    Uint32 p = row[2 * x + dx]; /* ARGB8888 */
                    sum[0] += (p >> 16) & 0xFF;
                    sum[1] += (p >> 8) & 0xFF;
                    sum[2] += p & 0xFF;
                }
            for (int c = 0; c < 3; c++)
                out[3 * x + c] = (Uint8)((sum[c] + 2) / 4);
        }
    }
    return h;
}

/* The halved frame in the 252 colours of a 6x7x6 cube (8-bit indexed), the way the
 * references are stored: a quarter of the bytes of full colour, still good to look at. */
static SDL_Surface *quantize(const SDL_Surface *rgb)
{
    SDL_Surface *q = SDL_CreateRGBSurfaceWithFormat(0, rgb->w, rgb->h, 8, SDL_PIXELFORMAT_INDEX8);
    assert_non_null(q);
    SDL_Color pal[256];
    int k = 0;
    for (int r = 0; r < 6; r++)
        for (int g = 0; g < 7; g++)
            for (int b = 0; b < 6; b++)
                pal[k++] = (SDL_Color){(Uint8)(r * 51), (Uint8)(g * 255 / 6), (Uint8)(b * 51), 255};
    for (; k < 256; k++)
        pal[k] = (SDL_Color){0, 0, 0, 255};
    SDL_SetPaletteColors(q->format->palette, pal, 0, 256);
    for (int y = 0; y < rgb->h; y++) {
        const Uint8 *p = (const Uint8 *)rgb->pixels + (size_t)y * (size_t)rgb->pitch;
        Uint8 *o = (Uint8 *)q->pixels + (size_t)y * (size_t)q->pitch;
        for (int x = 0; x < rgb->w; x++) {
            int r = (p[3 * x] * 5 + 127) / 255, g = (p[3 * x + 1] * 6 + 127) / 255, b = (p[3 * x + 2] * 5 + 127) / 255;
            o[x] = (Uint8)(r * 42 + g * 6 + b);
        }
    }
    return q;
}

static void save_actual(const char *name, SDL_Surface *full, SDL_Surface *half)
{
    char path[PATH_MAX + 160];
    mkdir(g_out, 0777);
    snprintf(path, sizeof path, "%s/%s.png", g_out, name);
    IMG_SavePNG(half, path);
    snprintf(path, sizeof path, "%s/%s-full.png", g_out, name);
    IMG_SavePNG(full, path);
}

/* The share of pixels of a and b that differ by more than TOLERANCE in some channel
 * (both RGB24, the same size). */
static double differing(const SDL_Surface *a, const SDL_Surface *b)
{
    size_t differ = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint8 *p = (const Uint8 *)a->pixels + (size_t)y * (size_t)a->pitch;
        const Uint8 *q = (const Uint8 *)b->pixels + (size_t)y * (size_t)b->pitch;
        for (int x = 0; x < a->w; x++)
            for (int c = 0; c < 3; c++)
                if (abs((int)p[3 * x + c] - (int)q[3 * x + c]) > TOLERANCE) {
                    differ++;
                    break;
                }
    }
    return (double)differ / ((double)a->w * (double)a->h);
}

/* Compares the window's frame with its reference, or writes it (SD_UPDATE_SCREENS=1);
 * returns a message on a failure, else NULL. */
static const char *check_pixels(sd_app *app, const char *name, char *msg, size_t n)
{
    sd_error err = SD_ERROR_INIT;
    SDL_Surface *full = NULL;
    if (sd_app_read_pixels(app, &full, &err) != SD_OK)
        fail_msg("read pixels: %s", sd_error_msg(&err));
    SDL_Surface *halved = halve(full), *q = quantize(halved);
    SDL_Surface *half = SDL_ConvertSurfaceFormat(q, SDL_PIXELFORMAT_RGB24, 0); /* as compared */
    SDL_FreeSurface(halved);
    assert_non_null(half);
    char ref[PATH_MAX + 128];
    snprintf(ref, sizeof ref, "%s/screens/%s.png", SD_TEST_DATA, name);
    const char *update = getenv("SD_UPDATE_SCREENS");
    const char *out = NULL;
    const char *export = getenv("SD_SCREENS_FULL"); /* a folder: every frame at full size too
                                                       (tools/screenshots.sh, for docs/) */
    if (export && *export) {
        char path[PATH_MAX + 160];
        snprintf(path, sizeof path, "%s/%s.png", export, name);
        if (IMG_SavePNG(full, path) != 0)
            fail_msg("%s: %s", path, IMG_GetError());
    }
    if (update && strcmp(update, "1") == 0) {
        if (IMG_SavePNG(q, ref) != 0)
            fail_msg("%s: %s", ref, IMG_GetError());
        print_message("wrote %s\n", ref);
    } else {
        SDL_Surface *loaded = IMG_Load(ref);
        SDL_Surface *want = loaded ? SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_RGB24, 0) : NULL;
        SDL_FreeSurface(loaded);
        if (!want) {
            snprintf(msg, n, "%s: %s (tools/screens-remake.sh writes it; the actual picture is in %s)", ref,
                     IMG_GetError(), g_out);
            out = msg;
        } else if (want->w != half->w || want->h != half->h) {
            snprintf(msg, n, "%s: the reference is %dx%d, the picture %dx%d", ref, want->w, want->h, half->w, half->h);
            out = msg;
        } else {
            double share = differing(half, want);
            print_message("%s: %.3f %% of the pixels differ\n", name, share * 100);
            if (share > MAX_SHARE) {
                snprintf(msg, n, "%s: %.3f %% of the pixels differ from %s (at most %.1f %% may); the actual "
                         "picture is in %s/%s.png", name, share * 100, ref, MAX_SHARE * 100, g_out, name);
                out = msg;
            }
        }
        SDL_FreeSurface(want);
        if (out)
            save_actual(name, full, half);
    }
    SDL_FreeSurface(q);
    SDL_FreeSurface(half);
    SDL_FreeSurface(full);
    return out;
}

/* ---- the test: every view at every size and scale ---- */

static void test_reference_screens(void **state)
{
    (void)state;
    size_t failed = 0, shots = 0;
    for (size_t v = 0; v < sizeof views / sizeof views[0]; v++)
        for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++)
            for (size_t ki = 0; ki < sizeof scales / sizeof scales[0]; ki++) {
                char name[96], scenario[PATH_MAX + 64], log[128];
                snprintf(name, sizeof name, "%s-%dx%d-%d", views[v].name, sizes[si].w, sizes[si].h, scales[ki]);
                snprintf(scenario, sizeof scenario, "%s/%s", g_src, views[v].scenario);
                snprintf(log, sizeof log, "%s.jsonl", views[v].name);
                remove(log);
                sd_app_config cfg = {.scenario_path = scenario, .log_path = log, .lang = -1, .seed_set = true,
                                     .seed = 20260401, .width = sizes[si].w, .height = sizes[si].h,
                                     .text_scale = scales[ki] / 100.0, .hidden = true, .debug_rects = true,
                                     .no_wall_clock = true, .briefing = views[v].briefing};
                sd_error err = SD_ERROR_INIT;
                sd_app *app = NULL;
                if (sd_app_create(&cfg, &app, &err) != SD_OK)
                    fail_msg("sd_app_create: %s", sd_error_msg(&err));
                frame(app);
                views[v].go(app);
                frame(app);
                frame(app);
                char msg[16384];
                const char *bad = check_rects(app, msg, sizeof msg);
                if (bad) {
                    print_error("%s: %s\n", name, bad);
                    failed++;
                }
                bad = check_pixels(app, name, msg, sizeof msg);
                if (bad) {
                    print_error("%s\n", bad);
                    failed++;
                }
                shots++;
                sd_app_destroy(app);
            }
    print_message("%zu pictures, %zu failures\n", shots, failed);
    assert_int_equal(failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_screens),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
