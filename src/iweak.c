/* iweak.c: the subjects after which a weak cue form (a verb that is also a noun: claims,
 * reports, say, show) reads as a verb, besides those weak_verb (indirect.c) works through
 * itself: a table of named shapes. It calls nothing of indirect.c's. */
#include "indirect_int.h"

/* "The Ledger reports that …", "the Osle Gazette claims the …": an -s form after a
 * determiner's name, with "that", a pronoun or another name opening its clause (not "the
 * Trump attacks on", "the Lund plans for") */
static int ws_det_name(const ctx *X, size_t j, size_t e, unsigned f) {
  static const char *const opener[] = {"that", "he", "she", "they", "it", "we", "i", NULL};
  size_t r = j - 1;
  if ((f & VB_CUE_BASE) || !is_capword(X, r) || (X->wc[r] & (VB_W_TITLE | VB_W_STOP | VB_W_TIME)) || plural_word(X, r)) return 0;
  while (r > 0 && j - r < 5 && is_capword(X, r - 1) && !(TK(r - 1)->flags & VB_T_POSS)) r--;
  if (r == 0 || !is_word(X, r - 1) || !(X->wc[r - 1] & VB_W_DET) || is_pron(X, r - 1)) return 0;
  return e < NT && is_word(X, e) &&
         (word_in(X, e, opener) || (is_capword(X, e) && !(X->wc[e] & (VB_W_DET | VB_W_STOP | VB_W_TIME))));
}

/* "Osle police say they …", "port data show that …": a base form after a lower-case noun
 * for people, a body or a document, with a clause after it */
static int ws_speaker_noun(const ctx *X, size_t j, size_t e, unsigned f) {
  static const char *const opener[] = {"that", "he", "she", "they", "it", "we", "i", "there", NULL};
  if (!(f & VB_CUE_BASE) || !(TK(j - 1)->flags & VB_T_LOWER) || (TK(j - 1)->flags & VB_T_POSS) ||
      !(X->wc[j - 1] & VB_W_SPEAKER) || (X->wc[j - 1] & (VB_W_DET | VB_W_PREP | VB_W_BOUND)))
    return 0;
  return e < NT && is_word(X, e) && word_in(X, e, opener);
}

static const struct {
  const char *name;
  int (*holds)(const ctx *X, size_t j, size_t e, unsigned f);
} weak_subjects[] = {
  {"det-name", ws_det_name},           /* The Ledger reports that … */
  {"speaker-noun", ws_speaker_noun},   /* Osle police say they … */
};

int vb_weak_subject(const ctx *X, size_t j, size_t e, unsigned f) {
  if (j == 0 || !is_word(X, j - 1)) return 0;
  for (size_t r = 0; r < sizeof weak_subjects / sizeof *weak_subjects; r++)
    if (weak_subjects[r].holds(X, j, e, f)) return 1;
  return 0;
}
