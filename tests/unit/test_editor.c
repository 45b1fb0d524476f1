/* test_editor.c - cmocka unit tests for the reply editor's text model (window/editor.h):
 * editing around multi-byte code points, word movement, selection, Up/Down, undo/redo
 * coalescing and the bounded history, clipboard through a fake clipboard, IME composition,
 * placeholders and Tab, layout with a code-point measuring function, UTF-8 repair, the
 * 20000-byte limit and a randomized run that checks the invariants after every call.
 *
 * States are written as marked strings: '|' is the caret and '^' the selection anchor
 * ("hej ^på| dig" has "på" selected with the caret after it). Word-movement and layout
 * rows mark every stop or line start with '|'. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "window/editor.h"

#define LIMIT 20000
#define FFFD "\xEF\xBF\xBD"

/* ---------------------------------------------------------------- helpers */

static sd_editor *new_editor(void)
{
    sd_editor *e = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_editor_create(&e, &err), SD_OK);
    assert_non_null(e);
    sd_error_clear(&err);
    return e;
}

typedef struct marked {
    char text[512];
    size_t caret, anchor;
} marked;

/* '|' is the caret, '^' the anchor (when absent, the anchor is the caret). */
static void parse_marked(const char *m, marked *out)
{
    size_t n = 0;
    bool has_anchor = false;
    out->caret = SIZE_MAX;
    for (const char *p = m; *p; p++) {
        if (*p == '|') {
            out->caret = n;
        } else if (*p == '^') {
            out->anchor = n;
            has_anchor = true;
        } else {
            assert_true(n + 1 < sizeof out->text);
            out->text[n++] = *p;
        }
    }
    out->text[n] = '\0';
    if (out->caret == SIZE_MAX)
        fail_msg("marked state without a caret: %s", m);
    if (!has_anchor)
        out->anchor = out->caret;
}

/* Every '|' is a mark; returns their count. */
static size_t parse_marks(const char *m, char *text, size_t cap, size_t *marks, size_t max)
{
    size_t n = 0, k = 0;
    for (const char *p = m; *p; p++) {
        if (*p == '|') {
            assert_true(k < max);
            marks[k++] = n;
        } else {
            assert_true(n + 1 < cap);
            text[n++] = *p;
        }
    }
    text[n] = '\0';
    return k;
}

static void set_state(sd_editor *e, const char *m)
{
    marked s;
    parse_marked(m, &s);
    sd_editor_set_text(e, s.text);
    sd_editor_set_caret(e, s.anchor, false);
    sd_editor_set_caret(e, s.caret, true);
}

/* The invariants that hold after any call. */
static void check_invariants(const sd_editor *e)
{
    const char *t = sd_editor_text(e);
    size_t len = sd_editor_len(e);
    assert_int_equal(strlen(t), len);
    assert_true(len <= LIMIT);
    assert_true(sd_utf8_valid(t, len));
    size_t caret = sd_editor_caret(e), a, b;
    assert_true(caret <= len);
    assert_true(caret == len || (t[caret] & 0xC0) != 0x80);
    if (sd_editor_selection(e, &a, &b)) {
        assert_true(a < b && b <= len);
        assert_true(a == caret || b == caret);
        assert_true((t[a] & 0xC0) != 0x80);
        assert_true(b == len || (t[b] & 0xC0) != 0x80);
    }
    const char *c = sd_editor_composition(e);
    assert_true(sd_utf8_valid(c, strlen(c)));
    assert_true(sd_editor_composition_cursor(e) <= strlen(c));
}

static void check_state(const sd_editor *e, const char *m, const char *label)
{
    marked s;
    parse_marked(m, &s);
    check_invariants(e);
    if (strcmp(sd_editor_text(e), s.text) != 0)
        fail_msg("%s: text is \"%s\", expected \"%s\"", label, sd_editor_text(e), s.text);
    if (sd_editor_caret(e) != s.caret)
        fail_msg("%s: caret at %zu, expected %zu (\"%s\")", label, sd_editor_caret(e), s.caret, m);
    size_t a, b;
    bool any = sd_editor_selection(e, &a, &b);
    bool want = s.anchor != s.caret;
    size_t wa = s.anchor < s.caret ? s.anchor : s.caret;
    size_t wb = s.anchor < s.caret ? s.caret : s.anchor;
    if (any != want || (want && (a != wa || b != wb)))
        fail_msg("%s: selection %s [%zu, %zu), expected %s [%zu, %zu) (\"%s\")", label,
                 any ? "is" : "is none,", any ? a : 0, any ? b : 0, want ? "" : "none", wa, wb, m);
}

/* A sequence of calls, each followed by the state expected (NULL: not checked). */
typedef enum op_kind { OP_KEY, OP_TYPE, OP_UNDO, OP_REDO, OP_SET, OP_ALL, OP_CARET, OP_EXTEND } op_kind;

typedef struct op {
    op_kind kind;
    sd_edit_key key;
    unsigned mods;
    const char *text;
    size_t pos;
    const char *expect;
} op;

#define KEY(k, m, exp) {OP_KEY, SD_KEY_##k, (m), NULL, 0, (exp)}
#define TYPE(s, exp) {OP_TYPE, SD_KEY_LEFT, 0, (s), 0, (exp)}
#define UNDO(exp) {OP_UNDO, SD_KEY_LEFT, 0, NULL, 0, (exp)}
#define REDO(exp) {OP_REDO, SD_KEY_LEFT, 0, NULL, 0, (exp)}
#define SET(s, exp) {OP_SET, SD_KEY_LEFT, 0, (s), 0, (exp)}
#define ALL(exp) {OP_ALL, SD_KEY_LEFT, 0, NULL, 0, (exp)}
#define CARET(p, exp) {OP_CARET, SD_KEY_LEFT, 0, NULL, (p), (exp)}
#define EXTEND(p, exp) {OP_EXTEND, SD_KEY_LEFT, 0, NULL, (p), (exp)}
#define S SD_MOD_SHIFT
#define W SD_MOD_WORD

static void run_op(sd_editor *e, const op *o)
{
    switch (o->kind) {
    case OP_KEY:
        sd_editor_key(e, o->key, o->mods);
        break;
    case OP_TYPE:
        sd_editor_insert(e, o->text);
        break;
    case OP_UNDO:
        sd_editor_undo(e);
        break;
    case OP_REDO:
        sd_editor_redo(e);
        break;
    case OP_SET:
        sd_editor_set_text(e, o->text);
        break;
    case OP_ALL:
        sd_editor_select_all(e);
        break;
    case OP_CARET:
        sd_editor_set_caret(e, o->pos, false);
        break;
    case OP_EXTEND:
        sd_editor_set_caret(e, o->pos, true);
        break;
    }
}

