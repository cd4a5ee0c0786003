/* attrib_int.h: what the attribution stages share, private to them (entities.c,
 * phrases.c, attribution.c, indirect.c, analyze.c); not part of the engine's API.
 * One ctx per vb_analyze call holds the tokens, their word classes, the mentions and
 * the span maps of names; token helpers are inline, as the rules call them often. */
#ifndef VB_ATTRIB_INT_H
#define VB_ATTRIB_INT_H
#include <stddef.h>
#include <string.h>
#include "analyze.h"
#include "tokens.h"
#include "cues.h"

#define WIN 80            /* tokens searched for a cue on either side of a quote */
#define APPOS 40          /* longest appositive, in tokens */

/* A mention: a name run or a pronoun at tokens a..b, and the entity it names (or -1);
 * subj: it is a clause subject; person: it names a person; pron: it is a pronoun. */
typedef struct ment {
  size_t a, b;            /* tokens, inclusive */
  int ent;
  unsigned char subj, person, pron;
} ment;

/* A span map: byte spans of the text (a name, a last name, an acronym) to an entity,
 * open addressing on the word hash (vb_smap_get, vb_smap_put in entities.c). */
typedef struct sment { size_t start, len; unsigned h; int v; } sment;   /* 24 bytes: h and v share a word */
typedef struct smap { sment *e; size_t mask, n; } smap;

typedef struct ctx {
  const char *s;
  size_t n;
  vb_tokens T;
  const vb_cues *C;
  vb_analysis *A;
  const unsigned *wc;     /* word class of every token (T.wc's array, not owned) */
  VB_VEC(ment) m;         /* mentions, in token order */
  VB_VEC(size_t) mblk;    /* per 8 tokens: the first mention ending there or later (vb_ment_at) */
  smap full, last, acr, groups;   /* full names, last names, acronyms, groups (the mayor) */
  smap first;             /* first names of people named in full (Cole for Cole Whitlock) */
  VB_VEC(int) sur_next;   /* per entity: the one met before it with its last name, or -1 */
  const vb_tokens *lowbits_for;  /* the tokens lowbits was noted for (NULL: not yet) */
  size_t lowbits_nt;
  VB_VEC(size_t) qtok;    /* token of each quote, or VB_NONE */
  size_t *nonq;           /* per quote token (T.quotes): the first token after its run of quotes */
  size_t *qof;            /* per quote token: its quote (A->qs.q), or VB_NONE (inside nonq's block) */
  int oom;
  /* last, so that a new ctx zeroes what comes before it only (vb_ctx_clear): it is filled
   * the first time a name asks (lowbits_for NULL until then) */
  unsigned char lowbits[8192];   /* one bit per word hash seen in lower case (pass 1) */
} ctx;

/* A ctx with every field zero but lowbits, which is noted when first needed. */
static inline void vb_ctx_clear(ctx *X) { memset(X, 0, offsetof(ctx, lowbits)); }

static const vb_span nospan = {VB_NONE, VB_NONE};

/* ---------------------------------------------------------------- token helpers */

#define TK(k) (&X->T.t.v[(k)])
#define CUE(k) (&X->T.cues.v[X->T.t.v[(k)].cue])   /* only where is_cue(X, k) */
#define NT (X->T.t.n)

static inline int is_word(const ctx *X, size_t k) { return k < NT && (TK(k)->flags & VB_T_WORD); }
/* (the tokenizer gives VB_T_CAP, VB_T_UPPER and VB_T_LOWER to words only: no test of
 * VB_T_WORD) */
static inline int is_capword(const ctx *X, size_t k) {
  return k < NT && (TK(k)->flags & (VB_T_CAP | VB_T_UPPER)) && !(X->wc[k] & VB_W_TIME);
}
/* a word in lower case */
static inline int is_lowword(const ctx *X, size_t k) { return k < NT && (TK(k)->flags & VB_T_LOWER); }
static inline int is_ch(const ctx *X, size_t k, char c) {
  return k < NT && (TK(k)->flags & VB_T_PUNCT) && TK(k)->end - TK(k)->start == 1 && X->s[TK(k)->start] == c;
}
static inline int is_dash(const ctx *X, size_t k) {
  const vb_tok *t;
  if (k >= NT || !(TK(k)->flags & VB_T_PUNCT)) return 0;
  t = TK(k);
  if (X->s[t->start] == '-') return 1;
  return t->end - t->start == 3 && (unsigned char)X->s[t->start] == 0xE2 && (unsigned char)X->s[t->start + 1] == 0x80 &&
         ((unsigned char)X->s[t->start + 2] == 0x94 || (unsigned char)X->s[t->start + 2] == 0x93 ||
          (unsigned char)X->s[t->start + 2] == 0x95);
}
static inline int is_quote(const ctx *X, size_t k) { return k < NT && (TK(k)->flags & VB_T_QUOTE); }
static inline int starts_sent(const ctx *X, size_t k) { return k < NT && (TK(k)->flags & VB_T_SENT); }
/* A cue of speech (said, told, according to); the cues that report a view (believes,
 * endorsed, found: VB_CUE_REP) serve reported speech only, is_icue finds both. */
static inline int is_icue(const ctx *X, size_t k) { return k < NT && TK(k)->cue >= 0; }
static inline int is_cue(const ctx *X, size_t k) {
  return k < NT && TK(k)->cue >= 0 && !(X->T.cues.v[TK(k)->cue].flags & VB_CUE_REP);
}
/* The place of quote token k among the quote tokens (T.quotes), found by halves: the
 * lookups below are per quote token, so that a paragraph of thousands of quotes is not
 * walked again for each of them. */
static inline size_t quote_slot(const ctx *X, size_t k) {
  size_t lo = 0, hi = X->T.quotes.n;
  while (lo < hi) {
    size_t m = (lo + hi) / 2;
    if (X->T.quotes.v[m] < k) lo = m + 1; else hi = m;
  }
  return lo;
}
/* The first token in [k, c) that is not a quote, else c. */
static inline size_t skip_quotes(const ctx *X, size_t k, size_t c) {
  size_t lo;
  if (k >= NT || !(TK(k)->flags & VB_T_QUOTE)) return k < c ? k : c;
  lo = quote_slot(X, k);
  return lo < X->T.quotes.n && X->nonq[lo] < c ? X->nonq[lo] : c;
}
/* The kind of the quote at token k (VB_DIRECT when k is no quote of this window). */
static inline vb_kind quote_kind(const ctx *X, size_t k) {
  size_t lo;
  if (!is_quote(X, k)) return VB_DIRECT;
  lo = quote_slot(X, k);
  return lo < X->T.quotes.n && X->T.quotes.v[lo] == k && X->qof[lo] != VB_NONE ? X->A->qs.q.v[X->qof[lo]].kind : VB_DIRECT;
}
static inline size_t base_end(const ctx *X, size_t k) { return vb_tok_base_end(X->s, TK(k)); }
/* A quote of three words at most ("Ted Cruz" campaign pins): a name or a term inside a
 * phrase, which the phrase reads over */
static inline int is_term_quote(const ctx *X, size_t k) {
  size_t sp = 0;
  if (!is_quote(X, k) || TK(k)->end - TK(k)->start > 48) return 0;
  for (size_t i = TK(k)->start; i < TK(k)->end; i++) sp += X->s[i] == ' ';
  return sp <= 2;
}

/* A pronoun, also contracted (he’s, they’re: vb_contracted_pron in entities.c). */
size_t vb_contracted_pron(const ctx *X, size_t k);
static inline int is_pron(const ctx *X, size_t k) {
  if (!is_word(X, k)) return 0;
  if (X->wc[k] & VB_W_PRON) return !(TK(k)->flags & VB_T_POSS);
  /* contractions are rare and short: test only words with an apostrophe that start like one */
  if (!(TK(k)->flags & VB_T_APOS)) return 0;
  switch (X->s[TK(k)->start] | 0x20) {
    case 'h': case 's': case 'i': case 't': case 'w': case 'y': return vb_contracted_pron(X, k) != 0;
    default: return 0;
  }
}

