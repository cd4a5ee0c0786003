/* icause.c: the subject of an infinitive of speech that a cause set off: "the loss led
 * some allies to worry whether …", "the email prompted the chairwoman to announce …",
 * "his remarks caused many to wonder if …". The noun phrase between the causing verb
 * and "to" speaks, not the sentence's subject; after an adjective and a form of be,
 * "voters are more likely to say …", the subject of "be" (indirect.c asks it for a cue
 * right after "to", before it reads the verb group's subject). It calls nothing of
 * indirect.c's. */
#include "attrib_int.h"
#include "indirect_int.h"

VB_WORDS(causing_verbs, "led", "leads", "lead", "leading", "prompted", "prompts", "prompting", "caused", "causes",
                        "causing", "spurred", "spurring", "inspired", "inspiring");

/* the adjectives that take an infinitive of speech after a form of be, whose subject
 * speaks: "voters are more likely to say …", "aides were quick to note …" */
VB_WORDS(infinitive_adjs, "likely", "unlikely", "quick", "eager", "willing", "unwilling", "reluctant", "careful",
                          "hesitant", "ready", "loath", "keen");
VB_WORDS(degree_words, "more", "less", "most", "least", "much", "far", "even", "also", "still", "not", "as",
                        "twice", "very", "so");
VB_WORDS(be_forms, "is", "are", "was", "were", "be", "been", "seem", "seems", "seemed", "remain", "remains");

/* "Democratic voters are slightly more likely to say …": back from the adjective before
 * "to" at a over its adverbs to a form of be, and the phrase before it */
static np adjective_subject(const ctx *X, size_t a) {
  np p = {0};
  size_t v = a;
  while (v > 1 && a - v < 4 && is_lowword(X, v - 1) && (is_adverb(X, v - 1) || words_in(X, v - 1, degree_words)) &&
         !words_in(X, v - 1, be_forms))
    v--;
  if (v < 2 || !is_lowword(X, v - 1) || !words_in(X, v - 1, be_forms)) return p;
  p = vb_np_before(X, v - 1, VB_NONE);
  if (!p.ok || p.rel || p.b + 2 != v || !vb_speaker_phrase(X, p) || (X->wc[p.a] & VB_W_BOUND)) p.ok = 0;
  return p;
}

np vb_caused_subject(const ctx *X, size_t c) {
  np p = {0};
  size_t v;
  if (c < 3 || !is_word(X, c - 1) || !vb_tok_is(X->s, TK(c - 1), "to")) return p;
  if (is_lowword(X, c - 2) && words_in(X, c - 2, infinitive_adjs)) return adjective_subject(X, c - 2);
  /* back from the word before "to" over a short phrase of words (no mark, no cue) to
   * the causing verb */
  for (v = c - 2; v > 0 && c - v < 8 && is_word(X, v) && !is_icue(X, v) && !(X->wc[v] & VB_W_REL); v--)
    if ((TK(v)->flags & VB_T_LOWER) && words_in(X, v, causing_verbs)) break;
  if (v == 0 || v + 2 >= c || !is_word(X, v) || !words_in(X, v, causing_verbs)) return p;
  p.a = v + 1; p.b = c - 2; p.ok = 1;
  if (!vb_speaker_phrase(X, p) || (X->wc[p.a] & (VB_W_BOUND | VB_W_PREP))) p.ok = 0;
  return p;
}