/* Runs ops on a fresh editor (whose first op usually sets the text). */
static void run_ops(const char *name, const op *ops, size_t n)
{
    sd_editor *e = new_editor();
    for (size_t i = 0; i < n; i++) {
        run_op(e, &ops[i]);
        check_invariants(e);
        if (ops[i].expect != NULL) {
            char label[128];
            snprintf(label, sizeof label, "%s, step %zu", name, i + 1);
            check_state(e, ops[i].expect, label);
        }
    }
    sd_editor_free(e);
}

#define RUN_OPS(name, ops) run_ops((name), (ops), sizeof(ops) / sizeof((ops)[0]))

/* Each byte counts code points x *(int *)ctx pixels. No run given to it crosses a line. */
static int measure_cp(void *ctx, const char *s, size_t len)
{
    const int *px = ctx;
    assert_null(memchr(s, '\n', len));
    int n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n * *px;
}

/* A clipboard with real functions: holds one string and counts the calls. */
typedef struct fake_clip {
    char *content; /* NULL: empty */
    int sets, gets;
} fake_clip;

static void clip_set(void *ctx, const char *text)
{
    fake_clip *c = ctx;
    free(c->content);
    c->content = strdup(text);
    assert_non_null(c->content);
    c->sets++;
}

static char *clip_get(void *ctx)
{
    fake_clip *c = ctx;
    c->gets++;
    return c->content != NULL ? strdup(c->content) : NULL;
}

static void clip_put(fake_clip *c, const char *text)
{
    free(c->content);
    c->content = text != NULL ? strdup(text) : NULL;
}

static uint64_t rng_next(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* ---------------------------------------------------------------- creation */

static void test_create(void **state)
{
    (void)state;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_editor_create(NULL, &err), SD_ERR_USAGE);
    assert_true(strlen(sd_error_msg(&err)) > 0);
    sd_error_clear(&err);
    assert_int_equal(sd_editor_create(NULL, NULL), SD_ERR_USAGE);
    sd_editor_free(NULL);

    sd_editor *e = new_editor();
    check_state(e, "|", "new editor");
    assert_int_equal(sd_editor_len(e), 0);
    assert_string_equal(sd_editor_composition(e), "");
    assert_int_equal(sd_editor_placeholders(e, NULL, NULL, 0), 0);
    sd_editor_undo(e);
    sd_editor_redo(e);
    check_state(e, "|", "undo and redo with no history");
    sd_editor_free(e);
}

/* ---------------------------------------------------------------- editing around code points */

typedef struct edit_row {
    const char *name;
    const char *before;
    const char *typed;   /* typed text, or NULL for the key */
    sd_edit_key key;
    unsigned mods;
    const char *after;
} edit_row;

static const edit_row edit_rows[] = {
    {"type ä before å", "b|åt", "ä", 0, 0, "bä|åt"},
    {"type ö at the end", "hej|", "ö", 0, 0, "hejö|"},
    {"type an emoji", "a|b", "😀", 0, 0, "a😀|b"},
    {"type several code points", "|!", "åäö😀", 0, 0, "åäö😀|!"},
    {"backspace ö", "hö|", NULL, SD_KEY_BACKSPACE, 0, "h|"},
    {"backspace å mid-word", "bå|t", NULL, SD_KEY_BACKSPACE, 0, "b|t"},
    {"delete å", "b|åt", NULL, SD_KEY_DELETE, 0, "b|t"},
    {"backspace an emoji", "a😀|b", NULL, SD_KEY_BACKSPACE, 0, "a|b"},
    {"delete an emoji", "a|😀b", NULL, SD_KEY_DELETE, 0, "a|b"},
    {"backspace at the start", "|åäö", NULL, SD_KEY_BACKSPACE, 0, "|åäö"},
    {"delete at the end", "åäö|", NULL, SD_KEY_DELETE, 0, "åäö|"},
    {"left over ä", "xä|", NULL, SD_KEY_LEFT, 0, "x|ä"},
    {"right over ä", "|äx", NULL, SD_KEY_RIGHT, 0, "ä|x"},
    {"left over an emoji", "x😀|", NULL, SD_KEY_LEFT, 0, "x|😀"},
    {"right over an emoji", "|😀x", NULL, SD_KEY_RIGHT, 0, "😀|x"},
    {"left at the start", "|ö", NULL, SD_KEY_LEFT, 0, "|ö"},
    {"right at the end", "ö|", NULL, SD_KEY_RIGHT, 0, "ö|"},
    {"left collapses a selection", "a^bå|d", NULL, SD_KEY_LEFT, 0, "a|båd"},
    {"right collapses a selection", "a|bå^d", NULL, SD_KEY_RIGHT, 0, "abå|d"},
    {"typing replaces the selection", "h^ällo| värld", "e", 0, 0, "he| värld"},
    {"typing replaces a backward selection", "h|ällo^ värld", "ej", 0, 0, "hej| värld"},
    {"backspace deletes the selection", "^åäö| x", NULL, SD_KEY_BACKSPACE, 0, "| x"},
    {"delete deletes the selection", "a|b😀^d", NULL, SD_KEY_DELETE, 0, "a|d"},
    {"word backspace deletes the selection only", "hej ^p|å", NULL, SD_KEY_BACKSPACE, W,
     "hej |å"},
    {"word backspace", "hej på dig|", NULL, SD_KEY_BACKSPACE, W, "hej på |"},
    {"word backspace inside a word", "hej vär|lden", NULL, SD_KEY_BACKSPACE, W, "hej |lden"},
    {"word backspace over punctuation", "hej, då!  |", NULL, SD_KEY_BACKSPACE, W, "hej, |"},
    {"word backspace over åäö", "sök hjälp|", NULL, SD_KEY_BACKSPACE, W, "sök |"},
    {"word backspace at the start", "|hej", NULL, SD_KEY_BACKSPACE, W, "|hej"},
    {"word delete", "hej |på dig", NULL, SD_KEY_DELETE, W, "hej |dig"},
    {"word delete over an emoji", "a |😀 öl!", NULL, SD_KEY_DELETE, W, "a |öl!"},
    {"word delete of the last word", "hej |då", NULL, SD_KEY_DELETE, W, "hej |"},
    {"word delete at the end", "hej|", NULL, SD_KEY_DELETE, W, "hej|"},
    {"enter", "a|b", NULL, SD_KEY_ENTER, 0, "a\n|b"},
    {"enter with shift", "a|b", NULL, SD_KEY_ENTER, S, "a\n|b"},
    {"enter replaces the selection", "a^xy|b", NULL, SD_KEY_ENTER, 0, "a\n|b"},
    {"typed CRLF and CR become LF", "|", "a\r\nb\rc", 0, 0, "a\nb\nc|"},
    {"typed nothing", "a|b", "", 0, 0, "a|b"},
};

