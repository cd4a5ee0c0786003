/* continuations.c: the quotes no cue of their own attributes that go on with the speaker
 * before them: an uncued quote after an attributed one in the same or the next paragraph
 * (news: one paragraph of quotes follows another of the same source), or, in a dialogue
 * of turns, the other speaker. The rule names are the caller's (attribution.c). */
#include <string.h>
#include "attrib_int.h"

/* A paragraph that is one turn of a dialogue: it opens with a quote, and outside its
 * quotes holds no more than a cue's few words ("“Not tonight,” said Ambrose."). */
static int turn_para(const ctx *X, size_t pi) {
  size_t a, b, words = 0;
  if (pi >= X->T.para.n) return 0;
  a = X->T.para.v[pi];
  b = pi + 1 < X->T.para.n ? X->T.para.v[pi + 1] : NT;
  if (!is_quote(X, a)) return 0;
  for (size_t k = a; k < b && words <= 8; k++) words += is_word(X, k);
  return words <= 8;
}


static int same_speaker(const char *s, const vb_attr *x, const vb_attr *y) {
  if (x->entity >= 0 || y->entity >= 0) return x->entity == y->entity;
  return x->mention.end - x->mention.start == y->mention.end - y->mention.start &&
         !memcmp(s + x->mention.start, s + y->mention.start, x->mention.end - x->mention.start);
}

/* Dialogue or news? Quote i opens a turn with no cue. When the two turns before it are
 * two people's (each a paragraph that is a quote and at most a cue) and the exchange reads
 * as a dialogue (a question in it, or turns already alternating), the turn goes to the
 * one who spoke before the last speaker: returns that quote, else -1. Otherwise, as in a
 * news story where one paragraph of quotes follows another of the same source, the last
 * speaker goes on (continuations). */
static long dialogue_other(const ctx *X, size_t i, const size_t *qpara, const char *r_dialogue) {
  const vb_analysis *A = X->A;
  size_t P = qpara[i], j;
  if (i < 2 || P < 2 || qpara[i - 1] != P - 1 || !(TK(X->qtok.v[i])->flags & VB_T_PARA)) return -1;
  if (!turn_para(X, P) || !turn_para(X, P - 1) || !turn_para(X, P - 2)) return -1;
  for (j = i - 1; j > 0 && i - 1 - j < 8 && qpara[j - 1] == P - 1; j--) {}
  if (j == 0 || qpara[j - 1] != P - 2) return -1;
  j--;
  while (j > 0 && qpara[j - 1] == P - 2 && !A->attr.v[j].rule && i - j < 16) j--;
  if (!A->attr.v[j].rule || !A->attr.v[i - 1].rule || A->qs.q.v[j].kind == VB_TERM) return -1;
  if (same_speaker(X->s, &A->attr.v[j], &A->attr.v[i - 1])) return -1;
  if (A->attr.v[i - 1].rule != r_dialogue && !vb_ends_question(X->s, &A->qs.q.v[i]) &&
      !vb_ends_question(X->s, &A->qs.q.v[i - 1]) && !vb_ends_question(X->s, &A->qs.q.v[j]))
    return -1;
  return (long)j;
}

/* Continuations: an uncued quote right after an attributed one, in the same or the next
 * paragraph, goes on with the same speaker (unless another cue comes between them), or,
 * in a dialogue, goes to the other one. */
void vb_continuations(ctx *X, const size_t *qpara, const size_t *qsb, const char *r_cont, const char *r_dialogue) {
  vb_analysis *A = X->A;
  size_t nq = A->qs.q.n;
  for (size_t i = 1; i < nq && !X->oom; i++) {
    vb_attr *at = &A->attr.v[i], *pv = &A->attr.v[i - 1];
    size_t k = X->qtok.v[i], kp = X->qtok.v[i - 1];
    const vb_quote *q = &A->qs.q.v[i];
    if (at->rule || !pv->rule || k == VB_NONE || kp == VB_NONE || q->kind == VB_TERM) continue;
    if (A->qs.q.v[i - 1].kind == VB_TERM) continue;
    {
      long o = dialogue_other(X, i, qpara, r_dialogue);
      if (o >= 0) {
        *at = A->attr.v[o];
        at->cue = nospan;
        at->confidence = A->attr.v[o].confidence * 0.8;
        at->rule = r_dialogue;
        continue;
      }
    }
    if (qpara[i] == qpara[i - 1] ||
        (qpara[i] == qpara[i - 1] + 1 && (TK(k)->flags & VB_T_PARA) && !(pv->cue.start != VB_NONE && pv->cue.start > A->qs.q.v[i].start))) {
      /* no other speaker named between them */
      int other = 0;
      for (size_t z = kp + 1; z < k && z < kp + 2 * WIN; z++)
        if (is_cue(X, z) && !(CUE(z)->flags & VB_CUE_WEAK) && (pv->cue.start == VB_NONE || TK(z)->start != pv->cue.start)) { other = 1; break; }
      if (other) continue;
      /* "Then he turned to “little” Marco Rubio": a quote inside a sentence whose own
       * clause has a subject before it is that subject's, not the last speaker's */
      if (k > qsb[i] + 1 && qsb[i] > kp) {
        np p = vb_np_clause_subject(X, qsb[i], k);
        if (p.ok) continue;
      }
      *at = *pv;
      at->confidence = pv->confidence * 0.85;
      at->rule = r_cont;
    }
  }
}
