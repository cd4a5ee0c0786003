/* irelgap.c: a cue inside a relative clause whose subject is the relative pronoun: "a
 * surge of independents, which Democrats say could be aiding Lund", "Megyn Kelly, who he
 * claims has been unfair to him", "the kind of job that many economists say is the
 * future". The cue's own subject speaks; what it says is the verb phrase after the cue,
 * of the antecedent (indirect.c's cue table lists the rule among those read before
 * cue_reads, which wants no verb right after a cue that may be a noun). It calls nothing
 * of indirect.c's. */
#include "attrib_int.h"
#include "indirect_int.h"

/* the relative pronouns that may be the subject of the clause after the cue */
VB_WORDS(gap_relatives, "who", "which", "that", "whom");
/* the verbs of saying and thinking whose object such a clause is (not "a tax plan would",
 * "which they had been assured was safe") */
VB_WORDS(gap_cues, "say", "says", "said", "claim", "claims", "claimed", "believe", "believes", "believed", "think",
                   "thinks", "thought", "argue", "argues", "argued", "contend", "contends", "contended", "insist",
                   "insists", "insisted", "suspect", "suspects", "suspected", "fear", "fears", "feared", "estimate",
                   "estimates", "estimated", "predict", "predicts", "predicted", "expect", "expects", "expected",
                   "hope", "hopes", "hoped", "know", "knows", "knew", "feel", "feels", "felt", "allege", "alleges",
                   "alleged", "warn", "warns", "warned", "acknowledge", "acknowledges", "acknowledged", "admit",
                   "admits", "admitted", "suggest", "suggests", "suggested", "worry", "worries", "worried");
/* the finite verbs that open the verb phrase right after the cue */
VB_WORDS(gap_verbs, "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may",
                    "might", "should", "must", "did", "does");

/* "had been assured", "was told": a passive's subject is not the one who says */
static int is_pass_be(const ctx *X, size_t c) {
  VB_WORDS(be, "been", "was", "were", "is", "are", "being", "be");
  return c > 0 && is_lowword(X, c - 1) && words_in(X, c - 1, be);
}

int vb_relative_gap(ctx *X, isent *S, icand *o) {
  size_t z;
  np p;
  if (S->c < S->sb + 2 || S->e + 2 >= S->se || (S->f & (VB_CUE_ACC | VB_CUE_ING)) || !is_lowword(X, S->e) ||
      !words_in(X, S->e, gap_verbs) || !words_in(X, S->c, gap_cues) || is_pass_be(X, S->c))
    return 0;
  p = vb_np_before(X, S->c, S->sb > 0 ? S->sb - 1 : VB_NONE);
  if (!p.ok || p.rel || p.a <= S->sb + 1 || (TK(p.b)->flags & VB_T_POSS) || !is_lowword(X, p.a - 1) ||
      !words_in(X, p.a - 1, gap_relatives) || !vb_speaker_phrase(X, p))
    return 0;
  /* "that" after a noun ("the kind of job that …"), not after a verb ("said that …") */
  if (vb_tok_is(X->s, TK(p.a - 1), "that") &&
      (!is_lowword(X, p.a - 2) || is_icue(X, p.a - 2) || is_pron(X, p.a - 2) ||
       (X->wc[p.a - 2] & (VB_W_AUX | VB_W_SKIP | VB_W_BOUND | VB_W_PREP | VB_W_DET | VB_W_STOP | VB_W_REL))))
    return 0;
  /* the verb phrase runs to the clause's first mark */
  for (z = S->e + 1; z < S->se && is_word(X, z); z++) {}
  if (z < S->e + 2) return 0;
  o->p = p; o->a = S->e; o->b = z;
  return 1;
}
