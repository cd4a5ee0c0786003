/* cli.c: `verbatim COMMAND ...`, the dispatch (the helpers the commands share are in cli_out.c).
 * Exit codes: 0 success, 1 a check failed (check only), 2 usage or read errors. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_out.h"
#include "version.h"

static const struct { const char *name; int (*fn)(int, char **); const char *help; } cmds[] = {
  {"quotes", vb_cmd_quotes, "list the quotes of each FILE, with speaker and cue"},
  {"sources", vb_cmd_sources, "list the people and bodies quoted in each FILE"},
  {"check", vb_cmd_check, "check the quotes of FILE against source material"},
  {"index", vb_cmd_index, "build an archive index for check --index"},
  {"config", vb_cmd_config, "show the project file (.verbatim.yaml) that governs PATH"},
  {"lsp", vb_cmd_lsp, "run the language server (LSP over standard input and output)"},
};

static void usage(FILE *f) {
  fputs("usage: verbatim COMMAND [OPTIONS] FILE...\n\ncommands:\n", f);
  for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) fprintf(f, "  %-8s %s\n", cmds[i].name, cmds[i].help);
  fputs("\n`verbatim COMMAND --help` for a command's options; FILE may be - for stdin.\n"
        "Every command reads the project file .verbatim.yaml found by walking up from its first\n"
        "FILE (--config FILE names another, --no-config reads none); its options win over it.\n", f);
}

static int run(int argc, char **argv) {
  /* --config FILE and --no-config: before the command or among its options */
  if ((argc = vb_cli_config_args(argc, argv)) < 0) return 2;
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
