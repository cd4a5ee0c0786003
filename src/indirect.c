/* indirect.c: reported speech without quotation marks, on by default. Each sentence's
 * cues are read by the shapes of English news, a table of named rules (below): "X said
 * (that) …", "X told reporters …", "according to X, …", "…, X said.", "…, said X.",
 * and the verbs that report a view rather than words (believes, endorsed, found: cues
 * of VB_CUE_REP) in the first of them; a sentence with no such cue may still name a
 * poll ("In a Fox poll, …") or open with a name and a colon (isentence.c). The cue's speaker comes from
 * phrases.c, as for quotes, and must be one who can speak. An item is the clause reported,
 * of kind indirect, with the cue and the speaker; a clause holding a quote is left to the
 * quote, and a report inside another's clause ("X said Y believes …") to the outer one.
 * Sentences are read one at a time and their candidates compared among themselves, so
 * the stage is linear in the text. */
#include <stdlib.h>
#include <string.h>
#include "attrib_int.h"
#include "indirect_int.h"

/* ---------------------------------------------------------------- word tests */

/* A preposition that opens a phrase inside a subject: "polls in Iowa", "files from the
 * audit", "officials on and off the island", "people close to her" */
static int subject_prep(const ctx *X, size_t k) {
  VB_WORDS(w, "of", "in", "from", "on", "at", "for", "with", "across", "around", "among",
              "inside", "outside", "near", "close", "familiar");
  return is_lowword(X, k) && words_in(X, k, w);
}

/* The token after a verb starts its object or clause: that, to, a determiner, a pronoun,
 * a question word, a name, a number. */
static int object_start(const ctx *X, size_t k) {
  VB_WORDS(w, "that", "to", "for", "about", "on", "against", "how", "what", "whether", "why",
              "if", "him", "them", "us", "me");
  if (!is_word(X, k)) return 0;
  if ((X->wc[k] & (VB_W_DET | VB_W_PRON | VB_W_REL)) || is_pron(X, k) || words_in(X, k, w)) return 1;
  return is_capword(X, k) || (TK(k)->flags & VB_T_DIGIT);
}

/* "most of them", "some of us": a quantity of a pronoun ends at j - 1 */
static int part_of_them(const ctx *X, size_t j) {
  VB_WORDS(obj, "them", "us");
  return j > 2 && words_in(X, j - 1, obj) && is_word(X, j - 2) && vb_tok_is(X->s, TK(j - 2), "of") &&
         is_word(X, j - 3) && (X->wc[j - 3] & VB_W_QUANT);
}

/* A share of those asked right before cue c: "47% say", "Two in three said", "one in
 * five say"; ok 0 when there is none */
static np figure_subject(const ctx *X, size_t c, size_t sb) {
  np p = {0};
  if (c >= sb + 2 && is_ch(X, c - 1, '%') && is_word(X, c - 2) && (TK(c - 2)->flags & VB_T_DIGIT)) {
    p.a = c - 2; p.b = c - 1; p.ok = 1;
  } else if (c >= sb + 3 && is_word(X, c - 1) && is_word(X, c - 2) && vb_tok_is(X->s, TK(c - 2), "in") &&
             is_word(X, c - 3) && ((TK(c - 1)->flags & VB_T_DIGIT) || (X->wc[c - 1] & VB_W_QUANT)) &&
             ((TK(c - 3)->flags & VB_T_DIGIT) || (X->wc[c - 3] & VB_W_QUANT))) {
    p.a = c - 3; p.b = c - 1; p.ok = 1;
  }
  return p;
}

/* "Sources close to her campaign say", "Residents of the island say": a phrase of a
 * preposition (lower-case words, no verb, eight at most) ends at j - 1, after a plural */
static int plural_before_phrase(const ctx *X, size_t j) {
  for (size_t r = j - 1; r > 0 && j - r < 9 && is_word(X, r); r--) {
    if (is_icue(X, r) || (X->wc[r] & (VB_W_REL | VB_W_AUX)) || vb_conj_word(X, r) || vb_tok_is(X->s, TK(r), "that")) return 0;
    if (subject_prep(X, r) && is_word(X, r - 1) && !(TK(r - 1)->flags & VB_T_POSS) &&
        (plural_word(X, r - 1) || (X->wc[r - 1] & VB_W_QUANT)) && !(X->wc[r - 1] & (VB_W_STOP | VB_W_BOUND)))
      return 1;
  }
  return 0;
}

/* A cue form that is also a noun (claims, attacks, support, say) reads as a verb only
 * between a subject and what it says: "Trump claims that", "voters support the plan",
 * "they say", "Aides to Clinton say"; not "his claims", "the Trump attacks on", "Clinton
 * emails show". A base form wants a plural subject, an -s form a singular one. */
