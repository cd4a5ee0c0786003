/* verdict.h: what an alignment means for a quote: the evidence it is the source, the
 * verdict, the clean-ups style guides accept, and the gate (which verdicts fail). */
#ifndef VB_VERDICT_H
#define VB_VERDICT_H
#include <stddef.h>
#include <stdint.h>
#include "align.h"
#include "buf.h"

/* verbatim, faithful (only editorial marks differ), cleaned (only the clean-ups style
 * guides accept: a dropped uh, a repeated word, a false start), altered, not_found (the
 * material that answers for the quote does not hold it), uncovered (no material answers
 * for its speaker). */
typedef enum vb_verdict { VB_VERBATIM, VB_FAITHFUL, VB_ALTERED, VB_NOT_FOUND, VB_CLEANED, VB_UNCOVERED, VB_NVERDICT } vb_verdict;
extern const char *const vb_verdict_names[];   /* "verbatim", ..., "uncovered" */

/* ---- evidence
 * A passage is the quote's source only when the match is unlikely to be chance in this
 * much material. Under a model of the material's own word and word-pair frequencies, a
 * matched run of words w1..wk carries I = log2(N / c(w1)) + sum log2 1 / P(wi | wi-1)
 * bits (the counts without the passage itself, P smoothed towards the word's frequency
 * by one pseudo-count, never more than the word's own information), and e edits among m words could sit in C(m, e)
 * places: E = sum over runs - log2 C(m, e). The number of places in N words expected to
 * match as well by chance is N 2^-E; the passage is evidence when that is below
 * VB_ALPHA, the false alarms one quote may cost: E >= log2 N + log2 (1 / VB_ALPHA). The
 * threshold grows with the material, so the rate of false alarms does not. */
#define VB_ALPHA_BITS 10.0      /* alpha = 2^-10: about one chance match in a thousand quotes */
/* Giving a quote to someone else claims more: that the words are another's and not the
 * speaker's too. People share phrases (a slogan, an idiom, each other's words read
 * back), and a draft gives one person's words to another rarely: taken as one quote in
 * a thousand, prior odds of 2^-10, so the same confidence needs 10 bits more. */
#define VB_MISATTRIBUTED_BITS 10.0

typedef struct vb_qinfo {       /* per quote item i, from the material's counts */
  double *ib;                   /* information of word i on its own (0 for a bracket) */
  double *cb;                   /* information of word i + 1 after word i (the pair's count) */
} vb_qinfo;
/* Bits of the steps of a whose quote items are in [q0, q1), edits there charged. */
double vb_evidence(const vb_aln *a, const vb_qinfo *qi, size_t q0, size_t q1);
/* Bits of items q[q0..q1) all matched in one passage (the most the quote can give). */
double vb_evidence_max(const vb_wtok *q, const vb_qinfo *qi, size_t q0, size_t q1);
/* The bits a passage needs in material of N words. */
double vb_evidence_needed(uint64_t N);
/* The chance that a passage of E bits in N words is not a chance match: 1 / (1 + N 2^-E). */
double vb_confidence(double E, uint64_t N);

/* Enough of the quote matched in order to call the passage its source, when the
 * evidence is there: most of its words. */
int vb_aln_found(const vb_aln *a);
/* Is a better than b as the quote's source passage? */
int vb_aln_better(const vb_aln *a, const vb_aln *b);
/* marks: the quote's editorial marks (vb_wtoks.marks). score gets matched / aligned words. */
vb_verdict vb_verdict_of(const vb_aln *a, int marks, double *score);

/* ---- clean-ups style guides accept: source words a quote may leave out without an
 * ellipsis and still be the speaker's words: a filler (uh, um, er), a word or phrase
 * said twice in a row (I I think, we need to we need to), a false start broken off at a
 * dash and begun again (I was -- I think). mark (a->steps.n bytes, or NULL) gets 1 at
 * each such '-' step. Returns how many source words that leaves out. st: the source
 * window's words, ss/sn its text. */
int vb_cleanups(const vb_aln *a, const vb_wtok *st, const char *ss, size_t sn, unsigned char *mark);

/* ---- the gate: which verdicts fail a draft. One policy for the CLI, Lua, Neovim and the
 * filter. VB_GATE_MISATTRIBUTED stands for a quote found as another speaker's words. */
enum { VB_GATE_MISATTRIBUTED = VB_NVERDICT, VB_GATE_BORROWED, VB_GATE_NCLASS };
typedef struct vb_gate {
  unsigned fail;                /* bit v: verdict (or VB_GATE_*) v fails */
  int terms;                    /* scare quotes and titles count too */
} vb_gate;
/* The default: altered, not_found, misattributed and borrowed prose fail; verbatim,
 * faithful, cleaned and uncovered pass. */
void vb_gate_default(vb_gate *g);
/* Change g by a list "altered,not_found" (only these fail), "+uncovered" (add),
 * "-not_found" (remove); names are verdicts, misattributed, borrowed, all, none.
 * 0, or -1 with a message in err. */
int vb_gate_parse(vb_gate *g, const char *list, vb_buf *err);
/* Does a quote of this verdict (mismatch: found as another speaker's) fail? term: the
 * quote is a scare quote or title, indirect: paraphrase (never fails). */
int vb_gate_fails(const vb_gate *g, vb_verdict v, int mismatch, int term, int indirect);
/* The names of the classes that fail, "altered,not_found,...", into b. */
void vb_gate_describe(const vb_gate *g, vb_buf *b);



#endif
