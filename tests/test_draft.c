/* cmocka tests for the one call that checks a draft (vb_check_draft in src/draft.c): the
 * speakers it resolves and compares with transcript turns, the caller's speakers in their
 * place, its errors; and the word-diff line every host prints (vb_diff_line). */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "draft.h"

static const char MEETING[] =
  "CHAIR: We come to the ferry timetable.\n"
  "MARTA LINDQVIST: The ferry to the north shore will run every day of the year from May.\n"
  "CHAIR: Thank you. Next item.\n";

/* The draft changes one word (June for May) and gives the quote to its speaker. */
static const char DRAFT[] =
  "\xe2\x80\x9cThe ferry to the north shore will run every day of the year from June,\xe2\x80\x9d "
  "Marta Lindqvist said on Tuesday.\n";

typedef struct fx { vb_material M; vb_draft d; vb_buf err, line; } fx;

static int setup(void **st) {
  fx *f = calloc(1, sizeof *f);
  if (!f || vb_material_add_text(&f->M, "meeting.txt", MEETING, strlen(MEETING))) return -1;
  *st = f;
  return 0;
}

static int teardown(void **st) {
  fx *f = *st;
  vb_draft_free(&f->d);
  vb_material_free(&f->M);
  vb_buf_free(&f->err);
  vb_buf_free(&f->line);
  free(f);
  return 0;
}

/* analysis, speaker and check in one call: the quote is altered, found in Lindqvist's
 * turn, and the draft's speaker is hers */
static void resolves_the_speaker_and_checks(void **st) {
  fx *f = *st;
  const vb_cres *r;
  assert_int_equal(vb_check_draft(DRAFT, strlen(DRAFT), NULL, NULL, 0, &f->M, NULL, &f->d, &f->err), 0);
  assert_int_equal(f->d.an.qs.q.n, 1);
  assert_int_equal(f->d.c.r.n, 1);
  assert_non_null(f->d.speakers);
  assert_string_equal(f->d.speakers[0], "Marta Lindqvist");
  r = &f->d.c.r.v[0];
  assert_int_equal(r->verdict, VB_ALTERED);
  assert_true(r->has_passage && r->has_speaker);
  assert_memory_equal(f->d.c.arena.p + r->speaker, "MARTA LINDQVIST", r->speaker_len);
  assert_false(r->speaker_mismatch);
}

/* the caller's speakers replace the resolved ones: someone the meeting's labels do not
 * name is uncovered (the material cannot answer for him); past nspeakers a quote names
 * nobody, and any turn answers for it */
static void given_speakers_replace_the_resolved_ones(void **st) {
  fx *f = *st;
  const char *who[] = {"Henrik Vasquez"};
  assert_int_equal(vb_check_draft(DRAFT, strlen(DRAFT), NULL, who, 1, &f->M, NULL, &f->d, &f->err), 0);
  assert_string_equal(f->d.speakers[0], "Henrik Vasquez");
  assert_int_equal(f->d.c.r.v[0].verdict, VB_UNCOVERED);
  assert_false(f->d.c.r.v[0].speaker_mismatch);
  vb_draft_free(&f->d);
  memset(&f->d, 0, sizeof f->d);
  assert_int_equal(vb_check_draft(DRAFT, strlen(DRAFT), NULL, who, 0, &f->M, NULL, &f->d, &f->err), 0);
  assert_null(f->d.speakers[0]);
  assert_int_equal(f->d.c.r.v[0].verdict, VB_ALTERED);
  assert_false(f->d.c.r.v[0].speaker_mismatch);
}

/* the diff line: the unchanged run, then what the material had and what the quote has */
static void the_diff_line(void **st) {
  fx *f = *st;
  assert_int_equal(vb_check_draft(DRAFT, strlen(DRAFT), NULL, NULL, 0, &f->M, NULL, &f->d, &f->err), 0);
  vb_diff_line(&f->d.c, &f->d.c.r.v[0], &f->line);
  assert_false(f->line.oom);
  /* each piece at most 60 characters: the first run is cut */
  assert_string_equal(f->line.p, "The ferry to the north shore will run every day of the year \xe2\x80\xa6 [-May-] {+June+}");
}

/* a long unchanged run between two changes keeps its ends; a verbatim quote has one
 * piece, shown whole up to 60 characters */
static void long_runs_are_cut_to_their_ends(void **st) {
  fx *f = *st;
  static const char src[] = "A: We will open the new harbour office on the first of March, and the staff of the old "
                            "office will move across the river with all their files by the end of April this year.\n";
  static const char d[] = "\xe2\x80\x9cWe shall open the new harbour office on the first of March, and the staff of the old "
                          "office will move across the river with all their files by the end of May this year,\xe2\x80\x9d "
                          "she said.\n";
  vb_material M;
  memset(&M, 0, sizeof M);
  assert_int_equal(vb_material_add_text(&M, "a.txt", src, strlen(src)), 0);
  assert_int_equal(vb_check_draft(d, strlen(d), NULL, NULL, 0, &M, NULL, &f->d, &f->err), 0);
  vb_diff_line(&f->d.c, &f->d.c.r.v[0], &f->line);
  assert_string_equal(f->line.p, "We [-will-] {+shall+} open the new harbour office \xe2\x80\xa6 "
                                 "their files by the end of [-April-] {+May+} this year");
  vb_material_free(&M);
}

/* a file of the material gone before the check reads it: -2 and the reason; the draft
 * was analysed all the same */
static void a_missing_file_is_a_check_error(void **st) {
  fx *f = *st;
  char path[] = "/tmp/verbatim-test-draft-XXXXXX";
  vb_material M;
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, MEETING, strlen(MEETING)), (ssize_t)strlen(MEETING));
  close(fd);
  memset(&M, 0, sizeof M);
  assert_int_equal(vb_material_add_path(&M, path, &f->err), 0);
  unlink(path);
  assert_int_equal(vb_check_draft(DRAFT, strlen(DRAFT), NULL, NULL, 0, &M, NULL, &f->d, &f->err), -2);
  assert_non_null(strstr(f->err.p, path));
  assert_int_equal(f->d.an.qs.q.n, 1);
  vb_material_free(&M);
}

/* a draft without quotes: nothing to compare, nothing checked, no error */
static void no_quotes(void **st) {
  fx *f = *st;
  static const char d[] = "The ferry will run every day, the council said.\n";
  assert_int_equal(vb_check_draft(d, strlen(d), NULL, NULL, 0, &f->M, NULL, &f->d, &f->err), 0);
  assert_int_equal(f->d.an.qs.q.n, 0);
  assert_null(f->d.speakers);
  assert_int_equal(f->d.c.r.n, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(resolves_the_speaker_and_checks, setup, teardown),
    cmocka_unit_test_setup_teardown(given_speakers_replace_the_resolved_ones, setup, teardown),
    cmocka_unit_test_setup_teardown(the_diff_line, setup, teardown),
    cmocka_unit_test_setup_teardown(long_runs_are_cut_to_their_ends, setup, teardown),
    cmocka_unit_test_setup_teardown(a_missing_file_is_a_check_error, setup, teardown),
    cmocka_unit_test_setup_teardown(no_quotes, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
