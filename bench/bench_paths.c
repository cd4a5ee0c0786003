/* bench_paths: the two ways to the same answer, scan and index, timed side by side.
 *
 *   build/bench/bench_paths           (VB_BENCH_PATHS_MB=10: the archive's size)
 *
 * It writes transcripts of its own making (labelled turns, a Zipf vocabulary of made-up
 * words, phrases said again), then on
 *   1. an archive of VB_BENCH_PATHS_MB MB,
 *   2. the same first MB copied 16 times (an archive that repeats itself, as wire copy does),
 * checks one draft of 200 quotes (exact, changed, absent) by a scan of the files and
 * through an index of them, and prints each path's time (the best of three; CPU time, so
 * that other work on the machine counts less), the index's build time apart, how many
 * verdicts differ between the paths (0 is the promise), and the index's lead. Then 20
 * drafts of 10 quotes: one vb_check_many against 20 vb_check calls. VB_BENCH_KEEP=1 keeps
 * the files (the folder is printed). */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "check.h"
#include "index.h"
#include "material.h"
#include "quotes.h"

static uint64_t rng = 0x2545F4914F6CDD1DULL;
static uint64_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
static size_t rndn(size_t n) { return n ? (size_t)(rnd() % n) : 0; }

static double cpu(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

#define NW 8000
static char words[NW][14];

static void make_words(void) {
  static const char *syl[] = {"da", "ve", "ro", "tin", "ma", "sel", "ko", "ur", "pe", "lan", "is", "bo"};
  for (int i = 0; i < NW; i++) {
    int k = 1 + (i > 50) + (i > 900) + (int)rndn(2);
    words[i][0] = 0;
    for (int j = 0; j < k; j++) strcat(words[i], syl[rndn(12)]);
  }
}

/* rank r with probability about 1/r */
static const char *word(void) {
  size_t r = 1;
  for (int k = 0; k < 13 && rndn(2); k++) r *= 2;
  return words[(r - 1 + rndn(r)) % NW];
}

static void turn(vb_buf *b) {
  static const char *const who[] = {"HALVOR", "MS. ISAKSEN", "TOMAS RIVA", "Q"};
  vb_buf_addf(b, "%s: ", who[rndn(4)]);
  for (size_t s = 0, ns = 1 + rndn(5); s < ns; s++) {
    for (size_t i = 0, n = 8 + rndn(20); i < n; i++) {
      if (i) vb_buf_addc(b, ' ');
      vb_buf_adds(b, word());
    }
    vb_buf_adds(b, ". ");
  }
  vb_buf_adds(b, "\n\n");
}

/* files of about 20 KB in dir until mb MB */
static int write_archive(const char *dir, size_t mb) {
  vb_buf b = {0};
  size_t total = 0;
  mkdir(dir, 0700);
  for (int f = 0; total < mb * 1000000; f++) {
    char p[600];
    FILE *o;
    b.n = 0;
    while (b.n < 20000) turn(&b);
    if (snprintf(p, sizeof p, "%s/t%05d.txt", dir, f) >= (int)sizeof p) { fprintf(stderr, "bench_paths: path too long\n"); return -1; }
    if (!(o = fopen(p, "wb")) || fwrite(b.p, 1, b.n, o) != b.n) { perror(p); return -1; }
    fclose(o);
    total += b.n;
  }
  vb_buf_free(&b);
  return 0;
}

/* n quotes from the files under dir: a third exact, a third with a word changed, a third
 * of words nobody said */
static void draft(const char *dir, size_t n, vb_buf *d) {
  vb_paths p = {0};
  vb_buf t = {0}, err = {0};
  vb_walk(dir, &p, NULL, &err);
  for (size_t i = 0; i < n; i++) {
    size_t a, e, w = 0, len = 6 + rndn(30);
    vb_read_file(p.v[rndn(p.n)], &t, &err);
    a = rndn(t.n - 400);
    while (a < t.n && t.p[a] != ' ') a++;
    a++;
    for (e = a; e < t.n && w < len && t.p[e] != '\n' && t.p[e] != ':'; e++) w += t.p[e] == ' ';
    vb_buf_adds(d, "\xe2\x80\x9c");
    if (i % 3 == 2) for (size_t k = 0; k < len; k++) vb_buf_addf(d, "%s%s", k ? " " : "", word());
    else {
      vb_buf_add(d, t.p + a, e - a);
      if (i % 3 == 1) vb_buf_adds(d, " zuvelka");
    }
    vb_buf_adds(d, "\xe2\x80\x9d said Tomas Riva.\n\n");
  }
  vb_paths_free(&p); vb_buf_free(&t); vb_buf_free(&err);
}

/* Best of three CPU times of checking d against M; verdicts into out (the last run). */
static double timed(const vb_buf *d, const vb_quotes *qs, const vb_material *M, vb_checked *out) {
  double best = 1e9;
  vb_buf err = {0};
  for (int r = 0; r < 3; r++) {
    double t0 = cpu(), t;
    vb_checked_free(out);
    memset(out, 0, sizeof *out);
    if (vb_check(d->p, d->n, qs, NULL, M, NULL, out, &err)) { fprintf(stderr, "bench_paths: %s\n", err.p); exit(2); }
    t = cpu() - t0;
    if (t < best) best = t;
  }
  vb_buf_free(&err);
  return best;
}

static void compare(const char *what, const char *dir, const char *idxpath) {
  vb_material S, X;
  vb_buf d = {0}, err = {0};
  vb_quotes qs = {0};
  vb_checked a, b;
  vb_index *x;
  const char *paths[1];
  double ts, ti, tb;
  size_t diffs = 0;
  memset(&S, 0, sizeof S); memset(&X, 0, sizeof X); memset(&a, 0, sizeof a); memset(&b, 0, sizeof b);
  draft(dir, 200, &d);
  vb_quotes_find(d.p, d.n, NULL, &qs);
  if (getenv("VB_BENCH_KEEP")) {
    char p[700];
    FILE *o;
    snprintf(p, sizeof p, "%s.draft", idxpath);
    if ((o = fopen(p, "wb"))) { fwrite(d.p, 1, d.n, o); fclose(o); }
  }
  paths[0] = dir;
  tb = cpu();
  if (vb_index_build(idxpath, paths, 1, 0, NULL, NULL, &err) || !(x = vb_index_open(idxpath, &err))) {
    fprintf(stderr, "bench_paths: %s\n", err.p); exit(2);
  }
  tb = cpu() - tb;
  vb_material_add_path(&S, dir, &err);
  vb_material_add_index(&X, x);
  ts = timed(&d, &qs, &S, &a);
  ti = timed(&d, &qs, &X, &b);
  for (size_t i = 0; i < a.r.n; i++) diffs += a.r.v[i].verdict != b.r.v[i].verdict;
  printf("%-22s scan %7.3f s  index %7.3f s  (built in %.2f s)  index %.1fx faster  verdicts differing %zu of %zu\n",
         what, ts, ti, tb, ti > 0 ? ts / ti : 0.0, diffs, a.r.n);
  vb_checked_free(&a); vb_checked_free(&b);
  vb_quotes_free(&qs);
  vb_material_free(&S); vb_material_free(&X);
  vb_index_close(x);
  vb_buf_free(&d); vb_buf_free(&err);
}

/* 20 drafts: one pass for all against a pass each */
static void bulk(const char *dir) {
  vb_material S;
  vb_buf d[20], err = {0};
  vb_quotes qs[20];
  vb_checked c[20];
  vb_dtext dt[20];
  double t0, one, each;
  memset(&S, 0, sizeof S); memset(d, 0, sizeof d); memset(qs, 0, sizeof qs); memset(c, 0, sizeof c);
  vb_material_add_path(&S, dir, &err);
  for (int k = 0; k < 20; k++) {
    draft(dir, 10, &d[k]);
    vb_quotes_find(d[k].p, d[k].n, NULL, &qs[k]);
    dt[k].s = d[k].p; dt[k].n = d[k].n; dt[k].qs = &qs[k]; dt[k].speakers = NULL;
  }
  t0 = cpu();
  if (vb_check_many(dt, 20, &S, NULL, c, &err)) { fprintf(stderr, "bench_paths: %s\n", err.p); exit(2); }
  one = cpu() - t0;
  for (int k = 0; k < 20; k++) { vb_checked_free(&c[k]); memset(&c[k], 0, sizeof c[k]); }
  t0 = cpu();
  for (int k = 0; k < 20; k++)
    if (vb_check(d[k].p, d[k].n, &qs[k], NULL, &S, NULL, &c[k], &err)) { fprintf(stderr, "bench_paths: %s\n", err.p); exit(2); }
  each = cpu() - t0;
  printf("%-22s one pass %7.3f s  a pass each %7.3f s  (%.1fx)\n", "20 drafts, scan", one, each, one > 0 ? each / one : 0.0);
  for (int k = 0; k < 20; k++) { vb_checked_free(&c[k]); vb_quotes_free(&qs[k]); vb_buf_free(&d[k]); }
  vb_material_free(&S);
  vb_buf_free(&err);
}

int main(void) {
  char tmp[] = "/tmp/vb-bench-paths-XXXXXX", arch[600], rep[600], idx[600], cmd[1400];
  size_t mb = getenv("VB_BENCH_PATHS_MB") ? (size_t)atol(getenv("VB_BENCH_PATHS_MB")) : 10;
  make_words();
  if (!mkdtemp(tmp)) { perror("mkdtemp"); return 2; }
  snprintf(arch, sizeof arch, "%s/archive", tmp);
  snprintf(rep, sizeof rep, "%s/repeated", tmp);
  snprintf(idx, sizeof idx, "%s/index", tmp);
  if (write_archive(arch, mb)) return 2;
  printf("bench_paths: the same 200 quotes by a scan and through an index (CPU seconds, best of 3)\n");
  {
    char name[64];
    snprintf(name, sizeof name, "%zu MB archive", mb);
    compare(name, arch, idx);
  }
  /* the first MB, 16 times */
  mkdir(rep, 0700);
  for (int c = 0; c < 16; c++) {
    if (snprintf(cmd, sizeof cmd, "mkdir '%s/c%02d' && cp '%s'/t000[0-4]?.txt '%s/c%02d/'", rep, c, arch, rep, c) >=
            (int)sizeof cmd || system(cmd)) { fprintf(stderr, "bench_paths: could not copy\n"); return 2; }
  }
  compare("16 x the same 1 MB", rep, idx);
  bulk(arch);
  if (getenv("VB_BENCH_KEEP")) { printf("bench_paths: kept %s\n", tmp); return 0; }
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
  if (system(cmd)) fprintf(stderr, "bench_paths: could not remove %s\n", tmp);
  return 0;
}