static void test_edit_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof edit_rows / sizeof edit_rows[0]; i++) {
        const edit_row *r = &edit_rows[i];
        sd_editor *e = new_editor();
        set_state(e, r->before);
        check_state(e, r->before, r->name);
        if (r->typed != NULL)
            sd_editor_insert(e, r->typed);
        else
            sd_editor_key(e, r->key, r->mods);
        check_state(e, r->after, r->name);
        sd_editor_free(e);
    }
}

static void test_set_caret_snaps(void **state)
{
    (void)state;
    sd_editor *e = new_editor();
    sd_editor_set_text(e, "å😀x"); /* å: 0..2, 😀: 2..6, x: 6..7 */
    static const size_t asked[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 1000};
    static const size_t got[] = {0, 0, 2, 2, 2, 2, 6, 7, 7, 7};
    for (size_t i = 0; i < sizeof asked / sizeof asked[0]; i++) {
        sd_editor_set_caret(e, asked[i], false);
        assert_int_equal(sd_editor_caret(e), got[i]);
        assert_false(sd_editor_selection(e, NULL, NULL));
    }
    sd_editor_set_caret(e, 1, false);
    sd_editor_set_caret(e, 5, true);
    check_state(e, "^å|😀x", "extend inside the emoji");
    sd_editor_set_caret(e, 6, false);
    sd_editor_set_caret(e, 1, true);
    check_state(e, "|å😀^x", "extend back from the anchor");
    sd_editor_free(e);
}

/* ---------------------------------------------------------------- word movement */

/* Every '|' is a stop: Ctrl+Right from the first visits them all in order, Ctrl+Left from
 * the last visits them in reverse. */
static const char *const word_rows[] = {
    "|Hej, |världen! |Ödet |2024|",
    "|Tack 😀 |för |hjälpen|",
    "|a.|b|",
    "|rad |ett\n|rad |två|",
    "|  |hej|",
    "|ok!!|",
    "|Ωmega |Дом |東京|",
    "|a\xCC\x8Ar |x|", /* decomposed å: the combining ring belongs to the word */
    "|“|Hej” – |sa |hon|",
    "|e-|post: |info@|kommun.|se|",
    "|å|",
    "|",
    "|😀👍🏽 |",
    "|pris |100 |kr, |ca |5|",
};

static void test_word_movement(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof word_rows / sizeof word_rows[0]; i++) {
        char text[256];
        size_t marks[32];
        size_t n = parse_marks(word_rows[i], text, sizeof text, marks, 32);
        assert_true(n >= 1);
        sd_editor *e = new_editor();
        sd_editor_set_text(e, text);
        assert_int_equal(marks[0], 0);
        assert_int_equal(marks[n - 1], sd_editor_len(e));

        sd_editor_set_caret(e, 0, false);
        for (size_t k = 1; k <= n; k++) {
            sd_editor_key(e, SD_KEY_RIGHT, W);
            size_t want = marks[k < n ? k : n - 1];
            if (sd_editor_caret(e) != want)
                fail_msg("\"%s\": Ctrl+Right %zu ends at %zu, expected %zu", word_rows[i], k,
                         sd_editor_caret(e), want);
            assert_false(sd_editor_selection(e, NULL, NULL));
        }
        for (size_t k = 1; k <= n; k++) {
            sd_editor_key(e, SD_KEY_LEFT, W);
            size_t want = marks[k < n ? n - 1 - k : 0];
            if (sd_editor_caret(e) != want)
                fail_msg("\"%s\": Ctrl+Left %zu ends at %zu, expected %zu", word_rows[i], k,
                         sd_editor_caret(e), want);
        }
        /* With Shift the same stops extend a selection from the start. */
        if (n >= 2) {
            sd_editor_key(e, SD_KEY_RIGHT, W | S);
            size_t a, b;
            assert_true(sd_editor_selection(e, &a, &b));
            assert_int_equal(a, 0);
            assert_int_equal(b, marks[1]);
        }
        sd_editor_free(e);
    }
}

/* ---------------------------------------------------------------- selection with Shift */

static const op shift_ops[] = {
    SET("Hej på dig\nrad två", "Hej på dig\nrad två|"),
    CARET(4, "Hej |på dig\nrad två"),
    KEY(RIGHT, S, "Hej ^p|å dig\nrad två"),
    KEY(RIGHT, S, "Hej ^på| dig\nrad två"),
    KEY(RIGHT, S | W, "Hej ^på |dig\nrad två"),
    KEY(LEFT, S, "Hej ^på| dig\nrad två"),
    KEY(LEFT, S | W, "Hej |^på dig\nrad två"),
    KEY(LEFT, S | W, "|Hej ^på dig\nrad två"),
    KEY(RIGHT, S, "H|ej ^på dig\nrad två"),
    KEY(HOME, S, "|Hej ^på dig\nrad två"),
    KEY(END, S, "Hej ^på dig|\nrad två"),
    KEY(DOWN, S, "Hej ^på dig\nrad två|"),
    KEY(UP, S, "Hej ^på dig|\nrad två"),
    KEY(DOC_END, S, "Hej ^på dig\nrad två|"),
    KEY(DOC_START, S, "|Hej ^på dig\nrad två"),
    KEY(LEFT, 0, "|Hej på dig\nrad två"),
    KEY(RIGHT, S | W, "^Hej |på dig\nrad två"),
    KEY(RIGHT, 0, "Hej |på dig\nrad två"),
    KEY(END, S, "Hej ^på dig|\nrad två"),
    KEY(DOWN, 0, "Hej på dig\nrad två|"),
    EXTEND(8, "Hej på |dig\nrad två^"),
    TYPE("x", "Hej på x|"),
    ALL("^Hej på x|"),
    TYPE("Nytt", "Nytt|"),
    ALL("^Nytt|"),
    KEY(LEFT, S, "^Nyt|t"),
    KEY(HOME, 0, "|Nytt"),
    SET("", "|"),
    ALL("|"), /* nothing to select */
};

static void test_shift_selection(void **state)
{
    (void)state;
    RUN_OPS("shift", shift_ops);
}

/* ---------------------------------------------------------------- lines */