static int weak_verb(const ctx *X, size_t c, unsigned f) {
  size_t j = c, e = c + (size_t)CUE(c)->len;
  const vb_tok *t;
  if (e < NT && is_word(X, e) && !object_start(X, e) &&
      ((X->wc[e] & (VB_W_BOUND | VB_W_SKIP | VB_W_AUX)) || is_icue(X, e)))
    return 0;
  if (e < NT && (is_ch(X, e, '-') || is_quote(X, e))) return 0;
  /* adverbs, "also", "not", "only", a time between: "would not say", "also say", "Thursday say" */
  while (j > 0 && c - j < 3 && is_word(X, j - 1) &&
         (((TK(j - 1)->flags & VB_T_LOWER) &&
           (is_adverb(X, j - 1) || vb_tok_is(X->s, TK(j - 1), "only") ||
            ((X->wc[j - 1] & VB_W_SKIP) && !(X->wc[j - 1] & VB_W_AUX) &&
             (!(X->wc[j - 1] & VB_W_BOUND) || vb_tok_is(X->s, TK(j - 1), "also") || vb_tok_is(X->s, TK(j - 1), "not"))))) ||
          (X->wc[j - 1] & VB_W_TIME)))
    j--;
  if (j == 0) return 0;
  if (is_ch(X, j - 1, '%')) return (f & VB_CUE_BASE) != 0;             /* 47% say */
  /* "Democrats — and some Republicans — say that", "economists, like their rivals, say
   * taxing …": an aside closes before the verb, and a clause follows it */
  if ((f & VB_CUE_BASE) && (is_ch(X, j - 1, ',') || is_dash(X, j - 1)) && e < NT && is_word(X, e) &&
      object_start(X, e) && !(X->wc[e] & VB_W_PREP) && j > 2 && is_word(X, j - 2))
    return 1;
  if (!is_word(X, j - 1)) return 0;
  if (!vb_noun_first(X, c) && vb_weak_subject(X, j, e, f)) return 1;  /* a subject of the table (iweak.c) */
  t = TK(j - 1);
  if (f & VB_CUE_BASE) {
    if (X->wc[j - 1] & VB_W_AUX) return 1;                              /* will support */
    if (vb_noun_first(X, c)) return is_pron(X, j - 1) && !vb_tok_is(X->s, t, "it");   /* (not "state parties") */
    if (vb_tok_is(X->s, t, "percent")) return 1;                        /* 61 percent say */
    /* "those surveyed say", "voters polled say": a participle after its plural subject */
    if (vb_past_participle(X, j - 1) && j > 1 && is_word(X, j - 2) &&
        (vb_tok_is(X->s, TK(j - 2), "those") || plural_word(X, j - 2)))
      return 1;
    if (is_pron(X, j - 1))
      return !vb_tok_is(X->s, t, "he") && !vb_tok_is(X->s, t, "she") && !vb_tok_is(X->s, t, "it");
    if (vb_tok_is(X->s, t, "who") || vb_tok_is(X->s, t, "that") || vb_tok_is(X->s, t, "which")) return 1;
    if (t->flags & VB_T_POSS) return 0;
    if (X->wc[j - 1] & VB_W_QUANT) return 1;                            /* nearly a third say */
    if (X->wc[j - 1] & (VB_W_BOUND | VB_W_DET | VB_W_PREP | VB_W_STOP)) return 0;
    if (t->flags & VB_T_DIGIT) return 1;
    if (is_capword(X, j - 1)) {
      size_t r = j - 1;                       /* the name's first word */
      while (r > 0 && r + 4 > j && is_capword(X, r - 1) && !starts_sent(X, r)) r--;
      if (r > 0 && is_word(X, r - 1) &&
          (vb_tok_is(X->s, TK(r - 1), "and") || vb_tok_is(X->s, TK(r - 1), "to") ||
           ((X->wc[r - 1] & VB_W_PREP) && (TK(r - 1)->flags & VB_T_LOWER)) || subject_prep(X, r - 1)))
        return 1;                             /* Obama and Clinton say · Aides to Hillary Clinton say · polls in Iowa show */
      r = vb_example_start(X, r);             /* critics like Huffman say (pappos.c) */
      if (r != VB_NONE && r > 0 && plural_word(X, r - 1)) return 1;
    }
    if (part_of_them(X, j)) return 1;          /* most of them say */
    return plural_word(X, j - 1) || plural_before_phrase(X, j);
  }
  if (is_pron(X, j - 1)) return vb_tok_is(X->s, t, "he") || vb_tok_is(X->s, t, "she") || vb_tok_is(X->s, t, "it");
  if (vb_noun_first(X, c))                        /* "the memo states", not "Rust Belt states" */
    return j > 1 && (t->flags & VB_T_LOWER) && !(X->wc[j - 1] & (VB_W_DET | VB_W_PREP | VB_W_STOP | VB_W_BOUND)) &&
           is_word(X, j - 2) && (X->wc[j - 2] & VB_W_DET || (j > 2 && (TK(j - 2)->flags & VB_T_LOWER) &&
                                                            !(X->wc[j - 2] & (VB_W_PREP | VB_W_STOP | VB_W_BOUND)) &&
                                                            is_word(X, j - 3) && (X->wc[j - 3] & VB_W_DET))) &&
           !is_pron(X, j - 2);
  if (vb_tok_is(X->s, t, "who") || vb_tok_is(X->s, t, "which")) return 1;
  if (t->flags & VB_T_POSS) return 0;
  if (X->wc[j - 1] & (VB_W_BOUND | VB_W_DET | VB_W_PREP | VB_W_STOP)) return 0;
  if (j > 1 && is_word(X, j - 2) && ((X->wc[j - 2] & VB_W_DET) || (TK(j - 2)->flags & VB_T_POSS)))
    return (t->flags & VB_T_LOWER) != 0;        /* "the campaign notes", not "the Trump attacks" */
  return is_capword(X, j - 1) && !(X->wc[j - 1] & VB_W_TITLE) && !plural_word(X, j - 1);
}

/* A preposition that opens an adverbial after a speech verb: "said in an interview",
 * "said after the meeting", "said to reporters" (not "vowed to ban"). */
static int adverbial_prep(const ctx *X, size_t k) {
  VB_WORDS(w, "in", "at", "on", "after", "during", "before", "while", "with", "from", "via",
              "through", "outside", "inside", "near", "over", "by", "when", "as", "to");
  if (!is_word(X, k) || !(TK(k)->flags & VB_T_LOWER)) return 0;
  if (!(X->wc[k] & (VB_W_PREP | VB_W_BOUND | VB_W_STOP | VB_W_SKIP))) return 0;   /* the listed words are all */
  if (vb_tok_is(X->s, TK(k), "to") && !(is_word(X, k + 1) && ((X->wc[k + 1] & VB_W_DET) || is_capword(X, k + 1) ||
                                                               vb_tok_is(X->s, TK(k + 1), "reporters"))))
    return 0;
  return words_in(X, k, w);
}

/* "told her staff", "told her supporters": "her" owns the lower-case noun at k (no verb,
 * adverb, preposition or clause opener: "told her the pier", "told her directly that",
 * "told her in May") and is no object */
static int possessive_her(const ctx *X, size_t k, size_t se) {
  return k < se && is_lowword(X, k) && !object_start(X, k) && !is_adverb(X, k) &&
         !(X->wc[k] & (VB_W_BOUND | VB_W_AUX | VB_W_SKIP | VB_W_STOP | VB_W_TIME)) && !adverbial_prep(X, k) &&
         !is_icue(X, k);
}

/* The addressee after "told": a pronoun, a name, or a few words up to the clause that
 * starts with a determiner, a pronoun, a name or "that" ("told reporters the delay …").
 * The first token after it. */
static size_t addressee_end(const ctx *X, size_t a, size_t se) {
  VB_WORDS(obj, "him", "her", "them", "us", "me", "you");
  size_t z;
  if (a >= se || !is_word(X, a)) return a;
  if (words_in(X, a, obj) && !(vb_tok_is(X->s, TK(a), "her") && possessive_her(X, a + 1, se))) return a + 1;
  if (is_capword(X, a)) {
    z = vb_run_end(X, a);
    if (TK(z)->flags & VB_T_POSS) { z++; while (z < se && is_lowword(X, z) && z < a + 4 && !object_start(X, z)) z++; return z; }
    return z + 1;
  }
  z = a + ((X->wc[a] & VB_W_DET) != 0 || words_in(X, a, obj));      /* (a possessive "her" passed above) */
  if (z > a && is_capword(X, z)) {                                   /* told the Ledger */
    z = vb_run_end(X, z) + 1;
    /* "told a Senate panel Wednesday", "told the House committee that": a lower-case head
     * after the name, when a time, "that", a preposition or the end follows it (not "told
     * the Ledger reporters were wrong") */
    if (z + 1 < se && is_word(X, z) && possessive_her(X, z, se) && !is_pron(X, z) &&
        !(X->wc[z] & (VB_W_DET | VB_W_REL)) && !(TK(z)->flags & VB_T_POSS) &&
        (!is_word(X, z + 1) || (X->wc[z + 1] & (VB_W_TIME | VB_W_DET)) || vb_tok_is(X->s, TK(z + 1), "that") ||
         adverbial_prep(X, z + 1)))
      z++;
    return z;
  }
  for (int g = 0; g < 3 && z < se && is_lowword(X, z) && !object_start(X, z) &&
                  !(X->wc[z] & (VB_W_BOUND | VB_W_AUX)) && !adverbial_prep(X, z) && !is_icue(X, z); g++)
    z++;
  return z > a ? z : a;
}

/* "last month", "this week", "earlier": a time right after the verb */
static size_t skip_time(const ctx *X, size_t a, size_t se) {
  VB_WORDS(rel, "last", "this", "next");
  VB_WORDS(unit, "week", "month", "year", "weekend", "night", "morning", "summer", "fall",
                 "spring", "winter", "time", "decade");
  VB_WORDS(when, "earlier", "later", "today", "yesterday", "recently", "again");
  for (int g = 0; g < 3 && a < se && is_word(X, a); g++) {
    if (!(X->wc[a] & (VB_W_TIME | VB_W_SKIP | VB_W_DET)) && !vb_tok_is(X->s, TK(a), "next")) break;
    if (X->wc[a] & VB_W_TIME) a += 1 + (a + 1 < se && words_in(X, a + 1, unit));   /* Wednesday morning */
    else if (words_in(X, a, rel) && words_in(X, a + 1, unit)) a += 2;
    else if (words_in(X, a, when)) a++;
    else break;
  }
  return a;
}

