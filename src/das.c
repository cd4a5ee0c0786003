/* das.c: "As the columnist Ada Lind wrote years ago, “…”": a sentence that opens with
 * "As", a speaker and a verb of saying, writing or singing, and brings the quote in after
 * the opener's comma: the one after "As" speaks, however far the verb is from the mark. */
#include "attrib_int.h"

/* the verbs of the shape the cue lexicon lacks ("As X put it", "as X sang"); its own
 * cues are asked through is_icue */
VB_WORDS(as_verbs, "put", "puts", "written", "sang", "sings", "sung");

int vb_rule_as_opener(ctx *X, shape *S, match *m) {
  size_t k = S->k, a = S->sb;
  np p;
  if (k < a + 4 || !is_ch(X, k - 1, ',')) return 0;
  if (vb_lead_link(X, a)) a++;                    /* "And as X put it, …" */
  if (!is_word(X, a) || !vb_tok_is(X->s, TK(a), "as")) return 0;
  for (size_t c = k - 1; c-- > a + 2 && k - c <= 16;) {
    if (is_ch(X, c, ';') || is_ch(X, c, ':') || is_ch(X, c, '.')) return 0;
    if (!is_lowword(X, c) || (!is_icue(X, c) && !words_in(X, c, as_verbs))) continue;
    p = vb_np_after(X, a + 1, c);
    if (!p.ok || !vb_quote_speaker_phrase(X, p)) return 0;
    return vb_found(m, is_cue(X, c) ? c : VB_NONE, p, 1);
  }
  return 0;
}
