/* tokens.c: one pass over the bytes cuts words and punctuation; a second pass over the
 * tokens (not the bytes) marks sentence starts. A byte table sends ASCII letters, digits
 * and spaces down fast paths; only non-ASCII bytes are decoded. */
#include <stdlib.h>
#include <string.h>
#include "tokens.h"
#include "text.h"

enum { C_OTHER, C_SPACE, C_NL, C_LOWER, C_UPPER, C_DIGIT, C_PUNCT, C_HIGH };

static const unsigned char cls[256] = {
  [' '] = C_SPACE, ['\t'] = C_SPACE, ['\r'] = C_SPACE, ['\f'] = C_SPACE, ['\v'] = C_SPACE, ['\n'] = C_NL,
  ['a'] = C_LOWER, ['b'] = C_LOWER, ['c'] = C_LOWER, ['d'] = C_LOWER, ['e'] = C_LOWER, ['f'] = C_LOWER,
  ['g'] = C_LOWER, ['h'] = C_LOWER, ['i'] = C_LOWER, ['j'] = C_LOWER, ['k'] = C_LOWER, ['l'] = C_LOWER,
  ['m'] = C_LOWER, ['n'] = C_LOWER, ['o'] = C_LOWER, ['p'] = C_LOWER, ['q'] = C_LOWER, ['r'] = C_LOWER,
  ['s'] = C_LOWER, ['t'] = C_LOWER, ['u'] = C_LOWER, ['v'] = C_LOWER, ['w'] = C_LOWER, ['x'] = C_LOWER,
  ['y'] = C_LOWER, ['z'] = C_LOWER,
  ['A'] = C_UPPER, ['B'] = C_UPPER, ['C'] = C_UPPER, ['D'] = C_UPPER, ['E'] = C_UPPER, ['F'] = C_UPPER,
  ['G'] = C_UPPER, ['H'] = C_UPPER, ['I'] = C_UPPER, ['J'] = C_UPPER, ['K'] = C_UPPER, ['L'] = C_UPPER,
  ['M'] = C_UPPER, ['N'] = C_UPPER, ['O'] = C_UPPER, ['P'] = C_UPPER, ['Q'] = C_UPPER, ['R'] = C_UPPER,
  ['S'] = C_UPPER, ['T'] = C_UPPER, ['U'] = C_UPPER, ['V'] = C_UPPER, ['W'] = C_UPPER, ['X'] = C_UPPER,
  ['Y'] = C_UPPER, ['Z'] = C_UPPER,
  ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT, ['5'] = C_DIGIT,
  ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
  ['!'] = C_PUNCT, ['"'] = C_PUNCT, ['#'] = C_PUNCT, ['$'] = C_PUNCT, ['%'] = C_PUNCT, ['&'] = C_PUNCT,
  ['\''] = C_PUNCT, ['('] = C_PUNCT, [')'] = C_PUNCT, ['*'] = C_PUNCT, ['+'] = C_PUNCT, [','] = C_PUNCT,
  ['-'] = C_PUNCT, ['.'] = C_PUNCT, ['/'] = C_PUNCT, [':'] = C_PUNCT, [';'] = C_PUNCT, ['<'] = C_PUNCT,
  ['='] = C_PUNCT, ['>'] = C_PUNCT, ['?'] = C_PUNCT, ['@'] = C_PUNCT, ['['] = C_PUNCT, ['\\'] = C_PUNCT,
  [']'] = C_PUNCT, ['^'] = C_PUNCT, ['_'] = C_PUNCT, ['`'] = C_PUNCT, ['{'] = C_PUNCT, ['|'] = C_PUNCT,
  ['}'] = C_PUNCT, ['~'] = C_PUNCT,
};

static int cclass(unsigned char c) { return c >= 0x80 ? C_HIGH : cls[c]; }

/* ASCII letters and digits: the bytes a word runs over without decoding */
static const unsigned char alnum[256] = {
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
  ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
  ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
  ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
  ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
};

/* ASCII bytes that join the parts of a word: it's, well-known, U.S., AT&T */
static const unsigned char joiner[256] = {['\''] = 1, ['-'] = 1, ['.'] = 1, ['&'] = 1};
#if defined(__SSE2__) && defined(__GNUC__)
/* The ASCII bytes other than letters, digits and joiners: a word always ends before one */
#define E16(a) [a] = 1, [a + 1] = 1, [a + 2] = 1, [a + 3] = 1, [a + 4] = 1, [a + 5] = 1, [a + 6] = 1, [a + 7] = 1, \
  [a + 8] = 1, [a + 9] = 1, [a + 10] = 1, [a + 11] = 1, [a + 12] = 1, [a + 13] = 1, [a + 14] = 1, [a + 15] = 1
