/* cmocka tests for the turn grammar and the words that are not words (src/turns.c):
 * every label style transcribers use, junk lines that are no labels, stage directions,
 * repeated labels, gaps, lookups from checkpoints, and names (M. TRUMP is not Donald
 * Trump). The transcript texts are invented here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "normalise.h"
#include "turns.h"

/* the speaker at the first byte of needle in s, "" for none */
static void who(const char *s, const char *needle, char *out, size_t cap) {
  vb_turns T;
  const char *at = strstr(s, needle);
  size_t a, b;
  assert_non_null(at);
  assert_int_equal(vb_turns_build(&T, s, strlen(s), NULL), 0);
  out[0] = '\0';
  if (vb_turns_speaker(&T, s, strlen(s), (size_t)(at - s), &a, &b)) {
    assert_true(b > a && b - a < cap);
    memcpy(out, s + a, b - a);
    out[b - a] = '\0';
  }
  vb_turns_free(&T);
}

static void label_styles(void **st) {
  static const struct { const char *text, *name; } t[] = {
    {"TRUMP: We will win.\n", "TRUMP"},
    {"Donald Trump: We will win.\n", "Donald Trump"},
    {"MR. TRUMP: We will win.\n", "MR. TRUMP"},
    {"M. TRUMP: We will win.\n", "M. TRUMP"},
    {"ANDERSON COOPER (MODERATOR): We will win.\n", "ANDERSON COOPER"},
    {"Donald Trump: (00:12:05)\nWe will win.\n", "Donald Trump"},
    {"[00:12:05] TRUMP: We will win.\n", "TRUMP"},
    {"00:12:05 Ruth Calder: We will win.\n", "Ruth Calder"},
    {">> TRUMP: We will win.\n", "TRUMP"},
    {"Speaker 1: We will win.\n", "Speaker 1"},
    {"SPEAKER 2: We will win.\n", "SPEAKER 2"},
    {"Q: We will win.\n", "Q"},
    {"Dr. Ana de la Cruz: We will win.\n", "Dr. Ana de la Cruz"},
    {"JOS\xC3\x89 MART\xC3\x8DNEZ: We will win.\n", "JOS\xC3\x89 MART\xC3\x8DNEZ"},
    {"O'BRIEN: We will win.\n", "O'BRIEN"},
    {"\x1E" "anna k.: We will win.\n", "anna k."},
    {"Jonas Feld (00:01:02): We will win.\n", "Jonas Feld"},
  };
  static const char *const none[] = {
    "The clerk read the motion (as amended): We will win.\n",
    "WASHINGTON (AP) - the agency said: We will win.\n",
    "10:30: We will win.\n", "In 2016: We will win.\n", "HTTP://example.org We will win.\n",
    "JONAS FELD (floor) says: We will win.\n", "JONAS FELD (a (b) c): We will win.\n",
    "JONAS FELD (from the floor):x We will win.\n", "(from the floor): We will win.\n",
    "the mayor: We will win.\n", "Ruth Calder; We will win.\n",
  };
  char got[64], x[512];
  (void)st;
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    /* three turns: a transcript, where Title Case labels count */
    snprintf(x, sizeof x, "%s\n%s\n%s", t[i].text, t[i].text, t[i].text);
    who(x, "win", got, sizeof got);
    if (strcmp(got, t[i].name)) fail_msg("%s -> '%s', want '%s'", t[i].text, got, t[i].name);
  }
  for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
    snprintf(x, sizeof x, "%s\n%s\n%s", none[i], none[i], none[i]);
    who(x, "win", got, sizeof got);
    if (got[0]) fail_msg("%s -> '%s', want no turn", none[i], got);
  }
}

/* READ: a headline, One:/Two: in a list, a Title Case word used once: no turns */
static const char SPEECH[] =
  "TRUMP: We are going to bring back our jobs.\n"
  "READ: How The Harbour Deal Was Signed At Last\n"
  "Here are the steps we take.\n"
  "One: we withdraw from the pact.\n"
  "Two: we appoint the toughest negotiators.\n"
  "Note: the figures are from the port.\n"
  "RELATED: Ferry Fares Rise Again\n"
  "And we will win again and again.\n";

static void junk_lines_are_no_labels(void **st) {
  char got[64];
  (void)st;
  who(SPEECH, "Here are", got, sizeof got);
  assert_string_equal(got, "TRUMP");
  who(SPEECH, "we withdraw", got, sizeof got);
  assert_string_equal(got, "TRUMP");
  who(SPEECH, "the toughest", got, sizeof got);
  assert_string_equal(got, "TRUMP");
  who(SPEECH, "And we will win", got, sizeof got);
  assert_string_equal(got, "TRUMP");
}

