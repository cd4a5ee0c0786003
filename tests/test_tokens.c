/* cmocka tests for tokens, sentences and paragraphs (src/tokens.c) and the cue lexicon
 * (src/cues.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tokens.h"
#include "cues.h"
#include "attrib_int.h"

static vb_tokens tok(const char *s, vb_quotes *qs) {
  vb_tokens T = {0};
  if (qs) assert_int_equal(vb_quotes_find(s, strlen(s), NULL, qs), 0);
  assert_int_equal(vb_tokens_build(s, strlen(s), qs, &T), 0);
  return T;
}

/* the token at byte offset off */
static const vb_tok *at(const vb_tokens *T, size_t off) {
  for (size_t k = 0; k < T->t.n; k++) if (T->t.v[k].start == off) return &T->t.v[k];
  fail_msg("no token at %zu", off);
  return NULL;
}

static void words_and_offsets(void **st) {
  const char *s = "Rock-and-roll isn't dead, he said.";
  vb_tokens T = tok(s, NULL);
  (void)st;
  assert_int_equal(T.t.n, 7);   /* Rock-and-roll isn't dead , he said . */
  assert_int_equal(T.t.v[0].end, 13);
  assert_true(T.t.v[0].flags & VB_T_CAP);
  assert_int_equal(T.t.v[1].start, 14);
  assert_int_equal(T.t.v[1].end, 19);
  assert_true(T.t.v[3].flags & VB_T_PUNCT);
  vb_tokens_free(&T);
}

static void abbreviations_do_not_end_sentences(void **st) {
  const char *s = "Sen. Tom Hale met Mr. Kamin in the U.S. capital on Jan. 5. Then he left.";
  vb_tokens T = tok(s, NULL);
  (void)st;
  assert_int_equal(T.sent.n, 2);
  assert_true(at(&T, 0)->flags & VB_T_ABBR);
  assert_int_equal(at(&T, 0)->end, 4);                       /* "Sen." with its period */
  assert_int_equal(at(&T, 35)->end, 39);                     /* "U.S." */
  assert_true(at(&T, 59)->flags & VB_T_SENT);                 /* "Then" */
  assert_true(vb_tok_is(s, at(&T, 59), "then"));
  vb_tokens_free(&T);
}

static void paragraphs_and_sentences(void **st) {
  const char *s = "One. Two!\n\nThree? four\nfive.\n  \nSix";
  vb_tokens T = tok(s, NULL);
  (void)st;
  assert_int_equal(T.para.n, 3);
  assert_int_equal(T.sent.n, 4);   /* One. | Two! | Three? four five. | Six — "four" is lower case */
  assert_true(at(&T, 11)->flags & VB_T_PARA);
  assert_true(at(&T, 32)->flags & VB_T_PARA);
  assert_false(at(&T, 18)->flags & VB_T_SENT);
  vb_tokens_free(&T);
}

static void quotes_are_atoms(void **st) {
  const char *s = "\xe2\x80\x9cWe won. Again,\xe2\x80\x9d she said. \xe2\x80\x9cYes.\xe2\x80\x9d Bob left.";
  vb_quotes qs = {0};
  vb_tokens T = tok(s, &qs);
  (void)st;
  assert_int_equal(qs.q.n, 2);
  assert_true(T.t.v[0].flags & VB_T_QUOTE);
  assert_int_equal(T.t.v[0].q, 0);
  assert_int_equal(T.t.v[0].end, qs.q.v[0].end);
  assert_false(T.t.v[0].flags & VB_T_QEND);                  /* ends with a comma */
  assert_false(T.t.v[1].flags & VB_T_SENT);                  /* "she" goes on the sentence */
  assert_true(T.t.v[4].flags & VB_T_QUOTE);
  assert_true(T.t.v[4].flags & VB_T_QEND);
  assert_true(T.t.v[4].flags & VB_T_SENT);
  assert_true(T.t.v[5].flags & VB_T_SENT);                   /* after a quote ending in a period */
  vb_tokens_free(&T);
  vb_quotes_free(&qs);
}

