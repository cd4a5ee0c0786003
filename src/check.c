/* check.c: quotes against the material in one pass over its texts (see check.h).
 *
 * Why trigrams: a single changed word or two typos still leave most of a quote's
 * trigrams intact, while a trigram is rare enough that hits cluster where the quote
 * really comes from. Hits are clustered per quote, source file and byte distance; a
 * cluster's strength is how many different quote positions it hits. */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "align.h"
#include "material.h"
#include "normalise.h"
#include "text.h"
#include "turns.h"

#define NCAND 128               /* passages kept per quote, at most */
#define NCAND_SURE 24           /* aligned always; more only while they tie with the best */
#define NCAND_SCAN 8            /* a scan sees every gram: its ranking needs fewer */
#define GRAM_CAP 2048           /* hits per distinct gram and source file, all quotes together */
#define POST_CAP 4096           /* index postings above which a gram is too common */
#define WORD_BYTES 12
#define BLOOM_BITS 18
#define CHUNK 400               /* quote items aligned at once */           /* generous bytes per word, to size windows */

typedef struct hit { uint32_t q, qpos, set, file; uint64_t off; int w; } hit;
typedef struct cand { uint32_t set, file; uint64_t lo, hi; int score; } cand;
typedef VB_VEC(hit) hitvec;

typedef struct cq {             /* a quote, or an unquoted stretch checked for borrowing */
  vb_wtoks t;
  size_t stamp0;                /* its items in the stamp array */
  cand c[NCAND];
  int nc;
  int borrow;
} cq;

typedef struct gent { uint64_t g; uint32_t q, qpos, next, hits, file, n; } gent;  /* n: chain length, on its head */

typedef struct segref { const vb_index *x; size_t seg; } segref;

/* A text opened (material.h's vb_mview: decoded, its turns known), kept while it may be
 * read again: the phase 2 passages of a text phase 1 has just scanned, or of the few
 * texts the quotes go back and forth between, are read without opening it again. */
#define VIEWS 6
typedef struct view {
  uint32_t set, file;
  int open;
  unsigned long used;
  vb_mview v;
} view;
struct loaded;

typedef struct ctx {
  const vb_material *M;
  VB_VEC(cq) q;
  VB_VEC(size_t) first;         /* quote i's chunks are q[first[i] .. first[i + 1]) */
  VB_VEC(gent) ents;            /* grams probed by scans */
  VB_VEC(gent) ients;           /* grams looked up in indexes (VB_IDX_K words) */
  uint32_t *table;              /* open addressing: 1 + first entry of a gram, 0 empty */
  uint64_t *bloom;              /* 1 << BLOOM_BITS bits: most source grams stop here */
  size_t mask;
  VB_VEC(uint32_t) stamps;
  uint32_t stamp;
  hitvec hits;
  VB_VEC(segref) segs;          /* set s >= 1 is segs.v[s - 1] */
  hitvec posts;                 /* one index lookup's postings, before they go to quotes */
  int bigrams;                  /* some quote needs bigrams: probe them too */
  int ncand;
  size_t stale;                 /* indexed files read back with other bytes */
  vb_tspans spans;              /* what is not words in a stretch of a text (turns.h) */
  view views[VIEWS];            /* texts opened, phase 1's last ones kept for phase 2 */
  unsigned long tick;
  const struct loaded *slots[3];   /* the views these hold stay open */
  int oom;
} ctx;

void vb_checked_free(vb_checked *c) {
  vb_buf_free(&c->warn);
  vb_vfree(&c->r);
  vb_vfree(&c->d);
  vb_vfree(&c->b);
  vb_buf_free(&c->arena);
}

/* ---------------------------------------------------------------- grams */

static void add_gram_to(ctx *C, int idx, uint64_t g, uint32_t q, uint32_t qpos) {
  gent e;
  e.g = g; e.q = q; e.qpos = qpos; e.next = 0; e.hits = 0; e.file = 0; e.n = 1;
  if (idx ? vb_push(&C->ients, e) : vb_push(&C->ents, e)) C->oom = 1;
}
#define add_gram(C, g, q, qpos) add_gram_to((C), 0, (g), (q), (qpos))

/* Trigrams of runs of words not broken by an ellipsis or a bracket, and bigrams of the
 * runs of two words (around an ellipsis: "His appointment . . . from a"), which tell
 * apart passages that share a common trigram. Bigrams are probed by scans only. */
