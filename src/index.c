/* index.c: building, appending to, mapping and querying the archive index (index.h has
 * the layout, and what a crash or a second writer can and cannot do to it).
 * Building is one pass: read a file, tokenize it, keep the minimizer word pairs, then one
 * counting sort by hash bucket for the whole segment. No per-gram allocation. */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE         /* flock */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "index.h"
#include "material.h"            /* and turns.h: vb_tspans, the labels of a text's turns */
#include "normalise.h"

#define A8(x) (((x) + 7) & ~(uint64_t)7)

/* ---------------------------------------------------------------- file helpers */

/* All n bytes written from w, or read into r when r is not NULL, at off, or at the file
 * position when off is -1: short transfers and EINTR are retried. 0, or -1 with errno. */
static int io_all(int fd, const char *w, char *r, size_t n, off_t off) {
  while (n) {
    ssize_t k = r ? pread(fd, r, n, off) : off < 0 ? write(fd, w, n) : pwrite(fd, w, n, off);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) { if (k == 0) errno = EIO; return -1; }
    if (r) r += k; else w += k;
    n -= (size_t)k;
    if (off >= 0) off += k;
  }
  return 0;
}

static int put(int fd, const void *p, size_t n) { return io_all(fd, p, NULL, n, -1); }
static int put_at(int fd, const void *p, size_t n, off_t off) { return io_all(fd, p, NULL, n, off); }
static int get_at(int fd, void *p, size_t n, off_t off) { return io_all(fd, NULL, p, n, off); }

static int put_zeros(int fd, size_t n) {
  static const char zero[64] = {0};
  while (n) {
    size_t k = n < sizeof zero ? n : sizeof zero;
    if (put(fd, zero, k)) return -1;
    n -= k;
  }
  return 0;
}

/* fsync the folder holding path, so that a rename or link in it survives a power cut. */
static int sync_dir(const char *path) {
  const char *slash = strrchr(path, '/');
  char *dir;
  int fd, rc;
  if (!slash) dir = strdup(".");
  else if (slash == path) dir = strdup("/");
  else if ((dir = malloc((size_t)(slash - path) + 1))) { memcpy(dir, path, (size_t)(slash - path)); dir[slash - path] = 0; }
  if (!dir) return -1;
  fd = open(dir, O_RDONLY | O_CLOEXEC);
  free(dir);
  if (fd < 0) return -1;
  rc = fsync(fd);
  close(fd);
  return rc;
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Take the writer's lock on fd, waiting up to wait seconds. 0, or -1 with err. */
static int lock_wait(int fd, double wait, const char *path, vb_buf *err) {
  double t0 = now_s();
  long ms = 5;
  for (;;) {
    struct timespec d;
    if (flock(fd, LOCK_EX | LOCK_NB) == 0) return 0;
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK) { vb_buf_addf(err, "%s: cannot lock: %s", path, strerror(errno)); return -1; }
    if (now_s() - t0 >= wait) {
      if (wait > 0) vb_buf_addf(err, "%s: another writer holds it (gave up after %.0f s; --wait SECONDS)", path, wait);
      else vb_buf_addf(err, "%s: another writer holds it (--wait SECONDS waits for it)", path);
      return -1;
    }
    d.tv_sec = 0; d.tv_nsec = ms * 1000000L;
    nanosleep(&d, NULL);
    if (ms < 200) ms *= 2;
  }
}

/* ---------------------------------------------------------------- building */

typedef VB_VEC(uint64_t) u64vec;

