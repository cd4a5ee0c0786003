/* libFuzzer target for the quote finder: any bytes in, and the result must keep its
 * invariants (spans inside the input and ordered, parts inside their quote, inner words
 * inside the marks, parents enclosing children, positions that agree with the text). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "quotes.h"
#include "text.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

static void check(const char *s, size_t n, const vb_quotes *qs, const vb_lines *L) {
  for (size_t k = 0; k < qs->q.n; k++) {
    const vb_quote *q = &qs->q.v[k];
    uint32_t line, col;
    CHECK(q->start < q->end && q->end <= n);
    CHECK(q->start <= q->istart && q->istart <= q->iend && q->iend <= q->end);
    CHECK(k == 0 || qs->q.v[k - 1].start <= q->start);
    CHECK(q->kind <= VB_INDIRECT && vb_kind_names[q->kind]);
    CHECK(q->nparts >= 1 && q->part0 + q->nparts <= qs->parts.n);
    CHECK((q->nparts > 1) == (q->kind == VB_BLOCK));
    for (size_t j = 0; j < q->nparts; j++) {
      const vb_part *p = &qs->parts.v[q->part0 + j];
      CHECK(q->start <= p->start && p->end <= q->end);
      CHECK(p->start <= p->istart && p->istart <= p->iend && p->iend <= p->end);
      CHECK(j == 0 || qs->parts.v[q->part0 + j - 1].end <= p->start);
    }
    if (q->parent >= 0) {
      const vb_quote *up;
      CHECK((size_t)q->parent < k);
      up = &qs->q.v[q->parent];
      CHECK(up->start <= q->start && q->end <= up->end);
    }
    vb_lines_pos(L, q->start, &line, &col);
    CHECK(q->line == line && q->col == col);
    {
      vb_buf t = {0};
      vb_quote_text(s, qs, q, &t);
      CHECK(!t.oom && t.n <= q->end - q->start);
      vb_buf_free(&t);
    }
  }
  CHECK(qs->diag.n <= 1001);
  for (size_t k = 0; k < qs->diag.n; k++) {
    const vb_diag *d = &qs->diag.v[k];
    uint32_t line, col;
    CHECK(d->off < n && d->msg && *d->msg);
    vb_lines_pos(L, d->off, &line, &col);
    CHECK(d->line == line && d->col == col);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);   /* libFuzzer calls it */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* the first byte picks the options; the rest is the text, in its own allocation so
   * that ASan sees any read past its end */
  vb_qopts o = {0};
  vb_lines L = {0};
  char *s;
  size_t n;
  if (size == 0) return 0;
  o.nested = data[0] & 1;
  n = size - 1;
  s = malloc(n ? n : 1);
  if (!s) return 0;
  memcpy(s, data + 1, n);
  if (vb_lines_build(&L, s, n) == 0) {
    vb_quotes qs = {0};
    if (vb_quotes_find(s, n, &o, &qs) == 0) check(s, n, &qs, &L);
    vb_quotes_free(&qs);
    vb_lines_free(&L);
  }
  free(s);
  return 0;
}
