/* attribution.c: who said each quote. Rules over tokens, no statistics:
 *   pass 1 walks the text once: name runs become entities (titles, honorifics, possessive
 *          owners, appositives and acronyms give role and organisation), and he/she are
 *          tied to the latest compatible subject, which also teaches their gender;
 *   pass 2 attributes each quote from the cue next to it (after, before, in its sentence),
 *          then pull quotes take their twin's speaker and uncued quotes continue the last
 *          speaker of their passage; kinds are refined on the way.
 * Every scan is bounded by a sentence or a fixed window, so the whole is linear. */
#include <stdlib.h>
#include <string.h>
#include "attribution.h"
#include "sources.h"
#include "text.h"

#define WIN 80            /* tokens searched for a cue on either side of a quote */
#define APPOS 40          /* longest appositive, in tokens */

typedef struct ment {
  size_t a, b;            /* tokens, inclusive */
  int ent;
  unsigned char subj, person, pron;
} ment;

typedef struct sment { unsigned h; size_t start, len; int v; } sment;
typedef struct smap { sment *e; size_t mask, n; } smap;

typedef struct ctx {
  const char *s;
  size_t n;
  vb_tokens T;
  const vb_cues *C;
  vb_analysis *A;
  unsigned *wc;           /* word class of every token */
  VB_VEC(ment) m;
  smap full, last, acr, groups;
  VB_VEC(size_t) qtok;    /* token of each quote, or VB_NONE */
  size_t *nonq;           /* first token at or after k that is not a quote (NT if none) */
  int oom;
} ctx;

static const vb_span nospan = {VB_NONE, VB_NONE};

/* Rule names: compared by address, so every assignment uses these. */
static const char R_CUE_AFTER_INVERTED[] = "cue-after-inverted";
static const char R_CUE_AFTER[] = "cue-after";
static const char R_CUE_BEFORE[] = "cue-before";
static const char R_ACCORDING_TO[] = "according-to";
static const char R_COLON_NAME[] = "colon-name";
static const char R_COLON_INTRO[] = "colon-intro";
static const char R_CUE_NEXT_SENTENCE[] = "cue-next-sentence";
static const char R_DASH_NAME[] = "dash-name";
static const char R_SAME_SENTENCE[] = "same-sentence";
static const char R_POSSESSIVE_NOUN[] = "possessive-noun";
static const char R_CONTINUATION[] = "continuation";
static const char R_TWIN[] = "twin";
static const char R_SENTENCE_SUBJECT[] = "sentence-subject";
static const char R_NEARBY[] = "nearby";
static const char R_PREVIOUS_CUE[] = "previous-cue";
static const char R_INDIRECT[] = "indirect";

/* ---------------------------------------------------------------- span maps */

/* The word hash folds case whatever fold says: exact maps just confirm with memcmp. */
static unsigned span_hash(const ctx *X, size_t a, size_t b) {
  return vb_word_hash_fast(X->s + a, b - a, X->n - a);
}

static int span_eq(const char *s, size_t a, size_t alen, size_t b, size_t blen, int fold) {
  if (alen != blen) return 0;
  if (!fold) return memcmp(s + a, s + b, alen) == 0;
  for (size_t i = 0; i < alen; i++) {
    unsigned char x = (unsigned char)s[a + i], y = (unsigned char)s[b + i];
    if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
    if (x != y) return 0;
  }
  return 1;
}

static int smap_get(const ctx *X, const smap *M, size_t a, size_t b, int fold) {
  unsigned h;
  if (!M->e) return -1;
  h = span_hash(X, a, b);
  for (size_t i = h & M->mask; M->e[i].h; i = (i + 1) & M->mask)
    if (M->e[i].h == h && span_eq(X->s, M->e[i].start, M->e[i].len, a, b - a, fold)) return M->e[i].v;
  return -1;
}

static void smap_put(ctx *X, smap *M, size_t a, size_t b, int fold, int v) {
  unsigned h = span_hash(X, a, b);
  size_t i;
  if ((M->n + 1) * 2 > (M->e ? M->mask + 1 : 0)) {      /* grow to keep the load under half */
    size_t cap = M->e ? (M->mask + 1) * 2 : 64;
    sment *e = calloc(cap, sizeof *e);
    if (!e) { X->oom = 1; return; }
    for (size_t k = 0; M->e && k <= M->mask; k++) {
      if (!M->e[k].h) continue;
      for (i = M->e[k].h & (cap - 1); e[i].h; i = (i + 1) & (cap - 1)) {}
      e[i] = M->e[k];
    }
    free(M->e);
    M->e = e;
    M->mask = cap - 1;
  }
  for (i = h & M->mask; M->e[i].h; i = (i + 1) & M->mask)
    if (M->e[i].h == h && span_eq(X->s, M->e[i].start, M->e[i].len, a, b - a, fold)) { M->e[i].v = v; return; }
  M->e[i].h = h; M->e[i].start = a; M->e[i].len = b - a; M->e[i].v = v;
  M->n++;
}

static void smap_free(smap *M) { free(M->e); M->e = NULL; M->n = 0; }

/* ---------------------------------------------------------------- token helpers */

#define TK(k) (&X->T.t.v[(k)])
#define CUE(k) (&X->T.cues.v[X->T.t.v[(k)].cue])   /* only where is_cue(X, k) */
#define NT (X->T.t.n)

static inline int is_word(const ctx *X, size_t k) { return k < NT && (TK(k)->flags & VB_T_WORD); }
static inline int is_capword(const ctx *X, size_t k) {
  return k < NT && (TK(k)->flags & VB_T_WORD) && (TK(k)->flags & (VB_T_CAP | VB_T_UPPER)) &&
         !(X->wc[k] & VB_W_TIME);
}
static inline int is_ch(const ctx *X, size_t k, char c) {
  return k < NT && (TK(k)->flags & VB_T_PUNCT) && TK(k)->end - TK(k)->start == 1 && X->s[TK(k)->start] == c;
}
static inline int is_dash(const ctx *X, size_t k) {
  const vb_tok *t;
  if (k >= NT || !(TK(k)->flags & VB_T_PUNCT)) return 0;
  t = TK(k);
  if (X->s[t->start] == '-') return 1;
  return t->end - t->start == 3 && (unsigned char)X->s[t->start] == 0xE2 && (unsigned char)X->s[t->start + 1] == 0x80 &&
         ((unsigned char)X->s[t->start + 2] == 0x94 || (unsigned char)X->s[t->start + 2] == 0x93 ||
          (unsigned char)X->s[t->start + 2] == 0x95);
}
static inline int is_quote(const ctx *X, size_t k) { return k < NT && (TK(k)->flags & VB_T_QUOTE); }
static inline int starts_sent(const ctx *X, size_t k) { return k < NT && (TK(k)->flags & VB_T_SENT); }
static inline int is_cue(const ctx *X, size_t k) { return k < NT && TK(k)->cue >= 0; }
/* The first token in [k, c) that is not a quote, else c: a lookup, so that a paragraph of
 * thousands of quotes is not walked again for each of them. */
static inline size_t skip_quotes(const ctx *X, size_t k, size_t c) {
  if (k >= NT) return k;
  return X->nonq[k] < c ? X->nonq[k] : c;
}
static inline size_t base_end(const ctx *X, size_t k) { return vb_tok_base_end(X->s, TK(k)); }

/* A subject pronoun with a contraction: he’s, she's, it’s, they’re, I’m. Returns the
 * length of the pronoun, 0 if the token is something else. */
static size_t contracted_pron(const ctx *X, size_t k) {
  static const char *const prons[] = {"he", "she", "it", "they", "we", "i", "you", NULL};
  const vb_tok *t = TK(k);
  size_t n = t->end - t->start;
  if (n < 3 || n > 9) return 0;
  for (int i = 0; prons[i]; i++) {
    size_t m = strlen(prons[i]), z;
    if (m >= n) continue;
    for (z = 0; z < m; z++) if ((X->s[t->start + z] | 0x20) != prons[i][z]) break;
    if (z < m) continue;
    if (X->s[t->start + m] == '\'' || ((unsigned char)X->s[t->start + m] == 0xE2 && m + 2 < n &&
                                       (unsigned char)X->s[t->start + m + 2] == 0x99))
      return m;
  }
  return 0;
}

static int pron_gender(const ctx *X, size_t k) {
  size_t m;
  if (X->wc[k] & VB_W_MALE) return 'm';
  if (X->wc[k] & VB_W_FEMALE) return 'f';
  if (!(X->wc[k] & VB_W_PRON) && is_word(X, k) && (TK(k)->flags & VB_T_APOS) && (m = contracted_pron(X, k)) != 0)
    return m == 2 && (X->s[TK(k)->start] | 0x20) == 'h' ? 'm' : m == 3 && (X->s[TK(k)->start] | 0x20) == 's' ? 'f' : 0;
  return 0;
}
static inline int is_pron(const ctx *X, size_t k) {
  if (!is_word(X, k)) return 0;
  if (X->wc[k] & VB_W_PRON) return !(TK(k)->flags & VB_T_POSS);
  /* contractions are rare and short: test only words with an apostrophe that start like one */
  if (!(TK(k)->flags & VB_T_APOS)) return 0;
  switch (X->s[TK(k)->start] | 0x20) {
    case 'h': case 's': case 'i': case 't': case 'w': case 'y': return contracted_pron(X, k) != 0;
    default: return 0;
  }
}

/* Skip, forwards, words that may stand between a speaker and the cue (also, has, on Friday). */
static size_t skip_fwd(const ctx *X, size_t j, size_t hi) {
  for (int g = 0; g < 5 && j < hi && is_word(X, j) && (X->wc[j] & (VB_W_SKIP | VB_W_TIME)) && !is_cue(X, j); g++) j++;
  return j;
}

/* ---------------------------------------------------------------- entities */

static int ent_new(ctx *X, vb_ekind kind, size_t a, size_t b) {
  vb_entity e;
  e.name.start = a; e.name.end = b;
  e.role = e.org = e.org_long = nospan;
  e.kind = kind;
  e.gender = 0;
  if (vb_push(&X->A->ent, e)) { X->oom = 1; return -1; }
  return (int)X->A->ent.n - 1;
}

static void push_ment(ctx *X, size_t a, size_t b, int ent, int subj, int person, int pron) {
  ment m;
  m.a = a; m.b = b; m.ent = ent; m.subj = (unsigned char)subj; m.person = (unsigned char)person;
  m.pron = (unsigned char)pron;
  if (vb_push(&X->m, m)) X->oom = 1;
}

/* The mention covering token k, by binary search (mentions are in token order). */
static const ment *ment_at(const ctx *X, size_t k) {
  size_t lo = 0, hi = X->m.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (X->m.v[mid].b < k) lo = mid + 1; else hi = mid;
  }
  if (lo < X->m.n && X->m.v[lo].a <= k && X->m.v[lo].b >= k) return &X->m.v[lo];
  return NULL;
}

static size_t org_long_of(ctx *X, size_t a, size_t b) {
  int e = smap_get(X, &X->acr, a, b, 0);
  return e >= 0 ? (size_t)e : VB_NONE;
}

static void set_org(ctx *X, int e, size_t a, size_t b) {
  vb_entity *E = &X->A->ent.v[e];
  size_t o;
  if (E->org.start != VB_NONE || b <= a) return;
  E->org.start = a; E->org.end = b;
  o = org_long_of(X, a, b);
  if (o != VB_NONE) E->org_long = X->A->ent.v[o].name;
}

/* Token k is the apostrophe of a plural possessive inside a name: "Users’ Association",
 * "Veterans' Affairs". The plural (a capitalised word ending in s) touches it, and what
 * follows goes on with the name: one capitalised word, or a run with an organisation
 * word (not "Democracy Corps’ Stan Greenberg": a body's person). A singular possessive
 * (First’s, CIS's) is one token and ends a run instead. */
