/* indirect_int.h: what the reported-speech stage (indirect.c) shares with its sentence
 * rules (isentence.c): the candidates, the sentence being read, the rule tables' shape. */
#ifndef VB_INDIRECT_INT_H
#define VB_INDIRECT_INT_H
#include "attrib_int.h"

/* A candidate: the clause [a, b) reported at cue c (or the token a sentence rule read),
 * by the speaker p. */
typedef struct icand {
  size_t c, a, b;
  np p;
  const char *rule;
  double conf;
  int drop;
  int minw;               /* the fewest words the clause may hold (0: two) */
  int mark;               /* a quote's cue: never emitted, but its clause up to the quote
                           * holds the reports inside it, as an outer report does */
} icand;

/* The sentence [sb, se) and the cue being read: c, its end e, its flags f; p its speaker
 * (p.ok 0 when none was found), for the rules that read a subject or an inverted name. */
typedef struct isent {
  size_t sb, se, c, e;
  unsigned f;
  np p;
  int used;               /* a quote's rule took the cue (its words are that quote's) */
  unsigned words;         /* the word classes the sentence holds */
} isent;

typedef int (*iread)(ctx *X, isent *S, icand *o);
struct irule {
  const char *name;
  double strength;
  iread read;
  unsigned needs;         /* a word class the sentence must hold for the rule to look (a
                           * rule of indirect.c's cue table: the cue's first word) */
  int outer;              /* 1: a sentence rule read beside the cues' reports, whose report
                           * holds those of the cues inside it ("Lynch: X said …"); 2: one
                           * read in every sentence, whose report stands where it meets
                           * none of theirs ("X spoke to voters about Y, and Z said …") */
  unsigned fany, fnone;   /* a rule of the cue table: the cue's flags (VB_CUE_*) hold one of
                           * fany (0: any cue) and none of fnone, or the rule reads nothing
                           * (its own first test, asked here before the call) */
};
/* Rule R of the cue table may read a cue of flags f */
static inline int vb_rule_flags(const struct irule *R, unsigned f) { return (!R->fany || (f & R->fany)) && !(f & R->fnone); }

/* A lower-case word of past tense (-ed), no cue: "surveyed", "published" */
static inline int vb_past_participle(const ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  return is_word(X, k) && (t->flags & VB_T_LOWER) && !is_icue(X, k) && t->end - t->start > 4 &&
         X->s[t->end - 2] == 'e' && X->s[t->end - 1] == 'd';
}

/* A plural in -s: "voters", "officials", "Saudis" (not "news", "status", "analysis"; a
 * capitalized word in -is inside its sentence is a people's name); "women", "men" */
static inline int plural_word(const ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  size_t n = t->end - t->start;
  if (n >= 3 && X->s[t->end - 1] == 'n' && (vb_tok_is(X->s, t, "women") || vb_tok_is(X->s, t, "men"))) return 1;
  return !(t->flags & (VB_T_POSS | VB_T_UPPER)) && n > 3 && X->s[t->end - 1] == 's' && X->s[t->end - 2] != 's' &&
         X->s[t->end - 2] != 'u' && (X->s[t->end - 2] != 'i' || ((t->flags & VB_T_CAP) && !(t->flags & VB_T_SENT)));
}

/* A weak cue form (one that is also a noun: claims, say, show) reads as a verb after the
 * word j - 1 (adverbs and times passed), e the token after the cue, f its flags: a subject
 * of the table in iweak.c that weak_verb (indirect.c) does not work through itself */
int vb_weak_subject(const ctx *X, size_t j, size_t e, unsigned f);
/* Cue c, e the token after it, is a verb that reports only with a clause, and a noun
 * phrase follows it ("maintains a wide lead": a table, iweak.c) */
int vb_other_object(const ctx *X, size_t c, size_t e);
/* Cue c is an -ing form used as a noun ("a poor showing in Iowa": iweak.c) */
int vb_ing_noun(const ctx *X, size_t c, size_t e);
/* Cue c, e the token after it, is no verb where it stands: it opens a compound
 * preposition ("thanks to"), is a past participle after a preposition before its noun ("a
 * lead in pledged delegates"), or "called" naming the noun before it ("a group called
 * Citizens First"): a table, iweak.c */
int vb_cue_noun(const ctx *X, size_t c, size_t e);
/* After word k ("by", "in", "while", "without"), a participle of view or a weak one reads
 * when its object or clause follows ("by promising to …": iweak.c) */
int vb_ing_opener(const ctx *X, size_t k);
/* Cue c is a base form that news writes as a noun first ("state": a list, iweak.c) */
int vb_noun_first(const ctx *X, size_t c);

/* The words after z to the sentence's end or a comma are a time at most ("said
 * Monday."): the first token after them (vb_skip_when); z's clause ends there */
size_t vb_skip_when(const ctx *X, size_t z, size_t se);
int vb_end_or_comma(const ctx *X, size_t z, size_t se);
/* The first token at or after a where a report's clause ends: its sentence's end se, or
 * before a semicolon or a new clause of its own (ibounds.c) */