static const unsigned char ends_word[256] = {
  E16(0), E16(16), [' '] = 1, ['!'] = 1, ['"'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['('] = 1, [')'] = 1,
  ['*'] = 1, ['+'] = 1, [','] = 1, ['/'] = 1, [':'] = 1, [';'] = 1, ['<'] = 1, ['='] = 1, ['>'] = 1, ['?'] = 1,
  ['@'] = 1, ['['] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1, ['{'] = 1, ['|'] = 1, ['}'] = 1,
  ['~'] = 1, [127] = 1,
};
#undef E16
#endif

/* The end of a run of ASCII letters and digits from i. With SSE2, sixteen bytes a step:
 * one branch per word rather than one per byte. */
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
static inline size_t alnum_run(const char *cs, size_t i, size_t n) {
  const unsigned char *s = (const unsigned char *)cs;
  const __m128i fold = _mm_set1_epi8(0x20), a = _mm_set1_epi8('a'), z25 = _mm_set1_epi8(25);
  const __m128i d0 = _mm_set1_epi8('0'), d9 = _mm_set1_epi8(9);
  while (i + 16 <= n) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i l = _mm_sub_epi8(_mm_or_si128(v, fold), a);      /* letters: 0..25 */
    __m128i d = _mm_sub_epi8(v, d0);                         /* digits: 0..9 */
    __m128i ok = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(l, z25), z25), _mm_cmpeq_epi8(_mm_max_epu8(d, d9), d9));
    unsigned stop = ~(unsigned)_mm_movemask_epi8(ok) & 0xFFFFu;
    if (stop) return i + (size_t)__builtin_ctz(stop);
    i += 16;
  }
  while (i < n && alnum[s[i]]) i++;
  return i;
}
#else
static inline size_t alnum_run(const char *cs, size_t i, size_t n) {
  const unsigned char *s = (const unsigned char *)cs;
  while (i < n && alnum[s[i]]) i++;
  return i;
}
#endif
/* inline in the tokenizer, where it runs once per word */
size_t vb_alnum_run(const char *s, size_t i, size_t n) { return alnum_run(s, i, n); }

/* Eight bytes at a time, case folded by setting bit 5 of each byte (A-Z become a-z; the
 * punctuation inside words already has it). Both the lexicon and the tokens use it, and
 * a match is always confirmed on the text, so the folding of other bytes is harmless. */
unsigned vb_word_hash(const char *w, size_t n) {
  static const union { uint32_t u; unsigned char c[4]; } one = {1};
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)n;
  unsigned r;
  while (n) {
    uint64_t x = 0;
    size_t m = n < 8 ? n : 8;
    if (m == 8 && one.c[0] == 1) {     /* little-endian: a whole step is one load (names, long words) */
      memcpy(&x, w, 8);
      x |= 0x2020202020202020ull;
    } else
      for (size_t j = 0; j < m; j++) x |= (uint64_t)((unsigned char)w[j] | 0x20) << (8 * j);
    h = (h ^ x) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
    w += m;
    n -= m;
  }
  r = (unsigned)h;
  return r ? r : 1;
}

/* The folded bytes [a, a + m) of s, m <= 8, eight of them readable: as vb_wslot.first8. */
static inline uint64_t fold8(const char *s, size_t a, size_t m) {
  uint64_t x;
  memcpy(&x, s + a, 8);
  return (x | 0x2020202020202020ull) & (m >= 8 ? ~(uint64_t)0 : (((uint64_t)1 << (8 * m)) - 1));
}

/* vb_word_hash of a word of up to sixteen bytes from its folded bytes x (0 to 8) and y
 * (8 to 16, 0 past the word), as fold8 gives them: the steps of vb_word_hash, without its byte loop. */
static inline unsigned word_hash16(uint64_t x, uint64_t y, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)n;
  unsigned r;
  h = (h ^ x) * 0xff51afd7ed558ccdull;
  h ^= h >> 32;
  if (n > 8) {
    h = (h ^ y) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  r = (unsigned)h;
  return r ? r : 1;
}

/* vb_word_hash for a word with at least 16 readable bytes from its start: on a
 * little-endian host two loads replace the byte-by-byte assembly (same result). */
static inline unsigned hash_fast(const char *w, size_t n, size_t avail) {
  static const union { uint32_t u; unsigned char c[4]; } one = {1};
  if (one.c[0] == 1 && n <= 16 && avail >= 16) return word_hash16(fold8(w, 0, n), fold8(w, 8, n > 8 ? n - 8 : 0), n);
  return vb_word_hash(w, n);
}

unsigned vb_word_hash_fast(const char *w, size_t n, size_t avail) { return hash_fast(w, n, avail); }

/* Words whose final period does not end a sentence, listed by first letter so that a
 * word is compared with a few only: each entry is eight bytes, the word and NULs,
 * compared in one load with the word's folded bytes.
 * Dotted ones (U.S., e.g.) need no entry: an inner period already makes an abbreviation.
 * (inline: a jump on the letter, asked at every word before a full stop) */
