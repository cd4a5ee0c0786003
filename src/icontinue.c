/* icontinue.c: reported speech whose clause holds a partial quote ("said the plan was
 * “a disaster” and would cost jobs", "To a question on “privatization,” Lund said
 * contractors cost more"): the quote took the cue, but the clause is the report too,
 * with the quote's words inside it. */
#include "indirect_int.h"

/* The quote of the sentence whose rule took cue S->c: its token, or VB_NONE */
static size_t cue_quote(const ctx *X, const isent *S) {
  size_t off = TK(S->c)->start;
  for (size_t k = S->sb; k < S->se; k++) {
    size_t lo;
    if (!is_quote(X, k)) continue;
    lo = quote_slot(X, k);
    if (lo < X->T.quotes.n && X->T.quotes.v[lo] == k && X->qof[lo] != VB_NONE &&
        X->A->attr.v[X->qof[lo]].cue.start == off)
      return k;
  }
  return VB_NONE;
}

int vb_partial_inside(const ctx *X, const isent *S) {
  size_t q = cue_quote(X, S), k, words = 0;
  if (q == VB_NONE || quote_kind(X, q) != VB_PARTIAL) return 0;
  for (k = S->e; k < S->se && !is_quote(X, k); k++) words += is_word(X, k);
  return words >= 3;
}
