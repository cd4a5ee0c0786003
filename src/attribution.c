/* attribution.c: pass 2, who said each quote. Rules over tokens, no statistics: each
 * quote is attributed from the cue next to it (after, before, in its sentence), then
 * pull quotes take their twin's speaker and uncued quotes continue the last speaker of
 * their passage, with weak last resorts after that; kinds are refined on the way.
 * Every scan is bounded by a sentence or a fixed window, so the whole is linear. */
#include <stdlib.h>
#include <string.h>
#include "attrib_int.h"
#include "ispeaker.h"

/* Rule names: compared by address, so every assignment uses these. */
static const char R_CUE_AFTER_INVERTED[] = "cue-after-inverted";
static const char R_CUE_AFTER[] = "cue-after";
static const char R_CUE_SLOT[] = "cue-slot-verb";
static const char R_CUE_BEFORE[] = "cue-before";
static const char R_ACCORDING_TO[] = "according-to";
static const char R_COLON_NAME[] = "colon-name";
static const char R_COLON_INTRO[] = "colon-intro";
static const char R_COLON_LABEL[] = "colon-label";
static const char R_CUE_NEXT_SENTENCE[] = "cue-next-sentence";
static const char R_DASH_NAME[] = "dash-name";
static const char R_SAME_SENTENCE[] = "same-sentence";
static const char R_POSSESSIVE_NOUN[] = "possessive-noun";
static const char R_CONTINUATION[] = "continuation";
static const char R_DIALOGUE[] = "dialogue-turn";
static const char R_TWIN[] = "twin";
static const char R_SENTENCE_SUBJECT[] = "sentence-subject";
static const char R_NEARBY[] = "nearby";
static const char R_PREVIOUS_CUE[] = "previous-cue";
static const char R_PREVIOUS_SUBJECT[] = "previous-subject";
static const char R_CLAUSE_INVERTED[] = "clause-cue-inverted";
static const char R_PARENTHETICAL[] = "parenthetical";
static const char R_POLL_SHARE[] = "poll-share";
static const char R_TURN_LABEL[] = "turn-label";

int vb_attribute(ctx *X, size_t qi, size_t c, np p, double conf, const char *rule) {
  vb_attr *at = &X->A->attr.v[qi];
  /* only people, pronouns, bodies and documents speak: "said the voice", "The morning
   * brought" name no speaker, and the rule that read them gives way */
  if (X->A->qs.q.v[qi].kind == VB_INDIRECT ? !vb_speaker_phrase(X, p) : !vb_quote_speaker_phrase(X, p)) return 0;
  if (p.a == p.b && !p.rel) {                  /* "Hastily", "Preceded": an opening word */
    const ment *m = vb_ment_at(X, p.a);
    if (vb_opening_word(X, p.a, m ? m->ent : -1)) return 0;
  }
  {
    np s = X->A->qs.q.v[qi].kind == VB_INDIRECT ? vb_report_mention(X, c, p) : p;   /* ispeaker.c */
    at->mention.start = TK(s.a)->start;
    at->mention.end = TK(s.b)->end;
    if (TK(s.b)->flags & VB_T_POSS && s.a == s.b) at->mention.end = base_end(X, s.b);
    if (s.a == s.b && !(X->wc[s.a] & VB_W_PRON) && is_pron(X, s.a)) at->mention.end = TK(s.a)->start + vb_contracted_pron(X, s.a);
  }
  if (c != VB_NONE) { at->cue.start = TK(c)->start; at->cue.end = is_icue(X, c) ? CUE(c)->end : TK(c)->end; }
  if (p.rel) { np q = p; q.a = p.ra; q.b = p.rb; q.rel = 0; at->entity = vb_resolve(X, q); }
  else at->entity = vb_resolve(X, p);
  if (at->entity < 0 && is_pron(X, p.a)) conf -= 0.25;
  at->confidence = conf;
  at->rule = rule;
  return 1;
}



#define OUTER_HOPS 1   /* how far out nested reports go: measured, more hops gained nothing */

/* Nouns that report speech after a possessive: his warning, Farley’s account. */
static int speech_noun(const ctx *X, size_t k) {
  return is_lowword(X, k) && (X->wc[k] & VB_W_NOUN);
}

/* ---------------------------------------------------------------- the direct-quote rules */

/* "…," said Arthur: an inverted cue right after the quote, its speaker after it */
static int rule_cue_after_inverted(ctx *X, shape *S, match *m) {
  size_t j = S->j;
  np p;
  if (j < S->hi && is_cue(X, j) && !(CUE(j)->flags & (VB_CUE_ACC | VB_CUE_ING))) {
    p = vb_np_after(X, j + (size_t)CUE(j)->len, S->hi);
    if (p.ok && (CUE(j)->flags & VB_CUE_INV)) return vb_found(m, j, p, 1);
  }
  return 0;
}

/* "…" ― Carla Sanchez: a signature after a dash, alone up to a break */
static int rule_dash_name(ctx *X, shape *S, match *m) {
  size_t k = S->k;
  np p;
  if (is_dash(X, k + 1) && is_capword(X, k + 2)) {
    p = vb_np_after(X, k + 2, NT);
    if (p.ok && (p.b + 1 >= NT || (TK(p.b + 1)->flags & (VB_T_PARA | VB_T_PUNCT | VB_T_QUOTE))))
      return vb_found(m, VB_NONE, p, 1);
  }
  return 0;
}

/* "…," he said · "…," X’s Y said: a cue soon after the quote, its subject before it */
/* The comma that closes an appositive opened by the comma at k (", a pastor at the
 * church,", ", wearing “Ted Cruz” pins,"), or VB_NONE: no sentence end, no other mark,
 * no quote but a term's. */
static size_t appos_close(const ctx *X, size_t k, size_t se) {
  for (size_t z = k + 1; z < se && z <= k + APPOS; z++) {
    if (is_ch(X, z, ',')) return z > k + 1 ? z : VB_NONE;
    if ((is_quote(X, z) && !is_term_quote(X, z)) || starts_sent(X, z) || is_ch(X, z, '.') || is_ch(X, z, ';') ||
        is_ch(X, z, ':') || is_ch(X, z, '!') || is_ch(X, z, '?'))
      return VB_NONE;
  }
  return VB_NONE;
}

static int rule_cue_after(ctx *X, shape *S, match *m) {
  size_t c, j = S->j, lim = j + 12;
  np p;
  if (vb_reported_before(X, S)) return 0;
  for (c = j; c < S->se && c < lim; c++) {
    if (is_ch(X, c, ',') && c > j) {
      /* "…,” Bill Eastland, wearing a cowboy hat, said: the appositive is read over */
      size_t z = appos_close(X, c, S->se);
      if (z != VB_NONE) { lim += z - c; c = z; continue; }
    }
    if ((is_quote(X, c) && !is_term_quote(X, c)) ||
        (TK(c)->flags & VB_T_PUNCT && !is_ch(X, c, ',') && !is_ch(X, c, '(') && !is_ch(X, c, ')')))
      break;
    if (is_cue(X, c) && (CUE(c)->flags & VB_CUE_WEAK) && !(CUE(c)->flags & VB_CUE_BASE)) break;
    if (!is_cue(X, c) && is_word(X, c) && (X->wc[c] & VB_W_BOUND) && !(X->wc[c] & (VB_W_PREP | VB_W_SKIP))) break;
    if (is_cue(X, c) && !(CUE(c)->flags & VB_CUE_ACC)) {
      p = vb_np_before(X, c, S->k);
      /* "“…,” the progressive heavyweights wrote": a determiner's phrase in the subject's
       * slot right after the quote speaks, whatever its noun */
      if (p.ok && p.a == j && !p.rel && (X->wc[p.a] & VB_W_DET) && (TK(p.a)->flags & VB_T_LOWER) &&
          !(CUE(c)->flags & (VB_CUE_WEAK | VB_CUE_ING | VB_CUE_CALL)))
        p.named = 1;
      if (p.ok) return vb_found(m, c, p, 1);
      break;
    }
  }
  return 0;
}

