/* analyze.c: the analysis driver (quotes, tokens and cues, then entities, attribution,
 * indirect speech and the sources list) and the helpers that show a speaker's name. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "attrib_int.h"
#include "sources.h"

/* Long texts go a window at a time, so that tokens, word classes and mentions (48 bytes a
 * token or so, and punctuation is a token a byte) take the same memory whatever the
 * text's length. A window attributes the quotes of about `window` tokens (vb_aopts.window,
 * else VB_WINDOW: 262,144, some 1.8 MB of prose) and reads a context of window / 64 tokens
 * (512 to window / 8) on either side; cuts fall where a paragraph, else a sentence,
 * starts. Entities and the name maps carry over from window to window, and so does each
 * quote's attribution, so that a speaker goes on from quote to quote across a cut; the
 * quotes, found in one pass beforehand, are handed to the window that holds them. A text
 * of up to window + 2 * context tokens (any article) is analysed in one go, as before. */
#ifndef VB_WINDOW
#define VB_WINDOW ((size_t)1 << 18)
#endif

/* Attribute the quotes of A (quote i of A is the text's quote qa + i; map: top-level
 * quote -> quote, NULL when none is nested) from the tokens in X->T, and add reported
 * speech unless o->no_indirect. The first known quotes come attributed already (by the window
 * before: the rules that carry a speaker on from quote to quote go on from there). Cues
 * are marked on the tokens of bytes [b0, b1); user pattern matches from byte keep on are
 * held for the next window. 0, -1, or -2 - p (vb_analyze). */
static int run_window(ctx *X, vb_analysis *A, const size_t *map, size_t qa, size_t known, const vb_aopts *o,
                      vb_cuescan *cs, size_t b0, size_t b1, size_t keep) {
  size_t nq = A->qs.q.n;
  int sc;
  X->A = A;
  X->m.n = 0;
  X->mblk.n = 0;          /* (no index until pass 1 has made this window's mentions) */
  if (vb_vgrow(&X->qtok, nq + 1)) return -1;
  for (size_t i = 0; i < nq; i++) X->qtok.v[i] = VB_NONE;
  X->qtok.n = nq;
  free(X->nonq);
  X->wc = X->T.wc.v;      /* the classes the tokenizer found, with a 0 past the window's end */
  X->nonq = malloc(2 * (X->T.quotes.n + 1) * sizeof *X->nonq);
  if (!X->nonq) return -1;
  X->qof = X->nonq + X->T.quotes.n + 1;
  /* each quote token's quote of this window (qof), and each quote's token (qtok) */
  for (size_t j = 0; j < X->T.quotes.n; j++) {
    size_t k = X->T.quotes.v[j], qi = (size_t)X->T.t.v[k].q;
    if (map) qi = map[qi];
    X->qof[j] = qi >= qa && qi - qa < nq ? qi - qa : VB_NONE;
    if (X->qof[j] != VB_NONE) X->qtok.v[X->qof[j]] = k;
  }
  /* per quote token: the first token after its run of adjacent quotes (a few per text,
   * where an array over every token would cost a pass) */
  for (size_t j = X->T.quotes.n; j-- > 0;) {
    size_t t = X->T.quotes.v[j];
    X->nonq[j] = j + 1 < X->T.quotes.n && X->T.quotes.v[j + 1] == t + 1 ? X->nonq[j + 1] : t + 1;
  }
  /* a user pattern that ran into PCRE2's limits: its code (-2 - pattern) goes back out */
  if ((sc = vb_cues_scan_window(X->C, X->s, X->n, &X->T, NULL, cs, b0, b1, keep))) return sc;
  if (vb_vgrow(&A->attr, nq + 1)) return -1;
  for (size_t i = known; i < nq; i++) A->attr.v[i] = (vb_attr){-1, nospan, nospan, 0, NULL};
  A->attr.n = nq;
  vb_pass_names(X);
  if (!X->oom) vb_pass_quotes(X);
  if (!X->oom && !(o && o->no_indirect)) vb_find_indirect(X);
  return X->oom ? -1 : 0;
}

/* Line and column of the quotes the rules added (reported speech: line 0 until here),
 * walking on from the quote before each: one pass over the text in all. */
