/* normalise.c: one pass over the bytes turns text into folded, hashed words with their
 * spans. ASCII takes a short path; other code points go through utf8proc (compatibility
 * decomposition, case folding, marks stripped), so ﬁ = fi, É = e, Ｓ = s.
 * The same scanner writes the folded text with its byte map (vb_normalise), so what is
 * hashed and what is shown can never disagree. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "normalise.h"
#include "text.h"

#define FNV_OFF 0xcbf29ce484222325ULL
#define FNV_MUL 0x100000001b3ULL

typedef struct tz {
  const unsigned char *s;
  size_t n;
  int marks;
  vb_wtoks *out;
  vb_buf *norm;
  vb_offs *map;
  int inword, gap, oom;
  size_t ws, we;
  uint64_t h;
  uint8_t flags;
} tz;

static inline unsigned ascii_fold(unsigned c) {
  unsigned l = c | 32;
  if (l - 'a' < 26u) return l;
  return c - '0' < 10u ? c : 0;
}

/* Folded word code points of cp into o[0..8): the count, 0 for a mark that stays inside a
 * word, -1 for a word break. */
static int fold_cp(uint32_t cp, uint32_t o[8]) {
  utf8proc_int32_t b[8];
  utf8proc_ssize_t k;
  int r = 0, alnum = 0;
  if (cp == VB_BADCP || vb_cp_isspace(cp)) return -1;
  k = utf8proc_decompose_char((utf8proc_int32_t)cp, b, 8,
                              UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE, NULL);
  if (k < 0 || k > 8) return -1;
  if (k == 0) return 0;                 /* a combining mark, stripped */
  for (utf8proc_ssize_t i = 0; i < k; i++) {
    utf8proc_category_t c = utf8proc_category(b[i]);
    if ((c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
        (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO)) {
      o[r++] = b[i] < 0x80 ? ascii_fold((unsigned)b[i]) : (uint32_t)b[i];
      alnum = 1;
    } else if (c < UTF8PROC_CATEGORY_MN || c > UTF8PROC_CATEGORY_ME) {
      if (!alnum) return -1;            /* ½ -> 1⁄2 keeps 1 2; a lone symbol breaks */
    }
  }
  return r;
}

static uint32_t cp_at(const tz *z, size_t i, size_t *len) {
  uint32_t cp;
  *len = vb_utf8_dec(z->s, z->n, i, &cp);
  return cp;
}

/* Does a word character start at byte i? lower: and it is not an upper-case letter. */
static int wordstart(const tz *z, size_t i, int lower) {
  uint32_t o[8], cp;
  size_t k;
  if (i >= z->n) return 0;
  if (z->s[i] < 0x80) {
    if (lower && z->s[i] >= 'A' && z->s[i] <= 'Z') return 0;
    return ascii_fold(z->s[i]) != 0;
  }
  cp = cp_at(z, i, &k);
  if (lower && vb_cp_isupper(cp)) return 0;
  return fold_cp(cp, o) > 0;
}

static void emit(tz *z, const char *b, size_t k, size_t at) {
  vb_buf_add(z->norm, b, k);
  if (vb_vgrow(z->map, z->map->n + k)) { z->oom = 1; return; }
  for (size_t j = 0; j < k; j++) z->map->v[z->map->n++] = at;
}

static void addcp(tz *z, uint32_t c, size_t at) {
  if (!z->inword) {
    z->inword = 1;
    z->ws = at;
    z->h = FNV_OFF;
    if (z->norm && z->norm->n) emit(z, " ", 1, at);
  }
  z->h = (z->h ^ c) * FNV_MUL;
  if (z->norm) {
    char b[4];
    emit(z, b, vb_utf8_enc(c, b), at);
  }
}

static uint64_t mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h ? h : 1;
}

static void push(tz *z, vb_wtok t) {
  if (z->gap) t.flags |= VB_TF_GAP;
  z->gap = 0;
  if (z->out->t.n < z->out->t.cap) z->out->t.v[z->out->t.n++] = t;   /* reserved in vb_tokenize */
  else if (vb_push(&z->out->t, t)) z->oom = 1;
}

static void endword(tz *z) {
  vb_wtok t;
  if (!z->inword) return;
  z->inword = 0;
  if (!z->out) return;
  t.start = z->ws; t.end = z->we; t.h = mix(z->h); t.kind = VB_TW; t.flags = z->flags;
  z->flags = 0;
  push(z, t);
}

static void gap(tz *z) {
  endword(z);
  z->gap = 1;
  if (z->out) z->out->marks++;
}

/* After a hyphen inside a word at byte i: where the word goes on across a line end
 * (pro-\n  posal), or 0; *split set when a word follows on the same line (locker-room):
 * then the compound's parts are words of their own, the later ones flagged VB_TF_HYPH,
 * so that the hyphenated, spaced and (through vb_join_hash) closed forms all match. A
 * dash before a new sentence is neither. */
