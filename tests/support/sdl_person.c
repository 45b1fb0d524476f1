/* sdl_person.c - a person at the keyboard for the window tests (sdl_person.h): SDL events
 * pushed one at a time with frames between them, text input only while SDL says it is on. */
#include "sdl_person.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

void sd_person_frame(sd_app *app, double dt)
{
    sd_error err = SD_ERROR_INIT;
    bool running = true;
    if (sd_app_frame(app, dt, &running, &err) != SD_OK)
        fail_msg("sd_app_frame: %s", sd_error_msg(&err));
}

static void push_key(Uint32 type, SDL_Keycode key, Uint16 mods)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.sym = key;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    e.key.keysym.mod = mods;
    e.key.windowID = 0;
    SDL_PushEvent(&e);
}

/* The UTF-8 of a codepoint into out (at least 5 bytes); its length. */
static size_t utf8_put(uint32_t c, char *out)
{
    size_t n;
    if (c < 0x80) {
        out[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        out[0] = (char)(0xF0 | (c >> 18));
        out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    out[n] = '\0';
    return n;
}

/* A key press that types text (NULL: a key that types nothing). */
static void press(sd_app *app, SDL_Keycode key, Uint16 mods, const char *text)
{
    /* SDL decides at the key press whether it makes text: before the window sees the key. */
    bool text_on = SDL_IsTextInputActive() == SDL_TRUE;
    push_key(SDL_KEYDOWN, key, mods);
    if (text && *text && text_on && !(mods & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_TEXTINPUT;
        snprintf(e.text.text, sizeof e.text.text, "%s", text);
        SDL_PushEvent(&e);
    }
    sd_person_frame(app, SD_PERSON_KEY_SECONDS / 2);
    push_key(SDL_KEYUP, key, mods);
    sd_person_frame(app, SD_PERSON_KEY_SECONDS / 2);
}

void sd_person_key(sd_app *app, SDL_Keycode key, Uint16 mods)
{
    char text[8] = "";
    if (key >= 0x20 && key < 0x40000000 && key != SDLK_DELETE) { /* a character's own keycode */
        uint32_t c = (uint32_t)key;
        if ((mods & KMOD_SHIFT) && c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        utf8_put(c, text);
    }
    press(app, key, mods, text);
}

void sd_person_type(sd_app *app, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        uint32_t c = 0;
        size_t n = 1;
        if (*p < 0x80) {
            c = *p;
            n = 1;
        } else if ((*p & 0xE0) == 0xC0 && p[1]) {
            c = ((uint32_t)(*p & 0x1F) << 6) | (p[1] & 0x3F);
            n = 2;
        } else if ((*p & 0xF0) == 0xE0 && p[1] && p[2]) {
            c = ((uint32_t)(*p & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            n = 3;
        } else if ((*p & 0xF8) == 0xF0 && p[1] && p[2] && p[3]) {
            c = ((uint32_t)(*p & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
                ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
            n = 4;
        } else
            fail_msg("sd_person_type: not UTF-8 at byte %zu", (size_t)(p - (const unsigned char *)text));
        p += n;
        if (c == '\n') {
            press(app, SDLK_RETURN, 0, NULL);
            continue;
        }
        if (c == '\t') {
            press(app, SDLK_TAB, 0, NULL);
            continue;
        }
        char s[8];
        utf8_put(c, s);
        Uint16 mods = 0;
        SDL_Keycode key = (SDL_Keycode)c;
        if (c >= 'A' && c <= 'Z') {
            key = (SDL_Keycode)(c + ('a' - 'A'));
            mods = KMOD_LSHIFT;
        }
        press(app, key, mods, s);
    }
}

void sd_person_wait(sd_app *app, double seconds)
{
    for (double t = 0; t < seconds - 1e-9; t += SD_PERSON_KEY_SECONDS)
        sd_person_frame(app, SD_PERSON_KEY_SECONDS);
}

void sd_person_step_to(sd_app *app, int minutes)
{
    sd_session *s = sd_app_session(app);
    sd_error err = SD_ERROR_INIT;
    const sd_rec_header *h = sd_results_header(sd_app_results(app));
    double left = (double)(h->start + minutes * 60 - sd_session_now(s));
    if (left > 0 && sd_session_step_sim(s, left, &err) != SD_OK)
        fail_msg("step: %s", sd_error_msg(&err));
    sd_person_frame(app, 0);
}
