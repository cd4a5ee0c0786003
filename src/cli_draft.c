/* cli_draft.c: which drafts a command reads and as what (see cli_draft.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli_draft.h"
#include "cli_out.h"
#include "markdown.h"

int vb_cli_drafts(char *const *args, size_t n, vb_paths *out, int *folder) {
  int rc = 0;
  for (size_t a = 0; a < n; a++) {
    struct stat st;
    vb_paths all = {0};
    vb_buf err = {0}, warn = {0};
    size_t kept = 0;
    if (strcmp(args[a], "-") && !stat(args[a], &st) && S_ISDIR(st.st_mode)) {
      *folder = 1;
      int wrc = vb_walk(args[a], &all, &warn, &err);
      vb_cli_warnings(&warn);
      vb_buf_free(&warn);
      if (wrc) {
        vb_cli_err("%s", err.p ? err.p : args[a]);
        vb_buf_free(&err);
        vb_paths_free(&all);
        rc = 2;
        continue;
      }
      for (size_t k = 0; k < all.n; k++) {
        if (vb_format_of_path(all.v[k]) < 0) { free(all.v[k]); continue; }
        if (vb_push(out, all.v[k])) { free(all.v[k]); rc = -1; continue; }
        kept++;
      }
      all.n = 0;
      vb_paths_free(&all);
      if (!kept) {
        vb_cli_err("%s: no text or Markdown files in this folder (.txt, .md, .markdown, .qmd, .rmd)", args[a]);
        if (!rc) rc = 2;
      }
      continue;
    }
    {
      char *p = strdup(args[a]);   /* a file, or a path that fails when read, with its reason */
      if (!p || vb_push(out, p)) { free(p); rc = -1; }
    }
  }
  return rc;
}

int vb_cli_format_opt(int argc, char **argv, int *i, int *format, const char *cmd) {
  const char *a = argv[*i], *v;
  if (!strcmp(a, "--format")) {
    if (*i + 1 >= argc) { vb_cli_err("%s: --format needs text or markdown", cmd); return -1; }
    v = argv[++*i];
  } else if (!strncmp(a, "--format=", 9)) v = a + 9;
  else return 0;
  if ((*format = vb_format_parse(v)) < 0) {
    vb_cli_err("%s: --format wants text or markdown, not '%s'", cmd, v);
    return -1;
  }
  return 1;
}

int vb_cli_read_draft(const char *path, int format, size_t max, vb_buf *b) {
  if (vb_cli_text(path, b, max)) return -1;
  return vb_cli_mask_draft(path, format, b);
}

int vb_cli_mask_draft(const char *path, int format, vb_buf *b) {
  if (b->oom) { vb_cli_err("%s: out of memory", path); vb_buf_free(b); return -1; }
  if (format < 0) format = strcmp(path, "-") && vb_format_of_path(path) == VB_FMT_MARKDOWN ? VB_FMT_MARKDOWN : VB_FMT_TEXT;
  if (vb_prose((vb_format)format, b->p, b->n)) {
    vb_cli_err("%s: out of memory", path);
    vb_buf_free(b);
    return -1;
  }
  return 0;
}
