/* cmocka tests for long texts (src/analyze.c): analysed a window of tokens at a time, they
 * keep every quote, attribute like one pass over the whole text, and take memory in
 * proportion to the text, not to its tokens. The prose is made up here from templates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "analyze.h"
#include "limits.h"

#define LQ "\xe2\x80\x9c"
#define RQ "\xe2\x80\x9d"

static const char *const first[] = {"Mara", "Tomas", "Ines", "Oskar", "Lena", "Hugo", "Aida", "Piet"};
static const char *const last[] = {"Holm", "Varga", "Quist", "Brandt", "Ferro", "Lund", "Okafor", "Sato"};
static const char *const roles[] = {"a senior engineer at the Harbour Works Board", "the mayor of Eastwick",
                                    "a spokeswoman for the Tide Research Trust", "the director of the Marsh Boat Club"};
static const char *const says[] = {"The levee held through the night", "We will rebuild the pier by spring",
                                   "Nobody expected the water to rise so fast", "The budget covers the repairs",
                                   "I have lived here for forty years"};

static unsigned rnd(unsigned *x) {
  *x = *x * 1103515245u + 12345u;
  return (*x >> 16) & 0x7fff;
}

/* About n bytes of news prose: paragraphs of quotes with cues before and after, names with
 * roles, pronouns, reported speech, a nested quote now and then, plain sentences. */
static char *prose(size_t n, size_t *len) {
  vb_buf b = {0};
  unsigned x = 7;
  while (b.n < n) {
    const char *f = first[rnd(&x) % 8], *l = last[rnd(&x) % 8], *w = says[rnd(&x) % 5];
    switch (rnd(&x) % 7) {
      case 0: vb_buf_addf(&b, "%s %s, %s, said: " LQ "%s." RQ "\n\n", f, l, roles[rnd(&x) % 4], w); break;
      case 1: vb_buf_addf(&b, LQ "%s," RQ " said %s %s. " LQ "%s." RQ "\n\n", w, f, l, says[rnd(&x) % 5]); break;
      case 2: vb_buf_addf(&b, "%s said the council would meet again on Monday to look at the harbour plans.\n\n", l); break;
      case 3: vb_buf_addf(&b, "The storm came in from the west. " LQ "%s," RQ " she said.\n\n", w); break;
      case 4: vb_buf_addf(&b, LQ "They called it " LQ "a small leak" RQ ", and it was not," RQ " %s told reporters.\n\n", l); break;
      case 5: vb_buf_addf(&b, "Water covered the road for a week, and the shops on the quay stayed shut.\n"); break;
      default: vb_buf_addf(&b, "According to %s %s, the repairs will take a year.\n\n", f, l); break;
    }
  }
  assert_false(b.oom);
  *len = b.n;
  return b.p;
}

static int span_eq(const char *s, vb_span a, vb_span b) {
  if ((a.start == VB_NONE) != (b.start == VB_NONE)) return 0;
  if (a.start == VB_NONE) return 1;
  return a.end - a.start == b.end - b.start && !memcmp(s + a.start, s + b.start, a.end - a.start);
}

/* the same quotes as w (spans, places, parts, parents), and how many are attributed the
 * same: speaker name, cue words and rule */
static size_t compare(const char *s, const vb_analysis *w, const vb_analysis *a) {
  size_t same = 0;
  assert_int_equal(a->qs.q.n, w->qs.q.n);
  assert_int_equal(a->attr.n, a->qs.q.n);
  for (size_t i = 0; i < w->qs.q.n; i++) {
    const vb_quote *x = &w->qs.q.v[i], *y = &a->qs.q.v[i];
    assert_int_equal(y->start, x->start);
    assert_int_equal(y->end, x->end);
    assert_int_equal(y->line, x->line);
    assert_int_equal(y->col, x->col);
    assert_int_equal(y->nparts, x->nparts);
    assert_int_equal(y->parent, x->parent);
    assert_true(y->part0 + y->nparts <= a->qs.parts.n);
    assert_true(a->attr.v[i].entity < (int)a->ent.n);
    same += y->kind == x->kind && span_eq(s, vb_speaker_name(w, i), vb_speaker_name(a, i)) &&
            span_eq(s, w->attr.v[i].cue, a->attr.v[i].cue) &&
            (w->attr.v[i].rule == NULL) == (a->attr.v[i].rule == NULL);
  }
  for (size_t k = 0; k < a->src.n; k++) assert_true(a->src.v[k].entity >= 0 && (size_t)a->src.v[k].entity < a->ent.n);
  return same;
}

/* windows of any size keep every quote; with a few thousand tokens of window, nearly every
 * attribution is the one-pass one (those near a cut may read less context) */
