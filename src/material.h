/* material.h: what quotes are checked against. Files and folders (read when checked),
 * texts the caller holds in memory, and archive indexes (index.h); with the two file
 * helpers the checker and the indexer share, walking a folder and reading a file.
 * (The people and bodies quoted are sources: analyze.h's vb_source.) */
#ifndef VB_MATERIAL_H
#define VB_MATERIAL_H
#include <stddef.h>
#include "buf.h"

struct vb_index;

/* Files under path (itself when a file), sorted, appended to out as malloc'd strings.
 * Hidden entries are skipped. 0 or -1 with err. */
typedef VB_VEC(char *) vb_paths;
int vb_walk(const char *path, vb_paths *out, vb_buf *err);
void vb_paths_free(vb_paths *p);
/* Read a whole file into b (cleared first). 0 or -1 with err. */
int vb_read_file(const char *path, vb_buf *b, vb_buf *err);
/* Files larger than this are refused by default (CLI --max-size, Lua opts.max_size): at
 * the analysis's few bytes of memory a byte of text, 256 MiB stays near a gigabyte, which
 * a laptop or a CI runner has; no article, transcript or statement comes near it. */
#define VB_MAX_SIZE ((size_t)256 << 20)
/* Files that cannot be used, told one by one: err is an errno value, EFBIG for a file
 * larger than the limit given. */
typedef void (*vb_vet_fn)(const char *path, int err, void *ctx);
/* Drop from p[n0..] the files that do not open, or hold more than max bytes (0: no
 * limit), telling bad (may be NULL) of each: a file that cannot be read is then an error
 * however little is looked up in it. Returns how many were dropped. */
size_t vb_paths_vet(vb_paths *p, size_t n0, size_t max, vb_vet_fn bad, void *ctx);

/* One text of the material: a file read when checked, or a text held by the caller. */
typedef struct vb_mtext {
  char *name;                   /* reported name, and the path read when text is NULL */
  const char *text;             /* borrowed in-memory text, or NULL */
  size_t n;
} vb_mtext;

typedef struct vb_material {
  VB_VEC(vb_mtext) v;
  VB_VEC(struct vb_index *) idx;   /* borrowed */
} vb_material;

/* A file, or every file under a folder. 0 or -1 with err. */
int vb_material_add_path(vb_material *M, const char *path, vb_buf *err);
/* A text held by the caller for as long as M is used. 0 or -1 (memory). */
int vb_material_add_text(vb_material *M, const char *name, const char *text, size_t n);
/* An open index (vb_index_open), borrowed: the caller closes it after M is done with. */
int vb_material_add_index(vb_material *M, struct vb_index *x);
/* vb_paths_vet for the files of M from n0 on (texts held in memory pass). */
size_t vb_material_vet(vb_material *M, size_t n0, size_t max, vb_vet_fn bad, void *ctx);
void vb_material_free(vb_material *M);

#endif
