/* icontinue.c: reported speech whose clause holds a partial quote ("said the plan was
 * “a disaster” and would cost jobs", "To a question on “privatization,” Lund said
 * contractors cost more"): the quote took the cue, but the clause is the report too,
 * with the quote's words inside it. */
#include "indirect_int.h"

/* The quote of the sentence whose rule took cue S->c: its token, or VB_NONE (along the
 * list of quote tokens, not token by token) */
static size_t cue_quote(const ctx *X, const isent *S) {
  size_t off = TK(S->c)->start, k;
  for (size_t lo = quote_slot(X, S->sb); lo < X->T.quotes.n && (k = X->T.quotes.v[lo]) < S->se; lo++)
    if (is_quote(X, k) && X->qof[lo] != VB_NONE && X->A->attr.v[X->qof[lo]].cue.start == off) return k;
  return VB_NONE;
}

int vb_partial_inside(const ctx *X, const isent *S) {
  size_t q = cue_quote(X, S), k, words = 0;
  if (q == VB_NONE || quote_kind(X, q) != VB_PARTIAL) return 0;
  for (k = S->e; k < S->se && !is_quote(X, k); k++) words += is_word(X, k);
  return words >= 3;
}

/* A sentence rule read beside the cues' reports ("X spoke to voters about Y, and Z said
 * …") reports only words none of them holds: a candidate of [n0, n) whose verb or clause
 * meets a standing report of [0, n0) (its clause or its cue) is dropped */
void vb_drop_beside(icand *cs, size_t n0, size_t n) {
  for (size_t i = n0; i < n; i++)
    for (size_t j = 0; j < n0 && !cs[i].drop; j++) {
      const icand *J = &cs[j];
      size_t lo = J->a < J->c ? J->a : J->c, hi = J->b > J->c + 1 ? J->b : J->c + 1;
      size_t ilo = cs[i].a < cs[i].c ? cs[i].a : cs[i].c, ihi = cs[i].b > cs[i].c + 1 ? cs[i].b : cs[i].c + 1;
      if (!J->drop && !J->mark && ilo < hi && lo < ihi) cs[i].drop = 1;
    }
}

/* "…, says political scientist Ada Brandt in Osle.", "…, said a handful of pilots who
 * work the night crossings.": after an inverted speaker, a phrase of a place or a body
 * (a preposition, then a name) or a relative clause of its own runs to the sentence's end
 * (from k, the token after the speaker); no quote, no other cue, no comma */
int vb_inverted_tail(const ctx *X, size_t k, size_t se) {
  VB_WORDS(prep, "in", "of", "at", "from", "with");
  VB_WORDS(rel, "who", "whose");
  size_t z;
  if (k + 1 >= se || !is_word(X, k) || !(TK(k)->flags & VB_T_LOWER)) return 0;
  if (words_in(X, k, prep)) {
    if (!is_capword(X, k + 1) && !(is_word(X, k + 1) && vb_tok_is(X->s, TK(k + 1), "the") && is_capword(X, k + 2))) return 0;
  } else if (!words_in(X, k, rel)) {
    return 0;
  }
  for (z = k + 1; z < se && z < k + 16 && is_word(X, z) && !is_icue(X, z); z++) {}
  return z + 1 >= se && (z >= se || is_ch(X, z, '.'));
}
