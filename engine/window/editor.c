/* editor.c - the reply editor's text model (see editor.h): the text in a fixed buffer of
 * at most MAX_TEXT bytes, caret and selection anchor, code point and word-wise movement,
 * an undo history of replacements with coalesced typing, clipboard, IME composition,
 * placeholders and line layout. No SDL in here.
 *
 * Rules kept here (the header states the API, these are the details):
 *  - All text taken in (typed, pasted, set, composed) is repaired with sd_utf8_sanitize()
 *    and its line ends are made "\n" ("\r\n" and a lone "\r" both become "\n"), so the text
 *    is always valid UTF-8 and every position is a code point boundary.
 *  - The text never exceeds MAX_TEXT (20000) bytes, what the engine accepts for a reply. An
 *    edit that would make it longer (typing, Enter, paste, set_text) is ignored as a whole:
 *    nothing is cut off silently. The limit counts the repaired text.
 *  - Word characters are letters and digits of any script; spaces, punctuation, symbols
 *    and emoji separate words. Without Unicode tables this is decided by ranges: a code
 *    point outside the known space/punctuation/symbol ranges counts as a letter.
 *  - Undo: each edit is one step, except that consecutive typed text (sd_editor_insert,
 *    Enter) coalesces into one step; typed text containing a space, tab or newline ends
 *    the run after it, and so does any caret movement, deletion, paste, undo or redo. The
 *    history keeps the latest HISTORY_MAX steps; older ones are dropped (the text itself
 *    is never touched by that). An edit whose undo step cannot be allocated is not made.
 *  - Up/Down keep the column (in code points) over consecutive vertical moves; Up on the
 *    first line goes to the start of the text, Down on the last line to its end.
 *  - Placeholders: "[x]", "{x}", "<x>" with at least one byte inside, no newline and no
 *    second opening bracket of the same kind inside, at most PLACEHOLDER_MAX bytes with
 *    the brackets. Tab selects the first one starting at or after the caret (after the end
 *    of the selection, if any), else the first one; with none it does nothing.
 *  - Layout breaks after spaces and tabs only (punctuation does not break a line); spaces
 *    at the end of a line hang past the wrap width. A wrap width <= 0 or no measuring
 *    function means no wrapping: lines break only at '\n'. */
#include "window/editor.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

#define MAX_TEXT 20000       /* bytes: what the engine accepts for a reply */
#define HISTORY_MAX 200      /* undo steps kept */
#define PLACEHOLDER_MAX 40   /* bytes, brackets included */

/* One undo step: at pos, the bytes del were replaced by the bytes ins. */
typedef struct step {
    size_t pos;
    char *del;
    size_t del_len;
    char *ins;
    size_t ins_len, ins_cap;
    size_t caret_before, anchor_before; /* restored by undo */
} step;

struct sd_editor {
    char text[MAX_TEXT + 1];
    size_t len;
    size_t caret, anchor;   /* selection is [min, max) of the two when they differ */
    size_t goal_col;        /* column (code points) kept over consecutive Up/Down */
    bool goal_valid;
    step steps[HISTORY_MAX];
    size_t n_steps;         /* steps recorded */
    size_t done;            /* steps[0..done) are applied; steps[done..n_steps) can be redone */
    bool run_open;          /* steps[done - 1] is typing that the next typed text may extend */
    sd_buf comp;            /* IME composition ("" when none) */
    size_t comp_cursor;     /* byte offset into comp */
    uint64_t version;       /* bumps on every change of the text */
    /* spelling (sd_editor_set_speller): the misses of the text as of spell_version */
    sd_speller *sp;         /* borrowed, or NULL: no spelling */
    sd_language lang;
    const sd_spell_extra *extra; /* borrowed, or NULL */
    uint64_t spell_version; /* the version checked (0: none yet) */
    uint64_t spell_checks;
    sd_spell_miss miss[SD_SPELL_MAX_MISSES];
    size_t n_miss;
    bool hold;              /* an edit was made in the word at hold_at (see editor.h) */
    size_t hold_at;         /* where that word starts */
};

/* ---------------------------------------------------------------- code points */

static bool is_cont(char c) { return ((unsigned char)c & 0xC0u) == 0x80u; }

