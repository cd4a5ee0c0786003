/* ibounds.c: the bounds of a report that indirect.c reads: a time that runs to the end,
 * where its clause ends before its sentence does (tables of named ends, at a mark or a
 * word), a verb of view that closes its sentence, and the subjects a cue's subject
 * finder gives that speak for no one (a table). It calls nothing of indirect.c's. */
#include <stdlib.h>
#include <string.h>
#include "indirect_int.h"

/* The words after z to the sentence's end or a comma are a time at most ("said Monday."). */
/* "a few days later", "two weeks ago", "several months earlier": a span of time back
 * from its end word; the token after it, or z */
static size_t time_ago(const ctx *X, size_t z, size_t se) {
  VB_WORDS(unit, "days", "weeks", "months", "years", "hours", "minutes");
  VB_WORDS(end, "later", "earlier", "ago", "before");
  size_t y = z;
  while (y < se && y < z + 3 && is_lowword(X, y) && !words_in(X, y, unit) &&
         ((X->wc[y] & (VB_W_DET | VB_W_QUANT)) || (TK(y)->flags & VB_T_DIGIT) || vb_tok_is(X->s, TK(y), "few")))
    y++;
  return y > z && y + 1 < se && words_in(X, y, unit) && words_in(X, y + 1, end) ? y + 2 : z;
}

size_t vb_skip_when(const ctx *X, size_t z, size_t se) {
  for (int g = 0; g < 4 && z < se && is_word(X, z) && (X->wc[z] & (VB_W_TIME | VB_W_SKIP)); g++) z++;
  z = time_ago(X, z, se);
  /* "said at the time.", "said in an interview on Sunday.": a short phrase of time or
   * place that runs to the sentence's end, or to the comma that closes an aside ("If …,
   * Lund argued at the meeting, the pilots …") */
  if (z < se && is_lowword(X, z) &&
      (vb_tok_is(X->s, TK(z), "at") || vb_tok_is(X->s, TK(z), "in") || vb_tok_is(X->s, TK(z), "on") ||
       vb_tok_is(X->s, TK(z), "during") || vb_tok_is(X->s, TK(z), "after"))) {
    size_t y = z + 1;
    while (y < se && y < z + 7 && is_word(X, y) && !is_icue(X, y) && !vb_tok_is(X->s, TK(y), "that")) y++;
    if (y + 1 >= se || (y < se && is_ch(X, y, '.') && y + 2 >= se) || (y + 2 < se && is_ch(X, y, ','))) return y;
  }
  return z;
}
int vb_end_or_comma(const ctx *X, size_t z, size_t se) {
  z = vb_skip_when(X, z, se);
  return z + 1 >= se || is_ch(X, z, ',');
}

static int end_semicolon(const ctx *X, size_t z, size_t se) { (void)se; return is_ch(X, z, ';'); }

/* "19", "1,200": digits only (not "34-year") */
static int number_word(const ctx *X, size_t q) {
  for (size_t b = TK(q)->start; b < TK(q)->end; b++)
    if (!((X->s[b] >= '0' && X->s[b] <= '9') || X->s[b] == ',')) return 0;
  return (TK(q)->flags & VB_T_DIGIT) != 0;
}

/* "nine in 10", "more than 4 in 10 voters", "19 percent of parents", "half": a
 * quantity (after at most two hedges, "about", "more than") and its noun; the token
 * after it, or k when k opens none */
static size_t quant_subject(const ctx *X, size_t k, size_t se) {
  VB_WORDS(hedge, "about", "nearly", "almost", "roughly", "more", "fewer", "less", "than",
                  "only", "just", "over", "a");
  VB_WORDS(num, "six", "seven", "eight", "nine", "ten", "majority", "plurality");
  size_t q = k, v;
  while (q < se && q < k + 2 && words_in(X, q, hedge) && (TK(q)->flags & VB_T_LOWER)) q++;
  if (q >= se || !(number_word(X, q) || (((X->wc[q] & VB_W_QUANT) || words_in(X, q, num)) && (TK(q)->flags & VB_T_LOWER)))) return k;
  for (v = q + 1; v < se && v < q + 7 && (is_word(X, v) || is_ch(X, v, '%')) && !is_icue(X, v) && !vb_past_participle(X, v) &&
                  ((TK(v)->flags & VB_T_DIGIT) || vb_tok_is(X->s, TK(v), "in") || vb_tok_is(X->s, TK(v), "of") ||
                   !(X->wc[v] & (VB_W_AUX | VB_W_SKIP | VB_W_BOUND | VB_W_REL | VB_W_PREP))); v++) {}
  return v;   /* (at its verb: a cue, a past form, an auxiliary) */
}

