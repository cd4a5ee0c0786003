/* iweak.c: the subjects after which a weak cue form (a verb that is also a noun: claims,
 * reports, say, show) reads as a verb, besides those weak_verb (indirect.c) works through
 * itself: a table of named shapes; the verbs whose noun-phrase object says they report
 * nothing ("maintains a lead"), another; and the cue forms that are no verb where they
 * stand ("thanks to", "in pledged delegates", "a group called"), a third. It calls
 * nothing of indirect.c's. */
#include "indirect_int.h"

/* "The Ledger reports that …", "the Osle Gazette claims the …": an -s form after a
 * determiner's name, with "that", a pronoun or another name opening its clause (not "the
 * Trump attacks on", "the Lund plans for") */
static int ws_det_name(const ctx *X, size_t j, size_t e, unsigned f) {
  VB_WORDS(opener, "that", "he", "she", "they", "it", "we", "i");
  size_t r = j - 1;
  if ((f & VB_CUE_BASE) || !is_capword(X, r) || (X->wc[r] & (VB_W_TITLE | VB_W_STOP | VB_W_TIME)) ||
      (plural_word(X, r) && !(X->wc[r] & VB_W_ORG)))   /* (but "The Osle Times reports": a body's word) */
    return 0;
  while (r > 0 && j - r < 5 && is_capword(X, r - 1) && !(TK(r - 1)->flags & VB_T_POSS) && !(X->wc[r - 1] & VB_W_STOP)) r--;
  if (r == 0 || !is_word(X, r - 1) || !(X->wc[r - 1] & VB_W_DET) || is_pron(X, r - 1)) return 0;
  return e < NT && is_word(X, e) &&
         (words_in(X, e, opener) || (is_capword(X, e) && !(X->wc[e] & (VB_W_DET | VB_W_STOP | VB_W_TIME))));
}

/* "Osle police say they …", "port data show that …": a base form after a lower-case noun
 * for people, a body or a document, with a clause after it */
static int ws_speaker_noun(const ctx *X, size_t j, size_t e, unsigned f) {
  VB_WORDS(opener, "that", "he", "she", "they", "it", "we", "i", "there");
  if (!(f & VB_CUE_BASE) || !(TK(j - 1)->flags & VB_T_LOWER) || (TK(j - 1)->flags & VB_T_POSS) ||
      !(X->wc[j - 1] & VB_W_SPEAKER) || (X->wc[j - 1] & (VB_W_DET | VB_W_PREP | VB_W_BOUND)))
    return 0;
  return e < NT && is_word(X, e) && words_in(X, e, opener);
}

/* "people familiar with the plan say the …", "a source close to the mayor says it …": a
 * weak form after the phrase of a relation adjective whose head is a noun for people or a
 * body, with a clause after it */
static int ws_relation_head(const ctx *X, size_t j, size_t e, unsigned f) {
  VB_WORDS(rel, "familiar", "close");
  VB_WORDS(prep, "with", "to");
  (void)f;
  if (e >= NT || !is_word(X, e) || !((X->wc[e] & VB_W_DET) || is_pron(X, e) || is_capword(X, e) || vb_tok_is(X->s, TK(e), "that")))
    return 0;
  for (size_t r = j - 1; r > 0 && j - r < 8 && is_word(X, r); r--)
    if (words_in(X, r, rel) && (TK(r)->flags & VB_T_LOWER) && r + 2 < j && words_in(X, r + 1, prep))
      return is_word(X, r - 1) && (X->wc[r - 1] & VB_W_SPEAKER) && !(TK(r - 1)->flags & VB_T_POSS);
  return 0;
}

static const struct {
  const char *name;
  int (*holds)(const ctx *X, size_t j, size_t e, unsigned f);
} weak_subjects[] = {
  {"relation-head", ws_relation_head}, /* people familiar with the plan say the … */
  {"det-name", ws_det_name},           /* The Ledger reports that … */
  {"speaker-noun", ws_speaker_noun},   /* Osle police say they … */
};

