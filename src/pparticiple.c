/* pparticiple.c: a participle of speech said by the noun phrase right before it, a
 * clause's own subject cut short: "a new poll showing Ada ahead", "handwritten ledgers
 * showing he was paid", "shipping executives supporting the plan", "30 percent of
 * voters saying they …", "supporters seeking to …". The word tests of that reading
 * (phrases.c's participle-noun, tried before the nearest clause's subject and the
 * sentence's): each reads a token or two around the phrase. */
#include "attrib_int.h"

/* Nouns of time or of a stretch of it ("spent the week saying", "for years warning"),
 * and "no longer aiming": no subject of the participle */
VB_WORDS(spans_of_time, "day", "days", "week", "weeks", "month", "months", "year", "years",
                        "time", "hours", "hour", "night", "morning", "afternoon", "evening",
                        "decade", "decades", "minutes", "moment", "campaign", "longer");

/* Prepositions whose object may say what the participle brings in: "the largesse of
 * executives supporting", "letters from families asking" */
VB_WORDS(source_preps, "of", "from", "including", "among", "by");

/* Prepositions whose object is where or to whom something is said, not who says it:
 * "a pitch to New York voters saying", "at a news conference announcing" */
VB_WORDS(place_preps, "to", "into", "at", "on", "in", "for", "onto", "toward", "towards",
                      "before");

/* "issued a statement saying …": the statement is not the speaker of the participle */
int vb_is_document(const ctx *X, size_t k) {
  VB_WORDS(docs, "statement", "release", "tweet", "post", "letter", "memo", "report",
                 "email", "message", "video", "ad", "advertisement", "op-ed", "speech",
                 "paper", "notice", "website");
  return words_in(X, k, docs);
}

/* the word before participle c may end the phrase that says it: a lower-case noun, not
 * a pronoun, an adverb, a word of time or a word of a clause */
int vb_part_head(const ctx *X, size_t sb, size_t c) {
  size_t h = c - 1;
  return c > sb + 1 && is_lowword(X, h) && !(TK(h)->flags & VB_T_POSS) && !is_icue(X, h) &&
         !is_pron(X, h) && !is_adverb(X, h) && !words_in(X, h, spans_of_time) &&
         !(X->wc[h] & (VB_W_DET | VB_W_PREP | VB_W_AUX | VB_W_SKIP | VB_W_BOUND | VB_W_STOP | VB_W_REL | VB_W_TIME |
                       VB_W_QUANT | VB_W_CONN));
}

/* "read out letters from harbour families asking": the phrase r starts after its last
 * preposition or linking word */
size_t vb_part_cut(const ctx *X, np r) {
  for (size_t z = r.b; z > r.a; z--)
    if (is_lowword(X, z - 1) && (X->wc[z - 1] & (VB_W_PREP | VB_W_BOUND))) return z;
  return r.a;
}

/* The phrase r speaks: it opens with a determiner, a count or a name ("a new poll", "30
 * percent of voters", "Sanders supporters"), or follows "of", "from" ("the largesse of
 * executives supporting"): not a verb and its object ("launched petitions calling",
 * "emailed supporters saying"), not the object of a place or an addressee, nor a
 * document its issuer sends. o: the phrase before r's "of" ("a letter to the board of
 * directors urging": read for the place or addressee too), else r. */
int vb_part_speaks(const ctx *X, size_t sb, np r, np o) {
  if (!((X->wc[r.a] & (VB_W_DET | VB_W_QUANT)) || (TK(r.a)->flags & VB_T_DIGIT) || is_capword(X, r.a) ||
        (r.a > sb && is_word(X, r.a - 1) && words_in(X, r.a - 1, source_preps))) ||
      (r.a > sb && words_in(X, r.a - 1, place_preps)))
    return 0;
  if (o.a != r.a && o.ok && !o.rel && o.b + 2 == r.a && o.a > sb && words_in(X, o.a - 1, place_preps)) return 0;
  return !vb_is_document(X, r.b);
}

/* k is a preposition of a place or an addressee (place_preps): "a message on Twitter
 * reading", "responded on Facebook writing" */
int vb_place_prep(const ctx *X, size_t k) { return words_in(X, k, place_preps) && (TK(k)->flags & VB_T_LOWER); }

/* "…, and the union has sued the city over the rules, saying …", "prosecutors charged
 * him and Mayor Venn fired her chief, acknowledging …": a participle after a comma is
 * said in the nearest clause that "and" or "but" opens with a subject of its own (a
 * name, a determiner's phrase, a pronoun) and its verb (an auxiliary, a past form, a
 * cue): that subject, or ok 0 */
np vb_part_coordinated(const ctx *X, size_t sb, size_t c) {
  VB_WORDS(conj, "and", "but", "while", "as");
  VB_WORDS(preps, "in", "on", "at", "over", "from", "to", "by", "about", "into", "against", "after", "during");
  np r = {0};
  size_t z, v;
  if (c < sb + 5 || !is_ch(X, c - 1, ',')) return r;
  for (z = c - 1; z-- > sb + 1 && c - z < 40;) {
    if (is_quote(X, z) || is_ch(X, z, ';')) return r;
    if (words_in(X, z, conj) && (TK(z)->flags & VB_T_LOWER)) break;
  }
  if (z <= sb + 1 || c - z >= 40 || !is_word(X, z + 1) ||
      !(is_capword(X, z + 1) || is_pron(X, z + 1) || ((X->wc[z + 1] & VB_W_DET) && !(TK(z + 1)->flags & VB_T_POSS))))
    return r;
  /* the verb: the first lower-case auxiliary, past form or cue after a word or more (no
   * preposition but "of" before it) */
  for (v = z + 2; v < c && v < z + 9 && is_word(X, v); v++) {
    const vb_tok *t = TK(v);
    if (((X->wc[v] & VB_W_PREP) || words_in(X, v, preps)) && !vb_tok_is(X->s, t, "of")) return r;   /* (not "his allies in an email") */
    if (!(t->flags & VB_T_LOWER) || (X->wc[v] & (VB_W_PREP | VB_W_DET | VB_W_REL))) continue;
    if ((X->wc[v] & (VB_W_AUX | VB_W_SKIP)) || (is_icue(X, v) && !(CUE(v)->flags & VB_CUE_WEAK)) ||
        (t->end - t->start > 3 && X->s[t->end - 1] == 'd' && X->s[t->end - 2] == 'e'))
      break;
  }
  if (v >= c || v + 1 >= c || !is_word(X, v) || v > z + 8) return r;
  /* the phrase may speak: a pronoun, a name, a count or a word for people (pwords.c),
   * or a quantity that opens it (phrases.c's test, which this file may not call) */
  for (size_t k = z + 1; k < v && !r.ok; k++)
    r.ok = is_pron(X, k) || (is_capword(X, k) && !(X->wc[k] & (VB_W_STOP | VB_W_TIME))) || (TK(k)->flags & VB_T_DIGIT) ||
           vb_speaker_word(X, k) || (k == z + 1 && (X->wc[k] & VB_W_QUANT));
  r.a = z + 1; r.b = v - 1;
  return r;
}

/* Where the walk back from participle c for the cue of its clause stops: the subject of
 * that coordinated clause (vb_part_coordinated), else sb */
size_t vb_part_clause_start(const ctx *X, size_t sb, size_t c) {
  np r = vb_part_coordinated(X, sb, c);
  return r.ok ? r.a : sb;
}