/* A lower-case word of past tense (-ed) that no lexicon lists, in a cue's slot. */
static int past_verb(const ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  size_t n;
  if (!is_word(X, k) || !(t->flags & VB_T_LOWER) || is_cue(X, k) || (t->flags & (VB_T_POSS | VB_T_APOS))) return 0;
  n = t->end - t->start;
  if (n < 5 || X->s[t->end - 2] != 'e' || X->s[t->end - 1] != 'd') return 0;
  return !(X->wc[k] & (VB_W_STOP | VB_W_BOUND | VB_W_DET | VB_W_PREP));
}

/* After the speaker of a slot verb the sentence ends, or an appositive or clause starts. */
static int slot_end(const ctx *X, size_t z, size_t hi) {
  if (z >= hi || z >= NT) return 1;
  return is_ch(X, z, '.') || is_ch(X, z, '!') || is_ch(X, z, '?') || is_ch(X, z, ',') || is_ch(X, z, ';') ||
         is_dash(X, z) || is_quote(X, z);
}


/* A preposition that may follow a verb of speech: "riffed on", "quibbled over". */
static int slot_prep(const ctx *X, size_t k) {
  VB_WORDS(w, "on", "at", "over", "about", "in", "into", "from", "with");
  return words_in(X, k, w) && (TK(k)->flags & VB_T_LOWER);
}

/* "…," murmured Venn. · "…," Venn murmured. · "…?" inquired Mrs. Odell.: the sentence's
 * shape makes a past-tense verb in the cue's slot a cue, known or not (a lower-case word
 * goes on with the sentence a "?" ended). */
static int rule_cue_slot(ctx *X, shape *S, match *m) {
  size_t k = S->k, j = S->j, hi = S->hi > k + 1 ? S->hi : (k + 14 < NT ? k + 14 : NT);
  np p;
  if (!vb_slot_quote(X, &X->A->qs.q.v[S->qi]) || k + 2 >= NT) return 0;
  if (past_verb(X, j)) {
    p = vb_np_after(X, j + 1, hi);
    if (p.ok && slot_end(X, p.b + 1, hi)) return vb_found(m, j, p, 1);
    return 0;
  }
  p = vb_np_after(X, j, hi);
  /* "“…,” the old sailor murmured": a common noun's phrase reads on over the verb */
  for (size_t v = p.a + 1; p.ok && v <= p.b && v < p.a + 5; v++) if (past_verb(X, v)) { p.b = v - 1; break; }
  /* "“…,” the nominee riffed on …": after the subject and its verb, a preposition too */
  if (p.ok && p.b - p.a < 5 && past_verb(X, p.b + 1) &&
      (slot_end(X, p.b + 2, hi) || (p.b + 2 < hi && vb_comma_end(X, &X->A->qs.q.v[S->qi]) &&
                                    !(TK(j)->flags & VB_T_PARA) && slot_prep(X, p.b + 2))))
    return vb_found(m, p.b + 1, p, 1);
  return 0;
}

/* "a short film called “Tenemos Familias”", "a book titled “…”": a naming verb right
 * after a common noun and right before the quote names a thing; no one says the quote */
static int naming_participle(const ctx *X, size_t c, size_t k) {
  return (CUE(c)->flags & VB_CUE_CALL) && c + (size_t)CUE(c)->len == k && c > 0 && is_word(X, c - 1) &&
         (TK(c - 1)->flags & VB_T_LOWER) && !is_pron(X, c - 1) &&
         !(X->wc[c - 1] & (VB_W_REL | VB_W_AUX | VB_W_SKIP | VB_W_BOUND)) && vb_speaker_word(X, c - 1);
}

/* A conjunction that opens a clause of time or reason: "said as he left", "When she". */
static int subordinator(const ctx *X, size_t z) {
  VB_WORDS(w, "as", "when", "while", "after", "before", "because", "since", "until", "if",
              "although", "though", "once");
  return words_in(X, z, w);
}

/* "Murphy said she must reach voters who are in what he called a “revolutionary mood”",
 * "Cruz has railed against what he calls the “cartel”": a term in a "what he calls"
 * clause is part of what the sentence reports, and the subject of its outermost report
 * (the first cue of speech or view of the sentence, after any quote) owns it; so does a
 * pronoun's parenthetical cue ("lamented the days when, he said, …"); *c and *p change
 * when found. */
static void outer_namer(ctx *X, const shape *S, size_t a0, size_t *c, np *p) {
  size_t z = p->a;
  np p2;
  size_t lo = a0, o = VB_NONE;
  if (z == 0 || !(is_ch(X, z - 1, ',') || (is_word(X, z - 1) && vb_tok_is(X->s, TK(z - 1), "what")))) return;
  for (z = a0; z + 1 < p->a; z++) if ((is_quote(X, z) && z != S->k) || is_ch(X, z, ';')) lo = z + 1;
  if (subordinator(X, lo)) {                       /* "When X announced …, he referred to": past it */
    for (z = lo; z + 1 < p->a && !is_icue(X, z); z++) {}
    while (z + 1 < p->a && !is_ch(X, z, ',')) z++;
    lo = z + 1;
  }
  for (z = lo; z + 1 < p->a && o == VB_NONE; z++)           /* the outermost report */
    if (is_icue(X, z) && !(CUE(z)->flags & (VB_CUE_WEAK | VB_CUE_ACC | VB_CUE_CALL | VB_CUE_ING)) && vb_usable_cue(X, z) &&
        !(is_word(X, z + (size_t)CUE(z)->len) && vb_tok_is(X->s, TK(z + (size_t)CUE(z)->len), "to")))
      o = z;                                       /* not "seeks to", "a company called" */
  if (o == VB_NONE || o == *c) return;
  p2 = vb_cue_speaker(X, o, lo > 0 ? lo - 1 : VB_NONE, p->a, S->sb);
  if (!p2.ok || p2.b >= p->a || !vb_speaker_phrase(X, p2) || (is_pron(X, p2.a) && p2.a == p2.b)) return;
  *c = o; *p = p2;
}

/* X said: "…" · X told reporters, "…" · According to X, "…" (its second reading): the
 * cue before the quote. "Lynch said she recalled thinking, “…”": the outer report owns it. */