/* "people familiar with the plan", "attorneys for the city", "at least a dozen members of
 * the council": a longer subject that runs through a preposition's phrase to a lower-case
 * cue of its own (not an adverb before it: "and later said"); the cue's token, or k */
static size_t phrase_subject(const ctx *X, size_t k, size_t se) {
  size_t v;
  if (!is_word(X, k) || is_adverb(X, k) || (X->wc[k] & (VB_W_SKIP | VB_W_AUX | VB_W_REL | VB_W_BOUND))) return k;
  for (v = k; v < se && v < k + 9 && is_word(X, v) && !is_icue(X, v) &&
              !(X->wc[v] & (VB_W_AUX | VB_W_REL | VB_W_SKIP)) && !((X->wc[v] & VB_W_BOUND) && !(X->wc[v] & VB_W_PREP));
       v++) {}
  if (v == k || v >= se || !is_icue(X, v) || !(TK(v)->flags & VB_T_LOWER) || (CUE(v)->flags & VB_CUE_ING) ||
      (X->wc[v - 1] & VB_W_PREP) || is_adverb(X, v - 1) || (v + 1 < se && (X->wc[v + 1] & VB_W_TITLE)))
    return k;                      /* (not "and 34-year state Sen. Lerche": a cue's form before a title) */
  return v;
}

/* ", while Trump has threatened …", ", but Saturday he announced …": after a comma,
 * a conjunction, then a subject of its own (a pronoun, a name, a determiner's noun) and
 * its verb open a clause the report does not hold */
static int end_new_clause(const ctx *X, size_t z, size_t se) {
  VB_WORDS(conj, "but", "while", "whereas", "although", "though", "yet", "as", "and", "when", "after", "because",
                 "since", "where", "before", "with");
  VB_WORDS(subj, "he", "she", "they", "we", "i");
  VB_WORDS(finite, "has", "have", "had", "is", "are", "was", "were");
  size_t k = z + 2, v;
  if (!is_ch(X, z, ',') || !words_in(X, z + 1, conj) || !(TK(z + 1)->flags & VB_T_LOWER)) return 0;
  if (k < se && is_dash(X, k)) {                 /* ", but - after a ruling made it legal - she urged" */
    size_t y;
    for (y = k + 1; y < se && y < k + 16 && !is_dash(X, y) && !is_ch(X, y, ','); y++) {}
    if (y >= se || !is_dash(X, y)) return 0;
    k = y + 1;
  }
  for (int g = 0; g < 3 && k < se && is_word(X, k) && (X->wc[k] & VB_W_TIME); g++) k++;   /* Saturday */
  if (k >= se || !is_word(X, k)) return 0;
  /* ", while presumptive nominee Brin Tamsett has …": a name's lower-case words first */
  for (v = k; v < se && v < k + 3 && is_lowword(X, v) && !is_icue(X, v) &&
              !(X->wc[v] & (VB_W_DET | VB_W_PREP | VB_W_AUX | VB_W_SKIP | VB_W_BOUND | VB_W_REL | VB_W_PRON)) && !is_pron(X, v);
       v++) {}
  if (v > k && v < se && is_capword(X, v) && !(X->wc[v] & (VB_W_STOP | VB_W_TIME))) k = v;
  /* (not "finds that, while 37 percent say …": the report holds the clause of "while") */
  if ((v = quant_subject(X, k, se)) > k)
    return v < se && (is_icue(X, v) || words_in(X, v, finite) || vb_past_participle(X, v)) &&
           !(z > 0 && vb_tok_is(X->s, TK(z - 1), "that"));
  if (phrase_subject(X, k, se) > k) return !(z > 0 && vb_tok_is(X->s, TK(z - 1), "that"));
  if (words_in(X, k, subj)) v = k + 1;
  else if (is_capword(X, k) && !(X->wc[k] & (VB_W_STOP | VB_W_TIME))) v = vb_run_end(X, k) + 1;
  else if ((X->wc[k] & VB_W_DET) && (TK(k)->flags & VB_T_LOWER) && !is_pron(X, k) && !vb_tok_is(X->s, TK(k), "that")) {
    for (v = k + 1; v < se && v < k + 5 && is_word(X, v) && !(X->wc[v] & (VB_W_AUX | VB_W_SKIP | VB_W_BOUND | VB_W_PREP)) &&
                    !is_icue(X, v); v++) {}
    if (v == k + 1) return 0;
  } else return 0;
  if (v >= se || !is_word(X, v) || !(TK(v)->flags & VB_T_LOWER)) return 0;
  if ((X->wc[v] & VB_W_AUX) || is_icue(X, v) || (words_in(X, v, finite) && !words_in(X, k, subj))) return 1;   /* (has, were: a verb) */
  while (v + 1 < se && (X->wc[v] & VB_W_SKIP) && !(X->wc[v] & (VB_W_PREP | VB_W_DET))) v++;   /* has, also */
  return is_lowword(X, v) && (is_icue(X, v) || vb_past_participle(X, v) || (X->wc[v] & VB_W_AUX));
}

