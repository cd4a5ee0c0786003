/* decode.h: a file's bytes as the UTF-8 text the checker reads, whatever they arrive
 * in, with a map back to the bytes as given.
 *
 * Encodings: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE (with a BOM, or
 * told by its zero bytes), and Windows-1252 for bytes that are not UTF-8 (with a
 * warning). Markup: HTML (tags dropped, entities decoded, blocks as paragraphs), WebVTT
 * and SRT (cue numbers, timings, settings and tags dropped, voices as turn labels,
 * rolling captions said once), .docx (the text of word/document.xml, one paragraph a
 * line). Anything else that is not text is reported as binary, named in the warning.
 *
 * Offsets: the checker works in decoded bytes; vb_dec_orig / vb_dec_orig_end turn them
 * back into bytes of the original, and vb_dec_linecol gives the line and column there
 * (col in bytes of the original, both 1-based). A .docx has no useful bytes of its own:
 * its offsets, lines (paragraphs) and columns are those of its text.
 *
 * Memory: plain UTF-8 is read in place (nothing copied). A conversion holds the
 * converted text (about the size of the original), its map (an anchor per 8 KB, and one
 * per tag or entity of markup) and borrows the original, which must outlive D. */
#ifndef VB_DECODE_H
#define VB_DECODE_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "text.h"

#define VB_DECODE_MAX ((size_t)1 << 30)   /* bytes converted at most (plain UTF-8 has no limit) */

enum { VB_ENC_UTF8, VB_ENC_UTF16LE, VB_ENC_UTF16BE, VB_ENC_CP1252 };
enum { VB_MK_PLAIN, VB_MK_HTML, VB_MK_CUES, VB_MK_DOCX };

typedef struct vb_anchor { uint64_t dec, mid, mid_end; } vb_anchor;      /* mid_end UINT64_MAX: copied */
typedef struct vb_lmark { uint64_t orig, mid, line, line_start; } vb_lmark;

typedef struct vb_decoded {
  const char *s;                /* the text: UTF-8 */
  size_t n;
  char format[40];              /* "UTF-8", "UTF-16LE", "HTML", "WebVTT (UTF-16LE)", ... */
  int binary;                   /* not text: nothing to read (s is "") */
  int enc, markup;
  /* the map, private */
  const unsigned char *orig;    /* borrowed */
  size_t orig_n;
  char *mid;                    /* the original in UTF-8: orig, or a converted copy */
  size_t mid_n;
  int mid_owned;
  char *own;                    /* the text when markup was dropped */
  VB_VEC(vb_anchor) mk;         /* s offsets -> mid offsets (markup) */
  VB_VEC(vb_lmark) lm;          /* mid <-> orig, and lines of orig, every 8 KB or so */
  char eol;
} vb_decoded;

/* Decode p[0..n) (borrowed: it must outlive D), the contents of the file called name
 * (its extension counts: .html .vtt .srt .docx). A warning (not UTF-8, binary, too large
 * to convert) goes into warn without the name; pace (may be NULL) hears of the passes
 * over p. 0, or -1 when memory ran out. */
int vb_decode(vb_decoded *D, const char *name, const unsigned char *p, size_t n, const vb_pace *pace, vb_buf *warn);
void vb_decoded_free(vb_decoded *D);

/* The original byte where the decoded text from off on comes from (a start). */
size_t vb_dec_orig(const vb_decoded *D, size_t off);
/* The original byte after what decoded bytes [.., off) come from (an end). */
size_t vb_dec_orig_end(const vb_decoded *D, size_t off);
/* Line and column of original byte o. */
void vb_dec_linecol(const vb_decoded *D, size_t o, uint32_t *line, uint32_t *col);

#endif