/* A form of be or get right before the cue, adverbs apart: a passive ("was asked", "is
 * expected to", "were found"), whose subject is not the source; "is worried that" is a
 * state its subject holds. */
static size_t passive_start(const ctx *X, size_t c);
static int passive_before(const ctx *X, size_t c) { return passive_start(X, c) != VB_NONE; }

/* The first token of the passive verb group before cue c ("has been", "was widely"), or
 * VB_NONE when the cue is no passive. */
static size_t passive_start(const ctx *X, size_t c) {
  VB_WORDS(held, "worried", "concerned", "convinced", "opposed", "committed", "determined",
                 "prepared", "pleased", "disappointed", "frustrated", "surprised");
  VB_WORDS(be, "is", "are", "was", "were", "be", "been", "being");
  VB_WORDS(between, "not", "also", "widely", "never", "often", "first", "still", "now");
  size_t j = c;
  for (int g = 0; g < 3 && j > 0 && is_lowword(X, j - 1); g++, j--) {
    /* the forms of be are listed words (VB_W_SKIP, VB_W_BOUND): most words are not */
    if (!(X->wc[j - 1] & (VB_W_SKIP | VB_W_BOUND)) && !is_adverb(X, j - 1)) return VB_NONE;
    if (words_in(X, j - 1, be)) {
      if (words_in(X, c, held) || (is_icue(X, c) && (CUE(c)->flags & VB_CUE_STATE))) return VB_NONE;
      j--;
      while (j > 0 && is_word(X, j - 1) && (X->wc[j - 1] & (VB_W_AUX | VB_W_SKIP)) && (TK(j - 1)->flags & VB_T_LOWER) &&
             !words_in(X, j - 1, be) && c - j < 5)
        j--;                                   /* "has been", "will be" */
      return j;
    }
    if (!is_adverb(X, j - 1) && !words_in(X, j - 1, between)) return VB_NONE;
  }
  return VB_NONE;
}

/* "showed up", "found himself", "continued to": the verb says something else there */
static int phrasal_other(const ctx *X, size_t c, size_t e) {
  if (!is_word(X, e) || !(TK(e)->flags & VB_T_LOWER) || (X->wc[e] & VB_W_DET)) return 0;
  VB_WORDS(part, "up", "off", "out", "down", "away", "himself", "herself", "itself",
                 "themselves", "myself", "ourselves");
  VB_WORDS(cont, "continue", "continues", "continued", "continuing");
  return words_in(X, e, part) || (is_word(X, e) && vb_tok_is(X->s, TK(e), "to") && words_in(X, c, cont));
}

/* "when asked whether …", "if pressed on …": a participle right after a word that opens
 * an adverbial clause is a passive with its subject left out; the sentence's subject is
 * the one asked, and whoever asked is not named */
static int reduced_passive(const ctx *X, size_t c) {
  VB_WORDS(sub, "when", "if", "once", "unless", "until", "whenever");
  const vb_tok *t = TK(c);
  return c > 0 && words_in(X, c - 1, sub) && (t->flags & VB_T_LOWER) &&
         t->end - t->start > 3 && ((X->s[t->end - 2] == 'e' && X->s[t->end - 1] == 'd') || vb_tok_is(X->s, t, "told"));
}

/* The cue is an infinitive: "to say" */
static int to_infinitive(const ctx *X, size_t c) {
  return c > 0 && (TK(c - 1)->flags & VB_T_LOWER) && TK(c - 1)->end - TK(c - 1)->start == 2 &&
         vb_tok_is(X->s, TK(c - 1), "to");
}

static np phrase_subject(const ctx *X, size_t sb, size_t c);

/* "Democrats trying to win the seat say they …", "Critics like Huffman say it …": a
 * noun-like form after the sentence's subject and a phrase of its own, before a clause */
static int long_subject(const ctx *X, size_t c, size_t e) {
  size_t sb = c;
  if (e >= NT || !is_word(X, e) || !object_start(X, e) || (X->wc[e] & VB_W_PREP) ||
      (vb_noun_first(X, c) && (CUE(c)->flags & VB_CUE_BASE))) return 0;   /* (before the walk; "visited the state Aug. 19") */
  while (sb > 0 && c - sb < 40 && !starts_sent(X, sb)) sb--;
  return starts_sent(X, sb) && phrase_subject(X, sb, c).ok;
}

/* Cue c can report speech here at all: not a passive, a phrasal verb or a participle
 * before its noun ("270 pledged delegates"), a noun-like form only as a verb. */
static int cue_reads(const ctx *X, size_t c, size_t e, unsigned f) {
  if (f & VB_CUE_ACC) return 1;
  if (vb_cue_noun(X, c, e)) return 0;        /* thanks to · in pledged delegates · a group called (iweak.c) */
  /* "wants to support", "refused to say": an infinitive reports for the verb before it */
  if (to_infinitive(X, c))        /* ("continued to say": "continued" reads nothing of its own) */
    return (!(f & VB_CUE_REP) || vb_caused_subject(X, c).ok) && c > 1 && (!is_icue(X, c - 2) || phrasal_other(X, c - 2, c - 1));
  if (!(f & VB_CUE_ING) && passive_before(X, c)) return 0;
  /* "is backing Reyes", "has been calling for": after a form of be, an -ing form is a
   * verb, never the noun it may also be */
  if ((f & VB_CUE_ING) && passive_before(X, c)) return !phrasal_other(X, c, e);
  if (!(f & VB_CUE_ING) && reduced_passive(X, c)) return 0;
  if (phrasal_other(X, c, e) || vb_other_object(X, c, e) || vb_ing_noun(X, c, e)) return 0;
  if (c > 0 && is_word(X, c - 1) &&
      ((TK(c - 1)->flags & (VB_T_DIGIT | VB_T_POSS)) || ((X->wc[c - 1] & VB_W_DET) && !is_pron(X, c - 1))) &&
      is_lowword(X, e) && !object_start(X, e))
    return 0;
  if ((f & VB_CUE_ING) && c > 0 && is_word(X, c - 1) && (X->wc[c - 1] & (VB_W_BOUND | VB_W_DET | VB_W_PREP)) &&
      !(X->wc[c - 1] & VB_W_SKIP) && !(vb_ing_opener(X, c - 1) && e < NT && object_start(X, e)) &&
      ((X->wc[c - 1] & VB_W_DET) || (f & (VB_CUE_REP | VB_CUE_WEAK)) || !(TK(c - 1)->flags & VB_T_LOWER)))
    return 0;        /* "the saying", "of supporting"; a verb of speech after "by", "while", "after" reads,
                      * and one of view after "by", "in" with its object (iweak.c) */
  /* "warning", "claiming": nouns too; a verb after a comma, or with its object or clause
   * right after it and no determiner before ("noting that", "questioning whether") */
  if ((f & VB_CUE_ING) && (f & VB_CUE_WEAK))
    return c > 0 && (is_ch(X, c - 1, ',') ||
                     (e < NT && is_lowword(X, e) && object_start(X, e) &&
                      !(X->wc[e] & VB_W_PREP) && !(is_word(X, c - 1) && (X->wc[c - 1] & VB_W_DET)) &&
                      !(TK(c - 1)->flags & VB_T_POSS)));
  return (f & VB_CUE_ING) || !(f & VB_CUE_WEAK) || weak_verb(X, c, f) || long_subject(X, c, e);
}

/* An infinitive of speech ("went on to say", "declined to say whether", "tweeted on
 * Friday to say"): the verb group before "to" (lower-case words and times, four at most)
 * and, before it, a pronoun or a name the text knows: that subject speaks. */
