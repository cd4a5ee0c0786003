/* quotes.c: one pass over the bytes finds quotation marks, pairs them on a small
 * stack and classifies what they enclose. Only bytes that can start a mark or end a
 * line stop the scan (a 256-entry table), so plain prose is skipped at memory speed.
 *
 * Marks: " “ ” „ « » and the archive pairs '' `` (doubles); ‘ ’ ' (singles, which are
 * also apostrophes). A paragraph that ends inside an open double quote continues when
 * the next paragraph opens with a double mark: that is one quote of kind block. A
 * quote that never closes ends, best effort, with its paragraph, and is diagnosed.
 * Single marks are quotes wherever a text has no double mark; in a text that has some,
 * each single opener is decided from its own context (British style beside one scare
 * quote in doubles): a word start, and a mark that can close it later in the paragraph.
 * Lines are counted as the scan passes them, so every position costs O(1). */
#include <stdlib.h>
#include <string.h>
#include "quotes.h"
#include "text.h"
#include "tokens.h"
#include "turns.h"

const char *const vb_kind_names[] = {"direct", "partial", "block", "term", "indirect"};

enum { M_NONE, M_DQ, M_DLEFT, M_DRIGHT, M_DLOW, M_GUIL_L, M_GUIL_R, M_TWOAPOS, M_TWOTICK,
       M_SLEFT, M_SRIGHT, M_SQ };

/* Real text nests two or three deep; the bound keeps every stack walk O(1). */
#define MAXDEPTH 64
/* A hostile input can hold millions of stray marks: report the first ones only. */
#define MAXDIAG 1000

typedef struct frame {
  size_t start;           /* opening mark of the first part */
  size_t part0;           /* first part of this quote in the scratch parts vector */
  uint32_t line, col;     /* of start */
  int dbl;                /* double (1) or single (0) */
  int style;              /* opening mark class, to choose the closer */
  int brit;               /* a single mark opened an outer quote in a text with double marks */
} frame;

typedef struct scan {
  const unsigned char *s;
  size_t n;
  vb_quotes *out;
  const vb_qopts *o;
  frame st[MAXDEPTH];
  int depth;
  int singles_outer;      /* the text uses single quotes as its outer quotes */
  int pending;            /* paragraph ended inside a double quote that may continue */
  size_t line, lstart;    /* current line (0-based) and its start offset */
  VB_VEC(vb_part) parts;  /* parts of open quotes, in stack order */
  size_t cl_from, cl_at;  /* the last closer search: from where, and where it stopped */
  int cl_found;           /* ... at a closer (1) or at the paragraph's end (0) */
  int oom;
} scan;

static void diag_at(scan *S, size_t off, uint32_t line, uint32_t col, const char *msg) {
  vb_diag d;
  if (S->out->diag.n > MAXDIAG) return;
  if (S->out->diag.n == MAXDIAG) msg = "too many unbalanced quotation marks; the rest are not reported";
  d.off = off; d.line = line; d.col = col; d.msg = msg;
  if (vb_push(&S->out->diag, d)) S->oom = 1;
}

/* A diagnostic on the line the scan is on. */
static void diag(scan *S, size_t off, const char *msg) {
  diag_at(S, off, (uint32_t)(S->line + 1), (uint32_t)(off - S->lstart + 1), msg);
}

static uint32_t cp_before(const scan *S, size_t i) {
  uint32_t cp;
  if (i == 0) return '\n';
  vb_utf8_dec(S->s, S->n, vb_utf8_prev(S->s, i), &cp);
  return cp;
}

static uint32_t cp_at(const scan *S, size_t i) {
  uint32_t cp;
  if (i >= S->n) return '\n';
  vb_utf8_dec(S->s, S->n, i, &cp);
  return cp;
}

/* (inline: a few compares, asked at every quotation mark) */
static inline int is_opener_ctx(uint32_t c) {
  return vb_cp_isspace(c) || c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 || c == '-' ||
         c == '/' || c == 0x201C || c == 0x2018 || c == 0x201E || c == 0xAB || c == '"' || c == '\'' ||
         c == ':' || c == 0;
}