static int rule_cue_before(ctx *X, shape *S, match *m) {
  size_t k = S->k, sb = S->sb, lo = sb > 0 ? sb - 1 : 0, j = k, c;
  int punct = j > sb && (is_ch(X, j - 1, ':') || is_ch(X, j - 1, ',') || is_dash(X, j - 1));
  np p;
  if (punct) j--;
  for (c = j; c-- > sb && j - c <= 12;) {
    size_t gap, l2;
    if (is_quote(X, c)) break;
    if (!is_cue(X, c)) continue;
    if (naming_participle(X, c, k)) return 0;
    gap = j - (c + (size_t)CUE(c)->len);   /* words between the cue and the mark */
    if ((CUE(c)->flags & VB_CUE_WEAK) && (!punct || gap > 0)) break;
    if (!punct && gap > 0 && !(gap == 1 && vb_tok_is(X->s, TK(j - 1), "that"))) break;
    if (gap > ((CUE(c)->flags & VB_CUE_ACC) ? 10u : 3u) || c + (size_t)CUE(c)->len > j) break;
    l2 = lo;
    for (size_t z = c; z-- > sb;) if (is_quote(X, z)) { l2 = z; break; } else if (c - z > WIN) break;
    p = vb_cue_speaker(X, c, l2 == (sb > 0 ? sb - 1 : 0) && !is_quote(X, l2) ? (sb > 0 ? sb - 1 : VB_NONE) : l2, k, sb);
    if (!p.ok && sb == 0 && !is_quote(X, 0)) p = vb_cue_speaker(X, c, VB_NONE, k, sb);
    if (!p.ok) break;
    if (CUE(c)->flags & VB_CUE_ACC) return vb_found(m, c, p, 2);
    if (!p.rel && is_pron(X, p.a) && p.a > sb) {
      size_t c2;
      for (c2 = p.a; c2-- > sb && p.a - c2 < 6;) if (is_quote(X, c2) || is_cue(X, c2)) break;
      if (c2 != VB_NONE && c2 >= sb && is_cue(X, c2) && vb_usable_cue(X, c2) && !(CUE(c2)->flags & VB_CUE_ACC) &&
          c2 + (size_t)CUE(c2)->len + 1 >= p.a) {
        np p2 = vb_cue_speaker(X, c2, sb > 0 ? sb - 1 : VB_NONE, p.a, sb);
        if (p2.ok && p2.b < c2) { c = c2; p = p2; }
      }
    }
    if ((CUE(c)->flags & VB_CUE_CALL) && !p.rel && p.a == p.b && is_pron(X, p.a)) outer_namer(X, S, sb, &c, &p);
    return vb_found(m, c, p, 1);
  }
  return 0;
}

/* "Frank Newport and Jim Harter: “…”": a name before a colon · "And Mr. Christie
 * gloated: “…”": a name and a past-tense verb no lexicon lists */
static int rule_colon_name(ctx *X, shape *S, match *m) {
  size_t k = S->k, sb = S->sb;
  np p = {0};
  /* a headline's "CNN President On Trump: ‘…’": the name before "on" speaks of the topic */
  if (k > sb + 3 && is_ch(X, k - 1, ':') && (TK(sb)->flags & VB_T_PARA) && !(X->wc[sb] & VB_W_STOP))
    for (size_t o = sb + 1; o + 1 < k - 1 && o <= sb + 4 && is_capword(X, o - 1); o++)
      if (is_word(X, o) && vb_tok_is(X->s, TK(o), "on")) {
        for (size_t z = o + 1; z < k - 1; z++) if (!is_word(X, z) || is_cue(X, z)) return 0;
        p.a = sb; p.b = o - 1; p.ok = 1;
        return vb_found(m, VB_NONE, p, 1);
      }
  if (k > sb + 2 && is_ch(X, k - 1, ':') && past_verb(X, k - 2)) {
    p = vb_np_before(X, k - 2, sb > 0 ? sb - 1 : VB_NONE);
    if (p.ok && (is_capword(X, p.b) || is_pron(X, p.b))) return vb_found(m, k - 2, p, 1);
  }
  if (k > sb + 1 && is_ch(X, k - 1, ':')) {
    p = vb_colon_speaker(X, k - 1, sb);
    if (p.ok && (is_capword(X, p.b) || is_pron(X, p.b))) return vb_found(m, VB_NONE, p, 1);
  }
  return 0;
}

/* A weak cue (reports, notes: also nouns) right after a name or a gendered pronoun is
 * the verb of that subject: "The New York Post reports", "she notes". */
static int named_weak_cue(const ctx *X, size_t c) {
  return !(CUE(c)->flags & (VB_CUE_BASE | VB_CUE_ING)) && c > 0 &&
         ((is_capword(X, c - 1) && !(X->wc[c - 1] & (VB_W_STOP | VB_W_TITLE)) && !(TK(c - 1)->flags & VB_T_POSS)) ||
          (is_pron(X, c - 1) && vb_pron_gender(X, c - 1)));
}

/* The sentence that introduces a paragraph-long quote with a colon, or VB_NONE. */
static size_t intro_sentence(const ctx *X, size_t k) {
  size_t z;
  if (!(k > 0 && (TK(k)->flags & VB_T_PARA) && is_ch(X, k - 1, ':'))) return VB_NONE;
  z = k - 1;
  while (z > 0 && k - z < WIN && !starts_sent(X, z)) z--;
  return z;
}

/* a paragraph of its own after "… released the following statement:": the intro's cue */
static int rule_colon_intro_cue(ctx *X, shape *S, match *m) {
  size_t k = S->k, s0 = intro_sentence(X, k), c;
  np p;
  if (s0 == VB_NONE) return 0;
  for (c = k - 1; c-- > s0;) {
    if (is_cue(X, c) && (!(CUE(c)->flags & VB_CUE_WEAK) || named_weak_cue(X, c))) {
      p = vb_cue_speaker(X, c, s0 > 0 ? s0 - 1 : VB_NONE, k - 1, s0);
      if (p.ok) return vb_found(m, c, p, 1);
      break;
    }
  }
  return 0;
}

/* the same paragraph after an intro with no cue ("The mayor’s full reply:"): its subject */
static int rule_colon_intro_subject(ctx *X, shape *S, match *m) {
  size_t k = S->k, s0 = intro_sentence(X, k);
  np p;
  if (s0 == VB_NONE) return 0;
  p = vb_np_subject(X, s0, k - 1);
  return p.ok ? vb_found(m, VB_NONE, p, 1) : 0;
}

static size_t skip_fwd_punct(const ctx *X, size_t z) {
  while (z < NT && is_dash(X, z)) z++;
  return z;
}

