/* decode.c: bytes as UTF-8 text with a map to the original (see decode.h).
 *
 * Two layers: an encoding layer (the original as UTF-8, "mid") and a markup layer
 * (markup.c: the text without tags, cue timings...). The encoding layer keeps a mark
 * every 8 KB and re-decodes from the nearest mark to find an exact byte; the markup
 * layer keeps an anchor wherever bytes were dropped or made up. A lookup is a binary
 * search and at most 8 KB of decoding. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "markup.h"
#include "text.h"

#define MARK_STEP 8192
#define SYNTH_NONE UINT64_MAX

/* ---------------------------------------------------------------- encodings */

/* One code point of the original at o: its bytes there (0 at the end). */
static size_t unit(int enc, const unsigned char *p, size_t n, size_t o, uint32_t *cp) {
  if (o >= n) return 0;
  switch (enc) {
    case VB_ENC_CP1252:
      *cp = vb_cp1252(p[o]);
      return 1;
    case VB_ENC_UTF16LE:
    case VB_ENC_UTF16BE: {
      int le = enc == VB_ENC_UTF16LE;
      uint32_t u, v;
      if (n - o < 2) { *cp = VB_BADCP; return 1; }
      u = le ? (uint32_t)(p[o] | p[o + 1] << 8) : (uint32_t)(p[o] << 8 | p[o + 1]);
      if (u >= 0xD800 && u < 0xDC00 && n - o >= 4) {
        v = le ? (uint32_t)(p[o + 2] | p[o + 3] << 8) : (uint32_t)(p[o + 2] << 8 | p[o + 3]);
        if (v >= 0xDC00 && v < 0xE000) { *cp = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00); return 4; }
      }
      *cp = u >= 0xD800 && u < 0xE000 ? VB_BADCP : (u ? u : VB_BADCP);
      return 2;
    }
    default:
      return vb_utf8_dec(p, n, o, cp);
  }
}

static size_t utf8_len(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

/* What the first bytes say: an encoding and the BOM's length. UTF-16 without a BOM is
 * told by its zero bytes: ASCII text has one in every code unit, always on the same side. */
static int sniff_encoding(const unsigned char *p, size_t n, size_t *bom) {
  size_t k = n < 8192 ? n & ~(size_t)1 : 8192, z0 = 0, z1 = 0;
  *bom = 0;
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) return VB_ENC_UTF8;
  if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE && !(n >= 4 && !p[2] && !p[3])) { *bom = 2; return VB_ENC_UTF16LE; }
  if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) { *bom = 2; return VB_ENC_UTF16BE; }
  if (memchr(p, 0, k))                       /* most text has no zero byte at all */
    for (size_t i = 0; i + 1 < k; i += 2) { z0 += !p[i]; z1 += !p[i + 1]; }
  if (k >= 8) {
    if (z1 * 10 >= k * 2 && z0 * 50 < k) return VB_ENC_UTF16LE;    /* 40% of units */
    if (z0 * 10 >= k * 2 && z1 * 50 < k) return VB_ENC_UTF16BE;
  }
  return -1;
}

