/* dsource.c: the sources of a direct quote that the cue by the quote does not give
 * (attribution.c reads the cue): a transcript turn's label inside the quote's own words,
 * and the outer source that vouches for a report, "according to Y" closing the cue's
 * clause or opening the sentence; and the tests that keep a cue near a quote from it
 * (another clause's cue). Each reads a bounded window of tokens. */
#include <string.h>
#include "attrib_int.h"
#include "turns.h"

int vb_source_closes(const ctx *X, size_t z, size_t se) {
  size_t lim = se != VB_NONE && se < NT ? se : NT, z0 = z;
  for (; z < lim && z < z0 + 8; z++) {
    if (is_ch(X, z, '.') || is_ch(X, z, '!') || is_ch(X, z, '?') || starts_sent(X, z)) return 1;
    if (is_quote(X, z) || is_cue(X, z) || is_ch(X, z, ',') || is_ch(X, z, ';') || is_ch(X, z, ':')) return 0;
  }
  return z >= lim;
}

/* "WALLACE: Let’s start …" ¶ "PENCE: Well, …": a quote that opens its paragraph with a
 * transcript's turn label in capitals (vb_caps_label_at; quotes.c gives every turn its
 * own quote) is the label's words */
int vb_rule_turn_label(ctx *X, shape *S, match *m) {
  const vb_quote *q = &X->A->qs.q.v[S->qi];
  size_t a, b;
  if (!(TK(S->k)->flags & VB_T_PARA) || !vb_caps_label_at(X->s, X->n, q->istart, &a, &b)) return 0;
  m->c = VB_NONE;
  memset(&m->p, 0, sizeof m->p);
  m->lab.start = a;
  m->lab.end = b;
  return 1;
}

/* ---------------------------------------------------------------- cues that are not the quote's */

/* "Sims says he was “riding the fence” until Haley said …": a quote inside the clause
 * of a cue before it, with no comma of its own at its end, is that cue's; a cue after it
 * opens a clause of its own */
int vb_reported_before(const ctx *X, const shape *S) {
  if (S->j != S->k + 1 || vb_comma_end(X, &X->A->qs.q.v[S->qi])) return 0;
  for (size_t c = S->k; c-- > S->sb && S->k - c < 16;) {
    if (is_quote(X, c) || is_ch(X, c, ',') || is_ch(X, c, ';') || is_ch(X, c, ':')) return 0;
    if (is_cue(X, c) && !(CUE(c)->flags & (VB_CUE_WEAK | VB_CUE_ACC | VB_CUE_CALL)) && vb_usable_cue(X, c)) return 1;
  }
  return 0;
}

/* "… accuse the campaign of being “duped” and urge voters to see what he called Ada’s
 * “sex tape”": a naming cue (calls, describes) after the quote whose own object is a
 * quote names that one, not the quote before it; hi bounds the look. */
int vb_names_later_quote(const ctx *X, size_t c, size_t hi) {
  if (!(CUE(c)->flags & VB_CUE_CALL)) return 0;
  for (size_t z = c + (size_t)CUE(c)->len; z < hi && z < c + 8; z++) {
    if (is_quote(X, z)) return 1;
    if (TK(z)->flags & VB_T_PUNCT) return 0;
  }
  return 0;
}

/* ---------------------------------------------------------------- outer sources */

/* The clause of a cue, ending at token e ("Welch said", "said Obama", "said at a press
 * conference"), is closed by "according to Y" and the sentence's end, a few words of its
 * own and a comma apart at most: Y; else a phrase not ok. */
static np according_close(const ctx *X, size_t e) {
  np p = {0};
  size_t z, lim = e + 8 < NT ? e + 8 : NT;
  for (z = e; z < lim; z++) {
    if (is_icue(X, z) && (CUE(z)->flags & VB_CUE_ACC)) break;
    if (is_quote(X, z) || is_icue(X, z) || starts_sent(X, z) || (TK(z)->flags & VB_T_PUNCT && !is_ch(X, z, ',')))
      return p;
    if (is_ch(X, z, ',') && !(z + 1 < NT && is_icue(X, z + 1) && (CUE(z + 1)->flags & VB_CUE_ACC))) return p;
  }
  if (z >= lim) return p;
  z += (size_t)CUE(z)->len;
  p = vb_np_after(X, z, z + APPOS < NT ? z + APPOS : NT);
  if (p.ok && !vb_source_closes(X, p.b + 1, VB_NONE)) p.ok = 0;
  return p;
}

/* reported-by: "“…,” Sanders said, according to CNN." · "“…?” Clinton asked, according
 * to a transcript.": the cue right by the quote reports the words, and "according to Y"
 * closing its clause names who vouches for the report, the quote's source (as the
 * sentence that closes with "according to Y" alone does) */
static int reported_by(const ctx *X, const shape *S, const match *m, np *out) {
  size_t e = m->c + (size_t)CUE(m->c)->len;
  (void)S;
  if (m->p.ok && m->p.b + 1 > e) e = m->p.b + 1;   /* "said Obama": after the speaker */
  *out = according_close(X, e);
  return out->ok;
}

/* according-opening: "According to ProPublica, Clinton praised her “wonderful donors”",
 * "According to pool reports, Obama said “…”", "His relatives watched the video,
 * according to their lawyers, and said …": "according to X," opening the sentence, or
 * set off by commas in it, reports all that follows, a cue of its own in it too; X
 * vouches for the quote */
static int according_opening(const ctx *X, const shape *S, const match *m, np *out) {
  static const char *const conj[] = {"but", "and", "yet", NULL};
  size_t a = S->sb, z;
  int acc = 0;
  np p;
  if (a < S->k && word_in(X, a, conj)) a++;
  if (a < S->k && is_icue(X, a) && (CUE(a)->flags & VB_CUE_ACC)) acc = 1;
  else                                             /* ", according to X," before the cue */
    for (a = m->c; !acc && a-- > S->sb + 1 && m->c - a < WIN;)
      acc = is_icue(X, a) && (CUE(a)->flags & VB_CUE_ACC) && is_ch(X, a - 1, ',');
  if (!acc || a >= S->k || m->c <= a) return 0;
  z = a + (size_t)CUE(a)->len;
  p = vb_np_after(X, z, S->k);
  if (!p.ok) return 0;
  for (z = p.b + 1; z < S->k && z <= p.b + APPOS; z++)   /* the phrase's comma */
    if (is_ch(X, z, ',') || is_quote(X, z) || (is_icue(X, z) && !(CUE(z)->flags & VB_CUE_WEAK)) ||
        (TK(z)->flags & VB_T_PUNCT))
      break;
  if (z >= S->k || !is_ch(X, z, ',') || m->c <= z) return 0;
  *out = p;
  return 1;
}

/* The outer readings, by the rules table's outer column: which shape of cue they follow. */
static const struct outer {
  unsigned out;
  int (*read)(const ctx *X, const shape *S, const match *m, np *out);
} outers[] = {
  {VB_OUT_AFTER, reported_by},         /* "…," X said, according to Y. */
  {VB_OUT_OPEN, according_opening},    /* According to Y, X said "…" */
};

int vb_outer_source(const ctx *X, const shape *S, unsigned out, match *m) {
  np p;
  if (!out || m->c == VB_NONE || !is_icue(X, m->c) || (CUE(m->c)->flags & VB_CUE_ACC) || m->lab.start != VB_NONE) return 0;
  for (size_t i = 0; i < sizeof outers / sizeof *outers; i++)
    if ((outers[i].out & out) && outers[i].read(X, S, m, &p)) { m->p = p; return 1; }   /* the cue stays the quote's */
  return 0;
}