static size_t hyphen_join(const tz *z, size_t i, int *split) {
  size_t j = i;
  *split = 0;
  if (wordstart(z, j, 0)) { *split = 1; return j; }
  while (j < z->n && (z->s[j] == ' ' || z->s[j] == '\t')) j++;
  if (j < z->n && z->s[j] == '\r') j++;
  if (j >= z->n || z->s[j] != '\n') return 0;
  j++;
  while (j < z->n && (z->s[j] == ' ' || z->s[j] == '\t')) j++;
  return wordstart(z, j, 1) ? j : 0;
}

/* ... or . . . at byte i: the byte after it, or 0. */
static size_t ellipsis(const tz *z, size_t i) {
  const unsigned char *s = z->s;
  size_t n = z->n, j;
  if (i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
    for (j = i + 3; j < n && s[j] == '.'; j++) {}
    return j;
  }
  if (i + 4 < n && s[i + 1] == ' ' && s[i + 2] == '.' && s[i + 3] == ' ' && s[i + 4] == '.') {
    for (j = i + 5; j + 1 < n && s[j] == ' ' && s[j + 1] == '.'; j += 2) {}
    return j;
  }
  return 0;
}

static void addword_cp(tz *z, uint32_t cp, size_t at, size_t end) {
  uint32_t o[8];
  int r = cp < 0x80 ? (ascii_fold(cp) ? (o[0] = ascii_fold(cp), 1) : -1) : fold_cp(cp, o);
  for (int k = 0; k < r; k++) addcp(z, o[k], at);
  if (r > 0 || (r == 0 && z->inword)) z->we = end;
}

/* A bracket at byte i (quotes only): the byte after what it covers, or 0 when it is
 * not an editorial mark and reads as punctuation. */
static size_t bracket(tz *z, size_t i) {
  const unsigned char *s = z->s;
  size_t j = i + 1, lim = i + 96 < z->n ? i + 96 : z->n, a, b;
  int wordy = 1;
  while (j < lim && s[j] != ']' && s[j] != '[' && s[j] != '\n') j++;
  if (j >= lim || s[j] != ']') return 0;
  for (a = i + 1; a < j && s[a] == ' '; a++) {}
  for (b = j; b > a && s[b - 1] == ' '; b--) {}
  if (b - a == 3 && (s[a] | 32) == 's' && (s[a + 1] | 32) == 'i' && (s[a + 2] | 32) == 'c') {
    if (z->out) z->out->marks++;
    return j + 1;
  }
  if ((b - a == 3 && !memcmp(s + a, "...", 3)) || (b - a == 3 && !memcmp(s + a, "\xE2\x80\xA6", 3))) {
    gap(z);
    return j + 1;
  }
  for (size_t k = a; k < b;) {
    size_t len;
    uint32_t cp = cp_at(z, k, &len);
    if (!wordstart(z, k, 0) && cp != '\'' && cp != 0x2019) { wordy = 0; break; }
    k += len;
  }
  if (z->out) z->out->marks++;
  if (wordy && a == i + 1 && b == j && b > a && (z->inword || wordstart(z, j + 1, 0))) {
    /* [T]he, gov[ernment]: the letters belong to the word */
    for (size_t k = a; k < b;) {
      size_t len;
      uint32_t cp = cp_at(z, k, &len);
      if (!z->inword) { addword_cp(z, cp, i, k + len); }
      else addword_cp(z, cp, k, k + len);
      k += len;
    }
    z->flags |= VB_TF_EDIT;
    z->we = j + 1;
    return j + 1;
  }
  endword(z);
  if (z->out) {
    vb_wtok t;
    t.start = i; t.end = j + 1; t.h = 0; t.kind = VB_TB; t.flags = 0;
    push(z, t);
  }
  return j + 1;
}