size_t vb_report_end(const ctx *X, size_t a, size_t se);
/* vb_report_end, for the clause after cue S->c; a report in a subordinate clause that
 * opens its sentence ("While X said A, B …") ends at the clause's comma (isubclause.c) */
size_t vb_clause_report_end(const ctx *X, const isent *S, size_t a);
/* The brackets of the window's text, for vb_sentence_break: the byte offsets of its '('
 * (v[0]) and ')' (v[1]) in text order, and how far the walk over its sentences has come in
 * each (ibounds.c). vb_brackets_find: 0, or -1 when memory ran out; vb_brackets_free. */
typedef struct vb_brackets { size_t *v[2], n[2], at[2]; } vb_brackets;
int vb_brackets_find(const ctx *X, vb_brackets *B);
void vb_brackets_free(vb_brackets *B);
/* 1 when a byte of [b0, b1) is bracket m of B (b0 at or after the last asked) */
static inline int vb_bracket_in(vb_brackets *B, int m, size_t b0, size_t b1) {
  while (B->at[m] < B->n[m] && B->v[m][B->at[m]] < b0) B->at[m]++;
  return B->at[m] < B->n[m] && B->v[m][B->at[m]] < b1;
}
/* The end of the piece of sentence [sb, se) that reported speech reads from sb (ibounds.c);
 * the pieces are asked in text order. Inline, the test that most sentences stop at: every
 * break of its table is at a bracket, and most sentences hold none. */
size_t vb_sentence_break(const ctx *X, vb_brackets *B, size_t sb, size_t se);
static inline size_t vb_piece_end(const ctx *X, vb_brackets *B, size_t sb, size_t se) {
  if (se <= sb + 1 || (!vb_bracket_in(B, 0, TK(sb)->start, TK(se - 1)->end) &&
                       !vb_bracket_in(B, 1, TK(sb)->start, TK(se - 1)->end)))
    return se;
  return vb_sentence_break(X, B, sb, se);
}
/* The cue S->c is a verb of view with nothing after it that still reports: it closes its
 * sentence after a comma and its subject, or stands in an aside (a table, ibounds.c) */
int vb_bare_view(const ctx *X, const isent *S);
/* The quote that took cue S->c is a partial one inside a clause of the cue's own, a few
 * words after the cue ("said the plan was “a disaster” and …": icontinue.c) */
int vb_partial_inside(const ctx *X, const isent *S);
/* Candidates [n0, n) of a sentence rule read beside the cues' reports [0, n0): those that
 * meet a standing report are dropped (icontinue.c) */
void vb_drop_beside(icand *cs, size_t n0, size_t n);
/* After an inverted speaker at k, a phrase of a place or a body, or a relative clause,
 * runs to the sentence's end ("…, says Ada Brandt in Osle."): icontinue.c */
int vb_inverted_tail(const ctx *X, size_t k, size_t se);
/* The subject of the verb group that ends at verb k in sentence S ("the board has also
 * won", "Lund is now talking"): its phrase, ok 0 when the group has none right before it,
 * or a possessive (italk.c) */
np vb_group_subject(const ctx *X, const isent *S, size_t k);
/* X spoke to voters about CLAUSE: a sentence rule (italk.c) */
int vb_talk_about(ctx *X, isent *S, icand *o);
/* X made no mention of CLAUSE · X gave a speech on CLAUSE: a sentence rule (italk.c) */
int vb_speech_act(ctx *X, isent *S, icand *o);
/* X's attacks on CLAUSE · her decision to CLAUSE: a sentence rule (iholder.c) */
int vb_stance_holder(ctx *X, isent *S, icand *o);
/* X has strong support among Y: the subject reported, the backers its source (ibacking.c) */
int vb_backing_from(ctx *X, isent *S, icand *o);
/* The subject S->p found for cue S->c speaks for no one ("It was … that") */
int vb_no_speaker(const ctx *X, const isent *S);
/* S->p is the "who" of a relative clause in the aside of a speaker a closing cue names
 * ("…,” said Ada, a strategist who advised X"), and cue S->c no verb of speech (ibio.c) */
int vb_bio_relative(const ctx *X, const isent *S);
/* "by" at k before a gerund and its object ("responded by pointing a finger"): no agent */
int vb_by_gerund(const ctx *X, size_t k, size_t se);
/* cue c's passive subject is the one it addresses ("Lund was asked by X") */
int vb_addressed_passive(const ctx *X, size_t c);

/* Candidates [0, n) of a sentence: a closing cue's report ("…, they said.") starts after
 * the clause of a report that opens the sentence ("X said A, but B, they said": iclosing.c) */
int vb_closing_dash(const ctx *X, size_t z, size_t se);   /* CLAUSE, X said — NP: the dash closes the report */
void vb_closing_after(const ctx *X, icand *cs, size_t n);

