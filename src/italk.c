/* italk.c: a verb of talking (or writing, testifying) reports what it is about: "Obama
 * spoke at the White House on Tuesday about rights that had been denied", "He is talking
 * to voters about health care", "she spoke out sharply against the levy". The verb's own
 * adverbials, addressee, place and time come first (a few words, no punctuation); what
 * follows "about" or "against" is the report, and the verb's subject (a speaker) its
 * source. Sentence rules (isentence.c's table), read beside the cues' reports: the talking
 * verbs are no cues of the lexicon (their forms "talks", "speaking" are nouns and asides
 * as often), and a writing verb's own rules read nothing past an adverbial. */
#include "indirect_int.h"

VB_WORDS(talk_forms, "speak", "speaks", "spoke", "spoken", "speaking",
                     "talk", "talks", "talked", "talking", "write", "writes", "wrote",
                     "written", "writing", "testified", "testifies", "testify", "tweeted",
                     "joked", "preached", "lectured");
VB_WORDS(topic, "about", "against");

/* The token of "about" or "against" in the few words after the verb (from e), with a word
 * after it, or VB_NONE */
static size_t topic_word(const ctx *X, size_t e, size_t se) {
  for (size_t z = e; z < se && z < e + 9; z++) {
    if (!is_word(X, z) || is_icue(X, z) || vb_tok_is(X->s, TK(z), "that")) return VB_NONE;
    /* (not "spoke for about 30 minutes": "about" a number's); "spoke briefly of", "talks
     * freely of": "of" right after an adverb of the verb's */
    if (words_in(X, z, topic) || (z == e + 1 && is_adverb(X, e) && vb_tok_is(X->s, TK(z), "of")))
      return z + 1 < se && is_word(X, z + 1) && !(TK(z + 1)->flags & VB_T_DIGIT) &&
                     !(z > e && vb_tok_is(X->s, TK(z - 1), "for"))
                 ? z
                 : VB_NONE;
  }
  return VB_NONE;
}

np vb_group_subject(const ctx *X, const isent *S, size_t k) {
  size_t j = k;
  np p;
  /* the verb group: "has been talking", "also spoke", "is now talking", "continues to draw" */
  while (j > S->sb + 1 && k - j < 4 && is_lowword(X, j - 1) &&
         ((X->wc[j - 1] & (VB_W_AUX | VB_W_SKIP)) || is_adverb(X, j - 1)) && !is_pron(X, j - 1) &&
         !(X->wc[j - 1] & (VB_W_DET | VB_W_PREP | VB_W_REL)))
    j--;
  p = vb_np_before(X, j, S->sb > 0 ? S->sb - 1 : VB_NONE);
  if (p.ok && (p.b + 1 != j || p.a < S->sb || (TK(p.b)->flags & VB_T_POSS))) p.ok = 0;
  return p;
}

static int base_form(const ctx *X, size_t k) { return vb_tok_is(X->s, TK(k), "talk") || vb_tok_is(X->s, TK(k), "speak"); }

int vb_talk_about(ctx *X, isent *S, icand *o) {
  for (size_t k = S->sb + 1; k + 2 < S->se; k++) {
    size_t z;
    np p;
    if (!(X->wc[k] & VB_W_ACT) || !(TK(k)->flags & VB_T_LOWER) ||
        !words_in(X, k, talk_forms) || (z = topic_word(X, k + 1, S->se)) == VB_NONE)
      continue;
    p = vb_group_subject(X, S, k);
    if (!p.ok || !vb_speaker_phrase(X, p)) continue;
    /* a base form ("talk", "speak") is a noun after an adjective ("his tough talk about"):
     * a verb after an auxiliary, a pronoun, a plural or a name */
    if (p.b + 1 == k && base_form(X, k) && !is_pron(X, p.b) && !plural_word(X, p.b) && !is_capword(X, p.b)) continue;
    o->p = p; o->c = k; o->a = z + 1; o->b = vb_report_end(X, z + 1, S->se); o->minw = 1;
    return 1;
  }
  return 0;
}

/* "Trump made no mention of Bush", "Lund made comments about the levy", "she gave a
 * speech on trade", "the board issued a warning about the tides": a light verb, a few
 * modifiers (no verb, preposition or punctuation), a noun of speech, then the preposition
 * or "that" that opens what the speech was about: that is the report, the verb's subject
 * its source */
VB_WORDS(light_verbs, "made", "make", "makes", "making", "gave", "give", "gives", "giving",
                      "delivered", "delivers", "deliver", "delivering", "issued", "issues",
                      "issuing", "offered", "offers", "offering", "took", "takes", "take",
                      "taking", "raised", "raises", "raise", "raising", "voiced");
VB_WORDS(act_nouns, "mention", "reference", "references", "comment", "comments", "remark",
                    "remarks", "statement", "statements", "case", "point", "points", "promise",
                    "promises", "plea", "appeal", "commitment", "pitch", "allegation",
                    "allegations", "prediction", "predictions", "argument", "arguments",
                    "accusation", "accusations", "speech", "speeches", "suggestion", "warning",
                    "warnings", "announcement", "assessment", "criticism", "call", "defense",
                    "apology", "endorsement", "complaint", "complaints", "pledge", "vow",
                    "claim", "claims", "address", "presentation", "testimony", "swing",
                    "swipe", "swipes", "shot", "shots", "jab", "jabs", "dig", "digs", "potshots",
                    "exception", "credit", "concern", "concerns", "questions", "doubts",
                    "objections", "alarm", "alarms");
VB_WORDS(act_preps, "of", "about", "on", "for", "against", "that", "over");
/* a blow's target after "at" ("took a shot at Y"; not "made the pledge at a rally"), an
 * objection's after "to" ("took exception to Y") */
VB_WORDS(aim_nouns, "swing", "swipe", "swipes", "shot", "shots", "jab", "jabs", "dig", "digs",
                    "potshots");
static int act_prep(const ctx *X, size_t n) {
  if (!is_word(X, n + 1)) return 0;
  if (vb_tok_is(X->s, TK(n + 1), "at")) return words_in(X, n, aim_nouns);
  if (vb_tok_is(X->s, TK(n + 1), "to")) return vb_tok_is(X->s, TK(n), "exception");
  return words_in(X, n + 1, act_preps);
}

int vb_speech_act(ctx *X, isent *S, icand *o) {
  for (size_t k = S->sb + 1; k + 3 < S->se; k++) {
    size_t n;
    np p;
    if (!(X->wc[k] & VB_W_LIGHT) || !(TK(k)->flags & VB_T_LOWER) || is_icue(X, k) ||
        !words_in(X, k, light_verbs))
      continue;
    for (n = k + 1; n < S->se && n < k + 5 && is_lowword(X, n) && !words_in(X, n, act_nouns) &&
                    !is_icue(X, n) && !(X->wc[n] & (VB_W_PREP | VB_W_AUX | VB_W_REL)) && !is_pron(X, n);
         n++) {}
    if (n + 2 >= S->se || !is_word(X, n) || !words_in(X, n, act_nouns) || !act_prep(X, n) ||
        !is_word(X, n + 2))
      continue;
    p = vb_group_subject(X, S, k);
    if (!p.ok || !vb_speaker_phrase(X, p)) continue;
    o->p = p; o->c = k; o->a = n + 2; o->b = vb_report_end(X, n + 2, S->se); o->minw = 1;
    return 1;
  }
  return 0;
}
