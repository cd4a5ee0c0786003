/* phrases.c: the speaker phrase around a cue. The subject before it ("Arthur, a senior fellow,
 * said"), the name after an inverted or according-to cue ("said Arthur"), the subject of a clause
 * or sentence (for participles and coordinated verbs); cue_speaker picks among them by the cue's
 * kind, and resolve turns a phrase into an entity; whether a cue is a verb where it stands
 * (usable_cue, base_subject). Every scan is bounded by a sentence or a fixed window. */
#include <stdlib.h>
#include <string.h>
#include "attrib_int.h"

static int speaker_phrase(const ctx *X, np p, int strict) {
  if (p.rel || p.named) return 1;
  for (size_t k = p.a; k <= p.b; k++) {
    const vb_tok *t = TK(k);
    if (!is_word(X, k)) continue;
    if (is_pron(X, k)) return 1;
    /* "his" alone speaks (his warning); for a quote's speaker "his series of early-morning"
     * does not, for its own sake: its noun decides (strict) */
    if ((vb_tok_is(X->s, t, "his") || vb_tok_is(X->s, t, "her") || vb_tok_is(X->s, t, "their") ||
         vb_tok_is(X->s, t, "its")) && (!strict || p.a == p.b || k == p.b))
      return 1;
    if (is_capword(X, k) && !(X->wc[k] & (VB_W_STOP | VB_W_TIME))) return 1;
    if ((t->flags & VB_T_DIGIT) || vb_speaker_word(X, k)) return 1;
    /* "some", "two of them", "most said": a quantity opens the phrase */
    if ((X->wc[k] & VB_W_QUANT) && k <= p.a + ((X->wc[p.a] & VB_W_DET) && p.a < p.b)) return 1;
  }
  return 0;
}

int vb_speaker_phrase(const ctx *X, np p) { return speaker_phrase(X, p, 0); }
int vb_quote_speaker_phrase(const ctx *X, np p) { return speaker_phrase(X, p, 1); }

int vb_role_prep(const ctx *X, size_t k) {
  return is_lowword(X, k) &&
         (vb_tok_is(X->s, TK(k), "for") || vb_tok_is(X->s, TK(k), "of") || vb_tok_is(X->s, TK(k), "at") ||
          vb_tok_is(X->s, TK(k), "with") || vb_tok_is(X->s, TK(k), "from"));
}

/* "a spokesperson for Osle Valley Transport": the role words before a body's name and its
 * preposition, back to their determiner; the description's first token, or VB_NONE. */
static size_t role_before(const ctx *X, size_t a, size_t lo1) {
  size_t z;
  if (a < lo1 + 2 || !vb_role_prep(X, a - 1) || !is_word(X, a - 2) || !(TK(a - 2)->flags & VB_T_LOWER) ||
      (X->wc[a - 2] & (VB_W_DET | VB_W_BOUND)) || !vb_speaker_word(X, a - 2))
    return VB_NONE;
  z = a - 2;
  while (z > lo1 && a - z < 6 && is_word(X, z - 1) && !starts_sent(X, z) && !is_cue(X, z - 1) &&
         !(X->wc[z - 1] & (VB_W_BOUND | VB_W_PREP)) && ((TK(z - 1)->flags & VB_T_LOWER) || (X->wc[z - 1] & VB_W_DET))) {
    z--;
    if (X->wc[z] & VB_W_DET) break;
  }
  return z;
}

/* "a report by the board", "a study by the Osle Valley Research Trust", "an email from
 * the office": a document before "by" or "from" is the source; its first token, or
 * VB_NONE. a is the first token of the phrase after the preposition. */
static size_t doc_before(const ctx *X, size_t a, size_t lo1) {
  size_t p = a, z;
  if (p > lo1 && is_word(X, p - 1) && vb_tok_is(X->s, TK(p - 1), "the")) p--;
  if (p < lo1 + 2 || !is_word(X, p - 1) || !(vb_tok_is(X->s, TK(p - 1), "by") || vb_tok_is(X->s, TK(p - 1), "from")))
    return VB_NONE;
  z = p - 2;
  if (!is_word(X, z) || !(TK(z)->flags & VB_T_LOWER) || !(X->wc[z] & (VB_W_SPEAKER | VB_W_POLL))) return VB_NONE;
  while (z > lo1 && p - z < 6 && is_word(X, z - 1) && !starts_sent(X, z) && !(X->wc[z - 1] & (VB_W_BOUND | VB_W_PREP)) &&
         ((TK(z - 1)->flags & VB_T_LOWER) || (X->wc[z - 1] & VB_W_DET))) {
    z--;
    if (X->wc[z] & VB_W_DET) break;
  }
  return z;
}

/* "Richards and Menendez both stressed", "they all agreed": a quantity after its subject */
static int floating_quant(const ctx *X, size_t k) {
  return (TK(k)->flags & VB_T_LOWER) && (X->wc[k] & VB_W_QUANT) && k > 0 && is_word(X, k - 1) &&
         (vb_tok_is(X->s, TK(k), "both") || vb_tok_is(X->s, TK(k), "all") || vb_tok_is(X->s, TK(k), "each")) &&
         (is_capword(X, k - 1) || is_pron(X, k - 1) || (TK(k - 1)->flags & VB_T_LOWER));
}

/* A preposition that opens a place or time in an appositive: "of Flint", "during a visit". */
static int appos_prep(const ctx *X, size_t k) {
  VB_WORDS(w, "of", "from", "in", "at", "during", "near");
  return words_in(X, k, w) && (TK(k)->flags & VB_T_LOWER);
}

/* "Cory Lund, 22, of Flint, Mich., said", "Varga, during a visit to Osle, Ohio, said": the
 * appositive read over ended at token j, where another comma-led part of it ends (an age,
 * a phrase of place or time): back over those to the name they follow, at most three;
 * else j. */
static size_t appos_chain(const ctx *X, size_t j, size_t lo1) {
  for (int g = 0; g < 3; g++) {
    size_t z = j;
    while (z > lo1 && j - z < 12 && !is_ch(X, z, ',') && !starts_sent(X, z) && !is_quote(X, z)) z--;
    if (z <= lo1 || !is_ch(X, z, ',') || z + 1 > j) return j;
    if (!(appos_prep(X, z + 1) || (z + 1 == j && (TK(j)->flags & VB_T_DIGIT)))) return j;
    for (size_t y = z + 1; y <= j; y++)          /* "in 1976, in what Buchanan, …, called": a clause */
      if ((X->wc[y] & VB_W_REL) || vb_tok_is(X->s, TK(y), "what")) return j;
    if (!is_word(X, z - 1) || !(is_capword(X, z - 1) || is_ch(X, z - 1, ')') || (TK(z - 1)->flags & VB_T_DIGIT))) return j;
    j = z - 1;
  }
  return j;
}

/* "who's" and "who’s" (has or is: "Graham, who's called for …"): a relative pronoun too
 * (inline: one test for most words, asked of every word a phrase is read over) */
static inline int who_has(const ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  return (t->flags & VB_T_POSS) && base_end(X, k) - t->start == 3 && (X->s[t->start] | 0x20) == 'w' &&
         X->s[t->start + 1] == 'h' && X->s[t->start + 2] == 'o';
}

