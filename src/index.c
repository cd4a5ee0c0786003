/* index.c: building, appending to, mapping and querying the archive index.
 * Building is one pass: read a file, tokenize it, keep the minimizer word pairs, then one
 * counting sort by hash bucket for the whole segment. No per-gram allocation. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "index.h"
#include "material.h"
#include "normalise.h"
#include "turns.h"

/* ---------------------------------------------------------------- building */

typedef VB_VEC(uint64_t) u64vec;

typedef struct seg_b {
  VB_VEC(vb_idx_file) files;
  vb_buf names;
  VB_VEC(uint64_t) g;
  VB_VEC(uint32_t) loc;
  uint64_t total;
  /* the extension */
  vb_idx_wc *wt;                /* open addressing by word hash (h 0 empty) */
  size_t wcap, wn;
  VB_VEC(uint64_t) ftotal, flab;
  vb_buf labels;
  VB_VEC(vb_idx_fg) freq;
} seg_b;

static void seg_reset(seg_b *s) {
  s->files.n = 0; s->names.n = 0; s->g.n = 0; s->loc.n = 0; s->total = 0;
  if (s->wt) memset(s->wt, 0, s->wcap * sizeof *s->wt);
  s->wn = 0; s->ftotal.n = 0; s->flab.n = 0; s->labels.n = 0; s->freq.n = 0;
}
static void seg_free(seg_b *s) {
  vb_vfree(&s->files); vb_buf_free(&s->names); vb_vfree(&s->g); vb_vfree(&s->loc);
  free(s->wt); vb_vfree(&s->ftotal); vb_vfree(&s->flab); vb_buf_free(&s->labels); vb_vfree(&s->freq);
}

/* Count word h once more (word hashes are never 0: see normalise.c's mix). */
static int word_add(seg_b *s, uint64_t h) {
  size_t i;
  if (s->wn * 2 >= s->wcap) {
    size_t cap = s->wcap ? s->wcap * 2 : 4096;
    vb_idx_wc *t = calloc(cap, sizeof *t);
    if (!t) return -1;
    for (size_t k = 0; k < s->wcap; k++)
      if (s->wt[k].h) {
        size_t j = (size_t)s->wt[k].h & (cap - 1);
        while (t[j].h) j = (j + 1) & (cap - 1);
        t[j] = s->wt[k];
      }
    free(s->wt);
    s->wt = t; s->wcap = cap;
  }
  i = (size_t)h & (s->wcap - 1);
  while (s->wt[i].h && s->wt[i].h != h) i = (i + 1) & (s->wcap - 1);
  if (!s->wt[i].h) { s->wt[i].h = h; s->wn++; }
  s->wt[i].count++;
  return 0;
}

typedef struct labset { vb_buf *b; size_t from; } labset;

/* A label once per file: the names so far are NUL-separated in b from `from`. */
static void label_add(void *ud, const char *name, size_t len) {
  labset *L = ud;
  for (size_t i = L->from; i < L->b->n;) {
    size_t k = strlen(L->b->p + i);
    if (k == len && !memcmp(L->b->p + i, name, len)) return;
    i += k + 1;
  }
  vb_buf_add(L->b, name, len);
  vb_buf_addc(L->b, '\0');
}

/* The extension's per-file part: words, their total, the given speaker and the labels. */
static int seg_add_file(seg_b *s, const vb_wtoks *t, const char *text, size_t n, const char *speaker) {
  labset L;
  for (size_t i = 0; i < t->t.n; i++) if (word_add(s, t->t.v[i].h)) return -1;
  if (vb_push(&s->ftotal, (uint64_t)t->t.n) || (!s->flab.n && vb_push(&s->flab, 0))) return -1;
  vb_buf_adds(&s->labels, speaker ? speaker : "");
  vb_buf_addc(&s->labels, '\0');
  L.b = &s->labels; L.from = s->labels.n;
  vb_turn_labels(text, n, label_add, &L);
  if (s->labels.oom || vb_push(&s->flab, (uint64_t)s->labels.n)) return -1;
  return 0;
}

static int u32cmp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static int wccmp(const void *a, const void *b) {
  const vb_idx_wc *x = a, *y = b;
  return x->h < y->h ? -1 : x->h > y->h;
}

static int wr(FILE *f, const void *p, size_t n) { return n && fwrite(p, 1, n, f) != n ? -1 : 0; }