static int is_closer_next(uint32_t c) {
  return vb_cp_isspace(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == ')' || c == ']' || c == '}' || c == 0x2014 || c == 0x2013 || c == '-' || c == 0x2026 ||
         c == 0x201D || c == 0x2019 || c == '"' || c == '\'' || c == 0xBB || c == '/' || c == 0;
}

/* ---------------------------------------------------------------- kinds */

/* 1 when w is one of the NULL-terminated list; the first letter settles most misses. */
static int in_list(const char *w, const char *const *list) {
  for (; *list; list++) if (w[0] == (*list)[0] && !strcmp(w, *list)) return 1;
  return 0;
}

/* Lowercase words that may sit inside a title without breaking its capitals. */
static const char *const title_small[] = {"a", "an", "and", "as", "at", "by", "de", "for", "from", "in",
                                          "is", "it", "of", "on", "or", "the", "to", "vs", "with", NULL};
/* Words before a quote that introduce a name someone gave: what follows is speech. */
static const char *const naming_cue[] = {"as", "call", "called", "calling", "calls", "dubbed", "nicknamed",
                                         "labeled", "labelled", "branded", NULL};
/* Nouns that make a short lowercase quote the name of a measure ("zero tolerance policy"). */
static const char *const naming_head[] = {"policy", "policies", "rule", "rules", "program", "programs",
                                          "programme", "doctrine", "loophole", NULL};

/* The ASCII letters ending just before byte e (at most 15, lowercased) into w. */
static void word_before(const unsigned char *s, size_t lo, size_t e, char w[16]) {
  size_t b = e, k = 0;
  while (b > lo && e - b < 15 && ((s[b - 1] | 32) >= 'a' && (s[b - 1] | 32) <= 'z')) b--;
  while (b < e) w[k++] = (char)(s[b++] | 32);
  w[k] = 0;
}

/* The first run of ASCII letters in [a, e) (at most 15, lowercased) into w. */
static void word_in(const unsigned char *s, size_t a, size_t e, char w[16]) {
  size_t k = 0;
  while (a < e && !((s[a] | 32) >= 'a' && (s[a] | 32) <= 'z')) a++;
  while (a < e && k < 15 && ((s[a] | 32) >= 'a' && (s[a] | 32) <= 'z')) w[k++] = (char)(s[a++] | 32);
  w[k] = 0;
}

/* The first byte from i on (before e) that is a space, a control of 9 to 13 or not ASCII;
 * with SSE2, sixteen bytes a step. */
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif
static inline size_t ascii_run(const unsigned char *s, size_t i, size_t e) {
#if defined(__SSE2__) && defined(__GNUC__)
  const __m128i sp = _mm_set1_epi8(' '), nine = _mm_set1_epi8(9), four = _mm_set1_epi8(4);
  while (i + 16 <= e) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i ctl = _mm_sub_epi8(v, nine);
    ctl = _mm_cmpeq_epi8(_mm_max_epu8(ctl, four), four);
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, sp), ctl)) | (unsigned)_mm_movemask_epi8(v);
    if (m) return i + (size_t)__builtin_ctz(m);
    i += 16;
  }
#endif
  while (i < e && s[i] < 0x80 && s[i] != ' ' && !(s[i] >= 9 && s[i] <= 13)) i++;
  return i;
}

