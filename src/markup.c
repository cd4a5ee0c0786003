/* markup.c: the text of marked-up transcripts, for decode.c (see decode.h): HTML, WebVTT
 * and SRT cues, the XML inside a .docx. Each writes D's text and its anchors back to the
 * bytes it read (D->mid): a copied run needs one anchor, a dropped tag or a decoded
 * entity one more. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <expat.h>
#include "decode.h"
#include "markup.h"
#include "text.h"

#define SYNTH_NONE UINT64_MAX

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return ((c | 32) >= 'a' && (c | 32) <= 'z'); }
static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }


/* The first needle in s[0..n), or NULL. */
static const char *find(const char *s, size_t n, const char *needle) {
  size_t k = strlen(needle);
  const char *p = s, *e = s + n;
  while (k && (size_t)(e - p) >= k && (p = memchr(p, needle[0], (size_t)(e - p) - k + 1)) != NULL) {
    if (!memcmp(p, needle, k)) return p;
    p++;
  }
  return NULL;
}

/* ---------------------------------------------------------------- output */

typedef struct mkout {
  vb_decoded *D;
  vb_buf t;
} mkout;

/* bytes k of mid at m, copied (possibly as other bytes of the same length) */
static void put_copy(mkout *o, uint64_t m, const char *b, size_t k) {
  vb_anchor *l = o->D->mk.n ? &o->D->mk.v[o->D->mk.n - 1] : NULL;
  if (!k) return;
  if (!l || l->mid_end != SYNTH_NONE || l->mid + (o->t.n - l->dec) != m) {
    vb_anchor a;
    a.dec = o->t.n; a.mid = m; a.mid_end = SYNTH_NONE;
    if (vb_push(&o->D->mk, a)) o->t.oom = 1;
  }
  vb_buf_add(&o->t, b, k);
}

/* bytes made up for mid [m0, m1) (an entity, a label from a voice, a paragraph break) */
static void put_synth(mkout *o, uint64_t m0, uint64_t m1, const char *b, size_t k) {
  vb_anchor a;
  if (!k) return;
  a.dec = o->t.n; a.mid = m0; a.mid_end = m1;
  if (vb_push(&o->D->mk, a)) o->t.oom = 1;
  vb_buf_add(&o->t, b, k);
}

static void put_cp(mkout *o, uint64_t m0, uint64_t m1, uint32_t cp) {
  char c[4];
  put_synth(o, m0, m1, c, vb_utf8_enc(cp, c));
}

/* ---------------------------------------------------------------- entities */

