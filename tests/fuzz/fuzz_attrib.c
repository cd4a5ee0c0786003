/* libFuzzer target for attribution: any bytes in; every attribution must point inside
 * the input, name a rule when it names a speaker, keep its confidence in [0, 1], and the
 * sources must account for each attributed speech quote and reported statement exactly
 * once. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "analyze.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);   /* libFuzzer calls it */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  vb_analysis a;
  vb_aopts o;
  size_t placed = 0;
  memset(&a, 0, sizeof a);
  memset(&o, 0, sizeof o);
  o.no_indirect = size > 0 && (data[0] & 1);   /* both ways, chosen by the input */
  if (vb_analyze((const char *)data, size, &o, &a)) { vb_analysis_free(&a); return 0; }
  for (size_t i = 1; i < a.qs.q.n; i++) CHECK(a.qs.q.v[i - 1].start <= a.qs.q.v[i].start);
  CHECK(a.attr.n == a.qs.q.n);
  for (size_t i = 0; i < a.attr.n; i++) {
    const vb_attr *at = &a.attr.v[i];
    CHECK(at->confidence >= 0 && at->confidence <= 1);
    if (at->mention.start != VB_NONE) {
      CHECK(at->mention.start < at->mention.end && at->mention.end <= size);
      CHECK(at->rule != NULL);
    }
    if (at->cue.start != VB_NONE) CHECK(at->cue.start < at->cue.end && at->cue.end <= size);
    CHECK(at->entity < (int)a.ent.n);
  }
  for (size_t e = 0; e < a.ent.n; e++) {
    const vb_entity *E = &a.ent.v[e];
    CHECK(E->name.start < E->name.end && E->name.end <= size);
    if (E->role.start != VB_NONE) CHECK(E->role.start < E->role.end && E->role.end <= size);
    if (E->org.start != VB_NONE) CHECK(E->org.start < E->org.end && E->org.end <= size);
  }
  for (size_t k = 0; k < a.src.n; k++) {
    CHECK(a.src.v[k].q0 + a.src.v[k].nq <= a.srcq.n && a.src.v[k].p0 + a.src.v[k].np <= a.srcq.n);
    for (size_t j = 0; j < a.src.v[k].nq; j++) {
      CHECK(a.attr.v[a.srcq.v[a.src.v[k].q0 + j]].entity == a.src.v[k].entity);
      CHECK(a.qs.q.v[a.srcq.v[a.src.v[k].q0 + j]].kind != VB_INDIRECT);
    }
    for (size_t j = 0; j < a.src.v[k].np; j++) {            /* its paraphrased statements */
      CHECK(a.attr.v[a.srcq.v[a.src.v[k].p0 + j]].entity == a.src.v[k].entity);
      CHECK(a.qs.q.v[a.srcq.v[a.src.v[k].p0 + j]].kind == VB_INDIRECT);
    }
    placed += a.src.v[k].nq + a.src.v[k].np;
  }
  CHECK(placed == a.srcq.n);
  for (size_t j = 0; j < a.unattributed.n; j++) CHECK(a.attr.v[a.unattributed.v[j]].entity < 0);
  vb_analysis_free(&a);
  return 0;
}
