/* cmocka tests for transcript turns (vb_turn_speaker in src/turns.c): plain labels,
 * labels with a parenthetical (JONAS FELD (from the floor):), prose lines that end in a
 * colon and are no turn, and the speaker the checker reports for a quote. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "check.h"
#include "turns.h"

static const char HEARING[] =
  "CHAIR: The committee will come to order. We hear the public first.\n"
  "JONAS FELD (from the floor): The ferry to the north shore must run every day of the year.\n"
  "SEN. ANA RUIZ (D-Calif.):\n"
  "  The harbour fund has paid for three studies and not one new pier since the flood.\n"
  "MR. OKAFOR: We agree with the senator.\n"
  "The clerk read the motion (as amended):\n"
  "that the council publishes every contract with the port authority this winter.\n"
  "WASHINGTON (AP) - the agency said:\n"
  "the dredging contract will be signed before the spring tides arrive.\n";

/* the label of the turn holding the first byte of needle, or "" when none */
static void speaker_of(const char *needle, char *out, size_t cap) {
  const char *at = strstr(HEARING, needle);
  size_t a, b;
  assert_non_null(at);
  out[0] = '\0';
  if (!vb_turn_speaker(HEARING, strlen(HEARING), (size_t)(at - HEARING), &a, &b)) return;
  assert_true(b > a && b - a < cap);
  memcpy(out, HEARING + a, b - a);
  out[b - a] = '\0';
}

static void plain_labels(void **st) {
  char who[64];
  (void)st;
  speaker_of("We hear the public", who, sizeof who);
  assert_string_equal(who, "CHAIR");
  speaker_of("We agree", who, sizeof who);
  assert_string_equal(who, "MR. OKAFOR");
}

static void parenthetical_labels_name_the_speaker_before_it(void **st) {
  char who[64];
  (void)st;
  speaker_of("The ferry to the north", who, sizeof who);
  assert_string_equal(who, "JONAS FELD");
  speaker_of("not one new pier", who, sizeof who);   /* the turn goes on below its label */
  assert_string_equal(who, "SEN. ANA RUIZ");
}

static void prose_ending_in_a_colon_is_no_turn(void **st) {
  char who[64];
  (void)st;
  speaker_of("that the council publishes", who, sizeof who);
  assert_string_equal(who, "MR. OKAFOR");
  speaker_of("the dredging contract", who, sizeof who);
  assert_string_equal(who, "MR. OKAFOR");
}

static void odd_labels(void **st) {
  static const char *const no[] = {
    "JONAS FELD (from the floor:\nwords\n",       /* unclosed */
    "JONAS FELD ():\nwords\n",                     /* empty parenthetical */
    "JONAS FELD (a (b) c):\nwords\n",              /* nested */
    "JONAS FELD (floor) says:\nwords\n",           /* words after the parenthetical */
    "(from the floor):\nwords\n",                  /* no name */
    "Jonas Feld (from the floor):\nwords\n",       /* prose case */
    "JONAS FELD (from the floor):x\nwords\n",     /* a colon inside a word */
    "JONAS FELD (from the floor, who had waited since the morning session for a turn to speak):\nwords\n",
  };
  size_t a, b;
  (void)st;
  for (size_t i = 0; i < sizeof no / sizeof *no; i++)
    assert_false(vb_turn_speaker(no[i], strlen(no[i]), strlen(no[i]) - 2, &a, &b));
  /* a label at the very end of the text, and the parenthetical cut off by the end */
  assert_false(vb_turn_speaker("FELD (from", 10, 10, &a, &b));
  assert_false(vb_turn_speaker("FELD (x)", 8, 8, &a, &b));
  assert_true(vb_turn_speaker("FELD (x):", 9, 9, &a, &b));
  assert_int_equal(a, 0);
  assert_int_equal(b, 4);
  {
    const char *q = "Q (by Mr. Hale):\r\nwords\r\n";
    assert_true(vb_turn_speaker(q, strlen(q), strlen(q) - 4, &a, &b));
  }
  assert_int_equal(b - a, 1);
}

/* the checker reports the parenthetical speaker and matches the draft's attribution */
static void checker_gives_the_words_to_the_parenthetical_speaker(void **st) {
  const char *d = "Jonas Feld said \xe2\x80\x9cthe ferry to the north shore must run every day of the year.\xe2\x80\x9d\n"
                  "Okafor said \xe2\x80\x9cthe harbour fund has paid for three studies and not one new pier.\xe2\x80\x9d\n";
  const char *sp[] = {"Jonas Feld", "Kofi Okafor"};
  vb_material S;
  vb_quotes qs = {0};
  vb_checked c;
  vb_buf err = {0};
  (void)st;
  memset(&S, 0, sizeof S);
  memset(&c, 0, sizeof c);
  assert_int_equal(vb_material_add_text(&S, "hearing.txt", HEARING, strlen(HEARING)), 0);
  assert_int_equal(vb_quotes_find(d, strlen(d), NULL, &qs), 0);
  assert_int_equal(qs.q.n, 2);
  assert_int_equal(vb_check(d, strlen(d), &qs, sp, &S, NULL, &c, &err), 0);
  assert_true(c.r.v[0].has_speaker);
  assert_int_equal(c.r.v[0].speaker_len, 10);
  assert_memory_equal(c.arena.p + c.r.v[0].speaker, "JONAS FELD", 10);
  assert_false(c.r.v[0].speaker_mismatch);
  assert_true(c.r.v[1].has_speaker);
  assert_int_equal(c.r.v[1].speaker_len, 13);
  assert_memory_equal(c.arena.p + c.r.v[1].speaker, "SEN. ANA RUIZ", 13);
  assert_true(c.r.v[1].speaker_mismatch);           /* Okafor speaks in the hearing: these are Ruiz's words */
  vb_checked_free(&c);
  vb_quotes_free(&qs);
  vb_material_free(&S);
  vb_buf_free(&err);
}

/* A line that ends the text right after a time stamp (no name, no newline) is no turn,
 * and nothing past the text is read (found by fuzz_turns; check-asan runs this). */
static void a_time_stamp_at_the_very_end(void **st) {
  static const char *const tails[] = {"Good evening.\n0:00:02", "Good evening.\n[00:12:05] ", "Good evening.\n00:12:05 -"};
  (void)st;
  for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
    size_t n = strlen(tails[k]);
    char *exact = malloc(n);                    /* no terminator: a read past n is caught */
    vb_turns T;
    assert_non_null(exact);
    memcpy(exact, tails[k], n);
    assert_int_equal(vb_turns_build(&T, exact, n, NULL), 0);
    vb_turns_free(&T);
    free(exact);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(plain_labels),
    cmocka_unit_test(a_time_stamp_at_the_very_end),
    cmocka_unit_test(parenthetical_labels_name_the_speaker_before_it),
    cmocka_unit_test(prose_ending_in_a_colon_is_no_turn),
    cmocka_unit_test(odd_labels),
    cmocka_unit_test(checker_gives_the_words_to_the_parenthetical_speaker),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