static int tw(const vb_wtok *t, size_t i, size_t n) { return i < n && t[i].kind == VB_TW; }

static void quote_grams(ctx *C, uint32_t qi) {
  const vb_wtok *t = C->q.v[qi].t.t.v;
  size_t n = C->q.v[qi].t.t.n, before = C->ents.n, i = 0;
  for (i = 0; i + 2 < n; i++) {
    if (!tw(t, i, n) || !tw(t, i + 1, n) || !tw(t, i + 2, n)) continue;
    if ((t[i + 1].flags | t[i + 2].flags) & VB_TF_GAP) continue;
    add_gram(C, vb_gram(t[i].h, t[i + 1].h, t[i + 2].h), qi, (uint32_t)i);
  }
  for (i = 0; i < n;) {                        /* runs of words */
    size_t e = i + 1;
    if (!tw(t, i, n)) { i++; continue; }
    while (tw(t, e, n) && !(t[e].flags & VB_TF_GAP)) e++;
    for (size_t k = i; k + 1 < e; k++) add_gram_to(C, 1, vb_gram(t[k].h, t[k + 1].h, 0), qi, (uint32_t)k);
    if (e - i == 2 || (C->ents.n == before && e - i >= 2)) {
      for (size_t k = i; k + 1 < e; k++) add_gram(C, vb_gram(t[k].h, t[k + 1].h, 0), qi, (uint32_t)k);
      C->bigrams = 1;
    }
    i = e;
  }
}

static int gentcmp(const void *a, const void *b) {
  const gent *x = a, *y = b;
  if (x->g != y->g) return x->g < y->g ? -1 : 1;
  if (x->q != y->q) return x->q < y->q ? -1 : 1;
  return x->qpos < y->qpos ? -1 : x->qpos > y->qpos;
}

static int build_table(ctx *C) {
  size_t cap = 64;
  while (cap < C->ents.n * 4) cap *= 2;
  C->table = calloc(cap, sizeof *C->table);
  if (!C->table) return -1;
  C->mask = cap - 1;
  C->bloom = calloc((1u << BLOOM_BITS) / 64, sizeof *C->bloom);
  if (!C->bloom) return -1;
  for (size_t i = 0; i < C->ents.n; i++) {
    size_t k = (size_t)C->ents.v[i].g & C->mask;
    while (C->table[k] && C->ents.v[C->table[k] - 1].g != C->ents.v[i].g) k = (k + 1) & C->mask;
    C->ents.v[i].next = C->table[k];            /* chain entries of the same gram */
    if (C->table[k]) C->ents.v[i].n = C->ents.v[C->table[k] - 1].n + 1;
    C->table[k] = (uint32_t)i + 1;
    { uint64_t b = C->ents.v[i].g >> (64 - BLOOM_BITS); C->bloom[b >> 6] |= (uint64_t)1 << (b & 63); }
  }
  return 0;
}

static void push_hit(ctx *C, uint32_t q, uint32_t qpos, uint32_t set, uint32_t file, uint64_t off, int w) {
  hit h;
  h.q = q; h.qpos = qpos; h.set = set; h.file = file; h.off = off; h.w = w;
  if (vb_push(&C->hits, h)) C->oom = 1;
}

/* ---------------------------------------------------------------- clusters */

static int hitcmp(const void *a, const void *b) {
  const hit *x = a, *y = b;
  if (x->q != y->q) return x->q < y->q ? -1 : 1;
  if (x->set != y->set) return x->set < y->set ? -1 : 1;
  if (x->file != y->file) return x->file < y->file ? -1 : 1;
  if (x->off != y->off) return x->off < y->off ? -1 : 1;
  return x->qpos < y->qpos ? -1 : x->qpos > y->qpos;
}

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

