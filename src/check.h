/* check.h: the quotes of drafts against the material (material.h: files, folders,
 * texts held in memory, archive indexes) in two stages:
 *   1. seeds (seeds.c): every two words next to each other in a quote, counted and
 *      found in all the material at once, by a scan of its texts or the index's
 *      postings alike; the rare ones cluster into candidate passages;
 *   2. passages (check.c): each quote aligned against its best candidates, re-read from
 *      the material; the evidence of each (verdict.h), whose turn it is (turns.h), and
 *      the material that can answer for the quote's speaker give the verdict, location,
 *      speaker and diff. */
#ifndef VB_CHECK_H
#define VB_CHECK_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "index.h"
#include "material.h"
#include "quotes.h"
#include "verdict.h"

typedef struct vb_copts {
  int borrowed;                 /* report unquoted runs of at least this many source words; 0 off */
  const vb_progress *progress;  /* NULL, or told after each file of the material scanned */
} vb_copts;

/* A diff piece: op '=' (in both), '+' (only the quote), '-' (only the source); its text
 * is arena[off .. off + len). */
typedef struct vb_dop {
  char op;
  int cleanup;                  /* a '-' the style guides let a quote drop (uh, a repeated word, a false start) */
  size_t off, len;
} vb_dop;

typedef struct vb_cres {
  vb_verdict verdict;
  double score;
  int splice;                   /* parts from distant places, joined without an ellipsis */
  int has_passage;              /* found in the material: the fields below say where */
  size_t name, name_len;        /* the file (or text) name, in arena */
  size_t start, end;            /* byte span in that text */
  uint32_t line, col;
  int has_speaker;              /* the text marks who speaks there (a transcript turn) */
  size_t speaker, speaker_len;  /* in arena */
  int speaker_mismatch;         /* the draft names someone else, and the words are only theirs */
  int quoted;                   /* found in another speaker's turn that reads the quote's speaker out */
  double confidence;            /* that the verdict is not chance: 1 / (1 + N 2^-evidence) */
  double evidence, needed;      /* bits of the passage (or, not found, of the whole quote); bits needed */
  size_t d0, nd;                /* diff pieces in vb_checked.d */
} vb_cres;

typedef struct vb_borrow {
  size_t start, end;            /* draft bytes */
  int words;
  size_t name, name_len;        /* in arena */
  size_t sstart, send;
  uint32_t line, col;
} vb_borrow;

typedef struct vb_checked {
  VB_VEC(vb_cres) r;            /* one per quote, in the order of qs */
  VB_VEC(vb_dop) d;
  VB_VEC(vb_borrow) b;
  vb_buf arena;
  size_t stale;                 /* passages read from indexed files that changed since */
  vb_buf warn;                  /* "NAME: warning: ..." lines: texts skipped (binary) or read as another encoding */
} vb_checked;

/* Check the quotes qs found in s[0..n). speakers (NULL, or one name or NULL per quote)
 * are the speakers the draft attributes, compared with transcript turns. o may be NULL.
 * 0, or -1 with a message in err (an unreadable file, memory). */
int vb_check(const char *s, size_t n, const vb_quotes *qs, const char *const *speakers,
             const vb_material *M, const vb_copts *o, vb_checked *out, vb_buf *err);
void vb_checked_free(vb_checked *c);

/* A draft to check: its text, the quotes found in it and their speakers (as vb_check). */
typedef struct vb_dtext {
  const char *s;
  size_t n;
  const vb_quotes *qs;
  const char *const *speakers;
} vb_dtext;
/* Many drafts in one pass over the sources (one set of index lookups): out[0..nd), one
 * vb_checked per draft, each as vb_check would give it alone. 0, or -1 with err. */
int vb_check_many(const vb_dtext *d, size_t nd, const vb_material *M, const vb_copts *o, vb_checked *out, vb_buf *err);

/* Result r of c as one line of words, the way every host shows an altered quote:
 * unchanged runs as they are (one of more than 60 bytes between two changes cut to its
 * ends around " … "), [-words the material has and the quote lacks-] and {+words the
 * quote has instead+}, pieces apart by one space, each piece at most 60 characters (an
 * ellipsis where cut), newlines and tabs as spaces. Appended to out (out->oom on
 * failure); nothing when r has no diff pieces. */
void vb_diff_line(const vb_checked *c, const vb_cres *r, vb_buf *out);

#endif
