/* config.h: the project file, `.verbatim.yaml`, that every host reads (the CLI, the Lua
 * module and so Neovim and the pandoc filter, the language server). It names the
 * material (`check`, `index`), extra cue patterns (`cues`), the gate policy (`strict`,
 * `strict-terms`, `fail-on`, `borrowed`) and the filter's output options, with the keys
 * of the filter's `verbatim:` metadata block; config.c's key table is the list. It is
 * found by walking up from a draft, as .editorconfig is; its paths are relative to its
 * folder. Hosts let their own options (command line, setup(), metadata) win over it. */
#ifndef VB_CONFIG_H
#define VB_CONFIG_H
#include <stddef.h>
#include "buf.h"
#include "material.h"
#include "verdict.h"

#define VB_CONFIG_NAME ".verbatim.yaml"

typedef struct vb_config {
  char *file;                   /* the file read (as found: absolute when the walk started absolute) */
  char *dir;                    /* its folder, against which the paths below were resolved */
  vb_paths check;               /* source files and folders */
  vb_paths index;               /* archive indexes */
  vb_paths cues;                /* PCRE2 cue patterns, as written */
  vb_paths fail_on;             /* gate classes (altered, not_found, ...), as written */
  /* -1 where the file does not say */
  int strict, strict_terms, indirect, nested, annotate;
  int borrowed;                 /* 0 off, N words (true is 12) */
  int debounce;                 /* the language server's quiet time, milliseconds */
  long long max_size;           /* bytes, 0 no limit */
  char *sources_section;        /* "true", "false" or a title; NULL where unsaid */
  char *report, *engine, *cli;  /* report is resolved like the paths; NULL where unsaid */
  int format;                   /* how drafts are read: VB_FMT_* (format.h); -1: by extension */
  vb_paths warnings;            /* "FILE:LINE:COL: unknown key 'x'" and the like */
} vb_config;

/* The project file that governs path (a file or a folder): path's folder (path itself
 * when it is a folder), then each folder above, up to the root; the first
 * .verbatim.yaml found is written to out (cleared first). 1 found, 0 none (or out of
 * memory: out->oom). A relative path is taken from the working directory, so the walk
 * goes on above it, and the file found is named by an absolute path. */
int vb_config_find(const char *path, vb_buf *out);
/* Parse the YAML text s[0..n) as the project file `name` in folder dir (relative paths
 * in it are resolved against dir; dir may be NULL or "" for the working directory).
 * The keys may also sit under one top-level `verbatim:` key, as in front matter. cfg
 * must be zeroed; free it with vb_config_free whatever the result. 0, or -1 with err:
 * "NAME:LINE:COL: message" for a YAML error or a value of the wrong type (a gate must
 * not run on settings it misread). Unknown keys are warnings, not errors. */
int vb_config_parse(const char *s, size_t n, const char *name, const char *dir, vb_config *cfg, vb_buf *err);
/* Read and parse the file at path (at most 1 MiB). 0 or -1 with err. */
int vb_config_load(const char *path, vb_config *cfg, vb_buf *err);
void vb_config_free(vb_config *cfg);
/* Every key over sets (a list that is not empty, a value not -1 or NULL) replaces
 * base's: a host's own options over the project file. over's warnings are added.
 * 0, or -1 when memory ran out (base is then partly changed, still safe to free). */
int vb_config_overlay(vb_config *base, const vb_config *over);

/* The gate's policy the file sets (verdict.h): g as it is (the default, or a host's),
 * then strict-terms and fail-on where the file says them (fail-on's entries are
 * vb_gate_parse's list: "altered", "+uncovered", "-not_found", ...). 0, or -1 with
 * err: "FILE: fail-on: message" (a gate never runs on a policy it misread); g's classes
 * are then as they were. */
int vb_config_gate(const vb_config *cfg, vb_gate *g, vb_buf *err);

/* One key a config sets, for hosts that show them: a list, a boolean or a number (num),
 * or a string (str; a sources-section of true or false is a boolean). */
typedef enum { VB_CV_LIST, VB_CV_BOOL, VB_CV_NUM, VB_CV_STR } vb_cvkind;
typedef struct vb_cval {
  const char *key;
  vb_cvkind kind;
  const vb_paths *list;
  long long num;
  const char *str;
} vb_cval;
typedef void (*vb_config_fn)(void *ctx, const vb_cval *v);
/* f for each key cfg sets (lists not empty, values not -1 or NULL), in the order of
 * vb_config_keys. */
void vb_config_each(const vb_config *cfg, vb_config_fn f, void *ctx);

/* The keys a project file may hold, NULL-terminated, for hosts that list or check them. */
extern const char *const vb_config_keys[];

#endif