static np infinitive_subject(const ctx *X, size_t c, size_t sb) {
  np p = {0};
  size_t k = c - 1;
  const ment *m;
  for (int g = 0; g < 4 && k > sb && is_word(X, k - 1) && !(X->wc[k - 1] & VB_W_DET) && !is_pron(X, k - 1) &&
                  ((TK(k - 1)->flags & VB_T_LOWER) || (X->wc[k - 1] & VB_W_TIME)); g++)
    k--;
  if (k == c - 1 || k <= sb || !is_word(X, k - 1)) return p;
  k--;
  if (is_pron(X, k)) { p.a = p.b = k; p.ok = 1; return p; }
  m = vb_ment_at(X, k);
  if (m && m->ent >= 0 && m->b == k) { p.a = m->a; p.b = m->b; p.ok = 1; }
  return p;
}

/* "who", "that" opening a relative clause */
static int rel_opener(const ctx *X, size_t k) {
  return is_lowword(X, k) && (vb_tok_is(X->s, TK(k), "who") || vb_tok_is(X->s, TK(k), "that"));
}

/* A lower-case -ing word that is no cue: "trying", "clamoring" */
static int ing_participle(const ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  return is_word(X, k) && (t->flags & VB_T_LOWER) && !is_icue(X, k) && t->end - t->start > 5 &&
         memcmp(X->s + t->end - 3, "ing", 3) == 0;
}

/* "People with direct knowledge of the talks said", "A report published Wednesday
 * said": the sentence's subject who can speak, then a phrase of its own (a preposition
 * or a participle first; no comma, quote, other cue, relative or auxiliary) up to the cue */
static np phrase_subject_of(const ctx *X, size_t c, np q) {   /* (q: vb_np_subject's) */
  np none = {0};
  size_t z;
  if (!q.ok || q.rel || q.b + 1 >= c || c - q.b > 12 || !vb_speaker_phrase(X, q)) return none;
  z = q.b + 1;
  if (!is_word(X, z) || !(TK(z)->flags & VB_T_LOWER)) return none;
  /* "Supporters who have heard from the campaign say", "Democrats trying to win the
   * seat say": a relative clause or an -ing participle of its own (a plural subject; not
   * "a state that she hoped to win": a pronoun after "that" is the clause's own subject) */
  if ((rel_opener(X, z) || ing_participle(X, z)) && (plural_word(X, q.b) || (X->wc[q.b] & VB_W_SPEAKER))) {
    if (z + 1 < c && is_pron(X, z + 1)) return none;
    for (z++; z < c; z++)
      if (!is_word(X, z) || is_icue(X, z) || vb_conj_word(X, z) || rel_opener(X, z)) return none;
    return q;
  }
  if (!(X->wc[z] & VB_W_PREP) && !subject_prep(X, z) && !vb_past_participle(X, z)) return none;
  for (; z < c; z++)
    if (!is_word(X, z) || is_icue(X, z) || (X->wc[z] & (VB_W_REL | VB_W_AUX)) || vb_conj_word(X, z) ||
        vb_tok_is(X->s, TK(z), "that"))
      return none;
  return q;
}
static np phrase_subject(const ctx *X, size_t sb, size_t c) { return phrase_subject_of(X, c, vb_np_subject(X, sb, c)); }

/* "Gov. Ada Brandt of Osle, a Republican who has refused to endorse Reyes, said the
 * harbour board deserved better.": the sentence opens with a name and its comma, so the
 * comma before the cue closes that name's appositive, and the lower-case words after the
 * cue, running to the sentence's end, are what the name said (a clause whose verb the
 * word lists do not know), not an inverted speaker */
static int named_aside_subject(const ctx *X, const isent *S, np q) {
  size_t ne, sb = vb_after_dateline(X, S->sb, S->c);   /* OSLE — Gov. Ada Brandt */
  if ((q.b + 1 < S->se && !(q.b + 2 >= S->se && !is_ch(X, q.b + 1, ','))) || q.b == q.a || !(TK(q.a)->flags & VB_T_LOWER) ||
      !(is_capword(X, sb) || (X->wc[sb] & VB_W_DET)))
    return 0;
  if (X->wc[sb] & VB_W_DET) {
    /* The board chairman, Piet Amsel, said …: a role, then its name set off by commas */
    size_t z = S->c - 1;
    while (z > sb + 2 && is_capword(X, z - 1)) z--;
    return z + 1 < S->c && is_ch(X, S->c - 1, ',') && is_ch(X, z - 1, ',') && vb_speaker_word(X, z - 2);
  }
  ne = vb_run_end(X, sb);
  if (ne + 2 < S->c && is_word(X, ne + 1) && vb_tok_is(X->s, TK(ne + 1), "of") && is_capword(X, ne + 2))
    ne = vb_run_end(X, ne + 2);                  /* Gov. Ada Brandt of Osle, … */
  return ne + 2 < S->c && is_ch(X, ne + 1, ',') && !(X->wc[sb] & (VB_W_STOP | VB_W_DET | VB_W_PREP));
}

/* A relative pronoun as the cue's subject, over its verb group ("who has repeatedly
 * pledged", "which has been seeking", "all of whom opposed", "a clash that signaled"):
 * the mention is the pronoun with its head when the head is found ("voters who"), else
 * the pronoun or its quantity alone; ok 0 when the cue has no such subject. "that" is a
 * pronoun only after a noun ("nothing that suggests"; not "said that", "so that"). */
static np relative_subject(const ctx *X, size_t c, size_t sb) {
  VB_WORDS(rel, "who", "which", "that");
  np p = {0}, ante;
  size_t j = c, k;
  for (int g = 0; g < 4 && j > sb + 1 && is_lowword(X, j - 1) && !words_in(X, j - 1, rel) &&
                  ((X->wc[j - 1] & (VB_W_AUX | VB_W_SKIP)) || is_adverb(X, j - 1));
       g++)
    j--;
  if (j > sb + 2 && is_word(X, j - 1) && vb_tok_is(X->s, TK(j - 1), "and")) {
    /* "who campaigned on deportation and sought …": a verb coordinated in the clause */
    size_t z;
    for (z = j - 2; z > sb + 1 && j - z < 14 && is_word(X, z) && !words_in(X, z, rel); z--) {}
    if (!is_word(X, z) || !(vb_tok_is(X->s, TK(z), "who") || vb_tok_is(X->s, TK(z), "which"))) return p;
    j = z + 1;
  }
  if (j <= sb + 1 || !is_word(X, --j) || !(TK(j)->flags & VB_T_LOWER)) return p;
  if (vb_tok_is(X->s, TK(j), "whom") || (vb_tok_is(X->s, TK(j), "which") && j > sb + 2 && vb_tok_is(X->s, TK(j - 1), "of"))) {
    /* "all of whom", "two of which" */
    if (j < sb + 3 || !vb_tok_is(X->s, TK(j - 1), "of") || !is_word(X, j - 2) ||
        !((X->wc[j - 2] & VB_W_QUANT) || (TK(j - 2)->flags & VB_T_DIGIT)))
      return p;
    p.a = p.ra = j - 2; p.b = p.rb = j; p.ok = p.rel = 1;
    return p;
  }
  if (!words_in(X, j, rel)) return p;
  if (vb_tok_is(X->s, TK(j), "that") &&
      (!is_word(X, j - 1) ||
       (X->wc[j - 1] & (VB_W_STOP | VB_W_BOUND | VB_W_SKIP | VB_W_AUX | VB_W_PREP | VB_W_DET)) || is_pron(X, j - 1) ||
       is_icue(X, j - 1) || (TK(j - 1)->flags & (VB_T_POSS | VB_T_DIGIT))))
    return p;
  /* "voters who", "Maher, who": the head right before the pronoun or its comma */
  k = is_ch(X, j - 1, ',') && !vb_tok_is(X->s, TK(j), "that") ? j - 1 : j;
  ante = vb_np_before(X, k, sb > 0 ? sb - 1 : VB_NONE);
  if (ante.ok && !ante.rel && ante.b + 1 == k) { p.a = p.ra = ante.a; p.rb = ante.b; }
  else p.a = p.ra = p.rb = j;
  p.b = j; p.ok = p.rel = 1;
  return p;
}

