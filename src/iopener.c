/* iopener.c: the openers of a sentence that name who holds its clause. A participle of
 * speech that opens its sentence, its clause set off by a comma before the sentence's
 * subject: "Noting that the ferry was late, Lund asked …", "Declaring that he alone
 * could fix it, the mayor offered …", "Noting she had won, …", "Discussing the delays,
 * Lund …"; not "Citing the report, …", whose participle takes an object that is no
 * view. The subject after the comma speaks, and the participle's clause is what it said
 * (indirect.c's cue table lists the rule; it reads before cue_reads, which trusts an
 * -ing form that is also a noun only after a comma). And "To X, CLAUSE" (a sentence
 * rule). It calls nothing of indirect.c's. */
#include "attrib_int.h"
#include "indirect_int.h"

/* The words a participle or "to" may follow at its sentence's start: "But noting …" */
VB_WORDS(opener_links, "but", "and", "yet", "still");
/* and the words of time or manner a participle may follow: "After suggesting that …" */
VB_WORDS(participle_links, "but", "and", "yet", "still", "after", "before", "while", "when", "since", "in", "by",
                           "without");
/* The participles whose object is the topic they speak of: "Discussing the show's
 * success, the actor …", "Recognizing the gap, Trump's circle …" (not "Citing the
 * report", "Reading from a text", whose object is no view) */
VB_WORDS(topic_participles, "discussing", "emphasizing", "considering", "recognizing", "painting", "lamenting",
                            "claiming", "criticizing", "praising", "touting", "describing", "expecting",
                            "acknowledging", "decrying", "denouncing", "highlighting", "defending", "dismissing",
                            "attacking", "blasting", "announcing", "rejecting", "mocking", "slamming", "chiding",
                            "thanking", "accusing");
/* The pronouns that open a clause with no "that" before it */
VB_WORDS(clause_subjects, "he", "she", "they", "it", "we", "i", "there");

int vb_opening_participle(ctx *X, isent *S, icand *o) {
  size_t c = S->c, a = S->e;
  if (!(S->f & VB_CUE_ING) || (S->f & (VB_CUE_ACC | VB_CUE_USER))) return 0;
  if (c != S->sb && !(c == S->sb + 1 && words_in(X, S->sb, participle_links))) return 0;
  /* a clause, not an object: "that" or a pronoun subject first ("Noting he had …"; not
   * "Citing local news outlets, …", "Responding to the criticism, …"), but for a
   * participle whose object is its topic */
  {
    size_t t = vb_skip_when(X, a, S->se);          /* "Suggesting on Wednesday that …" */
    if (t < S->se && is_word(X, t) && vb_tok_is(X->s, TK(t), "that")) a = t;
  }
  if (a < S->se && is_word(X, a) && vb_tok_is(X->s, TK(a), "that")) a++;
  else if (!(a < S->se && words_in(X, a, clause_subjects)) && !words_in(X, c, topic_participles)) return 0;
  if (a + 2 >= S->se || !is_word(X, a)) return 0;
  /* the clause runs to the first comma after which a subject who can speak stands before
   * a lower-case verb: "…, Lund asked", "…, the mayor offered" (not "…, though, …") */
  for (size_t z = a + 2; z + 2 < S->se && z < a + 60; z++) {
    np q;
    if (!is_ch(X, z, ',')) continue;
    q = vb_np_after(X, z + 1, S->se);
    if (!q.ok || q.b + 1 >= S->se || !is_word(X, q.b + 1) || !(TK(q.b + 1)->flags & VB_T_LOWER)) continue;
    if (!vb_speaker_phrase(X, q) || (X->wc[q.a] & VB_W_BOUND)) return 0;
    o->p = q; o->a = a; o->b = z;
    return 1;
  }
  return 0;
}

/* "To Ms. Gil, skateboarding is a cry of dissent.", "But to others, he is a journalist.",
 * "To Sexton, who has studied the rallies, Tuesday marked a turning point.": a sentence
 * that opens with "to" and one who can hold a view, set off by a comma: the clause after
 * it is that holder's view (a sentence rule, isentence.c's table) */
VB_WORDS(to_word, "to");
VB_WORDS(to_holders, "him", "her", "them", "many", "some", "others", "critics", "supporters", "voters", "me", "us");
int vb_to_holder(ctx *X, isent *S, icand *o) {
  size_t k = S->sb, z;
  np q = {0};
  /* (read in every sentence: the length of its first word passes most by) */
  if (TK(k)->end - TK(k)->start != 2) {
    if (TK(k)->end - TK(k)->start > 5 || !words_in(X, k, opener_links)) return 0;
    k++;
  }
  if (k + 4 >= S->se || !words_in(X, k, to_word)) return 0;
  if (words_in(X, k + 1, to_holders)) {
    q.a = q.b = k + 1; q.ok = q.named = 1;   /* ("To many, …": a source by its construction) */
  } else {
    q = vb_np_after(X, k + 1, S->se);
    /* a name ("To Ms. Gil"), not an infinitive's object ("To win the White House") */
    if (!q.ok || !is_capword(X, q.a) || !is_capword(X, q.b) || (X->wc[q.a] & (VB_W_TIME | VB_W_BOUND)) || !vb_speaker_phrase(X, q)) return 0;
  }
  z = q.b + 1;
  if (z + 2 >= S->se || !is_ch(X, z, ',')) return 0;
  /* a relative clause on the holder ("To Sexton, who has …, CLAUSE"): its comma ends it */
  if (is_word(X, z + 1) && (X->wc[z + 1] & VB_W_REL)) {
    for (z += 2; z < S->se && !is_ch(X, z, ','); z++) {}
    if (z + 2 >= S->se) return 0;
  }
  o->p = q; o->c = k; o->a = z + 1; o->b = S->se;
  return 1;
}