/* token k is a word of the NULL-ended list w (lower-case words) */
static inline int word_in(const ctx *X, size_t k, const char *const *w) {
  char c0;
  if (!is_word(X, k)) return 0;
  c0 = (char)(X->s[TK(k)->start] | 0x20);
  for (int i = 0; w[i]; i++) if (w[i][0] == c0 && vb_tok_is(X->s, TK(k), w[i])) return 1;   /* the first letter settles most */
  return 0;
}

/* A word list that carries each word's hash (vb_word_hash, as the tokens carry theirs),
 * worked out when compiling, and a bit per word (its hash's low six): VB_WORDS(name, "a",
 * "b") declares name[] (NULL-ended), name_h[] and name_fl (name_fl2, name_fl3: below), and
 * words_in(X, k, name) turns away a token whose hash's bit no word sets, and compares the text of a word whose hash
 * is the token's only. (A string literal's bytes in a constant: GCC, Clang.) A word of
 * more than 24 bytes has hash 0 and sets every bit: its text is always compared. */
#define VB_WLEN_(w) (sizeof(w) - 1)
/* byte j of w folded (| 0x20) and placed in its eight-byte step, 0 past the word */
#define VB_WB_(w, j) ((j) < VB_WLEN_(w) ? (uint64_t)((unsigned char)(w)[(j) < VB_WLEN_(w) ? (j) : 0] | 0x20u) << (8 * ((j) % 8)) : 0)
#define VB_WX_(w, j) (VB_WB_(w, j) | VB_WB_(w, j + 1) | VB_WB_(w, j + 2) | VB_WB_(w, j + 3) | \
                      VB_WB_(w, j + 4) | VB_WB_(w, j + 5) | VB_WB_(w, j + 6) | VB_WB_(w, j + 7))
#define VB_WM_(h, x) ((((h) ^ (x)) * 0xff51afd7ed558ccdull) ^ ((((h) ^ (x)) * 0xff51afd7ed558ccdull) >> 32))
#define VB_WH0_(w) (0x9E3779B97F4A7C15ull ^ (uint64_t)VB_WLEN_(w))
#define VB_WH64_(w) (VB_WLEN_(w) == 0 ? VB_WH0_(w) : VB_WLEN_(w) <= 8 ? VB_WM_(VB_WH0_(w), VB_WX_(w, 0)) : \
  VB_WLEN_(w) <= 16 ? VB_WM_(VB_WM_(VB_WH0_(w), VB_WX_(w, 0)), VB_WX_(w, 8)) : \
  VB_WM_(VB_WM_(VB_WM_(VB_WH0_(w), VB_WX_(w, 0)), VB_WX_(w, 8)), VB_WX_(w, 16)))
#define VB_WH(w) (VB_WLEN_(w) > 24 ? 0u : (unsigned)VB_WH64_(w) ? (unsigned)VB_WH64_(w) : 1u)
#define VB_WBIT(w) (VB_WLEN_(w) > 24 ? ~(uint64_t)0 : (uint64_t)1 << (VB_WH(w) & 63))
/* a second and a third bit, from the hash's next six and the six after: a token must
 * find all three, tested one at a time (a list of forty words sets half of each filter's
 * bits, an eighth of all three; most tokens fail the first test alone) */