static size_t next_cp(const sd_editor *e, size_t pos)
{
    if (pos >= e->len)
        return e->len;
    pos++;
    while (pos < e->len && is_cont(e->text[pos]))
        pos++;
    return pos;
}

static size_t prev_cp(const sd_editor *e, size_t pos)
{
    if (pos == 0)
        return 0;
    pos--;
    while (pos > 0 && is_cont(e->text[pos]))
        pos--;
    return pos;
}

static uint32_t cp_at(const sd_editor *e, size_t pos)
{
    uint32_t cp = 0xFFFDu;
    sd_utf8_decode(e->text + pos, e->len - pos, &cp);
    return cp;
}

/* Letters and digits of any script; see the top of the file. */
static bool is_word_cp(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 0x20u) >= 'a' && (c | 0x20u) <= 'z');
    if (c < 0xC0) /* Latin-1 controls, no-break space, signs; ª µ º and ¹ ² ³ are kept */
        return c == 0xAA || c == 0xB5 || c == 0xBA || c == 0xB2 || c == 0xB3 || c == 0xB9;
    if (c == 0xD7 || c == 0xF7) /* × ÷ */
        return false;
    if (c == 0x37E || c == 0x387 || c == 0x589 || c == 0x5BE || c == 0x60C || c == 0x61B ||
        c == 0x61F || (c >= 0x66A && c <= 0x66D) || c == 0x6D4 || c == 0x964 || c == 0x965)
        return false; /* Greek, Armenian, Hebrew, Arabic and Devanagari punctuation */
    static const uint32_t separators[][2] = {
        {0x2000, 0x206F},   /* general punctuation: spaces, dashes, quotes, ZWJ */
        {0x20A0, 0x20CF},   /* currency */
        {0x2190, 0x2BFF},   /* arrows, maths, technical, box drawing, shapes, dingbats */
        {0x2E00, 0x2E7F},   /* supplemental punctuation */
        {0x3000, 0x3004},   /* ideographic space and CJK punctuation (3005 is a letter) */
        {0x3008, 0x3020},
        {0x3030, 0x3030},
        {0x303D, 0x303D},
        {0xE000, 0xF8FF},   /* private use */
        {0xFE00, 0xFE1F},   /* variation selectors, vertical forms */
        {0xFE30, 0xFE6F},   /* CJK compatibility and small forms */
        {0xFEFF, 0xFEFF},   /* byte order mark */
        {0xFF01, 0xFF0F},   /* fullwidth punctuation */
        {0xFF1A, 0xFF20},
        {0xFF3B, 0xFF40},
        {0xFF5B, 0xFF65},
        {0xFFF0, 0xFFFF},   /* specials, U+FFFD */
        {0x1F000, 0x1FAFF}, /* cards, enclosed, emoji, pictographs, regional indicators */
        {0xE0000, 0xE007F}, /* tags */
    };
    for (size_t i = 0; i < sizeof separators / sizeof separators[0]; i++)
        if (c >= separators[i][0] && c <= separators[i][1])
            return false;
    return true;
}

static bool is_word_at(const sd_editor *e, size_t pos) { return is_word_cp(cp_at(e, pos)); }

/* ---------------------------------------------------------------- spelling's word span */

/* Joins two word characters into one word for spelling (e-post, don't, t.ex, sms:a). */
static bool is_joiner_cp(uint32_t c)
{
    return c == '-' || c == '\'' || c == '.' || c == ':' || c == 0x2019 || c == 0x2010;
}

/* The word touching pos (ending at it, containing it or starting at it) as [*a, *b);
 * false when pos touches none. */
static bool word_span(const sd_editor *e, size_t pos, size_t *a, size_t *b)
{
    bool before = pos > 0 && is_word_at(e, prev_cp(e, pos));
    bool after = pos < e->len && is_word_at(e, pos);
    if (!before && !after)
        return false;
    size_t l = pos;
    while (l > 0) {
        size_t p = prev_cp(e, l);
        uint32_t c = cp_at(e, p);
        if (is_word_cp(c) || (is_joiner_cp(c) && p > 0 && is_word_at(e, prev_cp(e, p)) && l < e->len &&
                              is_word_at(e, l)))
            l = p;
        else
            break;
    }
    size_t r = pos;
    while (r < e->len) {
        uint32_t c = cp_at(e, r);
        size_t n = next_cp(e, r);
        if (is_word_cp(c) || (is_joiner_cp(c) && r > 0 && is_word_at(e, prev_cp(e, r)) && n < e->len &&
                              is_word_at(e, n)))
            r = n;
        else
            break;
    }
    *a = l;
    *b = r;
    return true;
}