static const op line_ops[] = {
    SET("första rad\nkö\n\nsista raden här", NULL),
    CARET(5, "förs|ta rad\nkö\n\nsista raden här"), /* column 4 */
    KEY(DOWN, 0, "första rad\nkö|\n\nsista raden här"),
    KEY(DOWN, 0, "första rad\nkö\n|\nsista raden här"),
    KEY(DOWN, 0, "första rad\nkö\n\nsist|a raden här"), /* the column was kept */
    KEY(DOWN, 0, "första rad\nkö\n\nsista raden här|"), /* last line: to the end */
    KEY(UP, 0, "första rad\nkö\n|\nsista raden här"),
    KEY(UP, 0, "första rad\nkö|\n\nsista raden här"),
    KEY(UP, 0, "förs|ta rad\nkö\n\nsista raden här"),
    KEY(UP, 0, "|första rad\nkö\n\nsista raden här"), /* first line: to the start */
    KEY(RIGHT, 0, "f|örsta rad\nkö\n\nsista raden här"),
    KEY(DOWN, 0, "första rad\nk|ö\n\nsista raden här"), /* a new column after Right */
    KEY(END, 0, "första rad\nkö|\n\nsista raden här"),
    KEY(HOME, 0, "första rad\n|kö\n\nsista raden här"),
    KEY(END, W, "första rad\nkö|\n\nsista raden här"),
    KEY(DOC_END, 0, "första rad\nkö\n\nsista raden här|"),
    KEY(HOME, 0, "första rad\nkö\n\n|sista raden här"),
    KEY(DOC_START, 0, "|första rad\nkö\n\nsista raden här"),
    SET("😀😀😀\nabcd\nåäöå", NULL),
    CARET(8, "😀😀|😀\nabcd\nåäöå"), /* column 2 in code points */
    KEY(DOWN, 0, "😀😀😀\nab|cd\nåäöå"),
    KEY(DOWN, 0, "😀😀😀\nabcd\nåä|öå"),
    KEY(UP, 0, "😀😀😀\nab|cd\nåäöå"),
    KEY(UP, 0, "😀😀|😀\nabcd\nåäöå"),
    CARET(15, "😀😀😀\nab|cd\nåäöå"),
    TYPE("x", "😀😀😀\nabx|cd\nåäöå"),
    KEY(UP, 0, "😀😀😀|\nabxcd\nåäöå"), /* column 3 after typing */
};

static void test_up_down_home_end(void **state)
{
    (void)state;
    RUN_OPS("lines", line_ops);
}

/* ---------------------------------------------------------------- undo and redo */

static const op undo_space_ops[] = {
    TYPE("h", NULL), TYPE("e", NULL), TYPE("j", NULL), TYPE(" ", NULL), TYPE("d", NULL),
    TYPE("å", "hej då|"),
    UNDO("hej |"), /* the run after the space */
    UNDO("|"),     /* "hej " at once */
    UNDO("|"),
    REDO("hej |"),
    REDO("hej då|"),
    REDO("hej då|"),
};

static const op undo_jump_ops[] = {
    TYPE("a", NULL), TYPE("b", "ab|"),
    KEY(LEFT, 0, "a|b"), /* a caret jump ends the run */
    TYPE("c", NULL), TYPE("ö", "acö|b"),
    CARET(1, "a|cöb"),
    CARET(4, "acö|b"),
    TYPE("x", "acöx|b"),
    UNDO("acö|b"), /* a click ended the run, even one back to the same place */
    UNDO("a|b"),
    UNDO("|"),
    REDO("ab|"),
    REDO("acö|b"),
    REDO("acöx|b"),
};

static const op undo_enter_ops[] = {
    TYPE("a", NULL), TYPE("b", NULL), KEY(ENTER, 0, "ab\n|"),
    TYPE("c", NULL), TYPE("d", "ab\ncd|"),
    UNDO("ab\n|"),
    UNDO("|"),
    REDO("ab\n|"),
};

static const op undo_redo_cleared_ops[] = {
    TYPE("a", NULL), TYPE("b", "ab|"),
    UNDO("|"),
    TYPE("x", "x|"), /* a new edit drops "ab" from the redo list */
    REDO("x|"),
    UNDO("|"),
    REDO("x|"),
    KEY(BACKSPACE, 0, "|"),
    UNDO("x|"),
    KEY(DELETE, 0, "x|"), /* nothing to delete: not an edit, the redo list stays */
    REDO("|"),
};

static const op undo_delete_ops[] = {
    TYPE("a", NULL), TYPE("b", NULL), TYPE("c", "abc|"),
    KEY(BACKSPACE, 0, "ab|"),
    KEY(BACKSPACE, 0, "a|"), /* each deletion is its own step */
    UNDO("ab|"),
    UNDO("abc|"),
    UNDO("|"),
    SET("hej på dig", "hej på dig|"),
    KEY(BACKSPACE, W, "hej på |"),
    UNDO("hej på dig|"),
    CARET(4, NULL),
    KEY(DELETE, W, "hej |dig"),
    UNDO("hej |på dig"),
};

static const op undo_selection_ops[] = {
    SET("hej då", NULL), CARET(4, NULL), EXTEND(7, "hej ^då|"),
    TYPE("d", "hej d|"), TYPE("u", "hej du|"), /* typing over a selection then on: one step */
    UNDO("hej ^då|"), /* and undo selects what was replaced */
    REDO("hej du|"),
    ALL("^hej du|"),
    KEY(BACKSPACE, 0, "|"),
    UNDO("^hej du|"),
};

static const op undo_multi_ops[] = {
    TYPE("a", NULL), TYPE("b c", "ab c|"), /* text with a space (an IME commit) ends the run */
    TYPE("d", "ab cd|"),
    UNDO("ab c|"),
    UNDO("|"),
    TYPE("x", NULL), TYPE("\n", "x\n|"), TYPE("y", "x\ny|"),
    UNDO("x\n|"),
    UNDO("|"),
};

static const op undo_set_ops[] = {
    SET("a", "a|"),
    SET("b", "b|"),
    SET("b", "b|"), /* the same text: no step */
    UNDO("a|"),
    UNDO("|"),
    REDO("a|"),
    TYPE("x", "ax|"),
    UNDO("a|"),
};

static void test_undo_coalescing(void **state)
{
    (void)state;
    RUN_OPS("space ends the run", undo_space_ops);
    RUN_OPS("caret jump ends the run", undo_jump_ops);
    RUN_OPS("enter ends the run", undo_enter_ops);
    RUN_OPS("new edit clears redo", undo_redo_cleared_ops);
    RUN_OPS("deletions", undo_delete_ops);
    RUN_OPS("selection", undo_selection_ops);
    RUN_OPS("multi-character input", undo_multi_ops);
    RUN_OPS("set_text", undo_set_ops);

    sd_editor *e = new_editor();
    sd_editor_set_text(e, "svar");
    sd_editor_clear(e);
    check_state(e, "|", "clear");
    sd_editor_undo(e);
    check_state(e, "svar|", "clear undone");
    sd_editor_free(e);
}

