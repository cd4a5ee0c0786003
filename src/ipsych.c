/* ipsych.c: a verb of feeling whose object feels it: "His remarks angered the party's
 * leaders", "The loss rattled supporters", "Mr. Lund's critique startled the board".
 * The object holds a view of the subject, so it is the source and the subject the
 * report (indirect.c's cue table lists the rule, before "X said CLAUSE" would read the
 * subject as the speaker). It calls nothing of indirect.c's. */
#include "attrib_int.h"
#include "indirect_int.h"

/* the learned cues (cues_learned.c) that are verbs of feeling */
VB_WORDS(feeling_verbs, "angered", "rattled", "startled", "alarmed", "outraged");

int vb_feeling_object(ctx *X, isent *S, icand *o) {
  np q;
  size_t k;
  if (!(S->f & VB_CUE_LEARNED) || !S->p.ok || S->p.a > S->c || S->p.rel || S->e >= S->se || !words_in(X, S->c, feeling_verbs))
    return 0;
  /* the subject right before the verb group ("has angered", "also rattled") */
  for (k = S->p.b + 1; k < S->c; k++)
    if (!is_word(X, k) || !(TK(k)->flags & VB_T_LOWER) || !((X->wc[k] & (VB_W_AUX | VB_W_SKIP)) || is_adverb(X, k))) return 0;
  q = vb_np_after(X, S->e, S->se);
  if (!q.ok || !vb_speaker_phrase(X, q) || (is_pron(X, S->p.a) && S->p.a == S->p.b)) return 0;   /* (not "It angered …") */
  o->p = q; o->a = S->p.a; o->b = S->p.b + 1; o->minw = 1;
  return 1;
}
