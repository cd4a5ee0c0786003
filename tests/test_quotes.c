/* cmocka tests for the quote finder (src/quotes.c). Expected spans are found with
 * strstr in the input itself, so every offset checked is a byte offset of the text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "quotes.h"

#define LQ "\xe2\x80\x9c"   /* “ */
#define RQ "\xe2\x80\x9d"   /* ” */
#define LOW "\xe2\x80\x9e"  /* „ */
#define LS "\xe2\x80\x98"   /* ‘ */
#define RS "\xe2\x80\x99"   /* ’ */
#define GL "\xc2\xab"       /* « */
#define GR "\xc2\xbb"       /* » */

static vb_quotes findn(const char *s, size_t n, int nested) {
  vb_quotes qs = {0};
  vb_qopts o = {0};
  o.nested = nested;
  assert_int_equal(vb_quotes_find(s, n, &o, &qs), 0);
  return qs;
}

static vb_quotes find(const char *s) { return findn(s, strlen(s), 0); }

static size_t off(const char *s, const char *sub) {
  const char *p = strstr(s, sub);
  assert_non_null(p);
  return (size_t)(p - s);
}

/* Quote k spans exactly the substring span of s, and its words are inner. */
static void expect_quote(const char *s, const vb_quotes *qs, size_t k, const char *span, const char *inner) {
  vb_buf t = {0};
  const vb_quote *q;
  assert_true(k < qs->q.n);
  q = &qs->q.v[k];
  assert_int_equal(q->start, off(s, span));
  assert_int_equal(q->end, off(s, span) + strlen(span));
  vb_quote_text(s, qs, q, &t);
  assert_int_equal(t.n, strlen(inner));
  assert_memory_equal(t.p ? t.p : "", inner, t.n);
  vb_buf_free(&t);
}

static void one_style(const char *s, const char *span, const char *inner) {
  vb_quotes qs = find(s);
  assert_int_equal(qs.q.n, 1);
  expect_quote(s, &qs, 0, span, inner);
  assert_int_equal(qs.diag.n, 0);
  vb_quotes_free(&qs);
}

static void mark_styles(void **st) {
  (void)st;
  one_style("He said \"we can win.\" Then left.", "\"we can win.\"", "we can win.");
  one_style("He said " LQ "we can win." RQ " Then left.", LQ "we can win." RQ, "we can win.");
  one_style("He said ''we can win.'' Then left.", "''we can win.''", "we can win.");
  one_style("He said ``we can win.'' Then left.", "``we can win.''", "we can win.");
  one_style("Er sagte " LOW "wir gewinnen." LQ " Dann ging er.", LOW "wir gewinnen." LQ, "wir gewinnen.");
  one_style("Il a dit " GL " nous gagnerons. " GR " Puis il partit.", GL " nous gagnerons. " GR, " nous gagnerons. ");
  one_style("Han sagde " GR "vi vinder." GL " Og gik.", GR "vi vinder." GL, "vi vinder.");
}

static void singles_nested_in_doubles(void **st) {
  const char *s = "She said, " LQ "He told me " LS "go home" RS " and left." RQ " Fine.";
  vb_quotes qs = find(s);
  (void)st;
  assert_int_equal(qs.q.n, 1);   /* nested quotes are off by default */
  expect_quote(s, &qs, 0, LQ "He told me " LS "go home" RS " and left." RQ, "He told me " LS "go home" RS " and left.");
  vb_quotes_free(&qs);
  qs = findn(s, strlen(s), 1);
  assert_int_equal(qs.q.n, 2);
  expect_quote(s, &qs, 1, LS "go home" RS, "go home");
  assert_int_equal(qs.q.v[0].parent, -1);
  assert_int_equal(qs.q.v[1].parent, 0);
  vb_quotes_free(&qs);
  /* straight singles inside straight doubles */
  s = "He said \"they shouted 'stop' twice.\" Then";
  qs = findn(s, strlen(s), 1);
  assert_int_equal(qs.q.n, 2);
  expect_quote(s, &qs, 1, "'stop'", "stop");
  vb_quotes_free(&qs);
}

