/* json.h: just enough of a JSON writer for the CLI's output contract. */
#ifndef VB_JSON_H
#define VB_JSON_H
#include <stddef.h>
#include "buf.h"

/* A JSON string of s[0..n); invalid UTF-8 and NUL bytes become U+FFFD / \u0000 escapes. */
void vb_json_str(vb_buf *b, const char *s, size_t n);
void vb_json_cstr(vb_buf *b, const char *s);   /* NULL writes null */
void vb_json_key(vb_buf *b, const char *k);     /* "k": */

#endif
