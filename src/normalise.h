/* normalise.h: words for matching quotes against sources. Every word keeps the byte
 * span it came from, so a match in normalised words is a match in the original text.
 *
 * Folding: case, accents and compatibility forms (utf8proc), apostrophes inside a word
 * dropped (don't = don’t = dont), a word hyphenated across a line end joined (pro-\nposal
 * = proposal), a hyphen inside a line a word break that the later part remembers
 * (locker-room = locker room, VB_TF_HYPH), every other punctuation, dash and whitespace
 * a word break. */
#ifndef VB_NORMALISE_H
#define VB_NORMALISE_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

enum { VB_TW = 0, VB_TB = 1 };          /* a word; a writer's [insertion] (quotes only) */
enum {
  VB_TF_GAP = 1,                        /* an ellipsis stands before this item */
  VB_TF_EDIT = 2,                       /* the word holds a bracketed edit: [T]he */
  VB_TF_HYPH = 4,                       /* a hyphen joins it to the word before (room of locker-room) */
  VB_TF_LJOIN = 8                       /* joined across a hyphen at a line end (pro-\nposal) */
};

typedef struct vb_wtok {
  size_t start, end;                    /* byte span in the original text */
  uint64_t h;                           /* hash of the folded word (0 for brackets) */
  uint8_t kind, flags;
} vb_wtok;

typedef struct vb_wtoks {
  VB_VEC(vb_wtok) t;
  int marks;                            /* editorial marks seen: ellipses, brackets, [sic] */
  int gap_end;                          /* an ellipsis after the last item */
} vb_wtoks;

/* Append the words of s[0..n) to out (not cleared). With marks, read a quote's
 * editorial marks: … ... . . . are gaps, [x] an insertion, [sic] nothing, [T]he a word.
 * 0, or -1 when memory ran out. */
int vb_tokenize(const char *s, size_t n, int marks, vb_wtoks *out);
void vb_toks_free(vb_wtoks *t);

/* The hash the tokenizer would give the word made of the words a and b of s written
 * together (locker + room = lockerroom): the closed form of a compound. */
uint64_t vb_join_hash(const char *s, const vb_wtok *a, const vb_wtok *b);
/* For a contraction (I'm, we're, it's, they've, we'll, she'd, don't), the hash of the
 * word it contracts (i, we, it, they, we, she, do); else 0. */
uint64_t vb_stem_hash(const char *s, const vb_wtok *w);

/* The folded text: words joined by one space; map[i] is the byte of s that out byte i
 * came from (map has out->n + 1 entries, the last one n). 0 or -1 (memory). */
typedef VB_VEC(size_t) vb_offs;
int vb_normalise(const char *s, size_t n, vb_buf *out, vb_offs *map);

#endif