static int plural_apos(const ctx *X, size_t k);
static int name_apos(const ctx *X, size_t k) {
  size_t z;
  if (!plural_apos(X, k)) return 0;
  if (!is_capword(X, k + 2) || starts_sent(X, k + 2)) return 1;
  for (z = k + 1; z < k + 6 && is_capword(X, z) && !starts_sent(X, z); z++)
    if (X->wc[z] & VB_W_ORG) return 1;
  return 0;
}

/* The apostrophe of a capitalised plural's possessive before a capitalised word: inside
 * a name (name_apos) or before a body's person (Democracy Corps’ Stan Greenberg). */
static int plural_apos(const ctx *X, size_t k) {
  const vb_tok *t, *p;
  if (k == 0 || k + 1 >= NT || !(TK(k)->flags & VB_T_PUNCT)) return 0;
  t = TK(k); p = TK(k - 1);
  if (!(t->end - t->start == 1 ? X->s[t->start] == '\'' :
        t->end - t->start == 3 && !memcmp(X->s + t->start, "\xe2\x80\x99", 3)))
    return 0;
  if (p->end != t->start || !(p->flags & VB_T_CAP) || (p->flags & VB_T_POSS) || p->end - p->start < 3 ||
      X->s[p->end - 1] != 's' || X->s[p->end - 2] == 's')
    return 0;
  return t->end < TK(k + 1)->start && is_capword(X, k + 1) && !starts_sent(X, k + 1) &&
         !(X->wc[k + 1] & (VB_W_TITLE | VB_W_HONOR | VB_W_STOP));
}

/* A capitalized run [a..e]: maximal, joined by of/for/the (and "and" inside organisations). */
static size_t run_end(const ctx *X, size_t a) {
  size_t e = a;
  int org = (X->wc[a] & VB_W_ORG) != 0, conn = 0;
  for (;;) {
    size_t j = e + 1;
    if (TK(e)->flags & VB_T_POSS) break;
    if (is_capword(X, j) && !starts_sent(X, j)) { e = j; org |= (X->wc[j] & VB_W_ORG) != 0; continue; }
    if (name_apos(X, j)) { e = j + 1; org |= (X->wc[j + 1] & VB_W_ORG) != 0; continue; }
    if (conn < 3 && is_word(X, j) && (TK(j)->flags & VB_T_LOWER) && (X->wc[j] & VB_W_CONN) &&
        !starts_sent(X, j)) {
      size_t j2 = j + 1;
      int isand = vb_tok_is(X->s, TK(j), "and") || vb_tok_is(X->s, TK(j), "&");
      int isthe = vb_tok_is(X->s, TK(j), "the");
      if (isthe && !(e > a && is_word(X, e) && (TK(e)->flags & VB_T_LOWER))) break;
      if (isand && !org) break;
      if (vb_tok_is(X->s, TK(j), "of") || vb_tok_is(X->s, TK(j), "for")) {
        if (is_word(X, j2) && vb_tok_is(X->s, TK(j2), "the")) j2++;
      }
      if (is_capword(X, j2) && !starts_sent(X, j2)) { e = j2; conn++; org |= (X->wc[j2] & VB_W_ORG) != 0; continue; }
    }
    break;
  }
  return e;
}

static int has_org_word(const ctx *X, size_t a, size_t e) {
  for (size_t k = a; k <= e; k++) if (X->wc[k] & VB_W_ORG) return 1;
  return 0;
}

/* The word classes of a possessive's owner (president’s -> president). */
static unsigned base_class(const ctx *X, size_t k) {
  vb_tok t = *TK(k);
  t.end = base_end(X, k);
  t.flags &= ~(unsigned)VB_T_POSS;
  t.hash = vb_word_hash(X->s + t.start, t.end - t.start);
  return vb_cues_wclass(X->C, X->s, &t);
}

/* Appositive after a name: ", a senior fellow at the Center for Immigration Studies (CIS),"
 * or ", CIS’s director of policy studies,". Gives role and organisation. */
static void appositive(ctx *X, int e, size_t i, size_t hi) {
  size_t lim = i + APPOS < hi ? i + APPOS : hi, end, r0, r1 = VB_NONE, k;
  vb_entity *E;
  if (e < 0 || i >= lim || !is_word(X, i) || (X->wc[i] & VB_W_REL)) return;
  for (end = i; end < lim && is_word(X, end); end++) {}
  if (i < end && (X->wc[i] & VB_W_DET) && !(TK(i)->flags & VB_T_POSS)) {
    i++;
    /* "the council’s transport director": a body named in lower case owns the role, as
     * a capitalised one does below (the White House’s press secretary); after "the" only:
     * "his party’s nominee" names no body, nor does an office ("the president’s envoy") */
    if (i + 1 < end && vb_tok_is(X->s, TK(i - 1), "the") && (TK(i)->flags & VB_T_LOWER) &&
        (TK(i)->flags & VB_T_POSS) && (TK(i + 1)->flags & VB_T_LOWER) &&
        !(base_class(X, i) & (VB_W_STOP | VB_W_TIME | VB_W_TITLE))) {
      set_org(X, e, TK(i)->start, base_end(X, i));
      i++;
    }
  }
  if (i >= end) return;
  E = &X->A->ent.v[e];
  if (is_capword(X, i) && !(X->wc[i] & VB_W_TITLE)) {
    size_t re = run_end(X, i);
    if (X->wc[i] & (VB_W_STOP | VB_W_BOUND)) return;   /* "After the vote": a clause, not a role */
    if (re >= end) re = end - 1;
    if (TK(re)->flags & VB_T_POSS) {              /* CIS’s director of policy studies */
      set_org(X, e, TK(i)->start, base_end(X, re));
      i = re + 1;
    } else if (re + 1 < end && (TK(re + 1)->flags & VB_T_LOWER)) {   /* the CIS scholar */
      set_org(X, e, TK(i)->start, TK(re)->end);
      if (X->A->ent.v[e].role.start == VB_NONE) {
        X->A->ent.v[e].role.start = TK(re + 1)->start;
        X->A->ent.v[e].role.end = TK(end - 1)->end;
      }
      return;
    } else return;                                  /* a place or a name: not a role */
  }
  if (i >= end || !(TK(i)->flags & VB_T_LOWER || X->wc[i] & VB_W_TITLE)) return;
  r0 = i;
  for (k = i; k < end; k++) {
    if ((X->wc[k] & VB_W_PREP) && (TK(k)->flags & VB_T_LOWER)) {
      size_t j = k + 1;
      if (j < end && vb_tok_is(X->s, TK(j), "the")) j++;
      if (j < end && is_capword(X, j)) {
        size_t re = run_end(X, j);
        if (re >= end) re = end - 1;
        /* "co-chair for Sen. John McCain’s campaign": a titled person owns it, not a body */
        if ((TK(re)->flags & VB_T_POSS) && (X->wc[j] & (VB_W_TITLE | VB_W_HONOR)) && re + 1 < end &&
            (TK(re + 1)->flags & (VB_T_LOWER | VB_T_DIGIT))) { r1 = k; break; }
        r1 = k;
        set_org(X, e, TK(j)->start, base_end(X, re));
        /* (IRLI) right after the organisation: the acronym names it */
        if (re + 3 < NT && is_ch(X, re + 1, '(') && (TK(re + 2)->flags & VB_T_UPPER) && is_ch(X, re + 3, ')')) {
          int o = smap_get(X, &X->full, TK(j)->start, base_end(X, re), 0);
          if (o < 0) { o = ent_new(X, VB_ENT_ORG, TK(j)->start, base_end(X, re)); if (o >= 0) smap_put(X, &X->full, TK(j)->start, base_end(X, re), 0, o); }
          if (o >= 0) smap_put(X, &X->acr, TK(re + 2)->start, TK(re + 2)->end, 0, o);
        }
        break;
      }
    }
  }
  E = &X->A->ent.v[e];
  if (E->role.start == VB_NONE) {
    size_t last = (r1 != VB_NONE ? r1 : end) - 1;
    if (last >= r0 && last - r0 < 12) { E->role.start = TK(r0)->start; E->role.end = TK(last)->end; }
  }
}

/* A relative clause after a name: ", who chairs the Marsh Boat Club", ", who is the deputy
 * head of the Tide Research Trust", ", who serves as R at X". Gives the organisation and,
 * where the words name one, the role; a role already known (a title, an earlier
 * appositive) stays, as everywhere in pass 1: the first description seen wins. Roles are
 * spans of the text, so a verb gives one only where its stem is the office itself (chairs,
 * heads); leads, runs, directs and founded give the organisation alone. */
static int is_adverb(const ctx *X, size_t k);
static void rel_clause(ctx *X, int e, size_t i) {
  static const char *const verbs[] = {"chairs", "chaired", "heads", "headed", "leads", "led", "runs", "ran",
                                      "directs", "directed", "manages", "managed", "founded", "co-founded", NULL};
  size_t k = i + 1, j, re;
  int v;
  vb_entity *E;
  if (e < 0 || !is_word(X, i) || !vb_tok_is(X->s, TK(i), "who")) return;
  for (int g = 0; g < 2 && is_word(X, k) && (TK(k)->flags & VB_T_LOWER) &&
                  (((X->wc[k] & VB_W_SKIP) && !vb_tok_is(X->s, TK(k), "is") && !vb_tok_is(X->s, TK(k), "was")) ||
                   is_adverb(X, k)); g++) k++;
  if (!is_word(X, k) || !(TK(k)->flags & VB_T_LOWER)) return;
  if (vb_tok_is(X->s, TK(k), "is") || vb_tok_is(X->s, TK(k), "was") ||
      (vb_tok_is(X->s, TK(k), "serves") && is_word(X, k + 1) && vb_tok_is(X->s, TK(k + 1), "as"))) {
    j = vb_tok_is(X->s, TK(k), "serves") ? k + 2 : k + 1;
    /* a description, not a verb phrase: "who was arrested in Paris" gives nothing */
    if (is_word(X, j) && (X->wc[j] & VB_W_DET) && (TK(j)->flags & VB_T_LOWER)) appositive(X, e, j, NT);
    return;
  }
  for (v = 0; verbs[v]; v++) if (vb_tok_is(X->s, TK(k), verbs[v])) break;
  if (!verbs[v]) return;
  j = k + 1;
  if (is_word(X, j) && vb_tok_is(X->s, TK(j), "the")) j++;
  if (!is_capword(X, j) || (X->wc[j] & (VB_W_STOP | VB_W_TITLE | VB_W_HONOR))) return;
  re = run_end(X, j);
  if ((TK(re)->flags & VB_T_POSS) && is_word(X, re + 1)) return;   /* heads Acme’s legal team: not Acme */
  /* "led United States forces": the name qualifies a noun, it is not the body led */
  if (is_word(X, re + 1) && (TK(re + 1)->flags & VB_T_LOWER) && !is_cue(X, re + 1) &&
      !(X->wc[re + 1] & (VB_W_PREP | VB_W_BOUND | VB_W_CONN | VB_W_SKIP)))
    return;
  set_org(X, e, TK(j)->start, base_end(X, re));
  E = &X->A->ent.v[e];
  if (v < 4 && E->role.start == VB_NONE) {                         /* chair, head */
    E->role.start = TK(k)->start;
    E->role.end = TK(k)->start + 4 + (v < 2);
  }
}

/* Resolve he/she at token k: the latest subject of compatible gender, else any person. */
static int resolve_pron(const ctx *X, size_t k, int g) {
  int any = -1, seen = 0;
  for (size_t i = X->m.n; i-- > 0 && seen < 80; seen++) {
    const ment *m = &X->m.v[i];
    const vb_entity *E;
    if (m->a >= k || m->ent < 0 || !m->person) continue;
    E = &X->A->ent.v[m->ent];
    if (E->kind != VB_ENT_PERSON || (g && E->gender && E->gender != g)) continue;
    if (m->subj) return m->ent;
    if (any < 0) any = m->ent;
  }
  return any;
}

