/* index.h: an archive index the checker memory-maps. It holds every word pair of the
 * material (VB_IDX_W = 1: no sampling), each with the byte where it starts and the top 32
 * bits of its hash, so that a lookup sees exactly the occurrences a scan of the same
 * files sees (check.h: one answer, any path); the word and pair counts the evidence
 * weighs matches by; and who speaks in each file. The source files stay where they are
 * and are read back to align a candidate. A posting takes 9 bytes.
 *
 * File layout, version 3 (host byte order, checked by a byte-order mark):
 *   head      VB_IDX_HEAD bytes: vb_idx_head, and two commit records (vb_idx_commit)
 *             at VB_IDX_COMMIT0 and VB_IDX_COMMIT1
 *   segments  from VB_IDX_HEAD on, each a multiple of 8 bytes: vb_idx_seghdr, a table of
 *             nsect vb_idx_sect, then the sections, each at an offset that is a
 *             multiple of 8 from the segment's start:
 *     FILES   nfiles x vb_idx_file (by base)
 *     NAMES   the file names, NUL-terminated
 *     DIR     (1 << dir_bits) + 1 x u32: first posting of each hash bucket
 *     LOCS    nposts x u32: byte offset in the segment's concatenated files
 *     CHECKS  nposts x u8: 8 more hash bits, to drop most bucket neighbours
 *   and, optional (older readers skip them; this one needs them, vb_index_current):
 *     IDS     nposts x u32: the top 32 bits of each posting's gram hash, the identity a
 *             scan compares too (the 8 check bits would let other grams in)
 *     WORDS   {u64 word hash, u64 count}, by hash: how often each word is said
 *     FTOTAL  nfiles x u64: the words of each file (over live files: N)
 *     FLAB    nfiles + 1 x u64: each file's range in LABELS
 *     LABELS  per file, NUL-terminated names: the speaker given with it ("" for none),
 *             then the turn labels it holds (who the material covers)
 *     FREQ    {u32 id, u32 0, u64 count}, by id: the pairs of VB_IDX_FREQ postings or
 *             more and their count, so that a common pair is counted without reading
 *             its postings
 * Extending it: a new kind of data is a new section id in a segment. A reader skips a
 * section whose id it does not know, unless the section is flagged VB_IDX_REQUIRED (it
 * changes what the others mean): then it refuses the index as made by a newer verbatim.
 * So an optional section (word frequencies, say) needs no new version; vb_index_section
 * finds it. A change that old readers would misread bumps VB_IDX_VERSION.
 *
 * Crash safety: a commit record {sequence number, end of the committed segments, count,
 * hash of the record} says which bytes are the index. A reader takes the valid record
 * with the higher number and maps [0, end): bytes after end (an append cut off by a
 * crash) are never read. An append writes its segments after end, fsyncs them, then
 * writes the other record (number + 1) and fsyncs it, so a crash at any point leaves the
 * old index or the new one whole; a torn record fails its hash and the other one holds.
 * A new index (or one built again) is written to a temporary file beside it, fsynced and
 * renamed over it, then the folder is fsynced. Committed bytes are never rewritten, so a
 * reader keeps the view it opened while a writer appends.
 * Writers take an exclusive flock on the index file (a second one waits, or gives up
 * after vb_iopts.wait seconds); readers take no lock.
 *
 * Appending (vb_iopts.append) adds a segment for new or changed files without touching
 * the others; a file indexed again shadows its older entry. A file is changed when its
 * size, mtime or ctime (to the nanosecond) differ from what the index recorded; before
 * calling it changed, vb_index_refresh (material.h) compares the hash of its bytes too. */
#ifndef VB_INDEX_H
#define VB_INDEX_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "buf.h"
#include "progress.h"

#define VB_IDX_K 2              /* words per gram */
#define VB_IDX_W 1              /* minimizer window, in grams: 1 keeps every pair */
#define VB_IDX_FREQ 64          /* pairs with at least this many postings have their count in FREQ */
#define VB_IDX_MAGIC "VBIDX03\n"
#define VB_IDX_VERSION 3
#define VB_IDX_ORDER 0x01020304u
#define VB_IDX_HEAD 4096        /* bytes before the first segment */
#define VB_IDX_COMMIT0 512      /* the two commit records, in separate disk sectors */
#define VB_IDX_COMMIT1 1024
#define VB_IDX_SEG_MAGIC "VBSEG03\n"
#define VB_IDX_COMMIT_MAGIC "VBCOMMIT"