static void cluster(ctx *C, hit *h, size_t nh) {
  size_t i = 0;
  if (nh > 1) qsort(h, nh, sizeof *h, hitcmp);
  while (i < nh) {
    cq *Q = &C->q.v[h[i].q];
    uint64_t m = Q->t.t.n, join = (2 * m + 100) * WORD_BYTES;
    size_t j = i;
    cand c;
    uint32_t qlo = h[i].qpos, qhi = h[i].qpos;
    c.set = h[i].set; c.file = h[i].file; c.lo = h[i].off; c.hi = h[i].off; c.score = 0;
    C->stamp++;
    while (j < nh && h[j].q == h[i].q && h[j].set == h[i].set && h[j].file == h[i].file &&
           (j == i || h[j].off - h[j - 1].off <= join)) {
      uint32_t *st = &C->stamps.v[Q->stamp0 + h[j].qpos];
      if (*st != C->stamp) { *st = C->stamp; c.score += h[j].w; }
      if (h[j].qpos < qlo) qlo = h[j].qpos;
      if (h[j].qpos > qhi) qhi = h[j].qpos;
      c.hi = h[j].off;
      j++;
    }
    if (c.hi - c.lo > (4 * m + 200) * WORD_BYTES) {
      /* hits all over a repetitive source: a window around the middle hit, so that the
       * alignment table stays a few times the quote's size */
      const hit *mid = &h[(i + j) / 2];
      c.lo = mid->off;
      c.hi = mid->off;
      qlo = qhi = mid->qpos;
    }
    {
      uint64_t before = (qhi + 8 + m / 4) * WORD_BYTES, after = (m - qlo + 8 + m / 4) * WORD_BYTES;
      c.lo = c.lo > before ? c.lo - before : 0;
      c.hi += after;
    }
    offer(Q, &c, C->ncand);
    i = j;
  }
}

/* ---------------------------------------------------------------- phase 1 */

static inline void probe(ctx *C, uint64_t g, uint32_t fi, uint64_t off) {
  size_t k;
  uint32_t e;
  gent *head;
  uint64_t b = g >> (64 - BLOOM_BITS);
  if (!(C->bloom[b >> 6] >> (b & 63) & 1)) return;
  k = (size_t)g & C->mask;
  while ((e = C->table[k]) != 0 && C->ents.v[e - 1].g != g) k = (k + 1) & C->mask;
  if (!e) return;
  /* The count lives on the chain head: a gram repeated in many quotes and in the
   * source would otherwise give quotes x occurrences hits. Each occurrence gives one hit
   * to every entry of the chain, so all quotes sharing the gram are treated alike; after
   * GRAM_CAP hits (at least a few occurrences) the gram carries no location information
   * anyway, and the hits (and so the sort in cluster) stay linear in the input. */
  head = &C->ents.v[e - 1];
  if (head->file != fi + 1) { head->file = fi + 1; head->hits = 0; }
  if (head->hits >= 4 && (uint64_t)head->hits * head->n >= GRAM_CAP) return;
  head->hits++;
  for (; e; e = C->ents.v[e - 1].next) {
    gent *ge = &C->ents.v[e - 1];
    push_hit(C, ge->q, ge->qpos, 0, fi, off, 64);
  }
}

/* A text a stretch of words at a time (vb_mview_cut), the pages behind given back: a
 * source of any size in a fixed amount of memory. The last two words of a stretch go on
 * into the next one, so that no gram across a cut is lost. */
static int scan_text(ctx *C, uint32_t fi, vb_mview *v, vb_wtoks *tk) {
  vb_wtok carry[2];
  size_t nc = 0, lo = 0;
  C->hits.n = 0;
  while (lo < v->n) {
    size_t hi = vb_mview_cut(v, lo), j;
    if (vb_mview_words(v, lo, hi, tk, &C->spans) || vb_vgrow(&tk->t, tk->t.n + 2)) return -1;
    memmove(tk->t.v + nc, tk->t.v, tk->t.n * sizeof *tk->t.v);
    memcpy(tk->t.v, carry, nc * sizeof *carry);
    tk->t.n += nc;
    for (j = nc > 2 ? nc : 2; j < tk->t.n; j++) {
      const vb_wtok *t = tk->t.v + j - 2;
      probe(C, vb_gram(t[0].h, t[1].h, t[2].h), fi, t[0].start);
    }
    if (C->bigrams)
      for (j = nc > 1 ? nc : 1; j < tk->t.n; j++) {
        const vb_wtok *t = tk->t.v + j - 1;
        probe(C, vb_gram(t[0].h, t[1].h, 0), fi, t[0].start);
      }
    if (C->oom) return -1;
    nc = tk->t.n < 2 ? tk->t.n : 2;
    memcpy(carry, tk->t.v + tk->t.n - nc, nc * sizeof *carry);
    vb_mview_release(v, hi);
    lo = hi;
  }
  cluster(C, C->hits.v, C->hits.n);
  return 0;
}