/* The speaker before cue c (its subject), not reaching back to token lo. */
static np np_before1(const ctx *X, size_t c, size_t lo) {
  np r = {0};
  size_t lo1 = lo + 1;   /* first token allowed; lo == VB_NONE (no bound) wraps to 0 */
  size_t j = c, h;
  int g;
  if (c == 0 || c <= lo1) return r;
  j = c - 1;
  /* auxiliaries and adverbs are lower case there: "Will wrote" names George Will */
  for (g = 0; g < 6 && j >= lo1 && is_word(X, j) &&
              ((((X->wc[j] & (VB_W_SKIP | VB_W_AUX)) && (TK(j)->flags & VB_T_LOWER)) || (X->wc[j] & VB_W_TIME)) ||
               is_adverb(X, j) || floating_quant(X, j)) &&
              !is_pron(X, j); g++) j--;
  if (j < lo1) return r;
  /* "Some say …", "Others have urged …", "…, several oppose": a quantity alone as the
   * subject, at a clause's start */
  if (is_word(X, j) && (X->wc[j] & VB_W_QUANT) && !(X->wc[j] & VB_W_DET && is_word(X, j + 1) && j + 1 < c &&
                                                  !(X->wc[j + 1] & (VB_W_SKIP | VB_W_AUX)) && !is_cue(X, j + 1)) &&
      (starts_sent(X, j) || (j > 0 && (is_ch(X, j - 1, ',') || vb_quant_conj(X, j - 1))))) {   /* (pwords.c) */
    r.a = r.b = j; r.ok = 1;
    return r;
  }
  if (is_word(X, j) && ((X->wc[j] & VB_W_REL) || who_has(X, j)) && j > lo1 && is_ch(X, j - 1, ',')) {
    /* "said Weaver, who said …": the mention is "who", the speaker its antecedent */
    np ante = vb_np_before(X, j - 1, lo);
    if (!ante.ok) return r;
    r.a = ante.a; r.b = j; r.ok = 1; r.rel = 1; r.ra = ante.a; r.rb = ante.b;
    return r;
  }
  if (is_word(X, j) && j > lo1 && (vb_tok_is(X->s, TK(j), "who") || vb_tok_is(X->s, TK(j), "which") || who_has(X, j)) &&
      is_word(X, j - 1)) {
    /* "voters who believe …", "a group which argued …": a restrictive clause; the mention
     * is the head and its pronoun together, the speaker the head */
    np ante = vb_np_before(X, j, lo);
    if (!ante.ok || ante.rel) return r;
    r.a = ante.a; r.b = j; r.ok = 1; r.rel = 1; r.ra = ante.a; r.rb = ante.b;
    return r;
  }
  if (is_word(X, j) && j > lo1 && (TK(j)->flags & VB_T_LOWER) && vb_tok_is(X->s, TK(j), "that") && is_word(X, j - 1) &&
      (TK(j - 1)->flags & VB_T_LOWER) && !is_cue(X, j - 1) &&
      !(X->wc[j - 1] & (VB_W_AUX | VB_W_SKIP | VB_W_BOUND | VB_W_PREP | VB_W_DET | VB_W_REL | VB_W_STOP))) {
    /* "an organization that endorsed Sanders", "groups that have backed him": "that"
     * right after a noun that can speak, and right before the cue, opens a relative
     * clause (after a verb it opens a reported one: "said that", "believes that") */
    np ante = vb_np_before(X, j, lo);
    if (!ante.ok || ante.rel || !vb_speaker_phrase(X, ante)) return r;
    r.a = ante.a; r.b = j; r.ok = 1; r.rel = 1; r.ra = ante.a; r.rb = ante.b;
    return r;
  }
  if (is_ch(X, j, ')')) {                     /* Sen. Chuck Grassley (R-Iowa) said */
    size_t z = j;
    while (z >= lo1 && j - z < 10 && !is_ch(X, z, '(')) z--;
    if (z <= lo1 || !is_ch(X, z, '(')) return r;
    j = z - 1;
  }
  if (is_ch(X, j, ',')) {                     /* X, an appositive, said */
    size_t z = j - 1, y;
    while (z >= lo1 && j - z < APPOS && !is_ch(X, z, ',') && !(is_quote(X, z) && !is_term_quote(X, z)) &&
           !starts_sent(X, z + 1)) z--;
    if (z < lo1 || !is_ch(X, z, ',')) return r;
    if (z + 1 < j && is_capword(X, z + 1) && vb_run_end(X, z + 1) == j - 1 && z > lo1 && is_word(X, z - 1) &&
        (TK(z - 1)->flags & VB_T_LOWER)) {
      /* "The city’s police chief, Ines Varga, told": the role came first, the name speaks */
      const ment *m = vb_ment_at(X, j - 1);
      if (m && m->ent >= 0 && m->person && m->a == z + 1) { r.a = z + 1; r.b = j - 1; r.ok = 1; return r; }
    }
    /* X, who is a pastor at the Church of Elizabeth, Colorado, said: back to ", who" */
    for (y = j - 1; y > lo1 && j - y < 2 * APPOS && !is_quote(X, y) && !starts_sent(X, y + 1); y--)
      if ((X->wc[y] & VB_W_REL) && is_ch(X, y - 1, ',')) { z = y - 1; break; }
    j = z - 1;
    j = appos_chain(X, j, lo1);
    /* "Sanders, meanwhile, who …, said": an aside of one adverb is skipped too */
    if (j > lo1 + 1 && is_lowword(X, j) &&
        ((X->wc[j] & (VB_W_STOP | VB_W_SKIP)) || is_adverb(X, j)) && is_ch(X, j - 1, ','))
      j -= 2;
    if (is_ch(X, j, ')')) {
      size_t y2 = j;
      while (y2 >= lo1 && j - y2 < 10 && !is_ch(X, y2, '(')) y2--;
      if (y2 <= lo1 || !is_ch(X, y2, '(')) return r;
      j = y2 - 1;
    }
  }
  if (j < lo1 || !is_word(X, j)) return r;
  h = j;
  if (is_pron(X, h)) { r.a = r.b = h; r.ok = 1; return r; }
  if (is_capword(X, h) || (TK(h)->flags & VB_T_DIGIT)) {
    size_t a = h;
    while (a > lo1) {
      size_t p = a - 1;
      if (starts_sent(X, a)) break;
      if (is_capword(X, p) && !(TK(p)->flags & VB_T_POSS) && !(X->wc[p] & VB_W_STOP)) { a = p; continue; }
      if (p > lo1 && vb_name_apos(X, p)) { a = p - 1; continue; }   /* the Users’ Association said */
      if (is_word(X, p) && (X->wc[p] & VB_W_CONN) && (TK(p)->flags & VB_T_LOWER) && p > lo1 && is_capword(X, p - 1)) { a = p - 1; continue; }
      break;
    }
    /* a function word alone is no speaker, unless a quote or comma comes right before it
     * and the cue right after ("…," From said) */
    if (X->wc[a] & VB_W_STOP && a == h) {
      if (!(h + 1 == c && h > 0 && (is_quote(X, h - 1) || is_ch(X, h - 1, ',')))) return r;
      if (!starts_sent(X, h) && (TK(c)->flags & VB_T_LOWER)) r.named = 1;   /* "…," Read said: a name */
    }
    {
      size_t d = role_before(X, a, lo1);
      if (d == VB_NONE) d = doc_before(X, a, lo1);
      if (d != VB_NONE) a = d;              /* a spokesperson for Osle Valley Transport said */
    }
    r.a = a; r.b = h; r.ok = 1;
    return r;
  }
  if (h >= lo1 + 2 && vb_count_of(X, h) && vb_speaker_word(X, h - 2)) {   /* "the mother of three replied" */
    r = np_before1(X, h - 1, lo);
    if (r.ok && !r.rel && r.b == h - 2) r.b = h; else r.ok = 0;
    return r;
  }
  if (TK(h)->flags & VB_T_LOWER) {
    size_t a = h;
    if (X->wc[h] & (VB_W_BOUND | VB_W_DET | VB_W_SKIP)) return r;
    while (a > lo1 && h - a < 6 && !starts_sent(X, a)) {
      size_t p = a - 1;
      if (!is_word(X, p)) break;
      if (X->wc[p] & VB_W_DET) { a = p; break; }
      if (X->wc[p] & VB_W_BOUND) break;
      if (is_cue(X, p)) break;
      a = p;
    }
    {
      size_t d = doc_before(X, a, lo1);
      if (d != VB_NONE) a = d;              /* a report by the regional transport board found */
    }
    r.a = a; r.b = h; r.ok = 1;
    /* "supporters of reform said", "people with knowledge of the talks said": when the
     * last noun names no speaker, the phrase goes back over a preposition or two (to
     * lower-case words: "Lind at the time said" is vb_np_before's) */
    for (g = 0; g < 2 && !vb_speaker_phrase(X, r) && r.a > lo1 + 1 && !starts_sent(X, r.a); g++) {
      size_t pp = r.a - 1, z;
      if (!is_word(X, pp) || !(X->wc[pp] & VB_W_PREP) || !(TK(pp)->flags & VB_T_LOWER)) break;
      z = pp;
      while (z > lo1 && pp - z < 5 && is_word(X, z - 1) && !starts_sent(X, z) &&
             !(is_cue(X, z - 1) && !(CUE(z - 1)->flags & VB_CUE_WEAK)) &&
             !(X->wc[z - 1] & (VB_W_BOUND | VB_W_REL)) && !(TK(z - 1)->flags & VB_T_POSS) &&
             ((TK(z - 1)->flags & VB_T_LOWER) || (X->wc[z - 1] & VB_W_DET))) {
        z--;
        if (X->wc[z] & VB_W_DET) break;
      }
      if (z == pp) break;
      r.a = z;
    }
  }
  return r;
}

