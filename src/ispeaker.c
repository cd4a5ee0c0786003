/* ispeaker.c: the mention shown for a reported statement's speaker. A report read at a
 * cue whose subject is a pronoun, inside a sentence an earlier cue opens with the name
 * that pronoun stands for, is that name's report: "Varga said, when she …, she thought
 * the plan was sound", "Lund says despite the cost, he plans to …", "Amsel said the
 * plan is “sound” and he feels …". Reads back over one sentence, at most SPK_BACK
 * tokens. */
#include "ispeaker.h"

#define SPK_BACK 48

/* the pronouns of a third person that stand for a name */
static int third_pron(const ctx *X, size_t k) {
  VB_WORDS(w, "he", "she", "they");
  return is_pron(X, k) && words_in(X, k, w);
}

static const struct {
  const char *name;
  unsigned skip;          /* cue flags that open no report of the name's */
} outer_cues[] = {
  {"speech-cue", VB_CUE_ACC | VB_CUE_WEAK | VB_CUE_ING},   /* Varga said, she thought … */
};

/* Between the name's cue and the pronoun, a word or mark that opens a clause of the
 * writer's own, which reports nothing of the name's: "X said …, but he added", "…, as
 * he urged", "…, which he said", "…: He"  (not "while": "X said that while he …") */
static int own_clause(const ctx *X, size_t k) {
  VB_WORDS(w, "and", "but", "yet", "so", "though", "although", "because", "as", "which", "where",
              "whom", "who", "when", "after", "before");
  return is_ch(X, k, ';') || is_ch(X, k, ':') || is_ch(X, k, '(') || (is_lowword(X, k) && words_in(X, k, w));
}

/* a passive cue ("Lund was asked", "was not charged"): its subject reports nothing */
static int passive_cue(const ctx *X, size_t z) {
  VB_WORDS(be, "was", "were", "is", "are", "been", "being", "be");
  size_t k = z;
  if (k > 0 && is_word(X, k - 1) && (is_adverb(X, k - 1) || vb_tok_is(X->s, TK(k - 1), "not"))) k--;
  return k > 0 && is_word(X, k - 1) && words_in(X, k - 1, be);
}

np vb_report_mention(const ctx *X, size_t c, np p) {
  const ment *m;
  size_t h = p.a, sb, z;
  if (c == VB_NONE || p.rel || p.a != p.b || !third_pron(X, h)) return p;
  m = vb_ment_at(X, h);
  if (!m || m->ent < 0 || m->a != h) return p;
  for (sb = h; sb > 0 && h - sb < SPK_BACK && !starts_sent(X, sb);) sb--;
  if (!starts_sent(X, sb)) return p;
  for (z = h; z-- > sb + 1;) {
    np q;
    const ment *n;
    size_t r;
    if (!is_cue(X, z)) continue;
    for (r = 0; r < sizeof outer_cues / sizeof *outer_cues; r++)
      if (!(CUE(z)->flags & outer_cues[r].skip) && vb_usable_cue(X, z)) break;
    if (r == sizeof outer_cues / sizeof *outer_cues) continue;
    if (passive_cue(X, z)) return p;
    for (size_t y = z + (size_t)CUE(z)->len; y < h; y++) if (own_clause(X, y)) return p;
    q = vb_cue_speaker(X, z, sb > 0 ? sb - 1 : VB_NONE, h, sb);
    if (!q.ok || q.b >= z) return p;
    n = vb_ment_at(X, q.rel ? q.rb : q.b);
    if (!n || n->ent != m->ent || n->pron || !is_capword(X, n->b)) return p;
    q.rel = 0;
    return q;
  }
  return p;
}
