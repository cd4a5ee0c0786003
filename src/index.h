/* index.h: an archive index the checker memory-maps. It holds hashed word bigrams
 * sampled by minimizers (one kept in every VB_IDX_W consecutive bigrams, so any run of
 * VB_IDX_W + 1 words a quote shares with a source is found: four words, as between two
 * ellipses), each with the byte where it starts; the source files stay where they are
 * and are read back to align a candidate. A posting takes 5 bytes.
 *
 * File layout (host byte order, checked by the magic): a sequence of segments, each
 *   header   vb_idx_hdr
 *   files    nfiles x vb_idx_file, then the file names (NUL-terminated, padded to 8)
 *   dir      (1 << dir_bits) + 1 x u32: first posting of each hash bucket
 *   locs     nposts x u32: byte offset in the segment's concatenated files
 *   checks   nposts x u8: 8 more hash bits, to drop most bucket neighbours
 * Appending (vb_index_build with append) adds a segment for new or changed files
 * without touching the others; a file indexed again shadows its older entry.
 *
 * Every word pair is kept (VB_IDX_W = 1): the checker's seeds are the quote's word pairs,
 * scanned or looked up alike, so that both paths see the same hits (check.h). A segment
 * ends with an extension (vb_idx_ext, 8-aligned, inside the segment's size):
 *   ids      nposts x u32: the top 32 bits of each posting's gram hash, the identity
 *            the scanner compares too (the 8 check bits alone would let other grams in)
 *   words    nwords x {u64 word hash, u64 count}, sorted by hash: the word frequencies
 *            the evidence weighs matches by
 *   ftotal   nfiles x u64: words per file (their sum over live files is N)
 *   flab     nfiles + 1 x u64: each file's range in the labels block, NUL-terminated
 *            names: first the speaker given with the file ("" for none), then the turn
 *            labels the file holds (who the material covers)
 *   labels   the names, padded to 8
 *   freq     nfreq x {u32 id, u32 0, u64 count}, by id: the grams of VB_IDX_FREQ or more
 *            postings and their count, so that a common gram is counted without reading
 *            its postings */
#ifndef VB_INDEX_H
#define VB_INDEX_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

#define VB_IDX_K 2              /* words per gram */
#define VB_IDX_W 1              /* minimizer window, in grams: 1 keeps every gram */
#define VB_IDX_MAGIC "VBIDX02\n"
#define VB_IDX_EXT_MAGIC "VBEXT01\n"

typedef struct vb_idx_hdr {
  char magic[8];
  uint64_t size;                /* bytes of this segment, header included */
  uint64_t nfiles, nposts, names_size, total;
  uint32_t dir_bits, k, w, pad;
} vb_idx_hdr;

typedef struct vb_idx_file {
  uint64_t base, size;          /* first byte in the segment's concatenation; length */
  int64_t mtime;
  uint64_t name;                /* offset in the names block */
} vb_idx_file;

typedef struct vb_idx_ext {
  char magic[8];
  uint64_t size;                /* bytes of the extension, this header included */
  uint64_t nwords, words, labels_size, nfreq;
} vb_idx_ext;

typedef struct vb_idx_wc { uint64_t h, count; } vb_idx_wc;
typedef struct vb_idx_fg { uint32_t id, pad; uint64_t count; } vb_idx_fg;
#define VB_IDX_FREQ 64          /* grams with at least this many postings have their count stored */

typedef struct vb_idx_seg {
  const vb_idx_hdr *h;
  const vb_idx_ext *ext;        /* NULL in an index of an older version */
  const uint32_t *ids;
  const vb_idx_wc *words;
  const uint64_t *ftotal, *flab;
  const char *labels;
  const vb_idx_fg *freq;        /* by id: the grams of VB_IDX_FREQ postings or more, counted */
  int has_dead;
  const vb_idx_file *files;
  const char *names;
  const uint32_t *dir, *locs;
  const uint8_t *checks;
  unsigned char *dead;          /* per file: shadowed by a later segment */
} vb_idx_seg;

typedef struct vb_index {
  void *map;
  size_t size;
  VB_VEC(vb_idx_seg) segs;
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

/* Index the files under paths[0..n) (folders recursively) into out_path; with append,
 * add a segment to an existing index for files it lacks or that changed.
 * 0, or -1 with a message in err. stats (may be NULL): files and bytes indexed. */
int vb_index_build(const char *out_path, const char *const *paths, int n, int append,
                   size_t *nfiles, size_t *nbytes, vb_buf *err);
/* The same, speakers[i] (NULL, or NULL entries) the speaker of the words of paths[i]'s
 * files that no turn label gives to someone (a speech: --source speech.txt=NAME). */
int vb_index_build_ex(const char *out_path, const char *const *paths, const char *const *speakers, int n,
                      int append, size_t *nfiles, size_t *nbytes, vb_buf *err);
/* Map an index; NULL with a message in err. */
vb_index *vb_index_open(const char *path, vb_buf *err);
void vb_index_close(vb_index *x);

/* Postings of gram g (64-bit hash; matched on its top 32 bits) in live files: calls
 * fn(ud, seg, file, offset in file) for each, unless more than cap match (a gram too
 * common to tell passages apart): then none. Returns the count of live postings. */
typedef void (*vb_idx_hit)(void *ud, size_t seg, size_t file, uint64_t off);
uint64_t vb_index_lookup(const vb_index *x, uint64_t g, uint64_t cap, vb_idx_hit fn, void *ud);
/* Occurrences of the word of hash h in the index (shadowed files included). */
uint64_t vb_index_word_count(const vb_index *x, uint64_t h);
/* Words in the live files. */
uint64_t vb_index_words(const vb_index *x);
/* The names file `file` of segment seg holds: *given the speaker given with it or NULL,
 * then fn(ud, label) for each turn label. */
const char *vb_index_file_speaker(const vb_index *x, size_t seg, size_t file);
void vb_index_file_labels(const vb_index *x, size_t seg, size_t file, void (*fn)(void *ud, const char *label), void *ud);
/* 1 when the index has what the checker needs (made by this version) */
int vb_index_current(const vb_index *x);

#endif