/* A preposition that opens an adverbial phrase between a subject and its verb. */
static int adv_prep(const ctx *X, size_t k) {
  VB_WORDS(w, "in", "at", "on", "during", "through", "across", "outside", "inside", "near", "around");
  return words_in(X, k, w) && (TK(k)->flags & VB_T_LOWER);
}

/* "Trump at the time said", "Trump in his announcement speech called": the words right
 * before the cue may end a phrase of time or place; its preposition's subject speaks.
 * Twice at most ("in Ames on Sunday"), and only when a subject is found before it. */
np vb_np_before(const ctx *X, size_t c, size_t lo) {
  np r = np_before1(X, c, lo);
  for (int g = 0; g < 2 && r.ok && !r.rel && r.a > 0 && r.a - 1 > lo + 1 && adv_prep(X, r.a - 1); g++) {
    np r2 = np_before1(X, r.a - 1, lo);
    /* a subject, not the end of a verb phrase ("donors were upset at …") */
    if (!r2.ok || !(r2.rel || is_pron(X, r2.a) || is_capword(X, r2.b) || (X->wc[r2.a] & VB_W_DET) ||
                    (starts_sent(X, r2.a) && is_capword(X, r2.a))))   /* Protesters marching through … */
      break;
    r = r2;
  }
  return r;
}

/* The speaker right after token j (inverted "said Arthur", "according to X"), before hi. */
np vb_np_after(const ctx *X, size_t j, size_t hi) {
  np r = {0};
  size_t e;
  if (j < hi && is_word(X, j) && (X->wc[j] & VB_W_TIME)) j++;
  if (j >= hi || !is_word(X, j)) return r;
  if (is_pron(X, j)) { r.a = r.b = j; r.ok = 1; return r; }
  if (is_capword(X, j)) {
    e = vb_run_end(X, j);
    while (e + 1 < hi && (TK(e)->flags & VB_T_POSS) && is_capword(X, e + 1)) e = vb_run_end(X, e + 1);
    if (e >= hi) e = hi - 1;
    {
      /* "said Democratic strategist Hank Sheinkopf", "said GOP presidential candidate Ada
       * Brandt": a capitalised modifier, one or two role words, then the name they head */
      size_t z = e + 1;
      while (z < hi && z - e <= 2 && is_lowword(X, z) && !vb_speaker_word(X, z) &&
             !(X->wc[z] & (VB_W_BOUND | VB_W_REL | VB_W_AUX | VB_W_DET | VB_W_PREP)) && !is_cue(X, z)) z++;
      if (z + 1 < hi && z - e <= 2 && is_lowword(X, z) &&
          vb_speaker_word(X, z) && is_capword(X, z + 1) && !(X->wc[z + 1] & (VB_W_STOP | VB_W_DET))) {
        size_t ne = vb_run_end(X, z + 1);
        e = ne < hi ? ne : hi - 1;
      }
    }
    r.a = j; r.b = e; r.ok = 1;
    return r;
  }
  if (TK(j)->flags & (VB_T_LOWER | VB_T_DIGIT)) {   /* a senior official; 9/11 widow Terry Strada */
    if (!(X->wc[j] & VB_W_DET) && (X->wc[j] & (VB_W_BOUND | VB_W_SKIP))) return r;
    /* "suggests that Phoenix …", "note that he …": a clause, not a determiner's phrase */
    if (vb_tok_is(X->s, TK(j), "that") && j + 1 < hi && (is_capword(X, j + 1) || is_pron(X, j + 1))) return r;
    /* a noun that is also a cue's form after a determiner names ("said the press") */
    /* (an auxiliary starts a clause: "said the town must …") */
    for (e = j; e + 1 < hi && e - j < 8 && is_word(X, e + 1) && !(X->wc[e + 1] & (VB_W_BOUND | VB_W_REL | VB_W_AUX)) &&
                (!is_cue(X, e + 1) || ((CUE(e + 1)->flags & VB_CUE_WEAK) && (X->wc[e] & VB_W_DET))); e++) {}
    /* "said a spokesperson for Osle Valley Transport" */
    if (e + 2 < hi && vb_role_prep(X, e + 1) && is_capword(X, e + 2) && vb_speaker_word(X, e)) {
      size_t re = vb_run_end(X, e + 2);
      if (re < hi) e = re;
    }
    /* "according to calculations by Ada Brandt of the institute", "a court filing made by
     * the state attorney": the work and its author together, the author the source */
    if (e + 2 < hi && is_word(X, e + 1) && vb_tok_is(X->s, TK(e + 1), "by") && (TK(e + 1)->flags & VB_T_LOWER)) {
      np au = vb_np_after(X, e + 2, hi);
      if (au.ok && !au.rel && (is_capword(X, au.b) || vb_speaker_word(X, au.b))) {
        size_t na = au.a;                          /* resolved as its author's name */
        while (na < au.b && !is_capword(X, na)) na++;
        r.a = j; r.b = au.b; r.ok = 1; r.rel = 1; r.ra = na;
        r.rb = is_capword(X, na) && vb_run_end(X, na) <= au.b ? vb_run_end(X, na) : au.b;
        return r;
      }
    }
    r.a = j; r.b = e; r.ok = 1;
  }
  return r;
}