static void unicode_spaces_separate_words(void **st) {
  /* a no-break space (C2 A0) and a thin space (E2 80 89) are spaces, not tokens */
  const char *s = "the\xc2\xa0Post said\xe2\x80\x89so";
  vb_tokens T = tok(s, NULL);
  (void)st;
  assert_int_equal(T.t.n, 4);
  assert_true(vb_tok_is(s, &T.t.v[1], "post"));
  assert_true(T.t.v[1].flags & VB_T_CAP);
  assert_true(vb_tok_is(s, &T.t.v[3], "so"));
  vb_tokens_free(&T);
}

static void possessives(void **st) {
  const char *s = "NumbersUSA\xe2\x80\x99s director and CIS's head";
  vb_tokens T = tok(s, NULL);
  (void)st;
  assert_true(T.t.v[0].flags & VB_T_POSS);
  assert_int_equal(vb_tok_base_end(s, &T.t.v[0]), 10);
  assert_true(T.t.v[3].flags & VB_T_POSS);
  assert_true(T.t.v[3].flags & VB_T_UPPER);
  assert_int_equal(vb_tok_base_end(s, &T.t.v[3]), 31);
  vb_tokens_free(&T);
}

static void hostile_bytes(void **st) {
  /* NUL bytes, invalid UTF-8 and a lone continuation byte are tokens, never a crash */
  const char s[] = "a\0b \xff\xfe \x80 caf\xc3\xa9 \xe2\x80";
  vb_tokens T = {0};
  (void)st;
  assert_int_equal(vb_tokens_build(s, sizeof s - 1, NULL, &T), 0);
  assert_true(T.t.n > 0);
  for (size_t k = 0; k < T.t.n; k++) {
    assert_true(T.t.v[k].start < T.t.v[k].end);
    assert_true(T.t.v[k].end <= sizeof s - 1);
    if (k) assert_true(T.t.v[k - 1].end <= T.t.v[k].start);
  }
  vb_tokens_free(&T);
  assert_int_equal(vb_tokens_build("", 0, NULL, &T), 0);
  assert_int_equal(T.t.n, 0);
  vb_tokens_free(&T);
}

static void lexicon_size_and_forms(void **st) {
  vb_cues *c = vb_cues_new(NULL, NULL, 0, NULL, 0);
  const char *s = "He went on to say, according to aides, that she said in a statement what he told us.";
  vb_tokens T = tok(s, NULL);
  (void)st;
  assert_non_null(c);
  assert_true(vb_cues_forms(c) >= 150);
  assert_int_equal(vb_cues_mark(c, s, strlen(s), &T), 0);
  assert_int_equal(vb_tok_cue(&T, 1)->len, 2);                   /* went on */
  assert_string_equal(vb_cues_name(c, vb_tok_cue(&T, 1)->id), "went on");
  assert_true(vb_tok_cue(&T, 6)->flags & VB_CUE_ACC);             /* according to */
  assert_string_equal(vb_cues_name(c, vb_tok_cue(&T, 12)->id), "said in a statement");
  assert_true(vb_tok_cue(&T, 18)->flags & VB_CUE_TELL);           /* told */
  assert_true(vb_tok_cue(&T, 4)->flags & VB_CUE_WEAK);            /* say: a base form */
  assert_null(vb_tok_cue(&T, 8));                                 /* aides */
  vb_tokens_free(&T);
  vb_cues_free(c);
}

static void user_patterns(void **st) {
  const char *pats[] = {"chirp(s|ed)?", "let (it )?be known"};
  char err[200];
  const char *s = "\xe2\x80\x9cYes,\xe2\x80\x9d chirped Bo. Ann let it be known.";
  vb_cues *c = vb_cues_new(pats, NULL, 2, err, sizeof err);
  vb_tokens T = tok(s, NULL);
  (void)st;
  assert_non_null(c);
  assert_int_equal(vb_cues_mark(c, s, strlen(s), &T), 0);
  assert_true(vb_tok_cue(&T, 4)->flags & VB_CUE_USER);            /* chirped, after “ Yes , ” */
  assert_string_equal(vb_cues_name(c, vb_tok_cue(&T, 4)->id), "chirp(s|ed)?");
  assert_int_equal(vb_tok_cue(&T, 8)->len, 4);                    /* let it be known */
  vb_tokens_free(&T);
  vb_cues_free(c);
  /* a broken pattern: no object, and a message naming it */
  pats[1] = "(unclosed";
  c = vb_cues_new(pats, NULL, 2, err, sizeof err);
  assert_null(c);
  assert_non_null(strstr(err, "cue pattern 2"));
  pats[0] = "";
  assert_null(vb_cues_new(pats, NULL, 1, err, sizeof err));
  assert_non_null(strstr(err, "empty"));
}

