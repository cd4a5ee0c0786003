/* isentence.c: the sentence rules of reported speech (indirect.c reads them when a
 * sentence's cues gave no report that stands, and an outer one beside the cues' reports):
 * a poll named or dated, a poll that places a candidate, a speech noun's owner, a
 * headline's label before a colon. */
#include <string.h>
#include "indirect_int.h"

/* A poll, a survey or a study named or dated: "In a Fox poll, Cruz had 38 percent" ·
 * "Clinton leads in the latest Gallup poll." (not "in the polls") */
/* "… poll released Monday", "… survey last month", "… poll by the Ledger": the words that
 * date or name a poll after its noun (z, the token after it); the first token after them */
static size_t poll_tail(const ctx *X, size_t z, size_t se) {
  VB_WORDS(tail, "last", "this", "by", "from", "of", "for", "taken");
  const vb_tok *t;
  size_t y;
  if (z >= se || !is_word(X, z)) return z;
  t = TK(z);
  if (!(X->wc[z] & VB_W_TIME) && !words_in(X, z, tail) &&
      !((t->flags & VB_T_LOWER) && t->end - t->start > 4 && X->s[t->end - 2] == 'e' && X->s[t->end - 1] == 'd'))
    return z;
  for (y = z + 1; y < se && y < z + 7 && is_word(X, y) && !is_icue(X, y); y++) {}
  return y < se && (is_ch(X, y, ',') || is_ch(X, y, ';') || is_ch(X, y, '.')) ? y : (y >= se ? y : z);
}

static int ir_in_document(ctx *X, isent *S, icand *o) {
  VB_WORDS(dated, "latest", "recent", "new", "another");
  for (size_t h = S->sb + 1; h < S->se; h++) {
    size_t z, k, head = h;
    int named = 0;
    if (!(X->wc[h] & VB_W_POLL)) continue;          /* a poll first, then its "in" */
    if (h + 1 < S->se && (X->wc[h + 1] & VB_W_POLL)) head = ++h;
    /* back to its "in" over the poll's name ("an NBC News/Ledger poll": slashes too) */
    for (k = h; k-- > S->sb && h - k < 12 && (is_word(X, k) || is_ch(X, k, '/')) && !is_icue(X, k);)
      if (vb_tok_is(X->s, TK(k), "in")) break;
    if (k == VB_NONE || k < S->sb || !is_word(X, k) || !vb_tok_is(X->s, TK(k), "in")) continue;
    for (z = k + 1; z < head; z++) named |= is_capword(X, z) || (TK(z)->flags & VB_T_DIGIT) || words_in(X, z, dated);
    if (!named) continue;
    o->p.a = k + 1; o->p.b = head; o->p.ok = 1; o->p.rel = 0;
    o->c = k;
    z = poll_tail(X, head + 1, S->se);
    if (k == S->sb && z < S->se && is_ch(X, z, ',')) { o->a = z + 1; o->b = S->se; return 1; }
    if (k > S->sb + 3 && (z + 1 >= S->se || is_ch(X, z, '.') || is_ch(X, z, ',') || is_ch(X, z, ';'))) {
      o->a = S->sb; o->b = k;
      return 1;
    }
  }
  return 0;
}

/* "Wednesday's Quinnipiac poll has Clinton leading …", "the Ledger poll puts her at 40
 * percent", "a CNN/ORC poll giving Reyes a lead": a poll, a verb that places a candidate,
 * and the candidate; the poll is the source, what it places is the report */
VB_WORDS(poll_places, "has", "had", "puts", "put", "putting", "gives", "gave", "giving");
VB_WORDS(poll_mods, "latest", "new", "recent", "same", "tracking", "national", "statewide", "own", "the", "a", "an");
static int ir_poll_places(ctx *X, isent *S, icand *o) {
  for (size_t h = S->sb; h + 2 < S->se; h++) {
    size_t v = h + 1, a;
    if (!(X->wc[h] & VB_W_POLL) || !words_in(X, v, poll_places) || !(TK(v)->flags & VB_T_LOWER)) continue;
    if (!is_word(X, v + 1) || !(is_capword(X, v + 1) || is_pron(X, v + 1) || vb_tok_is(X->s, TK(v + 1), "him") ||
                                vb_tok_is(X->s, TK(v + 1), "her") || vb_tok_is(X->s, TK(v + 1), "them")))
      continue;
    /* the poll's phrase: its name, its date, a word of its kind ("Gallup's own tracking") */
    for (a = h; a > S->sb && h - a < 10 &&
                (is_capword(X, a - 1) || is_ch(X, a - 1, '/') || (TK(a - 1)->flags & VB_T_POSS) || words_in(X, a - 1, poll_mods));
         a--) {}
    o->p.a = a; o->p.b = h; o->p.ok = 1; o->p.rel = 0;
    o->c = v; o->a = v + 1; o->b = vb_report_end(X, v + 1, S->se);
    return 1;
  }
  return 0;
}