vb_kind vb_quote_kind(const char *text, size_t n, size_t start, size_t istart, size_t iend, size_t end) {
  const unsigned char *s = (const unsigned char *)text;
  size_t words = 0, i = istart, p, lo;
  int title = 1;
  uint32_t first = 0, last = 0, before = '\n', after = '\n', cp;
  char w[16], lastw[16];
  if (start > istart || istart > iend || iend > end || end > n) return VB_DIRECT;
  /* the first words only, so that classifying costs O(1) whatever the quote's length */
  while (i < iend && words <= 6 && (title || words <= 4)) {
    if (i - istart > 512) { words = 9; title = 0; break; }   /* long words: no name */
    size_t k, ws = i;
    uint32_t c0 = 0;
    if (s[i] < 0x80) {            /* ASCII: no decoding, the space test inline */
      cp = s[i]; k = 1;
      if (cp == ' ' || (cp >= 9 && cp <= 13)) { i++; continue; }
    } else {
      k = vb_utf8_dec(s, iend, i, &cp);
      if (vb_cp_isspace(cp)) { i += k; continue; }
    }
    words++;
    if (!first) first = cp;
    while (i < iend) {
      unsigned char b;
      if (c0) i = ascii_run(s, i, iend);   /* c0 known: the ASCII bytes up to a space say nothing */
      if (i >= iend) break;
      b = s[i];
      if (b < 0x80) {             /* ASCII: the same tests as below, without decoding */
        if (b == ' ' || (b >= 9 && b <= 13)) break;
        if (!c0 && ((b >= '0' && b <= '9') || ((b | 32) >= 'a' && (b | 32) <= 'z'))) c0 = b;
        i++;
        continue;
      }
      k = vb_utf8_dec(s, iend, i, &cp);
      if (vb_cp_isspace(cp)) break;
      if (!c0 && vb_cp_isalnum(cp)) c0 = cp;
      i += k;
    }
    /* a title capitalises every word but the small ones ("Face the Nation") */
    if (title && c0 && vb_cp_isalpha(c0) && !vb_cp_isupper(c0)) {
      if (words == 1) title = 0;          /* (the first word's letters need no copy) */
      else {
        word_in(s, ws, i, w);
        if (!in_list(w, title_small)) title = 0;
      }
    }
  }
  if (!words) return VB_TERM;
  if (words > 6) title = 0;
  /* the last non-space character inside, and the last word */
  p = iend;
  while (p > istart && iend - p < 256) {
    size_t q = vb_utf8_prev(s, p);
    vb_utf8_dec(s, iend, q, &cp);
    if (!vb_cp_isspace(cp)) { last = cp; break; }
    p = q;
  }
  while (p > istart && iend - p < 64 && !((s[p - 1] | 32) >= 'a' && (s[p - 1] | 32) <= 'z')) p--;
  /* the first non-space character before the opening mark, and the word it ends */
  i = start;
  lo = start > 256 ? start - 256 : 0;
  while (i > lo) {
    size_t q = vb_utf8_prev(s, i);
    vb_utf8_dec(s, n, q, &cp);
    if (cp == '\n') break;
    if (!vb_cp_isspace(cp)) { before = cp; break; }
    i = q;
  }
  if (end < n) vb_utf8_dec(s, n, end, &after);
  if (before == '=') return VB_TERM;              /* a markup attribute value */
  /* a capitalised name in the run of a sentence: a title, a show, a slogan */
  if (title && vb_cp_isupper(first) && last != '!' && last != '?' &&
      (vb_cp_isalnum(before) || before == ',' || before == '(' || before == 0x2019 || before == '\'')) {
    /* "called it", "called her": the cue may stand one word back */
    size_t b;
    word_before(s, lo, i, w);
    b = i - strlen(w);
    if (in_list(w, naming_cue)) goto speech;
    if (*w && b > lo + 1 && s[b - 1] == ' ') {
      word_before(s, lo, b - 1, w);
      if (in_list(w, naming_cue)) goto speech;
    }
    return VB_TERM;
  }
  /* a short lowercase name of a measure: a "zero tolerance policy" */
  if (words <= 4 && !vb_cp_isupper(first) && last != '.' && last != ',') {
    word_before(s, istart, p, lastw);
    if (in_list(lastw, naming_head)) return VB_TERM;
  }
speech:
  /* a fragment in the writer's sentence: lowercase, or a few words with no full stop */
  if (vb_cp_isalnum(before) && after != ',' &&
      (!vb_cp_isupper(first) || (words <= 4 && last != '.' && last != '!' && last != '?' && last != ',')))
    return VB_PARTIAL;
  return VB_DIRECT;
}

/* ---------------------------------------------------------------- the stack */

static void push_frame(scan *S, size_t start, size_t istart, int dbl, int style) {
  frame *f;
  vb_part p;
  if (S->depth == MAXDEPTH) { diag(S, start, "quotes nested too deep"); return; }
  f = &S->st[S->depth];
  f->start = start; f->dbl = dbl; f->style = style; f->brit = 0;
  f->part0 = S->parts.n;
  f->line = (uint32_t)(S->line + 1);
  f->col = (uint32_t)(start - S->lstart + 1);
  p.start = start; p.istart = istart; p.end = p.iend = istart;
  if (vb_push(&S->parts, p)) S->oom = 1;
  S->depth++;
}

/* Report the quote of the frame just popped, whose parts are all ended. */
static void emit(scan *S, const frame *f, int outer) {
  vb_quote q;
  size_t np = S->parts.n - f->part0, k;
  const vb_part *p0 = &S->parts.v[f->part0];
  int blank = 1;
  if (S->oom || (!outer && !S->o->nested)) return;
  /* "" or “ ” enclose nothing: not a quotation */
  for (k = 0; k < np && blank; k++) {
    const vb_part *p = &p0[k];
    for (size_t j = p->istart; j < p->iend; j++)
      if (S->s[j] != ' ' && S->s[j] != '\t' && S->s[j] != '\r' && S->s[j] != '\n') { blank = 0; break; }
  }
  if (blank) return;
  memset(&q, 0, sizeof q);
  q.start = p0->start; q.end = p0[np - 1].end; q.istart = p0->istart; q.iend = p0->iend;
  q.nparts = np;
  q.part0 = S->out->parts.n;
  q.line = f->line; q.col = f->col;
  q.parent = outer ? -1 : 0;   /* fixed up after sorting */
  q.kind = np > 1 ? VB_BLOCK : vb_quote_kind((const char *)S->s, S->n, q.start, q.istart, q.iend, q.end);
  for (k = 0; k < np; k++)
    if (vb_push(&S->out->parts, p0[k])) S->oom = 1;
  if (vb_push(&S->out->q, q)) S->oom = 1;
}

static int is_outer(const scan *S) {
  for (int d = 0; d < S->depth; d++) if (S->st[d].dbl || S->singles_outer || S->st[d].brit) return 0;
  return 1;
}