static const struct ent { const char *name; uint32_t cp; } ents[] = {
  {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
  {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"sbquo", 0x201A},
  {"bdquo", 0x201E}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A},
  {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"minus", 0x2212}, {"shy", 0xAD},
  {"prime", 0x2032}, {"Prime", 0x2033}, {"bull", 0x2022}, {"middot", 0xB7}, {"dagger", 0x2020},
  {"Dagger", 0x2021}, {"permil", 0x2030}, {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009},
  {"zwnj", 0x200C}, {"zwj", 0x200D}, {"lrm", 0x200E}, {"rlm", 0x200F}, {"copy", 0xA9}, {"reg", 0xAE},
  {"trade", 0x2122}, {"deg", 0xB0}, {"plusmn", 0xB1}, {"times", 0xD7}, {"divide", 0xF7},
  {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE}, {"sup1", 0xB9}, {"sup2", 0xB2}, {"sup3", 0xB3},
  {"para", 0xB6}, {"sect", 0xA7}, {"cent", 0xA2}, {"pound", 0xA3}, {"yen", 0xA5}, {"euro", 0x20AC},
  {"curren", 0xA4}, {"brvbar", 0xA6}, {"uml", 0xA8}, {"ordf", 0xAA}, {"ordm", 0xBA}, {"not", 0xAC},
  {"macr", 0xAF}, {"acute", 0xB4}, {"micro", 0xB5}, {"cedil", 0xB8}, {"iexcl", 0xA1}, {"iquest", 0xBF},
  {"Agrave", 0xC0}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Atilde", 0xC3}, {"Auml", 0xC4}, {"Aring", 0xC5},
  {"AElig", 0xC6}, {"Ccedil", 0xC7}, {"Egrave", 0xC8}, {"Eacute", 0xC9}, {"Ecirc", 0xCA}, {"Euml", 0xCB},
  {"Igrave", 0xCC}, {"Iacute", 0xCD}, {"Icirc", 0xCE}, {"Iuml", 0xCF}, {"ETH", 0xD0}, {"Ntilde", 0xD1},
  {"Ograve", 0xD2}, {"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Otilde", 0xD5}, {"Ouml", 0xD6}, {"Oslash", 0xD8},
  {"Ugrave", 0xD9}, {"Uacute", 0xDA}, {"Ucirc", 0xDB}, {"Uuml", 0xDC}, {"Yacute", 0xDD}, {"THORN", 0xDE},
  {"szlig", 0xDF}, {"agrave", 0xE0}, {"aacute", 0xE1}, {"acirc", 0xE2}, {"atilde", 0xE3}, {"auml", 0xE4},
  {"aring", 0xE5}, {"aelig", 0xE6}, {"ccedil", 0xE7}, {"egrave", 0xE8}, {"eacute", 0xE9}, {"ecirc", 0xEA},
  {"euml", 0xEB}, {"igrave", 0xEC}, {"iacute", 0xED}, {"icirc", 0xEE}, {"iuml", 0xEF}, {"eth", 0xF0},
  {"ntilde", 0xF1}, {"ograve", 0xF2}, {"oacute", 0xF3}, {"ocirc", 0xF4}, {"otilde", 0xF5}, {"ouml", 0xF6},
  {"oslash", 0xF8}, {"ugrave", 0xF9}, {"uacute", 0xFA}, {"ucirc", 0xFB}, {"uuml", 0xFC}, {"yacute", 0xFD},
  {"thorn", 0xFE}, {"yuml", 0xFF}, {"Yuml", 0x178}, {"OElig", 0x152}, {"oelig", 0x153}, {"Scaron", 0x160},
  {"scaron", 0x161}, {"fnof", 0x192}, {"circ", 0x2C6}, {"tilde", 0x2DC}, {"larr", 0x2190}, {"rarr", 0x2192},
  {"uarr", 0x2191}, {"darr", 0x2193}, {"harr", 0x2194}, {"le", 0x2264}, {"ge", 0x2265}, {"ne", 0x2260},
  {"asymp", 0x2248}, {"infin", 0x221E}, {"sum", 0x2211}, {"alpha", 0x3B1}, {"beta", 0x3B2},
  {"gamma", 0x3B3}, {"delta", 0x3B4}, {"pi", 0x3C0}, {"mu", 0x3BC}, {"Omega", 0x3A9}, {"omega", 0x3C9},
  {NULL, 0}};

/* A character reference at s[i] == '&': its code point and the byte after it, or 0. */
static size_t entity(const char *s, size_t n, size_t i, uint32_t *cp) {
  size_t j = i + 1;
  if (j < n && s[j] == '#') {
    uint32_t v = 0;
    int hex = 0, digits = 0;
    j++;
    if (j < n && (s[j] == 'x' || s[j] == 'X')) { hex = 1; j++; }
    for (; j < n && digits < 8; j++, digits++) {
      unsigned char c = (unsigned char)s[j];
      if (is_digit(c)) v = v * (hex ? 16 : 10) + (c - '0');
      else if (hex && (c | 32) >= 'a' && (c | 32) <= 'f') v = v * 16 + ((c | 32) - 'a' + 10);
      else break;
    }
    if (!digits) return 0;
    if (j < n && s[j] == ';') j++;
    if (v >= 0x80 && v < 0xA0) v = vb_cp1252(v);           /* as browsers read them */
    if (!v || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) v = VB_BADCP;
    *cp = v;
    return j;
  }
  {
    size_t k = j;
    while (k < n && k - j < 10 && (is_alpha((unsigned char)s[k]) || is_digit((unsigned char)s[k]))) k++;
    if (k == j) return 0;
    for (int e = 0; ents[e].name; e++)
      if (strlen(ents[e].name) == k - j && !memcmp(ents[e].name, s + j, k - j)) {
        if (k < n && s[k] == ';') { *cp = ents[e].cp; return k + 1; }
        if (e < 6) { *cp = ents[e].cp; return k; }                   /* &amp &lt ... without ';' */
        return 0;
      }
  }
  return 0;
}