/* A user pattern's steps are bounded per text (1,000,000 plus 100 a byte): one that fails
 * slowly at every position is stopped, named by its number, in time linear in the text. */
static void user_pattern_step_budget(void **st) {
  const char *pats[] = {"said", "(?:a|\\s)*+b;"};
  char err[200];
  size_t n = 40000;
  char *s = malloc(n + 1);
  vb_cues *c = vb_cues_new(pats, NULL, 2, err, sizeof err);
  vb_tokens T = {0};
  (void)st;
  assert_non_null(s);
  assert_non_null(c);
  for (size_t i = 0; i < n; i++) s[i] = i % 2 ? ' ' : 'a';
  s[n - 1] = ';';
  s[n] = 0;
  assert_int_equal(vb_tokens_build(s, n, NULL, &T), 0);
  assert_int_equal(vb_cues_mark(c, s, n, &T), -2 - 1);
  vb_tokens_free(&T);
  assert_int_equal(vb_tokens_build(s + n - 600, 600, NULL, &T), 0);
  assert_int_equal(vb_cues_mark(c, s + n - 600, 600, &T), 0);   /* within its budget */
  vb_tokens_free(&T);
  free(s);
  vb_cues_free(c);
}

/* user patterns scanned a window at a time (overlapping windows, in text order) mark the
 * cues one scan over the text marks, each window those whose start it holds */
static void user_patterns_by_window(void **st) {
  const char *pats[] = {"chirp(s|ed)?", "let (it )?be known", "s[a-z]+d"};
  char err[200];
  vb_buf b = {0};
  vb_tokens A = {0};
  vb_cues *c = vb_cues_new(pats, NULL, 3, err, sizeof err);
  vb_cuescan *cs;
  (void)st;
  assert_non_null(c);
  for (int i = 0; i < 300; i++) vb_buf_addf(&b, "Bo chirped %d times and Ann let it be known, she said so.\n", i);
  assert_false(b.oom);
  assert_int_equal(vb_tokens_build(b.p, b.n, NULL, &A), 0);
  assert_int_equal(vb_cues_mark(c, b.p, b.n, &A), 0);
  assert_true(A.cues.n >= 600);
  assert_non_null(cs = vb_cuescan_new(c, b.n));
  for (size_t w0 = 0; w0 < A.t.n; w0 += 400) {
    /* tokens [w0, w0 + 500) with the next window from w0 + 400 */
    size_t w1 = w0 + 500 < A.t.n ? w0 + 500 : A.t.n;
    size_t b1 = w1 < A.t.n ? A.t.v[w1].start : b.n + 1, keep = w0 + 400 < A.t.n ? A.t.v[w0 + 400].start : SIZE_MAX;
    vb_tokens W = {0};
    assert_int_equal(vb_vgrow(&W.t, w1 - w0 + 1), 0);
    for (size_t k = w0; k < w1; k++) {
      W.t.v[W.t.n] = A.t.v[k];
      W.t.v[W.t.n++].cue = -1;
    }
    assert_int_equal(vb_cues_scan_window(c, b.p, b.n, &W, NULL, cs, A.t.v[w0].start, b1, keep), 0);
    for (size_t k = 0; k < W.t.n; k++) {
      const vb_cuehit *x = vb_tok_cue(&A, w0 + k), *y = vb_tok_cue(&W, k);
      assert_int_equal(x != NULL, y != NULL);
      if (x && w0 + k + (size_t)x->len <= w1) {   /* a cue cut by the window's end spans less */
        assert_int_equal(x->id, y->id);
        assert_int_equal(x->len, y->len);
        assert_int_equal(x->end, y->end);
      }
    }
    vb_tokens_free(&W);
  }
  vb_cuescan_free(cs);
  vb_tokens_free(&A);
  vb_buf_free(&b);
  vb_cues_free(c);
}

