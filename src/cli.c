/* cli.c: `verbatim COMMAND ...`, the dispatch and the helpers every command shares.
 * Exit codes: 0 success, 1 a check failed (check only), 2 usage or read errors. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "version.h"

void vb_cli_err(const char *fmt, ...) {
  va_list ap;
  fputs("verbatim: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

int vb_cli_read(const char *path, vb_buf *b) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  char chunk[65536];
  size_t k;
  if (!f) { vb_cli_err("%s: %s", path, strerror(errno)); return -1; }
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) vb_buf_add(b, chunk, k);
  if (ferror(f) || b->oom) {
    vb_cli_err("%s: %s", path, b->oom ? "out of memory" : strerror(errno));
    if (f != stdin) fclose(f);
    vb_buf_free(b);
    return -1;
  }
  if (f != stdin) fclose(f);
  if (!b->p) vb_buf_add(b, "", 0);   /* an empty file is an empty text, not NULL */
  return 0;
}

int vb_cli_flush(vb_buf *b) {
  if (b->oom) { vb_cli_err("out of memory"); return -1; }
  if (b->n && fwrite(b->p, 1, b->n, stdout) != b->n) { vb_cli_err("write error"); return -1; }
  b->n = 0;
  return 0;
}

static const struct { const char *name; int (*fn)(int, char **); const char *help; } cmds[] = {
  {"quotes", vb_cmd_quotes, "list the quotes of each FILE, with speaker and cue"},
  {"sources", vb_cmd_sources, "list the people and bodies quoted in each FILE"},
  {"check", vb_cmd_check, "check the quotes of FILE against source material"},
  {"index", vb_cmd_index, "build an archive index for check --index"},
};

static void usage(FILE *f) {
  fputs("usage: verbatim COMMAND [OPTIONS] FILE...\n\ncommands:\n", f);
  for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) fprintf(f, "  %-8s %s\n", cmds[i].name, cmds[i].help);
  fputs("\n`verbatim COMMAND --help` for a command's options; FILE may be - for stdin.\n", f);
}

static int run(int argc, char **argv) {
  if (argc < 2) { usage(stderr); return 2; }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) { usage(stdout); return 0; }
  if (!strcmp(argv[1], "--version")) {
    char pcre[32];
    const char *pv = vb_pcre2_version(pcre, sizeof pcre);
    printf("verbatim %s\nPCRE2 %s, utf8proc %s\n", VB_VERSION, pv ? pv : "?", vb_utf8proc_version());
    return 0;
  }
  for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
    if (!strcmp(argv[1], cmds[i].name)) return cmds[i].fn(argc - 1, argv + 1);
  vb_cli_err("unknown command '%s' (try verbatim --help)", argv[1]);
  return 2;
}

int main(int argc, char **argv) {
  int rc = run(argc, argv);
  /* a full disk or closed pipe shows only when stdio's buffer is written out */
  if (fflush(stdout) || ferror(stdout)) { vb_cli_err("write error: %s", strerror(errno)); rc = 2; }
  return rc;
}