#define VB_WBIT2(w) (VB_WLEN_(w) > 24 ? ~(uint64_t)0 : (uint64_t)1 << ((VB_WH(w) >> 6) & 63))
#define VB_WBIT3(w) (VB_WLEN_(w) > 24 ? ~(uint64_t)0 : (uint64_t)1 << ((VB_WH(w) >> 12) & 63))
#define VB_NARG_(_1,_2,_3,_4,_5,_6,_7,_8,_9,_10,_11,_12,_13,_14,_15,_16,_17,_18,_19,_20,_21,_22,_23,_24,_25,_26,_27,_28,_29,_30,_31,_32,_33,_34,_35,_36,_37,_38,_39,_40,_41,_42,_43,_44,_45,_46,_47,_48,_49,_50,_51,_52,_53,_54,_55,_56,_57,_58,_59,_60,_61,_62,_63,_64,_65,_66,_67,_68,_69,_70,_71,_72,_73,_74,_75,_76,_77,_78,_79,_80, n, ...) n
#define VB_NARG(...) VB_NARG_(__VA_ARGS__, 80,79,78,77,76,75,74,73,72,71,70,69,68,67,66,65,64,63,62,61,60,59,58,57,56,55,54,53,52,51,50,49,48,47,46,45,44,43,42,41,40,39,38,37,36,35,34,33,32,31,30,29,28,27,26,25,24,23,22,21,20,19,18,17,16,15,14,13,12,11,10,9,8,7,6,5,4,3,2,1, 0)
#define VB_CAT_(a, b) a##b
#define VB_CAT(a, b) VB_CAT_(a, b)
/* the words' bits, OR-ed (VB_FL_n), and their hashes, a list (VB_HL_n) */
#define VB_FL_1(a) VB_WBIT(a)
#define VB_HL_1(a) VB_WH(a)
#define VB_FL_2(a, ...) (VB_WBIT(a) | VB_FL_1(__VA_ARGS__))
#define VB_HL_2(a, ...) VB_WH(a), VB_HL_1(__VA_ARGS__)
#define VB_FL_3(a, ...) (VB_WBIT(a) | VB_FL_2(__VA_ARGS__))
#define VB_HL_3(a, ...) VB_WH(a), VB_HL_2(__VA_ARGS__)
#define VB_FL_4(a, ...) (VB_WBIT(a) | VB_FL_3(__VA_ARGS__))
#define VB_HL_4(a, ...) VB_WH(a), VB_HL_3(__VA_ARGS__)
#define VB_FL_5(a, ...) (VB_WBIT(a) | VB_FL_4(__VA_ARGS__))
#define VB_HL_5(a, ...) VB_WH(a), VB_HL_4(__VA_ARGS__)
#define VB_FL_6(a, ...) (VB_WBIT(a) | VB_FL_5(__VA_ARGS__))
#define VB_HL_6(a, ...) VB_WH(a), VB_HL_5(__VA_ARGS__)
#define VB_FL_7(a, ...) (VB_WBIT(a) | VB_FL_6(__VA_ARGS__))
#define VB_HL_7(a, ...) VB_WH(a), VB_HL_6(__VA_ARGS__)
#define VB_FL_8(a, ...) (VB_WBIT(a) | VB_FL_7(__VA_ARGS__))
#define VB_HL_8(a, ...) VB_WH(a), VB_HL_7(__VA_ARGS__)
#define VB_FL_9(a, ...) (VB_WBIT(a) | VB_FL_8(__VA_ARGS__))
#define VB_HL_9(a, ...) VB_WH(a), VB_HL_8(__VA_ARGS__)
#define VB_FL_10(a, ...) (VB_WBIT(a) | VB_FL_9(__VA_ARGS__))
#define VB_HL_10(a, ...) VB_WH(a), VB_HL_9(__VA_ARGS__)
#define VB_FL_11(a, ...) (VB_WBIT(a) | VB_FL_10(__VA_ARGS__))
#define VB_HL_11(a, ...) VB_WH(a), VB_HL_10(__VA_ARGS__)
#define VB_FL_12(a, ...) (VB_WBIT(a) | VB_FL_11(__VA_ARGS__))
#define VB_HL_12(a, ...) VB_WH(a), VB_HL_11(__VA_ARGS__)
#define VB_FL_13(a, ...) (VB_WBIT(a) | VB_FL_12(__VA_ARGS__))
#define VB_HL_13(a, ...) VB_WH(a), VB_HL_12(__VA_ARGS__)
#define VB_FL_14(a, ...) (VB_WBIT(a) | VB_FL_13(__VA_ARGS__))
#define VB_HL_14(a, ...) VB_WH(a), VB_HL_13(__VA_ARGS__)
#define VB_FL_15(a, ...) (VB_WBIT(a) | VB_FL_14(__VA_ARGS__))
#define VB_HL_15(a, ...) VB_WH(a), VB_HL_14(__VA_ARGS__)
#define VB_FL_16(a, ...) (VB_WBIT(a) | VB_FL_15(__VA_ARGS__))
#define VB_HL_16(a, ...) VB_WH(a), VB_HL_15(__VA_ARGS__)
#define VB_FL_17(a, ...) (VB_WBIT(a) | VB_FL_16(__VA_ARGS__))
#define VB_HL_17(a, ...) VB_WH(a), VB_HL_16(__VA_ARGS__)
#define VB_FL_18(a, ...) (VB_WBIT(a) | VB_FL_17(__VA_ARGS__))
#define VB_HL_18(a, ...) VB_WH(a), VB_HL_17(__VA_ARGS__)
#define VB_FL_19(a, ...) (VB_WBIT(a) | VB_FL_18(__VA_ARGS__))
#define VB_HL_19(a, ...) VB_WH(a), VB_HL_18(__VA_ARGS__)
#define VB_FL_20(a, ...) (VB_WBIT(a) | VB_FL_19(__VA_ARGS__))
#define VB_HL_20(a, ...) VB_WH(a), VB_HL_19(__VA_ARGS__)
#define VB_FL_21(a, ...) (VB_WBIT(a) | VB_FL_20(__VA_ARGS__))
#define VB_HL_21(a, ...) VB_WH(a), VB_HL_20(__VA_ARGS__)
#define VB_FL_22(a, ...) (VB_WBIT(a) | VB_FL_21(__VA_ARGS__))
#define VB_HL_22(a, ...) VB_WH(a), VB_HL_21(__VA_ARGS__)
#define VB_FL_23(a, ...) (VB_WBIT(a) | VB_FL_22(__VA_ARGS__))
#define VB_HL_23(a, ...) VB_WH(a), VB_HL_22(__VA_ARGS__)
#define VB_FL_24(a, ...) (VB_WBIT(a) | VB_FL_23(__VA_ARGS__))
#define VB_HL_24(a, ...) VB_WH(a), VB_HL_23(__VA_ARGS__)
#define VB_FL_25(a, ...) (VB_WBIT(a) | VB_FL_24(__VA_ARGS__))
#define VB_HL_25(a, ...) VB_WH(a), VB_HL_24(__VA_ARGS__)
#define VB_FL_26(a, ...) (VB_WBIT(a) | VB_FL_25(__VA_ARGS__))
#define VB_HL_26(a, ...) VB_WH(a), VB_HL_25(__VA_ARGS__)
#define VB_FL_27(a, ...) (VB_WBIT(a) | VB_FL_26(__VA_ARGS__))
#define VB_HL_27(a, ...) VB_WH(a), VB_HL_26(__VA_ARGS__)
#define VB_FL_28(a, ...) (VB_WBIT(a) | VB_FL_27(__VA_ARGS__))
#define VB_HL_28(a, ...) VB_WH(a), VB_HL_27(__VA_ARGS__)
#define VB_FL_29(a, ...) (VB_WBIT(a) | VB_FL_28(__VA_ARGS__))
#define VB_HL_29(a, ...) VB_WH(a), VB_HL_28(__VA_ARGS__)
#define VB_FL_30(a, ...) (VB_WBIT(a) | VB_FL_29(__VA_ARGS__))
#define VB_HL_30(a, ...) VB_WH(a), VB_HL_29(__VA_ARGS__)
#define VB_FL_31(a, ...) (VB_WBIT(a) | VB_FL_30(__VA_ARGS__))
#define VB_HL_31(a, ...) VB_WH(a), VB_HL_30(__VA_ARGS__)
#define VB_FL_32(a, ...) (VB_WBIT(a) | VB_FL_31(__VA_ARGS__))
#define VB_HL_32(a, ...) VB_WH(a), VB_HL_31(__VA_ARGS__)
#define VB_FL_33(a, ...) (VB_WBIT(a) | VB_FL_32(__VA_ARGS__))
#define VB_HL_33(a, ...) VB_WH(a), VB_HL_32(__VA_ARGS__)
#define VB_FL_34(a, ...) (VB_WBIT(a) | VB_FL_33(__VA_ARGS__))
#define VB_HL_34(a, ...) VB_WH(a), VB_HL_33(__VA_ARGS__)
#define VB_FL_35(a, ...) (VB_WBIT(a) | VB_FL_34(__VA_ARGS__))
#define VB_HL_35(a, ...) VB_WH(a), VB_HL_34(__VA_ARGS__)
#define VB_FL_36(a, ...) (VB_WBIT(a) | VB_FL_35(__VA_ARGS__))
#define VB_HL_36(a, ...) VB_WH(a), VB_HL_35(__VA_ARGS__)
#define VB_FL_37(a, ...) (VB_WBIT(a) | VB_FL_36(__VA_ARGS__))
#define VB_HL_37(a, ...) VB_WH(a), VB_HL_36(__VA_ARGS__)
#define VB_FL_38(a, ...) (VB_WBIT(a) | VB_FL_37(__VA_ARGS__))
#define VB_HL_38(a, ...) VB_WH(a), VB_HL_37(__VA_ARGS__)
#define VB_FL_39(a, ...) (VB_WBIT(a) | VB_FL_38(__VA_ARGS__))
#define VB_HL_39(a, ...) VB_WH(a), VB_HL_38(__VA_ARGS__)
#define VB_FL_40(a, ...) (VB_WBIT(a) | VB_FL_39(__VA_ARGS__))
#define VB_HL_40(a, ...) VB_WH(a), VB_HL_39(__VA_ARGS__)
#define VB_FL_41(a, ...) (VB_WBIT(a) | VB_FL_40(__VA_ARGS__))
#define VB_HL_41(a, ...) VB_WH(a), VB_HL_40(__VA_ARGS__)
#define VB_FL_42(a, ...) (VB_WBIT(a) | VB_FL_41(__VA_ARGS__))
#define VB_HL_42(a, ...) VB_WH(a), VB_HL_41(__VA_ARGS__)
#define VB_FL_43(a, ...) (VB_WBIT(a) | VB_FL_42(__VA_ARGS__))
#define VB_HL_43(a, ...) VB_WH(a), VB_HL_42(__VA_ARGS__)
#define VB_FL_44(a, ...) (VB_WBIT(a) | VB_FL_43(__VA_ARGS__))
#define VB_HL_44(a, ...) VB_WH(a), VB_HL_43(__VA_ARGS__)
#define VB_FL_45(a, ...) (VB_WBIT(a) | VB_FL_44(__VA_ARGS__))
#define VB_HL_45(a, ...) VB_WH(a), VB_HL_44(__VA_ARGS__)
#define VB_FL_46(a, ...) (VB_WBIT(a) | VB_FL_45(__VA_ARGS__))
#define VB_HL_46(a, ...) VB_WH(a), VB_HL_45(__VA_ARGS__)
#define VB_FL_47(a, ...) (VB_WBIT(a) | VB_FL_46(__VA_ARGS__))
#define VB_HL_47(a, ...) VB_WH(a), VB_HL_46(__VA_ARGS__)
#define VB_FL_48(a, ...) (VB_WBIT(a) | VB_FL_47(__VA_ARGS__))
#define VB_HL_48(a, ...) VB_WH(a), VB_HL_47(__VA_ARGS__)
#define VB_FL_49(a, ...) (VB_WBIT(a) | VB_FL_48(__VA_ARGS__))
#define VB_HL_49(a, ...) VB_WH(a), VB_HL_48(__VA_ARGS__)
#define VB_FL_50(a, ...) (VB_WBIT(a) | VB_FL_49(__VA_ARGS__))
#define VB_HL_50(a, ...) VB_WH(a), VB_HL_49(__VA_ARGS__)
#define VB_FL_51(a, ...) (VB_WBIT(a) | VB_FL_50(__VA_ARGS__))
#define VB_HL_51(a, ...) VB_WH(a), VB_HL_50(__VA_ARGS__)
#define VB_FL_52(a, ...) (VB_WBIT(a) | VB_FL_51(__VA_ARGS__))
#define VB_HL_52(a, ...) VB_WH(a), VB_HL_51(__VA_ARGS__)
#define VB_FL_53(a, ...) (VB_WBIT(a) | VB_FL_52(__VA_ARGS__))
#define VB_HL_53(a, ...) VB_WH(a), VB_HL_52(__VA_ARGS__)
#define VB_FL_54(a, ...) (VB_WBIT(a) | VB_FL_53(__VA_ARGS__))
#define VB_HL_54(a, ...) VB_WH(a), VB_HL_53(__VA_ARGS__)
#define VB_FL_55(a, ...) (VB_WBIT(a) | VB_FL_54(__VA_ARGS__))
#define VB_HL_55(a, ...) VB_WH(a), VB_HL_54(__VA_ARGS__)
#define VB_FL_56(a, ...) (VB_WBIT(a) | VB_FL_55(__VA_ARGS__))
#define VB_HL_56(a, ...) VB_WH(a), VB_HL_55(__VA_ARGS__)
#define VB_FL_57(a, ...) (VB_WBIT(a) | VB_FL_56(__VA_ARGS__))
#define VB_HL_57(a, ...) VB_WH(a), VB_HL_56(__VA_ARGS__)
#define VB_FL_58(a, ...) (VB_WBIT(a) | VB_FL_57(__VA_ARGS__))
#define VB_HL_58(a, ...) VB_WH(a), VB_HL_57(__VA_ARGS__)
#define VB_FL_59(a, ...) (VB_WBIT(a) | VB_FL_58(__VA_ARGS__))
#define VB_HL_59(a, ...) VB_WH(a), VB_HL_58(__VA_ARGS__)
#define VB_FL_60(a, ...) (VB_WBIT(a) | VB_FL_59(__VA_ARGS__))
#define VB_HL_60(a, ...) VB_WH(a), VB_HL_59(__VA_ARGS__)
#define VB_FL_61(a, ...) (VB_WBIT(a) | VB_FL_60(__VA_ARGS__))
#define VB_HL_61(a, ...) VB_WH(a), VB_HL_60(__VA_ARGS__)
#define VB_FL_62(a, ...) (VB_WBIT(a) | VB_FL_61(__VA_ARGS__))
#define VB_HL_62(a, ...) VB_WH(a), VB_HL_61(__VA_ARGS__)
#define VB_FL_63(a, ...) (VB_WBIT(a) | VB_FL_62(__VA_ARGS__))
#define VB_HL_63(a, ...) VB_WH(a), VB_HL_62(__VA_ARGS__)
#define VB_FL_64(a, ...) (VB_WBIT(a) | VB_FL_63(__VA_ARGS__))
#define VB_HL_64(a, ...) VB_WH(a), VB_HL_63(__VA_ARGS__)
#define VB_FL_65(a, ...) (VB_WBIT(a) | VB_FL_64(__VA_ARGS__))
#define VB_HL_65(a, ...) VB_WH(a), VB_HL_64(__VA_ARGS__)
#define VB_FL_66(a, ...) (VB_WBIT(a) | VB_FL_65(__VA_ARGS__))
#define VB_HL_66(a, ...) VB_WH(a), VB_HL_65(__VA_ARGS__)
#define VB_FL_67(a, ...) (VB_WBIT(a) | VB_FL_66(__VA_ARGS__))
#define VB_HL_67(a, ...) VB_WH(a), VB_HL_66(__VA_ARGS__)
#define VB_FL_68(a, ...) (VB_WBIT(a) | VB_FL_67(__VA_ARGS__))
#define VB_HL_68(a, ...) VB_WH(a), VB_HL_67(__VA_ARGS__)
#define VB_FL_69(a, ...) (VB_WBIT(a) | VB_FL_68(__VA_ARGS__))
#define VB_HL_69(a, ...) VB_WH(a), VB_HL_68(__VA_ARGS__)
#define VB_FL_70(a, ...) (VB_WBIT(a) | VB_FL_69(__VA_ARGS__))
#define VB_HL_70(a, ...) VB_WH(a), VB_HL_69(__VA_ARGS__)
#define VB_FL_71(a, ...) (VB_WBIT(a) | VB_FL_70(__VA_ARGS__))
#define VB_HL_71(a, ...) VB_WH(a), VB_HL_70(__VA_ARGS__)
#define VB_FL_72(a, ...) (VB_WBIT(a) | VB_FL_71(__VA_ARGS__))
#define VB_HL_72(a, ...) VB_WH(a), VB_HL_71(__VA_ARGS__)
#define VB_FL_73(a, ...) (VB_WBIT(a) | VB_FL_72(__VA_ARGS__))
#define VB_HL_73(a, ...) VB_WH(a), VB_HL_72(__VA_ARGS__)
#define VB_FL_74(a, ...) (VB_WBIT(a) | VB_FL_73(__VA_ARGS__))
#define VB_HL_74(a, ...) VB_WH(a), VB_HL_73(__VA_ARGS__)
#define VB_FL_75(a, ...) (VB_WBIT(a) | VB_FL_74(__VA_ARGS__))
#define VB_HL_75(a, ...) VB_WH(a), VB_HL_74(__VA_ARGS__)
#define VB_FL_76(a, ...) (VB_WBIT(a) | VB_FL_75(__VA_ARGS__))
#define VB_HL_76(a, ...) VB_WH(a), VB_HL_75(__VA_ARGS__)
#define VB_FL_77(a, ...) (VB_WBIT(a) | VB_FL_76(__VA_ARGS__))
#define VB_HL_77(a, ...) VB_WH(a), VB_HL_76(__VA_ARGS__)
#define VB_FL_78(a, ...) (VB_WBIT(a) | VB_FL_77(__VA_ARGS__))
#define VB_HL_78(a, ...) VB_WH(a), VB_HL_77(__VA_ARGS__)
#define VB_FL_79(a, ...) (VB_WBIT(a) | VB_FL_78(__VA_ARGS__))
#define VB_HL_79(a, ...) VB_WH(a), VB_HL_78(__VA_ARGS__)
#define VB_FL_80(a, ...) (VB_WBIT(a) | VB_FL_79(__VA_ARGS__))
#define VB_HL_80(a, ...) VB_WH(a), VB_HL_79(__VA_ARGS__)
#define VB_F2_1(a) VB_WBIT2(a)
#define VB_F2_2(a, ...) (VB_WBIT2(a) | VB_F2_1(__VA_ARGS__))
#define VB_F2_3(a, ...) (VB_WBIT2(a) | VB_F2_2(__VA_ARGS__))
#define VB_F2_4(a, ...) (VB_WBIT2(a) | VB_F2_3(__VA_ARGS__))
#define VB_F2_5(a, ...) (VB_WBIT2(a) | VB_F2_4(__VA_ARGS__))
#define VB_F2_6(a, ...) (VB_WBIT2(a) | VB_F2_5(__VA_ARGS__))
#define VB_F2_7(a, ...) (VB_WBIT2(a) | VB_F2_6(__VA_ARGS__))
#define VB_F2_8(a, ...) (VB_WBIT2(a) | VB_F2_7(__VA_ARGS__))
#define VB_F2_9(a, ...) (VB_WBIT2(a) | VB_F2_8(__VA_ARGS__))
#define VB_F2_10(a, ...) (VB_WBIT2(a) | VB_F2_9(__VA_ARGS__))
#define VB_F2_11(a, ...) (VB_WBIT2(a) | VB_F2_10(__VA_ARGS__))
#define VB_F2_12(a, ...) (VB_WBIT2(a) | VB_F2_11(__VA_ARGS__))
#define VB_F2_13(a, ...) (VB_WBIT2(a) | VB_F2_12(__VA_ARGS__))
#define VB_F2_14(a, ...) (VB_WBIT2(a) | VB_F2_13(__VA_ARGS__))
#define VB_F2_15(a, ...) (VB_WBIT2(a) | VB_F2_14(__VA_ARGS__))
#define VB_F2_16(a, ...) (VB_WBIT2(a) | VB_F2_15(__VA_ARGS__))
#define VB_F2_17(a, ...) (VB_WBIT2(a) | VB_F2_16(__VA_ARGS__))
#define VB_F2_18(a, ...) (VB_WBIT2(a) | VB_F2_17(__VA_ARGS__))
#define VB_F2_19(a, ...) (VB_WBIT2(a) | VB_F2_18(__VA_ARGS__))
#define VB_F2_20(a, ...) (VB_WBIT2(a) | VB_F2_19(__VA_ARGS__))
#define VB_F2_21(a, ...) (VB_WBIT2(a) | VB_F2_20(__VA_ARGS__))
#define VB_F2_22(a, ...) (VB_WBIT2(a) | VB_F2_21(__VA_ARGS__))
#define VB_F2_23(a, ...) (VB_WBIT2(a) | VB_F2_22(__VA_ARGS__))
#define VB_F2_24(a, ...) (VB_WBIT2(a) | VB_F2_23(__VA_ARGS__))
#define VB_F2_25(a, ...) (VB_WBIT2(a) | VB_F2_24(__VA_ARGS__))
#define VB_F2_26(a, ...) (VB_WBIT2(a) | VB_F2_25(__VA_ARGS__))
#define VB_F2_27(a, ...) (VB_WBIT2(a) | VB_F2_26(__VA_ARGS__))
#define VB_F2_28(a, ...) (VB_WBIT2(a) | VB_F2_27(__VA_ARGS__))
#define VB_F2_29(a, ...) (VB_WBIT2(a) | VB_F2_28(__VA_ARGS__))
#define VB_F2_30(a, ...) (VB_WBIT2(a) | VB_F2_29(__VA_ARGS__))
#define VB_F2_31(a, ...) (VB_WBIT2(a) | VB_F2_30(__VA_ARGS__))
#define VB_F2_32(a, ...) (VB_WBIT2(a) | VB_F2_31(__VA_ARGS__))
#define VB_F2_33(a, ...) (VB_WBIT2(a) | VB_F2_32(__VA_ARGS__))
#define VB_F2_34(a, ...) (VB_WBIT2(a) | VB_F2_33(__VA_ARGS__))
#define VB_F2_35(a, ...) (VB_WBIT2(a) | VB_F2_34(__VA_ARGS__))
#define VB_F2_36(a, ...) (VB_WBIT2(a) | VB_F2_35(__VA_ARGS__))
#define VB_F2_37(a, ...) (VB_WBIT2(a) | VB_F2_36(__VA_ARGS__))
#define VB_F2_38(a, ...) (VB_WBIT2(a) | VB_F2_37(__VA_ARGS__))
#define VB_F2_39(a, ...) (VB_WBIT2(a) | VB_F2_38(__VA_ARGS__))
#define VB_F2_40(a, ...) (VB_WBIT2(a) | VB_F2_39(__VA_ARGS__))
#define VB_F2_41(a, ...) (VB_WBIT2(a) | VB_F2_40(__VA_ARGS__))
#define VB_F2_42(a, ...) (VB_WBIT2(a) | VB_F2_41(__VA_ARGS__))
#define VB_F2_43(a, ...) (VB_WBIT2(a) | VB_F2_42(__VA_ARGS__))
#define VB_F2_44(a, ...) (VB_WBIT2(a) | VB_F2_43(__VA_ARGS__))
#define VB_F2_45(a, ...) (VB_WBIT2(a) | VB_F2_44(__VA_ARGS__))
#define VB_F2_46(a, ...) (VB_WBIT2(a) | VB_F2_45(__VA_ARGS__))
#define VB_F2_47(a, ...) (VB_WBIT2(a) | VB_F2_46(__VA_ARGS__))
#define VB_F2_48(a, ...) (VB_WBIT2(a) | VB_F2_47(__VA_ARGS__))
#define VB_F2_49(a, ...) (VB_WBIT2(a) | VB_F2_48(__VA_ARGS__))
#define VB_F2_50(a, ...) (VB_WBIT2(a) | VB_F2_49(__VA_ARGS__))
#define VB_F2_51(a, ...) (VB_WBIT2(a) | VB_F2_50(__VA_ARGS__))
#define VB_F2_52(a, ...) (VB_WBIT2(a) | VB_F2_51(__VA_ARGS__))
#define VB_F2_53(a, ...) (VB_WBIT2(a) | VB_F2_52(__VA_ARGS__))
#define VB_F2_54(a, ...) (VB_WBIT2(a) | VB_F2_53(__VA_ARGS__))
#define VB_F2_55(a, ...) (VB_WBIT2(a) | VB_F2_54(__VA_ARGS__))
#define VB_F2_56(a, ...) (VB_WBIT2(a) | VB_F2_55(__VA_ARGS__))
#define VB_F2_57(a, ...) (VB_WBIT2(a) | VB_F2_56(__VA_ARGS__))
#define VB_F2_58(a, ...) (VB_WBIT2(a) | VB_F2_57(__VA_ARGS__))
#define VB_F2_59(a, ...) (VB_WBIT2(a) | VB_F2_58(__VA_ARGS__))
#define VB_F2_60(a, ...) (VB_WBIT2(a) | VB_F2_59(__VA_ARGS__))
#define VB_F2_61(a, ...) (VB_WBIT2(a) | VB_F2_60(__VA_ARGS__))
#define VB_F2_62(a, ...) (VB_WBIT2(a) | VB_F2_61(__VA_ARGS__))
#define VB_F2_63(a, ...) (VB_WBIT2(a) | VB_F2_62(__VA_ARGS__))
#define VB_F2_64(a, ...) (VB_WBIT2(a) | VB_F2_63(__VA_ARGS__))
#define VB_F2_65(a, ...) (VB_WBIT2(a) | VB_F2_64(__VA_ARGS__))
#define VB_F2_66(a, ...) (VB_WBIT2(a) | VB_F2_65(__VA_ARGS__))
#define VB_F2_67(a, ...) (VB_WBIT2(a) | VB_F2_66(__VA_ARGS__))
#define VB_F2_68(a, ...) (VB_WBIT2(a) | VB_F2_67(__VA_ARGS__))
#define VB_F2_69(a, ...) (VB_WBIT2(a) | VB_F2_68(__VA_ARGS__))
#define VB_F2_70(a, ...) (VB_WBIT2(a) | VB_F2_69(__VA_ARGS__))
#define VB_F2_71(a, ...) (VB_WBIT2(a) | VB_F2_70(__VA_ARGS__))
#define VB_F2_72(a, ...) (VB_WBIT2(a) | VB_F2_71(__VA_ARGS__))
#define VB_F2_73(a, ...) (VB_WBIT2(a) | VB_F2_72(__VA_ARGS__))
#define VB_F2_74(a, ...) (VB_WBIT2(a) | VB_F2_73(__VA_ARGS__))
#define VB_F2_75(a, ...) (VB_WBIT2(a) | VB_F2_74(__VA_ARGS__))
#define VB_F2_76(a, ...) (VB_WBIT2(a) | VB_F2_75(__VA_ARGS__))
#define VB_F2_77(a, ...) (VB_WBIT2(a) | VB_F2_76(__VA_ARGS__))
#define VB_F2_78(a, ...) (VB_WBIT2(a) | VB_F2_77(__VA_ARGS__))
#define VB_F2_79(a, ...) (VB_WBIT2(a) | VB_F2_78(__VA_ARGS__))
#define VB_F2_80(a, ...) (VB_WBIT2(a) | VB_F2_79(__VA_ARGS__))
#define VB_F3_1(a) VB_WBIT3(a)
#define VB_F3_2(a, ...) (VB_WBIT3(a) | VB_F3_1(__VA_ARGS__))
#define VB_F3_3(a, ...) (VB_WBIT3(a) | VB_F3_2(__VA_ARGS__))
#define VB_F3_4(a, ...) (VB_WBIT3(a) | VB_F3_3(__VA_ARGS__))
#define VB_F3_5(a, ...) (VB_WBIT3(a) | VB_F3_4(__VA_ARGS__))
#define VB_F3_6(a, ...) (VB_WBIT3(a) | VB_F3_5(__VA_ARGS__))
#define VB_F3_7(a, ...) (VB_WBIT3(a) | VB_F3_6(__VA_ARGS__))
#define VB_F3_8(a, ...) (VB_WBIT3(a) | VB_F3_7(__VA_ARGS__))
#define VB_F3_9(a, ...) (VB_WBIT3(a) | VB_F3_8(__VA_ARGS__))
#define VB_F3_10(a, ...) (VB_WBIT3(a) | VB_F3_9(__VA_ARGS__))
#define VB_F3_11(a, ...) (VB_WBIT3(a) | VB_F3_10(__VA_ARGS__))
#define VB_F3_12(a, ...) (VB_WBIT3(a) | VB_F3_11(__VA_ARGS__))
#define VB_F3_13(a, ...) (VB_WBIT3(a) | VB_F3_12(__VA_ARGS__))
#define VB_F3_14(a, ...) (VB_WBIT3(a) | VB_F3_13(__VA_ARGS__))
#define VB_F3_15(a, ...) (VB_WBIT3(a) | VB_F3_14(__VA_ARGS__))
#define VB_F3_16(a, ...) (VB_WBIT3(a) | VB_F3_15(__VA_ARGS__))
#define VB_F3_17(a, ...) (VB_WBIT3(a) | VB_F3_16(__VA_ARGS__))
#define VB_F3_18(a, ...) (VB_WBIT3(a) | VB_F3_17(__VA_ARGS__))
#define VB_F3_19(a, ...) (VB_WBIT3(a) | VB_F3_18(__VA_ARGS__))
#define VB_F3_20(a, ...) (VB_WBIT3(a) | VB_F3_19(__VA_ARGS__))
#define VB_F3_21(a, ...) (VB_WBIT3(a) | VB_F3_20(__VA_ARGS__))
#define VB_F3_22(a, ...) (VB_WBIT3(a) | VB_F3_21(__VA_ARGS__))
#define VB_F3_23(a, ...) (VB_WBIT3(a) | VB_F3_22(__VA_ARGS__))
#define VB_F3_24(a, ...) (VB_WBIT3(a) | VB_F3_23(__VA_ARGS__))
#define VB_F3_25(a, ...) (VB_WBIT3(a) | VB_F3_24(__VA_ARGS__))
#define VB_F3_26(a, ...) (VB_WBIT3(a) | VB_F3_25(__VA_ARGS__))
#define VB_F3_27(a, ...) (VB_WBIT3(a) | VB_F3_26(__VA_ARGS__))
#define VB_F3_28(a, ...) (VB_WBIT3(a) | VB_F3_27(__VA_ARGS__))
#define VB_F3_29(a, ...) (VB_WBIT3(a) | VB_F3_28(__VA_ARGS__))
#define VB_F3_30(a, ...) (VB_WBIT3(a) | VB_F3_29(__VA_ARGS__))
#define VB_F3_31(a, ...) (VB_WBIT3(a) | VB_F3_30(__VA_ARGS__))
#define VB_F3_32(a, ...) (VB_WBIT3(a) | VB_F3_31(__VA_ARGS__))
#define VB_F3_33(a, ...) (VB_WBIT3(a) | VB_F3_32(__VA_ARGS__))
#define VB_F3_34(a, ...) (VB_WBIT3(a) | VB_F3_33(__VA_ARGS__))
#define VB_F3_35(a, ...) (VB_WBIT3(a) | VB_F3_34(__VA_ARGS__))
#define VB_F3_36(a, ...) (VB_WBIT3(a) | VB_F3_35(__VA_ARGS__))
#define VB_F3_37(a, ...) (VB_WBIT3(a) | VB_F3_36(__VA_ARGS__))
#define VB_F3_38(a, ...) (VB_WBIT3(a) | VB_F3_37(__VA_ARGS__))
#define VB_F3_39(a, ...) (VB_WBIT3(a) | VB_F3_38(__VA_ARGS__))
#define VB_F3_40(a, ...) (VB_WBIT3(a) | VB_F3_39(__VA_ARGS__))
#define VB_F3_41(a, ...) (VB_WBIT3(a) | VB_F3_40(__VA_ARGS__))
#define VB_F3_42(a, ...) (VB_WBIT3(a) | VB_F3_41(__VA_ARGS__))
#define VB_F3_43(a, ...) (VB_WBIT3(a) | VB_F3_42(__VA_ARGS__))
#define VB_F3_44(a, ...) (VB_WBIT3(a) | VB_F3_43(__VA_ARGS__))
#define VB_F3_45(a, ...) (VB_WBIT3(a) | VB_F3_44(__VA_ARGS__))
#define VB_F3_46(a, ...) (VB_WBIT3(a) | VB_F3_45(__VA_ARGS__))
#define VB_F3_47(a, ...) (VB_WBIT3(a) | VB_F3_46(__VA_ARGS__))
#define VB_F3_48(a, ...) (VB_WBIT3(a) | VB_F3_47(__VA_ARGS__))
#define VB_F3_49(a, ...) (VB_WBIT3(a) | VB_F3_48(__VA_ARGS__))
#define VB_F3_50(a, ...) (VB_WBIT3(a) | VB_F3_49(__VA_ARGS__))
#define VB_F3_51(a, ...) (VB_WBIT3(a) | VB_F3_50(__VA_ARGS__))
#define VB_F3_52(a, ...) (VB_WBIT3(a) | VB_F3_51(__VA_ARGS__))
#define VB_F3_53(a, ...) (VB_WBIT3(a) | VB_F3_52(__VA_ARGS__))
#define VB_F3_54(a, ...) (VB_WBIT3(a) | VB_F3_53(__VA_ARGS__))
#define VB_F3_55(a, ...) (VB_WBIT3(a) | VB_F3_54(__VA_ARGS__))
#define VB_F3_56(a, ...) (VB_WBIT3(a) | VB_F3_55(__VA_ARGS__))
#define VB_F3_57(a, ...) (VB_WBIT3(a) | VB_F3_56(__VA_ARGS__))
#define VB_F3_58(a, ...) (VB_WBIT3(a) | VB_F3_57(__VA_ARGS__))
#define VB_F3_59(a, ...) (VB_WBIT3(a) | VB_F3_58(__VA_ARGS__))
#define VB_F3_60(a, ...) (VB_WBIT3(a) | VB_F3_59(__VA_ARGS__))
#define VB_F3_61(a, ...) (VB_WBIT3(a) | VB_F3_60(__VA_ARGS__))
#define VB_F3_62(a, ...) (VB_WBIT3(a) | VB_F3_61(__VA_ARGS__))
#define VB_F3_63(a, ...) (VB_WBIT3(a) | VB_F3_62(__VA_ARGS__))
#define VB_F3_64(a, ...) (VB_WBIT3(a) | VB_F3_63(__VA_ARGS__))
#define VB_F3_65(a, ...) (VB_WBIT3(a) | VB_F3_64(__VA_ARGS__))
#define VB_F3_66(a, ...) (VB_WBIT3(a) | VB_F3_65(__VA_ARGS__))
#define VB_F3_67(a, ...) (VB_WBIT3(a) | VB_F3_66(__VA_ARGS__))
#define VB_F3_68(a, ...) (VB_WBIT3(a) | VB_F3_67(__VA_ARGS__))
#define VB_F3_69(a, ...) (VB_WBIT3(a) | VB_F3_68(__VA_ARGS__))
#define VB_F3_70(a, ...) (VB_WBIT3(a) | VB_F3_69(__VA_ARGS__))
#define VB_F3_71(a, ...) (VB_WBIT3(a) | VB_F3_70(__VA_ARGS__))
#define VB_F3_72(a, ...) (VB_WBIT3(a) | VB_F3_71(__VA_ARGS__))
#define VB_F3_73(a, ...) (VB_WBIT3(a) | VB_F3_72(__VA_ARGS__))
#define VB_F3_74(a, ...) (VB_WBIT3(a) | VB_F3_73(__VA_ARGS__))
#define VB_F3_75(a, ...) (VB_WBIT3(a) | VB_F3_74(__VA_ARGS__))
#define VB_F3_76(a, ...) (VB_WBIT3(a) | VB_F3_75(__VA_ARGS__))
#define VB_F3_77(a, ...) (VB_WBIT3(a) | VB_F3_76(__VA_ARGS__))
#define VB_F3_78(a, ...) (VB_WBIT3(a) | VB_F3_77(__VA_ARGS__))
#define VB_F3_79(a, ...) (VB_WBIT3(a) | VB_F3_78(__VA_ARGS__))
#define VB_F3_80(a, ...) (VB_WBIT3(a) | VB_F3_79(__VA_ARGS__))
#define VB_WORDS(name, ...) \
  static const char *const name[] = {__VA_ARGS__, NULL}; \
  static const unsigned name##_h[] = {VB_CAT(VB_HL_, VB_NARG(__VA_ARGS__))(__VA_ARGS__)}; \
  static const uint64_t name##_fl = VB_CAT(VB_FL_, VB_NARG(__VA_ARGS__))(__VA_ARGS__); \
  static const uint64_t name##_fl2 = VB_CAT(VB_F2_, VB_NARG(__VA_ARGS__))(__VA_ARGS__); \
  static const uint64_t name##_fl3 = VB_CAT(VB_F3_, VB_NARG(__VA_ARGS__))(__VA_ARGS__)
