/* iquestion.c: a question put by its agent: "Asked by Matt Lauer whether she had
 * practiced, she said …", "Sanders was asked by the host whether his aim was …",
 * "pressed by the moderator to release the transcripts". The agent asked, and the
 * question is the report (indirect.c's cue table lists the rule among those of a cue
 * with its agent, by_agent's phrase in S->p). It calls nothing of indirect.c's. */
#include "attrib_int.h"
#include "indirect_int.h"

VB_WORDS(asking_verbs, "asked", "pressed", "questioned", "challenged");
/* the words that open the question after its agent */
VB_WORDS(question_openers, "whether", "if", "about", "on", "to", "why", "how", "what", "who", "when", "for");

int vb_asked_by(ctx *X, isent *S, icand *o) {
  size_t a, z;
  if (!words_in(X, S->c, asking_verbs) || !S->p.ok) return 0;
  a = vb_skip_when(X, S->p.b + 1, S->se);            /* "asked by Ingraham on Thursday about …" */
  if (a + 1 >= S->se || !words_in(X, a, question_openers)) return 0;
  for (z = a + 1; z < S->se && !is_ch(X, z, ',') && !is_ch(X, z, ';') && !is_quote(X, z); z++) {}
  o->p = S->p; o->a = a; o->b = z;
  return 1;
}