/* "…, who announced he is leaving", "…, which has said it will …": a relative clause with
 * a cue of its own reports for its pronoun, not for the report it follows */
static int end_relative_cue(const ctx *X, size_t z, size_t se) {
  VB_WORDS(be, "is", "was", "are", "were", "be", "been", "being");
  VB_WORDS(subj, "he", "she", "they", "we", "i");
  size_t v = z + 2;
  if (!is_ch(X, z, ',') || z + 2 >= se || !is_word(X, z + 1) || !(TK(z + 1)->flags & VB_T_LOWER) ||
      !(vb_tok_is(X->s, TK(z + 1), "who") || vb_tok_is(X->s, TK(z + 1), "which")))
    return 0;
  if (v + 1 < se && (words_in(X, v, subj) || (is_capword(X, v) && !(X->wc[v] & (VB_W_STOP | VB_W_TIME))))) {
    /* ", which he said was …", ", which Lund called …": the pronoun the object of a
     * subject's own cue */
    v = words_in(X, v, subj) ? v + 1 : vb_run_end(X, v) + 1;
    while (v < se && v < z + 8 && is_lowword(X, v) && !is_icue(X, v) &&
           ((X->wc[v] & (VB_W_AUX | VB_W_SKIP)) || is_adverb(X, v)))
      v++;
  } else {
    for (int g = 0; g < 3 && v < se && is_lowword(X, v) && !is_icue(X, v) &&
                    ((X->wc[v] & (VB_W_AUX | VB_W_SKIP)) || is_adverb(X, v));
         g++)
      if (words_in(X, v++, be)) return 0;   /* (a passive: "who was backed by", "which is expected to") */
  }
  return v < se && is_icue(X, v) && (TK(v)->flags & VB_T_LOWER) && !(CUE(v)->flags & VB_CUE_ING);
}

/* "47 percent say they back the levy, compared with 30 percent who say …": a comparison
 * after a comma sets another share beside the report, with a report of its own */
static int end_comparison(const ctx *X, size_t z, size_t se) {
  VB_WORDS(compared, "compared", "comparing");
  VB_WORDS(with, "with", "to");
  return z + 3 < se && words_in(X, z + 1, compared) && words_in(X, z + 2, with);
}

/* "… even as he defended the campaign", "… even though Lund has said …": a clause of
 * contrast with its own subject (a subject pronoun or a name, then a lower-case word)
 * opens at z; 1 when it does */
static int end_even_clause(const ctx *X, size_t z, size_t b) {
  VB_WORDS(even, "even");
  VB_WORDS(conj, "as", "though", "if", "while", "when");
  VB_WORDS(subj, "he", "she", "they", "we", "i");
  size_t k = z + 2;
  if (k + 1 >= b || !words_in(X, z, even) || !(TK(z)->flags & VB_T_LOWER) || !words_in(X, z + 1, conj) || is_dash(X, z - 1))
    return 0;                          /* (not "Trump — even as he says …, — has": an aside) */
  if (!words_in(X, k, subj)) {
    if (!is_capword(X, k) || (X->wc[k] & (VB_W_STOP | VB_W_TIME))) return 0;
    k = vb_run_end(X, k);
  }
  return k + 1 < b && is_lowword(X, k + 1) && !(X->wc[k + 1] & (VB_W_PREP | VB_W_DET));
}

/* Where a report's clause ends before its sentence does: the first token at which one
 * of these holds (each at a punctuation token: vb_report_end tries no other) */
/* mark: the byte that token z is when the end holds (0: none), so that the end is asked
 * at that mark only */