static int seg_write(seg_b *s, FILE *f) {
  vb_idx_hdr h;
  size_t np = s->g.n, nb;
  unsigned bits = 10;
  uint32_t *dir, *locs, *ids;
  uint8_t *chk;
  vb_idx_ext x;
  vb_idx_wc *wc;
  size_t ids_size, labels_size;
  static const char zero[8] = {0};
  size_t names_size = (s->names.n + 7) & ~(size_t)7, tail;
  int rc = 0;
  while (bits < 24 && ((size_t)1 << bits) * 16 < np) bits++;   /* 16 postings a bucket on average */
  nb = (size_t)1 << bits;
  dir = calloc(nb + 1, sizeof *dir);
  locs = malloc((np ? np : 1) * sizeof *locs);
  chk = malloc((np ? np : 1) * sizeof *chk);
  ids = malloc((np ? np : 1) * sizeof *ids);
  wc = malloc((s->wn ? s->wn : 1) * sizeof *wc);
  if (!dir || !locs || !chk || !ids || !wc) { free(dir); free(locs); free(chk); free(ids); free(wc); return -1; }
  for (size_t i = 0; i < np; i++) dir[(s->g.v[i] >> (64 - bits)) + 1]++;
  for (size_t b = 0; b < nb; b++) dir[b + 1] += dir[b];
  {
    uint32_t *at = malloc(nb * sizeof *at);
    if (!at) { free(dir); free(locs); free(chk); free(ids); free(wc); return -1; }
    memcpy(at, dir, nb * sizeof *at);
    for (size_t i = 0; i < np; i++) {
      uint64_t g = s->g.v[i];
      uint32_t k = at[g >> (64 - bits)]++;
      locs[k] = s->loc.v[i];
      chk[k] = (uint8_t)(g >> (56 - bits));
      ids[k] = (uint32_t)(g >> 32);
    }
    free(at);
  }
  memset(&h, 0, sizeof h);
  memcpy(h.magic, VB_IDX_MAGIC, 8);
  h.nfiles = s->files.n; h.nposts = np; h.names_size = names_size; h.total = s->total;
  h.dir_bits = bits; h.k = VB_IDX_K; h.w = VB_IDX_W;
  tail = ((nb + 1) * 4 + np * 5) % 8 ? 8 - ((nb + 1) * 4 + np * 5) % 8 : 0;
  {
    size_t k = 0;
    for (size_t i = 0; i < s->wcap; i++) if (s->wt[i].h) wc[k++] = s->wt[i];
    if (k > 1) qsort(wc, k, sizeof *wc, wccmp);
  }
  if (!s->flab.n && vb_push(&s->flab, 0)) { free(dir); free(locs); free(chk); free(ids); free(wc); return -1; }
  ids_size = (np * 4 + 7) & ~(size_t)7;
  labels_size = (s->labels.n + 7) & ~(size_t)7;
  memset(&x, 0, sizeof x);
  memcpy(x.magic, VB_IDX_EXT_MAGIC, 8);
  x.nwords = s->wn;
  for (size_t i = 0; i < s->ftotal.n; i++) x.words += s->ftotal.v[i];
  x.labels_size = labels_size;
  /* the common grams: ids are in bucket order, so sorted but for ties of the bucket's
   * own order; each bucket's ids are counted after a sort of a copy */
  {
    uint32_t *tmp = NULL;
    size_t tcap = 0;
    for (size_t b = 0; b < nb && !rc; b++) {
      size_t lo = dir[b], n2 = dir[b + 1] - lo;
      if (n2 < VB_IDX_FREQ) continue;
      if (n2 > tcap) { free(tmp); tcap = n2; if (!(tmp = malloc(tcap * sizeof *tmp))) { rc = -1; break; } }
      memcpy(tmp, ids + lo, n2 * sizeof *tmp);
      qsort(tmp, n2, sizeof *tmp, u32cmp);
      for (size_t i = 0, j; i < n2; i = j) {
        for (j = i + 1; j < n2 && tmp[j] == tmp[i]; j++) {}
        if (j - i >= VB_IDX_FREQ) {
          vb_idx_fg fg;
          fg.id = tmp[i]; fg.pad = 0; fg.count = j - i;
          if (vb_push(&s->freq, fg)) { rc = -1; break; }
        }
      }
    }
    free(tmp);
    if (rc) { free(dir); free(locs); free(chk); free(ids); free(wc); return -1; }
  }
  x.nfreq = s->freq.n;
  x.size = sizeof x + ids_size + s->wn * sizeof *wc + s->files.n * 8 + (s->files.n + 1) * 8 + labels_size +
           s->freq.n * sizeof(vb_idx_fg);
  h.size = sizeof h + s->files.n * sizeof(vb_idx_file) + names_size + (nb + 1) * 4 + np * 5 + tail + x.size;
  rc |= wr(f, &h, sizeof h);
  rc |= wr(f, s->files.v, s->files.n * sizeof(vb_idx_file));
  rc |= wr(f, s->names.p, s->names.n);
  rc |= wr(f, zero, names_size - s->names.n);
  rc |= wr(f, dir, (nb + 1) * 4);
  rc |= wr(f, locs, np * 4);
  rc |= wr(f, chk, np);
  rc |= wr(f, zero, tail);
  rc |= wr(f, &x, sizeof x);
  rc |= wr(f, ids, np * 4);
  rc |= wr(f, zero, ids_size - np * 4);
  rc |= wr(f, wc, s->wn * sizeof *wc);
  rc |= wr(f, s->ftotal.v, s->files.n * 8);
  rc |= wr(f, s->flab.v, (s->files.n + 1) * 8);
  rc |= wr(f, s->labels.p, s->labels.n);
  rc |= wr(f, zero, labels_size - s->labels.n);
  rc |= wr(f, s->freq.v, s->freq.n * sizeof(vb_idx_fg));
  free(dir); free(locs); free(chk); free(ids); free(wc);
  return rc;
}

