/* ibacking.c: backing (or criticism) a subject received: "Clinton has strong support
 * among black voters", "Trump earned the support of nearly four in 10 likely voters", "the
 * board faced criticism from islanders". The backers (the phrase after "from",
 * "of" or "among") hold a view of the subject: the subject is the report, the backers its
 * source. A sentence rule (isentence.c's table), read beside the cues' reports. */
#include "indirect_int.h"

VB_WORDS(getting, "has", "had", "have", "having", "received", "receives", "receive", "receiving",
                  "won", "wins", "win", "winning", "drew", "draws", "draw", "drawing", "earned",
                  "earns", "earn", "enjoyed", "enjoys", "enjoy", "got", "gets", "gained", "gains",
                  "garnered", "garners", "consolidated", "retains", "retained", "lost", "loses",
                  "needs", "needed", "sought", "seeks", "faced", "faces", "face", "facing", "met");
VB_WORDS(backing, "support", "backing", "endorsement", "endorsements", "criticism",
                  "opposition", "condemnation", "rebuke", "rebukes");
VB_WORDS(from, "from", "of", "among");

/* A modifier between the verb and its noun: "the", "strong majority", "his 34%" (no verb,
 * preposition or pronoun) */
static int modifier(const ctx *X, size_t k) {
  return is_word(X, k) && !is_icue(X, k) && !(X->wc[k] & (VB_W_PREP | VB_W_AUX | VB_W_REL | VB_W_BOUND)) && !is_pron(X, k);
}

int vb_backing_from(ctx *X, isent *S, icand *o) {
  /* the noun first, the rarest word of the shape: most sentences have none */
  for (size_t n = S->sb + 2; n + 2 < S->se; n++) {
    const vb_tok *t = TK(n);
    size_t k;
    np p, src;
    if (!(X->wc[n] & VB_W_ACT) || !(t->flags & VB_T_LOWER) ||
        !words_in(X, n, backing) || !words_in(X, n + 1, from) || !is_word(X, n + 2))
      continue;
    for (k = n - 1; k > S->sb && n - k < 5 && !((TK(k)->flags & VB_T_LOWER) && words_in(X, k, getting)) && modifier(X, k); k--) {}
    if (k <= S->sb || n - k >= 5 || !(TK(k)->flags & VB_T_LOWER) || !words_in(X, k, getting)) continue;
    src = vb_np_after(X, n + 2, S->se);
    if (!src.ok || !vb_speaker_phrase(X, src)) continue;
    p = vb_group_subject(X, S, k);               /* "has also won", "continues to draw" */
    if (!p.ok) continue;
    o->p = src; o->c = n; o->a = p.a; o->b = p.b + 1; o->minw = 1;
    /* "faced criticism from rivals that the rallies were unsafe": the clause is the view */
    if (src.b + 2 < S->se && is_word(X, src.b + 1) && vb_tok_is(X->s, TK(src.b + 1), "that") && is_word(X, src.b + 2)) {
      o->a = src.b + 2; o->b = vb_report_end(X, src.b + 2, S->se);
    }
    return 1;
  }
  return 0;
}