/* Close the top frame at the mark [ms, me). */
static void close_top(scan *S, size_t ms, size_t me) {
  frame *f = &S->st[--S->depth];
  vb_part *last = &S->parts.v[S->parts.n - 1];
  last->iend = ms; last->end = me;
  if (f->dbl || S->singles_outer || f->brit || S->depth > 0) emit(S, f, is_outer(S));
  S->parts.n = f->part0;
}

/* Pop the top frame without a quote: why says what to diagnose (NULL: an apostrophe). */
static void drop_top(scan *S, const char *why) {
  frame *f = &S->st[--S->depth];
  if (why) diag_at(S, f->start, f->line, f->col, why);
  S->parts.n = f->part0;
}

/* The top frame never closed: its last part already ends with its paragraph. */
static void close_unclosed(scan *S) {
  frame *f = &S->st[--S->depth];
  diag_at(S, f->start, f->line, f->col, "unclosed quotation mark");
  emit(S, f, is_outer(S));
  S->parts.n = f->part0;
}

static int closes(int open, int mark) {
  switch (open) {
    case M_DQ: return mark == M_DQ || mark == M_DRIGHT;
    case M_DLEFT: case M_DRIGHT: return mark == M_DRIGHT || mark == M_DQ;
    case M_DLOW: return mark == M_DLEFT || mark == M_DRIGHT;
    case M_GUIL_L: return mark == M_GUIL_R;
    case M_GUIL_R: return mark == M_GUIL_L;
    case M_TWOAPOS: case M_TWOTICK: return mark == M_TWOAPOS || mark == M_DRIGHT;
    case M_SLEFT: case M_SQ: return mark == M_SRIGHT || mark == M_SQ;
    default: return 0;
  }
}

static int top_double(const scan *S) {
  for (int d = S->depth - 1; d >= 0; d--) if (S->st[d].dbl) return d;
  return -1;
}

static void close_double(scan *S, int d, size_t ms, size_t me) {
  while (S->depth - 1 > d) drop_top(S, NULL);   /* unclosed singles inside were apostrophes */
  close_top(S, ms, me);
}

/* A double mark [ms, me) of class m. */
static void on_double(scan *S, int m, size_t ms, size_t me) {
  uint32_t prev = cp_before(S, ms), next = cp_at(S, me);
  int d = top_double(S);
  int octx = is_opener_ctx(prev);
  int opener_only = m == M_DLEFT || m == M_DLOW || m == M_TWOTICK || m == M_GUIL_L;
  if (S->pending) {
    /* the paragraph before ended inside a quote: this mark opens the next part */
    S->pending = 0;
    if (d >= 0 && !(m == M_DRIGHT && !octx)) {
      vb_part p;
      p.start = ms; p.istart = p.end = p.iend = me;
      while (S->depth - 1 > d) drop_top(S, NULL);
      if (vb_push(&S->parts, p)) S->oom = 1;
      return;
    }
  }
  /* “ used as a closer: glued to the word before, followed by space or punctuation */
  if (d >= 0 && m == M_DLEFT && !octx && is_closer_next(next)) { close_double(S, d, ms, me); return; }
  /* »…« as in Danish: « glued to the word before closes */
  if (d >= 0 && m == M_GUIL_L && S->st[d].style == M_GUIL_R && (!octx || is_closer_next(next))) {
    close_double(S, d, ms, me);
    return;
  }
  if (d >= 0 && closes(S->st[d].style, m) && !(opener_only && m != M_DLEFT)) {
    int ambiguous = m == M_DQ || m == M_TWOAPOS;
    if (!ambiguous || !octx || is_closer_next(next) || S->st[d].style != m) {
      close_double(S, d, ms, me);
      return;
    }
  }
  if (m == M_DRIGHT || (m == M_GUIL_R && !(octx && !vb_cp_isspace(next)))) {
    if (d >= 0) close_double(S, d, ms, me);   /* a closer that does not match still ends it */
    else if (m == M_DRIGHT && octx && (prev == '\n' || !is_closer_next(next)))
      push_frame(S, ms, me, 1, M_DRIGHT);     /* ”Like this” : some writers open with ” */
    else diag(S, ms, "stray closing quotation mark");
    return;
  }
  if ((m == M_DQ || m == M_TWOAPOS) && !octx && vb_cp_isspace(next)) {
    diag(S, ms, "stray closing quotation mark");
    return;
  }
  if (d >= 0 && S->st[d].style == m && m != M_DLEFT && m != M_DLOW) {
    /* a second opener of the same style: the first one never closed */
    while (S->depth > d) drop_top(S, S->depth - 1 == d ? "unclosed quotation mark" : NULL);
  }
  push_frame(S, ms, me, 1, m);
}