#define words_in(X, k, name) word_in_fl(X, k, name, name##_h, name##_fl, name##_fl2, name##_fl3)
/* word_in for a VB_WORDS list: h its words' hashes, fl their bits */
static inline int word_in_fl(const ctx *X, size_t k, const char *const *w, const unsigned *h, uint64_t fl,
                             uint64_t fl2, uint64_t fl3) {
  unsigned th;
  if (!is_word(X, k)) return 0;
  th = TK(k)->hash;
  if (!((fl >> (th & 63)) & 1u) || !((fl2 >> ((th >> 6) & 63)) & 1u) || !((fl3 >> ((th >> 12) & 63)) & 1u)) return 0;
  for (int i = 0; w[i]; i++) if ((h[i] == th || !h[i]) && vb_tok_is(X->s, TK(k), w[i])) return 1;
  return 0;
}

static inline int is_adverb(const ctx *X, size_t k) {
  const vb_tok *t = TK(k);
  return (t->flags & VB_T_LOWER) && t->end - t->start > 4 && X->s[t->end - 2] == 'l' && X->s[t->end - 1] == 'y' &&
         !is_cue(X, k);
}

/* A speaker phrase: the words naming who speaks, around a cue. */
typedef struct np {
  size_t a, b;            /* the mention */
  int ok, rel;            /* rel: a relative pronoun (who) standing for the words at ra..rb */
  int named;              /* a source by its construction ("according to early returns"),
                           * though no word of it names one who speaks */
  size_t ra, rb;
} np;