/* "…!" Bush said. The quote ends its sentence and a short one names the speaker */
static int rule_cue_next_sentence(ctx *X, shape *S, match *m) {
  size_t k = S->k, lim, c;
  int appos = 0;            /* an appositive read over: then the cue's words stay few */
  np p;
  if (!((TK(k)->flags & VB_T_QEND) && k + 1 == S->se && k + 1 < NT && !(TK(k + 1)->flags & VB_T_PARA))) return 0;
  /* "Sanders promised on Sunday to end “…”. He echoed …": a sentence that reports the
   * quote with a cue of its own before it is not the next one's */
  for (c = k; c-- > S->sb && k - c <= WIN;)
    if (is_cue(X, c) && !(CUE(c)->flags & (VB_CUE_WEAK | VB_CUE_ACC)) && vb_usable_cue(X, c)) return 0;
  lim = k + 9 < NT ? k + 9 : NT;
  for (c = k + 1; c < lim; c++) {
    if (is_ch(X, c, ',') && c > k + 1) {
      /* "“…?” Miller, a retired worker from the plant, said.": the appositive is read over */
      size_t z = appos_close(X, c, NT);
      if (z != VB_NONE) { lim += z - c; c = z; appos = 1; continue; }
    }
    if (is_quote(X, c) || (TK(c)->flags & VB_T_PUNCT && !is_ch(X, c, ','))) break;
    if (c > k + 1 && starts_sent(X, c)) break;
    if (is_cue(X, c) && (!(CUE(c)->flags & VB_CUE_WEAK) || (CUE(c)->flags & VB_CUE_BASE)) &&
        !(CUE(c)->flags & (VB_CUE_ACC | VB_CUE_ING))) {
      size_t e = c + (size_t)CUE(c)->len, z;
      if (c == k + 1) {
        p = vb_np_after(X, e, lim + 4 < NT ? lim + 4 : NT);
        if (!p.ok) break;
        e = p.b + 1;
      } else {
        p = vb_np_before(X, c, k);
        if (!p.ok || p.a != k + 1) break;
      }
      /* a quote that is its own sentence lets the cue's go on a little ("told reporters
       * during a call", "asked rhetorically"); one that ends a sentence of its own words
       * does not ("… said that “…” He cautioned that …") */
      /* ... but not a cue with words of its own: "He added, “…”" brings in the next quote,
       * "He said he'll support …", "Greene added that …" a clause it reports */
      if (is_word(X, e) && (vb_tok_is(X->s, TK(e), "that") || is_pron(X, e))) break;
      for (z = e; z < NT && z < e + (k == S->sb && !appos ? 16 : 4) && !(TK(z)->flags & (VB_T_PUNCT | VB_T_QUOTE)); z++)
        if (z > e && is_pron(X, z) && is_lowword(X, z + 1) &&
            !((TK(z - 1)->flags & VB_T_LOWER) && subordinator(X, z - 1)))
          break;                                   /* "said as he left" goes on */
      if (z < NT && (is_ch(X, z, ',') || is_ch(X, z, ':')) && is_quote(X, skip_fwd_punct(X, z + 1))) break;
      if (z < NT && (is_ch(X, z, '.') || is_ch(X, z, '!') || is_ch(X, z, '?') || is_ch(X, z, ',')))
        return vb_found(m, c, p, 1);
      break;
    }
  }
  return 0;
}

/* The next cue after token c in the quote's sentence, at most WIN tokens past the quote
 * and before another quote; VB_NONE when there is none. */
static size_t next_cue(const ctx *X, const shape *S, size_t c) {
  size_t lim = S->k + WIN < S->se ? S->k + WIN : S->se;
  for (c++; c < lim && !is_quote(X, c); c++)
    if (TK(c)->cue >= 0 && is_cue(X, c)) return c;   /* (the cue index first: most tokens have none) */
  return VB_NONE;
}

/* "…, according to Reuters." at the end of the sentence: the outer source */
static int rule_according_to_after(ctx *X, shape *S, match *m) {
  np p;
  for (size_t c = next_cue(X, S, S->k); c != VB_NONE; c = next_cue(X, S, c)) {
    /* the comma may be the quote's own: "“…,” according to the report." */
    if (!(CUE(c)->flags & VB_CUE_ACC) ||
        !(is_ch(X, c - 1, ',') || (c - 1 == S->k && vb_comma_end(X, &X->A->qs.q.v[S->qi]))))
      continue;
    p = vb_np_after(X, c + (size_t)CUE(c)->len, S->se);
    return p.ok && vb_source_closes(X, p.b + 1, S->se) ? vb_found(m, c, p, 1) : 0;
  }
  return 0;
}

/* "…, CNN reported." closing the sentence names its source too */
static int rule_reported_after(ctx *X, shape *S, match *m) {
  size_t se = S->se;
  np p;
  for (size_t c = next_cue(X, S, S->k); c != VB_NONE; c = next_cue(X, S, c)) {
    size_t e = c + (size_t)CUE(c)->len;
    if (!vb_usable_cue(X, c) || (CUE(c)->flags & (VB_CUE_ACC | VB_CUE_ING))) continue;
    if (e + 1 >= se || (e < NT && TK(e)->flags & VB_T_PUNCT && e + 1 == se)) {
      p = vb_np_before(X, c, S->k);
      if (p.ok && p.a > S->k + 1 && is_ch(X, p.a - 1, ',')) return vb_found(m, c, p, 1);
    }
  }
  return 0;
}

/* "“…” if she lost by less, said Wasserman, an analyst." · "“…,” since most cases were
 * close, said Epstein.": the quote opens a clause that closes with an inverted cue, its
 * speaker after it up to the sentence's end or an appositive */
static int rule_clause_inverted(ctx *X, shape *S, match *m) {
  np p;
  for (size_t z = S->sb; z < S->k; z++) if (is_cue(X, z) || is_quote(X, z)) return 0;   /* the clause is the quote's */
  for (size_t c = next_cue(X, S, S->k); c != VB_NONE; c = next_cue(X, S, c)) {
    size_t e = c + (size_t)CUE(c)->len;
    if (!(CUE(c)->flags & VB_CUE_INV) || (CUE(c)->flags & (VB_CUE_ACC | VB_CUE_ING | VB_CUE_WEAK)) || !is_ch(X, c - 1, ','))
      continue;
    p = vb_np_after(X, e, S->se);
    if (p.ok && (p.b + 2 >= S->se || is_ch(X, p.b + 1, ','))) return vb_found(m, c, p, 1);
    return 0;
  }
  return 0;
}


/* A cue elsewhere in the sentence, nearest first: before the quote (dir 0) or after it
 * (dir 1), at most three tried. A title-case quote ("The Apprentice") takes only a cue
 * that names things (calls, dubs). Nested reports ("Lynch said she recalled …"): the
 * outer speaker owns the sentence. */
static int same_sentence(ctx *X, shape *S, int dir, match *m) {
  size_t k = S->k, sb = S->sb, c, a0 = k > sb + WIN ? k - WIN : sb, b0 = k + WIN < S->se ? k + WIN : S->se;
  int tries = 0;
  np p;
  for (c = dir ? k + 1 : k - 1; dir ? c < b0 : (c + 1 > a0 && c != VB_NONE); c = dir ? c + 1 : c - 1) {
    if (TK(c)->cue < 0) { if (!dir && c == 0) break; continue; }    /* (no cue: as below, at once) */
    int weak = is_cue(X, c) && (CUE(c)->flags & VB_CUE_WEAK) &&
               !((CUE(c)->flags & VB_CUE_ING) && c > 0 && is_ch(X, c - 1, ',')) &&
               !(CUE(c)->flags & VB_CUE_BASE);
    size_t l2;
    if (is_cue(X, c) && (CUE(c)->flags & VB_CUE_ING) && c > 0 && is_word(X, c - 1) &&
        (X->wc[c - 1] & VB_W_BOUND)) weak = 1;                       /* of asking */
    if (is_cue(X, c) && !weak && (CUE(c)->flags & VB_CUE_BASE) && !vb_base_subject(X, c)) weak = 1;
    if (weak && is_cue(X, c) && named_weak_cue(X, c)) weak = 0;   /* "The New York Post reports" */
    if (!is_cue(X, c) || weak) { if (!dir && c == 0) break; continue; }
    if (!dir && naming_participle(X, c, k)) break;
    if (dir && vb_names_later_quote(X, c, b0)) continue;
    if (S->title < 0) S->title = vb_title_case(X->s, &X->A->qs.q.v[S->qi]);
    if (S->title && !(CUE(c)->flags & VB_CUE_CALL) && !(c < k && vb_said_title(X, &X->A->qs.q.v[S->qi], k))) break;
    l2 = a0 > 0 ? a0 - 1 : VB_NONE;
    for (size_t z = c; z-- > a0;) if (is_quote(X, z) && z != k) { l2 = z; break; }
    if (c > k && (l2 == VB_NONE || l2 < k)) l2 = k;
    p = vb_cue_speaker(X, c, l2, c < k ? k : b0, sb);
    if (p.ok && !(p.a <= k && k <= p.b)) {
      /* "X questioned what the council calls its “…”": a naming cue with its own subject
       * (not a pronoun) keeps the term its namer's */
      for (int hop = 0; hop < OUTER_HOPS && c < k && p.a > a0 && !p.rel &&
                        !((CUE(c)->flags & VB_CUE_CALL) && !is_pron(X, p.a) &&
                                     vb_quote_words_max(X->s, &X->A->qs, &X->A->qs.q.v[S->qi], 3) <= 3); hop++) {
        size_t c2;
        np p2;
        for (c2 = p.a; c2-- > a0;) if (is_quote(X, c2) || (is_cue(X, c2) && vb_usable_cue(X, c2))) break;
        if (c2 == VB_NONE || c2 < a0 || is_quote(X, c2) || !is_cue(X, c2) || !vb_governs(X, c2, p.a)) break;
        p2 = vb_cue_speaker(X, c2, l2, p.a, sb);
        if (!p2.ok || p2.b >= p.a) break;
        c = c2; p = p2;
      }
      if (c < k && (CUE(c)->flags & VB_CUE_CALL) && !p.rel && p.a == p.b && is_pron(X, p.a)) outer_namer(X, S, a0, &c, &p);
      return vb_found(m, c, p, 1);
    }
    if (++tries == 3 || (!dir && c == 0)) break;
  }
  return 0;
}

