/* cmocka tests for the evidence model, the scope of a check and the gate (verdict.c,
 * seeds.c, check.c), and the promise that the index answers as the scan does: a
 * benchmark of our own (generated transcripts with labelled turns, phrases said again,
 * quotes of 2 to 120 words, common words, altered and spliced quotes), checked by a scan
 * and through an index of the same files, must give the same verdict and the same place
 * for every quote; and all drafts at once the same as each alone. Files live in a fresh
 * temporary folder. */
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
#include "material.h"
#include "quotes.h"
#include "verdict.h"

static char dir[64];

/* ---------------------------------------------------------------- a benchmark of our own */

static uint64_t rng;
static uint64_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
static size_t rndn(size_t n) { return n ? (size_t)(rnd() % n) : 0; }

/* words: a few common English ones (so that quotes of common words exist), then made-up
 * ones with a Zipf-like frequency */
static const char *const common[] = {"the", "we", "have", "to", "and", "of", "a", "in", "is", "that", "it", "will",
                                     "not", "be", "they", "you", "this", "for", "law", "order", NULL};
#define NMADE 3000
static char made[NMADE][12];

static void make_words(void) {
  static const char *syl[] = {"ka", "lo", "mi", "ter", "an", "so", "rel", "vi", "to", "dun", "es", "pa", "gor", "li"};
  for (int i = 0; i < NMADE; i++) {
    int k = 1 + (i > 30) + (i > 500) + (int)rndn(2);
    made[i][0] = '\0';
    for (int j = 0; j < k; j++) strcat(made[i], syl[rndn(14)]);
  }
}

static const char *word(void) {
  if (rndn(3) == 0) return common[rndn(20)];
  {
    size_t r = rndn(NMADE), s = rndn(NMADE);
    return made[r < s ? r : s];                 /* low ranks more often */
  }
}

static void sentence(vb_buf *b) {
  size_t n = 6 + rndn(18);
  for (size_t i = 0; i < n; i++) {
    const char *w = word();
    if (!i) { vb_buf_addc(b, (char)(w[0] - 32)); vb_buf_adds(b, w + 1); }
    else { vb_buf_addc(b, ' '); vb_buf_adds(b, w); }
  }
  vb_buf_adds(b, ". ");
}

static const char *const labels[] = {"KORA", "MR. VANTE", "SELIM OSTA", "Q"};

/* a transcript: turns of four labels, now and then a phrase said again by another */
static void transcript(vb_buf *b, size_t sentences) {
  vb_buf_adds(b, "Hearing of the board\n\n");
  for (size_t s = 0; s < sentences;) {
    size_t k = 1 + rndn(4);
    vb_buf_addf(b, "%s: ", labels[rndn(4)]);
    for (size_t j = 0; j < k; j++, s++) sentence(b);
    if (rndn(6) == 0 && b->n > 400) {           /* repeats words said before */
      size_t at = rndn(b->n - 300), e;
      while (at < b->n && b->p[at] != ' ') at++;
      e = at + 60 + rndn(120);
      while (e < b->n && b->p[e] != ' ') e++;
      if (e < b->n && !memchr(b->p + at, ':', e - at) && !memchr(b->p + at, '\n', e - at)) {
        vb_buf again = {0};                     /* a copy: b may move as it grows */
        vb_buf_add(&again, b->p + at, e - at);
        vb_buf_add(b, again.p, again.n);
        vb_buf_adds(b, ". ");
        vb_buf_free(&again);
      }
    }
    vb_buf_adds(b, "\n\n");
  }
}

static void put(const char *name, const vb_buf *b) {
  char p[128];
  FILE *f;
  snprintf(p, sizeof p, "%s/%s", dir, name);
  assert_non_null(f = fopen(p, "wb"));
  assert_int_equal(fwrite(b->p, 1, b->n, f), b->n);
  fclose(f);
}

