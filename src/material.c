/* material.c: the material quotes are checked against (see material.h): the list of
 * files, in-memory texts and indexes, and the file helpers. Adding a folder only lists
 * its files; the checker reads each one when it scans it, one at a time. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
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
  return vb_material_add_path_as(M, path, NULL, err);
}

int vb_material_add_path_as(vb_material *M, const char *path, const char *speaker, vb_buf *err) {
  vb_paths p = {0};
  if (vb_walk(path, &p, err)) { vb_paths_free(&p); return -1; }
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

int vb_material_add_index(vb_material *M, struct vb_index *x) { return vb_push(&M->idx, x); }

void vb_material_free(vb_material *M) {
  for (size_t i = 0; i < M->v.n; i++) { free(M->v.v[i].name); free(M->v.v[i].key); }
  vb_vfree(&M->v);
  vb_vfree(&M->idx);
}