static void test_history_bound(void **state)
{
    (void)state;
    sd_editor *e = new_editor();
    char want[1024];
    for (int i = 0; i < 250; i++) {
        sd_editor_insert(e, "a");
        sd_editor_insert(e, "b");
        sd_editor_insert(e, " "); /* one step per word */
    }
    assert_int_equal(sd_editor_len(e), 750);
    for (int i = 0; i < 300; i++)
        sd_editor_undo(e);
    /* The 200 newest steps were kept: undoing stops at 50 words, never below. */
    size_t n = 0;
    for (int i = 0; i < 50; i++)
        n += (size_t)snprintf(want + n, sizeof want - n, "ab ");
    assert_string_equal(sd_editor_text(e), want);
    for (int i = 0; i < 300; i++)
        sd_editor_redo(e);
    assert_int_equal(sd_editor_len(e), 750);
    check_invariants(e);
    sd_editor_free(e);

    /* Whole-text steps of the largest size: the current text is always what was set, and
     * undo reaches back exactly as far as the bound. */
    e = new_editor();
    char *big = malloc(LIMIT + 1);
    assert_non_null(big);
    for (int k = 0; k < 210; k++) {
        memset(big, 'a' + k % 26, LIMIT);
        big[LIMIT] = '\0';
        sd_editor_set_text(e, big);
        assert_int_equal(sd_editor_len(e), LIMIT);
        assert_int_equal(sd_editor_text(e)[LIMIT - 1], 'a' + k % 26);
    }
    for (int i = 0; i < 250; i++)
        sd_editor_undo(e);
    assert_int_equal(sd_editor_len(e), LIMIT);
    assert_int_equal(sd_editor_text(e)[0], 'a' + 9 % 26); /* the text before step 10 */
    for (int i = 0; i < 250; i++)
        sd_editor_redo(e);
    assert_int_equal(sd_editor_text(e)[0], 'a' + 209 % 26);
    check_invariants(e);
    free(big);
    sd_editor_free(e);
}

/* ---------------------------------------------------------------- clipboard */

static void test_clipboard(void **state)
{
    (void)state;
    fake_clip clip = {NULL, 0, 0};
    sd_clipboard cb = {&clip, clip_set, clip_get};
    sd_editor *e = new_editor();
    set_state(e, "Hej på dig|");

    sd_editor_copy(e, &cb); /* no selection: nothing copied */
    assert_int_equal(clip.sets, 0);
    assert_null(clip.content);
    sd_editor_cut(e, &cb);
    assert_int_equal(clip.sets, 0);
    check_state(e, "Hej på dig|", "cut without a selection");

    sd_editor_set_caret(e, 4, false);
    sd_editor_set_caret(e, 7, true);
    sd_editor_copy(e, &cb);
    assert_int_equal(clip.sets, 1);
    assert_string_equal(clip.content, "på");
    check_state(e, "Hej ^på| dig", "copy keeps text and selection");

    sd_editor_set_caret(e, 0, false);
    sd_editor_set_caret(e, 4, true);
    sd_editor_cut(e, &cb);
    assert_string_equal(clip.content, "Hej ");
    check_state(e, "|på dig", "cut");
    sd_editor_undo(e);
    check_state(e, "^Hej |på dig", "cut undone");

    clip_put(&clip, "a\r\nb\xff\rc");
    sd_editor_paste(e, &cb); /* replaces the selection, repaired, line ends made "\n" */
    check_state(e, "a\nb" FFFD "\nc|på dig", "paste");
    sd_editor_undo(e);
    check_state(e, "^Hej |på dig", "paste undone");
    sd_editor_redo(e);
    check_state(e, "a\nb" FFFD "\nc|på dig", "paste redone");

    int gets = clip.gets;
    clip_put(&clip, NULL);
    sd_editor_paste(e, &cb);
    assert_int_equal(clip.gets, gets + 1);
    check_state(e, "a\nb" FFFD "\nc|på dig", "paste of an empty clipboard");
    clip_put(&clip, "");
    sd_editor_paste(e, &cb);
    check_state(e, "a\nb" FFFD "\nc|på dig", "paste of an empty string");

    /* A paste is a step of its own, between runs of typing. */
    sd_editor_set_text(e, "");
    sd_editor_insert(e, "x");
    clip_put(&clip, "yz");
    sd_editor_paste(e, &cb);
    sd_editor_insert(e, "w");
    check_state(e, "xyzw|", "typed, pasted, typed");
    sd_editor_undo(e);
    check_state(e, "xyz|", "undo typing after paste");
    sd_editor_undo(e);
    check_state(e, "x|", "undo paste");
    sd_editor_undo(e);
    check_state(e, "|", "undo typing before paste");

    /* Cut-and-paste moves text, emoji and all. */
    set_state(e, "ett ^😀två| tre");
    sd_editor_cut(e, &cb);
    assert_string_equal(clip.content, "😀två");
    sd_editor_key(e, SD_KEY_DOC_END, 0);
    sd_editor_paste(e, &cb);
    check_state(e, "ett  tre😀två|", "cut and paste");

    /* No clipboard, or half a clipboard: nothing happens and nothing is lost. */
    sd_editor_select_all(e);
    sd_editor_copy(e, NULL);
    sd_editor_cut(e, NULL);
    sd_editor_paste(e, NULL);
    sd_clipboard no_set = {&clip, NULL, clip_get};
    sd_editor_cut(e, &no_set);
    check_state(e, "^ett  tre😀två|", "cut without a set function");
    sd_clipboard no_get = {&clip, clip_set, NULL};
    sd_editor_paste(e, &no_get);
    check_state(e, "^ett  tre😀två|", "paste without a get function");

    free(clip.content);
    sd_editor_free(e);
}

/* ---------------------------------------------------------------- IME composition */

