/* buf.c: growable buffers; doubling keeps appends amortised O(1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "buf.h"

int vb_vec_grow_(void **v, size_t *cap, size_t need, size_t size) {
  /* a first block of half a kilobyte (at least 8 items): most vectors of one analysis are
   * short, and each realloc on the way up costs more than the bytes it saves */
  size_t c = *cap ? *cap : (size > 64 ? 8 : 512 / size);
  void *p;
  if (need <= *cap) return 0;
  while (c < need) {
    if (c > SIZE_MAX / 2 / size) return -1;
    c *= 2;
  }
  p = *v ? realloc(*v, c * size) : malloc(c * size);   /* (a first block: malloc's shorter path) */
  if (!p) return -1;
  *v = p;
  *cap = c;
  return 0;
}

int vb_buf_reserve(vb_buf *b, size_t extra) {
  if (b->oom) return -1;
  if (extra > SIZE_MAX - b->n - 1) { b->oom = 1; return -1; }
  if (vb_vec_grow_((void **)&b->p, &b->cap, b->n + extra + 1, 1)) { b->oom = 1; return -1; }
  return 0;
}

void vb_buf_add(vb_buf *b, const void *s, size_t n) {
  if (vb_buf_reserve(b, n)) return;
  if (n) memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}

void vb_buf_addc(vb_buf *b, int c) {
  char ch = (char)c;
  vb_buf_add(b, &ch, 1);
}

void vb_buf_adds(vb_buf *b, const char *s) { vb_buf_add(b, s, strlen(s)); }

void vb_buf_addf(vb_buf *b, const char *fmt, ...) {
  va_list ap;
  int k;
  char small[128];
  va_start(ap, fmt);
  k = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (k < 0) return;
  if ((size_t)k < sizeof small) { vb_buf_add(b, small, (size_t)k); return; }
  if (vb_buf_reserve(b, (size_t)k)) return;
  va_start(ap, fmt);
  vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
  va_end(ap);
  b->n += (size_t)k;
}

void vb_buf_free(vb_buf *b) {
  free(b->p);
  b->p = NULL;
  b->n = b->cap = 0;
  b->oom = 0;
}
