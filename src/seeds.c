/* seeds.c: the first stage of a check (check_int.h). Every two words next to each other
 * in a quote is a seed; the material is read once (a scan: every text tokenized, its word
 * pairs probed) or looked up (index.h: the same pairs, with the same 32-bit identity),
 * so that both give the same counts and the same occurrences, and so the same answer.
 * From the counts: which seeds to follow (rare ones), the windows where they cluster,
 * who the material covers, and what each quote word is worth as evidence (verdict.h).
 *
 * Why word pairs: a changed word still leaves most of a quote's pairs intact, and the
 * rare ones place it; a pair of common words is counted but does not seed. */
#define _XOPEN_SOURCE 700
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "check_int.h"
#include "index.h"
#include "material.h"
#include "turns.h"

/* ---------------------------------------------------------------- grams */

static int tw(const vb_wtok *t, size_t i, size_t n) { return i < n && t[i].kind == VB_TW; }
static uint32_t gid(uint64_t g) { return (uint32_t)(g >> 32); }

static uint32_t word_of(ctx *C, uint64_t h) {
  size_t k = (size_t)h & C->wmask;
  while (C->wtab[k] && C->words.v[C->wtab[k] - 1].h != h) k = (k + 1) & C->wmask;
  if (!C->wtab[k]) {
    word w;
    w.h = h; w.count = 0;
    if (vb_push(&C->words, w)) { C->oom = 1; return UINT32_MAX; }
    C->wtab[k] = (uint32_t)C->words.n;
  }
  return C->wtab[k] - 1;
}

static uint32_t gram_of(ctx *C, uint64_t g) {
  size_t k = (size_t)gid(g) & C->gmask;
  while (C->gtab[k] && gid(C->grams.v[C->gtab[k] - 1].g) != gid(g)) k = (k + 1) & C->gmask;
  if (!C->gtab[k]) {
    gram x;
    x.g = g; x.first = UINT32_MAX; x.n = 0; x.count = 0; x.seeds = 0;
    if (vb_push(&C->grams, x)) { C->oom = 1; return UINT32_MAX; }
    C->gtab[k] = (uint32_t)C->grams.n;
    { uint64_t b = (uint64_t)gid(g) >> (32 - BLOOM_BITS); C->bloom[b >> 6] |= (uint64_t)1 << (b & 63); }
  }
  return C->gtab[k] - 1;
}

/* The seeds: every two words next to each other in a run of words (not across an
 * ellipsis or a bracket), and every word for its frequency. */
static void quote_grams(ctx *C, uint32_t qi) {
  cq *Q = &C->q.v[qi];
  const vb_wtok *t = Q->t.t.v;
  size_t n = Q->t.t.n;
  Q->wi = malloc((n ? n : 1) * sizeof *Q->wi);
  Q->gi = malloc((n ? n : 1) * sizeof *Q->gi);
  if (!Q->wi || !Q->gi) { C->oom = 1; return; }
  for (size_t i = 0; i < n; i++) {
    Q->wi[i] = tw(t, i, n) ? word_of(C, t[i].h) : UINT32_MAX;
    Q->gi[i] = UINT32_MAX;
    if (tw(t, i, n) && tw(t, i + 1, n) && !(t[i + 1].flags & VB_TF_GAP)) {
      uint32_t g = gram_of(C, vb_gram(t[i].h, t[i + 1].h, 0));
      gent e;
      if (g == UINT32_MAX) return;
      e.q = qi; e.qpos = (uint32_t)i; e.next = C->grams.v[g].first; e.use = 0;
      if (vb_push(&C->ents, e)) { C->oom = 1; return; }
      C->grams.v[g].first = (uint32_t)C->ents.n - 1;
      C->grams.v[g].n++;
      Q->gi[i] = g;
    }
  }
}

static size_t nstamps_all(const ctx *C) {
  size_t n = 0;
  for (size_t i = 0; i < C->q.n; i++) n += C->q.v[i].t.t.n;
  return n;
}

