/* sources.c: the sources list, built from the attributions in one pass over the quotes
 * (count per entity, then place the indices: no per-entity scans). */
#include <stdlib.h>
#include "sources.h"

int vb_sources_build(const char *text, vb_analysis *A) {
  int oom = 0;
  size_t nq = A->qs.q.n, ne = A->ent.n;
  int *srcof = NULL;
  size_t *count = NULL, *fill = NULL, placed = 0;
  A->src.n = A->srcq.n = A->unattributed.n = 0;   /* a rebuild starts afresh */
  if (!ne) goto unattributed;
  srcof = malloc(ne * sizeof *srcof);
  count = calloc(ne, sizeof *count);
  if (!srcof || !count) { oom = 1; goto done; }
  for (size_t e = 0; e < ne; e++) srcof[e] = -1;
  for (size_t i = 0; i < nq; i++) {
    int e = A->attr.v[i].entity;
    if (e < 0 || A->qs.q.v[i].kind == VB_TERM) continue;
    if (srcof[e] < 0) {
      vb_source s = {e, 0, 0, 0};
      srcof[e] = (int)A->src.n;
      if (vb_push(&A->src, s)) { oom = 1; goto done; }
    }
    count[srcof[e]]++;
    A->src.v[srcof[e]].words += vb_quote_words(text, &A->qs, &A->qs.q.v[i]);
  }
  fill = calloc(A->src.n + 1, sizeof *fill);
  if (!fill || vb_vgrow(&A->srcq, nq + 1)) { oom = 1; goto done; }
  for (size_t k = 0; k < A->src.n; k++) { A->src.v[k].q0 = placed; A->src.v[k].nq = count[k]; placed += count[k]; }
  for (size_t i = 0; i < nq; i++) {
    int e = A->attr.v[i].entity;
    vb_source *s;
    if (e < 0 || A->qs.q.v[i].kind == VB_TERM) continue;
    s = &A->src.v[srcof[e]];
    A->srcq.v[s->q0 + fill[srcof[e]]++] = i;
  }
  A->srcq.n = placed;
unattributed:
  for (size_t i = 0; i < nq; i++) {
    vb_kind kd = A->qs.q.v[i].kind;
    if ((A->attr.v[i].entity < 0) && kd != VB_TERM && kd != VB_INDIRECT)
      if (vb_push(&A->unattributed, i)) { oom = 1; break; }
  }
done:
  free(srcof); free(count); free(fill);
  return oom ? -1 : 0;
}