/* ---------------------------------------------------------------- entities.c */
/* span maps, pronouns, entities and their mentions; pass 1 */
int vb_smap_get(const ctx *X, const smap *M, size_t a, size_t b, int fold);
void vb_smap_put(ctx *X, smap *M, size_t a, size_t b, int fold, int v);
/* The same with the span's hash (vb_span_hash) given: a name looked up in several maps,
 * or looked up and then put, is hashed once. */
unsigned vb_span_hash(const ctx *X, size_t a, size_t b);
int vb_smap_geth(const ctx *X, const smap *M, size_t a, size_t b, unsigned h, int fold);
void vb_smap_puth(ctx *X, smap *M, size_t a, size_t b, unsigned h, int fold, int v);
void vb_smap_free(smap *M);
int vb_pron_gender(const ctx *X, size_t k);
int vb_ent_new(ctx *X, vb_ekind kind, size_t a, size_t b);
int vb_has_org_word(const ctx *X, size_t a, size_t e);
const ment *vb_ment_search(const ctx *X, size_t k);
/* The mention covering token k: from the block index of pass 1 (mblk, made when the
 * mentions were all in), else by binary search (vb_ment_search). */
static inline const ment *vb_ment_at(const ctx *X, size_t k) {
  size_t lo;
  if ((k >> 3) >= X->mblk.n) return vb_ment_search(X, k);
  for (lo = X->mblk.v[k >> 3]; lo < X->m.n && X->m.v[lo].b < k; lo++) {}
  return lo < X->m.n && X->m.v[lo].a <= k ? &X->m.v[lo] : NULL;
}
int vb_name_apos(const ctx *X, size_t k);
int vb_opening_word(const ctx *X, size_t k, int ent);
int vb_resolve_pron(const ctx *X, size_t k, int g);
size_t vb_run_end(const ctx *X, size_t a);
void vb_set_org(ctx *X, int e, size_t a, size_t b);
void vb_pass_names(ctx *X);