static inline const char *abbrevs_of(int c, size_t *k) {
  switch (c) {
    case 'a': *k = 5; return "adm\0\0\0\0\0" "apr\0\0\0\0\0" "aug\0\0\0\0\0" "atty\0\0\0\0" "ave\0\0\0\0\0";
    case 'b': *k = 1; return "blvd\0\0\0\0";
    case 'c': *k = 5; return "col\0\0\0\0\0" "capt\0\0\0\0" "cmdr\0\0\0\0" "corp\0\0\0\0" "co\0\0\0\0\0\0";
    case 'd': *k = 4; return "dr\0\0\0\0\0\0" "dec\0\0\0\0\0" "dept\0\0\0\0" "del\0\0\0\0\0";
    case 'e': *k = 1; return "etc\0\0\0\0\0";
    case 'f': *k = 3; return "feb\0\0\0\0\0" "ft\0\0\0\0\0\0" "fig\0\0\0\0\0";
    case 'g': *k = 2; return "gov\0\0\0\0\0" "gen\0\0\0\0\0";
    case 'h': *k = 1; return "hon\0\0\0\0\0";
    case 'i': *k = 1; return "inc\0\0\0\0\0";
    case 'j': *k = 2; return "jan\0\0\0\0\0" "jr\0\0\0\0\0\0";
    case 'l': *k = 2; return "lt\0\0\0\0\0\0" "ltd\0\0\0\0\0";
    case 'm': *k = 6; return "mr\0\0\0\0\0\0" "mrs\0\0\0\0\0" "ms\0\0\0\0\0\0" "mar\0\0\0\0\0" "mt\0\0\0\0\0\0" "messrs\0\0";
    case 'n': *k = 2; return "nov\0\0\0\0\0" "no\0\0\0\0\0\0";
    case 'o': *k = 1; return "oct\0\0\0\0\0";
    case 'p': *k = 2; return "prof\0\0\0\0" "pres\0\0\0\0";
    case 'r': *k = 3; return "rep\0\0\0\0\0" "rev\0\0\0\0\0" "rt\0\0\0\0\0\0";
    case 's': *k = 7; return "sen\0\0\0\0\0" "sgt\0\0\0\0\0" "st\0\0\0\0\0\0" "sr\0\0\0\0\0\0" "sept\0\0\0\0" "sep\0\0\0\0\0" "supt\0\0\0\0";
    case 'u': *k = 1; return "univ\0\0\0\0";
    case 'v': *k = 1; return "vs\0\0\0\0\0\0";
    default: *k = 0; return "";
  }
}

static int letter_cp(uint32_t cp) { return vb_cp_isalnum(cp); }

/* A listed abbreviation: the word [a, a + n) of s, 1 < n, holding no NUL; avail bytes can
 * be read from a. Its bytes are folded by bit 5, which maps onto a lower-case letter that
 * letter's two cases only, as the listed words are letters. */