/* The word ending at i starts with an apostrophe, as ’n’ in rock ’n’ roll: the mark at i
 * ends the elision, not a quote. */
static int elided_word(const unsigned char *s, size_t i) {
  size_t b = i;
  while (b > 0 && i - b < 3 && ((s[b - 1] | 32) >= 'a' && (s[b - 1] | 32) <= 'z')) b--;
  if (b == i) return 0;
  if (b >= 1 && s[b - 1] == '\'') return b == 1 || s[b - 2] == ' ';
  if (b >= 3 && s[b - 3] == 0xE2 && s[b - 2] == 0x80 && s[b - 1] == 0x99) return b == 3 || s[b - 4] == ' ';
  return 0;
}

/* A single mark at [i, i + len) can close a quote: a word before it, no letter after it. */
static int single_closer_at(const unsigned char *s, size_t n, size_t i, size_t len) {
  uint32_t prev, next = '\n';
  if (i == 0) return 0;
  vb_utf8_dec(s, n, vb_utf8_prev(s, i), &prev);
  if (i + len < n) vb_utf8_dec(s, n, i + len, &next);
  return !vb_cp_isspace(prev) && prev != 0x2018 && !vb_cp_isalnum(next) && !elided_word(s, i);
}

/* The first single mark at or after i, before the paragraph ends, that can close a quote
 * (n if none). The last answer is kept: openers come in text order, so every byte is
 * looked at once, however many openers a paragraph holds. */
static size_t next_single_closer(scan *S, size_t i) {
  const unsigned char *s = S->s;
  size_t n = S->n, j;
  if (S->cl_at != (size_t)-1 && i >= S->cl_from && i <= S->cl_at) return S->cl_found ? S->cl_at : n;
  for (j = i; j < n; j++) {
    if (s[j] == '\n') {
      size_t k = j + 1;
      while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r')) k++;
      if (k >= n || s[k] == '\n') break;        /* a blank line: the paragraph ends */
    } else if (s[j] == '\'' && !(j + 1 < n && s[j + 1] == '\'') && single_closer_at(s, n, j, 1)) {
      break;
    } else if (s[j] == 0xE2 && j + 2 < n && s[j + 1] == 0x80 && s[j + 2] == 0x99 && single_closer_at(s, n, j, 3)) {
      break;
    }
  }
  S->cl_from = i;
  S->cl_at = j;
  S->cl_found = j < n && s[j] != '\n';
  return S->cl_found ? j : n;
}

/* A single mark that opens an outer quote in a text that also uses double marks: at a
 * word start, before a letter, not the elision of rock ’n’ roll or ’em, and with a mark
 * later in its paragraph that can close it. */
static int brit_opener(scan *S, size_t me, uint32_t prev, uint32_t next) {
  static const char *const elided[] = {"em", "til", "cause", "tis", "twas", "n", "s", NULL};
  char w[16];
  if (!is_opener_ctx(prev) || !vb_cp_isalpha(next)) return 0;
  word_in(S->s, me, me + 16 < S->n ? me + 16 : S->n, w);
  if (me + strlen(w) >= S->n || !((S->s[me + strlen(w)] | 32) >= 'a' && (S->s[me + strlen(w)] | 32) <= 'z')) {
    /* the whole word is w: an elided word is no opener */
    for (int i = 0; elided[i]; i++) if (!strcmp(w, elided[i])) return 0;
  }
  return next_single_closer(S, me) < S->n;
}

static void on_single(scan *S, int m, size_t ms, size_t me) {
  uint32_t prev = cp_before(S, ms), next = cp_at(S, me);
  int top_single = S->depth > 0 && !S->st[S->depth - 1].dbl;
  int inside = S->singles_outer || top_double(S) >= 0 || (top_single && S->st[S->depth - 1].brit);
  if (vb_cp_isalnum(prev) && vb_cp_isalnum(next)) return;            /* it's, rock ’n’ roll */
  if (m == M_SLEFT) {
    if (inside && !vb_cp_isalnum(prev)) push_frame(S, ms, me, 0, m);
    else if (!inside && brit_opener(S, me, prev, next)) {
      push_frame(S, ms, me, 0, m);
      if (S->depth > 0 && S->st[S->depth - 1].start == ms) S->st[S->depth - 1].brit = 1;
    }
    return;
  }
  if (top_single && !vb_cp_isspace(prev) && !vb_cp_isalnum(next) && !elided_word(S->s, ms)) {
    /* with a single open, a closer after a word ends it; otherwise it is an apostrophe.
     * "the farmers’ union" inside a quote: a plural's apostrophe before a lower-case word,
     * when a closer follows later in the paragraph */
    if (S->st[S->depth - 1].brit && (prev == 's' || prev == 'S') && next == ' ' && me + 1 < S->n &&
        S->s[me + 1] >= 'a' && S->s[me + 1] <= 'z' && next_single_closer(S, me) < S->n)
      return;
    close_top(S, ms, me);
    return;
  }
  if (m == M_SQ && inside && is_opener_ctx(prev) && vb_cp_isalpha(next)) push_frame(S, ms, me, 0, m);
  else if (m == M_SQ && !inside && S->depth == 0 && brit_opener(S, me, prev, next)) {
    push_frame(S, ms, me, 0, m);
    if (S->depth > 0 && S->st[S->depth - 1].start == ms) S->st[S->depth - 1].brit = 1;
  }
  /* ’90s, ’em, the Smiths’ house: apostrophes */
}