static int ing_word(const ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  return t->end - t->start > 4 && X->s[t->end - 3] == 'i' && X->s[t->end - 2] == 'n' && X->s[t->end - 1] == 'g';
}

/* A subject phrase starting at token k (a pronoun, a name, or a determiner and its noun). */
static np np_at(const ctx *X, size_t k, size_t c) {
  np r = {0};
  if (k < c) k = skip_quotes(X, k, c);
  if (k >= c || !is_word(X, k)) return r;
  if (is_pron(X, k)) { r.a = r.b = k; r.ok = 1; return r; }
  if (vb_age_word(X, k) && is_capword(X, k + 1) && !(X->wc[k + 1] & VB_W_STOP)) {
    r = np_at(X, k + 1, c);               /* "17-year-old Jared Potts echoed": the age opens it */
    if (r.ok) r.a = k;
    return r;
  }
  if (X->wc[k] & VB_W_STOP && (TK(k)->flags & VB_T_CAP) && vb_tok_is(X->s, TK(k), "the") && is_capword(X, k + 1)) k++;
  if ((TK(k)->flags & VB_T_UPPER) && (TK(k)->flags & VB_T_PARA) && is_ch(X, k + 1, ',')) return r;   /* PORTLAND, Ore. */
  if (is_capword(X, k) && !(X->wc[k] & (VB_W_STOP | VB_W_DET))) {      /* "Several residents": the determiner's */
    size_t e = vb_run_end(X, k);
    if (e >= c) return r;
    if (TK(e)->flags & VB_T_POSS && is_lowword(X, e + 1)) {
      /* Clinton’s campaign */
      size_t z = e + 1;
      while (z + 1 < c && z < e + 3 && is_lowword(X, z + 1) &&
             !(X->wc[z + 1] & VB_W_BOUND) && !is_cue(X, z + 1)) z++;
      r.a = k; r.b = z; r.ok = 1;
      return r;
    }
    if (TK(e)->flags & VB_T_POSS) {            /* The Blaze’s Matt Walsh */
      if (!is_capword(X, e + 1)) return r;
      k = e + 1;
      e = vb_run_end(X, k);
      if (e >= c) return r;
    }
    if (e + 2 < c && is_lowword(X, e + 1) && vb_speaker_word(X, e + 1) &&
        !(X->wc[e + 1] & (VB_W_BOUND | VB_W_SKIP)) && !is_icue(X, e + 1)) {
      r.a = k; r.b = e + 1; r.ok = 1;         /* "Harbour pilots — and …— say", "Trump supporters" */
      return r;
    }
    {
      /* "FBI director James Comey": an organisation, a title, then the name; "Democratic
       * presidential candidate Bernie Sanders": a modifier before the title too */
      size_t z = e + 1;
      while (z < c && z < e + 4 && is_lowword(X, z) &&
             ((X->wc[z] & (VB_W_TITLE | VB_W_ORG)) || (z == e + 1 && is_word(X, z + 1) && (X->wc[z + 1] & VB_W_TITLE) &&
                                                        !(X->wc[z] & (VB_W_STOP | VB_W_BOUND | VB_W_SKIP)) && !is_icue(X, z))))
        z++;
      if (z > e + 1 && z < c && is_capword(X, z) && !(X->wc[z] & VB_W_STOP) && (X->wc[z - 1] & (VB_W_TITLE | VB_W_ORG))) {
        size_t e2 = vb_run_end(X, z);
        if (e2 < c) e = e2;
      }
    }
    r.a = k; r.b = e; r.ok = 1;
    return r;
  }
  if ((X->wc[k] & VB_W_DET) && (TK(k)->flags & VB_T_LOWER ? 1 : !vb_tok_is(X->s, TK(k), "that")) &&
      is_word(X, k + 1) && !(X->wc[k + 1] & VB_W_BOUND) && !(TK(k + 1)->flags & VB_T_DIGIT)) {
    size_t z = k + 1;
    while (z + 1 < c && z < k + 3 && is_word(X, z + 1) && !(X->wc[z + 1] & (VB_W_BOUND | VB_W_SKIP)) &&
           !is_cue(X, z + 1) && !(TK(z + 1)->flags & VB_T_POSS)) {
      size_t n = TK(z + 1)->end - TK(z + 1)->start;
      if (n > 2 && X->s[TK(z + 1)->end - 2] == 'e' && X->s[TK(z + 1)->end - 1] == 'd') break;   /* a verb */
      z++;
    }
    if (z + 1 < c && is_word(X, z + 1) && (TK(z + 1)->flags & VB_T_POSS)) return r;   /* the bill’s … */
    if (TK(z)->flags & VB_T_POSS) return r;
    r.a = k; r.b = z; r.ok = 1;
  }
  return r;
}

/* The subject of the clause before cue c: tried at each clause start (after a comma),
 * nearest first, then at the sentence start ("Eight years ago, he supported … and said"). */
static np np_subject_near(const ctx *X, size_t sb, size_t c);

/* The subject of the sentence (for participles: "Her campaign emailed supporters saying"). */
np vb_np_subject(const ctx *X, size_t sb, size_t c) {
  np r = {0};
  size_t k = sb;
  /* the sentence's own subject, after an opening phrase ("On Friday, Mr. Carson endorsed") */
  if (k < c) k = skip_quotes(X, k, c);
  /* "Then he cut into Bush, calling …", "But she said": one word, then the subject */
  if (k + 2 < c && is_word(X, k) && (X->wc[k] & (VB_W_STOP | VB_W_BOUND)) && !(X->wc[k] & (VB_W_DET | VB_W_PRON)) &&
      is_pron(X, k + 1) && is_lowword(X, k + 2))
    return np_at(X, k + 1, c);
  {
    /* "And then Trump went on the attack, saying …", "But the mayor struck back,
     * calling …": one or two linking words, then the subject and its verb */
    size_t z = k;
    while (z < k + 2 && z + 2 < c && is_word(X, z) && vb_lead_link(X, z)) z++;
    if (z > k && z + 1 < c && !is_ch(X, z, ',')) {
      r = np_at(X, z, c);
      if (r.ok && r.b + 1 < c && is_word(X, r.b + 1) && (TK(r.b + 1)->flags & VB_T_LOWER) &&
          !(X->wc[r.b + 1] & (VB_W_PREP | VB_W_DET | VB_W_BOUND)))
        return r;
      r.ok = 0;
    }
  }
  if (k < c && is_word(X, k) && (((X->wc[k] & (VB_W_STOP | VB_W_BOUND)) && !(X->wc[k] & (VB_W_DET | VB_W_PRON))) ||
                                 ((TK(k)->flags & VB_T_CAP) && ing_word(X, k)) ||   /* "Flying home, she vented" */
                                 vb_opening_word(X, k, -1))) {                     /* "Shortly after …, the board" */
    size_t z;
    for (z = k; z < c && z < k + APPOS && !is_ch(X, z, ','); z++) {}
    if (z < c && is_ch(X, z, ',')) k = z + 1;
  }
  if (k == sb) k = vb_after_dateline(X, k, c);
  r = np_at(X, k, c);
  if (r.ok) return r;
  return np_subject_near(X, sb, c);
}

