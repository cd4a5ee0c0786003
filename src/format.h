/* format.h: the formats a draft is read in: plain text, or Markdown (and Quarto), whose
 * non-prose bytes markdown.h masks. */
#ifndef VB_FORMAT_H
#define VB_FORMAT_H

typedef enum vb_format { VB_FMT_TEXT, VB_FMT_MARKDOWN } vb_format;
extern const char *const vb_format_names[];   /* "text", "markdown" */

/* The format called name: "text", "markdown" (also "md", "qmd", "quarto"); -1 for none. */
int vb_format_parse(const char *name);
/* The format a file name's extension says (case-insensitive): markdown for .md,
 * .markdown, .mdown, .mkd, .qmd, .rmd; text for .txt, .text; -1 for any other. */
int vb_format_of_path(const char *path);

#endif