/* ---------------------------------------------------------------- phrases.c */
/* speaker phrases around a cue, and the entity a phrase names */
np vb_cue_speaker(const ctx *X, size_t c, size_t lo, size_t hi, size_t sb);
/* the token after a dateline that opens the paragraph at k ("OSLE, Ohio — "), else k */
size_t vb_after_dateline(const ctx *X, size_t k, size_t c);
/* "Rush Limbaugh: the debate was rigged": the paragraph of sentence [sb, se) opens with a
 * label and a colon that name who speaks; the label's last token, else VB_NONE */
size_t vb_colon_label(const ctx *X, size_t sb, size_t se);
np vb_np_after(const ctx *X, size_t j, size_t hi);
np vb_np_before(const ctx *X, size_t c, size_t lo);
np vb_np_subject(const ctx *X, size_t sb, size_t c);
np vb_np_clause_subject(const ctx *X, size_t sb, size_t k);
int vb_resolve(ctx *X, np p);
/* pwords.c: k is a count after "of" after a lower-case word ("mother of three"); an age
 * ("17-year-old"); a word linking a sentence to the one before ("And", "But"); an adverb
 * or preposition opening a sentence before its subject ("Ahead of …,", "Soon after,") */
int vb_count_of(const ctx *X, size_t k);
int vb_age_word(const ctx *X, size_t k);
int vb_quant_conj(const ctx *X, size_t k);
int vb_lead_link(const ctx *X, size_t k);
int vb_opening_adverb(const ctx *X, size_t k);
/* a word naming people, a body or a document; a mention that can speak ("officials", "a
 * new poll", a name, a pronoun; not "the morning", "a chill") */