/* A paragraph ended; pend is the end of its last word. */
static void para_end(scan *S, size_t pend) {
  if (S->depth == 0) return;
  /* only the outermost quote may run on; inner ones that did not close are dropped */
  while (S->depth > 1)
    drop_top(S, S->st[S->depth - 1].dbl ? "unclosed quotation mark" : NULL);
  if (S->st[0].dbl || S->singles_outer) {
    vb_part *last = &S->parts.v[S->parts.n - 1];
    if (pend > last->iend) last->iend = last->end = pend;
    if (S->st[0].dbl) { S->pending = 1; return; }
  }
  /* single marks are also apostrophes: an unclosed one is not worth a guess */
  drop_top(S, S->singles_outer ? "unclosed quotation mark" : NULL);
}

int vb_double_mark(const char *cs, size_t n, size_t i) {
  const unsigned char *s = (const unsigned char *)cs;
  unsigned c = s[i];
  if (c == '"') return 1;
  if ((c == '\'' || c == '`') && i + 1 < n && s[i + 1] == c) return 1;
  if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] >= 0x9C && s[i + 2] <= 0x9E) return 1;
  return c == 0xC2 && i + 1 < n && (s[i + 1] == 0xAB || s[i + 1] == 0xBB);
}

/* A paragraph starts at i: a pending quote continues only when it opens with a mark, and
 * not with a mark and a new turn of a transcript quoted in the article (vb_turn_opens:
 * "WALLACE: …" ¶ "PENCE: …"), which ends the quote as it stands and opens its own. */
static void para_start(scan *S, size_t i) {
  int mark;
  if (!S->pending) return;
  mark = i < S->n && vb_double_mark((const char *)S->s, S->n, i);
  if (mark && !vb_turn_opens((const char *)S->s, S->n, S->parts.v[S->st[0].part0].istart, i)) return;
  S->pending = 0;
  if (mark) {                                   /* a new turn: the quote so far is one */
    frame *f = &S->st[--S->depth];
    emit(S, f, is_outer(S));
    S->parts.n = f->part0;
    return;
  }
  close_unclosed(S);
}

static int cmp_quote(const void *a, const void *b) {
  const vb_quote *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end ? -1 : x->end < y->end);
}

/* Bytes that may start a mark or end a line. */
static const unsigned char stop[256] = {
  ['\n'] = 1, ['"'] = 1, ['\''] = 1, ['`'] = 1, [0xC2] = 1, [0xE2] = 1,
};

/* The first stop byte at or after i (n if none): most of a news text holds none. */
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
static inline size_t next_stop(const unsigned char *s, size_t i, size_t n) {
  /* sixteen bytes a step, one branch for all of them */
  const __m128i nl = _mm_set1_epi8('\n'), dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\''),
                bt = _mm_set1_epi8('`'), c2 = _mm_set1_epi8((char)0xC2), e2 = _mm_set1_epi8((char)0xE2);
  while (i + 16 <= n) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, dq)),
                                          _mm_or_si128(_mm_cmpeq_epi8(v, sq), _mm_cmpeq_epi8(v, bt))),
                             _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)));
    unsigned bits = (unsigned)_mm_movemask_epi8(m);
    if (bits) return i + (size_t)__builtin_ctz(bits);
    i += 16;
  }
  while (i < n && !stop[s[i]]) i++;
  return i;
}
#else
static inline size_t next_stop(const unsigned char *s, size_t i, size_t n) {
  /* eight bytes a step */
  while (i + 8 <= n && !(stop[s[i]] | stop[s[i + 1]] | stop[s[i + 2]] | stop[s[i + 3]] |
                         stop[s[i + 4]] | stop[s[i + 5]] | stop[s[i + 6]] | stop[s[i + 7]]))
    i += 8;
  while (i < n && !stop[s[i]]) i++;
  return i;
}
#endif