static void place_quotes(const char *s, vb_quotes *qs) {
  size_t off = 0, lstart = 0;
  uint32_t line = 1;
  for (size_t i = 0; i < qs->q.n; i++) {
    vb_quote *q = &qs->q.v[i];
    if (q->line) { off = q->start; line = q->line; lstart = q->start - (q->col - 1); continue; }
    for (const char *nl; off < q->start && (nl = memchr(s + off, '\n', q->start - off)) != NULL;) {
      off = (size_t)(nl - s) + 1;
      lstart = off;
      line++;
    }
    off = q->start;
    q->line = line;
    q->col = (uint32_t)(q->start - lstart + 1);
  }
}

/* The last entry of the sorted list v[0..n) in [lo, hi], or VB_NONE. */
static size_t last_in(const size_t *v, size_t n, size_t lo, size_t hi) {
  size_t a = 0, b = n;
  while (a < b) {                 /* the first entry above hi */
    size_t m = a + (b - a) / 2;
    if (v[m] <= hi) a = m + 1; else b = m;
  }
  return a > 0 && v[a - 1] >= lo ? v[a - 1] : VB_NONE;
}

/* Where to cut in tokens [lo, hi]: the last paragraph start, else sentence start, else hi. */
static size_t cut_at(const vb_tokens *T, size_t lo, size_t hi) {
  size_t k = last_in(T->para.v, T->para.n, lo, hi);
  if (k == VB_NONE) k = last_in(T->sent.v, T->sent.n, lo, hi);
  return k == VB_NONE ? hi : k;
}

/* The first quote that starts at byte b or later. */
static size_t quote_from(const vb_quotes *qs, size_t b) {
  size_t a = 0, e = qs->q.n;
  while (a < e) {
    size_t m = a + (e - a) / 2;
    if (qs->q.v[m].start < b) a = m + 1; else e = m;
  }
  return a;
}

/* A sorted index list cut to its entries below k: how many went. */
static size_t trim_index(size_t *n, const size_t *v, size_t k) {
  size_t m = *n;
  while (*n && v[*n - 1] >= k) (*n)--;
  return m - *n;
}

/* Index list v starts with 0 (the window's first token opens a paragraph and a sentence):
 * 1 when it had to be put in, -1 when memory ran out. */
static int lead_zero(size_t **v, size_t *n, size_t *cap) {
  if (*n && (*v)[0] == 0) return 0;
  if (*n + 1 > *cap && vb_vec_grow_((void **)v, cap, *n + 1, sizeof **v)) return -1;
  memmove(*v + 1, *v, *n * sizeof **v);
  (*v)[0] = 0;
  (*n)++;
  return 1;
}

static void lead_drop(size_t *v, size_t *n) {
  memmove(v, v + 1, (*n - 1) * sizeof *v);
  (*n)--;
}

/* The reported speech a window found among its own tokens goes into the text's list:
 * appended, then merged into text order from the back (no second list of the quotes). On
 * equal starts the finder's quote comes first, as vb_find_indirect orders them. */
typedef struct said {
  VB_VEC(vb_quote) q;
  VB_VEC(vb_part) parts;
  VB_VEC(vb_attr) attr;
} said;

static int merge_said(vb_analysis *out, said *I) {
  size_t nq = out->qs.q.n, ni = I->q.n, x = nq, y = ni, z = nq + ni;
  if (!ni) return 0;
  if (vb_vgrow(&out->qs.q, z + 1) || vb_vgrow(&out->attr, z + 1)) return -1;
  for (size_t k = 0; k < ni; k++) {
    I->q.v[k].part0 = out->qs.parts.n;
    if (vb_push(&out->qs.parts, I->parts.v[k])) return -1;
  }
  {
    /* parents move up by the reported speech placed before them */
    size_t *up = NULL;
    for (size_t i = 0; i < nq && !up; i++)
      if (out->qs.q.v[i].parent >= 0 && !(up = malloc(nq * sizeof *up))) return -1;
    if (up) {
      for (size_t i = 0, j = 0; i < nq; i++) {
        while (j < ni && I->q.v[j].start < out->qs.q.v[i].start) j++;
        up[i] = j;
        if (out->qs.q.v[i].parent >= 0) out->qs.q.v[i].parent += (int)up[out->qs.q.v[i].parent];
      }
      free(up);
    }
  }
  while (y > 0) {
    z--;
    if (x > 0 && out->qs.q.v[x - 1].start > I->q.v[y - 1].start) {
      x--;
      out->qs.q.v[z] = out->qs.q.v[x];
      out->attr.v[z] = out->attr.v[x];
    } else {
      y--;
      out->qs.q.v[z] = I->q.v[y];
      out->attr.v[z] = I->attr.v[y];
    }
  }
  out->qs.q.n = out->attr.n = nq + ni;
  return 0;
}

