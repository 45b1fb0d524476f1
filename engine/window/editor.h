/* editor.h - the reply editor's text model: multi-line UTF-8 text with a caret, a
 * selection, word-wise movement, undo/redo, clipboard through caller-given functions, IME
 * composition (the uncommitted text of an input method, shown at the caret) and answer
 * templates whose placeholders ("[namn]", "{name}") are highlighted until filled.
 *
 * No SDL in here: the window feeds it key presses and text, and draws what it reports, so
 * that the editing rules are unit-tested on their own. Positions are byte offsets into the
 * UTF-8 text, always on code point boundaries. Invalid UTF-8 given to it is repaired.
 * Ownership: the editor owns its text and history; sd_editor_free() releases them. */
#ifndef SD_EDITOR_H
#define SD_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guideline/vocab.h"
#include "scoring/spell.h"
#include "util/buf.h"
#include "util/error.h"

typedef struct sd_editor sd_editor;

typedef enum sd_edit_key {
    SD_KEY_LEFT, SD_KEY_RIGHT, SD_KEY_UP, SD_KEY_DOWN, SD_KEY_HOME, SD_KEY_END,
    SD_KEY_BACKSPACE, SD_KEY_DELETE, SD_KEY_ENTER, SD_KEY_TAB,
    SD_KEY_DOC_START, SD_KEY_DOC_END
} sd_edit_key;

/* Modifiers for sd_editor_key(). */
#define SD_MOD_SHIFT 1u /* extend the selection */
#define SD_MOD_WORD 2u  /* word-wise (Ctrl on Linux/Windows, Alt on macOS) */

/* Clipboard access the window provides (SDL_SetClipboardText / SDL_GetClipboardText).
 * get returns a malloc'd string the editor frees, or NULL. */
typedef struct sd_clipboard {
    void *ctx;
    void (*set)(void *ctx, const char *text);
    char *(*get)(void *ctx);
} sd_clipboard;

sd_status sd_editor_create(sd_editor **out, sd_error *err);
void sd_editor_free(sd_editor *e);

/* The text (NUL-terminated UTF-8, owned by the editor, valid until the next change). */
const char *sd_editor_text(const sd_editor *e);
size_t sd_editor_len(const sd_editor *e);
size_t sd_editor_caret(const sd_editor *e);
/* The selection as [*start, *end); false when there is none. */
bool sd_editor_selection(const sd_editor *e, size_t *start, size_t *end);

/* Replaces the whole text (e.g. a template), caret at the end; undoable. */
void sd_editor_set_text(sd_editor *e, const char *text);
void sd_editor_clear(sd_editor *e);
/* The text is limited to 20000 bytes (what the engine accepts for a reply): an edit that
 * would make it longer (typing, Enter, paste, set_text) is ignored as a whole.
 * Typed text (SDL_TEXTINPUT): replaces the selection, inserts at the caret. */
void sd_editor_insert(sd_editor *e, const char *text);
void sd_editor_key(sd_editor *e, sd_edit_key key, unsigned mods);
void sd_editor_select_all(sd_editor *e);
/* Caret to a byte offset (a mouse click); with extend, the selection grows to it. */
void sd_editor_set_caret(sd_editor *e, size_t pos, bool extend);
void sd_editor_undo(sd_editor *e);
void sd_editor_redo(sd_editor *e);
void sd_editor_copy(sd_editor *e, const sd_clipboard *cb);
void sd_editor_cut(sd_editor *e, const sd_clipboard *cb);
void sd_editor_paste(sd_editor *e, const sd_clipboard *cb);

/* IME composition (SDL_TEXTEDITING): the pending text and its cursor, shown at the caret
 * but not part of the text until committed by sd_editor_insert(). Empty text ends it. */
void sd_editor_compose(sd_editor *e, const char *text, int cursor);
const char *sd_editor_composition(const sd_editor *e); /* "" when none */
/* The composition's cursor as a byte offset into sd_editor_composition() (the cursor given
 * to sd_editor_compose() counts code points, as SDL_TEXTEDITING's start does). */
size_t sd_editor_composition_cursor(const sd_editor *e);

/* Placeholders left in the text: bracketed spans "[...]", "{...}", "<...>". Writes up to
 * max [start, end) byte ranges and returns how many there are in all. Tab (SD_KEY_TAB)
 * selects the next placeholder after the caret. */
size_t sd_editor_placeholders(const sd_editor *e, size_t *starts, size_t *ends, size_t max);

/* Spelling, underlined as a real text field does. The editor checks its whole text with sp
 * in lang, accepting extra's words (both borrowed: they must outlive the editor or the next
 * call; sp NULL turns spelling off), when the text has changed since the last check, at
 * the next sd_editor_misspelt() - so once per change, not once per frame. A word being
 * typed is not flagged: after typing, Backspace or Delete in a word, its miss is left out
 * while the caret stays in that word (inside it or at either end); once the caret leaves
 * it (a space typed, a click, an arrow key past it), the word is flagged if misspelt.
 * Moving the caret into a flagged word without editing it keeps the flag. Undo and redo
 * flag at once. */
void sd_editor_set_speller(sd_editor *e, sd_speller *sp, sd_language lang,
                           const sd_spell_extra *extra);
/* The misspelt words as byte ranges [starts[i], ends[i]) in text order; writes up to max
 * and returns how many there are (at most SD_SPELL_MAX_MISSES). 0 without a speller. */
size_t sd_editor_misspelt(sd_editor *e, size_t *starts, size_t *ends, size_t max);
/* How many times the text has been checked (tests: once per change, not per frame). */
uint64_t sd_editor_spell_checks(const sd_editor *e);

/* Lines for drawing: the byte offset where visual line `line` starts, given a function that
 * measures the pixel width of a run of text and a wrap width; returns the number of lines.
 * (Lines break at '\n' and, between words, where the width would exceed wrap_px.) */
typedef int (*sd_measure_fn)(void *ctx, const char *text, size_t len);
size_t sd_editor_layout(const sd_editor *e, sd_measure_fn measure, void *ctx, int wrap_px,
                        size_t *line_starts, size_t max_lines);

#endif