/* a quote from text t: a span of about want words from a random place, maybe changed */
static void quote_of(vb_buf *d, const vb_buf *t, size_t want, int how) {
  size_t at = rndn(t->n - 1000), e, w = 0;
  vb_buf q = {0};
  while (at < t->n && (t->p[at] < 'a' || t->p[at] > 'z' || t->p[at - 1] != ' ')) at++;
  for (e = at; e < t->n && w < want; e++) {
    if (t->p[e] == '\n' || t->p[e] == ':') break;
    if (t->p[e] == ' ') w++;
  }
  vb_buf_add(&q, t->p + at, e - at);
  if (how == 1 && q.n > 10) {                   /* a changed word: one made-up word for another */
    char *sp = memchr(q.p + q.n / 2, ' ', q.n - q.n / 2);
    if (sp) { vb_buf r = {0}; vb_buf_add(&r, q.p, (size_t)(sp - q.p)); vb_buf_adds(&r, " zzqx"); vb_buf_adds(&r, sp); vb_buf_free(&q); q = r; }
  }
  vb_buf_adds(d, "\xe2\x80\x9c");
  vb_buf_add(d, q.p, q.n);
  vb_buf_adds(d, "\xe2\x80\x9d");
  vb_buf_adds(d, rndn(2) ? " said Selim Osta.\n\n" : " Kora said.\n\n");
  vb_buf_free(&q);
}

static int setup(void **st) {
  vb_buf t = {0};
  (void)st;
  strcpy(dir, "/tmp/vb-test-evidence-XXXXXX");
  assert_non_null(mkdtemp(dir));
  rng = 0x9E3779B97F4A7C15ULL;
  make_words();
  for (int f = 0; f < 4; f++) {
    char name[32];
    t.n = 0;
    transcript(&t, 900);
    snprintf(name, sizeof name, "hearing-%d.txt", f);
    put(name, &t);
  }
  vb_buf_free(&t);
  return 0;
}

