/* material.c: the material quotes are checked against (see material.h): the list of
 * files, in-memory texts and indexes, and the file helpers. Adding a folder only lists
 * its files; the checker reads each one when it scans it, one at a time. */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE              /* madvise */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "index.h"
#include "material.h"

/* ---------------------------------------------------------------- files */

void vb_paths_free(vb_paths *p) {
  for (size_t i = 0; i < p->n; i++) free(p->v[i]);
  vb_vfree(p);
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char *join(const char *a, const char *b) {
  size_t an = strlen(a), bn = strlen(b);
  char *p = malloc(an + bn + 2);
  if (!p) return NULL;
  memcpy(p, a, an);
  if (an && a[an - 1] != '/') p[an++] = '/';
  memcpy(p + an, b, bn + 1);
  return p;
}

/* A folder walk as `find -L` makes it, links followed: the (device, inode) of every
 * folder on the current path, so that a link back to one of them is a loop (skipped
 * with a warning), and of every folder and file met so far, so that one reached again
 * by another path (links that fan out) is walked or listed once. */
typedef struct devino { dev_t dev; ino_t ino; } devino;
typedef struct walker {
  vb_paths *out;
  vb_buf *warn, *err;
  VB_VEC(devino) up;            /* the folders on the path */
  devino *seen;                 /* open addressing, cap a power of two */
  size_t nseen, cap;
} walker;

static size_t di_hash(devino k) {
  uint64_t h = ((uint64_t)k.dev * 0x9e3779b97f4a7c15ULL) ^ (uint64_t)k.ino;
  h ^= h >> 29; h *= 0xbf58476d1ce4e5b9ULL; h ^= h >> 32;
  return (size_t)h;
}

/* Insert k: 1 when it was there, 0 added, -1 out of memory. */
static int seen_add(walker *W, devino k) {
  size_t m, i;
  if (W->nseen * 2 + 2 > W->cap) {
    size_t cap = W->cap ? W->cap * 2 : 64;
    devino *v = calloc(cap, sizeof *v);
    if (!v) return -1;
    for (size_t j = 0; j < W->cap; j++)
      if (W->seen[j].ino || W->seen[j].dev) {
        size_t a = di_hash(W->seen[j]) & (cap - 1);
        while (v[a].ino || v[a].dev) a = (a + 1) & (cap - 1);
        v[a] = W->seen[j];
      }
    free(W->seen);
    W->seen = v; W->cap = cap;
  }
  m = W->cap - 1;
  for (i = di_hash(k) & m; W->seen[i].ino || W->seen[i].dev; i = (i + 1) & m)
    if (W->seen[i].ino == k.ino && W->seen[i].dev == k.dev) return 1;
  W->seen[i] = k;
  W->nseen++;
  return 0;
}

static const char *kind(mode_t m) {
  return S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket" : S_ISCHR(m) || S_ISBLK(m) ? "a device" : "not a regular file";
}

static void warn(walker *W, const char *path, const char *why) {
  if (W->warn) vb_buf_addf(W->warn, "%s: warning: %s\n", path, why);
}

static int walk(walker *W, const char *path, const struct stat *dst) {
  DIR *d;
  struct dirent *e;
  vb_paths names = {0};
  devino self;
  int rc = 0;
  self.dev = dst->st_dev; self.ino = dst->st_ino;
  if (W->up.n >= 4096) { warn(W, path, "folders nested too deep, skipped"); return 0; }
  if (!(d = opendir(path))) { vb_buf_addf(W->err, "%s: %s", path, strerror(errno)); return -1; }
  while ((e = readdir(d)) != NULL) {
    char *p;
    if (e->d_name[0] == '.') continue;
    if (!(p = join(path, e->d_name)) || vb_push(&names, p)) { free(p); rc = -1; vb_buf_adds(W->err, "out of memory"); break; }
  }
  closedir(d);
  if (!rc && vb_push(&W->up, self)) { rc = -1; vb_buf_adds(W->err, "out of memory"); }
  if (names.n) qsort(names.v, names.n, sizeof *names.v, cmpstr);
  for (size_t i = 0; i < names.n && !rc; i++) {
    struct stat st;
    devino k;
    int r;
    if (stat(names.v[i], &st)) {                  /* vanished, a dangling link, a loop of links */
      struct stat lst;
      if (errno == ENOENT && lstat(names.v[i], &lst) == 0 && S_ISLNK(lst.st_mode)) warn(W, names.v[i], "a broken link, skipped");
      else if (errno != ENOENT) warn(W, names.v[i], strerror(errno));
      continue;
    }
    k.dev = st.st_dev; k.ino = st.st_ino;
    if (S_ISDIR(st.st_mode)) {
      int loop = 0;
      for (size_t j = 0; j < W->up.n && !loop; j++) loop = W->up.v[j].dev == k.dev && W->up.v[j].ino == k.ino;
      if (loop) { warn(W, names.v[i], "symlink loop, skipped"); continue; }
      if ((r = seen_add(W, k)) < 0) { rc = -1; vb_buf_adds(W->err, "out of memory"); break; }
      if (r == 0) rc = walk(W, names.v[i], &st);
    } else if (S_ISREG(st.st_mode)) {
      if ((r = seen_add(W, k)) < 0) { rc = -1; vb_buf_adds(W->err, "out of memory"); break; }
      if (r == 1) continue;                       /* the same file by another name */
      if (vb_push(W->out, names.v[i])) { rc = -1; vb_buf_adds(W->err, "out of memory"); break; }
      names.v[i] = NULL;
    } else {
      char why[64];
      snprintf(why, sizeof why, "%s, skipped", kind(st.st_mode));
      warn(W, names.v[i], why);
    }
  }
  if (W->up.n) W->up.n--;
  vb_paths_free(&names);
  return rc;
}

int vb_walk(const char *path, vb_paths *out, vb_buf *warn, vb_buf *err) {
  walker W;
  struct stat st;
  devino k;
  int rc;
  memset(&W, 0, sizeof W);
  W.out = out; W.warn = warn; W.err = err;
  if (stat(path, &st)) { vb_buf_addf(err, "%s: %s", path, strerror(errno)); return -1; }
  if (!S_ISDIR(st.st_mode)) {
    char *p;
    if (!S_ISREG(st.st_mode)) { vb_buf_addf(err, "%s: not a regular file or folder (%s)", path, kind(st.st_mode)); return -1; }
    p = join("", path);
    if (!p || vb_push(out, p)) { free(p); vb_buf_adds(err, "out of memory"); return -1; }
    return 0;
  }
  k.dev = st.st_dev; k.ino = st.st_ino;
  if (seen_add(&W, k) < 0) { vb_buf_adds(err, "out of memory"); return -1; }
  rc = walk(&W, path, &st);
  vb_vfree(&W.up);
  free(W.seen);
  return rc;
}

/* A file the material lists: it opens (read access is checked now, whatever the draft
 * holds) and holds at most max bytes. 0, or an errno value (EFBIG: larger than max). */
static int vet_one(const char *path, size_t max) {
  struct stat st;
  int fd = open(path, O_RDONLY | O_NONBLOCK), e = 0;   /* never waits on a FIFO */
  if (fd < 0) return errno ? errno : EIO;
  if (fstat(fd, &st)) e = errno ? errno : EIO;
  else if (max && S_ISREG(st.st_mode) && (unsigned long long)st.st_size > (unsigned long long)max) e = EFBIG;
  close(fd);
  return e;
}

size_t vb_paths_vet(vb_paths *p, size_t n0, size_t max, vb_vet_fn bad, void *ctx) {
  size_t k = n0, dropped = 0;
  for (size_t i = n0; i < p->n; i++) {
    int e = vet_one(p->v[i], max);
    if (e) {
      if (bad) bad(p->v[i], e, ctx);
      free(p->v[i]);
      dropped++;
    } else p->v[k++] = p->v[i];
  }
  p->n = k;
  return dropped;
}

size_t vb_material_vet(vb_material *M, size_t n0, size_t max, vb_vet_fn bad, void *ctx) {
  size_t k = n0, dropped = 0;
  for (size_t i = n0; i < M->v.n; i++) {
    int e = M->v.v[i].text ? 0 : vet_one(M->v.v[i].name, max);
    if (e) {
      if (bad) bad(M->v.v[i].name, e, ctx);
      free(M->v.v[i].name);
      free(M->v.v[i].key);
      dropped++;
    } else M->v.v[k++] = M->v.v[i];
  }
  M->v.n = k;
  return dropped;
}

int vb_read_file(const char *path, vb_buf *b, vb_buf *err) {
  /* O_NONBLOCK: a FIFO put where a file was must not wait for a writer */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  struct stat st;
  b->n = 0;
  if (fd < 0) { vb_buf_addf(err, "%s: %s", path, strerror(errno)); return -1; }
  if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
    vb_buf_addf(err, "%s: not a regular file", path);
    close(fd);
    return -1;
  }
  if (st.st_size > 0 && vb_buf_reserve(b, (size_t)st.st_size)) {
    close(fd);
    vb_buf_addf(err, "%s: out of memory", path);
    return -1;
  }
  for (;;) {
    ssize_t k;
    if (vb_buf_reserve(b, 65536)) { close(fd); vb_buf_addf(err, "%s: out of memory", path); return -1; }
    k = read(fd, b->p + b->n, b->cap - b->n - 1);
    if (k < 0) {
      if (errno == EINTR) continue;
      vb_buf_addf(err, "%s: %s", path, strerror(errno));
      close(fd);
      return -1;
    }
    if (k == 0) break;
    b->n += (size_t)k;
  }
  b->p[b->n] = '\0';
  close(fd);
  return 0;
}

