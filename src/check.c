/* check.c: the second stage of a check (check_int.h; the first is seeds.c). Each quote
 * is aligned against its best candidate passages, re-read from the material; each
 * passage is weighed (the evidence that it is the quote's source, verdict.h) and placed
 * (whose turn it is: the speaker's own, nobody's, someone reading the speaker's words
 * out, someone else's); the material that can answer for the quote's speaker gives the
 * verdict, the place, the speaker and the diff. Many drafts go through at once. */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_int.h"
#include "align.h"
#include "index.h"
#include "text.h"
#include "turns.h"

void vb_checked_free(vb_checked *c) {
  vb_buf_free(&c->warn);
  vb_vfree(&c->r);
  vb_vfree(&c->d);
  vb_vfree(&c->b);
  vb_buf_free(&c->arena);
}

/* ---------------------------------------------------------------- phase 2 */

/* An aligned passage and what it says about the quote. */
typedef struct pas {
  fent *f;                      /* pinned while held */
  vb_wtoks t;
  vb_aln a;
  double E;                     /* bits of evidence */
  int ok;                       /* strong enough to report */
  int exact;                    /* no word differs (clean-ups aside) */
  int cleaned;                  /* source words left out, all of them clean-ups */
  int xw;                       /* words the same byte for byte (ties) */
  int cls;                      /* P_OWN, P_ANON, P_QUOTED, P_OTHER */
  const char *lab;              /* who speaks there (into f->s, or f->given), or NULL */
  size_t lablen;
  size_t start, end;            /* source bytes */
} pas;
enum { P_OWN, P_ANON, P_QUOTED, P_OTHER, P_N };

static void pas_set(pas *p, fent *f) {
  if (p->f) p->f->pin--;
  p->f = f;
  if (f) f->pin++;
  else p->ok = p->exact = p->cleaned = 0;       /* empty: holds no passage */
}

static void pas_swap(pas *a, pas *b) { pas x = *a; *a = *b; *b = x; }

static void pas_free(pas *p) { vb_toks_free(&p->t); vb_aln_free(&p->a); }

/* Align items q[0..m) against cand c into p (window tokens, alignment). */
static int align_cand(ctx *C, const vb_wtok *q, size_t m, const uint64_t *qj, const uint64_t *qc, const cand *c, pas *p,
                      vb_buf *err) {
  size_t lo, hi;
  fent *L = vb_source_load(C, c->set, c->file, NULL, err);
  vb_wtoks *tk = &p->t;
  int ljoin = 0;
  for (size_t i = 0; i < m && !ljoin; i++) ljoin = (q[i].flags & VB_TF_LJOIN) != 0;
  if (!L) return -1;
  pas_set(p, L);
  lo = c->lo < L->n ? (size_t)c->lo : L->n;
  hi = c->hi < L->n ? (size_t)c->hi : L->n;
  while (lo > 0 && lo < hi && !vb_cp_isspace((unsigned char)L->s[lo - 1]) && c->lo - lo < 64) lo--;
  tk->t.n = 0;
  if (L->open) {
    vb_mview_forget(&L->v);                     /* the last window's pages */
    if (vb_mview_words(&L->v, lo, hi, tk, &C->spans)) goto oom;
  }
  if (vb_vgrow(&C->sj, 2 * tk->t.n + 2)) goto oom;
  /* closed forms of source pairs matter only where a hyphen is (or the quote has a
   * word joined at a line end); a change of speaker has neither */
  for (size_t i = 0; i < tk->t.n; i++) {
    int bar = tk->t.v[i].h == VB_BARRIER;
    C->sj.v[i] = !bar && i + 1 < tk->t.n && tk->t.v[i + 1].h != VB_BARRIER &&
                 (ljoin || (tk->t.v[i + 1].flags & VB_TF_HYPH)) ? vb_join_hash(L->s, &tk->t.v[i], &tk->t.v[i + 1]) : 0;
    C->sj.v[tk->t.n + i] = bar ? 0 : vb_stem_hash(L->s, &tk->t.v[i]);
  }
  {
    vb_forms fm;
    fm.qj = qj; fm.qc = qc; fm.sj = C->sj.v; fm.sc = C->sj.v + tk->t.n;
    if (vb_align_join(q, m, tk->t.v, tk->t.n, &fm, &p->a)) goto oom;
  }
  if (p->a.s1 > p->a.s0) { p->start = tk->t.v[p->a.s0].start; p->end = tk->t.v[p->a.s1 - 1].end; }
  else p->start = p->end = tk->t.n ? tk->t.v[p->a.s0 < tk->t.n ? p->a.s0 : tk->t.n - 1].start : 0;
  return 0;
oom:
  vb_buf_adds(err, "out of memory");
  return -1;
}

static size_t arena_add(vb_checked *out, const char *s, size_t n) {
  size_t at = out->arena.n;
  vb_buf_add(&out->arena, s, n);
  return at;
}