/* Keep one gram in every window of VB_IDX_W: the smallest key, the rightmost on ties.
 * The key is the hash, made large for a gram of two short words (of the, to a: at most
 * three bytes each), so those are seldom kept: their postings would be too many to use.
 * (Penalising every gram with one short word keeps more grams: a bigger index.) */
static uint64_t gram_key(const vb_wtok *t, uint64_t g) {
  int both = t[0].end - t[0].start <= 3 && t[1].end - t[1].start <= 3;
  return (g >> 1) | ((uint64_t)both << 63);
}

static int add_minimizers(seg_b *s, const vb_wtoks *t, uint64_t base, u64vec *G, u64vec *K) {
  size_t n = t->t.n, ng, last = (size_t)-1;
  if (n < VB_IDX_K) return 0;
  ng = n - VB_IDX_K + 1;
  if (vb_vgrow(G, ng) || vb_vgrow(K, ng)) return -1;
  for (size_t p = 0; p < ng; p++) {
    G->v[p] = vb_gram(t->t.v[p].h, t->t.v[p + 1].h, 0);
    K->v[p] = gram_key(t->t.v + p, G->v[p]);
  }
  for (size_t p = 0; p + VB_IDX_W <= ng || (p == 0 && ng < VB_IDX_W); p++) {
    size_t e = p + VB_IDX_W < ng ? p + VB_IDX_W : ng, m = p;
    for (size_t q = p + 1; q < e; q++) if (K->v[q] <= K->v[m]) m = q;
    if (m != last) {
      if (vb_push(&s->g, G->v[m]) || vb_push(&s->loc, (uint32_t)(base + t->t.v[m].start))) return -1;
      last = m;
    }
  }
  return 0;
}

typedef struct seen_set { const char **v; size_t cap; } seen_set;

static uint64_t strhash(const char *s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  while (*s) h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
  return h;
}

/* Insert name; 1 when it was there already, -1 out of memory. cap is a power of two. */
static int seen_add(seen_set *S, const char *name, size_t *slot) {
  size_t m = S->cap - 1, i = (size_t)strhash(name) & m;
  while (S->v[i]) {
    if (!strcmp(S->v[i], name)) { *slot = i; return 1; }
    i = (i + 1) & m;
  }
  S->v[i] = name;
  *slot = i;
  return 0;
}

static int seen_init(seen_set *S, size_t n) {
  S->cap = 16;
  while (S->cap < n * 2 + 2) S->cap *= 2;
  S->v = calloc(S->cap, sizeof *S->v);
  return S->v ? 0 : -1;
}