static int listed_abbrev(const char *s, size_t a, size_t n, size_t avail) {
  uint64_t x = 0;
  size_t k;
  const char *w;
  if (n > 6) return 0;                                    /* no listed abbreviation is longer */
  w = abbrevs_of(s[a] | 0x20, &k);
  if (avail >= 8) {
    memcpy(&x, s + a, 8);
    x = (x | 0x2020202020202020ull) & (((uint64_t)1 << (8 * n)) - 1);
  } else
    for (size_t j = 0; j < n; j++) x |= (uint64_t)((unsigned char)s[a + j] | 0x20) << (8 * j);
  for (size_t i = 0; i < k; i++) {
    uint64_t y;
    memcpy(&y, w + 8 * i, 8);
    if (y == x) return 1;
  }
  return 0;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The word [a, b) of letters and digits alone (no inner period): its final period is its
 * own. Out of line: the word loop, where it is asked, needs its registers. */
__attribute__((noinline)) static int is_abbrev_alnum(const char *s, size_t a, size_t b) {
  if (b - a == 1) return s[a] >= 'A' && s[a] <= 'Z';      /* initials: George W. Bush; not "5." */
  return listed_abbrev(s, a, b - a, 16);          /* (word_run: sixteen bytes readable) */
}
#endif

static int is_abbrev(const char *s, size_t a, size_t b) {
  size_t n = b - a;
  if (n == 1) return s[a] >= 'A' && s[a] <= 'Z';          /* initials: George W. Bush; not "5." */
  if (memchr(s + a, '.', n)) return 1;                    /* U.S, Ph.D */
  return listed_abbrev(s, a, n, 0);                      /* (the rare path: byte by byte) */
}

extern inline size_t vb_tok_base_end(const char *s, const vb_tok *t);   /* (tokens.h's, inline) */

static int term_punct(uint32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

/* The words of a quote end a sentence: . ! ? … before the closing mark(s). */
static int quote_ends_sentence(const unsigned char *s, const vb_quotes *qs, const vb_quote *q) {
  size_t e = q->nparts ? qs->parts.v[q->part0 + q->nparts - 1].iend : q->iend, b = q->istart;
  if (q->nparts > 1) b = qs->parts.v[q->part0 + q->nparts - 1].istart;
  while (e > b) {
    size_t p;
    uint32_t cp;
    if (s[e - 1] < 0x80) {                      /* ASCII: no decoding (as vb_utf8_prev finds it) */
      p = e - 1;
      cp = s[p];
    } else {
      p = vb_utf8_prev(s, e);
      vb_utf8_dec(s, e, p, &cp);
    }
    if (vb_cp_isspace(cp) || cp == '\'' || cp == 0x2019 || cp == ')' || cp == '"') { e = p; continue; }
    return term_punct(cp);
  }
  return 0;
}

/* The classes of the word [a, a+len) of hash h; avail bytes can be read from a. */
#if defined(__GNUC__)
__attribute__((noinline))   /* the rare path of words_class: out of the word loop's registers */
#endif
static unsigned words_get(const vb_words *W, const char *s, size_t a, size_t len, unsigned h, size_t avail) {
  static const union { uint32_t u; unsigned char b[4]; } one = {1};
  if (!(W->bits[(h & 0xFFFF) >> 3] & (1u << (h & 7)))) return 0;
  for (size_t sl = h & W->mask; W->w[sl].hash; sl = (sl + 1) & W->mask) {
    if (W->w[sl].hash == h && W->w[sl].len == len) {
      const char *w = W->wtext[sl];
      size_t i;
      if (len <= 8) {
        /* one folded compare: listed words hold letters, digits and . - ' &, whose
         * bit-5 folding is exact for the bytes a word token can hold */
        uint64_t x = 0;
        if (one.b[0] == 1 && avail >= 8) {      /* little-endian: one load */
          memcpy(&x, s + a, 8);
          x = (x | 0x2020202020202020ull) & (len == 8 ? ~(uint64_t)0 : (((uint64_t)1 << (8 * len)) - 1));
        } else
          for (size_t j = 0; j < len; j++) x |= (uint64_t)((unsigned char)s[a + j] | 0x20) << (8 * j);
        if (x == W->w[sl].first8) return W->w[sl].cls | (unsigned)W->w[sl].cls2 << 16;
        continue;
      }
      for (i = 0; i < len; i++) {
        char x = s[a + i];
        if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
        if (x != w[i]) break;
      }
      if (i == len) return W->w[sl].cls | (unsigned)W->w[sl].cls2 << 16;
    }
  }
  return 0;
}

/* words_get for the tokenizer, given the word's folded bytes x (0 to 8) and y (8 to 16)
 * that its hash was made from (word_hash16). Whether a word of prose is listed is close
 * to a coin toss, so a branch on it mispredicts: the first slot is checked with no branch
 * on the outcome, and only a word that may sit further along (its filter bit set, no
 * match) probes on. Words of up to sixteen bytes are compared in the slot and its next8
 * alone (one in seven words of prose is longer than eight bytes; their text is
 * elsewhere); a shorter word's slot has a next8 of 0, so next8, in another cache line,
 * is read for the longer ones only. */
static inline unsigned words_class(const vb_words *W, const char *s, size_t a, size_t len, unsigned h, size_t avail,
                                   uint64_t x, uint64_t y) {
  static const union { uint32_t u; unsigned char b[4]; } one = {1};
  unsigned maybe, hit;
  if (one.b[0] == 1) {                   /* little-endian: bit h of the filter is bit h % 64 of its word */
    uint64_t b64;
    memcpy(&b64, W->bits + ((h & 0xFFFF) >> 6) * 8, 8);
    maybe = (unsigned)(b64 >> (h & 63)) & 1u;
  } else
    maybe = ((unsigned)W->bits[(h & 0xFFFF) >> 3] >> (h & 7)) & 1u;
  /* a word the filter rules out (half the words of prose) is compared with slot 0, whose
   * line stays in the nearest cache, rather than with its own slot, a miss in a table
   * too big for it: it cannot match there either (a listed word sets its filter bit) */
  size_t sl = h & W->mask & (0 - (size_t)maybe);
  const vb_wslot *e = &W->w[sl];
  /* (no test of the hash: the same length and folded bytes give the same hash, and the
   * lexicon keeps no word longer than 255 bytes, so its length is exact) */
  hit = (unsigned)(e->len == len) & (unsigned)(e->first8 == x);
  if (len > 8) hit &= (unsigned)(W->next8[sl] == y);
  if (maybe & (hit ^ 1u)) return words_get(W, s, a, len, h, avail);
  return (e->cls | (unsigned)e->cls2 << 16) & (0u - hit);
}

unsigned vb_words_get(const vb_words *W, const char *s, const vb_tok *t, size_t avail) {
  return words_get(W, s, t->start, t->end - t->start, t->hash, avail);
}

#if defined(__SSE2__) && defined(__GNUC__)
/* the bytes of a word of len (0 to 16) bytes among the first eight and the next eight */
static const uint64_t mask_lo[17] = {
  0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF, ~(uint64_t)0,
  ~(uint64_t)0, ~(uint64_t)0, ~(uint64_t)0, ~(uint64_t)0, ~(uint64_t)0, ~(uint64_t)0, ~(uint64_t)0, ~(uint64_t)0};
static const uint64_t mask_hi[17] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF,
  ~(uint64_t)0};
#endif

static const unsigned first_flag[8] = {[C_LOWER] = VB_T_LOWER, [C_UPPER] = VB_T_CAP, [C_DIGIT] = VB_T_DIGIT};
#if defined(__SSE2__) && defined(__GNUC__)
/* the same by byte, with VB_T_WORD: the flags of a word starting with this ASCII letter or digit, else 0 */
#define L_(c) [c] = VB_T_LOWER | VB_T_WORD
#define U_(c) [c] = VB_T_CAP | VB_T_WORD
#define D_(c) [c] = VB_T_DIGIT | VB_T_WORD
static const unsigned short word_flag[256] = {
  L_('a'), L_('b'), L_('c'), L_('d'), L_('e'), L_('f'), L_('g'), L_('h'), L_('i'), L_('j'), L_('k'), L_('l'), L_('m'),
  L_('n'), L_('o'), L_('p'), L_('q'), L_('r'), L_('s'), L_('t'), L_('u'), L_('v'), L_('w'), L_('x'), L_('y'), L_('z'),
  U_('A'), U_('B'), U_('C'), U_('D'), U_('E'), U_('F'), U_('G'), U_('H'), U_('I'), U_('J'), U_('K'), U_('L'), U_('M'),
  U_('N'), U_('O'), U_('P'), U_('Q'), U_('R'), U_('S'), U_('T'), U_('U'), U_('V'), U_('W'), U_('X'), U_('Y'), U_('Z'),
  D_('0'), D_('1'), D_('2'), D_('3'), D_('4'), D_('5'), D_('6'), D_('7'), D_('8'), D_('9'),
};
#undef L_
#undef U_
#undef D_
#endif

/* s[a..e) holds at least two ASCII capitals and no lower-case ASCII letter (CIS). */
static inline int all_caps(const unsigned char *s, size_t a, size_t e, size_t n) {
  size_t caps = 0, z;
#if defined(__SSE2__) && defined(__GNUC__)
  if (e - a <= 16 && n - a >= 16) {   /* one step, no branch per byte */
    const __m128i la = _mm_set1_epi8('a'), ua = _mm_set1_epi8('A'), z25 = _mm_set1_epi8(25);
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + a));
    __m128i lo = _mm_cmpeq_epi8(_mm_max_epu8(_mm_sub_epi8(v, la), z25), z25);
    __m128i up = _mm_cmpeq_epi8(_mm_max_epu8(_mm_sub_epi8(v, ua), z25), z25);
    unsigned in = e - a == 16 ? 0xFFFFu : (1u << (e - a)) - 1;
    unsigned l = (unsigned)_mm_movemask_epi8(lo) & in, u = (unsigned)_mm_movemask_epi8(up) & in;
    return !l && (u & (u - 1)) != 0;
  }
