/* ias.c: reported speech in a clause of "as" that leaves its verb's object out, since it
 * is the sentence around it: "As reported by the Ledger, the levy will rise.", "…, as
 * first reported by the Ledger.", "As the Ledger reported on Monday, the levy …", "…, as
 * many economists believe." (indirect.c's cue table lists these rules). An "as" of time
 * ("as he spoke to the crowd", "as she thanked her staff") has an object or no cue of its
 * own, and is no report. It calls nothing of indirect.c's. */
#include "attrib_int.h"
#include "indirect_int.h"

/* The token of "as" before the verb group that ends at cue c (lower-case adverbs
 * between: "as first reported", "as previously reported"), or VB_NONE */
static size_t as_before(const ctx *X, size_t k, size_t sb) {
  VB_WORDS(adv, "first", "previously", "originally", "earlier", "also", "widely");
  for (int g = 0; g < 2 && k > sb && is_lowword(X, k - 1) &&
                  (words_in(X, k - 1, adv) || is_adverb(X, k - 1));
       g++)
    k--;
  return k > sb && is_word(X, k - 1) && vb_tok_is(X->s, TK(k - 1), "as") ? k - 1 : VB_NONE;
}

/* Where the clause of "as" at token as (ending before token z, a comma, a dash or the
 * end) stands in its sentence: the report is what is left of the sentence. 0 when the
 * "as" neither opens its sentence (or a clause after "and", "but") nor follows a comma or
 * (dash 1) a dash ("not as toxic as most insiders believe" compares). */
VB_WORDS(subordinators, "if", "when", "while", "although", "though", "because", "unless", "once");
static int as_report(const ctx *X, const isent *S, size_t as, size_t z, int dash, icand *o) {
  size_t k = as;
  if (k > S->sb && is_ch(X, k - 1, ',')) k--;
  if (k > S->sb && vb_conj_word(X, k - 1)) k--;      /* "And, as the Ledger reported, …" */
  if (k == S->sb) {                                   /* As reported by X, CLAUSE. */
    if (z + 2 >= S->se || !is_ch(X, z, ',')) return 0;
    o->a = z + 1; o->b = S->se;
    return 1;
  }
  if (!is_ch(X, as - 1, ',') && !(dash && is_dash(X, as - 1))) return 0;
  if (z + 1 >= S->se || is_ch(X, z, '.')) { o->a = S->sb; o->b = as - 1; return 1; }   /* CLAUSE, as X noted. */
  if (is_dash(X, as - 1)) {                           /* CLAUSE — as X believe, … */
    o->a = S->sb; o->b = as - 1;
    return 1;
  }
  if (!is_ch(X, z, ',') || z + 2 >= S->se) return 0;
  /* "Weeks ago, as X reported, CLAUSE.": the clause after it; but after a clause of its
   * own ("If the levy passes, as some hope, …") the sentence */
  o->a = words_in(X, S->sb, subordinators) ? S->sb : z + 1; o->b = S->se;
  return 1;
}

/* "As (first) reported by X, CLAUSE." · "CLAUSE, as first reported by X.": a passive
 * with its agent after "as" (the agent is S->p, read by the passive rule's by_agent) */
int vb_as_by(ctx *X, isent *S, icand *o) {
  size_t as = as_before(X, S->c, S->sb), z;
  if (as == VB_NONE || !S->p.ok || S->e >= S->se || !is_word(X, S->e) || !vb_tok_is(X->s, TK(S->e), "by")) return 0;
  z = vb_skip_when(X, S->p.b + 1, S->se);
  if ((z + 1 < S->se && !is_ch(X, z, ',') && !is_ch(X, z, '.')) || !as_report(X, S, as, z, 0, o)) return 0;
  o->p = S->p;
  return 1;
}

/* Verbs of speech an "as" of time takes with nothing after them: "as he spoke," */
VB_WORDS(as_of_time, "spoke", "speaks", "speak", "speaking", "talked", "talks", "talk", "testified",
                     "testifies", "laughed", "joked", "spoke", "responded", "replied", "answered",
                     "continued", "went", "goes");

/* "As the Ledger reported on Monday, CLAUSE." · "CLAUSE, as many economists believe." ·
 * "PART, as X noted, PART.": "as", the cue's subject, the cue and at most a time or place,
 * then a comma or the end */
static int as_view_shape(const ctx *X, const isent *S, size_t *as, size_t *z) {
  size_t k = S->p.a;
  if (!S->p.ok || S->p.a > S->c || S->p.a == 0 || (S->f & (VB_CUE_ACC | VB_CUE_ING)) || words_in(X, S->c, as_of_time))
    return 0;
  if (S->p.a < S->p.b && vb_tok_is(X->s, TK(S->p.a), "as")) {
    k = S->p.a + 1;              /* "As the Ledger reported": the phrase reader took the capital "As" */
  } else {
    /* the words of the subject's phrase the mention leaves out: "as the Ledger", "as
     * columnist Ada Brandt", "as most of the skippers" (no verb, mark or clause word) */
    while (k > S->sb && S->p.a - k < 4 && is_word(X, k - 1) && !vb_tok_is(X->s, TK(k - 1), "as") && !is_icue(X, k - 1) &&
           ((X->wc[k - 1] & (VB_W_DET | VB_W_QUANT)) || vb_tok_is(X->s, TK(k - 1), "of") ||
            !(X->wc[k - 1] & (VB_W_REL | VB_W_AUX | VB_W_BOUND))) &&
           !vb_conj_word(X, k - 1))
      k--;
    if (k <= S->sb || !is_word(X, k - 1) || !vb_tok_is(X->s, TK(k - 1), "as")) return 0;
  }
  for (size_t v = S->p.b + 1; v < S->c; v++)          /* the verb group: auxiliaries, adverbs */
    if (!is_word(X, v) || !(TK(v)->flags & VB_T_LOWER) || !((X->wc[v] & (VB_W_AUX | VB_W_SKIP)) || is_adverb(X, v)))
      return 0;
  *as = k - 1;
  *z = vb_skip_when(X, S->e, S->se);
  return *z + 1 >= S->se || is_ch(X, *z, ',') || is_dash(X, *z) || (is_ch(X, *z, '.') && *z + 2 >= S->se);
}

int vb_as_view(ctx *X, isent *S, icand *o) {
  size_t as, z;
  if (!as_view_shape(X, S, &as, &z) || !as_report(X, S, as, z, 1, o)) return 0;
  o->p = S->p;
  if (o->p.a == as) o->p.a++;
  return 1;
}
