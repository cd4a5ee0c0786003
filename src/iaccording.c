/* iaccording.c: the "according to" rules of reported speech (indirect.c's cue table
 * lists them): the source's phrase after "according to", and the report around it, in
 * front ("According to X, …"), in an aside, closing the sentence, or after a demonstrative
 * ("That’s according to X."). */
#include <string.h>
#include "attrib_int.h"
#include "indirect_int.h"

/* "according to a recent report from the Osle Ledger", "according to interviews with a
 * dozen officials": a document's (or a count's) phrase p with its maker after "from",
 * "by", "with" or "of" in the whole phrase w: the whole names the source */
static int doc_by(const ctx *X, np p, np w) {
  VB_WORDS(docs, "report", "reports", "interviews", "interview", "analysis", "documents", "records", "data",
                 "filings", "study", "survey", "estimates", "figures", "statement", "release", "memo", "letter",
                 "emails", "count", "tally", "review", "audit");
  VB_WORDS(by, "from", "by", "with", "of");
  size_t k = p.b + 1;
  return w.b > k && words_in(X, p.b, docs) && words_in(X, k, by) && (TK(k)->flags & VB_T_LOWER);
}

/* "According to X (XX), …": X's phrase up to its comma names the source; pe is after it */
static int acc_source(const ctx *X, const isent *S, np *p, size_t *pe) {
  np w;
  size_t z;
  *p = vb_np_after(X, S->e, S->se);
  if (!p->ok) {
    /* "according to recently leaked party documents,": no noun phrase the phrase reader
     * knows, but words (no verb of speech) up to a comma */
    for (z = S->e; z < S->se && z < S->e + 12 && is_word(X, z) && !is_icue(X, z) && !vb_conj_word(X, z); z++) {}
    if (z < S->e + 2 || z >= S->se || !is_ch(X, z, ',')) return 0;
    p->a = S->e; p->b = z - 1; p->ok = 1;
  }
  *pe = p->b + 1;
  if (*pe < S->se && is_ch(X, *pe, '(')) { while (*pe < S->se && !is_ch(X, *pe, ')')) (*pe)++; (*pe)++; }
  /* "according to the average of recent polls": the whole phrase names the source, over
   * a slash or an ampersand between names ("a Reuters/Ipsos poll") */
  for (z = p->b + 1; z < S->se && z < p->b + 24 && !is_ch(X, z, ',') &&
                     (!(TK(z)->flags & (VB_T_PUNCT | VB_T_QUOTE)) || is_ch(X, z, '/') || is_ch(X, z, '&'));
       z++) {}
  w = *p;
  w.b = z - 1;
  /* whatever "according to" names is a source: "according to early returns", "according
   * to the summary"; not one word alone ("according to plan") */
  if (!vb_speaker_phrase(X, w)) {
    if (w.b == w.a) return 0;
    w.named = 1;
  }
  if (!is_ch(X, *pe, ',') && z < S->se && is_ch(X, z, ',')) *pe = z;
  /* "according to a pool report", "a harbour board report": the phrase stopped before a
   * noun that is a cue's form; the noun is its head */
  if (p->b + 1 < z && is_icue(X, p->b + 1)) p->b = p->b + (size_t)CUE(p->b + 1)->len < z ? p->b + (size_t)CUE(p->b + 1)->len : z - 1;
  if (!vb_speaker_phrase(X, *p) || doc_by(X, *p, w)) *p = w;
  return 1;
}

static int clause_start(const ctx *X, const isent *S) { return S->c == S->sb || vb_conj_word(X, S->c - 1); }

/* According to X, CLAUSE. */
int vb_according_front(ctx *X, isent *S, icand *o) {
  size_t pe;
  if (!(S->f & VB_CUE_ACC) || !clause_start(X, S) || !acc_source(X, S, &o->p, &pe)) return 0;
  if (pe >= S->se || !is_ch(X, pe, ',')) return 0;
  o->a = pe + 1; o->b = S->se;
  return 1;
}

/* CLAUSE, according to X, CLAUSE. */
int vb_according_aside(ctx *X, isent *S, icand *o) {
  size_t pe;
  if (!(S->f & VB_CUE_ACC) || S->c <= S->sb || !is_ch(X, S->c - 1, ',') || !acc_source(X, S, &o->p, &pe)) return 0;
  if (pe + 2 >= S->se || !is_ch(X, pe, ',')) return 0;
  o->a = S->sb; o->b = S->se;
  return 1;
}

/* CLAUSE, according to X. · CLAUSE — …  — according to X. · CLAUSE according to X, …:
 * after a comma or a dash, or with no mark at all when X closes the sentence or a comma
 * follows it */
int vb_according_after(ctx *X, isent *S, icand *o) {
  size_t pe;
  int mark;
  if (!(S->f & VB_CUE_ACC) || S->c <= S->sb + 2) return 0;
  mark = is_ch(X, S->c - 1, ',') || is_dash(X, S->c - 1);
  if (!mark && !is_word(X, S->c - 1)) return 0;
  if (!acc_source(X, S, &o->p, &pe)) return 0;
  if (!mark && !(pe + 1 >= S->se || is_ch(X, pe, ',') || is_ch(X, pe, '.'))) return 0;
  o->a = S->sb; o->b = mark ? S->c - 1 : S->c;
  return 1;
}

/* "That’s according to X.", "This is according to X.": the demonstrative that opens the
 * sentence stands for what the sentence before said, and X is its source */
static int demonstrative_is(const ctx *X, size_t sb, size_t c) {
  VB_WORDS(dem, "that", "this", "it");
  VB_WORDS(be, "is", "was");
  if (c == sb + 2) return words_in(X, sb, dem) && words_in(X, sb + 1, be);
  if (c != sb + 1 || !is_word(X, sb) || !(TK(sb)->flags & VB_T_APOS)) return 0;
  for (int i = 0; dem[i]; i++) {
    size_t n = strlen(dem[i]), z;
    const vb_tok *t = TK(sb);
    if (t->end - t->start != n + 2 && t->end - t->start != n + 4) continue;        /* 's, ’s */
    if ((X->s[t->end - 1] | 0x20) != 's' || !(X->s[t->start + n] == '\'' || (unsigned char)X->s[t->start + n] == 0xE2))
      continue;
    for (z = 0; z < n && (X->s[t->start + z] | 0x20) == dem[i][z]; z++) {}
    if (z == n) return 1;
  }
  return 0;
}
int vb_according_that(ctx *X, isent *S, icand *o) {
  size_t pe;
  if (!(S->f & VB_CUE_ACC) || !demonstrative_is(X, S->sb, S->c)) return 0;
  if (!acc_source(X, S, &o->p, &pe)) {                   /* "according to early results of exit polls …" */
    for (pe = S->e; pe + 1 < S->se && pe < S->e + 12 && is_word(X, pe); pe++) {}
    if (pe < S->e + 2) return 0;
    o->p.a = S->e; o->p.b = pe - 1; o->p.ok = 1; o->p.rel = 0; o->p.named = 1;
  }
  for (; pe + 1 < S->se; pe++)                          /* the source's phrase closes the sentence */
    if (is_ch(X, pe, ',') || is_ch(X, pe, ';') || is_quote(X, pe)) return 0;
  o->a = S->sb; o->b = S->sb + 1; o->minw = 1;
  return 1;
}