/* Cue c is set off by commas with only its subject before it (", he said,"; a pronoun or
 * a short name); *p is that subject. */
static int parenthesis(ctx *X, const shape *S, size_t c, np *p) {
  size_t e = c + (size_t)CUE(c)->len;
  if (!is_cue(X, c) || (CUE(c)->flags & (VB_CUE_WEAK | VB_CUE_ACC | VB_CUE_ING | VB_CUE_CALL)) || e >= S->se ||
      !is_ch(X, e, ','))
    return 0;
  *p = vb_np_before(X, c, c > 6 ? c - 6 : VB_NONE);
  return p->ok && !p->rel && p->a >= S->sb + 2 && is_ch(X, p->a - 1, ',') && (is_pron(X, p->a) || is_capword(X, p->b));
}

/* "CNN, Cruz said, called it “highly significant.”", "And that night, Fiorina wrote, she
 * began saying “…”": a parenthetical cue in the quote's sentence attributes the whole
 * sentence (after the quote, only before another cue or quote); a pronoun's goes to the
 * sentence's outer report, if any ("lamented the days when, he said, …") */
static int rule_parenthetical(ctx *X, shape *S, match *m) {
  np p;
  /* from at most WIN tokens before the quote: a sentence that never ends (a paragraph of
   * 400k quotes and no full stop) must not be read from its start for every quote */
  size_t from = S->k > S->sb + 2 + WIN ? S->k - WIN : S->sb + 2;
  for (size_t c = from; c + 1 < S->se && c < S->k + WIN; c++) {
    if (TK(c)->cue < 0 && !(TK(c)->flags & VB_T_QUOTE)) continue;   /* (the usual token: neither below) */
    int par = c != S->k && is_icue(X, c) && parenthesis(X, S, c, &p);
    if (c > S->k && (is_quote(X, c) || is_icue(X, c)) && !par) return 0;   /* another clause's */
    if (!par || c + (size_t)CUE(c)->len + 1 == S->k) continue;            /* "X said, “…”": cue-before */
    if (is_pron(X, p.a)) outer_namer(X, S, S->sb, &c, &p);
    return vb_found(m, c, p, 1);
  }
  return 0;
}

static int rule_same_sentence_before(ctx *X, shape *S, match *m) { return same_sentence(X, S, 0, m); }

/* "he began talking about what will happen “if we do not win”", "she believes “…”": no
 * cue of speech in the sentence, but one that reports a view before the quote (its
 * verb form, not a noun's: VB_CUE_WEAK apart) */
static int rule_view_before(ctx *X, shape *S, match *m) {
  np p;
  for (size_t c = S->k; c-- > S->sb && S->k - c < WIN;) {
    if (TK(c)->cue < 0 && !(TK(c)->flags & VB_T_QUOTE)) continue;   /* (the usual token) */
    if (is_quote(X, c)) break;
    if (!is_icue(X, c) || !(CUE(c)->flags & VB_CUE_REP) || (CUE(c)->flags & (VB_CUE_WEAK | VB_CUE_LEARNED))) continue;
    if (c > 0 && is_word(X, c - 1) && vb_tok_is(X->s, TK(c - 1), "to")) continue;   /* wants to support */
    p = vb_cue_speaker(X, c, S->sb > 0 ? S->sb - 1 : VB_NONE, S->k, S->sb);
    return p.ok && p.b < c ? vb_found(m, c, p, 1) : 0;
  }
  return 0;
}
static int rule_same_sentence_after(ctx *X, shape *S, match *m) { return same_sentence(X, S, 1, m); }

/* his warning that “…” · Farley’s account: a possessive and a speech noun; a name's
 * possessive is the rule, a pronoun's its second reading */
static int rule_possessive_noun(ctx *X, shape *S, match *m) {
  size_t k = S->k, sb = S->sb, c;
  np p = {0};
  for (c = k; c-- > sb && k - c < 25;) {
    if (is_quote(X, c) || (is_cue(X, c) && !(CUE(c)->flags & VB_CUE_WEAK))) break;
    if (c > sb && speech_noun(X, c)) {
      size_t o = c - 1;
      /* "Trump's controversial pledge", "Sanders's clarion call": a word or two that
       * qualify the noun stand between it and the possessive */
      while (o > sb && c - o <= 2 && is_lowword(X, o) && !is_icue(X, o) &&
             !(X->wc[o] & (VB_W_DET | VB_W_PREP | VB_W_PRON | VB_W_BOUND | VB_W_REL | VB_W_AUX)) &&
             is_word(X, o - 1) && !(TK(o - 1)->flags & VB_T_PUNCT))
        o--;
      if (is_word(X, o) && (TK(o)->flags & VB_T_POSS) && is_capword(X, o)) {
        size_t a = o;
        while (a > sb && is_capword(X, a - 1) && !(TK(a - 1)->flags & VB_T_POSS) && !(X->wc[a - 1] & VB_W_STOP)) a--;
        p.a = a; p.b = o; p.ok = 1;
        return vb_found(m, c, p, 1);
      }
      if (o + 1 == c && is_word(X, o) && (vb_tok_is(X->s, TK(o), "his") || vb_tok_is(X->s, TK(o), "her") ||
                            vb_tok_is(X->s, TK(o), "their") || vb_tok_is(X->s, TK(o), "its"))) {
        p.a = p.b = o; p.ok = 1;
        return vb_found(m, c, p, 2);
      }
    }
  }
  return 0;
}

/* "Although Weiner admitted that “…,” he claimed …", "When a man in the crowd shouted,
 * “Cruz,” Beck joked": a sentence that opens with a clause of time or contrast, the quote
 * closing that clause, brought in by the clause's own cue (no comma between the opening
 * word and the cue): the quote is the clause's, not the main clause's after it */
