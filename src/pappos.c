/* pappos.c: a cue's subject named before a chain of asides. "Sen. Ada Brandt, facing a
 * hard race in Osle, a swing county, said …", "Varga, speaking at a rally in Tenby,
 * Ohio, warned …": the sentence opens with the name and its comma, asides follow, and a
 * comma brings in the cue; the phrase read right before the cue ("a swing county",
 * "Ohio") is the last aside's, and the name is the subject. phrases.c's vb_cue_speaker
 * asks; reads the tokens between the name and the cue, at most CHAIN_MAX. */
#include "attrib_int.h"

#define CHAIN_MAX 40

/* Words that, right after a comma, make the chain a list or a clause of its own: "Varga,
 * Lund and Amsel said", "Varga, but Lund said" */
static const char *const chain_breaks[] = {"and", "but", "or", "nor", "while", "whereas", NULL};

np vb_appos_chain(const ctx *X, size_t sb, size_t c, np r) {
  size_t a = sb, z, commas = 0;
  const ment *m;
  np s = {0};
  size_t k = c;
  /* "…, did not mention", "…, also warned": the verb group's own words before the cue */
  while (k > sb + 4 && c - k < 3 && is_word(X, k - 1) && (TK(k - 1)->flags & VB_T_LOWER) &&
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
      if (is_word(X, z + 1) && (TK(z + 1)->flags & VB_T_LOWER) && word_in(X, z + 1, chain_breaks)) return r;
    }
  }
  if (commas < 3) return r;                      /* "Varga, the mayor, said": read as it is */
  s.a = a; s.b = m->b; s.ok = 1;
  return s;
}

/* "Officials who spoke with the Ledger said …", "One of the pilots who signed the letter
 * called …": the phrase read before the cue ("the Ledger", "the letter") is inside a
 * relative clause that "who" opens after the subject (no comma, quote or other cue
 * between, a verb of its own after "who"); the token of "who", else VB_NONE */
/* Words that open a clause of its own inside the relative one, whose subject the phrase
 * before the cue is: "the congressman who gained fame when he yelled" */
static const char *const inner_clause[] = {"when", "while", "after", "before", "because", "if", "as", "since", "until",
                                           "and", "but", "or", "that", "whether", "where", NULL};

size_t vb_who_clause(const ctx *X, size_t sb, size_t c, np r) {
  if (!r.ok || r.rel || r.a <= sb + 2 || r.b >= c || is_pron(X, r.a)) return VB_NONE;
  for (size_t z = r.a; z-- > sb + 1 && r.a - z <= 16;) {
    if (!is_word(X, z) || is_icue(X, z) || starts_sent(X, z + 1) || ((TK(z)->flags & VB_T_LOWER) && word_in(X, z, inner_clause)))
      return VB_NONE;
    if ((TK(z)->flags & VB_T_LOWER) && (vb_tok_is(X->s, TK(z), "who") || vb_tok_is(X->s, TK(z), "who’d") ||
                                         vb_tok_is(X->s, TK(z), "who'd"))) {
      /* "who spoke with", not "who Lund said": the clause's own verb follows "who" */
      if (z + 1 >= r.a || !(TK(z + 1)->flags & VB_T_LOWER) || is_word(X, z - 1) == 0 || is_icue(X, z - 1)) return VB_NONE;
      return z;
    }
  }
  return VB_NONE;
}