int vb_index_build(const char *out_path, const char *const *paths, int n, int append,
                   size_t *nfiles, size_t *nbytes, vb_buf *err) {
  return vb_index_build_ex(out_path, paths, NULL, n, append, nfiles, nbytes, err);
}

int vb_index_build_ex(const char *out_path, const char *const *paths, const char *const *speakers, int n,
                      int append, size_t *nfiles, size_t *nbytes, vb_buf *err) {
  VB_VEC(const char *) fspk = {0};
  vb_paths files = {0};
  vb_buf text = {0}, tmpname = {0};
  vb_wtoks toks = {0};
  u64vec G = {0}, K = {0};
  seg_b s;
  vb_index *old = NULL;
  seen_set seen = {0};
  size_t *oldslot_size = NULL;
  int64_t *oldslot_mtime = NULL;
  FILE *f = NULL;
  int rc = -1;
  size_t done = 0, bytes = 0;
  off_t size0 = -1;
  memset(&s, 0, sizeof s);
  for (int i = 0; i < n; i++) {
    char *rp = realpath(paths[i], NULL);
    if (!rp) { vb_buf_addf(err, "%s: %s", paths[i], strerror(errno)); goto out; }
    if (vb_walk(rp, &files, err)) { free(rp); goto out; }
    free(rp);
    while (fspk.n < files.n) if (vb_push(&fspk, speakers ? speakers[i] : NULL)) goto oom;
  }
  if (append && access(out_path, F_OK) == 0) {
    size_t total = 0;
    if (!(old = vb_index_open(out_path, err))) goto out;
    for (size_t k = 0; k < old->segs.n; k++) total += old->segs.v[k].h->nfiles;
    if (seen_init(&seen, total)) goto oom;
    oldslot_size = calloc(seen.cap, sizeof *oldslot_size);
    oldslot_mtime = calloc(seen.cap, sizeof *oldslot_mtime);
    if (!oldslot_size || !oldslot_mtime) goto oom;
    for (size_t k = 0; k < old->segs.n; k++) {     /* later segments overwrite earlier entries */
      const vb_idx_seg *g = &old->segs.v[k];
      for (size_t j = 0; j < g->h->nfiles; j++) {
        size_t slot;
        seen_add(&seen, g->names + g->files[j].name, &slot);
        oldslot_size[slot] = g->files[j].size;
        oldslot_mtime[slot] = g->files[j].mtime;
      }
    }
  } else append = 0;
  vb_buf_addf(&tmpname, "%s.tmp%ld", out_path, (long)getpid());
  if (tmpname.oom) goto oom;
  f = append ? fopen(out_path, "ab") : fopen(tmpname.p, "wb");
  if (!f) { vb_buf_addf(err, "%s: %s", append ? out_path : tmpname.p, strerror(errno)); goto out; }
  if (append) {                                     /* a failed append is cut back to here */
    struct stat st;
    if (fstat(fileno(f), &st)) { vb_buf_addf(err, "%s: %s", out_path, strerror(errno)); goto out; }
    size0 = st.st_size;
  }
  for (size_t i = 0; i < files.n; i++) {
    struct stat st;
    vb_idx_file e;
    vb_buf e2 = {0};
    if (stat(files.v[i], &st)) continue;
    if (seen.v) {
      size_t slot, m = seen.cap - 1, h = (size_t)strhash(files.v[i]) & m;
      int found = 0;
      for (slot = h; seen.v[slot]; slot = (slot + 1) & m)
        if (!strcmp(seen.v[slot], files.v[i])) { found = 1; break; }
      if (found && oldslot_size[slot] == (size_t)st.st_size && oldslot_mtime[slot] == (int64_t)st.st_mtime) continue;
    }
    if (vb_read_file(files.v[i], &text, &e2)) { vb_buf_free(&e2); continue; }   /* unreadable: skipped */
    vb_buf_free(&e2);
    if (memchr(text.p, 0, text.n < 4096 ? text.n : 4096)) continue;            /* binary */
    if (s.total + text.n > UINT32_MAX) {                                         /* segment full */
      if (seg_write(&s, f)) goto wfail;
      seg_reset(&s);
    }
    if (text.n > UINT32_MAX) continue;
    toks.t.n = 0;
    if (vb_tokenize(text.p, text.n, 0, &toks)) goto oom;
    e.base = s.total; e.size = text.n; e.mtime = (int64_t)st.st_mtime; e.name = s.names.n;
    vb_buf_add(&s.names, files.v[i], strlen(files.v[i]) + 1);
    if (s.names.oom || vb_push(&s.files, e) || add_minimizers(&s, &toks, s.total, &G, &K) ||
        seg_add_file(&s, &toks, text.p, text.n, fspk.v[i]))
      goto oom;
    s.total += text.n;
    done++;
    bytes += text.n;
  }
  if (s.files.n || !append) { if (seg_write(&s, f)) goto wfail; }
  if (fclose(f)) { f = NULL; goto wfail; }
  f = NULL;
  if (!append && rename(tmpname.p, out_path)) { vb_buf_addf(err, "%s: %s", out_path, strerror(errno)); goto out; }
  if (nfiles) *nfiles = done;
  if (nbytes) *nbytes = bytes;
  rc = 0;
  goto out;
oom:
  vb_buf_adds(err, "out of memory");
  goto out;
wfail:
  vb_buf_addf(err, "%s: write failed", out_path);
out:
  if (f) fclose(f);
  if (rc && !append && tmpname.p) remove(tmpname.p);
  /* a partial segment would make the whole index unreadable: back to the old size
   * (after fclose, which may still flush buffered bytes) */
  if (rc && append && size0 >= 0 && truncate(out_path, size0))
    vb_buf_addf(err, " (and %s could not be cut back: %s)", out_path, strerror(errno));
  if (old) vb_index_close(old);
  free(seen.v); free(oldslot_size); free(oldslot_mtime);
  vb_paths_free(&files);
  vb_vfree(&fspk);
  vb_buf_free(&text); vb_buf_free(&tmpname);
  vb_toks_free(&toks);
  vb_vfree(&G);
  vb_vfree(&K);
  seg_free(&s);
  return rc;
}

