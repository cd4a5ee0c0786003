/* cmocka tests for the project file (src/config.c): every key's type, paths against the
 * file's folder, the `verbatim:` wrapper of front matter, errors that name their place,
 * unknown keys as warnings, and the walk up the folders. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "config.h"
#include "format.h"

static int parse(const char *yaml, vb_config *c, vb_buf *err) {
  memset(c, 0, sizeof *c);
  err->n = 0;
  return vb_config_parse(yaml, strlen(yaml), "p/.verbatim.yaml", "/proj", c, err);
}

static void every_key(void **st) {
  vb_config c;
  vb_buf err = {0};
  (void)st;
  assert_int_equal(parse("check: [talks, /abs/t.txt, ~/x]\nindex: a.vbi\ncues: ['chimed in']\n"
                         "strict: yes\nstrict-terms: off\nfail-on: [altered, +uncovered]\nborrowed: 20\n"
                         "indirect: true\nnested: false\nmax-size: 10M\nannotate: true\n"
                         "sources-section: Who spoke\nreport: out/r.json\nengine: cli\ncli: /bin/vb\ndebounce: 150\nformat: markdown\n",
                         &c, &err), 0);
  assert_int_equal(c.check.n, 3);
  assert_string_equal(c.check.v[0], "/proj/talks");
  assert_string_equal(c.check.v[1], "/abs/t.txt");
  if (getenv("HOME") && *getenv("HOME")) assert_non_null(strstr(c.check.v[2], "/x"));
  assert_string_equal(c.index.v[0], "/proj/a.vbi");
  assert_string_equal(c.cues.v[0], "chimed in");
  assert_int_equal(c.strict, 1);
  assert_int_equal(c.strict_terms, 0);
  assert_int_equal(c.fail_on.n, 2);
  assert_string_equal(c.fail_on.v[1], "+uncovered");
  assert_int_equal(c.borrowed, 20);
  assert_int_equal(c.indirect, 1);
  assert_int_equal(c.nested, 0);
  assert_true(c.max_size == 10LL << 20);
  assert_int_equal(c.annotate, 1);
  assert_string_equal(c.sources_section, "Who spoke");
  assert_string_equal(c.report, "/proj/out/r.json");
  assert_string_equal(c.engine, "cli");
  assert_string_equal(c.cli, "/bin/vb");
  assert_int_equal(c.debounce, 150);
  assert_int_equal(c.format, VB_FMT_MARKDOWN);
  assert_int_equal(c.warnings.n, 0);
  vb_config_free(&c);
  vb_buf_free(&err);
}

static void unset_keys_say_nothing(void **st) {
  vb_config c;
  vb_buf err = {0};
  (void)st;
  assert_int_equal(parse("# nothing yet\n", &c, &err), 0);
  assert_int_equal(c.strict, -1);
  assert_int_equal(c.borrowed, -1);
  assert_true(c.max_size == -1);
  assert_null(c.report);
  assert_int_equal(c.check.n, 0);
  vb_config_free(&c);
  assert_int_equal(parse("check:\nstrict: ~\nborrowed: false\n", &c, &err), 0);
  assert_int_equal(c.check.n, 0);
  assert_int_equal(c.strict, -1);
  assert_int_equal(c.borrowed, 0);
  vb_config_free(&c);
  vb_buf_free(&err);
}

static void front_matter_wrapper(void **st) {
  vb_config c;
  vb_buf err = {0};
  (void)st;
  assert_int_equal(parse("verbatim:\n  check: t.txt\n  strict: true\n", &c, &err), 0);
  assert_string_equal(c.check.v[0], "/proj/t.txt");
  assert_int_equal(c.strict, 1);
  vb_config_free(&c);
  vb_buf_free(&err);
}

static void wrong_types_are_errors_with_places(void **st) {
  static const struct { const char *yaml, *msg; } bad[] = {
    {"strict: maybe\n", "p/.verbatim.yaml:1:9: 'strict': true or false expected"},
    {"strict: \"true\"\n", "p/.verbatim.yaml:1:9: 'strict': true or false expected"},
    {"check: {a: 1}\n", "p/.verbatim.yaml:1:8: 'check': a string or a list of strings expected"},
    {"check:\n  - [x]\n", "p/.verbatim.yaml:2:5: 'check': a list of strings expected"},
    {"borrowed: 2\n", "p/.verbatim.yaml:1:11: 'borrowed': true, false or a number of words (3 or more) expected"},
    {"max-size: lots\n", "p/.verbatim.yaml:1:11: 'max-size': a size expected (256M, 1G, 0 for no limit)"},
    {"debounce: -5\n", "p/.verbatim.yaml:1:11: 'debounce': milliseconds (0 to 60000) expected"},
    {"engine: fast\n", "p/.verbatim.yaml:1:9: 'engine': auto, native or cli expected"},
    {"format: docx\n", "p/.verbatim.yaml:1:9: 'format': text or markdown expected"},
    {"- check\n", "p/.verbatim.yaml:1:1: a mapping of keys (check:, index:, ...) expected"},
    {"check: ''\n", "p/.verbatim.yaml:1:8: 'check': an empty string"},
  };
  vb_buf err = {0};
  (void)st;
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    vb_config c;
    assert_int_equal(parse(bad[i].yaml, &c, &err), -1);
    vb_buf_addc(&err, 0);
    assert_string_equal(err.p, bad[i].msg);
    vb_config_free(&c);
  }
  {
    vb_config c;
    assert_int_equal(parse("check: [a\n", &c, &err), -1);   /* YAML's own error, placed */
    vb_buf_addc(&err, 0);
    assert_non_null(strstr(err.p, "p/.verbatim.yaml:2:1: "));
    vb_config_free(&c);
  }
  vb_buf_free(&err);
}

