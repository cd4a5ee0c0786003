/* verdict.h: what an alignment means for a quote: found or not, and the verdict. */
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

#endif
