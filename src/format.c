/* format.c: which format a draft is read in, by name (--format, opts.format) or by the
 * file's extension (see format.h). */
#include <string.h>
#include "format.h"

const char *const vb_format_names[] = {"text", "markdown"};

int vb_format_parse(const char *name) {
  static const struct { const char *name; vb_format f; } names[] = {
    {"text", VB_FMT_TEXT}, {"txt", VB_FMT_TEXT}, {"plain", VB_FMT_TEXT},
    {"markdown", VB_FMT_MARKDOWN}, {"md", VB_FMT_MARKDOWN}, {"qmd", VB_FMT_MARKDOWN},
    {"quarto", VB_FMT_MARKDOWN},
  };
  if (!name) return -1;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (!strcmp(name, names[i].name)) return (int)names[i].f;
  return -1;
}

int vb_format_of_path(const char *path) {
  static const struct { const char *ext; vb_format f; } exts[] = {
    {"md", VB_FMT_MARKDOWN}, {"markdown", VB_FMT_MARKDOWN}, {"mdown", VB_FMT_MARKDOWN},
    {"mkd", VB_FMT_MARKDOWN}, {"qmd", VB_FMT_MARKDOWN}, {"rmd", VB_FMT_MARKDOWN},
    {"txt", VB_FMT_TEXT}, {"text", VB_FMT_TEXT},
  };
  const char *dot = NULL, *p;
  if (!path) return -1;
  for (p = path; *p; p++) {
    if (*p == '/') dot = NULL;
    else if (*p == '.') dot = p;
  }
  if (!dot || dot[1] == '\0') return -1;
  for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
    const char *a = dot + 1, *b = exts[i].ext;
    while (*a && *b && (*a | 0x20) == *b) a++, b++;
    if (!*a && !*b) return (int)exts[i].f;
  }
  return -1;
}
