/* sdl_person.h - a person at the keyboard, for the window tests: key presses and typing
 * pushed as SDL events one at a time, the way a real SDL delivers them (SDL_KEYDOWN; an
 * SDL_TEXTINPUT for a printable key only while SDL_IsTextInputActive(), decided when the key
 * goes down, as SDL does; SDL_KEYUP), with frames of the window between them at about 8 keys
 * a second of simulated real time, and waits made of frames ("reading" the screen). A frame
 * that fails fails the running cmocka test. No state of its own: every call works on the
 * app it is given (the caller owns it). */
#ifndef SD_TEST_SDL_PERSON_H
#define SD_TEST_SDL_PERSON_H

#include <SDL.h>

#include "app.h"

/* Real seconds one key takes (down, text, up and the frames between): 8 keys a second. */
#define SD_PERSON_KEY_SECONDS 0.125

/* One key press: SDL_KEYDOWN, then SDL_TEXTINPUT with the key's character if it is
 * printable, no Ctrl/Alt/GUI is held and text input is active at that moment, a frame,
 * SDL_KEYUP, a frame. mods are SDL's KMOD_* (KMOD_SHIFT gives the upper case letter). */
void sd_person_key(sd_app *app, SDL_Keycode key, Uint16 mods);

/* Types UTF-8 text one character at a time as key presses (the character's own keycode,
 * Shift for upper case ASCII letters; '\n' is Return, '\t' Tab): each character reaches the
 * window as SDL_TEXTINPUT only while text input is active, exactly like SDL. */
void sd_person_type(sd_app *app, const char *text);

/* Frames for that many seconds of real time (at 1/8 s a frame): reading, thinking. */
void sd_person_wait(sd_app *app, double seconds);

/* Simulated time moved on to `minutes` after the exercise's start, as if the clock had run
 * (nothing when it is already there), then one frame. */
void sd_person_step_to(sd_app *app, int minutes);

/* One frame of dt real seconds (the building block of the above). */
void sd_person_frame(sd_app *app, double dt);

#endif