static void dop(vb_checked *out, char op, const char *s, size_t a, size_t b, int *oom) {
  vb_dop d;
  d.op = op; d.cleanup = 0; d.off = arena_add(out, s + a, b - a); d.len = b - a;
  if (vb_push(&out->d, d)) *oom = 1;
}

/* The diff: runs of '=' (quote text), and between them what the source had ('-')
 * and what the quote has instead ('+'). */
static int make_diff(vb_checked *out, vb_cres *r, const char *qs, const vb_wtok *q, const char *ss, size_t sn,
                     const vb_wtok *st, const vb_aln *a) {
  unsigned char *mark = malloc(a->steps.n + 1);
  if (!mark) return -1;
  vb_cleanups(a, st, ss, sn, mark);
  int oom = 0;
  size_t k = 0, ns = a->steps.n;
  /* a '=' that holds no source word of its own (the I of "I was" against "I'm") is
   * shown with the change that follows it */
#define LEAD(k) (a->steps.v[k].op == '=' && a->steps.v[k].s_end == a->steps.v[k].s && \
                 (k) + 1 < ns && a->steps.v[(k) + 1].op != '=')
#define SAME(k) (a->steps.v[k].op == '=' && !LEAD(k))
  r->d0 = out->d.n;
  while (k < ns) {
    if (SAME(k)) {
      size_t e = k;
      while (e + 1 < ns && SAME(e + 1)) e++;
      dop(out, '=', qs, q[a->steps.v[k].q].start, q[a->steps.v[e].q].end, &oom);
      k = e + 1;
      continue;
    }
    {
      size_t e = k, s0 = (size_t)-1, s1 = 0, q0 = (size_t)-1, q1 = 0;
      for (; e < ns && !SAME(e); e++) {
        const vb_step *x = &a->steps.v[e];
        if (x->s_end > x->s && x->op != '+') {
          if (s0 == (size_t)-1) s0 = st[x->s].start;
          s1 = st[x->s_end - 1].end;
        }
        if (x->op == '~' || x->op == '+' || x->op == 'b' || x->op == '=') {
          if (q0 == (size_t)-1) q0 = q[x->q].start;
          q1 = q[x->q].end;
        }
      }
      if (s0 != (size_t)-1) {
        int clean = q0 == (size_t)-1;
        for (size_t x = k; x < e && clean; x++) clean = a->steps.v[x].op == '-' && mark[x];
        dop(out, '-', ss, s0, s1, &oom);
        if (!oom) out->d.v[out->d.n - 1].cleanup = clean;
      }
      if (q0 != (size_t)-1) dop(out, '+', qs, q0, q1, &oom);
      k = e;
    }
  }
  r->nd = out->d.n - r->d0;
  free(mark);
  return oom ? -1 : 0;
#undef SAME
#undef LEAD
}

typedef struct work {
  pas cur, aux, best[P_N];
} work;

static void work_free(work *w) {
  pas_free(&w->cur); pas_free(&w->aux);
  for (int k = 0; k < P_N; k++) pas_free(&w->best[k]);
}

static void work_unpin(work *w) {
  pas_set(&w->cur, NULL); pas_set(&w->aux, NULL);
  for (int k = 0; k < P_N; k++) pas_set(&w->best[k], NULL);
}

/* The quote items [first, last) the passage really covers: the longest run of matched
 * words, grown while at least two of the next three items match. Changed words at the
 * edges that the aligner paired with whatever followed the passage stay outside. */
static int core(const cq *Q, const vb_aln *a, size_t *first, size_t *last) {
  size_t m = Q->t.t.n, bs = 0, bl = 0, run = 0;
  unsigned char *matched = calloc(m + 3, 1);
  if (!matched) return -1;
  for (size_t k = 0; k < a->steps.n; k++)
    if (a->steps.v[k].op == '=') matched[a->steps.v[k].q] = 1;
  for (size_t i = 0; i < m; i++) {
    run = matched[i] ? run + 1 : 0;
    if (run > bl) { bl = run; bs = i + 1 - run; }
  }
  *first = bs;
  *last = bs + bl;
  while (*first >= 3 && matched[*first - 1] + matched[*first - 2] + matched[*first - 3] >= 2) (*first)--;
  while (*first > 0 && matched[*first - 1]) (*first)--;
  while (*last + 3 <= m && matched[*last] + matched[*last + 1] + matched[*last + 2] >= 2) (*last)++;
  while (*last < m && matched[*last]) (*last)++;
  free(matched);
  return 0;
}

/* The punctuation right after a word (a space skipped), or 0. */
static int punct_after(const char *s, size_t n, size_t at) {
  if (at < n && s[at] == ' ') at++;
  if (at >= n) return 0;
  return ((unsigned char)s[at] < 0x80 && !((s[at] | 32) >= 'a' && (s[at] | 32) <= 'z') && !(s[at] >= '0' && s[at] <= '9')) ? s[at] : 0;
}