/* The windows of a long text (see VB_WINDOW): wown tokens attributed, wctx of context.
 * X->T holds the first tokens and st is where the tokenizer stopped; each window's own
 * quotes take their kinds and attributions back to out. */
static int run_windows(ctx *X, vb_analysis *out, const vb_quotes *top, const size_t *map, const vb_aopts *o,
                       vb_tokstate *st, vb_cuescan *cs, size_t wown, size_t wctx) {
  const char *s = X->s;
  size_t n = X->n, G0 = 0, own = 0, nq0 = out->qs.q.n;   /* G0: the text's index of token 0 */
  said I;
  vb_analysis W;
  unsigned char *kind0 = malloc(nq0 + 1);    /* the finder's kinds: each window starts from them */
  int rc = 0;
  memset(&W, 0, sizeof W);
  memset(&I, 0, sizeof I);
  if (!kind0 || vb_vgrow(&out->attr, nq0 + 1)) { free(kind0); return -1; }
  for (size_t i = 0; i < nq0; i++) kind0[i] = (unsigned char)out->qs.q.v[i].kind;
  for (size_t i = 0; i < nq0; i++) out->attr.v[i] = (vb_attr){-1, nospan, nospan, 0, NULL};
  out->attr.n = nq0;
  for (;;) {
    size_t have, own_hi, G1, next0, b0, b1, ob0, ob1, qa, qb, nt, cut[3] = {0, 0, 0}, wc1 = 0, known;
    unsigned flags0 = 0;
    int last, lead[2] = {0, 0};
    have = G0 + X->T.t.n;
    if (!st->done && have < own + wown + wctx &&
        vb_tokens_more(s, n, top, vb_cues_words(X->C), st, own + wown + wctx - have, &X->T)) { rc = -1; break; }
    have = G0 + X->T.t.n;
    last = st->done && have <= own + wown + wctx;
    own_hi = last ? have : G0 + cut_at(&X->T, own + wown / 2 - G0, own + wown - G0);
    G1 = last ? have : own_hi + wctx;
    next0 = last ? have : G0 + cut_at(&X->T, own_hi - 2 * wctx - G0, own_hi - wctx - G0);
    b0 = G0 ? X->T.t.v[0].start : 0;
    b1 = G1 < have ? X->T.t.v[G1 - G0].start : st->done ? n + 1 : st->i;
    ob0 = own ? X->T.t.v[own - G0].start : 0;
    ob1 = last ? n + 1 : X->T.t.v[own_hi - G0].start;
    /* the window's view: tokens [G0, G1), the first one opening a paragraph */
    nt = X->T.t.n;
    if (G0) {
      flags0 = X->T.t.v[0].flags;
      X->T.t.v[0].flags |= VB_T_SENT | VB_T_PARA;
      if ((lead[0] = lead_zero(&X->T.sent.v, &X->T.sent.n, &X->T.sent.cap)) < 0 ||
          (lead[1] = lead_zero(&X->T.para.v, &X->T.para.n, &X->T.para.cap)) < 0) { rc = -1; goto restore; }
    }
    X->T.t.n = X->T.wc.n = G1 - G0;
    if (X->T.wc.v) { wc1 = X->T.wc.v[G1 - G0]; X->T.wc.v[G1 - G0] = 0; }
    cut[0] = trim_index(&X->T.sent.n, X->T.sent.v, G1 - G0);
    cut[1] = trim_index(&X->T.para.n, X->T.para.v, G1 - G0);
    cut[2] = trim_index(&X->T.quotes.n, X->T.quotes.v, G1 - G0);
    /* its quotes, copied: the rules write kinds and attributions and add reported speech */
    qa = quote_from(&out->qs, b0);
    qb = quote_from(&out->qs, b1);
    W.qs.q.n = W.qs.parts.n = 0;
    if (vb_vgrow(&W.qs.q, qb - qa + 1) || vb_vgrow(&W.attr, qb - qa + 1)) { rc = -1; goto restore; }
    known = 0;
    for (size_t i = qa; i < qb; i++) {
      vb_quote q = out->qs.q.v[i];
      q.kind = (vb_kind)kind0[i];         /* as the finder gave it, not as an earlier window left it */
      if (q.start < ob0) W.attr.v[known++] = out->attr.v[i];
      q.parent = q.parent >= 0 && (size_t)q.parent >= qa ? q.parent - (int)qa : -1;
      q.part0 = W.qs.parts.n;
      for (size_t k = 0; k < q.nparts; k++)
        if (vb_push(&W.qs.parts, out->qs.parts.v[out->qs.q.v[i].part0 + k])) { rc = -1; goto restore; }
      W.qs.q.v[W.qs.q.n++] = q;
    }
    W.ent = out->ent;                     /* entities carry over: moved in, and out again */
    rc = run_window(X, &W, map, qa, known, o, cs, b0, b1, last ? SIZE_MAX : X->T.t.v[next0 - G0].start);
    out->ent = W.ent;
    memset(&W.ent, 0, sizeof W.ent);
    if (rc) goto restore;
    /* what the rules decided for the own quotes goes back (the rules keep text order) */
    for (size_t i = 0, orig = qa; i < W.qs.q.n; i++) {
      vb_quote q = W.qs.q.v[i];
      if (q.kind == VB_INDIRECT) {            /* the finder makes none: the rules added it */
        if (q.start < ob0 || q.start >= ob1) continue;
        if (vb_push(&I.parts, W.qs.parts.v[q.part0]) || vb_push(&I.q, q) || vb_push(&I.attr, W.attr.v[i])) {
          rc = -1;
          goto restore;
        }
        continue;
      }
      if (q.start >= ob0 && q.start < ob1) {
        q.parent = out->qs.q.v[orig].parent;
        q.part0 = out->qs.q.v[orig].part0;
        out->qs.q.v[orig] = q;
        out->attr.v[orig] = W.attr.v[i];
      }
      orig++;
    }
  restore:
    if (X->T.t.n != nt) {
      if (X->T.wc.v) X->T.wc.v[G1 - G0] = wc1;
      X->T.t.n = X->T.wc.n = nt;
      X->T.sent.n += cut[0]; X->T.para.n += cut[1]; X->T.quotes.n += cut[2];
    }
    if (lead[1] > 0) lead_drop(X->T.para.v, &X->T.para.n);
    if (lead[0] > 0) lead_drop(X->T.sent.v, &X->T.sent.n);
    if (G0) X->T.t.v[0].flags = flags0;
    if (rc || last) break;
    own = own_hi;
    vb_tokens_drop(&X->T, next0 - G0);
    G0 = next0;
  }
  if (!rc && merge_said(out, &I)) rc = -1;
  free(kind0);
  vb_vfree(&W.qs.q);
  vb_vfree(&W.qs.parts);
  vb_vfree(&W.attr);
  vb_vfree(&I.q);
  vb_vfree(&I.parts);
  vb_vfree(&I.attr);
  return rc;
}