/* news prose with a Title Case "Name:" now and then is no transcript */
static void title_case_in_prose_is_no_label(void **st) {
  const char *s = "The Latest: The council met on Tuesday and the vote was close.\n\nThe mayor spoke first. She said little.\n\n"
                  "Ann Coulter: And Then There Was the One.\n\nThe debate went on into the night, and the hall emptied.\n\n"
                  "Nobody left before the end.\n\nThe vote comes next week.\n\nThe ferry runs on.\n\nThe pier waits.\n\n"
                  "The port is quiet.\n\nThe town sleeps.\n\nThe tide turns.\n\nThe end.\n";
  char got[64];
  (void)st;
  who(s, "The debate", got, sizeof got);
  assert_string_equal(got, "");
  who(s, "The council", got, sizeof got);
  assert_string_equal(got, "");
}

/* a Title Case single word is a label when the text uses it as one (three times) */
static void repeated_title_case_word_is_a_label(void **st) {
  const char *s = "Question: Where is the pier?\n\nAnswer: Not built.\n\nQuestion: Why?\n\nAnswer: No money.\n\n"
                  "Question: When?\n\nAnswer: Next spring, we hope.\n";
  char got[64];
  (void)st;
  who(s, "Next spring", got, sizeof got);
  assert_string_equal(got, "Answer");
  who(s, "When?", got, sizeof got);
  assert_string_equal(got, "Question");
}

/* the words of s, space-joined, as a source gives them to the checker */
static void words_of(const char *s, char *out, size_t cap) {
  vb_turns T;
  vb_wtoks tk = {0};
  vb_tspans sp = {0};
  size_t n = strlen(s), o = 0;
  assert_int_equal(vb_turns_build(&T, s, n, NULL), 0);
  assert_int_equal(vb_tokenize(s, n, 0, &tk), 0);
  assert_int_equal(vb_turns_spans(&T, s, n, 0, n, &sp), 0);
  vb_turns_filter(&tk, 0, sp.v, sp.n);
  for (size_t i = 0; i < tk.t.n; i++) {
    const vb_wtok *t = &tk.t.v[i];
    const char *w = t->h == VB_BARRIER ? "|" : s + t->start;
    size_t k = t->h == VB_BARRIER ? 1 : t->end - t->start;
    assert_true(o + k + 2 < cap);
    if (o) out[o++] = ' ';
    memcpy(out + o, w, k);
    o += k;
  }
  out[o] = '\0';
  vb_toks_free(&tk);
  vb_vfree(&sp);
  vb_turns_free(&T);
}

static void stage_directions_and_repeated_labels_are_not_words(void **st) {
  char got[400];
  (void)st;
  words_of("CALDER: in every season.\n\n(APPLAUSE)\n\nCALDER: And the pier.\n\nMARSH: No.\n", got, sizeof got);
  assert_string_equal(got, "| in every season And the pier | No");
  words_of("MARSH: four years ago. [inaudible] We wait (laughs) and wait [crosstalk 00:01:02] here.\n", got, sizeof got);
  assert_string_equal(got, "| four years ago We wait and wait here");
  words_of("[00:00:12] CALDER: one\n[00:00:15] (CROSSTALK)\n[00:00:20] two\n[00:00:22] CALDER: three\n", got, sizeof got);
  assert_string_equal(got, "| one two three");
  words_of("Ruth Calder: (00:00:11)\nfirst\n\n[applause]\n\nRuth Calder: (00:00:18)\nsecond\n\nRuth Calder: (00:00:25)\nthird\n", got, sizeof got);
  assert_string_equal(got, "| first second third");
  /* kept: a guess at what was said, a bracket inside a word, an aside in prose */
  words_of("TRUMP: We owe $17 [trillion] to manufactur[ing] (as we know) now.\n", got, sizeof got);
  assert_string_equal(got, "| We owe 17 trillion to manufactur ing as we know now");
}

/* a blank run wider than the text's paragraph break ends the turn */
static void a_wide_gap_ends_a_turn(void **st) {
  const char *s = "M. MARSH: I am his sister.\n\nShe sat down.\n\nCALDER: Thank you.\n\nMARSH: Thanks.\n\n\n\n\n"
                  "And then the speech went on, with nobody named.\n";
  char got[64];
  (void)st;
  who(s, "She sat", got, sizeof got);
  assert_string_equal(got, "M. MARSH");
  who(s, "And then", got, sizeof got);
  assert_string_equal(got, "");
}

