/* cmocka tests for the library versions (src/version.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "version.h"

static void pcre2_version_fits_or_is_refused(void **st) {
  char buf[32], tiny[4];
  const char *v;
  (void)st;
  v = vb_pcre2_version(buf, sizeof buf);
  assert_ptr_equal(v, buf);
  assert_true(strncmp(v, "10.", 3) == 0);      /* PCRE2 releases are 10.x */
  assert_non_null(strchr(v, ' '));             /* and carry their date */
  memset(tiny, 'x', sizeof tiny);
  assert_null(vb_pcre2_version(tiny, sizeof tiny));
  assert_int_equal(tiny[0], 'x');              /* nothing written past a refusal */
  assert_null(vb_pcre2_version(NULL, 32));
  assert_null(vb_pcre2_version(buf, 0));
}

static void utf8proc_version(void **st) {
  const char *v = vb_utf8proc_version();
  (void)st;
  assert_non_null(v);
  assert_true(v[0] >= '1' && v[0] <= '9');
  assert_non_null(strchr(v, '.'));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(pcre2_version_fits_or_is_refused),
    cmocka_unit_test(utf8proc_version),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
