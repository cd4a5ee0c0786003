/* text.h: the first stage. UTF-8 decoding that never fails and a line index,
 * both over (pointer, length) so that NUL bytes are ordinary bytes. */
#ifndef VB_TEXT_H
#define VB_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

#define VB_BADCP 0xFFFDu

/* The tests below are inline for ASCII, which is most of what they are asked, and call
 * text.c for the rest (the *_mb functions); text.c holds their external definitions. */
size_t vb_utf8_dec_mb(const unsigned char *s, size_t n, size_t i, uint32_t *cp);
size_t vb_utf8_prev_mb(const unsigned char *s, size_t i);
int vb_cp_isspace_mb(uint32_t cp);
int vb_cp_isalpha_mb(uint32_t cp);
int vb_cp_isupper_mb(uint32_t cp);

/* Decode the code point at s[i]; returns the bytes it takes (1..4, never 0 while i < n).
 * An invalid or truncated sequence is one byte decoding to VB_BADCP. */
inline size_t vb_utf8_dec(const unsigned char *s, size_t n, size_t i, uint32_t *cp) {
  if (s[i] < 0x80) { *cp = s[i]; return 1; }
  return vb_utf8_dec_mb(s, n, i, cp);
}
/* Start of the code point that ends just before byte i (i > 0). */
inline size_t vb_utf8_prev(const unsigned char *s, size_t i) {
  return s[i - 1] < 0x80 ? i - 1 : vb_utf8_prev_mb(s, i);
}
size_t vb_utf8_enc(uint32_t cp, char out[4]);
/* 1 when s[0..n) is valid UTF-8 without NUL bytes. */
int vb_utf8_valid(const char *s, size_t n);

inline int vb_cp_isspace(uint32_t cp) { return cp < 0x80 ? cp == ' ' || (cp >= 9 && cp <= 13) : vb_cp_isspace_mb(cp); }
/* letters (Latin, Greek, Cyrillic, and any cp >= 0xC0 that is not punctuation) */
inline int vb_cp_isalpha(uint32_t cp) { return cp < 0x80 ? (cp | 32) >= 'a' && (cp | 32) <= 'z' : vb_cp_isalpha_mb(cp); }
inline int vb_cp_isalnum(uint32_t cp) {
  return cp < 0x80 ? (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z') : vb_cp_isalpha_mb(cp);
}
inline int vb_cp_isupper(uint32_t cp) { return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : vb_cp_isupper_mb(cp); }
int vb_cp_isdash(uint32_t cp);

/* ASCII case-insensitive tests against a lower-case word: does name (NULL: no) end with
 * ext, does s[0..n) start with w? For file extensions and markup keywords. */
int vb_ascii_ends(const char *name, const char *ext);
int vb_ascii_starts(const char *s, size_t n, const char *w);

/* Line starts, for byte offset -> (line, column) lookups in O(log lines). */
typedef struct vb_lines {
  size_t *start;
  size_t n;
} vb_lines;

int vb_lines_build(vb_lines *L, const char *s, size_t n);
/* line is 1-based; col is 1-based, in bytes */
void vb_lines_pos(const vb_lines *L, size_t off, uint32_t *line, uint32_t *col);
void vb_lines_free(vb_lines *L);

/* At most max code points of s[0..n) on one line, for showing text to a person:
 * newlines and tabs as spaces, invalid bytes as U+FFFD, other controls as '?', an
 * ellipsis (…) when cut. Appended to b. */
void vb_excerpt(vb_buf *b, const char *s, size_t n, size_t max);

/* The code point of Windows-1252 byte b (0x80..0x9F differ from Latin-1; the five
 * unassigned ones are U+FFFD). */
uint32_t vb_cp1252(uint32_t b);

/* A long pass over a text tells how far it got, every VB_PACE_STEP bytes or so, so that
 * the pages of a mapped file behind it can be given back (memory stays flat over a file
 * of any size). fn may be NULL. */
#define VB_PACE_STEP ((size_t)2 << 20)
typedef struct vb_pace { void (*fn)(void *ud, size_t done); void *ud; } vb_pace;
#define vb_pace_at(p, done) ((p) && (p)->fn ? (p)->fn((p)->ud, (done)) : (void)0)

/* The byte that ends lines in s: '\n', or '\r' in a text of old Mac line ends (no '\n'
 * at all). A paced pass. */
char vb_line_end(const char *s, size_t n, const vb_pace *pace);

#endif