static int tables(ctx *C, size_t nitems) {
  size_t cap = 64;
  while (cap < nitems * 2 + 2) cap *= 2;
  C->gtab = calloc(cap, sizeof *C->gtab);
  C->wtab = calloc(cap, sizeof *C->wtab);
  C->bloom = calloc((1u << BLOOM_BITS) / 64, sizeof *C->bloom);
  if (!C->gtab || !C->wtab || !C->bloom) return -1;
  C->gmask = C->wmask = cap - 1;
  return 0;
}

/* ---------------------------------------------------------------- phase 1: counts and hits */

static void label_seen(void *ud, const char *name, size_t len);

static void push_ghit(ctx *C, uint32_t g, uint32_t set, uint32_t file, uint64_t off) {
  ghit h;
  h.gram = g; h.set = set; h.file = file; h.off = off;
  if (vb_push(&C->ghits, h)) C->oom = 1;
}

/* One source, a stretch of words at a time (vb_mview_cut), the pages behind given back:
 * every word counted (a change of speaker is a barrier item, no word), every word pair
 * probed; the last word of a stretch goes on into the next, so that no pair across a cut
 * is lost. A gram's occurrences are kept while it has at most GRAM_CAP in all the
 * material so far; one that goes over seeds nothing (decided when all is counted), in
 * the scan as through the index (index.c counts and pairs the same words). */
static int scan_source(ctx *C, uint32_t fi, vb_mview *v, vb_wtoks *tk) {
  vb_wtok carry;
  size_t nc = 0, lo = 0;
  uint64_t words = 0;
  C->file_labels = 0;
  while (lo < v->n) {
    size_t hi = vb_mview_cut(v, lo);
    if (vb_mview_words(v, lo, hi, tk, &C->spans) || vb_vgrow(&tk->t, tk->t.n + 1)) return -1;
    vb_tspan_labels(v->s, C->spans.v, C->spans.n, label_seen, C);
    if (nc) {
      memmove(tk->t.v + 1, tk->t.v, tk->t.n * sizeof *tk->t.v);
      tk->t.v[0] = carry;
      tk->t.n++;
    }
    for (size_t j = nc; j < tk->t.n; j++) {
      const vb_wtok *t = tk->t.v + j;
      size_t k = (size_t)t->h & C->wmask;
      uint32_t e;
      if (t->h != VB_BARRIER) {
        words++;
        while ((e = C->wtab[k]) != 0 && C->words.v[e - 1].h != t->h) k = (k + 1) & C->wmask;
        if (e) C->words.v[e - 1].count++;
      }
      if (j == 0) continue;                     /* pairs with a barrier too, as the index holds them */
      {
        uint64_t g = vb_gram(t[-1].h, t->h, 0);
        uint32_t id = gid(g);
        uint64_t b = (uint64_t)id >> (32 - BLOOM_BITS);
        if (!(C->bloom[b >> 6] >> (b & 63) & 1)) continue;
        k = (size_t)id & C->gmask;
        while ((e = C->gtab[k]) != 0 && gid(C->grams.v[e - 1].g) != id) k = (k + 1) & C->gmask;
        if (!e) continue;
        if (++C->grams.v[e - 1].count <= GRAM_CAP) push_ghit(C, e - 1, 0, fi, t[-1].start);
      }
    }
    if (C->oom) return -1;
    if (tk->t.n) { carry = tk->t.v[tk->t.n - 1]; nc = 1; }
    vb_mview_release(v, hi);
    lo = hi;
  }
  C->nwords += words;
  if (!C->file_labels && !C->M->v.v[fi].speaker && words) C->plain = 1;
  return 0;
}

typedef struct ilook { ctx *C; uint32_t gram, segbase; } ilook;

static void index_hit(void *ud, size_t seg, size_t file, uint64_t off) {
  ilook *L = ud;
  push_ghit(L->C, L->gram, L->segbase + (uint32_t)seg + 1, (uint32_t)file, off);
}

