/* cmocka tests for the Markdown prose mask (src/markdown.c). Each case is a draft and
 * the text the mask must leave, with '~' for each byte that must become a space (so the
 * columns can be counted): code's marks as '_', every other byte (line breaks above
 * all) where it was. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "markdown.h"
#include "quotes.h"
#include "text.h"

typedef struct mcase { const char *name, *in, *out; } mcase;

static const mcase cases[] = {
  {"yaml front matter", "---\ntitle: \"A \xe2\x80\x9cquote\xe2\x80\x9d\"\n---\n\"Said,\" she said.\n",
   "~~~\n~~~~~~ ~~ ~~~~~~~~~~~~\n~~~\n\"Said,\" she said.\n"},
  {"yaml closed by dots", "---\na: '1\n...\nText.\n",
   "~~~\n~~ ~~\n~~~\nText.\n"},
  {"a rule is no front matter", "---\n\nText \"here\".\n",
   "~~~\n\nText \"here\".\n"},
  {"toml front matter", "+++\ntitle = \"x\"\n+++\nText.\n",
   "~~~\n~~~~~ ~ ~~~\n~~~\nText.\n"},
  {"title block", "% A \"title\n% Author\n\nText.\n",
   "~ ~ ~~~~~~\n~ ~~~~~~\n\nText.\n"},
  {"fenced code", "Text.\n\n```sh\necho \"a\n```\n\nMore.\n",
   "Text.\n\n~~~~~\n~~~~ ~~\n~~~\n\nMore.\n"},
  {"tilde fence, longer closer", "~~~\n'x\n~~~~\nA.\n",
   "~~~\n~~\n~~~~\nA.\n"},
  {"unclosed fence is text (pandoc)", "```\n\"a\n",
   "```\n\"a\n"},
  {"quarto chunk", "```{r}\n#| fig-cap: \"A \xe2\x80\x9c" "b\"\nplot(x)\n```\n",
   "~~~~~~\n~~ ~~~~~~~~ ~~ ~~~~~\n~~~~~~~\n~~~\n"},
  {"indented code", "Text.\n\n    \"code\n\nMore.\n",
   "Text.\n\n    ~~~~~\n\nMore.\n"},
  {"indented line in a paragraph is text", "Text\n    \"more\" here.\n",
   "Text\n    \"more\" here.\n"},
  {"list paragraph is not code", "- item\n\n    \"said\" on.\n",
   "- item\n\n    \"said\" on.\n"},
  {"code in a list", "- item\n\n        \"code\n",
   "- item\n\n        ~~~~~\n"},
  {"fence in a block quote", "> ```\n> \"x\n> ```\n> \"Yes,\" she said.\n",
   "~ ~~~\n~ ~~\n~ ~~~\n~ \"Yes,\" she said.\n"},
  {"code span", "Run `grep '\"' f` now.\n",
   "Run ~grep ___ f~ now.\n"},
  {"double backtick span", "A ``x ` \"y`` b.\n",
   "A ~~x _ _y~~ b.\n"},
  {"unclosed backtick is text", "A `b \"c\".\n",
   "A `b \"c\".\n"},
  {"code span marks", "`\xe2\x80\x9cq\xe2\x80\x9d \xc2\xabr\xc2\xbb`\n",
   "~___q___ __r__~\n"},
  {"inline link title", "[the report](http://x.org/a \"The \xe2\x80\x9c" "final\xe2\x80\x9d\") said.\n",
   "~the report~~~~~~~~~~~~~~~~ ~~~~ ~~~~~~~~~~~~~ said.\n"},
  {"link with parens and angle dest", "[a](<b c> 'T') [d](e(f)g)\n",
   "~a~~~~ ~~ ~~~~ ~d~~~~~~~~\n"},
  {"image", "See ![an \"old\" room](r.jpg \"x\").\n",
   "See ~~~~ ~~~~~ ~~~~~~~~~~~ ~~~~.\n"},
  {"reference link", "[minutes][m] and [M].\n\n[m]: http://x.org \"The \\\"t\\\"\"\n",
   "~minutes~~~~ and ~M~.\n\n~~~~ ~~~~~~~~~~~~ ~~~~ ~~~~~~\n"},
  {"reference title on the next line", "[a][r]\n\n[r]: /u\n  'T \"x'\n",
   "~a~~~~\n\n~~~~ ~~\n  ~~ ~~~\n"},
  {"undefined brackets stay", "\"[T]he plan,\" he said.\n",
   "\"[T]he plan,\" he said.\n"},
  {"footnote", "Text.[^1]\n\n[^1]: \"Note,\" she said.\n",
   "Text.~~~~\n\n~~~~~ \"Note,\" she said.\n"},
  {"inline note", "Text.^[A \"note\".]\n",
   "Text.~~A \"note\".~\n"},
  {"bracketed span", "[a \"b\"]{.sc key=\"v\"}\n",
   "~a \"b\"~~~~~ ~~~~~~~~\n"},
  {"autolink", "See <https://x.org/it's> or <a@b.org>.\n",
   "See ~~~~~~~~~~~~~~~~~~~~ or ~~~~~~~~~.\n"},
  {"html comment", "A <!-- \"x --> b.\n",
   "A ~~~~ ~~ ~~~ b.\n"},
  {"comment over blank lines (pandoc)", "A <!-- x\n\n\"y -->\nB.\n",
   "A ~~~~ ~\n\n~~ ~~~\nB.\n"},
  {"unclosed comment is text", "A <!-- \"x\n",
   "A <!-- \"x\n"},
  {"html tags", "<span title=\"a \xe2\x80\x9c" "b\">\"Hi,\"</span> she said.\n",
   "~~~~~ ~~~~~~~~ ~~~~~~\"Hi,\"~~~~~~~ she said.\n"},
  {"raw element", "<pre>\n\"x\n</pre>\n\"Yes.\"\n",
   "~~~~~\n~~\n~~~~~~\n\"Yes.\"\n"},
  {"prose less-than", "If a < b and \"c\" > d.\n",
   "If a < b and \"c\" > d.\n"},
  {"shortcode", "{{< video src=\"x\" >}} \"Q.\"\n",
   "~~~ ~~~~~ ~~~~~~~ ~~~ \"Q.\"\n"},
  {"fenced div", "::: {.note title=\"a\"}\n\"Q,\" she said.\n:::\n",
   "~~~ ~~~~~~ ~~~~~~~~~~\n\"Q,\" she said.\n~~~\n"},
  {"heading attributes", "# A \"title\" {#id key=\"v\"}\n",
   "~ A \"title\" ~~~~ ~~~~~~~~\n"},
  {"closing hashes", "## Head ##\n",
   "~~ Head ~~\n"},
  {"code attributes", "`x`{.r}\n",
   "~x~~~~~\n"},
  {"math", "So $x'$ and $$\"y\"$$ cost $5 and $10.\n",
   "So ~x_~ and ~~_y_~~ cost $5 and $10.\n"},
  {"block quote markers", "> \"A\n>\n> B,\" he said.\n",
   "~ \"A\n~\n~ B,\" he said.\n"},
  {"rules and table rulers", "a | b\n--|--\n\n***\n",
   "a | b\n~~~~~\n\n~~~\n"},
  {"escapes", "\\`x` and \\[a](b)\n",
   "\\`x` and \\[a](b)\n"},
  {"crlf kept", "---\r\na: 1\r\n---\r\n\"Q.\"\r\n",
   "~~~\r\n~~ ~\r\n~~~\r\n\"Q.\"\r\n"},
};

static void cases_mask_as_expected(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    size_t n = strlen(cases[i].in);
    char *s = malloc(n + 1);
    memcpy(s, cases[i].in, n + 1);
    char *want = malloc(n + 1);
    assert_int_equal(strlen(cases[i].out), n);
    for (size_t k = 0; k <= n; k++) want[k] = cases[i].out[k] == '~' ? ' ' : cases[i].out[k];
    assert_int_equal(vb_prose(VB_FMT_MARKDOWN, s, n), 0);
    if (strcmp(s, want)) {
      print_error("case '%s':\n  in:  [%s]\n  got: [%s]\n  want:[%s]\n", cases[i].name, cases[i].in, s, want);
      free(s);
      free(want);
      fail();
    }
    free(s);
    free(want);
  }
}

static void text_format_is_untouched(void **state) {
  char s[] = "---\ntitle: \"x\"\n---\n`a \"b`\n";
  (void)state;
  assert_int_equal(vb_prose(VB_FMT_TEXT, s, strlen(s)), 0);
  assert_string_equal(s, "---\ntitle: \"x\"\n---\n`a \"b`\n");
}

static void formats_by_name_and_path(void **state) {
  (void)state;
  assert_int_equal(vb_format_parse("markdown"), VB_FMT_MARKDOWN);
  assert_int_equal(vb_format_parse("quarto"), VB_FMT_MARKDOWN);
  assert_int_equal(vb_format_parse("text"), VB_FMT_TEXT);
  assert_int_equal(vb_format_parse("html"), -1);
  assert_int_equal(vb_format_of_path("a/b.md"), VB_FMT_MARKDOWN);
  assert_int_equal(vb_format_of_path("B.QMD"), VB_FMT_MARKDOWN);
  assert_int_equal(vb_format_of_path("x.Rmd"), VB_FMT_MARKDOWN);
  assert_int_equal(vb_format_of_path("x.markdown"), VB_FMT_MARKDOWN);
  assert_int_equal(vb_format_of_path("notes.txt"), VB_FMT_TEXT);
  assert_int_equal(vb_format_of_path("photo.jpg"), -1);
  assert_int_equal(vb_format_of_path("dir.md/README"), -1);
  assert_int_equal(vb_format_of_path("Makefile"), -1);
}

/* The quotes found in a masked draft are the prose's, at the file's offsets. */
static void quotes_keep_their_offsets(void **state) {
  const char *in = "---\ntitle: \"Vote\"\n---\n\nSee `x \"y`.\n\n\xe2\x80\x9cWe will,\xe2\x80\x9d she said.\n";
  size_t n = strlen(in);
  char *s = malloc(n);
  vb_quotes qs = {0};
  (void)state;
  memcpy(s, in, n);
  assert_int_equal(vb_prose(VB_FMT_MARKDOWN, s, n), 0);
  assert_int_equal(vb_quotes_find(s, n, NULL, &qs), 0);
  assert_int_equal(qs.q.n, 1);
  assert_int_equal(qs.diag.n, 0);
  assert_int_equal(qs.q.v[0].start, (size_t)(strstr(in, "\xe2\x80\x9cWe") - in));
  assert_int_equal(qs.q.v[0].line, 7);
  assert_int_equal(qs.q.v[0].col, 1);
  vb_quotes_free(&qs);
  free(s);
}

