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

/* One text of the material: a file read when checked, or a text held by the caller. */
typedef struct vb_mtext {
  char *name;                   /* reported name, and the path read when text is NULL */
  char *key;                    /* its real path (files ordered as an index orders them), or NULL */
  const char *speaker;          /* who speaks where no turn label says (borrowed), or NULL */
  const char *text;             /* borrowed in-memory text, or NULL */
  size_t n;
} vb_mtext;

typedef struct vb_material {
  VB_VEC(vb_mtext) v;
  VB_VEC(struct vb_index *) idx;   /* borrowed */
} vb_material;

/* A file, or every file under a folder. 0 or -1 with err. */
int vb_material_add_path(vb_material *M, const char *path, vb_buf *err);
/* The same, its words said by speaker (held by the caller) wherever no turn label of a
 * file says who speaks: a speech, a statement. */
int vb_material_add_path_as(vb_material *M, const char *path, const char *speaker, vb_buf *err);
/* A text held by the caller for as long as M is used. 0 or -1 (memory). */
int vb_material_add_text(vb_material *M, const char *name, const char *text, size_t n);
/* An open index (vb_index_open), borrowed: the caller closes it after M is done with. */
int vb_material_add_index(vb_material *M, struct vb_index *x);
void vb_material_free(vb_material *M);

#endif