/* An edit was made at the caret: the word there is being typed. */
static void hold_word(sd_editor *e)
{
    size_t a, b;
    e->hold = word_span(e, e->caret, &a, &b);
    e->hold_at = e->hold ? a : 0;
}

/* The caret moved or the text changed: the hold ends when the caret is no longer in the
 * word being typed. */
static void hold_check(sd_editor *e)
{
    size_t a, b;
    if (e->hold && (!word_span(e, e->caret, &a, &b) || a != e->hold_at))
        e->hold = false;
}

/* The start of the word before pos (skipping separators first). */
static size_t word_left(const sd_editor *e, size_t pos)
{
    while (pos > 0 && !is_word_at(e, prev_cp(e, pos)))
        pos = prev_cp(e, pos);
    while (pos > 0 && is_word_at(e, prev_cp(e, pos)))
        pos = prev_cp(e, pos);
    return pos;
}

/* The start of the next word after pos (or the end of the text). */
static size_t word_right(const sd_editor *e, size_t pos)
{
    while (pos < e->len && is_word_at(e, pos))
        pos = next_cp(e, pos);
    while (pos < e->len && !is_word_at(e, pos))
        pos = next_cp(e, pos);
    return pos;
}

/* ---------------------------------------------------------------- lines */

static size_t line_start(const sd_editor *e, size_t pos)
{
    while (pos > 0 && e->text[pos - 1] != '\n')
        pos--;
    return pos;
}

static size_t line_end(const sd_editor *e, size_t pos)
{
    while (pos < e->len && e->text[pos] != '\n')
        pos++;
    return pos;
}

static size_t count_cps(const sd_editor *e, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += !is_cont(e->text[i]);
    return n;
}

/* The position col code points into the line starting at start, or its end. */
static size_t line_col(const sd_editor *e, size_t start, size_t col)
{
    size_t pos = start;
    while (col > 0 && pos < e->len && e->text[pos] != '\n') {
        pos = next_cp(e, pos);
        col--;
    }
    return pos;
}

static size_t vertical_target(sd_editor *e, bool up)
{
    size_t ls = line_start(e, e->caret);
    if (!e->goal_valid) {
        e->goal_col = count_cps(e, ls, e->caret);
        e->goal_valid = true;
    }
    if (up)
        return ls == 0 ? 0 : line_col(e, line_start(e, ls - 1), e->goal_col);
    size_t le = line_end(e, e->caret);
    return le == e->len ? e->len : line_col(e, le + 1, e->goal_col);
}

/* ---------------------------------------------------------------- input text */

static bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n'; }

/* Appends s repaired (invalid UTF-8 becomes U+FFFD) with "\r\n" and "\r" made "\n". */
static bool normalize(sd_buf *out, const char *s)
{
    if (sd_utf8_sanitize(out, s, strlen(s)) != SD_OK)
        return false;
    size_t w = 0;
    for (size_t r = 0; r < out->len; r++) {
        if (out->data[r] == '\r') {
            out->data[w++] = '\n';
            if (r + 1 < out->len && out->data[r + 1] == '\n')
                r++;
        } else {
            out->data[w++] = out->data[r];
        }
    }
    out->len = w;
    out->data[w] = '\0';
    return true;
}

/* ---------------------------------------------------------------- history and edits */

static void step_free(step *s)
{
    free(s->del);
    free(s->ins);
    memset(s, 0, sizeof *s);
}

