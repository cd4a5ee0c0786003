/* cmocka tests for the aligner and verdicts (src/align.c, src/verdict.c), and for the
 * checker on in-memory sources (src/check.c): each editorial case, a splice, a quote
 * longer than its source, empty and hostile input. */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "align.h"
#include "check.h"
#include "normalise.h"
#include "verdict.h"
#include "turns.h"
#include "limits.h"

static const char SRC[] =
  "Opening remarks were brief.\n"
  "ARTHUR: Thirty days in jail for anyone who has not been incarcerated before is enough to "
  "concentrate the mind, and he said the law would change nothing at all.\n"
  "Q: What about the budget?\n"
  "MS. LEE: The budget will be balanced by the end of next year, whatever the council decides "
  "about the new bridge over the river.\n";

typedef struct res { vb_aln a; vb_verdict v; double score; vb_wtoks q, s; } res;

static res align(const char *quote, const char *src) {
  res r;
  memset(&r, 0, sizeof r);
  assert_int_equal(vb_tokenize(quote, strlen(quote), 1, &r.q), 0);
  assert_int_equal(vb_tokenize(src, strlen(src), 0, &r.s), 0);
  assert_int_equal(vb_align(r.q.t.v, r.q.t.n, r.s.t.v, r.s.t.n, &r.a), 0);
  r.v = vb_verdict_of(&r.a, r.q.marks, &r.score);
  return r;
}

static void done(res *r) { vb_aln_free(&r->a); vb_toks_free(&r->q); vb_toks_free(&r->s); }

static void verbatim_passage_is_located(void **st) {
  res r = align("the budget will be balanced by the end of next year", SRC);
  (void)st;
  assert_int_equal(r.v, VB_VERBATIM);
  assert_int_equal(r.a.edits, 0);
  assert_int_equal(r.a.matched, 11);
  assert_int_equal(memcmp(SRC + r.s.t.v[r.a.s0].start, "The budget", 10), 0);
  assert_int_equal(memcmp(SRC + r.s.t.v[r.a.s1 - 1].start, "year", 4), 0);
  assert_true(r.score > 0.99);
  done(&r);
}

static void ellipsis_skips_source_words(void **st) {
  (void)st;
  const char *q[] = {"Thirty days in jail \xe2\x80\xa6 is enough to concentrate the mind",
                     "Thirty days in jail ... is enough to concentrate the mind",
                     "Thirty days in jail . . . is enough to concentrate the mind"};
  for (int i = 0; i < 3; i++) {
    res r = align(q[i], SRC);
    assert_int_equal(r.v, VB_FAITHFUL);
    assert_int_equal(r.a.skipped, 8);
    done(&r);
  }
}

static void words_dropped_without_ellipsis_are_altered(void **st) {
  res r = align("Thirty days in jail is enough to concentrate the mind", SRC);
  (void)st;
  assert_int_equal(r.v, VB_ALTERED);
  assert_int_equal(r.a.dels, 8);
  done(&r);
}

static void brackets_replace_or_insert(void **st) {
  (void)st;
  {
    res r = align("and [Arthur] said the law would change nothing", SRC);
    assert_int_equal(r.v, VB_FAITHFUL);
    assert_int_equal(r.a.brackets, 1);
    done(&r);
  }
  {
    res r = align("the budget will [also] be balanced by the end of next year", SRC);
    assert_int_equal(r.v, VB_FAITHFUL);
    done(&r);
  }
  {
    res r = align("[T]he law would change nothing at all [sic]", SRC);
    assert_int_equal(r.v, VB_FAITHFUL);
    assert_int_equal(r.a.edits, 0);
    done(&r);
  }
}

static void changed_word_is_altered_with_its_place(void **st) {
  res r = align("the budget will be balanced by the end of this year", SRC);
  int subs = 0;
  (void)st;
  assert_int_equal(r.v, VB_ALTERED);
  assert_int_equal(r.a.subs, 1);
  for (size_t k = 0; k < r.a.steps.n; k++)
    if (r.a.steps.v[k].op == '~') {
      subs++;
      assert_int_equal(memcmp(SRC + r.s.t.v[r.a.steps.v[k].s].start, "next", 4), 0);
    }
  assert_int_equal(subs, 1);
  assert_true(r.score < 1.0);
  done(&r);
}

/* The passage may end anywhere for free; a changed last word must still be a
 * substitution of the source word, not a word added after the passage. */
