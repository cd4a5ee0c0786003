/* check_int.h: the state the checker's two stages share: seeds.c (the quotes' word pairs
 * counted and found in the material, candidate passages) and check.c (the passages
 * aligned and weighed, the verdict). Not an interface: the engine's own. */
#ifndef VB_CHECK_INT_H
#define VB_CHECK_INT_H
#include <stddef.h>
#include <stdint.h>
#include "check.h"
#include "material.h"
#include "normalise.h"
#include "verdict.h"

#define NCAND 128               /* passages kept per quote, at most */
#define NCAND_SURE 24           /* aligned always; more only while they tie with the best */
#define GRAM_CAP 4096           /* occurrences in all the material above which a gram seeds nothing */
#define QUOTE_HITS 4096         /* hits one quote takes, its rarest grams first */
#define WORD_BYTES 12           /* generous bytes per word, to size windows */
#define BLOOM_BITS 18
#define CHUNK 400               /* quote items aligned at once */
#define KWIN 8                  /* windows taken from one long chain of hits */

/* A hit: quote q's gram at qpos found in file `rank` (files ordered by name) at off. */
typedef struct hit { uint32_t q, qpos, rank; uint64_t off; int w; } hit;
typedef struct cand { uint32_t set, file; uint64_t lo, hi; int score; } cand;
typedef VB_VEC(hit) hitvec;

typedef struct cq {             /* a quote, or an unquoted stretch checked for borrowing */
  vb_wtoks t;
  uint64_t *qj;                 /* vb_join_hash of item i and i + 1 */
  uint64_t *qc;                 /* vb_stem_hash of item i */
  uint32_t *wi;                 /* per item: its word in ctx.words (UINT32_MAX for brackets) */
  uint32_t *gi;                 /* per item: the gram it starts in ctx.grams, or UINT32_MAX */
  vb_qinfo qi;                  /* per item: the information of its word (evidence) */
  double emax;                  /* the bits of the whole quote matched */
  uint64_t seedw;               /* the weight of its seeds together (a passage's score at most) */
  const char *speaker;          /* who the draft says speaks, or NULL */
  int covered;                  /* some source names that speaker */
  int term;                     /* a scare quote or title: located only when exact */
  const char *ds;               /* its draft's text */
  size_t dn;
  size_t stamp0;                /* its items in the stamp array */
  cand c[NCAND];
  int nc;
  int borrow;
} cq;

/* A quote's gram (two words next to each other), one per quote position; entries of
 * the same gram are chained. Grams are the same when the top 32 bits of their hashes
 * are: the index stores those bits, and the scan compares them too (index.h). */
typedef struct gent { uint32_t q, qpos, next, use; } gent;
typedef struct gram { uint64_t g; uint32_t first, n; uint64_t count; int seeds; } gram;
typedef struct word { uint64_t h, count; } word;
/* An occurrence of a gram in a file, before it is given to the quote positions. */
typedef struct ghit { uint32_t gram, set, file; uint64_t off; } ghit;
/* A file that holds hits: set 0 a scanned source, set s >= 1 ctx.segs[s - 1]. */
typedef struct fref { uint32_t set, file, k; const char *name; } fref;

typedef struct segref { const vb_index *x; size_t seg; } segref;

/* A text of the material opened (material.h's vb_mview: mapped, decoded, its turns
 * known), kept while its passages may be read: phase 1's last texts stay open for phase
 * 2, and phase 2 keeps the texts the quotes go back and forth between. */
#define FCACHE 64
typedef struct fent {
  uint32_t set, file;
  int valid, pin;
  int open;                     /* v holds the text; 0 for an indexed file gone since */
  uint64_t used;
  vb_mview v;
  const char *s, *name, *given; /* s: v.s (the decoded text), or "" */
  size_t n;
} fent;

typedef struct vb_ckctx {
  const vb_material *M;
  const vb_progress *progress;  /* vb_copts.progress: told after each text scanned */
  VB_VEC(cq) q;
  VB_VEC(size_t) first;         /* quote i's chunks are q[first[i] .. first[i + 1]) */
  VB_VEC(gent) ents;
  VB_VEC(gram) grams;
  VB_VEC(word) words;
  uint32_t *gtab, *wtab;        /* open addressing: 1 + index, 0 empty */
  size_t gmask, wmask;
  uint64_t *bloom;              /* 1 << BLOOM_BITS bits over gram ids: most source grams stop here */
  uint64_t nwords;              /* N: words of all the material */
  VB_VEC(ghit) ghits;
  VB_VEC(fref) files;
  VB_VEC(uint32_t) stamps;
  uint32_t stamp;
  hitvec hits;
  VB_VEC(segref) segs;          /* set s >= 1 is segs.v[s - 1] */
  VB_VEC(uint64_t) sj;          /* join hashes of a window's words (align_cand) */
  VB_VEC(int) wcnt;             /* per quote position, hits in the window being scored */
  size_t stale;                 /* indexed files read back with another size */
  double needed;                /* bits a passage needs in this much material */
  size_t dn;                    /* the draft's bytes */
  int named;                    /* some source names its speakers (turn labels, a given speaker) */
  int plain;                    /* some source file (with words) names nobody: anyone's words */
  size_t file_labels;           /* labels seen in the file being read */
  VB_VEC(const char *) labels;  /* who the material covers: labels and given speakers */
  vb_buf labtext;               /* the labels read by the scan, NUL-separated */
  vb_tspans spans;              /* what is not words in a stretch of a text (turns.h) */
  vb_buf *warn;                 /* the first draft's warnings: texts skipped or re-encoded */
  fent fc[FCACHE];
  uint64_t tick;
  int oom;
} ctx;

/* Phase 1 (seeds.c): the word and pair counts of all the material, the seeds, the
 * candidate passages of every quote (ctx.q[i].c), who the material covers, and each
 * quote's information per word. The quotes are in C->q, C->M the material. 0, or -1
 * with a message in err (an unreadable file, an old index, memory). */
int vb_seeds_find(ctx *C, vb_wtoks *tk, vb_buf *err);
/* Text `file` of set (0: the material's texts, s >= 1: ctx.segs[s - 1]) opened, from the
 * texts kept open or in place of the one used longest ago that no passage holds (pin).
 * An indexed file deleted or unreadable since is an empty text, counted as stale; a
 * text of the material that cannot be read is NULL with err. Warnings go to warn (may be
 * NULL). */
fent *vb_source_load(ctx *C, uint32_t set, uint32_t file, vb_buf *warn, vb_buf *err);
void vb_sources_close(ctx *C);
/* Does the draft name the speaker, or only describe them (the official)? */
int vb_named_person(const char *sp);
void vb_seeds_free(ctx *C);

#endif