int vb_weak_subject(const ctx *X, size_t j, size_t e, unsigned f) {
  if (j == 0 || !is_word(X, j - 1)) return 0;
  for (size_t r = 0; r < sizeof weak_subjects / sizeof *weak_subjects; r++)
    if (weak_subjects[r].holds(X, j, e, f)) return 1;
  return 0;
}

/* Verbs that report a view only with a clause after them, and with a noun phrase for
 * object (or another word that is no clause's) say something else: "maintained a large
 * lead", "maintains close ties", "can't find jobs", "find their way", "turned back to
 * look" (not "maintained that …", "who back Reyes"): the cue's forms, and a test of the
 * token e after it */
VB_WORDS(maintain_forms, "maintain", "maintains", "maintained", "maintaining");
VB_WORDS(find_forms, "find", "finds", "finding");
VB_WORDS(back_forms, "back");
VB_WORDS(np_open, "a", "an", "the", "its", "their", "his", "our", "my", "your", "this", "these",
                  "those", "some", "more", "no", "any", "close");
/* a noun phrase: a determiner's, or a bare plural ("find jobs") */
static int obj_np(const ctx *X, size_t e) {
  if (e >= NT || !is_word(X, e) || !(TK(e)->flags & VB_T_LOWER)) return 0;
  return words_in(X, e, np_open) ||
         (plural_word(X, e) && !is_pron(X, e) && !(X->wc[e] & (VB_W_DET | VB_W_AUX | VB_W_SKIP | VB_W_BOUND)));
}
/* "back" as an adverb: a preposition or the end after it ("turned back to", "brought
 * the jobs back.", "pushes back on") */
static int obj_adverb(const ctx *X, size_t e) {
  VB_WORDS(prep, "to", "on", "at", "in", "into", "from", "home", "then");
  return e >= NT || !is_word(X, e) || words_in(X, e, prep);
}
/* "found ways to", "found a way to", "hasn't found the way": a way found, no finding */
VB_WORDS(found_forms, "found");
static int obj_way(const ctx *X, size_t e) {
  VB_WORDS(way, "way", "ways");
  if (e >= NT || !is_lowword(X, e)) return 0;
  return words_in(X, e, way) || (words_in(X, e, np_open) && e + 1 < NT && is_lowword(X, e + 1) && words_in(X, e + 1, way));
}
static const struct {
  const char *name;
  const char *const *forms;
  const unsigned *forms_h;   /* (VB_WORDS) */
  uint64_t forms_fl, forms_fl2, forms_fl3;
  int (*other)(const ctx *X, size_t e);
} other_objects[] = {
  {"maintain-np", maintain_forms, maintain_forms_h, maintain_forms_fl, maintain_forms_fl2, maintain_forms_fl3, obj_np},   /* Lund maintains a wide lead */
  {"find-np", find_forms, find_forms_h, find_forms_fl, find_forms_fl2, find_forms_fl3, obj_np},               /* they can't find jobs that … · find their way */
  {"found-way", found_forms, found_forms_h, found_forms_fl, found_forms_fl2, found_forms_fl3, obj_way},        /* Lund found ways to press his agenda */
  {"back-adverb", back_forms, back_forms_h, back_forms_fl, back_forms_fl2, back_forms_fl3, obj_adverb},       /* I turned back to look · it will not bring the jobs back */
};

int vb_other_object(const ctx *X, size_t c, size_t e) {
  /* the lists' filter bits at once: nearly every cue is in none of them */
  const uint64_t fl = maintain_forms_fl | find_forms_fl | back_forms_fl | found_forms_fl;
  const uint64_t fl2 = maintain_forms_fl2 | find_forms_fl2 | back_forms_fl2 | found_forms_fl2;
  unsigned th;
  if (!is_word(X, c)) return 0;
  th = TK(c)->hash;
  if (!((fl >> (th & 63)) & (fl2 >> ((th >> 6) & 63)) & 1u)) return 0;
  for (size_t r = 0; r < sizeof other_objects / sizeof *other_objects; r++)
    if (words_in(X, c, other_objects[r].forms)) return other_objects[r].other(X, e);
  return 0;
}

