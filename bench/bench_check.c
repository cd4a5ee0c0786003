/* bench_check: quote checking at archive scale, next to two peers on the same quotes.
 *
 *   build/bench/bench_check [CORPUS_DIR]     (or VB_BENCH_CORPUS=DIR; VB_BENCH_MB=100)
 *
 * Without a corpus folder it writes VB_BENCH_MB of generated prose (a Zipf vocabulary
 * of made-up words) to a temporary folder. It samples sentences, alters them the way
 * quotes get altered (exact, changed word, ellipsis, bracket, splice, negative) and
 * writes one draft, then times:
 *   verbatim scan   vb_check over the folder: one pass for all quotes, with verdicts
 *   index build     vb_index_build, and the index's size
 *   verbatim index  vb_check through the index
 *   edlib           Myers' bit-parallel infix alignment, one scan of the corpus per
 *                   quote (a few quotes, extrapolated to all)
 *   grep -F -f      the exact quotes only, one pass, no verdicts
 * and prints each one's time, throughput and how many verdicts were right. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <edlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "check.h"
#include "index.h"

enum { EXACT, WORD, ELLIPSIS, BRACKET, SPLICE, NEGATIVE, NCLASS };
static const char *const cls_name[] = {"exact", "word", "ellipsis", "bracket", "splice", "negative"};
#define PER_CLASS 30
#define EDLIB_QUOTES 3

typedef struct quote { int cls; size_t file; size_t start, end; char *text; } quote;
typedef struct corpus { vb_paths files; VB_VEC(size_t) sizes; size_t bytes; } corpus;

static uint64_t rng = 88172645463325252ULL;
static uint64_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
static size_t rndn(size_t n) { return n ? (size_t)(rnd() % n) : 0; }

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---------------------------------------------------------------- corpus */

#define VOCAB 6000
static char vocab[VOCAB][12];
static double zipf[VOCAB];

static void make_vocab(void) {
  static const char *syl[] = {"ka", "lo", "mi", "ter", "an", "so", "rel", "vi", "to", "dun", "es", "pa", "gor",
                              "li", "un", "bra", "de", "os", "nim", "ha"};
  double sum = 0;
  for (int i = 0; i < VOCAB; i++) {
    int k = 1 + (i > 40) + (i > 600) + (int)rndn(2);
    vocab[i][0] = '\0';
    for (int j = 0; j < k; j++) strcat(vocab[i], syl[rndn(20)]);
    sum += 1.0 / (i + 1);
    zipf[i] = sum;
  }
  for (int i = 0; i < VOCAB; i++) zipf[i] /= sum;
}

static const char *word(void) {
  double u = (double)(rnd() >> 11) / 9007199254740992.0;
  size_t lo = 0, hi = VOCAB - 1;
  while (lo < hi) { size_t m = (lo + hi) / 2; if (zipf[m] < u) lo = m + 1; else hi = m; }
  return vocab[lo];
}

static void sentence(vb_buf *b) {
  size_t n = 10 + rndn(22);
  for (size_t i = 0; i < n; i++) {
    const char *w = word();
    if (i) vb_buf_addc(b, ' ');
    vb_buf_addc(b, i ? w[0] : w[0] - 32);
    vb_buf_adds(b, w + 1);
    if (i + 1 < n && rndn(9) == 0) vb_buf_addc(b, ',');
  }
  vb_buf_adds(b, ". ");
}

static int generate(const char *dir, size_t mb) {
  vb_buf b = {0};
  size_t total = 0;
  for (int f = 0; total < mb * 1000000; f++) {
    char path[700];
    FILE *fp;
    b.n = 0;
    for (size_t want = 2000 + rndn(8000); b.n < want;) {
      sentence(&b);
      if (rndn(5) == 0) vb_buf_adds(&b, "\n\n");
    }
    snprintf(path, sizeof path, "%s/doc-%06d.txt", dir, f);
    if (!(fp = fopen(path, "wb")) || fwrite(b.p, 1, b.n, fp) != b.n) { perror(path); return -1; }
    fclose(fp);
    total += b.n;
  }
  vb_buf_free(&b);
  return 0;
}

/* ---------------------------------------------------------------- quotes */