#endif
  for (z = a; z < e; z++) {
    if (s[z] >= 'a' && s[z] <= 'z') return 0;
    caps += s[z] >= 'A' && s[z] <= 'Z';
  }
  return caps >= 2;
}

/* The end of a word whose first code point was read up to i: letters and digits, and
 * the joiners ' ’ - ‐ . & that a letter or digit follows; *fl takes VB_T_APOS for an
 * apostrophe. Inline: it runs once per word. */
static inline size_t word_end(const char *text, size_t i, size_t n, size_t qstart, unsigned *fl) {
  const unsigned char *s = (const unsigned char *)text;
  uint32_t cp;
  size_t k;
  for (;;) {
    /* a quote never starts on a letter, so the fast loop needs no qstart test */
    i = alnum_run(text, i, n);
    if (i >= n || i == qstart) break;
    if (s[i] >= 0x80) {
      k = vb_utf8_dec(s, n, i, &cp);
      if (letter_cp(cp)) { i += k; continue; }
    } else if (!joiner[s[i]]) break;   /* space, comma: the usual end of a word */
    else { cp = s[i]; k = 1; }
    /* a joiner continues the word only when a letter or digit follows it */
    if (cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' || cp == '&' || cp == 0x2010) {
      size_t j = i + k;
      uint32_t nx;
      if (j >= n || j == qstart) break;
      if (cp == '\'' || cp == 0x2019) *fl |= VB_T_APOS;   /* set even if the word stops here: harmless */
      if (alnum[s[j]]) { i = j + 1; continue; }
      if (s[j] < 0x80) break;
      k = vb_utf8_dec(s, n, j, &nx);
      if (!letter_cp(nx)) break;
      i = j + k;
      continue;
    }
    break;
  }
  return i;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The usual word, ASCII letters and digits up to a space or a mark, is read in one load
 * of sixteen bytes: its end, its case (CIS) and its folded bytes all come from it, and
 * with no apostrophe in it no possessive test is needed. Such words follow each other
 * with one space (or a comma and a space) between them, and are made one after the
 * other here: after a word no sentence starts, so all that is needed is the next word.
 * A word this loop cannot end (a joiner goes on, a high byte) leaves it: the first one
 * for word_end in build (1, *pi its run of letters' end, nothing else changed), a later
 * one for the next turn of build's loop (0, as after any token). -1 when memory ran out.
 * s[*pi] is an ASCII letter or digit, more than sixteen bytes before n; fl holds the
 * first word's flags so far (the pending ones and its case), pending build's pending
 * flags. Part of build (inline). */
__attribute__((always_inline))
static inline int word_run(const char *text, size_t n, size_t qstart, size_t stop, const vb_words *W, unsigned listed,
                           vb_tokens *out, unsigned fl, unsigned pending, size_t *pi, size_t *pnt, int *pends) {
  const unsigned char *s = (const unsigned char *)text;
  const size_t rend = qstart < n - 16 ? qstart : n - 16;   /* the words it may start at are before */
  size_t ta = *pi, nt = *pnt, i, te;
  const size_t ta0 = ta;                   /* the first word's start: ta grows from word to word */
  int ends = *pends, rc = 0;
  /* as build decides it, for the first word: the only one here that can start a sentence
   * or paragraph (a mark that ends a sentence ends this loop) */
  if (pending | (unsigned)ends)
    fl |= ((fl & VB_T_PARA) | ((unsigned)ends & ((fl & (VB_T_CAP | VB_T_DIGIT)) != 0))) != 0 ? VB_T_SENT : 0;
  fl |= VB_T_WORD;                         /* (the next words' come with word_flag) */
  ends = 0;                                /* a word ends no sentence (nor a mark this loop goes on after) */
  for (;;) {
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + ta));
    const __m128i z25 = _mm_set1_epi8(25), d9 = _mm_set1_epi8(9);
    __m128i l = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    __m128i ok = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(l, z25), z25), _mm_cmpeq_epi8(_mm_max_epu8(d, d9), d9));
    unsigned brk = ~(unsigned)_mm_movemask_epi8(ok) & 0xFFFFu, b, ff, h, wcl = 0;
    size_t e, j, len;
    uint64_t x, y;
    vb_tok *tp;
    if (!brk) {                          /* sixteen letters and more */
      if (ta == ta0) { *pi = ta + 16; return 1; }
      i = ta;
      break;
    }
    e = (size_t)__builtin_ctz(brk);
    j = ta + e + 1;
    b = s[ta + e];
    /* where word_end stops at once: at the next quote, at a byte that joins nothing,
     * or at a joiner no letter or digit follows (', ’ and ‐ aside: other bytes) */
    if (b != ' ' && !ends_word[b] && ta + e != qstart && (b >= 0x80 || (j != qstart && (s[j] >= 0x80 || alnum[s[j]])))) {
      if (ta == ta0) { *pi = ta + e; return 1; }
      i = ta;
      break;
    }
    te = i = ta + e;
    if (b != ' ') {                      /* (the usual end: no apostrophe, no abbreviation) */
      if (b == '\'' && ta + e != qstart && j != qstart) fl |= VB_T_APOS;
      if (b == '.' && i != qstart && is_abbrev_alnum(text, ta, te)) {
        te = ++i;
        fl |= VB_T_ABBR;
      }
    }
    if (fl & VB_T_CAP) {
      __m128i up = _mm_cmpeq_epi8(_mm_max_epu8(_mm_sub_epi8(v, _mm_set1_epi8('A')), z25), z25);
      __m128i lo = _mm_cmpeq_epi8(_mm_max_epu8(_mm_sub_epi8(v, _mm_set1_epi8('a')), z25), z25);
      unsigned in = (1u << e) - 1, u = (unsigned)_mm_movemask_epi8(up) & in;
      if (!((unsigned)_mm_movemask_epi8(lo) & in) && (u & (u - 1)) != 0) fl |= VB_T_UPPER;
    }
    len = te - ta;