/* A rare gram is better evidence than a common one, but only a little: in an archive
 * that repeats itself, what tells the true passage apart is how many of the quote's
 * grams it holds. A gram found once weighs 64, one at the posting cap 16. */
static void index_hit(void *ud, size_t seg, size_t file, uint64_t off, size_t count) {
  ctx *C = ud;
  int w = 64, lg = 0;
  while (count > 1 && lg < 12) { count >>= 1; lg++; }
  w = 64 - lg * 4;
  {
    hit h;
    h.q = 0; h.qpos = 0; h.set = (uint32_t)seg + 1; h.file = (uint32_t)file; h.off = off; h.w = w;
    if (vb_push(&C->posts, h)) C->oom = 1;
  }
}

/* ---------------------------------------------------------------- phase 2 */

typedef struct loaded {
  uint32_t set, file;
  int valid;
  vb_mview *v;                  /* in C->views; NULL for an indexed file that is gone */
  const char *s;                /* v->s */
  size_t n;
  const char *name;
} loaded;

/* The view of text (set, file), opened when no view holds it, in place of the one used
 * longest ago that no slot holds. NULL with err when it cannot be opened. */
static vb_mview *view_get(ctx *C, uint32_t set, uint32_t file, const char *path, const char *text, size_t tn,
                          vb_buf *warn, vb_buf *err) {
  view *old = NULL;
  for (int k = 0; k < VIEWS; k++) {
    view *x = &C->views[k];
    int held = 0;
    if (x->open && x->set == set && x->file == file) { x->used = ++C->tick; return &x->v; }
    for (int j = 0; j < 3; j++) held |= C->slots[j] && C->slots[j]->valid && C->slots[j]->v == &x->v;
    if (!held && (!old || (old->open && (!x->open || x->used < old->used)))) old = x;
  }
  if (old->open) vb_mview_close(&old->v);
  old->open = 0;
  if (vb_mview_open(&old->v, path, text, tn, warn, err)) return NULL;
  old->open = 1; old->set = set; old->file = file; old->used = ++C->tick;
  return &old->v;
}

static void views_close(ctx *C) {
  for (int k = 0; k < VIEWS; k++)
    if (C->views[k].open) vb_mview_close(&C->views[k].v);
}

static int load(ctx *C, loaded *L, uint32_t set, uint32_t file, vb_buf *err) {
  const char *path, *text = NULL;
  size_t n0, tn = 0;
  vb_buf warn = {0};            /* told in phase 1 already */
  if (L->valid && L->set == set && L->file == file) return 0;
  L->valid = 0;
  if (set == 0) {
    const vb_mtext *mt = &C->M->v.v[file];
    path = L->name = mt->name;
    text = mt->text; tn = mt->n;
  } else {
    const vb_idx_seg *g = &C->segs.v[set - 1].x->segs.v[C->segs.v[set - 1].seg];
    path = L->name = g->names + g->files[file].name;
  }
  n0 = err->n;
  L->v = view_get(C, set, file, path, text, tn, &warn, err);
  vb_buf_free(&warn);
  if (!L->v) {
    if (!set) return -1;
    /* an indexed file deleted or unreadable since: its passages are left out, counted
     * as stale for the caller's warning, and the rest of the index still answers */
    err->n = n0;
    if (err->p) err->p[n0] = 0;
    L->s = ""; L->n = 0;
    C->stale++;
    goto done;
  }
  /* changed since vb_material_add_index compared it (which left changed files out) */
  if (set && !vb_index_same(C->segs.v[set - 1].x, C->segs.v[set - 1].seg, file, L->v->s, L->v->n)) C->stale++;
  L->s = L->v->s; L->n = L->v->n;
done:
  L->set = set; L->file = file; L->valid = 1;
  return 0;
}

/* The text pointers lead to heap or mapped memory, never into the struct: a plain swap. */
static void swap_loaded(loaded *a, loaded *b) {
  loaded x = *a;
  *a = *b;
  *b = x;
}

