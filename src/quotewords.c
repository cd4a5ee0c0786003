/* quotewords.c: the shape of a quote's own words, as the direct-quote rules read it: a
 * whole sentence, a title in title case, an utterance a cue follows, a question; and the
 * fingerprints that pair a pull quote with its source (vb_pair_twins, the pass that
 * gives a pull quote its twin's speaker); and the shapes that make a quote the name of
 * a work, a markup value or a subhead (vb_names_work: a table). Nothing here reads more
 * of the tokens around a quote than the few words right next to it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "attrib_int.h"
#include "text.h"

/* A quote that reads as a whole sentence (a capital first, a full stop, ! or ? last):
 * short as it is ("Staffing is."), it goes on speaking, it does not name a thing. */
int vb_full_sentence(const char *s, const vb_quote *q) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = q->istart, e = q->iend;
  uint32_t first = 0, last = 0;
  while (i < e) {
    uint32_t cp;
    i += vb_utf8_dec(u, e, i, &cp);
    if (vb_cp_isalnum(cp)) { first = cp; break; }
  }
  while (e > q->istart) {
    size_t p = vb_utf8_prev(u, e);
    vb_utf8_dec(u, q->iend, p, &last);
    if (!vb_cp_isspace(last)) break;
    e = p;
  }
  return vb_cp_isupper(first) && (last == '.' || last == '!' || last == '?');
}

/* The four-letter prepositions a title keeps in lower case. */
static int title_prep(const char *w, size_t n) {
  static const char *const preps[] = {"with", "from", "into", NULL};
  for (int i = 0; preps[i]; i++)
    if (n == 4 && w[0] == preps[i][0] && w[1] == preps[i][1] && w[2] == preps[i][2] && w[3] == preps[i][3]) return 1;
  return 0;
}

/* Title case: every word starts upper case (a show, a book, a slogan). A seventh word
 * settles it (no title), so a long quote is not read to its end; each code point is
 * decoded once. */
int vb_title_case(const char *s, const vb_quote *q) {
  size_t i = q->istart, words = 0;
  int small = 0;                 /* the last word so far is a small one in lower case */
  const unsigned char *u = (const unsigned char *)s;
  while (i < q->iend) {
    uint32_t cp = 0;
    size_t k = 0;
    while (i < q->iend && (k = vb_utf8_dec(u, q->iend, i, &cp), !vb_cp_isalnum(cp))) i += k;
    if (i >= q->iend) break;
    if (++words > 6) return 0;
    small = !vb_cp_isupper(cp) && !(cp >= '0' && cp <= '9');
    if (small) {
      /* small words inside titles: three letters at most, or a preposition of a title
       * ("The Lead with Jake Tapper", "Letters from Iwo Jima") */
      size_t e = i, k2;
      uint32_t c2;
      while (e < q->iend && (k2 = vb_utf8_dec(u, q->iend, e, &c2), vb_cp_isalnum(c2))) e += k2;
      if (e - i > 3 && !title_prep(s + i, e - i)) return 0;
    }
    i += k;
    while (i < q->iend && (k = vb_utf8_dec(u, q->iend, i, &cp), vb_cp_isalnum(cp) || cp == '\'' || cp == 0x2019 || cp == '-'))
      i += k;
  }
  /* a single word ("Chris.") or an exclamation ("USA! USA!") is said, not a title; nor
   * is a phrase whose last word is small ("I’m with her"): a title capitalises its last */
  if (words < 2 || small) return 0;
  for (i = q->iend; i > q->istart; i--) {
    unsigned char c = (unsigned char)s[i - 1];
    if (c == ' ' || c == '\'' || c == '"') continue;
    return c != '!' && c != '?';
  }
  return 1;
}

/* A title of any length up to sixteen words, subtitle and all ("Crippled Ports: How the
 * Coast Lost Its Trade"): a capital first, every word capitalised, a figure, or small
 * (three letters at most or a title's preposition) and not last; no question. */
int vb_long_title(const char *s, const vb_quote *q) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = q->istart, words = 0;
  int small = 0;
  while (i < q->iend) {
    uint32_t cp = 0;
    size_t k = 0, e, k2;
    uint32_t c2;
    while (i < q->iend && (k = vb_utf8_dec(u, q->iend, i, &cp), !vb_cp_isalnum(cp))) i += k;
    if (i >= q->iend) break;
    if (++words > 16) return 0;
    e = i;
    while (e < q->iend && (k2 = vb_utf8_dec(u, q->iend, e, &c2), vb_cp_isalnum(c2) || c2 == '\'' || c2 == 0x2019 || c2 == '-'))
      e += k2;
    small = !vb_cp_isupper(cp) && !(cp >= '0' && cp <= '9');
    if (small && (words == 1 || (e - i > 3 && !title_prep(s + i, e - i)))) return 0;
    i = e;
  }
  return words > 0 && !small && !vb_ends_question(s, q);
}

