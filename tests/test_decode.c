/* cmocka tests for decoding (src/decode.c): every encoding and markup a transcript
 * arrives in comes out as the same UTF-8 words, and every word maps back to the bytes of
 * the original it came from. The inputs are made here, from one invented text. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <zip.h>
#include "decode.h"
#include "normalise.h"
#include "text.h"

static const char TEXT[] =
  "BLAKE: Good evening \xE2\x80\x94 welcome.\n\n"
  "CALDER: The ferry must run; we\xE2\x80\x99re sure of it. Caf\xC3\xA9 prices\n"
  "rose by 5\xE2\x82\xAC.\n";

/* the words of a text, space-joined (folded as the checker folds them: the hashes) */
static void words(const char *s, size_t n, uint64_t *h, size_t *nh, size_t cap) {
  vb_wtoks tk = {0};
  assert_int_equal(vb_tokenize(s, n, 0, &tk), 0);
  assert_true(tk.t.n <= cap);
  for (size_t i = 0; i < tk.t.n; i++) h[i] = tk.t.v[i].h;
  *nh = tk.t.n;
  vb_toks_free(&tk);
}

/* decode p as name; its words must be TEXT's, each mapped inside the original, in order */
static void same_words(const char *name, const unsigned char *p, size_t n, const char *format, const char *warned) {
  vb_decoded D;
  vb_buf warn = {0};
  uint64_t a[64], b[64];
  size_t na, nb, prev = 0;
  vb_wtoks tk = {0};
  assert_int_equal(vb_decode(&D, name, p, n, NULL, &warn), 0);
  if (strcmp(D.format, format)) fail_msg("%s: format %s, want %s", name, D.format, format);
  if (warned) { assert_non_null(warn.p); assert_non_null(strstr(warn.p, warned)); }
  else if (warn.n) fail_msg("%s: unexpected warning %s", name, warn.p);
  words(TEXT, strlen(TEXT), a, &na, 64);
  words(D.s, D.n, b, &nb, 64);
  if (na != nb || memcmp(a, b, na * sizeof *a)) fail_msg("%s: words differ: %.*s", name, (int)D.n, D.s);
  assert_int_equal(vb_tokenize(D.s, D.n, 0, &tk), 0);
  for (size_t i = 0; i < tk.t.n; i++) {
    size_t o0 = vb_dec_orig(&D, tk.t.v[i].start), o1 = vb_dec_orig_end(&D, tk.t.v[i].end);
    assert_true(o0 >= prev && o0 < o1 && o1 <= n);
    prev = o0;
  }
  vb_toks_free(&tk);
  vb_decoded_free(&D);
  vb_buf_free(&warn);
}

static size_t to_utf16(const char *s, unsigned char *out, int be, int bom) {
  size_t o = 0, i = 0, n = strlen(s);
  if (bom) { out[o++] = be ? 0xFE : 0xFF; out[o++] = be ? 0xFF : 0xFE; }
  while (i < n) {
    uint32_t cp;
    i += vb_utf8_dec((const unsigned char *)s, n, i, &cp);
    out[o + (be ? 1 : 0)] = (unsigned char)(cp & 0xFF);
    out[o + (be ? 0 : 1)] = (unsigned char)(cp >> 8);
    o += 2;
  }
  return o;
}

