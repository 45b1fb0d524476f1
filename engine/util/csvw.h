/* csvw.h - cells of a CSV file for spreadsheets (RFC 4180): a cell with a comma, quote or
 * line break is quoted with quotes doubled; invalid UTF-8 is replaced by U+FFFD. Text cells
 * that begin with = + - @ (or a tab or carriage return) get a leading apostrophe, so that
 * Excel and LibreOffice show them as text instead of running them as formulas (CSV
 * injection); numbers written with sd_csv_number are left as they are. The caller owns the
 * buffer; rows end with CRLF. */
#ifndef SD_CSVW_H
#define SD_CSVW_H

#include <stdbool.h>

#include "buf.h"

/* The byte-order mark that makes Excel read a CSV file as UTF-8. */
#define SD_CSV_BOM "\xEF\xBB\xBF"

/* Appends a text cell (NULL: empty) followed by "," or, when last, "\r\n". */
void sd_csv_text(sd_buf *b, const char *s, bool last);
/* Appends a cell as it is (numbers, fixed vocabulary ids, times): quoted only if needed. */
void sd_csv_raw(sd_buf *b, const char *s, bool last);
/* Appends a number with printf format fmt ("%.1f", "%lld" ...); nothing when !present. */
void sd_csv_number(sd_buf *b, const char *fmt, double v, bool present, bool last);
void sd_csv_int(sd_buf *b, long long v, bool present, bool last);

#endif
