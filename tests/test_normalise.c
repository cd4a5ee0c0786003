/* cmocka tests for normalisation (src/normalise.c): what folds together, what stays
 * apart, the map back to the original bytes and the quote's editorial marks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "normalise.h"

static vb_wtoks toks(const char *s, int marks) {
  vb_wtoks t = {0};
  assert_int_equal(vb_tokenize(s, strlen(s), marks, &t), 0);
  return t;
}

/* the folded text of s, as a string owned by the caller's buffer */
static const char *norm(vb_buf *b, vb_offs *m, const char *s) {
  b->n = 0; m->n = 0;
  assert_int_equal(vb_normalise(s, strlen(s), b, m), 0);
  return b->p;
}

static void same_words(const char *a, const char *b) {
  vb_wtoks x = toks(a, 0), y = toks(b, 0);
  assert_int_equal(x.t.n, y.t.n);
  for (size_t i = 0; i < x.t.n; i++) assert_true(x.t.v[i].h == y.t.v[i].h);
  vb_toks_free(&x); vb_toks_free(&y);
}

static void folds_quotes_case_dashes_space(void **st) {
  (void)st;
  same_words("Don't stop - it's \"fine\"", "don\xe2\x80\x99t  STOP \xe2\x80\x94 it\xe2\x80\x98s \xe2\x80\x9c" "fine\xe2\x80\x9d");
  same_words("the\nnext\tday", "the next day");
}

static void folds_unicode_forms(void **st) {
  (void)st;
  same_words("caf\xc3\xa9 na\xc3\xafve", "cafe naive");                /* accents */
  same_words("\xef\xac\x81nal", "final");                              /* the fi ligature */
  same_words("\xef\xbc\xb3\xef\xbd\x85\xef\xbd\x8e", "Sen");           /* fullwidth */
  same_words("e\xcc\x81t\xc3\xa9", "ete");                             /* combining accent */
}

static void joins_hyphenated_words(void **st) {
  (void)st;
  same_words("a pro-\nposal here", "a proposal here");
  same_words("a pro- \r\n  posal", "a proposal");
  /* a hyphen inside a line parts a compound: its spaced form is the same words, its
   * closed form their vb_join_hash */
  same_words("well-known", "well known");
  same_words("commander-in-chief", "commander in chief");
  {
    const char *s = "locker-room", *c = "lockerroom";
    vb_wtoks t = toks(s, 0), u = toks(c, 0);
    assert_int_equal(t.t.n, 2);
    assert_true(t.t.v[1].flags & VB_TF_HYPH);
    assert_false(t.t.v[0].flags & VB_TF_HYPH);
    assert_true(vb_join_hash(s, &t.t.v[0], &t.t.v[1]) == u.t.v[0].h);
    vb_toks_free(&t); vb_toks_free(&u);
  }
  {
    vb_wtoks t = toks("a pro-\nposal", 0);
    assert_int_equal(t.t.n, 2);
    assert_true(t.t.v[1].flags & VB_TF_LJOIN);
    vb_toks_free(&t);
  }
  /* a dash before a capital on the next line is punctuation, not a broken word */
  {
    vb_wtoks t = toks("the end-\nThe start", 0);
    assert_int_equal(t.t.n, 4);
    vb_toks_free(&t);
  }
}

static void keeps_different_words_apart(void **st) {
  vb_wtoks t = toks("form from", 0);
  (void)st;
  assert_int_equal(t.t.n, 2);
  assert_true(t.t.v[0].h != t.t.v[1].h);
  vb_toks_free(&t);
}

static void map_points_at_original_bytes(void **st) {
  vb_buf b = {0};
  vb_offs m = {0};
  const char *s = "Don\xe2\x80\x99t  STOP\xe2\x80\x94" "caf\xc3\xa9";
  (void)st;
  assert_string_equal(norm(&b, &m, s), "dont stop cafe");
  assert_int_equal(m.n, b.n + 1);
  assert_int_equal(m.v[0], 0);                 /* d */
  assert_int_equal(m.v[3], 6);                 /* t, after the 3-byte apostrophe */
  assert_int_equal(m.v[5], 9);                 /* s of STOP */
  assert_int_equal(m.v[13], 19);               /* e from the 2-byte é */
  assert_int_equal(m.v[b.n], strlen(s));
  vb_buf_free(&b); vb_vfree(&m);
}