/* ---------------------------------------------------------------- HTML */

static int tag_is(const char *t, size_t k, const char *const *set) {
  for (int i = 0; set[i]; i++)
    if (strlen(set[i]) == k) {
      size_t j = 0;
      while (j < k && lower((unsigned char)t[j]) == set[i][j]) j++;
      if (j == k) return 1;
    }
  return 0;
}

static const char *const html_skip[] = {"script", "style", "head", "title", "noscript", "template", "svg", "nav", "iframe", "object", NULL};
static const char *const html_block[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt", "tr", "table", "tbody",
  "thead", "tfoot", "blockquote", "article", "section", "header", "footer", "aside", "main", "pre", "hr",
  "figure", "figcaption", "form", "fieldset", "address", "details", "summary", "caption", "body", "html", NULL};
static const char *const html_cell[] = {"td", "th", NULL};

/* Tags dropped, entities decoded, white space collapsed as a browser does, a block's end
 * a paragraph break (a blank line), <br> a line break, the contents of <script>, <style>,
 * <head> and the like left out. */
int vb_markup_html(vb_decoded *D) {
  const char *s = D->mid;
  size_t n = D->mid_n, i = 0;
  mkout o = {D, {0}};
  int brk = 0, space = 0, pre = 0;                 /* brk: 1 line, 2 paragraph */
  uint64_t brk_at = 0;
  if (vb_buf_reserve(&o.t, n / 2 + 16)) return -1;
  while (i < n && !o.t.oom) {
    unsigned char c = (unsigned char)s[i];
    if (c == '<') {
      size_t j = i + 1, name, name_end, e;
      int close = 0;
      if (j + 2 < n && !memcmp(s + j, "!--", 3)) {
        const char *x = n - j > 3 ? find(s + j + 3, n - j - 3, "-->") : NULL;
        i = x ? (size_t)(x - s) + 3 : n;
        continue;
      }
      if (j < n && s[j] == '/') { close = 1; j++; }
      if (j >= n || !(is_alpha((unsigned char)s[j]) || s[j] == '!' || s[j] == '?')) { /* a lone < */
        if (brk && o.t.n) put_synth(&o, brk_at, brk_at, brk == 2 ? "\n\n" : "\n", (size_t)brk);
        else if (space && o.t.n) put_copy(&o, i - 1, " ", 1);
        brk = space = 0;
        put_copy(&o, i, "<", 1);
        i++;
        continue;
      }
      name = j;
      while (j < n && (is_alpha((unsigned char)s[j]) || is_digit((unsigned char)s[j]) || s[j] == '-' || s[j] == ':')) j++;
      name_end = j;
      for (e = j; e < n && s[e] != '>';) {          /* attributes, quoted values respected */
        if (s[e] == '"' || s[e] == '\'') {
          const char *q = memchr(s + e + 1, s[e], n - e - 1);
          e = q ? (size_t)(q - s) + 1 : n;
        } else e++;
      }
      e = e < n ? e + 1 : n;
      if (!close && tag_is(s + name, name_end - name, html_skip)) {
        /* up to the closing tag of the same name */
        size_t k = e, len = name_end - name;
        for (;;) {
          const char *x = k < n ? memchr(s + k, '<', n - k) : NULL;
          if (!x) { k = n; break; }
          k = (size_t)(x - s);
          if (k + 2 + len <= n && s[k + 1] == '/') {
            size_t a = 0;
            while (a < len && lower((unsigned char)s[k + 2 + a]) == lower((unsigned char)s[name + a])) a++;
            if (a == len) { const char *g = memchr(s + k, '>', n - k); k = g ? (size_t)(g - s) + 1 : n; break; }
          }
          k++;
        }
        e = k;
        brk = brk ? brk : 2;
        brk_at = i;
      } else if (tag_is(s + name, name_end - name, html_block)) {
        if (name_end - name == 3 && !close && vb_ascii_starts(s + name, 3, "pre")) pre = 1;
        else if (name_end - name == 3 && close && vb_ascii_starts(s + name, 3, "pre")) pre = 0;
        brk = 2; brk_at = i; space = 0;
      } else if (name_end - name == 2 && vb_ascii_starts(s + name, 2, "br")) {
        if (brk < 1) { brk = 1; brk_at = i; }
        space = 0;
      } else if (tag_is(s + name, name_end - name, html_cell)) {
        if (!brk) space = 1;
      }
      i = e;
      continue;
    }
    if (is_space(c) && !pre) { space = 1; i++; continue; }
    if (brk) {
      if (o.t.n) put_synth(&o, brk_at, brk_at, brk == 2 ? "\n\n" : "\n", (size_t)brk);
      brk = space = 0;
    } else if (space) {
      if (o.t.n) put_copy(&o, i - 1, " ", 1);
      space = 0;
    }
    if (c == '&') {
      uint32_t cp;
      size_t e = entity(s, n, i, &cp);
      if (e) { put_cp(&o, i, e, cp); i = e; continue; }
    }
    {
      size_t j = i + 1;
      while (j < n && s[j] != '<' && s[j] != '&' && (pre || !is_space((unsigned char)s[j]))) j++;
      put_copy(&o, i, s + i, j - i);
      i = j;
    }
  }
  if (o.t.n) put_synth(&o, n, n, "\n", 1);
  vb_buf_add(&o.t, "", 0);
  if (o.t.oom) { vb_buf_free(&o.t); return -1; }
  D->own = o.t.p;
  D->s = o.t.p;
  D->n = o.t.n;
  return 0;
}