/* A sentence of file f: [start, end) of 12..40 words, or 0. */
static int pick(const char *s, size_t n, size_t *start, size_t *end) {
  for (int tries = 0; tries < 20; tries++) {
    size_t a = rndn(n), e, words = 1;
    while (a > 0 && !(s[a - 1] == ' ' && a >= 2 && s[a - 2] == '.')) a--;
    while (a < n && (s[a] == ' ' || s[a] == '\n')) a++;
    for (e = a; e < n && s[e] != '.'; e++) {
      /* no marks of its own: quotation marks, brackets, dashes and ellipses */
      if (s[e] == '\n' || s[e] == '"' || s[e] == '\'' || s[e] == '`' || s[e] == '[' || s[e] == ']' || (unsigned char)s[e] == 0xE2) break;
      words += s[e] == ' ';
    }
    if (e < n && s[e] == '.' && words >= 12 && words <= 40) { *start = a; *end = e + 1; return 1; }
  }
  return 0;
}

static char *alter(const char *s, size_t n, int cls, const char *other, size_t on) {
  vb_buf b = {0};
  size_t sp[64], k = 0;
  for (size_t i = 0; i < n && k < 64; i++) if (s[i] == ' ') sp[k++] = i;
  switch (cls) {
    case WORD: {                                 /* one word changed */
      size_t i = 2 + rndn(k - 4);
      vb_buf_add(&b, s, sp[i] + 1);
      vb_buf_adds(&b, "zorbelnik");
      vb_buf_add(&b, s + sp[i + 1], n - sp[i + 1]);
      break;
    }
    case ELLIPSIS: {                             /* 3..6 words left out */
      size_t i = 2 + rndn(k - 9), j = i + 3 + rndn(4);
      vb_buf_add(&b, s, sp[i]);
      vb_buf_adds(&b, rndn(2) ? " \xe2\x80\xa6" : " ...");
      vb_buf_add(&b, s + sp[j], n - sp[j]);
      break;
    }
    case BRACKET: {                              /* a word replaced by an insertion */
      size_t i = 2 + rndn(k - 4);
      vb_buf_add(&b, s, sp[i] + 1);
      vb_buf_adds(&b, "[the minister]");
      vb_buf_add(&b, s + sp[i + 1], n - sp[i + 1]);
      break;
    }
    case SPLICE: {                               /* halves of two sentences */
      size_t ok = 0, osp[64];
      for (size_t i = 0; i < on && ok < 64; i++) if (other[i] == ' ') osp[ok++] = i;
      vb_buf_add(&b, s, sp[k / 2]);
      vb_buf_add(&b, other + osp[ok / 2], on - osp[ok / 2]);
      break;
    }
    case NEGATIVE:
      for (int i = 0; i < 18; i++) { if (i) vb_buf_addc(&b, ' '); vb_buf_adds(&b, vocab[VOCAB / 2 + rndn(VOCAB / 2)]); }
      vb_buf_addc(&b, '.');
      break;
    default: vb_buf_add(&b, s, n);
  }
  return b.p;
}

static int located_right(const quote *q, const vb_cres *r, const char *name) {
  static const int want[NCLASS][4] = {{VB_VERBATIM, -1}, {VB_ALTERED, -1}, {VB_FAITHFUL, -1}, {VB_FAITHFUL, -1},
                                      {VB_ALTERED, VB_NOT_FOUND}, {VB_NOT_FOUND, -1}};
  int ok = (int)r->verdict == want[q->cls][0] || (int)r->verdict == want[q->cls][1];
  if (ok && q->cls <= BRACKET)
    ok = r->has_passage && strlen(name) == r->name_len && r->start < q->end && r->end > q->start;
  return ok;
}