static int followed_by_cue(const ctx *X, size_t j) {
  j = skip_fwd(X, j, NT);
  return is_cue(X, j) && !(CUE(j)->flags & VB_CUE_ACC);
}

/* A capitalised word that reads as an office or a trade by its ending (Councillor,
 * Activist, Physician, Auctioneer, Assemblywoman), for a title the lexicon lacks. Endings
 * that first names share (-er, -or, -ent: Peter, Victor, Vincent) are left to the lexicon. */
static int office_word(const ctx *X, size_t k) {
  static const char *const suf[] = {"illor", "ilor", "ist", "ician", "eer", "woman", "sman", "ologist", NULL};
  const vb_tok *t = TK(k);
  size_t n = t->end - t->start;
  if (!is_capword(X, k) || (t->flags & (VB_T_UPPER | VB_T_POSS | VB_T_ABBR | VB_T_APOS)) || n < 6) return 0;
  for (size_t i = t->start + 1; i < t->end; i++)
    if (!(X->s[i] >= 'a' && X->s[i] <= 'z')) return 0;
  for (int i = 0; suf[i]; i++) {
    size_t m = strlen(suf[i]);
    if (n > m + 2 && !memcmp(X->s + t->end - m, suf[i], m)) return 1;
  }
  return 0;
}

/* Pass 1: names and pronouns, in text order. */
static void pass_names(ctx *X) {
  size_t k = 0, owner_end = VB_NONE, owner_a = 0, owner_next = 0;
  int run_in_sent = 0;
  while (k < NT && !X->oom) {
    vb_tok *t = TK(k);
    if (t->flags & VB_T_SENT) run_in_sent = 0;
    if (!(t->flags & VB_T_WORD)) { k++; continue; }
    if (is_pron(X, k) && pron_gender(X, k)) {
      int g = pron_gender(X, k), e = resolve_pron(X, k, g);
      int subj = (t->flags & VB_T_SENT) || followed_by_cue(X, k + 1) || (k > 0 && is_ch(X, k - 1, ','));
      if (e >= 0 && subj && !X->A->ent.v[e].gender) X->A->ent.v[e].gender = g;
      push_ment(X, k, k, e, subj, 1, 1);
      k++;
      continue;
    }
    if (is_capword(X, k)) {
      size_t a = k, e = run_end(X, k), b, t0, nw;
      /* a plural owner (Democracy Corps’ Stan Greenberg) reads as a singular one (CIS’s) */
      int poss = (TK(e)->flags & VB_T_POSS) != 0 || plural_apos(X, e + 1), ent = -1, gender = 0, org, subj;
      size_t next = (TK(e)->flags & VB_T_POSS) ? e + 1 : e + 2;   /* the owned name's first token */
      size_t role_a = VB_NONE, role_b = 0;
      k = e + 1;
      while (a <= e && (X->wc[a] & (VB_W_STOP | VB_W_TIME)) && !(X->wc[a] & (VB_W_TITLE | VB_W_HONOR))) a++;
      if (a > e) continue;
      {
        /* headline case ("A Bigger Threat To America"): a function word inside is no name */
        size_t z;
        for (z = a + 1; z <= e; z++)
          if ((X->wc[z] & VB_W_STOP) && (TK(z)->flags & VB_T_CAP) && !(X->wc[z] & (VB_W_TITLE | VB_W_ORG))) break;
        if (z <= e) { owner_end = VB_NONE; continue; }
      }
      org = has_org_word(X, a, e) || (a > 0 && is_word(X, a - 1) && vb_tok_is(X->s, TK(a - 1), "the") &&
                                      !(X->wc[a] & (VB_W_TITLE | VB_W_HONOR)));
      t0 = a;
      if (!org) {
        while (a < e && (X->wc[a] & (VB_W_TITLE | VB_W_HONOR))) {
          if (X->wc[a] & VB_W_HONOR) { if (!gender) gender = pron_gender(X, a); }
          else { if (role_a == VB_NONE) role_a = TK(a)->start; role_b = TK(a)->end; }
          a++;
        }
        if (a == e && (X->wc[a] & (VB_W_TITLE | VB_W_HONOR)) && a == t0) continue;   /* "President" alone */
        /* an office word the lexicon lacks, right before a two-word name: Councillor Ana Ruiz */
        if (e - a == 2 && office_word(X, a) && !(X->wc[a + 1] & VB_W_CONN)) {
          if (role_a == VB_NONE) role_a = TK(a)->start;
          role_b = TK(a)->end;
          a++;
        }
      }
      b = poss ? base_end(X, e) : TK(e)->end;
      nw = e - a + 1;
      subj = !poss && (!run_in_sent || followed_by_cue(X, e + 1));
      if (!poss) run_in_sent = 1;
      if (org) {
        ent = smap_get(X, &X->full, TK(a)->start, b, 0);
        if (ent < 0) {
          ent = ent_new(X, VB_ENT_ORG, TK(a)->start, b);
          if (ent >= 0) smap_put(X, &X->full, TK(a)->start, b, 0, ent);
        }
        if (ent >= 0 && e + 3 < NT && is_ch(X, e + 1, '(') && (TK(e + 2)->flags & VB_T_UPPER) && is_ch(X, e + 3, ')'))
          smap_put(X, &X->acr, TK(e + 2)->start, TK(e + 2)->end, 0, ent);
        push_ment(X, a, e, ent, subj, 0, 0);
      } else if (nw == 1) {
        int spoke = followed_by_cue(X, e + 1) ||
                    (a > 0 && is_cue(X, a - 1) && (CUE(a - 1)->flags & VB_CUE_INV)) ||
                    (a > 1 && vb_tok_is(X->s, TK(a - 1), "to") && is_cue(X, a - 2) && (CUE(a - 2)->flags & VB_CUE_ACC)) ||
                    role_a != VB_NONE || gender;
        ent = smap_get(X, &X->last, TK(a)->start, b, 0);
        if (ent < 0) ent = smap_get(X, &X->full, TK(a)->start, b, 0);
        if (ent < 0) ent = smap_get(X, &X->acr, TK(a)->start, b, 0);
        if (ent < 0 && spoke) {
          int isorg = (TK(a)->flags & VB_T_UPPER) != 0;
          ent = ent_new(X, isorg ? VB_ENT_ORG : VB_ENT_PERSON, TK(a)->start, b);
          if (ent >= 0) {
            smap_put(X, &X->full, TK(a)->start, b, 0, ent);
            if (!isorg) smap_put(X, &X->last, TK(a)->start, b, 0, ent);
          }
        }
        push_ment(X, a, e, ent, subj, ent >= 0 && X->A->ent.v[ent].kind == VB_ENT_PERSON, 0);
      } else if (nw <= 5) {
        size_t la = TK(e)->start;
        ent = smap_get(X, &X->full, TK(a)->start, b, 0);
        if (ent < 0) {
          int old = smap_get(X, &X->last, la, b, 0);
          vb_entity *O = old >= 0 ? &X->A->ent.v[old] : NULL;
          if (O && O->kind == VB_ENT_PERSON && O->name.end - O->name.start == b - la) {
            ent = old;                                /* "Trump" met before "Donald Trump" */
            O->name.start = TK(a)->start; O->name.end = b;
          } else ent = ent_new(X, VB_ENT_PERSON, TK(a)->start, b);
          if (ent >= 0) smap_put(X, &X->full, TK(a)->start, b, 0, ent);
        }
        if (ent >= 0 && smap_get(X, &X->last, la, b, 0) != ent) smap_put(X, &X->last, la, b, 0, ent);
        push_ment(X, a, e, ent, subj, ent >= 0 && X->A->ent.v[ent].kind == VB_ENT_PERSON, 0);
      }
      if (ent >= 0 && !X->oom) {
        vb_entity *E = &X->A->ent.v[ent];
        if (gender && !E->gender) E->gender = gender;
        if (role_a != VB_NONE && E->role.start == VB_NONE) { E->role.start = role_a; E->role.end = role_b; }
        if (E->kind == VB_ENT_PERSON && owner_end != VB_NONE && owner_next == t0) {
          /* Human Rights First’s Eleanor Acer */
          set_org(X, ent, TK(owner_a)->start, base_end(X, owner_end));
        }
        if (E->kind == VB_ENT_PERSON && !poss && t0 > 1 && is_ch(X, t0 - 1, ',') && is_ch(X, e + 1, ',') &&
            !starts_sent(X, t0)) {
          /* "the IRS’s research director, Lee Park, said": the role comes first */
          size_t z = t0 - 1;
          while (z > 0 && t0 - z < 14 && is_word(X, z - 1) && !starts_sent(X, z)) z--;
          if (z < t0 - 1 && is_word(X, z) && ((X->wc[z] & VB_W_DET) || (TK(z)->flags & VB_T_POSS) ||
                                             (X->wc[z] & VB_W_TITLE)))
            appositive(X, ent, z, t0 - 1);
        }
        if (E->kind == VB_ENT_PERSON && !poss) {
          size_t j = e + 1;
          if (is_ch(X, j, '(')) { size_t z = j; while (z < NT && z < j + 8 && !is_ch(X, z, ')')) z++; j = z + 1; }
          if (is_ch(X, j, ',')) { appositive(X, ent, j + 1, NT); rel_clause(X, ent, j + 1); }
        }
      }
      owner_end = poss ? e : VB_NONE;
      owner_next = next;
      owner_a = a;
      continue;
    }
    k++;
  }
}

/* ---------------------------------------------------------------- speaker phrases */

typedef struct np {
  size_t a, b;            /* the mention */
  int ok, rel;            /* rel: a relative pronoun (who) standing for the words at ra..rb */
  size_t ra, rb;
} np;

static int is_adverb(const ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  return (t->flags & VB_T_LOWER) && t->end - t->start > 4 && X->s[t->end - 2] == 'l' && X->s[t->end - 1] == 'y' &&
         !is_cue(X, k);
}