/* The quote ends as an utterance its cue follows: , ! ? or a dash or … inside. */
int vb_slot_quote(const ctx *X, const vb_quote *q) {
  size_t e = q->iend;
  const unsigned char *u = (const unsigned char *)X->s;
  while (e > q->istart && (u[e - 1] == ' ' || u[e - 1] == '\n')) e--;
  if (e == q->istart) return 0;
  return u[e - 1] == ',' || u[e - 1] == '!' || u[e - 1] == '?' ||
         (e >= q->istart + 3 && u[e - 3] == 0xE2 && u[e - 2] == 0x80 && (u[e - 1] == 0x94 || u[e - 1] == 0xA6));
}

/* A quote in title case or capitals after a speech cue is said, not a title, when a verb
 * or a copula brings it in ("said Reyes was “A LIAR”", "Says Reyes Has “Blood On His
 * Hands”"), or when it is in capitals; a title follows a noun, a preposition or a verb
 * of reading ("his book “…”", "in “…”", "watched “…”"). */
int vb_said_title(const ctx *X, const vb_quote *q, size_t k) {
  static const char *const lead[] = {"is", "was", "are", "were", "be", "been", "being", "has", "have", "had",
                                     "as", NULL};
  int upper = 0, lower = 0;
  for (size_t i = q->istart; i < q->iend && i < q->istart + 200; i++) {
    unsigned char ch = (unsigned char)X->s[i];
    if (ch >= 'A' && ch <= 'Z') upper++;
    else if (ch >= 'a' && ch <= 'z') lower++;
  }
  if (upper >= 2 && !lower) return 1;
  if (k == 0 || !is_word(X, k - 1)) return 0;
  for (int i = 0; lead[i]; i++) if (vb_tok_is(X->s, TK(k - 1), lead[i])) return 1;
  return 0;
}

/* Normalized fingerprint of a quote's words: letters and digits, lower-cased. */
static unsigned quote_print(const char *s, const vb_quote *q, size_t *len) {
  unsigned h = 2166136261u;
  size_t n = 0;
  /* the first 160 letters: enough to pair a pull quote with its source (often cut short) */
  for (size_t i = q->istart; i < q->iend && n < 160; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) { h = (h ^ c) * 16777619u; n++; }
  }
  *len = n;
  return h;
}

/* A cheap key: the first 32 bytes of the words (a pull quote repeats its twin's start). */
unsigned vb_quote_key(const char *s, const vb_quote *q, size_t *len) {
  size_t n = q->iend > q->istart ? q->iend - q->istart : 0;
  *len = n < 32 ? n : 32;
  return vb_word_hash(s + q->istart, *len);
}

/* Two quotes with the same words (a pull quote and its source), at least 20 letters. */
int vb_same_words(const char *s, const vb_quote *a, const vb_quote *b) {
  size_t la, lb;
  unsigned ha = quote_print(s, a, &la), hb = quote_print(s, b, &lb);
  return ha == hb && la == lb && la >= 20;
}

/* The quote ends with a question mark. */
int vb_ends_question(const char *s, const vb_quote *q) {
  size_t e = q->iend;
  while (e > q->istart && (s[e - 1] == ' ' || s[e - 1] == '\n')) e--;
  return e > q->istart && s[e - 1] == '?';
}

/* Twins: an unattributed quote whose words repeat an attributed one's (a pull quote and
 * its source, keyed by the first words) takes its speaker, under the rule name given. */