static void singles_as_outer_quotes(void **st) {
  const char *s = "The minister said " LS "we will not give way" RS " on Tuesday.\n\n" LS "Never," RS " she added.";
  vb_quotes qs = find(s);
  (void)st;
  assert_int_equal(qs.q.n, 2);
  expect_quote(s, &qs, 0, LS "we will not give way" RS, "we will not give way");
  expect_quote(s, &qs, 1, LS "Never," RS, "Never,");
  vb_quotes_free(&qs);
}

static void apostrophes_are_not_quotes(void **st) {
  /* inside a double quote with nested quotes on: no single-quote pair may appear */
  const char *s = "\"It" RS "s Vaughan" RS "s call: the Smiths" RS " house, " RS "90s rock " RS "n" RS
                  " roll, it's all fine,\" she said. The Smiths' house isn't 'em.";
  vb_quotes qs = findn(s, strlen(s), 1);
  (void)st;
  assert_int_equal(qs.q.n, 1);
  assert_int_equal(qs.q.v[0].start, 0);
  assert_int_equal(qs.q.v[0].end, off(s, " she said"));
  assert_int_equal(qs.diag.n, 0);
  vb_quotes_free(&qs);
  /* singles as outer quotes: the apostrophes inside do not close the quote */
  s = LS "It" RS "s Vaughan" RS "s idea, and it" RS "s " RS "90s rock " RS "n" RS " roll," RS " she said.";
  qs = find(s);
  assert_int_equal(qs.q.n, 1);
  expect_quote(s, &qs, 0, LS "It" RS "s Vaughan" RS "s idea, and it" RS "s " RS "90s rock " RS "n" RS " roll," RS,
               "It" RS "s Vaughan" RS "s idea, and it" RS "s " RS "90s rock " RS "n" RS " roll,");
  vb_quotes_free(&qs);
  /* no quotes at all, only apostrophes */
  s = "It" RS "s the Smiths" RS " house, a ’90s thing, rock ’n’ roll.";
  qs = find(s);
  assert_int_equal(qs.q.n, 0);
  assert_int_equal(qs.diag.n, 0);
  vb_quotes_free(&qs);
}

static void block_quote_has_parts(void **st) {
  const char *s = "Intro line.\n\n" LQ "The first paragraph opens.\n\n" LQ "The second goes on.\n\n" LQ
                  "The third ends." RQ "\n\nAfter it.";
  vb_quotes qs = find(s);
  const vb_quote *q;
  const vb_part *p;
  vb_buf t = {0};
  (void)st;
  assert_int_equal(qs.q.n, 1);
  q = &qs.q.v[0];
  assert_int_equal(q->kind, VB_BLOCK);
  assert_string_equal(vb_kind_names[q->kind], "block");
  assert_int_equal(q->nparts, 3);
  assert_int_equal(q->start, off(s, LQ "The first"));
  assert_int_equal(q->end, off(s, "\n\nAfter"));
  assert_int_equal(q->line, 3);
  assert_int_equal(q->col, 1);
  p = &qs.parts.v[q->part0];
  assert_int_equal(p[0].start, off(s, LQ "The first"));
  assert_int_equal(p[0].end, off(s, "\n\n" LQ "The second"));
  assert_int_equal(p[1].start, off(s, LQ "The second"));
  assert_int_equal(p[1].istart, off(s, "The second"));
  assert_int_equal(p[1].iend, off(s, "\n\n" LQ "The third"));
  assert_int_equal(p[2].start, off(s, LQ "The third"));
  assert_int_equal(p[2].iend, off(s, RQ "\n\nAfter"));
  assert_int_equal(p[2].end, off(s, "\n\nAfter"));
  vb_quote_text(s, &qs, q, &t);
  vb_buf_addc(&t, 0);
  assert_string_equal(t.p, "The first paragraph opens.\nThe second goes on.\nThe third ends.");
  assert_int_equal(qs.diag.n, 0);
  vb_buf_free(&t);
  vb_quotes_free(&qs);
}