static int rule_opening_clause(ctx *X, shape *S, match *m) {
  size_t a = S->sb, z, c = VB_NONE;
  int part;
  np p;
  if (S->k <= S->sb + 2) return 0;
  while (a < S->k && is_word(X, a) && (vb_tok_is(X->s, TK(a), "but") || vb_tok_is(X->s, TK(a), "and") ||
                                       vb_tok_is(X->s, TK(a), "even")) && S->k - a > 2)
    a++;
  if (!is_word(X, a) || !subordinator(X, a)) return 0;
  /* "After saying her foot was “…,” she was …": a participle right after the opening word
   * has no subject of its own; the main clause's, after the clause, speaks */
  part = is_cue(X, a + 1) && (CUE(a + 1)->flags & VB_CUE_ING) && !(CUE(a + 1)->flags & VB_CUE_ACC);
  if (part) c = a + 1;
  for (z = a + 1; z < S->k; z++) {
    /* a comma only right after the clause's cue: "shouted, “Cruz,”" */
    if (is_ch(X, z, ',') && z + 1 == S->k && c != VB_NONE && c + (size_t)CUE(c)->len == z) break;
    if (is_ch(X, z, ',') || is_quote(X, z) || is_dash(X, z) || is_ch(X, z, ';') || is_ch(X, z, ':')) return 0;
    if (c == VB_NONE && is_cue(X, z) && !(CUE(z)->flags & (VB_CUE_ACC | VB_CUE_WEAK)) && vb_usable_cue(X, z)) c = z;
  }
  if (c == VB_NONE) return 0;
  /* the clause ends at the quote or a few words after it, at a comma */
  if (!vb_comma_end(X, &X->A->qs.q.v[S->qi])) {
    for (z = S->k + 1; z < S->se && z < S->k + 8 && !is_ch(X, z, ','); z++)
      if (is_cue(X, z) || is_quote(X, z) || (TK(z)->flags & VB_T_PUNCT)) return 0;
    if (!(z < S->se && is_ch(X, z, ','))) return 0;
  }
  if (part) {
    size_t e = vb_comma_end(X, &X->A->qs.q.v[S->qi]) ? S->k + 1 : z + 1;
    p = vb_np_after(X, e, S->se);
    return p.ok && (is_pron(X, p.a) || is_capword(X, p.b)) ? vb_found(m, c, p, 1) : 0;
  }
  p = vb_cue_speaker(X, c, a, S->k, S->sb);
  if (!p.ok || p.a <= a || p.b >= c) return 0;
  return vb_found(m, c, p, 1);
}

/* "The paradox of it, says Carl Anthony, a historian, is that it was “…”", "Because of
 * the calendar, explained Rosenberg, “…”": an inverted cue set off by commas before the
 * quote, its speaker after it, reports the sentence */
static int rule_parenthetical_inverted(ctx *X, shape *S, match *m) {
  for (size_t c = S->k; c-- > S->sb + 2 && S->k - c < WIN;) {
    size_t e;
    np p;
    if (TK(c)->cue < 0 && !(TK(c)->flags & VB_T_QUOTE)) continue;   /* (the usual token) */
    if (is_quote(X, c)) return 0;
    if (!is_cue(X, c) || !(CUE(c)->flags & VB_CUE_INV) || (CUE(c)->flags & (VB_CUE_ACC | VB_CUE_ING | VB_CUE_WEAK)) ||
        !is_ch(X, c - 1, ','))
      continue;
    e = c + (size_t)CUE(c)->len;
    p = vb_np_after(X, e, S->k);
    if (!p.ok || p.a != e || !is_capword(X, p.a) || p.b + 1 >= S->k || !is_ch(X, p.b + 1, ',')) return 0;
    return vb_found(m, c, p, 1);
  }
  return 0;
}

/* "Paul Ryan: Ruling ‘Defies Explanation,’ Needs Review", "Vega: rent plan is ‘a swindle’":
 * a label and a colon that name who speaks open the paragraph (vb_colon_label, as for
 * the clause's reported speech); a quote later in its sentence that no cue gave to
 * anyone (every rule before this one) is the label's, a title-case one too */
static int rule_colon_label(ctx *X, shape *S, match *m) {
  size_t e = vb_colon_label(X, S->sb, S->se);
  np p = {0};
  if (e == VB_NONE || S->k <= e + 2) return 0;
  p.a = S->sb; p.b = e; p.ok = 1;
  return vb_found(m, VB_NONE, p, 1);
}

/* A word that gives a share of those asked: "31%", "25 percent", "a majority", "Six in 10". */
static int share_word(const ctx *X, size_t k) {
  VB_WORDS(w, "percent", "majority", "half", "plurality");
  const vb_tok *t = TK(k);
  if (words_in(X, k, w)) return 1;
  if (t->end > t->start && X->s[t->end - 1] == '%') return 1;
  if (k + 1 < NT && is_ch(X, k + 1, '%')) return 1;
  return k > 0 && is_word(X, k - 1) && vb_tok_is(X->s, TK(k - 1), "in") && t->end - t->start == 2 &&
         X->s[t->start] == '1' && X->s[t->start + 1] == '0';
}

/* "In a CNN poll released Monday, 31% of Republicans said they were “…”", "The poll has
 * bad news for Bush — 25 percent of voters say they would “…”": the share of those a
 * poll asked speaks through it; the poll (or survey) of the sentence is the source */
static int rule_poll_share(ctx *X, shape *S, match *m) {
  VB_WORDS(polls, "poll", "polls", "survey", "surveys");
  size_t lo = S->k > S->sb + WIN ? S->k - WIN : S->sb, w = VB_NONE;
  np p;
  if (!(vb_classes_of(X->wc, lo, S->k) & VB_W_POLL)) return 0;   /* (the lexicon's polls hold these) */
  for (size_t z = lo; z < S->k; z++) {
    if (is_quote(X, z)) return 0;
    if (words_in(X, z, polls) && (TK(z)->flags & VB_T_LOWER)) { w = z; continue; }
    if (w == VB_NONE || !share_word(X, z)) continue;
    /* the share is the subject of a cue a few words on: "31% of Republicans said" */
    for (size_t c = z + 1; c < S->k && c < z + 8 && !is_ch(X, c, ',') && !is_quote(X, c); c++) {
      if (!is_cue(X, c) || (CUE(c)->flags & VB_CUE_ACC)) continue;
      p = vb_np_before(X, w + 1, S->sb > 0 ? S->sb - 1 : VB_NONE);
      return p.ok && p.b == w ? vb_found(m, c, p, 1) : 0;
    }
  }
  return 0;
}

/* The rules, tried in this order: the first that reads the quote's sentence decides.
 * A rule returns 1 for its reading (name, strength) or 2 for its second one (name2,
 * strength2). The order is the algorithm: the closest, surest shapes first. */