/* ---------------------------------------------------------------- the material */

int vb_material_add_path(vb_material *M, const char *path, vb_buf *err) {
  return vb_material_add_path_as(M, path, NULL, err);
}

int vb_material_add_path_as(vb_material *M, const char *path, const char *speaker, vb_buf *err) {
  vb_paths p = {0};
  if (vb_walk(path, &p, &M->warn, err)) { vb_paths_free(&p); return -1; }
  for (size_t i = 0; i < p.n; i++) {
    vb_mtext s;
    s.name = p.v[i]; s.text = NULL; s.n = 0; s.speaker = speaker;
    s.key = realpath(s.name, NULL);             /* the name an index would give it: files in the same order */
    if (vb_push(&M->v, s)) { free(s.key); vb_paths_free(&p); vb_buf_adds(err, "out of memory"); return -1; }
    p.v[i] = NULL;
  }
  vb_paths_free(&p);
  return 0;
}

int vb_material_add_text(vb_material *M, const char *name, const char *text, size_t n) {
  vb_mtext s;
  size_t k = strlen(name);
  s.name = malloc(k + 1);
  if (!s.name) return -1;
  memcpy(s.name, name, k + 1);
  s.text = text; s.n = n; s.key = NULL; s.speaker = NULL;
  if (vb_push(&M->v, s)) { free(s.name); return -1; }
  return 0;
}