/* The speaker before cue c (its subject), not reaching back to token lo. */
static np np_before(const ctx *X, size_t c, size_t lo);
static np np_before1(const ctx *X, size_t c, size_t lo) {
  np r = {0};
  size_t lo1 = lo + 1;   /* first token allowed; lo == VB_NONE (no bound) wraps to 0 */
  size_t j = c, h;
  int g;
  if (c == 0 || c <= lo1) return r;
  j = c - 1;
  /* auxiliaries and adverbs are lower case there: "Will wrote" names George Will */
  for (g = 0; g < 6 && j >= lo1 && is_word(X, j) &&
              ((((X->wc[j] & VB_W_SKIP) && (TK(j)->flags & VB_T_LOWER)) || (X->wc[j] & VB_W_TIME)) || is_adverb(X, j)) &&
              !is_pron(X, j); g++) j--;
  if (j < lo1) return r;
  if (is_word(X, j) && (X->wc[j] & VB_W_REL) && j > lo1 && is_ch(X, j - 1, ',')) {
    /* "said Weaver, who said …": the mention is "who", the speaker its antecedent */
    np ante = np_before(X, j - 1, lo);
    if (!ante.ok) return r;
    r.a = r.b = j; r.ok = 1; r.rel = 1; r.ra = ante.a; r.rb = ante.b;
    return r;
  }
  if (is_ch(X, j, ')')) {                     /* Sen. Chuck Grassley (R-Iowa) said */
    size_t z = j;
    while (z >= lo1 && j - z < 10 && !is_ch(X, z, '(')) z--;
    if (z <= lo1 || !is_ch(X, z, '(')) return r;
    j = z - 1;
  }
  if (is_ch(X, j, ',')) {                     /* X, an appositive, said */
    size_t z = j - 1, y;
    while (z >= lo1 && j - z < APPOS && !is_ch(X, z, ',') && !is_quote(X, z) && !starts_sent(X, z + 1)) z--;
    if (z < lo1 || !is_ch(X, z, ',')) return r;
    if (z + 1 < j && is_capword(X, z + 1) && run_end(X, z + 1) == j - 1 && z > lo1 && is_word(X, z - 1) &&
        (TK(z - 1)->flags & VB_T_LOWER)) {
      /* "The city’s police chief, Ines Varga, told": the role came first, the name speaks */
      const ment *m = ment_at(X, j - 1);
      if (m && m->ent >= 0 && m->person && m->a == z + 1) { r.a = z + 1; r.b = j - 1; r.ok = 1; return r; }
    }
    /* X, who is a pastor at the Church of Elizabeth, Colorado, said: back to ", who" */
    for (y = j - 1; y > lo1 && j - y < 2 * APPOS && !is_quote(X, y) && !starts_sent(X, y + 1); y--)
      if ((X->wc[y] & VB_W_REL) && is_ch(X, y - 1, ',')) { z = y - 1; break; }
    j = z - 1;
    /* "Sanders, meanwhile, who …, said": an aside of one adverb is skipped too */
    if (j > lo1 + 1 && is_word(X, j) && (TK(j)->flags & VB_T_LOWER) &&
        ((X->wc[j] & (VB_W_STOP | VB_W_SKIP)) || is_adverb(X, j)) && is_ch(X, j - 1, ','))
      j -= 2;
    if (is_ch(X, j, ')')) {
      size_t y = j;
      while (y >= lo1 && j - y < 10 && !is_ch(X, y, '(')) y--;
      if (y <= lo1 || !is_ch(X, y, '(')) return r;
      j = y - 1;
    }
  }
  if (j < lo1 || !is_word(X, j)) return r;
  h = j;
  if (is_pron(X, h)) { r.a = r.b = h; r.ok = 1; return r; }
  if (is_capword(X, h) || (TK(h)->flags & VB_T_DIGIT)) {
    size_t a = h;
    while (a > lo1) {
      size_t p = a - 1;
      if (starts_sent(X, a)) break;
      if (is_capword(X, p) && !(TK(p)->flags & VB_T_POSS) && !(X->wc[p] & VB_W_STOP)) { a = p; continue; }
      if (p > lo1 && name_apos(X, p)) { a = p - 1; continue; }   /* the Users’ Association said */
      if (is_word(X, p) && (X->wc[p] & VB_W_CONN) && (TK(p)->flags & VB_T_LOWER) && p > lo1 && is_capword(X, p - 1)) { a = p - 1; continue; }
      break;
    }
    /* a function word alone is no speaker, unless a quote or comma comes right before it
     * and the cue right after ("…," From said) */
    if (X->wc[a] & VB_W_STOP && a == h && !(h + 1 == c && h > 0 && (is_quote(X, h - 1) || is_ch(X, h - 1, ','))))
      return r;
    r.a = a; r.b = h; r.ok = 1;
    return r;
  }
  if (TK(h)->flags & VB_T_LOWER) {
    size_t a = h;
    if (X->wc[h] & (VB_W_BOUND | VB_W_DET | VB_W_SKIP)) return r;
    while (a > lo1 && h - a < 6 && !starts_sent(X, a)) {
      size_t p = a - 1;
      if (!is_word(X, p)) break;
      if (X->wc[p] & VB_W_DET) { a = p; break; }
      if (X->wc[p] & VB_W_BOUND) break;
      if (is_cue(X, p)) break;
      a = p;
    }
    r.a = a; r.b = h; r.ok = 1;
  }
  return r;
}

/* A preposition that opens an adverbial phrase between a subject and its verb. */
static int adv_prep(const ctx *X, size_t k) {
  static const char *const w[] = {"in", "at", "on", "during", "through", "across", "outside", "inside", "near", "around", NULL};
  if (!is_word(X, k) || !(TK(k)->flags & VB_T_LOWER)) return 0;
  for (int i = 0; w[i]; i++) if (vb_tok_is(X->s, TK(k), w[i])) return 1;
  return 0;
}

/* "Trump at the time said", "Trump in his announcement speech called": the words right
 * before the cue may end a phrase of time or place; its preposition's subject speaks.
 * Twice at most ("in Ames on Sunday"), and only when a subject is found before it. */
static np np_before(const ctx *X, size_t c, size_t lo) {
  np r = np_before1(X, c, lo);
  for (int g = 0; g < 2 && r.ok && !r.rel && r.a > 0 && r.a - 1 > lo + 1 && adv_prep(X, r.a - 1); g++) {
    np r2 = np_before1(X, r.a - 1, lo);
    /* a subject, not the end of a verb phrase ("donors were upset at …") */
    if (!r2.ok || !(r2.rel || is_pron(X, r2.a) || is_capword(X, r2.b) || (X->wc[r2.a] & VB_W_DET) ||
                    (starts_sent(X, r2.a) && is_capword(X, r2.a))))   /* Protesters marching through … */
      break;
    r = r2;
  }
  return r;
}

/* The speaker right after token j (inverted "said Arthur", "according to X"), before hi. */
static np np_after(const ctx *X, size_t j, size_t hi) {
  np r = {0};
  size_t e;
  if (j < hi && is_word(X, j) && (X->wc[j] & VB_W_TIME)) j++;
  if (j >= hi || !is_word(X, j)) return r;
  if (is_pron(X, j)) { r.a = r.b = j; r.ok = 1; return r; }
  if (is_capword(X, j)) {
    e = run_end(X, j);
    while (e + 1 < hi && (TK(e)->flags & VB_T_POSS) && is_capword(X, e + 1)) e = run_end(X, e + 1);
    if (e >= hi) e = hi - 1;
    r.a = j; r.b = e; r.ok = 1;
    return r;
  }
  if (TK(j)->flags & (VB_T_LOWER | VB_T_DIGIT)) {   /* a senior official; 9/11 widow Terry Strada */
    if (!(X->wc[j] & VB_W_DET) && (X->wc[j] & (VB_W_BOUND | VB_W_SKIP))) return r;
    for (e = j; e + 1 < hi && e - j < 8 && is_word(X, e + 1) && !(X->wc[e + 1] & (VB_W_BOUND | VB_W_REL)) &&
                !is_cue(X, e + 1); e++) {}
    r.a = j; r.b = e; r.ok = 1;
  }
  return r;
}

static int ing_word(const ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  return t->end - t->start > 4 && X->s[t->end - 3] == 'i' && X->s[t->end - 2] == 'n' && X->s[t->end - 1] == 'g';
}

/* A subject phrase starting at token k (a pronoun, a name, or a determiner and its noun). */
static np np_at(const ctx *X, size_t k, size_t c) {
  np r = {0};
  if (k < c) k = skip_quotes(X, k, c);
  if (k >= c || !is_word(X, k)) return r;
  if (is_pron(X, k)) { r.a = r.b = k; r.ok = 1; return r; }
  if (X->wc[k] & VB_W_STOP && (TK(k)->flags & VB_T_CAP) && vb_tok_is(X->s, TK(k), "the") && is_capword(X, k + 1)) k++;
  if ((TK(k)->flags & VB_T_UPPER) && (TK(k)->flags & VB_T_PARA) && is_ch(X, k + 1, ',')) return r;   /* PORTLAND, Ore. */
  if (is_capword(X, k) && !(X->wc[k] & VB_W_STOP)) {
    size_t e = run_end(X, k);
    if (e >= c) return r;
    if (TK(e)->flags & VB_T_POSS && is_word(X, e + 1) && (TK(e + 1)->flags & VB_T_LOWER)) {
      /* Clinton’s campaign */
      size_t z = e + 1;
      while (z + 1 < c && z < e + 3 && is_word(X, z + 1) && (TK(z + 1)->flags & VB_T_LOWER) &&
             !(X->wc[z + 1] & VB_W_BOUND) && !is_cue(X, z + 1)) z++;
      r.a = k; r.b = z; r.ok = 1;
      return r;
    }
    if (TK(e)->flags & VB_T_POSS) {            /* The Blaze’s Matt Walsh */
      if (!is_capword(X, e + 1)) return r;
      k = e + 1;
      e = run_end(X, k);
      if (e >= c) return r;
    }
    {
      /* "FBI director James Comey": an organisation, a title, then the name */
      size_t z = e + 1;
      while (z < c && z < e + 4 && is_word(X, z) && (TK(z)->flags & VB_T_LOWER) && (X->wc[z] & (VB_W_TITLE | VB_W_ORG))) z++;
      if (z > e + 1 && z < c && is_capword(X, z) && !(X->wc[z] & VB_W_STOP)) {
        size_t e2 = run_end(X, z);
        if (e2 < c) e = e2;
      }
    }
    r.a = k; r.b = e; r.ok = 1;
    return r;
  }
  if ((X->wc[k] & VB_W_DET) && (TK(k)->flags & VB_T_LOWER ? 1 : !vb_tok_is(X->s, TK(k), "that")) &&
      is_word(X, k + 1) && !(X->wc[k + 1] & VB_W_BOUND) && !(TK(k + 1)->flags & VB_T_DIGIT)) {
    size_t z = k + 1;
    while (z + 1 < c && z < k + 3 && is_word(X, z + 1) && !(X->wc[z + 1] & (VB_W_BOUND | VB_W_SKIP)) &&
           !is_cue(X, z + 1) && !(TK(z + 1)->flags & VB_T_POSS)) {
      size_t n = TK(z + 1)->end - TK(z + 1)->start;
      if (n > 2 && X->s[TK(z + 1)->end - 2] == 'e' && X->s[TK(z + 1)->end - 1] == 'd') break;   /* a verb */
      z++;
    }
    if (z + 1 < c && is_word(X, z + 1) && (TK(z + 1)->flags & VB_T_POSS)) return r;   /* the bill’s … */
    if (TK(z)->flags & VB_T_POSS) return r;
    r.a = k; r.b = z; r.ok = 1;
  }
  return r;
}

/* The subject of the clause before cue c: tried at each clause start (after a comma),
 * nearest first, then at the sentence start ("Eight years ago, he supported … and said"). */
static np np_subject_near(const ctx *X, size_t sb, size_t c);

/* The subject of the sentence (for participles: "Her campaign emailed supporters saying"). */
static np np_subject(const ctx *X, size_t sb, size_t c) {
  np r = {0};
  size_t k = sb;
  /* the sentence's own subject, after an opening phrase ("On Friday, Mr. Carson endorsed") */
  if (k < c) k = skip_quotes(X, k, c);
  if (k < c && is_word(X, k) && (((X->wc[k] & (VB_W_STOP | VB_W_BOUND)) && !(X->wc[k] & (VB_W_DET | VB_W_PRON))) ||
                                 ((TK(k)->flags & VB_T_CAP) && ing_word(X, k)))) {   /* "Flying home, she vented" */
    size_t z;
    for (z = k; z < c && z < k + APPOS && !is_ch(X, z, ','); z++) {}
    if (z < c && is_ch(X, z, ',')) k = z + 1;
  }
  r = np_at(X, k, c);
  if (r.ok) return r;
  return np_subject_near(X, sb, c);
}

/* The nearest clause subject before c (for coordinated verbs: "when he laughed and said"):
 * a clause start after a comma, nearest first, then the sentence start. */
static np np_subject_near(const ctx *X, size_t sb, size_t c) {
  np r = {0};
  size_t lo = c > sb + WIN ? c - WIN : sb;
  for (size_t k = c; k-- > lo;) {
    if (is_ch(X, k, ',') && k + 1 < c) {
      r = np_at(X, k + 1, c);
      if (r.ok) return r;
    }
  }
  return np_at(X, sb, c);
}

/* "issued a statement saying …": the statement is not the speaker of the participle */
static int is_document(const ctx *X, size_t k) {
  static const char *const docs[] = {"statement", "release", "tweet", "post", "letter", "memo", "report",
                                     "email", "message", "video", "ad", "advertisement", "op-ed", "speech", NULL};
  for (int i = 0; docs[i]; i++) if (vb_tok_is(X->s, TK(k), docs[i])) return 1;
  return 0;
}