/* Random drafts over Markdown's delimiters: same length, the same line breaks, only
 * spaces or '_' written, valid UTF-8 kept valid. */
static void random_drafts_keep_the_shape(void **state) {
  static const char *const atoms[] = {
    "`", "``", "```", "~~~", "\n", "\n\n", "    ", "> ", "- ", "1. ", "[", "]", "![", "^[", "(", ")", "<", ">",
    "<!--", "-->", "<a x=\"", "</a>", "{", "}", "{{<", ">}}", "$", "$$", "\\", "\"", "'", "#", "---", ":::",
    "\xe2\x80\x9c", "\xe2\x80\x9d", "\xc2\xab", "word ", "[r]: /u \"t\"\n", "<pre>", "</pre>", "*", "|", "\r\n", "+++",
  };
  char buf[600], orig[600];
  unsigned seed = 12345;
  (void)state;
  for (int round = 0; round < 20000; round++) {
    size_t n = 0;
    while (n < 400) {
      const char *a;
      seed = seed * 1103515245u + 12345u;
      a = atoms[(seed >> 16) % (sizeof atoms / sizeof *atoms)];
      memcpy(buf + n, a, strlen(a));
      n += strlen(a);
    }
    memcpy(orig, buf, n);
    assert_int_equal(vb_prose(VB_FMT_MARKDOWN, buf, n), 0);
    for (size_t i = 0; i < n; i++) {
      if (buf[i] == orig[i]) continue;
      assert_true(buf[i] == ' ' || buf[i] == '_');
      assert_true(orig[i] != '\n' && orig[i] != '\r');
    }
    assert_true(vb_utf8_valid(buf, n));
  }
}

/* Inputs that make a naive scanner retry every opener to the end: they finish (the
 * forward searches are remembered; a benchmark measures the time). */
static void pathological_openers(void **state) {
  static const char *const units[] = {"`` ` ", "$a ", "<a x=\"", "<!-- ", "[a](", "{{< ", "[", "```\n", "````\n```\n",
                                      "<!-- a\n\n", "<pre> a\n\n", "> ```\n"};
  (void)state;
  for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
    size_t k = strlen(units[u]), n = 0, cap = 200000;
    char *s = malloc(cap);
    while (n + k <= cap) { memcpy(s + n, units[u], k); n += k; }
    assert_int_equal(vb_prose(VB_FMT_MARKDOWN, s, n), 0);
    free(s);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(cases_mask_as_expected),
    cmocka_unit_test(text_format_is_untouched),
    cmocka_unit_test(formats_by_name_and_path),
    cmocka_unit_test(quotes_keep_their_offsets),
    cmocka_unit_test(random_drafts_keep_the_shape),
    cmocka_unit_test(pathological_openers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