/* Words of an alignment the same byte for byte, case included, the same mark after
 * them, and a sentence that starts where the quote's does: of passages with the same
 * words, the one that reads like the quote. The quote's last word is followed by its
 * closing mark, so only its sentence end counts there. */
static int exact_words(const char *draft, size_t dn, const cq *Q, const pas *p) {
  int k = 0;
  for (size_t i = 0; i < p->a.steps.n; i++) {
    const vb_step *x = &p->a.steps.v[i];
    const vb_wtok *q = &Q->t.t.v[x->q], *t = &p->t.t.v[x->s];
    int a, b;
    if (x->op != '=') continue;
    if (q->end - q->start == t->end - t->start && !memcmp(draft + q->start, p->f->s + t->start, q->end - q->start)) k += 2;
    a = punct_after(draft, dn, q->end); b = punct_after(p->f->s, p->f->n, t->end);
    if (a == b || (x->q + 1 == Q->t.t.n && (a == '.' || a == ',') && (b == '.' || b == ','))) k++;
  }
  /* a quote that starts a sentence (a capital) from a passage that does */
  if (Q->t.t.n && p->a.steps.n && Q->t.t.v[0].start < dn) {
    int cap = draft[Q->t.t.v[0].start] >= 'A' && draft[Q->t.t.v[0].start] <= 'Z';
    size_t at = p->start;
    while (at > 0 && (p->f->s[at - 1] == ' ' || p->f->s[at - 1] == '"' || p->f->s[at - 1] == '\t')) at--;
    if (cap == (at == 0 || strchr(".!?\n", p->f->s[at - 1]) != NULL)) k++;
  }
  return k;
}

/* Does the turn holding the passage name speaker before the words (or in them)? Then
 * its speaker is reading our speaker's words out (a moderator quoting a statement), and
 * the words are not given to the wrong person. Up to 60 words back, not past the label. */
static int names_speaker(const pas *p, const char *speaker) {
  size_t a = p->start > 360 ? p->start - 360 : 0;
  if (p->lab && p->lab >= p->f->s && p->lab < p->f->s + p->f->n && (size_t)(p->lab - p->f->s) + p->lablen > a)
    a = (size_t)(p->lab - p->f->s) + p->lablen;
  return a < p->end && vb_mentions(speaker, strlen(speaker), p->f->s + a, p->end - a);
}

/* Is the passage inside quotation marks (the speaker there quotes someone)? An opening
 * mark just before its first word. */
static int in_marks(const pas *p) {
  const unsigned char *s = (const unsigned char *)p->f->s;
  size_t i = p->start;
  while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) i--;
  if (i >= 1 && (s[i - 1] == '"' || s[i - 1] == '\'')) return 1;
  return i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 && (s[i - 1] == 0x9C || s[i - 1] == 0x98);
}

/* Who speaks at the passage, and what that makes it for a quote of speaker. */
static void classify(const cq *Q, pas *p) {
  size_t sp0, sp1;
  const char *sp = Q->speaker;
  p->lab = NULL; p->lablen = 0;
  if (p->f->open && vb_mview_speaker(&p->f->v, p->start, &sp0, &sp1)) { p->lab = p->f->s + sp0; p->lablen = sp1 - sp0; }
  else if (p->f->given) { p->lab = p->f->given; p->lablen = strlen(p->f->given); }
  if (!sp || !*sp || !p->lab || !vb_label_is_person(p->lab, p->lablen)) { p->cls = P_ANON; return; }
  if (vb_same_speaker(sp, strlen(sp), p->lab, p->lablen)) { p->cls = P_OWN; return; }
  if (p->lab >= p->f->s && p->lab < p->f->s + p->f->n) {
    size_t l0, l1;
    if (vb_label_legend(p->f->s, p->f->n, p->lab, p->lablen, &l0, &l1) &&
        vb_same_speaker(sp, strlen(sp), p->f->s + l0, l1 - l0)) { p->cls = P_OWN; return; }
  }
  p->cls = p->exact && (in_marks(p) || names_speaker(p, sp)) ? P_QUOTED : P_OTHER;
}

/* The evidence of the passage: reportable when a majority of the quote's words match
 * with E at least the bits needed; a short quote (one that could not give that many
 * bits even whole) and a scare quote or title only when no word differs. */
static void weigh(const ctx *C, const cq *Q, pas *p) {
  p->exact = p->a.edits == 0 && p->a.matched > 0;
  p->cleaned = 0;
  if (!p->exact && p->a.matched > 0 && !p->a.subs && !p->a.ins &&
      vb_cleanups(&p->a, p->t.t.v, p->f->s, p->f->n, NULL) == p->a.dels)
    p->exact = p->cleaned = 1;
  /* an exact match carries every word of the quote */
  p->E = p->exact ? Q->emax : vb_evidence(&p->a, &Q->qi, 0, Q->t.t.n);
  if (Q->term || Q->emax < C->needed) p->ok = p->exact;
  else p->ok = p->E >= C->needed && vb_aln_found(&p->a);
}