static const struct rule {
  const char *name;
  double strength;
  const char *name2;
  double strength2;
  int (*read)(ctx *X, shape *S, match *m);
} rules[] = {
  {R_TURN_LABEL, 0.8, NULL, 0, vb_rule_turn_label},                       /* "PENCE: Well, …" */
  {R_POLL_SHARE, 0.8, NULL, 0, rule_poll_share},                          /* In a poll, 31% said "…" */
  {R_CUE_AFTER_INVERTED, 0.95, NULL, 0, rule_cue_after_inverted},         /* "…," said Arthur */
  {R_DASH_NAME, 0.8, NULL, 0, rule_dash_name},                            /* "…" ― Carla Sanchez */
  {R_CUE_BEFORE, 0.9, NULL, 0, rule_opening_clause},                      /* When X shouted, "…," Y joked */
  {R_CUE_AFTER, 0.93, NULL, 0, rule_cue_after},                           /* "…," he said */
  {R_CUE_SLOT, 0.85, NULL, 0, rule_cue_slot},                             /* "…," murmured Venn · Venn murmured */
  {R_CUE_BEFORE, 0.9, R_ACCORDING_TO, 0.9, rule_cue_before},              /* X said: "…" · According to X, "…" */
  {R_CUE_BEFORE, 0.85, NULL, 0, vb_rule_as_opener},                       /* As X wrote years ago, "…" */
  {R_COLON_NAME, 0.6, NULL, 0, rule_colon_name},                          /* X and Y: "…" */
  {R_COLON_INTRO, 0.7, NULL, 0, rule_colon_intro_cue},                    /* X said in a statement:¶ "…" */
  {R_COLON_INTRO, 0.55, NULL, 0, rule_colon_intro_subject},               /* X's full reply:¶ "…" */
  {R_CUE_NEXT_SENTENCE, 0.85, NULL, 0, rule_cue_next_sentence},           /* "…!" Bush said. */
  {R_ACCORDING_TO, 0.7, NULL, 0, rule_according_to_after},                /* "…", according to Reuters. */
  {R_SAME_SENTENCE, 0.65, NULL, 0, rule_reported_after},                  /* "…", CNN reported. */
  {R_CLAUSE_INVERTED, 0.8, NULL, 0, rule_clause_inverted},                /* "…" if she lost, said Wasserman. */
  {R_PARENTHETICAL, 0.75, NULL, 0, rule_parenthetical_inverted},          /* Y, says X, is "…" */
  {R_PARENTHETICAL, 0.75, NULL, 0, rule_parenthetical},                   /* Y, X said, was "…" */
  {R_SAME_SENTENCE, 0.75, NULL, 0, rule_same_sentence_before},            /* X said that Y was "…" */
  {R_SAME_SENTENCE, 0.7, NULL, 0, rule_same_sentence_after},              /* Y is "…" to them, X told reporters */
  {R_POSSESSIVE_NOUN, 0.6, R_POSSESSIVE_NOUN, 0.5, rule_possessive_noun}, /* Farley’s account · his warning that "…" */
  {R_SAME_SENTENCE, 0.55, NULL, 0, rule_view_before},                     /* X believes the plan is "…" */
  {R_COLON_LABEL, 0.55, NULL, 0, rule_colon_label},                       /* X: Y is "…" */
};

/* Quote qi at token k, in the sentence [sb, se): the first rule that reads it. */
static void attribute_direct(ctx *X, size_t qi, size_t k, size_t sb, size_t se) {
  shape S;
  match m;
  S.qi = qi; S.k = k; S.sb = sb; S.se = se; S.title = -1;
  S.j = k + 1;
  if (S.j < se && (is_ch(X, S.j, ',') || is_dash(X, S.j))) S.j++;
  S.hi = se;
  {                          /* the next quote token, from the list of them */
    size_t qs = quote_slot(X, S.j);
    if (qs < X->T.quotes.n && X->T.quotes.v[qs] < se) S.hi = X->T.quotes.v[qs];
  }
  for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
    int how = rules[r].read(X, &S, &m);
    if (how && m.lab.start != VB_NONE) {          /* a label in the quote's words: no token, no entity */
      vb_attr *at = &X->A->attr.v[qi];
      at->mention = m.lab;
      at->cue = nospan;
      at->entity = -1;
      at->confidence = rules[r].strength;
      at->rule = rules[r].name;
      return;
    }
    if (how && vb_attribute(X, qi, m.c, m.p, how == 1 ? rules[r].strength : rules[r].strength2,
                            how == 1 ? rules[r].name : rules[r].name2))
      return;
  }
}




static size_t para_of(const ctx *X, size_t k, size_t *pi) {
  while (*pi + 1 < X->T.para.n && X->T.para.v[*pi + 1] <= k) (*pi)++;
  return *pi;
}

int vb_rule_in_sentence(const char *r) {
  return r && r != R_CONTINUATION && r != R_DIALOGUE && r != R_TWIN && r != R_NEARBY && r != R_PREVIOUS_CUE && r != R_PREVIOUS_SUBJECT &&
         r != R_PARENTHETICAL;
}

/* Rules that read a cue or a signature right next to the quote. */
static int strong_rule(const char *r) {
  return r == R_CUE_AFTER || r == R_CUE_AFTER_INVERTED || r == R_CUE_BEFORE || r == R_ACCORDING_TO || r == R_CUE_SLOT ||
         r == R_COLON_NAME || r == R_COLON_LABEL || r == R_COLON_INTRO || r == R_CUE_NEXT_SENTENCE || r == R_DASH_NAME ||
         r == R_TURN_LABEL;
}

/* "Bystrom agreed. “…”": quote i opens a sentence; the subject of the one before speaks */
static int previous_subject(ctx *X, size_t i, size_t k) {
  size_t pb = k - 1;
  int quoted = 0;
  while (pb > 0 && !starts_sent(X, pb) && k - pb < 80) quoted |= is_quote(X, pb--);
  if (quoted || !starts_sent(X, pb) || is_quote(X, pb)) return 0;
  np p = vb_np_subject(X, pb, k);                 /* a name or a pronoun, at its start */
  size_t a = p.a, z = pb;         /* or after a possessive name: "Iowa State's Dianne Bystrom agreed." */
  while (p.ok && z < p.a && z < pb + 4 && is_capword(X, z) && !(TK(z)->flags & VB_T_POSS)) z++;
  if (p.ok && z + 1 == p.a && is_capword(X, z) && (TK(z)->flags & VB_T_POSS)) a = pb;
  return p.ok && !p.rel && p.b < k && a <= pb + 1 && (is_pron(X, p.a) || is_capword(X, p.b)) &&
         vb_attribute(X, i, VB_NONE, p, 0.3, R_PREVIOUS_SUBJECT);
}

/* The latest cue (not a weak one) before quote token k in its paragraph or the one
 * before, outside quotes, else VB_NONE; *same: it is in k's own paragraph. */
static size_t latest_cue(const ctx *X, size_t k, int *same) {
  size_t npara = 0;
  *same = 0;
  for (size_t z = k; z-- > 0 && k - z < 4 * WIN;) {
    if (TK(z + 1)->flags & VB_T_PARA && ++npara > 1) break;
    if (is_cue(X, z) && !(CUE(z)->flags & VB_CUE_WEAK)) { *same = npara == 0; return z; }
  }
  return VB_NONE;
}

/* Quote i at token k takes the speaker of cue z before it (R_PREVIOUS_CUE); *cz, *cz0:
 * the last cue read and its sentence start, where the walk back to a sentence start stops
 * (the cues of a long sentence share it) */
static void cue_speaker_before(ctx *X, size_t i, size_t k, size_t z, size_t *cz, size_t *cz0) {
  size_t z0 = z;
  np p;
  while (z0 > 0 && !starts_sent(X, z0) && !(*cz != VB_NONE && z0 == *cz)) z0--;
  if (*cz != VB_NONE && z0 == *cz) z0 = *cz0;
  *cz = z; *cz0 = z0;
  p = vb_cue_speaker(X, z, z0 > 0 ? z0 - 1 : VB_NONE, k, z0);
  if (p.ok) p = vb_outer_report(X, z0, &z, p);   /* "Carter said that some critics had been predicting …" */
  if (p.ok) vb_attribute(X, i, z, p, 0.3, R_PREVIOUS_CUE);
}