static void linear_on_a_megabyte_of_words(void **st) {
  /* no sentence end, no paragraph: one token per word, nothing quadratic */
  size_t n = 1 << 20;
  char *s = malloc(n + 1);
  vb_tokens T = {0};
  vb_cues *c = vb_cues_new(NULL, NULL, 0, NULL, 0);
  (void)st;
  assert_non_null(s);
  for (size_t i = 0; i < n; i++) s[i] = "said "[i % 5];
  s[n] = 0;
  assert_int_equal(vb_tokens_build(s, n, NULL, &T), 0);
  assert_int_equal(T.t.n, n / 5 + 1);
  assert_int_equal(T.sent.n, 1);
  assert_int_equal(vb_cues_mark(c, s, n, &T), 0);
  vb_tokens_free(&T);
  vb_cues_free(c);
  free(s);
}

/* classes looked up while tokenizing are the ones looked up afterwards, and the cues
 * marked from them are the same */
static void words_classified_while_tokenizing(void **st) {
  const char *s = "Mr. Smith, the President of the Senate, said on Monday that he told reporters: "
                  "\"We will go on.\" According to AT&T's CEO, it's well-known. SAID THE MAYOR; "
                  "Sen. Jones went on Twitter and wrote on Facebook, pointing out his policy.";
  size_t n = strlen(s);
  vb_quotes qs = {0};
  vb_tokens A = {0}, B = {0};
  vb_cues *c = vb_cues_new(NULL, NULL, 0, NULL, 0);
  unsigned *wa, *wb;
  size_t classed = 0;
  (void)st;
  assert_non_null(c);
  assert_int_equal(vb_quotes_find(s, n, NULL, &qs), 0);
  assert_int_equal(vb_tokens_build(s, n, &qs, &A), 0);
  assert_int_equal(vb_tokens_build_words(s, n, &qs, vb_cues_words(c), &B), 0);
  assert_int_equal(A.t.n, B.t.n);
  assert_int_equal(B.wc.n, B.t.n);
  assert_int_equal(B.wc.v[B.t.n], 0);
  wa = calloc(A.t.n + 1, sizeof *wa);
  wb = calloc(B.t.n + 1, sizeof *wb);
  assert_non_null(wa);
  assert_non_null(wb);
  assert_int_equal(vb_cues_scan(c, s, n, &A, wa), 0);
  assert_int_equal(vb_cues_scan(c, s, n, &B, wb), 0);
  for (size_t k = 0; k < A.t.n; k++) {
    assert_int_equal(A.t.v[k].start, B.t.v[k].start);
    assert_int_equal(wa[k], wb[k]);
    assert_int_equal(wa[k], vb_cues_wclass(c, s, &A.t.v[k]));
    assert_int_equal(A.t.v[k].cue >= 0, B.t.v[k].cue >= 0);
    if (A.t.v[k].cue >= 0) {
      assert_int_equal(A.cues.v[A.t.v[k].cue].id, B.cues.v[B.t.v[k].cue].id);
      assert_int_equal(A.cues.v[A.t.v[k].cue].len, B.cues.v[B.t.v[k].cue].len);
    }
    classed += wa[k] != 0;
  }
  assert_true(classed >= 10);   /* the test means something: Mr. the of he … are listed */
  assert_true(A.cues.n >= 4);   /* said, told, went on, According to, wrote on facebook … */
  free(wa); free(wb);
  vb_tokens_free(&A); vb_tokens_free(&B);
  vb_quotes_free(&qs);
  vb_cues_free(c);
}

/* a text cut into tokens a few at a time (vb_tokens_more), and the first ones dropped
 * on the way (vb_tokens_drop, as the analysis of a long text goes), gives the tokens,
 * flags, classes and lists of one go */
