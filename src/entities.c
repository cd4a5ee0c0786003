/* entities.c: pass 1 of attribution, one walk over the tokens in text order. Name runs
 * become entities (people, organisations, groups): titles, honorifics, possessive
 * owners, appositives, relative clauses and acronyms give role and organisation; he and
 * she are tied to the latest compatible subject, which also teaches their gender. Names
 * are looked up in span maps: hash tables keyed by byte spans of the text. */
#include <stdlib.h>
#include <string.h>
#include "attrib_int.h"

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

unsigned vb_span_hash(const ctx *X, size_t a, size_t b) { return span_hash(X, a, b); }

/* The hash of the span from word token k's start to byte b: the token's own when the
 * span is the token (the tokenizer hashed it the same way). */
static inline unsigned tok_span_hash(const ctx *X, size_t k, size_t b) {
  return b == TK(k)->end && (TK(k)->flags & VB_T_WORD) ? TK(k)->hash : span_hash(X, TK(k)->start, b);
}

/* vb_smap_geth, inline in this file's passes, which ask the maps many times a name */
static inline int smap_geth(const ctx *X, const smap *M, size_t a, size_t b, unsigned h, int fold) {
  if (!M->e) return -1;
  for (size_t i = h & M->mask; M->e[i].h; i = (i + 1) & M->mask)
    if (M->e[i].h == h && span_eq(X->s, M->e[i].start, M->e[i].len, a, b - a, fold)) return M->e[i].v;
  return -1;
}

int vb_smap_get(const ctx *X, const smap *M, size_t a, size_t b, int fold) {
  return M->e ? smap_geth(X, M, a, b, span_hash(X, a, b), fold) : -1;
}

int vb_smap_geth(const ctx *X, const smap *M, size_t a, size_t b, unsigned h, int fold) {
  return smap_geth(X, M, a, b, h, fold);
}

void vb_smap_put(ctx *X, smap *M, size_t a, size_t b, int fold, int v) {
  vb_smap_puth(X, M, a, b, span_hash(X, a, b), fold, v);
}