/* Speaker of cue c for a quote at token q: subject before, or inverted after. */
static np cue_speaker(const ctx *X, size_t c, size_t lo, size_t hi, size_t sb);
static np cue_speaker(const ctx *X, size_t c, size_t lo, size_t hi, size_t sb) {
  np r0 = {0};
  size_t after = c + (size_t)CUE(c)->len;
  np r;
  if (CUE(c)->flags & VB_CUE_ACC) return np_after(X, after, hi);
  if ((CUE(c)->flags & VB_CUE_WEAK) && !(CUE(c)->flags & VB_CUE_ING) && c > lo + 1 && c > 0) {
    /* a noun reading ("Bush's Facebook post:", "his statement"): the possessor speaks */
    size_t o = c - 1;
    while (o > lo + 1 && is_capword(X, o) && !(TK(o)->flags & VB_T_POSS) && c - o < 4) o--;
    if (is_word(X, o) && (TK(o)->flags & VB_T_POSS) && is_capword(X, o)) {
      size_t a = o;
      while (a > lo + 1 && is_capword(X, a - 1) && !(TK(a - 1)->flags & VB_T_POSS) && !(X->wc[a - 1] & VB_W_STOP)) a--;
      r0.a = a; r0.b = o; r0.ok = 1;
      return r0;
    }
    if (is_word(X, o) && (vb_tok_is(X->s, TK(o), "his") || vb_tok_is(X->s, TK(o), "her"))) {
      r0.a = r0.b = o; r0.ok = 1;
      return r0;
    }
  }
  if (CUE(c)->flags & VB_CUE_ING) {
    /* "X said in a statement, adding that …": the speaker of the clause's own cue */
    for (size_t z = c; c > 0 && is_ch(X, c - 1, ',') && z-- > sb && c - z < WIN;) {
      if (is_cue(X, z) && !(CUE(z)->flags & (VB_CUE_ING | VB_CUE_WEAK))) {
        r = cue_speaker(X, z, lo < z ? lo : (sb ? sb - 1 : VB_NONE), hi, sb);
        if (r.ok) return r;
        break;
      }
    }
    r = np_subject(X, sb, c);
    if (r.ok && r.b < c) return r;
    r = np_before(X, c, lo);
    if (r.ok && !is_ch(X, c - 1, ',') && !is_document(X, r.b)) return r;
    r.ok = 0;
    return r;
  }
  r = np_before(X, c, lo);
  if (r.ok) return r;
  {
    /* "She greeted supporters and told them …": coordinated verbs share the subject */
    size_t p = c;
    while (p > sb && c - p < 6 && is_word(X, p - 1) && (X->wc[p - 1] & (VB_W_SKIP | VB_W_TIME))) p--;
    if (p > sb && (vb_tok_is(X->s, TK(p - 1), "and") || vb_tok_is(X->s, TK(p - 1), "but"))) {
      r = np_subject_near(X, sb, c);
      if (r.ok) return r;
    }
  }
  if (CUE(c)->flags & VB_CUE_INV) {
    /* inverted only right after a quote or at a clause start: "…," said Arthur */
    size_t p = c - 1;
    if (starts_sent(X, c)) return np_after(X, after, hi);
    if (c > 0 && (is_ch(X, p, ',') || is_dash(X, p)) && p > 0) p--;
    if (c > 0 && (is_quote(X, p) || is_ch(X, p, ','))) return np_after(X, after, hi);
  }
  return r;
}

/* ---------------------------------------------------------------- resolution */

static int group_entity(ctx *X, size_t a, size_t b) {
  size_t sa = TK(a)->start, sb = TK(b)->end;
  int e;
  if (a < b && (X->wc[a] & VB_W_DET) && !(TK(a)->flags & VB_T_POSS)) sa = TK(a + 1)->start;
  e = smap_get(X, &X->groups, sa, sb, 1);
  if (e < 0) {
    e = ent_new(X, VB_ENT_GROUP, TK(a)->start, sb);   /* shown with its determiner: the mayor */
    if (e >= 0) smap_put(X, &X->groups, sa, sb, 1, e);
  }
  return e;
}

static int resolve(ctx *X, np p) {
  const ment *m;
  if (p.a == p.b && is_word(X, p.a) && (vb_tok_is(X->s, TK(p.a), "his") || vb_tok_is(X->s, TK(p.a), "her")))
    return resolve_pron(X, p.a, vb_tok_is(X->s, TK(p.a), "his") ? 'm' : 'f');
  if (p.a == p.b && is_pron(X, p.a)) {
    m = ment_at(X, p.a);
    return m ? m->ent : -1;
  }
  for (size_t k = p.b + 1; k-- > p.a;) {
    m = ment_at(X, k);
    if (m && m->ent >= 0) return m->ent;
  }
  if (is_capword(X, p.b)) {
    size_t a = p.a;
    int e;
    while (a < p.b && !is_capword(X, a)) a++;
    e = smap_get(X, &X->full, TK(a)->start, base_end(X, p.b), 0);
    if (e < 0) e = smap_get(X, &X->last, TK(p.b)->start, base_end(X, p.b), 0);
    if (e < 0) {
      int org = has_org_word(X, a, p.b) || (TK(p.b)->flags & VB_T_UPPER);
      e = ent_new(X, org ? VB_ENT_ORG : VB_ENT_PERSON, TK(a)->start, base_end(X, p.b));
      if (e >= 0) smap_put(X, &X->full, TK(a)->start, base_end(X, p.b), 0, e);
    }
    return e;
  }
  return group_entity(X, p.a, p.b);
}

/* ---------------------------------------------------------------- pass 2 */

static void attribute(ctx *X, size_t qi, size_t c, np p, double conf, const char *rule) {
  vb_attr *at = &X->A->attr.v[qi];
  at->mention.start = TK(p.a)->start;
  at->mention.end = TK(p.b)->end;
  if (TK(p.b)->flags & VB_T_POSS && p.a == p.b) at->mention.end = base_end(X, p.b);
  if (p.a == p.b && !(X->wc[p.a] & VB_W_PRON) && is_pron(X, p.a)) at->mention.end = TK(p.a)->start + contracted_pron(X, p.a);
  if (c != VB_NONE) { at->cue.start = TK(c)->start; at->cue.end = is_cue(X, c) ? CUE(c)->end : TK(c)->end; }
  if (p.rel) { np q = p; q.a = p.ra; q.b = p.rb; q.rel = 0; at->entity = resolve(X, q); }
  else at->entity = resolve(X, p);
  if (at->entity < 0 && is_pron(X, p.a)) conf -= 0.25;
  at->confidence = conf;
  at->rule = rule;
}

/* Title case: every word starts upper case (a show, a book, a slogan). */
/* A quote that reads as a whole sentence (a capital first, a full stop, ! or ? last):
 * short as it is ("Staffing is."), it goes on speaking, it does not name a thing. */
static int full_sentence(const char *s, const vb_quote *q) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = q->istart, e = q->iend;
  uint32_t first = 0, last = 0;
  while (i < e) {
    uint32_t cp;
    i += vb_utf8_dec(u, e, i, &cp);
    if (vb_cp_isalnum(cp)) { first = cp; break; }
  }
  while (e > q->istart) {
    size_t p = vb_utf8_prev(u, e);
    vb_utf8_dec(u, q->iend, p, &last);
    if (!vb_cp_isspace(last)) break;
    e = p;
  }
  return vb_cp_isupper(first) && (last == '.' || last == '!' || last == '?');
}

static int title_case(const char *s, const vb_quote *q) {
  size_t i = q->istart, words = 0;
  const unsigned char *u = (const unsigned char *)s;
  while (i < q->iend) {
    uint32_t cp;
    size_t k;
    while (i < q->iend && (vb_utf8_dec(u, q->iend, i, &cp), !vb_cp_isalnum(cp))) i += vb_utf8_dec(u, q->iend, i, &cp);
    if (i >= q->iend) break;
    k = vb_utf8_dec(u, q->iend, i, &cp);
    words++;
    if (!vb_cp_isupper(cp) && !(cp >= '0' && cp <= '9')) {
      /* small words inside titles */
      size_t e = i;
      uint32_t c2;
      while (e < q->iend && (vb_utf8_dec(u, q->iend, e, &c2), vb_cp_isalnum(c2))) e += vb_utf8_dec(u, q->iend, e, &c2);
      if (e - i > 3) return 0;
    }
    i += k;
    while (i < q->iend && (vb_utf8_dec(u, q->iend, i, &cp), vb_cp_isalnum(cp) || cp == '\'' || cp == 0x2019 || cp == '-'))
      i += vb_utf8_dec(u, q->iend, i, &cp);
  }
  /* a single word ("Chris.") or an exclamation ("USA! USA!") is said, not a title */
  if (words < 2 || words > 6) return 0;
  for (i = q->iend; i > q->istart; i--) {
    unsigned char c = (unsigned char)s[i - 1];
    if (c == ' ' || c == '\'' || c == '"') continue;
    return c != '!' && c != '?';
  }
  return 1;
}

#define OUTER_BEFORE 1
#define OUTER_HOPS 1   /* how far out nested reports go: measured, more hops gained nothing */

/* A cue R3 may use: not a noun-like or base form unless its context says it is a verb. */
static int usable_cue(const ctx *X, size_t c) {
  unsigned f = CUE(c)->flags;
  if (f & VB_CUE_ACC) return 1;
  if ((f & VB_CUE_ING) && c > 0 && is_word(X, c - 1) && (X->wc[c - 1] & VB_W_BOUND)) return 0;
  if (!(f & VB_CUE_WEAK)) return 1;
  if ((f & VB_CUE_ING) && c > 0 && is_ch(X, c - 1, ',')) return 1;
  return 0;
}

/* Nouns that report speech after a possessive: his warning, Farley’s account. */
static int speech_noun(const ctx *X, size_t k) {
  return is_word(X, k) && (TK(k)->flags & VB_T_LOWER) && (X->wc[k] & VB_W_NOUN);
}

/* A base-form cue (say, suggest) has a plural or pronoun subject right before it:
 * "the remarks suggest", "they say", "NBC News will accuse"; not "to say", "eliminating state". */
static int base_subject(const ctx *X, size_t c) {
  size_t j = c;
  const vb_tok *t;
  size_t n;
  while (j > 0 && is_word(X, j - 1) && (X->wc[j - 1] & VB_W_SKIP) && c - j < 3) j--;
  if (j == 0 || !is_word(X, j - 1)) return 0;
  t = TK(j - 1);
  if (is_pron(X, j - 1)) return !vb_tok_is(X->s, t, "he") && !vb_tok_is(X->s, t, "she") && !vb_tok_is(X->s, t, "it");
  if (X->wc[j - 1] & (VB_W_BOUND | VB_W_DET)) return 0;
  if (t->flags & VB_T_POSS) return 0;
  /* a name before a base form: a compound or plural subject ("Obama and Clinton call") */
  if (is_capword(X, j - 1) && !(X->wc[j - 1] & (VB_W_STOP | VB_W_TITLE))) return 1;
  n = t->end - t->start;
  return n > 3 && X->s[t->end - 1] == 's' && X->s[t->end - 2] != 's';
}