static void changed_word_at_the_end_is_a_substitution(void **st) {
  static const char src[] = "We will open the bridge tomorrow night, the mayor told reporters at noon.";
  res r = align("We will open the bridge tomorrow evening.", src);
  const vb_step *last;
  (void)st;
  assert_int_equal(r.v, VB_ALTERED);
  assert_int_equal(r.a.subs, 1);
  assert_int_equal(r.a.ins, 0);
  assert_int_equal(r.a.tail, 1);
  last = &r.a.steps.v[r.a.steps.n - 1];
  assert_int_equal(last->op, '~');
  assert_int_equal(memcmp(src + r.s.t.v[last->s].start, "night", 5), 0);
  assert_int_equal(memcmp(src + r.s.t.v[r.a.s1 - 1].start, "night", 5), 0);
  done(&r);
  /* two changed words at the end */
  r = align("We will open the bridge tomorrow morning early", src);
  assert_int_equal(r.a.subs, 2);
  assert_int_equal(r.a.ins, 0);
  assert_int_equal(memcmp(src + r.s.t.v[r.a.s1 - 1].start, "the", 3), 0);
  done(&r);
  /* the first word changed */
  r = align("Tonight we will open the bridge", "The mayor said tomorrow we will open the bridge.");
  assert_int_equal(r.a.subs, 1);
  assert_int_equal(r.a.ins, 0);
  assert_int_equal(r.a.steps.v[0].op, '~');
  done(&r);
}

/* A long tail the source does not have is not paired word for word with whatever
 * follows the passage: the passage ends at the last matched word. */
static void long_unmatched_tail_stays_outside(void **st) {
  res r = align("the budget will be balanced by the end of next year and then taxes fall for everyone in town",
                "The budget will be balanced by the end of next year, whatever the council decides about "
                "the new bridge over the river.");
  (void)st;
  assert_int_equal(r.a.matched, 11);
  assert_int_equal(r.a.tail, 8);
  assert_int_equal(r.a.subs, 0);
  assert_int_equal(r.a.s1, 11);
  done(&r);
}

static void unrelated_sentence_is_not_found(void **st) {
  res r = align("Markets rallied sharply on Friday after the central bank surprised traders", SRC);
  (void)st;
  assert_int_equal(r.v, VB_NOT_FOUND);
  done(&r);
}

static void quote_longer_than_source(void **st) {
  res r = align("the budget will be balanced by the end of next year and then taxes fall for everyone in town",
                "The budget will be balanced by the end of next year.");
  (void)st;
  assert_int_equal(r.a.matched, 11);
  assert_int_equal(r.a.tail, 8);
  assert_int_equal(r.v, VB_NOT_FOUND);                 /* 11 of 19 words: not this quote's source */
  done(&r);
}

static void empty_inputs(void **st) {
  (void)st;
  {
    res r = align("", SRC);
    assert_int_equal(r.a.words, 0);
    assert_int_equal(r.v, VB_NOT_FOUND);
    done(&r);
  }
  {
    res r = align("some words here", "");
    assert_int_equal(r.a.matched, 0);
    assert_int_equal(r.v, VB_NOT_FOUND);
    done(&r);
  }
}

/* ---------------------------------------------------------------- the checker */

static vb_checked run(const char *draft, const char *src, const char *const *speakers) {
  vb_material S;
  vb_quotes qs = {0};
  vb_checked c;
  vb_buf err = {0};
  memset(&S, 0, sizeof S);
  memset(&c, 0, sizeof c);
  assert_int_equal(vb_material_add_text(&S, "transcript.txt", src, strlen(src)), 0);
  assert_int_equal(vb_quotes_find(draft, strlen(draft), NULL, &qs), 0);
  assert_int_equal(vb_check(draft, strlen(draft), &qs, speakers, &S, NULL, &c, &err), 0);
  assert_int_equal(c.r.n, qs.q.n);
  vb_quotes_free(&qs);
  vb_material_free(&S);
  vb_buf_free(&err);
  return c;
}