static int uses_double_marks(const unsigned char *s, size_t n) {
  const unsigned char *p = s, *e = s + n;
  if (memchr(s, '"', n)) return 1;
  while (p < e && (p = memchr(p, 0xE2, (size_t)(e - p))) != NULL) {
    if (e - p >= 3 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9D || p[2] == 0x9E)) return 1;
    p++;
  }
  for (p = s; p < e && (p = memchr(p, 0xC2, (size_t)(e - p))) != NULL; p++)
    if (e - p >= 2 && (p[1] == 0xAB || p[1] == 0xBB)) return 1;
  for (p = s; p + 1 < e && (p = memchr(p, '\'', (size_t)(e - p - 1))) != NULL; p++)
    if (p[1] == '\'') return 1;
  for (p = s; p + 1 < e && (p = memchr(p, '`', (size_t)(e - p - 1))) != NULL; p++)
    if (p[1] == '`') return 1;
  return 0;
}

/* End of the words before the line break at i (trailing blanks and CR trimmed). */
static size_t trim_end(const unsigned char *s, size_t lo, size_t i) {
  while (i > lo && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\r')) i--;
  return i;
}

int vb_quotes_find(const char *text, size_t n, const vb_qopts *o, vb_quotes *out) {
  static const vb_qopts defaults = {0};
  scan S;
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  memset(&S, 0, sizeof S);
  S.s = s; S.n = n; S.out = out; S.o = o ? o : &defaults;
  if (!s) n = S.n = 0;
  S.singles_outer = n > 0 && !uses_double_marks(s, n);
  S.cl_at = (size_t)-1;
  {
    /* room for the quotes of most texts at once (about one per 140 bytes of news, one
     * in ten texts more), not a realloc and copy at each doubling on the way up */
    size_t room = n / 128 + 8 < 4096 ? n / 128 + 8 : 4096;
    if (vb_vgrow(&out->q, out->q.n + room) || vb_vgrow(&out->parts, out->parts.n + room)) return -1;
  }
  while (i < n) {
    unsigned c;
    i = next_stop(s, i, n);
    if (i >= n) break;
    c = s[i];
    if (c == '\n') {
      size_t j = i + 1;
      S.line++; S.lstart = j;
      while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) j++;
      if (j < n && s[j] == '\n') {       /* a blank line ends the paragraph */
        if (S.depth) para_end(&S, trim_end(s, 0, i));
        while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) {
          if (s[j] == '\n') { S.line++; S.lstart = j + 1; }
          j++;
        }
        para_start(&S, j);
        i = j;
        continue;
      }
      i++;
      continue;
    }
    if (c == '"') { on_double(&S, M_DQ, i, i + 1); i++; continue; }
    if (c == '\'') {
      /* ''I'd say 'no,''' he said: three marks with a single open close it, then the double */
      if (i + 2 < n && s[i + 1] == '\'' && s[i + 2] == '\'' && S.depth && !S.st[S.depth - 1].dbl) {
        on_single(&S, M_SQ, i, i + 1); i++; continue;
      }
      if (i + 1 < n && s[i + 1] == '\'') { on_double(&S, M_TWOAPOS, i, i + 2); i += 2; continue; }
      on_single(&S, M_SQ, i, i + 1); i++; continue;
    }
    if (c == '`') {
      if (i + 1 < n && s[i + 1] == '`') { on_double(&S, M_TWOTICK, i, i + 2); i += 2; continue; }
      i++; continue;
    }
    if (c == 0xC2 && i + 1 < n) {
      if (s[i + 1] == 0xAB) { on_double(&S, M_GUIL_L, i, i + 2); i += 2; continue; }
      if (s[i + 1] == 0xBB) { on_double(&S, M_GUIL_R, i, i + 2); i += 2; continue; }
      i++; continue;
    }
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
      switch (s[i + 2]) {
        case 0x9C: on_double(&S, M_DLEFT, i, i + 3); i += 3; continue;
        case 0x9D: on_double(&S, M_DRIGHT, i, i + 3); i += 3; continue;
        case 0x9E: on_double(&S, M_DLOW, i, i + 3); i += 3; continue;
        case 0x98: on_single(&S, M_SLEFT, i, i + 3); i += 3; continue;
        case 0x99: on_single(&S, M_SRIGHT, i, i + 3); i += 3; continue;
        default: break;
      }
    }
    i++;
  }
  if (S.depth) {                          /* the text ended inside a quote */
    S.pending = 0;
    para_end(&S, trim_end(s, 0, n));
    S.pending = 0;
    if (S.depth) close_unclosed(&S);
  }
  vb_vfree(&S.parts);
  if (S.oom) return -1;
  {
    /* most texts' quotes come out in order already: a check costs less than the sort,
     * which copies every quote through a buffer of its own */
    size_t k = 1;
    while (k < out->q.n && cmp_quote(&out->q.v[k - 1], &out->q.v[k]) <= 0) k++;
    if (k < out->q.n) qsort(out->q.v, out->q.n, sizeof *out->q.v, cmp_quote);
  }
  if (S.o->nested) {
    /* sorted by start (outer first on ties): a stack of open spans finds each parent in
     * amortised O(1), as each quote is pushed and popped once */
    VB_VEC(int) stack = {0};
    for (size_t k = 0; k < out->q.n; k++) {
      vb_quote *q = &out->q.v[k];
      while (stack.n && out->q.v[stack.v[stack.n - 1]].end < q->end) stack.n--;
      q->parent = stack.n ? stack.v[stack.n - 1] : -1;
      if (vb_push(&stack, (int)k)) { vb_vfree(&stack); return -1; }
    }
    vb_vfree(&stack);
  }
  return 0;
}

