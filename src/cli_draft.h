/* cli_draft.h: the drafts a command reads: which files (a folder's text and Markdown
 * files), in which format (--format, else the extension), and their prose. */
#ifndef VB_CLI_DRAFT_H
#define VB_CLI_DRAFT_H
#include <stddef.h>
#include "buf.h"
#include "material.h"

/* The drafts named by args[0..n): a file as given ("-" is stdin), a folder as the text
 * and Markdown files under it (markdown.h's extensions), sorted by path, hidden entries
 * skipped, as `check --source DIR` walks a folder. Appended to out as malloc'd strings;
 * *folder is set when an argument was a folder. 0, or 2 after naming on stderr a folder
 * that cannot be read or holds no such file (the other arguments are still listed);
 * -1 when memory ran out. */
int vb_cli_drafts(char *const *args, size_t n, vb_paths *out, int *folder);

/* "--format FMT" or "--format=FMT" at argv[*i]: 1 when it was (the format in *format,
 * *i past its value), 0 when argv[*i] is another argument, -1 on a bad value (reported). */
int vb_cli_format_opt(int argc, char **argv, int *i, int *format, const char *cmd);

/* Read the draft at path into b (vb_cli_text: at most max bytes, decoded), then mask what is not
 * prose when format is markdown, or when format is -1 and the file name says Markdown
 * (stdin is text). 0, or -1 after reporting the error (b freed). */
int vb_cli_read_draft(const char *path, int format, size_t max, vb_buf *b);
/* The second half of vb_cli_read_draft: mask b, a draft read already, by format or by
 * the name path (a draft from stdin can be named with check --stdin-name). 0, or -1
 * after reporting the error (b freed). */
int vb_cli_mask_draft(const char *path, int format, vb_buf *b);

#endif
