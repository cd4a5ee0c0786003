/* pappos.c: a cue's subject named before a chain of asides. "Sen. Ada Brandt, facing a
 * hard race in Osle, a swing county, said …", "Varga, speaking at a rally in Tenby,
 * Ohio, warned …": the sentence opens with the name and its comma, asides follow, and a
 * comma brings in the cue; the phrase read right before the cue ("a swing county",
 * "Ohio") is the last aside's, and the name is the subject. And a subject with a modifier
 * after it ("officials who spoke with the Ledger", "an official speaking to the Ledger",
 * "officials close to the mayor"), whose object is the phrase before the cue (the
 * modifiers table). phrases.c's vb_cue_speaker asks; each reads the tokens between the
 * subject and the cue, at most CHAIN_MAX or a modifier's reach. */
#include <string.h>
#include "attrib_int.h"

#define CHAIN_MAX 40

/* Words that, right after a comma, make the chain a list or a clause of its own: "Varga,
 * Lund and Amsel said", "Varga, but Lund said" */
VB_WORDS(chain_breaks, "and", "but", "or", "nor", "while", "whereas");

np vb_appos_chain(const ctx *X, size_t sb, size_t c, np r) {
  size_t a = sb, z, commas = 0;
  const ment *m;
  np s = {0};
  size_t k = c;
  /* "…, did not mention", "…, also warned": the verb group's own words before the cue */
  while (k > sb + 4 && c - k < 3 && is_lowword(X, k - 1) &&
         ((X->wc[k - 1] & (VB_W_AUX | VB_W_SKIP)) || vb_tok_is(X->s, TK(k - 1), "not") || is_adverb(X, k - 1)))
    k--;
  if (!r.ok || r.rel || k < sb + 4 || !is_ch(X, k - 1, ',')) return r;
  if (vb_lead_link(X, a)) a++;
  for (z = a; z < c && z < a + 3 && is_capword(X, z) && (X->wc[z] & (VB_W_TITLE | VB_W_HONOR)); z++) {}   /* Mayor, Sen. */
  m = vb_ment_at(X, z);
  if (!m || m->a > z || m->a < a || m->b + 1 >= k - 1 || !is_ch(X, m->b + 1, ',') || r.a <= m->b + 1) return r;
  if (m->pron ? !(X->wc[a] & (VB_W_MALE | VB_W_FEMALE)) : (m->ent < 0 || !is_capword(X, m->b) || (TK(m->b)->flags & VB_T_POSS)))
    return r;
  if (k - m->b > CHAIN_MAX) return r;
  for (z = m->b + 1; z < k; z++) {
    if (is_quote(X, z) || starts_sent(X, z) || is_ch(X, z, ';') || is_ch(X, z, ':') || is_dash(X, z)) return r;
    if (is_icue(X, z) && !(CUE(z)->flags & VB_CUE_ING)) return r;   /* "Varga, Lund said, …": another's cue */
    if (is_ch(X, z, ',')) {
      commas++;
      if (is_lowword(X, z + 1) && words_in(X, z + 1, chain_breaks)) return r;
    }
  }
  if (commas < 3) return r;                      /* "Varga, the mayor, said": read as it is */
  s.a = a; s.b = m->b; s.ok = 1;
  return s;
}

/* Words that open a clause of its own inside the modifier, whose subject the phrase
 * before the cue is: "the congressman who gained fame when he yelled" */
VB_WORDS(inner_clause, "when", "while", "after", "before", "because", "if", "as", "since", "until",
                       "and", "but", "or", "that", "whether", "where");

/* "for Cruz or Rubio or Ben Varga": "and", "or" between two names join them, and open no
 * clause */
static int name_pair(const ctx *X, size_t z) {
  VB_WORDS(join, "and", "or");
  return z > 0 && is_capword(X, z - 1) && is_capword(X, z + 1) && !(TK(z - 1)->flags & VB_T_POSS) && words_in(X, z, join);
}

/* Adjectives of a relation that take a phrase after them: "officials close to the mayor",
 * "people familiar with the talks" */
VB_WORDS(relation_adjs, "close", "closer", "closest", "familiar", "loyal", "near", "opposed",
                        "aligned", "allied", "sympathetic", "friendly", "hostile", "linked",
                        "tied", "connected");

static int ends_with(const ctx *X, size_t z, const char *suf) {
  size_t n = strlen(suf), len = TK(z)->end - TK(z)->start;
  return len > n + 2 && !memcmp(X->s + TK(z)->end - n, suf, n);
}

/* the prepositions a participle or an adjective of relation takes its phrase with */
VB_WORDS(modifier_preps, "to", "with", "on", "in", "by", "for", "about", "from", "at");