static void tokens_in_pieces(void **st) {
  const char *s = "Mr. Smith said: \"We will go on.\"\n\n\"It works,\" she said. U.S. officials\n"
                  "agreed.\n\n  The Senate\xe2\x80\x99s vote came on Monday... \"Later,\" he said -- and left.";
  size_t n = strlen(s);
  vb_quotes qs = {0};
  vb_tokens A = {0};
  vb_cues *c = vb_cues_new(NULL, NULL, 0, NULL, 0);
  static const size_t steps[] = {1, 2, 3, 7, 100};
  (void)st;
  assert_non_null(c);
  assert_int_equal(vb_quotes_find(s, n, NULL, &qs), 0);
  assert_int_equal(vb_tokens_build_words(s, n, &qs, vb_cues_words(c), &A), 0);
  assert_true(A.quotes.n >= 3 && A.para.n >= 3);
  for (size_t m = 0; m < sizeof steps / sizeof *steps; m++) {
    for (int drop = 0; drop < 2; drop++) {
      vb_tokens B = {0};
      vb_tokstate ts;
      size_t base = 0;                  /* A's index of B's token 0 */
      vb_tokstate_init(&ts);
      while (!ts.done) {
        size_t n0 = B.t.n;
        assert_int_equal(vb_tokens_more(s, n, &qs, vb_cues_words(c), &ts, steps[m], &B), 0);
        assert_true(B.t.n - n0 <= steps[m]);
        assert_int_equal(B.wc.n, B.t.n);
        assert_int_equal(B.wc.v[B.t.n], 0);
        for (size_t k = 0; k < B.t.n; k++) {
          const vb_tok *x = &A.t.v[base + k], *y = &B.t.v[k];
          assert_int_equal(y->start, x->start);
          assert_int_equal(y->end, x->end);
          assert_int_equal(y->flags, x->flags);
          assert_int_equal(y->hash, x->hash);
          assert_int_equal(y->q, x->q);
          assert_int_equal(B.wc.v[k], A.wc.v[base + k]);
        }
        for (size_t j = 0; j < B.sent.n; j++) assert_true(B.t.v[B.sent.v[j]].flags & VB_T_SENT);
        for (size_t j = 0; j < B.para.n; j++) assert_true(B.t.v[B.para.v[j]].flags & VB_T_PARA);
        for (size_t j = 0; j < B.quotes.n; j++) assert_true(B.t.v[B.quotes.v[j]].flags & VB_T_QUOTE);
        if (drop && B.t.n > 3) {        /* keep the last three: B holds A's [base, base + 3) */
          size_t d = B.t.n - 3;
          vb_tokens_drop(&B, d);
          base += d;
        }
      }
      if (!drop) {
        assert_int_equal(B.t.n, A.t.n);
        assert_int_equal(B.sent.n, A.sent.n);
        assert_int_equal(B.para.n, A.para.n);
        assert_int_equal(B.quotes.n, A.quotes.n);
      } else assert_int_equal(base + B.t.n, A.t.n);
      vb_tokens_free(&B);
    }
  }
  vb_tokens_free(&A);
  vb_quotes_free(&qs);
  vb_cues_free(c);
}

/* the word hash a VB_WORDS list works out when compiling (attrib_int.h) is the tokens' */
static void word_list_hashes_are_the_tokens(void **st) {
  VB_WORDS(lst, "said", "autobiography", "it\xe2\x80\x99s");
  (void)st;
#define SAME(w) assert_int_equal(VB_WH(w), vb_word_hash(w, sizeof(w) - 1))
  SAME("a"); SAME("an"); SAME("abcdefgh"); SAME("abcdefghi"); SAME("abcdefghijklmnop"); SAME("abcdefghijklmnopq");
  SAME("abcdefghijklmnopqrstuvwx"); SAME("U.S."); SAME("well-known"); SAME("it\xe2\x80\x99s"); SAME("");
#undef SAME
  assert_int_equal(VB_WH("abcdefghijklmnopqrstuvwxy"), 0);   /* longer than 24 bytes: none */
  assert_int_equal(lst_h[1], vb_word_hash("autobiography", 13));
  assert_true((lst_fl >> (vb_word_hash("said", 4) & 63)) & 1u);
  assert_null(lst[3]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(words_and_offsets),
    cmocka_unit_test(abbreviations_do_not_end_sentences),
    cmocka_unit_test(paragraphs_and_sentences),
    cmocka_unit_test(quotes_are_atoms),
    cmocka_unit_test(unicode_spaces_separate_words),
    cmocka_unit_test(possessives),
    cmocka_unit_test(hostile_bytes),
    cmocka_unit_test(lexicon_size_and_forms),
    cmocka_unit_test(user_patterns),
    cmocka_unit_test(user_pattern_step_budget),
    cmocka_unit_test(user_patterns_by_window),
    cmocka_unit_test(linear_on_a_megabyte_of_words),
    cmocka_unit_test(words_classified_while_tokenizing),
    cmocka_unit_test(tokens_in_pieces),
    cmocka_unit_test(word_list_hashes_are_the_tokens),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
