/* icause.c: the subject of an infinitive of speech that a cause set off: "the loss led
 * some allies to worry whether …", "the email prompted the chairwoman to announce …",
 * "his remarks caused many to wonder if …". The noun phrase between the causing verb
 * and "to" speaks, not the sentence's subject (indirect.c asks it for a cue right after
 * "to", before it reads the verb group's subject). It calls nothing of indirect.c's. */
#include "attrib_int.h"
#include "indirect_int.h"

VB_WORDS(causing_verbs, "led", "leads", "lead", "leading", "prompted", "prompts", "prompting", "caused", "causes",
                        "causing", "spurred", "spurring", "inspired", "inspiring");

np vb_caused_subject(const ctx *X, size_t c) {
  np p = {0};
  size_t v;
  if (c < 3 || !is_word(X, c - 1) || !vb_tok_is(X->s, TK(c - 1), "to")) return p;
  /* back from the word before "to" over a short phrase of words (no mark, no cue) to
   * the causing verb */
  for (v = c - 2; v > 0 && c - v < 8 && is_word(X, v) && !is_icue(X, v) && !(X->wc[v] & VB_W_REL); v--)
    if ((TK(v)->flags & VB_T_LOWER) && words_in(X, v, causing_verbs)) break;
  if (v == 0 || v + 2 >= c || !is_word(X, v) || !words_in(X, v, causing_verbs)) return p;
  p.a = v + 1; p.b = c - 2; p.ok = 1;
  if (!vb_speaker_phrase(X, p) || (X->wc[p.a] & (VB_W_BOUND | VB_W_PREP))) p.ok = 0;
  return p;
}
