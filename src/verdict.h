/* verdict.h: what an alignment means for a quote, and who speaks in a transcript. */
#ifndef VB_VERDICT_H
#define VB_VERDICT_H
#include <stddef.h>
#include "align.h"

typedef enum vb_verdict { VB_VERBATIM, VB_FAITHFUL, VB_ALTERED, VB_NOT_FOUND } vb_verdict;
extern const char *const vb_verdict_names[];   /* "verbatim", "faithful", "altered", "not_found" */

/* Enough of the quote matched in order to call the passage its source. */
int vb_aln_found(const vb_aln *a);
/* Is a better than b as the quote's source passage? */
int vb_aln_better(const vb_aln *a, const vb_aln *b);
/* marks: the quote's editorial marks (vb_wtoks.marks). score gets matched / aligned words. */
vb_verdict vb_verdict_of(const vb_aln *a, int marks, double *score);

/* The speaker label of the transcript turn holding byte off (ARTHUR:, MR. SMITH:, Q:,
 * JONAS FELD (from the floor):): 1 and the span of the name in s, without the
 * parenthetical, or 0 when the text marks no turn there. */
int vb_turn_speaker(const char *s, size_t n, size_t off, size_t *start, size_t *end);
/* Do two names refer to the same person? A shared name word (titles ignored, any case),
 * or b is a's initials (ML for Marta Lindqvist). */
int vb_same_speaker(const char *a, size_t an, const char *b, size_t bn);
/* Where a transcript says who a label stands for ("R: reporter. ML: Marta Lindqvist."):
 * the first "LABEL:" in s not at the start of a turn of that label, and the words after
 * it up to a stop. 1 and the span, or 0. */
int vb_label_legend(const char *s, size_t n, const char *label, size_t ln, size_t *start, size_t *end);

#endif
