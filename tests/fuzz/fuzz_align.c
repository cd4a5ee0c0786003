/* libFuzzer target: quote finding, normalisation, alignment and the checker on
 * arbitrary bytes. The input is split at its first 0xFF 0x00 pair (or in the middle):
 * the first part is a draft, the second a source held in memory. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "align.h"
#include "check.h"
#include "normalise.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);   /* libFuzzer calls it */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  size_t cut = size / 2;
  vb_quotes qs = {0};
  vb_material S;
  vb_checked c;
  vb_buf err = {0}, norm = {0};
  vb_offs map = {0};
  vb_wtoks q = {0}, t = {0};
  vb_aln a = {0};
  vb_copts o = {5};
  for (size_t i = 0; i + 1 < size; i++)
    if (data[i] == 0xFF && data[i + 1] == 0) { cut = i; break; }
  memset(&S, 0, sizeof S);
  memset(&c, 0, sizeof c);
  /* the aligner alone, with marks on both sides of the cut */
  if (vb_tokenize(s, cut, 1, &q) == 0 && vb_tokenize(s + cut, size - cut, 0, &t) == 0 &&
      vb_align(q.t.v, q.t.n, t.t.v, t.t.n, &a) == 0) {
    for (size_t k = 0; k < a.steps.n; k++) {
      const vb_step *x = &a.steps.v[k];
      if (x->op != '>' && x->op != '-' && x->q >= q.t.n) abort();
      if (x->s_end > t.t.n || x->s > x->s_end) abort();
    }
    if (a.s0 > a.s1 || a.s1 > t.t.n) abort();
  }
  if (vb_normalise(s, size, &norm, &map) == 0) {
    if (map.n != norm.n + 1 || map.v[norm.n] != size) abort();
    for (size_t i = 0; i < norm.n; i++) if (map.v[i] >= size) abort();
  }
  /* the whole checker */
  if (vb_material_add_text(&S, "src", s + cut, size - cut) == 0 && vb_quotes_find(s, cut, NULL, &qs) == 0 &&
      vb_check(s, cut, &qs, NULL, &S, &o, &c, &err) == 0) {
    if (c.r.n != qs.q.n) abort();
    for (size_t i = 0; i < c.r.n; i++) {
      const vb_cres *r = &c.r.v[i];
      if (r->has_passage && (r->start > r->end || r->end > size - cut)) abort();
      if (r->d0 + r->nd > c.d.n) abort();
    }
  }
  vb_checked_free(&c);
  vb_quotes_free(&qs);
  vb_material_free(&S);
  vb_buf_free(&err); vb_buf_free(&norm); vb_vfree(&map);
  vb_toks_free(&q); vb_toks_free(&t); vb_aln_free(&a);
  return 0;
}