/* ---------------------------------------------------------------- reading */

void vb_index_close(vb_index *x) {
  if (!x) return;
  for (size_t i = 0; i < x->segs.n; i++) free(x->segs.v[i].dead);
  vb_vfree(&x->segs);
  if (x->map) munmap(x->map, x->size);
  free(x);
}

/* Check one segment at p (avail bytes) before trusting a single offset in it. */
static const char *seg_parse(const unsigned char *p, size_t avail, vb_idx_seg *g) {
  const vb_idx_hdr *h = (const vb_idx_hdr *)(const void *)p;
  uint64_t need, nb;
  if (avail < sizeof *h || memcmp(h->magic, VB_IDX_MAGIC, 8)) return "not a verbatim index (bad magic)";
  if (h->size > avail || h->size < sizeof *h || h->size % 8) return "truncated or corrupt index";
  if (h->dir_bits < 1 || h->dir_bits > 30 || h->k != VB_IDX_K || h->w < 1) return "index from another version";
  nb = (uint64_t)1 << h->dir_bits;
  if (h->nfiles > h->size / sizeof(vb_idx_file) || h->nposts > h->size / 5 || h->names_size > h->size ||
      h->names_size % 8 || h->total > UINT32_MAX)
    return "corrupt index header";
  need = sizeof *h + h->nfiles * sizeof(vb_idx_file) + h->names_size + (nb + 1) * 4 + h->nposts * 5;
  if (need > h->size) return "corrupt index sizes";
  g->h = h;
  g->files = (const vb_idx_file *)(const void *)(p + sizeof *h);
  g->names = (const char *)(p + sizeof *h + h->nfiles * sizeof(vb_idx_file));
  g->dir = (const uint32_t *)(const void *)(g->names + h->names_size);
  g->locs = g->dir + nb + 1;
  g->checks = (const uint8_t *)(g->locs + h->nposts);
  if ((const unsigned char *)(g->checks + h->nposts) > p + h->size) return "corrupt index sizes";
  if (g->dir[0] != 0 || g->dir[nb] != h->nposts) return "corrupt index directory";
  for (uint64_t b = 0; b < nb; b++) if (g->dir[b] > g->dir[b + 1]) return "corrupt index directory";
  if (h->names_size && g->names[h->names_size - 1] != '\0') return "corrupt index names";
  {   /* the extension, after the checks and their padding */
    uint64_t at = need + (((nb + 1) * 4 + h->nposts * 5) % 8 ? 8 - ((nb + 1) * 4 + h->nposts * 5) % 8 : 0);
    const vb_idx_ext *x = (const vb_idx_ext *)(const void *)(p + at);
    uint64_t ids_size = (h->nposts * 4 + 7) & ~(uint64_t)7;
    g->ext = NULL;
    if (at + sizeof *x <= h->size && !memcmp(x->magic, VB_IDX_EXT_MAGIC, 8)) {
      if (x->size > h->size - at || x->nwords > x->size / sizeof(vb_idx_wc) || x->labels_size > x->size ||
          x->labels_size % 8 ||
          x->nfreq > x->size / sizeof(vb_idx_fg) ||
          sizeof *x + ids_size + x->nwords * sizeof(vb_idx_wc) + h->nfiles * 16 + 8 + x->labels_size +
          x->nfreq * sizeof(vb_idx_fg) > x->size)
        return "corrupt index extension";
      g->ext = x;
      g->ids = (const uint32_t *)(const void *)(p + at + sizeof *x);
      g->words = (const vb_idx_wc *)(const void *)((const char *)g->ids + ids_size);
      g->ftotal = (const uint64_t *)(const void *)(g->words + x->nwords);
      g->flab = g->ftotal + h->nfiles;
      g->labels = (const char *)(g->flab + h->nfiles + 1);
      g->freq = (const vb_idx_fg *)(const void *)(g->labels + x->labels_size);
      for (uint64_t i = 1; i < x->nfreq; i++)
        if (g->freq[i - 1].id >= g->freq[i].id) return "corrupt index gram counts";
      if (g->flab[0] != 0 || g->flab[h->nfiles] > x->labels_size) return "corrupt index labels";
      for (uint64_t i = 0; i < h->nfiles; i++)
        if (g->flab[i] >= g->flab[i + 1] || g->labels[g->flab[i + 1] - 1] != '\0') return "corrupt index labels";
      for (uint64_t i = 1; i < x->nwords; i++)
        if (g->words[i - 1].h >= g->words[i].h) return "corrupt index word table";
    }
  }
  for (uint64_t i = 0; i < h->nfiles; i++) {
    const vb_idx_file *e = &g->files[i];
    if (e->name >= h->names_size || e->base > h->total || e->size > h->total - e->base ||
        (i && e->base < g->files[i - 1].base))
      return "corrupt index file table";
  }
  return NULL;
}

