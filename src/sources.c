/* sources.c: the sources list, built from the attributions in one pass over the quotes
 * (count per entity, then place the indices: no per-entity scans). A source's quoted
 * statements (direct, partial, block) and its paraphrased ones (kind indirect) are
 * listed apart; terms name no one. */
#include <stdlib.h>
#include "sources.h"

int vb_sources_build(const char *text, vb_analysis *A) {
  int oom = 0;
  size_t nq = A->qs.q.n, ne = A->ent.n;
  int *srcof = NULL;
  size_t *fill = NULL, placed = 0;
  A->src.n = A->srcq.n = A->unattributed.n = 0;   /* a rebuild starts afresh */
  if (!ne) goto unattributed;
  srcof = malloc(ne * sizeof *srcof);
  if (!srcof) { oom = 1; goto done; }
  for (size_t e = 0; e < ne; e++) srcof[e] = -1;
  for (size_t i = 0; i < nq; i++) {
    int e = A->attr.v[i].entity;
    vb_kind kd = A->qs.q.v[i].kind;
    vb_source *s;
    if (e < 0 || kd == VB_TERM) continue;
    if (srcof[e] < 0) {
      vb_source s0 = {e, 0, 0, 0, 0, 0};
      srcof[e] = (int)A->src.n;
      if (vb_push(&A->src, s0)) { oom = 1; goto done; }
    }
    s = &A->src.v[srcof[e]];
    if (kd == VB_INDIRECT) s->np++;
    else {
      s->nq++;
      s->words += vb_quote_words(text, &A->qs, &A->qs.q.v[i]);
    }
  }
  /* each source's quoted indices, then its paraphrased ones, in srcq */
  fill = calloc(2 * A->src.n + 1, sizeof *fill);
  if (!fill || vb_vgrow(&A->srcq, nq + 1)) { oom = 1; goto done; }
  for (size_t k = 0; k < A->src.n; k++) {
    vb_source *s = &A->src.v[k];
    s->q0 = placed; placed += s->nq;
    s->p0 = placed; placed += s->np;
  }
  for (size_t i = 0; i < nq; i++) {
    int e = A->attr.v[i].entity;
    vb_kind kd = A->qs.q.v[i].kind;
    const vb_source *s;
    size_t k;
    if (e < 0 || kd == VB_TERM) continue;
    k = (size_t)srcof[e];
    s = &A->src.v[k];
    if (kd == VB_INDIRECT) A->srcq.v[s->p0 + fill[2 * k + 1]++] = i;
    else A->srcq.v[s->q0 + fill[2 * k]++] = i;
  }
  A->srcq.n = placed;
unattributed:
  for (size_t i = 0; i < nq; i++) {
    vb_kind kd = A->qs.q.v[i].kind;
    if ((A->attr.v[i].entity < 0) && kd != VB_TERM && kd != VB_INDIRECT)
      if (vb_push(&A->unattributed, i)) { oom = 1; break; }
  }
done:
  free(srcof); free(fill);
  return oom ? -1 : 0;
}