typedef struct vb_idx_head {
  char magic[8];
  uint32_t version, order;      /* VB_IDX_VERSION; VB_IDX_ORDER as this host writes it */
  uint32_t head_size, pad;      /* VB_IDX_HEAD */
} vb_idx_head;

typedef struct vb_idx_commit {
  char magic[8];
  uint64_t seq;                 /* the higher valid one wins */
  uint64_t end;                 /* file offset after the last committed segment */
  uint64_t nsegs;
  uint64_t sum;                 /* vb_idx_sum of the fields above */
} vb_idx_commit;

typedef struct vb_idx_seghdr {
  char magic[8];
  uint64_t size;                /* bytes of this segment, header included */
  uint64_t nfiles, nposts, total;
  uint32_t nsect, dir_bits, k, w;
} vb_idx_seghdr;

enum { VB_SECT_FILES = 1, VB_SECT_NAMES, VB_SECT_DIR, VB_SECT_LOCS, VB_SECT_CHECKS,
       VB_SECT_IDS, VB_SECT_WORDS, VB_SECT_FTOTAL, VB_SECT_FLAB, VB_SECT_LABELS, VB_SECT_FREQ };
#define VB_IDX_REQUIRED 1u      /* vb_idx_sect.flags: readers that lack the id refuse */

typedef struct vb_idx_sect {
  uint32_t id, flags;
  uint64_t off, size;           /* from the segment's start */
} vb_idx_sect;

typedef struct vb_idx_file {
  uint64_t base, size;          /* first byte in the segment's concatenation; text length */
  uint64_t fsize;               /* the file's size on disk when indexed */
  int64_t mtime, ctime;         /* seconds */
  uint32_t mtime_ns, ctime_ns;
  uint64_t hash;                /* vb_idx_sum of the text indexed (as vb_read_file gives it) */
  uint64_t name;                /* offset in NAMES */
} vb_idx_file;

typedef struct vb_idx_wc { uint64_t h, count; } vb_idx_wc;
typedef struct vb_idx_fg { uint32_t id, pad; uint64_t count; } vb_idx_fg;

/* A file's entry as the reader sees it (vb_idx_seg.state). */
enum { VB_IDX_LIVE, VB_IDX_SHADOWED, VB_IDX_CHANGED, VB_IDX_MISSING };

typedef struct vb_idx_seg {
  const vb_idx_seghdr *h;
  const vb_idx_sect *sect;
  const vb_idx_file *files;
  const char *names;
  uint64_t names_size;
  const uint32_t *dir, *locs;
  const uint8_t *checks;
  unsigned char *state;         /* per file: VB_IDX_LIVE, ... (lookups skip all but live) */
  /* the optional sections; ids NULL in an index of an older version */
  const uint32_t *ids;
  const vb_idx_wc *words;
  const uint64_t *ftotal, *flab;
  const char *labels;
  const vb_idx_fg *freq;
  uint64_t nwords, labels_size, nfreq;
  int all_live;                 /* every file live: FREQ's counts hold (vb_index_settle) */
} vb_idx_seg;

typedef struct vb_index {
  void *map;
  size_t size;                  /* the committed bytes, all mapped */
  uint64_t seq;                 /* the commit this view is of */
  VB_VEC(vb_idx_seg) segs;
  size_t nlive;                 /* files not shadowed by a later entry */
} vb_index;

/* The hash of a gram of word hashes: three, or two with c = 0 (the index's pairs), shared
 * by the index and the scanner. */
static inline uint64_t vb_gram(uint64_t a, uint64_t b, uint64_t c) {
  uint64_t h = a ^ ((b << 21) | (b >> 43)) ^ ((c << 42) | (c >> 22));
  h ^= h >> 31;
  h *= 0x9e3779b97f4a7c15ULL;
  h ^= h >> 29;
  return h;
}