#if defined(__x86_64__)
    {                                    /* the folded bytes, from the load above */
      const __m128i f = _mm_or_si128(v, _mm_set1_epi8(0x20));
      x = (uint64_t)_mm_cvtsi128_si64(f) & mask_lo[len];
      /* (bytes 8 to 16 for the long ones only) */
      y = len > 8 ? (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(f, f)) & mask_hi[len] : 0;
    }
#else
    memcpy(&x, s + ta, 8);
    memcpy(&y, s + ta + 8, 8);
    x = (x | 0x2020202020202020ull) & mask_lo[len];
    y = (y | 0x2020202020202020ull) & mask_hi[len];
#endif
    h = word_hash16(x, y, len);
    if (W) {
      wcl = words_class(W, text, ta, len, h, n - ta, x, y);
      if (wcl & listed) {                /* (a cue word: one in twenty or so) */
        if (vb_push(&out->listed, nt)) { rc = -1; break; }
        wcl &= ~listed;
      }
    }
    if (fl & (VB_T_SENT | VB_T_PARA)) {   /* the first word only (see above) */
      if ((fl & VB_T_SENT) && vb_push(&out->sent, nt)) { rc = -1; break; }
      if ((fl & VB_T_PARA) && vb_push(&out->para, nt)) { rc = -1; break; }
    }
    tp = &out->t.v[nt];
    tp->start = ta; tp->end = te; tp->flags = fl; tp->hash = h; tp->q = -1; tp->cue = -1;
    if (W) out->wc.v[nt] = wcl;
    nt++;
    /* a one-byte mark after it (a comma, a full stop: not one of "..." or "--", not
     * a quote's first), as build makes it: it can start no sentence either */
    if (s[i] != ' ') {
      b = s[i];
      if (cls[b] != C_PUNCT || i == qstart || i + 1 >= n || s[i + 1] == b || nt >= stop) break;
      ends = b == '.' || b == '!' || b == '?';
      tp = &out->t.v[nt];
      tp->start = i; tp->end = i + 1; tp->flags = VB_T_PUNCT; tp->hash = 0; tp->q = -1; tp->cue = -1;
      if (W) out->wc.v[nt] = 0;
      nt++;
      i++;
      if (ends) break;                   /* the next token may start a sentence: build decides */
    }
    /* the next word, one space on, if this loop can take it; else build's loop */
    if (s[i] != ' ') break;
    /* (ta < rend, before n - 16, may be read; build goes on the same from the space or past it) */
    ta = ++i;
    if (ta >= rend || nt >= stop || !(ff = word_flag[s[ta]])) break;
    fl = ff;
  }
  *pi = i;
  *pnt = nt;
  *pends = ends;
  return rc;
}
#endif

void vb_tokstate_init(vb_tokstate *st) {
  st->i = st->qi = 0;
  st->pending = VB_T_PARA | VB_T_SENT;
  st->ends = st->done = 0;
}

/* W may be NULL: then no classes. Inlined by force (it is too long for the compiler to
 * choose it) into build_plain, with W NULL, and build_words, where W is not: each copy is
 * specialised, and the word loop has no test of W per word.
 * Appends to out from st's place until the text ends or max tokens were added. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int build(const char *text, size_t n, const vb_quotes *qs, const vb_words *W, vb_tokstate *st,
                        size_t max, vb_tokens *out) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = st->i, qi = st->qi, nq = qs ? qs->q.n : 0;
  unsigned pending = st->pending;             /* flags for the next token */
  int oom = 0, ends = st->ends;               /* ends: the last token may end a sentence */
  size_t guess = (n - i) / 4 + 16;            /* about one token per five bytes of prose */
  size_t lim = max < SIZE_MAX - out->t.n ? out->t.n + max : SIZE_MAX, stop;
  size_t qstart = qi < nq ? qs->q.v[qi].start : (size_t)-1;   /* start of quote qi */
  size_t nt;                                  /* out->t.n, in a register: the token stores may not alias it */
