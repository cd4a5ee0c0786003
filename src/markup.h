/* markup.h: the markup layer of decode.c (markup.c): HTML, WebVTT and SRT cues, .docx.
 * Each reads D->mid[0..mid_n) (the original in UTF-8) and sets D->own, D->s, D->n and
 * D->mk, the anchors from the text back to D->mid. 0, or -1 when memory ran out. */
#ifndef VB_MARKUP_H
#define VB_MARKUP_H
#include <stddef.h>
#include "buf.h"
#include "decode.h"

int vb_markup_html(vb_decoded *D);
int vb_markup_cues(vb_decoded *D);
/* p[0..n) as a .docx: 1 and its text in D (D->binary when it cannot be read, with a
 * warning), 0 when it is not one, -1 (memory). */
int vb_markup_docx(vb_decoded *D, const unsigned char *p, size_t n, vb_buf *warn);
/* Is s (the file called name) HTML, or WebVTT / SRT cues? By extension or first bytes. */
int vb_sniff_html(const char *name, const char *s, size_t n);
int vb_sniff_cues(const char *name, const char *s, size_t n);

#endif