/* A rare gram is better evidence than a common one: the information of finding it,
 * log2(N / count), in sixteenths of a bit. */
static int gram_weight(const ctx *C, const gram *g) {
  double r = (double)(C->nwords + 1) / (double)(g->count ? g->count : 1);
  int w = 1;
  while (r >= 2.0 && w < 64 * 16) { r /= 2.0; w += 16; }
  return w + (int)(16.0 * (r - 1.0));
}

static const char *fref_name(const ctx *C, const fref *f) {
  if (!f->set) return C->M->v.v[f->file].key ? C->M->v.v[f->file].key : C->M->v.v[f->file].name;
  {
    const vb_idx_seg *g = &C->segs.v[f->set - 1].x->segs.v[C->segs.v[f->set - 1].seg];
    return g->names + g->files[f->file].name;
  }
}

static int frefcmp(const void *a, const void *b) {
  const fref *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  if (c) return c;
  if (x->set != y->set) return x->set < y->set ? -1 : 1;
  return x->file < y->file ? -1 : x->file > y->file;
}


typedef struct qg { uint64_t count; uint32_t e; } qg;
static int qgcmp(const void *a, const void *b) {
  const qg *x = a, *y = b;
  if (x->count != y->count) return x->count < y->count ? -1 : 1;
  return x->e < y->e ? -1 : x->e > y->e;
}

/* Which grams seed which quote positions, from the counts alone (so the scan and the
 * index choose alike, and a quote the same whatever else is checked with it): a gram
 * found at most GRAM_CAP times, and of each quote its rarest grams while their
 * occurrences together stay within QUOTE_HITS (the first always), so hits stay linear:
 * a passage that holds the quote holds its rare grams, and common ones would only
 * bring chance passages to align. */
static int choose_seeds(ctx *C) {
  VB_VEC(qg) v = {0};
  for (size_t k = 0; k < C->grams.n; k++) {
    gram *g = &C->grams.v[k];
    g->seeds = 0;
    if (g->count > GRAM_CAP) continue;
    for (uint32_t e = g->first; e != UINT32_MAX; e = C->ents.v[e].next) {
      qg x;
      if (!g->count) continue;
      x.count = g->count; x.e = e;
      if (vb_push(&v, x)) { vb_vfree(&v); return -1; }
    }
  }
  /* per quote: entries in order of quote, then rarity */
  {
    size_t n = v.n;
    size_t *start = calloc(C->q.n + 2, sizeof *start);
    qg *sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!start || !sorted) { free(start); free(sorted); vb_vfree(&v); return -1; }
    for (size_t i = 0; i < n; i++) start[C->ents.v[v.v[i].e].q + 1]++;
    for (size_t i = 0; i < C->q.n; i++) start[i + 1] += start[i];
    for (size_t i = 0; i < n; i++) sorted[start[C->ents.v[v.v[i].e].q]++] = v.v[i];
    for (size_t i = C->q.n; i > 0; i--) start[i] = start[i - 1];
    start[0] = 0;
    for (size_t i = 0; i < C->q.n; i++) {
      size_t a = start[i], b = start[i + 1];
      uint64_t sum = 0;
      if (b - a > 1) qsort(sorted + a, b - a, sizeof *sorted, qgcmp);
        for (size_t j = a; j < b; j++) {
        if (j > a && sum + sorted[j].count > QUOTE_HITS) break;
        sum += sorted[j].count;
        C->ents.v[sorted[j].e].use = 1;
      }
    }
    free(start); free(sorted);
  }
  for (size_t k = 0; k < C->grams.n; k++) {
    gram *g = &C->grams.v[k];
    for (uint32_t e = g->first; e != UINT32_MAX; e = C->ents.v[e].next)
      if (C->ents.v[e].use) {
        if (!g->seeds) g->seeds = gram_weight(C, g);
        C->q.v[C->ents.v[e].q].seedw += (uint64_t)g->seeds;
      }
  }
  vb_vfree(&v);
  return 0;
}