/* Forms that news writes as nouns far more than as verbs ("state parties", "in that
 * state", "Rust Belt states that …"): such a form reads as a verb only after an
 * auxiliary or a pronoun of its own ("will state", "it states"; "to state" is read
 * before), or, the -s form, after a determiner's lower-case noun ("the memo states") */
VB_WORDS(noun_first, "state", "states");
int vb_noun_first(const ctx *X, size_t c) { return words_in(X, c, noun_first); }

/* An -ing form after a determiner's or a possessive's adjectives, with a preposition or
 * the end after it, is a noun: "a poor showing in Iowa", "his best showing with the
 * GOP", "Romney's weak showing." (a participle has its object or clause after it: "a
 * poll showing Trump ahead", "data showing that …") */
int vb_ing_noun(const ctx *X, size_t c, size_t e) {
  VB_WORDS(prep, "in", "with", "on", "at", "for", "among", "since", "after", "of", "by", "from");
  size_t k = c;
  if (!(CUE(c)->flags & VB_CUE_ING) || !(e >= NT || !is_word(X, e) || words_in(X, e, prep))) return 0;
  while (k > 0 && c - k < 4 && is_lowword(X, k - 1) && !is_icue(X, k - 1) &&
         !(TK(k - 1)->flags & VB_T_POSS) && !(X->wc[k - 1] & (VB_W_DET | VB_W_PREP | VB_W_AUX | VB_W_SKIP | VB_W_BOUND | VB_W_REL)))
    k--;                                             /* the adjectives: "unexpectedly strong third-place" */
  return k < c && k > 0 && is_word(X, k - 1) && !is_pron(X, k - 1) &&
         ((X->wc[k - 1] & VB_W_DET) || (TK(k - 1)->flags & VB_T_POSS));
}

/* A cue form that opens a compound preposition with the words after it: "thanks to the
 * storm", "thanks in part to", "thanks largely to" (because of: no one thanks anyone) */
#define CP(a, b) {a, b, VB_WH(a), VB_WH(b)}   /* (the words' hashes: most cues differ in them) */
static const struct { const char *cue, *next; unsigned hc, hn; } compound_preps[] = {
  CP("thanks", "to"), CP("thanks", "in"), CP("thanks", "largely"), CP("thanks", "partly"), CP("thanks", "mostly"),
};
#undef CP
static int compound_prep(const ctx *X, size_t c, size_t e) {
  if (!is_word(X, c) || e >= NT || !is_word(X, e)) return 0;
  for (size_t i = 0; i < sizeof compound_preps / sizeof *compound_preps; i++)
    if (TK(c)->hash == compound_preps[i].hc && TK(e)->hash == compound_preps[i].hn &&
        vb_tok_is(X->s, TK(c), compound_preps[i].cue) && vb_tok_is(X->s, TK(e), compound_preps[i].next)) return 1;
  return 0;
}

/* A past participle right after a preposition, with a lower-case word after it that
 * opens no object, is an adjective of that noun: "a lead in pledged delegates", "a rise
 * in reported cases", "the number of reported attacks" (no verb follows a preposition) */
static int prep_participle(const ctx *X, size_t c, size_t e) {
  VB_WORDS(prep, "in", "of", "among", "with", "for", "from", "on", "at");
  const vb_tok *t = TK(c);
  if (c == 0 || t->end - t->start < 4 || X->s[t->end - 1] != 'd' || X->s[t->end - 2] != 'e' || !words_in(X, c - 1, prep) ||
      !(TK(c - 1)->flags & VB_T_LOWER))
    return 0;
  return e < NT && is_lowword(X, e) && !(X->wc[e] & (VB_W_DET | VB_W_PRON | VB_W_REL)) &&
         !is_pron(X, e) && !vb_tok_is(X->s, TK(e), "that") && !vb_tok_is(X->s, TK(e), "to");
}