typedef struct seg_b {
  VB_VEC(vb_idx_file) files;
  vb_buf names;
  VB_VEC(uint64_t) g;
  VB_VEC(uint32_t) loc;
  uint64_t total;
  /* the counts and speakers (the optional sections) */
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

/* A file's words (vb_mview_words: a change of speaker is a barrier item, not a word),
 * their total, its given speaker and its turn labels (the label spans of its text).
 * 0 or -1 (memory). */
static int seg_add_file(seg_b *s, const vb_wtoks *t, const char *text, const vb_tspans *sp, const char *speaker) {
  labset L;
  uint64_t words = 0;
  for (size_t i = 0; i < t->t.n; i++)
    if (t->t.v[i].h != VB_BARRIER) {
      if (word_add(s, t->t.v[i].h)) return -1;
      words++;
    }
  if (vb_push(&s->ftotal, words) || (!s->flab.n && vb_push(&s->flab, 0))) return -1;
  vb_buf_adds(&s->labels, speaker ? speaker : "");
  vb_buf_addc(&s->labels, '\0');
  L.b = &s->labels; L.from = s->labels.n;
  vb_tspan_labels(text, sp->v, sp->n, label_add, &L);
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

/* The pairs of VB_IDX_FREQ postings or more in bucket order (ids are the hash's top bits,
 * so by id), each counted after a sort of its bucket's ids. 0 or -1 (memory). */
static int count_common(seg_b *s, const uint32_t *dir, size_t nb, const uint32_t *ids) {
  uint32_t *tmp = NULL;
  size_t tcap = 0;
  for (size_t b = 0; b < nb; b++) {
    size_t lo = dir[b], n = dir[b + 1] - lo;
    if (n < VB_IDX_FREQ) continue;
    if (n > tcap) { free(tmp); tcap = n; if (!(tmp = malloc(tcap * sizeof *tmp))) return -1; }
    memcpy(tmp, ids + lo, n * sizeof *tmp);
    qsort(tmp, n, sizeof *tmp, u32cmp);
    for (size_t i = 0, j; i < n; i = j) {
      for (j = i + 1; j < n && tmp[j] == tmp[i]; j++) {}
      if (j - i >= VB_IDX_FREQ) {
        vb_idx_fg fg;
        fg.id = tmp[i]; fg.pad = 0; fg.count = j - i;
        if (vb_push(&s->freq, fg)) { free(tmp); return -1; }
      }
    }
  }
  free(tmp);
  return 0;
}

#define NSECT 11

/* Write segment s at fd's position; its size in *size. 0, -1 out of memory (errno
 * ENOMEM), -2 a failed write (errno). */
static int seg_write(seg_b *s, int fd, uint64_t *size) {
  struct { vb_idx_seghdr h; vb_idx_sect t[NSECT]; } head;
  size_t np = s->g.n, nb;
  unsigned bits = 10;
  uint32_t *dir, *locs, *ids;
  uint8_t *chk;
  vb_idx_wc *wc;
  const void *data[NSECT];
  uint64_t at;
  int rc = 0;
  while (bits < 24 && ((size_t)1 << bits) * 16 < np) bits++;   /* 16 postings a bucket on average */
  nb = (size_t)1 << bits;
  dir = calloc(nb + 1, sizeof *dir);
  locs = malloc((np ? np : 1) * sizeof *locs);
  chk = malloc((np ? np : 1) * sizeof *chk);
  ids = malloc((np ? np : 1) * sizeof *ids);
  wc = malloc((s->wn ? s->wn : 1) * sizeof *wc);
  if (!dir || !locs || !chk || !ids || !wc || (!s->flab.n && vb_push(&s->flab, 0))) goto nomem;
  for (size_t i = 0; i < np; i++) dir[(s->g.v[i] >> (64 - bits)) + 1]++;
  for (size_t b = 0; b < nb; b++) dir[b + 1] += dir[b];
  {
    uint32_t *pos = malloc(nb * sizeof *pos);
    if (!pos) goto nomem;
    memcpy(pos, dir, nb * sizeof *pos);
    for (size_t i = 0; i < np; i++) {
      uint64_t g = s->g.v[i];
      uint32_t k = pos[g >> (64 - bits)]++;
      locs[k] = s->loc.v[i];
      chk[k] = (uint8_t)(g >> (56 - bits));
      ids[k] = (uint32_t)(g >> 32);
    }
    free(pos);
  }
  {
    size_t k = 0;
    for (size_t i = 0; i < s->wcap; i++) if (s->wt[i].h) wc[k++] = s->wt[i];
    if (k > 1) qsort(wc, k, sizeof *wc, wccmp);
  }
  if (count_common(s, dir, nb, ids)) goto nomem;
  memset(&head, 0, sizeof head);
  memcpy(head.h.magic, VB_IDX_SEG_MAGIC, 8);
  head.h.nfiles = s->files.n; head.h.nposts = np; head.h.total = s->total;
  head.h.nsect = NSECT; head.h.dir_bits = bits; head.h.k = VB_IDX_K; head.h.w = VB_IDX_W;
  head.t[0].id = VB_SECT_FILES;  head.t[0].size = s->files.n * sizeof(vb_idx_file); data[0] = s->files.v;
  head.t[1].id = VB_SECT_NAMES;  head.t[1].size = s->names.n;                       data[1] = s->names.p;
  head.t[2].id = VB_SECT_DIR;    head.t[2].size = (nb + 1) * sizeof *dir;           data[2] = dir;
  head.t[3].id = VB_SECT_LOCS;   head.t[3].size = np * sizeof *locs;                data[3] = locs;
  head.t[4].id = VB_SECT_CHECKS; head.t[4].size = np;                               data[4] = chk;
  head.t[5].id = VB_SECT_IDS;    head.t[5].size = np * sizeof *ids;                 data[5] = ids;
  head.t[6].id = VB_SECT_WORDS;  head.t[6].size = s->wn * sizeof *wc;               data[6] = wc;
  head.t[7].id = VB_SECT_FTOTAL; head.t[7].size = s->files.n * 8;                   data[7] = s->ftotal.v;
  head.t[8].id = VB_SECT_FLAB;   head.t[8].size = (s->files.n + 1) * 8;             data[8] = s->flab.v;
  head.t[9].id = VB_SECT_LABELS; head.t[9].size = s->labels.n;                      data[9] = s->labels.p;
  head.t[10].id = VB_SECT_FREQ;  head.t[10].size = s->freq.n * sizeof(vb_idx_fg);   data[10] = s->freq.v;
  at = A8(sizeof head);
  for (int k = 0; k < NSECT; k++) {
    head.t[k].flags = k < 5 ? VB_IDX_REQUIRED : 0;  /* the counts: older readers do without */
    head.t[k].off = at;
    at = A8(at + head.t[k].size);
  }
  head.h.size = at;
  /* the sections in order, each padded to 8: one write a section */
  at = sizeof head;
  if (put(fd, &head, sizeof head)) rc = -2;
  for (int k = 0; k < NSECT && !rc; k++) {
    if (put_zeros(fd, head.t[k].off - at) || (head.t[k].size && put(fd, data[k], head.t[k].size))) rc = -2;
    at = head.t[k].off + head.t[k].size;
  }
  if (!rc && put_zeros(fd, head.h.size - at)) rc = -2;
  free(dir); free(locs); free(chk); free(ids); free(wc);
  *size = head.h.size;
  return rc;
nomem:
  free(dir); free(locs); free(chk); free(ids); free(wc);
  errno = ENOMEM;
  return -1;
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

/* Insert name; 1 when it was there already. cap is a power of two, never full. */
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

/* The slot of name, or -1. */
static long seen_find(const seen_set *S, const char *name) {
  size_t m = S->cap - 1;
  if (!S->v) return -1;
  for (size_t i = (size_t)strhash(name) & m; S->v[i]; i = (i + 1) & m)
    if (!strcmp(S->v[i], name)) return (long)i;
  return -1;
}

static int seen_init(seen_set *S, size_t n) {
  S->cap = 16;
  while (S->cap < n * 2 + 2) S->cap *= 2;
  S->v = calloc(S->cap, sizeof *S->v);
  return S->v ? 0 : -1;
}

/* One build: the files to index, the index they go to, the segments written so far. */
typedef struct build {
  const char *out;
  vb_buf *warn, *err;
  vb_paths files;
  vb_index *old;                /* the committed index appended to, or NULL */
  seen_set seen;                /* old's live names -> their entries */
  const vb_idx_file **olde;
  vb_wtoks toks;
  vb_tspans spans;
  u64vec G, K;
  seg_b s;
  uint64_t end, nsegs;          /* after the segments written */
  size_t done, bytes;
  const vb_progress *prog;      /* vb_iopts.progress: told done files of the list, bytes */
  vb_paths roots;               /* the paths given, as real paths */
  const char *const *rspk;      /* and their speakers (vb_iopts.speakers) */
} build;

/* The speaker given with the path a file was found under (the deepest such path). */
static const char *speaker_of(const build *B, const char *file) {
  const char *sp = NULL;
  size_t best = 0;
  for (size_t i = 0; i < B->roots.n; i++) {
    size_t k = strlen(B->roots.v[i]);
    if (B->rspk[i] && k >= best && !strncmp(file, B->roots.v[i], k) && (!file[k] || file[k] == '/' ||
                                                                         (k && B->roots.v[i][k - 1] == '/'))) {
      sp = B->rspk[i];
      best = k;
    }
  }
  return sp;
}

static void warn(build *B, const char *path, const char *why) {
  if (B->warn) vb_buf_addf(B->warn, "%s: warning: %s\n", path, why);
}

static int old_table(build *B) {
  vb_index *x = B->old;
  if (seen_init(&B->seen, x->nlive) || !(B->olde = calloc(B->seen.cap, sizeof *B->olde))) return -1;
  for (size_t k = 0; k < x->segs.n; k++)
    for (size_t j = 0; j < x->segs.v[k].h->nfiles; j++) {
      const vb_idx_seg *g = &x->segs.v[k];
      size_t slot;
      if (g->state[j] == VB_IDX_SHADOWED) continue;
      seen_add(&B->seen, g->names + g->files[j].name, &slot);
      B->olde[slot] = &g->files[j];
    }
  return 0;
}

static void build_reset(build *B) {
  if (B->old) vb_index_close(B->old);
  B->old = NULL;
  free(B->seen.v); B->seen.v = NULL;
  free(B->olde); B->olde = NULL;
  seg_reset(&B->s);
  B->done = B->bytes = 0;
}

/* Index every file that the old index lacks or holds in another state, writing
 * segments at fd's position (B->end). 0, or -1 with err. */
static int add_files(build *B, int fd) {
  int rc;
  uint64_t size;
  for (size_t i = 0; i < B->files.n; i++) {
    const char *path = B->files.v[i];
    struct stat st;
    vb_idx_file e;
    long slot;
    vb_buf e2 = {0}, w2 = {0};
    vb_mview v;
    if (B->prog && i) B->prog->fn(B->prog->ctx, i, B->files.n, B->bytes);
    if (stat(path, &st)) { warn(B, path, strerror(errno)); continue; }   /* gone since the walk */
    if ((slot = seen_find(&B->seen, path)) >= 0 && vb_file_stamp_same(B->olde[slot], &st)) continue;
    /* the words as the checker reads them (material.h): the text decoded, stage
     * directions and repeated labels left out; offsets, size and hash are the text's */
    if (vb_mview_open(&v, path, NULL, 0, &w2, &e2)) {
      if (B->warn) vb_buf_addf(B->warn, "%s: warning: not indexed\n", e2.p ? e2.p : path);
      vb_buf_free(&e2);
      vb_buf_free(&w2);
      continue;
    }
    vb_buf_free(&e2);
    if (v.skip) {
      if (B->warn) vb_buf_add(B->warn, w2.p, w2.n);     /* "PATH: warning: a PDF document, not text: skipped" */
      vb_buf_free(&w2);
      vb_mview_close(&v);
      continue;
    }
    vb_buf_free(&w2);
    if (v.n > UINT32_MAX) { warn(B, path, "larger than 4 GB, not indexed"); vb_mview_close(&v); continue; }
    if (B->s.total + v.n > UINT32_MAX) {                            /* segment full */
      if ((rc = seg_write(&B->s, fd, &size))) { vb_mview_close(&v); goto wfail; }
      B->end += size; B->nsegs++;
      seg_reset(&B->s);
    }
    if (vb_mview_words(&v, 0, v.n, &B->toks, &B->spans)) { vb_mview_close(&v); goto oom; }
    vb_file_stamp(&e, &st);
    e.size = v.n;                                                   /* the text, as decoded */
    e.base = B->s.total; e.hash = vb_idx_sum(v.s, v.n); e.name = B->s.names.n;
    vb_buf_add(&B->s.names, path, strlen(path) + 1);
    if (B->s.names.oom || vb_push(&B->s.files, e) || add_minimizers(&B->s, &B->toks, B->s.total, &B->G, &B->K) ||
        seg_add_file(&B->s, &B->toks, v.s, &B->spans, speaker_of(B, path))) {
      vb_mview_close(&v);
      goto oom;
    }
    B->s.total += v.n;
    B->done++;
    B->bytes += v.n;
    vb_mview_close(&v);
  }
  if (B->s.files.n) {
    if ((rc = seg_write(&B->s, fd, &size))) goto wfail;
    B->end += size; B->nsegs++;
    seg_reset(&B->s);
  }
  return 0;
wfail:
  if (rc == -1) goto oom;
  vb_buf_addf(B->err, "%s: %s", B->out, strerror(errno));
  return -1;
oom:
  vb_buf_adds(B->err, "out of memory");
  return -1;
}

/* Write commit record number seq (at its slot: seq's low bit), then fsync. */
static int commit(int fd, uint64_t seq, uint64_t end, uint64_t nsegs) {
  vb_idx_commit c;
  memset(&c, 0, sizeof c);
  memcpy(c.magic, VB_IDX_COMMIT_MAGIC, 8);
  c.seq = seq; c.end = end; c.nsegs = nsegs;
  c.sum = vb_idx_sum(&c, offsetof(vb_idx_commit, sum));
  if (put_at(fd, &c, sizeof c, (seq & 1) ? VB_IDX_COMMIT1 : VB_IDX_COMMIT0)) return -1;
  return fdatasync(fd);
}

/* Temporary files of builds that died (no writer holds their lock) are removed. They
 * are named OUT.tmp-PID-N, beside OUT. */
static void clean_tmps(const char *out) {
  const char *slash = strrchr(out, '/');
  const char *base = slash ? slash + 1 : out;
  vb_buf dir = {0}, path = {0};
  size_t nb = strlen(base);
  DIR *d;
  struct dirent *e;
  if (slash) vb_buf_add(&dir, out, (size_t)(slash - out) + 1);
  else vb_buf_adds(&dir, "./");
  if (dir.oom || !(d = opendir(dir.p))) { vb_buf_free(&dir); return; }
  while ((e = readdir(d)) != NULL) {
    int fd;
    struct stat st;
    if (strncmp(e->d_name, base, nb) || strncmp(e->d_name + nb, ".tmp-", 5)) continue;
    path.n = 0;
    vb_buf_add(&path, dir.p, dir.n);
    vb_buf_adds(&path, e->d_name);
    if (path.oom || (fd = open(path.p, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) continue;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0) unlink(path.p);
    close(fd);
  }
  closedir(d);
  vb_buf_free(&dir);
  vb_buf_free(&path);
}

/* Create and lock a new temporary file beside out: its fd, name in tmp. */
static int tmp_create(const char *out, vb_buf *tmp, vb_buf *err) {
  for (unsigned k = 0; k < 1000; k++) {
    int fd;
    struct stat a, b;
    tmp->n = 0;
    vb_buf_addf(tmp, "%s.tmp-%ld-%u", out, (long)getpid(), k);
    if (tmp->oom) { vb_buf_adds(err, "out of memory"); return -1; }
    fd = open(tmp->p, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
      if (errno == EEXIST) continue;
      vb_buf_addf(err, "%s: %s", tmp->p, strerror(errno));
      return -1;
    }
    /* locked, and still the file of that name: another build's clean_tmps may have
     * removed it between the open and the lock */
    if (flock(fd, LOCK_EX) == 0 && fstat(fd, &a) == 0 && stat(tmp->p, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev)
      return fd;
    close(fd);
  }
  vb_buf_addf(err, "%s: cannot make a temporary file beside it", out);
  return -1;
}

/* Is what lies at out something a build may replace: nothing, an empty file, or an
 * index? 1 yes (exists: 0 or 1), 0 no (with err). */
static int replaceable(const char *out, int *exists, vb_buf *err) {
  struct stat st;
  char magic[8];
  int fd, ok;
  *exists = 0;
  if (stat(out, &st)) {
    if (errno == ENOENT) return 1;
    vb_buf_addf(err, "%s: %s", out, strerror(errno));
    return 0;
  }
  *exists = 1;
  if (!S_ISREG(st.st_mode)) { vb_buf_addf(err, "%s: not an index file (left as it is)", out); return 0; }
  if (st.st_size == 0) return 1;
  if ((fd = open(out, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) { vb_buf_addf(err, "%s: %s", out, strerror(errno)); return 0; }
  ok = get_at(fd, magic, sizeof magic, 0) == 0 && !memcmp(magic, "VBIDX0", 6);
  close(fd);
  if (!ok) vb_buf_addf(err, "%s: exists and is not a verbatim index (left as it is)", out);
  return ok;
}

/* A whole new index in a temporary file, then put in place: renamed over out (a
 * rebuild, or an empty file), or linked when out must not exist yet (the first
 * append: 1 when another writer made it meanwhile, and the caller appends to that). */
static int build_new(build *B, int link_only) {
  vb_buf tmp = {0};
  vb_idx_head h;
  int fd, rc = -1;
  char page[VB_IDX_HEAD];
  clean_tmps(B->out);
  if ((fd = tmp_create(B->out, &tmp, B->err)) < 0) goto out;
  memset(page, 0, sizeof page);
  memset(&h, 0, sizeof h);
  memcpy(h.magic, VB_IDX_MAGIC, 8);
  h.version = VB_IDX_VERSION; h.order = VB_IDX_ORDER; h.head_size = VB_IDX_HEAD;
  memcpy(page, &h, sizeof h);
  B->end = VB_IDX_HEAD; B->nsegs = 0;
  if (put(fd, page, sizeof page)) { vb_buf_addf(B->err, "%s: %s", tmp.p, strerror(errno)); goto out; }
  if (add_files(B, fd)) goto out;
  if (commit(fd, 1, B->end, B->nsegs) || fsync(fd)) { vb_buf_addf(B->err, "%s: %s", tmp.p, strerror(errno)); goto out; }
  if (link_only) {
    if (link(tmp.p, B->out)) {
      if (errno == EEXIST) { rc = 1; goto out; }
      vb_buf_addf(B->err, "%s: %s", B->out, strerror(errno));
      goto out;
    }
  } else if (rename(tmp.p, B->out)) { vb_buf_addf(B->err, "%s: %s", B->out, strerror(errno)); goto out; }
  sync_dir(B->out);         /* some file systems cannot sync a folder: the file is in place */
  rc = 0;
out:
  if (fd >= 0) close(fd);
  if (tmp.p && (rc || link_only)) unlink(tmp.p);    /* after a rename there is none left */
  vb_buf_free(&tmp);
  return rc;
}

static vb_index *index_map(int fd, const char *path, vb_buf *err);

/* Append to the index at B->out: lock it (a rebuild may rename another file over it
 * meanwhile: then lock that one), map its last commit, write the new segments after
 * it, commit. 1 when there is no index yet (or an empty file: then *held is its locked
 * fd, kept until the new one replaces it). 0, or -1 with err. */
static int append(build *B, double wait, int *held) {
  for (int tries = 0; tries < 100; tries++) {
    int fd = open(B->out, O_RDWR | O_NONBLOCK | O_CLOEXEC);
    struct stat a, b;
    uint64_t end0, seq;
    if (fd < 0) {
      if (errno == ENOENT) return 1;
      vb_buf_addf(B->err, "%s: %s", B->out, strerror(errno));
      return -1;
    }
    if (fstat(fd, &a)) { vb_buf_addf(B->err, "%s: %s", B->out, strerror(errno)); close(fd); return -1; }
    if (!S_ISREG(a.st_mode)) { vb_buf_addf(B->err, "%s: not an index file", B->out); close(fd); return -1; }
    if (lock_wait(fd, wait, B->out, B->err)) { close(fd); return -1; }
    if (stat(B->out, &b) || a.st_ino != b.st_ino || a.st_dev != b.st_dev) { close(fd); continue; }
    if (fstat(fd, &a)) { vb_buf_addf(B->err, "%s: %s", B->out, strerror(errno)); close(fd); return -1; }
    if (a.st_size == 0) { *held = fd; return 1; }
    if (!(B->old = index_map(fd, B->out, B->err))) { close(fd); return -1; }
    if (old_table(B)) { vb_buf_adds(B->err, "out of memory"); close(fd); return -1; }
    end0 = B->end = B->old->size;
    B->nsegs = B->old->segs.n;
    seq = B->old->seq;
    /* bytes after the commit are an append cut off by a crash: dropped first */
    if ((a.st_size > (off_t)end0 && ftruncate(fd, (off_t)end0)) || lseek(fd, (off_t)end0, SEEK_SET) < 0) {
      vb_buf_addf(B->err, "%s: %s", B->out, strerror(errno));
      close(fd);
      return -1;
    }
    if (add_files(B, fd)) {
      if (ftruncate(fd, (off_t)end0)) {}            /* the commit still points before them */
      close(fd);
      return -1;
    }
    if (B->end != end0 && (fdatasync(fd) || commit(fd, seq + 1, B->end, B->nsegs))) {
      vb_buf_addf(B->err, "%s: %s", B->out, strerror(errno));
      if (ftruncate(fd, (off_t)end0)) {}
      close(fd);
      return -1;
    }
    close(fd);                                      /* and with it the lock */
    return 0;
  }
  vb_buf_addf(B->err, "%s: replaced again and again while waiting for it", B->out);
  return -1;
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int vb_index_build(const char *out_path, const char *const *paths, int n, const vb_iopts *o,
                   size_t *nfiles, size_t *nbytes, vb_buf *err) {
  build B;
  int rc = -1, exists, held = -1;
  double wait = o ? o->wait : 0;
  char *real = NULL;
  struct stat lst;
  size_t k = 0;
  memset(&B, 0, sizeof B);
  /* a link to an index: the index it names is written, the link stays */
  if (lstat(out_path, &lst) == 0 && S_ISLNK(lst.st_mode) && (real = realpath(out_path, NULL))) out_path = real;
  B.out = out_path; B.err = err; B.warn = o ? o->warn : NULL; B.prog = o ? o->progress : NULL;
  if (!replaceable(out_path, &exists, err)) goto out;
  for (int i = 0; i < n; i++) {
    char *rp = realpath(paths[i], NULL);
    if (!rp) { vb_buf_addf(err, "%s: %s", paths[i], strerror(errno)); goto out; }
    if (vb_walk(rp, &B.files, B.warn, err)) { free(rp); goto out; }
    if (!(o && o->speakers)) free(rp);             /* no speakers: no file needs its root */
    else if (vb_push(&B.roots, rp)) { free(rp); vb_buf_adds(err, "out of memory"); goto out; }
  }
  B.rspk = o ? o->speakers : NULL;
  /* each file once (a folder given twice, or inside another given), and never the index
   * itself when it lies in a folder it indexes */
  if (B.files.n) qsort(B.files.v, B.files.n, sizeof *B.files.v, cmpstr);
  {
    char *self = exists ? realpath(out_path, NULL) : NULL;
    for (size_t i = 0; i < B.files.n; i++) {
      if ((k && !strcmp(B.files.v[i], B.files.v[k - 1])) || (self && !strcmp(B.files.v[i], self))) free(B.files.v[i]);
      else B.files.v[k++] = B.files.v[i];
    }
    B.files.n = k;
    free(self);
  }
  if (!o || !o->append) rc = build_new(&B, 0);
  else
    for (int tries = 0; tries < 100; tries++) {
      build_reset(&B);
      if ((rc = append(&B, wait, &held)) <= 0) break;
      build_reset(&B);
      if (held >= 0) { rc = build_new(&B, 0); break; }   /* an empty file, locked: replaced */
      if ((rc = build_new(&B, 1)) <= 0) break;           /* 1: made meanwhile, append to it */
    }
  if (rc > 0) { vb_buf_addf(err, "%s: made and replaced again and again while indexing", out_path); rc = -1; }
  if (!rc) {
    if (nfiles) *nfiles = B.done;
    if (nbytes) *nbytes = B.bytes;
  }
out:
  if (held >= 0) close(held);
  free(real);
  build_reset(&B);
  vb_paths_free(&B.files);
  vb_paths_free(&B.roots);
  vb_toks_free(&B.toks);
  vb_vfree(&B.spans);
  vb_vfree(&B.G);
  vb_vfree(&B.K);
  seg_free(&B.s);
  return rc;
}

/* ---------------------------------------------------------------- reading */

void vb_index_close(vb_index *x) {
  if (!x) return;
  for (size_t i = 0; i < x->segs.n; i++) free(x->segs.v[i].state);
  vb_vfree(&x->segs);
  if (x->map) munmap(x->map, x->size);
  free(x);
}

/* The optional sections: all of them or none (then g->ids is NULL: an older index), and
 * in order. 1 when they do not hold together. */
static int extras_bad(vb_idx_seg *g, uint64_t seen) {
  const uint64_t all = 0xfc0;                    /* IDS .. FREQ */
  uint64_t nf = g->h->nfiles;
  if ((seen & all) != all) { g->ids = NULL; return (seen & all) != 0; }
  if (g->flab[0] != 0 || g->flab[nf] > g->labels_size) return 1;
  for (uint64_t i = 0; i < nf; i++)
    if (g->flab[i] >= g->flab[i + 1] || g->flab[i + 1] > g->flab[nf] || g->labels[g->flab[i + 1] - 1] != '\0') return 1;
  for (uint64_t i = 1; i < g->nwords; i++) if (g->words[i - 1].h >= g->words[i].h) return 1;
  for (uint64_t i = 1; i < g->nfreq; i++) if (g->freq[i - 1].id >= g->freq[i].id) return 1;
  return 0;
}

/* Check one segment at p (avail bytes) before trusting a single offset in it. */
static const char *seg_parse(const unsigned char *p, uint64_t avail, vb_idx_seg *g) {
  const vb_idx_seghdr *h = (const vb_idx_seghdr *)(const void *)p;
  const vb_idx_sect *t;
  uint64_t nb, seen = 0;
  if (avail < sizeof *h || memcmp(h->magic, VB_IDX_SEG_MAGIC, 8)) return "corrupt index (bad segment magic)";
  if (h->size > avail || h->size < sizeof *h || h->size % 8) return "truncated or corrupt index";
  if (h->nsect > (h->size - sizeof *h) / sizeof *t) return "corrupt index section table";
  if (h->dir_bits < 1 || h->dir_bits > 30 || h->k != VB_IDX_K || h->w < 1) return "index from another version";
  if (h->nfiles > h->size / sizeof(vb_idx_file) || h->nposts > h->size / 5 || h->total > UINT32_MAX)
    return "corrupt index header";
  memset(g, 0, sizeof *g);
  g->h = h;
  g->sect = t = (const vb_idx_sect *)(const void *)(p + sizeof *h);
  nb = (uint64_t)1 << h->dir_bits;
  for (uint32_t k = 0; k < h->nsect; k++) {
    const void *at;
    uint64_t want;
    if (t[k].off < sizeof *h + h->nsect * sizeof *t || t[k].off > h->size || t[k].size > h->size - t[k].off ||
        t[k].off % 8)
      return "corrupt index section table";
    at = p + t[k].off;                           /* only once the offset is known to be inside */
    switch (t[k].id) {
    case VB_SECT_FILES: want = h->nfiles * sizeof(vb_idx_file); g->files = at; break;
    case VB_SECT_NAMES: want = t[k].size; g->names = at; g->names_size = t[k].size; break;
    case VB_SECT_DIR: want = (nb + 1) * 4; g->dir = at; break;
    case VB_SECT_LOCS: want = h->nposts * 4; g->locs = at; break;
    case VB_SECT_CHECKS: want = h->nposts; g->checks = at; break;
    case VB_SECT_IDS: want = h->nposts * 4; g->ids = at; break;
    case VB_SECT_WORDS: want = t[k].size - t[k].size % sizeof(vb_idx_wc); g->words = at; g->nwords = want / sizeof(vb_idx_wc); break;
    case VB_SECT_FTOTAL: want = h->nfiles * 8; g->ftotal = at; break;
    case VB_SECT_FLAB: want = (h->nfiles + 1) * 8; g->flab = at; break;
    case VB_SECT_LABELS: want = t[k].size; g->labels = at; g->labels_size = t[k].size; break;
    case VB_SECT_FREQ: want = t[k].size - t[k].size % sizeof(vb_idx_fg); g->freq = at; g->nfreq = want / sizeof(vb_idx_fg); break;
    default:
      if (t[k].flags & VB_IDX_REQUIRED) return "index made by a newer verbatim (a section it needs is unknown here)";
      continue;
    }
    if (seen & ((uint64_t)1 << t[k].id)) return "corrupt index section table";
    seen |= (uint64_t)1 << t[k].id;
    if (t[k].size != want) return "corrupt index sizes";
  }
  if ((seen & 0x3e) != 0x3e) return "corrupt index (a section is missing)";
  if (extras_bad(g, seen)) return "corrupt index counts or labels";
  if (g->dir[0] != 0 || g->dir[nb] != h->nposts) return "corrupt index directory";
  for (uint64_t b = 0; b < nb; b++) if (g->dir[b] > g->dir[b + 1]) return "corrupt index directory";
  if (h->nfiles && (!g->names_size || g->names[g->names_size - 1] != '\0')) return "corrupt index names";
  for (uint64_t i = 0; i < h->nfiles; i++) {
    const vb_idx_file *e = &g->files[i];
    if (e->name >= g->names_size || e->base > h->total || e->size > h->total - e->base ||
        (i && e->base < g->files[i - 1].base))
      return "corrupt index file table";
  }
  return NULL;
}

/* A commit record that holds: its magic, its sum, an end inside the file. */
static int commit_ok(const vb_idx_commit *c, uint64_t fsize) {
  return !memcmp(c->magic, VB_IDX_COMMIT_MAGIC, 8) && c->sum == vb_idx_sum(c, offsetof(vb_idx_commit, sum)) &&
         c->end >= VB_IDX_HEAD && c->end <= fsize && c->end % 8 == 0 && c->seq > 0;
}

/* Map the index open at fd as of its last commit. */
static vb_index *index_map(int fd, const char *path, vb_buf *err) {
  struct stat st;
  vb_index *x;
  const char *why = NULL;
  unsigned char page[VB_IDX_HEAD];
  vb_idx_head h;
  vb_idx_commit c[2];
  const vb_idx_commit *use = NULL;
  uint64_t off, total = 0;
  seen_set seen = {0};
  int tries = 0;
again:
  if (fstat(fd, &st)) { vb_buf_addf(err, "%s: %s", path, strerror(errno)); return NULL; }
  if (!S_ISREG(st.st_mode)) { vb_buf_addf(err, "%s: not an index file", path); return NULL; }
  if (st.st_size <= 0) { vb_buf_addf(err, "%s: empty index", path); return NULL; }
  memset(page, 0, sizeof page);
  if (get_at(fd, page, st.st_size < VB_IDX_HEAD ? (size_t)st.st_size : VB_IDX_HEAD, 0)) {
    vb_buf_addf(err, "%s: %s", path, strerror(errno));
    return NULL;
  }
  memcpy(&h, page, sizeof h);
  if (memcmp(h.magic, VB_IDX_MAGIC, 8))
    why = memcmp(h.magic, "VBIDX0", 6) ? "not a verbatim index (bad magic)"
                                       : "index made by another version of verbatim (build it again: verbatim index --output)";
  else if (st.st_size < VB_IDX_HEAD) why = "truncated or corrupt index";
  else if (h.order != VB_IDX_ORDER) why = "index made on a machine of another byte order";
  else if (h.version != VB_IDX_VERSION || h.head_size != VB_IDX_HEAD) why = "index made by another version of verbatim";
  if (!why) {
    memcpy(&c[0], page + VB_IDX_COMMIT0, sizeof c[0]);
    memcpy(&c[1], page + VB_IDX_COMMIT1, sizeof c[1]);
    for (int k = 0; k < 2; k++)
      if (commit_ok(&c[k], (uint64_t)st.st_size) && (!use || c[k].seq > use->seq)) use = &c[k];
    if (!use) {
      /* two commits while we read the head (each record is rewritten every other
       * commit): read it again, as of the file's new size */
      struct stat now;
      if (tries++ < 5 && fstat(fd, &now) == 0 && now.st_size != st.st_size) goto again;
      why = "corrupt index (no valid commit record)";
    }
  }
  if (why) { vb_buf_addf(err, "%s: %s", path, why); return NULL; }
  if (!(x = calloc(1, sizeof *x))) { vb_buf_adds(err, "out of memory"); return NULL; }
  x->size = (size_t)use->end;
  x->seq = use->seq;
  x->map = mmap(NULL, x->size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (x->map == MAP_FAILED) { x->map = NULL; vb_buf_addf(err, "%s: %s", path, strerror(errno)); free(x); return NULL; }
  for (off = VB_IDX_HEAD; off < x->size && !why;) {
    vb_idx_seg g;
    if ((why = seg_parse((const unsigned char *)x->map + off, x->size - off, &g))) break;
    g.state = calloc(g.h->nfiles ? g.h->nfiles : 1, 1);
    if (!g.state || vb_push(&x->segs, g)) { free(g.state); why = "out of memory"; break; }
    off += g.h->size;
    total += g.h->nfiles;
  }
  if (!why && x->segs.n != use->nsegs) why = "corrupt index (segments and commit record disagree)";
  if (!why && seen_init(&seen, total)) why = "out of memory";
  if (why) { vb_buf_addf(err, "%s: %s", path, why); vb_index_close(x); return NULL; }
  for (size_t k = x->segs.n; k-- > 0;) {          /* newest entry of a file wins */
    vb_idx_seg *g = &x->segs.v[k];
    for (size_t j = g->h->nfiles; j-- > 0;) {
      size_t slot;
      if (seen_add(&seen, g->names + g->files[j].name, &slot)) g->state[j] = VB_IDX_SHADOWED;
      else x->nlive++;
    }
  }
  free(seen.v);
  vb_index_settle(x);
  return x;
}

vb_index *vb_index_open(const char *path, vb_buf *err) {
  /* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused after fstat */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  vb_index *x;
  if (fd < 0) { vb_buf_addf(err, "%s: %s", path, strerror(errno)); return NULL; }
  x = index_map(fd, path, err);
  close(fd);
  return x;
}

const void *vb_index_section(const vb_index *x, size_t seg, uint32_t id, size_t *size) {
  const vb_idx_seg *g = &x->segs.v[seg];
  for (uint32_t k = 0; k < g->h->nsect; k++)
    if (g->sect[k].id == id) {
      if (size) *size = (size_t)g->sect[k].size;
      return (const char *)g->h + g->sect[k].off;
    }
  return NULL;
}