/* ---------------------------------------------------------------- WebVTT and SRT */

/* The line at i: its end (before \r\n or \n), and the start of the next one. */
static size_t line_at(const char *s, size_t n, size_t i, size_t *next) {
  const char *e = memchr(s + i, '\n', n - i);
  size_t b = e ? (size_t)(e - s) : n;
  *next = e ? b + 1 : n;
  if (b > i && s[b - 1] == '\r') b--;
  return b;
}

/* A cue time: [hh:]mm:ss[.,]mmm. The byte after it, or 0. */
static size_t cue_time(const char *s, size_t b, size_t i) {
  size_t j = i, parts = 0;
  for (;;) {
    size_t d = j;
    while (j < b && is_digit((unsigned char)s[j])) j++;
    if (j == d) return 0;
    parts++;
    if (j < b && s[j] == ':' && parts < 3) { j++; continue; }
    break;
  }
  if (parts < 2) return 0;
  if (j < b && (s[j] == '.' || s[j] == ',')) { j++; while (j < b && is_digit((unsigned char)s[j])) j++; }
  return j;
}

/* 00:00:01.000 --> 00:00:04.000 [settings] */
static int is_timing(const char *s, size_t a, size_t b) {
  size_t j = a;
  while (j < b && (s[j] == ' ' || s[j] == '\t')) j++;
  if (!(j = cue_time(s, b, j))) return 0;
  while (j < b && (s[j] == ' ' || s[j] == '\t')) j++;
  if (b - j < 3 || memcmp(s + j, "-->", 3)) return 0;
  j += 3;
  while (j < b && (s[j] == ' ' || s[j] == '\t')) j++;
  return cue_time(s, b, j) != 0;
}

static int all_digits(const char *s, size_t a, size_t b) {
  size_t j = a;
  while (j < b && is_digit((unsigned char)s[j])) j++;
  return j > a && j == b;
}