static void test_ime_composition(void **state)
{
    (void)state;
    sd_editor *e = new_editor();
    set_state(e, "a|b");
    assert_string_equal(sd_editor_composition(e), "");

    sd_editor_compose(e, "ni", 2);
    assert_string_equal(sd_editor_composition(e), "ni");
    assert_int_equal(sd_editor_composition_cursor(e), 2);
    check_state(e, "a|b", "composition is not in the text");

    sd_editor_compose(e, "日本", 1);
    assert_string_equal(sd_editor_composition(e), "日本");
    assert_int_equal(sd_editor_composition_cursor(e), 3); /* code points to bytes */
    sd_editor_compose(e, "日本", 99);
    assert_int_equal(sd_editor_composition_cursor(e), 6);
    sd_editor_compose(e, "日本", -3);
    assert_int_equal(sd_editor_composition_cursor(e), 0);
    sd_editor_key(e, SD_KEY_RIGHT, 0); /* the window may still move the caret */
    assert_string_equal(sd_editor_composition(e), "日本");

    sd_editor_key(e, SD_KEY_LEFT, 0);
    sd_editor_insert(e, "日本"); /* committed */
    assert_string_equal(sd_editor_composition(e), "");
    assert_int_equal(sd_editor_composition_cursor(e), 0);
    check_state(e, "a日本|b", "commit");

    sd_editor_compose(e, "x", 1);
    sd_editor_compose(e, "", 0); /* cancelled */
    assert_string_equal(sd_editor_composition(e), "");
    check_state(e, "a日本|b", "cancel");

    sd_editor_compose(e, "y", 1);
    sd_editor_compose(e, NULL, 0);
    assert_string_equal(sd_editor_composition(e), "");

    sd_editor_compose(e, "z", 1);
    sd_editor_insert(e, ""); /* an insert ends the composition even when empty */
    assert_string_equal(sd_editor_composition(e), "");
    check_state(e, "a日本|b", "empty commit");

    sd_editor_compose(e, "\xff\xfe", 1); /* repaired */
    assert_string_equal(sd_editor_composition(e), FFFD FFFD);
    assert_int_equal(sd_editor_composition_cursor(e), 3);
    check_invariants(e);

    /* Composing is no edit: undo undoes the commit and leaves the composition alone. */
    sd_editor_undo(e);
    check_state(e, "a|b", "undo of the commit");
    assert_string_equal(sd_editor_composition(e), FFFD FFFD);

    /* A commit replaces the selection. */
    set_state(e, "^ab|c");
    sd_editor_compose(e, "か", 1);
    check_state(e, "^ab|c", "selection while composing");
    sd_editor_insert(e, "か");
    check_state(e, "か|c", "commit over a selection");
    sd_editor_free(e);
}

/* ---------------------------------------------------------------- placeholders and Tab */

typedef struct placeholder_row {
    const char *text;
    const char *spans[4]; /* in order; NULL ends */
} placeholder_row;

static const placeholder_row placeholder_rows[] = {
    {"Hej [namn]! Vi ringer {tid} från <ort>.", {"[namn]", "{tid}", "<ort>", NULL}},
    {"Hej [Åsa Öberg]", {"[Åsa Öberg]", NULL}},
    {"[😀]", {"[😀]", NULL}},
    {"tomma [] och {} och <>", {NULL}},
    {"[rad\nbryts]", {NULL}},
    {"[a [b]", {"[b]", NULL}},
    {"{ett [två] tre}", {"{ett [två] tre}", NULL}},
    {"[x]]", {"[x]", NULL}},
    {"<<x>", {"<x>", NULL}},
    {"[x} [y]", {"[y]", NULL}},
    {"] [x", {NULL}},
    {"inga alls", {NULL}},
    {"", {NULL}},
    {"[a][b]", {"[a]", "[b]", NULL}},
};

static void test_placeholders(void **state)
{
    (void)state;
    sd_editor *e = new_editor();
    for (size_t i = 0; i < sizeof placeholder_rows / sizeof placeholder_rows[0]; i++) {
        const placeholder_row *r = &placeholder_rows[i];
        sd_editor_set_text(e, r->text);
        size_t starts[8], ends[8];
        size_t n = sd_editor_placeholders(e, starts, ends, 8);
        size_t want = 0, from = 0;
        while (want < 4 && r->spans[want] != NULL) {
            const char *at = strstr(r->text + from, r->spans[want]);
            assert_non_null(at);
            size_t s = (size_t)(at - r->text);
            if (want >= n || starts[want] != s || ends[want] != s + strlen(r->spans[want]))
                fail_msg("\"%s\": placeholder %zu is not \"%s\"", r->text, want, r->spans[want]);
            from = s + strlen(r->spans[want]);
            want++;
        }
        if (n != want)
            fail_msg("\"%s\": %zu placeholders, expected %zu", r->text, n, want);
    }

    /* At most 40 bytes with the brackets. */
    char text[64];
    memset(text, 'x', sizeof text);
    text[0] = '[';
    text[39] = ']';
    text[40] = '\0';
    sd_editor_set_text(e, text);
    assert_int_equal(sd_editor_placeholders(e, NULL, NULL, 0), 1);
    text[39] = 'x';
    text[40] = ']';
    text[41] = '\0';
    sd_editor_set_text(e, text);
    assert_int_equal(sd_editor_placeholders(e, NULL, NULL, 0), 0);

    /* Writes at most max, returns all. */
    sd_editor_set_text(e, "[a] {b} <c>");
    size_t starts[3] = {99, 99, 99}, ends[3] = {99, 99, 99};
    assert_int_equal(sd_editor_placeholders(e, starts, ends, 1), 3);
    assert_int_equal(starts[0], 0);
    assert_int_equal(ends[0], 3);
    assert_int_equal(starts[1], 99);
    assert_int_equal(ends[1], 99);
    sd_editor_free(e);
}

static const op tab_ops[] = {
    SET("Hej [namn]!\nVi ringer {tid} om <ärende>.", NULL),
    KEY(TAB, 0, "Hej ^[namn]|!\nVi ringer {tid} om <ärende>."), /* wraps from the end */
    KEY(TAB, 0, "Hej [namn]!\nVi ringer ^{tid}| om <ärende>."),
    KEY(TAB, 0, "Hej [namn]!\nVi ringer {tid} om ^<ärende>|."),
    KEY(TAB, 0, "Hej ^[namn]|!\nVi ringer {tid} om <ärende>."),
    TYPE("Å", NULL), TYPE("s", NULL), TYPE("a", "Hej Åsa|!\nVi ringer {tid} om <ärende>."),
    KEY(TAB, 0, "Hej Åsa!\nVi ringer ^{tid}| om <ärende>."),
    TYPE("1", NULL), TYPE("4", "Hej Åsa!\nVi ringer 14| om <ärende>."),
    UNDO("Hej Åsa!\nVi ringer ^{tid}| om <ärende>."), /* Tab ended the run */
    UNDO("Hej ^[namn]|!\nVi ringer {tid} om <ärende>."),
    CARET(4, "Hej |[namn]!\nVi ringer {tid} om <ärende>."),
    KEY(TAB, 0, "Hej ^[namn]|!\nVi ringer {tid} om <ärende>."), /* starting at the caret */
    CARET(6, "Hej [n|amn]!\nVi ringer {tid} om <ärende>."),
    KEY(TAB, 0, "Hej [namn]!\nVi ringer ^{tid}| om <ärende>."), /* inside one: the next */
    KEY(TAB, S, "Hej [namn]!\nVi ringer {tid} om ^<ärende>|."),
    SET("Bara [ett] fält", NULL),
    KEY(TAB, 0, "Bara ^[ett]| fält"),
    KEY(TAB, 0, "Bara ^[ett]| fält"), /* the only one stays selected */
    SET("Inga fält här", "Inga fält här|"),
    KEY(TAB, 0, "Inga fält här|"), /* nothing happens */
    CARET(4, "Inga| fält här"),
    KEY(TAB, 0, "Inga| fält här"),
};