/* The speaker of a cue that is not "according to": an inverted name after a comma
 * ("…, said X"), the words after the last comma before a closing cue ("…, a source close
 * to him said."), else the cue's subject (phrases.c), else the sentence's. */
static np cue_subject(const ctx *X, const isent *S) {
  size_t c = S->c, e = S->e, sb = S->sb, se = S->se;
  np p = {0};
  if (to_infinitive(X, c)) return vb_caused_subject(X, c).ok ? vb_caused_subject(X, c) : infinitive_subject(X, c, sb);
  if ((p = relative_subject(X, c, sb)).ok) return p;
  if ((S->f & VB_CUE_INV) && c > sb + 2 && is_ch(X, c - 1, ',')) {
    np q = vb_np_after(X, e, se);
    if (q.ok && (q.b + 1 >= se || (TK(q.b + 1)->flags & VB_T_PUNCT) || vb_inverted_tail(X, q.b + 1, se)) && vb_speaker_phrase(X, q) &&
        !(X->wc[q.a] & VB_W_BOUND) && !named_aside_subject(X, S, q))
      return q;
  }
  if (c > sb + 2 && vb_end_or_comma(X, e, se) && !(S->f & VB_CUE_ING)) {
    size_t z = c;
    while (z > sb && c - z < 16 && !is_ch(X, z - 1, ',') && !is_quote(X, z - 1)) z--;
    if (z > sb + 1 && z < c && is_ch(X, z - 1, ',') && is_word(X, z) &&
        (is_pron(X, z) || is_capword(X, z) || (X->wc[z] & (VB_W_DET | VB_W_QUANT)) || (TK(z)->flags & VB_T_DIGIT) ||
         vb_speaker_word(X, z))) {                        /* "…, people close to her say." */
      p.a = z; p.b = c - 1; p.ok = 1;
      /* (not the verb group's own words: "…, other studies have found.") */
      while (p.b > p.a && (!is_word(X, p.b) || ((TK(p.b)->flags & VB_T_LOWER) && (X->wc[p.b] & (VB_W_AUX | VB_W_SKIP)) &&
                                                 !is_pron(X, p.b))))
        p.b--;
      return p;
    }
  }
  if (c > sb + 2 && part_of_them(X, c)) { p.a = c - 3; p.b = c - 1; p.ok = 1; return p; }   /* Most of them said */
  if ((p = figure_subject(X, c, sb)).ok) return p;
  p = vb_cue_speaker(X, c, sb > 0 ? sb - 1 : VB_NONE, se, sb);
  if (!(S->f & VB_CUE_ING)) {
    /* the subject before its phrase, not a noun inside the phrase ("Supporters who
     * have heard from the campaign say"), else the sentence's subject when the cue has
     * none; none before a speaker that opens the sentence (a subject from sb on ends at
     * sb or after): then neither is looked for */
    int sp = p.ok && vb_speaker_phrase(X, p);
    if (!sp || p.a > sb) {
      np s0 = vb_np_subject(X, sb, c), q = phrase_subject_of(X, c, s0);
      if (q.ok && (!sp || p.a > q.b)) return q;
      if (!p.ok && (p = s0).ok && p.b >= c) p.ok = 0;
    }
  }
  return p;
}

/* ---------------------------------------------------------------- the rules */

/* CLAUSE, said X. */
static int ir_inverted_after(ctx *X, isent *S, icand *o) {
  if ((S->f & VB_CUE_ACC) || !S->p.ok || S->p.a <= S->c || !is_ch(X, S->c - 1, ',')) return 0;
  if (S->p.b + 1 < S->se && is_ch(X, S->p.b + 1, ',')) return 0;       /* an aside */
  o->p = S->p; o->a = S->sb; o->b = S->c - 1;
  return 1;
}

/* CLAUSE, X said. */
/* The first token after cue S->c and, after "told", its addressee ("…, an aide told the
 * Ledger.") */
static size_t cue_end(const ctx *X, const isent *S) {
  return (S->f & VB_CUE_TELL) ? addressee_end(X, S->e, S->se) : S->e;
}

static int ir_subject_after(ctx *X, isent *S, icand *o) {
  size_t z;
  if ((S->f & VB_CUE_ACC) || !S->p.ok || S->p.a > S->c || S->p.a <= S->sb + 1 || !is_ch(X, S->p.a - 1, ',')) return 0;
  z = vb_skip_when(X, cue_end(X, S), S->se);
  if (z + 1 < S->se && !is_ch(X, z, ';') && !vb_closing_dash(X, z, S->se)) return 0;   /* (a semicolon ends it too) */
  o->p = S->p; o->a = S->sb; o->b = S->p.a - 1;
  return 1;
}

/* PART, X said, PART. · PART, said X, PART: the sentence is the report */
static int ir_aside(ctx *X, isent *S, icand *o) {
  if ((S->f & VB_CUE_ACC) || !S->p.ok) return 0;
  if (S->p.a > S->c) {
    if (!is_ch(X, S->c - 1, ',') || S->p.b + 1 >= S->se || !is_ch(X, S->p.b + 1, ',')) return 0;
  } else if (!(S->p.a > S->sb + 1 && is_ch(X, S->p.a - 1, ',') && vb_end_or_comma(X, cue_end(X, S), S->se))) {
    return 0;
  }
  o->p = S->p; o->a = S->sb; o->b = S->se;
  return 1;
}

/* "believes, for example, that …": a short aside from the comma at k, then "that"; the
 * token of "that", or VB_NONE */
static size_t aside_that(const ctx *X, size_t k, size_t se) {
  size_t z;
  if (k >= se || !is_ch(X, k, ',')) return VB_NONE;
  for (z = k + 1; z < se && z < k + 7 && is_word(X, z); z++) {}
  if (z == k + 1 || z + 1 >= se || !is_ch(X, z, ',') || !is_word(X, z + 1) || !vb_tok_is(X->s, TK(z + 1), "that"))
    return VB_NONE;
  return z + 1;
}

/* X said (that) CLAUSE · X told reporters CLAUSE · X said in an interview that CLAUSE ·
 * X believes CLAUSE · X endorsed NAME: what follows the cue */
static int ir_subject_clause(ctx *X, isent *S, icand *o) {
  VB_WORDS(objpron, "him", "her", "them", "it", "us", "me");
  VB_WORDS(answer, "yes", "no");
  size_t a = S->e, se = S->se;
  if ((S->f & VB_CUE_ACC) || !S->p.ok || S->p.a > S->c) return 0;
  if (S->f & VB_CUE_TELL) a = addressee_end(X, a, se);
  a = skip_time(X, a, se);
  if ((S->f & VB_CUE_REP) && a < se && is_ch(X, a, ',')) {
    if ((a = aside_that(X, a, se)) == VB_NONE) return 0;
  }
  if (a < se && !(S->f & (VB_CUE_REP | VB_CUE_CALL)) && adverbial_prep(X, a)) {
    /* an adverbial first: without a "that" after it, it is all there is */
    size_t z;
    for (z = a; z < se && z < a + 24 && !is_ch(X, z, ',') && !is_quote(X, z) &&
                !(is_icue(X, z) && !(CUE(z)->flags & VB_CUE_WEAK)); z++)   /* "a taping of a radio show" */
      if (vb_tok_is(X->s, TK(z), "that")) break;
    if (z >= se || !is_word(X, z) || !vb_tok_is(X->s, TK(z), "that")) return 0;
    a = z;
  }
  if (a < se && is_word(X, a) && vb_tok_is(X->s, TK(a), "that")) a++;
  if (a < se && vb_conj_word(X, a)) return 0;       /* "laughed and said": no content of its own */
  o->p = S->p; o->a = a; o->b = vb_clause_report_end(X, S, a);
  /* "endorsed Reyes.", "supported him": a view of one named is one word */
  if ((S->f & VB_CUE_REP) && a < se && (is_capword(X, a) || is_pron(X, a) || words_in(X, a, objpron))) o->minw = 1;
  /* "75 percent said yes, but …", "he said no.": an answer is one word */
  if (a + 1 < se && words_in(X, a, answer) && (!is_word(X, a + 1) || vb_conj_word(X, a + 1))) { o->b = a + 1; o->minw = 1; }
  return 1;
}