static void unknown_keys_warn(void **st) {
  vb_config c;
  vb_buf err = {0};
  (void)st;
  assert_int_equal(parse("strict: true\ncolour: blue\n", &c, &err), 0);
  assert_int_equal(c.warnings.n, 1);
  assert_string_equal(c.warnings.v[0], "p/.verbatim.yaml:2:1: unknown key 'colour' (ignored)");
  assert_int_equal(c.strict, 1);
  vb_config_free(&c);
  vb_buf_free(&err);
}

static void binary_and_aliases(void **st) {
  vb_config c;
  vb_buf err = {0};
  static const char bin[] = "check: \xff\xfe\x00x\n";
  (void)st;
  memset(&c, 0, sizeof c);
  assert_int_equal(vb_config_parse(bin, sizeof bin - 1, "b", "/", &c, &err), -1);   /* invalid UTF-8 */
  vb_config_free(&c);
  err.n = 0;
  /* an alias to a list is a list; no expansion happens that could run away */
  assert_int_equal(parse("x: &a [one, two]\ncheck: *a\n", &c, &err), 0);
  assert_int_equal(c.check.n, 2);
  vb_config_free(&c);
  vb_buf_free(&err);
}

static void walk_up_finds_the_nearest(void **st) {
  char tmpl[] = "/tmp/vb-config-XXXXXX", path[512];
  vb_buf out = {0}, err = {0};
  vb_config c;
  FILE *f;
  (void)st;
  assert_non_null(mkdtemp(tmpl));
  snprintf(path, sizeof path, "%s/a", tmpl); assert_int_equal(mkdir(path, 0700), 0);
  snprintf(path, sizeof path, "%s/a/b", tmpl); assert_int_equal(mkdir(path, 0700), 0);
  snprintf(path, sizeof path, "%s/.verbatim.yaml", tmpl);
  assert_non_null(f = fopen(path, "w")); fputs("check: talks\n", f); fclose(f);
  snprintf(path, sizeof path, "%s/a/b/draft.md", tmpl);
  assert_int_equal(vb_config_find(path, &out), 1);          /* a file that need not exist */
  vb_buf_addc(&out, 0);
  snprintf(path, sizeof path, "%s/.verbatim.yaml", tmpl);
  assert_string_equal(out.p, path);
  memset(&c, 0, sizeof c);
  assert_int_equal(vb_config_load(out.p, &c, &err), 0);
  snprintf(path, sizeof path, "%s/talks", tmpl);
  assert_string_equal(c.check.v[0], path);                  /* against the file's folder */
  vb_config_free(&c);
  /* a nearer file wins */
  snprintf(path, sizeof path, "%s/a/.verbatim.yaml", tmpl);
  assert_non_null(f = fopen(path, "w")); fputs("strict: false\n", f); fclose(f);
  snprintf(path, sizeof path, "%s/a/b", tmpl);
  assert_int_equal(vb_config_find(path, &out), 1);
  vb_buf_addc(&out, 0);
  snprintf(path, sizeof path, "%s/a/.verbatim.yaml", tmpl);
  assert_string_equal(out.p, path);
  unlink(path);
  snprintf(path, sizeof path, "%s/.verbatim.yaml", tmpl); unlink(path);
  snprintf(path, sizeof path, "%s/a/b", tmpl);
  assert_int_equal(vb_config_find(path, &out), 0);          /* none up to / (unless /tmp has one) */
  rmdir(path);
  snprintf(path, sizeof path, "%s/a", tmpl); rmdir(path);
  rmdir(tmpl);
  vb_buf_free(&out);
  vb_buf_free(&err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(every_key),
    cmocka_unit_test(unset_keys_say_nothing),
    cmocka_unit_test(front_matter_wrapper),
    cmocka_unit_test(wrong_types_are_errors_with_places),
    cmocka_unit_test(unknown_keys_warn),
    cmocka_unit_test(binary_and_aliases),
    cmocka_unit_test(walk_up_finds_the_nearest),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