vb_index *vb_index_open(const char *path, vb_buf *err) {
  int fd = open(path, O_RDONLY);
  struct stat st;
  vb_index *x;
  size_t off = 0, total = 0;
  seen_set seen = {0};
  if (fd < 0) { vb_buf_addf(err, "%s: %s", path, strerror(errno)); return NULL; }
  if (fstat(fd, &st)) { vb_buf_addf(err, "%s: %s", path, strerror(errno)); close(fd); return NULL; }
  if (!S_ISREG(st.st_mode)) { vb_buf_addf(err, "%s: not an index file", path); close(fd); return NULL; }
  if (st.st_size <= 0) { vb_buf_addf(err, "%s: empty index", path); close(fd); return NULL; }
  if (!(x = calloc(1, sizeof *x))) { close(fd); vb_buf_adds(err, "out of memory"); return NULL; }
  x->size = (size_t)st.st_size;
  x->map = mmap(NULL, x->size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (x->map == MAP_FAILED) { x->map = NULL; vb_buf_addf(err, "%s: %s", path, strerror(errno)); free(x); return NULL; }
  while (off < x->size) {
    vb_idx_seg g;
    const char *why = seg_parse((const unsigned char *)x->map + off, x->size - off, &g);
    if (why) { vb_buf_addf(err, "%s: %s", path, why); vb_index_close(x); return NULL; }
    g.dead = calloc(g.h->nfiles ? g.h->nfiles : 1, 1);
    g.has_dead = 0;
    if (!g.dead || vb_push(&x->segs, g)) { free(g.dead); vb_buf_adds(err, "out of memory"); vb_index_close(x); return NULL; }
    off += g.h->size;
    total += g.h->nfiles;
  }
  if (x->segs.n > 1) {                              /* newest entry of a file wins */
    if (seen_init(&seen, total)) { vb_buf_adds(err, "out of memory"); vb_index_close(x); return NULL; }
    for (size_t k = x->segs.n; k-- > 0;) {
      vb_idx_seg *g = &x->segs.v[k];
      for (size_t j = g->h->nfiles; j-- > 0;) {
        size_t slot;
        if (seen_add(&seen, g->names + g->files[j].name, &slot)) { g->dead[j] = 1; g->has_dead = 1; }
      }
    }
    free(seen.v);
  }
  return x;
}

int vb_index_current(const vb_index *x) {
  for (size_t k = 0; k < x->segs.n; k++)
    if (!x->segs.v[k].ext || x->segs.v[k].h->w != VB_IDX_W) return 0;
  return 1;
}

/* The file of segment s holding concatenation offset loc, or nfiles. */
static size_t file_of(const vb_idx_seg *s, uint32_t loc) {
  size_t a = 0, z = s->h->nfiles;
  if (!z) return 0;
  while (z - a > 1) {                           /* the last file with base <= loc */
    size_t mid = a + (z - a) / 2;
    if (s->files[mid].base <= loc) a = mid; else z = mid;
  }
  if (s->dead[a] || loc - s->files[a].base >= s->files[a].size) return s->h->nfiles;
  return a;
}

uint64_t vb_index_lookup(const vb_index *x, uint64_t g, uint64_t cap, vb_idx_hit fn, void *ud) {
  uint32_t id = (uint32_t)(g >> 32);
  uint64_t cnt = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t k = 0; k < x->segs.n; k++) {
      const vb_idx_seg *s = &x->segs.v[k];
      unsigned bits = s->h->dir_bits;
      uint64_t b = g >> (64 - bits);
      size_t lo = s->dir[b], hi = s->dir[b + 1];
      if (!s->ext) continue;
      if (!pass && !s->has_dead) {              /* a common gram: its stored count */
        size_t a = 0, z = s->ext->nfreq;
        while (a < z) {
          size_t m = a + (z - a) / 2;
          if (s->freq[m].id < id) a = m + 1; else z = m;
        }
        if (a < s->ext->nfreq && s->freq[a].id == id) { cnt += s->freq[a].count; continue; }
      }
      for (size_t i = lo; i < hi; i++) {
        size_t f;
        if (s->ids[i] != id) continue;
        f = file_of(s, s->locs[i]);
        if (f == s->h->nfiles) continue;
        if (pass) fn(ud, k, f, s->locs[i] - s->files[f].base);
        else cnt++;
      }
    }
    if (!fn || cnt > cap) break;
  }
  return cnt;
}