/* 0; -1 when memory ran out; -2 - p when user cue pattern p (0-based) hit PCRE2's match
 * limits or its budget (see vb_cues_scan). */
int vb_analyze(const char *s, size_t n, const vb_aopts *o, vb_analysis *out) {
  ctx X;
  vb_cues *own = NULL;
  vb_cuescan *cs = NULL;
  vb_tokstate st;
  vb_quotes top;
  VB_VEC(vb_quote) tq = {0};
  VB_VEC(size_t) map = {0};
  size_t nq, nested = 0, win, ctxw, whole;
  int rc = -1;
  vb_ctx_clear(&X);
  X.s = s; X.n = n; X.A = out;
  if (vb_quotes_find(s, n, o ? &o->q : NULL, &out->qs)) return -1;
  X.C = o && o->cues ? o->cues : NULL;
  if (!X.C) {
    own = vb_cues_new(NULL, NULL, 0, NULL, 0);
    if (!own) return -1;
    X.C = own;
  }
  if (!(cs = vb_cuescan_new(X.C, n))) goto done;
  nq = out->qs.q.n;
  /* nested quotes are reported but not tokenized: the tokenizer takes the outer ones */
  top = out->qs;
  for (size_t i = 0; i < nq; i++) nested += out->qs.q.v[i].parent >= 0;
  if (nested) {                      /* only then a list of the outer ones (the usual case has none) */
    for (size_t i = 0; i < nq; i++) if (out->qs.q.v[i].parent < 0) {
      if (vb_push(&tq, out->qs.q.v[i]) || vb_push(&map, i)) goto done;
    }
    top.q.v = tq.v; top.q.n = tq.n; top.q.cap = tq.cap;
  }
  win = o && o->window ? o->window : VB_WINDOW;
  if (win < 64) win = 64;
  ctxw = win / 64 < 512 ? 512 : win / 64;
  if (ctxw > win / 8) ctxw = win / 8;
  whole = win > (SIZE_MAX - 1) / 2 ? SIZE_MAX - 1 : win + 2 * ctxw;
  vb_tokstate_init(&st);
  if (vb_tokens_more(s, n, &top, vb_cues_words(X.C), &st, whole + 1, &X.T)) goto done;
  if (st.done && X.T.t.n <= whole) rc = run_window(&X, out, nested ? map.v : NULL, 0, 0, o, cs, 0, SIZE_MAX, SIZE_MAX);
  else rc = run_windows(&X, out, &top, nested ? map.v : NULL, o, &st, cs, win, ctxw);
  if (rc) goto done;
  place_quotes(s, &out->qs);
  if (vb_sources_build(s, out)) rc = -1;
done:
  free(X.nonq);
  vb_tokens_free(&X.T);
  vb_vfree(&X.m);
  vb_vfree(&X.mblk);
  vb_vfree(&X.qtok);
  vb_vfree(&tq);
  vb_vfree(&map);
  vb_smap_free(&X.full); vb_smap_free(&X.last); vb_smap_free(&X.acr); vb_smap_free(&X.groups);
  vb_smap_free(&X.first);
  vb_vfree(&X.sur_next);
  vb_cuescan_free(cs);
  vb_cues_free(own);
  return rc;
}