void vb_smap_puth(ctx *X, smap *M, size_t a, size_t b, unsigned h, int fold, int v) {
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

void vb_smap_free(smap *M) { free(M->e); M->e = NULL; M->n = 0; }

/* A subject pronoun with a contraction: he’s, she's, it’s, they’re, I’m. Returns the
 * length of the pronoun, 0 if the token is something else. */
size_t vb_contracted_pron(const ctx *X, size_t k) {
  static const char *const prons[] = {"he", "she", "it", "they", "we", "i", "you", NULL};
  static const unsigned char plen[] = {2, 3, 2, 4, 2, 1, 3};   /* their lengths */
  const vb_tok *t = TK(k);
  size_t n = t->end - t->start;
  if (n < 3 || n > 9) return 0;
  for (int i = 0; prons[i]; i++) {
    size_t m = plen[i], z;
    if (m >= n) continue;
    for (z = 0; z < m; z++) if ((X->s[t->start + z] | 0x20) != prons[i][z]) break;
    if (z < m) continue;
    if (X->s[t->start + m] == '\'' || ((unsigned char)X->s[t->start + m] == 0xE2 && m + 2 < n &&
                                       (unsigned char)X->s[t->start + m + 2] == 0x99))
      return m;
  }
  return 0;
}

/* (pron_gender and ent_new, inline in pass 1, which asks them at every pronoun and name) */
static inline int pron_gender(const ctx *X, size_t k) {
  size_t m;
  if (X->wc[k] & VB_W_MALE) return 'm';
  if (X->wc[k] & VB_W_FEMALE) return 'f';
  if (!(X->wc[k] & VB_W_PRON) && is_word(X, k) && (TK(k)->flags & VB_T_APOS) && (m = vb_contracted_pron(X, k)) != 0)
    return m == 2 && (X->s[TK(k)->start] | 0x20) == 'h' ? 'm' : m == 3 && (X->s[TK(k)->start] | 0x20) == 's' ? 'f' : 0;
  return 0;
}
int vb_pron_gender(const ctx *X, size_t k) { return pron_gender(X, k); }

/* Skip, forwards, words that may stand between a speaker and the cue (also, has, on Friday). */
static size_t skip_fwd(const ctx *X, size_t j, size_t hi) {
  for (int g = 0; g < 5 && j < hi && is_word(X, j) && (X->wc[j] & (VB_W_SKIP | VB_W_TIME)) && !is_cue(X, j); g++) j++;
  return j;
}

static inline int ent_new(ctx *X, vb_ekind kind, size_t a, size_t b) {
  vb_entity e;
  e.name.start = a; e.name.end = b;
  e.role = e.org = e.org_long = nospan;
  e.kind = kind;
  e.gender = 0;
  if (vb_push(&X->A->ent, e) || vb_push(&X->sur_next, -1)) { X->oom = 1; return -1; }
  return (int)X->A->ent.n - 1;
}
int vb_ent_new(ctx *X, vb_ekind kind, size_t a, size_t b) { return ent_new(X, kind, a, b); }

static inline void push_ment(ctx *X, size_t a, size_t b, int ent, int subj, int person, int pron) {
  ment m;
  m.a = a; m.b = b; m.ent = ent; m.subj = (unsigned char)subj; m.person = (unsigned char)person;
  m.pron = (unsigned char)pron;
  if (vb_push(&X->m, m)) X->oom = 1;
}

/* vb_ment_at (attrib_int.h) before the block index is made: by binary search (mentions
 * are in token order). */
const ment *vb_ment_search(const ctx *X, size_t k) {
  size_t lo = 0, len = X->m.n;
  /* the first mention ending at k or later: a search with no branch on the comparisons
   * (a conditional move each step), since which way each step goes is a coin toss */
  while (len > 1) {
    size_t half = len / 2;
    lo = X->m.v[lo + half - 1].b < k ? lo + half : lo;
    len -= half;
  }
  if (len == 1 && X->m.v[lo].b < k) lo++;
  if (lo < X->m.n && X->m.v[lo].a <= k && X->m.v[lo].b >= k) return &X->m.v[lo];
  return NULL;
}

static size_t org_long_of(ctx *X, size_t a, size_t b) {
  int e = vb_smap_get(X, &X->acr, a, b, 0);
  return e >= 0 ? (size_t)e : VB_NONE;
}

void vb_set_org(ctx *X, int e, size_t a, size_t b) {
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
static inline int plural_apos_at(const ctx *X, size_t k);
/* plural_apos_at's first test, inline: most tokens asked about are words */
static inline int plural_apos(const ctx *X, size_t k) {
  return k > 0 && k + 1 < NT && (TK(k)->flags & VB_T_PUNCT) && plural_apos_at(X, k);
}
int vb_name_apos(const ctx *X, size_t k) {
  size_t z;
  if (!plural_apos(X, k)) return 0;
  if (!is_capword(X, k + 2) || starts_sent(X, k + 2)) return 1;
  for (z = k + 1; z < k + 6 && is_capword(X, z) && !starts_sent(X, z); z++)
    if (X->wc[z] & VB_W_ORG) return 1;
  return 0;
}

/* The apostrophe of a capitalised plural's possessive before a capitalised word: inside
 * a name (name_apos) or before a body's person (Democracy Corps’ Stan Greenberg).
 * (inline: a few tests, asked at every mark after a capitalised word) */
static inline int plural_apos_at(const ctx *X, size_t k) {
  const vb_tok *t, *p;
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

/* A word of class cl among the capitalised words of [a..e] (a lower-case first word apart). */
static int has_class(const ctx *X, size_t a, size_t e, unsigned cl) {
  for (size_t k = a; k <= e && k < NT; k++) {
    if (!is_word(X, k)) return 0;
    if (!(TK(k)->flags & (VB_T_CAP | VB_T_UPPER))) { if (k > a) return 0; continue; }
    if (X->wc[k] & cl) return 1;
  }
  return 0;
}

/* A capitalized run [a..e]: maximal, joined by of/for/the (and "and" inside organisations). */
size_t vb_run_end(const ctx *X, size_t a) {
  size_t e = a;
  int org = (X->wc[a] & VB_W_ORG) != 0, conn = 0;
  for (;;) {
    size_t j = e + 1;
    if (TK(e)->flags & VB_T_POSS) break;
    /* a headline's speech verb ends a name: "Lindqvist Says Reyes Has …" */
    if (is_capword(X, j) && !starts_sent(X, j) && !is_cue(X, j)) { e = j; org |= (X->wc[j] & VB_W_ORG) != 0; continue; }
    if (plural_apos(X, j) && vb_name_apos(X, j)) { e = j + 1; org |= (X->wc[j + 1] & VB_W_ORG) != 0; continue; }
    if (conn < 3 && is_lowword(X, j) && (X->wc[j] & VB_W_CONN) &&
        !starts_sent(X, j)) {
      size_t j2 = j + 1;
      int isand = vb_tok_is(X->s, TK(j), "and") || vb_tok_is(X->s, TK(j), "&");
      int isthe = vb_tok_is(X->s, TK(j), "the");
      if (isthe && !(e > a && is_lowword(X, e))) break;
      if (isand && !org) break;
      if (vb_tok_is(X->s, TK(j), "of") || vb_tok_is(X->s, TK(j), "for")) {
        if (is_word(X, j2) && vb_tok_is(X->s, TK(j2), "the")) j2++;
        /* "Bank of America", "Secretary of State", "Center for …": a body or an office
         * takes "of"; a person does not ("Mr. Quill of Mrs. Dorn", "Sanders of Vermont") */
        if (is_word(X, j2) && (X->wc[j2] & (VB_W_HONOR | VB_W_TITLE)) && !(X->wc[j2] & VB_W_ORG)) break;
        if (!org && !has_class(X, a, e, VB_W_TITLE) && !has_class(X, j2, j2 + 4 < NT ? j2 + 4 : NT - 1, VB_W_ORG)) break;
      }
      if (is_capword(X, j2) && !starts_sent(X, j2)) { e = j2; conn++; org |= (X->wc[j2] & VB_W_ORG) != 0; continue; }
    }
    break;
  }
  return e;
}

static inline int has_org_word(const ctx *X, size_t a, size_t e) {
  for (size_t k = a; k <= e; k++) if (X->wc[k] & VB_W_ORG) return 1;
  return 0;
}

int vb_has_org_word(const ctx *X, size_t a, size_t e) { return has_org_word(X, a, e); }

/* The word classes of a possessive's owner (president’s -> president). */
static unsigned base_class(const ctx *X, size_t k) {
  vb_tok t = *TK(k);
  t.end = base_end(X, k);
  t.flags &= ~(unsigned)VB_T_POSS;
  t.hash = vb_word_hash(X->s + t.start, t.end - t.start);
  return vb_cues_wclass(X->C, X->s, &t);
}

/* The gender a noun says its holder has (chairwoman, son, actress), or 0. */
static int gender_noun(const ctx *X, size_t k) {
  if (!is_word(X, k)) return 0;
  return (X->wc[k] & VB_W_MNOUN) ? 'm' : (X->wc[k] & VB_W_FNOUN) ? 'f' : 0;
}

/* What the text says of a person's gender is kept by the first telling. */
static void teach_gender(ctx *X, int e, int g) {
  if (e >= 0 && g && X->A->ent.v[e].kind == VB_ENT_PERSON && !X->A->ent.v[e].gender) X->A->ent.v[e].gender = g;
}

/* Appositive after a name: ", a senior fellow at the Center for Immigration Studies (CIS),"
 * or ", CIS’s director of policy studies,". Gives role and organisation. */
static void appositive(ctx *X, int e, size_t i, size_t hi) {
  size_t lim = i + APPOS < hi ? i + APPOS : hi, end, r0, r1 = VB_NONE, k;
  vb_entity *E;
  if (e < 0 || i >= lim || !is_word(X, i) || (X->wc[i] & VB_W_REL)) return;
  for (end = i; end < lim && is_word(X, end); end++) {}
  for (k = i; k < end; k++) teach_gender(X, e, gender_noun(X, k));   /* ", the board’s chairwoman," */
  if (i < end && (X->wc[i] & VB_W_DET) && !(TK(i)->flags & VB_T_POSS)) {
    i++;
    /* "the council’s transport director": a body named in lower case owns the role, as
     * a capitalised one does below (the White House’s press secretary); after "the" only:
     * "his party’s nominee" names no body, nor does an office ("the president’s envoy") */
    if (i + 1 < end && vb_tok_is(X->s, TK(i - 1), "the") && (TK(i)->flags & VB_T_LOWER) &&
        (TK(i)->flags & VB_T_POSS) && (TK(i + 1)->flags & VB_T_LOWER) &&
        !(base_class(X, i) & (VB_W_STOP | VB_W_TIME | VB_W_TITLE))) {
      vb_set_org(X, e, TK(i)->start, base_end(X, i));
      i++;
    }
  }
  if (i >= end) return;
  E = &X->A->ent.v[e];
  if (is_capword(X, i) && !(X->wc[i] & VB_W_TITLE)) {
    size_t re = vb_run_end(X, i);
    if (X->wc[i] & (VB_W_STOP | VB_W_BOUND)) return;   /* "After the vote": a clause, not a role */
    if (re >= end) re = end - 1;
    if (TK(re)->flags & VB_T_POSS) {              /* CIS’s director of policy studies */
      vb_set_org(X, e, TK(i)->start, base_end(X, re));
      i = re + 1;
    } else if (re + 1 < end && (TK(re + 1)->flags & VB_T_LOWER)) {   /* the CIS scholar */
      vb_set_org(X, e, TK(i)->start, TK(re)->end);
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
        size_t re = vb_run_end(X, j);
        if (re >= end) re = end - 1;
        /* "co-chair for Sen. John McCain’s campaign": a titled person owns it, not a body */
        if ((TK(re)->flags & VB_T_POSS) && (X->wc[j] & (VB_W_TITLE | VB_W_HONOR)) && re + 1 < end &&
            (TK(re + 1)->flags & (VB_T_LOWER | VB_T_DIGIT))) { r1 = k; break; }
        r1 = k;
        vb_set_org(X, e, TK(j)->start, base_end(X, re));
        /* (IRLI) right after the organisation: the acronym names it */
        if (re + 3 < NT && is_ch(X, re + 1, '(') && (TK(re + 2)->flags & VB_T_UPPER) && is_ch(X, re + 3, ')')) {
          int o = vb_smap_get(X, &X->full, TK(j)->start, base_end(X, re), 0);
          if (o < 0) { o = ent_new(X, VB_ENT_ORG, TK(j)->start, base_end(X, re)); if (o >= 0) vb_smap_put(X, &X->full, TK(j)->start, base_end(X, re), 0, o); }
          if (o >= 0) vb_smap_put(X, &X->acr, TK(re + 2)->start, TK(re + 2)->end, 0, o);
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
static void rel_clause(ctx *X, int e, size_t i) {
  static const char *const verbs[] = {"chairs", "chaired", "heads", "headed", "leads", "led", "runs", "ran",
                                      "directs", "directed", "manages", "managed", "founded", "co-founded", NULL};
  size_t k = i + 1, j, re;
  int v;
  vb_entity *E;
  if (e < 0 || !is_word(X, i) || !vb_tok_is(X->s, TK(i), "who")) return;
  for (int g = 0; g < 2 && is_lowword(X, k) &&
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
  re = vb_run_end(X, j);
  if ((TK(re)->flags & VB_T_POSS) && is_word(X, re + 1)) return;   /* heads Acme’s legal team: not Acme */
  /* "led United States forces": the name qualifies a noun, it is not the body led */
  if (is_lowword(X, re + 1) && !is_cue(X, re + 1) &&
      !(X->wc[re + 1] & (VB_W_PREP | VB_W_BOUND | VB_W_CONN | VB_W_SKIP)))
    return;
  vb_set_org(X, e, TK(j)->start, base_end(X, re));
  E = &X->A->ent.v[e];
  if (v < 4 && E->role.start == VB_NONE) {                         /* chair, head */
    E->role.start = TK(k)->start;
    E->role.end = TK(k)->start + 4 + (v < 2);
  }
}

/* Mention m is the object of a word before it ("refused to endorse Mr. Trump", "an Obama
 * supporter"): a lower-case word right before it that opens no clause. */
static int object_mention(const ctx *X, const ment *m) {
  VB_WORDS(opens, "and", "but", "or", "while", "when", "as", "after", "before", "because",
                  "though", "although", "since", "if", "that", "until", "once");
  size_t z = m->a;
  while (z > 0 && m->a - z < 4 && is_capword(X, z - 1) && (X->wc[z - 1] & (VB_W_TITLE | VB_W_HONOR))) z--;   /* Mr., Sen. */
  return z > 0 && is_lowword(X, z - 1) && !words_in(X, z - 1, opens);
}

/* Resolve he/she at token k: the latest subject of compatible gender, else any person. */
int vb_resolve_pron(const ctx *X, size_t k, int g) {
  int any = -1, known = -1, seen = 0;
  size_t lo = 0, hi = X->m.n;
  /* the budget of 80 counts the mentions before k only: the second pass asks with every
   * mention of the text noted, the first with those before k */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (X->m.v[mid].a < k) lo = mid + 1; else hi = mid;
  }
  for (size_t i = lo; i-- > 0 && seen < 80; seen++) {
    const ment *m = &X->m.v[i];
    const vb_entity *E;
    if (m->ent < 0 || !m->person) continue;
    E = &X->A->ent.v[m->ent];
    if (E->kind != VB_ENT_PERSON || (g && E->gender && E->gender != g)) continue;
    /* a subject of unknown gender gives way to a nearer person known to be of the
     * pronoun's ("Sandvik noted … Mrs. Dahl tried … she used"), not to one its clause
     * only names ("Kasich, who refused to endorse Mr. Trump, said … “…,” he said") */
    if (m->subj) return g && !E->gender && known >= 0 ? known : m->ent;
    if (any < 0) any = m->ent;
    if (known < 0 && g && E->gender == g && !object_mention(X, m)) known = m->ent;
  }
  return any;
}

static inline int followed_by_cue(const ctx *X, size_t j) {
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

/* The person of gender g among e and the people met before it with its last name:
 * Mrs. Colley is not her son Jonah Colley. -1 when every one of them is of the other
 * gender (a body named like them answers for itself). */
static int same_surname(const ctx *X, int e, int g) {
  for (int z = e; z >= 0; z = X->sur_next.v[z]) {
    const vb_entity *E = &X->A->ent.v[z];
    if (E->kind != VB_ENT_PERSON) return z == e ? e : -1;
    if (!E->gender || E->gender == g) return z;
  }
  return -1;
}

/* The words the text writes in lower case somewhere (presently, poor), one bit a hash:
 * noted the first time a name's first word asks (few texts do). */
static void note_lower_words(ctx *X) {
  memset(X->lowbits, 0, sizeof X->lowbits);
  for (size_t z = 0; z < NT; z++)
    if ((TK(z)->flags & (VB_T_WORD | VB_T_LOWER)) == (VB_T_WORD | VB_T_LOWER))
      X->lowbits[(TK(z)->hash & 0xFFFF) >> 3] |= (unsigned char)(1u << (TK(z)->hash & 7));
  X->lowbits_for = &X->T;
}

static int low_seen(ctx *X, size_t k) {
  unsigned h = TK(k)->hash & 0xFFFF;
  if (X->lowbits_for != &X->T || X->lowbits_nt != NT) { note_lower_words(X); X->lowbits_nt = NT; }
  return (X->lowbits[h >> 3] >> (h & 7)) & 1;
}

/* "Hastily politicizing …,", "Shortly after …,", "Preceded at the lectern by …,", "Based on
 * …,", "Adding, “…”": a capitalised word alone opening its sentence that reads as an
 * adverb or a participle (-ly, -ing, -ed) and goes on as one (a comma, a preposition, a
 * determiner, another participle next), and that names no one known by a longer name, is
 * an opening word, not a speaker. */
int vb_opening_word(const ctx *X, size_t k, int ent) {
  const vb_tok *t = TK(k), *u;
  size_t n = t->end - t->start;
  const char *e = X->s + t->end;
  int adv;
  if (!starts_sent(X, k) || !is_capword(X, k) || is_pron(X, k) || (t->flags & (VB_T_UPPER | VB_T_POSS | VB_T_APOS)) ||
      (X->wc[k] & (VB_W_TITLE | VB_W_HONOR | VB_W_ORG | VB_W_SPEAKER | VB_W_QUANT)) || n < 4)
    return 0;
  if (ent >= 0 && X->A->ent.v[ent].name.end - X->A->ent.v[ent].name.start > n) return 0;
  adv = vb_opening_adverb(X, k);                 /* "Ahead of the vote,", "Soon after," (pwords.c) */
  if (!adv && (n < 5 || !((e[-2] == 'l' && e[-1] == 'y') || (e[-2] == 'e' && e[-1] == 'd') ||
                          (e[-3] == 'i' && e[-2] == 'n' && e[-1] == 'g'))))
    return 0;
  if (is_ch(X, k + 1, ',')) return 1;
  if (!is_word(X, k + 1) || is_icue(X, k + 1)) return 0;
  u = TK(k + 1);
  if (!(u->flags & VB_T_LOWER)) return 0;
  if (X->wc[k + 1] & VB_W_AUX) return 0;
  return adv || (X->wc[k + 1] & (VB_W_PREP | VB_W_DET | VB_W_BOUND)) ||
         (u->end - u->start > 4 && X->s[u->end - 3] == 'i' && X->s[u->end - 2] == 'n' && X->s[u->end - 1] == 'g') ||
         (e[-2] == 'l' && e[-1] == 'y' && u->end - u->start > 4 && X->s[u->end - 2] == 'e' && X->s[u->end - 1] == 'd');   /* Especially compared */
}

/* A capitalised word opening a sentence before a name is no part of it when it reads as
 * a modifier: an adverb in -ly the text also writes in lower case, or an adverb or a
 * word written in lower case elsewhere before a name the text knows without it
 * ("Presently Orla", "Poor Orla" once Orla Brennan is known; not "Marta Lindqvist" after
 * "Lindqvist", nor "Will Smith", whose name starts with the word). */
static int lead_modifier(ctx *X, size_t a, size_t e) {
  const vb_tok *t = TK(a);
  size_t n = t->end - t->start;
  int known = -1, ly;
  if (!starts_sent(X, a) || a >= e || (X->wc[a] & (VB_W_TITLE | VB_W_HONOR | VB_W_ORG)) ||
      (t->flags & (VB_T_UPPER | VB_T_POSS)))
    return 0;
  ly = n > 4 && X->s[t->end - 2] == 'l' && X->s[t->end - 1] == 'y';
  if (e == a + 1) {
    known = vb_smap_get(X, &X->first, TK(e)->start, base_end(X, e), 0);
    if (known < 0) known = vb_smap_get(X, &X->last, TK(e)->start, base_end(X, e), 0);
  }
  if (known >= 0) {
    const vb_entity *E = &X->A->ent.v[known];
    if (E->name.end - E->name.start >= n && !memcmp(X->s + E->name.start, X->s + t->start, n)) return 0;
    return ly || low_seen(X, a);             /* a first name is not written in lower case */
  }
  return ly && low_seen(X, a);
}

/* The run [a..e] is a heading in capitals on a line of its own: CHAPTER II */
static int heading_line(const ctx *X, size_t a, size_t e) {
  size_t i;
  if (!(TK(a)->flags & VB_T_UPPER)) return 0;
  for (size_t z = a; z <= e; z++) {
    const vb_tok *t = TK(z);
    if (!is_word(X, z)) return 0;
    if (!(t->flags & (VB_T_UPPER | VB_T_DIGIT)) && !(t->end - t->start == 1 && (t->flags & VB_T_CAP))) return 0;
  }
  for (i = TK(a)->start; i > 0 && (X->s[i - 1] == ' ' || X->s[i - 1] == '\t'); i--) {}
  if (i > 0 && X->s[i - 1] != '\n') return 0;
  for (i = TK(e)->end; i < X->n && (X->s[i] == ' ' || X->s[i] == '\t' || X->s[i] == '.' || X->s[i] == '\r'); i++) {}
  return i >= X->n || X->s[i] == '\n';
}

/* "her" before the noun it owns ("her own chart", "her report"), not the object of a verb
 * ("told her that", "gave her the chart") */
static int her_possessive(const ctx *X, size_t k) {
  size_t j = k + 1;
  if (!is_word(X, j) || !(TK(j)->flags & VB_T_LOWER)) return 0;
  if (vb_tok_is(X->s, TK(j), "own")) return 1;
  return !(X->wc[j] & (VB_W_BOUND | VB_W_DET | VB_W_PREP | VB_W_SKIP | VB_W_STOP)) && !is_icue(X, j);
}

/* "Harriet Colley and her son": the possessive after the name's "and" is the person's. */
static void and_possessive(ctx *X, int ent, size_t e) {
  size_t z = e + 1 + is_ch(X, e + 1, ',');
  if (is_word(X, z) && vb_tok_is(X->s, TK(z), "and") && is_word(X, z + 1) &&
      (vb_tok_is(X->s, TK(z + 1), "his") || vb_tok_is(X->s, TK(z + 1), "her")))
    teach_gender(X, ent, vb_tok_is(X->s, TK(z + 1), "his") ? 'm' : 'f');
}

/* "Ferris brought his own chart": his or her (a possessive) at k, in the clause of the
 * subject just named, tells that person's gender. */
static void subject_possessive(ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  const ment *m;
  size_t z;
  if (!X->m.n || (X->s[t->start] | 0x20) != 'h' ||
      !(vb_tok_is(X->s, t, "his") || (vb_tok_is(X->s, t, "her") && her_possessive(X, k))))
    return;
  m = &X->m.v[X->m.n - 1];
  if (!m->person || m->pron || m->ent < 0 || !m->subj || k <= m->b || k - m->b > 8) return;
  for (z = m->b + 1; z <= k; z++)
    if (starts_sent(X, z) || is_ch(X, z, ',') || is_quote(X, z) || is_capword(X, z)) return;
  teach_gender(X, m->ent, vb_tok_is(X->s, t, "his") ? 'm' : 'f');
}

/* Headline case ("A Bigger Threat To America"): a capitalised function word inside the
 * run a..e means it is no name. */
static int headline_case(const ctx *X, size_t a, size_t e) {
  for (size_t z = a + 1; z <= e; z++)
    if ((X->wc[z] & VB_W_STOP) && (TK(z)->flags & VB_T_CAP) && !(X->wc[z] & (VB_W_TITLE | VB_W_ORG))) return 1;
  return 0;
}

/* The tokens pass 1 stops at, into cand (NT of room): a sentence start, a pronoun, a
 * determiner, a capitalised word or one with an apostrophe (a superset of what it reads:
 * it tests each again). Gathered without a branch per token, so that the pass's walk
 * does not mispredict on the punctuation and plain words between them. No test of
 * VB_T_WORD: the tokenizer gives those flags to words only, and classes too (0 else). */
static size_t name_stops(const ctx *X, size_t *cand) {
  const unsigned F = VB_T_SENT | VB_T_APOS | VB_T_CAP | VB_T_UPPER, C = VB_W_PRON | VB_W_DET;
  const vb_tok *t = X->T.t.v;
  const unsigned *w = X->wc;
  size_t nc = 0, z = 0, n = NT;
  for (; z + 4 <= n; z += 4) {    /* four a turn: the loop's own steps are most of the work */
    cand[nc] = z;
    nc += ((t[z].flags & F) | (w[z] & C)) != 0;
    cand[nc] = z + 1;
    nc += ((t[z + 1].flags & F) | (w[z + 1] & C)) != 0;
    cand[nc] = z + 2;
    nc += ((t[z + 2].flags & F) | (w[z + 2] & C)) != 0;
    cand[nc] = z + 3;
    nc += ((t[z + 3].flags & F) | (w[z + 3] & C)) != 0;
  }
  for (; z < n; z++) {
    cand[nc] = z;
    nc += ((t[z].flags & F) | (w[z] & C)) != 0;
  }
  return nc;
}

/* Pass 1 over the tokens cand[0 .. nc) (name_stops), in text order. */
static void walk_names(ctx *X, const size_t *cand, size_t nc) {
  size_t k = 0, owner_end = VB_NONE, owner_a = 0, owner_next = 0;
  int run_in_sent = 0;
  for (size_t ci = 0; ci < nc && !X->oom; ci++) {
    vb_tok *t;
    if (cand[ci] < k) continue;     /* inside a name run just read */
    t = TK(k = cand[ci]);
    if (t->flags & VB_T_SENT) run_in_sent = 0;
    if (!(t->flags & VB_T_WORD)) { k++; continue; }
    if (is_pron(X, k) && pron_gender(X, k)) {
      int g = pron_gender(X, k), e = vb_resolve_pron(X, k, g);
      int subj = (t->flags & VB_T_SENT) || followed_by_cue(X, k + 1) || (k > 0 && is_ch(X, k - 1, ','));
      if (e >= 0 && subj && !X->A->ent.v[e].gender) X->A->ent.v[e].gender = g;
      push_ment(X, k, k, e, subj, 1, 1);
      k++;
      continue;
    }
    if (is_capword(X, k)) {
      size_t a = k, e = vb_run_end(X, k), b, t0, nw;
      unsigned hn;
      /* a plural owner (Democracy Corps’ Stan Greenberg) reads as a singular one (CIS’s) */
      int poss = (TK(e)->flags & VB_T_POSS) != 0 || plural_apos(X, e + 1), ent = -1, gender = 0, org, subj;
      size_t next = (TK(e)->flags & VB_T_POSS) ? e + 1 : e + 2;   /* the owned name's first token */
      size_t role_a = VB_NONE, role_b = 0;
      k = e + 1;
      while (a <= e && (X->wc[a] & (VB_W_STOP | VB_W_TIME)) && !(X->wc[a] & (VB_W_TITLE | VB_W_HONOR))) a++;
      if (a > e) continue;
      if (heading_line(X, a, e)) { owner_end = VB_NONE; continue; }
      if (lead_modifier(X, a, e)) a++;
      if (headline_case(X, a, e)) { owner_end = VB_NONE; continue; }
      org = has_org_word(X, a, e) || (a > 0 && is_word(X, a - 1) && vb_tok_is(X->s, TK(a - 1), "the") &&
                                      !(X->wc[a] & (VB_W_TITLE | VB_W_HONOR)));
      t0 = a;
      if (!org) {
        while (a < e && (X->wc[a] & (VB_W_TITLE | VB_W_HONOR))) {
          if (X->wc[a] & VB_W_HONOR) { if (!gender) gender = pron_gender(X, a); }
          else {
            if (role_a == VB_NONE) role_a = TK(a)->start;
            role_b = TK(a)->end;
            if (!gender) gender = gender_noun(X, a);   /* Chairwoman Ines Barro */
          }
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
      hn = tok_span_hash(X, a, b);         /* the name: looked up in several maps, hashed once */
      nw = e - a + 1;
      subj = !poss && (!run_in_sent || followed_by_cue(X, e + 1));
      if (!poss) run_in_sent = 1;
      if (org) {
        ent = smap_geth(X, &X->full, TK(a)->start, b, hn, 0);
        if (ent < 0) {
          ent = ent_new(X, VB_ENT_ORG, TK(a)->start, b);
          if (ent >= 0) vb_smap_puth(X, &X->full, TK(a)->start, b, hn, 0, ent);
        }
        if (ent >= 0 && e + 3 < NT && is_ch(X, e + 1, '(') && (TK(e + 2)->flags & VB_T_UPPER) && is_ch(X, e + 3, ')'))
          vb_smap_put(X, &X->acr, TK(e + 2)->start, TK(e + 2)->end, 0, ent);
        push_ment(X, a, e, ent, subj, 0, 0);
      } else if (nw == 1) {
        int spoke = followed_by_cue(X, e + 1) ||
                    (a > 0 && is_cue(X, a - 1) && (CUE(a - 1)->flags & VB_CUE_INV)) ||
                    (a > 1 && vb_tok_is(X->s, TK(a - 1), "to") && is_cue(X, a - 2) && (CUE(a - 2)->flags & VB_CUE_ACC)) ||
                    role_a != VB_NONE || gender;
        int older = smap_geth(X, &X->last, TK(a)->start, b, hn, 0), titled = gender && t0 < a;
        ent = older;
        if (ent < 0) ent = smap_geth(X, &X->full, TK(a)->start, b, hn, 0);
        if (ent < 0) ent = smap_geth(X, &X->acr, TK(a)->start, b, hn, 0);
        /* an honorific names one person of its gender: Mrs. Colley is not her son */
        if (ent >= 0 && titled) ent = same_surname(X, ent, gender);
        if (ent < 0 && !titled) ent = smap_geth(X, &X->first, TK(a)->start, b, hn, 0);   /* Cole: Cole Whitlock */
        if (ent < 0 && (spoke || titled)) {
          int isorg = (TK(a)->flags & VB_T_UPPER) != 0 && !titled;
          /* known by honorific and last name only, and named so: Mr. Voss */
          ent = ent_new(X, isorg ? VB_ENT_ORG : VB_ENT_PERSON, titled ? TK(t0)->start : TK(a)->start, b);
          if (ent >= 0) {
            if (!titled) vb_smap_puth(X, &X->full, TK(a)->start, b, hn, 0, ent);
            if (!isorg) {
              X->sur_next.v[ent] = older;
              vb_smap_puth(X, &X->last, TK(a)->start, b, hn, 0, ent);
            }
          }
        }
        push_ment(X, a, e, ent, subj, ent >= 0 && X->A->ent.v[ent].kind == VB_ENT_PERSON, 0);
      } else if (nw <= 5) {
        size_t la = TK(e)->start;
        unsigned hl = tok_span_hash(X, e, b);   /* the last name */
        ent = smap_geth(X, &X->full, TK(a)->start, b, hn, 0);
        if (ent < 0) {
          int old = smap_geth(X, &X->last, la, b, hl, 0);
          vb_entity *O = old >= 0 ? &X->A->ent.v[old] : NULL;
          if (O && O->kind == VB_ENT_PERSON && O->name.end - O->name.start == b - la) {
            ent = old;                                /* "Trump" met before "Donald Trump" */
            O->name.start = TK(a)->start; O->name.end = b;
          } else ent = ent_new(X, VB_ENT_PERSON, TK(a)->start, b);
          if (ent >= 0) vb_smap_puth(X, &X->full, TK(a)->start, b, hn, 0, ent);
          if (ent >= 0 && old >= 0 && old != ent) X->sur_next.v[ent] = old;
          /* the first name alone names this person too ("Cole said") */
          if (ent >= 0 && nw <= 3 && !(X->wc[a] & (VB_W_TITLE | VB_W_HONOR | VB_W_STOP)) &&
              !(TK(a)->flags & VB_T_UPPER))
            vb_smap_puth(X, &X->first, TK(a)->start, TK(a)->end, TK(a)->hash, 0, ent);
        }
        if (ent >= 0 && smap_geth(X, &X->last, la, b, hl, 0) != ent) vb_smap_puth(X, &X->last, la, b, hl, 0, ent);
        push_ment(X, a, e, ent, subj, ent >= 0 && X->A->ent.v[ent].kind == VB_ENT_PERSON, 0);
      }
      if (ent >= 0 && !X->oom) {
        vb_entity *E = &X->A->ent.v[ent];
        if (gender && !E->gender) E->gender = gender;
        if (E->kind == VB_ENT_PERSON && !poss) and_possessive(X, ent, e);
        if (role_a != VB_NONE && E->role.start == VB_NONE) { E->role.start = role_a; E->role.end = role_b; }
        if (E->kind == VB_ENT_PERSON && owner_end != VB_NONE && owner_next == t0) {
          /* Human Rights First’s Eleanor Acer */
          vb_set_org(X, ent, TK(owner_a)->start, base_end(X, owner_end));
        }
        if (E->kind == VB_ENT_PERSON && !poss && t0 > 1 && is_ch(X, t0 - 1, ',') && is_ch(X, e + 1, ',') &&
            !starts_sent(X, t0)) {
          /* "the IRS’s research director, Lee Park, said": the role comes first */
          size_t z = t0 - 1;
          /* back to the role's determiner, not past an "and" ("X and her son, Jonah Colley,") */
          while (z > 0 && t0 - z < 14 && is_word(X, z - 1) && !starts_sent(X, z) &&
                 !((X->wc[z - 1] & VB_W_BOUND) && (TK(z - 1)->flags & VB_T_LOWER) && !(X->wc[z - 1] & VB_W_PREP)))
            z--;
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
    if ((X->wc[k] & VB_W_DET) && (t->flags & VB_T_LOWER)) subject_possessive(X, k);
    k++;
  }
}

/* Pass 1: names and pronouns, in text order. */
void vb_pass_names(ctx *X) {
  size_t *cand = malloc((NT + 1) * sizeof *cand);
  X->lowbits_for = NULL;            /* this window's words are noted when a name asks */
  if (!cand) { X->oom = 1; return; }
  {
    size_t nc = name_stops(X, cand);
    /* room for the mentions (at most one in two candidates on news, one in three usual)
     * and the entities (one in 18 tokens in nine texts of ten) of most texts at once */
    if (vb_vgrow(&X->m, X->m.n + nc / 2 + 16) || vb_vgrow(&X->A->ent, X->A->ent.n + NT / 16 + 8) ||
        vb_vgrow(&X->sur_next, X->sur_next.n + NT / 16 + 8)) X->oom = 1;
    else walk_names(X, cand, nc);
  }
  free(cand);
  /* the block index of vb_ment_at: per 8 tokens, the first mention that ends in the block
   * or after it (the mentions are in order and do not overlap) */
  X->mblk.n = 0;
  if (!X->oom) {
    size_t nb = (NT >> 3) + 1, i = 0;
    if (vb_vgrow(&X->mblk, nb)) { X->oom = 1; return; }
    for (size_t j = 0; j < nb; j++) {
      while (i < X->m.n && X->m.v[i].b < (j << 3)) i++;
      X->mblk.v[j] = i;
    }
    X->mblk.n = nb;
  }
}