static void check_reports_place_speaker_and_diff(void **st) {
  const char *d = "She said \xe2\x80\x9cthe budget will be balanced by the end of this year.\xe2\x80\x9d\n";
  const char *sp[] = {"Jane Lee"};
  vb_checked c = run(d, SRC, sp);
  const vb_cres *r = &c.r.v[0];
  int minus = 0, plus = 0;
  (void)st;
  assert_int_equal(r->verdict, VB_ALTERED);
  assert_true(r->has_passage);
  assert_int_equal(r->start, (size_t)(strstr(SRC, "The budget") - SRC));
  assert_int_equal(r->line, 4);
  assert_int_equal(r->col, 10);
  assert_true(r->has_speaker);
  assert_int_equal(r->speaker_len, 7);
  assert_int_equal(memcmp(c.arena.p + r->speaker, "MS. LEE", 7), 0);
  assert_false(r->speaker_mismatch);
  for (size_t k = 0; k < r->nd; k++) {
    const vb_dop *x = &c.d.v[r->d0 + k];
    if (x->op == '-') { minus++; assert_int_equal(memcmp(c.arena.p + x->off, "next", 4), 0); }
    if (x->op == '+') { plus++; assert_int_equal(memcmp(c.arena.p + x->off, "this", 4), 0); }
  }
  assert_int_equal(minus, 1);
  assert_int_equal(plus, 1);
  vb_checked_free(&c);
}

static void check_diffs_a_changed_last_word(void **st) {
  const char *src = "ARTHUR: We will open the bridge tomorrow night, the mayor told reporters at noon.\n";
  const char *d = "He said \xe2\x80\x9cWe will open the bridge tomorrow evening.\xe2\x80\x9d\n";
  vb_checked c = run(d, src, NULL);
  const vb_cres *r = &c.r.v[0];
  (void)st;
  assert_int_equal(r->verdict, VB_ALTERED);
  assert_int_equal(r->start, 8);
  assert_int_equal(r->end, (size_t)(strstr(src, "night") - src) + 5);
  assert_int_equal(r->nd, 3);
  assert_int_equal(c.d.v[r->d0].op, '=');
  assert_int_equal(c.d.v[r->d0].len, strlen("We will open the bridge tomorrow"));
  assert_int_equal(c.d.v[r->d0 + 1].op, '-');
  assert_int_equal(c.d.v[r->d0 + 1].len, 5);
  assert_int_equal(memcmp(c.arena.p + c.d.v[r->d0 + 1].off, "night", 5), 0);
  assert_int_equal(c.d.v[r->d0 + 2].op, '+');
  assert_int_equal(c.d.v[r->d0 + 2].len, 7);
  assert_int_equal(memcmp(c.arena.p + c.d.v[r->d0 + 2].off, "evening", 7), 0);
  vb_checked_free(&c);
}

static void check_flags_the_wrong_speaker(void **st) {
  const char *d = "He said \xe2\x80\x9cthe budget will be balanced by the end of next year.\xe2\x80\x9d\n";
  const char *sp[] = {"Andrew Arthur"};
  vb_checked c = run(d, SRC, sp);
  (void)st;
  assert_int_equal(c.r.v[0].verdict, VB_VERBATIM);
  assert_true(c.r.v[0].speaker_mismatch);
  vb_checked_free(&c);
}

static void check_calls_a_splice(void **st) {
  /* the start of ARTHUR's sentence joined to the end of MS. LEE's, no ellipsis */
  const char *d = "\xe2\x80\x9cThirty days in jail for anyone who has not been incarcerated "
                  "about the new bridge over the river.\xe2\x80\x9d\n";
  vb_checked c = run(d, SRC, NULL);
  (void)st;
  assert_int_equal(c.r.v[0].verdict, VB_ALTERED);
  assert_true(c.r.v[0].splice);
  vb_checked_free(&c);
}

static void check_faithful_and_not_found(void **st) {
  const char *d = "\xe2\x80\x9cThirty days in jail \xe2\x80\xa6 is enough to concentrate the mind,\xe2\x80\x9d he said. "
                  "Later: \xe2\x80\x9cWe never discussed the bridge with anyone from the city council.\xe2\x80\x9d\n";
  vb_checked c = run(d, SRC, NULL);
  (void)st;
  assert_int_equal(c.r.n, 2);
  assert_int_equal(c.r.v[0].verdict, VB_FAITHFUL);
  /* nobody named and every word of the material in someone's turn: nothing here can
   * answer for the second quote */
  assert_int_equal(c.r.v[1].verdict, VB_UNCOVERED);
  assert_false(c.r.v[1].has_passage);
  vb_checked_free(&c);
}

