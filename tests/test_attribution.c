/* cmocka tests for speaker attribution and the sources list (src/attribution.c). Every
 * text here is invented for the test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "analyze.h"
#include "sources.h"

#define LQ "\xe2\x80\x9c"
#define RQ "\xe2\x80\x9d"
#define AP "\xe2\x80\x99"

typedef struct fx { const char *s; vb_analysis a; } fx;

static fx run(const char *s) {
  fx f;
  f.s = s;
  memset(&f.a, 0, sizeof f.a);
  assert_int_equal(vb_analyze(s, strlen(s), NULL, &f.a), 0);
  assert_int_equal(f.a.attr.n, f.a.qs.q.n);
  return f;
}

static int span_is(const char *s, vb_span sp, const char *want) {
  if (!want) return sp.start == VB_NONE;
  return sp.start != VB_NONE && sp.end - sp.start == strlen(want) && !memcmp(s + sp.start, want, sp.end - sp.start);
}

/* the quote whose words start with w */
static size_t quote(const fx *f, const char *w) {
  for (size_t i = 0; i < f->a.qs.q.n; i++)
    if (!strncmp(f->s + f->a.qs.q.v[i].istart, w, strlen(w))) return i;
  fail_msg("no quote starting %s", w);
  return 0;
}

static void speaker_is(const fx *f, const char *w, const char *name, const char *mention, const char *cue) {
  size_t i = quote(f, w);
  vb_span nm = vb_speaker_name(&f->a, i);
  const vb_attr *at = &f->a.attr.v[i];
  if (!span_is(f->s, nm, name))
    fail_msg("quote %s: speaker %.*s, want %s", w, nm.start == VB_NONE ? 4 : (int)(nm.end - nm.start),
             nm.start == VB_NONE ? "none" : f->s + nm.start, name ? name : "none");
  if (mention && !span_is(f->s, at->mention, mention)) fail_msg("quote %s: mention differs from %s", w, mention);
  if (cue && !span_is(f->s, at->cue, cue)) fail_msg("quote %s: cue differs from %s", w, cue);
  if (name) {
    assert_non_null(at->rule);
    assert_true(at->confidence > 0 && at->confidence <= 1);
  }
}

static const vb_entity *entity(const fx *f, const char *name) {
  for (size_t e = 0; e < f->a.ent.n; e++) if (span_is(f->s, f->a.ent.v[e].name, name)) return &f->a.ent.v[e];
  fail_msg("no entity %s", name);
  return NULL;
}

static void pronoun_after_quote(void **st) {
  fx f = run("Mayor Ruth Ames opened the bridge on Monday.\n\n" LQ "This is a great day for the town," RQ " she said.");
  (void)st;
  speaker_is(&f, "This is", "Ruth Ames", "she", "said");
  assert_true(span_is(f.s, entity(&f, "Ruth Ames")->role, "Mayor"));
  vb_analysis_free(&f.a);
}

static void inverted_with_appositive_and_acronym(void **st) {
  fx f = run(LQ "The costs will double," RQ " said Paul Okafor, a senior analyst in transport policy at the "
             "Institute for Rail Studies (IRS). Later, the IRS" AP "s research director, Lee Park, said the same.");
  const vb_entity *e;
  (void)st;
  speaker_is(&f, "The costs", "Paul Okafor", "Paul Okafor", "said");
  e = entity(&f, "Paul Okafor");
  assert_true(span_is(f.s, e->role, "senior analyst in transport policy"));
  assert_true(span_is(f.s, e->org, "Institute for Rail Studies"));
  e = entity(&f, "Lee Park");
  assert_true(span_is(f.s, e->role, "research director"));
  assert_true(span_is(f.s, e->org, "IRS"));
  assert_true(span_is(f.s, e->org_long, "Institute for Rail Studies"));
  vb_analysis_free(&f.a);
}

static void possessive_organisation_in_statement(void **st) {
  fx f = run(LQ "We will appeal the ruling," RQ " Clean Water First" AP "s Nora Blum said in a statement.");
  (void)st;
  speaker_is(&f, "We will", "Nora Blum", NULL, "said in a statement");
  assert_true(span_is(f.s, entity(&f, "Nora Blum")->org, "Clean Water First"));
  vb_analysis_free(&f.a);
}