/* A dateline opens the paragraph at k: "Washington (AFP) – Hillary Clinton has taken",
 * "LA CROSSE, Wisc. — Gov. Mike Pence": the token after its dash, else k. */
size_t vb_after_dateline(const ctx *X, size_t k, size_t c) {
  size_t z = k;
  while (z < c && z < k + 8 && (is_capword(X, z) || is_ch(X, z, ',') || is_ch(X, z, '(') || is_ch(X, z, ')') ||
                                is_ch(X, z, '.')))
    z++;
  return k < NT && (TK(k)->flags & VB_T_PARA) && z > k && z + 1 < c && is_dash(X, z) ? z + 1 : k;
}

/* "Poll: Sanders Takes First National Lead": a headline in title case after the label,
 * five words or more, every one capitalised, with no figure or comma (not a list of
 * names and their shares) */
static int title_clause(const ctx *X, size_t a, size_t se) {
  size_t words = 0;
  for (size_t z = a; z < se && z < a + 24; z++) {
    if (is_ch(X, z, '.') && z + 1 >= se) break;
    if (!is_word(X, z) || !is_capword(X, z) || (TK(z)->flags & VB_T_DIGIT)) return 0;
    words++;
  }
  return words >= 5;
}

/* The label before a headline's colon (tokens sb..e) names who speaks: a person or a
 * body the text names, also one it names in full only later ("Lynch:"), or a word for
 * one who may speak ("Poll:", "Insiders:") before a clause (lower-case words, not a list
 * of names or a figure) or a headline in title case (title_clause); not a label in
 * capitals ("CORRECTION:", "BYLINE:"). */
static int colon_label(const ctx *X, size_t sb, size_t e, size_t se) {
  const ment *m = vb_ment_at(X, e);
  int low = 0;
  if (m && m->ent >= 0) return X->A->ent.v[m->ent].kind != VB_ENT_GROUP;
  if (e != sb) return 0;
  {
    int le = vb_smap_get(X, &X->last, TK(e)->start, base_end(X, e), 0);
    if (le >= 0 && X->A->ent.v[le].kind == VB_ENT_PERSON) return 1;
  }
  if ((TK(sb)->flags & VB_T_UPPER) || !vb_speaker_word(X, sb)) return 0;
  for (size_t z = e + 2; z < se && z < e + 32 && low < 2; z++) low += is_lowword(X, z);
  return low >= 2 || title_clause(X, e + 2, se);
}

size_t vb_colon_label(const ctx *X, size_t sb, size_t se) {
  size_t e;
  if (!(TK(sb)->flags & VB_T_PARA) || !is_capword(X, sb)) return VB_NONE;
  for (e = sb + 1; e < se && e < sb + 6 && !is_ch(X, e, ':'); e++) {}
  if (e >= se || !is_ch(X, e, ':')) return VB_NONE;
  e = vb_run_end(X, sb);
  if (e + 3 >= se || !is_ch(X, e + 1, ':') || e - sb > 4) return VB_NONE;
  return colon_label(X, sb, e, se) ? e : VB_NONE;
}

/* The nearest clause subject before c (for coordinated verbs: "when he laughed and said"):
 * a clause start after a comma, nearest first, then the sentence start. */
static np np_subject_near(const ctx *X, size_t sb, size_t c) {
  np r = {0};
  size_t lo = c > sb + WIN ? c - WIN : sb;
  for (size_t k = c; k-- > lo;) {
    if (is_ch(X, k, ',') && k + 1 < c) {
      r = np_at(X, k + 1, c);
      if (r.ok) return r;
    }
  }
  return np_at(X, sb, c);
}

/* "who" at z opens a clause with its verb next (a lower-case word, not a pronoun or a
 * determiner: "who portrayed", "who has run"), before token k, after a name or a comma
 * ("Ivanka, who", "Clinton who"; not "judges who serve", a noun's restrictive clause). */
static int rel_who(const ctx *X, size_t z, size_t k) {
  if (z + 2 >= k || z < 2 || !is_word(X, z) || !vb_tok_is(X->s, TK(z), "who") || !is_word(X, z + 1) ||
      !(TK(z + 1)->flags & VB_T_LOWER) || is_pron(X, z + 1) || (X->wc[z + 1] & (VB_W_DET | VB_W_PREP | VB_W_QUANT)))
    return 0;
  return is_ch(X, z - 1, ',') || is_capword(X, z - 1);
}

/* The subject of the clause nearest before token k in the sentence from sb: a pronoun
 * (not "it") or a person's name that opens a clause (at the sentence start, or after a
 * comma or a conjunction of time or contrast: "as she thanked the crowd and boomed “…”",
 * not a clause that is what someone says: "that he", "because he") and is followed by a
 * lower-case word, its verb. Not found: p.ok 0. */
np vb_np_clause_subject(const ctx *X, size_t sb, size_t k) {
  static const char *const opener[] = {"and", "but", "as", "when", "while", "with", "after", "before", "until",
                                       "where", "though", "although", NULL};
  np p = {0};
  int closed = 0;                                  /* a comma that ends a clause before k */
  for (size_t z = k; z-- > sb && k - z < 40;) {
    const ment *m;
    size_t a;
    int open;
    if (is_quote(X, z)) break;
    if (is_ch(X, z, ',') && (z + 1 == k || !is_word(X, z + 1) || !(TK(z + 1)->flags & VB_T_LOWER) || is_cue(X, z + 1) ||
                             (X->wc[z + 1] & (VB_W_BOUND | VB_W_PREP | VB_W_STOP | VB_W_REL))))
      closed = 1;                                  /* "Bush, who quit Saturday, as “…”" */
    if (!closed && z > sb && rel_who(X, z, k)) {
      /* "his daughter Ivanka, who portrayed him as “…”": the quote in a relative clause
       * is the antecedent's (the mention "who" with it) */
      np r = vb_np_before(X, z + 1, sb > 0 ? sb - 1 : VB_NONE);
      if (r.ok && r.rel) return r;
    }
    if (is_ch(X, z, ',') && z > sb && z + 2 < k && is_word(X, z + 1) && (X->wc[z + 1] & VB_W_DET) &&
        !(TK(z + 1)->flags & VB_T_POSS) && !vb_tok_is(X->s, TK(z + 1), "that")) {
      /* "As Blumenthal spoke, the NRA was going into overdrive, whipping … against “…”":
       * a noun phrase for people or a body opens the clause after a comma */
      np r = np_at(X, z + 1, k);
      if (r.ok && !is_pron(X, r.a) && r.b + 1 < k && is_word(X, r.b + 1) && (TK(r.b + 1)->flags & VB_T_LOWER) &&
          !(X->wc[r.b + 1] & (VB_W_DET | VB_W_REL | VB_W_PREP)) && !vb_tok_is(X->s, TK(r.b + 1), "and") &&
          !vb_tok_is(X->s, TK(r.b + 1), "that") && vb_speaker_phrase(X, r))
        return r;
    }
    if (!is_word(X, z) || !is_word(X, z + 1) || !(TK(z + 1)->flags & VB_T_LOWER) || z + 1 >= k) continue;
    if (is_pron(X, z)) {
      if (vb_tok_is(X->s, TK(z), "it")) continue;
      a = z;
    } else if ((m = vb_ment_at(X, z)) != NULL && m->b == z && m->person && !(TK(z)->flags & VB_T_POSS)) {
      a = m->a;
    } else {
      continue;
    }
    /* at the sentence start, after one opening word (Then, But, So), or a comma */
    open = a == sb || is_ch(X, a - 1, ',') ||
           (a == sb + 1 && is_word(X, sb) && (X->wc[sb] & (VB_W_STOP | VB_W_BOUND)) && !(X->wc[sb] & (VB_W_DET | VB_W_PRON)));
    for (int i = 0; !open && opener[i]; i++) open = is_word(X, a - 1) && vb_tok_is(X->s, TK(a - 1), opener[i]);
    if (!open) continue;
    p.a = a; p.b = z; p.ok = 1;
    return p;
  }
  return p;
}