static int scan(tz *z) {
  const unsigned char *s = z->s;
  size_t n = z->n, i = 0;
  while (i < n && !z->oom) {
    unsigned c = s[i];
    size_t k = 1, j;
    uint32_t cp = c;
    if (c < 0x80) {
      unsigned f = ascii_fold(c);
      if (f) {
        addcp(z, f, i++);
        if (!z->norm) {                         /* the hot path: the rest of an ASCII word */
          uint64_t h = z->h;
          while (i < n && (f = ascii_fold(s[i])) != 0) { h = (h ^ f) * FNV_MUL; i++; }
          z->h = h;
        }
        z->we = i;
        continue;
      }
    } else cp = cp_at(z, i, &k);
    switch (cp) {
      case '\'': case 0x2019: case 0x2018: case 0x02BC:
        if (z->inword && wordstart(z, i + k, 0)) { i += k; continue; }
        break;
      case '-': case 0x2010: case 0x2011: case 0xAD: {
        int split;
        if (z->inword && (j = hyphen_join(z, i + k, &split)) != 0) {
          if (split && cp != 0xAD) { endword(z); z->flags |= VB_TF_HYPH; }
          else z->flags |= VB_TF_LJOIN * (j > i + k);
          i = j;
          continue;
        }
        if (cp == 0xAD) { i += k; continue; }
        break;
      }
      case '.':
        if (z->marks && (j = ellipsis(z, i)) != 0) { gap(z); i = j; continue; }
        break;
      case 0x2026:
        if (z->marks) { gap(z); i += k; continue; }
        break;
      case '[':
        if (z->marks && (j = bracket(z, i)) != 0) { i = j; continue; }
        break;
      default:
        if (cp >= 0x80) {
          uint32_t o[8];
          int r = fold_cp(cp, o);
          if (r > 0) {
            for (int q = 0; q < r; q++) addcp(z, o[q], i);
            z->we = i + k;
          }
          if (r >= 0 && (r > 0 || z->inword)) { i += k; continue; }
        }
        break;
    }
    endword(z);
    i += k;
  }
  endword(z);
  if (z->out && z->gap) z->out->gap_end = 1;
  return z->oom ? -1 : 0;
}

int vb_tokenize(const char *s, size_t n, int marks, vb_wtoks *out) {
  tz z;
  memset(&z, 0, sizeof z);
  z.s = (const unsigned char *)s; z.n = n; z.marks = marks; z.out = out;
  /* a word takes at least two bytes with its break: one growth at most */
  if (vb_vgrow(&out->t, out->t.n + n / 2 + 2)) return -1;
  return scan(&z);
}

void vb_toks_free(vb_wtoks *t) {
  vb_vfree(&t->t);
  t->marks = t->gap_end = 0;
}

int vb_normalise(const char *s, size_t n, vb_buf *out, vb_offs *map) {
  tz z;
  memset(&z, 0, sizeof z);
  z.s = (const unsigned char *)s; z.n = n; z.norm = out; z.map = map;
  vb_buf_add(out, "", 0);
  if (scan(&z) || out->oom || vb_push(map, n)) return -1;
  return 0;
}

uint64_t vb_join_hash(const char *s, const vb_wtok *a, const vb_wtok *b) {
  uint64_t h = FNV_OFF;
  const vb_wtok *w[2];
  w[0] = a; w[1] = b;
  for (int k = 0; k < 2; k++) {
    tz z;
    memset(&z, 0, sizeof z);
    z.s = (const unsigned char *)s; z.n = w[k]->end;
    for (size_t i = w[k]->start; i < w[k]->end;) {
      unsigned c = z.s[i];
      if (c < 0x80) {
        unsigned f = ascii_fold(c);
        if (f) h = (h ^ f) * FNV_MUL;
        i++;
      } else {
        size_t len;
        uint32_t o[8], cp = cp_at(&z, i, &len);
        int r = fold_cp(cp, o);
        for (int q = 0; q < r; q++) h = (h ^ o[q]) * FNV_MUL;
        i += len;
      }
    }
  }
  return mix(h);
}

/* The clitics English writes after an apostrophe: 'm 're 's 've 'll 'd, and n't. */
uint64_t vb_stem_hash(const char *cs, const vb_wtok *w) {
  const unsigned char *s = (const unsigned char *)cs;
  size_t a = w->start, e = w->end, ap = e, k;
  uint64_t h = FNV_OFF;
  char tail[4];
  size_t tn = 0;
  if (w->kind != VB_TW || e - a < 2 || (!memchr(s + a, '\'', e - a) && !memchr(s + a, 0xE2, e - a))) return 0;
  for (size_t i = a; i < e; i++)
    if (s[i] == '\'' || (s[i] == 0xE2 && i + 2 < e && s[i + 1] == 0x80 && s[i + 2] == 0x99)) { ap = i; break; }
  if (ap == e) return 0;
  k = s[ap] == '\'' ? ap + 1 : ap + 3;
  for (size_t i = k; i < e && tn < 3; i++) tail[tn++] = (char)(s[i] | 32);
  if (k + tn != e) return 0;
  tail[tn] = 0;
  if (!strcmp(tail, "t") && ap > a + 1 && (s[ap - 1] | 32) == 'n') ap--;      /* do|n't */
  else if (strcmp(tail, "m") && strcmp(tail, "re") && strcmp(tail, "s") && strcmp(tail, "ve") &&
           strcmp(tail, "ll") && strcmp(tail, "d"))
    return 0;
  for (size_t i = a; i < ap; i++) {
    unsigned f;
    if (s[i] >= 0x80) return 0;               /* ASCII stems only: the clitics are English */
    f = ascii_fold(s[i]);
    if (f) h = (h ^ f) * FNV_MUL;
  }
  return ap > a ? mix(h) : 0;
}
