/* cmocka tests for the archive index (src/index.c): a round trip from files to a
 * located quote, appending a segment, a re-indexed file shadowing its old entry, and
 * files that are not indexes. Files live in a fresh temporary folder. */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "check.h"
#include "index.h"
#include "limits.h"

static char dir[64];

static void put(const char *name, const char *text) {
  char p[128];
  FILE *f;
  snprintf(p, sizeof p, "%s/%s", dir, name);
  f = fopen(p, "wb");
  assert_non_null(f);
  fwrite(text, 1, strlen(text), f);
  fclose(f);
}

static const char A[] = "Minutes of the council.\nThe harbour wall will be rebuilt in granite before the winter storms arrive, the engineer told the council.\n";
static const char B[] = "SMITH: We have never accepted money from the quarry company or any of its directors, and we never will.\n";
static const char C[] = "A later note: the ferry timetable changes on the first Monday of every month from now on.\n";

static int setup(void **st) {
  (void)st;
  strcpy(dir, "/tmp/vb-test-index-XXXXXX");
  assert_non_null(mkdtemp(dir));
  put("a.txt", A);
  put("b.txt", B);
  return 0;
}

static int teardown(void **st) {
  char cmd[128];
  (void)st;
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

/* Check one quoted sentence against the index at path. */
static vb_cres check1(const char *path, const char *quote, char *file, size_t fsz) {
  vb_buf err = {0}, d = {0};
  vb_index *x = vb_index_open(path, &err);
  vb_material S;
  vb_quotes qs = {0};
  vb_checked c;
  vb_cres r;
  assert_non_null(x);
  memset(&S, 0, sizeof S);
  memset(&c, 0, sizeof c);
  vb_buf_addf(&d, "She said \xe2\x80\x9c%s\xe2\x80\x9d yesterday.\n", quote);
  assert_int_equal(vb_material_add_index(&S, x), 0);
  assert_int_equal(vb_quotes_find(d.p, d.n, NULL, &qs), 0);
  assert_int_equal(qs.q.n, 1);
  assert_int_equal(vb_check(d.p, d.n, &qs, NULL, &S, NULL, &c, &err), 0);
  r = c.r.v[0];
  file[0] = '\0';
  if (r.has_passage) snprintf(file, fsz, "%.*s", (int)r.name_len, c.arena.p + r.name);
  vb_checked_free(&c);
  vb_quotes_free(&qs);
  vb_material_free(&S);
  vb_index_close(x);
  vb_buf_free(&err);
  vb_buf_free(&d);
  return r;
}

static void round_trip(void **st) {
  char idx[96], file[256];
  const char *paths[1];
  vb_buf err = {0};
  size_t nf = 0, nb = 0;
  vb_cres r;
  (void)st;
  snprintf(idx, sizeof idx, "%s/idx", dir);
  paths[0] = dir;
  assert_int_equal(vb_index_build(idx, paths, 1, 0, &nf, &nb, &err), 0);
  assert_int_equal(nf, 2);
  assert_int_equal(nb, strlen(A) + strlen(B));
  r = check1(idx, "the harbour wall will be rebuilt in granite before the winter storms arrive", file, sizeof file);
  assert_int_equal(r.verdict, VB_VERBATIM);
  assert_non_null(strstr(file, "/a.txt"));
  assert_int_equal(r.start, (size_t)(strstr(A, "The harbour") - A));
  assert_int_equal(r.line, 2);
  r = check1(idx, "We have never accepted money from the gravel company or any of its directors", file, sizeof file);
  assert_int_equal(r.verdict, VB_ALTERED);
  assert_non_null(strstr(file, "/b.txt"));
  assert_true(r.has_speaker);
  r = check1(idx, "the ferry timetable changes on the first Monday of every month", file, sizeof file);
  assert_int_equal(r.verdict, VB_NOT_FOUND);
  vb_buf_free(&err);
}

static void append_adds_a_segment(void **st) {
  char idx[96], file[256];
  const char *paths[1];
  vb_buf err = {0};
  size_t nf = 0, nb = 0;
  vb_index *x;
  vb_cres r;
  (void)st;
  snprintf(idx, sizeof idx, "%s/idx", dir);
  paths[0] = dir;
  put("c.txt", C);
  unlink(idx);
  {
    const char *only_a[1];
    char pa[96];
    snprintf(pa, sizeof pa, "%s/a.txt", dir);
    only_a[0] = pa;
    assert_int_equal(vb_index_build(idx, only_a, 1, 0, &nf, &nb, &err), 0);
  }
  /* the folder now: a.txt (indexed, unchanged), b.txt, c.txt and nothing else but idx */
  assert_int_equal(vb_index_build(idx, paths, 1, 1, &nf, &nb, &err), 0);
  assert_int_equal(nf, 2);                    /* b.txt and c.txt: not a.txt (unchanged), not idx (binary) */
  x = vb_index_open(idx, &err);
  assert_non_null(x);
  assert_int_equal(x->segs.n, 2);
  vb_index_close(x);
  r = check1(idx, "the ferry timetable changes on the first Monday of every month", file, sizeof file);
  assert_int_equal(r.verdict, VB_VERBATIM);
  assert_non_null(strstr(file, "/c.txt"));
  r = check1(idx, "the harbour wall will be rebuilt in granite before the winter storms arrive", file, sizeof file);
  assert_int_equal(r.verdict, VB_VERBATIM);
  vb_buf_free(&err);
}

static void changed_file_shadows_its_old_entry(void **st) {
  char idx[96], file[256];
  const char *paths[1];
  vb_buf err = {0};
  size_t nf = 0, nb = 0;
  vb_cres r;
  (void)st;
  snprintf(idx, sizeof idx, "%s/idx2", dir);
  paths[0] = dir;
  unlink(idx);
  put("idx", "");
  assert_int_equal(vb_index_build(idx, paths, 1, 0, &nf, &nb, &err), 0);
  put("a.txt", "The harbour wall will be rebuilt in concrete after the winter storms, the engineer said.\n");
  sleep(1);                                   /* a new mtime */
  put("a.txt", "The harbour wall will be rebuilt in concrete after the winter storms, the engineer said.\n");
  assert_int_equal(vb_index_build(idx, paths, 1, 1, &nf, &nb, &err), 0);
  r = check1(idx, "The harbour wall will be rebuilt in concrete after the winter storms", file, sizeof file);
  assert_int_equal(r.verdict, VB_VERBATIM);
  /* the old text is gone from the index, so the old wording is no longer verbatim */
  r = check1(idx, "the harbour wall will be rebuilt in granite before the winter storms arrive", file, sizeof file);
  assert_int_not_equal(r.verdict, VB_VERBATIM);
  vb_buf_free(&err);
}

static void not_an_index(void **st) {
  char p[96];
  vb_buf err = {0};
  unsigned char junk[4096];
  FILE *f;
  (void)st;
  snprintf(p, sizeof p, "%s/junk", dir);
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = (unsigned char)(i * 131 + 7);
  memcpy(junk, VB_IDX_MAGIC, 8);              /* a valid magic and a garbage header */
  f = fopen(p, "wb");
  fwrite(junk, 1, sizeof junk, f);
  fclose(f);
  assert_null(vb_index_open(p, &err));
  assert_non_null(strstr(err.p, "index"));
  err.n = 0;
  put("empty", "");
  snprintf(p, sizeof p, "%s/empty", dir);
  assert_null(vb_index_open(p, &err));
  err.n = 0;
  assert_null(vb_index_open("/nonexistent/idx", &err));
  assert_non_null(strstr(err.p, "/nonexistent/idx"));
  {
    const char *paths[1] = {"/nonexistent/folder"};
    err.n = 0;
    assert_int_equal(vb_index_build(p, paths, 1, 0, NULL, NULL, &err), -1);
    assert_non_null(strstr(err.p, "/nonexistent/folder"));
  }
  vb_buf_free(&err);
}

static void truncated_index_is_refused(void **st) {
  char idx[96], cut[96], cmd[256];
  const char *paths[1];
  vb_buf err = {0};
  (void)st;
  snprintf(idx, sizeof idx, "%s/full", dir);
  snprintf(cut, sizeof cut, "%s/cut", dir);
  paths[0] = dir;
  assert_int_equal(vb_index_build(idx, paths, 1, 0, NULL, NULL, &err), 0);
  snprintf(cmd, sizeof cmd, "head -c 200 '%s' > '%s'", idx, cut);
  assert_int_equal(system(cmd), 0);
  assert_null(vb_index_open(cut, &err));
  vb_buf_free(&err);
}

/* A draft of many quotes sharing grams, checked against an index of itself: each
 * distinct gram is looked up once and its postings shared out, so the hits stay linear
 * (the child runs under an address-space limit; before, they grew as quotes x postings). */
typedef struct shared_grams { const char *idx; vb_buf *d; } shared_grams;

static int shared_grams_child(void *arg) {
  shared_grams *g = arg;
  vb_buf err = {0};
  vb_index *x = vb_index_open(g->idx, &err);
  vb_material S;
  vb_quotes qs = {0};
  vb_checked c;
  int bad = !x;
  memset(&S, 0, sizeof S);
  memset(&c, 0, sizeof c);
  if (!bad && (vb_material_add_index(&S, x) || vb_quotes_find(g->d->p, g->d->n, NULL, &qs) ||
               vb_check(g->d->p, g->d->n, &qs, NULL, &S, NULL, &c, &err) || c.r.n != 5000)) bad = 1;
  for (size_t i = 0; !bad && i < c.r.n; i++) bad = !c.r.v[i].has_passage;
  vb_checked_free(&c); vb_quotes_free(&qs); vb_material_free(&S); vb_index_close(x);
  vb_buf_free(&err);
  return bad;
}

static void shared_grams_stay_bounded(void **st) {
  char sub[96], idx[96];
  const char *paths[1];
  vb_buf d = {0}, err = {0};
  shared_grams g;
  (void)st;
  for (int i = 0; i < 5000; i++) vb_buf_addf(&d, "\"We will go %d,\" said Anna Berg.\n", i);
  snprintf(sub, sizeof sub, "%s/rep", dir);
  assert_int_equal(mkdir(sub, 0700), 0);
  put("rep/draft.txt", d.p);
  snprintf(idx, sizeof idx, "%s/rep.idx", dir);
  paths[0] = sub;
  assert_int_equal(vb_index_build(idx, paths, 1, 0, NULL, NULL, &err), 0);
  g.idx = idx;
  g.d = &d;
  assert_int_equal(vb_in_child(80, shared_grams_child, &g), 0);
  vb_buf_free(&d);
  vb_buf_free(&err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(round_trip),
    cmocka_unit_test(append_adds_a_segment),
    cmocka_unit_test(changed_file_shadows_its_old_entry),
    cmocka_unit_test(not_an_index),
    cmocka_unit_test(truncated_index_is_refused),
    cmocka_unit_test(shared_grams_stay_bounded),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