void vb_pair_twins(ctx *X, const char *rule) {
  vb_analysis *A = X->A;
  size_t nq = A->qs.q.n;
  size_t left = 0;                                     /* nothing left to pair: skip the pass */
  for (size_t i = 0; i < nq; i++) left += !A->attr.v[i].rule && A->qs.q.v[i].kind != VB_TERM;
  if (!X->oom && nq > 1 && left) {
    smap prints = {0};
    for (size_t i = 0; i < nq; i++) {
      const vb_quote *q = &A->qs.q.v[i];
      size_t len;
      unsigned h;
      if (!A->attr.v[i].rule || q->kind == VB_TERM) continue;
      h = vb_quote_key(X->s, q, &len);
      if (len < 20) continue;
      {
        /* key the map by the fingerprint itself: store it as a fake span of 0 length */
        size_t i2;
        if (!prints.e || (prints.n + 1) * 2 > prints.mask + 1) {
          size_t cap = prints.e ? (prints.mask + 1) * 2 : 64;
          sment *e = calloc(cap, sizeof *e);
          if (!e) { X->oom = 1; break; }
          for (size_t z = 0; prints.e && z <= prints.mask; z++) {
            if (!prints.e[z].h) continue;
            for (i2 = prints.e[z].h & (cap - 1); e[i2].h; i2 = (i2 + 1) & (cap - 1)) {}
            e[i2] = prints.e[z];
          }
          free(prints.e); prints.e = e; prints.mask = cap - 1;
        }
        for (i2 = h & prints.mask; prints.e[i2].h && !(prints.e[i2].h == h && prints.e[i2].len == len); i2 = (i2 + 1) & prints.mask) {}
        if (!prints.e[i2].h) { prints.e[i2].h = h; prints.e[i2].len = len; prints.e[i2].v = (int)i; prints.n++; }
      }
    }
    for (size_t i = 0; i < nq && prints.e; i++) {
      const vb_quote *q = &A->qs.q.v[i];
      size_t len, i2;
      unsigned h;
      if (A->attr.v[i].rule || q->kind == VB_TERM) continue;
      h = vb_quote_key(X->s, q, &len);
      if (len < 20) continue;
      for (i2 = h & prints.mask; prints.e[i2].h; i2 = (i2 + 1) & prints.mask)
        if (prints.e[i2].h == h && prints.e[i2].len == len && vb_same_words(X->s, q, &A->qs.q.v[prints.e[i2].v])) {
          vb_attr *src = &A->attr.v[prints.e[i2].v];
          A->attr.v[i] = *src;
          A->attr.v[i].confidence = src->confidence * 0.9;
          A->attr.v[i].rule = rule;
          break;
        }
    }
    vb_smap_free(&prints);
  }
}

/* The quote ends with a comma inside: its sentence goes on after it. */
int vb_comma_end(const ctx *X, const vb_quote *q) {
  size_t e = q->iend;
  while (e > q->istart && (X->s[e - 1] == ' ' || X->s[e - 1] == '\n')) e--;
  return e > q->istart && X->s[e - 1] == ',';
}

/* A one-word quote in single marks in a text that quotes in double marks (some quote of
 * the sixteen either side opens with one): "Trump takes on his ‘loser’ critics" marks a
 * word, it does not quote one; only a cue next to it makes it said. */
int vb_single_word_mark(const ctx *X, const vb_quote *q) {
  const vb_quote *q0 = X->A->qs.q.v, *qn = q0 + X->A->qs.q.n;
  int sp = 0;
  if (vb_double_mark(X->s, X->n, q->start)) return 0;
  for (size_t i = q->istart; i < q->iend; i++) {
    unsigned char c = (unsigned char)X->s[i];
    if (c == ' ' || c == '\n') { if (i > q->istart && i + 1 < q->iend && X->s[i + 1] != ' ') sp = 1; }
  }
  if (sp) return 0;
  for (const vb_quote *p = q > q0 + 16 ? q - 16 : q0; p < qn && p < q + 17; p++)
    if (p != q && vb_double_mark(X->s, X->n, p->start)) return 1;
  return 0;
}

/* "Cruz called him a “moderate,”", "remarks calling the Chinese government “strong”": a
 * naming cue, in the active voice, two to five tokens before the determiner or the object
 * before quote token k (no comma, quote or clause break between) gives the label to the
 * namer, as a speech cue would; not "what is called a “debate”" (a passive names no one),
 * not "a blog, called the “Feed,”", not "to call a “special meeting”" (a base form). */
int vb_named_label(const ctx *X, size_t sb, size_t k) {
  VB_WORDS(passive, "is", "was", "are", "were", "be", "been", "being", "what");
  if (k < sb + 2 || k >= NT) return 0;
  for (size_t z = k - 1; z-- > sb && k - z <= 6;) {
    if (is_quote(X, z) || (TK(z)->flags & VB_T_PUNCT)) return 0;
    if (!is_cue(X, z) || !(CUE(z)->flags & VB_CUE_CALL)) continue;
    if (z + (size_t)CUE(z)->len >= k) return 0;       /* "a film called “…”": the name right after */
    if (CUE(z)->flags & VB_CUE_BASE) return 0;          /* "to call a “special meeting”" */
    if (z > sb && (is_ch(X, z - 1, ',') || words_in(X, z - 1, passive))) return 0;
    return 1;
  }
  return 0;
}

