/* test_screens.c - screenshot tests of the exercise window: the main states (the feed with
 * an item selected, coach mode while a reply is typed, the F1 help, the scorecard; the
 * facilitator's inject form is in a window of its own, test_window_facilitator.c) rendered at 1280x800 under SDL's dummy video driver and the
 * software renderer, with a fixed seed and fixed real frame times so that the pictures
 * (the simulated clock included) are the same on every run. Each picture is read back
 * (SDL_RenderReadPixels), halved to 640x400 by averaging 2x2 blocks (to keep the
 * references small) and compared with tests/data/screens/<name>.bmp (24-bit BMP): it
 * passes when at most 0.5 % of the pixels differ by more than 16 in some channel. On a
 * failure the share is reported and the actual pictures (full size and halved) are written
 * to screens-actual/ next to the test executable in the build folder.
 *
 * To refresh the references on purpose (after a deliberate change of the look), run
 *   SD_UPDATE_SCREENS=1 ctest --test-dir build -R test_screens
 * which writes the references instead of comparing; look at them before committing (see
 * tests/data/screens/README.md). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"

#define SHOT_W 1280
#define SHOT_H 800
#define TOLERANCE 16          /* per channel */
#define MAX_SHARE 0.005       /* of the pixels */
#define FRAME_DT (1.0 / 60)   /* the fixed real time of every frame */