static const struct {
  const char *name;
  int (*at)(const ctx *X, size_t z, size_t se);
  char mark;
} clause_ends[] = {
  {"semicolon", end_semicolon, ';'},           /* 47% say …; 37% disagree */
  {"conj-new-subject", end_new_clause, ','},   /* X backed the deal, while Y has threatened … · …, after half said so */
  {"relative-cue", end_relative_cue, ','},     /* X praised Lund, who said Y */
  {"comparison", end_comparison, ','},         /* 47% say A, compared with 30% who say B */
};
/* The ends at a word: the word's hash, then the test (after two tokens of the clause) */
static const struct {
  const char *name;
  int (*at)(const ctx *X, size_t z, size_t se);
  unsigned hash;
} word_ends[] = {
  {"even-clause", end_even_clause, VB_WH("even")},   /* X praised Y even as she criticized Z */
};
size_t vb_report_end(const ctx *X, size_t a, size_t se) {
  for (size_t z = a; z < se; z++) {
    /* every end of the first table is at a mark (a semicolon, a comma), of the second at
     * a word its hash names: other words are passed by */
    if (TK(z)->flags & VB_T_PUNCT) {
      for (size_t r = 0; r < sizeof clause_ends / sizeof *clause_ends; r++)
        if ((!clause_ends[r].mark || (TK(z)->end - TK(z)->start == 1 && X->s[TK(z)->start] == clause_ends[r].mark)) &&
            clause_ends[r].at(X, z, se))
          return z;
    } else {
      for (size_t r = 0; r < sizeof word_ends / sizeof *word_ends; r++)
        if (TK(z)->hash == word_ends[r].hash && z >= a + 2 && word_ends[r].at(X, z, se)) return z;
    }
  }
  return se;
}

/* Where reported speech reads a new sentence though the tokenizer runs on: at token z
 * (sb < z < se) when one of these holds */
static int is_stop(const ctx *X, size_t k) { return is_ch(X, k, '.') || is_ch(X, k, '?') || is_ch(X, k, '!'); }
/* "…, Mr. Lund said. (Just look at …)": an aside in brackets after a full stop */
static int break_stop_paren(const ctx *X, size_t z) { return is_stop(X, z - 1) && is_ch(X, z, '('); }
/* "(Neither would give a name.) At a rally …": a sentence after the aside's bracket */
static int break_paren_stop(const ctx *X, size_t z) { return z >= 2 && is_ch(X, z - 1, ')') && is_stop(X, z - 2) && is_capword(X, z); }
/* mark: a byte that a token of the sentence is when the break holds (0: none), so that
 * a sentence whose bytes lack it is not walked for that break (and vb_piece_end, in
 * indirect_int.h, passes over a sentence with no bracket: a break of another mark, or
 * none, wants it changed) */
static const struct {
  const char *name;
  int (*at)(const ctx *X, size_t z);
  char mark;
} sentence_breaks[] = {
  {"stop-paren", break_stop_paren, '('},  /* …, X said. (Y disputed it.) */
  {"paren-stop", break_paren_stop, ')'},  /* (Y disputed it.) Z said … */
};
int vb_brackets_find(const ctx *X, vb_brackets *B) {
  static const char mark[2] = {'(', ')'};
  size_t lo = NT ? TK(0)->start : 0, hi = NT ? TK(NT - 1)->end : 0, cap[2] = {0, 0};
  memset(B, 0, sizeof *B);
  for (int m = 0; m < 2; m++)
    for (const char *p = X->s + lo; p < X->s + hi && (p = memchr(p, mark[m], (size_t)(X->s + hi - p))) != NULL; p++) {
      if (B->n[m] == cap[m] && vb_vec_grow_((void **)&B->v[m], &cap[m], B->n[m] + 1, sizeof *B->v[m])) return -1;
      B->v[m][B->n[m]++] = (size_t)(p - X->s);
    }
  return 0;
}

void vb_brackets_free(vb_brackets *B) { free(B->v[0]); free(B->v[1]); }

