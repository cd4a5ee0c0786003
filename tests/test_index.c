/* cmocka tests for the archive index (src/index.c): a round trip from files to a
 * located quote, appending a segment, a re-indexed file shadowing its old entry, files
 * that are not indexes, and the on-disk format's promises: a torn commit record falls
 * back to the other, bytes after the commit are never read, a section a reader does not
 * know is skipped unless required, a reader keeps its view while a writer appends, and
 * files changed or gone since they were indexed are told apart from touched ones.
 * Files live in a fresh temporary folder. */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "check.h"
#include "index.h"
#include "limits.h"

static char dir[64];
static const vb_iopts append_opts = {.append = 1};

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

/* Check one quoted sentence against the open index x. */
static vb_cres check_x(vb_index *x, const char *quote, char *file, size_t fsz) {
  vb_buf err = {0}, d = {0};
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
  vb_buf_free(&err);
  vb_buf_free(&d);
  return r;
}

/* Check one quoted sentence against the index at path. */
static vb_cres check1(const char *path, const char *quote, char *file, size_t fsz) {
  vb_buf err = {0};
  vb_index *x = vb_index_open(path, &err);
  vb_cres r;
  assert_non_null(x);
  r = check_x(x, quote, file, fsz);
  vb_index_close(x);
  vb_buf_free(&err);
  return r;
}

static const char QA[] = "the harbour wall will be rebuilt in granite before the winter storms arrive";
static const char QC[] = "the ferry timetable changes on the first Monday of every month";

/* An index of a.txt in idx, then c.txt appended: two segments, commits 1 and 2. */
static void two_commits(const char *idx) {
  char pa[96], pc[96];
  const char *p[1];
  vb_buf err = {0};
  put("a.txt", A);
  put("c.txt", C);
  snprintf(pa, sizeof pa, "%s/a.txt", dir);
  snprintf(pc, sizeof pc, "%s/c.txt", dir);
  unlink(idx);
  p[0] = pa;
  assert_int_equal(vb_index_build(idx, p, 1, NULL, NULL, NULL, &err), 0);
  p[0] = pc;
  assert_int_equal(vb_index_build(idx, p, 1, &append_opts, NULL, NULL, &err), 0);
  vb_buf_free(&err);
}

static void patch(const char *path, long off, const void *p, size_t n) {
  int fd = open(path, O_WRONLY);
  assert_true(fd >= 0);
  assert_int_equal(pwrite(fd, p, n, off), (ssize_t)n);
  close(fd);
}

static long file_size(const char *path) {
  struct stat st;
  assert_int_equal(stat(path, &st), 0);
  return (long)st.st_size;
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
  assert_int_equal(vb_index_build(idx, paths, 1, NULL, &nf, &nb, &err), 0);
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
    assert_int_equal(vb_index_build(idx, only_a, 1, NULL, &nf, &nb, &err), 0);
  }
  /* the folder now: a.txt (indexed, unchanged), b.txt, c.txt and nothing else but idx */
  assert_int_equal(vb_index_build(idx, paths, 1, &append_opts, &nf, &nb, &err), 0);
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
  assert_int_equal(vb_index_build(idx, paths, 1, NULL, &nf, &nb, &err), 0);
  put("a.txt", "The harbour wall will be rebuilt in concrete after the winter storms, the engineer said.\n");
  assert_int_equal(vb_index_build(idx, paths, 1, &append_opts, &nf, &nb, &err), 0);
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
    assert_int_equal(vb_index_build(p, paths, 1, NULL, NULL, NULL, &err), -1);
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
  assert_int_equal(vb_index_build(idx, paths, 1, NULL, NULL, NULL, &err), 0);
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
  assert_int_equal(vb_index_build(idx, paths, 1, NULL, NULL, NULL, &err), 0);
  g.idx = idx;
  g.d = &d;
  assert_int_equal(vb_in_child(80, shared_grams_child, &g), 0);
  vb_buf_free(&d);
  vb_buf_free(&err);
}

/* A torn commit record (a crash while it was written) fails its hash: the other record,
 * one commit older, holds. With both broken the index is refused, never misread. */