static void test_tab(void **state)
{
    (void)state;
    RUN_OPS("tab", tab_ops);
}

/* ---------------------------------------------------------------- layout */

typedef struct layout_row {
    const char *marked; /* '|' at every line start */
    int wrap_px;
} layout_row;

static const layout_row layout_rows[] = {
    {"|Hej på |dig, hur |mår du?", 80},
    {"|abcd|efgh|ij", 32},
    {"|åäöå|äö", 32},
    {"|😀😀|😀", 16},
    {"|a\n|\n|b", 80},
    {"|ab\n|", 80},
    {"|", 80},
    {"|hello |world", 40},
    {"|abcde |fgh", 40},
    {"|hello     |world", 40},
    {"|hello world", 0},
    {"|hello world", -5},
    {"|a|b", 4},
    {"|a |b", 4},
    {"|kort\n|en längre |rad här", 80},
    {"|ab |cdefgh|ij", 48},
    {"|   |abcd|efgh", 32},
    {"|Vänliga |hälsningar,\n|Kommunen", 96},
    {"|abc |abc-def", 64}, /* a hyphen is no break */
    {"|a-b-c-d-|e-f", 64},
};

static void test_layout(void **state)
{
    (void)state;
    int px = 8;
    sd_editor *e = new_editor();
    for (size_t i = 0; i < sizeof layout_rows / sizeof layout_rows[0]; i++) {
        const layout_row *r = &layout_rows[i];
        char text[256];
        size_t want[32], got[32];
        size_t n = parse_marks(r->marked, text, sizeof text, want, 32);
        sd_editor_set_text(e, text);
        size_t count = sd_editor_layout(e, measure_cp, &px, r->wrap_px, got, 32);
        if (count != n)
            fail_msg("\"%s\" at %d px: %zu lines, expected %zu", r->marked, r->wrap_px, count, n);
        for (size_t k = 0; k < n; k++)
            if (got[k] != want[k])
                fail_msg("\"%s\" at %d px: line %zu starts at %zu, expected %zu", r->marked,
                         r->wrap_px, k, got[k], want[k]);
    }

    /* At most max_lines are written; the count is the full one. */
    sd_editor_set_text(e, "abcdefghij");
    size_t starts[4] = {77, 77, 77, 77};
    assert_int_equal(sd_editor_layout(e, measure_cp, &px, 32, starts, 2), 3);
    assert_int_equal(starts[0], 0);
    assert_int_equal(starts[1], 4);
    assert_int_equal(starts[2], 77);
    assert_int_equal(sd_editor_layout(e, measure_cp, &px, 32, NULL, 0), 3);
    /* No measuring function: only '\n' breaks. */
    sd_editor_set_text(e, "abcdefghij\nk");
    assert_int_equal(sd_editor_layout(e, NULL, NULL, 32, starts, 4), 2);
    assert_int_equal(starts[1], 11);

    /* A long text of one word wraps by code points, every line on a boundary. */
    char *big = malloc(LIMIT + 1);
    assert_non_null(big);
    for (size_t k = 0; k + 2 <= LIMIT; k += 2)
        memcpy(big + k, "ö", 2);
    big[LIMIT] = '\0';
    sd_editor_set_text(e, big);
    size_t lines = sd_editor_layout(e, measure_cp, &px, 800, NULL, 0);
    assert_int_equal(lines, LIMIT / 2 / 100);
    size_t *all = malloc(lines * sizeof *all);
    assert_non_null(all);
    sd_editor_layout(e, measure_cp, &px, 800, all, lines);
    for (size_t k = 0; k < lines; k++)
        assert_int_equal(all[k], k * 200);
    free(all);
    free(big);
    sd_editor_free(e);
}

/* ---------------------------------------------------------------- invalid UTF-8 */

typedef struct repair_row {
    const char *name;
    const char *in;
    const char *out;
} repair_row;

static const repair_row repair_rows[] = {
    {"stray byte", "a\xff" "b", "a" FFFD "b"},
    {"truncated å", "\xC3", FFFD},
    {"valid å", "\xC3\xA5", "å"},
    {"overlong slash", "\xC0\xAF", FFFD FFFD},
    {"surrogate", "\xED\xA0\x80", FFFD FFFD FFFD},
    {"truncated emoji", "x\xF0\x9F\x98", "x" FFFD},
    {"above U+10FFFF", "\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD},
    {"lone continuation", "\x80" "å", FFFD "å"},
    {"line ends", "x\r\ny\rz\n", "x\ny\nz\n"},
    {"CR CR LF", "x\r\r\ny", "x\n\ny"},
};

static void test_invalid_utf8(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof repair_rows / sizeof repair_rows[0]; i++) {
        const repair_row *r = &repair_rows[i];
        sd_editor *e = new_editor();
        sd_editor_insert(e, r->in);
        check_invariants(e);
        if (strcmp(sd_editor_text(e), r->out) != 0)
            fail_msg("%s: insert gave \"%s\"", r->name, sd_editor_text(e));
        assert_int_equal(sd_editor_caret(e), strlen(r->out));
        sd_editor_clear(e);
        sd_editor_set_text(e, r->in);
        check_invariants(e);
        if (strcmp(sd_editor_text(e), r->out) != 0)
            fail_msg("%s: set_text gave \"%s\"", r->name, sd_editor_text(e));
        /* The caret steps over a replacement character whole. */
        while (sd_editor_caret(e) > 0) {
            sd_editor_key(e, SD_KEY_LEFT, 0);
            check_invariants(e);
        }
        sd_editor_free(e);
    }
}

/* ---------------------------------------------------------------- the size limit */