/* ---------------------------------------------------------------- clusters */

static int hitcmp(const void *a, const void *b) {
  const hit *x = a, *y = b;
  if (x->q != y->q) return x->q < y->q ? -1 : 1;
  if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
  if (x->off != y->off) return x->off < y->off ? -1 : 1;
  return x->qpos < y->qpos ? -1 : x->qpos > y->qpos;
}

/* Keep the best max passages; of equal scores the one offered first (files by name,
 * then by offset), so that the scan and the index keep the same. */
static void offer(cq *Q, const cand *c, int max) {
  int i;
  if (Q->nc == max) {
    if (Q->c[max - 1].score >= c->score) return;
    i = max - 1;
  } else i = Q->nc++;
  Q->c[i] = *c;
  while (i > 0 && Q->c[i - 1].score < Q->c[i].score) {
    cand x = Q->c[i - 1]; Q->c[i - 1] = Q->c[i]; Q->c[i] = x;
    i--;
  }
}

/* A candidate window over hits h[a..b) (unused ones) of quote Q. */
static void emit(ctx *C, cq *Q, const hit *h, const unsigned char *used, size_t a, size_t b) {
  uint64_t m = Q->t.t.n;
  uint32_t qlo = UINT32_MAX, qhi = 0;
  cand c;
  const fref *f = &C->files.v[h[a].rank];
  c.set = f->set; c.file = f->file; c.lo = UINT64_MAX; c.hi = 0; c.score = 0;
  C->stamp++;
  for (size_t j = a; j < b; j++) {
    uint32_t *st;
    if (used && used[j - a]) continue;
    st = &C->stamps.v[Q->stamp0 + h[j].qpos];
    if (*st != C->stamp) { *st = C->stamp; c.score += h[j].w; }
    if (h[j].qpos < qlo) qlo = h[j].qpos;
    if (h[j].qpos > qhi) qhi = h[j].qpos;
    if (h[j].off < c.lo) c.lo = h[j].off;
    if (h[j].off > c.hi) c.hi = h[j].off;
  }
  if (!c.score) return;
  {
    uint64_t before = (qhi + 8 + m / 4) * WORD_BYTES, after = (m - qlo + 8 + m / 4) * WORD_BYTES;
    c.lo = c.lo > before ? c.lo - before : 0;
    c.hi += after;
  }
  offer(Q, &c, NCAND);
}

/* The hits of one quote in one file, in order: chains of hits near each other; a chain
 * that spans more than a few times the quote (a phrase of it said again and again) is
 * cut into the best-scoring windows of at most about twice the quote, best first, so
 * that the passage holding most of the quote is never lost to its neighbours. */
static void cluster_file(ctx *C, cq *Q, const hit *h, size_t nh) {
  uint64_t m = Q->t.t.n, join = (2 * m + 100) * WORD_BYTES, limit = (4 * m + 200) * WORD_BYTES;
  uint64_t span = (2 * m + 40) * WORD_BYTES;
  size_t i = 0;
  while (i < nh) {
    size_t j = i + 1;
    while (j < nh && h[j].off - h[j - 1].off <= join) j++;
    if (h[j - 1].off - h[i].off <= limit) emit(C, Q, h, NULL, i, j);
    else {
      unsigned char *used = calloc(j - i, 1);
      int *cnt;
      if (!used || vb_vgrow(&C->wcnt, m + 1)) { free(used); C->oom = 1; return; }
      cnt = C->wcnt.v;
      for (int k = 0; k < KWIN; k++) {
        size_t a = i, ba = i, bb = i;
        int score = 0, best = 0;
        memset(cnt, 0, (m + 1) * sizeof *cnt);
        for (size_t b = i; b < j; b++) {         /* two pointers over the unused hits */
          if (used[b - i]) continue;
          if (!cnt[h[b].qpos]++) score += h[b].w;
          while (h[b].off - h[a].off > span || used[a - i]) {
            if (!used[a - i] && !--cnt[h[a].qpos]) score -= h[a].w;
            a++;
          }
          if (score > best) { best = score; ba = a; bb = b + 1; }
        }
        if (!best) break;
        emit(C, Q, h, used + (ba - i), ba, bb);
        for (size_t x = ba; x < bb; x++) used[x - i] = 1;
      }
      free(used);
    }
    i = j;
  }
}