static void torn_commit_falls_back(void **st) {
  char idx[96], file[256];
  vb_buf err = {0};
  vb_index *x;
  vb_idx_commit c;
  (void)st;
  snprintf(idx, sizeof idx, "%s/torn", dir);
  two_commits(idx);
  x = vb_index_open(idx, &err);
  assert_non_null(x);
  assert_int_equal(x->seq, 2);
  assert_int_equal(x->segs.n, 2);
  vb_index_close(x);
  memset(&c, 0x5a, sizeof c);                 /* commit 2 is at VB_IDX_COMMIT0 (even) */
  patch(idx, VB_IDX_COMMIT0 + 12, &c, 9);
  x = vb_index_open(idx, &err);
  assert_non_null(x);
  assert_int_equal(x->seq, 1);
  assert_int_equal(x->segs.n, 1);
  vb_index_close(x);
  assert_int_equal(check1(idx, QA, file, sizeof file).verdict, VB_VERBATIM);
  assert_int_equal(check1(idx, QC, file, sizeof file).verdict, VB_NOT_FOUND);
  patch(idx, VB_IDX_COMMIT1 + 20, &c, 4);
  assert_null(vb_index_open(idx, &err));
  assert_non_null(strstr(err.p, "no valid commit record"));
  vb_buf_free(&err);
}

/* Bytes after the committed end (an append cut off by a crash) are never read, and the
 * next append drops them before it writes. */
static void bytes_after_the_commit_are_ignored(void **st) {
  char idx[96], pb[96], file[256];
  const char *p[1];
  static const char junk[] = "VBSEG03\n half a segment that a crash left behind";
  vb_buf err = {0};
  vb_index *x;
  long size;
  (void)st;
  snprintf(idx, sizeof idx, "%s/tail", dir);
  two_commits(idx);
  size = file_size(idx);
  patch(idx, size, junk, sizeof junk);
  x = vb_index_open(idx, &err);
  assert_non_null(x);
  assert_int_equal((long)x->size, size);
  vb_index_close(x);
  assert_int_equal(check1(idx, QC, file, sizeof file).verdict, VB_VERBATIM);
  snprintf(pb, sizeof pb, "%s/b.txt", dir);
  p[0] = pb;
  assert_int_equal(vb_index_build(idx, p, 1, &append_opts, NULL, NULL, &err), 0);
  x = vb_index_open(idx, &err);
  assert_non_null(x);
  assert_int_equal(x->segs.n, 3);
  assert_int_equal((long)x->size, file_size(idx));
  vb_index_close(x);
  vb_buf_free(&err);
}

/* Rewrite the one segment of idx with a sixth section (id, flags, 8 bytes) and commit
 * it, as a later verbatim could. */
static void add_section(const char *idx, uint32_t id, uint32_t flags) {
  FILE *f = fopen(idx, "rb");
  unsigned char *b, *o;
  long n = file_size(idx);
  vb_idx_seghdr h;
  vb_idx_sect t[32];
  vb_idx_commit c;
  size_t tab, body, ns;
  assert_non_null(f);
  b = malloc((size_t)n);
  assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  memcpy(&h, b + VB_IDX_HEAD, sizeof h);
  ns = h.nsect;
  assert_true(ns >= 5 && ns < 32);
  tab = sizeof h + ns * sizeof *t;
  memcpy(t, b + VB_IDX_HEAD + sizeof h, ns * sizeof *t);
  body = h.size - tab;                          /* the sections, from the first one on */
  assert_int_equal(t[0].off, tab);
  for (size_t k = 0; k < ns; k++) t[k].off += sizeof *t;
  t[ns].id = id; t[ns].flags = flags; t[ns].off = h.size + sizeof *t; t[ns].size = 8;
  h.nsect = (uint32_t)ns + 1;
  h.size += sizeof *t + 8;
  o = calloc(1, VB_IDX_HEAD + h.size);
  memcpy(o, b, VB_IDX_HEAD);
  memcpy(o + VB_IDX_HEAD, &h, sizeof h);
  memcpy(o + VB_IDX_HEAD + sizeof h, t, (ns + 1) * sizeof *t);
  memcpy(o + VB_IDX_HEAD + sizeof h + (ns + 1) * sizeof *t, b + VB_IDX_HEAD + tab, body);
  memcpy(o + VB_IDX_HEAD + h.size - 8, "EXTRA!!\0", 8);
  memset(&c, 0, sizeof c);
  memcpy(c.magic, VB_IDX_COMMIT_MAGIC, 8);
  c.seq = 3; c.end = VB_IDX_HEAD + h.size; c.nsegs = 1;
  c.sum = vb_idx_sum(&c, offsetof(vb_idx_commit, sum));
  memcpy(o + VB_IDX_COMMIT1, &c, sizeof c);     /* seq 3: odd */
  f = fopen(idx, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(o, 1, VB_IDX_HEAD + h.size, f), VB_IDX_HEAD + h.size);
  fclose(f);
  free(b);
  free(o);
}

