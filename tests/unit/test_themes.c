/* test_themes.c - cmocka tests of the storm themes the bundled scenarios declare
 * (the .lua files in scenarios/ and scenarios/en/), with the real key-point matcher: a theme's own
 * texts meet none of its key points, nor its refer or channel (a reply that only echoes the
 * question must not pass for an answer); its model answer meets as many points as a
 * complete answer needs, and makes none of the claims to avoid; every theme that is answered
 * in public (question, complaint, rumour) has key points and a model answer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/scenario.h"
#include "scoring/keypoints.h"
#include "scoring/stem.h"

#define SCENARIOS SD_TEST_DATA "/../../scenarios"

/* Checks every declared theme of every storm of one scenario file; returns the number of
 * themes checked. */
static size_t check_file(sd_stemmer *stem, const char *path)
{
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    if (sd_scenario_load(path, NULL, &sc, &err) != SD_OK)
        fail_msg("%s: %s", path, sd_error_msg(&err));
    size_t checked = 0;
    for (size_t i = 0; i < sc->n_storms; i++) {
        const sd_storm *st = &sc->storms[i];
        for (size_t t = 0; t < st->n_themes; t++) {
            const sd_storm_theme *th = &st->themes[t];
            if (th->implicit)
                continue;
            bool public = th->kind == SD_THEME_QUESTION || th->kind == SD_THEME_COMPLAINT ||
                          th->kind == SD_THEME_RUMOUR;
            if (!public)
                continue;
            const sd_content *c = th->content;
            if (c == NULL || c->n_points == 0 || c->model == NULL)
                fail_msg("%s: storm '%s' theme '%s' lacks key points or a model answer", path,
                         st->id, th->id);
            sd_kp *kp = NULL;
            if (sd_kp_compile(stem, sc->lang, c, &kp, &err) != SD_OK)
                fail_msg("%s: theme '%s': %s", path, th->id, sd_error_msg(&err));
            for (int m = 0; m <= SD_MOOD_COUNT; m++)
                for (size_t k = 0; k < th->texts[m].n; k++) {
                    const char *text = th->texts[m].texts[k];
                    sd_kp_verdict v;
                    sd_kp_match(kp, stem, text, strlen(text), &v);
                    for (size_t p = 0; p < c->n_points; p++)
                        if (v.met & (1u << p))
                            fail_msg("%s: storm '%s' theme '%s': its text \"%s\" meets its own "
                                     "key point '%s'", path, st->id, th->id, text,
                                     c->points[p].label);
                    if (v.refer_met || v.channel_met)
                        fail_msg("%s: theme '%s': its text \"%s\" names its refer or channel",
                                 path, th->id, text);
                }
            sd_kp_verdict v;
            sd_kp_match(kp, stem, c->model, strlen(c->model), &v);
            if (v.n_met < c->need || v.avoided)
                fail_msg("%s: storm '%s' theme '%s': its model answer meets %d of the %d key "
                         "points it needs%s", path, st->id, th->id, v.n_met, c->need,
                         v.avoided ? " and makes a claim to avoid" : "");
            sd_kp_free(kp);
            checked++;
        }
    }
    sd_scenario_free(sc);
    return checked;
}

static size_t check_dir(sd_stemmer *stem, const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        fail_msg("cannot open %s", dir);
    size_t checked = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        checked += check_file(stem, path);
    }
    closedir(d);
    return checked;
}

static void test_bundled_themes(void **state)
{
    (void)state;
    sd_stemmer *stem = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_stemmer_create(&stem, &err), SD_OK);
    size_t n = check_dir(stem, SCENARIOS) + check_dir(stem, SCENARIOS "/en");
    /* kommentarsstorm declares six public themes, in both languages */
    assert_true(n >= 12);
    sd_stemmer_free(stem);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bundled_themes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
