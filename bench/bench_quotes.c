/* bench_quotes.c: quote finder throughput on one core.
 * usage: bench_quotes [DIR...]  (default: the PolNeAR train and dev texts; absent: skipped)
 * Every .txt file is read and concatenated in memory, then vb_quotes_find runs over the
 * whole buffer repeatedly; the best round is reported as `quotes: N MB/s`. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "buf.h"
#include "quotes.h"

static int read_dir(const char *dir, vb_buf *all, int *files) {
  DIR *d = opendir(dir);
  struct dirent *e;
  if (!d) return -1;
  while ((e = readdir(d)) != NULL) {
    size_t len = strlen(e->d_name);
    char path[4096];
    FILE *f;
    if (len < 4 || strcmp(e->d_name + len - 4, ".txt")) continue;
    if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
    if (!(f = fopen(path, "rb"))) continue;
    for (;;) {
      size_t got;
      if (vb_buf_reserve(all, 65536)) break;
      got = fread(all->p + all->n, 1, 65536, f);
      all->n += got;
      if (got < 65536) break;
    }
    fclose(f);
    vb_buf_add(all, "\n\n", 2);   /* keep articles apart as paragraphs */
    (*files)++;
  }
  closedir(d);
  return 0;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  static const char *const defaults[] = {"/work/shared/data/polnear/train/text", "/work/shared/data/polnear/dev/text"};
  vb_buf all = {0};
  int files = 0, ndirs = argc > 1 ? argc - 1 : 2, found = 0;
  double best = 1e30, total = 0;
  size_t nq = 0, rounds = 0;
  for (int k = 0; k < ndirs; k++) {
    const char *dir = argc > 1 ? argv[k + 1] : defaults[k];
    if (read_dir(dir, &all, &files) == 0) found++;
    else fprintf(stderr, "bench_quotes: %s: not found, skipped\n", dir);
  }
  if (all.oom) { fprintf(stderr, "bench_quotes: out of memory\n"); return 1; }
  if (!found || !all.n) { printf("quotes: skipped (no text)\n"); vb_buf_free(&all); return 0; }
  /* at least five rounds and about two seconds: the best round is the figure */
  while (rounds < 5 || total < 2.0) {
    vb_quotes qs = {0};
    double t0 = now(), dt;
    if (vb_quotes_find(all.p, all.n, NULL, &qs)) { fprintf(stderr, "bench_quotes: out of memory\n"); return 1; }
    dt = now() - t0;
    nq = qs.q.n;
    vb_quotes_free(&qs);
    if (dt < best) best = dt;
    total += dt;
    rounds++;
  }
  printf("quotes: %.0f MB/s (%d files, %.1f MB, %zu quotes, best of %zu rounds)\n",
         (double)all.n / 1e6 / best, files, (double)all.n / 1e6, nq, rounds);
  vb_buf_free(&all);
  return 0;
}