/* A section a reader does not know is skipped (an addition such as word frequencies
 * needs no new version), unless it is flagged as required. */
static void unknown_sections(void **st) {
  char idx[96], pa[96], file[256];
  const char *p[1];
  vb_buf err = {0};
  vb_index *x;
  size_t n = 0;
  const char *extra;
  (void)st;
  snprintf(idx, sizeof idx, "%s/sect", dir);
  snprintf(pa, sizeof pa, "%s/a.txt", dir);
  put("a.txt", A);
  p[0] = pa;
  unlink(idx);
  assert_int_equal(vb_index_build(idx, p, 1, NULL, NULL, NULL, &err), 0);
  add_section(idx, 77, 0);
  x = vb_index_open(idx, &err);
  assert_non_null(x);
  extra = vb_index_section(x, 0, 77, &n);
  assert_non_null(extra);
  assert_int_equal(n, 8);
  assert_string_equal(extra, "EXTRA!!");
  assert_null(vb_index_section(x, 0, 78, &n));
  assert_int_equal(check_x(x, QA, file, sizeof file).verdict, VB_VERBATIM);
  vb_index_close(x);
  assert_int_equal(vb_index_build(idx, p, 1, NULL, NULL, NULL, &err), 0);
  add_section(idx, 77, VB_IDX_REQUIRED);
  assert_null(vb_index_open(idx, &err));
  assert_non_null(strstr(err.p, "newer verbatim"));
  vb_buf_free(&err);
}

/* A label table whose offsets run past its end (an inner offset larger than the last,
 * which is in bounds) is refused, not read (found by fuzz_index). */
static void label_offsets_past_the_table(void **st) {
  char idx[96], pa[96], pc[96];
  const char *p[2];
  vb_buf err = {0};
  vb_idx_seghdr h;
  vb_idx_sect t[32];
  FILE *f;
  long off = -1;
  uint64_t big = 0x7ffffff0;
  (void)st;
  snprintf(idx, sizeof idx, "%s/flab", dir);
  snprintf(pa, sizeof pa, "%s/a.txt", dir);
  snprintf(pc, sizeof pc, "%s/c.txt", dir);
  put("a.txt", A);
  put("c.txt", C);
  p[0] = pa; p[1] = pc;
  unlink(idx);
  assert_int_equal(vb_index_build(idx, p, 2, NULL, NULL, NULL, &err), 0);
  f = fopen(idx, "rb");
  assert_non_null(f);
  assert_int_equal(fseek(f, VB_IDX_HEAD, SEEK_SET), 0);
  assert_int_equal(fread(&h, sizeof h, 1, f), 1);
  assert_true(h.nsect < 32 && h.nfiles == 2);
  assert_int_equal(fread(t, sizeof *t, h.nsect, f), h.nsect);
  fclose(f);
  for (uint32_t k = 0; k < h.nsect; k++) if (t[k].id == VB_SECT_FLAB) off = VB_IDX_HEAD + (long)t[k].off;
  assert_true(off > 0);
  patch(idx, off + 8, &big, sizeof big);        /* flab[1]; flab[0] and flab[2] stay */
  assert_null(vb_index_open(idx, &err));
  assert_non_null(strstr(err.p, "corrupt index"));
  vb_buf_free(&err);
}

/* A reader opened before an append keeps the index it opened; a reader opened after
 * sees the new files. */