typedef struct sbyte { uint64_t mid, mid_end; } sbyte;
typedef struct sline {
  vb_buf t;
  VB_VEC(sbyte) m;
  size_t voice, voice_end, tag0, tag1;   /* a <v Name> voice: the name and the tag */
} sline;

static void sl_add(sline *L, const char *b, size_t k, uint64_t m, uint64_t me) {
  if (vb_vgrow(&L->m, L->m.n + k)) { L->t.oom = 1; return; }
  for (size_t i = 0; i < k; i++) {
    L->m.v[L->m.n].mid = me == SYNTH_NONE ? m + i : m;
    L->m.v[L->m.n++].mid_end = me;
  }
  vb_buf_add(&L->t, b, k);
}

/* A cue line without its tags (<v Name>, <c>, <i>, <00:00:01.330>...), {\an8} overrides
 * and entities; white space collapsed; the voice kept when it opens the line (its label
 * goes first, so one after text would put the map back to front: it is dropped). */
static void strip_line(const char *s, size_t a, size_t b, sline *L) {
  size_t i = a;
  int space = 0;
  L->t.n = 0; L->m.n = 0; L->voice = L->voice_end = 0;
  while (i < b) {
    unsigned char c = (unsigned char)s[i];
    if (c == '<') {
      const char *g = memchr(s + i, '>', b - i);
      size_t e = g ? (size_t)(g - s) + 1 : b;
      if (!g) { sl_add(L, "<", 1, i, SYNTH_NONE); i++; continue; }
      if (i + 2 < e && s[i + 1] == 'v' && (s[i + 2] == ' ' || s[i + 2] == '.') && !L->voice_end &&
          !L->t.n) {
        size_t v = i + 2;
        while (v < e - 1 && s[v] != ' ') v++;           /* <v.loud Esme>: classes first */
        while (v < e - 1 && s[v] == ' ') v++;
        {
          size_t ve = e - 1;
          while (ve > v && s[ve - 1] == ' ') ve--;
          if (ve > v) { L->voice = v; L->voice_end = ve; L->tag0 = i; L->tag1 = e; }
        }
      }
      i = e;
      continue;
    }
    if (c == '{' && i + 1 < b && s[i + 1] == '\\') {
      const char *g = memchr(s + i, '}', b - i);
      if (g) { i = (size_t)(g - s) + 1; continue; }
    }
    if (c == ' ' || c == '\t') { space = 1; i++; continue; }
    if (space && L->t.n) sl_add(L, " ", 1, i - 1, SYNTH_NONE);
    space = 0;
    if (c == '&') {
      uint32_t cp;
      size_t e = entity(s, b, i, &cp);
      if (e) { char u[4]; sl_add(L, u, vb_utf8_enc(cp, u), i, e); i = e; continue; }
    }
    {
      size_t j = i + 1;
      while (j < b && s[j] != '<' && s[j] != '&' && s[j] != ' ' && s[j] != '\t' && s[j] != '{') j++;
      sl_add(L, s + i, j - i, i, SYNTH_NONE);
      i = j;
    }
  }
}

static void put_line(mkout *o, const sline *L, size_t from) {
  size_t i = from;
  while (i < L->t.n) {
    size_t j = i + 1;
    if (L->m.v[i].mid_end == SYNTH_NONE) {
      while (j < L->t.n && L->m.v[j].mid_end == SYNTH_NONE && L->m.v[j].mid == L->m.v[j - 1].mid + 1) j++;
      put_copy(o, L->m.v[i].mid, L->t.p + i, j - i);
    } else {
      while (j < L->t.n && L->m.v[j].mid_end == L->m.v[i].mid_end && L->m.v[j].mid == L->m.v[i].mid) j++;
      put_synth(o, L->m.v[i].mid, L->m.v[i].mid_end, L->t.p + i, j - i);
    }
    i = j;
  }
}

static uint64_t hash_bytes(const char *p, size_t k) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < k; i++) h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
  return h;
}