static void attribute_direct(ctx *X, size_t qi, size_t k, size_t sb, size_t se) {
  const vb_quote *q = &X->A->qs.q.v[qi];
  size_t j, c, lo, hi;
  np p;
  int title = -1;                       /* computed when a rule needs it */
  /* R1: the cue after the quote: "…," he said · "…," said Arthur · "…," X’s Y said */
  j = k + 1;
  if (j < se && (is_ch(X, j, ',') || is_dash(X, j))) j++;
  hi = se;
  for (size_t z = j; z < se; z++) if (is_quote(X, z)) { hi = z; break; }
  if (j < hi && is_cue(X, j) && !(CUE(j)->flags & (VB_CUE_ACC | VB_CUE_ING))) {
    p = np_after(X, j + (size_t)CUE(j)->len, hi);
    if (p.ok && (CUE(j)->flags & VB_CUE_INV)) { attribute(X, qi, j, p, 0.95, R_CUE_AFTER_INVERTED); return; }
  }
  /* R1a: a signature after a dash: "…" ― Carla Sanchez */
  if (is_dash(X, k + 1) && is_capword(X, k + 2)) {
    p = np_after(X, k + 2, NT);
    if (p.ok && (p.b + 1 >= NT || (TK(p.b + 1)->flags & (VB_T_PARA | VB_T_PUNCT | VB_T_QUOTE)))) {
      attribute(X, qi, VB_NONE, p, 0.8, R_DASH_NAME);
      return;
    }
  }
  for (c = j; c < hi && c < j + 12; c++) {
    if (is_quote(X, c) || (TK(c)->flags & VB_T_PUNCT && !is_ch(X, c, ',') && !is_ch(X, c, '(') && !is_ch(X, c, ')')))
      break;
    if (is_cue(X, c) && (CUE(c)->flags & VB_CUE_WEAK) && !(CUE(c)->flags & VB_CUE_BASE)) break;
    if (!is_cue(X, c) && is_word(X, c) && (X->wc[c] & VB_W_BOUND) && !(X->wc[c] & (VB_W_PREP | VB_W_SKIP))) break;
    if (is_cue(X, c) && !(CUE(c)->flags & VB_CUE_ACC)) {
      p = np_before(X, c, k);
      if (p.ok) { attribute(X, qi, c, p, 0.93, R_CUE_AFTER); return; }
      break;
    }
  }
  /* R2: the cue before the quote: X said: "…" · X told reporters, "…" · According to X, "…" */
  lo = sb > 0 ? sb - 1 : 0;
  j = k;
  {
    int punct = j > sb && (is_ch(X, j - 1, ':') || is_ch(X, j - 1, ',') || is_dash(X, j - 1));
    if (punct) j--;
    for (c = j; c-- > sb && j - c <= 12;) {
      size_t gap;
      if (is_quote(X, c)) { lo = c; break; }
      if (!is_cue(X, c)) continue;
      gap = j - (c + (size_t)CUE(c)->len);   /* words between the cue and the mark */
      if ((CUE(c)->flags & VB_CUE_WEAK) && (!punct || gap > 0)) break;
      if (!punct && gap > 0 && !(gap == 1 && vb_tok_is(X->s, TK(j - 1), "that"))) break;
      if (gap > ((CUE(c)->flags & VB_CUE_ACC) ? 10u : 3u) || c + (size_t)CUE(c)->len > j) break;
      size_t l2 = lo;
      for (size_t z = c; z-- > sb;) if (is_quote(X, z)) { l2 = z; break; } else if (c - z > WIN) break;
      p = cue_speaker(X, c, l2 == (sb > 0 ? sb - 1 : 0) && !is_quote(X, l2) ? (sb > 0 ? sb - 1 : VB_NONE) : l2, k, sb);
      if (!p.ok && sb == 0 && !is_quote(X, 0)) p = cue_speaker(X, c, VB_NONE, k, sb);
      if (p.ok) {
        /* "Lynch said she recalled thinking, “…”": the outer report owns it */
        if (OUTER_BEFORE && !p.rel && is_pron(X, p.a) && p.a > sb && !(CUE(c)->flags & VB_CUE_ACC)) {
          size_t c2;
          for (c2 = p.a; c2-- > sb && p.a - c2 < 6;) if (is_quote(X, c2) || is_cue(X, c2)) break;
          if (c2 != VB_NONE && c2 >= sb && is_cue(X, c2) && usable_cue(X, c2) && !(CUE(c2)->flags & VB_CUE_ACC) &&
              c2 + (size_t)CUE(c2)->len + 1 >= p.a) {
            np p2 = cue_speaker(X, c2, sb > 0 ? sb - 1 : VB_NONE, p.a, sb);
            if (p2.ok && p2.b < c2) { c = c2; p = p2; }
          }
        }
        attribute(X, qi, c, p, CUE(c)->flags & VB_CUE_ACC ? 0.9 : 0.9,
                  CUE(c)->flags & VB_CUE_ACC ? R_ACCORDING_TO : R_CUE_BEFORE);
        return;
      }
      break;
    }
  }
  /* R2b: "Frank Newport and Jim Harter: “…”" names the speaker before a colon */
  if (k > sb + 1 && is_ch(X, k - 1, ':')) {
    p = np_before(X, k - 1, sb > 0 ? sb - 1 : VB_NONE);
    if (!p.ok && sb == 0) p = np_before(X, k - 1, VB_NONE);
    if (p.ok && (is_capword(X, p.b) || is_pron(X, p.b))) { attribute(X, qi, VB_NONE, p, 0.6, R_COLON_NAME); return; }
  }
  /* R2c: a paragraph of its own after "… released the following statement:" */
  if (k > 0 && (TK(k)->flags & VB_T_PARA) && is_ch(X, k - 1, ':')) {
    size_t z = k - 1, s0;
    while (z > 0 && k - z < WIN && !starts_sent(X, z)) z--;
    s0 = z;
    for (c = k - 1; c-- > s0;) {
      if (is_cue(X, c) && !(CUE(c)->flags & VB_CUE_WEAK)) {
        p = cue_speaker(X, c, s0 > 0 ? s0 - 1 : VB_NONE, k - 1, s0);
        if (p.ok) { attribute(X, qi, c, p, 0.7, R_COLON_INTRO); return; }
        break;
      }
    }
    p = np_subject(X, s0, k - 1);
    if (p.ok) { attribute(X, qi, VB_NONE, p, 0.55, R_COLON_INTRO); return; }
  }
  /* R1b: the quote ends its sentence and a short one names the speaker: "…!" Bush said. */
  if ((TK(k)->flags & VB_T_QEND) && k + 1 == se && k + 1 < NT && !(TK(k + 1)->flags & VB_T_PARA)) {
    size_t lim = k + 9 < NT ? k + 9 : NT;
    for (c = k + 1; c < lim; c++) {
      if (is_quote(X, c) || (TK(c)->flags & VB_T_PUNCT && !is_ch(X, c, ','))) break;
      if (c > k + 1 && starts_sent(X, c)) break;
      if (is_cue(X, c) && (!(CUE(c)->flags & VB_CUE_WEAK) || (CUE(c)->flags & VB_CUE_BASE)) &&
          !(CUE(c)->flags & (VB_CUE_ACC | VB_CUE_ING))) {
        size_t e = c + (size_t)CUE(c)->len, z;
        if (c == k + 1) {
          p = np_after(X, e, lim + 4 < NT ? lim + 4 : NT);
          if (!p.ok) break;
          e = p.b + 1;
        } else {
          p = np_before(X, c, k);
          if (!p.ok || p.a != k + 1) break;
        }
        for (z = e; z < NT && z < e + 4 && !(TK(z)->flags & VB_T_PUNCT); z++) {}
        if (z < NT && (is_ch(X, z, '.') || is_ch(X, z, '!') || is_ch(X, z, '?') || is_ch(X, z, ','))) {
          attribute(X, qi, c, p, 0.85, R_CUE_NEXT_SENTENCE);
          return;
        }
        break;
      }
    }
  }
  /* R3a: "…, according to Reuters." at the end of the sentence: the outer source */
  for (c = k + 1; c < se && c < k + WIN; c++) {
    if (is_quote(X, c)) break;
    if (is_cue(X, c) && (CUE(c)->flags & VB_CUE_ACC) && c > 0 && is_ch(X, c - 1, ',')) {
      p = np_after(X, c + (size_t)CUE(c)->len, se);
      if (p.ok && p.b + 2 >= se) { attribute(X, qi, c, p, 0.7, R_ACCORDING_TO); return; }
      break;
    }
  }
  /* R3b: "…, CNN reported." closing the sentence names its source too */
  for (c = k + 1; c < se && c < k + WIN; c++) {
    if (is_quote(X, c)) break;
    if (is_cue(X, c) && usable_cue(X, c) && !(CUE(c)->flags & (VB_CUE_ACC | VB_CUE_ING))) {
      size_t e = c + (size_t)CUE(c)->len;
      if (e + 1 >= se || (e < NT && TK(e)->flags & VB_T_PUNCT && e + 1 == se)) {
        p = np_before(X, c, k);
        if (p.ok && p.a > k + 1 && is_ch(X, p.a - 1, ',')) { attribute(X, qi, c, p, 0.65, R_SAME_SENTENCE); return; }
      }
    }
  }
  /* R3: a cue elsewhere in the sentence: X said that Y was “disgusting” (nearest first) */
  {
    size_t a0 = k > sb + WIN ? k - WIN : sb, b0 = k + WIN < se ? k + WIN : se;
    int tries = 0;
    for (int dir = 0; dir < 2; dir++) {
      tries = 0;
      for (c = dir ? k + 1 : k - 1; dir ? c < b0 : (c + 1 > a0 && c != VB_NONE); c = dir ? c + 1 : c - 1) {
        int weak = is_cue(X, c) && (CUE(c)->flags & VB_CUE_WEAK) &&
                   !((CUE(c)->flags & VB_CUE_ING) && c > 0 && is_ch(X, c - 1, ',')) &&
                   !(CUE(c)->flags & VB_CUE_BASE);
        size_t l2;
        if (is_cue(X, c) && (CUE(c)->flags & VB_CUE_ING) && c > 0 && is_word(X, c - 1) &&
            (X->wc[c - 1] & VB_W_BOUND)) weak = 1;                       /* of asking */
        if (is_cue(X, c) && !weak && (CUE(c)->flags & VB_CUE_BASE) && !base_subject(X, c)) weak = 1;
        if (weak && is_cue(X, c) && !(CUE(c)->flags & (VB_CUE_BASE | VB_CUE_ING)) && c > 0 &&
            ((is_capword(X, c - 1) && !(X->wc[c - 1] & (VB_W_STOP | VB_W_TITLE)) && !(TK(c - 1)->flags & VB_T_POSS)) ||
             (is_pron(X, c - 1) && pron_gender(X, c - 1))))
          weak = 0;                                                  /* "The New York Post reports" */
        if (!is_cue(X, c) || weak) { if (!dir && c == 0) break; continue; }
        if (title < 0) title = title_case(X->s, q);
        if (title && !(CUE(c)->flags & VB_CUE_CALL)) break;
        l2 = a0 > 0 ? a0 - 1 : VB_NONE;
        for (size_t z = c; z-- > a0;) if (is_quote(X, z) && z != k) { l2 = z; break; }
        if (c > k && (l2 == VB_NONE || l2 < k)) l2 = k;
        p = cue_speaker(X, c, l2, c < k ? k : b0, sb);
        if (p.ok && !(p.a <= k && k <= p.b)) {
          /* nested reports ("Lynch said she recalled …"): the outer speaker owns the sentence */
          for (int hop = 0; hop < OUTER_HOPS && c < k && p.a > a0 && !p.rel; hop++) {
            size_t c2;
            np p2;
            for (c2 = p.a; c2-- > a0;) if (is_quote(X, c2) || (is_cue(X, c2) && usable_cue(X, c2))) break;
            if (c2 == VB_NONE || c2 < a0 || is_quote(X, c2) || !is_cue(X, c2)) break;
            p2 = cue_speaker(X, c2, l2, p.a, sb);
            if (!p2.ok || p2.b >= p.a) break;
            c = c2; p = p2;
          }
          attribute(X, qi, c, p, c < k ? 0.75 : 0.7, R_SAME_SENTENCE);
          return;
        }
        if (++tries == 3 || (!dir && c == 0)) break;
      }
    }
  }
  /* R4: a possessive and a speech noun: his warning that …, Farley’s account */
  for (c = k; c-- > sb && k - c < 25;) {
    if (is_quote(X, c) || (is_cue(X, c) && !(CUE(c)->flags & VB_CUE_WEAK))) break;
    if (c > sb && speech_noun(X, c)) {
      size_t o = c - 1;
      if (is_word(X, o) && (TK(o)->flags & VB_T_POSS) && is_capword(X, o)) {
        size_t a = o;
        while (a > sb && is_capword(X, a - 1) && !(TK(a - 1)->flags & VB_T_POSS) && !(X->wc[a - 1] & VB_W_STOP)) a--;
        p.a = a; p.b = o; p.ok = 1; p.rel = 0;
        attribute(X, qi, c, p, 0.6, R_POSSESSIVE_NOUN);
        return;
      }
      if (is_word(X, o) && (vb_tok_is(X->s, TK(o), "his") || vb_tok_is(X->s, TK(o), "her") ||
                            vb_tok_is(X->s, TK(o), "their") || vb_tok_is(X->s, TK(o), "its"))) {
        p.a = p.b = o; p.ok = 1; p.rel = 0;
        attribute(X, qi, c, p, 0.5, R_POSSESSIVE_NOUN);
        return;
      }
    }
  }
}