/* The rules that read a sentence whose cues gave no report that stands (isentence.c) */
extern const struct irule vb_sentence_rules[];
extern const size_t vb_nsentence_rules;
/* What the sentence rules read of one sentence: indirect.c asks a rule beside the cues'
 * reports and again after them, of the same sentence; a rule reads its tokens (S->sb,
 * S->se) and the text alone, so the first answer stands for the second. asked: a bit per
 * rule; clear it for each sentence. */
#define VB_NSRULES 16
typedef struct vb_sread {
  unsigned asked, read;
  icand o[VB_NSRULES];
  /* a bit per rule, set once a text (vb_sread_init): the rules of no word class, those
   * of outer 1 or 2, those of outer 2; and the rules of each class asked (ng of them) */
  unsigned free, outer, outer2, ng, cls[VB_NSRULES], grp[VB_NSRULES];
} vb_sread;
void vb_sread_init(vb_sread *M);
/* The rules whose word class sentence S holds (or that need none): a bit per rule, so
 * that a sentence is not walked through the table rule by rule */
static inline unsigned vb_sread_live(const vb_sread *M, unsigned words) {
  unsigned live = M->free;
  for (unsigned g = 0; g < M->ng; g++) live |= (words & M->cls[g]) ? M->grp[g] : 0;
  return live;
}
/* The lowest set bit of m (m not 0): rules are asked in table order */
static inline unsigned vb_low_bit(unsigned m) {
#if defined(__GNUC__)
  return (unsigned)__builtin_ctz(m);
#else
  unsigned r = 0;
  while (!(m & 1u)) { m >>= 1; r++; }
  return r;
#endif
}
/* Sentence rule r read S: 1 and *o its candidate, or 0 (inline: asked once or twice a
 * sentence, most often to no avail) */
static inline int vb_sentence_read(ctx *X, isent *S, size_t r, vb_sread *M, icand *o) {
  if (!(M->asked & (1u << r))) {
    M->asked |= 1u << r;
    memset(&M->o[r], 0, sizeof M->o[r]);
    if (vb_sentence_rules[r].read(X, S, &M->o[r])) M->read |= 1u << r;
    else M->read &= ~(1u << r);
  }
  if (!(M->read & (1u << r))) return 0;
  *o = M->o[r];
  return 1;
}

/* A conjunction that opens a clause: and, but, while, whereas, although, though */
static inline int vb_conj_word(const ctx *X, size_t k) {
  return is_word(X, k) && (vb_tok_is(X->s, TK(k), "and") || vb_tok_is(X->s, TK(k), "but") ||
                           vb_tok_is(X->s, TK(k), "while") || vb_tok_is(X->s, TK(k), "whereas") ||
                           vb_tok_is(X->s, TK(k), "although") || vb_tok_is(X->s, TK(k), "though"));
}

/* iaccording.c: the "according to" rules of the cue table (indirect.c) */
int vb_according_front(ctx *X, isent *S, icand *o);   /* According to X, CLAUSE. */
int vb_according_aside(ctx *X, isent *S, icand *o);   /* CLAUSE, according to X, CLAUSE. */
int vb_according_after(ctx *X, isent *S, icand *o);   /* CLAUSE, according to X. */
int vb_according_that(ctx *X, isent *S, icand *o);    /* That’s according to X. */

/* ias.c: a report in a clause of "as" that leaves its object out (the cue table lists them) */
int vb_as_by(ctx *X, isent *S, icand *o);     /* As reported by X, CLAUSE. · CLAUSE, as first reported by X. */
int vb_as_view(ctx *X, isent *S, icand *o);   /* As X reported, CLAUSE. · CLAUSE, as X believe. */

/* iview.c: In X's view, CLAUSE. · PART, in her view, PART. (read before cue_reads) */
int vb_in_view(ctx *X, isent *S, icand *o);
int vb_poss_noun(ctx *X, isent *S, icand *o);   /* X's claim that CLAUSE */
/* iquestion.c: Asked by X whether CLAUSE (a rule of a cue with its agent, S->p) */
int vb_asked_by(ctx *X, isent *S, icand *o);
/* irelgap.c: which Democrats say could be aiding X: the verb phrase after the cue, its subject the relative */
int vb_relative_gap(ctx *X, isent *S, icand *o);
/* ipsych.c: NAME angered X · the loss rattled X: X the source, the subject the report */
int vb_feeling_object(ctx *X, isent *S, icand *o);
/* icause.c: the phrase a causing verb puts before "to" and cue c ("led some allies to
 * worry"): it speaks; ok 0 when there is none */
np vb_caused_subject(const ctx *X, size_t c);
/* iopener.c: Noting that CLAUSE, X VERB … (read before cue_reads) · To X, CLAUSE. (a
 * sentence rule) */
int vb_opening_participle(ctx *X, isent *S, icand *o);
int vb_to_holder(ctx *X, isent *S, icand *o);
/* iparticiple.c: a group backing NAME (read before cue_reads) */
int vb_np_participle(ctx *X, isent *S, icand *o);

#endif