/* "a group called Citizens First", "a website called “Osle Watch”": a naming participle
 * right after a lower-case noun that "a" opens (not a pronoun, a name or a verb's
 * auxiliary), with a name or a quote after it, names the noun; no one speaks */
static int naming_call(const ctx *X, size_t c, size_t e) {
  VB_WORDS(called, "called", "named", "dubbed", "titled", "entitled");
  size_t h = c - 1;
  if (c == 0 || !(CUE(c)->flags & VB_CUE_CALL) || !words_in(X, c, called) || !is_word(X, h) || !(TK(h)->flags & VB_T_LOWER) ||
      is_pron(X, h) || is_icue(X, h) || (X->wc[h] & (VB_W_AUX | VB_W_SKIP | VB_W_DET | VB_W_PREP | VB_W_BOUND | VB_W_REL | VB_W_PRON)))
    return 0;
  if (!(e < NT && (is_capword(X, e) || is_quote(X, e) || (is_word(X, e) && vb_tok_is(X->s, TK(e), "the") && is_capword(X, e + 1)))))
    return 0;
  /* the noun a new one, "a" or "an" before it ("a civil rights group called"; not "the
   * band leader called Venn a …", "his campaign called the report …") */
  for (size_t k = h; k-- > 0 && h - k < 5 && is_word(X, k) && !is_icue(X, k);) {
    if (vb_tok_is(X->s, TK(k), "a") || vb_tok_is(X->s, TK(k), "an")) return 1;
    if (X->wc[k] & (VB_W_DET | VB_W_PREP | VB_W_BOUND | VB_W_AUX | VB_W_SKIP) || (TK(k)->flags & VB_T_POSS)) return 0;
  }
  return 0;
}

/* "call out" with a preposition or the end right after it is a shout, or a passive's
 * ("were calling out across the square", "was called out for", "is calling out for a
 * leader"): censure has its object right after it ("called out the board for …") */
static int call_out_shout(const ctx *X, size_t c, size_t e) {
  VB_WORDS(call_forms, "call", "calls", "called", "calling");
  VB_WORDS(prep, "to", "for", "across", "from", "at", "in", "into", "over", "through", "as", "with");
  if (c + 1 >= NT || e != c + 2 || !words_in(X, c, call_forms) || !vb_tok_is(X->s, TK(c + 1), "out")) return 0;
  return e >= NT || !is_word(X, e) || words_in(X, e, prep);
}

/* The cue forms that are no verb where they stand, whatever the sentence (cue_reads in
 * indirect.c asks them first) */
static const struct {
  const char *name;
  int (*holds)(const ctx *X, size_t c, size_t e);
} cue_nouns[] = {
  {"compound-prep", compound_prep},       /* thanks to the storm */
  {"prep-participle", prep_participle},   /* a lead in pledged delegates */
  {"naming-call", naming_call},           /* a group called Citizens First */
  {"call-out-shout", call_out_shout},     /* residents were calling out across the square */
};
int vb_cue_noun(const ctx *X, size_t c, size_t e) {
  for (size_t r = 0; r < sizeof cue_nouns / sizeof *cue_nouns; r++)
    if (cue_nouns[r].holds(X, c, e)) return 1;
  return 0;
}

/* The words after which a participle of view or a weak one still reads, its object or
 * clause right after it: "rallied thousands by promising to impose …", "in endorsing
 * Ryan", "while praising the plan", "after thanking her staff", "for criticizing the
 * board" (not "the saying", "of supporting") */
VB_WORDS(ing_openers, "by", "in", "while", "without", "after", "before", "for");
int vb_ing_opener(const ctx *X, size_t k) { return words_in(X, k, ing_openers); }
