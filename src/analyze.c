/* analyze.c: the analysis driver (quotes, tokens and cues, then entities, attribution,
 * indirect speech and the sources list) and the helpers that show a speaker's name. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "attrib_int.h"
#include "sources.h"

/* 0; -1 when memory ran out; -2 - p when user cue pattern p (0-based) hit PCRE2's match
 * limits (see vb_cues_scan). */
int vb_analyze(const char *s, size_t n, const vb_aopts *o, vb_analysis *out) {
  ctx X;
  vb_cues *own = NULL;
  size_t nq;
  int rc = -1;
  memset(&X, 0, sizeof X);
  X.s = s; X.n = n; X.A = out;
  if (vb_quotes_find(s, n, o ? &o->q : NULL, &out->qs)) return -1;
  X.C = o && o->cues ? o->cues : NULL;
  if (!X.C) {
    own = vb_cues_new(NULL, NULL, 0, NULL, 0);
    if (!own) return -1;
    X.C = own;
  }
  nq = out->qs.q.n;
  /* nested quotes are reported but not tokenized: the tokenizer takes the outer ones */
  {
    vb_quotes top = out->qs;
    VB_VEC(vb_quote) tq = {0};
    VB_VEC(size_t) map = {0};
    size_t nested = 0;
    for (size_t i = 0; i < nq; i++) nested += out->qs.q.v[i].parent >= 0;
    if (nested) {                      /* only then a list of the outer ones (the usual case has none) */
      for (size_t i = 0; i < nq; i++) if (out->qs.q.v[i].parent < 0) {
        if (vb_push(&tq, out->qs.q.v[i]) || vb_push(&map, i)) { X.oom = 1; break; }
      }
      top.q.v = tq.v; top.q.n = tq.n; top.q.cap = tq.cap;
    }
    if (X.oom || vb_tokens_build_words(s, n, &top, vb_cues_words(X.C), &X.T) || vb_vgrow(&X.qtok, nq + 1)) X.oom = 1;
    if (!X.oom) {
      for (size_t i = 0; i < nq; i++) X.qtok.v[i] = VB_NONE;
      X.qtok.n = nq;
      for (size_t j = 0; j < X.T.quotes.n; j++) {
        size_t k = X.T.quotes.v[j], qi = (size_t)X.T.t.v[k].q;
        X.qtok.v[nested ? map.v[qi] : qi] = k;
      }
    }
    vb_vfree(&tq);
    vb_vfree(&map);
  }
  if (X.oom) goto done;
  X.wc = malloc((X.T.t.n + 1) * sizeof *X.wc);
  X.nonq = malloc((X.T.t.n + 1) * sizeof *X.nonq);
  if (!X.nonq) goto done;
  X.nonq[X.T.t.n] = X.T.t.n;
  for (size_t k = X.T.t.n; k-- > 0;) X.nonq[k] = (X.T.t.v[k].flags & VB_T_QUOTE) ? X.nonq[k + 1] : k;
  if (!X.wc) goto done;
  {
    /* a user pattern that ran into PCRE2's limits: its code (-2 - pattern) goes back out */
    int sc = vb_cues_scan(X.C, s, n, &X.T, X.wc);
    if (sc) { rc = sc; goto done; }
  }
  if (vb_vgrow(&out->attr, nq + 1)) goto done;
  for (size_t i = 0; i < nq; i++) out->attr.v[i] = (vb_attr){-1, nospan, nospan, 0, NULL};
  out->attr.n = nq;
  vb_pass_names(&X);
  if (X.oom) goto done;
  vb_pass_quotes(&X);
  if (X.oom) goto done;
  if (o && o->indirect) vb_find_indirect(&X);
  if (X.oom) goto done;
  if (vb_sources_build(s, out)) X.oom = 1;
  if (!X.oom) rc = 0;
done:
  free(X.wc);
  free(X.nonq);
  vb_tokens_free(&X.T);
  vb_vfree(&X.m);
  vb_vfree(&X.qtok);
  vb_smap_free(&X.full); vb_smap_free(&X.last); vb_smap_free(&X.acr); vb_smap_free(&X.groups);
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