/* Is p a better source of the quote than b (of the same kind)? */
static int pas_better(const pas *p, const pas *b) {
  if (!b->f) return 1;
  if (p->ok != b->ok) return p->ok;
  if (vb_aln_better(&p->a, &b->a)) return 1;
  if (vb_aln_better(&b->a, &p->a)) return 0;
  return p->xw > b->xw;        /* a tie (an archive that repeats itself): the quote's own case and punctuation */
}

/* Items q[a..b) (at least 3 words) that the best passage p left out, found with the
 * evidence of their own in another passage of the same text that answers for the quote:
 * one part of a splice. (A quote whose parts are in two texts is in neither: in an
 * archive of wire copy, stories share whole phrases.) */
static int found_elsewhere(ctx *C, cq *Q, const pas *p, size_t a, size_t b, work *w, vb_buf *err) {
  int words = 0;
  for (size_t i = a; i < b; i++) words += Q->t.t.v[i].kind == VB_TW;
  if (words < 3 || vb_evidence_max(Q->t.t.v, &Q->qi, a, b) < C->needed) return 0;
  for (int k = 0; k < Q->nc && k < NCAND_SURE; k++) {
    vb_qinfo sub;
    if (Q->c[k].set != p->f->set || Q->c[k].file != p->f->file) continue;
    sub.ib = Q->qi.ib + a; sub.cb = Q->qi.cb + a;
    if (align_cand(C, Q->t.t.v + a, b - a, Q->qj ? Q->qj + a : NULL, Q->qc ? Q->qc + a : NULL, &Q->c[k], &w->aux, err)) return -1;
    if (w->aux.a.matched >= 3 && w->aux.a.matched * 5 >= words * 4 &&
        vb_evidence(&w->aux.a, &sub, 0, b - a) >= C->needed) {
      w->aux.exact = 0;
      classify(Q, &w->aux);
      if (w->aux.cls == P_OWN || w->aux.cls == P_ANON) return 1;
    }
  }
  return 0;
}

/* Is the best passage p (not exact) a splice? Two parts joined without an ellipsis, each
 * strong evidence on its own: both here, a run of 8 or more source words dropped between
 * them, or one here and the other in another passage. */
static int splice_of(ctx *C, cq *Q, const pas *p, work *w, vb_buf *err) {
  size_t first, last;
  const vb_aln *a = &p->a;
  if (a->matched < 3) return 0;
  if (core(Q, a, &first, &last)) return -1;
  if (vb_evidence(a, &Q->qi, first, last) < C->needed) return 0;
  if (a->longest_del >= 8) {
    size_t run = 0, at = 0;
    for (size_t k = 0; k < a->steps.n; k++) {
      run = a->steps.v[k].op == '-' ? run + 1 : 0;
      if ((int)run == a->longest_del) { at = a->steps.v[k].q; break; }
    }
    return vb_evidence(a, &Q->qi, 0, at) >= C->needed && vb_evidence(a, &Q->qi, at, Q->t.t.n) >= C->needed;
  }
  {
    int f = found_elsewhere(C, Q, p, 0, first, w, err);
    if (!f) f = found_elsewhere(C, Q, p, last, Q->t.t.n, w, err);
    return f;
  }
}

static void put_source(vb_checked *out, vb_cres *r, const pas *p) {
  size_t nl = strlen(p->f->name);
  r->has_passage = 1;
  r->name = arena_add(out, p->f->name, nl); r->name_len = nl;
  /* the place in the file as given (the passage's offsets are the decoded text's) */
  r->start = p->start; r->end = p->end; r->line = r->col = 1;
  if (p->f->open) vb_mview_place(&p->f->v, p->start, p->end, &r->start, &r->end, &r->line, &r->col);
  if (p->lab) {
    r->has_speaker = 1;
    r->speaker = arena_add(out, p->lab, p->lablen);
    r->speaker_len = p->lablen;
  }
}