static void went_on_and_split_quote(void **st) {
  fx f = run("Ms. Ida Voss spoke first.\n\n" LQ "The plan is late," RQ " she went on. " LQ "It is also too costly," RQ
             " she said, " LQ "and nobody asked us." RQ);
  (void)st;
  speaker_is(&f, "The plan", "Ida Voss", "she", "went on");
  speaker_is(&f, "It is also", "Ida Voss", "she", "said");
  speaker_is(&f, "and nobody", "Ida Voss", "she", "said");
  assert_int_equal(entity(&f, "Ida Voss")->gender, 'f');
  vb_analysis_free(&f.a);
}

static void according_to_and_colon(void **st) {
  fx f = run("According to the Harbor Authority, " LQ "the port will reopen in May." RQ "\n\n"
             "Sen. Tom Hale said: " LQ "The numbers do not add up." RQ);
  (void)st;
  speaker_is(&f, "the port", "Harbor Authority", NULL, "According to");
  speaker_is(&f, "The numbers", "Tom Hale", NULL, "said");
  assert_true(span_is(f.s, entity(&f, "Tom Hale")->role, "Sen."));
  vb_analysis_free(&f.a);
}

static void told_names_the_subject_not_the_addressee(void **st) {
  fx f = run(LQ "We need more buses," RQ " Dana Cole told the Gazette.");
  (void)st;
  speaker_is(&f, "We need", "Dana Cole", "Dana Cole", "told");
  vb_analysis_free(&f.a);
}

static void kinds_of_speakers(void **st) {
  fx f = run(LQ "The talks went well," RQ " the White House said.\n\n"
             LQ "Nothing has been decided," RQ " a senior official said.\n\n"
             LQ "We were not consulted," RQ " they said.\n\n"
             LQ "I was there," RQ " I said.");
  (void)st;
  speaker_is(&f, "The talks", "White House", NULL, NULL);
  assert_int_equal(entity(&f, "White House")->kind, VB_ENT_ORG);
  speaker_is(&f, "Nothing", "a senior official", "a senior official", NULL);
  assert_int_equal(entity(&f, "a senior official")->kind, VB_ENT_GROUP);
  speaker_is(&f, "We were", "they", "they", NULL);
  speaker_is(&f, "I was", "I", "I", NULL);
  vb_analysis_free(&f.a);
}

static void surname_title_and_honorific(void **st) {
  fx f = run("Attorney General Jeff Sessions ordered a review. Mr. Omar Kamin objected.\n\n"
             LQ "It is the law," RQ " Sessions said.\n\n"
             LQ "It is a mistake," RQ " Mr. Kamin said.");
  (void)st;
  speaker_is(&f, "It is the law", "Jeff Sessions", "Sessions", "said");
  speaker_is(&f, "It is a mistake", "Omar Kamin", NULL, "said");
  assert_true(span_is(f.s, entity(&f, "Jeff Sessions")->role, "Attorney General"));
  assert_int_equal(entity(&f, "Omar Kamin")->gender, 'm');
  vb_analysis_free(&f.a);
}

static void gender_from_the_text(void **st) {
  /* "she" skips the nearer man: the honorific told us who is who */
  fx f = run("Ms. Dana Lee filed the suit. Mr. Omar Kent answered it.\n\n" LQ "We will win in court," RQ " she said.");
  (void)st;
  speaker_is(&f, "We will win", "Dana Lee", "she", "said");
  vb_analysis_free(&f.a);
}

