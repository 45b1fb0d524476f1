/* termtext.h - text for a terminal, made safe: escaping and cutting.
 *
 * Everything Stormdrill prints may come from a file someone else wrote (a scenario, a
 * participant, a log, a results file). A terminal executes some bytes instead of showing
 * them: escape sequences can set the window title, clear the screen, move the cursor and
 * print a fake "ok"; a carriage return overwrites a line; bidirectional overrides make a line
 * read differently from its bytes. Text written through this module is shown, never executed:
 *
 *   - C0 controls U+0000..U+001F (tab kept as it is; newline kept only with SD_TERM_LINES)
 *     and DEL U+007F become \xHH ("\x1b"); newline and carriage return become \n and \r;
 *   - C1 controls U+0080..U+009F (encoded as UTF-8), the bidirectional controls U+061C,
 *     U+200E, U+200F, U+202A..U+202E, U+2066..U+2069 and the line and paragraph separators
 *     U+2028, U+2029 become \uHHHH ("\u202e");
 *   - every byte of an invalid UTF-8 sequence (a lone 0x80..0x9F, a truncated or overlong
 *     sequence, a surrogate, anything above U+10FFFF) becomes \xHH;
 *   - everything else (letters of any script, å ä ö, emoji, the backslash) is unchanged.
 *
 * It also cuts long text: sd_text_cut_len finds a UTF-8 boundary, sd_text_append_capped
 * builds a line that never grows past a size, and sd_text_cut_note says that it was cut. The
 * sizes (SD_ERROR_MAX_BYTES, SD_PRINT_MAX_BYTES) are stated in util/error.h.
 *
 * Nothing here allocates except into an sd_buf the caller owns. */
#ifndef SD_TERMTEXT_H
#define SD_TERMTEXT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"

/* Flags for the escaping functions. */
#define SD_TERM_LINES 1u /* a multi-line text: newlines are written as they are */

/* Appends s[0..len) (NUL bytes allowed) to b, escaped as above. */
sd_status sd_term_escape(sd_buf *b, const char *s, size_t len, unsigned flags);
/* Writes s[0..len) to out, escaped. Returns 0, or -1 when writing failed. */
int sd_term_write(FILE *out, const char *s, size_t len, unsigned flags);
/* The number of characters (code points) s[0..len) takes once escaped: what a terminal
 * shows for it, counting each character as one column. */
size_t sd_term_columns(const char *s, size_t len, unsigned flags);

/* printf for text from files: the format's own text (the program's) is written as it is;
 * every %s and %c argument is escaped as above, newlines included, so that one argument
 * stays on its line. A width (%-14s) pads by characters, not bytes; a precision (%.10s) takes
 * at most that many bytes of the argument, cut on a UTF-8 boundary. The numeric conversions
 * are those of printf (flags, width, precision, hh h l ll j z t L). A NULL %s prints
 * "(null)". Returns the number of bytes written, or -1 when writing failed. */
int sd_term_printf(FILE *out, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int sd_term_vprintf(FILE *out, const char *fmt, va_list ap);

/* The largest n <= max such that s[0..n) does not end inside a UTF-8 sequence of s[0..len)
 * (len itself when len <= max). */
size_t sd_text_cut_len(const char *s, size_t len, size_t max);
/* The longest note sd_text_cut_note writes, in bytes. */
#define SD_TEXT_CUT_NOTE_MAX 64u
/* Writes " … (WHAT cut: TOTAL bytes in all)" into out (out_size >= SD_TEXT_CUT_NOTE_MAX;
 * what is at most 10 bytes) and returns its length. */
size_t sd_text_cut_note(char *out, size_t out_size, const char *what, size_t total);
/* Appends s[0..len) to b, but lets b hold at most max bytes: past that the rest is dropped,
 * cut on a UTF-8 boundary. *total grows by len either way (the length the line would have
 * had). Once *total exceeds b's length, the caller adds the note with sd_text_add_cut_note
 * (keep max at least SD_TEXT_CUT_NOTE_MAX below the real limit for it). */
sd_status sd_text_append_capped(sd_buf *b, const char *s, size_t len, size_t max, size_t *total);
/* Appends the cut note to b when total > b's length; nothing otherwise. */
sd_status sd_text_add_cut_note(sd_buf *b, const char *what, size_t total);

#endif
