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

/* ---------------------------------------------------------------- building */

typedef VB_VEC(uint64_t) u64vec;

typedef struct seg_b {
  VB_VEC(vb_idx_file) files;
  vb_buf names;
  VB_VEC(uint64_t) g;
  VB_VEC(uint32_t) loc;
  uint64_t total;
} seg_b;

static void seg_reset(seg_b *s) { s->files.n = 0; s->names.n = 0; s->g.n = 0; s->loc.n = 0; s->total = 0; }
static void seg_free(seg_b *s) { vb_vfree(&s->files); vb_buf_free(&s->names); vb_vfree(&s->g); vb_vfree(&s->loc); }

static int wr(FILE *f, const void *p, size_t n) { return n && fwrite(p, 1, n, f) != n ? -1 : 0; }

static int seg_write(seg_b *s, FILE *f) {
  vb_idx_hdr h;
  size_t np = s->g.n, nb;
  unsigned bits = 10;
  uint32_t *dir, *locs;
  uint8_t *chk;
  static const char zero[8] = {0};
  size_t names_size = (s->names.n + 7) & ~(size_t)7, tail;
  int rc = 0;
  while (bits < 24 && ((size_t)1 << bits) * 16 < np) bits++;   /* 16 postings a bucket on average */
  nb = (size_t)1 << bits;
  dir = calloc(nb + 1, sizeof *dir);
  locs = malloc((np ? np : 1) * sizeof *locs);
  chk = malloc((np ? np : 1) * sizeof *chk);
  if (!dir || !locs || !chk) { free(dir); free(locs); free(chk); return -1; }
  for (size_t i = 0; i < np; i++) dir[(s->g.v[i] >> (64 - bits)) + 1]++;
  for (size_t b = 0; b < nb; b++) dir[b + 1] += dir[b];
  {
    uint32_t *at = malloc(nb * sizeof *at);
    if (!at) { free(dir); free(locs); free(chk); return -1; }
    memcpy(at, dir, nb * sizeof *at);
    for (size_t i = 0; i < np; i++) {
      uint64_t g = s->g.v[i];
      uint32_t k = at[g >> (64 - bits)]++;
      locs[k] = s->loc.v[i];
      chk[k] = (uint8_t)(g >> (56 - bits));
    }
    free(at);
  }
  memset(&h, 0, sizeof h);
  memcpy(h.magic, VB_IDX_MAGIC, 8);
  h.nfiles = s->files.n; h.nposts = np; h.names_size = names_size; h.total = s->total;
  h.dir_bits = bits; h.k = VB_IDX_K; h.w = VB_IDX_W;
  tail = ((nb + 1) * 4 + np * 5) % 8 ? 8 - ((nb + 1) * 4 + np * 5) % 8 : 0;
  h.size = sizeof h + s->files.n * sizeof(vb_idx_file) + names_size + (nb + 1) * 4 + np * 5 + tail;
  rc |= wr(f, &h, sizeof h);
  rc |= wr(f, s->files.v, s->files.n * sizeof(vb_idx_file));
  rc |= wr(f, s->names.p, s->names.n);
  rc |= wr(f, zero, names_size - s->names.n);
  rc |= wr(f, dir, (nb + 1) * 4);
  rc |= wr(f, locs, np * 4);
  rc |= wr(f, chk, np);
  rc |= wr(f, zero, tail);
  free(dir); free(locs); free(chk);
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
  vb_paths files = {0};
  vb_buf tmpname = {0};
  vb_wtoks toks = {0};
  vb_tspans sp = {0};
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
    vb_buf e2 = {0}, w2 = {0};
    vb_mview v;
    if (stat(files.v[i], &st)) continue;
    if (seen.v) {
      size_t slot, m = seen.cap - 1, h = (size_t)strhash(files.v[i]) & m;
      int found = 0;
      for (slot = h; seen.v[slot]; slot = (slot + 1) & m)
        if (!strcmp(seen.v[slot], files.v[i])) { found = 1; break; }
      if (found && oldslot_size[slot] == (size_t)st.st_size && oldslot_mtime[slot] == (int64_t)st.st_mtime) continue;
    }
    /* the words as the checker reads them (material.h): decoded, stage directions and
     * repeated labels left out; offsets and size are those of the decoded text */
    if (vb_mview_open(&v, files.v[i], NULL, 0, &w2, &e2)) { vb_buf_free(&e2); vb_buf_free(&w2); continue; }   /* unreadable: skipped */
    vb_buf_free(&e2);
    vb_buf_free(&w2);
    if (v.skip || v.n > UINT32_MAX) { vb_mview_close(&v); continue; }           /* binary */
    if (s.total + v.n > UINT32_MAX) {                                          /* segment full */
      if (seg_write(&s, f)) { vb_mview_close(&v); goto wfail; }
      seg_reset(&s);
    }
    if (vb_mview_words(&v, 0, v.n, &toks, &sp)) { vb_mview_close(&v); goto oom; }
    e.base = s.total; e.size = v.n; e.mtime = (int64_t)st.st_mtime; e.name = s.names.n;
    vb_buf_add(&s.names, files.v[i], strlen(files.v[i]) + 1);
    if (s.names.oom || vb_push(&s.files, e) || add_minimizers(&s, &toks, s.total, &G, &K)) { vb_mview_close(&v); goto oom; }
    s.total += v.n;
    done++;
    bytes += v.n;
    vb_mview_close(&v);
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
  vb_buf_free(&tmpname);
  vb_toks_free(&toks);
  vb_vfree(&sp);
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
        if (seen_add(&seen, g->names + g->files[j].name, &slot)) g->dead[j] = 1;
      }
    }
    free(seen.v);
  }
  return x;
}

int vb_index_lookup(const vb_index *x, uint64_t g, size_t cap, vb_idx_hit fn, void *ud) {
  for (size_t k = 0; k < x->segs.n; k++) {
    const vb_idx_seg *s = &x->segs.v[k];
    unsigned bits = s->h->dir_bits;
    uint64_t b = g >> (64 - bits);
    uint8_t c = (uint8_t)(g >> (56 - bits));
    size_t lo = s->dir[b], hi = s->dir[b + 1], cnt = 0;
    for (size_t i = lo; i < hi; i++) cnt += s->checks[i] == c;
    if (cnt > cap) return 1;
    for (size_t i = lo; i < hi; i++) {
      size_t a = 0, z = s->h->nfiles;
      uint32_t loc;
      if (s->checks[i] != c) continue;
      loc = s->locs[i];
      while (z - a > 1) {                           /* the last file with base <= loc */
        size_t mid = a + (z - a) / 2;
        if (s->files[mid].base <= loc) a = mid; else z = mid;
      }
      if (!s->h->nfiles || s->dead[a] || loc - s->files[a].base >= s->files[a].size) continue;
      fn(ud, k, a, loc - s->files[a].base, cnt);
    }
  }
  return 0;
}
