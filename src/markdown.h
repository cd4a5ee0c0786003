/* markdown.h: the prose of a draft written in Markdown or Quarto.
 *
 * A Markdown draft holds bytes that are not prose: front matter, code blocks, link
 * targets and titles, reference definitions, autolinks, HTML comments and tags, Quarto
 * shortcodes, attribute lists. Quotation marks there are not quotes. vb_prose overwrites
 * every such byte with a space, in place, keeping line breaks: the text keeps its length,
 * so every offset, line and column the later stages report is that of the file, and no
 * stage (nor the CLI, the Lua binding or a language server) carries an offset map.
 * Code spans and math keep their words, their quotation marks turned to '_', as the
 * pandoc filter renders them; a link's text and a footnote's text are prose.
 * What counts as prose follows pandoc's Markdown (the filter reads pandoc's AST); see
 * markdown.c for the constructs and where a draft's bytes differ from the filter's text. */
#ifndef VB_MARKDOWN_H
#define VB_MARKDOWN_H
#include <stddef.h>
#include "format.h"

/* Mask the non-prose bytes of s[0..n) in place, for format f (text is left as it is).
 * Only bytes other than '\n' and '\r' are changed, to ' ' or (marks in code) '_', so
 * valid UTF-8 stays valid. Linear in n. 0, or -1 when memory ran out (s is then
 * partly masked: the caller reports the error rather than use it). */
int vb_prose(vb_format f, char *s, size_t n);

#endif