/* Every gram occurrence given to the quote positions that hold the gram, as hits on
 * files ranked by name (the same ranks through the scan and the index); then windows
 * per quote and file. */
static int make_candidates(ctx *C) {
  size_t nf, nh = 0, keep = 0, cap = 64;
  uint32_t *rank_of = NULL, *ftab = NULL, *fidx = NULL;
  size_t *qstart = NULL;
  int rc = -1;
  /* only the grams that seed */
  for (size_t i = 0; i < C->ghits.n; i++)
    if (C->grams.v[C->ghits.v[i].gram].seeds) C->ghits.v[keep++] = C->ghits.v[i];
  C->ghits.n = keep;
  /* the files that hold them, through a small hash table */
  while (cap < keep * 2 + 2 && cap < ((size_t)1 << 30)) cap *= 2;
  if (!(ftab = calloc(cap, sizeof *ftab)) || !(fidx = malloc((keep ? keep : 1) * sizeof *fidx))) goto out;
  for (size_t i = 0; i < keep; i++) {
    const ghit *x = &C->ghits.v[i];
    uint64_t key = (uint64_t)x->set << 32 | x->file;
    size_t k = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 20) & (cap - 1);
    while (ftab[k] && ((uint64_t)C->files.v[ftab[k] - 1].set << 32 | C->files.v[ftab[k] - 1].file) != key)
      k = (k + 1) & (cap - 1);
    if (!ftab[k]) {
      fref f;
      f.set = x->set; f.file = x->file; f.name = NULL; f.k = (uint32_t)C->files.n;
      if (vb_push(&C->files, f)) goto out;
      ftab[k] = (uint32_t)C->files.n;
    }
    fidx[i] = ftab[k] - 1;
  }
  nf = C->files.n;
  for (size_t i = 0; i < nf; i++) C->files.v[i].name = fref_name(C, &C->files.v[i]);
  if (nf > 1) qsort(C->files.v, nf, sizeof *C->files.v, frefcmp);
  if (!(rank_of = malloc((nf ? nf : 1) * sizeof *rank_of))) goto out;
  for (size_t r = 0; r < nf; r++) rank_of[C->files.v[r].k] = (uint32_t)r;
  /* hits grouped by quote (a counting sort), then each quote's sorted on its own */
  if (!(qstart = calloc(C->q.n + 2, sizeof *qstart))) goto out;
  for (size_t i = 0; i < keep; i++)
    for (uint32_t e = C->grams.v[C->ghits.v[i].gram].first; e != UINT32_MAX; e = C->ents.v[e].next)
      if (C->ents.v[e].use) { qstart[C->ents.v[e].q + 1]++; nh++; }
  for (size_t q = 0; q < C->q.n; q++) qstart[q + 1] += qstart[q];
  if (vb_vgrow(&C->hits, nh + 1)) goto out;
  C->hits.n = nh;
  for (size_t i = 0; i < keep; i++) {
    const ghit *x = &C->ghits.v[i];
    const gram *g = &C->grams.v[x->gram];
    for (uint32_t e = g->first; e != UINT32_MAX; e = C->ents.v[e].next) {
      hit *h;
      if (!C->ents.v[e].use) continue;
      h = &C->hits.v[qstart[C->ents.v[e].q]++];
      h->q = C->ents.v[e].q; h->qpos = C->ents.v[e].qpos; h->rank = rank_of[fidx[i]]; h->off = x->off; h->w = g->seeds;
    }
  }
  for (size_t q = C->q.n; q > 0; q--) qstart[q] = qstart[q - 1];
  qstart[0] = 0;
  for (size_t q = 0; q < C->q.n; q++) {
    hit *h = C->hits.v + qstart[q];
    size_t n = qstart[q + 1] - qstart[q];
    if (n > 1) qsort(h, n, sizeof *h, hitcmp);
    for (size_t i = 0, j; i < n; i = j) {
      for (j = i + 1; j < n && h[j].rank == h[i].rank; j++) {}
      cluster_file(C, &C->q.v[q], h + i, j - i);
      if (C->oom) goto out;
    }
  }
  rc = 0;