static void encodings(void **st) {
  unsigned char b[2048];
  size_t n;
  (void)st;
  same_words("t.txt", (const unsigned char *)TEXT, strlen(TEXT), "UTF-8", NULL);
  n = to_utf16(TEXT, b, 0, 1);
  same_words("t.txt", b, n, "UTF-16LE", NULL);
  n = to_utf16(TEXT, b, 1, 1);
  same_words("t.txt", b, n, "UTF-16BE", NULL);
  n = to_utf16(TEXT, b, 0, 0);
  same_words("t.txt", b, n, "UTF-16LE", NULL);           /* no BOM: told by its zero bytes */
  n = to_utf16(TEXT, b, 1, 0);
  same_words("t.txt", b, n, "UTF-16BE", NULL);
  memcpy(b, "\xEF\xBB\xBF", 3);
  memcpy(b + 3, TEXT, strlen(TEXT));
  same_words("t.txt", b, strlen(TEXT) + 3, "UTF-8", NULL);
  {
    /* Windows-1252: \x97 em dash, \x92 apostrophe, \xE9 e acute, \x80 euro */
    static const char cp[] = "BLAKE: Good evening \x97 welcome.\n\nCALDER: The ferry must run; we\x92re sure of it. Caf\xE9 prices\nrose by 5\x80.\n";
    same_words("t.txt", (const unsigned char *)cp, strlen(cp), "Windows-1252", "Windows-1252");
  }
}

/* a UTF-16 word maps to its own two bytes a character; lines and columns of the original */
static void offsets_point_into_the_original(void **st) {
  unsigned char b[2048];
  size_t n = to_utf16(TEXT, b, 0, 1), o0, o1;
  vb_decoded D;
  vb_buf warn = {0};
  const char *w;
  uint32_t line, col;
  (void)st;
  assert_int_equal(vb_decode(&D, "t.txt", b, n, NULL, &warn), 0);
  w = strstr(D.s, "ferry");
  o0 = vb_dec_orig(&D, (size_t)(w - D.s));
  o1 = vb_dec_orig_end(&D, (size_t)(w - D.s) + 5);
  assert_int_equal(o1 - o0, 10);
  assert_int_equal(b[o0], 'f');
  assert_int_equal(b[o0 + 1], 0);
  vb_dec_linecol(&D, o0, &line, &col);
  assert_int_equal(line, 3);
  assert_int_equal(col, 2 * strlen("CALDER: The ") + 1);
  w = strstr(D.s, "rose");
  vb_dec_linecol(&D, vb_dec_orig(&D, (size_t)(w - D.s)), &line, &col);
  assert_int_equal(line, 4);
  assert_int_equal(col, 1);
  vb_decoded_free(&D);
  vb_buf_free(&warn);
}

static const char HTML[] =
  "<!DOCTYPE html>\n<html><head><title>BLAKE: not this</title>\n<style>p{color:red}</style>\n"
  "<script>var s = \"<p>CALDER: nor this</p>\";</script></head>\n<body><article>\n"
  "<p><b>BLAKE:</b> Good evening &mdash; welcome.</p>\n<!-- CALDER: a comment -->\n"
  "<p><b>CALDER:</b> The ferry\n  must run; we&#8217;re sure of it. Caf&eacute; prices<br>rose by 5&#x20AC;.</p>\n"
  "</article></body></html>\n";

static void html(void **st) {
  vb_decoded D;
  vb_buf warn = {0};
  const char *w;
  size_t o0, o1;
  uint32_t line, col;
  (void)st;
  same_words("page.html", (const unsigned char *)HTML, strlen(HTML), "HTML", NULL);
  same_words("page", (const unsigned char *)HTML, strlen(HTML), "HTML", NULL);   /* told by its start */
  assert_int_equal(vb_decode(&D, "page.html", (const unsigned char *)HTML, strlen(HTML), NULL, &warn), 0);
  assert_non_null(strstr(D.s, "BLAKE: Good evening \xE2\x80\x94 welcome.\n\nCALDER: The ferry must run; we\xE2\x80\x99re"));
  assert_null(strstr(D.s, "not this"));
  assert_null(strstr(D.s, "nor this"));
  assert_null(strstr(D.s, "comment"));
  w = strstr(D.s, "we\xE2\x80\x99re");                    /* the entity maps to itself */
  o0 = vb_dec_orig(&D, (size_t)(w - D.s));
  o1 = vb_dec_orig_end(&D, (size_t)(w - D.s) + 7);
  assert_int_equal(o1 - o0, strlen("we&#8217;re"));
  assert_memory_equal(HTML + o0, "we&#8217;re", o1 - o0);
  vb_dec_linecol(&D, o0, &line, &col);
  assert_int_equal(line, 9);
  assert_int_equal(col, 13);
  vb_decoded_free(&D);
  vb_buf_free(&warn);
}