/* Shapes that make quote q at token k the name of a work (a show, a book, a piece), a
 * value in markup or a subhead, whatever cue is next to it: no one says it. */
/* "on ABC’s “This Week,” Sanders said", "Fox News channel’s “Hannity”": a title right
 * after a possessive */
static int work_possessed(const ctx *X, size_t k, const vb_quote *q) {
  return k > 0 && is_word(X, k - 1) && (TK(k - 1)->flags & VB_T_POSS) && vb_title_case(X->s, q);
}

/* The possessive at token k names a broadcaster: letters in capitals (NBC’s, WTMJ’s) or
 * a word for one (Fox News Channel’s, Radio Nine’s). */
static int broadcaster(const ctx *X, size_t k) {
  static const char *const w[] = {"channel", "network", "radio", "tv", "television", NULL};
  size_t e = base_end(X, k), n = 0;
  for (size_t i = TK(k)->start; i < e; i++, n++)
    if (!(X->s[i] >= 'A' && X->s[i] <= 'Z')) { n = 0; break; }
  if (n >= 2) return 1;
  for (int i = 0; w[i]; i++) {
    size_t l = strlen(w[i]), j = 0;
    if (e - TK(k)->start != l) continue;
    while (j < l && (X->s[TK(k)->start + j] | 32) == w[i][j]) j++;
    if (j == l) return 1;
  }
  return 0;
}

/* "visited NBC’s “Today”", "on Fox News Channel’s “Hannity,”": one capitalised word
 * after a broadcaster's possessive is its show */
static int work_broadcast(const ctx *X, size_t k, const vb_quote *q) {
  size_t words = 0;
  if (k == 0 || !is_word(X, k - 1) || !(TK(k - 1)->flags & VB_T_POSS) || !broadcaster(X, k - 1)) return 0;
  if (!(X->s[q->istart] >= 'A' && X->s[q->istart] <= 'Z')) return 0;
  for (size_t i = q->istart; i < q->iend; i++) words += X->s[i] == ' ' && i + 1 < q->iend && X->s[i + 1] != ' ';
  return words == 0 && !vb_ends_question(X->s, q) && X->s[q->iend - 1] != '!';
}

/* "In an extended appearance on “Morning Joe,” the host asked", "Later on “This Week,”",
 * "on Sunday’s broadcast of “Face the Nation,”": a title right after "on", or after "of"
 * and a noun for a show's airing, is the show someone speaks on */
static int work_on_show(const ctx *X, size_t k, const vb_quote *q) {
  VB_WORDS(airing, "broadcast", "broadcasts", "episode", "episodes", "edition", "installment");
  if (k == 0 || !is_word(X, k - 1) || !(TK(k - 1)->flags & VB_T_LOWER)) return 0;
  /* the words first: the title's test reads the quote */
  return (vb_tok_is(X->s, TK(k - 1), "on") || (vb_tok_is(X->s, TK(k - 1), "of") && k > 1 && words_in(X, k - 2, airing))) &&
         vb_title_case(X->s, q);
}

/* "Rep. Robert C. “Bobby” Scott threw open", "Juan “Chico” Ruiz of Tulsa": one capitalised
 * word between a first name (or an initial) and a surname is a nickname; not a headline
 * in title case, where the word after the surname is capitalised too */
static int work_nickname(const ctx *X, size_t k, const vb_quote *q) {
  size_t words = 0;
  if (k == 0 || !is_capword(X, k - 1) || (X->wc[k - 1] & VB_W_STOP) || !is_capword(X, k + 1) || (X->wc[k + 1] & VB_W_STOP) ||
      (TK(k + 1)->flags & VB_T_POSS) || is_capword(X, k + 2))
    return 0;
  if (!(X->s[q->istart] >= 'A' && X->s[q->istart] <= 'Z')) return 0;
  for (size_t i = q->istart; i < q->iend; i++) {
    unsigned char c = (unsigned char)X->s[i];
    if (c == ' ' || c == ',' || c == '.' || c == '!' || c == '?' || c == '-') words++;
  }
  return words == 0;
}

/* "In his 2002 book, “Make Your Kid a Millionaire,”", "the movie “Sands of Dover: The
 * Last Crossing”": a title, however long, after a noun for a work */