/* ---------------------------------------------------------------- indexed files now */

void vb_file_stamp(vb_idx_file *e, const struct stat *st) {
  e->fsize = (uint64_t)st->st_size;
  e->mtime = (int64_t)st->st_mtim.tv_sec; e->mtime_ns = (uint32_t)st->st_mtim.tv_nsec;
  e->ctime = (int64_t)st->st_ctim.tv_sec; e->ctime_ns = (uint32_t)st->st_ctim.tv_nsec;
}

int vb_file_stamp_same(const vb_idx_file *e, const struct stat *st) {
  vb_idx_file now;
  vb_file_stamp(&now, st);
  return now.fsize == e->fsize && now.mtime == e->mtime && now.mtime_ns == e->mtime_ns &&
         now.ctime == e->ctime && now.ctime_ns == e->ctime_ns;
}

int vb_index_refresh(vb_index *x, vb_cpaths *changed, vb_cpaths *missing) {
  vb_buf text = {0}, e2 = {0};
  int rc = 0;
  for (size_t k = 0; k < x->segs.n && !rc; k++) {
    vb_idx_seg *g = &x->segs.v[k];
    for (size_t j = 0; j < g->h->nfiles && !rc; j++) {
      const vb_idx_file *e = &g->files[j];
      const char *path = g->names + e->name;
      struct stat st;
      if (g->state[j] == VB_IDX_SHADOWED) continue;
      if (stat(path, &st) || !S_ISREG(st.st_mode)) g->state[j] = VB_IDX_MISSING;
      else if (vb_file_stamp_same(e, &st)) g->state[j] = VB_IDX_LIVE;
      else {
        /* touched, copied or restored: the text decides (decoded, as it was indexed) */
        vb_mview v;
        e2.n = 0;
        text.n = 0;
        if (vb_mview_open(&v, path, NULL, 0, &text, &e2)) g->state[j] = VB_IDX_MISSING;
        else {
          g->state[j] = vb_index_same(x, k, j, v.s, v.n) ? VB_IDX_LIVE : VB_IDX_CHANGED;
          vb_mview_close(&v);
        }
      }
      if (g->state[j] == VB_IDX_CHANGED && changed && vb_push(changed, path)) rc = -1;
      if (g->state[j] == VB_IDX_MISSING && missing && vb_push(missing, path)) rc = -1;
    }
  }
  vb_buf_free(&text);
  vb_buf_free(&e2);
  vb_index_settle(x);
  return rc;
}


