/* corpus.h: which texts bench_quotes and bench_attrib read (included by both; each
 * benchmark is one program, so the helpers are static).
 *
 * The .txt files, in a fixed order, of
 *   1. the folders or files named on the command line, else
 *   2. the folder $VB_CORPUS (`make bench VB_CORPUS=DIR` passes it), else
 *   3. the PolNeAR train and dev texts beside the repository,
 *      ../shared/data/polnear/{train,dev}/text from its top (where `make bench` runs).
 * Folders are searched recursively. A benchmark with no text prints a note and exits 0. */
#ifndef VB_BENCH_CORPUS_H
#define VB_BENCH_CORPUS_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "material.h"

static const char *const vb_bench_polnear[] = {"../shared/data/polnear/train/text",
                                               "../shared/data/polnear/dev/text"};

static int vb_bench_txt(const char *p) {
  size_t n = strlen(p);
  return n > 4 && !strcmp(p + n - 4, ".txt");
}

/* Adds the .txt files under path to out; a path that is not there is left out with a
 * note on stderr. -1 only when memory runs out. */
static int vb_bench_add(const char *prog, const char *path, vb_paths *out) {
  vb_paths all = {0};
  vb_buf err = {0};
  int rc = 0;
  if (vb_walk(path, &all, NULL, &err)) {
    if (err.p && strstr(err.p, "out of memory")) rc = -1;
    else fprintf(stderr, "%s: %s, skipped\n", prog, err.p ? err.p : path);
  }
  for (size_t i = 0; i < all.n && !rc; i++) {
    if (!vb_bench_txt(all.v[i]) && strcmp(all.v[i], path)) continue;   /* a file named is read */
    if (vb_push(out, all.v[i])) rc = -1;
    else all.v[i] = NULL;
  }
  vb_paths_free(&all);
  vb_buf_free(&err);
  return rc;
}

/* The corpus's files into out, and in *where what was searched (for the skip note).
 * 0, or -1 when memory runs out. */
static int vb_bench_corpus(const char *prog, int argc, char **argv, vb_paths *out, const char **where) {
  const char *env = getenv("VB_CORPUS");
  if (argc > 1) {
    *where = argv[1];
    for (int i = 1; i < argc; i++)
      if (vb_bench_add(prog, argv[i], out)) return -1;
  } else if (env && *env) {
    *where = env;
    if (vb_bench_add(prog, env, out)) return -1;
  } else {
    *where = "../shared/data/polnear/{train,dev}/text; set VB_CORPUS=DIR";
    for (size_t i = 0; i < sizeof vb_bench_polnear / sizeof *vb_bench_polnear; i++)
      if (vb_bench_add(prog, vb_bench_polnear[i], out)) return -1;
  }
  return 0;
}

#endif