static void continuation_and_pull_quote(void **st) {
  fx f = run(LQ "The river is rising fast and the levees are old and weak." RQ "\n\n"
             "Engineer Maria Soto inspected the dam on Friday.\n\n"
             LQ "The river is rising fast and the levees are old and weak," RQ " Soto said.\n\n"
             LQ "We should have acted a year ago." RQ "\n\n"
             "Traffic was diverted.");
  size_t first = 0;
  (void)st;
  speaker_is(&f, "We should", "Maria Soto", NULL, NULL);
  assert_string_equal(f.a.attr.v[quote(&f, "We should")].rule, "continuation");
  assert_int_equal(f.a.qs.q.v[first].start, 0);
  assert_true(span_is(f.s, vb_speaker_name(&f.a, first), "Maria Soto"));
  assert_string_equal(f.a.attr.v[first].rule, "twin");
  vb_analysis_free(&f.a);
}

/* A two-word sentence after a cued quote goes on speaking; it is no scare quote. */
static void short_sentence_continues(void **st) {
  fx f = run(LQ "The fuel bill is not the problem," RQ " Imogen Hale said. " LQ "Staffing is." RQ "\n\n"
             "The council approved the so-called " LQ "staffing gap" RQ " plan on Tuesday.");
  size_t q = quote(&f, "Staffing");
  (void)st;
  assert_int_not_equal(f.a.qs.q.v[q].kind, VB_TERM);
  speaker_is(&f, "Staffing", "Imogen Hale", NULL, NULL);
  assert_int_equal(f.a.qs.q.v[quote(&f, "staffing gap")].kind, VB_TERM);
  vb_analysis_free(&f.a);
}

static void terms_and_partials(void **st) {
  fx f = run("The council approved the so-called " LQ "green corridor" RQ " plan on Tuesday.\n\n"
             "Mayor Ruth Ames called the vote " LQ "a turning point" RQ " for the town.");
  size_t t = quote(&f, "green"), p = quote(&f, "a turning");
  (void)st;
  assert_int_equal(f.a.qs.q.v[t].kind, VB_TERM);
  assert_true(f.a.attr.v[t].mention.start == VB_NONE);
  assert_int_equal(f.a.qs.q.v[p].kind, VB_PARTIAL);
  speaker_is(&f, "a turning", "Ruth Ames", NULL, "called");
  vb_analysis_free(&f.a);
}

static void sources_list(void **st) {
  fx f = run("Mayor Ruth Ames spoke.\n\n" LQ "We start in May," RQ " Ames said. " LQ "It will take a year." RQ "\n\n"
             LQ "It is too slow," RQ " said Omar Kent.\n\n"
             "Nobody expected this.\n\n" LQ "What a long and strange week this has been for all of us here." RQ);
  size_t nobody = quote(&f, "What a long");
  (void)st;
  assert_int_equal(f.a.src.n, 2);
  assert_true(span_is(f.s, f.a.ent.v[f.a.src.v[0].entity].name, "Ruth Ames"));
  assert_int_equal(f.a.src.v[0].nq, 2);
  assert_int_equal(f.a.srcq.v[f.a.src.v[0].q0], 0);
  assert_int_equal(f.a.srcq.v[f.a.src.v[0].q0 + 1], 1);
  assert_int_equal(f.a.src.v[0].words, 9);    /* We start in May + It will take a year */
  assert_true(span_is(f.s, f.a.ent.v[f.a.src.v[1].entity].name, "Omar Kent"));
  assert_int_equal(f.a.unattributed.n, 1);
  assert_int_equal(f.a.unattributed.v[0], nobody);
  assert_int_equal(f.a.srcq.n, 3);
  /* rebuilding after an edit: give the unattributed quote to the second source */
  f.a.attr.v[nobody].entity = f.a.src.v[1].entity;
  assert_int_equal(vb_sources_build(f.s, &f.a), 0);
  assert_int_equal(f.a.src.n, 2);
  assert_int_equal(f.a.src.v[1].nq, 2);
  assert_int_equal(f.a.srcq.n, 4);
  assert_int_equal(f.a.unattributed.n, 0);
  vb_analysis_free(&f.a);
}

