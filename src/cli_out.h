/* cli_out.h: input and output shared by the commands: reading a file, writing stdout and
 * errors, excerpts, the quotes JSON object and the " — Speaker (cue)" suffix. `quotes`, `sources` and `check` all write through these, so
 * `check --json` is the quotes object plus its own fields, never a second copy. */
#ifndef VB_CLI_OUT_H
#define VB_CLI_OUT_H
#include <stddef.h>
#include <stdio.h>
#include "buf.h"
#include "analyze.h"

/* --max-size's SIZE: bytes, or with K, M, G or T (1024-based); 0 is no limit. 0 or -1. */
int vb_cli_size(const char *arg, size_t *out);
/* v as SIZE reads ("256M"), in buf. */
const char *vb_cli_size_str(size_t v, char *buf, size_t n);
/* Read a whole file ("-" is stdin) into b, at most max bytes (0: no limit); on failure
 * print "verbatim: PATH: reason" ("larger than --max-size=256M", "out of memory" at the
 * first allocation that fails), free b and return -1. */
int vb_cli_read(const char *path, vb_buf *b, size_t max);
/* Write b[0..n) to path whole or not at all (a temporary file beside it, renamed over
 * it), "-" to stdout; on failure print "verbatim: PATH: reason" and return -1. */
int vb_cli_write_file(const char *path, const vb_buf *b);
/* vb_cli_read, then the text of what was read (decode.h): a draft in UTF-16, Windows-1252,
 * HTML, WebVTT, SRT or .docx becomes its UTF-8 text in b, and positions are then those
 * of that text (lines are the file's but for markup); a warning where the reading is a
 * guess; a binary file is an error, said as for a file that cannot be read. */
int vb_cli_text(const char *path, vb_buf *b, size_t max);
/* Write b to stdout; -1 on a write error. */
int vb_cli_flush(vb_buf *b);
/* Write b out once it holds 64 KiB, so that output as long as its text is never held
 * whole; a write error shows in vb_cli_flush. */
void vb_cli_spill(vb_buf *o);
void vb_cli_err(const char *fmt, ...);
/* The lines of warn on stderr, each after "verbatim: "; then warn is empty. */
void vb_cli_warnings(vb_buf *warn);

/* What a command adds to the quotes object: quote(o, i, ctx) writes ",\"key\":value..."
 * inside quote i's object; file(o, ctx) writes ",\"key\":value..." after "unattributed".
 * Either may be NULL. */
typedef struct vb_cli_more {
  void (*quote)(vb_buf *o, size_t i, void *ctx);
  void (*file)(vb_buf *o, void *ctx);
  void *ctx;
} vb_cli_more;

/* Colour (SGR escapes) on a terminal. --color=WHEN's WHEN into *when: VB_COLOR_AUTO,
 * _ALWAYS, _NEVER ("auto", "always", "never"; NULL, from a bare --color, is always).
 * 0, or -1 for another word. */
enum { VB_COLOR_AUTO, VB_COLOR_ALWAYS, VB_COLOR_NEVER };
int vb_cli_color_arg(const char *arg, int *when);
/* Does output to f get colour? always and never decide; auto colours a terminal unless
 * NO_COLOR is set to anything but "" (no-color.org) or TERM is "dumb". */
int vb_cli_color_on(int when, FILE *f);
/* SGR code (e.g. "1;31", "0" to reset) into o when on, else nothing. */
void vb_cli_sgr(vb_buf *o, int on, const char *code);

/* Progress on stderr (progress.h) while check or index reads a large folder: with
 * VB_COLOR_AUTO only on a terminal and after a third of a second, one line redrawn in
 * place and cleared at the end; with VB_COLOR_ALWAYS (--progress=always) at once, and
 * as lines when stderr is no terminal; never with VB_COLOR_NEVER. verb: "checking". */
typedef struct vb_cli_prog {
  const char *verb;
  int on, tty, shown;
  double t0, last;
} vb_cli_prog;
void vb_cli_progress_init(vb_cli_prog *p, const char *verb, int when);
void vb_cli_progress(void *ctx, size_t done, size_t total, unsigned long long bytes);
void vb_cli_progress_end(vb_cli_prog *p);

/* vb_excerpt (text.h) of a span of s; nothing for a missing span (VB_NONE). */
void vb_cli_span(vb_buf *o, const char *s, vb_span sp, size_t max);
/* The object of `verbatim quotes --json` for one file (byte offsets, 0-based, end
 * exclusive), with more's additions; more may be NULL. */
void vb_cli_json(vb_buf *o, const char *file, const char *s, const vb_analysis *an, const vb_cli_more *more);
/* " — Speaker (cue)" for quote i, or nothing when it has no speaker. */
void vb_cli_speaker(vb_buf *o, const char *s, const vb_analysis *an, size_t i);

/* cli_config.c: the project file. Take --config FILE and --no-config out of argv[0..argc)
 * (before "--"); the new argc, or -1 on a usage error (said). */
int vb_cli_config_args(int argc, char **argv);
struct vb_config;
#define VB_CLI_NOCONFIG "(none)"   /* cfg->file when no project file was read */
/* The project file for a command whose first FILE is first (NULL or "-": the working
 * directory), as --config and --no-config say, into cfg (free it with vb_config_free):
 * a file that does not parse is said and -1; none found is 0 with every key unset.
 * Unknown keys are warned about on stderr. */
int vb_cli_project(const char *first, struct vb_config *cfg);

#endif