out:
  free(ftab); free(fidx); free(rank_of); free(qstart);
  return rc;
}

/* ---------------------------------------------------------------- scope and weights */

static void label_seen(void *ud, const char *name, size_t len) {
  ctx *C = ud;
  if (!vb_label_is_person(name, len)) return;           /* a role: anyone's words */
  C->file_labels++;
  for (size_t i = 0; i < C->labtext.n;) {
    size_t k = strlen(C->labtext.p + i);
    if (k == len && !memcmp(C->labtext.p + i, name, len)) return;
    i += k + 1;
  }
  vb_buf_add(&C->labtext, name, len);
  vb_buf_addc(&C->labtext, '\0');
}

static void label_of_index(void *ud, const char *name) { label_seen(ud, name, strlen(name)); }

/* Who the material covers: every turn label and every speaker given with a source;
 * a quote's speaker is covered when one of them is the same person. */
static int coverage(ctx *C) {
  const vb_material *S = C->M;
  for (size_t f = 0; f < S->v.n; f++) if (S->v.v[f].speaker) label_seen(C, S->v.v[f].speaker, strlen(S->v.v[f].speaker));
  for (size_t x = 0; x < C->segs.n; x++) {
    const vb_idx_seg *g = &C->segs.v[x].x->segs.v[C->segs.v[x].seg];
    for (size_t f = 0; f < g->h->nfiles; f++) {
      const char *sp;
      if (g->state[f] != VB_IDX_LIVE) continue;
      C->file_labels = 0;
      if ((sp = vb_index_file_speaker(C->segs.v[x].x, C->segs.v[x].seg, f))) label_seen(C, sp, strlen(sp));
      vb_index_file_labels(C->segs.v[x].x, C->segs.v[x].seg, f, label_of_index, C);
      if (!C->file_labels && g->ftotal[f]) C->plain = 1;
    }
  }
  if (C->labtext.oom) return -1;
  for (size_t i = 0; i < C->labtext.n; i += strlen(C->labtext.p + i) + 1)
    if (vb_push(&C->labels, C->labtext.p + i)) return -1;
  C->named = C->labels.n > 0;
  for (size_t q = 0; q < C->q.n; q++) {
    cq *Q = &C->q.v[q];
    if (!Q->speaker) continue;
    for (size_t i = 0; i < C->labels.n && !Q->covered; i++)
      Q->covered = vb_same_speaker(Q->speaker, strlen(Q->speaker), C->labels.v[i], strlen(C->labels.v[i]));
  }
  return 0;
}

/* The information of each quote word from the material's counts (verdict.h): on its
 * own log2(N / c(w)); after the word before it, -log2 P(w | before), with
 * P = (c(before w) - 1 + c(w) / N) / (c(before) - 1 + 1): the counts leave out the
 * passage's own occurrence (a phrase said once is no more common for being found), and
 * one pseudo-count spreads over the words by frequency. Never more than on its own. */