static void user_cue_pattern(void **st) {
  const char *pats[] = {"chirp(ed|s)?"};
  char err[128];
  vb_aopts o;
  vb_cues *cues;
  fx f;
  memset(&o, 0, sizeof o);
  cues = vb_cues_new(pats, NULL, 1, err, sizeof err);
  assert_non_null(cues);
  o.cues = cues;
  f.s = LQ "Lovely weather," RQ " chirped Bo Lane.";
  memset(&f.a, 0, sizeof f.a);
  (void)st;
  assert_int_equal(vb_analyze(f.s, strlen(f.s), &o, &f.a), 0);
  speaker_is(&f, "Lovely", "Bo Lane", "Bo Lane", "chirped");
  vb_analysis_free(&f.a);
  vb_cues_free(cues);
}

static void indirect_speech_by_default(void **st) {
  const char *s = "Jessica Vaughan said the new rule sounds a lot like an older program.\n\n"
                  "The plan is late, Omar Kent said.\n\n"
                  LQ "It works," RQ " he said.";
  vb_aopts o;
  fx f;
  (void)st;
  f = run(s);
  assert_int_equal(f.a.qs.q.n, 3);
  assert_int_equal(f.a.attr.n, 3);
  assert_int_equal(f.a.qs.q.v[0].kind, VB_INDIRECT);
  assert_true(span_is(s, (vb_span){f.a.qs.q.v[0].istart, f.a.qs.q.v[0].iend},
                      "the new rule sounds a lot like an older program"));
  assert_true(span_is(s, vb_speaker_name(&f.a, 0), "Jessica Vaughan"));
  assert_true(span_is(s, f.a.attr.v[0].cue, "said"));
  assert_string_equal(f.a.attr.v[0].rule, "subject-cue-clause");
  assert_int_equal(f.a.qs.q.v[1].kind, VB_INDIRECT);
  assert_true(span_is(s, (vb_span){f.a.qs.q.v[1].istart, f.a.qs.q.v[1].iend}, "The plan is late"));
  assert_true(span_is(s, vb_speaker_name(&f.a, 1), "Omar Kent"));
  assert_string_equal(f.a.attr.v[1].rule, "clause-subject-cue");
  assert_int_equal(f.a.qs.q.v[2].kind, VB_DIRECT);     /* quotes stay in text order */
  assert_int_equal(f.a.qs.q.v[2].line, 5);
  assert_int_equal(f.a.qs.q.v[1].line, 3);
  /* the sources count each one's quoted and paraphrased statements */
  assert_int_equal(f.a.src.n, 2);
  assert_int_equal(f.a.src.v[0].nq, 0);                /* Jessica Vaughan, paraphrased once */
  assert_int_equal(f.a.src.v[0].np, 1);
  assert_int_equal(f.a.srcq.v[f.a.src.v[0].p0], 0);
  assert_int_equal(f.a.src.v[1].nq, 1);                /* Omar Kent, once each */
  assert_int_equal(f.a.src.v[1].np, 1);
  assert_int_equal(f.a.srcq.v[f.a.src.v[1].q0], 2);
  assert_int_equal(f.a.srcq.v[f.a.src.v[1].p0], 1);
  vb_analysis_free(&f.a);
  /* and the switch that leaves it out */
  memset(&o, 0, sizeof o);
  o.no_indirect = 1;
  memset(&f.a, 0, sizeof f.a);
  assert_int_equal(vb_analyze(s, strlen(s), &o, &f.a), 0);
  assert_int_equal(f.a.qs.q.n, 1);
  assert_int_equal(f.a.src.n, 1);
  assert_int_equal(f.a.src.v[0].np, 0);
  vb_analysis_free(&f.a);
}

static void empty_and_bad_bytes(void **st) {
  const char bad[] = "\xff\xfe \"a\0b\" said \xc3 \xe2\x80\x9c x";
  vb_analysis a;
  (void)st;
  memset(&a, 0, sizeof a);
  assert_int_equal(vb_analyze("", 0, NULL, &a), 0);
  assert_int_equal(a.qs.q.n, 0);
  assert_int_equal(a.src.n, 0);
  vb_analysis_free(&a);
  memset(&a, 0, sizeof a);
  assert_int_equal(vb_analyze(bad, sizeof bad - 1, NULL, &a), 0);
  vb_analysis_free(&a);
}