static void unclosed_quote_is_diagnosed(void **st) {
  const char *s = "First line.\nHe said " LQ "this never closes.\n\nNext paragraph has " LQ "a full quote," RQ " he said.";
  vb_quotes qs = find(s);
  (void)st;
  assert_int_equal(qs.diag.n, 1);
  assert_int_equal(qs.diag.v[0].off, off(s, LQ "this never"));
  assert_int_equal(qs.diag.v[0].line, 2);
  assert_int_equal(qs.diag.v[0].col, off(s, LQ "this never") - off(s, "He said") + 1);
  assert_string_equal(qs.diag.v[0].msg, "unclosed quotation mark");
  /* best effort: the unclosed quote ends with its paragraph; the next quote is intact */
  assert_int_equal(qs.q.n, 2);
  expect_quote(s, &qs, 0, LQ "this never closes.", "this never closes.");
  expect_quote(s, &qs, 1, LQ "a full quote," RQ, "a full quote,");
  vb_quotes_free(&qs);
  /* at the very end of the text */
  s = "He said " LQ "no end in sight   ";
  qs = find(s);
  assert_int_equal(qs.diag.n, 1);
  assert_int_equal(qs.diag.v[0].off, 8);
  assert_int_equal(qs.q.n, 1);
  expect_quote(s, &qs, 0, LQ "no end in sight", "no end in sight");
  vb_quotes_free(&qs);
}

static void stray_closer_is_diagnosed(void **st) {
  const char *s = "Line one.\n\nA stray" RQ " mark here.\n\n" LQ "A real quote," RQ " she said.";
  vb_quotes qs = find(s);
  (void)st;
  assert_int_equal(qs.diag.n, 1);
  assert_string_equal(qs.diag.v[0].msg, "stray closing quotation mark");
  assert_int_equal(qs.diag.v[0].off, off(s, RQ " mark"));
  assert_int_equal(qs.diag.v[0].line, 3);
  assert_int_equal(qs.diag.v[0].col, 8);
  assert_int_equal(qs.q.n, 1);
  expect_quote(s, &qs, 0, LQ "A real quote," RQ, "A real quote,");
  vb_quotes_free(&qs);
}

static void line_and_column(void **st) {
  const char *s = "one\ntwo\n\nab " LQ "Yes," RQ " he said.";
  vb_quotes qs = find(s);
  (void)st;
  assert_int_equal(qs.q.n, 1);
  assert_int_equal(qs.q.v[0].line, 4);
  assert_int_equal(qs.q.v[0].col, 4);
  vb_quotes_free(&qs);
}

static vb_kind kind_of(const char *s, const char *span) {
  vb_quotes qs = find(s);
  vb_kind k;
  assert_int_equal(qs.q.n, 1);
  assert_int_equal(qs.q.v[0].start, off(s, span));
  k = qs.q.v[0].kind;
  vb_quotes_free(&qs);
  return k;
}

static void kinds(void **st) {
  (void)st;
  assert_int_equal(kind_of("Officials were told to adopt a " LQ "zero tolerance policy" RQ " for offenses.", LQ), VB_TERM);
  assert_int_equal(kind_of("Quick - Do This Before Biden " LQ "Fixes" RQ " Your Retirement Plan", LQ), VB_TERM);
  assert_int_equal(kind_of("He said on CNN" RS "s " LQ "State of the Union," RQ " that he would.", LQ), VB_TERM);
  assert_int_equal(kind_of("<tweet id=\"7834991\"></tweet>", "\"7"), VB_TERM);
  assert_int_equal(kind_of("She called the plan " LQ "a crazy system" RQ " on Monday.", LQ), VB_PARTIAL);
  assert_int_equal(kind_of("He said Machado was " LQ "disgusting" RQ " and left.", LQ), VB_PARTIAL);
  /* a name someone was called is speech, not a title */
  assert_int_equal(kind_of("Trump called her " LQ "Miss Piggy" RQ " in 1996.", LQ), VB_PARTIAL);
  assert_int_equal(kind_of(LQ "We will win this election," RQ " she said.", LQ), VB_DIRECT);
  assert_int_equal(kind_of("She said: " LQ "Yes." RQ, LQ), VB_DIRECT);
  assert_string_equal(vb_kind_names[VB_TERM], "term");
  assert_string_equal(vb_kind_names[VB_PARTIAL], "partial");
  assert_string_equal(vb_kind_names[VB_DIRECT], "direct");
}

