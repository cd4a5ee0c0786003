/* iparticiple.c: a noun phrase and the participle of a view after it, with a name for
 * object: "a group backing Lund", "a super PAC supporting Marwood", "groups opposing
 * Reyes" (indirect.c's cue table lists the rule; it reads before cue_reads, whose -ing
 * tests are for a participle with a clause). The phrase holds the view; the name is what
 * it holds a view of. It calls nothing of indirect.c's. */
#include "attrib_int.h"
#include "indirect_int.h"

/* The participles of support and opposition, whose object is a name alone (not "a poll
 * showing Lund ahead", whose object is a clause, read by the rules after cue_reads); the
 * lexicon (cues.c) gives them VB_W_ACT, which the cue table asks of a cue first */
VB_WORDS(support_ing, "backing", "supporting", "opposing", "endorsing", "favoring");

/* The words that may open the name after the participle ("backing former Gov. Ada Lund") */
VB_WORDS(name_openers, "former", "then-candidate", "presidential", "candidate");

int vb_np_participle(ctx *X, isent *S, icand *o) {
  size_t c = S->c, e = S->e;
  np p, q;
  if (!words_in(X, c, support_ing) || c < S->sb + 2 || e + 1 >= S->se) return 0;
  if (words_in(X, e, name_openers) && is_capword(X, e + 1)) e++;
  if (!is_capword(X, e) || (X->wc[e] & (VB_W_STOP | VB_W_TIME))) return 0;
  /* the noun right before: lower-case, no verb, adverb or word of a clause */
  if (!is_word(X, c - 1) || !(TK(c - 1)->flags & VB_T_LOWER) || (TK(c - 1)->flags & VB_T_POSS) || is_icue(X, c - 1) ||
      is_adverb(X, c - 1) || is_pron(X, c - 1) ||
      (X->wc[c - 1] & (VB_W_DET | VB_W_PREP | VB_W_AUX | VB_W_SKIP | VB_W_BOUND | VB_W_STOP | VB_W_REL)))
    return 0;
  p = vb_np_before(X, c, S->sb > 0 ? S->sb - 1 : VB_NONE);
  if (!p.ok || p.rel || p.b + 1 != c || p.a < S->sb || !vb_speaker_phrase(X, p)) return 0;
  q = vb_np_after(X, e, S->se);
  if (!q.ok || q.a != e) return 0;
  o->p = p; o->a = S->e; o->b = q.b + 1; o->minw = 1;
  return 1;
}
