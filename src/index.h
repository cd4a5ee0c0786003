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
 * without touching the others; a file indexed again shadows its older entry. */
#ifndef VB_INDEX_H
#define VB_INDEX_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

#define VB_IDX_K 2              /* words per gram */
#define VB_IDX_W 3              /* minimizer window, in grams */
#define VB_IDX_MAGIC "VBIDX02\n"

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

typedef struct vb_idx_seg {
  const vb_idx_hdr *h;
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
/* Map an index; NULL with a message in err. */
vb_index *vb_index_open(const char *path, vb_buf *err);
void vb_index_close(vb_index *x);

/* Postings of gram g: calls fn(ud, seg, file, offset in file, postings of g in that
 * segment) for each, unless more than cap match (a gram too common to tell passages
 * apart): then returns 1. */
typedef void (*vb_idx_hit)(void *ud, size_t seg, size_t file, uint64_t off, size_t count);
int vb_index_lookup(const vb_index *x, uint64_t g, size_t cap, vb_idx_hit fn, void *ud);

#endif
