/* check.h: the driver. Quotes of a draft against sources (files, folders, texts held
 * in memory, archive indexes) in two phases:
 *   1. candidates: every word trigram of every quote goes into one small hash table,
 *      and each source is scanned once, its trigrams probed against it (or the index's
 *      postings are looked up); hits are clustered per quote into passages;
 *   2. alignment: each quote is aligned against its few best passages, re-read from
 *      the source, and the best one gives the verdict, location, speaker and diff. */
#ifndef VB_CHECK_H
#define VB_CHECK_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "index.h"
#include "quotes.h"
#include "verdict.h"

typedef struct vb_src {
  char *name;                   /* reported name, and the path read when text is NULL */
  const char *text;             /* borrowed in-memory text, or NULL */
  size_t n;
} vb_src;

typedef struct vb_sources {
  VB_VEC(vb_src) v;
  VB_VEC(vb_index *) idx;       /* borrowed */
} vb_sources;

/* A file, or every file under a folder. 0 or -1 with err. */
int vb_sources_add_path(vb_sources *S, const char *path, vb_buf *err);
/* A text held by the caller for as long as S is used. 0 or -1 (memory). */
int vb_sources_add_text(vb_sources *S, const char *name, const char *text, size_t n);
int vb_sources_add_index(vb_sources *S, vb_index *x);
void vb_sources_free(vb_sources *S);

typedef struct vb_copts {
  int borrowed;                 /* report unquoted runs of at least this many source words; 0 off */
} vb_copts;

/* A diff piece: op '=' (in both), '+' (only the quote), '-' (only the source); its text
 * is arena[off .. off + len). */
typedef struct vb_dop {
  char op;
  size_t off, len;
} vb_dop;

typedef struct vb_cres {
  vb_verdict verdict;
  double score;
  int splice;                   /* parts from distant places, joined without an ellipsis */
  int has_source;
  size_t name, name_len;        /* source file name, in arena */
  size_t start, end;            /* byte span in that source */
  uint32_t line, col;
  int has_speaker;              /* the source marks who speaks there */
  size_t speaker, speaker_len;  /* in arena */
  int speaker_mismatch;         /* the draft names someone else */
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
} vb_checked;

/* Check the quotes qs found in s[0..n). speakers (NULL, or one name or NULL per quote)
 * are the speakers the draft attributes, compared with transcript turns. o may be NULL.
 * 0, or -1 with a message in err (an unreadable source, memory). */
int vb_check(const char *s, size_t n, const vb_quotes *qs, const char *const *speakers,
             const vb_sources *S, const vb_copts *o, vb_checked *out, vb_buf *err);
void vb_checked_free(vb_checked *c);

#endif