/* After the quote that took cue S->c, "…” (…) and that": the first token of a clause of
 * the cue's own, or VB_NONE. */
static size_t clause_after_quote(const ctx *X, const isent *S) {
  size_t k;
  for (k = S->e; k < S->se && !is_quote(X, k); k++) {}
  for (size_t z = k + 1; z + 2 < S->se && z < k + 20; z++)
    if (is_word(X, z) && vb_tok_is(X->s, TK(z), "and") && is_word(X, z + 1) && vb_tok_is(X->s, TK(z + 1), "that") &&
        !is_quote(X, z + 2))
      return z + 2;
  return VB_NONE;
}

/* X said the cost was “far too high” and that bids had been ignored: a quote took the
 * cue, and a clause of its own follows the quote */
static int ir_after_quote(ctx *X, isent *S, icand *o) {
  size_t a;
  if (!S->used || !S->p.ok || S->p.a > S->c || (a = clause_after_quote(X, S)) == VB_NONE) return 0;
  o->p = S->p; o->a = a; o->b = S->se;
  return 1;
}

/* "Her view is shared by Warren and other liberals." · "The bill, opposed by House
 * Republicans, never became law.": a passive with its agent; the agent speaks, the
 * subject before the verb is what it holds a view of (read before cue_reads, which
 * leaves other passives out) */
static int by_agent(const ctx *X, const isent *S, np *p) {
  size_t e = S->e;
  if (e + 1 >= S->se || !is_word(X, e) || !vb_tok_is(X->s, TK(e), "by") || (S->f & (VB_CUE_ACC | VB_CUE_ING)))
    return 0;
  if (vb_by_gerund(X, e + 1, S->se)) return 0;   /* responded by pointing a finger (ibounds.c) */
  *p = vb_np_after(X, e + 1, S->se);
  return p->ok && !is_pron(X, p->a) && vb_speaker_phrase(X, *p);
}
static int ir_passive_by(ctx *X, isent *S, icand *o) {
  size_t j = passive_start(X, S->c), a;
  np p;
  if (!by_agent(X, S, &p) || vb_addressed_passive(X, S->c)) return 0;   /* (not "Lund was asked by X": ibounds.c) */
  if (j == VB_NONE) {                          /* a participle after its noun and a comma */
    if (S->c < S->sb + 2 || !is_ch(X, S->c - 1, ',')) return 0;
    j = S->c - 1;
  }
  for (a = j; a > S->sb && j - a < APPOS && !is_ch(X, a - 1, ',') && !is_quote(X, a - 1); a--) {}
  if (a >= j || !is_word(X, a)) return 0;
  o->p = p; o->a = a; o->b = j; o->minw = 1;
  return 1;
}

/* The rules, tried in this order; the first that reads a cue decides. A verb that reports
 * a view (VB_CUE_REP) is given a fifth less confidence than one of speech. */
static const struct irule cue_rules[] = {
  {"passive-by", 0.55, ir_passive_by, 0, 0, 0, 0},                                                /* CLAUSE is shared by X · N, opposed by X, … */
  {"as-by", 0.6, vb_as_by, 0, 0, 0, 0},                                                           /* As reported by X, CLAUSE. (these three: a cue with its agent) */
  {"asked-by", 0.55, vb_asked_by, 0, 0, 0, 0},                                                    /* Asked by X whether CLAUSE, … (iquestion.c) */
  {"in-view", 0.5, vb_in_view, VB_W_NOUN, 0, 0, 0},                                               /* In X's view, CLAUSE. (these seven: read before cue_reads) */
  {"possessive-noun-that", 0.5, vb_poss_noun, VB_W_NOUN, 0, 0, 0},                                /* X's claim that CLAUSE */
  {"noun-participle", 0.45, vb_np_participle, VB_W_ACT, 0, 0, 0},                                 /* a group backing NAME */
  {"opening-participle", 0.5, vb_opening_participle, 0, 0, VB_CUE_ING, VB_CUE_ACC | VB_CUE_USER}, /* Noting that CLAUSE, X VERB (iopener.c) */
  {"relative-gap", 0.55, vb_relative_gap, 0, 0, 0, VB_CUE_ACC | VB_CUE_ING},                      /* which X say could be CLAUSE (irelgap.c) */
  {"according-to", 0.7, vb_according_front, 0, 0, VB_CUE_ACC, 0},                                 /* According to X, CLAUSE. */
  {"according-to-aside", 0.65, vb_according_aside, 0, 0, VB_CUE_ACC, 0},                          /* CLAUSE, according to X, CLAUSE. */
  {"according-to-after", 0.7, vb_according_after, 0, 0, VB_CUE_ACC, 0},                           /* CLAUSE, according to X. */
  {"according-to-that", 0.6, vb_according_that, 0, 0, VB_CUE_ACC, 0},                             /* That’s according to X. */
  {"as-view", 0.6, vb_as_view, 0, 0, 0, 0},                                                       /* As X reported, CLAUSE. · CLAUSE, as X believe. */
  {"clause-cue-inverted", 0.65, ir_inverted_after, 0, 0, 0, VB_CUE_ACC},                          /* CLAUSE, said X. */
  {"clause-subject-cue", 0.65, ir_subject_after, 0, 0, 0, VB_CUE_ACC},                            /* CLAUSE, X said. */
  {"aside", 0.55, ir_aside, 0, 0, 0, VB_CUE_ACC},                                                 /* PART, X said, PART. */
  {"feeling-object", 0.5, vb_feeling_object, 0, 0, VB_CUE_LEARNED, 0},                            /* NAME angered X: X holds a view of NAME (ipsych.c) */
  {"subject-cue-clause", 0.6, ir_subject_clause, 0, 0, 0, VB_CUE_ACC},                            /* X said (that) CLAUSE · X believes CLAUSE */
  {"clause-after-quote", 0.55, ir_after_quote, 0, 0, 0, 0},                                       /* X said “…” and that CLAUSE (last: the one rule for a cue a quote took) */
};

#define NAGENT_RULES 3   /* the first rules of the table: a cue with its agent ("by X") */
#define NPRE_RULES 8     /* and with them, the rules read before cue_reads */

/* ---------------------------------------------------------------- the stage */

static int cmp_size(const void *x, const void *y) {
  size_t u = *(const size_t *)x, v = *(const size_t *)y;
  return u < v ? -1 : u > v;
}

/* The cues the quotes' rules read in their own sentences (sorted byte offsets): those
 * report the quote, not a clause of their own. The cues are asked about in text order,
 * so *at, where the last answer was found, only moves on. */
static int used_cue(const size_t *used, size_t n, size_t *at, size_t off) {
  while (*at < n && used[*at] < off) (*at)++;
  return *at < n && used[*at] == off;
}