static void reader_keeps_its_view(void **st) {
  char idx[96], pa[96], pc[96], file[256];
  const char *p[1];
  vb_buf err = {0};
  vb_index *before, *after;
  (void)st;
  snprintf(idx, sizeof idx, "%s/view", dir);
  snprintf(pa, sizeof pa, "%s/a.txt", dir);
  snprintf(pc, sizeof pc, "%s/c.txt", dir);
  put("a.txt", A);
  put("c.txt", C);
  unlink(idx);
  p[0] = pa;
  assert_int_equal(vb_index_build(idx, p, 1, NULL, NULL, NULL, &err), 0);
  before = vb_index_open(idx, &err);
  assert_non_null(before);
  p[0] = pc;
  assert_int_equal(vb_index_build(idx, p, 1, &append_opts, NULL, NULL, &err), 0);
  after = vb_index_open(idx, &err);
  assert_non_null(after);
  assert_int_equal(before->segs.n, 1);
  assert_int_equal(after->segs.n, 2);
  assert_int_equal(check_x(before, QC, file, sizeof file).verdict, VB_NOT_FOUND);
  assert_int_equal(check_x(before, QA, file, sizeof file).verdict, VB_VERBATIM);
  assert_int_equal(check_x(after, QC, file, sizeof file).verdict, VB_VERBATIM);
  vb_index_close(before);
  vb_index_close(after);
  vb_buf_free(&err);
}

/* vb_index_refresh: an edit that keeps the size and the mtime is changed (the ctime and
 * the bytes tell), a deleted file is missing, a touched file with the same bytes is live. */
static void refresh_tells_changed_from_touched(void **st) {
  char sub[96], idx[96], pa[128], file[256];
  const char *p[1];
  vb_buf err = {0};
  vb_index *x;
  vb_cpaths changed = {0}, missing = {0};
  struct stat sa;
  struct timespec ts[2];
  (void)st;
  snprintf(sub, sizeof sub, "%s/fresh", dir);
  snprintf(idx, sizeof idx, "%s/fresh.idx", dir);
  assert_int_equal(mkdir(sub, 0700), 0);
  put("fresh/a.txt", A);
  put("fresh/b.txt", B);
  put("fresh/c.txt", C);
  p[0] = sub;
  assert_int_equal(vb_index_build(idx, p, 1, NULL, NULL, NULL, &err), 0);
  snprintf(pa, sizeof pa, "%s/a.txt", sub);
  assert_int_equal(stat(pa, &sa), 0);
  patch(pa, (long)(strstr(A, "granite") - A), "marbles", 7);  /* same size */
  ts[0] = sa.st_atim; ts[1] = sa.st_mtim;
  assert_int_equal(utimensat(AT_FDCWD, pa, ts, 0), 0);         /* and the old mtime */
  snprintf(pa, sizeof pa, "%s/b.txt", sub);
  assert_int_equal(unlink(pa), 0);
  snprintf(pa, sizeof pa, "%s/c.txt", sub);
  assert_int_equal(utimensat(AT_FDCWD, pa, NULL, 0), 0);       /* touched */
  x = vb_index_open(idx, &err);
  assert_non_null(x);
  assert_int_equal(vb_index_refresh(x, &changed, &missing), 0);
  assert_int_equal(changed.n, 1);
  assert_non_null(strstr(changed.v[0], "/a.txt"));
  assert_int_equal(missing.n, 1);
  assert_non_null(strstr(missing.v[0], "/b.txt"));
  assert_int_equal(x->segs.v[0].state[2], VB_IDX_LIVE);
  /* through the checker: the old words are not found in the index any more, the new
   * ones are found in the file as it is now */
  assert_int_equal(check_x(x, "rebuilt in marbles before the winter storms arrive", file, sizeof file).verdict, VB_VERBATIM);
  assert_non_null(strstr(file, "/a.txt"));
  assert_int_equal(check_x(x, QC, file, sizeof file).verdict, VB_VERBATIM);
  vb_index_close(x);
  vb_vfree(&changed);
  vb_vfree(&missing);
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
    cmocka_unit_test(torn_commit_falls_back),
    cmocka_unit_test(bytes_after_the_commit_are_ignored),
    cmocka_unit_test(unknown_sections),
    cmocka_unit_test(label_offsets_past_the_table),
    cmocka_unit_test(reader_keeps_its_view),
    cmocka_unit_test(refresh_tells_changed_from_touched),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