enum { C_IDLE, C_HEAD, C_SKIP, C_TEXT };

/* Walks the cues: calls line() for every cue text line (rolling: a first pass that only
 * counts). Returns the number of cues. */
typedef struct cuewalk {
  vb_decoded *D;
  mkout *o;                     /* NULL on the counting pass */
  sline L;
  int rolling;
  uint64_t recent[3];           /* hashes of the last lines put out */
  size_t prev_len;              /* length of the last line put out, for prefix overlaps */
  vb_buf prev;                  /* its text */
  size_t voice, voice_n;        /* the voice speaking now */
  uint64_t last_mid;            /* end of the last line put out */
  size_t cues, first_eq_prev;   /* counting pass */
  uint64_t cue_first, cue_last, prev_cue_last;
  int cue_lines;
} cuewalk;

static void cue_line(cuewalk *w, size_t a, size_t b) {
  sline *L = &w->L;
  uint64_t h;
  size_t from = 0;
  strip_line(w->D->mid, a, b, L);
  if (!L->t.n) return;
  h = hash_bytes(L->t.p, L->t.n);
  if (!w->o) {                                   /* counting pass */
    if (!w->cue_lines++) { w->cue_first = h; if (w->prev_cue_last && h == w->prev_cue_last) w->first_eq_prev++; }
    w->cue_last = h;
    return;
  }
  if (w->rolling) {
    if (h == w->recent[0] || h == w->recent[1] || h == w->recent[2]) return;     /* shown again */
    if (w->prev.n && w->prev.n < L->t.n && !memcmp(L->t.p, w->prev.p, w->prev.n) && L->t.p[w->prev.n] == ' ')
      from = w->prev.n + 1;                       /* a roll-up line that grew */
  }
  w->recent[2] = w->recent[1]; w->recent[1] = w->recent[0]; w->recent[0] = h;
  w->prev.n = 0;
  vb_buf_add(&w->prev, L->t.p, L->t.n);
  if (w->o->t.n) put_synth(w->o, w->last_mid, w->last_mid, "\n", 1);
  if (L->voice_end && (L->voice_end - L->voice != w->voice_n ||
                       memcmp(w->D->mid + L->voice, w->D->mid + w->voice, w->voice_n))) {
    put_synth(w->o, L->tag0, L->tag0, "\x1E", 1);
    put_copy(w->o, L->voice, w->D->mid + L->voice, L->voice_end - L->voice);
    put_synth(w->o, L->tag1, L->tag1, ": ", 2);
    w->voice = L->voice; w->voice_n = L->voice_end - L->voice;
  }
  put_line(w->o, L, from);
  w->last_mid = L->m.v[L->m.n - 1].mid_end == SYNTH_NONE ? L->m.v[L->m.n - 1].mid + 1 : L->m.v[L->m.n - 1].mid_end;
}

static void cue_end(cuewalk *w) {
  if (!w->o && w->cue_lines) { w->cues++; w->prev_cue_last = w->cue_last; }
  w->cue_lines = 0;
}

static void cue_walk(cuewalk *w) {
  const char *s = w->D->mid;
  size_t n = w->D->mid_n, i = 0, next;
  int st = vb_ascii_starts(s, n, "\xEF\xBB\xBFwebvtt") || vb_ascii_starts(s, n, "webvtt") ? C_HEAD : C_IDLE;
  while (i < n) {
    size_t b = line_at(s, n, i, &next), nb, nn;
    int blank = 1;
    for (size_t k = i; k < b; k++) if (!is_space((unsigned char)s[k])) { blank = 0; break; }
    if (blank) {
      if (st == C_TEXT) cue_end(w);
      if (st != C_IDLE) st = C_IDLE;
      i = next;
      continue;
    }
    if (st == C_HEAD || st == C_SKIP) { i = next; continue; }
    if (is_timing(s, i, b)) {
      if (st == C_TEXT) cue_end(w);
      st = C_TEXT;
      i = next;
      continue;
    }
    nb = next < n ? line_at(s, n, next, &nn) : next;
    if (next < n && is_timing(s, next, nb) && (st == C_IDLE || all_digits(s, i, b))) { i = next; continue; }  /* a cue id */
    if (st == C_IDLE && (vb_ascii_starts(s + i, b - i, "note") || vb_ascii_starts(s + i, b - i, "style") ||
                         vb_ascii_starts(s + i, b - i, "region")) &&
        (b - i == 4 || b - i == 5 || b - i == 6 || s[i + 4] == ' ' || s[i + 5] == ' ' || s[i + 6] == ' ')) {
      st = C_SKIP;
      i = next;
      continue;
    }
    if (st == C_IDLE) st = C_TEXT;                 /* text without a timing line: keep it */
    cue_line(w, i, b);
    i = next;
  }
  if (st == C_TEXT) cue_end(w);
}