/* The candidates of one sentence, compared: a report ends before a coordinated one
 * ("X said A, and Y said B"), stops before a quote (the quote carries that speech),
 * and a report inside another's clause is left to the outer one. */
/* "Lund slams Reyes, praises Venn", "Lund denied the claim and said …": J, a verb of its
 * own after a comma or "and"/"but" inside I's clause, with I's subject (its clause after
 * it): the token where I's clause ends before it, or VB_NONE */
static size_t coordinated_verb(const ctx *X, const icand *I, const icand *J) {
  size_t k = J->c;
  if (J->p.a != I->p.a || J->p.b != I->p.b || J->c <= I->a || J->c >= I->b || J->a <= J->c || I->b <= I->c) return VB_NONE;
  while (k > I->a + 1 && is_lowword(X, k - 1) && is_adverb(X, k - 1)) k--;   /* "and then said" */
  if (k <= I->a + 1) return VB_NONE;
  if (is_word(X, k - 1) && (vb_tok_is(X->s, TK(k - 1), "and") || vb_tok_is(X->s, TK(k - 1), "but"))) k--;
  else if (!is_ch(X, k - 1, ',')) return VB_NONE;
  if (k > I->a + 1 && is_ch(X, k - 1, ',')) k--;
  return k > I->a + 1 ? k : VB_NONE;
}

static void settle(const ctx *X, icand *cs, size_t n) {
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      icand *I = &cs[i];
      size_t s0 = cs[j].p.a, cut;
      if (i != j && (cut = coordinated_verb(X, I, &cs[j])) != VB_NONE) { I->b = cut; continue; }
      if (i == j || s0 <= I->a || s0 >= I->b || s0 == 0 || cs[j].p.a > cs[j].c) continue;
      /* "Back when he wrote his book, Mr. McKinley said that …": a subject after a comma
       * opens a report of its own (its clause after its cue), not a part of the first; but
       * a report that closes its sentence holds it ("In fact, tax filings show …,
       * according to Y.": below) */
      if (is_ch(X, s0 - 1, ',') && cs[j].a > cs[j].c && cs[j].c >= s0 && cs[j].c < I->b && I->b > I->c &&
          !(I->a < I->c && is_icue(X, I->c) && I->c + (size_t)CUE(I->c)->len + 1 == s0)) {      /* (an aside's clause holds its cue: "PART, X said, Y thinks …") */
        if (s0 - 1 > I->a) I->b = s0 - 1;
        continue;
      }
      /* a report that closes its sentence ("A and Y welcomed B, X added.") is cut by
       * nothing inside it: the reports of its clause are its own (below) */
      if (!vb_conj_word(X, s0 - 1) || I->b <= I->c) continue;
      cut = s0 - 1;
      if (cut > 0 && (is_ch(X, cut - 1, ',') || is_ch(X, cut - 1, ';'))) cut--;
      if (cut > I->a) I->b = cut;
    }
  for (size_t i = 0; i < n; i++) {
    icand *I = &cs[i];
    size_t words = 0;
    /* a quote of speech inside the clause (of its quote tokens) carries its own words: the
     * report stops before it, unless the quote is the head of a noun phrase the report has
     * only opened ("what the council calls its “…”"); a term's quote (a name or a scare
     * phrase no one is given) or a partial one ("said the plan was “a mess” and …") stays in */
    for (size_t qs = quote_slot(X, I->a), k; qs < X->T.quotes.n && (k = X->T.quotes.v[qs]) < I->b; qs++) {
      vb_kind qk;
      if (!is_quote(X, k) || (qk = quote_kind(X, k)) == VB_TERM || qk == VB_PARTIAL) continue;
      if (k > I->a && is_word(X, k - 1) && ((X->wc[k - 1] & VB_W_DET) || (TK(k - 1)->flags & VB_T_POSS)))
        I->drop = 1;
      I->b = k;
      break;
    }
    while (I->b > I->a && (TK(I->b - 1)->flags & VB_T_PUNCT)) I->b--;
    while (I->a < I->b && (TK(I->a)->flags & VB_T_PUNCT)) I->a++;
    for (size_t k = I->a; k < I->b && words < 2; k++) words += is_word(X, k);
    if (words < (size_t)(I->minw ? I->minw : 2)) I->drop = 1;
  }
  /* "…, people close to her say.": a report that closes the sentence holds the reports of
   * its clause, though theirs run on to the sentence's end over its cue */
  for (size_t i = 0; i < n; i++)
    if (!cs[i].drop && cs[i].b <= cs[i].c)
      for (size_t j = 0; j < n; j++)
        if (i != j && cs[j].c >= cs[i].a && cs[j].c < cs[i].b && cs[i].c >= cs[j].a && cs[i].c < cs[j].b) cs[j].drop = 1;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      if (i != j && (!cs[j].drop || cs[j].mark) && cs[i].c >= cs[j].a && cs[i].c < cs[j].b) { cs[i].drop = 1; break; }
}

static void emit(ctx *X, const icand *I) {
  vb_analysis *A = X->A;
  vb_quote q;
  vb_part part;
  memset(&q, 0, sizeof q);
  q.start = q.istart = TK(I->a)->start;
  q.end = q.iend = TK(I->b - 1)->end;
  q.part0 = A->qs.parts.n; q.nparts = 1;
  q.kind = VB_INDIRECT; q.parent = -1;
  part.start = part.istart = q.start; part.end = part.iend = q.end;
  if (vb_push(&A->qs.parts, part) || vb_push(&A->qs.q, q) || vb_vgrow(&A->attr, A->qs.q.n)) { X->oom = 1; return; }
  A->attr.v[A->attr.n++] = (vb_attr){-1, nospan, nospan, 0, NULL};
  if (!vb_attribute(X, A->qs.q.n - 1, I->c, I->p, I->conf, I->rule)) {
    A->qs.q.n--; A->qs.parts.n--; A->attr.n--;       /* no speaker after all: no item */
  }
}

/* Put the items, appended after the quotes, back in text order: both runs are sorted, so
 * one merge orders them; quotes, attributions and parents follow. Their line and column
 * (0 until then) come from the driver, which walks the text once. */
static void merge_back(ctx *X, size_t first) {
  vb_analysis *A = X->A;
  size_t nq = A->qs.q.n, *ord, *inv;
  vb_quote *q2;
  vb_attr *a2;
  /* one block for the four: the quotes, the attributions, then the two orders */
  _Static_assert(sizeof(vb_quote) % _Alignof(vb_attr) == 0 && sizeof(vb_attr) % _Alignof(size_t) == 0, "block layout");
  q2 = malloc(nq * (sizeof *q2 + sizeof *a2 + 2 * sizeof *ord));
  if (!q2) { X->oom = 1; return; }
  a2 = (vb_attr *)(void *)(q2 + nq);
  ord = (size_t *)(void *)(a2 + nq);
  inv = ord + nq;
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
  free(q2);
}

/* The tokens that start a cue, in text order, into ct (room for T.cues.n): the cue list
 * knows them, so the sentences need not be walked token by token to find them. The
 * lexicon marks its cues in text order; a user pattern's come after, and are sorted in. */
static size_t cue_tokens(const ctx *X, size_t *ct) {
  size_t n = 0;
  int sorted = 1;
  for (size_t i = 0; i < X->T.cues.n; i++) {
    size_t k = X->T.cues.v[i].at;
    if (k >= NT || X->T.t.v[k].cue != (int)i) continue;   /* an entry no token names */
    if (n && ct[n - 1] > k) sorted = 0;
    ct[n++] = k;
  }
  if (!sorted) qsort(ct, n, sizeof *ct, cmp_size);
  return n;
}

