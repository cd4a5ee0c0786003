/* pwords.c: the words a speaker's phrase is read by, each alone: a word for one who may
 * speak, a count after "of", an age, a word that links a sentence to the one before.
 * Nothing here reads more than a token and its neighbour. */
#include <string.h>
#include "attrib_int.h"

/* A lower-case word that names people, a body or a document: one the lexicon lists
 * (VB_W_SPEAKER, and the gendered nouns), or a person by trade: -er, -or, -ist, -ian,
 * -ant, -ent, -ee, -man, -men, -ess (the plural s apart). */
int vb_speaker_word(const ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  const char *e;
  size_t n;
  if (X->wc[k] & (VB_W_SPEAKER | VB_W_MNOUN | VB_W_FNOUN)) return 1;
  n = base_end(X, k) - t->start;
  if (n <= 4) return 0;
  e = X->s + t->start + n;
  if (e[-1] == 's') {
    if (n > 5 && !memcmp(e - 4, "ress", 4)) return 1;   /* actress, waitress */
    e--; n--;
  }
  return (e[-2] == 'e' && e[-1] == 'r') || (e[-2] == 'o' && e[-1] == 'r') || (e[-2] == 'e' && e[-1] == 'e') ||
         !memcmp(e - 3, "man", 3) || !memcmp(e - 3, "men", 3) ||
         (n > 5 && (!memcmp(e - 3, "ist", 3) || !memcmp(e - 3, "ian", 3) || !memcmp(e - 3, "ant", 3) ||
                    !memcmp(e - 3, "ent", 3)));
}

/* Counts that end a phrase after "of" ("a father of two", "the mother of three"). */
VB_WORDS(count_words, "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                      "eleven", "twelve");

int vb_count_of(const ctx *X, size_t k) {
  return k >= 2 && (TK(k)->flags & VB_T_LOWER) && words_in(X, k, count_words) && vb_tok_is(X->s, TK(k - 1), "of") &&
         is_lowword(X, k - 2);
}

int vb_age_word(const ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  return (t->flags & VB_T_DIGIT) && t->end - t->start > 5 && !memcmp(X->s + t->end - 4, "-old", 4);
}

/* Words that link a sentence to the one before and stand before its subject. */
VB_WORDS(lead_link, "and", "but", "so", "then", "yet", "still", "now");

int vb_lead_link(const ctx *X, size_t k) { return is_word(X, k) && words_in(X, k, lead_link); }

/* Adverbs and prepositions that open a sentence before its subject without -ly, -ing or
 * -ed to show it ("Ahead of the vote, Lund met …", "Soon after, the board …", "Fresh
 * off the primary, the senator …") */
VB_WORDS(opening_adverbs, "ahead", "soon", "together", "fresh", "later", "earlier", "meanwhile",
                          "instead", "amid", "despite");

int vb_opening_adverb(const ctx *X, size_t k) { return is_word(X, k) && words_in(X, k, opening_adverbs); }

/* Conjunctions after which a quantity alone opens a clause as its subject ("…, and
 * another says", "while some say", "but most believe") */
VB_WORDS(quant_conj, "and", "but", "while", "whereas", "though", "although");

int vb_quant_conj(const ctx *X, size_t k) { return words_in(X, k, quant_conj); }
