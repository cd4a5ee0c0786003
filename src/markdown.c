/* markdown.c: the prose mask of a Markdown or Quarto draft (markdown.h).
 *
 * Two passes over the bytes. The block pass reads line by line: front matter, fenced
 * and indented code, fenced divs, reference definitions, rules and table rulers are
 * masked whole; block quote markers, heading marks and attributes are masked; the rest
 * is paragraphs, kept as regions. The inline pass then reads each region: code spans and
 * math (words kept, marks neutralised), links and images, autolinks, HTML tags and
 * comments, shortcodes, attribute lists, footnote markers. Reference labels are known
 * by then, as a shortcut link may come before its definition.
 *
 * Pandoc's Markdown is the measure, since the filter reads pandoc's AST: an unclosed
 * fence or comment is text, not code (CommonMark would run it to the end); a comment
 * may span blank lines; math is $...$ by pandoc's rules. Where a draft differs from
 * what the filter sees: TOML front matter (+++, Hugo's) and Quarto shortcodes are
 * masked, as those tools remove them before pandoc does anything; an autolink's URL is
 * masked (pandoc makes it the link's text); emphasis marks (*, _) stay, as the checker
 * ignores them; a block quote without marks of its own is not made a quote (the filter
 * adds marks to it; a mask cannot add bytes). Lists and block quotes are followed
 * as far as code inside them needs: a container stack of content indents, nothing more.
 *
 * Every forward search that can fail is remembered per region, so that a thousand
 * unclosed openers cost one scan, not a thousand. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "markdown.h"
#include "buf.h"
#include "text.h"

/* ------------------------------------------------------------------ shared state */

#define NONE ((size_t)-1)

typedef struct region { size_t a, b; } region;
typedef struct label { uint64_t h; size_t off, len; } label;
typedef struct opener { size_t pos; int img, note; } opener;
typedef struct run { size_t pos, len, next; int esc; } run;
/* "the next hit of a search at or after from is at": at == NONE for none before the end */
typedef struct memo { size_t from, at; } memo;

/* the searches of a region (reset with it), then those that run to the end of the
 * document (kept for the whole text): a comment's close, a raw element's closing tag */
enum { M_CLOSE_MATH, M_CLOSE_DMATH, M_CLOSE_SC, M_CLOSE_SCP, M_NREGION,
       M_CLOSE_COMMENT = M_NREGION, M_RAW0, M_NMEMO = M_RAW0 + 4 };

#define MAXLIST 32

typedef struct md {
  unsigned char *s;
  size_t n;
  int oom;
  VB_VEC(region) regions;
  /* reference labels: an open-addressing set over normalised names in names */
  label *set;
  size_t nset, capset;
  vb_buf names, scratch;
  VB_VEC(opener) stack;
  VB_VEC(run) runs;
  memo memo[M_NMEMO];
  /* a failed search for a closing fence of char c of at least len from pos: any later
   * search for len or more fails too */
  struct { size_t pos, len; } nofence[2];
  /* the content columns of the list items (and footnotes) the current line is in */
  size_t list[MAXLIST];
  int nl;
} md;

