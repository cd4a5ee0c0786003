/* isubclause.c: a report whose cue sits in a subordinate clause that opens its sentence
 * ("While some voters say the plan is costly, others …", "Although Lund has described
 * himself as a moderate, the Ledger reported …"): the clause ends at its comma, and the
 * main clause after it is no part of the report. */
#include "indirect_int.h"

/* The subordinator that opens sentence S before the cue's subject, with no comma between
 * it and the cue: 1 when there is one */
static int opens_subordinate(const ctx *X, const isent *S) {
  VB_WORDS(subord, "while", "although", "though", "whereas");
  size_t k, lim = S->sb + 3;
  if (!S->p.ok || S->p.a > S->c) return 0;
  if (lim > S->p.a) lim = S->p.a;
  for (k = S->sb; k < lim && !words_in(X, k, subord); k++) {}
  if (k >= lim) return 0;
  for (; k < S->c; k++) if (is_ch(X, k, ',')) return 0;
  return 1;
}

/* A comma at token z, or a quote token whose words end with one ("… the “best
 * experience,” Reyes …"): the token after the comma's, or VB_NONE */
static size_t comma_at(const ctx *X, size_t z) {
  const vb_tok *t = TK(z);
  if (is_ch(X, z, ',')) return z + 1 < NT && TK(z + 1)->start > t->end ? z : VB_NONE;   /* (not "2,400") */
  if (is_quote(X, z) && t->end - t->start > 4) {
    for (size_t b = t->end; b > t->end - 4; b--)
      if (X->s[b - 1] == ',') return z + 1;
  }
  return VB_NONE;
}

size_t vb_clause_report_end(const ctx *X, const isent *S, size_t a) {
  size_t b = vb_report_end(X, a, S->se), z, y;
  if (!opens_subordinate(X, S)) return b;
  for (z = a + 1; z + 1 < b; z++)
    if ((y = comma_at(X, z)) != VB_NONE && is_word(X, z + 1)) return y;
  return b;
}