static int check_quote(ctx *C, size_t qi, const char *draft, vb_checked *out, work *w, vb_buf *err) {
  cq *Q = &C->q.v[qi];
  vb_cres r;
  const pas *pick = NULL;
  memset(&r, 0, sizeof r);
  r.verdict = VB_NOT_FOUND;
  for (int k = 0; k < P_N; k++) pas_set(&w->best[k], NULL);
  for (int k = 0, held = -1, ties = 0; k < Q->nc; k++) {
    pas *p = &w->cur, *b;
    /* a passage holding less than a quarter of the quote's seeds (by weight) holds too
     * little of it to be its source, nor half of a splice; the first is aligned anyway */
    if (Q->c[k].score * 4 < Q->c[0].score || (k >= 1 && (uint64_t)Q->c[k].score * 4 < Q->seedw)) break;
    /* once the material that answers first holds the words exactly, only a window with
     * every seed of the quote can hold them too (a tie, for the speaker's own turn) */
    {
      int own = w->best[P_OWN].exact && w->best[P_OWN].ok;
      int any = w->best[P_ANON].exact && w->best[P_ANON].ok;
      if (own || (any && (uint64_t)Q->c[k].score < Q->seedw)) break;
      /* past the first NCAND_SURE: only to find the speaker's own turn among passages as
       * good as one found (windows as strong as the first; an archive that repeats itself) */
      if (k >= NCAND_SURE && (Q->c[k].score * 4 < Q->c[0].score * 3 || held < 0)) break;
      /* no speaker's own turn to look for: of passages as good, the first will do */
      if ((!C->named || !Q->speaker || !Q->covered) && held >= 0 &&
          (Q->c[k].score < held || ties >= 8))
        break;
      ties += held >= 0 && Q->c[k].score == held;
    }
    if (align_cand(C, Q->t.t.v, Q->t.t.n, Q->qj, Q->qc, &Q->c[k], p, err)) return -1;
    weigh(C, Q, p);
    classify(Q, p);
    p->xw = exact_words(Q->ds, Q->dn, Q, p);
    b = &w->best[p->cls];
    if (p->ok && held < 0) held = Q->c[k].score;
    if (p->ok && p->cls != P_OWN && Q->speaker && Q->covered) {
      /* one window may hold the words twice (a speaker repeating the other's question):
       * the rest of the window, before and after this passage, may be the speaker's own */
      cand c2[2];
      c2[0] = Q->c[k]; c2[0].hi = p->start;
      c2[1] = Q->c[k]; c2[1].lo = p->end;
      if (pas_better(p, b)) pas_swap(p, b);
      for (int h = 0; h < 2; h++) {
        if (c2[h].hi <= c2[h].lo + 8) continue;
        if (align_cand(C, Q->t.t.v, Q->t.t.n, Q->qj, Q->qc, &c2[h], p, err)) return -1;
        weigh(C, Q, p);
        classify(Q, p);
        p->xw = exact_words(Q->ds, Q->dn, Q, p);
        b = &w->best[p->cls];
        if (p->cls == P_OWN && pas_better(p, b)) pas_swap(p, b);
      }
      continue;
    }
    if (pas_better(p, b)) pas_swap(p, b);
  }
  /* the answering material: the speaker's own turns, text nobody is named for, and
   * (exact) another speaker reading the words out as theirs */
  {
    pas *o = &w->best[P_OWN], *an = &w->best[P_ANON], *qu = &w->best[P_QUOTED], *ot = &w->best[P_OTHER];
    int answers_own = !C->named || !Q->speaker || Q->covered;
    const pas *cands[4];
    int nc = 0;
    if (answers_own && o->f) cands[nc++] = o;
    if (an->f) cands[nc++] = an;
    if (qu->f && qu->ok) cands[nc++] = qu;
    /* a speaker no source covers: the words exactly in someone's turn are still the
     * words (that turn may quote them); it cannot be called misattributed */
    if (!answers_own && ot->f && ot->ok && ot->exact) cands[nc++] = ot;
    /* near-equal passages (within one changed word): the speaker's own turn first */
    for (int i = 0; i < nc; i++) {
      const pas *x = cands[i];
      if (!x->ok) continue;
      if (!pick || x->a.cost + 2 < pick->a.cost) pick = x;
    }
    if (!pick) {
      /* not strong as a whole: a splice of two strong parts? */
      const pas *bestp = NULL;
      for (int i = 0; i < nc; i++) if (!bestp || pas_better(cands[i], bestp)) bestp = cands[i];
      if (bestp && !bestp->exact) {
        int f = splice_of(C, Q, bestp, w, err);
        if (f < 0) return -1;
        if (f) { pick = bestp; r.splice = 1; }
      }
    } else if (!pick->exact) {
      int f = splice_of(C, Q, pick, w, err);
      if (f < 0) return -1;
      r.splice = f;
    }
    r.needed = C->needed;
    if (pick) {
      vb_verdict_of(&pick->a, Q->t.marks, &r.score);
      r.verdict = !pick->exact ? VB_ALTERED : pick->cleaned ? VB_CLEANED
                  : Q->t.marks || pick->a.brackets || pick->a.skipped ? VB_FAITHFUL : VB_VERBATIM;
      r.evidence = pick->E;
      r.confidence = vb_confidence(pick->E, C->nwords);
      r.quoted = pick->cls == P_QUOTED;
      put_source(out, &r, pick);
      if (make_diff(out, &r, draft, Q->t.t.v, pick->f->s, pick->f->n, pick->t.t.v, &pick->a)) goto oom;
    } else {
      r.evidence = Q->emax;
      r.confidence = vb_confidence(Q->emax, C->nwords);
      if (ot->f && ot->ok && ot->exact && Q->speaker && Q->covered && !Q->term &&
          Q->emax >= C->needed + VB_MISATTRIBUTED_BITS) {
        /* the words, exactly, and only as someone else's: given to the wrong speaker */
        vb_verdict_of(&ot->a, Q->t.marks, &r.score);
        r.verdict = ot->cleaned ? VB_CLEANED : Q->t.marks || ot->a.brackets || ot->a.skipped ? VB_FAITHFUL : VB_VERBATIM;
        r.speaker_mismatch = 1;
        r.evidence = ot->E;
        r.confidence = vb_confidence(ot->E, C->nwords);
        put_source(out, &r, ot);
        if (make_diff(out, &r, draft, Q->t.t.v, ot->f->s, ot->f->n, ot->t.t.v, &ot->a)) goto oom;
      } else {
        /* nobody's words are in plain text here, and no label is the speaker's */
        if (C->named && !C->plain && (!Q->speaker || !Q->covered)) r.verdict = VB_UNCOVERED;
      }
    }
  }
  work_unpin(w);
  if (out->arena.oom || vb_push(&out->r, r)) goto oom;
  return 0;
oom:
  vb_buf_adds(err, "out of memory");
  return -1;
}