static void classifier_is_callable_alone(void **st) {
  const char *s = "adopt a \"zero tolerance policy\" now";
  size_t a = off(s, "\""), e = off(s, "\" now") + 1;
  (void)st;
  assert_int_equal(vb_quote_kind(s, strlen(s), a, a + 1, e - 1, e), VB_TERM);
  s = "He called it \"a long and costly mistake that we regret\" today";
  a = off(s, "\"");
  e = off(s, "\" today") + 1;
  assert_int_equal(vb_quote_kind(s, strlen(s), a, a + 1, e - 1, e), VB_PARTIAL);
  /* inconsistent spans are not read */
  assert_int_equal(vb_quote_kind(s, 5, 3, 4, 10, 12), VB_DIRECT);
}

static void quote_marks_at_paragraph_edges(void **st) {
  /* some writers open with ” and close with “ */
  const char *s = "Intro.\n\n" RQ "Fear is what I feel," RQ " she said.\n\nThe rate is 51 percent." LQ "\n\nEnd.";
  vb_quotes qs = find(s);
  (void)st;
  assert_int_equal(qs.q.n, 1);
  expect_quote(s, &qs, 0, RQ "Fear is what I feel," RQ, "Fear is what I feel,");
  vb_quotes_free(&qs);
  s = "He said " LQ "the rate is 51 percent." LQ "\n\nEnd.";
  qs = find(s);
  assert_int_equal(qs.q.n, 1);
  expect_quote(s, &qs, 0, LQ "the rate is 51 percent." LQ, "the rate is 51 percent.");
  assert_int_equal(qs.diag.n, 0);
  vb_quotes_free(&qs);
}

static void empty_input(void **st) {
  vb_quotes qs = {0};
  (void)st;
  assert_int_equal(vb_quotes_find("", 0, NULL, &qs), 0);
  assert_int_equal(qs.q.n, 0);
  assert_int_equal(vb_quotes_find(NULL, 0, NULL, &qs), 0);
  assert_int_equal(qs.q.n, 0);
  vb_quotes_free(&qs);
  qs = find("\"\" and " LQ "  " RQ);   /* marks around nothing are no quotation */
  assert_int_equal(qs.q.n, 0);
  vb_quotes_free(&qs);
}

/* Invariants every result must keep. */
static void check_invariants(const vb_quotes *qs, size_t n) {
  for (size_t k = 0; k < qs->q.n; k++) {
    const vb_quote *q = &qs->q.v[k];
    assert_true(q->start < q->end && q->end <= n);
    assert_true(q->start <= q->istart && q->istart <= q->iend && q->iend <= q->end);
    if (k) assert_true(qs->q.v[k - 1].start <= q->start);
    assert_true(q->nparts >= 1 && q->part0 + q->nparts <= qs->parts.n);
    for (size_t j = 0; j < q->nparts; j++) {
      const vb_part *p = &qs->parts.v[q->part0 + j];
      assert_true(q->start <= p->start && p->end <= q->end);
      assert_true(p->start <= p->istart && p->istart <= p->iend && p->iend <= p->end);
    }
    if (q->parent >= 0) {
      const vb_quote *up = &qs->q.v[q->parent];
      assert_true((size_t)q->parent < k && up->start <= q->start && q->end <= up->end);
    }
  }
  assert_true(qs->diag.n <= 1001);
  for (size_t k = 0; k < qs->diag.n; k++) assert_true(qs->diag.v[k].off < n);
}