void vb_quotes_free(vb_quotes *qs) {
  vb_vfree(&qs->q);
  vb_vfree(&qs->parts);
  vb_vfree(&qs->diag);
}

void vb_quote_text(const char *s, const vb_quotes *qs, const vb_quote *q, vb_buf *out) {
  for (size_t k = 0; k < q->nparts; k++) {
    const vb_part *p = &qs->parts.v[q->part0 + k];
    if (k) vb_buf_addc(out, '\n');
    if (p->iend > p->istart) vb_buf_add(out, s + p->istart, p->iend - p->istart);
  }
}

#if defined(__SSE2__) && defined(__GNUC__)
/* vb_quote_words over sixteen ASCII bytes at s: the words that start there, *in carried
 * from byte to byte as below. A word starts at a letter or digit outside a word; an
 * apostrophe or hyphen goes on with a word it follows, through a run of them (a carry
 * fills each run of those that follows a letter, digit or the word carried in). */
static unsigned ascii_words16(__m128i v, int *in) {
  const __m128i z25 = _mm_set1_epi8(25), d9 = _mm_set1_epi8(9);
  __m128i l = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
  __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
  __m128i an = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(l, z25), z25), _mm_cmpeq_epi8(_mm_max_epu8(d, d9), d9));
  __m128i jn = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')), _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
  unsigned A = (unsigned)_mm_movemask_epi8(an), J = (unsigned)_mm_movemask_epi8(jn);
  unsigned prev = (unsigned)(*in != 0);
  unsigned S = ((A << 1) | prev) & J;           /* the first joiner of each run that goes on */
  unsigned F = ((J + S) ^ J) & J;               /* those runs, whole */
  unsigned inm = A | F;                         /* bytes inside a word */
  *in = (inm >> 15) & 1;
  {
    /* the count of the word starts, in the register: without -mpopcnt __builtin_popcount
     * is a call into libgcc, once per sixteen bytes of every quote */
    unsigned x = A & ~((inm << 1) | prev) & 0xFFFFu;
    x -= (x >> 1) & 0x5555u;
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return (x + (x >> 8)) & 0x1Fu;
  }
}
#endif

/* The words of q, counted until they pass max (then some number above it). Inline in
 * its two callers: with max SIZE_MAX the test goes. */
static inline size_t quote_words(const char *s, const vb_quotes *qs, const vb_quote *q, size_t max) {
  size_t w = 0;
  for (size_t p = 0; p < (q->nparts ? q->nparts : 1); p++) {
    size_t a = q->nparts ? qs->parts.v[q->part0 + p].istart : q->istart;
    size_t b = q->nparts ? qs->parts.v[q->part0 + p].iend : q->iend;
    int in = 0;
    for (size_t i = a; i < b;) {
      uint32_t cp;
      size_t k;
      unsigned char c;
      if (w > max) return w;
#if defined(__SSE2__) && defined(__GNUC__)
      if (i + 16 <= b) {            /* sixteen ASCII bytes at once: most of a quote's words */
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        if (!_mm_movemask_epi8(v)) {
          w += ascii_words16(v, &in);
          i += 16;
          continue;
        }
      }
#endif
      c = (unsigned char)s[i];
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        if (!in) w++;
        in = 1;
        i = vb_alnum_run(s, i, b);     /* the rest of the word at once */
        continue;
      }
      if (c < 0x80) {                  /* ASCII: no decoding */
        int al = (c == '\'' || c == '-') && in;
        if (al && !in) w++;
        in = al;
        i++;
        continue;
      }
      k = vb_utf8_dec((const unsigned char *)s, b, i, &cp);
      int al = vb_cp_isalnum(cp) || ((cp == '\'' || cp == 0x2019 || cp == '-') && in);
      if (al && !in) w++;
      in = al;
      i += k;
    }
  }
  return w;
}

size_t vb_quote_words(const char *s, const vb_quotes *qs, const vb_quote *q) { return quote_words(s, qs, q, SIZE_MAX); }
size_t vb_quote_words_max(const char *s, const vb_quotes *qs, const vb_quote *q, size_t max) {
  return quote_words(s, qs, q, max);
}