/* Hostile input: each must finish in linear time (quadratic loops would take minutes). */
static char *repeat(const char *unit, size_t times, size_t *n) {
  size_t u = strlen(unit);
  char *s = malloc(u * times + 1);
  assert_non_null(s);
  for (size_t i = 0; i < times; i++) memcpy(s + i * u, unit, u);
  s[u * times] = 0;
  *n = u * times;
  return s;
}

static void hostile_inputs(void **st) {
  static const char *const units[] = {
    "said told according to went on ",                         /* a megabyte of cue words */
    LQ "yes," RQ " he said, ",                                  /* thousands of quotes, no sentence end */
    "Ann Bo Cy Di Ed Flo Gus Hal Ida Jo ",                      /* one endless name run */
    "Ann Lee, a b c d e f g h i j k, said ",                    /* appositives without end */
    LQ "x" RQ " " LQ "y" RQ " ",                                /* terms only */
    "Mr. A. B. C. she he they I we ",                           /* pronouns and initials */
  };
  (void)st;
  for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
    size_t n;
    char *s = repeat(units[u], (1u << 20) / strlen(units[u]), &n);
    vb_analysis a;
    memset(&a, 0, sizeof a);
    assert_int_equal(vb_analyze(s, n, NULL, &a), 0);
    for (size_t i = 0; i < a.attr.n; i++) {
      assert_true(a.attr.v[i].confidence >= 0 && a.attr.v[i].confidence <= 1);
      if (a.attr.v[i].mention.start != VB_NONE) assert_true(a.attr.v[i].mention.end <= n);
    }
    vb_analysis_free(&a);
    free(s);
  }
}

/* One paragraph of 400k quotes: the last-resort rules must not walk back over the earlier
 * quotes for each one (that took minutes). Scare quotes stay terms; the sentences after a
 * cued quote go on with its speaker. */
static void many_quotes_in_one_paragraph(void **st) {
  static const char head[] = "Ann Lee spoke on Monday. \"This is the first one,\" she said. ";
  const size_t nrep = 400000;
  size_t n, h = strlen(head);
  char *s;
  vb_analysis a;
  (void)st;
  s = repeat("\"word\" ", nrep, &n);
  memset(&a, 0, sizeof a);
  assert_int_equal(vb_analyze(s, n, NULL, &a), 0);
  assert_int_equal(a.qs.q.n, nrep);
  for (size_t i = 0; i < nrep; i++) {
    assert_int_equal(a.qs.q.v[i].kind, VB_TERM);
    assert_int_equal(a.attr.v[i].entity, -1);
  }
  vb_analysis_free(&a);
  free(s);
  s = repeat("\"we will go on and on\" ", nrep, &n);
  s = realloc(s, h + n + 1);
  assert_non_null(s);
  memmove(s + h, s, n + 1);
  memcpy(s, head, h);
  memset(&a, 0, sizeof a);
  assert_int_equal(vb_analyze(s, h + n, NULL, &a), 0);
  assert_int_equal(a.qs.q.n, nrep + 1);
  assert_true(a.attr.v[0].entity >= 0);
  assert_int_equal(a.src.n, 1);
  for (size_t i = 1; i <= nrep; i++) {
    assert_int_equal(a.qs.q.v[i].kind, VB_DIRECT);
    assert_int_equal(a.attr.v[i].entity, a.attr.v[0].entity);
  }
  vb_analysis_free(&a);
  free(s);
}

static void phrase_of_time_or_place_before_cue(void **st) {
  fx f = run("Councils met across the region.\n\nMarta Lind at the time said the plan was " LQ "a costly mistake." RQ
             " Hugo Brandt in his closing remarks called it " LQ "overdue." RQ
             " Voters were upset at Brandt" AP "s speech and Lind said it was " LQ "too late." RQ);
  (void)st;
  speaker_is(&f, "a costly", "Marta Lind", "Marta Lind", "said");
  speaker_is(&f, "overdue", "Hugo Brandt", "Hugo Brandt", "called");
  speaker_is(&f, "too late", "Marta Lind", "Lind", "said");
  vb_analysis_free(&f.a);
  f = run("The square filled at dusk.\n\nMarchers walking through the old town chanted " LQ "Open the gates!" RQ
          "\n\n" LQ "Go home," RQ " Mayor Ines Roth barked.");
  speaker_is(&f, "Open the", "Marchers walking", "Marchers walking", "chanted");
  speaker_is(&f, "Go home", "Ines Roth", NULL, "barked");
  vb_analysis_free(&f.a);
}

