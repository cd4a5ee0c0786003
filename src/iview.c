/* iview.c: a view named by its holder's possessive, set off by a comma: "In Lund's view,
 * the levy is illegal.", "The levy, in her view, is illegal.", "From the pilots' point of
 * view, …" (indirect.c's cue table lists the rule; it reads before the test of a cue form
 * that is also a noun, since here the noun is the cue). It calls nothing of indirect.c's. */
#include "attrib_int.h"
#include "indirect_int.h"

/* The possessive words of a holder: "her", "their" (a pronoun that owns what follows) */
VB_WORDS(poss_pron, "his", "her", "their", "its", "my", "our");

/* The prepositions that open the phrase: "in her view", "from his point of view" */
VB_WORDS(in_words, "in", "from");

/* The holder's phrase that ends at token k: a possessive pronoun, or a name whose last
 * word is possessive ("Professor Ada Brandt's", "the board's"); its first token, or
 * VB_NONE */
static size_t holder_start(const ctx *X, size_t k, size_t sb) {
  size_t a = k;
  if (k < sb || !is_word(X, k)) return VB_NONE;
  if (words_in(X, k, poss_pron)) return k;
  if (!(TK(k)->flags & VB_T_POSS)) return VB_NONE;
  while (a > sb && k - a < 4 && is_capword(X, a - 1) && !words_in(X, a - 1, in_words)) a--;
  if (a > sb && is_word(X, a - 1) && (X->wc[a - 1] & VB_W_DET) && !is_pron(X, a - 1) && (TK(a - 1)->flags & VB_T_LOWER)) a--;
  return a;
}

/* In X's view, CLAUSE. · PART, in X's view, CLAUSE. · From X's point of view, CLAUSE. */
int vb_in_view(ctx *X, isent *S, icand *o) {
  size_t c = S->c, h, a, k;
  if (!vb_tok_is(X->s, TK(c), "view") || S->e + 2 >= S->se || !(is_ch(X, S->e, ',') || is_dash(X, S->e))) return 0;
  h = c - 1;
  if (h > S->sb + 2 && vb_tok_is(X->s, TK(h), "of") && vb_tok_is(X->s, TK(h - 1), "point")) h -= 2;   /* point of view */
  else if (h > S->sb && is_lowword(X, h) && !words_in(X, h, poss_pron) &&
           !(TK(h)->flags & VB_T_POSS) && !(X->wc[h] & (VB_W_DET | VB_W_PREP | VB_W_STOP | VB_W_BOUND)))
    h--;                                           /* in her personal view */
  if (h <= S->sb || (a = holder_start(X, h, S->sb)) == VB_NONE || a == S->sb || !words_in(X, a - 1, in_words)) return 0;
  k = a - 1;                                       /* "in" */
  o->p.a = a; o->p.b = h; o->p.ok = 1;
  /* what follows the comma: the sentence after "In X's view," or the part after the
   * aside ("The cost, in her view, would be …"; the words before it may hold a report
   * of their own) */
  if (!(k == S->sb || (k == S->sb + 1 && vb_conj_word(X, S->sb))) && !is_ch(X, k - 1, ',') && !is_dash(X, k - 1)) return 0;
  o->a = S->e + 1; o->b = S->se;
  return 1;
}

/* "Lund's claim that the levy is illegal …", "her repeated warning that …": a noun of
 * speech (a cue form, VB_W_NOUN) after its holder's possessive, an adjective at most
 * between, and "that": the clause after "that" is what the holder said */
int vb_poss_noun(ctx *X, isent *S, icand *o) {
  size_t c = S->c, h = c - 1, a;
  if (c <= S->sb || !(X->wc[c] & VB_W_NOUN) || !(TK(c)->flags & VB_T_LOWER) || S->e + 2 >= S->se ||
      !is_word(X, S->e) || !vb_tok_is(X->s, TK(S->e), "that"))
    return 0;
  if (is_lowword(X, h) && !words_in(X, h, poss_pron) && !(TK(h)->flags & VB_T_POSS) &&
      !(X->wc[h] & (VB_W_DET | VB_W_PREP | VB_W_STOP | VB_W_BOUND)) && !is_icue(X, h))
    h--;                                           /* her repeated warning */
  if (h < S->sb || (a = holder_start(X, h, S->sb)) == VB_NONE) return 0;
  if (a < h && !is_capword(X, h) && !words_in(X, h, poss_pron)) return 0;   /* (not "the board's") */
  o->p.a = a; o->p.b = h; o->p.ok = 1;
  /* the clause of "that" runs to a mark at most ("Despite Lund's claim that …, the
   * board …"): the sentence's own verb may follow it */
  o->a = S->e + 1;
  for (o->b = o->a; o->b < S->se && !is_ch(X, o->b, ',') && !is_ch(X, o->b, ';') && !is_dash(X, o->b); o->b++) {}
  return 1;
}
