/* bench_quotes.c: quote finder throughput on one core.
 * usage: bench_quotes [DIR...]  (else $VB_CORPUS, else the PolNeAR train and dev texts
 * beside the repository: see corpus.h; no text: skipped)
 * Every .txt file is read and concatenated in memory, then vb_quotes_find runs over the
 * whole buffer repeatedly; the best round is reported as `quotes: N MB/s`. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "buf.h"
#include "quotes.h"
#include "corpus.h"

static int read_file(const char *path, vb_buf *all, int *files) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
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
  return 0;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  vb_buf all = {0};
  vb_paths paths = {0};
  const char *where = "";
  int files = 0;
  double best = 1e30, total = 0;
  size_t nq = 0, rounds = 0;
  if (vb_bench_corpus("bench_quotes", argc, argv, &paths, &where)) { fprintf(stderr, "bench_quotes: out of memory\n"); return 1; }
  for (size_t k = 0; k < paths.n; k++) read_file(paths.v[k], &all, &files);
  vb_paths_free(&paths);
  if (all.oom) { fprintf(stderr, "bench_quotes: out of memory\n"); return 1; }
  if (!files || !all.n) { printf("quotes: skipped (no .txt files in %s)\n", where); vb_buf_free(&all); return 0; }
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