/* Align items q[0..m) against cand c; window tokens into tk. */
static int align_cand(ctx *C, const vb_wtok *q, size_t m, const cand *c, loaded *L, vb_wtoks *tk, vb_aln *a,
                      vb_buf *err) {
  size_t lo, hi;
  if (load(C, L, c->set, c->file, err)) return -1;
  lo = c->lo < L->n ? (size_t)c->lo : L->n;
  hi = c->hi < L->n ? (size_t)c->hi : L->n;
  while (lo > 0 && lo < hi && !vb_cp_isspace((unsigned char)L->s[lo - 1]) && c->lo - lo < 64) lo--;
  if (!L->v) { tk->t.n = 0; return vb_align(q, m, tk->t.v, 0, a) ? (vb_buf_adds(err, "out of memory"), -1) : 0; }
  vb_mview_forget(L->v);                        /* the last window's pages */
  if (vb_mview_words(L->v, lo, hi, tk, &C->spans)) goto oom;
  if (vb_align(q, m, tk->t.v, tk->t.n, a)) goto oom;
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
  d.op = op; d.off = arena_add(out, s + a, b - a); d.len = b - a;
  if (vb_push(&out->d, d)) *oom = 1;
}

/* The diff: runs of '=' (quote text), and between them what the source had ('-')
 * and what the quote has instead ('+'). */