static int quote_info(ctx *C) {
  double N = (double)(C->nwords > 1 ? C->nwords : 1);
  C->needed = vb_evidence_needed(C->nwords);
  for (size_t q = 0; q < C->q.n; q++) {
    cq *Q = &C->q.v[q];
    size_t m = Q->t.t.n;
    Q->qi.ib = calloc(m + 1, sizeof *Q->qi.ib);
    Q->qi.cb = calloc(m + 1, sizeof *Q->qi.cb);
    if (!Q->qi.ib || !Q->qi.cb) return -1;
    for (size_t i = 0; i < m; i++) {
      uint64_t c;
      if (Q->wi[i] == UINT32_MAX) continue;
      c = C->words.v[Q->wi[i]].count;
      Q->qi.ib[i] = log2(N / (double)(c ? c : 1));
    }
    for (size_t i = 0; i + 1 < m; i++) {
      double p, b;
      if (Q->wi[i + 1] == UINT32_MAX) continue;
      Q->qi.cb[i] = Q->qi.ib[i + 1];
      if (Q->gi[i] == UINT32_MAX || Q->wi[i] == UINT32_MAX) continue;
      {   /* the passage's own occurrence left out (it is no evidence of how common it is) */
        uint64_t cab = C->grams.v[Q->gi[i]].count, ca = C->words.v[Q->wi[i]].count;
        p = ((double)(cab ? cab - 1 : 0) + (double)C->words.v[Q->wi[i + 1]].count / N) / (double)(ca ? ca : 1);
      }
      b = p > 0 ? -log2(p) : Q->qi.ib[i + 1];
      if (b < Q->qi.cb[i]) Q->qi.cb[i] = b;
    }
    Q->emax = vb_evidence_max(Q->t.t.v, &Q->qi, 0, m);
  }
  return 0;
}

/* Does the draft name the speaker (a word in capitals: Mike Pence, FBI), or only
 * describe them (the official, a spokesman)? No label can be a description, so such a
 * quote is checked as one without a speaker: against everything, never misattributed. */
int vb_named_person(const char *sp) {
  if (!sp) return 0;
  for (const char *p = sp; *p; p++)
    if (*p >= 'A' && *p <= 'Z' && (p == sp || p[-1] == ' ' || p[-1] == '-')) return 1;
  return 0;
}

int vb_seeds_find(ctx *C, vb_wtoks *tk, vb_buf *err) {
  size_t nstamps = 0;
  unsigned long long read = 0;   /* bytes of the texts scanned, for C->progress */
  if (tables(C, nstamps_all(C))) goto oom;
  for (size_t i = 0; i < C->q.n; i++) {
    C->q.v[i].stamp0 = nstamps;
    nstamps += C->q.v[i].t.t.n;
    quote_grams(C, (uint32_t)i);
  }
  if (C->oom || vb_vgrow(&C->stamps, nstamps + 1)) goto oom;
  memset(C->stamps.v, 0, (nstamps + 1) * sizeof *C->stamps.v);
  /* one pass over the scanned texts, then the indexes: the same counts of words and
   * grams, and the same gram occurrences, either way */
  for (size_t x = 0; x < C->M->idx.n; x++) {
    if (!vb_index_current(C->M->idx.v[x])) {
      vb_buf_adds(err, "an index made by an older version of verbatim: build it again (verbatim index)");
      return -1;
    }
    for (size_t g = 0; g < C->M->idx.v[x]->segs.n; g++) {
      segref r;
      r.x = C->M->idx.v[x]; r.seg = g;
      if (vb_push(&C->segs, r)) goto oom;
    }
  }
  for (size_t f = 0; f < C->M->v.n; f++) {
    fent *L;
    if (C->progress && f) C->progress->fn(C->progress->ctx, f, C->M->v.n, read);
    if (!(L = vb_source_load(C, 0, (uint32_t)f, C->warn, err))) return -1;
    if (L->open && !L->v.skip) read += L->v.n;
    if (L->open && !L->v.skip && scan_source(C, (uint32_t)f, &L->v, tk)) goto oom;
  }
  for (size_t x = 0; x < C->M->idx.n; x++) {
    C->nwords += vb_index_words(C->M->idx.v[x]);
    for (size_t k = 0; k < C->words.n; k++) C->words.v[k].count += vb_index_word_count(C->M->idx.v[x], C->words.v[k].h);
    for (size_t k = 0; k < C->grams.n; k++) C->grams.v[k].count += vb_index_lookup(C->M->idx.v[x], C->grams.v[k].g, 0, NULL, NULL);
  }
  if (choose_seeds(C)) goto oom;
  {
    size_t segbase = 0;
    for (size_t x = 0; x < C->M->idx.n; x++) {
      for (size_t k = 0; k < C->grams.n; k++) {
        ilook L;
        if (!C->grams.v[k].seeds) continue;
        L.C = C; L.gram = (uint32_t)k; L.segbase = (uint32_t)segbase;
        vb_index_lookup(C->M->idx.v[x], C->grams.v[k].g, GRAM_CAP, index_hit, &L);
      }
      segbase += C->M->idx.v[x]->segs.n;
    }
  }
  if (C->oom || make_candidates(C) || coverage(C) || quote_info(C)) goto oom;
  return 0;
oom:
  vb_buf_adds(err, "out of memory");
  return -1;
}