static int work_noun(const ctx *X, size_t k, const vb_quote *q) {
  VB_WORDS(nouns, "book", "books", "memoir", "memoirs", "autobiography", "novel", "film",
                  "movie", "documentary", "song", "anthem", "album", "podcast", "sitcom",
                  "musical", "program", "programme", "series");
  size_t j = k;
  if (j > 0 && is_ch(X, j - 1, ',')) j--;
  return j > 0 && words_in(X, j - 1, nouns) && (TK(j - 1)->flags & VB_T_LOWER) && vb_long_title(X->s, q);
}

/* "the “Harbor Lights” star posted", "a “Night Desk” host": a title right before a noun
 * for one who plays or presents in it names the show */
static int work_role(const ctx *X, size_t k, const vb_quote *q) {
  VB_WORDS(roles, "star", "stars", "actress", "actor", "host", "anchor", "creator",
                  "co-host", "alum");
  return words_in(X, k + 1, roles) && vb_long_title(X->s, q) && !vb_slot_quote(X, q);
}

/* "Ruiz told “Harbor Morning,” adding …": a title in the place of the addressee of a cue
 * of telling is the show told, not words said */
static int work_told(const ctx *X, size_t k, const vb_quote *q) {
  return k > 0 && is_cue(X, k - 1) && (CUE(k - 1)->flags & VB_CUE_TELL) && vb_title_case(X->s, q) &&
         !vb_full_sentence(X->s, q);
}

/* "“Pop-up show opens in the Bronx,” by Variety’s Ana Cole": a capitalised quote, a
 * comma and "by" with its author's name */
static int work_byline(const ctx *X, size_t k, const vb_quote *q) {
  size_t j = k + 1;
  if (q->iend <= q->istart || !(X->s[q->istart] >= 'A' && X->s[q->istart] <= 'Z')) return 0;
  if (is_ch(X, j, ',')) j++;
  else if (!vb_comma_end(X, q)) return 0;
  if (!is_word(X, j) || !(TK(j)->flags & VB_T_LOWER) || !vb_tok_is(X->s, TK(j), "by")) return 0;
  if (is_word(X, j + 1) && vb_tok_is(X->s, TK(j + 1), "the")) j++;
  return is_capword(X, j + 1);
}

/* <tweet author="@ana" date="May 2">: a markup attribute's value (quotes.c has it a
 * term; a cue in its sentence must not make it a partial quote) */
static int work_markup(const ctx *X, size_t k, const vb_quote *q) {
  (void)k;
  return q->start > 0 && X->s[q->start - 1] == '=';
}

/* "¶'A Fight From Start to Finish.'¶" in a story that quotes in double marks: a
 * paragraph that is one quote in single marks is a subhead (some earlier quote of the
 * last 16 opens with a double mark) */
static int work_subhead(const ctx *X, size_t k, const vb_quote *q) {
  const vb_quote *q0 = X->A->qs.q.v;
  size_t e = k + 1;
  if (vb_double_mark(X->s, X->n, q->start) || !(TK(k)->flags & VB_T_PARA) || q->kind == VB_BLOCK) return 0;
  if (is_ch(X, e, '.')) e++;
  if (e < NT && !(TK(e)->flags & VB_T_PARA)) return 0;
  for (const vb_quote *p = q; p > q0 && q - p < 16;)
    if (vb_double_mark(X->s, X->n, (--p)->start)) return 1;
  return 0;
}

static const struct work_shape {
  const char *name;
  int (*fits)(const ctx *X, size_t k, const vb_quote *q);
} work_shapes[] = {
  {"possessive", work_possessed},   /* ABC’s “This Week,” */
  {"broadcast", work_broadcast},    /* NBC’s “Today” */
  {"on-show", work_on_show},        /* an appearance on “Morning Joe,” */
  {"work-noun", work_noun},         /* his book, “Make Your Kid a Millionaire,” */
  {"role", work_role},              /* the “Harbor Lights” star */
  {"nickname", work_nickname},      /* Robert C. “Bobby” Scott */
  {"told", work_told},              /* told “Harbor Morning,” */
  {"byline", work_byline},          /* “Hamilton heads west,” by Variety’s Ana Cole */
  {"markup", work_markup},          /* <tweet author="@ana"> */
  {"subhead", work_subhead},        /* ¶'A Fight From Start to Finish.'¶ */
};

int vb_names_work(const ctx *X, size_t k, const vb_quote *q) {
  if (k == VB_NONE) return 0;
  for (size_t w = 0; w < sizeof work_shapes / sizeof *work_shapes; w++)
    if (work_shapes[w].fits(X, k, q)) return 1;
  return 0;
}
