/* lsp_text.c: the server's documents (lsp.h): their text and line index, edits, and
 * positions as the protocol counts them, in UTF-16 code units by default or in UTF-8
 * bytes when the client agreed to that. A line ends at "\n", "\r\n" or a lone "\r". An
 * invalid UTF-8 byte counts as one unit (it stands for U+FFFD). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lsp.h"
#include "text.h"

int lsp_lines_build(lsp_lines *L, const char *s, size_t n) {
  L->n = 0;
  if (vb_push(L, (size_t)0)) return -1;
  for (size_t i = 0; i < n; i++) {
    const char *p = memchr(s + i, '\n', n - i), *r = memchr(s + i, '\r', p ? (size_t)(p - (s + i)) : n - i);
    if (r) {                                      /* a "\r" first: a break itself, or "\r\n" */
      i = (size_t)(r - s);
      if (i + 1 < n && s[i + 1] == '\n') i++;
    } else if (p) i = (size_t)(p - s);
    else break;
    if (vb_push(L, i + 1)) return -1;
  }
  return 0;
}

/* the end of line k's text, before its line break */
static size_t line_end(const char *s, size_t n, const lsp_lines *L, size_t k) {
  size_t e = k + 1 < L->n ? L->v[k + 1] : n;
  if (k + 1 < L->n) {
    if (e > L->v[k] && s[e - 1] == '\n') e--;
    if (e > L->v[k] && s[e - 1] == '\r') e--;
  }
  return e;
}

static size_t units(uint32_t cp, size_t bytes, int utf8) { return utf8 ? bytes : cp >= 0x10000 ? 2 : 1; }

size_t lsp_offset(const char *s, size_t n, const lsp_lines *L, long long line, long long ch, int utf8, int *oor) {
  size_t i, e, u = 0;
  if (oor) *oor = 0;
  if (line < 0 || ch < 0) { if (oor) *oor = 1; return 0; }
  if (!L->n || (unsigned long long)line >= L->n) { if (oor) *oor = 1; return n; }
  i = L->v[line];
  e = line_end(s, n, L, (size_t)line);
  while (i < e && u < (unsigned long long)ch) {
    uint32_t cp;
    size_t k = vb_utf8_dec((const unsigned char *)s, e, i, &cp), w = units(cp, k, utf8);
    if (u + w > (unsigned long long)ch) break;    /* inside a code point: its start */
    u += w;
    i += k;
  }
  if (oor && u < (unsigned long long)ch && i == e) *oor = 1;
  return i;
}

void lsp_position(const char *s, size_t n, const lsp_lines *L, size_t off, int utf8, long long *line, long long *ch) {
  size_t lo = 0, hi = L->n ? L->n - 1 : 0, u = 0, i;
  if (off > n) off = n;
  while (lo < hi) {                               /* the last line starting at or before off */
    size_t mid = lo + (hi - lo + 1) / 2;
    if (L->v[mid] <= off) lo = mid; else hi = mid - 1;
  }
  for (i = L->n ? L->v[lo] : 0; i < off;) {
    uint32_t cp;
    size_t k = vb_utf8_dec((const unsigned char *)s, n, i, &cp);
    u += units(cp, k, utf8);
    i += k;
  }
  *line = (long long)lo;
  *ch = (long long)u;
}

json_t *lsp_pos_json(const char *s, size_t n, const lsp_lines *L, size_t off, int utf8) {
  long long line, ch;
  lsp_position(s, n, L, off, utf8, &line, &ch);
  return json_pack("{s:I, s:I}", "line", (json_int_t)line, "character", (json_int_t)ch);
}

json_t *lsp_range_json(const char *s, size_t n, const lsp_lines *L, size_t a, size_t b, int utf8) {
  return json_pack("{s:o, s:o}", "start", lsp_pos_json(s, n, L, a, utf8), "end", lsp_pos_json(s, n, L, b, utf8));
}

int lsp_pos_read(json_t *pos, long long *line, long long *ch) {
  json_t *l = json_object_get(pos, "line"), *c = json_object_get(pos, "character");
  if (!json_is_integer(l) || !json_is_integer(c)) return -1;
  *line = json_integer_value(l);
  *ch = json_integer_value(c);
  return *line < 0 || *ch < 0 ? -1 : 0;
}

int lsp_doc_edit(lsp_doc *d, size_t a, size_t b, const char *s, size_t n) {
  vb_buf *t = &d->text;
  if (b > t->n) b = t->n;
  if (a > b) a = b;
  if (n > b - a && vb_buf_reserve(t, n - (b - a))) { t->oom = 0; return -1; }
  if (t->p) memmove(t->p + a + n, t->p + b, t->n - b);
  if (n) memcpy(t->p + a, s, n);
  t->n = t->n - (b - a) + n;
  if (t->p) t->p[t->n] = 0;
  return lsp_lines_build(&d->lines, t->p ? t->p : "", t->n);
}

/* ---------------------------------------------------------------- URIs */

static int hexval(int c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *lsp_uri_path(const char *uri) {
  const char *p;
  char *out, *o;
  if (!uri || strncmp(uri, "file://", 7)) return NULL;
  p = uri + 7;
  if (!strncmp(p, "localhost/", 10)) p += 9;
  if (*p != '/') return NULL;                     /* another host's file */
  if (!(out = o = malloc(strlen(p) + 1))) return NULL;
  for (; *p && *p != '?' && *p != '#'; p++) {
    int h, l;
    if (*p == '%' && (h = hexval(p[1])) >= 0 && (l = hexval(p[2])) >= 0) {
      *o++ = (char)(h * 16 + l);
      p += 2;
    } else *o++ = *p;
  }
  *o = 0;
  if (memchr(out, 0, (size_t)(o - out)) != NULL && strlen(out) != (size_t)(o - out)) { free(out); return NULL; }
  return out;
}

char *lsp_path_uri(const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  size_t n = strlen(path);
  char *out = malloc(7 + 3 * n + 1), *o = out;
  if (!out) return NULL;
  memcpy(o, "file://", 7);
  o += 7;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
      *o++ = (char)*p;
    else {
      *o++ = '%';
      *o++ = hex[*p >> 4];
      *o++ = hex[*p & 15];
    }
  }
  *o = 0;
  return out;
}

void lsp_doc_free(lsp_doc *d) {
  if (!d) return;
  free(d->uri);
  free(d->path);
  free(d->lang);
  vb_buf_free(&d->text);
  vb_buf_free(&d->prose);
  vb_vfree(&d->lines);
  vb_draft_free(&d->d);
  vb_buf_free(&d->problem);
  free(d);
}
