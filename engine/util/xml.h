/* xml.h - text for HTML and SVG: character data and attribute values escaped (& < > "),
 * invalid UTF-8 replaced by U+FFFD, control characters and non-characters as spaces (line
 * breaks too, unless kept). The caller owns the buffer. */
#ifndef SD_XML_H
#define SD_XML_H

#include "buf.h"

/* Appends s (NULL: nothing) escaped. */
void sd_xml_text(sd_buf *b, const char *s);
/* The same, keeping line breaks as "<br/>" (HTML only). */
void sd_xml_text_br(sd_buf *b, const char *s);

#endif
