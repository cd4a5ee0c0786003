/* bench_attrib.c: throughput of quotes + attribution over a corpus (one core), and the
 * time to analyse one 10,000-word article.
 *   build/bench/bench_attrib [DIR...]   (else $VB_CORPUS, else the PolNeAR train and dev
 *   texts beside the repository: see corpus.h)
 * Skips with a note when no corpus is found. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "analyze.h"
#include "corpus.h"

typedef struct doc { char *p; size_t n; } doc;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int load(const char *path, doc *d) {
  FILE *f = fopen(path, "rb");
  long n;
  if (!f) return -1;
  if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) { fclose(f); return -1; }
  d->p = malloc((size_t)n + 1);
  if (!d->p || fread(d->p, 1, (size_t)n, f) != (size_t)n) { free(d->p); fclose(f); return -1; }
  d->n = (size_t)n;
  fclose(f);
  return 0;
}

static int add_doc(const char *path, doc **docs, size_t *nd, size_t *cap) {
  if (*nd == *cap) {
    doc *m = realloc(*docs, (*cap = *cap ? *cap * 2 : 256) * sizeof **docs);
    if (!m) return -1;
    *docs = m;
  }
  if (!load(path, &(*docs)[*nd])) (*nd)++;
  return 0;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  vb_paths paths = {0};
  const char *where = "";
  doc *docs = NULL, big = {0};
  size_t nd = 0, cap = 0, bytes = 0, quotes = 0, attributed = 0, words = 0;
  vb_aopts o;
  vb_cues *cues;
  double t0, t, best = 1e9, times[41];
  int passes = 0;
  char err[128];
  if (vb_bench_corpus("bench_attrib", argc, argv, &paths, &where)) { fprintf(stderr, "bench_attrib: out of memory\n"); return 1; }
  for (size_t i = 0; i < paths.n; i++)
    if (add_doc(paths.v[i], &docs, &nd, &cap)) break;
  vb_paths_free(&paths);
  if (!nd) {
    printf("bench_attrib: no corpus found (no .txt files in %s), skipped\n", where);
    free(docs);
    return 0;
  }
  memset(&o, 0, sizeof o);
  cues = vb_cues_new(NULL, NULL, 0, err, sizeof err);   /* built once, as a long-lived caller would */
  o.cues = cues;
  if (!cues) { fprintf(stderr, "bench_attrib: %s\n", err); return 1; }
  for (size_t i = 0; i < nd; i++) bytes += docs[i].n;
  /* whole passes over the corpus until a second has gone by; report the best pass */
  t0 = now();
  do {
    double a = now();
    quotes = attributed = 0;
    for (size_t i = 0; i < nd; i++) {
      vb_analysis an;
      memset(&an, 0, sizeof an);
      if (vb_analyze(docs[i].p, docs[i].n, &o, &an)) { fprintf(stderr, "bench_attrib: out of memory\n"); return 1; }
      quotes += an.qs.q.n;
      for (size_t q = 0; q < an.attr.n; q++) attributed += an.attr.v[q].rule != NULL;
      vb_analysis_free(&an);
    }
    t = now() - a;
    if (t < best) best = t;
    passes++;
  } while (now() - t0 < 1.0 && passes < 20);
  printf("bench_attrib: quotes+attribution %.1f MB/s on one core (%zu files, %.1f MB, %zu quotes, %zu attributed, best of %d passes)\n",
         (double)bytes / best / 1e6, nd, (double)bytes / 1e6, quotes, attributed, passes);
  {
    /* the quote finder alone, for reference: what attribution adds on top */
    double qbest = 1e9;
    for (int r = 0; r < 5; r++) {
      double a = now();
      for (size_t i = 0; i < nd; i++) {
        vb_quotes qs;
        memset(&qs, 0, sizeof qs);
        if (vb_quotes_find(docs[i].p, docs[i].n, NULL, &qs)) return 1;
        vb_quotes_free(&qs);
      }
      t = now() - a;
      if (t < qbest) qbest = t;
    }
    printf("bench_attrib: (quote finder alone %.1f MB/s)\n", (double)bytes / qbest / 1e6);
  }
  /* one 10,000-word article: corpus texts joined by blank lines */
  big.p = malloc(bytes + 2 * nd + 1);
  if (!big.p) return 1;
  for (size_t i = 0; i < nd && words < 10000; i++) {
    int in = 0;
    size_t k;
    for (k = 0; k < docs[i].n && words < 10000; k++) {
      int sp = docs[i].p[k] == ' ' || docs[i].p[k] == '\n' || docs[i].p[k] == '\t';
      if (!sp && !in) words++;
      in = !sp;
    }
    memcpy(big.p + big.n, docs[i].p, k);
    big.n += k;
    memcpy(big.p + big.n, "\n\n", 2);
    big.n += 2;
  }
  for (int r = 0; r < 41; r++) {
    vb_analysis an;
    double a;
    memset(&an, 0, sizeof an);
    a = now();
    if (vb_analyze(big.p, big.n, &o, &an)) return 1;
    times[r] = now() - a;
    vb_analysis_free(&an);
  }
  qsort(times, 41, sizeof *times, cmp_double);
  printf("bench_attrib: one %zu-word article (%.0f kB) in %.3f ms (median of 41; goal < 2 ms)\n", words,
         (double)big.n / 1e3, times[20] * 1e3);
  {
    /* the same article without a prebuilt lexicon: what vb_analyze(s, n, NULL, …) costs */
    vb_analysis an;
    double a;
    memset(&an, 0, sizeof an);
    a = now();
    if (vb_analyze(big.p, big.n, NULL, &an)) return 1;
    printf("bench_attrib: the same with the lexicon built per call: %.3f ms\n", (now() - a) * 1e3);
    vb_analysis_free(&an);
  }
  free(big.p);
  for (size_t i = 0; i < nd; i++) free(docs[i].p);
  free(docs);
  vb_cues_free(cues);
  return 0;
}