/* Warnings name at most this many files of a kind, then count the rest. */
#define WARN_FILES 10

int vb_material_add_index(vb_material *M, struct vb_index *x) {
  vb_cpaths changed = {0}, missing = {0};
  int rc = vb_index_refresh(x, &changed, &missing);
  /* a changed file is read as it is now, like a --source: the index's entry for it
   * (left out of lookups by the refresh) no longer holds its words */
  for (size_t i = 0; i < changed.n && !rc; i++) {
    vb_mtext s;
    size_t k = strlen(changed.v[i]);
    s.text = NULL; s.n = 0; s.key = NULL; s.speaker = NULL;   /* the index's name is a real path */
    if (!(s.name = malloc(k + 1))) { rc = -1; break; }
    memcpy(s.name, changed.v[i], k + 1);
    if (vb_push(&M->v, s)) { free(s.name); rc = -1; break; }
    if (i < WARN_FILES)
      vb_buf_addf(&M->warn, "%s: warning: changed since it was indexed; checked as it is now (verbatim index --append updates the index)\n", s.name);
  }
  if (changed.n > WARN_FILES) vb_buf_addf(&M->warn, "warning: and %zu more indexed files changed since\n", changed.n - WARN_FILES);
  for (size_t i = 0; i < missing.n && i < WARN_FILES; i++)
    vb_buf_addf(&M->warn, "%s: warning: indexed, but missing or unreadable now; left out\n", missing.v[i]);
  if (missing.n > WARN_FILES) vb_buf_addf(&M->warn, "warning: and %zu more indexed files missing\n", missing.n - WARN_FILES);
  if (!rc) rc = vb_push(&M->idx, x);
  vb_vfree(&changed);
  vb_vfree(&missing);
  return rc || M->warn.oom ? -1 : 0;
}

void vb_material_free(vb_material *M) {
  for (size_t i = 0; i < M->v.n; i++) { free(M->v.v[i].name); free(M->v.v[i].key); }
  vb_vfree(&M->v);
  vb_vfree(&M->idx);
  vb_buf_free(&M->warn);
}

/* ---------------------------------------------------------------- an opened text */

static void release_to(vb_mview *v, size_t upto) {
  size_t pg = (size_t)sysconf(_SC_PAGESIZE), a, b;
  if (!v->map || !pg) return;
  if (upto < v->released) v->released = 0;
  a = v->released;
  if (upto > v->map_n) upto = v->map_n;
  b = upto - upto % pg;
  if (b > a) {
    madvise((char *)v->map + a, b - a, MADV_DONTNEED);
    v->released = b;
  }
}

static void pace_release(void *ud, size_t done) { release_to(ud, done); }

/* Map a regular file; read anything else (or when mapping fails). */
static int load_bytes(vb_mview *v, const char *path, vb_buf *err) {
  int fd = open(path, O_RDONLY);
  struct stat st;
  if (fd < 0) { vb_buf_addf(err, "%s: %s", path, strerror(errno)); return -1; }
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m != MAP_FAILED) {
      close(fd);
      v->map = m;
      v->map_n = (size_t)st.st_size;
      v->bytes = m;
      v->nbytes = v->map_n;
      return 0;
    }
  }
  close(fd);
  if (vb_read_file(path, &v->own, err)) return -1;
  v->bytes = (const unsigned char *)(v->own.p ? v->own.p : "");
  v->nbytes = v->own.n;
  return 0;
}

