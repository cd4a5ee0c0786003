/* icontinue.c: reported speech whose clause holds a partial quote ("said the plan was
 * “a disaster” and would cost jobs"): the quote took the cue, but the clause is the
 * report, with the quote's words inside it. */
#include "indirect_int.h"

int vb_partial_inside(const ctx *X, const isent *S) {
  size_t q, words = 0;
  for (q = S->e; q < S->se && !is_quote(X, q); q++) words += is_word(X, q);
  if (q >= S->se || quote_kind(X, q) != VB_PARTIAL) return 0;
  return words >= 3;
}