size_t vb_sentence_break(const ctx *X, vb_brackets *B, size_t sb, size_t se) {
  enum { NB = sizeof sentence_breaks / sizeof *sentence_breaks };
  unsigned char live[NB];
  size_t b0, b1, nlive = 0;
  if (se <= sb + 1) return se;
  b0 = TK(sb)->start;
  b1 = TK(se - 1)->end;
  for (size_t r = 0; r < NB; r++)
    nlive += live[r] = !sentence_breaks[r].mark ||
                       (sentence_breaks[r].mark == '(' ? vb_bracket_in(B, 0, b0, b1)
                        : sentence_breaks[r].mark == ')' ? vb_bracket_in(B, 1, b0, b1)
                        : memchr(X->s + b0, sentence_breaks[r].mark, b1 - b0) != NULL);
  if (!nlive) return se;                 /* (most sentences: no bracket) */
  for (size_t z = sb + 1; z < se; z++)
    /* each break of the table follows a mark (a stop, a bracket): words are passed by */
    if (TK(z - 1)->flags & VB_T_PUNCT)
      for (size_t r = 0; r < NB; r++)
        if (live[r] && sentence_breaks[r].at(X, z)) return z;
  return se;
}

/* The shapes in which a verb of view with nothing after it still reports: the clause
 * before it, or the sentence around it (a table below) */
/* "…, Fox found.", "…, the study showed.": a verb of view at its sentence's end (its
 * full stop), with a subject of a few words after the clause's comma */
static int view_closing(const ctx *X, const isent *S) {
  size_t z = S->c;
  if (S->e >= S->se || !is_ch(X, S->e, '.') || S->e + 2 < S->se) return 0;   /* (a headline has no stop) */
  VB_WORDS(clause, "that", "than", "what", "which", "who", "whom");
  while (z > S->sb && S->c - z < 8 && is_word(X, z - 1)) {
    z--;
    /* "…, a claim that his office disputes", "…, an approach others have endorsed": a
     * relative clause of the aside, not its subject */
    if (words_in(X, z, clause)) return 0;
  }
  return z > S->sb + 2 && z < S->c && is_ch(X, z - 1, ',');
}

/* "His leverage, they believe, isn’t going anywhere.", "…, records show, does not …": a
 * verb of view set off by commas (or dashes) with its subject of a few words (no clause
 * word), words of the sentence on both sides */
static int view_aside(const ctx *X, const isent *S) {
  VB_WORDS(clause, "that", "than", "what", "which", "who", "whom", "as", "and", "but");
  size_t z = S->c;
  if (S->e + 2 >= S->se || !(is_ch(X, S->e, ',') || is_dash(X, S->e)) || !is_word(X, S->e + 1)) return 0;
  while (z > S->sb && S->c - z < 6 && is_word(X, z - 1)) {
    z--;
    if (words_in(X, z, clause)) return 0;
  }
  return z > S->sb + 1 && z < S->c && (is_ch(X, z - 1, ',') || is_dash(X, z - 1));
}

/* "…, as many economists believe.", "As some had hoped, the levy …": a clause of "as"
 * (after a comma or a dash, or opening the sentence) whose subject of a few words (no
 * clause word) holds the view of the sentence around it (ias.c reads the report) */
static int view_as(const ctx *X, const isent *S) {
  VB_WORDS(clause, "that", "than", "what", "which", "who", "whom", "and", "but");
  size_t z = S->c, y = vb_skip_when(X, S->e, S->se);
  if (!(y + 1 >= S->se || is_ch(X, y, ',') || is_dash(X, y) || (is_ch(X, y, '.') && y + 2 >= S->se))) return 0;
  while (z > S->sb && S->c - z < 7 && is_word(X, z - 1) && !vb_tok_is(X->s, TK(z - 1), "as")) {
    z--;
    if (words_in(X, z, clause)) return 0;
  }
  if (z == S->sb || z == S->c || !vb_tok_is(X->s, TK(z - 1), "as")) return 0;
  return z - 1 == S->sb || is_ch(X, z - 2, ',') || is_dash(X, z - 2) || vb_conj_word(X, z - 2);
}

static const struct {
  const char *name;
  int (*holds)(const ctx *X, const isent *S);
} bare_views[] = {
  {"closing", view_closing},   /* …, a Fox poll found. */
  {"aside", view_aside},       /* PART, they believe, PART. */
  {"as", view_as},             /* …, as many economists believe. */
};
int vb_bare_view(const ctx *X, const isent *S) {
  for (size_t r = 0; r < sizeof bare_views / sizeof *bare_views; r++)
    if (bare_views[r].holds(X, S)) return 1;
  return 0;
}

/* "It was at the conference that Swanson …", "It's a strategy some believe …", "it is
 * true that": "it" before a form of be is the sentence's dummy subject, standing for
 * no one (not "it was to report earnings": an infinitive of its own) */