static int teardown(void **st) {
  char cmd[128];
  (void)st;
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

/* drafts of quotes of every length, exact and changed, and of common words only */
static void drafts(vb_buf *d, size_t nd) {
  vb_buf t = {0}, e = {0};
  char p[128];
  for (int f = 0; f < 4; f++) {
    snprintf(p, sizeof p, "%s/hearing-%d.txt", dir, f);
    assert_int_equal(vb_read_file(p, &t, &e), 0);
    for (size_t k = 0; k < nd; k++)
      for (size_t len = 2; len <= 120; len += len < 12 ? 1 : len < 40 ? 5 : 13) quote_of(&d[k], &t, len, (int)rndn(3));
  }
  for (size_t k = 0; k < nd; k++) {             /* common words: said, or not */
    vb_buf_adds(&d[k], "\xe2\x80\x9cWe have to bring back law and order,\xe2\x80\x9d Kora said.\n\n");
    vb_buf_adds(&d[k], "\xe2\x80\x9cthe law is the law\xe2\x80\x9d said Selim Osta.\n\n");
  }
  vb_buf_free(&t); vb_buf_free(&e);
}

static int same(const vb_cres *a, const vb_checked *ca, const vb_cres *b, const vb_checked *cb) {
  if (a->verdict != b->verdict || a->has_passage != b->has_passage || a->speaker_mismatch != b->speaker_mismatch)
    return 0;
  if (!a->has_passage) return 1;
  if (a->start != b->start || a->end != b->end) return 0;
  /* the same file: the scan names it as given, the index by its real path */
  {
    const char *x = ca->arena.p + a->name, *y = cb->arena.p + b->name;
    size_t i = a->name_len, j = b->name_len;
    while (i && x[i - 1] != '/') i--;
    while (j && y[j - 1] != '/') j--;
    return a->name_len - i == b->name_len - j && !memcmp(x + i, y + j, a->name_len - i);
  }
}

/* the scan and the index over the same files: every verdict and place the same */
static void index_answers_as_the_scan(void **st) {
  vb_buf d = {0}, err = {0};
  char idx[96];
  const char *paths[1];
  vb_material S, X;
  vb_index *x;
  vb_quotes qs = {0};
  vb_checked a, b;
  size_t diffs = 0, found = 0;
  (void)st;
  memset(&S, 0, sizeof S); memset(&X, 0, sizeof X); memset(&a, 0, sizeof a); memset(&b, 0, sizeof b);
  drafts(&d, 1);
  snprintf(idx, sizeof idx, "%s/idx", dir);
  paths[0] = dir;
  assert_int_equal(vb_index_build(idx, paths, 1, 0, NULL, NULL, &err), 0);
  assert_non_null(x = vb_index_open(idx, &err));
  assert_int_equal(vb_material_add_path(&S, dir, &err), 0);
  /* the index is in dir too: the scan reads it as a binary file and leaves it out */
  assert_int_equal(vb_material_add_index(&X, x), 0);
  assert_int_equal(vb_quotes_find(d.p, d.n, NULL, &qs), 0);
  assert_true(qs.q.n > 80);
  assert_int_equal(vb_check(d.p, d.n, &qs, NULL, &S, NULL, &a, &err), 0);
  assert_int_equal(vb_check(d.p, d.n, &qs, NULL, &X, NULL, &b, &err), 0);
  for (size_t i = 0; i < qs.q.n; i++) {
    if (!same(&a.r.v[i], &a, &b.r.v[i], &b)) {
      diffs++;
      fprintf(stderr, "differs: quote %zu: %s %zu-%zu against %s %zu-%zu\n", i, vb_verdict_names[a.r.v[i].verdict],
              a.r.v[i].start, a.r.v[i].end, vb_verdict_names[b.r.v[i].verdict], b.r.v[i].start, b.r.v[i].end);
    }
    found += a.r.v[i].has_passage;
  }
  assert_int_equal(diffs, 0);
  assert_true(found > qs.q.n / 2);              /* the benchmark is no benchmark of misses */
  vb_checked_free(&a); vb_checked_free(&b);
  vb_quotes_free(&qs);
  vb_material_free(&S); vb_material_free(&X);
  vb_index_close(x);
  remove(idx);
  vb_buf_free(&d); vb_buf_free(&err);
}

/* an archive that repeats itself (the same transcripts four times over): still one answer */
static void index_answers_as_the_scan_on_copies(void **st) {
  vb_buf d = {0}, err = {0}, t = {0};
  char idx[128], sub[96], p[160];
  const char *paths[1];
  vb_material S, X;
  vb_index *x;
  vb_quotes qs = {0};
  vb_checked a, b;
  size_t diffs = 0;
  (void)st;
  memset(&S, 0, sizeof S); memset(&X, 0, sizeof X); memset(&a, 0, sizeof a); memset(&b, 0, sizeof b);
  snprintf(sub, sizeof sub, "%s/copies", dir);
  assert_int_equal(mkdir(sub, 0755), 0);
  for (int c = 0; c < 4; c++)
    for (int f = 0; f < 4; f++) {
      FILE *o;
      snprintf(p, sizeof p, "%s/hearing-%d.txt", dir, f);
      assert_int_equal(vb_read_file(p, &t, &err), 0);
      snprintf(p, sizeof p, "%s/copy%d-%d.txt", sub, c, f);
      assert_non_null(o = fopen(p, "wb"));
      fwrite(t.p, 1, t.n, o);
      fclose(o);
    }
  drafts(&d, 1);
  snprintf(idx, sizeof idx, "%s/copies.idx", dir);
  paths[0] = sub;
  assert_int_equal(vb_index_build(idx, paths, 1, 0, NULL, NULL, &err), 0);
  assert_non_null(x = vb_index_open(idx, &err));
  assert_int_equal(vb_material_add_path(&S, sub, &err), 0);
  assert_int_equal(vb_material_add_index(&X, x), 0);
  assert_int_equal(vb_quotes_find(d.p, d.n, NULL, &qs), 0);
  assert_int_equal(vb_check(d.p, d.n, &qs, NULL, &S, NULL, &a, &err), 0);
  assert_int_equal(vb_check(d.p, d.n, &qs, NULL, &X, NULL, &b, &err), 0);
  for (size_t i = 0; i < qs.q.n; i++) diffs += !same(&a.r.v[i], &a, &b.r.v[i], &b);
  assert_int_equal(diffs, 0);
  vb_checked_free(&a); vb_checked_free(&b);
  vb_quotes_free(&qs);
  vb_material_free(&S); vb_material_free(&X);
  vb_index_close(x);
  vb_buf_free(&d); vb_buf_free(&err); vb_buf_free(&t);
}

/* all drafts at once: each result as the draft would get alone */
static void many_drafts_as_each_alone(void **st) {
  vb_buf d[3], err = {0};
  vb_material S;
  vb_quotes qs[3];
  vb_checked one[3], all[3];
  vb_dtext dt[3];
  (void)st;
  memset(&S, 0, sizeof S); memset(one, 0, sizeof one); memset(all, 0, sizeof all); memset(d, 0, sizeof d); memset(qs, 0, sizeof qs);
  drafts(d, 3);
  assert_int_equal(vb_material_add_path(&S, dir, &err), 0);
  for (int k = 0; k < 3; k++) {
    assert_int_equal(vb_quotes_find(d[k].p, d[k].n, NULL, &qs[k]), 0);
    assert_int_equal(vb_check(d[k].p, d[k].n, &qs[k], NULL, &S, NULL, &one[k], &err), 0);
    dt[k].s = d[k].p; dt[k].n = d[k].n; dt[k].qs = &qs[k]; dt[k].speakers = NULL;
  }
  assert_int_equal(vb_check_many(dt, 3, &S, NULL, all, &err), 0);
  for (int k = 0; k < 3; k++) {
    assert_int_equal(one[k].r.n, all[k].r.n);
    for (size_t i = 0; i < one[k].r.n; i++) assert_true(same(&one[k].r.v[i], &one[k], &all[k].r.v[i], &all[k]));
    vb_checked_free(&one[k]); vb_checked_free(&all[k]);
    vb_quotes_free(&qs[k]);
    vb_buf_free(&d[k]);
  }
  vb_material_free(&S);
  vb_buf_free(&err);
}

/* ---------------------------------------------------------------- evidence */

/* One draft against one in-memory text: the results (caller frees). */
static vb_checked run(const char *draft, const char *text, const char *const *speakers) {
  vb_material S;
  vb_quotes qs = {0};
  vb_checked c;
  vb_buf err = {0};
  memset(&S, 0, sizeof S);
  memset(&c, 0, sizeof c);
  assert_int_equal(vb_material_add_text(&S, "text", text, strlen(text)), 0);
  assert_int_equal(vb_quotes_find(draft, strlen(draft), NULL, &qs), 0);
  assert_int_equal(vb_check(draft, strlen(draft), &qs, speakers, &S, NULL, &c, &err), 0);
  vb_quotes_free(&qs);
  vb_material_free(&S);
  vb_buf_free(&err);
  return c;
}

/* the bits needed grow with the material as log2 N, so that the chance of a false
 * match per quote stays about 2^-10 whatever the size */
static void threshold_grows_with_the_material(void **st) {
  (void)st;
  assert_true(vb_evidence_needed(1024) > 19.9 && vb_evidence_needed(1024) < 20.1);
  assert_true(vb_evidence_needed(1u << 20) - vb_evidence_needed(1u << 10) > 9.9);
  assert_true(vb_confidence(40, 1 << 20) > 0.999);
  assert_true(vb_confidence(10, 1 << 20) < 0.01);
}

/* Three words of four shared with a long text of the same few words: chance, not a
 * misquote; the same quote whole is located (exactly). */
static void a_short_near_miss_is_no_misquote(void **st) {
  vb_buf t = {0};
  vb_checked c;
  (void)st;
  for (int i = 0; i < 400; i++) vb_buf_adds(&t, i % 7 ? "They said it was a big day for the town. " : "I am a big fan of the harbour. ");
  c = run("\xe2\x80\x9cI am not a big fan,\xe2\x80\x9d said Tor. \xe2\x80\x9cI am a big fan\xe2\x80\x9d, he said.", t.p, NULL);
  assert_int_equal(c.r.v[0].verdict, VB_NOT_FOUND);
  assert_int_equal(c.r.v[1].verdict, VB_VERBATIM);
  vb_checked_free(&c);
  vb_buf_free(&t);
}

/* a long quote with a changed word is altered, with a confidence near 1 */
static void a_long_misquote_is_altered(void **st) {
  const char *src = "ELSA: The council has decided to close the eastern pier for the whole winter, because "
                    "the timber under the deck has rotted through in three places.\n";
  vb_checked c = run("\xe2\x80\x9cThe council has decided to close the western pier for the whole winter,\xe2\x80\x9d Elsa said.",
                     src, NULL);
  (void)st;
  assert_int_equal(c.r.v[0].verdict, VB_ALTERED);
  assert_true(c.r.v[0].confidence > 0.99);
  assert_true(c.r.v[0].evidence >= c.r.v[0].needed);
  vb_checked_free(&c);
}

/* a phrase of the quote said again and again in the paragraphs before the passage: the
 * passage is still found (no window cut around the middle hit) */
static void a_phrase_said_before_does_not_hide_the_passage(void **st) {
  vb_buf t = {0};
  vb_checked c;
  (void)st;
  vb_buf_adds(&t, "RUNA: ");
  for (int i = 0; i < 60; i++) vb_buf_adds(&t, "We have to bring back the ferry, we said. Nothing else. ");
  vb_buf_adds(&t, "And so we have to bring back the ferry to the island before the schools open in September.\n");
  c = run("\xe2\x80\x9cWe have to bring back the ferry to the island before the schools open in September,\xe2\x80\x9d Runa said.",
          t.p, NULL);
  assert_int_equal(c.r.v[0].verdict, VB_VERBATIM);
  vb_checked_free(&c);
  vb_buf_free(&t);
}

/* ---------------------------------------------------------------- scope */

static const char HALL[] =
  "Town hall, evening session\n\n"
  "MAYOR OKONJO: The new library opens on the first of June, and every school class in the "
  "district will visit it before the summer holidays begin.\n\n"
  "Q: Will it open on Sundays?\n\n"
  "MAYOR OKONJO: It will open on Sundays from noon until six in the evening, every week of the year.\n\n"
  "DAN REYES: The mayor said, and I quote, \"every school class in the district will visit it before "
  "the summer holidays begin\", and we will hold her to that.\n";

static void the_material_answers_for_whom_it_names(void **st) {
  const char *d =
    "\xe2\x80\x9c" "Every school class in the district will visit it before the summer holidays begin,\xe2\x80\x9d Dan Reyes said.\n\n"
    "\xe2\x80\x9cThe new library opens on the first of June,\xe2\x80\x9d said Ana Okonjo.\n\n"
    "\xe2\x80\x9cThe new library has a cafe on the roof,\xe2\x80\x9d said Ana Okonjo.\n\n"
    "\xe2\x80\x9cWe will paint the bridge green,\xe2\x80\x9d said Lars Berg.\n\n"
    "\xe2\x80\x9cIt will open on Sundays from noon until six in the evening, every week of the year,\xe2\x80\x9d Reyes said.\n";
  const char *sp[] = {"Dan Reyes", "Ana Okonjo", "Ana Okonjo", "Lars Berg", "Dan Reyes"};
  vb_checked c = run(d, HALL, sp);
  (void)st;
  assert_int_equal(c.r.n, 5);
  /* Reyes reads the mayor's words out in marks: they are the mayor's, found in her turn */
  assert_int_equal(c.r.v[0].verdict, VB_VERBATIM);
  assert_false(c.r.v[0].speaker_mismatch);
  /* her own turn */
  assert_int_equal(c.r.v[1].verdict, VB_VERBATIM);
  assert_memory_equal(c.arena.p + c.r.v[1].speaker, "MAYOR OKONJO", 12);
  /* covered, and not in her material: not found, which fails the gate */
  assert_int_equal(c.r.v[2].verdict, VB_NOT_FOUND);
  /* nobody names Lars Berg: uncovered, which passes */
  assert_int_equal(c.r.v[3].verdict, VB_UNCOVERED);
  /* the mayor's words given to Reyes */
  assert_int_equal(c.r.v[4].verdict, VB_VERBATIM);
  assert_true(c.r.v[4].speaker_mismatch);
  {
    vb_gate g;
    vb_gate_default(&g);
    assert_true(vb_gate_fails(&g, c.r.v[2].verdict, 0, 0, 0));
    assert_false(vb_gate_fails(&g, c.r.v[3].verdict, 0, 0, 0));
    assert_true(vb_gate_fails(&g, c.r.v[4].verdict, 1, 0, 0));
  }
  vb_checked_free(&c);
}

/* a role is nobody's name: a Q: turn answers for anyone, and covers no one */
static void a_role_label_is_anyones_words(void **st) {
  const char *d = "\xe2\x80\x9cWill it open on Sundays?\xe2\x80\x9d asked Mia Holt.\n";
  const char *sp[] = {"Mia Holt"};
  vb_checked c = run(d, HALL, sp);
  (void)st;
  assert_int_equal(c.r.v[0].verdict, VB_VERBATIM);
  assert_false(c.r.v[0].speaker_mismatch);
  vb_checked_free(&c);
}

/* a moderator who names the speaker and reads their words out (no marks) gives them to
 * no one else: the words, found only there, are not misattributed; a turn that reads
 * them without naming the speaker is someone else's words */
static void a_turn_that_names_the_speaker_reads_them_out(void **st) {
  const char *t =
    "Second forum, transcript\n\n"
    "HOLM: Welcome back to the forum on the harbour and the ferries of the northern islands.\n\n"
    "PRAG: Thank you. I will answer every question you have about the harbour tonight.\n\n"
    "HOLM: Mr. Prag, in March you wrote this. The harbour tax will pay for three new ferries "
    "and a night service to every island by the end of next year. Do you stand by it?\n\n"
    "PRAG: I do, and I will show you how the numbers work out for each of the islands.\n\n"
    "HOLM: Our budget lets the council repair the old quay walls before the winter storms arrive this year.\n\n"
    "PRAG: That is the plan the council has made for the quay walls.\n";
  const char *d =
    "\xe2\x80\x9cThe harbour tax will pay for three new ferries and a night service to every island by "
    "the end of next year,\xe2\x80\x9d Jon Prag said.\n\n"
    "\xe2\x80\x9cOur budget lets the council repair the old quay walls before the winter storms arrive "
    "this year,\xe2\x80\x9d Jon Prag said.\n";
  const char *sp[] = {"Jon Prag", "Jon Prag"};
  vb_checked c = run(d, t, sp);
  (void)st;
  assert_int_equal(c.r.n, 2);
  assert_int_equal(c.r.v[0].verdict, VB_VERBATIM);
  assert_false(c.r.v[0].speaker_mismatch);
  assert_int_equal(c.r.v[1].verdict, VB_VERBATIM);
  assert_true(c.r.v[1].speaker_mismatch);
  vb_checked_free(&c);
}

/* a splice joins two passages of one text; parts found in two texts (stories that share
 * phrases) make no passage of either: not found */
static void a_splice_is_two_passages_of_one_text(void **st) {
  const char *one = "The harbour board met on Monday about the western pier and its lights. "
                    "Nobody spoke for an hour while the rain fell on the old roof of the hall. Then the treasurer read out the accounts of the lighthouse keepers.\n";
  const char *two = "Farmers in the valley planted barley early this spring because of the warm weather. "
                    "The harbour board met on Monday about the western pier and its lights.\n";
  const char *three = "Then the treasurer read out the accounts of the lighthouse keepers for the winter.\n";
  const char *d = "\xe2\x80\x9cThe harbour board met on Monday about the western pier and then the treasurer read "
                  "out the accounts of the lighthouse keepers,\xe2\x80\x9d Ida Lund said.\n";
  vb_material S;
  vb_quotes qs = {0};
  vb_checked c;
  vb_buf err = {0};
  (void)st;
  for (int k = 0; k < 2; k++) {
    memset(&S, 0, sizeof S);
    memset(&c, 0, sizeof c);
    if (!k) assert_int_equal(vb_material_add_text(&S, "one", one, strlen(one)), 0);
    else {
      assert_int_equal(vb_material_add_text(&S, "two", two, strlen(two)), 0);
      assert_int_equal(vb_material_add_text(&S, "three", three, strlen(three)), 0);
    }
    assert_int_equal(vb_quotes_find(d, strlen(d), NULL, &qs), 0);
    assert_int_equal(vb_check(d, strlen(d), &qs, NULL, &S, NULL, &c, &err), 0);
    assert_int_equal(c.r.n, 1);
    if (!k) {
      assert_int_equal(c.r.v[0].verdict, VB_ALTERED);
      assert_true(c.r.v[0].splice);
    } else assert_int_equal(c.r.v[0].verdict, VB_NOT_FOUND);
    vb_checked_free(&c);
    vb_quotes_free(&qs);
    vb_material_free(&S);
  }
  vb_buf_free(&err);
}

/* ---------------------------------------------------------------- the gate */

static void gate_lists(void **st) {
  vb_gate g;
  vb_buf b = {0}, err = {0};
  (void)st;
  vb_gate_default(&g);
  vb_gate_describe(&g, &b);
  assert_string_equal(b.p, "altered,not_found,misattributed,borrowed");
  assert_int_equal(vb_gate_parse(&g, "+uncovered,-not_found", &err), 0);
  b.n = 0; vb_gate_describe(&g, &b);
  assert_string_equal(b.p, "altered,uncovered,misattributed,borrowed");
  assert_int_equal(vb_gate_parse(&g, "altered", &err), 0);
  b.n = 0; vb_gate_describe(&g, &b);
  assert_string_equal(b.p, "altered");
  assert_false(vb_gate_fails(&g, VB_NOT_FOUND, 1, 0, 0));
  assert_int_equal(vb_gate_parse(&g, "all", &err), 0);
  assert_true(vb_gate_fails(&g, VB_CLEANED, 0, 0, 0) && vb_gate_fails(&g, VB_UNCOVERED, 0, 0, 0));
  assert_false(vb_gate_fails(&g, VB_VERBATIM, 0, 0, 0));
  assert_false(vb_gate_fails(&g, VB_ALTERED, 0, 1, 0));       /* a term, without g.terms */
  assert_false(vb_gate_fails(&g, VB_ALTERED, 0, 0, 1));       /* paraphrase never */
  assert_int_equal(vb_gate_parse(&g, "none", &err), 0);
  assert_false(vb_gate_fails(&g, VB_ALTERED, 1, 0, 0));
  assert_int_equal(vb_gate_parse(&g, "verbatim", &err), -1);
  assert_int_equal(vb_gate_parse(&g, "altred", &err), -1);
  assert_non_null(strstr(err.p, "altred"));
  vb_buf_free(&b); vb_buf_free(&err);
}

/* ---------------------------------------------------------------- words as journalists write them */

static void compounds_contractions_and_clean_ups(void **st) {
  const char *src = "JUDE: It was just locker-room talk, and I'm sorry. The fact checking came later.\n\n"
                    "JUDE: Well, I, uh, I think the the pier is -- the pier was never safe, um, at night.\n";
  const char *d = "\xe2\x80\x9cIt was just locker room talk, and I'm sorry,\xe2\x80\x9d Jude said. "
                  "\xe2\x80\x9cThe fact-checking came later,\xe2\x80\x9d he said. "
                  "\xe2\x80\x9cIt was just lockerroom talk, and I was sorry,\xe2\x80\x9d he said. "
                  "\xe2\x80\x9cI think the pier was never safe at night,\xe2\x80\x9d Jude said.\n";
  vb_checked c = run(d, src, NULL);
  (void)st;
  assert_int_equal(c.r.n, 4);
  assert_int_equal(c.r.v[0].verdict, VB_VERBATIM);            /* spaced = hyphenated */
  assert_int_equal(c.r.v[1].verdict, VB_VERBATIM);
  assert_int_equal(c.r.v[2].verdict, VB_ALTERED);             /* closed = hyphenated; I was for I'm: one change */
  {
    int changes = 0;
    for (size_t k = 0; k < c.r.v[2].nd; k++) changes += c.d.v[c.r.v[2].d0 + k].op == '+';
    assert_int_equal(changes, 1);
  }
  assert_int_equal(c.r.v[3].verdict, VB_CLEANED);             /* uh, the the, a false start, um */
  {
    int clean = 0;
    for (size_t k = 0; k < c.r.v[3].nd; k++) clean += c.d.v[c.r.v[3].d0 + k].cleanup;
    assert_true(clean >= 2);
  }
  vb_checked_free(&c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(threshold_grows_with_the_material),
    cmocka_unit_test(a_short_near_miss_is_no_misquote),
    cmocka_unit_test(a_long_misquote_is_altered),
    cmocka_unit_test(a_phrase_said_before_does_not_hide_the_passage),
    cmocka_unit_test(the_material_answers_for_whom_it_names),
    cmocka_unit_test(a_role_label_is_anyones_words),
    cmocka_unit_test(a_turn_that_names_the_speaker_reads_them_out),
    cmocka_unit_test(a_splice_is_two_passages_of_one_text),
    cmocka_unit_test(gate_lists),
    cmocka_unit_test(compounds_contractions_and_clean_ups),
    cmocka_unit_test(index_answers_as_the_scan),
    cmocka_unit_test(index_answers_as_the_scan_on_copies),
    cmocka_unit_test(many_drafts_as_each_alone),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