static void windows_keep_every_quote(void **st) {
  size_t n;
  char *s = prose(300000, &n);
  static const size_t wins[] = {64, 100, 512, 4096, 65536};
  (void)st;
  for (int ind = 0; ind < 2; ind++) {
    vb_aopts o;
    vb_analysis whole;
    memset(&o, 0, sizeof o);
    memset(&whole, 0, sizeof whole);
    o.no_indirect = !ind;
    o.window = SIZE_MAX;
    assert_int_equal(vb_analyze(s, n, &o, &whole), 0);
    assert_true(whole.qs.q.n > 2000);
    for (size_t k = 0; k < sizeof wins / sizeof *wins; k++) {
      vb_analysis a;
      size_t same;
      memset(&a, 0, sizeof a);
      o.window = wins[k];
      assert_int_equal(vb_analyze(s, n, &o, &a), 0);
      if (!ind) same = compare(s, &whole, &a);
      else {
        /* reported speech is found sentence by sentence: the same items too */
        same = compare(s, &whole, &a);
      }
      if (wins[k] >= 4096) assert_true(same * 1000 >= whole.qs.q.n * 995);
      vb_analysis_free(&a);
    }
    vb_analysis_free(&whole);
  }
  free(s);
}

/* a text shorter than a window is analysed in one go: windows change nothing */
static void short_text_in_one_go(void **st) {
  size_t n;
  char *s = prose(20000, &n);
  vb_aopts o;
  vb_analysis a, b;
  (void)st;
  memset(&o, 0, sizeof o);
  memset(&a, 0, sizeof a);
  memset(&b, 0, sizeof b);
  o.window = SIZE_MAX;
  assert_int_equal(vb_analyze(s, n, &o, &a), 0);
  assert_int_equal(vb_analyze(s, n, NULL, &b), 0);
  assert_int_equal(compare(s, &a, &b), a.qs.q.n);
  assert_int_equal(b.ent.n, a.ent.n);
  assert_int_equal(b.src.n, a.src.n);
  vb_analysis_free(&a);
  vb_analysis_free(&b);
  free(s);
}

/* memory in proportion to the text: 16 MB of prose, or of punctuation (a token a byte),
 * made and analysed in a child whose whole address space is 16 MB for the text, 4 bytes a
 * byte for the analysis and 40 MB for the program and its libraries. Analysed in one go,
 * the punctuation alone needs 48 bytes a token, 800 MB. */
typedef struct big { int punct, indirect; } big;

static int analyse_child(void *arg) {
  const big *g = arg;
  size_t n = 16u << 20;
  char *s;
  vb_aopts o;
  vb_analysis a;
  int rc;
  if (g->punct) {
    if (!(s = malloc(n))) return -1;
    for (size_t i = 0; i < n; i++) s[i] = i % 80 == 79 ? '\n' : ".,;:!?()-"[i % 9];
  } else {
    char *p = prose(n, &n);
    if (!(s = realloc(p, n))) return -1;   /* no room to spare in the address space */
  }
  memset(&o, 0, sizeof o);
  memset(&a, 0, sizeof a);
  o.no_indirect = !g->indirect;
  rc = vb_analyze(s, n, &o, &a);
  vb_analysis_free(&a);
  free(s);
  return rc;
}

static void memory_follows_the_text(void **st) {
  big g = {1, 0};
  (void)st;
  assert_int_equal(vb_in_child(16 + 64 + 40, analyse_child, &g), 0);
  g.punct = 0;
  assert_int_equal(vb_in_child(16 + 64 + 40, analyse_child, &g), 0);
  g.indirect = 1;
  assert_int_equal(vb_in_child(16 + 64 + 40, analyse_child, &g), 0);
}

/* a user pattern that fails slowly at every position is stopped by its budget of steps,
 * named by its number; a text small enough, or a sane pattern, goes through */
static void user_pattern_budget(void **st) {
  const char *pats[] = {"said", "(?:a|\\s)*+b;"};
  char err[128];
  vb_aopts o;
  vb_analysis a;
  vb_cues *cues;
  size_t n = 40000;
  char *s = malloc(n + 1);
  (void)st;
  assert_non_null(s);
  for (size_t i = 0; i < n; i++) s[i] = i % 2 ? ' ' : 'a';
  s[n - 1] = ';';
  memset(&o, 0, sizeof o);
  o.cues = cues = vb_cues_new(pats, NULL, 2, err, sizeof err);
  assert_non_null(cues);
  memset(&a, 0, sizeof a);
  assert_int_equal(vb_analyze(s, n, &o, &a), -2 - 1);
  vb_analysis_free(&a);
  memset(&a, 0, sizeof a);
  assert_int_equal(vb_analyze(s + n - 600, 600, &o, &a), 0);
  vb_analysis_free(&a);
  vb_cues_free(cues);
  o.cues = cues = vb_cues_new(pats, NULL, 1, err, sizeof err);
  memset(&a, 0, sizeof a);
  assert_int_equal(vb_analyze(s, n, &o, &a), 0);
  vb_analysis_free(&a);
  vb_cues_free(cues);
  free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(windows_keep_every_quote),
    cmocka_unit_test(short_text_in_one_go),
    cmocka_unit_test(memory_follows_the_text),
    cmocka_unit_test(user_pattern_budget),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