static const char VTT[] =
  "WEBVTT\nKind: captions\n\nNOTE a note: CALDER: no\n\nSTYLE\n::cue { color: red }\n\n"
  "1\n00:00:01.000 --> 00:00:03.000 align:start\n<v Nora Blake>Good evening &mdash; welcome.\n\n"
  "00:00:03.000 --> 00:00:05.000\n<v.loud Ruth Calder>The ferry<00:00:03.500><c> must</c><00:00:04.000><c> run;</c>\n"
  "we\xE2\x80\x99re sure of it.\n\n"
  "00:00:05.000 --> 00:00:07.000\n<v Ruth Calder><i>Caf\xC3\xA9</i> prices rose by 5\xE2\x82\xAC.\n";

static void webvtt(void **st) {
  vb_decoded D;
  vb_buf warn = {0};
  (void)st;
  assert_int_equal(vb_decode(&D, "t.vtt", (const unsigned char *)VTT, strlen(VTT), NULL, &warn), 0);
  assert_string_equal(D.format, "WebVTT");
  /* voices are labels; a voice that goes on is not repeated */
  assert_string_equal(D.s, "\x1ENora Blake: Good evening \xE2\x80\x94 welcome.\n\x1ERuth Calder: The ferry must run;\n"
                           "we\xE2\x80\x99re sure of it.\nCaf\xC3\xA9 prices rose by 5\xE2\x82\xAC.\n");
  {
    const char *w = strstr(D.s, "must");
    size_t o0 = vb_dec_orig(&D, (size_t)(w - D.s)), o1 = vb_dec_orig_end(&D, (size_t)(w - D.s) + 4);
    assert_memory_equal(VTT + o0, "must", 4);
    assert_int_equal(o1 - o0, 4);
    w = strstr(D.s, "Ruth");                                  /* a voice's name is the tag's */
    o0 = vb_dec_orig(&D, (size_t)(w - D.s));
    assert_memory_equal(VTT + o0, "Ruth Calder>", 12);
  }
  vb_decoded_free(&D);
  vb_buf_free(&warn);
}

/* a voice after text in its line names no one (its label would go before that text) and
 * the map stays in order (found by fuzz_turns) */
static void a_voice_inside_a_line_keeps_the_map_in_order(void **st) {
  static const char t[] = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nSo be it. <v Ola Nowak>Agreed.\n";
  vb_decoded D;
  vb_buf warn = {0};
  size_t prev = 0;
  (void)st;
  assert_int_equal(vb_decode(&D, "t.vtt", (const unsigned char *)t, strlen(t), NULL, &warn), 0);
  assert_string_equal(D.s, "So be it. Agreed.\n");
  for (size_t k = 0; k <= D.n; k++) {
    size_t o = vb_dec_orig(&D, k);
    assert_true(o >= prev);
    prev = o;
  }
  vb_decoded_free(&D);
  vb_buf_free(&warn);
}