/* Normalized fingerprint of a quote's words: letters and digits, lower-cased. */
static unsigned quote_print(const char *s, const vb_quote *q, size_t *len) {
  unsigned h = 2166136261u;
  size_t n = 0;
  /* the first 160 letters: enough to pair a pull quote with its source (often cut short) */
  for (size_t i = q->istart; i < q->iend && n < 160; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) { h = (h ^ c) * 16777619u; n++; }
  }
  *len = n;
  return h;
}

/* A cheap key: the first 32 bytes of the words (a pull quote repeats its twin's start). */
static unsigned quote_key(const char *s, const vb_quote *q, size_t *len) {
  size_t n = q->iend > q->istart ? q->iend - q->istart : 0;
  *len = n < 32 ? n : 32;
  return vb_word_hash(s + q->istart, *len);
}

static int same_words(const char *s, const vb_quote *a, const vb_quote *b) {
  size_t la, lb;
  unsigned ha = quote_print(s, a, &la), hb = quote_print(s, b, &lb);
  return ha == hb && la == lb && la >= 20;
}

static size_t para_of(const ctx *X, size_t k, size_t *pi) {
  while (*pi + 1 < X->T.para.n && X->T.para.v[*pi + 1] <= k) (*pi)++;
  return *pi;
}

/* Continuations: an uncued quote right after an attributed one, in the same or the next
 * paragraph, goes on with the same speaker (unless another cue comes between them). */
static void continuations(ctx *X, const size_t *qpara) {
  vb_analysis *A = X->A;
  size_t nq = A->qs.q.n;
  for (size_t i = 1; i < nq && !X->oom; i++) {
    vb_attr *at = &A->attr.v[i], *pv = &A->attr.v[i - 1];
    size_t k = X->qtok.v[i], kp = X->qtok.v[i - 1];
    const vb_quote *q = &A->qs.q.v[i];
    if (at->rule || !pv->rule || k == VB_NONE || kp == VB_NONE || q->kind == VB_TERM) continue;
    if (A->qs.q.v[i - 1].kind == VB_TERM) continue;
    if (qpara[i] == qpara[i - 1] ||
        (qpara[i] == qpara[i - 1] + 1 && (TK(k)->flags & VB_T_PARA) && !(pv->cue.start != VB_NONE && pv->cue.start > A->qs.q.v[i].start))) {
      /* no other speaker named between them */
      int other = 0;
      for (size_t z = kp + 1; z < k && z < kp + 2 * WIN; z++)
        if (is_cue(X, z) && !(CUE(z)->flags & VB_CUE_WEAK) && (pv->cue.start == VB_NONE || TK(z)->start != pv->cue.start)) { other = 1; break; }
      if (other) continue;
      *at = *pv;
      at->confidence = pv->confidence * 0.85;
      at->rule = R_CONTINUATION;
    }
  }
}

/* Rules that read a cue or a signature right next to the quote. */
static int strong_rule(const char *r) {
  return r == R_CUE_AFTER || r == R_CUE_AFTER_INVERTED || r == R_CUE_BEFORE || r == R_ACCORDING_TO ||
         r == R_COLON_NAME || r == R_COLON_INTRO || r == R_CUE_NEXT_SENTENCE || r == R_DASH_NAME;
}

static void pass_quotes(ctx *X) {
  vb_analysis *A = X->A;
  size_t nq = A->qs.q.n, si = 0, pi = 0;
  VB_VEC(size_t) qpara = {0}, qsb = {0};
  if (vb_vgrow(&qpara, nq + 1) || vb_vgrow(&qsb, nq + 1)) { X->oom = 1; vb_vfree(&qpara); return; }
  for (size_t i = 0; i < nq; i++) {
    size_t k = X->qtok.v[i], sb, se;
    qpara.v[i] = VB_NONE;
    if (k == VB_NONE) continue;
    while (si + 1 < X->T.sent.n && X->T.sent.v[si + 1] <= k) si++;
    sb = X->T.sent.n ? X->T.sent.v[si] : 0;
    se = si + 1 < X->T.sent.n ? X->T.sent.v[si + 1] : NT;
    qpara.v[i] = para_of(X, k, &pi);
    qsb.v[i] = sb;
    attribute_direct(X, i, k, sb, se);
    if (X->oom) break;
  }
  continuations(X, qpara.v);
  /* twins: a pull quote repeats words attributed elsewhere */
  size_t left = 0;                                     /* nothing left to pair: skip the pass */
  for (size_t i = 0; i < nq; i++) left += !A->attr.v[i].rule && A->qs.q.v[i].kind != VB_TERM;
  if (!X->oom && nq > 1 && left) {
    smap prints = {0};
    for (size_t i = 0; i < nq; i++) {
      const vb_quote *q = &A->qs.q.v[i];
      size_t len;
      unsigned h;
      if (!A->attr.v[i].rule || q->kind == VB_TERM) continue;
      h = quote_key(X->s, q, &len);
      if (len < 20) continue;
      {
        /* key the map by the fingerprint itself: store it as a fake span of 0 length */
        size_t i2;
        if (!prints.e || (prints.n + 1) * 2 > prints.mask + 1) {
          size_t cap = prints.e ? (prints.mask + 1) * 2 : 64;
          sment *e = calloc(cap, sizeof *e);
          if (!e) { X->oom = 1; break; }
          for (size_t z = 0; prints.e && z <= prints.mask; z++) {
            if (!prints.e[z].h) continue;
            for (i2 = prints.e[z].h & (cap - 1); e[i2].h; i2 = (i2 + 1) & (cap - 1)) {}
            e[i2] = prints.e[z];
          }
          free(prints.e); prints.e = e; prints.mask = cap - 1;
        }
        for (i2 = h & prints.mask; prints.e[i2].h && !(prints.e[i2].h == h && prints.e[i2].len == len); i2 = (i2 + 1) & prints.mask) {}
        if (!prints.e[i2].h) { prints.e[i2].h = h; prints.e[i2].len = len; prints.e[i2].v = (int)i; prints.n++; }
      }
    }
    for (size_t i = 0; i < nq && prints.e; i++) {
      const vb_quote *q = &A->qs.q.v[i];
      size_t len, i2;
      unsigned h;
      if (A->attr.v[i].rule || q->kind == VB_TERM) continue;
      h = quote_key(X->s, q, &len);
      if (len < 20) continue;
      for (i2 = h & prints.mask; prints.e[i2].h; i2 = (i2 + 1) & prints.mask)
        if (prints.e[i2].h == h && prints.e[i2].len == len && same_words(X->s, q, &A->qs.q.v[prints.e[i2].v])) {
          vb_attr *src = &A->attr.v[prints.e[i2].v];
          A->attr.v[i] = *src;
          A->attr.v[i].confidence = src->confidence * 0.9;
          A->attr.v[i].rule = R_TWIN;
          break;
        }
    }
    smap_free(&prints);
  }
  continuations(X, qpara.v);
  /* last resorts, with low confidence: the subject of the quote's own sentence, else the
   * latest speaker of the passage (same or previous paragraph) */
  /* carried along instead of walking back over the earlier quotes of the paragraph: the
   * latest attributed quote (not a term) and the latest quote outside any paragraph;
   * this loop only sets quote i, so both are settled once i has passed */
  size_t lastat = VB_NONE, lastnone = VB_NONE, cz = VB_NONE, cz0 = 0;
  for (size_t i = 0; i < nq && !X->oom; i++) {
    vb_attr *at = &A->attr.v[i];
    size_t k = X->qtok.v[i];
    const vb_quote *q = &A->qs.q.v[i];
    np p;
    if (i > 0) {
      if (qpara.v[i - 1] == VB_NONE) lastnone = i - 1;
      if (A->attr.v[i - 1].rule && A->qs.q.v[i - 1].kind != VB_TERM) lastat = i - 1;
    }
    if (at->rule || k == VB_NONE || q->kind == VB_TERM) continue;
    /* not "the bill’s “fast lane” clause", not "the so-called “green corridor”": names, not speech */
    if (k > qsb.v[i] && !(TK(k - 1)->flags & VB_T_POSS) &&
        !(is_word(X, k - 1) && ((X->wc[k - 1] & VB_W_DET) || vb_tok_is(X->s, TK(k - 1), "so-called")) &&
          vb_quote_words(X->s, &A->qs, q) <= 3)) {
      p = np_subject(X, qsb.v[i], k);
      if (p.ok && p.b < k) { attribute(X, i, VB_NONE, p, 0.35, R_SENTENCE_SUBJECT); continue; }
    }
    /* quotes come in text order, so the paragraphs between lastat and i only grow */
    if (lastat != VB_NONE && (lastnone == VB_NONE || lastat > lastnone) && qpara.v[i] != VB_NONE &&
        qpara.v[lastat] + 1 >= qpara.v[i]) {
      *at = A->attr.v[lastat];
      at->confidence = 0.3;
      at->rule = R_NEARBY;
    }
    if (!at->rule) {
      /* the latest cue of this or the previous paragraph, outside quotes: its speaker */
      size_t npara = 0;
      for (size_t z = k; z-- > 0 && k - z < 4 * WIN;) {
        if (TK(z + 1)->flags & VB_T_PARA && ++npara > 1) break;
        if (is_cue(X, z) && !(CUE(z)->flags & VB_CUE_WEAK)) {
          /* the cue's sentence start; the scan stops at the last cue's, which the cues of
           * a long sentence share */
          size_t z0 = z;
          while (z0 > 0 && !starts_sent(X, z0) && !(cz != VB_NONE && z0 == cz)) z0--;
          if (cz != VB_NONE && z0 == cz) z0 = cz0;
          cz = z; cz0 = z0;
          p = cue_speaker(X, z, z0 > 0 ? z0 - 1 : VB_NONE, k, z0);
          if (p.ok) attribute(X, i, z, p, 0.3, R_PREVIOUS_CUE);
          break;
        }
      }
    }
  }
  /* kinds: a short quote or a title that no cue next to it gives to anyone is a term
   * (a scare quote, a show, a slogan); a term that a cue in its sentence gives to
   * someone is a partial quote */
  for (size_t i = 0; i < nq; i++) {
    vb_quote *q = &A->qs.q.v[i];
    vb_attr *at = &A->attr.v[i];
    int strong = at->rule && strong_rule(at->rule);
    /* a whole short sentence that carries on from the speaker's quote ("Staffing is.") */
    int goes_on = (at->rule == R_CONTINUATION || at->rule == R_NEARBY) && full_sentence(X->s, q);
    if (q->kind == VB_TERM && (strong || (at->rule && (at->rule == R_SAME_SENTENCE || at->rule == R_POSSESSIVE_NOUN))))
      q->kind = VB_PARTIAL;
    else if (q->kind != VB_TERM && q->kind != VB_BLOCK && !strong && !goes_on && title_case(X->s, q))
      q->kind = VB_TERM;
    else if (q->kind != VB_TERM && q->kind != VB_BLOCK && (!at->rule || at->rule == R_NEARBY) &&
             vb_quote_words(X->s, &A->qs, q) <= 3 && !goes_on)
      q->kind = VB_TERM;
    if (q->kind == VB_TERM) { *at = (vb_attr){-1, nospan, nospan, 0, NULL}; }
  }
  vb_vfree(&qpara);
  vb_vfree(&qsb);
}