/* "Lindqvist’s view is that …", "his argument was that …": the owner of a speech noun */
static int ir_view(ctx *X, isent *S, icand *o) {
  for (size_t n = S->sb + 1; n + 2 < S->se; n++) {
    size_t k = n - 1;
    if (!(X->wc[n] & VB_W_NOUN) || !(TK(n)->flags & VB_T_LOWER) || !is_word(X, k)) continue;
    if (!((TK(k)->flags & VB_T_POSS) && is_capword(X, k)) && !vb_tok_is(X->s, TK(k), "his") &&
        !vb_tok_is(X->s, TK(k), "her") && !vb_tok_is(X->s, TK(k), "their"))
      continue;
    if (!is_word(X, n + 1) || !(vb_tok_is(X->s, TK(n + 1), "is") || vb_tok_is(X->s, TK(n + 1), "was")) ||
        !is_word(X, n + 2) || !vb_tok_is(X->s, TK(n + 2), "that"))
      continue;
    o->p.a = k; o->p.b = k; o->p.ok = 1; o->p.rel = 0;
    while (o->p.a > S->sb && is_capword(X, o->p.a - 1) && !(TK(o->p.a - 1)->flags & VB_T_POSS)) o->p.a--;
    o->c = n; o->a = n + 3; o->b = S->se;
    return 1;
  }
  return 0;
}

/* "Rush Limbaugh: the debate was rigged", "AP: Trump chair routed …": a person or a body
 * the text names (or a word for one who may speak: "Poll:") opens the paragraph with a
 * colon (vb_colon_label, phrases.c) */
static int ir_colon_name(ctx *X, isent *S, icand *o) {
  size_t e = vb_colon_label(X, S->sb, S->se), k;
  if (e == VB_NONE) return 0;
  /* (not a count: "Venn: 1,769.", a tally's line) */
  for (k = e + 2; k < S->se && !(is_word(X, k) && !(TK(k)->flags & VB_T_DIGIT)); k++) {}
  if (k >= S->se) return 0;
  o->p.a = S->sb; o->p.b = e; o->p.ok = 1; o->p.rel = 0;
  o->c = e + 1; o->a = e + 2; o->b = S->se;
  return 1;
}

const struct irule vb_sentence_rules[] = {
  {"possessive-view", 0.55, ir_view, VB_W_NOUN, 0, 0, 0},          /* X's view is that CLAUSE */
  {"in-document", 0.45, ir_in_document, VB_W_POLL, 1, 0, 0},       /* In a Fox poll, CLAUSE · CLAUSE in the latest poll. (over the cues inside it) */
  {"colon-name", 0.5, ir_colon_name, 0, 1, 0, 0},                  /* Rush Limbaugh: CLAUSE (over the cues inside it) */
  {"poll-places", 0.45, ir_poll_places, VB_W_POLL, 2, 0, 0},       /* the Ledger poll has Reyes leading CLAUSE */
  {"talk-about", 0.5, vb_talk_about, VB_W_ACT, 2, 0, 0},           /* X spoke to voters about CLAUSE (italk.c) */
  {"speech-act", 0.5, vb_speech_act, VB_W_LIGHT, 2, 0, 0},         /* X made no mention of CLAUSE (italk.c) */
  {"backing-from", 0.45, vb_backing_from, VB_W_ACT, 2, 0, 0},      /* X has strong support among Y (ibacking.c) */
  {"to-holder", 0.45, vb_to_holder, 0, 2, 0, 0},                   /* To X, CLAUSE. (iopener.c) */
  {"stance-holder", 0.4, vb_stance_holder, VB_W_ACT, 2, 0, 0},     /* X's attacks on CLAUSE (iholder.c) */
};
const size_t vb_nsentence_rules = sizeof vb_sentence_rules / sizeof *vb_sentence_rules;
_Static_assert(sizeof vb_sentence_rules / sizeof *vb_sentence_rules <= VB_NSRULES, "vb_sread holds a bit per rule");

void vb_sread_init(vb_sread *M) {
  M->free = M->outer = M->outer2 = M->ng = 0;
  for (size_t r = 0; r < vb_nsentence_rules; r++) {
    const struct irule *R = &vb_sentence_rules[r];
    unsigned g;
    if (R->outer) M->outer |= 1u << r;
    if (R->outer == 2) M->outer2 |= 1u << r;
    if (!R->needs) { M->free |= 1u << r; continue; }
    for (g = 0; g < M->ng && M->cls[g] != R->needs; g++) {}
    if (g == M->ng) { M->cls[g] = R->needs; M->grp[g] = 0; M->ng++; }
    M->grp[g] |= 1u << r;
  }
}