static void name_copy_folds_breaks(void **st) {
  const char *s = "said Ola\n  Nowak\xc2\xa0" "Berg\r\n, who";
  char out[64];
  vb_span sp = {5, 24}, none = {VB_NONE, VB_NONE};
  size_t n;
  (void)st;
  n = vb_name_copy(out, s, sp);
  assert_int_equal(n, strlen("Ola Nowak Berg"));
  assert_memory_equal(out, "Ola Nowak Berg", n);
  assert_int_equal(vb_name_copy(out, s, none), 0);
  sp.start = 4; sp.end = 9;   /* " Ola\n": no space at the ends */
  n = vb_name_copy(out, s, sp);
  assert_int_equal(n, 3);
  assert_memory_equal(out, "Ola", 3);
}

static void titles_before_a_name(void **st) {
  fx f = run(LQ "The roads first," RQ " said Councillor Tomasz Wierzbicki. " LQ "Then bridges," RQ
             " said Engineer Maria Soto. Coach Ana Ruiz said: " LQ "We train at dawn." RQ " "
             LQ "We agree," RQ " said Activist Noor Haddad. " LQ "Fine," RQ " said Peter Walter Kim.");
  (void)st;
  speaker_is(&f, "The roads", "Tomasz Wierzbicki", NULL, "said");
  assert_true(span_is(f.s, entity(&f, "Tomasz Wierzbicki")->role, "Councillor"));
  speaker_is(&f, "Then bridges", "Maria Soto", NULL, "said");
  assert_true(span_is(f.s, entity(&f, "Maria Soto")->role, "Engineer"));
  speaker_is(&f, "We train", "Ana Ruiz", NULL, "said");
  assert_true(span_is(f.s, entity(&f, "Ana Ruiz")->role, "Coach"));
  speaker_is(&f, "We agree", "Noor Haddad", NULL, "said");
  assert_true(span_is(f.s, entity(&f, "Noor Haddad")->role, "Activist"));
  speaker_is(&f, "Fine", "Peter Walter Kim", NULL, "said");   /* first names stay */
  assert_true(span_is(f.s, entity(&f, "Peter Walter Kim")->role, NULL));
  vb_analysis_free(&f.a);
}

static void plural_possessive_inside_a_name(void **st) {
  fx f = run("The Harbour Anglers" AP " Association said in a statement that it would " LQ "fight the plan" RQ
             " to the end. " LQ "We will not move," RQ " said the Dock Workers' Union in reply. "
             "Later, Fenland Growers" AP "s Ida Moss said: " LQ "Nor will we." RQ " "
             "Then Coastal Rangers" AP " Jo Penn said: " LQ "Count us in." RQ);
  (void)st;
  speaker_is(&f, "fight the plan", "Harbour Anglers" AP " Association", NULL, "said in a statement");
  assert_int_equal(entity(&f, "Harbour Anglers" AP " Association")->kind, VB_ENT_ORG);
  speaker_is(&f, "We will not", "Dock Workers' Union", NULL, "said");
  speaker_is(&f, "Nor will", "Ida Moss", NULL, "said");   /* a singular possessive stays one */
  assert_true(span_is(f.s, entity(&f, "Ida Moss")->org, "Fenland Growers"));
  speaker_is(&f, "Count us", "Jo Penn", NULL, "said");   /* a plural owner before a person */
  assert_true(span_is(f.s, entity(&f, "Jo Penn")->org, "Coastal Rangers"));
  vb_analysis_free(&f.a);
}