/* ---------------------------------------------------------------- indirect speech */

/* Reported speech without marks, one item per sentence that has no quote: "X said (that)
 * CLAUSE." gives the clause; "CLAUSE, X said." the clause before. Appended to the quotes,
 * which are then put back in text order (parents and attributions follow). */
static void find_indirect(ctx *X) {
  vb_analysis *A = X->A;
  size_t first = A->qs.q.n;
  vb_lines L = {0};
  for (size_t si = 0; si < X->T.sent.n && !X->oom; si++) {
    size_t sb = X->T.sent.v[si], se = si + 1 < X->T.sent.n ? X->T.sent.v[si + 1] : NT, c, a = 0, b = 0, words = 0, k;
    np p = {0};
    for (k = sb; k < se && !is_quote(X, k); k++) {}
    if (k < se || se - sb < 6 || se - sb > 120) continue;
    for (c = sb; c < se; c++) if (is_cue(X, c) && usable_cue(X, c) && !(CUE(c)->flags & (VB_CUE_CALL | VB_CUE_ING))) break;
    if (c >= se) continue;
    p = cue_speaker(X, c, sb > 0 ? sb - 1 : VB_NONE, se, sb);
    if (!p.ok) continue;
    if (CUE(c)->flags & VB_CUE_ACC) {                 /* According to X (XX), CLAUSE. */
      a = p.b + 1;
      if (a < se && is_ch(X, a, '(')) { while (a < se && !is_ch(X, a, ')')) a++; a++; }
      if (a < se && is_ch(X, a, ',')) a++;
      b = se;
    } else if (p.a > c) {                             /* CLAUSE, said X. */
      a = sb; b = c;
    } else if (p.a > sb + 1 && is_ch(X, p.a - 1, ',')) {
      size_t e = c + (size_t)CUE(c)->len;
      while (e < se && (X->wc[e] & VB_W_TIME)) e++;
      if (e + 1 >= se) { a = sb; b = p.a - 1; }      /* CLAUSE, X said. */
      else if (is_ch(X, e, ',')) { a = sb; b = se; } /* PART, X said, PART: the sentence */
      else continue;                                 /* "A former judge, Arthur said …": an aside */
    } else {                                          /* X said (that) CLAUSE. */
      a = c + (size_t)CUE(c)->len;
      while (a < se && (X->wc[a] & VB_W_TIME)) a++;
      if (a < se && vb_tok_is(X->s, TK(a), "that")) a++;
      b = se;
    }
    while (b > a && (TK(b - 1)->flags & VB_T_PUNCT)) b--;
    for (k = a; k < b; k++) words += is_word(X, k);
    if (words < 4) continue;
    {
      vb_quote q;
      vb_part part;
      memset(&q, 0, sizeof q);
      q.start = q.istart = TK(a)->start;
      q.end = q.iend = TK(b - 1)->end;
      q.part0 = A->qs.parts.n; q.nparts = 1;
      q.kind = VB_INDIRECT; q.parent = -1;
      part.start = part.istart = q.start; part.end = part.iend = q.end;
      if (vb_push(&A->qs.parts, part) || vb_push(&A->qs.q, q) || vb_vgrow(&A->attr, A->qs.q.n)) { X->oom = 1; break; }
      A->attr.v[A->attr.n++] = (vb_attr){-1, nospan, nospan, 0, NULL};
      attribute(X, A->qs.q.n - 1, c, p, 0.5, R_INDIRECT);
    }
  }
  if (X->oom || A->qs.q.n == first) return;
  if (vb_lines_build(&L, X->s, X->n)) { X->oom = 1; return; }
  for (size_t i = first; i < A->qs.q.n; i++) vb_lines_pos(&L, A->qs.q.v[i].start, &A->qs.q.v[i].line, &A->qs.q.v[i].col);
  vb_lines_free(&L);
  {
    /* back to text order: both runs are sorted (quotes by the finder, new items sentence by
     * sentence), so one merge orders them; then permute quotes, attributions and parents */
    size_t nq = A->qs.q.n, *ord = malloc(nq * sizeof *ord), *inv = malloc(nq * sizeof *inv);
    vb_quote *q2 = malloc(nq * sizeof *q2);
    vb_attr *a2 = malloc(nq * sizeof *a2);
    if (!ord || !inv || !q2 || !a2) { X->oom = 1; free(ord); free(inv); free(q2); free(a2); return; }
    for (size_t i = 0, x = 0, y = first; i < nq; i++)
      ord[i] = (y >= nq || (x < first && A->qs.q.v[x].start <= A->qs.q.v[y].start)) ? x++ : y++;
    for (size_t i = 0; i < nq; i++) inv[ord[i]] = i;
    for (size_t i = 0; i < nq; i++) {
      q2[i] = A->qs.q.v[ord[i]];
      if (q2[i].parent >= 0) q2[i].parent = (int)inv[q2[i].parent];
      a2[i] = A->attr.v[ord[i]];
    }
    memcpy(A->qs.q.v, q2, nq * sizeof *q2);
    memcpy(A->attr.v, a2, nq * sizeof *a2);
    free(ord); free(inv); free(q2); free(a2);
  }
}

/* ---------------------------------------------------------------- entry points */

/* 0; -1 when memory ran out; -2 - p when user cue pattern p (0-based) hit PCRE2's match
 * limits (see vb_cues_scan). */
int vb_analyze(const char *s, size_t n, const vb_aopts *o, vb_analysis *out) {
  ctx X;
  vb_cues *own = NULL;
  size_t nq;
  int rc = -1;
  memset(&X, 0, sizeof X);
  X.s = s; X.n = n; X.A = out;
  if (vb_quotes_find(s, n, o ? &o->q : NULL, &out->qs)) return -1;
  X.C = o && o->cues ? o->cues : NULL;
  if (!X.C) {
    own = vb_cues_new(NULL, NULL, 0, NULL, 0);
    if (!own) return -1;
    X.C = own;
  }
  nq = out->qs.q.n;
  /* nested quotes are reported but not tokenized: the tokenizer takes the outer ones */
  {
    vb_quotes top = out->qs;
    VB_VEC(vb_quote) tq = {0};
    VB_VEC(size_t) map = {0};
    size_t nested = 0;
    for (size_t i = 0; i < nq; i++) nested += out->qs.q.v[i].parent >= 0;
    if (nested) {                      /* only then a list of the outer ones (the usual case has none) */
      for (size_t i = 0; i < nq; i++) if (out->qs.q.v[i].parent < 0) {
        if (vb_push(&tq, out->qs.q.v[i]) || vb_push(&map, i)) { X.oom = 1; break; }
      }
      top.q.v = tq.v; top.q.n = tq.n; top.q.cap = tq.cap;
    }
    if (X.oom || vb_tokens_build_words(s, n, &top, vb_cues_words(X.C), &X.T) || vb_vgrow(&X.qtok, nq + 1)) X.oom = 1;
    if (!X.oom) {
      for (size_t i = 0; i < nq; i++) X.qtok.v[i] = VB_NONE;
      X.qtok.n = nq;
      for (size_t j = 0; j < X.T.quotes.n; j++) {
        size_t k = X.T.quotes.v[j], qi = (size_t)X.T.t.v[k].q;
        X.qtok.v[nested ? map.v[qi] : qi] = k;
      }
    }
    vb_vfree(&tq);
    vb_vfree(&map);
  }
  if (X.oom) goto done;
  X.wc = malloc((X.T.t.n + 1) * sizeof *X.wc);
  X.nonq = malloc((X.T.t.n + 1) * sizeof *X.nonq);
  if (!X.nonq) goto done;
  X.nonq[X.T.t.n] = X.T.t.n;
  for (size_t k = X.T.t.n; k-- > 0;) X.nonq[k] = (X.T.t.v[k].flags & VB_T_QUOTE) ? X.nonq[k + 1] : k;
  if (!X.wc) goto done;
  {
    /* a user pattern that ran into PCRE2's limits: its code (-2 - pattern) goes back out */
    int sc = vb_cues_scan(X.C, s, n, &X.T, X.wc);
    if (sc) { rc = sc; goto done; }
  }
  if (vb_vgrow(&out->attr, nq + 1)) goto done;
  for (size_t i = 0; i < nq; i++) out->attr.v[i] = (vb_attr){-1, nospan, nospan, 0, NULL};
  out->attr.n = nq;
  pass_names(&X);
  if (X.oom) goto done;
  pass_quotes(&X);
  if (X.oom) goto done;
  if (o && o->indirect) find_indirect(&X);
  if (X.oom) goto done;
  if (vb_sources_build(s, out)) X.oom = 1;
  if (!X.oom) rc = 0;
done:
  free(X.wc);
  free(X.nonq);
  vb_tokens_free(&X.T);
  vb_vfree(&X.m);
  vb_vfree(&X.qtok);
  smap_free(&X.full); smap_free(&X.last); smap_free(&X.acr); smap_free(&X.groups);
  vb_cues_free(own);
  return rc;
}

void vb_analysis_free(vb_analysis *a) {
  vb_quotes_free(&a->qs);
  vb_vfree(&a->attr);
  vb_vfree(&a->ent);
  vb_vfree(&a->src);
  vb_vfree(&a->srcq);
  vb_vfree(&a->unattributed);
}

size_t vb_name_copy(char *out, const char *s, vb_span sp) {
  size_t n = 0;
  int gap = 0;
  if (sp.start == VB_NONE || sp.end <= sp.start) return 0;
  for (size_t i = sp.start; i < sp.end; i++) {
    unsigned char c = (unsigned char)s[i];
    /* a line break, a tab or a no-break space (U+00A0) between the words of a name */
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
        (c == 0xC2 && i + 1 < sp.end && (unsigned char)s[i + 1] == 0xA0)) {
      if (c == 0xC2) i++;
      gap = 1;
      continue;
    }
    if (gap && n) out[n++] = ' ';
    gap = 0;
    out[n++] = (char)c;
  }
  return n;
}

char **vb_speaker_names(const vb_analysis *a, const char *s) {
  size_t n = a->qs.q.n, bytes = 0;
  char **names, *p;
  if (!n || n > SIZE_MAX / sizeof *names / 2) return NULL;
  for (size_t i = 0; i < n; i++) {
    int e = a->attr.v[i].entity;
    if (e >= 0 && a->ent.v[e].name.start != VB_NONE) bytes += a->ent.v[e].name.end - a->ent.v[e].name.start + 1;
  }
  if (!(names = calloc(1, n * sizeof *names + bytes))) return NULL;
  p = (char *)(names + n);
  for (size_t i = 0; i < n; i++) {
    int e = a->attr.v[i].entity;
    vb_span sp;
    if (e < 0) continue;
    sp = a->ent.v[e].name;
    if (sp.start == VB_NONE || sp.end < sp.start) continue;
    names[i] = p;
    p += vb_name_copy(p, s, sp);
    *p++ = '\0';
  }
  return names;
}

vb_span vb_speaker_name(const vb_analysis *a, size_t i) {
  if (i >= a->attr.n) return nospan;
  if (a->attr.v[i].entity >= 0) return a->ent.v[a->attr.v[i].entity].name;
  return a->attr.v[i].mention;
}