/* automatic captions: each cue shows the line before again */
static void rolling_captions_are_said_once(void **st) {
  static const char r[] =
    "WEBVTT\n\n00:00:01.000 --> 00:00:01.010\n \n\n00:00:01.010 --> 00:00:02.000\nthe ferry<00:00:01.5><c> must</c>\n\n"
    "00:00:02.000 --> 00:00:02.010\nthe ferry must\n\n00:00:02.010 --> 00:00:03.000\nthe ferry must\nrun every<00:00:02.5><c> day</c>\n\n"
    "00:00:03.000 --> 00:00:03.010\nrun every day\n\n00:00:03.010 --> 00:00:04.000\nrun every day\nof the year\n\n"
    "00:00:04.000 --> 00:00:05.000\nof the year\nof the year and more\n";
  vb_decoded D;
  vb_buf warn = {0};
  (void)st;
  assert_int_equal(vb_decode(&D, "auto.vtt", (const unsigned char *)r, strlen(r), NULL, &warn), 0);
  assert_string_equal(D.s, "the ferry must\nrun every day\nof the year\nand more\n");
  vb_decoded_free(&D);
  vb_buf_free(&warn);
  /* the same lines in captions that do not roll stay: a speaker may say them twice */
  {
    static const char t[] = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nThank you.\n\n00:00:02.000 --> 00:00:03.000\nThank you.\n";
    assert_int_equal(vb_decode(&D, "t.vtt", (const unsigned char *)t, strlen(t), NULL, &warn), 0);
    assert_string_equal(D.s, "Thank you.\nThank you.\n");
    vb_decoded_free(&D);
  }
}

static void srt(void **st) {
  static const char s[] =
    "1\r\n00:00:01,000 --> 00:00:03,000\r\nBLAKE: Good evening &mdash;\r\nwelcome.\r\n\r\n"
    "2\r\n00:00:03,000 --> 00:00:05,000\r\nCALDER: The ferry must run; <i>we\xE2\x80\x99re</i>\r\nsure of it.\r\n\r\n"
    "3\r\n00:00:05,000 --> 00:00:07,000\r\n{\\an8}Caf\xC3\xA9 prices rose by 5\xE2\x82\xAC.\r\n";
  vb_decoded D;
  vb_buf warn = {0};
  (void)st;
  same_words("t.srt", (const unsigned char *)s, strlen(s), "SRT", NULL);
  same_words("t.txt", (const unsigned char *)s, strlen(s), "SRT", NULL);      /* told by its first cue */
  assert_int_equal(vb_decode(&D, "t.srt", (const unsigned char *)s, strlen(s), NULL, &warn), 0);
  assert_string_equal(D.s, "BLAKE: Good evening \xE2\x80\x94\nwelcome.\nCALDER: The ferry must run; we\xE2\x80\x99re\nsure of it.\n"
                           "Caf\xC3\xA9 prices rose by 5\xE2\x82\xAC.\n");
  vb_decoded_free(&D);
  vb_buf_free(&warn);
}

/* a .docx made here with libzip: the text of its paragraphs, deleted text left out */
static void docx(void **st) {
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>BLAKE:</w:t></w:r><w:r><w:t xml:space=\"preserve\"> Good evening \xE2\x80\x94 welcome.</w:t></w:r></w:p>"
    "<w:p/>"
    "<w:p><w:r><w:t xml:space=\"preserve\">CALDER: The ferry must run; we</w:t></w:r><w:r><w:t>\xE2\x80\x99re sure of it.</w:t></w:r>"
    "<w:del><w:r><w:delText>not said</w:delText></w:r></w:del>"
    "<w:r><w:t xml:space=\"preserve\"> Caf&#233; prices</w:t><w:br/><w:t>rose by 5\xE2\x82\xAC.</w:t></w:r></w:p>"
    "</w:body></w:document>";
  char path[] = "/tmp/vb-test-docx-XXXXXX";
  int fd = mkstemp(path), err = 0;
  zip_t *z;
  zip_source_t *src;
  FILE *f;
  unsigned char *b;
  long n;
  vb_decoded D;
  vb_buf warn = {0};
  (void)st;
  assert_true(fd >= 0);
  close(fd);
  z = zip_open(path, ZIP_TRUNCATE | ZIP_CREATE, &err);
  assert_non_null(z);
  src = zip_source_buffer(z, xml, strlen(xml), 0);
  assert_true(zip_file_add(z, "word/document.xml", src, ZIP_FL_ENC_UTF_8) >= 0);
  assert_int_equal(zip_close(z), 0);
  f = fopen(path, "rb");
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  rewind(f);
  b = malloc((size_t)n);
  assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  unlink(path);
  same_words("t.docx", b, (size_t)n, "DOCX", NULL);
  assert_int_equal(vb_decode(&D, "t.docx", b, (size_t)n, NULL, &warn), 0);
  assert_string_equal(D.s, "BLAKE: Good evening \xE2\x80\x94 welcome.\n\nCALDER: The ferry must run; we\xE2\x80\x99re sure of it. Caf\xC3\xA9 prices\nrose by 5\xE2\x82\xAC.\n");
  vb_decoded_free(&D);
  /* a ZIP that is no .docx, and a .docx cut short: binary, said so */
  b[30] ^= 0x55;
  assert_int_equal(vb_decode(&D, "t.docx", b, (size_t)n / 2, NULL, &warn), 0);
  assert_true(D.binary);
  assert_int_equal(D.n, 0);
  vb_decoded_free(&D);
  free(b);
  vb_buf_free(&warn);
}

