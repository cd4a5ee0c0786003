/* tokens.h: words, punctuation, sentences and paragraphs on the text's byte offsets.
 * Given the quotes of the text, each quote is one atom token (VB_T_QUOTE) so that the
 * attribution stage sees "“…,” he said." as QUOTE , he said . whatever the quote holds. */
#ifndef VB_TOKENS_H
#define VB_TOKENS_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "quotes.h"

enum {
  VB_T_WORD = 1 << 0,    /* letters/digits, with inner ' ’ - . & */
  VB_T_PUNCT = 1 << 1,   /* one punctuation code point (or "..." / "--") */
  VB_T_QUOTE = 1 << 2,   /* a whole quotation from vb_quotes; q is its index */
  VB_T_CAP = 1 << 3,     /* word starting with an upper-case letter */
  VB_T_UPPER = 1 << 4,   /* word of two or more letters, all upper case (CIS) */
  VB_T_DIGIT = 1 << 5,   /* word starting with a digit */
  VB_T_POSS = 1 << 6,    /* word ends in 's or ’s (the possessive is part of the token) */
  VB_T_ABBR = 1 << 7,    /* word whose final period is part of it (Mr. U.S. Jan.) */
  VB_T_SENT = 1 << 8,    /* first token of a sentence */
  VB_T_PARA = 1 << 9,    /* first token of a paragraph */
  VB_T_QEND = 1 << 10,   /* quote whose words end a sentence (. ! ? before the mark) */
  VB_T_LOWER = 1 << 11,  /* word starting with a lower-case letter */
  VB_T_APOS = 1 << 12,   /* word with an inner apostrophe (it’s, O'Brien) */
};

/* 32 bytes: tokens are the bulk of the working set, so cue details live apart */
typedef struct vb_tok {
  size_t start, end;     /* bytes, end exclusive */
  unsigned flags;
  unsigned hash;         /* FNV-1a of the lower-cased word (ASCII folding), 0 for non-words */
  int q;                 /* quote index for VB_T_QUOTE, else -1 */
  int cue;               /* index in vb_tokens.cues of the cue starting here, else -1 */
} vb_tok;

typedef struct vb_cuehit {
  int id;                /* cue entry (see cues.h) */
  int len;               /* tokens the cue spans */
  unsigned flags;        /* VB_CUE_* */
  size_t end;            /* byte end of the cue */
  size_t at;             /* the token it starts at (whose .cue names this entry) */
} vb_cuehit;

typedef struct vb_tokens {
  VB_VEC(vb_tok) t;
  VB_VEC(unsigned) wc;   /* class of each token (vb_tokens_build_words), one 0 past the end */
  VB_VEC(vb_cuehit) cues;
  VB_VEC(size_t) sent;   /* index of each sentence's first token */
  VB_VEC(size_t) para;   /* index of each paragraph's first token */
  VB_VEC(size_t) quotes; /* index of each VB_T_QUOTE token */
  VB_VEC(size_t) listed; /* index of each word of a vb_words.listed class (not in wc) */
} vb_tokens;

/* A set of words and their classes (bit sets the owner defines: cues.h's VB_W_*),
 * looked up by the hash each word token carries. Open addressing, 16 bytes a slot so
 * that the table stays in the nearest caches. cues.c fills one from its lexicon. */
/* cls: classes 0..15, cls2: classes 16..23 (the slot stays 16 bytes) */
typedef struct vb_wslot { uint64_t first8; uint32_t hash; uint16_t cls; uint8_t len; uint8_t cls2; } vb_wslot;
typedef struct vb_words {
  vb_wslot *w;
  const char **wtext;          /* each slot's word (lower case), for words longer than eight bytes */
  uint64_t *next8;             /* each slot's bytes 8 to 15, folded as first8 (0 past the word) */
  size_t mask;
  unsigned listed;             /* classes kept out of vb_tokens.wc: their tokens go in .listed */
  unsigned char bits[8192];    /* one bit per 16-bit hash value: most words miss here, in L1 */
} vb_words;
/* The classes of word token t of s (0 when not listed); avail: bytes readable from t's start. */
unsigned vb_words_get(const vb_words *W, const char *s, const vb_tok *t, size_t avail);

/* Tokenize s[0..n). qs may be NULL (then quotation marks are punctuation tokens);
 * its quotes must be sorted and not overlap (top level), as vb_quotes_find gives them.
 * 0 on success, -1 when memory ran out. */
int vb_tokens_build(const char *s, size_t n, const vb_quotes *qs, vb_tokens *out);
/* The same, and each word looked up in W as it is made (out->wc): one walk less over the
 * tokens than classifying them afterwards. The words of W->listed's classes are listed
 * in out->listed, and those classes left out of out->wc. */
int vb_tokens_build_words(const char *s, size_t n, const vb_quotes *qs, const vb_words *W, vb_tokens *out);
/* Where a tokenizer stopped, so that a text can be cut into tokens a window at a time
 * (vb_tokens_more) with the same tokens and flags as in one go. */
typedef struct vb_tokstate {
  size_t i, qi;          /* next byte; next quote of qs */
  unsigned pending;      /* flags for the next token (a paragraph or sentence starts) */
  int ends, done;        /* the last token may end a sentence; the text is used up */
} vb_tokstate;
void vb_tokstate_init(vb_tokstate *st);
/* Append to out the tokens from st's place on, at most max of them (SIZE_MAX: all), and
 * advance st; st->done once the text is used up. Indices in out go on from its end. 0,
 * or -1 when memory ran out. */
int vb_tokens_more(const char *s, size_t n, const vb_quotes *qs, const vb_words *W, vb_tokstate *st, size_t max,
                   vb_tokens *out);
/* Drop the first k tokens: the rest move down, with their classes and the sentence,
 * paragraph, quote and listed-word lists; cues are cleared (a window marks its own). */
void vb_tokens_drop(vb_tokens *T, size_t k);
void vb_tokens_free(vb_tokens *T);
/* The cue starting at token k, or NULL. */
#define vb_tok_cue(T, k) ((T)->t.v[(k)].cue >= 0 ? &(T)->cues.v[(T)->t.v[(k)].cue] : (const vb_cuehit *)0)
/* Length of the word without its possessive 's (bytes). Inline: the rules ask it often
 * (tokens.c holds its external definition). */
inline size_t vb_tok_base_end(const char *s, const vb_tok *t) {
  if (!(t->flags & VB_T_POSS)) return t->end;
  if (t->end - t->start >= 2 && s[t->end - 2] == '\'') return t->end - 2;
  if (t->end - t->start >= 4) return t->end - 4;         /* ’s */
  return t->end;
}
/* 1 when the token is the ASCII word w (lower case), ignoring the token's case. Inline:
 * the rules call it often, mostly to reject at the first letter. */
static inline int vb_tok_is(const char *s, const vb_tok *t, const char *w) {
  size_t n = t->end - t->start, i;
#if defined(__GNUC__)
  /* a literal word's length is known when compiling: most tokens fail on it at once */
  if (__builtin_constant_p(__builtin_strlen(w)) && n != __builtin_strlen(w)) return 0;
#endif
  for (i = 0; i < n && w[i]; i++) {
    char c = s[t->start + i];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c != w[i]) return 0;
  }
  return i == n && !w[i];
}
unsigned vb_word_hash(const char *w, size_t n);
/* The same value, faster when avail >= 16 bytes can be read from w. */
unsigned vb_word_hash_fast(const char *w, size_t n, size_t avail);
/* The end of the run of ASCII letters and digits that starts at or after i, before n. */
size_t vb_alnum_run(const char *s, size_t i, size_t n);

#endif
