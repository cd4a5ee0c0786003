/* verdict.c: thresholds that turn alignment counts into a verdict. A passage counts as
 * found when at least 75% of the quote's words match it in order: one changed word or
 * two typos stay well above that, while a sentence that merely shares common phrases
 * with a source (or half of a splice) stays below. */
#include "verdict.h"

const char *const vb_verdict_names[] = {"verbatim", "faithful", "altered", "not_found"};

int vb_aln_found(const vb_aln *a) {
  if (a->words <= 0) return 0;
  if (a->words <= 3) return a->matched == a->words && a->edits == 0;
  return a->matched >= 3 && a->matched * 4 >= a->words * 3;
}

int vb_aln_better(const vb_aln *a, const vb_aln *b) {
  if (a->cost != b->cost) return a->cost < b->cost;
  if (a->matched != b->matched) return a->matched > b->matched;
  return a->skipped < b->skipped;               /* the tighter passage */
}

vb_verdict vb_verdict_of(const vb_aln *a, int marks, double *score) {
  int den = a->matched + a->subs + a->ins + a->dels;
  *score = den ? (double)a->matched / den : 0.0;
  if (!vb_aln_found(a)) return VB_NOT_FOUND;
  if (a->edits == 0) return marks || a->brackets || a->skipped ? VB_FAITHFUL : VB_VERBATIM;
  return VB_ALTERED;
}