int vb_markup_cues(vb_decoded *D) {
  cuewalk w;
  mkout o = {D, {0}};
  memset(&w, 0, sizeof w);
  w.D = D;
  cue_walk(&w);                                  /* counting: rolling captions? */
  w.rolling = w.cues >= 4 && w.first_eq_prev * 10 >= w.cues * 3;
  w.o = &o;
  w.voice_n = 0;
  if (vb_buf_reserve(&o.t, D->mid_n / 2 + 16)) { vb_buf_free(&w.L.t); vb_vfree(&w.L.m); return -1; }
  cue_walk(&w);
  if (o.t.n) put_synth(&o, D->mid_n, D->mid_n, "\n", 1);
  vb_buf_add(&o.t, "", 0);
  vb_buf_free(&w.L.t);
  vb_vfree(&w.L.m);
  vb_buf_free(&w.prev);
  if (o.t.oom || w.L.t.oom) { vb_buf_free(&o.t); return -1; }
  D->own = o.t.p;
  D->s = o.t.p;
  D->n = o.t.n;
  return 0;
}

/* ---------------------------------------------------------------- .docx */


#define DOCX_XML_MAX ((zip_uint64_t)256 << 20)   /* word/document.xml, uncompressed: no zip bombs */

typedef struct docx {
  vb_buf t;
  int in_t, depth_skip, oom;
} docx;

/* "w:t" and the like: the local name after the prefix */
static const char *local(const char *name) {
  const char *c = strrchr(name, ':');
  return c ? c + 1 : name;
}

static void XMLCALL dx_start(void *ud, const char *name, const char **attr) {
  docx *x = ud;
  const char *l = local(name);
  (void)attr;
  if (!strcmp(l, "t")) x->in_t = 1;
  else if (!strcmp(l, "tab")) vb_buf_addc(&x->t, '\t');
  else if (!strcmp(l, "br") || !strcmp(l, "cr")) vb_buf_addc(&x->t, '\n');
}

static void XMLCALL dx_end(void *ud, const char *name) {
  docx *x = ud;
  const char *l = local(name);
  if (!strcmp(l, "t")) x->in_t = 0;
  else if (!strcmp(l, "p")) vb_buf_addc(&x->t, '\n');
}

static void XMLCALL dx_text(void *ud, const char *s, int len) {
  docx *x = ud;
  if (x->in_t && len > 0) vb_buf_add(&x->t, s, (size_t)len);
}

/* The text of word/document.xml: runs of <w:t> (deleted text and field codes are other
 * elements and stay out), <w:tab/> a tab, <w:br/> a line break, a paragraph a line.
 * 1 when p is a .docx and D holds its text, 0 when it is not one, -1 (memory). */