static void hostile_line_of_marks(void **st) {
  static const char pat[] = "\"" LQ RQ LOW GL GR "''``" LS RS "'x ";
  size_t n = 50u * 1000 * 1000, plen = sizeof pat - 1;
  char *s = malloc(n);
  vb_quotes qs;
  (void)st;
  assert_non_null(s);
  for (size_t i = 0; i < n; i += plen) memcpy(s + i, pat, n - i < plen ? n - i : plen);
  qs = findn(s, n, 1);
  check_invariants(&qs, n);
  vb_quotes_free(&qs);
  memset(s, '"', n);     /* one long line of straight marks: pairs around nothing */
  qs = findn(s, n, 0);
  assert_int_equal(qs.q.n, 0);
  check_invariants(&qs, n);
  vb_quotes_free(&qs);
  free(s);
}

static void ten_thousand_nested(void **st) {
  size_t depth = 10000, i, n = depth * 6 + 3;
  char *s = malloc(n);
  vb_quotes qs;
  (void)st;
  assert_non_null(s);
  for (i = 0; i < depth; i++) memcpy(s + 3 * i, LQ, 3);
  memcpy(s + 3 * depth, "abc", 3);
  for (i = 0; i < depth; i++) memcpy(s + 3 * depth + 3 + 3 * i, RQ, 3);
  qs = findn(s, n, 1);
  check_invariants(&qs, n);
  assert_true(qs.q.n >= 1);
  assert_int_equal(qs.q.v[0].start, 0);
  assert_int_equal(qs.q.v[0].parent, -1);
  for (i = 1; i < qs.q.n; i++) assert_int_equal(qs.q.v[i].parent, (int)i - 1);   /* a chain */
  assert_true(qs.diag.n > 0);
  vb_quotes_free(&qs);
  free(s);
}

static void invalid_utf8_keeps_offsets(void **st) {
  const char *s = "\xff\xfe He said " LQ "a\xc3 b\xe2\x80 c" RQ " and \xed\xa0\x80 " LQ "d" RQ " end \xe2\x80";
  vb_quotes qs = find(s);
  (void)st;
  assert_int_equal(qs.q.n, 2);
  expect_quote(s, &qs, 0, LQ "a\xc3 b\xe2\x80 c" RQ, "a\xc3 b\xe2\x80 c");
  expect_quote(s, &qs, 1, LQ "d" RQ, "d");
  check_invariants(&qs, strlen(s));
  vb_quotes_free(&qs);
}

static void nul_bytes_inside_quotes(void **st) {
  static const char a[] = "He said " LQ "we\0will\0win," RQ " she said. \"Then\0this.\"";
  static const char b[] = "He said " LQ "weXwillXwin," RQ " she said. \"ThenXthis.\"";
  size_t n = sizeof a - 1;
  vb_quotes qa = findn(a, n, 0), qb = findn(b, n, 0);
  vb_buf t = {0};
  (void)st;
  assert_int_equal(qa.q.n, 2);
  assert_int_equal(qa.q.n, qb.q.n);
  for (size_t k = 0; k < qa.q.n; k++) {
    assert_int_equal(qa.q.v[k].start, qb.q.v[k].start);
    assert_int_equal(qa.q.v[k].end, qb.q.v[k].end);
    assert_int_equal(qa.q.v[k].iend, qb.q.v[k].iend);
  }
  assert_int_equal(qa.q.v[0].start, 8);
  vb_quote_text(a, &qa, &qa.q.v[0], &t);
  assert_int_equal(t.n, 12);
  assert_memory_equal(t.p, "we\0will\0win,", 12);
  vb_buf_free(&t);
  vb_quotes_free(&qa);
  vb_quotes_free(&qb);
}

