/* analyze.h: a text analysed. Its quotes (quotes.h), who said each one (the speaker's
 * words at the quote, or mention, the cue, the entity they resolve to, a confidence and
 * the rule that decided: entities.c, phrases.c, attribution.c, indirect.c) and the
 * article's sources, one per entity quoted (sources.c); vb_analyze (analyze.c) runs it
 * all. Positions are byte spans of the text, so no string is copied: names, roles and
 * organisations are spans too. */
#ifndef VB_ANALYZE_H
#define VB_ANALYZE_H
#include <stddef.h>
#include "buf.h"
#include "quotes.h"
#include "cues.h"

#define VB_NONE ((size_t)-1)
typedef struct vb_span { size_t start, end; } vb_span;   /* start == VB_NONE: absent */

typedef enum vb_ekind { VB_ENT_PERSON, VB_ENT_ORG, VB_ENT_GROUP } vb_ekind;

typedef struct vb_entity {
  vb_span name;            /* canonical: the fullest form seen, titles and honorifics apart */
  vb_span role, org;       /* from titles, appositives and possessives */
  vb_span org_long;        /* the long form when org is an acronym (CIS) */
  vb_ekind kind;
  int gender;              /* 0 unknown, 'm' or 'f', from the text (pronouns, honorifics) */
} vb_entity;

typedef struct vb_attr {
  int entity;              /* index in ent, or -1 */
  vb_span mention;         /* the words naming the speaker at this quote (he, Arthur) */
  vb_span cue;             /* the cue words (said in a statement), or absent */
  double confidence;       /* 0..1; 0 when unattributed */
  const char *rule;        /* static name of the rule that decided, NULL when unattributed:
                            * cue-after ("…," he said), cue-after-inverted ("…," said X),
                            * cue-before (X said: "…"), according-to, colon-name (X: "…"),
                            * colon-label (X: Y is "…", its paragraph's label), colon-intro (a paragraph after "X said:"), cue-next-sentence
                            * ("…!" Bush said.), dash-name ("…" ― X), same-sentence (a cue in
                            * the quote's sentence), possessive-noun (his warning that "…"),
                            * twin (a pull quote), continuation, and the weak last resorts
                            * sentence-subject, nearby, previous-cue */
} vb_attr;

typedef struct vb_source {
  int entity;
  size_t q0, nq;           /* its quoted statements (direct, partial, block): srcq.v[q0 .. q0+nq) */
  size_t words;            /* words quoted */
  size_t p0, np;           /* its paraphrased ones (kind indirect): srcq.v[p0 .. p0+np) */
} vb_source;

typedef struct vb_analysis {
  vb_quotes qs;            /* the quotes, kinds refined (term, partial) */
  VB_VEC(vb_attr) attr;    /* one per quote, same order */
  VB_VEC(vb_entity) ent;
  VB_VEC(vb_source) src;   /* in order of first quote */
  VB_VEC(size_t) srcq;
  VB_VEC(size_t) unattributed;   /* quotes of kind direct/partial/block with no speaker */
} vb_analysis;

typedef struct vb_aopts {
  vb_qopts q;
  const vb_cues *cues;     /* NULL: the built-in lexicon, built for this call */
  int no_indirect;         /* reported speech without marks ("Vaughan said the initiative
                            * sounds …", "according to X, …") is reported as kind indirect
                            * unless this is 1 */
  size_t window;           /* tokens a window of a long text attributes (0: 262,144; at
                            * least 64); SIZE_MAX: any text in one go, whatever its memory */
} vb_aopts;

/* Analyse s[0..n): quotes, attribution, sources. out must be zeroed. 0 on success, -1
 * when memory ran out, -2 - p when user cue pattern p (0-based) hit PCRE2's match limits
 * (out is then still safe to free). o may be NULL. */
int vb_analyze(const char *s, size_t n, const vb_aopts *o, vb_analysis *out);
void vb_analysis_free(vb_analysis *a);

/* The speaker's name of quote i as a span (canonical name, else the mention), or absent. */
vb_span vb_speaker_name(const vb_analysis *a, size_t i);
/* A name, role or organisation span as shown: white space between its words (a line
 * break, a tab, a no-break space) folded to one space, none at the ends. out must hold
 * sp.end - sp.start bytes; returns the bytes written (0 when sp is absent). Not
 * NUL-terminated. */
size_t vb_name_copy(char *out, const char *s, vb_span sp);
/* The resolved person or body speaking each quote, white space folded, for comparing
 * with who speaks in a transcript: an array of a->qs.q.n strings, NULL where the quote
 * names nobody resolved ("he", "an aide"). One allocation: free() it. NULL when memory
 * ran out or there are no quotes. */
char **vb_speaker_names(const vb_analysis *a, const char *s);

#endif