/* Unquoted stretches: exact runs of at least min words shared with a passage. */
static int check_borrow(ctx *C, size_t qi, int min, vb_checked *out, work *w, vb_buf *err) {
  cq *Q = &C->q.v[qi];
  for (int k = 0; k < Q->nc && k < NCAND_SURE; k++) {
    const vb_aln *a = &w->cur.a;
    size_t i = 0;
    if (align_cand(C, Q->t.t.v, Q->t.t.n, Q->qj, Q->qc, &Q->c[k], &w->cur, err)) return -1;
    while (i < a->steps.n) {
      size_t e = i;
      if (a->steps.v[i].op != '=') { i++; continue; }
      while (e + 1 < a->steps.n && a->steps.v[e + 1].op == '=') e++;
      if ((int)(e - i + 1) >= min) {
        vb_borrow b;
        const vb_wtok *st = w->cur.t.t.v;
        int dup = 0;
        b.start = Q->t.t.v[a->steps.v[i].q].start;
        b.end = Q->t.t.v[a->steps.v[e].q].end;
        for (size_t x = 0; x < out->b.n; x++)
          if (out->b.v[x].start < b.end && out->b.v[x].end > b.start) dup = 1;
        if (!dup) {
          b.words = (int)(e - i + 1);
          b.name_len = strlen(w->cur.f->name);
          b.name = arena_add(out, w->cur.f->name, b.name_len);
          vb_mview_place(&w->cur.f->v, st[a->steps.v[i].s].start, st[a->steps.v[e].s].end, &b.sstart, &b.send,
                         &b.line, &b.col);
          if (vb_push(&out->b, b)) { vb_buf_adds(err, "out of memory"); return -1; }
        }
      }
      i = e + 1;
    }
  }
  work_unpin(w);
  return 0;
}

void vb_diff_line(const vb_checked *c, const vb_cres *r, vb_buf *out) {
  for (size_t k = 0; k < r->nd; k++) {
    const vb_dop *d = &c->d.v[r->d0 + k];
    const char *p = c->arena.p + d->off;
    if (k) vb_buf_addc(out, ' ');
    if (d->op == '=') {
      if (d->len > 60 && k && k + 1 < r->nd) {      /* a long unchanged run: its ends */
        size_t a = 24, b = d->len - 24;
        while (a < d->len && p[a] != ' ') a++;
        while (b > a && p[b - 1] != ' ') b--;
        vb_excerpt(out, p, a, a);
        vb_buf_adds(out, " \xE2\x80\xA6 ");
        vb_excerpt(out, p + b, d->len - b, 40);
      } else vb_excerpt(out, p, d->len, 60);
    } else {
      vb_buf_adds(out, d->op == '-' ? "[-" : "{+");
      vb_excerpt(out, p, d->len, 60);
      vb_buf_adds(out, d->op == '-' ? "-]" : "+}");
    }
  }
}

/* ---------------------------------------------------------------- driver */


/* A quote's items; a long one (a block quote, or hostile input) is cut into chunks of
 * CHUNK items that are located and aligned apart, then merged (merge_chunks): the
 * alignment table stays small and a long verbatim quote is still verbatim. */