/* A 64-bit hash of n bytes (8 at a time): the content hash of an indexed file and the
 * check of a commit record. Not cryptographic: it tells an edit from none. Each step
 * is a bijection of h for a given block, so bytes that differ in one block always give
 * another sum. */
static inline uint64_t vb_idx_sum(const void *p, size_t n) {
  const unsigned char *s = p;
  uint64_t h = 0x243f6a8885a308d3ULL ^ ((uint64_t)n * 0x9e3779b97f4a7c15ULL), w = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    memcpy(&w, s + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  w = 0;
  if (n > i) memcpy(&w, s + i, n - i);
  h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  h *= 0x9e3779b97f4a7c15ULL;
  return h ^ (h >> 32);
}

typedef struct vb_iopts {
  int append;                   /* add to the index at out_path (made when missing) */
  double wait;                  /* seconds to wait for another writer's lock; 0: fail */
  vb_buf *warn;                 /* NULL, or lines "PATH: warning: ..." (files skipped) */
  const vb_progress *progress;  /* NULL, or told after each file looked at */
  const char *const *speakers;  /* NULL, or per path (NULL entries): who speaks in its files where
                                 * no turn label says (a speech: PATH=NAME on the command line) */
} vb_iopts;
#define VB_IDX_WAIT 600.0       /* the CLI's default for vb_iopts.wait */

/* Index the files under paths[0..n) (folders recursively) into out_path; with append,
 * add a segment to an existing index for files it lacks or that changed. o may be NULL
 * (a new index, no wait). An out_path that exists must be an index (or empty): anything
 * else is left as it is, with an error. 0, or -1 with a message in err, and then the
 * index is as it was. nfiles, nbytes (may be NULL): files and bytes indexed. */
int vb_index_build(const char *out_path, const char *const *paths, int n, const vb_iopts *o,
                   size_t *nfiles, size_t *nbytes, vb_buf *err);
/* Map an index (its last commit); NULL with a message in err. Never blocks: a FIFO or
 * device is refused, and no lock is taken. */
vb_index *vb_index_open(const char *path, vb_buf *err);
void vb_index_close(vb_index *x);

/* 1 when the n bytes at s are the bytes indexed as file f of segment seg. */
static inline int vb_index_same(const vb_index *x, size_t seg, size_t f, const char *s, size_t n) {
  const vb_idx_file *e = &x->segs.v[seg].files[f];
  return e->size == n && e->hash == vb_idx_sum(s, n);
}
/* Section id of segment seg, or NULL; its size in *size. For sections this file does not
 * define (added by later versions): see "Extending it" above. */
const void *vb_index_section(const vb_index *x, size_t seg, uint32_t id, size_t *size);

/* Postings of gram g (its 64-bit hash, matched on the top 32 bits) in live files: calls
 * fn(ud, seg, file, offset in file) for each, unless more than cap match (a gram too
 * common to tell passages apart): then none. fn may be NULL (a count). Returns the
 * count of live postings. */
typedef void (*vb_idx_hit)(void *ud, size_t seg, size_t file, uint64_t off);
uint64_t vb_index_lookup(const vb_index *x, uint64_t g, uint64_t cap, vb_idx_hit fn, void *ud);
/* How often the word of hash h is said in the index (in files no longer live too, until
 * the index is built again). */
uint64_t vb_index_word_count(const vb_index *x, uint64_t h);
/* The words of the live files. */
uint64_t vb_index_words(const vb_index *x);
/* The speaker given with file `file` of segment seg, or NULL; and each of its turn
 * labels, fn(ud, label). */
const char *vb_index_file_speaker(const vb_index *x, size_t seg, size_t file);
void vb_index_file_labels(const vb_index *x, size_t seg, size_t file, void (*fn)(void *ud, const char *label), void *ud);
/* After the files' states change (vb_index_refresh): what the counts can rely on. */
void vb_index_settle(vb_index *x);
/* 1 when the index has every section the checker needs (made by this version). */
int vb_index_current(const vb_index *x);

#endif
