/* cmocka tests for UTF-8 decoding and the line index (src/text.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "text.h"

static uint32_t dec1(const char *s, size_t n, size_t *len) {
  uint32_t cp = 0;
  *len = vb_utf8_dec((const unsigned char *)s, n, 0, &cp);
  return cp;
}

static void decodes_valid_sequences(void **st) {
  size_t k;
  (void)st;
  assert_int_equal(dec1("A", 1, &k), 'A'); assert_int_equal(k, 1);
  assert_int_equal(dec1("\xc3\xa9", 2, &k), 0xE9); assert_int_equal(k, 2);
  assert_int_equal(dec1("\xe2\x80\x9c", 3, &k), 0x201C); assert_int_equal(k, 3);
  assert_int_equal(dec1("\xf0\x9f\x98\x80", 4, &k), 0x1F600); assert_int_equal(k, 4);
  assert_int_equal(dec1("\0", 1, &k), 0); assert_int_equal(k, 1);   /* NUL is a character */
}

static void bad_bytes_are_one_byte_replacements(void **st) {
  static const char *const bad[] = {
    "\x80", "\xff", "\xc0\xaf", "\xe0\x80\xaf",   /* stray continuation, invalid, overlongs */
    "\xed\xa0\x80",                             /* a surrogate */
    "\xf4\x90\x80\x80",                         /* above U+10FFFF */
    "\xe2\x80", "\xe2\x28\xa1",                 /* truncated, bad continuation */
  };
  (void)st;
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    size_t k;
    assert_int_equal(dec1(bad[i], strlen(bad[i]), &k), VB_BADCP);
    assert_int_equal(k, 1);
  }
  /* a sequence cut by the length given is bad even when the bytes go on */
  {
    size_t k;
    assert_int_equal(dec1("\xe2\x80\x9c", 2, &k), VB_BADCP);
    assert_int_equal(k, 1);
  }
}

static void walking_keeps_every_offset(void **st) {
  static const char s[] = "a\xff\xe2\x80\x9c" "b\0\xc3\xa9\xe2\x80";
  size_t n = sizeof s - 1, i = 0, steps = 0;
  (void)st;
  while (i < n) {
    uint32_t cp;
    size_t k = vb_utf8_dec((const unsigned char *)s, n, i, &cp);
    assert_true(k >= 1 && i + k <= n);
    i += k;
    steps++;
  }
  assert_int_equal(i, n);
  assert_int_equal(steps, 8);   /* a, ff, “, b, NUL, é, then e2 and 80 alone */
}

static void prev_finds_code_point_starts(void **st) {
  const unsigned char *s = (const unsigned char *)"x\xe2\x80\x9cy\xc3\xa9\x80";
  (void)st;
  assert_int_equal(vb_utf8_prev(s, 4), 1);   /* before y: the start of “ */
  assert_int_equal(vb_utf8_prev(s, 1), 0);
  assert_int_equal(vb_utf8_prev(s, 7), 5);   /* é */
  assert_int_equal(vb_utf8_prev(s, 8), 7);   /* a stray continuation byte stands alone */
}

static void encode_round_trips(void **st) {
  static const uint32_t cps[] = {0x41, 0xE9, 0x7FF, 0x800, 0x201D, 0xFFFD, 0x10000, 0x10FFFF};
  (void)st;
  for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
    char b[4];
    uint32_t back;
    size_t k = vb_utf8_enc(cps[i], b);
    assert_int_equal(vb_utf8_dec((const unsigned char *)b, k, 0, &back), k);
    assert_int_equal(back, cps[i]);
  }
}

static void validity(void **st) {
  (void)st;
  assert_true(vb_utf8_valid("caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d", 14));
  assert_true(vb_utf8_valid("\xef\xbf\xbd", 3));       /* a real U+FFFD is fine */
  assert_false(vb_utf8_valid("a\0b", 3));
  assert_false(vb_utf8_valid("a\xff", 2));
  assert_false(vb_utf8_valid("\xe2\x80", 2));
  assert_true(vb_utf8_valid("", 0));
}

static void classes(void **st) {
  (void)st;
  assert_true(vb_cp_isspace(' ') && vb_cp_isspace(0xA0) && vb_cp_isspace(0x2009) && vb_cp_isspace('\n'));
  assert_false(vb_cp_isspace('a') || vb_cp_isspace(0x201C));
  assert_true(vb_cp_isalpha('z') && vb_cp_isalpha(0xE9) && vb_cp_isalpha(0x416));
  assert_false(vb_cp_isalpha('1') || vb_cp_isalpha(0x2019) || vb_cp_isalpha(VB_BADCP) || vb_cp_isalpha(0xD7));
  assert_true(vb_cp_isupper('Q') && vb_cp_isupper(0xC9) && !vb_cp_isupper('q') && !vb_cp_isupper(0xE9));
  assert_true(vb_cp_isdash(0x2014) && vb_cp_isdash('-') && !vb_cp_isdash('_'));
}

static void line_index(void **st) {
  static const char s[] = "ab\ncd\n\nef\0gh\n";
  vb_lines L = {0};
  uint32_t line, col;
  (void)st;
  assert_int_equal(vb_lines_build(&L, s, sizeof s - 1), 0);
  assert_int_equal(L.n, 5);   /* starts: 0, 3, 6, 7, 13 */
  vb_lines_pos(&L, 0, &line, &col); assert_int_equal(line, 1); assert_int_equal(col, 1);
  vb_lines_pos(&L, 2, &line, &col); assert_int_equal(line, 1); assert_int_equal(col, 3);
  vb_lines_pos(&L, 4, &line, &col); assert_int_equal(line, 2); assert_int_equal(col, 2);
  vb_lines_pos(&L, 6, &line, &col); assert_int_equal(line, 3); assert_int_equal(col, 1);
  vb_lines_pos(&L, 11, &line, &col); assert_int_equal(line, 4); assert_int_equal(col, 5);  /* past the NUL */
  vb_lines_pos(&L, 13, &line, &col); assert_int_equal(line, 5); assert_int_equal(col, 1);
  vb_lines_free(&L);
  assert_null(L.start);
  assert_int_equal(vb_lines_build(&L, "", 0), 0);
  assert_int_equal(L.n, 1);
  vb_lines_free(&L);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(decodes_valid_sequences),
    cmocka_unit_test(bad_bytes_are_one_byte_replacements),
    cmocka_unit_test(walking_keeps_every_offset),
    cmocka_unit_test(prev_finds_code_point_starts),
    cmocka_unit_test(encode_round_trips),
    cmocka_unit_test(validity),
    cmocka_unit_test(classes),
    cmocka_unit_test(line_index),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