static int add_quote(ctx *C, const char *s, const vb_quotes *qs, const vb_quote *q, const char *speaker) {
  vb_wtoks T = {0};
  size_t np = q->nparts > 1 ? q->nparts : 1, k = 0;
  for (size_t p = 0; p < np; p++) {
    size_t a = q->nparts > 1 ? qs->parts.v[q->part0 + p].istart : q->istart;
    size_t b = q->nparts > 1 ? qs->parts.v[q->part0 + p].iend : q->iend;
    size_t from = T.t.n;
    if (vb_tokenize(s + a, b - a, 1, &T)) { vb_toks_free(&T); return -1; }
    for (size_t i = from; i < T.t.n; i++) { T.t.v[i].start += a; T.t.v[i].end += a; }
  }
  if (vb_push(&C->first, C->q.n)) { vb_toks_free(&T); return -1; }
  if (T.t.n <= CHUNK) {
    cq Q;
    memset(&Q, 0, sizeof Q);
    Q.t = T;
    Q.speaker = speaker; Q.term = q->kind == VB_TERM; Q.ds = s; Q.dn = C->dn;
    if (vb_push(&C->q, Q)) { vb_toks_free(&T); return -1; }
    return 0;
  }
  do {
    size_t cnt = T.t.n - k > CHUNK ? CHUNK : T.t.n - k;
    cq Q;
    if (T.t.n - k - cnt < CHUNK / 4) cnt = T.t.n - k;          /* no tiny last chunk */
    memset(&Q, 0, sizeof Q);
    Q.t.marks = T.marks;
    Q.speaker = speaker; Q.term = q->kind == VB_TERM; Q.ds = s; Q.dn = C->dn;
    if (vb_vgrow(&Q.t.t, cnt)) { vb_toks_free(&T); return -1; }
    memcpy(Q.t.t.v, T.t.v + k, cnt * sizeof *T.t.v);
    Q.t.t.n = cnt;
    if (vb_push(&C->q, Q)) { vb_toks_free(&Q.t); vb_toks_free(&T); return -1; }
    k += cnt;
  } while (k < T.t.n);
  vb_toks_free(&T);
  return 0;
}

/* verbatim < faithful < cleaned < altered < not found < uncovered */
static int rank(vb_verdict v) {
  static const int r[VB_NVERDICT] = {0, 1, 3, 4, 2, 5};
  return r[v];
}

/* One result for a quote from the results of its chunks, out->r.v[r0 ..]: the worst
 * verdict (altered when some chunks are found and others not), the place from the first
 * found chunk to the last one in the same file, the diffs one after the other, the
 * evidence summed (the chunks are parts of one quote) and the least confidence. */
static int merge_chunks(ctx *C, size_t c0, size_t c1, const char *draft, size_t r0, vb_checked *out) {
  vb_cres m, *r = out->r.v + r0;
  size_t n = c1 - c0, found = 0, d0 = out->d.n;
  int oom = 0;
  vb_verdict worst = VB_VERBATIM;
  double score = 0, ev = 0, conf = 1;
  memset(&m, 0, sizeof m);
  m.verdict = VB_NOT_FOUND;
  for (size_t k = 0; k < n; k++) {
    const cq *Q = &C->q.v[c0 + k];
    if (rank(r[k].verdict) > rank(worst)) worst = r[k].verdict;
    score += r[k].score;
    ev += r[k].evidence;
    if (r[k].confidence < conf) conf = r[k].confidence;
    m.splice |= r[k].splice;
    m.speaker_mismatch |= r[k].speaker_mismatch;
    m.quoted |= r[k].quoted;
    /* the diffs again, in order, after all the chunks' own */
    if (r[k].has_passage) {
      for (size_t j = 0; j < r[k].nd; j++) if (vb_push(&out->d, out->d.v[r[k].d0 + j])) oom = 1;
    } else if (Q->t.t.n) {
      size_t a = Q->t.t.v[0].start, b = Q->t.t.v[Q->t.t.n - 1].end;
      vb_dop x;
      x.op = '+'; x.off = out->arena.n; x.len = b - a;
      vb_buf_add(&out->arena, draft + a, b - a);
      if (vb_push(&out->d, x)) oom = 1;
    }
    if (!r[k].has_passage) continue;
    if (!found++) {
      m.has_passage = 1;
      m.name = r[k].name; m.name_len = r[k].name_len; m.start = r[k].start; m.end = r[k].end;
      m.line = r[k].line; m.col = r[k].col;
      m.has_speaker = r[k].has_speaker; m.speaker = r[k].speaker; m.speaker_len = r[k].speaker_len;
    } else if (r[k].name_len == m.name_len && !memcmp(out->arena.p + r[k].name, out->arena.p + m.name, m.name_len) &&
               r[k].end > m.end)
      m.end = r[k].end;
  }
  m.verdict = found ? (rank(worst) >= rank(VB_NOT_FOUND) ? VB_ALTERED : worst) : worst;
  m.score = score / (double)n;
  m.evidence = ev;
  m.needed = r[0].needed;
  m.confidence = conf;
  m.d0 = d0;
  m.nd = out->d.n - d0;
  out->r.n = r0;
  if (oom || out->arena.oom || vb_push(&out->r, m)) return -1;
  return 0;
}