void vb_analysis_free(vb_analysis *a) {
  vb_quotes_free(&a->qs);
  vb_vfree(&a->attr);
  vb_vfree(&a->ent);
  vb_vfree(&a->src);
  vb_vfree(&a->srcq);
  vb_vfree(&a->unattributed);
}

size_t vb_name_copy(char *out, const char *s, vb_span sp) {
  size_t n = 0;
  int gap = 0;
  if (sp.start == VB_NONE || sp.end <= sp.start) return 0;
  for (size_t i = sp.start; i < sp.end; i++) {
    unsigned char c = (unsigned char)s[i];
    /* a line break, a tab or a no-break space (U+00A0) between the words of a name */
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
        (c == 0xC2 && i + 1 < sp.end && (unsigned char)s[i + 1] == 0xA0)) {
      if (c == 0xC2) i++;
      gap = 1;
      continue;
    }
    if (gap && n) out[n++] = ' ';
    gap = 0;
    out[n++] = (char)c;
  }
  return n;
}

char **vb_speaker_names(const vb_analysis *a, const char *s) {
  size_t n = a->qs.q.n, bytes = 0;
  char **names, *p;
  if (!n || n > SIZE_MAX / sizeof *names / 2) return NULL;
  for (size_t i = 0; i < n; i++) {
    int e = a->attr.v[i].entity;
    if (e >= 0 && a->ent.v[e].name.start != VB_NONE) bytes += a->ent.v[e].name.end - a->ent.v[e].name.start + 1;
  }
  if (!(names = calloc(1, n * sizeof *names + bytes))) return NULL;
  p = (char *)(names + n);
  for (size_t i = 0; i < n; i++) {
    int e = a->attr.v[i].entity;
    vb_span sp;
    if (e < 0) continue;
    sp = a->ent.v[e].name;
    if (sp.start == VB_NONE || sp.end < sp.start) continue;
    names[i] = p;
    p += vb_name_copy(p, s, sp);
    *p++ = '\0';
  }
  return names;
}

vb_span vb_speaker_name(const vb_analysis *a, size_t i) {
  if (i >= a->attr.n) return nospan;
  if (a->attr.v[i].entity >= 0) return a->ent.v[a->attr.v[i].entity].name;
  return a->attr.v[i].mention;
}