static char g_dir[64], g_src[PATH_MAX], g_out[PATH_MAX + 32];

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    if (!getcwd(g_src, sizeof g_src)) /* the source folder (ctest's working directory) */
        return -1;
    /* actual pictures go next to the executable, in the build folder */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    snprintf(g_out, sizeof g_out, "%s/screens-actual", exe);
    /* The log is written in a scratch folder entered here, so that the scorecard names it
     * by the same relative path on every run. */
    strcpy(g_dir, "/tmp/sd_screens_XXXXXX");
    if (!mkdtemp(g_dir) || chdir(g_dir) != 0)
        return -1;
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    if (chdir(g_src) != 0)
        return -1;
    return nftw(g_dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static sd_app *make_app(const char *name)
{
    char scenario[PATH_MAX + 64];
    snprintf(scenario, sizeof scenario, "%s/scenarios/introduktion.lua", g_src);
    char log[128];
    snprintf(log, sizeof log, "%s.jsonl", name);
    sd_app_config cfg = {.scenario_path = scenario, .log_path = log, .lang = -1, .seed_set = true,
                         .seed = 20260401, .width = SHOT_W, .height = SHOT_H, .hidden = true,
                         .no_wall_clock = true};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    if (sd_app_create(&cfg, &app, &err) != SD_OK)
        fail_msg("sd_app_create: %s", sd_error_msg(&err));
    int w, h;
    sd_app_output_size(app, &w, &h);
    assert_int_equal(w, SHOT_W);
    assert_int_equal(h, SHOT_H);
    return app;
}

static void frame(sd_app *app)
{
    sd_error err = SD_ERROR_INIT;
    bool running = true;
    if (sd_app_frame(app, FRAME_DT, &running, &err) != SD_OK)
        fail_msg("sd_app_frame: %s", sd_error_msg(&err));
}

/* Simulated time to exactly start + minutes, then one fixed frame. */
static void step_to(sd_app *app, int minutes)
{
    sd_session *s = sd_app_session(app);
    sd_error err = SD_ERROR_INIT;
    const sd_rec_header *h = sd_results_header(sd_app_results(app));
    double left = (double)(h->start + minutes * 60 - sd_session_now(s));
    if (left > 0 && sd_session_step_sim(s, left, &err) != SD_OK)
        fail_msg("step: %s", sd_error_msg(&err));
}

static void key(SDL_Keycode k, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static void type(const char *s)
{
    size_t len = strlen(s);
    while (len > 0) {
        size_t n = len < 31 ? len : 31;
        while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_TEXTINPUT;
        memcpy(e.text.text, s, n);
        assert_int_equal(SDL_PushEvent(&e), 1);
        s += n;
        len -= n;
    }
}

/* The frame halved to a 24-bit surface: each pixel the mean of a 2x2 block. */
static SDL_Surface *halve(const SDL_Surface *full)
{
    SDL_Surface *h = SDL_CreateRGBSurfaceWithFormat(0, full->w / 2, full->h / 2, 24, SDL_PIXELFORMAT_BGR24);
    assert_non_null(h);
    for (int y = 0; y < h->h; y++) {
        Uint8 *out = (Uint8 *)h->pixels + (size_t)y * (size_t)h->pitch;
        for (int x = 0; x < h->w; x++) {
            unsigned sum[3] = {0, 0, 0};
            for (int dy = 0; dy < 2; dy++)
                for (int dx = 0; dx < 2; dx++) {
                    const Uint32 *row = (const Uint32 *)((const Uint8 *)full->pixels + (size_t)(2 * y + dy) * (size_t)full->pitch);
                    Uint32 p = row[2 * x + dx]; /* ARGB8888 */
                    sum[0] += p & 0xFF;         /* B */
                    sum[1] += (p >> 8) & 0xFF;  /* G */
                    sum[2] += (p >> 16) & 0xFF; /* R */
                }
            for (int c = 0; c < 3; c++)
                out[3 * x + c] = (Uint8)((sum[c] + 2) / 4);
        }
    }
    return h;
}

static void save_actual(const char *name, SDL_Surface *full, SDL_Surface *half)
{
    char path[PATH_MAX + 128];
    mkdir(g_out, 0777);
    snprintf(path, sizeof path, "%s/%s.bmp", g_out, name);
    SDL_SaveBMP(half, path);
    snprintf(path, sizeof path, "%s/%s-full.bmp", g_out, name);
    SDL_SaveBMP(full, path);
}

/* Compares the app's current frame with the reference, or writes it (SD_UPDATE_SCREENS=1). */
static void check_screen(sd_app *app, const char *name)
{
    sd_error err = SD_ERROR_INIT;
    SDL_Surface *full = NULL;
    if (sd_app_read_pixels(app, &full, &err) != SD_OK)
        fail_msg("read pixels: %s", sd_error_msg(&err));
    SDL_Surface *half = halve(full);
    char ref[PATH_MAX + 64];
    snprintf(ref, sizeof ref, "%s/screens/%s.bmp", SD_TEST_DATA, name);
    const char *update = getenv("SD_UPDATE_SCREENS");
    if (update && strcmp(update, "1") == 0) {
        if (SDL_SaveBMP(half, ref) != 0)
            fail_msg("%s: %s", ref, SDL_GetError());
        print_message("wrote %s\n", ref);
        SDL_FreeSurface(half);
        SDL_FreeSurface(full);
        return;
    }
    SDL_Surface *loaded = SDL_LoadBMP(ref);
    if (!loaded) {
        save_actual(name, full, half);
        fail_msg("%s: %s (SD_UPDATE_SCREENS=1 writes it; the actual picture is in %s)", ref, SDL_GetError(), g_out);
    }
    SDL_Surface *want = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_BGR24, 0);
    SDL_FreeSurface(loaded);
    assert_non_null(want);
    if (want->w != half->w || want->h != half->h) {
        save_actual(name, full, half);
        fail_msg("%s: the reference is %dx%d, the picture %dx%d", name, want->w, want->h, half->w, half->h);
    }
    size_t differ = 0, total = (size_t)half->w * (size_t)half->h;
    for (int y = 0; y < half->h; y++) {
        const Uint8 *a = (const Uint8 *)half->pixels + (size_t)y * (size_t)half->pitch;
        const Uint8 *b = (const Uint8 *)want->pixels + (size_t)y * (size_t)want->pitch;
        for (int x = 0; x < half->w; x++)
            for (int c = 0; c < 3; c++)
                if (abs((int)a[3 * x + c] - (int)b[3 * x + c]) > TOLERANCE) {
                    differ++;
                    break;
                }
    }
    double share = (double)differ / (double)total;
    print_message("%s: %.3f %% of the pixels differ\n", name, share * 100);
    if (share > MAX_SHARE)
        save_actual(name, full, half);
    SDL_FreeSurface(want);
    SDL_FreeSurface(half);
    SDL_FreeSurface(full);
    if (share > MAX_SHARE)
        fail_msg("%s: %.3f %% of the pixels differ from %s (at most %.1f %% may); the actual picture "
                 "is in %s/%s.bmp", name, share * 100, ref, MAX_SHARE * 100, g_out, name);
}

/* ---- tests ---- */

/* The feed with an item selected, the help over it; then the scorecard. (The inject form is
 * in the facilitator's window, never on the participant's screen.) */
static void test_feed_help_scorecard(void **state)
{
    (void)state;
    sd_app *app = make_app("feed");
    frame(app);
    step_to(app, 27);
    key(SDLK_F5, 0); /* paused: the clock stays at 09:27 while the pictures are taken */
    key(SDLK_2, 0);  /* All */
    key(SDLK_DOWN, 0);
    frame(app);
    frame(app);
    assert_non_null(sd_app_selected_id(app));
    check_screen(app, "feed");

    key(SDLK_F1, 0);
    frame(app);
    check_screen(app, "help");
    key(SDLK_F1, 0);

    key(SDLK_F10, 0);
    key(SDLK_y, 0);
    frame(app);
    frame(app);
    assert_true(sd_app_on_scorecard(app));
    check_screen(app, "scorecard");
    sd_app_destroy(app);
}

/* Coach mode while a reply is typed: the live tone checks under the editor. */
static void test_coach_while_typing(void **state)
{
    (void)state;
    sd_app *app = make_app("coach");
    frame(app);
    step_to(app, 5);
    key(SDLK_F5, 0);
    frame(app);
    key(SDLK_r, 0);
    frame(app);
    type("Hej Lena! Från måndag töms kärlen på Björkvägen på tisdagar. Schemat finns på "
         "https://www.example.se/ekby/sophamtning\nVänliga hälsningar, Kim");
    frame(app);
    frame(app);
    check_screen(app, "coach");
    sd_app_destroy(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_feed_help_scorecard),
        cmocka_unit_test(test_coach_while_typing),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