int vb_speaker_word(const ctx *X, size_t k);
int vb_speaker_phrase(const ctx *X, np p);
/* the same for a quote's speaker, stricter: a possessive pronoun speaks alone or as the
 * phrase's last word, not as the determiner of a noun that cannot speak */
int vb_quote_speaker_phrase(const ctx *X, np p);
int vb_role_prep(const ctx *X, size_t k);
/* pparticiple.c: the tests of a noun phrase r right before participle c that says it
 * ("a new poll showing"): the word before c may end it; where r starts (after its last
 * preposition); r speaks (o: the phrase before r's "of", else r); k names a document its
 * issuer sends ("issued a statement saying": the issuer speaks) */
int vb_part_head(const ctx *X, size_t sb, size_t c);
size_t vb_part_cut(const ctx *X, np r);
int vb_part_speaks(const ctx *X, size_t sb, np r, np o);
/* the subject of the clause "and"/"but" opens before participle c after its comma ("…,
 * and the union has sued …, saying"), ok 0 when none; and the token the walk back for
 * the participle's cue stops at (that subject, else sb) */
np vb_part_coordinated(const ctx *X, size_t sb, size_t c);
size_t vb_part_clause_start(const ctx *X, size_t sb, size_t c);
int vb_is_document(const ctx *X, size_t k);
int vb_place_prep(const ctx *X, size_t k);
/* pappos.c: the name that opens sentence sb, before a chain of asides that ends at the
 * comma before cue c ("Ada Brandt, facing a hard race in Osle, a swing county, said"),
 * is the cue's subject, not the phrase r read before the cue; else r */
