/* iholder.c: a noun of a stance after its holder's possessive, and the phrase it takes:
 * "Lund's attacks on Reyes", "her decision to close the pier", "his call for a recount",
 * "Orsk's embrace of the levy". The holder speaks, and what follows the noun's preposition
 * is what the stance is about (a sentence rule, isentence.c's table; read in every
 * sentence, it stands only where it meets no cue's report). Each noun takes the words
 * of its row: "attacks on", not "attacks to"; "decision to", not "decision with". */
#include "attrib_int.h"
#include "indirect_int.h"

VB_WORDS(holder_prons, "his", "her", "their", "its");

/* the rows: nouns, and the words after them that open what the stance is about */
VB_WORDS(n_attack, "attacks");
VB_WORDS(p_attack, "on", "against");
VB_WORDS(n_of, "criticism", "endorsement", "endorsements", "embrace", "assessment", "announcement", "promises");
VB_WORDS(p_of, "of");
VB_WORDS(n_to, "decision", "pledge", "pledges", "refusal", "proposal", "proposals", "call", "calls", "vow",
               "promise", "promises");
VB_WORDS(p_to, "to");
VB_WORDS(n_for, "call", "calls", "proposal", "proposals");
VB_WORDS(p_for, "for");
VB_WORDS(n_that, "suggestion", "vow", "promise", "assessment", "announcement");
VB_WORDS(p_that, "that");

#define ROW(n, p) {n, n##_h, {n##_fl, n##_fl2, n##_fl3}, p, p##_h, {p##_fl, p##_fl2, p##_fl3}}
static const struct holder_row {
  const char *const *n; const unsigned *nh; uint64_t nfl[3];
  const char *const *p; const unsigned *ph; uint64_t pfl[3];
} rows[] = {
  ROW(n_attack, p_attack),   /* his attacks on Reyes */
  ROW(n_of, p_of),           /* Orsk's embrace of the levy */
  ROW(n_to, p_to),           /* her decision to close the pier */
  ROW(n_for, p_for),         /* his call for a recount */
  ROW(n_that, p_that),       /* his suggestion that the vote was rigged */
};
#undef ROW

/* Noun n and the word after it make a row's pair */
static int stance_pair(const ctx *X, size_t n) {
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
    if (word_in_fl(X, n, rows[i].n, rows[i].nh, rows[i].nfl[0], rows[i].nfl[1], rows[i].nfl[2]) &&
        word_in_fl(X, n + 1, rows[i].p, rows[i].ph, rows[i].pfl[0], rows[i].pfl[1], rows[i].pfl[2]))
      return 1;
  return 0;
}

/* The holder's phrase that ends at token k: a possessive pronoun, or a name whose last
 * word is possessive ("Ada Brandt's", "the DNC's"); its first token, or VB_NONE */
static size_t holder_at(const ctx *X, size_t k, size_t sb) {
  size_t a = k;
  if (!is_word(X, k)) return VB_NONE;
  if (!(TK(k)->flags & VB_T_POSS)) return (X->wc[k] & VB_W_DET) && words_in(X, k, holder_prons) ? k : VB_NONE;
  if (!is_capword(X, k)) return VB_NONE;
  while (a > sb && k - a < 4 && is_capword(X, a - 1) && !(X->wc[a - 1] & VB_W_STOP)) a--;
  if (a > sb && is_word(X, a - 1) && (X->wc[a - 1] & VB_W_DET) && !is_pron(X, a - 1) && (TK(a - 1)->flags & VB_T_LOWER)) a--;
  return a;
}

/* A word between the holder and its noun: a lower-case adjective ("his recent call") */
static int holder_adjective(const ctx *X, size_t k) {
  return is_lowword(X, k) && !(TK(k)->flags & VB_T_POSS) &&
         !(X->wc[k] & (VB_W_DET | VB_W_PREP | VB_W_STOP | VB_W_BOUND | VB_W_AUX | VB_W_SKIP)) && !is_icue(X, k);
}

/* "Cruz reboots his attacks on Reyes", "he has stepped up his attacks": a pronoun's stance
 * (holder [a..k]) as the object of its clause's verb is the clause subject's, which it
 * names (not after a preposition or an adverb: "persistent in her criticism of", "most
 * recently her decision to"); else p, the pronoun */
static np object_holder(const ctx *X, const isent *S, size_t a, size_t k, np p) {
  np q;
  if (a != k || a <= S->sb + 1 || !is_lowword(X, a - 1) || (X->wc[a - 1] & (VB_W_PREP | VB_W_DET | VB_W_BOUND | VB_W_STOP)) ||
      vb_conj_word(X, a - 1) || is_adverb(X, a - 1))
    return p;
  q = vb_np_subject(X, S->sb, a);
  if (!q.ok || q.rel || q.b + 1 >= a || !(is_capword(X, q.b) || (is_pron(X, q.b) && q.a == q.b)) || !vb_speaker_phrase(X, q))
    return p;
  return q;
}

int vb_stance_holder(ctx *X, isent *S, icand *o) {
  /* the noun first (a word of class A: most sentences have none), then its holder */
  for (size_t n = S->sb + 1; n + 2 < S->se; n++) {
    size_t k = n - 1, a, z;
    if (!(X->wc[n] & VB_W_ACT) || !(TK(n)->flags & VB_T_LOWER) || !stance_pair(X, n)) continue;
    while (k > S->sb && n - k < 3 && holder_adjective(X, k)) k--;
    if ((a = holder_at(X, k, S->sb)) == VB_NONE) continue;
    /* what the stance is about: to a mark or the sentence's end */
    for (z = n + 2; z < S->se && !is_ch(X, z, ',') && !is_ch(X, z, ';') && !is_ch(X, z, ':') && !is_dash(X, z) &&
                    !is_ch(X, z, '(');
         z++) {}
    o->p.a = a; o->p.b = k; o->p.ok = 1; o->p.rel = 0;
    o->p = object_holder(X, S, a, k, o->p);
    o->c = n; o->a = words_in(X, n + 1, p_to) ? n + 1 : n + 2; o->b = z;
    o->minw = 1;
    return 1;
  }
  return 0;
}
