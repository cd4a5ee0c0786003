/* text.c: UTF-8, lines and excerpts. Decoding is strict (no overlongs, no surrogates)
 * but never stops: a bad byte is U+FFFD of length 1, so offsets stay those of the input. */
#include <stdlib.h>
#include <string.h>
#include "text.h"
#include "buf.h"

/* the external definitions of text.h's inline functions */
extern inline size_t vb_utf8_dec(const unsigned char *s, size_t n, size_t i, uint32_t *cp);
extern inline size_t vb_utf8_prev(const unsigned char *s, size_t i);
extern inline int vb_cp_isspace(uint32_t cp);
extern inline int vb_cp_isalpha(uint32_t cp);
extern inline int vb_cp_isalnum(uint32_t cp);
extern inline int vb_cp_isupper(uint32_t cp);

size_t vb_utf8_dec_mb(const unsigned char *s, size_t n, size_t i, uint32_t *cp) {
  unsigned c = s[i];
  size_t len;
  uint32_t v, min;
  if (c < 0x80) { *cp = c; return 1; }
  if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
  else { *cp = VB_BADCP; return 1; }
  if (n - i < len) { *cp = VB_BADCP; return 1; }
  for (size_t k = 1; k < len; k++) {
    unsigned d = s[i + k];
    if ((d & 0xC0) != 0x80) { *cp = VB_BADCP; return 1; }
    v = (v << 6) | (d & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { *cp = VB_BADCP; return 1; }
  *cp = v;
  return len;
}

size_t vb_utf8_prev_mb(const unsigned char *s, size_t i) {
  size_t j = i - 1;
  if (s[j] < 0x80) return j;   /* the usual case: what the decoding below finds for it */
  /* step back over at most three continuation bytes */
  while (j > 0 && i - j < 4 && (s[j] & 0xC0) == 0x80) j--;
  {
    uint32_t cp;
    size_t n = vb_utf8_dec(s, i, j, &cp);
    if (j + n == i) return j;
  }
  return i - 1;
}

size_t vb_utf8_enc(uint32_t cp, char out[4]) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F)); return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

int vb_utf8_valid(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    uint32_t cp;
    if (u[i] == 0) return 0;
    if (u[i] < 0x80) { i++; continue; }
    i += vb_utf8_dec(u, n, i, &cp);
    if (cp == VB_BADCP && !(i >= 3 && u[i - 3] == 0xEF && u[i - 2] == 0xBF && u[i - 1] == 0xBD)) return 0;
  }
  return 1;
}

int vb_cp_isspace_mb(uint32_t c) {
  return c == ' ' || (c >= 9 && c <= 13) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

int vb_cp_isupper_mb(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
         (c >= 0x410 && c <= 0x42F) || (c >= 0x100 && c <= 0x17F && !(c & 1));
}

int vb_cp_isalpha_mb(uint32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  if (c == 0xD7 || c == 0xF7) return 0;
  if (c >= 0xC0 && c <= 0x24F) return 1;                  /* Latin-1 and Latin Extended */
  if (c >= 0x370 && c <= 0x52F) return 1;                 /* Greek, Cyrillic */
  if (c >= 0x1E00 && c <= 0x1FFF) return 1;
  if (c >= 0x2000 && c <= 0x2BFF) return 0;               /* punctuation, symbols */
  if (c >= 0x3000 && c <= 0x303F) return 0;
  if (c == VB_BADCP || (c >= 0xFE00 && c <= 0xFE6F)) return 0;
  return c >= 0x530;                                      /* other scripts: letters for our purposes */
}


int vb_cp_isdash(uint32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

int vb_lines_build(vb_lines *L, const char *s, size_t n) {
  VB_VEC(size_t) v = {0};
  const char *p = s, *e = s + n;
  if (vb_push(&v, 0)) return -1;
  while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
    p++;
    if (vb_push(&v, (size_t)(p - s))) { vb_vfree(&v); return -1; }
  }
  L->start = v.v;
  L->n = v.n;
  return 0;
}

void vb_lines_pos(const vb_lines *L, size_t off, uint32_t *line, uint32_t *col) {
  size_t lo = 0, hi = L->n;   /* find the last start <= off */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (L->start[mid] <= off) lo = mid; else hi = mid;
  }
  *line = (uint32_t)(lo + 1);
  *col = (uint32_t)(off - L->start[lo] + 1);
}

void vb_lines_free(vb_lines *L) {
  free(L->start);
  L->start = NULL;
  L->n = 0;
}

void vb_excerpt(vb_buf *b, const char *s, size_t n, size_t max) {
  size_t i = 0, shown = 0;
  const unsigned char *u = (const unsigned char *)s;
  while (i < n && shown < max) {
    uint32_t cp;
    size_t k = vb_utf8_dec(u, n, i, &cp);
    if (cp == '\n' || cp == '\r' || cp == '\t') vb_buf_addc(b, ' ');
    else if (cp == VB_BADCP && k == 1) vb_buf_adds(b, "\xEF\xBF\xBD");
    else if (cp < 0x20) vb_buf_addc(b, '?');
    else vb_buf_add(b, s + i, k);
    i += k;
    shown++;
  }
  if (i < n) vb_buf_adds(b, "\xE2\x80\xA6");
}

/* Is c in s? A step at a time, the pages behind given back. */
static int has_byte(const char *s, size_t n, char c, const vb_pace *pace) {
  for (size_t i = 0; i < n;) {
    size_t k = n - i > VB_PACE_STEP ? VB_PACE_STEP : n - i;
    if (memchr(s + i, c, k)) return 1;
    i += k;
    vb_pace_at(pace, i);
  }
  return 0;
}

char vb_line_end(const char *s, size_t n, const vb_pace *pace) {
  return has_byte(s, n, '\n', pace) || !has_byte(s, n, '\r', pace) ? '\n' : '\r';
}

uint32_t vb_cp1252(uint32_t b) {
  static const uint16_t hi[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  return b >= 0x80 && b < 0xA0 ? hi[b - 0x80] : b;
}

static int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

int vb_ascii_ends(const char *name, const char *ext) {
  size_t a = name ? strlen(name) : 0, b = strlen(ext);
  if (a < b) return 0;
  for (size_t i = 0; i < b; i++) if (ascii_lower((unsigned char)name[a - b + i]) != ext[i]) return 0;
  return 1;
}

int vb_ascii_starts(const char *s, size_t n, const char *w) {
  size_t k = strlen(w);
  if (n < k) return 0;
  for (size_t i = 0; i < k; i++) if (ascii_lower((unsigned char)s[i]) != w[i]) return 0;
  return 1;
}
