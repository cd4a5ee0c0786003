/* material.h: what quotes are checked against. Files and folders (read when checked),
 * texts the caller holds in memory, and archive indexes (index.h); with the two file
 * helpers the checker and the indexer share, walking a folder and reading a file.
 * (The people and bodies quoted are sources: analyze.h's vb_source.) */
#ifndef VB_MATERIAL_H
#define VB_MATERIAL_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "decode.h"
#include "normalise.h"
#include "turns.h"

struct vb_index;

/* Files under path (itself when a file), sorted, appended to out as malloc'd strings.
 * Links are followed, as by `find -L`: a link back to a folder on the path (a loop) is
 * skipped, and a folder or file reached again by another path is walked or listed
 * once. Hidden entries are skipped; so are FIFOs, sockets, devices and broken links in
 * a folder, each with a line "PATH: warning: ..." in warn (may be NULL). path itself
 * must be a regular file or a folder. 0 or -1 with err. */
typedef VB_VEC(char *) vb_paths;
int vb_walk(const char *path, vb_paths *out, vb_buf *warn, vb_buf *err);
void vb_paths_free(vb_paths *p);
/* Read a whole regular file into b (cleared first); never blocks on a FIFO or device
 * (refused). 0 or -1 with err. */
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

/* An indexed file's stamp, as the index records it (vb_idx_file: its size on disk,
 * mtime and ctime to the nanosecond), from a stat of it; and 1 when a stat of it now
 * still gives the stamp e holds (the file is then taken as unchanged). */
struct stat;
struct vb_idx_file;
void vb_file_stamp(struct vb_idx_file *e, const struct stat *st);
int vb_file_stamp_same(const struct vb_idx_file *e, const struct stat *st);

/* Compare every live file of index x with the file system: a file whose stamp differs
 * is read, and changed only when its bytes differ from those indexed (a touched file is
 * not). Files changed or missing since they were indexed are marked VB_IDX_CHANGED or
 * VB_IDX_MISSING (index.h), so that lookups leave them out; a file as indexed again is
 * live. Each changed (missing) file's path goes to changed (missing), borrowed from x;
 * either may be NULL. 0, or -1 when out of memory. */
typedef VB_VEC(const char *) vb_cpaths;
int vb_index_refresh(struct vb_index *x, vb_cpaths *changed, vb_cpaths *missing);

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
  vb_buf warn;                  /* lines "PATH: warning: ..." from adding material; the
                                 * caller prints and clears them */
} vb_material;

/* A file, or every file under a folder. 0 or -1 with err. */
int vb_material_add_path(vb_material *M, const char *path, vb_buf *err);
/* The same, its words said by speaker (held by the caller) wherever no turn label of a
 * file says who speaks: a speech, a statement. */
int vb_material_add_path_as(vb_material *M, const char *path, const char *speaker, vb_buf *err);
/* A text held by the caller for as long as M is used. 0 or -1 (memory). */
int vb_material_add_text(vb_material *M, const char *name, const char *text, size_t n);
/* An open index (vb_index_open), borrowed: the caller closes it after M is done with.
 * Its files are compared with the file system first (vb_index_refresh): a file changed
 * since it was indexed is read as it is now instead (added as a file), one missing is
 * left out; each is named in warn. 0 or -1 (memory). */
int vb_material_add_index(vb_material *M, struct vb_index *x);
/* vb_paths_vet for the files of M from n0 on (texts held in memory pass). */
size_t vb_material_vet(vb_material *M, size_t n0, size_t max, vb_vet_fn bad, void *ctx);
void vb_material_free(vb_material *M);

/* ---------------------------------------------------------------- an opened text
 * One text of the material opened for checking: its bytes (a file memory-mapped, or read
 * when it cannot be mapped, or the caller's text), decoded (decode.h), its turns known
 * (turns.h). Its words are read a stretch at a time, and the pages behind a pass are
 * given back, so that a source of any size is checked in a fixed amount of memory. */
#define VB_WORDS_STEP ((size_t)1 << 20)   /* bytes of a stretch of words, about */

typedef struct vb_mview {
  const char *s;                /* the decoded text */
  size_t n;
  int skip;                     /* nothing to check: binary, or too large to convert */
  vb_decoded dec;
  vb_turns turns;
  /* the bytes */
  void *map;
  size_t map_n;
  vb_buf own;
  const unsigned char *bytes;
  size_t nbytes;
  size_t released;              /* pages before this byte of the mapping were given back */
} vb_mview;

/* Open the file at path (text NULL) or the caller's text[0..n) (borrowed), called name.
 * A warning (binary, not UTF-8) goes into warn, as "NAME: warning: ..." lines.
 * 0, or -1 with err (unreadable, memory). */
int vb_mview_open(vb_mview *v, const char *name, const char *text, size_t n, vb_buf *warn, vb_buf *err);
void vb_mview_close(vb_mview *v);

/* The words of s[lo, hi) into tk (cleared): stage directions, timestamps and repeated
 * labels left out, a change of speaker one barrier item. 0 or -1 (memory). */
int vb_mview_words(const vb_mview *v, size_t lo, size_t hi, vb_wtoks *tk, vb_tspans *scratch);
/* Where to end a stretch of words that starts at lo: at or after lo + VB_WORDS_STEP, on a
 * break between words that no word runs across; n at the end. */
size_t vb_mview_cut(const vb_mview *v, size_t lo);
/* Give back the pages of a mapped file before byte off of the decoded text (when it is
 * the file itself), after a pass over them. */
void vb_mview_release(vb_mview *v, size_t off);

/* Give back every page of a mapped file. The kernel maps a large block around each
 * place read (2 MB at a time): a check that reads many places in a large file gives
 * them back before it reads the next one. */
void vb_mview_forget(vb_mview *v);

/* The original bytes and place of decoded [a, b): start, end, line, col. */
void vb_mview_place(const vb_mview *v, size_t a, size_t b, size_t *o0, size_t *o1, uint32_t *line, uint32_t *col);
/* The speaker of the turn holding decoded byte off (span in s), or 0. */
int vb_mview_speaker(const vb_mview *v, size_t off, size_t *start, size_t *end);


#endif