static int who_word(const ctx *X, size_t z) {
  VB_WORDS(who, "who", "who’d", "who'd");
  return words_in(X, z, who);
}
/* "an official speaking to the Ledger", "officials briefed on the plan": a participle and
 * its preposition */
static int participle(const ctx *X, size_t z) {
  return (ends_with(X, z, "ing") || ends_with(X, z, "ed")) && (!is_icue(X, z) || (CUE(z)->flags & VB_CUE_ING)) &&
         words_in(X, z + 1, modifier_preps);
}
static int relation_adj(const ctx *X, size_t z) { return words_in(X, z, relation_adjs) && words_in(X, z + 1, modifier_preps); }
/* "critics like Huffman", "experts such as Ada Lund": a name r (its first word) given
 * as an example of the subject before it; the token its "like" or "such" stands at, else
 * VB_NONE */
size_t vb_example_start(const ctx *X, size_t r) {
  if (r >= 2 && is_lowword(X, r - 1) && vb_tok_is(X->s, TK(r - 1), "like")) return r - 1;
  if (r >= 3 && is_lowword(X, r - 1) && vb_tok_is(X->s, TK(r - 1), "as") && is_lowword(X, r - 2) &&
      vb_tok_is(X->s, TK(r - 2), "such"))
    return r - 2;
  return VB_NONE;
}
static int example_of(const ctx *X, size_t z) {
  size_t r, n = TK(z)->end - TK(z)->start;
  if (n != 4 || (X->s[TK(z)->start] != 'l' && X->s[TK(z)->start] != 's')) return 0;   /* (read at most words) */
  r = z + 1 + (X->s[TK(z)->start] == 's');
  return r < NT && is_capword(X, r) && vb_example_start(X, r) == z;
}

/* The words that open a modifier after the subject, how far before the phrase read at
 * the cue they may stand (in tokens), and whether a name may follow them at once */
static const struct {
  const char *name;
  int (*opens)(const ctx *X, size_t z);
  size_t reach;
  int name_next;
} modifiers[] = {
  {"relative-who", who_word, 16, 0},        /* officials who spoke with the Ledger said */
  {"participle", participle, 4, 0},         /* an official speaking to the Ledger said */
  {"relation-adjective", relation_adj, 4, 0},   /* officials close to the mayor said */
  {"example-of", example_of, 2, 1},         /* critics like Huffman say, experts such as Lund say */
};

/* "Officials who spoke with the Ledger said …", "Officials close to the mayor said …":
 * the phrase read before the cue ("the Ledger", "the mayor") is inside a modifier of the
 * subject (no comma, quote, other cue or clause of its own between, a word of the
 * modifier's own after its first); the token the subject's phrase ends before ("who"
 * and its subject read as one), else VB_NONE */
size_t vb_who_clause(const ctx *X, size_t sb, size_t c, np r) {
  if (!r.ok || r.rel || r.a <= sb + 1 || r.b >= c || is_pron(X, r.a)) return VB_NONE;
  for (size_t z = r.a; z-- > sb + 1 && r.a - z <= 16;) {
    int such_as = TK(z)->end - TK(z)->start == 2 && example_of(X, z - 1);           /* (the "as" of "such as": no clause, no cue) */
    if (!is_word(X, z) || starts_sent(X, z + 1) ||
        ((TK(z)->flags & VB_T_LOWER) && words_in(X, z, inner_clause) && !such_as && !name_pair(X, z)))
      return VB_NONE;
    if (!(TK(z)->flags & VB_T_LOWER)) continue;
    if ((X->wc[z] & VB_W_REL) && !who_word(X, z)) return VB_NONE;   /* "a lawsuit in which …" */
    for (size_t m = 0; m < sizeof modifiers / sizeof *modifiers; m++) {
      if (r.a - z > modifiers[m].reach || !modifiers[m].opens(X, z)) continue;
      /* a word of its own after it, a noun or a name before it */
      if (z + 1 >= r.a + modifiers[m].name_next || (!(TK(z + 1)->flags & VB_T_LOWER) && !modifiers[m].name_next) ||
          !is_word(X, z - 1) || is_icue(X, z - 1) ||
          (X->wc[z - 1] & (VB_W_DET | VB_W_PREP | VB_W_AUX | VB_W_SKIP | VB_W_BOUND)) || is_pron(X, z - 1)) {
        if (who_word(X, z)) return VB_NONE;
        continue;                                 /* "the ruling" is no modifier */
      }
      return who_word(X, z) ? z + 1 : z;          /* np_before reads "officials who" as one, rel */
    }
    if (is_icue(X, z) && !participle(X, z) && !such_as) return VB_NONE;
  }
  return VB_NONE;
}