static void seed_like_paragraphs(void **st) {
  /* quote, attribution, second quote in one paragraph; a pull quote alone */
  const char *s = LQ "Those crimes occur daily," RQ " he said. " LQ "Typically, few are charged." RQ "\n\n"
                  LQ "Thirty days in jail [before] is enough." RQ "\n";
  vb_quotes qs = find(s);
  (void)st;
  assert_int_equal(qs.q.n, 3);
  for (size_t k = 0; k < 3; k++) assert_int_equal(qs.q.v[k].kind, VB_DIRECT);
  expect_quote(s, &qs, 2, LQ "Thirty days in jail [before] is enough." RQ, "Thirty days in jail [before] is enough.");
  assert_int_equal(qs.diag.n, 0);
  vb_quotes_free(&qs);
}

/* British style: speech in single marks, one scare quote in doubles elsewhere. Each
 * single is decided by its own context, and apostrophes (I’ve, farmers’, ’90s) stay
 * apostrophes. */
static void british_singles_beside_doubles(void **st) {
  const char *s = "The minister said: " LS "I" RS "ve been clear. The farmers" RS " union agrees." RS "\n\n"
                  "Critics called it a " LQ "fudge" RQ ".\n\n"
                  LS "It is a plan for a plan," RS " said Owen Price. The 1990s" RS " mood, the " RS "90s, are gone.";
  vb_quotes qs = find(s);
  (void)st;
  assert_int_equal(qs.q.n, 3);
  expect_quote(s, &qs, 0, LS "I" RS "ve been clear. The farmers" RS " union agrees." RS,
               "I" RS "ve been clear. The farmers" RS " union agrees.");
  expect_quote(s, &qs, 1, LQ "fudge" RQ, "fudge");
  expect_quote(s, &qs, 2, LS "It is a plan for a plan," RS, "It is a plan for a plan,");
  assert_int_equal(qs.q.v[0].kind, VB_DIRECT);
  vb_quotes_free(&qs);
  /* an opener with no closer in its paragraph is an apostrophe, not a quote */
  qs = find("Rock " LS "n" RS " roll, " LQ "said" RQ " he, and " LS "twas late.\n\n" RS "Tis true.");
  assert_int_equal(qs.q.n, 1);
  vb_quotes_free(&qs);
}

/* Sixty thousand openers in one paragraph, one closer at its end: each opener asks for a
 * closer, and the answer is shared (every byte is looked at once), so this is quick;
 * the stack bound turns the rest into a diagnostic. */
static void british_many_openers(void **st) {
  size_t n = 400000, k = 0;
  char *s = malloc(n + 64);
  vb_quotes qs;
  (void)st;
  assert_non_null(s);
  k += (size_t)sprintf(s, LQ "x" RQ " ");
  while (k + 8 < n) { memcpy(s + k, LS "ab ", 6); k += 6; }
  memcpy(s + k, "end" RS ".", 7);
  k += 7;
  qs = findn(s, k, 0);
  assert_true(qs.q.n >= 1);
  vb_quotes_free(&qs);
  free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(mark_styles),
    cmocka_unit_test(singles_nested_in_doubles),
    cmocka_unit_test(singles_as_outer_quotes),
    cmocka_unit_test(apostrophes_are_not_quotes),
    cmocka_unit_test(block_quote_has_parts),
    cmocka_unit_test(unclosed_quote_is_diagnosed),
    cmocka_unit_test(stray_closer_is_diagnosed),
    cmocka_unit_test(line_and_column),
    cmocka_unit_test(kinds),
    cmocka_unit_test(classifier_is_callable_alone),
    cmocka_unit_test(quote_marks_at_paragraph_edges),
    cmocka_unit_test(empty_input),
    cmocka_unit_test(hostile_line_of_marks),
    cmocka_unit_test(ten_thousand_nested),
    cmocka_unit_test(invalid_utf8_keeps_offsets),
    cmocka_unit_test(nul_bytes_inside_quotes),
    cmocka_unit_test(seed_like_paragraphs),
    cmocka_unit_test(british_singles_beside_doubles),
    cmocka_unit_test(british_many_openers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