void vb_pass_quotes(ctx *X) {
  vb_analysis *A = X->A;
  size_t nq = A->qs.q.n, si = 0, pi = 0;
  VB_VEC(size_t) qpara = {0}, qsb = {0};
  if (vb_vgrow(&qpara, nq + 1) || vb_vgrow(&qsb, nq + 1)) { X->oom = 1; vb_vfree(&qpara); return; }
  for (size_t i = 0; i < nq; i++) {
    size_t k = X->qtok.v[i], sb, se;
    qpara.v[i] = VB_NONE;
    if (k == VB_NONE) continue;
    while (si + 1 < X->T.sent.n && X->T.sent.v[si + 1] <= k) si++;
    sb = X->T.sent.n ? X->T.sent.v[si] : 0;
    se = si + 1 < X->T.sent.n ? X->T.sent.v[si + 1] : NT;
    qpara.v[i] = para_of(X, k, &pi);
    qsb.v[i] = sb;
    attribute_direct(X, i, k, sb, se);
    if (X->oom) break;
  }
  vb_continuations(X, qpara.v, qsb.v, R_CONTINUATION, R_DIALOGUE);
  vb_pair_twins(X, R_TWIN);                             /* a pull quote repeats words attributed elsewhere */
  vb_continuations(X, qpara.v, qsb.v, R_CONTINUATION, R_DIALOGUE);
  /* last resorts, with low confidence: the subject of the quote's own sentence, else the
   * latest speaker of the passage (same or previous paragraph) */
  /* carried along instead of walking back over the earlier quotes of the paragraph: the
   * latest attributed quote (not a term) and the latest quote outside any paragraph;
   * this loop only sets quote i, so both are settled once i has passed */
  size_t lastat = VB_NONE, lastnone = VB_NONE, cz = VB_NONE, cz0 = 0, zc;
  int samepara, cue_first;
  for (size_t i = 0; i < nq && !X->oom; i++) {
    vb_attr *at = &A->attr.v[i];
    size_t k = X->qtok.v[i];
    const vb_quote *q = &A->qs.q.v[i];
    np p;
    if (i > 0) {
      if (qpara.v[i - 1] == VB_NONE) lastnone = i - 1;
      if (A->attr.v[i - 1].rule && A->qs.q.v[i - 1].kind != VB_TERM) lastat = i - 1;
    }
    if (at->rule || k == VB_NONE || q->kind == VB_TERM) continue;
    /* not "the bill’s “fast lane” clause", not "the so-called “green corridor”": names, not speech */
    /* but "casts Reid as a “con artist”": a label after "as" and a determiner is the clause
     * subject's, not a name (not "what has been described as a “…”") */
    int as_label = k > qsb.v[i] + 1 && is_word(X, k - 2) && vb_tok_is(X->s, TK(k - 2), "as");
    for (size_t z = k - 2; as_label && z-- > qsb.v[i] && k - z < 10;)
      if (is_word(X, z) && vb_tok_is(X->s, TK(z), "what")) as_label = 0;
    as_label = as_label || vb_named_label(X, qsb.v[i], k);         /* "called him a “…”" */
    if (k > qsb.v[i] && !(TK(k - 1)->flags & VB_T_POSS) &&
        !(is_word(X, k - 1) && ((X->wc[k - 1] & VB_W_DET) || vb_tok_is(X->s, TK(k - 1), "so-called")) &&
          vb_quote_words_max(X->s, &A->qs, q, 3) <= 3 && !as_label)) {
      p = vb_np_clause_subject(X, qsb.v[i], k);
      if (!p.ok) p = vb_np_subject(X, qsb.v[i], k);
      if (p.ok && p.b < k) { vb_attribute(X, i, VB_NONE, p, 0.35, R_SENTENCE_SUBJECT); continue; }
    }
    if (k == qsb.v[i] && k > 0 && !(TK(k)->flags & VB_T_PARA) && previous_subject(X, i, k)) continue;   /* its sentence before */
    /* the latest cue of this or the previous paragraph, outside quotes (VB_NONE: none) */
    zc = latest_cue(X, k, &samepara);
    /* "Also, Trump is no conservative, he said. “He's a liberal!”": a cue of the quote's
     * own paragraph after the latest attributed quote (not that quote's own cue) is nearer
     * than that quote's speaker, and tried first */
    cue_first = zc != VB_NONE && samepara && lastat != VB_NONE && zc > X->qtok.v[lastat] &&
                A->attr.v[lastat].cue.start != TK(zc)->start;
    if (cue_first) cue_speaker_before(X, i, k, zc, &cz, &cz0);
    /* quotes come in text order, so the paragraphs between lastat and i only grow */
    if (!at->rule && lastat != VB_NONE && (lastnone == VB_NONE || lastat > lastnone) && qpara.v[i] != VB_NONE &&
        qpara.v[lastat] + 1 >= qpara.v[i]) {
      *at = A->attr.v[lastat];
      at->confidence = 0.3;
      at->rule = R_NEARBY;
    }
    if (!at->rule && !cue_first && zc != VB_NONE) cue_speaker_before(X, i, k, zc, &cz, &cz0);
  }
  /* kinds: a short quote or a title that no cue next to it gives to anyone is a term
   * (a scare quote, a show, a slogan), and so is a short one that only a last resort
   * gives to someone (the latest speaker nearby, the latest cue before it: the GOP's
   * "establishment" candidate) or that only goes on from the last speaker's quote
   * without being a sentence of its own (“Standby” tickets will end); a term that a cue in its sentence gives to someone is
   * a partial quote, and so is a title that one does (same_sentence reads only a naming
   * cue for a title: "referred to the plan as “The Long Wait”") */
  for (size_t i = 0; i < nq; i++) {
    vb_quote *q = &A->qs.q.v[i];
    vb_attr *at = &A->attr.v[i];
    int strong = at->rule && strong_rule(at->rule);
    /* a whole short sentence that carries on from the speaker's quote ("Staffing is.") */
    int goes_on = (at->rule == R_CONTINUATION || at->rule == R_NEARBY) && vb_full_sentence(X->s, q);
    /* "Issa: Clinton’s ‘Honesty Is In Question.’": what a headline's label says of someone
     * (colon-label) is the label's words, not the name of a work the possessive owns */
    if (q->kind != VB_BLOCK && at->rule != R_COLON_LABEL && vb_names_work(X, X->qtok.v[i], q))
      q->kind = VB_TERM;
    else if (q->kind == VB_TERM && (strong || (at->rule && (at->rule == R_SAME_SENTENCE || at->rule == R_POSSESSIVE_NOUN || at->rule == R_PARENTHETICAL))))
      q->kind = VB_PARTIAL;
    else if (q->kind != VB_TERM && q->kind != VB_BLOCK && !strong && !goes_on && at->rule != R_SAME_SENTENCE &&
             vb_title_case(X->s, q))
      q->kind = VB_TERM;
    else if (q->kind != VB_TERM && q->kind != VB_BLOCK && (!at->rule || at->rule == R_NEARBY || at->rule == R_PREVIOUS_CUE || at->rule == R_CONTINUATION) &&
             vb_quote_words_max(X->s, &A->qs, q, 3) <= 3 && !goes_on)
      q->kind = VB_TERM;
    else if (q->kind == VB_PARTIAL && at->rule == R_SENTENCE_SUBJECT && vb_single_word_mark(X, q))
      q->kind = VB_TERM;                                /* the sentence's subject alone: a ‘marked’ word */
    if (q->kind == VB_TERM) { *at = (vb_attr){-1, nospan, nospan, 0, NULL}; }
  }
  vb_vfree(&qpara);
  vb_vfree(&qsb);
}
