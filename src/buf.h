/* buf.h: growable byte buffers and typed vectors. A buffer that fails to grow sets a
 * sticky flag and drops later writes, so that a caller checks once at the end; a vector's
 * push or grow returns -1 instead. (Fixed-size tables elsewhere use malloc directly.) */
#ifndef VB_BUF_H
#define VB_BUF_H
#include <stddef.h>
#include <stdarg.h>

typedef struct vb_buf {
  char *p;
  size_t n, cap;
  int oom;                      /* set once an allocation failed; later writes are dropped */
} vb_buf;

int vb_buf_reserve(vb_buf *b, size_t extra);
void vb_buf_add(vb_buf *b, const void *s, size_t n);
void vb_buf_addc(vb_buf *b, int c);
void vb_buf_adds(vb_buf *b, const char *s);
void vb_buf_addf(vb_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
void vb_buf_free(vb_buf *b);

/* A vector of T: VB_VEC(int) v = {0}; if (vb_push(&v, 3)) fail(); */
#define VB_VEC(T) struct { T *v; size_t n, cap; }
int vb_vec_grow_(void **v, size_t *cap, size_t need, size_t size);
/* The capacity test is inline: a push that fits (nearly all of them) makes no call. */
#define vb_vgrow(vec, need) \
  ((need) <= (vec)->cap ? 0 : vb_vec_grow_((void **)&(vec)->v, &(vec)->cap, (need), sizeof *(vec)->v))
#define vb_push(vec, x) \
  ((vec)->n < (vec)->cap || !vb_vec_grow_((void **)&(vec)->v, &(vec)->cap, (vec)->n + 1, sizeof *(vec)->v) \
     ? ((vec)->v[(vec)->n++] = (x), 0) : -1)
#define vb_vfree(vec) ((void)(free((vec)->v), (vec)->v = NULL, (vec)->n = (vec)->cap = 0))

#endif