static void test_size_limit(void **state)
{
    (void)state;
    fake_clip clip = {NULL, 0, 0};
    sd_clipboard cb = {&clip, clip_set, clip_get};
    char *big = malloc(LIMIT + 2);
    assert_non_null(big);
    memset(big, 'a', LIMIT);
    big[LIMIT] = '\0';

    sd_editor *e = new_editor();
    sd_editor_set_text(e, big);
    assert_int_equal(sd_editor_len(e), LIMIT);
    assert_string_equal(sd_editor_text(e), big);

    sd_editor_insert(e, "b"); /* full: refused, nothing cut */
    sd_editor_key(e, SD_KEY_ENTER, 0);
    clip_put(&clip, "b");
    sd_editor_paste(e, &cb);
    assert_string_equal(sd_editor_text(e), big);
    assert_int_equal(sd_editor_caret(e), LIMIT);

    /* Replacing a selection needs only the room that is left after it. */
    sd_editor_set_caret(e, LIMIT - 1, false);
    sd_editor_set_caret(e, LIMIT, true);
    sd_editor_insert(e, "å"); /* 20001 bytes: refused as a whole, not half a code point */
    assert_int_equal(sd_editor_len(e), LIMIT);
    assert_true(sd_editor_selection(e, NULL, NULL));
    sd_editor_insert(e, "b");
    assert_int_equal(sd_editor_len(e), LIMIT);
    assert_int_equal(sd_editor_text(e)[LIMIT - 1], 'b');
    check_invariants(e);

    /* set_text beyond the limit keeps the text there is. */
    memset(big, 'c', LIMIT + 1);
    big[LIMIT + 1] = '\0';
    sd_editor_set_text(e, big);
    assert_int_equal(sd_editor_len(e), LIMIT);
    assert_int_equal(sd_editor_text(e)[0], 'a');
    /* The limit counts the repaired text: 19999 bytes and a bad one become 20002. */
    memset(big, 'd', LIMIT - 1);
    big[LIMIT - 1] = '\xff';
    big[LIMIT] = '\0';
    sd_editor_set_text(e, big);
    assert_int_equal(sd_editor_text(e)[0], 'a');
    clip_put(&clip, big);
    sd_editor_select_all(e);
    sd_editor_paste(e, &cb);
    assert_int_equal(sd_editor_text(e)[0], 'a');
    check_invariants(e);

    /* Typing up to the limit, then undo of the run. */
    memset(big, 'e', LIMIT - 2);
    big[LIMIT - 2] = '\0';
    sd_editor_set_text(e, big);
    sd_editor_insert(e, "f");
    sd_editor_insert(e, "g");
    sd_editor_insert(e, "h");
    assert_int_equal(sd_editor_len(e), LIMIT);
    assert_int_equal(sd_editor_text(e)[LIMIT - 1], 'g');
    sd_editor_undo(e);
    assert_int_equal(sd_editor_len(e), LIMIT - 2);
    sd_editor_redo(e);
    assert_int_equal(sd_editor_len(e), LIMIT);
    sd_editor_undo(e);
    sd_editor_undo(e); /* the refused edits left no steps: back to the 'b' */
    assert_int_equal(sd_editor_len(e), LIMIT);
    assert_int_equal(sd_editor_text(e)[LIMIT - 1], 'b');
    check_invariants(e);

    free(clip.content);
    free(big);
    sd_editor_free(e);
}

/* ---------------------------------------------------------------- randomized */

static void test_random_invariants(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a", "å", "😀", " ", "\n", "hej", "\xff", "[x]",
                                         "ö ä", "\r\n", "Ω", "{tid}", "..."};
    static const char *const comps[] = {"", "ni", "日本", "\xC3"};
    fake_clip clip = {NULL, 0, 0};
    sd_clipboard cb = {&clip, clip_set, clip_get};
    int px = 8;
    uint64_t rng = 0x9E3779B97F4A7C15ULL;
    sd_editor *e = new_editor();
    for (int i = 0; i < 20000; i++) {
        uint64_t r = rng_next(&rng);
        switch (r % 12) {
        case 0:
        case 1:
        case 2:
            sd_editor_insert(e, pieces[(r >> 8) % (sizeof pieces / sizeof pieces[0])]);
            break;
        case 3:
        case 4:
        case 5:
            sd_editor_key(e, (sd_edit_key)((r >> 8) % (SD_KEY_DOC_END + 1)), (unsigned)(r >> 16) % 4);
            break;
        case 6:
            sd_editor_undo(e);
            break;
        case 7:
            sd_editor_redo(e);
            break;
        case 8:
            sd_editor_set_caret(e, (size_t)(r >> 8) % (sd_editor_len(e) + 3), (r >> 40) & 1);
            break;
        case 9:
            sd_editor_compose(e, comps[(r >> 8) % 4], (int)((r >> 16) % 5) - 1);
            break;
        case 10:
            switch ((r >> 8) % 8) {
            case 0:
            case 1:
                sd_editor_copy(e, &cb);
                break;
            case 2:
                sd_editor_cut(e, &cb);
                break;
            case 3:
                sd_editor_select_all(e);
                break;
            default:
                sd_editor_paste(e, &cb);
                break;
            }
            break;
        default:
            if ((r >> 8) % 50 == 0)
                sd_editor_set_text(e, (r >> 16) & 1 ? "Hej [namn]!\nMvh" : "");
            break;
        }
        check_invariants(e);
        if (i % 97 == 0) {
            size_t starts[256];
            size_t n = sd_editor_layout(e, measure_cp, &px, 120, starts, 256);
            const char *t = sd_editor_text(e);
            assert_true(n >= 1);
            assert_int_equal(starts[0], 0);
            for (size_t k = 1; k < n && k < 256; k++) {
                assert_true(starts[k] > starts[k - 1]);
                assert_true(starts[k] <= sd_editor_len(e));
                assert_true(starts[k] == sd_editor_len(e) || (t[starts[k]] & 0xC0) != 0x80);
            }
        }
    }
    /* Undo everything kept, then redo it: back to the same text. */
    char *now = strdup(sd_editor_text(e));
    assert_non_null(now);
    for (int i = 0; i < 250; i++) {
        sd_editor_undo(e);
        check_invariants(e);
    }
    for (int i = 0; i < 250; i++)
        sd_editor_redo(e);
    assert_string_equal(sd_editor_text(e), now);
    free(now);
    free(clip.content);
    sd_editor_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create),
        cmocka_unit_test(test_edit_table),
        cmocka_unit_test(test_set_caret_snaps),
        cmocka_unit_test(test_word_movement),
        cmocka_unit_test(test_shift_selection),
        cmocka_unit_test(test_up_down_home_end),
        cmocka_unit_test(test_undo_coalescing),
        cmocka_unit_test(test_history_bound),
        cmocka_unit_test(test_clipboard),
        cmocka_unit_test(test_ime_composition),
        cmocka_unit_test(test_placeholders),
        cmocka_unit_test(test_tab),
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_size_limit),
        cmocka_unit_test(test_random_invariants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