/* lookups from checkpoints agree with a walk from the start, with or without lines */
static void checkpoints_agree_with_a_walk_from_the_start(void **st) {
  static const char *const para[] = {"BLAKE: Welcome to the forum. ", "CALDER: The ferry must run. ",
                                     "(APPLAUSE) ", "CALDER: And the pier. ", "plain words of the turn go on (laughs) here. ",
                                     "M. MARSH: I am his sister. ", "[inaudible] "};
  (void)st;
  for (int lines = 0; lines < 2; lines++) {
    vb_buf b = {0};
    vb_turns T, T0;
    for (int i = 0; b.n < 300000; i++) {
      vb_buf_adds(&b, para[(i * 7 + i / 3) % 7]);
      if (lines) vb_buf_adds(&b, i % 3 ? "\n\n" : "\n");
    }
    assert_int_equal(vb_turns_build(&T, b.p, b.n, NULL), 0);
    assert_true(T.ck.n > 10);
    T0 = T;
    T0.ck.n = 1;
    for (size_t off = 0; off < b.n; off += 4999) {
      size_t a1 = 0, b1 = 0, a2 = 0, b2 = 0;
      int r1 = vb_turns_speaker(&T, b.p, b.n, off, &a1, &b1), r2 = vb_turns_speaker(&T0, b.p, b.n, off, &a2, &b2);
      assert_int_equal(r1, r2);
      assert_int_equal(a1, a2);
      assert_int_equal(b1, b2);
    }
    {
      vb_tspans x = {0}, y = {0};
      size_t lo = b.n / 3, hi = b.n / 3 + 50000;
      assert_int_equal(vb_turns_spans(&T, b.p, b.n, lo, hi, &x), 0);
      assert_int_equal(vb_turns_spans(&T0, b.p, b.n, lo, hi, &y), 0);
      assert_true(x.n > 0);
      assert_int_equal(x.n, y.n);
      for (size_t k = 0; k < x.n; k++) {
        assert_int_equal(x.v[k].start, y.v[k].start);
        assert_int_equal(x.v[k].end, y.v[k].end);
        assert_int_equal(x.v[k].kind, y.v[k].kind);
      }
      vb_vfree(&x);
      vb_vfree(&y);
    }
    vb_turns_free(&T);
    vb_buf_free(&b);
  }
}

static void names(void **st) {
  static const struct { const char *a, *b; int same; } t[] = {
    {"Donald Trump", "TRUMP", 1}, {"Donald Trump", "MR. TRUMP", 1}, {"Donald Trump", "M. TRUMP", 0},
    {"Donald Trump", "Melania Trump", 0}, {"Melania Trump", "M. TRUMP", 1}, {"Ivanka Trump", "I. TRUMP", 1},
    {"Hillary Clinton", "SECRETARY CLINTON", 1}, {"Hillary Clinton", "Bill Clinton", 0},
    {"Marta Lindqvist", "ML", 1}, {"Donald Trump", "DONALD", 1}, {"Lester Holt", "LESTER HOLT", 1},
    {"Lester Holt", "CLINTON", 0}, {"Donald J. Trump", "Donald Trump", 1}, {"Trump", "Ivanka Trump", 1},
    {"Ana Ruiz", "SEN. ANA RUIZ", 1}, {"the chair", "SEN. ANA RUIZ", 0}, {"Owen Marsh", "M. MARSH", 0},
  };
  (void)st;
  for (size_t i = 0; i < sizeof t / sizeof *t; i++)
    if (vb_same_speaker(t[i].a, strlen(t[i].a), t[i].b, strlen(t[i].b)) != t[i].same)
      fail_msg("%s / %s: want %d", t[i].a, t[i].b, t[i].same);
  assert_true(vb_anonymous_label("Speaker 1", 9));
  assert_true(vb_anonymous_label("UNIDENTIFIED MALE", 17));
  assert_false(vb_anonymous_label("TRUMP", 5));
}

/* odd input: no crash, nothing out of bounds */
static void odd_input(void **st) {
  static const char *const t[] = {"", ":", "A:", "\n\n\n", "((((((((", "[", "]", "A (B", "\x1E", "\x1E:", "[00:", ">>>>>>",
                                  "ANNA:\r", "\r\r\rANNA: x\rBOB: y\r"};
  (void)st;
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    vb_turns T;
    vb_tspans sp = {0};
    size_t n = strlen(t[i]), a, b;
    assert_int_equal(vb_turns_build(&T, t[i], n, NULL), 0);
    assert_int_equal(vb_turns_spans(&T, t[i], n, 0, n, &sp), 0);
    for (size_t k = 0; k < sp.n; k++) assert_true(sp.v[k].start < sp.v[k].end && sp.v[k].end <= n);
    for (size_t off = 0; off <= n; off++)
      if (vb_turns_speaker(&T, t[i], n, off, &a, &b)) assert_true(a < b && b <= n);
    vb_vfree(&sp);
    vb_turns_free(&T);
  }
  {
    char got[64];
    who("\r\r\rANNA: x\rBOB: y\r", "y", got, sizeof got);      /* old Mac line ends */
    assert_string_equal(got, "BOB");
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(label_styles),
    cmocka_unit_test(junk_lines_are_no_labels),
    cmocka_unit_test(repeated_title_case_word_is_a_label),
    cmocka_unit_test(title_case_in_prose_is_no_label),
    cmocka_unit_test(stage_directions_and_repeated_labels_are_not_words),
    cmocka_unit_test(a_wide_gap_ends_a_turn),
    cmocka_unit_test(checkpoints_agree_with_a_walk_from_the_start),
    cmocka_unit_test(names),
    cmocka_unit_test(odd_input),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
