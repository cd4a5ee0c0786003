/* cmocka tests for the quote finder (src/quotes.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "quotes.h"

static vb_quotes find(const char *s) {
  vb_quotes qs = {0};
  assert_int_equal(vb_quotes_find(s, strlen(s), NULL, &qs), 0);
  return qs;
}

static void curly_pair(void **st) {
  const char *s = "He said \xe2\x80\x9cyes, we can.\xe2\x80\x9d Then left.";
  vb_quotes qs = find(s);
  (void)st;
  assert_int_equal(qs.q.n, 1);
  assert_int_equal(qs.q.v[0].start, 8);
  assert_int_equal(qs.q.v[0].end, 8 + 3 + 12 + 3);
  vb_quotes_free(&qs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(curly_pair),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
