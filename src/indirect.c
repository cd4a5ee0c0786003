/* indirect.c: reported speech without quotation marks ("X said that …", "according
 * to X, …"), one item per sentence that has no quote, with the cue's speaker. */
#include <stdlib.h>
#include <string.h>
#include "attrib_int.h"
#include "text.h"

static const char R_INDIRECT[] = "indirect";

/* Reported speech without marks, one item per sentence that has no quote: "X said (that)
 * CLAUSE." gives the clause; "CLAUSE, X said." the clause before. Appended to the quotes,
 * which are then put back in text order (parents and attributions follow). */
void vb_find_indirect(ctx *X) {
  vb_analysis *A = X->A;
  size_t first = A->qs.q.n;
  for (size_t si = 0; si < X->T.sent.n && !X->oom; si++) {
    size_t sb = X->T.sent.v[si], se = si + 1 < X->T.sent.n ? X->T.sent.v[si + 1] : NT, c, a = 0, b = 0, words = 0, k;
    np p = {0};
    for (k = sb; k < se && !is_quote(X, k); k++) {}
    if (k < se || se - sb < 6 || se - sb > 120) continue;
    for (c = sb; c < se; c++) if (is_cue(X, c) && vb_usable_cue(X, c) && !(CUE(c)->flags & (VB_CUE_CALL | VB_CUE_ING))) break;
    if (c >= se) continue;
    p = vb_cue_speaker(X, c, sb > 0 ? sb - 1 : VB_NONE, se, sb);
    if (!p.ok) continue;
    if (CUE(c)->flags & VB_CUE_ACC) {                 /* According to X (XX), CLAUSE. */
      a = p.b + 1;
      if (a < se && is_ch(X, a, '(')) { while (a < se && !is_ch(X, a, ')')) a++; a++; }
      if (a < se && is_ch(X, a, ',')) a++;
      b = se;
    } else if (p.a > c) {                             /* CLAUSE, said X. */
      a = sb; b = c;
    } else if (p.a > sb + 1 && is_ch(X, p.a - 1, ',')) {
      size_t e = c + (size_t)CUE(c)->len;
      while (e < se && (X->wc[e] & VB_W_TIME)) e++;
      if (e + 1 >= se) { a = sb; b = p.a - 1; }      /* CLAUSE, X said. */
      else if (is_ch(X, e, ',')) { a = sb; b = se; } /* PART, X said, PART: the sentence */
      else continue;                                 /* "A former judge, Arthur said …": an aside */
    } else {                                          /* X said (that) CLAUSE. */
      a = c + (size_t)CUE(c)->len;
      while (a < se && (X->wc[a] & VB_W_TIME)) a++;
      if (a < se && vb_tok_is(X->s, TK(a), "that")) a++;
      b = se;
    }
    while (b > a && (TK(b - 1)->flags & VB_T_PUNCT)) b--;
    for (k = a; k < b; k++) words += is_word(X, k);
    if (words < 4) continue;
    {
      vb_quote q;
      vb_part part;
      memset(&q, 0, sizeof q);
      q.start = q.istart = TK(a)->start;
      q.end = q.iend = TK(b - 1)->end;
      q.part0 = A->qs.parts.n; q.nparts = 1;
      q.kind = VB_INDIRECT; q.parent = -1;
      part.start = part.istart = q.start; part.end = part.iend = q.end;
      if (vb_push(&A->qs.parts, part) || vb_push(&A->qs.q, q) || vb_vgrow(&A->attr, A->qs.q.n)) { X->oom = 1; break; }
      A->attr.v[A->attr.n++] = (vb_attr){-1, nospan, nospan, 0, NULL};
      vb_attribute(X, A->qs.q.n - 1, c, p, 0.5, R_INDIRECT);
    }
  }
  /* their line and column (0 until then) come from the driver, which walks the text once */
  if (X->oom || A->qs.q.n == first) return;
  {
    /* back to text order: both runs are sorted (quotes by the finder, new items sentence by
     * sentence), so one merge orders them; then permute quotes, attributions and parents */
    size_t nq = A->qs.q.n, *ord = malloc(nq * sizeof *ord), *inv = malloc(nq * sizeof *inv);
    vb_quote *q2 = malloc(nq * sizeof *q2);
    vb_attr *a2 = malloc(nq * sizeof *a2);
    if (!ord || !inv || !q2 || !a2) { X->oom = 1; free(ord); free(inv); free(q2); free(a2); return; }
    for (size_t i = 0, x = 0, y = first; i < nq; i++)
      ord[i] = (y >= nq || (x < first && A->qs.q.v[x].start <= A->qs.q.v[y].start)) ? x++ : y++;
    for (size_t i = 0; i < nq; i++) inv[ord[i]] = i;
    for (size_t i = 0; i < nq; i++) {
      q2[i] = A->qs.q.v[ord[i]];
      if (q2[i].parent >= 0) q2[i].parent = (int)inv[q2[i].parent];
      a2[i] = A->attr.v[ord[i]];
    }
    memcpy(A->qs.q.v, q2, nq * sizeof *q2);
    memcpy(A->attr.v, a2, nq * sizeof *a2);
    free(ord); free(inv); free(q2); free(a2);
  }
}