np vb_appos_chain(const ctx *X, size_t sb, size_t c, np r);
/* pappos.c: the phrase r read before cue c sits in a modifier of the subject ("officials
 * who spoke with the Ledger said", "officials close to the mayor said"): the token the
 * subject's phrase ends before, else VB_NONE */
size_t vb_who_clause(const ctx *X, size_t sb, size_t c, np r);
size_t vb_example_start(const ctx *X, size_t r);   /* critics like Huffman · experts such as Lund */

/* ---------------------------------------------------------------- quotewords.c */
/* the shape of a quote's words (see quotewords.c) */
int vb_full_sentence(const char *s, const vb_quote *q);
int vb_title_case(const char *s, const vb_quote *q);
int vb_long_title(const char *s, const vb_quote *q);
int vb_slot_quote(const ctx *X, const vb_quote *q);
int vb_said_title(const ctx *X, const vb_quote *q, size_t k);
unsigned vb_quote_key(const char *s, const vb_quote *q, size_t *len);
int vb_same_words(const char *s, const vb_quote *a, const vb_quote *b);
int vb_ends_question(const char *s, const vb_quote *q);
/* the quote ends with a comma inside: its sentence goes on after it */
int vb_comma_end(const ctx *X, const vb_quote *q);
/* quote q at token k names a work (ABC’s “This Week,”; “…,” by Ana Cole), is a value in
 * markup or a subhead: no one says it, whatever cue is next to it */
int vb_names_work(const ctx *X, size_t k, const vb_quote *q);
int vb_single_word_mark(const ctx *X, const vb_quote *q);
int vb_named_label(const ctx *X, size_t sb, size_t k);
void vb_pair_twins(ctx *X, const char *rule);

/* ---------------------------------------------------------------- continuations.c */
/* uncued quotes that go on with the last speaker (r_cont) or, in a dialogue, the other
 * one (r_dialogue); qpara and qsb: each quote's paragraph and sentence start */
void vb_continuations(ctx *X, const size_t *qpara, const size_t *qsb, const char *r_cont, const char *r_dialogue);

/* ---------------------------------------------------------------- direct-quote rules */
/* The quote a rule reads: quote qi at token k, in the sentence of tokens [sb, se); j is
 * the first token after it (past a comma or dash), hi the next quote of the sentence or
 * its end; title is vb_title_case of the quote, -1 until a rule asks. */
/* The OR of the word classes wc[a .. b), four at a step (the loop's own steps were most
 * of its work) */
static inline unsigned vb_classes_of(const unsigned *wc, size_t a, size_t b) {
  unsigned w0 = 0, w1 = 0, w2 = 0, w3 = 0;
  for (; a + 4 <= b; a += 4) { w0 |= wc[a]; w1 |= wc[a + 1]; w2 |= wc[a + 2]; w3 |= wc[a + 3]; }
  for (; a < b; a++) w0 |= wc[a];
  return w0 | w1 | w2 | w3;
}

typedef struct shape {
  size_t qi, k, sb, se, j, hi;
  int title;
} shape;

/* What a rule found: the cue (VB_NONE for a signature or a colon) and the speaker; or,
 * for a speaker named inside the quote's own words (a transcript's turn label), the
 * label's bytes in lab (lab.start VB_NONE otherwise). */
typedef struct match {
  size_t c;
  np p;
  vb_span lab;
} match;

static inline int vb_found(match *m, size_t c, np p, int how) {
  m->c = c;
  m->p = p;
  m->lab = nospan;
  return how;
}

/* ---------------------------------------------------------------- dsource.c */
/* sources of a direct quote that its cue does not give (a label inside the quote), and
 * the tests that keep a cue near a quote from it */
/* after the phrase of an "according to" source, at token z, the sentence ends (by se, or
 * NT when se is VB_NONE) within a few words that hold no cue, quote or clause of their own */
int vb_source_closes(const ctx *X, size_t z, size_t se);
int vb_rule_turn_label(ctx *X, shape *S, match *m);
/* das.c: "As X put it, “…”": the one after the opener's "as" speaks */
int vb_rule_as_opener(ctx *X, shape *S, match *m);
/* the quote is inside the clause of a cue before it, so a cue after it is not its own */
int vb_reported_before(const ctx *X, const shape *S);
/* naming cue c (calls, describes) has a quote of its own as object, before hi */
int vb_names_later_quote(const ctx *X, size_t c, size_t hi);
/* the speaker of a quote after the colon at k1: the phrase before it, or the sentence's
 * subject when a preposition governs that phrase (an addressee, a topic) */
np vb_colon_speaker(const ctx *X, size_t k1, size_t sb);
/* the clause of cue c reaches token a: only its object's few words between them */
int vb_governs(const ctx *X, size_t c, size_t a);
/* the speaker of the earlier cue (from z0) whose clause holds cue *c's subject p, else p */
np vb_outer_report(const ctx *X, size_t z0, size_t *c, np p);

/* ---------------------------------------------------------------- attribution.c */
/* an attribution recorded; the cues a rule may use; pass 2 */
/* 0 (nothing recorded) when the phrase names no one who can speak */
int vb_attribute(ctx *X, size_t qi, size_t c, np p, double conf, const char *rule);
int vb_usable_cue(const ctx *X, size_t c);
int vb_base_subject(const ctx *X, size_t c);
/* the rule read its cue in the quote's own sentence, a cue that only brings the quote in
 * (not a continuation or a last resort; not a parenthetical "X, she said, Y", which
 * reports the whole sentence) */
int vb_rule_in_sentence(const char *rule);
void vb_pass_quotes(ctx *X);

/* ---------------------------------------------------------------- indirect.c */
void vb_find_indirect(ctx *X);

#endif