static void check_hostile_input(void **st) {
  const char d[] = "\xe2\x80\x9c\xff\xfe \0 [[ ... \xe2\x80\xa6 ]\xe2\x80\x9d \xe2\x80\x9c unbalanced";
  const char s[] = "\0\0\xff junk [ ] ... \xe2\x80";
  vb_material S;
  vb_quotes qs = {0};
  vb_checked c;
  vb_buf err = {0};
  vb_copts o = {.borrowed = 12};
  (void)st;
  memset(&S, 0, sizeof S);
  memset(&c, 0, sizeof c);
  assert_int_equal(vb_material_add_text(&S, "x", s, sizeof s - 1), 0);
  assert_int_equal(vb_quotes_find(d, sizeof d - 1, NULL, &qs), 0);
  assert_int_equal(vb_check(d, sizeof d - 1, &qs, NULL, &S, &o, &c, &err), 0);
  for (size_t i = 0; i < c.r.n; i++) assert_int_equal(c.r.v[i].verdict, VB_NOT_FOUND);
  vb_checked_free(&c);
  vb_quotes_free(&qs);
  vb_material_free(&S);
  vb_buf_free(&err);
}

static void check_reports_borrowed_prose(void **st) {
  const char *d = "The mayor spoke. Thirty days in jail for anyone who has not been incarcerated before is "
                  "enough to concentrate the mind, critics said.\n";
  vb_material S;
  vb_quotes qs = {0};
  vb_checked c;
  vb_buf err = {0};
  vb_copts o = {.borrowed = 12};
  (void)st;
  memset(&S, 0, sizeof S);
  memset(&c, 0, sizeof c);
  assert_int_equal(vb_material_add_text(&S, "t", SRC, strlen(SRC)), 0);
  assert_int_equal(vb_quotes_find(d, strlen(d), NULL, &qs), 0);
  assert_int_equal(vb_check(d, strlen(d), &qs, NULL, &S, &o, &c, &err), 0);
  assert_int_equal(c.b.n, 1);
  assert_int_equal(c.b.v[0].words, 18);
  assert_int_equal(c.b.v[0].start, 17);
  vb_checked_free(&c);
  vb_quotes_free(&qs);
  vb_material_free(&S);
  vb_buf_free(&err);
}

/* A quote of 1500 words is aligned in chunks: still verbatim, or altered at one word. */
static void check_a_long_quote(void **st) {
  vb_buf src = {0}, d = {0};
  vb_material S;
  vb_quotes qs = {0};
  vb_checked c;
  vb_buf err = {0};
  unsigned x = 12345;
  (void)st;
  for (int i = 0; i < 1500; i++) {          /* words like "kabo", "tirelu": a made-up prose */
    static const char *syl[] = {"ka", "bo", "ti", "re", "lu", "mon", "sa", "ve", "dri", "po"};
    int k = 2 + (int)((x >> 8) % 2);
    if (i) vb_buf_addc(&src, ' ');
    for (int j = 0; j < k; j++) { x = x * 1103515245u + 12345u; vb_buf_adds(&src, syl[(x >> 16) % 10]); }
  }
  vb_buf_adds(&d, "\xe2\x80\x9c");
  vb_buf_add(&d, src.p, src.n);
  vb_buf_adds(&d, "\xe2\x80\x9d\n");
  for (int round = 0; round < 2; round++) {
    memset(&S, 0, sizeof S);
    memset(&c, 0, sizeof c);
    memset(&qs, 0, sizeof qs);
    if (round) memcpy(strchr(d.p + d.n / 2, ' ') + 1, "zzzz", 4);   /* one word changed */
    assert_int_equal(vb_material_add_text(&S, "long", src.p, src.n), 0);
    assert_int_equal(vb_quotes_find(d.p, d.n, NULL, &qs), 0);
    assert_int_equal(qs.q.n, 1);
    assert_int_equal(vb_check(d.p, d.n, &qs, NULL, &S, NULL, &c, &err), 0);
    assert_int_equal(c.r.n, 1);
    assert_int_equal(c.r.v[0].verdict, round ? VB_ALTERED : VB_VERBATIM);
    assert_int_equal(c.r.v[0].start, 0);
    assert_int_equal(c.r.v[0].end, src.n);
    vb_checked_free(&c);
    vb_quotes_free(&qs);
    vb_material_free(&S);
  }
  vb_buf_free(&src); vb_buf_free(&d); vb_buf_free(&err);
}