/* A subject pronoun (he, she, they, we, I; not "it", "you", "them") */
static int subj_pron(const ctx *X, size_t k) {
  VB_WORDS(w, "he", "she", "they", "we", "i");
  return is_pron(X, k) && words_in(X, k, w);
}

/* "– Ryan saying he was", "with Gorka noting": the participle's own subject, a name or a
 * subject pronoun right before it (no comma between). */
static np part_absolute(const ctx *X, size_t sb, size_t c) {
  np r = {0};
  const ment *m;
  size_t j = c;
  while (j > sb + 1 && c - j < 2 && is_word(X, j - 1) && is_adverb(X, j - 1)) j--;   /* Trump reportedly yelling */
  if (j == 0 || !is_word(X, j - 1) || (TK(j - 1)->flags & VB_T_POSS)) return r;
  if (subj_pron(X, j - 1)) { r.a = r.b = j - 1; r.ok = 1; return r; }
  if ((m = vb_ment_at(X, j - 1)) != NULL && m->b == j - 1 && !m->pron && m->a >= sb && !(m->a > sb && vb_place_prep(X, m->a - 1))) {
    r.a = m->a; r.b = m->b; r.ok = 1; return r;   /* not "a message on Twitter reading" */
  }
  /* "with one of her ads asking", "with children yelling": after "with", any subject */
  r = vb_np_before(X, j, sb > 0 ? sb - 1 : VB_NONE);
  if (r.ok && !r.rel && r.b == j - 1) {
    size_t w = r.a;          /* "with one of the council's ads": "one of" before the phrase */
    if (w > sb + 2 && vb_tok_is(X->s, TK(w - 1), "of") && is_word(X, w - 2) && (X->wc[w - 2] & VB_W_QUANT)) w -= 2;
    if (w > sb && is_word(X, w - 1) && vb_tok_is(X->s, TK(w - 1), "with")) { r.a = w; return r; }
  }
  r.ok = 0;
  return r;
}

/* "his team is suggesting", "courts are still ordering", "he’s hoping": after a form of
 * be (adverbs apart) the participle is its clause's verb, and the subject before "be"
 * says it, not the sentence's first noun. */
static np part_progressive(const ctx *X, size_t sb, size_t c) {
  VB_WORDS(be, "is", "are", "was", "were", "be", "been", "am");
  VB_WORDS(between, "not", "also", "still", "now", "already", "even", "just", "all");
  np r = {0};
  size_t j = c;
  while (j > sb + 1 && c - j < 3 && is_lowword(X, j - 1) &&
         (is_adverb(X, j - 1) || words_in(X, j - 1, between)))
    j--;
  if (j <= sb || !is_word(X, j - 1)) return r;
  if (is_pron(X, j - 1) && (TK(j - 1)->flags & VB_T_APOS)) { r.a = r.b = j - 1; r.ok = 1; return r; }   /* he’s */
  if (j <= sb + 1 || !words_in(X, j - 1, be)) return r;
  r = vb_np_before(X, c, sb > 0 ? sb - 1 : VB_NONE);
  if (r.ok && r.b + 1 >= j) r.ok = 0;
  return r;
}

/* "Otter, an early endorser, who spent more time talking about …", "the ACLU, which
 * released a statement questioning …": a participle inside a relative clause (no comma,
 * quote or other pronoun between) is said by the pronoun's head, the mention "who" */
static np part_relative(const ctx *X, size_t sb, size_t c) {
  np r = {0};
  for (size_t z = c; z-- > sb + 1 && c - z < 16;) {
    if (!is_word(X, z) || is_pron(X, z)) return r;
    if (!(TK(z)->flags & VB_T_LOWER) || !(vb_tok_is(X->s, TK(z), "who") || vb_tok_is(X->s, TK(z), "which"))) continue;
    if (z + 2 >= c) return r;                     /* "who saying": no verb of its own */
    r = vb_np_before(X, z + 1, sb > 0 ? sb - 1 : VB_NONE);
    if (!r.ok || !r.rel) r.ok = 0;
    return r;
  }
  return r;
}

static int clause_opener(const ctx *X, size_t k) {
  VB_WORDS(w, "and", "but", "as", "when", "while", "after", "though", "although");
  return words_in(X, k, w) && (TK(k)->flags & VB_T_LOWER);
}

/* "…, though last week he used stronger language, saying": the subject pronoun of the
 * nearest clause before the participle, when it is not the sentence's first word (that
 * is the sentence's subject, read next) and not inside a clause that is reported ("that
 * he", "because he"). */
static np part_clause(const ctx *X, size_t sb, size_t c) {
  np r = {0};
  for (size_t z = c; z-- > sb + 1 && c - z < 40;) {
    const ment *m;
    if (is_quote(X, z) || is_ch(X, z, ';')) break;
    if (!is_word(X, z + 1) || !(TK(z + 1)->flags & VB_T_LOWER) || z + 1 >= c) continue;
    if ((m = vb_ment_at(X, z)) != NULL && m->b == z && m->person && !m->pron && !(TK(z)->flags & VB_T_POSS) &&
        !(X->wc[z + 1] & (VB_W_PREP | VB_W_DET)) && !adv_prep(X, z + 1)) {   /* "went after Trump on Wednesday …, calling": an object */
      size_t a = m->a;                               /* "At an event in Ames, Iowa, on Sunday, Mrs. Clinton tried" */
      while (a > sb + 1 && is_capword(X, a - 1) && (X->wc[a - 1] & (VB_W_HONOR | VB_W_TITLE))) a--;
      if (a > sb && (is_ch(X, a - 1, ',') || clause_opener(X, a - 1))) { r.a = a; r.b = z; r.ok = 1; return r; }
    }
    if (!subj_pron(X, z)) continue;
    if (is_word(X, z - 1) && (is_icue(X, z - 1) || vb_tok_is(X->s, TK(z - 1), "that") ||
                              vb_tok_is(X->s, TK(z - 1), "because") || vb_tok_is(X->s, TK(z - 1), "if") ||
                              vb_tok_is(X->s, TK(z - 1), "whether") || vb_tok_is(X->s, TK(z - 1), "than")))
      break;
    r.a = r.b = z; r.ok = 1;
    return r;
  }
  return r;
}

