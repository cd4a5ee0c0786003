/* align.h: word-level alignment of a quote against a stretch of source words.
 * Semi-global (the passage may start and end anywhere in the source window), with the
 * quote's editorial marks: an ellipsis may skip any run of source words for free, a
 * [bracket] may stand for up to VB_BRACKET_SPAN source words or none. */
#ifndef VB_ALIGN_H
#define VB_ALIGN_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "normalise.h"

#define VB_BRACKET_SPAN 4
#define VB_EDGE_SUBS 2          /* trailing quote words that may replace source words */
#define VB_ALIGN_MAXCELLS ((size_t)1 << 26)

/* One step of the alignment. op: '=' same word, '+' only in the quote, '-' only in the
 * source, '~' a word the quote changed (q and s both set), '>' source words skipped at
 * an ellipsis, 'b' a bracket standing for s..s_end. q/s index quote items / source tokens. */
typedef struct vb_step {
  char op;
  uint32_t q, s, s_end;
} vb_step;

typedef struct vb_aln {
  size_t s0, s1;          /* source tokens [s0, s1) of the passage */
  int words;              /* quote words (brackets not counted) */
  int matched, subs, ins, dels, skipped, brackets;
  int lead, tail;         /* quote words left unmatched before the first / after the last match */
  int longest_del;        /* longest run of source words dropped without an ellipsis */
  int cost;               /* 2 subs + 2 ins + dels - matched: the alignment minimises it; a word
                             the source has and the quote lacks is cheaper than one it adds */
  int edits;              /* subs + ins + dels: 0 when only editorial marks differ */
  VB_VEC(vb_step) steps;  /* in order */
} vb_aln;

/* Align quote items q[0..m) (from vb_tokenize with marks) against source words s[0..n).
 * 0, -1 out of memory; when m * n exceeds VB_ALIGN_MAXCELLS the window is cut around
 * its middle. out is reset (its step vector reused). */
int vb_align(const vb_wtok *q, size_t m, const vb_wtok *s, size_t n, vb_aln *out);
/* Word forms the plain comparison misses, per item (any pointer may be NULL):
 *   qj[i], sj[j]  vb_join_hash of item and the next: a hyphenated compound matches its
 *                 closed form, two words on one side for one on the other;
 *   qc[i], sc[j]  vb_stem_hash: a contraction's first part matches the word (I'm is I
 *                 and a changed word against "I was": one change, not two). */
typedef struct vb_forms { const uint64_t *qj, *sj, *qc, *sc; } vb_forms;
int vb_align_join(const vb_wtok *q, size_t m, const vb_wtok *s, size_t n, const vb_forms *f, vb_aln *out);
void vb_aln_free(vb_aln *a);

#endif