#if defined(__SSE2__) && defined(__GNUC__)
  const unsigned listed = W ? W->listed : 0;  /* (W's own could alias them, to the compiler) */
#endif
  if (guess > max) guess = max;
  if (vb_vgrow(&out->t, out->t.n + guess) || (W && vb_vgrow(&out->wc, out->t.cap + 1))) return -1;
  /* and the index lists, with room for what nine texts in ten of news hold, so that they
   * are not reallocated and copied on the way up: the guess is about twice the tokens of
   * prose, and per token of it nine texts in ten have less than a sentence start in 31, a
   * paragraph in 40 and a cue word in 22 (the quotes are known) */
  if (vb_vgrow(&out->sent, out->sent.n + guess / 24 + 1) || vb_vgrow(&out->para, out->para.n + guess / 32 + 1) ||
      vb_vgrow(&out->quotes, out->quotes.n + (nq - qi < guess ? nq - qi : guess) + 1) ||
      (W && vb_vgrow(&out->listed, out->listed.n + guess / 16 + 1)))
    return -1;
  /* one test per token covers both the room left and the limit */
  stop = out->t.cap < lim ? out->t.cap : lim;
  nt = out->t.n;
  while (i < n) {
    vb_tok *tp;
    size_t ta, te = 0;                        /* the token's start and end, its flags, hash, quote and class */
    unsigned fl, h, wcl;
    int c, qv;
    if (s[i] == ' ' && ++i < n && s[i] == ' ') continue;   /* the one space between words */
    if (i >= n) break;
    c = cclass(s[i]);
    if (c == C_SPACE) { i++; continue; }
    if (c == C_NL) {
      size_t j = i + 1;
      while (j < n && (cls[s[j]] == C_SPACE)) j++;
      if (j < n && s[j] == '\n') pending |= VB_T_PARA;
      i = j;
      continue;
    }
    if (qstart < i) {   /* a quote that began inside a word: dropped */
      while (qi < nq && qs->q.v[qi].start < i) qi++;
      qstart = qi < nq ? qs->q.v[qi].start : (size_t)-1;
    }
    /* the token's fields are kept in locals (registers) and stored once at the end: the
     * stores to the class array (unsigned, as flags) would otherwise make the compiler
     * reload each field after them */
    if (nt >= stop) {
      if (nt >= lim) break;                    /* resumed here: i is this token's first byte */
      if (vb_vgrow(&out->t, nt + 1) || (W && vb_vgrow(&out->wc, out->t.cap + 1))) { oom = 1; break; }
      stop = out->t.cap < lim ? out->t.cap : lim;
    }
    fl = pending; qv = -1; h = 0; wcl = 0;
    ta = i;
    if (i == qstart) {
      const vb_quote *q = &qs->q.v[qi];
      fl |= VB_T_QUOTE;
      if (quote_ends_sentence(s, qs, q)) fl |= VB_T_QEND;
      qv = (int)qi++;
      qstart = qi < nq ? qs->q.v[qi].start : (size_t)-1;
      if (vb_push(&out->quotes, nt)) { oom = 1; break; }
      te = q->end > i ? q->end : i + 1;
      if (te > n) te = n;
      /* a block quote spans paragraphs: keep the break flags of what follows it */
      i = te;
    } else {
      uint32_t cp = s[i];
      size_t k = 1;
      int word;
      if (c == C_HIGH) {
        k = vb_utf8_dec(s, n, i, &cp);
        if (vb_cp_isspace(cp)) { i += k; continue; }   /* no-break and other Unicode spaces */
      }
      word = c == C_LOWER || c == C_UPPER || c == C_DIGIT || (c == C_HIGH && letter_cp(cp));
      if (word) {
        if (c != C_HIGH) fl |= first_flag[c];      /* by table: case is a coin toss */
        else fl |= vb_cp_isupper(cp) ? VB_T_CAP : VB_T_LOWER;
        i += k;
#if defined(__SSE2__) && defined(__GNUC__)
        /* the usual word and the words after it: word_run */
        if (c != C_HIGH && n - ta > 16) {
          int r;
          i = ta;
          r = word_run(text, n, qstart, stop, W, listed, out, fl, pending, &i, &nt, &ends);
          if (r < 0) { oom = 1; break; }
          if (r == 0) { pending = 0; continue; }
        }
#endif
        i = word_end(text, i, n, qstart, &fl);
        te = i;
        /* the final s first: it is rare, so this branch predicts well (length is not) */
        if ((s[i - 1] | 0x20) == 's' && i - ta >= 3 &&
            (s[i - 2] == '\'' || (i - ta >= 5 && s[i - 2] == 0x99 && s[i - 3] == 0x80 && s[i - 4] == 0xE2)))
          fl |= VB_T_POSS;
        if (fl & VB_T_CAP) {
          /* all capitals (CIS, CIS's): at least two, no lower-case ASCII letter */
          size_t e = te;
          if (fl & VB_T_POSS) {               /* as vb_tok_base_end: 's or ’s off */
            vb_tok t1;
            t1.start = ta; t1.end = te; t1.flags = fl;
            e = vb_tok_base_end(text, &t1);
          }
          if (all_caps(s, ta, e, n)) fl |= VB_T_UPPER;
        }
        if (i < n && s[i] == '.' && i != qstart && is_abbrev(text, ta, te)) {
          /* "U.S." at a paragraph end still ends the sentence: handled by the PARA flag */
          te = ++i;
          fl |= VB_T_ABBR;
        }
        fl |= VB_T_WORD;
        /* the words the loop above does not take (one in thirty of prose) */
        h = hash_fast(text + ta, te - ta, n - ta);
        wcl = W ? words_get(W, text, ta, te - ta, h, n - ta) : 0;
        if (W) {
          if ((wcl & W->listed) && vb_push(&out->listed, nt)) { oom = 1; break; }
          wcl &= ~W->listed;
        }
      } else {
        fl |= VB_T_PUNCT;
        i += k;
        if (cp == '.' && i + 1 < n && s[i] == '.' && s[i + 1] == '.') i += 2;
        else if (cp == '-' && i < n && s[i] == '-') i++;
        te = i;
      }
    }
    /* sentence starts, decided as each token is made: after . ! ? … (an abbreviation is
     * a word, not a mark) or a quote ending in one, unless a lower-case word follows */
    fl |= ((fl & VB_T_PARA) | ((unsigned)ends & ((fl & (VB_T_CAP | VB_T_QUOTE | VB_T_DIGIT)) != 0))) != 0
          ? VB_T_SENT : 0;   /* no branch: a capital after a full stop is a coin toss */
    if ((fl & VB_T_SENT) && vb_push(&out->sent, nt)) { oom = 1; break; }
    if ((fl & VB_T_PARA) && vb_push(&out->para, nt)) { oom = 1; break; }
    if (fl & VB_T_PUNCT) {
      unsigned char b = s[ta];
      ends = b == '.' || b == '!' || b == '?' || (b == 0xE2 && te - ta == 3 && s[ta + 2] == 0xA6);
    } else ends = (fl & VB_T_QEND) != 0;
    tp = &out->t.v[nt];
    tp->start = ta; tp->end = te; tp->flags = fl; tp->hash = h; tp->q = qv; tp->cue = -1;
    if (W) out->wc.v[nt] = wcl;
    pending = 0;
    nt++;
  }
  out->t.n = nt;
  if (W && !oom) { out->wc.v[out->t.n] = 0; out->wc.n = out->t.n; }
  st->i = i; st->qi = qi; st->pending = pending; st->ends = ends;
  st->done = i >= n;
  return oom ? -1 : 0;
}