/* Not text at all: the kind named by its magic, or NULL when it may be text. */
static const char *binary_kind(const unsigned char *p, size_t n) {
  static const struct { const char *magic; size_t len; const char *kind; } m[] = {
    {"%PDF", 4, "a PDF document"}, {"PK\x03\x04", 4, "a ZIP archive"}, {"\x89PNG", 4, "a PNG image"},
    {"\xFF\xD8\xFF", 3, "a JPEG image"}, {"GIF8", 4, "a GIF image"}, {"\x1F\x8B", 2, "gzip data"},
    {"\x7F" "ELF", 4, "a program"}, {"\xD0\xCF\x11\xE0", 4, "an old Office document (.doc)"},
    {"{\\rtf", 5, "an RTF document"}, {"ID3", 3, "audio"}, {"OggS", 4, "audio"}, {"fLaC", 4, "audio"},
    {"RIFF", 4, "audio or video"}, {"\x1A\x45\xDF\xA3", 4, "video"}, {"BZh", 3, "bzip2 data"},
    {"\xFD" "7zXZ", 5, "xz data"}, {"7z\xBC\xAF", 4, "a 7-Zip archive"}, {"SQLite format 3", 15, "a database"}};
  size_t k = n < 8192 ? n : 8192, ctl = 0, nul = 0;
  for (size_t i = 0; i < sizeof m / sizeof *m; i++)
    if (n >= m[i].len && !memcmp(p, m[i].magic, m[i].len)) return m[i].kind;
  if (n >= 8 && !memcmp(p + 4, "ftyp", 4)) return "video";
  /* no magic: NUL bytes, other controls and bytes that are not UTF-8, in the first 8 KB.
   * Text with a stray NUL or a wrong byte stays text (read best-effort); data is full of them. */
  for (size_t i = 0; i < k;) {
    uint32_t cp;
    uint64_t w;
    /* eight printable ASCII bytes at a time */
    if (i + 8 <= k && (memcpy(&w, p + i, 8), !(w & 0x8080808080808080ULL)) &&
        !((w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL)) { i += 8; continue; }
    if (!p[i]) nul++;
    else if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' && p[i] != '\f' && p[i] != '\v' && p[i] != 0x1B) ctl++;
    else if (p[i] >= 0x80) {
      size_t l = vb_utf8_dec(p, k, i, &cp);
      if (cp == VB_BADCP && l == 1) ctl++;
      i += l;
      continue;
    }
    i++;
  }
  if (nul * 10 > k * 3) return "binary data";
  return k >= 64 && (nul + ctl) * 100 > k * 15 ? "binary data" : NULL;
}

static int mark(vb_decoded *D, uint64_t orig, uint64_t mid, uint64_t line, uint64_t ls) {
  vb_lmark m;
  m.orig = orig; m.mid = mid; m.line = line; m.line_start = ls;
  return vb_push(&D->lm, m);
}

/* The original in UTF-8, with marks. Plain UTF-8 stays where it is: a memchr walk for
 * the line marks, and a count of what is not UTF-8. */
static int encode_layer(vb_decoded *D, size_t bom, const vb_pace *pace, size_t *bad, size_t *good) {
  const unsigned char *p = D->orig;
  size_t n = D->orig_n, line = 1, ls = 0, last = 0;
  *bad = *good = 0;
  if (mark(D, 0, 0, 1, 0)) return -1;
  if (D->enc == VB_ENC_UTF8) {
    const char *s = (const char *)p, *e;
    size_t i = 0;
    char eol = D->eol;
    D->mid = (char *)(uintptr_t)p;
    D->mid_n = n;
    /* a mark every MARK_STEP bytes, inside long lines too, so that a place is found by
     * walking at most that far whatever the line breaks */
    for (size_t paced = 0; i < n;) {
      size_t lim = n - i > MARK_STEP ? MARK_STEP : n - i;
      e = memchr(s + i, eol, lim);
      if (e) { i = (size_t)(e - s) + 1; line++; ls = i; }
      else i += lim;
      if (i - last >= MARK_STEP && i < n) {
        if (mark(D, i, i, line, ls)) return -1;
        last = i;
      }
      if (i - paced >= VB_PACE_STEP) { vb_pace_at(pace, i); paced = i; }
    }
    vb_pace_at(pace, n);
    for (i = 0; i < n;) {                     /* what is not UTF-8, a step at a time */
      size_t stop = n - i > VB_PACE_STEP ? i + VB_PACE_STEP : n;
      while (i < stop) {
        uint32_t cp;
        if (p[i] < 0x80) {
          uint64_t w;
          while (i + 8 <= stop && (memcpy(&w, p + i, 8), !(w & 0x8080808080808080ULL))) i += 8;
          if (i < stop && p[i] < 0x80) i++;
          continue;
        }
        i += vb_utf8_dec(p, n, i, &cp);
        if (cp == VB_BADCP && !(i >= 3 && p[i - 3] == 0xEF && p[i - 2] == 0xBF && p[i - 1] == 0xBD)) (*bad)++;
        else (*good)++;
      }
      vb_pace_at(pace, i);
    }
    return 0;
  }
  {
    vb_buf b = {0};
    size_t o = bom, since = 0;
    if (vb_buf_reserve(&b, n + n / 2 + 4)) return -1;
    if (bom && mark(D, bom, 0, 1, 0)) { vb_buf_free(&b); return -1; }
    while (o < n) {
      uint32_t cp;
      size_t u = unit(D->enc, p, n, o, &cp);
      char c[4];
      size_t k = vb_utf8_enc(cp, c);
      vb_buf_add(&b, c, k);
      o += u;
      if (cp == (uint32_t)(unsigned char)D->eol) { line++; ls = o; }
      if (cp == VB_BADCP) (*bad)++;
      if ((since += u) >= MARK_STEP) {
        since = 0;
        if (mark(D, o, b.n, line, ls)) { vb_buf_free(&b); return -1; }
        if (!(D->lm.n & 2047)) vb_pace_at(pace, o);
      }
    }
    if (b.oom) { vb_buf_free(&b); return -1; }
    vb_buf_add(&b, "", 0);
    D->mid = b.p ? b.p : calloc(1, 1);
    D->mid_n = b.n;
    D->mid_owned = 1;
    return D->mid ? 0 : -1;
  }
}

/* ---------------------------------------------------------------- the driver */

static void set_format(vb_decoded *D, const char *mk) {
  static const char *const enc[] = {"UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252"};
  if (!mk) snprintf(D->format, sizeof D->format, "%s", enc[D->enc]);
  else if (D->enc == VB_ENC_UTF8) snprintf(D->format, sizeof D->format, "%s", mk);
  else snprintf(D->format, sizeof D->format, "%s (%s)", mk, enc[D->enc]);
}

int vb_decode(vb_decoded *D, const char *name, const unsigned char *p, size_t n, const vb_pace *pace, vb_buf *warn) {
  size_t bom = 0, bad = 0, good = 0;
  int enc;
  memset(D, 0, sizeof *D);
  D->orig = p; D->orig_n = n;
  D->s = (const char *)p; D->n = n;
  D->eol = vb_line_end((const char *)p, n, pace);
  enc = sniff_encoding(p, n, &bom);
  if (enc < 0) {
    const char *kind = binary_kind(p, n);
    if (kind && n >= 4 && !memcmp(p, "PK\x03\x04", 4)) {
      int r = vb_markup_docx(D, p, n, warn);
      if (r < 0) return -1;
      if (r) {
        if (D->binary) { D->s = ""; D->n = 0; return 0; }
        /* offsets are those of the document's text: it is its own original */
        D->orig = (const unsigned char *)D->s; D->orig_n = D->n;
        D->markup = VB_MK_DOCX;
        D->enc = VB_ENC_UTF8;
        D->eol = '\n';
        strcpy(D->format, "DOCX");
        return encode_layer(D, 0, NULL, &bad, &good);
      }
    }
    if (kind) {
      vb_buf_addf(warn, "%s, not text: skipped", kind);
      D->binary = 1; D->s = ""; D->n = 0;
      strcpy(D->format, "binary");
      return 0;
    }
    enc = VB_ENC_UTF8;
  }
  D->enc = enc;
  if (enc != VB_ENC_UTF8 && n > VB_DECODE_MAX) {
    vb_buf_addf(warn, "%zu MB of UTF-16 is more than verbatim converts (%zu MB): skipped; convert it to UTF-8 first",
                n >> 20, VB_DECODE_MAX >> 20);
    D->binary = 1; D->s = ""; D->n = 0;
    return 0;
  }
  if (encode_layer(D, bom, pace, &bad, &good)) return -1;
  if (enc == VB_ENC_UTF8 && bad && good * 4 < bad) {
    /* not UTF-8: the single-byte code page most such text is in */
    if (n > VB_DECODE_MAX) {
      vb_buf_addf(warn, "not UTF-8, and too large to convert (%zu MB): read as is", n >> 20);
    } else {
      vb_vfree(&D->lm);
      D->enc = VB_ENC_CP1252;
      if (encode_layer(D, 0, pace, &bad, &good)) return -1;
      vb_buf_addf(warn, "not UTF-8: read as Windows-1252");
    }
  } else if (bad) vb_buf_addf(warn, "%zu bytes that are not UTF-8", bad);
  D->s = D->mid; D->n = D->mid_n;
  if (vb_sniff_cues(name, D->mid, D->mid_n)) {
    D->markup = VB_MK_CUES;
    if (vb_markup_cues(D)) return -1;
    {
      size_t b = D->mid_n >= 3 && !memcmp(D->mid, "\xEF\xBB\xBF", 3) ? 3 : 0;
      set_format(D, vb_ascii_starts(D->mid + b, D->mid_n - b, "webvtt") || vb_ascii_ends(name, ".vtt") ? "WebVTT" : "SRT");
    }
  } else if (vb_sniff_html(name, D->mid, D->mid_n)) {
    D->markup = VB_MK_HTML;
    if (vb_markup_html(D)) return -1;
    set_format(D, "HTML");
  } else set_format(D, NULL);
  return 0;
}

void vb_decoded_free(vb_decoded *D) {
  if (D->mid_owned) free(D->mid);
  free(D->own);
  vb_vfree(&D->mk);
  vb_vfree(&D->lm);
  memset(D, 0, sizeof *D);
}

/* ---------------------------------------------------------------- lookups */

static size_t mid_of(const vb_decoded *D, size_t off, int end) {
  size_t lo = 0, hi = D->mk.n;
  const vb_anchor *a;
  if (!D->own || D->markup == VB_MK_DOCX || !hi) return off;
  if (end) { if (!off) return D->mk.v[0].mid; off--; }
  if (D->mk.v[0].dec > off) return D->mk.v[0].mid;
  while (hi - lo > 1) {
    size_t m = lo + (hi - lo) / 2;
    if (D->mk.v[m].dec <= off) lo = m; else hi = m;
  }
  a = &D->mk.v[lo];
  if (a->mid_end == SYNTH_NONE) return (size_t)(a->mid + (off - a->dec)) + (end ? 1 : 0);
  return (size_t)(end ? a->mid_end : a->mid);
}

static size_t orig_of(const vb_decoded *D, size_t m) {
  size_t lo = 0, hi = D->lm.n;
  uint64_t o, x;
  if (D->enc == VB_ENC_UTF8 || !hi) return m;
  while (hi - lo > 1) {
    size_t k = lo + (hi - lo) / 2;
    if (D->lm.v[k].mid <= m) lo = k; else hi = k;
  }
  o = D->lm.v[lo].orig; x = D->lm.v[lo].mid;
  while (x < m) {
    uint32_t cp;
    size_t u = unit(D->enc, D->orig, D->orig_n, (size_t)o, &cp);
    if (!u) break;
    x += utf8_len(cp == VB_BADCP ? 0xFFFD : cp);
    if (x > m) break;                              /* inside a character: its start */
    o += u;
  }
  return (size_t)o;
}

size_t vb_dec_orig(const vb_decoded *D, size_t off) { return orig_of(D, mid_of(D, off, 0)); }
size_t vb_dec_orig_end(const vb_decoded *D, size_t off) { return orig_of(D, mid_of(D, off, 1)); }

void vb_dec_linecol(const vb_decoded *D, size_t o, uint32_t *line, uint32_t *col) {
  size_t lo = 0, hi = D->lm.n, x, ln, ls;
  if (o > D->orig_n) o = D->orig_n;
  if (!hi) { *line = 1; *col = (uint32_t)o + 1; return; }
  while (hi - lo > 1) {
    size_t k = lo + (hi - lo) / 2;
    if (D->lm.v[k].orig <= o) lo = k; else hi = k;
  }
  x = (size_t)D->lm.v[lo].orig; ln = (size_t)D->lm.v[lo].line; ls = (size_t)D->lm.v[lo].line_start;
  if (D->enc == VB_ENC_UTF8) {
    const char *s = (const char *)D->orig, *e;
    while (x < o && (e = memchr(s + x, D->eol, o - x)) != NULL) { x = (size_t)(e - s) + 1; ln++; ls = x; }
  } else {
    while (x < o) {
      uint32_t cp;
      size_t u = unit(D->enc, D->orig, D->orig_n, x, &cp);
      if (!u) break;
      x += u;
      if (cp == (uint32_t)(unsigned char)D->eol && x <= o) { ln++; ls = x; }
    }
  }
  *line = (uint32_t)ln;
  *col = (uint32_t)(o - ls + 1);
}