static int is_nl(unsigned c) { return c == '\n' || c == '\r'; }
static int is_ws(unsigned c) { return c == ' ' || c == '\t'; }
static int is_space(unsigned c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static int is_alpha(unsigned c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_digit(unsigned c) { return c >= '0' && c <= '9'; }
static int is_alnum(unsigned c) { return is_alpha(c) || is_digit(c); }
static int is_punct(unsigned c) { return c > 0x20 && c < 0x7F && !is_alnum(c); }

/* Spaces over [a, b), line breaks kept. */
static void blank(md *m, size_t a, size_t b) {
  if (b > m->n) b = m->n;
  for (size_t i = a; i < b; i++)
    if (!is_nl(m->s[i])) m->s[i] = ' ';
}

/* Code and math: words kept, the bytes of every quotation mark the quote finder knows
 * turned to '_' (as the filter renders code), so that no quote opens or closes there. */
static void neutral(md *m, size_t a, size_t b) {
  unsigned char *s = m->s;
  for (size_t i = a; i < b; i++) {
    if (s[i] == '"' || s[i] == '\'' || s[i] == '`') s[i] = '_';
    else if (s[i] == 0xC2 && i + 1 < b && (s[i + 1] == 0xAB || s[i + 1] == 0xBB)) { s[i] = s[i + 1] = '_'; i++; }
    else if (s[i] == 0xE2 && i + 2 < b && s[i + 1] == 0x80 && s[i + 2] >= 0x98 && s[i + 2] <= 0x9F) {
      s[i] = s[i + 1] = s[i + 2] = '_';
      i += 2;
    }
  }
}

static size_t line_end(const md *m, size_t i) {
  const unsigned char *p = memchr(m->s + i, '\n', m->n - i);
  return p ? (size_t)(p - m->s) : m->n;
}
static size_t next_line(const md *m, size_t e) { return e < m->n ? e + 1 : m->n; }
/* 1 when [a, e) holds only blanks (and a CR) */
static int blank_span(const md *m, size_t a, size_t e) {
  for (size_t i = a; i < e; i++)
    if (!is_ws(m->s[i]) && m->s[i] != '\r') return 0;
  return 1;
}

/* ------------------------------------------------------------------ reference labels */

/* A label as CommonMark compares it: case folded, inner white space one space, trimmed. */
static int norm_label(md *m, size_t a, size_t b, vb_buf *out) {
  int space = 0;
  out->n = 0;
  for (size_t i = a; i < b;) {
    uint32_t cp;
    size_t k = vb_utf8_dec(m->s, b, i, &cp);
    char enc[4];
    i += k;
    if (is_space(cp)) { space = out->n > 0; continue; }
    if (space) vb_buf_addc(out, ' ');
    space = 0;
    cp = cp < 0x80 ? (uint32_t)((cp >= 'A' && cp <= 'Z') ? cp | 0x20 : cp)
                   : (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
    vb_buf_add(out, enc, vb_utf8_enc(cp, enc));
  }
  if (out->oom) m->oom = 1;
  return !out->oom;
}

static uint64_t hash(const char *p, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
  return h | 1;   /* 0 marks an empty slot */
}

static label *slot(md *m, uint64_t h, const char *p, size_t n) {
  size_t i = (size_t)h & (m->capset - 1);
  for (;; i = (i + 1) & (m->capset - 1)) {
    label *l = &m->set[i];
    if (!l->h || (l->h == h && l->len == n && !memcmp(m->names.p + l->off, p, n))) return l;
  }
}

static void define(md *m, size_t a, size_t b) {
  vb_buf *t = &m->scratch;
  label *l;
  uint64_t h;
  if (!norm_label(m, a, b, t) || !t->n) return;
  if (2 * (m->nset + 1) > m->capset) {
    size_t cap = m->capset ? 2 * m->capset : 64;
    label *old = m->set, *nw = calloc(cap, sizeof *nw);
    size_t oldcap = m->capset;
    if (!nw) { m->oom = 1; return; }
    m->set = nw;
    m->capset = cap;
    for (size_t i = 0; i < oldcap; i++)
      if (old[i].h) *slot(m, old[i].h, m->names.p + old[i].off, old[i].len) = old[i];
    free(old);
  }
  h = hash(t->p, t->n);
  l = slot(m, h, t->p, t->n);
  if (l->h) return;
  l->h = h;
  l->off = m->names.n;
  l->len = t->n;
  vb_buf_add(&m->names, t->p, t->n);
  if (m->names.oom) { m->oom = 1; l->h = 0; return; }
  m->nset++;
}

static int defined(md *m, size_t a, size_t b) {
  vb_buf *t = &m->scratch;
  if (!m->nset || b - a > 999 || !norm_label(m, a, b, t) || !t->n) return 0;
  return slot(m, hash(t->p, t->n), t->p, t->n)->h != 0;
}

/* ------------------------------------------------------------------ small parsers */

/* A link title opening at i ("...", '...' or (...)), within [i, b): the byte after it, or 0. */
static size_t title_end(const md *m, size_t i, size_t b) {
  const unsigned char *s = m->s;
  unsigned close = s[i] == '(' ? ')' : s[i];
  if (s[i] != '"' && s[i] != '\'' && s[i] != '(') return 0;
  for (size_t j = i + 1; j < b; j++) {
    if (s[j] == '\\' && j + 1 < b && is_punct(s[j + 1])) { j++; continue; }
    if (s[j] == close) return j + 1;
    if (close == ')' && s[j] == '(') return 0;
    if (s[j] == '\n' && j + 1 < b && blank_span(m, j + 1, line_end(m, j + 1))) return 0;
  }
  return 0;
}

/* A link destination at i: <...> or a run without spaces and with balanced parens. The
 * byte after it (i itself for an empty one), or 0 when malformed. */
static size_t dest_end(const md *m, size_t i, size_t b) {
  const unsigned char *s = m->s;
  int depth = 0;
  size_t j = i;
  if (i < b && s[i] == '<') {
    for (j = i + 1; j < b; j++) {
      if (s[j] == '\\' && j + 1 < b && is_punct(s[j + 1])) { j++; continue; }
      if (s[j] == '>') return j + 1;
      if (s[j] == '<' || is_nl(s[j])) return 0;
    }
    return 0;
  }
  for (; j < b && !is_space(s[j]) && s[j] >= 0x20; j++) {
    if (s[j] == '\\' && j + 1 < b && is_punct(s[j + 1])) { j++; continue; }
    if (s[j] == '(') { if (++depth > 32) return 0; }
    else if (s[j] == ')') { if (!depth) break; depth--; }
  }
  return depth ? 0 : j;
}

static size_t skip_ws(const md *m, size_t i, size_t b, int newlines) {
  while (i < b && (is_ws(m->s[i]) || (newlines && is_nl(m->s[i])))) i++;
  return i;
}

/* The tail of an inline link, "(dest "title")" at i: the byte after ')', or 0. */
static size_t link_tail(const md *m, size_t i, size_t b) {
  size_t j, d;
  if (i >= b || m->s[i] != '(') return 0;
  j = skip_ws(m, i + 1, b, 1);
  if (!(d = dest_end(m, j, b))) return 0;
  j = skip_ws(m, d, b, 1);
  if (j < b && d > i + 1 && j > d && (m->s[j] == '"' || m->s[j] == '\'' || m->s[j] == '(')) {
    if (!(j = title_end(m, j, b))) return 0;
    j = skip_ws(m, j, b, 1);
  }
  return j < b && m->s[j] == ')' ? j + 1 : 0;
}

/* A pandoc attribute list {#id .class key="value"} at i: the byte after '}', or 0. */
static size_t attr_end(const md *m, size_t i, size_t b) {
  const unsigned char *s = m->s;
  if (i >= b || s[i] != '{') return 0;
  for (size_t j = i + 1; j < b; j++) {
    if (s[j] == '}') return j + 1;
    if (s[j] == '{' || (s[j] == '\n' && j + 1 < b && blank_span(m, j + 1, line_end(m, j + 1)))) return 0;
    if (s[j] == '"' || s[j] == '\'') {
      unsigned q = s[j];
      for (j++; j < b && s[j] != q; j++)
        if (s[j] == '\\' && j + 1 < b) j++;
      if (j >= b) return 0;
    }
  }
  return 0;
}

/* The next occurrence of needle[0..k) at or after i, before b, remembered in memo slot
 * w (the region's b is fixed while its memo lives): NONE when there is none. */
static size_t find(md *m, int w, size_t i, size_t b, const char *needle, size_t k) {
  memo *mm = &m->memo[w];
  const unsigned char *p;
  if (mm->from != NONE && mm->from <= i &&
      (mm->at == NONE || (mm->at >= i && mm->at + k <= b && !memcmp(m->s + mm->at, needle, k))))
    return mm->at;
  p = NULL;
  for (size_t j = i; j + k <= b; j++) {
    const unsigned char *q = memchr(m->s + j, (unsigned char)needle[0], b - j - k + 1);
    if (!q) break;
    if (!memcmp(q, needle, k)) { p = q; break; }
    j = (size_t)(q - m->s);
  }
  mm->from = i;
  mm->at = p ? (size_t)(p - m->s) : NONE;
  return mm->at;
}

/* ------------------------------------------------------------------ inline pass */

static size_t html_comment(md *m, size_t i) {
  /* "<!--" ... "-->", to the end of the document: pandoc lets a comment span blank lines */
  size_t c;
  if (i + 4 > m->n || memcmp(m->s + i, "<!--", 4)) return 0;
  c = find(m, M_CLOSE_COMMENT, i + 4, m->n, "-->", 3);
  return c == NONE ? 0 : c + 3;
}

static size_t autolink(const md *m, size_t i, size_t b) {
  const unsigned char *s = m->s;
  size_t j = i + 1, k;
  if (j < b && is_alpha(s[j])) {                      /* scheme:... */
    for (k = j; k < b && (is_alnum(s[k]) || s[k] == '+' || s[k] == '.' || s[k] == '-'); k++) {}
    if (k < b && s[k] == ':' && k - j >= 2 && k - j <= 32) {
      for (k++; k < b && s[k] > 0x20 && s[k] != '<' && s[k] != '>'; k++) {}
      if (k < b && s[k] == '>') return k + 1;
    }
  }
  for (k = j; k < b && (is_alnum(s[k]) || (s[k] > 0x20 && s[k] < 0x7F && strchr(".!#$%&'*+/=?^_`{|}~-", s[k]))); k++) {}
  if (k > j && k < b && s[k] == '@') {                /* user@host */
    size_t h = ++k;
    for (; k < b && (is_alnum(s[k]) || s[k] == '-' || s[k] == '.'); k++) {}
    if (k > h && k < b && s[k] == '>') return k + 1;
  }
  return 0;
}

static int tag_is(const md *m, size_t a, size_t b, const char *name) {
  size_t k = strlen(name);
  if (b - a != k) return 0;
  for (size_t i = 0; i < k; i++)
    if ((m->s[a + i] | 0x20) != name[i]) return 0;
  return 1;
}

/* An HTML open or closing tag, processing instruction, declaration or CDATA at i (a
 * '<'): the byte after it, or 0. Elements whose content is raw (script, pre, style,
 * textarea) are taken with their content, through the closing tag. */
static size_t html_tag(md *m, size_t i, size_t b) {
  const unsigned char *s = m->s;
  size_t j = i + 1, name, name_end, c;
  if (j >= b) return 0;
  if (s[j] == '?') { c = i + 2; while (c + 1 < b && !(s[c] == '?' && s[c + 1] == '>')) c++; return c + 1 < b ? c + 2 : 0; }
  if (s[j] == '!') {
    if (j + 8 <= b && !memcmp(s + j, "![CDATA[", 8)) {
      for (c = j + 8; c + 2 < b; c++) if (!memcmp(s + c, "]]>", 3)) return c + 3;
      return 0;
    }
    if (j + 1 < b && is_alpha(s[j + 1])) { for (c = j + 1; c < b && s[c] != '>'; c++) {} return c < b ? c + 1 : 0; }
    return 0;
  }
  if (s[j] == '/') {
    for (c = j + 1; c < b && is_alnum(s[c]); c++) {}
    if (c == j + 1 || !is_alpha(s[j + 1])) return 0;
    c = skip_ws(m, c, b, 1);
    return c < b && s[c] == '>' ? c + 1 : 0;
  }
  if (!is_alpha(s[j])) return 0;
  name = j;
  for (j++; j < b && (is_alnum(s[j]) || s[j] == '-'); j++) {}
  name_end = j;
  for (;;) {                                          /* attributes */
    size_t w = skip_ws(m, j, b, 1);
    if (w < b && s[w] == '>') { j = w + 1; break; }
    if (w + 1 < b && s[w] == '/' && s[w + 1] == '>') { j = w + 2; break; }
    if (w == j || w >= b || !(is_alpha(s[w]) || s[w] == '_' || s[w] == ':')) return 0;
    for (j = w + 1; j < b && (is_alnum(s[j]) || s[j] == '_' || s[j] == '.' || s[j] == ':' || s[j] == '-'); j++) {}
    w = skip_ws(m, j, b, 1);
    if (w < b && s[w] == '=') {
      w = skip_ws(m, w + 1, b, 1);
      if (w >= b) return 0;
      if (s[w] == '"' || s[w] == '\'') {
        const unsigned char *q = memchr(s + w + 1, s[w], b - w - 1);
        if (!q) return 0;
        j = (size_t)(q - s) + 1;
      } else {
        for (j = w; j < b && !is_space(s[j]) && !strchr("\"'=<>`", s[j]); j++) {}
        if (j == w) return 0;
      }
    }
  }
  for (int r = 0; r < 4; r++) {
    static const char *const raw[] = {"script", "pre", "style", "textarea"};
    if (tag_is(m, name, name_end, raw[r])) {
      /* the raw content, through "</name" (any case) and its '>'; without one, the tag
       * alone. The search runs to the end of the text: remembered for the whole text */
      memo *mm = &m->memo[M_RAW0 + r];
      size_t k = name_end - name, at = NONE;
      if (mm->from != NONE && mm->from <= j && (mm->at == NONE || mm->at >= j)) at = mm->at;
      else {
        for (c = j; c + 2 + k < m->n; c++) {
          const unsigned char *q = memchr(s + c, '<', m->n - c - 2 - k);
          size_t t;
          if (!q) break;
          c = (size_t)(q - s);
          if (s[c + 1] != '/') continue;
          for (t = 0; t < k && (s[c + 2 + t] | 0x20) == (unsigned char)raw[r][t]; t++) {}
          if (t == k && (is_space(s[c + 2 + k]) || s[c + 2 + k] == '>')) { at = c; break; }
        }
        mm->from = j;
        mm->at = at;
      }
      if (at != NONE) {
        const unsigned char *g = memchr(s + at + 2 + k, '>', m->n - at - 2 - k);
        if (g) return (size_t)(g - s) + 1;
      }
    }
  }
  return j;
}

/* Backtick runs of [a, b) with, for each, the next run of the same length: the
 * closer of a code span is found by one link, never by a scan. */
static int cmp_run(const void *x, const void *y) {
  const run *p = *(run *const *)x, *q = *(run *const *)y;
  if (p->len != q->len) return p->len < q->len ? -1 : 1;
  return p->pos < q->pos ? -1 : p->pos > q->pos;
}

static int collect_runs(md *m, size_t a, size_t b) {
  const unsigned char *s = m->s;
  run **order;
  m->runs.n = 0;
  for (size_t i = a; i < b; i++) {
    if (s[i] != '`') continue;
    run r = {i, 0, NONE, i > a && s[i - 1] == '\\'};
    while (i < b && s[i] == '`') i++, r.len++;
    if (vb_push(&m->runs, r)) { m->oom = 1; return -1; }
  }
  if (m->runs.n < 2) return 0;
  if (!(order = malloc(m->runs.n * sizeof *order))) { m->oom = 1; return -1; }
  for (size_t k = 0; k < m->runs.n; k++) order[k] = &m->runs.v[k];
  qsort(order, m->runs.n, sizeof *order, cmp_run);
  for (size_t k = 0; k + 1 < m->runs.n; k++)
    if (order[k]->len == order[k + 1]->len) order[k]->next = (size_t)(order[k + 1] - m->runs.v);
  free(order);
  return 0;
}

/* The first $ at or after j that may close inline math (a non-space before it, no digit
 * after it), before b; NONE if none. Whether a $ closes does not depend on the opener,
 * so the answer is remembered for the openers that follow. */
static size_t math_closer(md *m, size_t j, size_t b) {
  memo *mm = &m->memo[M_CLOSE_MATH];
  const unsigned char *s = m->s;
  size_t c;
  if (mm->from != NONE && mm->from <= j && (mm->at == NONE || (mm->at >= j && s[mm->at] == '$'))) return mm->at;
  for (c = j; c < b; c++) {
    const unsigned char *q = memchr(s + c, '$', b - c);
    if (!q) { c = b; break; }
    c = (size_t)(q - s);
    if (c > 0 && !is_space(s[c - 1]) && s[c - 1] != '\\' && !(c + 1 < b && is_digit(s[c + 1]))) break;
  }
  mm->from = j;
  mm->at = c < b ? c : NONE;
  return mm->at;
}

/* Math, pandoc's way: $ with a non-space after it, up to a closing $ (math_closer);
 * $$ ... $$ for display math. Returns the byte after it, or 0. */
static size_t math_end(md *m, size_t i, size_t b) {
  const unsigned char *s = m->s;
  size_t c;
  if (i + 1 < b && s[i + 1] == '$') {
    c = find(m, M_CLOSE_DMATH, i + 2, b, "$$", 2);
    return c == NONE || c == i + 2 ? 0 : c + 2;
  }
  if (i + 1 >= b || is_space(s[i + 1])) return 0;
  c = math_closer(m, i + 1, b);
  return c == NONE ? 0 : c + 1;
}

/* [text](dest "title"), [text][label], [text][], [text] (a defined label), [text]{attr},
 * and images: the ']' at i closes the opener o. Masks and returns the byte after the
 * construct, or 0 when these brackets are only brackets. */
static size_t close_bracket(md *m, opener o, size_t i, size_t b) {
  const unsigned char *s = m->s;
  size_t text = o.pos + (o.img || o.note ? 2 : 1), e = 0, k;
  if (o.note) { blank(m, o.pos, text); blank(m, i, i + 1); return i + 1; }
  if (!o.img && s[text] == '^' && i > text + 1) {     /* [^note] */
    for (k = text + 1; k < i && !is_space(s[k]); k++) {}
    if (k == i) { blank(m, o.pos, i + 1); return i + 1; }
  }
  if (i + 1 < b && s[i + 1] == '(') e = link_tail(m, i + 1, b);
  if (!e && i + 1 < b && s[i + 1] == '[') {
    const unsigned char *q = memchr(s + i + 2, ']', b - i - 2);
    if (q && !memchr(s + i + 2, '[', (size_t)(q - s) - i - 2)) {
      size_t le = (size_t)(q - s);
      if (le == i + 2 ? defined(m, text, i) : defined(m, i + 2, le)) e = le + 1;
    }
  }
  if (!e && !o.img && i + 1 < b && s[i + 1] == '{' && (k = attr_end(m, i + 1, b))) e = k;   /* [span]{.x} */
  if (!e && defined(m, text, i)) e = i + 1;
  if (!e) return 0;
  if (e < b && s[e] == '{' && (k = attr_end(m, e, b))) e = k;
  if (o.img) blank(m, o.pos, e);
  else { blank(m, o.pos, text); blank(m, i, e); }
  return e;
}

/* One region [a, b): returns where the scan stopped (past b when a comment or raw
 * element ran beyond it). */
static size_t inlines(md *m, size_t a, size_t b) {
  unsigned char *s = m->s;
  size_t i = a, ri = 0, e;
  for (int w = 0; w < M_NREGION; w++) m->memo[w].from = NONE;
  m->stack.n = 0;
  if (collect_runs(m, a, b)) return b;
  while (i < b) {
    unsigned c = s[i];
    if (c == '\\' && i + 1 < b && is_punct(s[i + 1])) { i += 2; continue; }
    if (c == '`') {
      while (ri < m->runs.n && m->runs.v[ri].pos < i) ri++;
      if (ri < m->runs.n && m->runs.v[ri].pos == i) {
        run *r = &m->runs.v[ri];
        size_t len = r->len;
        if (!r->esc && r->next != NONE) {
          run *z = &m->runs.v[r->next];
          e = z->pos + z->len;
          blank(m, i, i + len);
          neutral(m, i + len, z->pos);
          blank(m, z->pos, e);
          if (e < b && s[e] == '{') { size_t k = attr_end(m, e, b); if (k) { blank(m, e, k); e = k; } }
          ri = r->next + 1;
          i = e;
          continue;
        }
        i += len;
        continue;
      }
      i++;
      continue;
    }
    if (c == '$' && (e = math_end(m, i, b))) {
      size_t d = s[i + 1] == '$' ? 2 : 1;
      blank(m, i, i + d);
      neutral(m, i + d, e - d);
      blank(m, e - d, e);
      i = e;
      continue;
    }
    if (c == '<') {
      if ((e = html_comment(m, i)) || (e = autolink(m, i, b)) || (e = html_tag(m, i, b))) {
        blank(m, i, e);
        if (e > b) return e;
        i = e;
        continue;
      }
      i++;
      continue;
    }
    if (c == '{' && i + 2 < b && s[i + 1] == '{' && (s[i + 2] == '<' || s[i + 2] == '%')) {
      int pct = s[i + 2] == '%';
      size_t z = find(m, pct ? M_CLOSE_SCP : M_CLOSE_SC, i + 3, b, pct ? "%}}" : ">}}", 3);
      if (z != NONE) { blank(m, i, z + 3); i = z + 3; continue; }
      i++;
      continue;
    }
    if (c == '[' || (c == '!' && i + 1 < b && s[i + 1] == '[') || (c == '^' && i + 1 < b && s[i + 1] == '[')) {
      opener o = {i, c == '!', c == '^'};
      if (vb_push(&m->stack, o)) { m->oom = 1; return b; }
      i += c == '[' ? 1 : 2;
      continue;
    }
    if (c == ']' && m->stack.n) {
      opener o = m->stack.v[--m->stack.n];
      if ((e = close_bracket(m, o, i, b))) {
        /* no link inside a link: the openers it held are text now */
        while (m->stack.n && m->stack.v[m->stack.n - 1].pos > o.pos) m->stack.n--;
        i = e;
        continue;
      }
    }
    i++;
  }
  return b;
}

/* ------------------------------------------------------------------ block pass */

/* Front matter at the top: YAML between --- and --- (or ...), TOML between +++ and +++,
 * or a pandoc title block (% lines). Masked; returns where the body starts. */
static size_t front_matter(md *m, size_t i) {
  size_t e = line_end(m, i), j;
  const unsigned char *s = m->s;
  if (i < m->n && s[i] == '%') {
    for (j = i; j < m->n; j = next_line(m, e)) {
      e = line_end(m, j);
      if (blank_span(m, j, e)) break;
      if (j > i && s[j] != '%' && !is_ws(s[j])) break;
    }
    blank(m, i, j);
    return j;
  }
  if (e - i < 3 || (memcmp(s + i, "---", 3) && memcmp(s + i, "+++", 3)) || !blank_span(m, i + 3, e)) return i;
  {
    int toml = s[i] == '+';
    size_t first = next_line(m, e);
    if (first >= m->n || blank_span(m, first, line_end(m, first))) return i;   /* a rule, not metadata */
    for (j = first; j < m->n; j = next_line(m, e)) {
      e = line_end(m, j);
      if (e - j >= 3 && blank_span(m, j + 3, e) &&
          (toml ? !memcmp(s + j, "+++", 3) : (!memcmp(s + j, "---", 3) || !memcmp(s + j, "...", 3)))) {
        blank(m, i, e);
        return next_line(m, e);
      }
    }
  }
  return i;
}

/* Column width of the white space from p (tabs to the next multiple of 4) and its end. */
static size_t indent_of(const md *m, size_t p, size_t e, size_t *first) {
  size_t col = 0;
  while (p < e && is_ws(m->s[p])) { col = m->s[p] == '\t' ? (col / 4 + 1) * 4 : col + 1; p++; }
  *first = p;
  return col;
}

/* A list item's marker at p ("-", "+", "*", "1.", "1)", a definition's ":" or "~"):
 * the byte after it, or 0. */
static size_t list_marker(const md *m, size_t p, size_t e) {
  const unsigned char *s = m->s;
  size_t j = p;
  if (s[p] == '-' || s[p] == '+' || s[p] == '*' || s[p] == ':' || s[p] == '~') j = p + 1;
  else {
    while (j < e && j - p < 9 && is_digit(s[j])) j++;
    if (j == p || j >= e || (s[j] != '.' && s[j] != ')')) return 0;
    j++;
  }
  return (j == e || is_ws(s[j])) ? j : 0;
}

/* A run of at least 3 of c at p, then the end of the run. */
static size_t fence_run(const md *m, size_t p, size_t e, unsigned c) {
  size_t j = p;
  while (j < e && m->s[j] == c) j++;
  return j - p >= 3 ? j : 0;
}

/* A line of rule or table-ruler characters only: --- *** ___ === |---|:--:| +---+ */
static int ruler(const md *m, size_t p, size_t e) {
  int dash = 0, other = 0;
  for (size_t j = p; j < e; j++) {
    unsigned c = m->s[j];
    if (c == '-' || c == '=' || c == '*' || c == '_') dash++;
    else if (c == '|' || c == ':' || c == '+') other++;
    else if (!is_ws(c) && c != '\r') return 0;
  }
  return dash >= 3 || (dash >= 1 && other >= 1 && m->s[p] != '*');
}

/* Strip block quote markers from line start p: masked; their count in *depth. */
static size_t quote_prefix(md *m, size_t p, size_t e, int *depth) {
  *depth = 0;
  for (;;) {
    size_t q = p, sp = 0;
    while (q < e && m->s[q] == ' ' && sp < 3) q++, sp++;
    if (q >= e || m->s[q] != '>') return p;
    q++;
    if (q < e && is_ws(m->s[q])) q++;
    blank(m, p, q);
    p = q;
    (*depth)++;
  }
}

/* A fenced code block opening at the line [ls, e), its fence at p: the end of its
 * closing line, or NONE when it never closes (then, as pandoc has it, it is text). */
static size_t fence_close(md *m, size_t e, size_t p, size_t fend, int depth, size_t base) {
  unsigned c = m->s[p];
  size_t len = fend - p, j, le;
  int k = c == '`';
  if (m->nofence[k].pos != NONE && m->nofence[k].pos <= e && len >= m->nofence[k].len) return NONE;
  for (j = next_line(m, e); j < m->n; j = next_line(m, le)) {
    size_t q, first, ind, z;
    int d;
    le = line_end(m, j);
    /* read the prefix without masking it: the caller masks the block */
    for (d = 0, q = j; d < depth; d++) {
      size_t sp = 0;
      while (q < le && m->s[q] == ' ' && sp < 3) q++, sp++;
      if (q >= le || m->s[q] != '>') break;
      q++;
      if (q < le && is_ws(m->s[q])) q++;
    }
    if (d < depth) return NONE;                   /* the block quote ended first */
    ind = indent_of(m, q, le, &first);
    if (first < le && ind < base) return NONE;    /* so did the list item */
    if (ind - base <= 3 && first < le && m->s[first] == c && (z = fence_run(m, first, le, c)) &&
        z - first >= len && blank_span(m, z, le))
      return le;
  }
  if (m->nofence[k].pos == NONE || len < m->nofence[k].len) { m->nofence[k].pos = e; m->nofence[k].len = len; }
  return NONE;
}

/* A reference definition [label]: dest "title" at p (line start ls): the end of its
 * last line, or NONE. The label goes into the set. */
static size_t refdef(md *m, size_t p) {
  const unsigned char *s = m->s;
  size_t j, lab, lab_end, d, e, t;
  if (s[p] != '[' || (p + 1 < m->n && s[p + 1] == '^')) return NONE;
  for (j = p + 1; j < m->n && j - p <= 1000; j++) {
    if (s[j] == '\\' && j + 1 < m->n) { j++; continue; }
    if (s[j] == '[' || s[j] == ']') break;
  }
  if (j >= m->n || s[j] != ']' || j + 1 >= m->n || s[j + 1] != ':' || blank_span(m, p + 1, j)) return NONE;
  lab = p + 1;
  lab_end = j;
  j = skip_ws(m, j + 2, m->n, 0);
  if (j < m->n && s[j] == '\n') j = skip_ws(m, j + 1, m->n, 0);
  if (j >= m->n || is_nl(s[j])) return NONE;
  if (!(d = dest_end(m, j, m->n)) || (d == j)) return NONE;
  e = line_end(m, d);
  t = skip_ws(m, d, e, 0);
  if (t < e && s[t] != '\r') {                        /* a title (or attributes) on this line */
    size_t z = title_end(m, t, m->n);
    if (!z && s[t] != '{') return NONE;
    if (z) t = skip_ws(m, z, m->n, 0);
    if (t < m->n && s[t] == '{') { size_t a = attr_end(m, t, m->n); if (!a) return NONE; t = skip_ws(m, a, m->n, 0); }
    e = line_end(m, t);
    if (!blank_span(m, t, e)) return NONE;
  } else if (e < m->n) {                              /* or on the next line */
    size_t n1 = skip_ws(m, e + 1, m->n, 0), z;
    if (n1 < m->n && (s[n1] == '"' || s[n1] == '\'' || s[n1] == '(') && (z = title_end(m, n1, m->n)) &&
        blank_span(m, z, line_end(m, z)))
      e = line_end(m, z);
  }
  define(m, lab, lab_end);
  return e;
}

static void region_close(md *m, size_t *ra, size_t b) {
  if (*ra != NONE && b > *ra) {
    region r = {*ra, b};
    if (vb_push(&m->regions, r)) m->oom = 1;
  }
  *ra = NONE;
}

/* One line as the block pass sees it: [ls, e) with its block quote markers masked; its
 * text from p, the first non-blank byte at first, indented ind columns, rel of them
 * beyond the content column base of the list item it belongs to. */
typedef struct mdline {
  size_t ls, e, p, first, ind, base, rel;
  int depth, para;                                 /* quote depth; a paragraph goes on */
} mdline;

/* Blocks masked whole from their first line: the end of their last line, or NONE when
 * the line does not open one. */
static size_t indented_code(md *m, const mdline *l) {
  (void)m;
  return l->rel >= 4 && !l->para ? l->e : NONE;
}

static size_t fenced_code(md *m, const mdline *l) {         /* Quarto chunks too */
  const unsigned char *s = m->s;
  size_t z;
  if (l->rel > 3 || (s[l->first] != '`' && s[l->first] != '~') || !(z = fence_run(m, l->first, l->e, s[l->first])))
    return NONE;
  if (s[l->first] == '`' && memchr(s + z, '`', l->e - z)) return NONE;   /* `code` at a line start */
  return fence_close(m, l->e, l->first, z, l->depth, l->base);
}

static size_t fenced_div(md *m, const mdline *l) {          /* ::: {.callout} and ::: */
  return l->rel <= 3 && m->s[l->first] == ':' && fence_run(m, l->first, l->e, ':') ? l->e : NONE;
}

static size_t ref_definition(md *m, const mdline *l) {      /* [label]: dest "title" */
  return l->rel <= 3 && !l->para && m->s[l->first] == '[' ? refdef(m, l->first) : NONE;
}

static size_t rule_line(md *m, const mdline *l) {           /* ---, ***, setext, |---| */
  return l->rel <= 3 && ruler(m, l->first, l->e) ? l->e : NONE;
}

static const struct { const char *name; size_t (*fn)(md *, const mdline *); } whole_blocks[] = {
  {"indented code", indented_code}, {"fenced code", fenced_code}, {"fenced div", fenced_div},
  {"reference definition", ref_definition}, {"rule or table ruler", rule_line},
};

/* Blocks that open with a marker: masked, and where the prose after it starts (NONE:
 * not this kind); *alone is set when that prose is the line only (a heading). */
static size_t heading(md *m, const mdline *l, int *alone) {   /* ## Title ## {#id} */
  const unsigned char *s = m->s;
  size_t h = l->first, t = l->e, k;
  if (l->rel > 3 || s[h] != '#') return NONE;
  while (h < l->e && s[h] == '#') h++;
  if (h - l->first > 6 || (h < l->e && !is_ws(s[h]))) return NONE;
  blank(m, l->first, h);
  while (t > h && (is_ws(s[t - 1]) || s[t - 1] == '\r')) t--;
  if (t > h && s[t - 1] == '}') {
    for (k = t - 1; k > h && s[k] != '{'; k--) {}
    if (s[k] == '{' && attr_end(m, k, t) == t) { blank(m, k, t); t = k; }
  }
  while (t > h && is_ws(s[t - 1])) t--;
  for (k = t; k > h && s[k - 1] == '#'; k--) {}
  if (k < t && (k == h || is_ws(s[k - 1]))) blank(m, k, t);
  *alone = 1;
  return h;
}

static void push_list(md *m, size_t col) {
  if (m->nl < MAXLIST) m->list[m->nl++] = col;
}

static size_t footnote(md *m, const mdline *l, int *alone) {  /* [^1]: text, its own container */
  const unsigned char *s = m->s;
  size_t k;
  (void)alone;
  if (l->rel > 3 || s[l->first] != '[' || l->first + 1 >= l->e || s[l->first + 1] != '^') return NONE;
  for (k = l->first + 2; k < l->e && s[k] != ']' && !is_ws(s[k]); k++) {}
  if (k + 1 >= l->e || s[k] != ']' || s[k + 1] != ':') return NONE;
  blank(m, l->first, k + 2);
  push_list(m, l->ind + 4);
  return k + 2;
}

static size_t list_item(md *m, const mdline *l, int *alone) { /* - item, 1. item, : definition */
  size_t z, after, content, col;
  (void)alone;
  if (l->rel > 3 || !(z = list_marker(m, l->first, l->e))) return NONE;
  content = indent_of(m, z, l->e, &after);
  col = l->ind + (z - l->first);
  col = (after >= l->e || content > 4) ? col + 1 : col + content;
  while (m->nl && m->list[m->nl - 1] > l->ind) m->nl--;
  push_list(m, col);
  return after;                                    /* l->e when the item starts empty */
}

static const struct { const char *name; size_t (*fn)(md *, const mdline *, int *); } marker_blocks[] = {
  {"heading", heading}, {"footnote", footnote}, {"list item", list_item},
};

static void blocks(md *m) {
  const unsigned char *s = m->s;
  size_t i = 0, ra = NONE;
  int prev_blank = 1, para = 0;
  if (m->n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3;
  i = front_matter(m, i);
  while (i < m->n && !m->oom) {
    mdline l;
    size_t end = NONE, k;
    int alone = 0;
    l.ls = i;
    l.e = line_end(m, i);
    l.p = quote_prefix(m, i, l.e, &l.depth);
    l.ind = indent_of(m, l.p, l.e, &l.first);
    l.para = para;
    if (l.first >= l.e || blank_span(m, l.first, l.e)) {   /* a blank line ends a paragraph */
      region_close(m, &ra, i);
      para = 0;
      prev_blank = 1;
      i = next_line(m, l.e);
      continue;
    }
    /* the list items this line still belongs to (a lazy paragraph line stays in all) */
    if (!para || prev_blank)
      while (m->nl && m->list[m->nl - 1] > l.ind) m->nl--;
    l.base = m->nl ? m->list[m->nl - 1] : 0;
    l.rel = l.ind >= l.base ? l.ind - l.base : 0;
    prev_blank = 0;
    for (k = 0; k < sizeof whole_blocks / sizeof *whole_blocks && end == NONE; k++) end = whole_blocks[k].fn(m, &l);
    if (end != NONE) {
      region_close(m, &ra, i);
      blank(m, l.p, end);
      para = 0;
      i = next_line(m, end);
      continue;
    }
    for (k = 0; k < sizeof marker_blocks / sizeof *marker_blocks; k++) {
      size_t start = marker_blocks[k].fn(m, &l, &alone);
      if (start == NONE) continue;
      region_close(m, &ra, i);
      if (start < l.e) ra = start;
      if (alone) region_close(m, &ra, l.e);
      para = !alone && start < l.e;
      break;
    }
    if (k == sizeof marker_blocks / sizeof *marker_blocks) {   /* paragraph text */
      if (ra == NONE) ra = l.p;
      para = 1;
    }
    i = next_line(m, l.e);
  }
  region_close(m, &ra, m->n);
}

int vb_prose(vb_format f, char *text, size_t n) {
  md m;
  size_t pos = 0;
  if (f != VB_FMT_MARKDOWN || !text || !n) return 0;
  memset(&m, 0, sizeof m);
  m.s = (unsigned char *)text;
  m.n = n;
  m.nofence[0].pos = m.nofence[1].pos = NONE;
  for (int w = 0; w < M_NMEMO; w++) m.memo[w].from = NONE;
  blocks(&m);
  for (size_t r = 0; r < m.regions.n && !m.oom; r++) {
    region g = m.regions.v[r];
    if (g.b <= pos) continue;
    pos = inlines(&m, g.a > pos ? g.a : pos, g.b);
  }
  vb_vfree(&m.regions);
  vb_vfree(&m.stack);
  vb_vfree(&m.runs);
  free(m.set);
  vb_buf_free(&m.names);
  vb_buf_free(&m.scratch);
  return m.oom ? -1 : 0;
}