uint64_t vb_index_word_count(const vb_index *x, uint64_t h) {
  uint64_t c = 0;
  for (size_t k = 0; k < x->segs.n; k++) {
    const vb_idx_seg *s = &x->segs.v[k];
    size_t a = 0, z = s->ext ? s->ext->nwords : 0;
    while (a < z) {
      size_t m = a + (z - a) / 2;
      if (s->words[m].h < h) a = m + 1; else z = m;
    }
    if (s->ext && a < s->ext->nwords && s->words[a].h == h) c += s->words[a].count;
  }
  return c;
}

uint64_t vb_index_words(const vb_index *x) {
  uint64_t n = 0;
  for (size_t k = 0; k < x->segs.n; k++) {
    const vb_idx_seg *s = &x->segs.v[k];
    if (!s->ext) continue;
    for (size_t f = 0; f < s->h->nfiles; f++) if (!s->dead[f]) n += s->ftotal[f];
  }
  return n;
}

const char *vb_index_file_speaker(const vb_index *x, size_t seg, size_t file) {
  const vb_idx_seg *s = &x->segs.v[seg];
  const char *p;
  if (!s->ext || file >= s->h->nfiles) return NULL;
  p = s->labels + s->flab[file];
  return *p ? p : NULL;
}

void vb_index_file_labels(const vb_index *x, size_t seg, size_t file, void (*fn)(void *ud, const char *label), void *ud) {
  const vb_idx_seg *s = &x->segs.v[seg];
  uint64_t i, e;
  if (!s->ext || file >= s->h->nfiles) return;
  i = s->flab[file]; e = s->flab[file + 1];
  i += strlen(s->labels + i) + 1;               /* past the given speaker */
  while (i < e) {
    fn(ud, s->labels + i);
    i += strlen(s->labels + i) + 1;
  }
}