static void report(const char *what, double secs, size_t bytes, const vb_checked *c, const quote *qs, size_t nq,
                   const corpus *C) {
  int right[NCLASS] = {0}, n[NCLASS] = {0}, all = 0;
  for (size_t i = 0; i < nq; i++) {
    const vb_cres *r = &c->r.v[i];
    char name[1024] = "";
    if (r->has_passage) snprintf(name, sizeof name, "%.*s", (int)r->name_len, c->arena.p + r->name);
    n[qs[i].cls]++;
    if (located_right(&qs[i], r, qs[i].cls <= BRACKET ? C->files.v[qs[i].file] : name)) { right[qs[i].cls]++; all++; }
  }
  if (bytes) printf("%-16s %8.3f s %9.1f MB/s  verdicts right %3d/%zu (", what, secs, (double)bytes / 1e6 / secs, all, nq);
  else printf("%-16s %8.3f s %7.0f quotes/s  verdicts right %3d/%zu (", what, secs, (double)nq / secs, all, nq);
  for (int k = 0; k < NCLASS; k++) printf("%s%s %d/%d", k ? ", " : "", cls_name[k], right[k], n[k]);
  printf(")\n");
}

/* ---------------------------------------------------------------- main */

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : getenv("VB_BENCH_CORPUS");
  char tmp[] = "/tmp/vb-bench-XXXXXX", idxpath[600], cmd[1400];
  size_t mb = getenv("VB_BENCH_MB") ? (size_t)atol(getenv("VB_BENCH_MB")) : 100;
  corpus C;
  vb_buf err = {0}, draft = {0}, text = {0}, other = {0};
  quote qs[NCLASS * PER_CLASS];
  size_t nq = 0;
  vb_quotes found = {0};
  double t0, t;
  memset(&C, 0, sizeof C);
  make_vocab();
  if (!mkdtemp(tmp)) { perror("mkdtemp"); return 2; }
  if (!dir) {
    char sub[600];
    snprintf(sub, sizeof sub, "%s/corpus", tmp);
    mkdir(sub, 0700);
    printf("bench_check: writing %zu MB of generated prose to %s\n", mb, sub);
    if (generate(sub, mb)) return 2;
    dir = strdup(sub);
  }
  if (vb_walk(dir, &C.files, NULL, &err)) { fprintf(stderr, "bench_check: %s\n", err.p); return 2; }
  for (size_t i = 0; i < C.files.n; i++) {
    struct stat st;
    size_t sz = stat(C.files.v[i], &st) ? 0 : (size_t)st.st_size;
    vb_push(&C.sizes, sz);
    C.bytes += sz;
  }
  /* quotes */
  for (int cls = 0; cls < NCLASS; cls++)
    for (int k = 0; k < PER_CLASS; k++) {
      quote *q = &qs[nq];
      size_t s0, s1, o0, o1;
      do { q->file = rndn(C.files.n); vb_read_file(C.files.v[q->file], &text, &err); } while (!pick(text.p, text.n, &s0, &s1));
      if (cls == SPLICE) {
        size_t f2;
        do { f2 = rndn(C.files.n); vb_read_file(C.files.v[f2], &other, &err); } while (!pick(other.p, other.n, &o0, &o1));
        q->text = alter(text.p + s0, s1 - s0, cls, other.p + o0, o1 - o0);
      } else q->text = alter(text.p + s0, s1 - s0, cls, NULL, 0);
      q->cls = cls; q->start = s0; q->end = s1;
      nq++;
    }
  for (size_t i = 0; i < nq; i++) vb_buf_addf(&draft, "\xe2\x80\x9c%s\xe2\x80\x9d the official said in interview %zu.\n\n", qs[i].text, i + 1);
  vb_quotes_find(draft.p, draft.n, NULL, &found);
  if (found.q.n != nq) { fprintf(stderr, "bench_check: the draft holds %zu quotes, not %zu\n", found.q.n, nq); return 2; }
  printf("bench_check: %zu files, %.1f MB, %zu quotes (%d per class)\n", C.files.n, (double)C.bytes / 1e6, nq, PER_CLASS);
  /* verbatim, scanning */
  {
    vb_material S;
    vb_checked c;
    memset(&S, 0, sizeof S); memset(&c, 0, sizeof c);
    t0 = now();
    if (vb_material_add_path(&S, dir, &err) || vb_check(draft.p, draft.n, &found, NULL, &S, NULL, &c, &err)) {
      fprintf(stderr, "bench_check: %s\n", err.p); return 2;
    }
    t = now() - t0;
    report("verbatim scan", t, C.bytes, &c, qs, nq, &C);
    vb_checked_free(&c); vb_material_free(&S);
  }
  /* verbatim, index */
  {
    vb_material S;
    vb_checked c;
    vb_index *x;
    struct stat st;
    const char *paths[1] = {dir};
    memset(&S, 0, sizeof S); memset(&c, 0, sizeof c);
    snprintf(idxpath, sizeof idxpath, "%s/index", tmp);
    t0 = now();
    if (vb_index_build(idxpath, paths, 1, NULL, NULL, NULL, &err)) { fprintf(stderr, "bench_check: %s\n", err.p); return 2; }
    t = now() - t0;
    stat(idxpath, &st);
    printf("%-16s %8.3f s %9.1f MB/s  index %.1f MB = %.2f of the corpus\n", "index build", t, (double)C.bytes / 1e6 / t,
           (double)st.st_size / 1e6, (double)st.st_size / (double)C.bytes);
    t0 = now();
    if (!(x = vb_index_open(idxpath, &err)) || vb_material_add_index(&S, x) ||
        vb_check(draft.p, draft.n, &found, NULL, &S, NULL, &c, &err)) { fprintf(stderr, "bench_check: %s\n", err.p); return 2; }
    t = now() - t0;
    report("verbatim index", t, 0, &c, qs, nq, &C);
    vb_checked_free(&c); vb_material_free(&S); vb_index_close(x);
  }
  /* edlib: one scan of every file per quote */
  {
    double per = 0;
    int right = 0;
    t0 = now();
    for (int k = 0; k < EDLIB_QUOTES; k++) {
      const quote *q = &qs[k * PER_CLASS * 2 % nq];     /* exact, ellipsis, splice... */
      int qlen = (int)strlen(q->text), best = -1;
      size_t bestf = 0;
      for (size_t f = 0; f < C.files.n; f++) {
        EdlibAlignResult r;
        if (vb_read_file(C.files.v[f], &text, &err) || !text.n) continue;
        r = edlibAlign(q->text, qlen, text.p, (int)text.n, edlibNewAlignConfig(qlen / 4, EDLIB_MODE_HW, EDLIB_TASK_DISTANCE, NULL, 0));
        if (r.status == EDLIB_STATUS_OK && r.editDistance >= 0 && (best < 0 || r.editDistance < best)) { best = r.editDistance; bestf = f; }
        edlibFreeAlignResult(r);
      }
      right += best >= 0 && bestf == q->file;
    }
    per = (now() - t0) / EDLIB_QUOTES;
    printf("%-16s %8.3f s %9.1f MB/s  (%d quotes took %.2f s each; %zu extrapolated; no verdicts, right file %d/%d)\n",
           "edlib", per * (double)nq, (double)C.bytes / 1e6 / per, EDLIB_QUOTES, per, nq, right, EDLIB_QUOTES);
  }
  /* grep -F -f: exact quotes, one pass */
  {
    char qf[600];
    FILE *f;
    int hits = 0;
    snprintf(qf, sizeof qf, "%s/quotes.txt", tmp);
    f = fopen(qf, "w");
    for (size_t i = 0; i < nq; i++) fprintf(f, "%s\n", qs[i].text);
    fclose(f);
    snprintf(cmd, sizeof cmd, "grep -r -F -o -h -f '%s' '%s' | sort -u | wc -l", qf, dir);
    t0 = now();
    f = popen(cmd, "r");
    if (!f || fscanf(f, "%d", &hits) != 1) hits = -1;
    if (f) pclose(f);
    t = now() - t0;
    printf("%-16s %8.3f s %9.1f MB/s  (exact text only: %d distinct quotes found, no verdicts)\n", "grep -F -f", t,
           (double)C.bytes / 1e6 / t, hits);
  }
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
  if (system(cmd)) fprintf(stderr, "bench_check: could not remove %s\n", tmp);
  for (size_t i = 0; i < nq; i++) free(qs[i].text);
  vb_quotes_free(&found);
  vb_paths_free(&C.files); vb_vfree(&C.sizes);
  vb_buf_free(&err); vb_buf_free(&draft); vb_buf_free(&text); vb_buf_free(&other);
  return 0;
}