static int make_diff(vb_checked *out, vb_cres *r, const char *qs, const vb_wtok *q, const char *ss,
                     const vb_wtok *st, const vb_aln *a) {
  int oom = 0;
  size_t k = 0, ns = a->steps.n;
  r->d0 = out->d.n;
  while (k < ns) {
    if (a->steps.v[k].op == '=') {
      size_t e = k;
      while (e + 1 < ns && a->steps.v[e + 1].op == '=') e++;
      dop(out, '=', qs, q[a->steps.v[k].q].start, q[a->steps.v[e].q].end, &oom);
      k = e + 1;
      continue;
    }
    {
      size_t e = k, s0 = (size_t)-1, s1 = 0, q0 = (size_t)-1, q1 = 0;
      for (; e < ns && a->steps.v[e].op != '='; e++) {
        const vb_step *x = &a->steps.v[e];
        if (x->s_end > x->s && x->op != '+') {
          if (s0 == (size_t)-1) s0 = st[x->s].start;
          s1 = st[x->s_end - 1].end;
        }
        if (x->op == '~' || x->op == '+' || x->op == 'b') {
          if (q0 == (size_t)-1) q0 = q[x->q].start;
          q1 = q[x->q].end;
        }
      }
      if (s0 != (size_t)-1) dop(out, '-', ss, s0, s1, &oom);
      if (q0 != (size_t)-1) dop(out, '+', qs, q0, q1, &oom);
      k = e;
    }
  }
  r->nd = out->d.n - r->d0;
  return oom ? -1 : 0;
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

typedef struct work {
  loaded cur, best, aux;
  vb_wtoks ct, bt, at;
  vb_aln ca, ba, aa;
} work;

static void work_free(work *w) {
  vb_toks_free(&w->ct); vb_toks_free(&w->bt); vb_toks_free(&w->at);
  vb_aln_free(&w->ca); vb_aln_free(&w->ba); vb_aln_free(&w->aa);
}

/* Are items q[a..b) (at least 3 words), which the best alignment left unmatched, found
 * in one of Q's passages? Then they come from somewhere else: the best passage's window
 * counts too, as the best alignment could not place them there next to the rest. */
static int found_elsewhere(ctx *C, cq *Q, size_t a, size_t b, work *w, vb_buf *err) {
  int words = 0;
  for (size_t i = a; i < b; i++) words += Q->t.t.v[i].kind == VB_TW;
  if (words < 3) return 0;
  for (int k = 0; k < Q->nc && k < NCAND_SURE; k++) {
    if (align_cand(C, Q->t.t.v + a, b - a, &Q->c[k], &w->aux, &w->at, &w->aa, err)) return -1;
    if (w->aa.matched >= 3 && w->aa.matched * 5 >= words * 4) return 1;
  }
  return 0;
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

/* Words of an alignment the same byte for byte, case included. */
static int exact_words(const char *draft, const cq *Q, const loaded *L, const vb_wtoks *st, const vb_aln *a) {
  int k = 0;
  for (size_t i = 0; i < a->steps.n; i++) {
    const vb_step *x = &a->steps.v[i];
    const vb_wtok *q = &Q->t.t.v[x->q], *t = &st->t.v[x->s];
    if (x->op == '=' && q->end - q->start == t->end - t->start && !memcmp(draft + q->start, L->s + t->start, q->end - q->start))
      k++;
  }
  return k;
}

static int check_quote(ctx *C, size_t qi, const char *draft, const char *speaker, vb_checked *out, work *w,
                       vb_buf *err) {
  cq *Q = &C->q.v[qi];
  vb_cres r;
  int bestk = -1;
  memset(&r, 0, sizeof r);
  r.verdict = VB_NOT_FOUND;
  for (int k = 0; k < Q->nc; k++) {
    /* an archive repeats phrases: when the passages found so far differ from the
     * quote, go on through the passages that scored as high as the first */
    if (k >= NCAND_SURE && (w->ba.edits == 0 || Q->c[k].score * 2 < Q->c[0].score)) break;
    if (align_cand(C, Q->t.t.v, Q->t.t.n, &Q->c[k], &w->cur, &w->ct, &w->ca, err)) return -1;
    if (bestk >= 0 && !vb_aln_better(&w->ca, &w->ba) && !vb_aln_better(&w->ba, &w->ca)) {
      /* a tie (an archive that repeats itself): the passage with the quote's own
       * letter case and punctuation in the words wins */
      if (exact_words(draft, Q, &w->cur, &w->ct, &w->ca) <= exact_words(draft, Q, &w->best, &w->bt, &w->ba)) continue;
    } else if (bestk >= 0 && !vb_aln_better(&w->ca, &w->ba)) continue;
    {
      vb_aln ta = w->ba; vb_wtoks tt = w->bt;
      w->ba = w->ca; w->ca = ta;
      w->bt = w->ct; w->ct = tt;
      swap_loaded(&w->cur, &w->best);
      bestk = k;
    }
  }
  if (bestk >= 0) {
    const vb_aln *a = &w->ba;
    int found = vb_aln_found(a);
    r.verdict = vb_verdict_of(a, Q->t.marks, &r.score);
    if (r.verdict != VB_VERBATIM && r.verdict != VB_FAITHFUL && a->matched >= 3) {
      /* a splice: words dropped without an ellipsis, or a part of the quote that is
       * not here but in another passage */
      size_t first, last;
      if (core(Q, a, &first, &last)) goto oom;
      if (a->matched * 5 < a->words * 2) {}      /* too little of the quote is here */
      else if (a->longest_del >= 8) r.splice = 1;
      else {
        int f = found_elsewhere(C, Q, 0, first, w, err);
        if (!f) f = found_elsewhere(C, Q, last, Q->t.t.n, w, err);
        if (f < 0) return -1;
        r.splice = f;
      }
      if (r.splice) { r.verdict = VB_ALTERED; found = 1; }
    }
    if (found) {
      const vb_wtok *st = w->bt.t.v;
      size_t sp0, sp1;
      r.has_passage = 1;
      r.name = arena_add(out, w->best.name, strlen(w->best.name));
      r.name_len = strlen(w->best.name);
      if (a->s1 > a->s0) { r.start = st[a->s0].start; r.end = st[a->s1 - 1].end; }
      else if (w->bt.t.n) { r.start = r.end = st[a->s0 < w->bt.t.n ? a->s0 : w->bt.t.n - 1].start; }
      if (w->best.v && vb_mview_speaker(w->best.v, r.start, &sp0, &sp1)) {
        r.has_speaker = 1;
        r.speaker = arena_add(out, w->best.s + sp0, sp1 - sp0);
        r.speaker_len = sp1 - sp0;
        if (speaker && *speaker && !vb_same_speaker(speaker, strlen(speaker), w->best.s + sp0, sp1 - sp0)) {
          size_t l0, l1;
          if (!vb_label_legend(w->best.s, w->best.n, w->best.s + sp0, sp1 - sp0, &l0, &l1) ||
              !vb_same_speaker(speaker, strlen(speaker), w->best.s + l0, l1 - l0))
            r.speaker_mismatch = 1;
        }
      }
      /* the place in the file as given (the offsets above are the decoded text's) */
      if (w->best.v) vb_mview_place(w->best.v, r.start, r.end, &r.start, &r.end, &r.line, &r.col);
      if (make_diff(out, &r, draft, Q->t.t.v, w->best.s, st, a)) goto oom;
    } else r.score = 0.0;
  }
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
    const vb_aln *a = &w->ca;
    size_t i = 0;
    if (align_cand(C, Q->t.t.v, Q->t.t.n, &Q->c[k], &w->cur, &w->ct, &w->ca, err)) return -1;
    while (i < a->steps.n) {
      size_t e = i;
      if (a->steps.v[i].op != '=') { i++; continue; }
      while (e + 1 < a->steps.n && a->steps.v[e + 1].op == '=') e++;
      if ((int)(e - i + 1) >= min) {
        vb_borrow b;
        const vb_wtok *st = w->ct.t.v;
        int dup = 0;
        b.start = Q->t.t.v[a->steps.v[i].q].start;
        b.end = Q->t.t.v[a->steps.v[e].q].end;
        for (size_t x = 0; x < out->b.n; x++)
          if (out->b.v[x].start < b.end && out->b.v[x].end > b.start) dup = 1;
        if (!dup) {
          b.words = (int)(e - i + 1);
          b.name_len = strlen(w->cur.name);
          b.name = arena_add(out, w->cur.name, b.name_len);
          vb_mview_place(w->cur.v, st[a->steps.v[i].s].start, st[a->steps.v[e].s].end, &b.sstart, &b.send,
                         &b.line, &b.col);
          if (vb_push(&out->b, b)) { vb_buf_adds(err, "out of memory"); return -1; }
        }
      }
      i = e + 1;
    }
  }
  return 0;
}

/* ---------------------------------------------------------------- driver */

/* A quote's items; a long one (a block quote, or hostile input) is cut into chunks of
 * CHUNK items that are located and aligned apart, then merged (merge_chunks): the
 * alignment table stays small and a long verbatim quote is still verbatim. */
static int add_quote(ctx *C, const char *s, const vb_quotes *qs, const vb_quote *q) {
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
    if (vb_push(&C->q, Q)) { vb_toks_free(&T); return -1; }
    return 0;
  }
  do {
    size_t cnt = T.t.n - k > CHUNK ? CHUNK : T.t.n - k;
    cq Q;
    if (T.t.n - k - cnt < CHUNK / 4) cnt = T.t.n - k;          /* no tiny last chunk */
    memset(&Q, 0, sizeof Q);
    Q.t.marks = T.marks;
    if (vb_vgrow(&Q.t.t, cnt)) { vb_toks_free(&T); return -1; }
    memcpy(Q.t.t.v, T.t.v + k, cnt * sizeof *T.t.v);
    Q.t.t.n = cnt;
    if (vb_push(&C->q, Q)) { vb_toks_free(&Q.t); vb_toks_free(&T); return -1; }
    k += cnt;
  } while (k < T.t.n);
  vb_toks_free(&T);
  return 0;
}