static int expletive_it(const ctx *X, const isent *S) {
  VB_WORDS(be, "is", "was");
  size_t k = S->p.a;
  if (S->p.a != S->p.b || !is_word(X, k) || (X->s[TK(k)->start] | 0x20) != 'i' || (X->s[TK(k)->start + 1] | 0x20) != 't')
    return 0;
  if (vb_tok_is(X->s, TK(k), "it")) return k + 2 < S->c && words_in(X, k + 1, be) && !vb_tok_is(X->s, TK(k + 2), "to");
  /* It’s, it's */
  return (TK(k)->flags & VB_T_APOS) && TK(k)->end - TK(k)->start >= 4 && X->s[TK(k)->end - 1] == 's' && is_pron(X, k) &&
         k + 1 < S->c && !vb_tok_is(X->s, TK(k + 1), "to");
}

/* "Do you support Ada Venn?", "Would you back the levy?": a question put to the reader,
 * an auxiliary and "you" opening the sentence (no speaker's label before them: "Q: Do
 * you think …?" is an interviewer's) */
static int reader_question(const ctx *X, const isent *S) {
  VB_WORDS(aux, "do", "does", "did", "would", "will", "could", "should", "can");
  size_t k = S->p.a;
  return k == S->p.b && k == S->sb + 1 && k + 1 < S->se && vb_tok_is(X->s, TK(k), "you") && words_in(X, S->sb, aux) &&
         is_ch(X, S->se - 1, '?');
}

/* "Editor's note: Ada Venn has repeatedly pledged to …": a note the paper sets before or
 * after its article (a label of the editors' own, its colon), the paper's own words, in
 * which no one the note names is reported */
static int editors_note(const ctx *X, const isent *S) {
  VB_WORDS(note, "note");
  const vb_tok *t = TK(S->sb);
  size_t n = t->end - t->start;
  if (X->s[t->start] != 'E' || n < 6 || S->sb + 3 >= S->se || !is_ch(X, S->sb + 2, ':') || !words_in(X, S->sb + 1, note))
    return 0;
  if (!(n == 6 || n == 7 || (t->flags & VB_T_POSS))) return 0;   /* Editor, Editors, Editor's, Editors’ */
  for (size_t i = 1; i < 6; i++)
    if ((X->s[t->start + i] | 0x20) != "editor"[i]) return 0;
  return 1;
}

/* "responded by pointing a finger", "interjected by abruptly blocking Lund": "by" before a
 * gerund (an adverb first, at most) and its object tells the manner, and names no agent
 * (not "by overwhelming majorities", "by left-leaning economists": an adjective's noun) */
int vb_by_gerund(const ctx *X, size_t k, size_t se) {
  size_t g = k + (k + 1 < se && is_lowword(X, k) && is_adverb(X, k));
  const vb_tok *t = TK(g);
  return g + 1 < se && is_lowword(X, g) && t->end - t->start > 5 && memcmp(X->s + t->end - 3, "ing", 3) == 0 &&
         !memchr(X->s + t->start, '-', t->end - t->start) &&
         ((X->wc[g + 1] & VB_W_DET) || is_pron(X, g + 1) || is_capword(X, g + 1));
}

/* "Lund was asked by the host, …", "Clinton, pressed by the moderator, …", "after being
 * warned by the Russian government": a cue whose passive subject is the one addressed,
 * not what the agent said (its question or advice, if any, a report of its own) */
int vb_addressed_passive(const ctx *X, size_t c) {
  VB_WORDS(addressed, "asked", "pressed", "warned", "advised", "urged", "questioned", "invited");
  return words_in(X, c, addressed);
}

/* A speaker the cue's subject finder gave that speaks for no one: the first test that
 * holds leaves the cue unread */
static const struct {
  const char *name;
  int (*holds)(const ctx *X, const isent *S);
} no_speakers[] = {
  {"expletive-it", expletive_it},   /* It was at the conference that … · It's a strategy some believe */
  {"reader-question", reader_question},   /* Do you support Ada Venn? */
  {"editors-note", editors_note},         /* Editor's note: Ada Venn has pledged to … */
  {"speaker-biography", vb_bio_relative},   /* …,” said Ada, a strategist who advised X (ibio.c) */
};
int vb_no_speaker(const ctx *X, const isent *S) {
  for (size_t r = 0; r < sizeof no_speakers / sizeof *no_speakers; r++)
    if (no_speakers[r].holds(X, S)) return 1;
  return 0;
}