int vb_markup_docx(vb_decoded *D, const unsigned char *p, size_t n, vb_buf *warn) {
  zip_error_t ze;
  zip_source_t *src;
  zip_t *z;
  zip_stat_t st;
  zip_file_t *f;
  docx x;
  XML_Parser xp;
  char buf[65536];
  zip_int64_t k;
  int rc = 0;
  zip_error_init(&ze);
  if (!(src = zip_source_buffer_create(p, n, 0, &ze))) { zip_error_fini(&ze); return 0; }
  if (!(z = zip_open_from_source(src, ZIP_RDONLY, &ze))) { zip_source_free(src); zip_error_fini(&ze); return 0; }
  zip_error_fini(&ze);
  if (zip_stat(z, "word/document.xml", 0, &st) || !(st.valid & ZIP_STAT_SIZE)) { zip_close(z); return 0; }
  if (st.size > DOCX_XML_MAX) {
    vb_buf_addf(warn, "a .docx whose text is larger than %d MB: skipped", (int)(DOCX_XML_MAX >> 20));
    zip_close(z);
    D->binary = 1;
    return 1;
  }
  if (!(f = zip_fopen(z, "word/document.xml", 0))) { zip_close(z); return 0; }
  memset(&x, 0, sizeof x);
  if (!(xp = XML_ParserCreate("UTF-8"))) { zip_fclose(f); zip_close(z); return -1; }
  XML_SetUserData(xp, &x);
  XML_SetElementHandler(xp, dx_start, dx_end);
  XML_SetCharacterDataHandler(xp, dx_text);
  rc = 1;
  while ((k = zip_fread(f, buf, sizeof buf)) > 0)
    if (XML_Parse(xp, buf, (int)k, 0) == XML_STATUS_ERROR) { k = -2; break; }
  if (k == 0 && XML_Parse(xp, buf, 0, 1) == XML_STATUS_ERROR) k = -2;
  if (k < 0) {
    vb_buf_addf(warn, "a .docx that could not be read (%s): skipped",
                k == -2 ? XML_ErrorString(XML_GetErrorCode(xp)) : "corrupt archive");
    D->binary = 1;
    vb_buf_free(&x.t);
  }
  XML_ParserFree(xp);
  zip_fclose(f);
  zip_close(z);
  if (D->binary) return 1;
  vb_buf_add(&x.t, "", 0);
  if (x.t.oom) { vb_buf_free(&x.t); return -1; }
  D->own = x.t.p;
  D->s = x.t.p;
  D->n = x.t.n;
  return rc;
}

/* ---------------------------------------------------------------- telling them apart */

/* ---------------------------------------------------------------- the driver */

int vb_sniff_html(const char *name, const char *s, size_t n) {
  size_t i = 0, k;
  if (vb_ascii_ends(name, ".html") || vb_ascii_ends(name, ".htm") || vb_ascii_ends(name, ".xhtml") || vb_ascii_ends(name, ".shtml"))
    return 1;
  if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) i = 3;
  while (i < n && is_space((unsigned char)s[i])) i++;
  k = n - i;
  if (vb_ascii_starts(s + i, k, "<!doctype html") || vb_ascii_starts(s + i, k, "<html") || vb_ascii_starts(s + i, k, "<head") ||
      vb_ascii_starts(s + i, k, "<body") || vb_ascii_starts(s + i, k, "<meta") || vb_ascii_starts(s + i, k, "<p>") ||
      vb_ascii_starts(s + i, k, "<div"))
    return 1;
  if (vb_ascii_starts(s + i, k, "<?xml")) return find(s + i, k < 1024 ? k : 1024, "<html") != NULL;
  return 0;
}

int vb_sniff_cues(const char *name, const char *s, size_t n) {
  size_t i = 0, next, b;
  if (vb_ascii_ends(name, ".vtt") || vb_ascii_ends(name, ".srt")) return 1;
  if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) i = 3;
  if (vb_ascii_starts(s + i, n - i, "webvtt") && (n - i == 6 || is_space((unsigned char)s[i + 6]))) return 1;
  while (i < n && i < 1024 && is_space((unsigned char)s[i])) i++;
  n = n - i > 1024 ? i + 1024 : n;               /* the first cue is all it takes */
  b = line_at(s, n, i, &next);
  if (!all_digits(s, i, b) || next >= n) return 0;
  b = line_at(s, n, next, &i);
  return is_timing(s, next, b);
}