int vb_mview_open(vb_mview *v, const char *name, const char *text, size_t n, vb_buf *warn, vb_buf *err) {
  vb_buf w = {0};
  vb_pace pace;
  memset(v, 0, sizeof *v);
  if (text) { v->bytes = (const unsigned char *)text; v->nbytes = n; }
  else if (load_bytes(v, name, err)) return -1;
  pace.fn = pace_release; pace.ud = v;
  if (vb_decode(&v->dec, name, v->bytes, v->nbytes, &pace, &w)) goto oom;
  if (w.n) vb_buf_addf(warn, "%s: warning: %.*s\n", name, (int)w.n, w.p);
  vb_buf_free(&w);
  v->s = v->dec.s;
  v->n = v->dec.n;
  v->skip = v->dec.binary;
  /* the map keeps the original for its lookups; a decoded copy needs it no more */
  release_to(v, v->map_n);
  if (vb_turns_build(&v->turns, v->s, v->n, v->s == (const char *)v->bytes ? &pace : NULL)) goto oom;
  release_to(v, v->map_n);
  v->released = 0;
  return 0;
oom:
  vb_buf_free(&w);
  vb_buf_addf(err, "%s: out of memory", name);
  vb_mview_close(v);
  return -1;
}

void vb_mview_close(vb_mview *v) {
  vb_turns_free(&v->turns);
  vb_decoded_free(&v->dec);
  if (v->map) munmap(v->map, v->map_n);
  vb_buf_free(&v->own);
  memset(v, 0, sizeof *v);
}

void vb_mview_forget(vb_mview *v) {
  if (v->map) madvise(v->map, v->map_n, MADV_DONTNEED);
  v->released = 0;
}

void vb_mview_release(vb_mview *v, size_t off) {
  if (v->s == (const char *)v->bytes) release_to(v, off);
}

int vb_mview_words(const vb_mview *v, size_t lo, size_t hi, vb_wtoks *tk, vb_tspans *sp) {
  if (hi > v->n) hi = v->n;
  if (lo > hi) lo = hi;
  tk->t.n = 0;
  if (vb_tokenize(v->s + lo, hi - lo, 0, tk)) return -1;
  for (size_t i = 0; i < tk->t.n; i++) { tk->t.v[i].start += lo; tk->t.v[i].end += lo; }
  sp->n = 0;
  if (vb_turns_spans(&v->turns, v->s, v->n, lo, hi, sp)) return -1;
  vb_turns_filter(tk, 0, sp->v, sp->n);
  return 0;
}

/* A cut between words: after white space, and not after a hyphen that the tokenizer may
 * join to the next line's word (pro-\nposal). */
size_t vb_mview_cut(const vb_mview *v, size_t lo) {
  const unsigned char *s = (const unsigned char *)v->s;
  size_t i = lo + VB_WORDS_STEP, lim;
  if (v->n - lo <= VB_WORDS_STEP + VB_WORDS_STEP / 4) return v->n;
  lim = i + 65536 < v->n ? i + 65536 : v->n;
  for (; i < lim; i++) {
    if ((s[i] == ' ' || s[i] == '\n' || s[i] == '\t') && i + 1 < v->n && s[i + 1] != ' ' && s[i + 1] != '\n' && s[i + 1] != '\t') {
      size_t j = i;
      while (j > lo && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r')) j--;
      if (s[j] == '-' || s[j] == 0xAD || (s[j] == 0x90 || s[j] == 0x91)) continue;   /* - soft hyphen, U+2010/11 */
      return i + 1;
    }
  }
  /* no break in 64 KB: any UTF-8 boundary (a word this long is not one anyway) */
  i = lo + VB_WORDS_STEP;
  while (i < v->n && (s[i] & 0xC0) == 0x80) i++;
  return i;
}

void vb_mview_place(const vb_mview *v, size_t a, size_t b, size_t *o0, size_t *o1, uint32_t *line, uint32_t *col) {
  *o0 = vb_dec_orig(&v->dec, a);
  *o1 = b > a ? vb_dec_orig_end(&v->dec, b) : *o0;
  if (*o1 < *o0) *o1 = *o0;
  vb_dec_linecol(&v->dec, *o0, line, col);
}

int vb_mview_speaker(const vb_mview *v, size_t off, size_t *start, size_t *end) {
  return vb_turns_speaker(&v->turns, v->s, v->n, off, start, end);
}
