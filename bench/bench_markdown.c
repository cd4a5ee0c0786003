/* bench_markdown.c: the Markdown prose mask (src/markdown.c) on one core.
 * A draft made of the Markdown fixtures (the .md and .qmd of tests/fixtures/markdown, run from the top of
 * the repository) repeated to about 8 MB: `markdown: N MB/s`. Then inputs that make a
 * naive scanner retry each opener to the end of the text (unclosed code spans, comments,
 * raw elements, fences, links), at 1 MB and 10 MB: the time ratio should be about 10
 * (linear), never 100. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "buf.h"
#include "markdown.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The best of a few rounds of masking a copy of s[0..n), in seconds. */
static double best_of(const char *s, size_t n, int rounds) {
  char *w = malloc(n ? n : 1);
  double best = 1e30;
  if (!w) return -1;
  for (int r = 0; r < rounds; r++) {
    double t0;
    memcpy(w, s, n);
    t0 = now();
    if (vb_prose(VB_FMT_MARKDOWN, w, n)) { free(w); return -1; }
    t0 = now() - t0;
    if (t0 < best) best = t0;
  }
  free(w);
  return best;
}

static void repeat(vb_buf *b, const char *unit, size_t k, size_t size) {
  b->n = 0;
  while (b->n + k <= size) vb_buf_add(b, unit, k);
}

int main(void) {
  static const char *const fixtures[] = {"tests/fixtures/markdown/draft.md", "tests/fixtures/markdown/structure.md",
                                         "tests/fixtures/markdown/draft.qmd"};
  static const char *const units[] = {"`` ` ", "<!-- a\n\n", "<pre> a\n\n", "````\n```\n", "[a](b \"", "$a ",
                                      "<a x=\"", "{{< ", "[x]: <", "> ```\n"};
  vb_buf one = {0}, draft = {0}, p = {0};
  double t;
  for (size_t i = 0; i < sizeof fixtures / sizeof *fixtures; i++) {
    FILE *f = fopen(fixtures[i], "rb");
    char chunk[65536];
    size_t k;
    if (!f) { printf("markdown: skipped (run from the top of the repository: no %s)\n", fixtures[i]); return 0; }
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) vb_buf_add(&one, chunk, k);
    fclose(f);
    vb_buf_add(&one, "\n\n", 2);
  }
  while (draft.n < 8u << 20) vb_buf_add(&draft, one.p, one.n);
  if (draft.oom || (t = best_of(draft.p, draft.n, 5)) < 0) { fprintf(stderr, "bench_markdown: out of memory\n"); return 1; }
  printf("markdown: %.0f MB/s (%.1f MB of Markdown drafts)\n", (double)draft.n / 1e6 / t, (double)draft.n / 1e6);
  for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
    double t1, t10;
    repeat(&p, units[u], strlen(units[u]), 1u << 20);
    t1 = best_of(p.p, p.n, 3);
    repeat(&p, units[u], strlen(units[u]), 10u << 20);
    t10 = best_of(p.p, p.n, 3);
    if (p.oom || t1 < 0 || t10 < 0) { fprintf(stderr, "bench_markdown: out of memory\n"); return 1; }
    printf("markdown pathological \"");
    for (const char *c = units[u]; *c; c++) fputs(*c == '\n' ? "\\n" : (char[2]){*c, 0}, stdout);
    printf("\": 1 MB %.1f ms, 10 MB %.1f ms, ratio %.1f\n", t1 * 1e3, t10 * 1e3, t1 > 0 ? t10 / t1 : 0.0);
  }
  vb_buf_free(&one);
  vb_buf_free(&draft);
  vb_buf_free(&p);
  return 0;
}