static int build_plain(const char *s, size_t n, const vb_quotes *qs, vb_tokstate *st, size_t max, vb_tokens *out) {
  return build(s, n, qs, NULL, st, max, out);
}

static int build_words(const char *s, size_t n, const vb_quotes *qs, const vb_words *W, vb_tokstate *st, size_t max,
                       vb_tokens *out) {
  if (!W) return -1;               /* (never: the callers test it) W is not NULL below */
  return build(s, n, qs, W, st, max, out);
}

int vb_tokens_build(const char *s, size_t n, const vb_quotes *qs, vb_tokens *out) {
  vb_tokstate st;
  vb_tokstate_init(&st);
  return build_plain(s, n, qs, &st, SIZE_MAX, out);
}

int vb_tokens_build_words(const char *s, size_t n, const vb_quotes *qs, const vb_words *W, vb_tokens *out) {
  vb_tokstate st;
  vb_tokstate_init(&st);
  return W ? build_words(s, n, qs, W, &st, SIZE_MAX, out) : build_plain(s, n, qs, &st, SIZE_MAX, out);
}

int vb_tokens_more(const char *s, size_t n, const vb_quotes *qs, const vb_words *W, vb_tokstate *st, size_t max,
                   vb_tokens *out) {
  return W ? build_words(s, n, qs, W, st, max, out) : build_plain(s, n, qs, st, max, out);
}

/* Drops the entries of an index list below k and shifts the rest down by k. */
static void drop_index(size_t *v, size_t *n, size_t k) {
  size_t j = 0, m;
  while (j < *n && v[j] < k) j++;
  m = *n - j;
  for (size_t z = 0; z < m; z++) v[z] = v[j + z] - k;
  *n = m;
}

void vb_tokens_drop(vb_tokens *T, size_t k) {
  if (k > T->t.n) k = T->t.n;
  memmove(T->t.v, T->t.v + k, (T->t.n - k) * sizeof *T->t.v);
  T->t.n -= k;
  if (T->wc.v) {
    memmove(T->wc.v, T->wc.v + k, (T->wc.n - k + 1) * sizeof *T->wc.v);   /* with the 0 past the end */
    T->wc.n -= k;
  }
  drop_index(T->sent.v, &T->sent.n, k);
  drop_index(T->para.v, &T->para.n, k);
  drop_index(T->quotes.v, &T->quotes.n, k);
  drop_index(T->listed.v, &T->listed.n, k);
  for (size_t z = 0; z < T->t.n; z++) T->t.v[z].cue = -1;
  T->cues.n = 0;
}

void vb_tokens_free(vb_tokens *T) {
  vb_vfree(&T->t);
  vb_vfree(&T->wc);
  vb_vfree(&T->sent);
  vb_vfree(&T->para);
  vb_vfree(&T->cues);
  vb_vfree(&T->quotes);
  vb_vfree(&T->listed);
}