/* The draft outside its quotes, cut into stretches of at most 300 words. */
static int add_unquoted(ctx *C, const char *s, size_t n, const vb_quotes *qs) {
  size_t at = 0;
  for (size_t i = 0; i <= qs->q.n; i++) {
    size_t e = i < qs->q.n ? qs->q.v[i].start : n;
    if (e > at) {
      vb_wtoks t = {0};
      size_t k = 0;
      if (vb_tokenize(s + at, e - at, 0, &t)) { vb_toks_free(&t); return -1; }
      while (k < t.t.n) {
        size_t cnt = t.t.n - k > 300 ? 300 : t.t.n - k;
        cq Q;
        memset(&Q, 0, sizeof Q);
        Q.borrow = 1; Q.ds = s; Q.dn = n;
        if (vb_vgrow(&Q.t.t, cnt)) { vb_toks_free(&t); return -1; }
        for (size_t x = 0; x < cnt; x++) {
          Q.t.t.v[x] = t.t.v[k + x];
          Q.t.t.v[x].start += at; Q.t.t.v[x].end += at;
        }
        Q.t.t.n = cnt;
        if (vb_push(&C->q, Q)) { vb_toks_free(&Q.t); vb_toks_free(&t); return -1; }
        k += cnt;
      }
      vb_toks_free(&t);
    }
    if (i < qs->q.n && qs->q.v[i].end > at) at = qs->q.v[i].end;
  }
  return 0;
}

int vb_check(const char *s, size_t n, const vb_quotes *qs, const char *const *speakers,
             const vb_material *M, const vb_copts *o, vb_checked *out, vb_buf *err) {
  vb_dtext d;
  d.s = s; d.n = n; d.qs = qs; d.speakers = speakers;
  return vb_check_many(&d, 1, M, o, out, err);
}

int vb_check_many(const vb_dtext *D, size_t nd, const vb_material *M, const vb_copts *o, vb_checked *out, vb_buf *err) {
  ctx C;
  vb_wtoks tk = {0};
  work w;
  int rc = -1;
  size_t nquotes;
  VB_VEC(size_t) qfirst = {0}, bfirst = {0};    /* per draft: its first quote, its first stretch */
  memset(&C, 0, sizeof C);
  memset(&w, 0, sizeof w);
  C.M = M;
  C.progress = o ? o->progress : NULL;
  C.warn = nd ? &out[0].warn : NULL;
  for (size_t d = 0; d < nd; d++) {
    if (vb_push(&qfirst, C.first.n)) goto oom;
    C.dn = D[d].n;
    for (size_t i = 0; i < D[d].qs->q.n; i++)
      if (add_quote(&C, D[d].s, D[d].qs, &D[d].qs->q.v[i],
                    D[d].speakers && vb_named_person(D[d].speakers[i]) ? D[d].speakers[i] : NULL))
        goto oom;
  }
  nquotes = C.q.n;                              /* chunks of quotes; then unquoted stretches */
  if (vb_push(&C.first, nquotes) || vb_push(&qfirst, C.first.n - 1)) goto oom;
  for (size_t d = 0; d < nd; d++) {
    if (vb_push(&bfirst, C.q.n)) goto oom;
    if (o && o->borrowed > 0 && add_unquoted(&C, D[d].s, D[d].n, D[d].qs)) goto oom;
  }
  if (vb_push(&bfirst, C.q.n)) goto oom;
  for (size_t i = 0; i < C.q.n; i++) {
    cq *Q = &C.q.v[i];
    if (Q->t.t.n > 1) {
      if (!(Q->qj = malloc(Q->t.t.n * sizeof *Q->qj)) || !(Q->qc = malloc(Q->t.t.n * sizeof *Q->qc))) goto oom;
      for (size_t k = 0; k + 1 < Q->t.t.n; k++) Q->qj[k] = vb_join_hash(Q->ds, &Q->t.t.v[k], &Q->t.t.v[k + 1]);
      Q->qj[Q->t.t.n - 1] = 0;
      for (size_t k = 0; k < Q->t.t.n; k++) Q->qc[k] = vb_stem_hash(Q->ds, &Q->t.t.v[k]);
    }
  }
  if (vb_seeds_find(&C, &tk, err)) goto out;
  /* phase 2 */
  for (size_t d = 0; d < nd; d++) {
    vb_checked *od = &out[d];
    for (size_t i = qfirst.v[d]; i < qfirst.v[d + 1]; i++) {
      size_t c0 = C.first.v[i], c1 = C.first.v[i + 1], r0 = od->r.n;
      for (size_t k = c0; k < c1; k++)
        if (check_quote(&C, k, C.q.v[k].ds, od, &w, err)) goto out;
      if (c1 - c0 > 1 && merge_chunks(&C, c0, c1, D[d].s, r0, od)) goto oom;
    }
    for (size_t i = bfirst.v[d]; i < bfirst.v[d + 1]; i++)
      if (check_borrow(&C, i, o->borrowed, od, &w, err)) goto out;
    od->stale = C.stale;
  }
  rc = 0;
  goto out;
oom:
  vb_buf_adds(err, "out of memory");
out:
  vb_seeds_free(&C);
  for (size_t i = 0; i < C.q.n; i++) { vb_toks_free(&C.q.v[i].t); free(C.q.v[i].qj); free(C.q.v[i].qc); }
  vb_vfree(&C.sj);
  vb_vfree(&C.q);
  vb_vfree(&C.first);
  vb_vfree(&C.segs);
  vb_sources_close(&C);
  vb_vfree(&qfirst);
  vb_vfree(&bfirst);
  vb_toks_free(&tk);
  work_free(&w);
  return rc;
}