static int rank(vb_verdict v) { return v == VB_VERBATIM ? 0 : v == VB_FAITHFUL ? 1 : v == VB_ALTERED ? 2 : 3; }

/* One result for a quote from the results of its chunks, out->r.v[r0 ..]: the worst
 * verdict (altered when some chunks are found and others not), the place from the first
 * found chunk to the last one in the same file, the diffs one after the other. */
static int merge_chunks(ctx *C, size_t c0, size_t c1, const char *draft, size_t r0, vb_checked *out) {
  vb_cres m, *r = out->r.v + r0;
  size_t n = c1 - c0, found = 0, d0 = out->d.n;
  int worst = 0, oom = 0;
  double score = 0;
  memset(&m, 0, sizeof m);
  m.verdict = VB_NOT_FOUND;
  for (size_t k = 0; k < n; k++) {
    const cq *Q = &C->q.v[c0 + k];
    if (rank(r[k].verdict) > worst) worst = rank(r[k].verdict);
    score += r[k].score;
    m.splice |= r[k].splice;
    m.speaker_mismatch |= r[k].speaker_mismatch;
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
      m = (vb_cres){m.verdict, 0, m.splice, 1, r[k].name, r[k].name_len, r[k].start, r[k].end, r[k].line,
                    r[k].col, r[k].has_speaker, r[k].speaker, r[k].speaker_len, m.speaker_mismatch, 0, 0};
    } else if (r[k].name_len == m.name_len && !memcmp(out->arena.p + r[k].name, out->arena.p + m.name, m.name_len) &&
               r[k].end > m.end)
      m.end = r[k].end;
  }
  if (found) m.verdict = worst == 3 ? VB_ALTERED : (vb_verdict)worst;
  m.score = score / (double)n;
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
        Q.borrow = 1;
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
  ctx C;
  vb_wtoks tk = {0};
  work w;
  int rc = -1;
  size_t nstamps = 0, nquotes;
  memset(&C, 0, sizeof C);
  memset(&w, 0, sizeof w);
  C.M = M;
  C.slots[0] = &w.cur; C.slots[1] = &w.best; C.slots[2] = &w.aux;
  C.ncand = M->idx.n ? NCAND : NCAND_SCAN;
  for (size_t i = 0; i < qs->q.n; i++)
    if (add_quote(&C, s, qs, &qs->q.v[i])) goto oom;
  nquotes = C.q.n;                              /* chunks of quotes; then unquoted stretches */
  if (vb_push(&C.first, nquotes)) goto oom;
  if (o && o->borrowed > 0 && add_unquoted(&C, s, n, qs)) goto oom;
  for (size_t i = 0; i < C.q.n; i++) {
    C.q.v[i].stamp0 = nstamps;
    nstamps += C.q.v[i].t.t.n;
    quote_grams(&C, (uint32_t)i);
  }
  if (C.oom || vb_vgrow(&C.stamps, nstamps + 1)) goto oom;
  memset(C.stamps.v, 0, (nstamps + 1) * sizeof *C.stamps.v);
  if (build_table(&C)) goto oom;
  /* phase 1: one pass over the texts scanned, then the indexes */
  if (C.ents.n) {
    for (size_t f = 0; f < M->v.n; f++) {
      const vb_mtext *mt = &M->v.v[f];
      vb_mview *v = view_get(&C, 0, (uint32_t)f, mt->name, mt->text, mt->n, &out->warn, err);
      if (!v) goto out;
      if (!v->skip && scan_text(&C, (uint32_t)f, v, &tk)) goto oom;
    }
    for (size_t x = 0; x < M->idx.n; x++)
      for (size_t g = 0; g < M->idx.v[x]->segs.n; g++) {
        segref r;
        r.x = M->idx.v[x]; r.seg = g;
        if (vb_push(&C.segs, r)) goto oom;
      }
    if (M->idx.n) {
      size_t segbase = 0;
      qsort(C.ients.v, C.ients.n, sizeof *C.ients.v, gentcmp);
      for (size_t x = 0; x < M->idx.n; x++) {
        C.hits.n = 0;
        for (size_t e = 0, z; e < C.ients.n; e = z) {
          /* one lookup per distinct gram; a gram shared by many quotes gives each of
           * them fewer postings, so that the hits stay linear in the input */
          size_t per;
          for (z = e + 1; z < C.ients.n && C.ients.v[z].g == C.ients.v[e].g; z++) {}
          per = POST_CAP / (z - e) > 4 ? POST_CAP / (z - e) : 4;
          C.posts.n = 0;
          vb_index_lookup(M->idx.v[x], C.ients.v[e].g, POST_CAP, index_hit, &C);
          for (size_t k = e; k < z; k++)
            for (size_t h = 0; h < C.posts.n && h < per; h++) {
              const hit *p = &C.posts.v[h];
              push_hit(&C, C.ients.v[k].q, C.ients.v[k].qpos, p->set + (uint32_t)segbase, p->file, p->off, p->w);
            }
        }
        if (C.oom) goto oom;
        cluster(&C, C.hits.v, C.hits.n);
        segbase += M->idx.v[x]->segs.n;
      }
    }
  }
  /* phase 2 */
  for (size_t i = 0; i < qs->q.n; i++) {
    size_t c0 = C.first.v[i], c1 = C.first.v[i + 1], r0 = out->r.n;
    for (size_t k = c0; k < c1; k++)
      if (check_quote(&C, k, s, speakers ? speakers[i] : NULL, out, &w, err)) goto out;
    if (c1 - c0 > 1 && merge_chunks(&C, c0, c1, s, r0, out)) goto oom;
  }
  for (size_t i = nquotes; i < C.q.n; i++)
    if (check_borrow(&C, i, o->borrowed, out, &w, err)) goto out;
  out->stale = C.stale;
  rc = 0;
  goto out;
oom:
  vb_buf_adds(err, "out of memory");
out:
  for (size_t i = 0; i < C.q.n; i++) vb_toks_free(&C.q.v[i].t);
  vb_vfree(&C.q);
  vb_vfree(&C.first);
  vb_vfree(&C.ents);
  vb_vfree(&C.ients);
  free(C.table);
  free(C.bloom);
  vb_vfree(&C.stamps);
  vb_vfree(&C.hits);
  vb_vfree(&C.posts);
  vb_vfree(&C.segs);
  vb_vfree(&C.spans);
  vb_toks_free(&tk);
  work_free(&w);
  views_close(&C);
  return rc;
}