static void binary_files_are_named(void **st) {
#define BIN(s, kind) {s, sizeof s - 1, kind}
  static const struct { const char *p; size_t n; const char *kind; } t[] = {
    BIN("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"), BIN("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "PDF"),
    BIN("\x7F" "ELF\x02\x01\x01\0\0\0", "program"), BIN("\0\0\0\0\0\0\0\0\0\0\0\x01", "binary"),
  };
  (void)st;
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    vb_decoded D;
    vb_buf warn = {0};
    assert_int_equal(vb_decode(&D, "x", (const unsigned char *)t[i].p, t[i].n, NULL, &warn), 0);
    assert_true(D.binary);
    assert_int_equal(D.n, 0);
    assert_non_null(warn.p);
    assert_non_null(strstr(warn.p, t[i].kind));
    vb_decoded_free(&D);
    vb_buf_free(&warn);
  }
}

/* broken input decodes to something, never past its end */
static void broken_input(void **st) {
#define RAW(s) {s, sizeof s - 1}
  static const struct { const char *p; size_t n; } t[] = {
    RAW("\xFF\xFE" "a\0\x00\xD8" "b"), RAW("\xFE\xFF\xDC\x00\x00" "a"), RAW("<p>&#xFFFFFFFF; &#0; &#55296; &bogus; &"),
    RAW("<scr"), RAW("<script>never closed"), RAW("<!-- open"), RAW("WEBVTT\n\n00:00.000 --> 00:01.000\n<v"),
    RAW("WEBVTT\n\n00:00.000 --> 00:01.000\n<v >x\n"), RAW("1\n00:00:01,000 --> "), RAW(""),
  };
  (void)st;
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    vb_decoded D;
    vb_buf warn = {0};
    const char *name = i == 2 || i == 3 || i == 4 || i == 5 ? "x.html" : "x";
    assert_int_equal(vb_decode(&D, name, (const unsigned char *)t[i].p, t[i].n, NULL, &warn), 0);
    for (size_t k = 0; k <= D.n; k++) {
      size_t o = vb_dec_orig(&D, k), e = vb_dec_orig_end(&D, k);
      uint32_t line, col;
      assert_true(o <= t[i].n && e <= t[i].n);
      vb_dec_linecol(&D, o, &line, &col);
      assert_true(line >= 1 && col >= 1);
    }
    vb_decoded_free(&D);
    vb_buf_free(&warn);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(encodings),
    cmocka_unit_test(offsets_point_into_the_original),
    cmocka_unit_test(html),
    cmocka_unit_test(webvtt),
    cmocka_unit_test(a_voice_inside_a_line_keeps_the_map_in_order),
    cmocka_unit_test(rolling_captions_are_said_once),
    cmocka_unit_test(srt),
    cmocka_unit_test(docx),
    cmocka_unit_test(binary_files_are_named),
    cmocka_unit_test(broken_input),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
