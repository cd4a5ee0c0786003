/* quotes.c: one pass over the bytes finds quotation marks, pairs them on a small
 * stack and classifies what they enclose. Only bytes that can start a mark or end a
 * line stop the scan (a 256-entry table), so plain prose is skipped at memory speed.
 *
 * Marks: " “ ” „ « » and the archive pairs '' `` (doubles); ‘ ’ ' (singles, which are
 * also apostrophes). A paragraph that ends inside an open double quote continues when
 * the next paragraph opens with a double mark: that is one quote of kind block. */
#include <stdlib.h>
#include <string.h>
#include "quotes.h"
#include "text.h"

const char *const vb_kind_names[] = {"direct", "partial", "block", "term", "indirect"};

enum { M_NONE, M_DQ, M_DLEFT, M_DRIGHT, M_DLOW, M_GUIL_L, M_GUIL_R, M_TWOAPOS, M_TWOTICK,
       M_SLEFT, M_SRIGHT, M_SQ };

#define MAXDEPTH 64

typedef struct frame {
  size_t start, istart;   /* of the current part */
  size_t part0;           /* first part of this quote in the scratch parts vector */
  int dbl;                /* double (1) or single (0) */
  int style;              /* opening mark class, to choose the closer */
  int parent;             /* stack index of the enclosing double frame */
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
  int oom;
} scan;