static void token_spans_are_original_spans(void **st) {
  const char *s = "  \xe2\x80\x9cHe said\xe2\x80\x9d";
  vb_wtoks t = toks(s, 0);
  (void)st;
  assert_int_equal(t.t.n, 2);
  assert_int_equal(t.t.v[0].start, 5);
  assert_int_equal(t.t.v[0].end, 7);
  assert_int_equal(t.t.v[1].start, 8);
  assert_int_equal(t.t.v[1].end, 12);
  vb_toks_free(&t);
}

static void reads_editorial_marks(void **st) {
  (void)st;
  {
    vb_wtoks t = toks("we will \xe2\x80\xa6 win . . . now... go", 1);
    assert_int_equal(t.t.n, 5);
    assert_int_equal(t.t.v[2].flags & VB_TF_GAP, VB_TF_GAP);   /* win */
    assert_int_equal(t.t.v[3].flags & VB_TF_GAP, VB_TF_GAP);   /* now */
    assert_int_equal(t.t.v[4].flags & VB_TF_GAP, VB_TF_GAP);   /* go */
    assert_int_equal(t.t.v[1].flags & VB_TF_GAP, 0);
    assert_int_equal(t.marks, 3);
    vb_toks_free(&t);
  }
  {
    vb_wtoks t = toks("[Sessions] said [T]he thier [sic] plan", 1), u = toks("said the thier plan", 0);
    assert_int_equal(t.t.n, 5);
    assert_int_equal(t.t.v[0].kind, VB_TB);
    assert_int_equal(t.t.v[0].end, 10);
    assert_true(t.t.v[1].h == u.t.v[0].h);
    assert_true(t.t.v[2].h == u.t.v[1].h);                     /* [T]he is "the" */
    assert_int_equal(t.t.v[2].flags & VB_TF_EDIT, VB_TF_EDIT);
    assert_int_equal(t.t.v[2].start, 16);                      /* the span includes the bracket */
    assert_true(t.t.v[4].h == u.t.v[3].h);                     /* [sic] left no trace */
    assert_int_equal(t.marks, 3);
    vb_toks_free(&t); vb_toks_free(&u);
  }
  {
    /* in a source, brackets and dots are plain punctuation */
    vb_wtoks t = toks("[inaudible] well...", 0);
    assert_int_equal(t.t.n, 2);
    assert_int_equal(t.t.v[0].kind, VB_TW);
    vb_toks_free(&t);
  }
}

static void hostile_bytes(void **st) {
  const char s[] = "ab\xff\xfe" "cd\0ef [unclosed \xe2\x80 x [] [[ ]] . . ";
  vb_wtoks t = {0};
  vb_buf b = {0};
  vb_offs m = {0};
  (void)st;
  assert_int_equal(vb_tokenize(s, sizeof s - 1, 1, &t), 0);
  assert_true(t.t.n >= 4);
  for (size_t i = 0; i < t.t.n; i++) assert_true(t.t.v[i].start < t.t.v[i].end && t.t.v[i].end <= sizeof s - 1);
  assert_int_equal(vb_normalise(s, sizeof s - 1, &b, &m), 0);
  assert_int_equal(vb_tokenize("", 0, 1, &t), 0);
  vb_toks_free(&t); vb_buf_free(&b); vb_vfree(&m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(folds_quotes_case_dashes_space),
    cmocka_unit_test(folds_unicode_forms),
    cmocka_unit_test(joins_hyphenated_words),
    cmocka_unit_test(keeps_different_words_apart),
    cmocka_unit_test(map_points_at_original_bytes),
    cmocka_unit_test(token_spans_are_original_spans),
    cmocka_unit_test(reads_editorial_marks),
    cmocka_unit_test(hostile_bytes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