void vb_seeds_free(ctx *C) {
  for (size_t i = 0; i < C->q.n; i++) {
    free(C->q.v[i].wi); free(C->q.v[i].gi); free(C->q.v[i].qi.ib); free(C->q.v[i].qi.cb);
  }
  vb_vfree(&C->ents);
  vb_vfree(&C->grams);
  vb_vfree(&C->words);
  free(C->gtab);
  free(C->wtab);
  free(C->bloom);
  vb_vfree(&C->ghits);
  vb_vfree(&C->files);
  vb_vfree(&C->stamps);
  vb_vfree(&C->hits);
  vb_vfree(&C->wcnt);
  vb_vfree(&C->labels);
  vb_buf_free(&C->labtext);
  vb_vfree(&C->spans);
}

/* ---------------------------------------------------------------- the texts opened */

fent *vb_source_load(ctx *C, uint32_t set, uint32_t file, vb_buf *warn, vb_buf *err) {
  const char *path, *text = NULL;
  size_t n0, tn = 0;
  fent *L = NULL;
  vb_buf w = {0};
  for (int i = 0; i < FCACHE; i++)
    if (C->fc[i].valid && C->fc[i].set == set && C->fc[i].file == file) { C->fc[i].used = ++C->tick; return &C->fc[i]; }
  for (int i = 0; i < FCACHE; i++) {
    fent *e = &C->fc[i];
    if (e->pin) continue;
    if (!e->valid) { L = e; break; }
    if (!L || e->used < L->used) L = e;
  }
  if (L->open) vb_mview_close(&L->v);
  L->valid = L->open = 0;
  L->set = set; L->file = file; L->used = ++C->tick; L->given = NULL;
  if (set == 0) {
    const vb_mtext *src = &C->M->v.v[file];
    path = L->name = src->name;
    L->given = src->speaker;
    text = src->text; tn = src->n;
  } else {
    const segref *r = &C->segs.v[set - 1];
    const vb_idx_seg *g = &r->x->segs.v[r->seg];
    path = L->name = g->names + g->files[file].name;
    L->given = vb_index_file_speaker(r->x, r->seg, file);
  }
  n0 = err->n;
  if (vb_mview_open(&L->v, path, text, tn, warn ? warn : &w, err)) {
    vb_buf_free(&w);
    if (!set) return NULL;
    /* an indexed file deleted or unreadable since: its passages are left out, counted
     * as stale for the caller's warning, and the rest of the index still answers */
    err->n = n0;
    if (err->p) err->p[n0] = 0;
    L->s = ""; L->n = 0;
    C->stale++;
    L->valid = 1;
    return L;
  }
  vb_buf_free(&w);
  L->open = 1;
  L->s = L->v.s; L->n = L->v.n;
  /* changed since vb_material_add_index compared it (which left changed files out) */
  if (set && !vb_index_same(C->segs.v[set - 1].x, C->segs.v[set - 1].seg, file, L->s, L->n)) C->stale++;
  L->valid = 1;
  return L;
}

void vb_sources_close(ctx *C) {
  for (int i = 0; i < FCACHE; i++)
    if (C->fc[i].open) vb_mview_close(&C->fc[i].v);
}
