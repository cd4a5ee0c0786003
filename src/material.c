/* material.c: the material quotes are checked against (see material.h): the list of
 * files, in-memory texts and indexes, and the file helpers. Adding a folder only lists
 * its files; the checker reads each one when it scans it, one at a time. */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE              /* madvise */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
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

static int walk(const char *path, vb_paths *out, vb_buf *err, int depth) {
  struct stat st;
  DIR *d;
  struct dirent *e;
  vb_paths names = {0};
  int rc = 0;
  if (stat(path, &st)) { vb_buf_addf(err, "%s: %s", path, strerror(errno)); return -1; }
  if (!S_ISDIR(st.st_mode)) {
    char *p;
    if (!S_ISREG(st.st_mode)) { vb_buf_addf(err, "%s: not a file or folder", path); return -1; }
    p = join("", path);
    if (!p || vb_push(out, p)) { free(p); vb_buf_adds(err, "out of memory"); return -1; }
    return 0;
  }
  if (depth > 64) return 0;                      /* a symlink loop */
  if (!(d = opendir(path))) { vb_buf_addf(err, "%s: %s", path, strerror(errno)); return -1; }
  while ((e = readdir(d)) != NULL) {
    char *p;
    if (e->d_name[0] == '.') continue;
    if (!(p = join(path, e->d_name)) || vb_push(&names, p)) { free(p); rc = -1; vb_buf_adds(err, "out of memory"); break; }
  }
  closedir(d);
  if (names.n) qsort(names.v, names.n, sizeof *names.v, cmpstr);
  for (size_t i = 0; i < names.n && !rc; i++) {
    if (stat(names.v[i], &st)) continue;        /* vanished or a dangling link */
    if (S_ISDIR(st.st_mode)) rc = walk(names.v[i], out, err, depth + 1);
    else if (S_ISREG(st.st_mode)) {
      if (vb_push(out, names.v[i])) { rc = -1; vb_buf_adds(err, "out of memory"); break; }
      names.v[i] = NULL;
    }
  }
  vb_paths_free(&names);
  return rc;
}

int vb_walk(const char *path, vb_paths *out, vb_buf *err) { return walk(path, out, err, 0); }

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
      dropped++;
    } else M->v.v[k++] = M->v.v[i];
  }
  M->v.n = k;
  return dropped;
}

int vb_read_file(const char *path, vb_buf *b, vb_buf *err) {
  int fd = open(path, O_RDONLY);
  struct stat st;
  b->n = 0;
  if (fd < 0) { vb_buf_addf(err, "%s: %s", path, strerror(errno)); return -1; }
  if (fstat(fd, &st) == 0 && st.st_size > 0 && vb_buf_reserve(b, (size_t)st.st_size)) {
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
  vb_paths p = {0};
  if (vb_walk(path, &p, err)) { vb_paths_free(&p); return -1; }
  for (size_t i = 0; i < p.n; i++) {
    vb_mtext s;
    s.name = p.v[i]; s.text = NULL; s.n = 0;
    if (vb_push(&M->v, s)) { vb_paths_free(&p); vb_buf_adds(err, "out of memory"); return -1; }
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
  s.text = text; s.n = n;
  if (vb_push(&M->v, s)) { free(s.name); return -1; }
  return 0;
}

int vb_material_add_index(vb_material *M, struct vb_index *x) { return vb_push(&M->idx, x); }

void vb_material_free(vb_material *M) {
  for (size_t i = 0; i < M->v.n; i++) free(M->v.v[i].name);
  vb_vfree(&M->v);
  vb_vfree(&M->idx);
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
