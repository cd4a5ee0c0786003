/* dsource.c: the sources of a direct quote that the cue by the quote does not give
 * (attribution.c reads the cue): a transcript turn's label inside the quote's own words,
 * and whether "according to Y" closes a sentence; and the tests that keep a cue near a
 * quote from it (another clause's cue). Each reads a bounded window of tokens. */
#include <string.h>
#include "attrib_int.h"
#include "turns.h"

int vb_source_closes(const ctx *X, size_t z, size_t se) {
  size_t lim = se != VB_NONE && se < NT ? se : NT, z0 = z;
  for (; z < lim && z < z0 + 8; z++) {
    if (is_ch(X, z, '.') || is_ch(X, z, '!') || is_ch(X, z, '?') || starts_sent(X, z)) return 1;
    if (is_quote(X, z) || is_cue(X, z) || is_ch(X, z, ',') || is_ch(X, z, ';') || is_ch(X, z, ':')) return 0;
  }
  return z >= lim;
}

/* "WALLACE: Let’s start …" ¶ "PENCE: Well, …": a quote that opens its paragraph with a
 * transcript's turn label in capitals (vb_caps_label_at; quotes.c gives every turn its
 * own quote) is the label's words */
int vb_rule_turn_label(ctx *X, shape *S, match *m) {
  const vb_quote *q = &X->A->qs.q.v[S->qi];
  size_t a, b;
  if (!(TK(S->k)->flags & VB_T_PARA) || !vb_caps_label_at(X->s, X->n, q->istart, &a, &b)) return 0;
  m->c = VB_NONE;
  memset(&m->p, 0, sizeof m->p);
  m->lab.start = a;
  m->lab.end = b;
  return 1;
}

/* ---------------------------------------------------------------- cues that are not the quote's */

/* "Sims says he was “riding the fence” until Haley said …": a quote inside the clause
 * of a cue before it, with no comma of its own at its end, is that cue's; a cue after it
 * opens a clause of its own */
int vb_reported_before(const ctx *X, const shape *S) {
  if (S->j != S->k + 1 || vb_comma_end(X, &X->A->qs.q.v[S->qi])) return 0;
  for (size_t c = S->k; c-- > S->sb && S->k - c < 16;) {
    if (is_quote(X, c) || is_ch(X, c, ',') || is_ch(X, c, ';') || is_ch(X, c, ':')) return 0;
    if (is_cue(X, c) && !(CUE(c)->flags & (VB_CUE_WEAK | VB_CUE_ACC | VB_CUE_CALL)) && vb_usable_cue(X, c)) return 1;
  }
  return 0;
}

/* "… accuse the campaign of being “duped” and urge voters to see what he called Ada’s
 * “sex tape”": a naming cue (calls, describes) after the quote whose own object is a
 * quote names that one, not the quote before it; hi bounds the look. */
int vb_names_later_quote(const ctx *X, size_t c, size_t hi) {
  if (!(CUE(c)->flags & VB_CUE_CALL)) return 0;
  for (size_t z = c + (size_t)CUE(c)->len; z < hi && z < c + 8; z++) {
    if (is_quote(X, z)) return 1;
    if (TK(z)->flags & VB_T_PUNCT) return 0;
  }
  return 0;
}

/* ---------------------------------------------------------------- a name before a colon */

/* Prepositions whose object is no speaker: the addressee or the topic of what is said
 * (not "from": "More from the report:" names the source). */
VB_WORDS(object_preps, "to", "with", "of", "in", "at", "among", "about", "on", "for", "against",
                       "into");

/* "McConnell delivered a blunt message to Trump: “…”", "Bush broke it down for the Dutch
 * newspaper NRC Handelsblad:": the phrase before the colon at k1 speaks, unless a
 * preposition governs it (over a determiner and two modifiers at most); the sentence's
 * subject speaks then, if it is a name or a pronoun. */
np vb_colon_speaker(const ctx *X, size_t k1, size_t sb) {
  np p = vb_np_before(X, k1, sb > 0 ? sb - 1 : VB_NONE), r;
  size_t z;
  if (!p.ok && sb == 0) p = vb_np_before(X, k1, VB_NONE);
  if (!p.ok || p.rel || p.a <= sb + 1 || !(is_capword(X, p.b) || is_pron(X, p.b))) return p;
  for (z = p.a - 1; z > sb && p.a - z <= 3 && is_word(X, z) && !words_in(X, z, object_preps) && !is_cue(X, z) &&
                    !(X->wc[z] & (VB_W_BOUND | VB_W_PRON)) && !(X->wc[z - 1] & VB_W_REL);)
    if (X->wc[z--] & VB_W_DET) break;
  if (!is_word(X, z) || !(TK(z)->flags & VB_T_LOWER) || !words_in(X, z, object_preps)) return p;
  r = vb_np_subject(X, sb, z);
  if (r.ok && r.b < z && (is_capword(X, r.b) || is_pron(X, r.b))) return r;
  p.ok = 0;
  return p;
}

/* The clause of cue c reaches token a: between them only its object's few words ("told
 * reporters", "said in an interview that"), no comma, no quote ("After Trump argued that
 * …, Rubio said" does not make Trump the speaker of Rubio's words). */
int vb_governs(const ctx *X, size_t c, size_t a) {
  size_t e = c + (size_t)CUE(c)->len;
  /* "said that, because …, Y": an aside right after "that", and the clause goes on */
  int that = is_word(X, e) && vb_tok_is(X->s, TK(e), "that") && is_ch(X, e + 1, ',');
  for (size_t z = e; z < a; z++)
    if (z >= e + (that ? 20 : 8) || is_quote(X, z) || (!that && (is_ch(X, z, ',') || is_dash(X, z))) || is_ch(X, z, ';'))
      return 0;
  /* "ends with footage of Trump saying": a preposition's object is no subject of a clause */
  return !(a > e && is_word(X, a - 1) && (X->wc[a - 1] & VB_W_PREP) && (TK(a - 1)->flags & VB_T_LOWER));
}

/* "Carter said that for decades some critics had been predicting …¶ “…”": the latest cue
 * before a quote sits inside the clause of an earlier cue of its sentence (from z0),
 * whose subject reports it: that cue (*c) and its subject, else p. */
np vb_outer_report(const ctx *X, size_t z0, size_t *c, np p) {
  size_t c2;
  np p2;
  if (p.rel || p.a <= z0) return p;
  for (c2 = p.a; c2-- > z0;) if (is_quote(X, c2) || (is_cue(X, c2) && vb_usable_cue(X, c2))) break;
  if (c2 == VB_NONE || c2 < z0 || is_quote(X, c2) || !is_cue(X, c2) || (CUE(c2)->flags & (VB_CUE_ACC | VB_CUE_WEAK)) ||
      !vb_governs(X, c2, p.a))
    return p;
  p2 = vb_cue_speaker(X, c2, z0 > 0 ? z0 - 1 : VB_NONE, p.a, z0);
  if (!p2.ok || p2.b >= p.a) return p;
  *c = c2;
  return p2;
}