/* "a new poll showing", "the largesse of executives supporting": the phrase right before
 * the participle says it (pparticiple.c's tests) */
static np part_noun(const ctx *X, size_t sb, size_t c) {
  np r = {0}, o;
  if (!vb_part_head(X, sb, c)) return r;
  r = vb_np_before(X, c, sb > 0 ? sb - 1 : VB_NONE);
  if (!r.ok || r.rel || r.b + 1 != c || r.a < sb || is_pron(X, r.a)) { r.ok = 0; return r; }   /* not "It’s worth" */
  r.a = vb_part_cut(X, r);
  o = r.a > sb + 1 && vb_tok_is(X->s, TK(r.a - 1), "of") ? vb_np_before(X, r.a - 1, sb > 0 ? sb - 1 : VB_NONE) : r;
  r.ok = vb_part_speaks(X, sb, r, o);
  return r;
}

static np part_sentence(const ctx *X, size_t sb, size_t c) { return vb_np_subject(X, sb, c); }

/* Who says what a participle of speech brings in (saying, calling, noting): the first of
 * these readings that finds a subject. The order is the rule: its own subject, the
 * nearest clause's, the sentence's. */
static const struct part_reading {
  const char *name;
  np (*read)(const ctx *X, size_t sb, size_t c);
} part_readings[] = {
  {"participle-progressive", part_progressive},   /* his team is suggesting · he’s hoping */
  {"participle-absolute", part_absolute},   /* with Gorka noting · – Ryan saying */
  {"participle-relative", part_relative},   /* Otter, who spent more time talking about */
  {"participle-noun", part_noun},            /* a new poll showing · executives supporting */
  {"participle-coordinated", vb_part_coordinated},   /* …, and the union has sued …, saying */
  {"participle-clause", part_clause},       /* …, but he has battled …, calling */
  {"participle-sentence", part_sentence},   /* Her campaign emailed supporters saying */
};

static np participle_subject(const ctx *X, size_t sb, size_t c) {
  np r = {0};
  for (size_t i = 0; i < sizeof part_readings / sizeof *part_readings; i++) {
    r = part_readings[i].read(X, sb, c);
    if (r.ok && r.b < c && vb_speaker_phrase(X, r)) return r;
  }
  return r;
}

/* Speaker of cue c for a quote at token q: subject before, or inverted after. */
np vb_cue_speaker(const ctx *X, size_t c, size_t lo, size_t hi, size_t sb) {
  np r0 = {0};
  size_t after = c + (size_t)CUE(c)->len;
  np r;
  if (CUE(c)->flags & VB_CUE_ACC) return vb_np_after(X, after, hi);
  if ((CUE(c)->flags & VB_CUE_WEAK) && !(CUE(c)->flags & VB_CUE_ING) && c > lo + 1 && c > 0) {
    /* a noun reading ("Bush's Facebook post:", "his statement"): the possessor speaks */
    size_t o = c - 1;
    while (o > lo + 1 && is_capword(X, o) && !(TK(o)->flags & VB_T_POSS) && c - o < 4) o--;
    if (is_word(X, o) && (TK(o)->flags & VB_T_POSS) && is_capword(X, o)) {
      size_t a = o;
      while (a > lo + 1 && is_capword(X, a - 1) && !(TK(a - 1)->flags & VB_T_POSS) && !(X->wc[a - 1] & VB_W_STOP)) a--;
      r0.a = a; r0.b = o; r0.ok = 1;
      return r0;
    }
    if (is_word(X, o) && (vb_tok_is(X->s, TK(o), "his") || vb_tok_is(X->s, TK(o), "her"))) {
      r0.a = r0.b = o; r0.ok = 1;
      return r0;
    }
  }
  if (CUE(c)->flags & VB_CUE_ING) {
    /* "X said in a statement, adding that …": the speaker of the clause's own cue */
    for (size_t z = c, s0 = vb_part_clause_start(X, sb, c); c > 0 && is_ch(X, c - 1, ',') && z-- > s0 && c - z < WIN;) {
      if (is_cue(X, z) && !(CUE(z)->flags & (VB_CUE_ING | VB_CUE_WEAK))) {
        /* not "a class called “Perception” …, writing": a naming participle after a noun */
        if ((CUE(z)->flags & VB_CUE_CALL) && z > 0 && is_lowword(X, z - 1) &&
            !is_pron(X, z - 1) && !(X->wc[z - 1] & (VB_W_REL | VB_W_AUX | VB_W_SKIP | VB_W_BOUND)))
          break;
        r = vb_cue_speaker(X, z, lo < z ? lo : (sb ? sb - 1 : VB_NONE), hi, sb);
        if (r.ok) return r;
        break;
      }
    }
    r = participle_subject(X, sb, c);
    if (r.ok && r.b < c && vb_speaker_phrase(X, r)) return r;
    {
      /* "The spot … ends with the director, Anneke Smit, saying": a subject that cannot
       * speak gives way to the person before the participle */
      np r1 = r;
      r = vb_np_before(X, c, lo);
      if (r.ok && (!is_ch(X, c - 1, ',') || (r1.ok && r1.b < c)) && !vb_is_document(X, r.b)) return r;
      if (r1.ok && r1.b < c) return r1;
    }
    r.ok = 0;
    return r;
  }
  r = vb_np_before(X, c, lo);
  if (r.ok) {                                   /* pappos.c: officials who spoke with X said · Ada, facing …, said */
    size_t w = vb_who_clause(X, sb, c, r);
    np q = w != VB_NONE ? vb_np_before(X, w, lo) : r;
    if (q.ok && q.rel && w != VB_NONE) { q.a = q.ra; q.b = q.rb; q.rel = 0; }   /* the subject, not its "who" */
    else if (q.ok && w != VB_NONE && vb_example_start(X, r.a) == w) q.b = r.b;   /* and its example: critics like Lund */
    return vb_appos_chain(X, sb, c, q.ok && q.b < c ? q : r);
  }
  {
    /* "She greeted supporters and told them …": coordinated verbs share the subject */
    size_t p = c;
    while (p > sb && c - p < 6 && is_word(X, p - 1) && (X->wc[p - 1] & (VB_W_SKIP | VB_W_TIME))) p--;
    if (p > sb && (vb_tok_is(X->s, TK(p - 1), "and") || vb_tok_is(X->s, TK(p - 1), "but"))) {
      r = np_subject_near(X, sb, c);
      if (r.ok) return r;
    }
  }
  if (CUE(c)->flags & VB_CUE_INV) {
    /* inverted only right after a quote or at a clause start: "…," said Arthur */
    size_t p = c - 1;
    if (starts_sent(X, c) || (c > 1 && is_ch(X, p, ',') && starts_sent(X, c - 2) && is_word(X, c - 2)))
      return vb_np_after(X, after, hi);                 /* "But, said Solovey, “…”" */
    if (c > 0 && (is_ch(X, p, ',') || is_dash(X, p)) && p > 0) p--;
    if (c > 0 && (is_quote(X, p) || is_ch(X, p, ','))) return vb_np_after(X, after, hi);
  }
  return r;
}