static void speakers_by_name_initials_or_legend(void **st) {
  const char *t = "Interview. R: reporter. ML: Marta Lindqvist.\n\nML: We will hand it in.\n";
  size_t a, b;
  (void)st;
  assert_true(vb_same_speaker("Andrew Arthur", 13, "ARTHUR", 6));
  assert_true(vb_same_speaker("Mr. Smith", 9, "MR. SMITH", 9));
  assert_false(vb_same_speaker("Mr. Jones", 9, "MR. SMITH", 9));
  assert_true(vb_same_speaker("Marta Lindqvist", 15, "ML", 2));
  assert_false(vb_same_speaker("Mark Reyes", 10, "ML", 2));
  assert_true(vb_label_legend(t, strlen(t), "ML", 2, &a, &b));
  assert_int_equal(b - a, 15);
  assert_int_equal(memcmp(t + a, "Marta Lindqvist", 15), 0);
  assert_true(vb_label_legend(t, strlen(t), "R", 1, &a, &b));
  assert_int_equal(memcmp(t + a, "reporter", b - a), 0);
  assert_false(vb_label_legend(t, strlen(t), "Q", 1, &a, &b));
  assert_true(vb_turn_speaker(t, strlen(t), strlen(t) - 5, &a, &b));
  assert_int_equal(memcmp(t + a, "ML", b - a), 0);
}

/* A gram repeated in many quotes and all over the source: the hits stay bounded (the
 * child runs under a 256 MB address-space limit; before the cap it needed gigabytes).
 * Found fewer times than the cap in all the material, the gram seeds every quote, none
 * left out because others took the hits; found more often, it seeds none, and the
 * quotes are not placed, with a confidence that says so. */
static int repeated_grams_run(int times, vb_verdict want) {
  vb_buf src = {0}, d = {0}, err = {0};
  vb_material S;
  vb_quotes qs = {0};
  vb_checked c;
  int bad = 0;
  memset(&S, 0, sizeof S);
  memset(&c, 0, sizeof c);
  for (int i = 0; i < times; i++) vb_buf_adds(&src, "the ");
  for (int i = 0; i < 40; i++) {
    vb_buf_adds(&d, "\xe2\x80\x9c");
    for (int j = 0; j < 30; j++) vb_buf_adds(&d, j ? " the" : "the");
    vb_buf_adds(&d, "\xe2\x80\x9d said Anna Berg.\n\n");
  }
  if (vb_material_add_text(&S, "the", src.p, src.n) || vb_quotes_find(d.p, d.n, NULL, &qs) ||
      vb_check(d.p, d.n, &qs, NULL, &S, NULL, &c, &err) || c.r.n != 40) bad = 1;
  for (size_t i = 0; !bad && i < c.r.n; i++)
    bad = c.r.v[i].verdict != want || (want == VB_NOT_FOUND && c.r.v[i].confidence > 0.5);
  vb_checked_free(&c); vb_quotes_free(&qs); vb_material_free(&S);
  vb_buf_free(&src); vb_buf_free(&d); vb_buf_free(&err);
  return bad;
}

static int repeated_grams_child(void *arg) {
  (void)arg;
  return repeated_grams_run(4000, VB_VERBATIM) || repeated_grams_run(30000, VB_NOT_FOUND);
}

static void check_repeated_grams_stay_bounded(void **st) {
  (void)st;
  assert_int_equal(vb_in_child(256, repeated_grams_child, NULL), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(verbatim_passage_is_located),
    cmocka_unit_test(ellipsis_skips_source_words),
    cmocka_unit_test(words_dropped_without_ellipsis_are_altered),
    cmocka_unit_test(brackets_replace_or_insert),
    cmocka_unit_test(changed_word_is_altered_with_its_place),
    cmocka_unit_test(changed_word_at_the_end_is_a_substitution),
    cmocka_unit_test(long_unmatched_tail_stays_outside),
    cmocka_unit_test(unrelated_sentence_is_not_found),
    cmocka_unit_test(quote_longer_than_source),
    cmocka_unit_test(empty_inputs),
    cmocka_unit_test(check_reports_place_speaker_and_diff),
    cmocka_unit_test(check_diffs_a_changed_last_word),
    cmocka_unit_test(check_flags_the_wrong_speaker),
    cmocka_unit_test(check_calls_a_splice),
    cmocka_unit_test(check_faithful_and_not_found),
    cmocka_unit_test(check_hostile_input),
    cmocka_unit_test(check_reports_borrowed_prose),
    cmocka_unit_test(check_a_long_quote),
    cmocka_unit_test(check_repeated_grams_stay_bounded),
    cmocka_unit_test(speakers_by_name_initials_or_legend),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