static void diag(scan *S, size_t off, const char *msg) {
  vb_diag d;
  uint32_t line = 1, col = 1;
  /* diagnostics are rare: a backward scan for the line start is fine */
  size_t i = off, ln = 0;
  while (i > 0 && S->s[i - 1] != '\n') i--;
  col = (uint32_t)(off - i + 1);
  (void)ln;
  line = (uint32_t)(S->line + 1);
  if (off < S->lstart) { /* an opener on an earlier line: count lines back */
    size_t k = S->lstart;
    line = (uint32_t)(S->line + 1);
    while (k > i) { k--; if (S->s[k] == '\n') line--; }
  }
  d.off = off; d.line = line; d.col = col; d.msg = msg;
  if (vb_push(&S->out->diag, d)) S->oom = 1;
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

static int is_opener_ctx(uint32_t c) {
  return vb_cp_isspace(c) || c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 || c == '-' ||
         c == '/' || c == 0x201C || c == 0x2018 || c == 0x201E || c == 0xAB || c == '"' || c == '\'' ||
         c == ':' || c == 0;
}

static int is_closer_next(uint32_t c) {
  return vb_cp_isspace(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == ')' || c == ']' || c == '}' || c == 0x2014 || c == 0x2013 || c == '-' || c == 0x2026 ||
         c == 0x201D || c == 0x2019 || c == '"' || c == '\'' || c == 0xBB || c == '/' || c == 0;
}

/* Classify the inner text of a finished single-part quote. */
static vb_kind classify(const scan *S, size_t start, size_t is, size_t ie, size_t end) {
  const unsigned char *s = S->s;
  size_t words = 0, i;
  int inword = 0, term_punct = 0;
  uint32_t first = 0, last = 0, before, after;
  for (i = is; i < ie;) {
    uint32_t cp;
    size_t k = vb_utf8_dec(s, ie, i, &cp);
    if (vb_cp_isspace(cp)) inword = 0;
    else {
      if (!inword) words++;
      inword = 1;
      if (!first) first = cp;
      last = cp;
    }
    i += k;
  }
  term_punct = last == '.' || last == ',' || last == '!' || last == '?' || last == 0x2026 || last == ':' ||
               last == ';' || last == 0x2014;
  /* the first non-space character before the opening mark, and after the closing one */
  i = start;
  before = '\n';
  while (i > 0) {
    size_t p = vb_utf8_prev(s, i);
    uint32_t cp;
    vb_utf8_dec(s, S->n, p, &cp);
    if (cp == '\n') break;
    if (!vb_cp_isspace(cp)) { before = cp; break; }
    i = p;
  }
  after = cp_at(S, end);
  if (words <= 3 && !term_punct && before != ':') return VB_TERM;
  if (vb_cp_isalnum(before) && !vb_cp_isupper(first) && after != ',') return VB_PARTIAL;
  (void)after;
  return VB_DIRECT;
}

static void push_frame(scan *S, size_t start, size_t istart, int dbl, int style) {
  frame *f;
  vb_part p;
  if (S->depth == MAXDEPTH) { diag(S, start, "quotes nested too deep"); return; }
  f = &S->st[S->depth];
  f->start = start; f->istart = istart; f->dbl = dbl; f->style = style;
  f->part0 = S->parts.n;
  f->parent = -1;
  for (int d = S->depth - 1; d >= 0; d--) if (S->st[d].dbl || S->singles_outer) { f->parent = d; break; }
  p.start = start; p.istart = istart; p.end = p.iend = 0;
  if (vb_push(&S->parts, p)) S->oom = 1;
  S->depth++;
}

/* Close the top frame at the mark [ms, me). */
static void close_top(scan *S, size_t ms, size_t me) {
  frame *f = &S->st[--S->depth];
  vb_quote q;
  size_t np = S->parts.n - f->part0;
  vb_part *last = &S->parts.v[S->parts.n - 1];
  int outer = 1;
  last->iend = ms; last->end = me;
  for (int d = 0; d < S->depth; d++) if (S->st[d].dbl || S->singles_outer) outer = 0;
  if (!f->dbl && !S->singles_outer && S->depth == 0) outer = 0, np = 0; /* a stray single at top level */
  if (np && (outer || (S->o && S->o->nested))) {
    vb_part *p0 = &S->parts.v[f->part0];
    memset(&q, 0, sizeof q);
    q.start = p0->start; q.end = me; q.istart = p0->istart; q.iend = p0->iend;
    q.nparts = np;
    q.part0 = S->out->parts.n;
    q.parent = outer ? -1 : 0;   /* fixed up after sorting */
    if (np > 1) q.kind = VB_BLOCK;
    else q.kind = classify(S, q.start, q.istart, q.iend, q.end);
    for (size_t k = 0; k < np; k++)
      if (vb_push(&S->out->parts, S->parts.v[f->part0 + k])) S->oom = 1;
    if (vb_push(&S->out->q, q)) S->oom = 1;
  }
  S->parts.n = f->part0;
}

static void drop_top(scan *S, const char *why) {
  frame *f = &S->st[--S->depth];
  if (why) diag(S, S->parts.v[f->part0].start, why);
  S->parts.n = f->part0;
}

static int closes(int open, int mark) {
  switch (open) {
    case M_DQ: return mark == M_DQ || mark == M_DRIGHT;
    case M_DLEFT: return mark == M_DRIGHT || mark == M_DQ;
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

/* A double mark [ms, me) of class m. */
static void on_double(scan *S, int m, size_t ms, size_t me) {
  uint32_t prev = cp_before(S, ms), next = cp_at(S, me);
  int d = top_double(S);
  int opener_only = m == M_DLEFT || m == M_DLOW || m == M_TWOTICK || m == M_GUIL_L;
  if (S->pending) {
    /* the paragraph before ended inside a quote: this mark opens the next part */
    S->pending = 0;
    if (d >= 0 && !(m == M_DRIGHT && !is_opener_ctx(prev))) {
      vb_part p = {ms, 0, me, 0};
      while (S->depth - 1 > d) drop_top(S, NULL);
      if (vb_push(&S->parts, p)) S->oom = 1;
      return;
    }
  }
  if (d >= 0 && closes(S->st[d].style, m) && !(opener_only && m != M_DLEFT)) {
    int ambiguous = m == M_DQ || m == M_TWOAPOS || (m == M_DLEFT && S->st[d].style == M_DLEFT);
    if (m == M_DLEFT && S->st[d].style == M_DLEFT) goto open;   /* “ cannot close “ */
    if (!ambiguous || !is_opener_ctx(prev) || vb_cp_isspace(next) || is_closer_next(next) ||
        S->st[d].style != m) {
      while (S->depth - 1 > d) drop_top(S, NULL);   /* unclosed singles inside were apostrophes */
      close_top(S, ms, me);
      return;
    }
  }
  if (m == M_DRIGHT || (m == M_GUIL_R && !(is_opener_ctx(prev) && !vb_cp_isspace(next)))) {
    if (d >= 0) {        /* a closer that does not match the opener still ends the quote */
      while (S->depth - 1 > d) drop_top(S, NULL);
      close_top(S, ms, me);
    } else {
      diag(S, ms, "stray closing quotation mark");
    }
    return;
  }
open:
  if ((m == M_DQ || m == M_TWOAPOS) && !is_opener_ctx(prev) && vb_cp_isspace(next)) {
    diag(S, ms, "stray closing quotation mark");
    return;
  }
  if (d >= 0 && S->st[d].style == m && m != M_DLEFT) {
    /* a second opener of the same style: the first one never closed */
    while (S->depth > d) drop_top(S, S->depth - 1 == d ? "unclosed quotation mark" : NULL);
  }
  push_frame(S, ms, me, 1, m);
}

static void on_single(scan *S, int m, size_t ms, size_t me) {
  uint32_t prev = cp_before(S, ms), next = cp_at(S, me);
  int inside = S->singles_outer || top_double(S) >= 0;
  int top_single = S->depth > 0 && !S->st[S->depth - 1].dbl;
  if (vb_cp_isalnum(prev) && vb_cp_isalnum(next)) return;            /* it's, rock ’n’ roll */
  if (m == M_SLEFT) {
    if (inside && !vb_cp_isalnum(prev)) push_frame(S, ms, me, 0, m);
    return;
  }
  if (top_single && !vb_cp_isspace(prev) && !vb_cp_isalnum(next) && !(next >= '0' && next <= '9')) {
    /* the Smiths’ house: a closer right after s with no single open is an apostrophe */
    close_top(S, ms, me);
    return;
  }
  if (m == M_SQ && inside && is_opener_ctx(prev) && vb_cp_isalpha(next)) push_frame(S, ms, me, 0, m);
  /* ’90s, ’em, trailing possessives: apostrophes */
}

static void para_end(scan *S) {
  int d = top_double(S);
  if (S->depth == 0) return;
  if (d >= 0) {
    while (S->depth - 1 > d) drop_top(S, NULL);
    if (S->pending) { drop_top(S, "unclosed quotation mark"); S->pending = 0; return; }
    S->pending = 1;
    return;
  }
  while (S->depth > 0) drop_top(S, S->singles_outer ? "unclosed quotation mark" : NULL);
}

/* The next paragraph after a pending quote does not open with a mark: the quote was unclosed. */
static void para_start(scan *S, size_t i) {
  const unsigned char *s = S->s;
  if (!S->pending) return;
  if (i < S->n) {
    unsigned c = s[i];
    if (c == '"' || (c == '\'' && i + 1 < S->n && s[i + 1] == '\'') || (c == '`' && i + 1 < S->n && s[i + 1] == '`'))
      return;
    if (c == 0xE2 && i + 2 < S->n && s[i + 1] == 0x80 && (s[i + 2] == 0x9C || s[i + 2] == 0x9D || s[i + 2] == 0x9E))
      return;
    if (c == 0xC2 && i + 1 < S->n && (s[i + 1] == 0xAB || s[i + 1] == 0xBB)) return;
  }
  S->pending = 0;
  while (S->depth > 0) drop_top(S, S->depth == 1 ? "unclosed quotation mark" : NULL);
}

static int cmp_quote(const void *a, const void *b) {
  const vb_quote *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end ? -1 : x->end < y->end);
}

/* Bytes that may start a mark or end a line. */
static const unsigned char stop[256] = {
  ['\n'] = 1, ['"'] = 1, ['\''] = 1, ['`'] = 1, [0xC2] = 1, [0xE2] = 1,
};

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
  return 0;
}

int vb_quotes_find(const char *text, size_t n, const vb_qopts *o, vb_quotes *out) {
  static const vb_qopts defaults = {0};
  scan S;
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  vb_lines L = {0};
  memset(&S, 0, sizeof S);
  S.s = s; S.n = n; S.out = out; S.o = o ? o : &defaults;
  S.singles_outer = n > 0 && !uses_double_marks(s, n);
  while (i < n) {
    unsigned c;
    while (i < n && !stop[s[i]]) i++;
    if (i >= n) break;
    c = s[i];
    if (c == '\n') {
      size_t j = i + 1;
      S.line++; S.lstart = j;
      while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) j++;
      if (j < n && s[j] == '\n') {       /* a blank line ends the paragraph */
        para_end(&S);
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
  S.pending = 0;
  while (S.depth > 0) drop_top(&S, (S.st[S.depth - 1].dbl || S.singles_outer) ? "unclosed quotation mark" : NULL);
  vb_vfree(&S.parts);
  if (S.oom || vb_lines_build(&L, text, n)) return -1;
  if (out->q.n) qsort(out->q.v, out->q.n, sizeof *out->q.v, cmp_quote);   /* q.v is NULL when empty */
  for (size_t k = 0; k < out->q.n; k++) {
    vb_quote *q = &out->q.v[k];
    vb_lines_pos(&L, q->start, &q->line, &q->col);
    if (q->parent >= 0) {       /* the nearest earlier quote that contains it */
      q->parent = -1;
      for (size_t j = k; j-- > 0;)
        if (out->q.v[j].start <= q->start && out->q.v[j].end >= q->end) { q->parent = (int)j; break; }
    }
  }
  vb_lines_free(&L);
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
    vb_buf_add(out, s + p->istart, p->iend - p->istart);
  }
}