static int group_entity(ctx *X, size_t a, size_t b) {
  size_t sa = TK(a)->start, sb = TK(b)->end;
  int e;
  if (a < b && (X->wc[a] & VB_W_DET) && !(TK(a)->flags & VB_T_POSS)) sa = TK(a + 1)->start;
  e = vb_smap_get(X, &X->groups, sa, sb, 1);
  if (e < 0) {
    e = vb_ent_new(X, VB_ENT_GROUP, TK(a)->start, sb);   /* shown with its determiner: the mayor */
    if (e >= 0) vb_smap_put(X, &X->groups, sa, sb, 1, e);
    /* "the ticket clerk" ... "the clerk": the head noun alone names it too */
    if (e >= 0 && sa < TK(b)->start && vb_speaker_word(X, b) && vb_smap_get(X, &X->groups, TK(b)->start, sb, 1) < 0)
      vb_smap_put(X, &X->groups, TK(b)->start, sb, 1, e);
  }
  return e;
}

/* The entity a description names: "a spokesperson for Osle Valley Transport" is the
 * spokesperson of that body, and "the spokesperson" later is the same one; a spokesperson
 * for another body is another. [ra..rb] the role, [oa..ob] the body. */
static int desc_entity(ctx *X, size_t ra, size_t rb, size_t oa, size_t ob) {
  size_t sa = ra;
  int e;
  if (ra < rb && (X->wc[ra] & VB_W_DET)) sa = ra + 1;
  e = vb_smap_get(X, &X->groups, TK(sa)->start, TK(rb)->end, 1);
  if (e >= 0) {
    const vb_entity *E = &X->A->ent.v[e];
    if (E->org.start == VB_NONE || (E->org.end - E->org.start == base_end(X, ob) - TK(oa)->start &&
                                     !memcmp(X->s + E->org.start, X->s + TK(oa)->start, E->org.end - E->org.start))) {
      vb_set_org(X, e, TK(oa)->start, base_end(X, ob));
      return e;
    }
  }
  e = vb_ent_new(X, VB_ENT_GROUP, TK(ra)->start, base_end(X, ob));   /* with its determiner, as written */
  if (e < 0) return e;
  X->A->ent.v[e].role.start = TK(sa)->start;
  X->A->ent.v[e].role.end = TK(rb)->end;
  vb_set_org(X, e, TK(oa)->start, base_end(X, ob));
  vb_smap_put(X, &X->groups, TK(sa)->start, TK(rb)->end, 1, e);
  if (rb > sa) vb_smap_put(X, &X->groups, TK(rb)->start, TK(rb)->end, 1, e);
  return e;
}

int vb_resolve(ctx *X, np p) {
  const ment *m;
  {
    /* a role, its preposition and a body: a description of the body's person */
    size_t z;
    for (z = p.a + ((X->wc[p.a] & VB_W_DET) != 0); z < p.b && !(TK(z)->flags & VB_T_CAP) && !vb_role_prep(X, z); z++) {}
    if (z > p.a && z < p.b && vb_role_prep(X, z) && is_capword(X, z + 1) && vb_speaker_word(X, z - 1) &&
        ((X->wc[p.a] & VB_W_DET) || (TK(p.a)->flags & VB_T_LOWER)))
      return desc_entity(X, p.a, z - 1, z + 1, p.b);
  }
  if (p.a < p.b && is_word(X, p.a) && (TK(p.a)->flags & VB_T_LOWER) && !(X->wc[p.a] & VB_W_DET) &&
      vb_speaker_word(X, p.a) && !vb_role_prep(X, p.a + 1))
    return group_entity(X, p.a, p.b);    /* "people close to Clinton", "officials in her camp": not Clinton */
  if (p.a == p.b && is_word(X, p.a) && (vb_tok_is(X->s, TK(p.a), "his") || vb_tok_is(X->s, TK(p.a), "her")))
    return vb_resolve_pron(X, p.a, vb_tok_is(X->s, TK(p.a), "his") ? 'm' : 'f');
  if (p.a == p.b && is_pron(X, p.a)) {
    m = vb_ment_at(X, p.a);
    return m ? m->ent : -1;
  }
  for (size_t k = p.b + 1; k-- > p.a;) {
    m = vb_ment_at(X, k);
    if (m && m->ent >= 0) return m->ent;
  }
  if (is_capword(X, p.b)) {
    size_t a = p.a;
    int e;
    while (a < p.b && !is_capword(X, a)) a++;
    unsigned h = vb_span_hash(X, TK(a)->start, base_end(X, p.b));   /* looked up, then put: hashed once */
    e = vb_smap_geth(X, &X->full, TK(a)->start, base_end(X, p.b), h, 0);
    if (e < 0) e = vb_smap_get(X, &X->last, TK(p.b)->start, base_end(X, p.b), 0);
    if (e < 0) {
      int org = vb_has_org_word(X, a, p.b) || (TK(p.b)->flags & VB_T_UPPER);
      e = vb_ent_new(X, org ? VB_ENT_ORG : VB_ENT_PERSON, TK(a)->start, base_end(X, p.b));
      if (e >= 0) vb_smap_puth(X, &X->full, TK(a)->start, base_end(X, p.b), h, 0, e);
    }
    return e;
  }
  return group_entity(X, p.a, p.b);
}

/* A cue R3 may use: not a noun-like or base form unless its context says it is a verb. */
int vb_usable_cue(const ctx *X, size_t c) {
  unsigned f = CUE(c)->flags;
  if (f & VB_CUE_ACC) return 1;
  if ((f & VB_CUE_ING) && c > 0 && is_word(X, c - 1) && (X->wc[c - 1] & VB_W_BOUND)) return 0;
  if (!(f & VB_CUE_WEAK)) return 1;
  if ((f & VB_CUE_ING) && c > 0 && is_ch(X, c - 1, ',')) return 1;
  return 0;
}

/* A base-form cue (say, suggest) has a plural or pronoun subject right before it:
 * "the remarks suggest", "they say", "NBC News will accuse"; not "to say", "eliminating state". */
int vb_base_subject(const ctx *X, size_t c) {
  size_t j = c;
  const vb_tok *t;
  size_t n;
  while (j > 0 && is_word(X, j - 1) && (X->wc[j - 1] & VB_W_SKIP) && c - j < 3) j--;
  if (j == 0 || !is_word(X, j - 1)) return 0;
  t = TK(j - 1);
  if (is_pron(X, j - 1)) return !vb_tok_is(X->s, t, "he") && !vb_tok_is(X->s, t, "she") && !vb_tok_is(X->s, t, "it");
  if (X->wc[j - 1] & (VB_W_BOUND | VB_W_DET)) return 0;
  if (t->flags & VB_T_POSS) return 0;
  /* a name before a base form: a compound or plural subject ("Obama and Clinton call") */
  if (is_capword(X, j - 1) && !(X->wc[j - 1] & (VB_W_STOP | VB_W_TITLE))) return 1;
  n = t->end - t->start;
  return n > 3 && X->s[t->end - 1] == 's' && X->s[t->end - 2] != 's';
}