static char *dup_bytes(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p != NULL) {
        if (n > 0)
            memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* Replaces text[pos, pos + del_len) by ins[0, ins_len); the caret ends after ins. The
 * caller has checked the size limit. */
static void apply(sd_editor *e, size_t pos, size_t del_len, const char *ins, size_t ins_len)
{
    memmove(e->text + pos + ins_len, e->text + pos + del_len, e->len - pos - del_len + 1);
    if (ins_len > 0)
        memcpy(e->text + pos, ins, ins_len);
    e->len = e->len - del_len + ins_len;
    e->caret = e->anchor = pos + ins_len;
    e->version++;
}

/* Records a new step (dropping the redo list, and the oldest step when full). */
static void push_step(sd_editor *e, const step *s)
{
    while (e->n_steps > e->done)
        step_free(&e->steps[--e->n_steps]);
    if (e->n_steps == HISTORY_MAX) {
        step_free(&e->steps[0]);
        memmove(&e->steps[0], &e->steps[1], (HISTORY_MAX - 1) * sizeof e->steps[0]);
        e->n_steps--;
    }
    e->steps[e->n_steps++] = *s;
    e->done = e->n_steps;
}

/* Tries to append typed text to the open run of typing; false when it cannot. */
static bool extend_run(sd_editor *e, const char *ins, size_t ins_len)
{
    if (!e->run_open || e->done == 0 || e->done != e->n_steps || e->caret != e->anchor)
        return false;
    step *s = &e->steps[e->done - 1];
    if (e->caret != s->pos + s->ins_len)
        return false;
    if (s->ins_len + ins_len > s->ins_cap) {
        size_t cap = s->ins_cap * 2 > s->ins_len + ins_len ? s->ins_cap * 2 : s->ins_len + ins_len;
        char *p = realloc(s->ins, cap + 1);
        if (p == NULL)
            return false;
        s->ins = p;
        s->ins_cap = cap;
    }
    memcpy(s->ins + s->ins_len, ins, ins_len);
    s->ins_len += ins_len;
    s->ins[s->ins_len] = '\0';
    apply(e, e->caret, 0, ins, ins_len);
    return true;
}

/* Replaces [pos, pos + del_len) by ins as an undoable edit (extending the open run of
 * typing when `typing`). False, with nothing changed, when the result would exceed the
 * size limit or memory for the undo step is lacking. */
static bool edit(sd_editor *e, size_t pos, size_t del_len, const char *ins, size_t ins_len,
                 bool typing)
{
    e->goal_valid = false;
    if (e->len - del_len + ins_len > MAX_TEXT)
        return false;
    if (typing && del_len == 0 && extend_run(e, ins, ins_len))
        return true;
    step s = {0};
    s.pos = pos;
    s.caret_before = e->caret;
    s.anchor_before = e->anchor;
    s.del = dup_bytes(e->text + pos, del_len);
    s.del_len = del_len;
    s.ins = dup_bytes(ins, ins_len);
    s.ins_len = s.ins_cap = ins_len;
    if (s.del == NULL || s.ins == NULL) {
        step_free(&s);
        return false;
    }
    push_step(e, &s);
    apply(e, pos, del_len, ins, ins_len);
    return true;
}

static bool selection_range(const sd_editor *e, size_t *a, size_t *b)
{
    *a = e->caret < e->anchor ? e->caret : e->anchor;
    *b = e->caret < e->anchor ? e->anchor : e->caret;
    return *a != *b;
}

/* Typed text (already normalized): replaces the selection, coalesces with earlier typing. */
static void type_text(sd_editor *e, const char *s, size_t n)
{
    size_t a, b;
    selection_range(e, &a, &b);
    if (!edit(e, a, b - a, s, n, true))
        return;
    hold_word(e);
    bool ends_run = false;
    for (size_t i = 0; i < n && !ends_run; i++)
        ends_run = is_space_byte(s[i]);
    e->run_open = !ends_run;
}

/* A non-typing edit: deletion, cut, paste, set_text. */
static void replace_range(sd_editor *e, size_t a, size_t b, const char *s, size_t n)
{
    e->run_open = false;
    edit(e, a, b - a, s, n, false);
}

static void move_caret(sd_editor *e, size_t pos, bool extend)
{
    e->caret = pos;
    if (!extend)
        e->anchor = pos;
    e->run_open = false;
    hold_check(e);
}

/* ---------------------------------------------------------------- placeholders */

static char closing_bracket(char c)
{
    switch (c) {
    case '[':
        return ']';
    case '{':
        return '}';
    case '<':
        return '>';
    default:
        return '\0';
    }
}

size_t sd_editor_placeholders(const sd_editor *e, size_t *starts, size_t *ends, size_t max)
{
    size_t n = 0;
    const char *t = e->text;
    for (size_t i = 0; i < e->len; i++) {
        char close = closing_bracket(t[i]);
        if (close == '\0')
            continue;
        size_t lim = e->len - i > PLACEHOLDER_MAX ? i + PLACEHOLDER_MAX : e->len;
        size_t j = i + 1;
        while (j < lim && t[j] != '\n' && t[j] != t[i] && t[j] != close)
            j++;
        if (j < lim && t[j] == close && j > i + 1) {
            if (n < max) {
                if (starts != NULL)
                    starts[n] = i;
                if (ends != NULL)
                    ends[n] = j + 1;
            }
            n++;
            i = j;
        }
    }
    return n;
}

static void select_next_placeholder(sd_editor *e)
{
    size_t a, b;
    size_t from = selection_range(e, &a, &b) ? b : e->caret;
    size_t total = sd_editor_placeholders(e, NULL, NULL, 0);
    if (total == 0)
        return;
    size_t *starts = malloc(total * sizeof *starts);
    size_t *ends = malloc(total * sizeof *ends);
    if (starts != NULL && ends != NULL) {
        sd_editor_placeholders(e, starts, ends, total);
        size_t pick = 0;
        for (size_t i = 0; i < total; i++) {
            if (starts[i] >= from) {
                pick = i;
                break;
            }
        }
        move_caret(e, starts[pick], false);
        move_caret(e, ends[pick], true);
    }
    free(starts);
    free(ends);
}

/* ---------------------------------------------------------------- the API */

sd_status sd_editor_create(sd_editor **out, sd_error *err)
{
    if (out == NULL)
        return sd_error_set(err, SD_ERR_USAGE, "sd_editor_create: no output pointer");
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory creating the reply editor");
    return SD_OK;
}

void sd_editor_free(sd_editor *e)
{
    if (e == NULL)
        return;
    for (size_t i = 0; i < e->n_steps; i++)
        step_free(&e->steps[i]);
    sd_buf_free(&e->comp);
    free(e);
}

const char *sd_editor_text(const sd_editor *e) { return e->text; }
size_t sd_editor_len(const sd_editor *e) { return e->len; }
size_t sd_editor_caret(const sd_editor *e) { return e->caret; }

bool sd_editor_selection(const sd_editor *e, size_t *start, size_t *end)
{
    size_t a, b;
    bool any = selection_range(e, &a, &b);
    if (start != NULL)
        *start = a;
    if (end != NULL)
        *end = b;
    return any;
}

void sd_editor_set_text(sd_editor *e, const char *text)
{
    sd_buf b = SD_BUF_INIT;
    e->goal_valid = false;
    if (normalize(&b, text != NULL ? text : "")) {
        if (b.len == e->len && memcmp(b.data, e->text, b.len) == 0)
            move_caret(e, e->len, false);
        else
            replace_range(e, 0, e->len, b.data, b.len);
    }
    sd_buf_free(&b);
}

void sd_editor_clear(sd_editor *e) { sd_editor_set_text(e, ""); }

void sd_editor_insert(sd_editor *e, const char *text)
{
    sd_buf_reset(&e->comp);
    e->comp_cursor = 0;
    if (text == NULL || text[0] == '\0')
        return;
    sd_buf b = SD_BUF_INIT;
    if (normalize(&b, text) && b.len > 0)
        type_text(e, b.data, b.len);
    sd_buf_free(&b);
}

void sd_editor_key(sd_editor *e, sd_edit_key key, unsigned mods)
{
    bool shift = (mods & SD_MOD_SHIFT) != 0;
    bool word = (mods & SD_MOD_WORD) != 0;
    size_t a, b;
    bool sel = selection_range(e, &a, &b);
    if (key != SD_KEY_UP && key != SD_KEY_DOWN)
        e->goal_valid = false;
    switch (key) {
    case SD_KEY_LEFT:
        if (sel && !shift && !word)
            move_caret(e, a, false);
        else
            move_caret(e, word ? word_left(e, e->caret) : prev_cp(e, e->caret), shift);
        break;
    case SD_KEY_RIGHT:
        if (sel && !shift && !word)
            move_caret(e, b, false);
        else
            move_caret(e, word ? word_right(e, e->caret) : next_cp(e, e->caret), shift);
        break;
    case SD_KEY_UP:
        move_caret(e, vertical_target(e, true), shift);
        break;
    case SD_KEY_DOWN:
        move_caret(e, vertical_target(e, false), shift);
        break;
    case SD_KEY_HOME:
        move_caret(e, line_start(e, e->caret), shift);
        break;
    case SD_KEY_END:
        move_caret(e, line_end(e, e->caret), shift);
        break;
    case SD_KEY_DOC_START:
        move_caret(e, 0, shift);
        break;
    case SD_KEY_DOC_END:
        move_caret(e, e->len, shift);
        break;
    case SD_KEY_BACKSPACE:
        if (sel)
            replace_range(e, a, b, "", 0);
        else if (e->caret > 0)
            replace_range(e, word ? word_left(e, e->caret) : prev_cp(e, e->caret), e->caret, "", 0);
        hold_word(e); /* correcting the word at the caret: it is being typed */
        break;
    case SD_KEY_DELETE:
        if (sel)
            replace_range(e, a, b, "", 0);
        else if (e->caret < e->len)
            replace_range(e, e->caret, word ? word_right(e, e->caret) : next_cp(e, e->caret), "", 0);
        hold_word(e);
        break;
    case SD_KEY_ENTER:
        type_text(e, "\n", 1);
        break;
    case SD_KEY_TAB:
        select_next_placeholder(e);
        break;
    }
}

void sd_editor_select_all(sd_editor *e)
{
    e->goal_valid = false;
    move_caret(e, 0, false);
    move_caret(e, e->len, true);
}

void sd_editor_set_caret(sd_editor *e, size_t pos, bool extend)
{
    if (pos > e->len)
        pos = e->len;
    while (pos > 0 && is_cont(e->text[pos]))
        pos--;
    e->goal_valid = false;
    move_caret(e, pos, extend);
}

void sd_editor_undo(sd_editor *e)
{
    e->run_open = false;
    e->goal_valid = false;
    if (e->done == 0)
        return;
    const step *s = &e->steps[--e->done];
    apply(e, s->pos, s->ins_len, s->del, s->del_len);
    e->caret = s->caret_before;
    e->anchor = s->anchor_before;
    e->hold = false;
}

void sd_editor_redo(sd_editor *e)
{
    e->run_open = false;
    e->goal_valid = false;
    if (e->done == e->n_steps)
        return;
    const step *s = &e->steps[e->done++];
    apply(e, s->pos, s->del_len, s->ins, s->ins_len);
    e->hold = false;
}

/* Gives the selection to the clipboard; false when there is none or it could not. */
static bool copy_selection(sd_editor *e, const sd_clipboard *cb)
{
    size_t a, b;
    if (cb == NULL || cb->set == NULL || !selection_range(e, &a, &b))
        return false;
    char *s = dup_bytes(e->text + a, b - a);
    if (s == NULL)
        return false;
    cb->set(cb->ctx, s);
    free(s);
    return true;
}

void sd_editor_copy(sd_editor *e, const sd_clipboard *cb) { copy_selection(e, cb); }

void sd_editor_cut(sd_editor *e, const sd_clipboard *cb)
{
    size_t a, b;
    if (selection_range(e, &a, &b) && copy_selection(e, cb))
        replace_range(e, a, b, "", 0);
}

void sd_editor_paste(sd_editor *e, const sd_clipboard *cb)
{
    if (cb == NULL || cb->get == NULL)
        return;
    char *got = cb->get(cb->ctx);
    if (got == NULL)
        return;
    sd_buf b = SD_BUF_INIT;
    if (normalize(&b, got) && b.len > 0) {
        size_t from, to;
        selection_range(e, &from, &to);
        replace_range(e, from, to, b.data, b.len);
    }
    sd_buf_free(&b);
    free(got);
}

void sd_editor_compose(sd_editor *e, const char *text, int cursor)
{
    sd_buf_reset(&e->comp);
    e->comp_cursor = 0;
    if (text == NULL || text[0] == '\0')
        return;
    if (!normalize(&e->comp, text)) {
        sd_buf_reset(&e->comp);
        return;
    }
    /* The cursor comes in code points (SDL_TEXTEDITING's start); kept as a byte offset. */
    size_t pos = 0;
    for (int i = 0; i < cursor && pos < e->comp.len; i++) {
        pos++;
        while (pos < e->comp.len && is_cont(e->comp.data[pos]))
            pos++;
    }
    e->comp_cursor = pos;
}

const char *sd_editor_composition(const sd_editor *e) { return sd_buf_str(&e->comp); }

size_t sd_editor_composition_cursor(const sd_editor *e) { return e->comp_cursor; }

/* ---------------------------------------------------------------- layout */

typedef struct layout {
    sd_measure_fn measure;
    void *ctx;
    int wrap_px;
    size_t *starts;
    size_t max;
    size_t count;
} layout;

static void add_line(layout *l, size_t pos)
{
    if (l->starts != NULL && l->count < l->max)
        l->starts[l->count] = pos;
    l->count++;
}

static bool fits(const layout *l, const char *t, size_t from, size_t to)
{
    return l->measure(l->ctx, t + from, to - from) <= l->wrap_px;
}

/* Lays out the paragraph text[ps, pe) (no '\n' inside). */
static void layout_paragraph(const sd_editor *e, layout *l, size_t ps, size_t pe)
{
    const char *t = e->text;
    add_line(l, ps);
    if (l->measure == NULL || l->wrap_px <= 0)
        return;
    size_t ls = ps; /* start of the current line */
    size_t i = ps;  /* start of the next word */
    while (i < pe) {
        size_t we = i; /* the word is [i, we), its spaces [we, se) */
        while (we < pe && t[we] != ' ' && t[we] != '\t')
            we++;
        size_t se = we;
        while (se < pe && (t[se] == ' ' || t[se] == '\t'))
            se++;
        if (we == i || fits(l, t, ls, we)) {
            i = se;
        } else if (i > ls) {
            ls = i; /* the word goes to a new line, where it is looked at again */
            add_line(l, ls);
        } else {
            /* A word wider than the line: as many code points as fit, at least one. */
            size_t k = next_cp(e, ls);
            while (k < we && fits(l, t, ls, next_cp(e, k)))
                k = next_cp(e, k);
            if (k >= we) {
                i = se; /* a single code point wider than the line stays on its own */
            } else {
                ls = i = k;
                add_line(l, ls);
            }
        }
    }
}

size_t sd_editor_layout(const sd_editor *e, sd_measure_fn measure, void *ctx, int wrap_px,
                        size_t *line_starts, size_t max_lines)
{
    layout l = {measure, ctx, wrap_px, line_starts, max_lines, 0};
    size_t ps = 0;
    for (;;) {
        size_t pe = line_end(e, ps);
        layout_paragraph(e, &l, ps, pe);
        if (pe >= e->len)
            break;
        ps = pe + 1;
    }
    return l.count;
}

/* ---------------------------------------------------------------- spelling */

void sd_editor_set_speller(sd_editor *e, sd_speller *sp, sd_language lang,
                           const sd_spell_extra *extra)
{
    e->sp = sp;
    e->lang = lang;
    e->extra = extra;
    e->spell_version = 0;
    e->n_miss = 0;
}

size_t sd_editor_misspelt(sd_editor *e, size_t *starts, size_t *ends, size_t max)
{
    if (e->sp == NULL)
        return 0;
    if (e->spell_version != e->version + 1) { /* version + 1: never 0 once checked */
        size_t n = sd_spell_check(e->sp, e->lang, e->text, e->len, e->extra, e->miss,
                                  SD_SPELL_MAX_MISSES, NULL);
        e->n_miss = n < SD_SPELL_MAX_MISSES ? n : SD_SPELL_MAX_MISSES;
        e->spell_version = e->version + 1;
        e->spell_checks++;
    }
    hold_check(e);
    size_t ha = 0, hb = 0;
    bool held = e->hold && word_span(e, e->caret, &ha, &hb);
    size_t k = 0;
    for (size_t i = 0; i < e->n_miss; i++) {
        size_t a = e->miss[i].at, b = a + e->miss[i].len;
        if (held && a <= hb && b >= ha)
            continue; /* the word being typed */
        if (k < max) {
            if (starts)
                starts[k] = a;
            if (ends)
                ends[k] = b;
        }
        k++;
    }
    return k;
}

uint64_t sd_editor_spell_checks(const sd_editor *e) { return e->spell_checks; }