static void relative_clause_gives_role_and_org(void **st) {
  fx f = run(LQ "The pier is safe," RQ " said Anja Holm, who chairs the Marsh Boat Club. "
             LQ "It is not," RQ " said Piet Veld, who is the deputy head of the Tide Research Trust. "
             LQ "Ask us," RQ " said Rosa Lind, who runs the Northgate Food Bank. "
             LQ "Later," RQ " said Dr. Omar Nell, who heads the Canal Society. "
             LQ "No," RQ " said Ivo Brandt, who led Harbour Town crews for years. "
             LQ "Yes," RQ " said Eva Roos, who was arrested in Lisbon. "
             LQ "Maybe," RQ " said Uma Kerr, a press aide for Sen. Dan Pike" AP "s 2020 campaign.");
  const vb_entity *e;
  (void)st;
  speaker_is(&f, "The pier", "Anja Holm", NULL, "said");
  e = entity(&f, "Anja Holm");
  assert_true(span_is(f.s, e->role, "chair"));
  assert_true(span_is(f.s, e->org, "Marsh Boat Club"));
  e = entity(&f, "Piet Veld");
  assert_true(span_is(f.s, e->role, "deputy head"));
  assert_true(span_is(f.s, e->org, "Tide Research Trust"));
  e = entity(&f, "Rosa Lind");
  assert_true(span_is(f.s, e->org, "Northgate Food Bank"));
  e = entity(&f, "Omar Nell");
  assert_true(span_is(f.s, e->role, "head"));
  assert_true(span_is(f.s, e->org, "Canal Society"));
  e = entity(&f, "Ivo Brandt");                 /* a name before a noun is not the body led */
  assert_true(span_is(f.s, e->org, NULL));
  e = entity(&f, "Eva Roos");                   /* a verb phrase, not a description */
  assert_true(span_is(f.s, e->org, NULL));
  assert_true(span_is(f.s, e->role, NULL));
  e = entity(&f, "Uma Kerr");                   /* a titled owner is a person, not a body */
  assert_true(span_is(f.s, e->role, "press aide"));
  assert_true(span_is(f.s, e->org, NULL));
  vb_analysis_free(&f.a);
}

static void lowercase_possessive_body_before_role(void **st) {
  fx f = run("The city" AP "s police chief, Ines Varga, told reporters: " LQ "We are ready." RQ " "
             LQ "So are we," RQ " said Len Ash, the county" AP "s fire marshal.");
  const vb_entity *e;
  (void)st;
  speaker_is(&f, "We are ready", "Ines Varga", NULL, "told");
  e = entity(&f, "Ines Varga");
  assert_true(span_is(f.s, e->role, "police chief"));
  assert_true(span_is(f.s, e->org, "city"));
  e = entity(&f, "Len Ash");
  assert_true(span_is(f.s, e->role, "fire marshal"));
  assert_true(span_is(f.s, e->org, "county"));
  vb_analysis_free(&f.a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(pronoun_after_quote),
    cmocka_unit_test(short_sentence_continues),
    cmocka_unit_test(inverted_with_appositive_and_acronym),
    cmocka_unit_test(possessive_organisation_in_statement),
    cmocka_unit_test(went_on_and_split_quote),
    cmocka_unit_test(according_to_and_colon),
    cmocka_unit_test(told_names_the_subject_not_the_addressee),
    cmocka_unit_test(kinds_of_speakers),
    cmocka_unit_test(surname_title_and_honorific),
    cmocka_unit_test(gender_from_the_text),
    cmocka_unit_test(continuation_and_pull_quote),
    cmocka_unit_test(terms_and_partials),
    cmocka_unit_test(phrase_of_time_or_place_before_cue),
    cmocka_unit_test(name_copy_folds_breaks),
    cmocka_unit_test(titles_before_a_name),
    cmocka_unit_test(plural_possessive_inside_a_name),
    cmocka_unit_test(relative_clause_gives_role_and_org),
    cmocka_unit_test(lowercase_possessive_body_before_role),
    cmocka_unit_test(sources_list),
    cmocka_unit_test(user_cue_pattern),
    cmocka_unit_test(indirect_speech_by_default),
    cmocka_unit_test(empty_and_bad_bytes),
    cmocka_unit_test(hostile_inputs),
    cmocka_unit_test(many_quotes_in_one_paragraph),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
