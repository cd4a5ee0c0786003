/* quotes.h: the second stage. Finds quotations in UTF-8 text in one pass; a quote's
 * kind, text and words. */
#ifndef VB_QUOTES_H
#define VB_QUOTES_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

typedef enum vb_kind { VB_DIRECT, VB_PARTIAL, VB_BLOCK, VB_TERM, VB_INDIRECT } vb_kind;
extern const char *const vb_kind_names[];   /* "direct", "partial", ... */

/* One paragraph's piece of a quote: marks from start to end, words from istart to iend. */
typedef struct vb_part {
  size_t start, end, istart, iend;
} vb_part;

typedef struct vb_quote {
  size_t start, end;       /* byte span, marks included, end exclusive */
  size_t istart, iend;     /* inner words (of the first part, for a block) */
  size_t part0, nparts;    /* parts in vb_quotes.parts; nparts > 1 only for blocks */
  uint32_t line, col;      /* of start; 1-based, col in bytes */
  vb_kind kind;
  int parent;              /* enclosing quote's index, or -1 */
} vb_quote;

typedef struct vb_diag {
  size_t off;
  uint32_t line, col;
  const char *msg;         /* static string */
} vb_diag;

typedef struct vb_quotes {
  VB_VEC(vb_quote) q;
  VB_VEC(vb_part) parts;
  VB_VEC(vb_diag) diag;
} vb_quotes;

typedef struct vb_qopts {
  int nested;              /* also report quotes nested inside others (default 0) */
} vb_qopts;

/* Fill out (zeroed by the caller or fresh); 0 on success, -1 when memory ran out.
 * Output is sorted by start. o may be NULL. A quote that never closes ends with its
 * paragraph and gets a diagnostic; at most about a thousand diagnostics are reported. */
int vb_quotes_find(const char *s, size_t n, const vb_qopts *o, vb_quotes *out);
void vb_quotes_free(vb_quotes *qs);

/* A double quotation mark opens or closes at byte i of s[0..n): " “ ” „ « » and '' or ``
 * (the quote finder's own test, for the stages that ask how a quote was marked). */
int vb_double_mark(const char *s, size_t n, size_t i);
/* The provisional kind of a one-part quote whose marks span [start, end) and words
 * [istart, iend) in s[0..n): term (a name or scare quote), partial (a fragment in the
 * writer's sentence) or direct. Looks at a few words only. Later stages refine it. */
vb_kind vb_quote_kind(const char *s, size_t n, size_t start, size_t istart, size_t iend, size_t end);
/* Append a quote's inner words to out; the parts of a block are joined by a newline. */
void vb_quote_text(const char *s, const vb_quotes *qs, const vb_quote *q, vb_buf *out);
/* Words in a quote (runs of letters or digits). */
size_t vb_quote_words(const char *s, const vb_quotes *qs, const vb_quote *q);
/* The same, counted until the words pass max: the count when it is max or less, else a
 * number above max (a test of "three words at most" reads no further than the fourth) */
size_t vb_quote_words_max(const char *s, const vb_quotes *qs, const vb_quote *q, size_t max);

#endif