void vb_find_indirect(ctx *X) {
  vb_analysis *A = X->A;
  size_t first = A->qs.q.n, nused = 0, uat = 0, nct, ci = 0;
  size_t *used = malloc((first + 1 + X->T.cues.n + 1) * sizeof *used), *ct = used ? used + first + 1 : NULL;
  VB_VEC(icand) cs = {0}; vb_brackets B = {{NULL, NULL}, {0, 0}, {0, 0}};   /* (B: for vb_sentence_break) */
  vb_sread M;                                      /* (the sentence rules' answers) */
  vb_sread_init(&M);
  if (!used || vb_brackets_find(X, &B)) { free(used); vb_brackets_free(&B); X->oom = 1; return; }
  for (size_t i = 0; i < first; i++)
    if (A->attr.v[i].cue.start != VB_NONE && vb_rule_in_sentence(A->attr.v[i].rule)) used[nused++] = A->attr.v[i].cue.start;
  for (size_t i = 1; i < nused; i++)          /* in quote order, so mostly sorted already */
    if (used[i - 1] > used[i]) { qsort(used, nused, sizeof *used, cmp_size); break; }
  nct = cue_tokens(X, ct);
  /* each sentence, in pieces where reported speech reads a break the tokenizer does not
   * (vb_sentence_break): nb, the next piece's start, or VB_NONE for the next sentence */
  for (size_t si = 0, nb = VB_NONE; si < X->T.sent.n && !X->oom; si += nb == VB_NONE) {
    isent S;
    size_t se0 = si + 1 < X->T.sent.n ? X->T.sent.v[si + 1] : NT;
    S.sb = nb != VB_NONE ? nb : X->T.sent.v[si];
    S.se = vb_piece_end(X, &B, S.sb, se0);
    nb = S.se < se0 ? S.se : VB_NONE;
    if (S.se - S.sb < 3 || S.se - S.sb > 150) continue;     /* a list or a run-on: no clause shape */
    cs.n = 0;
    M.asked = 0;
    S.words = vb_classes_of(X->wc, S.sb, S.se);   /* the classes alone: what the sentence rules need */
    const unsigned live = vb_sread_live(&M, S.words);   /* (the sentence rules that may read it) */
    while (ci < nct && ct[ci] < S.sb) ci++;
    for (size_t cj = ci; cj < nct && ct[cj] < S.se && !X->oom; cj++) {
      icand o;
      size_t c = ct[cj];
      S.c = c; S.e = c + (size_t)CUE(c)->len; S.f = CUE(c)->flags;
      S.used = used_cue(used, nused, &uat, TK(c)->start) && !vb_partial_inside(X, &S);   /* (icontinue.c) */
      if (S.used && clause_after_quote(X, &S) == VB_NONE) {
        /* the quote's cue, and only that: "X said she wanted to speak “…”" reports the
         * quote, and "wanted" inside its clause is no report of its own */
        size_t q;
        for (q = S.e; q < S.se && !is_quote(X, q); q++) {}
        if (q < S.se && q > S.e) {
          memset(&o, 0, sizeof o);
          o.c = c; o.a = S.e; o.b = q; o.drop = o.mark = 1;
          if (vb_push(&cs, o)) X->oom = 1;
        }
        continue;
      }
      /* the rules of a cue with its agent ("by X": what by_agent reads), then those of a
       * shape of their own that the tests below would leave out ("In her view, …"): the
       * first that reads decides; a passive with its agent that none reads is left */
      {
        int agent = by_agent(X, &S, &S.p);
        size_t r;
        for (r = agent ? 0 : NAGENT_RULES; r < NPRE_RULES; r++) {
          if ((cue_rules[r].needs && !(X->wc[c] & cue_rules[r].needs)) || !vb_rule_flags(&cue_rules[r], S.f)) continue;
          memset(&o, 0, sizeof o);
          if (cue_rules[r].read(X, &S, &o)) break;
        }
        if (r < NPRE_RULES) {
          o.c = c; o.rule = cue_rules[r].name; o.conf = cue_rules[r].strength;
          if (vb_push(&cs, o)) X->oom = 1;
          continue;
        }
        if (agent) continue;
      }
      /* a verb of view reports what follows it: nothing follows, nothing to read; but one
       * that closes its sentence after a comma and its subject reports the clause before
       * ("…, a Fox poll found."), and one in an aside the sentence ("X, they believe, Y") */
      if ((S.f & VB_CUE_REP) && (S.e >= S.se || (!(TK(S.e)->flags & (VB_T_WORD | VB_T_QUOTE)) && !is_ch(X, S.e, '$') &&
                                                 aside_that(X, S.e, S.se) == VB_NONE)) &&
          !vb_bare_view(X, &S))
        continue;                                  /* (a sum is a word: "wants $1 billion") */
      if (!cue_reads(X, c, S.e, S.f)) continue;
      if (!(S.f & VB_CUE_ACC)) {
        S.p = cue_subject(X, &S);
        if (!S.p.ok || !vb_speaker_phrase(X, S.p) || vb_no_speaker(X, &S)) continue;
      }
      memset(&o, 0, sizeof o);
      for (size_t r = S.used ? sizeof cue_rules / sizeof *cue_rules - 1 : NPRE_RULES; r < sizeof cue_rules / sizeof *cue_rules; r++) {
        if (!vb_rule_flags(&cue_rules[r], S.f) || !cue_rules[r].read(X, &S, &o)) continue;
        o.c = c;
        o.rule = cue_rules[r].name;
        o.conf = cue_rules[r].strength * ((S.f & VB_CUE_REP) ? 0.8 : 1.0);
        if (vb_push(&cs, o)) X->oom = 1;
        break;
      }
    }
    /* a sentence rule whose report holds the cues' ("Lynch: X said …"): read beside them */
    for (unsigned bits = cs.n ? live & M.outer : 0; bits && !X->oom; bits &= bits - 1) {
      icand o;
      size_t in = 0, r = vb_low_bit(bits);
      if (!vb_sentence_read(X, &S, r, &M, &o)) continue;
      for (size_t i = 0; i < cs.n; i++) in += !cs.v[i].mark && cs.v[i].c >= o.a && cs.v[i].c < o.b;
      if (!in) continue;                           /* (it holds no cue's report: read below, if at all) */
      o.rule = vb_sentence_rules[r].name;
      o.conf = vb_sentence_rules[r].strength;
      if (vb_push(&cs, o)) X->oom = 1;
      break;
    }
    size_t nread = 0, nc = cs.n;                   /* the candidates besides the marks */
    vb_closing_after(X, cs.v, cs.n);
    settle(X, cs.v, cs.n);
    /* the sentence rules read a sentence whose cues gave no report that stands ("Lynch:
     * No outside influence on FBI probe"), those of outer 2 any (beside what stands) */
    for (size_t i = 0; i < cs.n; i++) nread += !cs.v[i].mark && !cs.v[i].drop;
    for (unsigned bits = live & (nread ? M.outer2 : ~0u); bits && !X->oom; bits &= bits - 1) {
      icand o;
      size_t r = vb_low_bit(bits);
      if (!vb_sentence_read(X, &S, r, &M, &o)) continue;
      o.rule = vb_sentence_rules[r].name;
      o.conf = vb_sentence_rules[r].strength;
      if (vb_push(&cs, o)) X->oom = 1;
    }
    if (cs.n > nc) { settle(X, cs.v + nc, cs.n - nc); vb_drop_beside(cs.v, nc, cs.n); }
    for (size_t i = 0; i < cs.n && !X->oom; i++) if (!cs.v[i].drop) emit(X, &cs.v[i]);
  }
  vb_vfree(&cs); vb_brackets_free(&B);
  free(used);                                      /* (and ct, in its block) */
  if (!X->oom && A->qs.q.n > first) merge_back(X, first);
}
