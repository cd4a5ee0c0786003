/* cli_config.c: the project file for the commands (config.h). `--config FILE` and
 * `--no-config`, taken out of every command's arguments by cli.c, say which file to use;
 * by default it is the .verbatim.yaml found by walking up from the first FILE (for "-",
 * the working directory). Options on the command line win over the file's keys. */
#include <stdio.h>
#include <string.h>
#include "cli_out.h"
#include "config.h"

static int disabled;             /* --no-config */
static const char *chosen;       /* --config FILE */

int vb_cli_config_args(int argc, char **argv) {
  int n = 0;
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--")) { while (i < argc) argv[n++] = argv[i++]; break; }
    if (!strcmp(argv[i], "--no-config")) { disabled = 1; continue; }
    if (!strncmp(argv[i], "--config=", 9)) { chosen = argv[i] + 9; continue; }
    if (!strcmp(argv[i], "--config")) {
      if (i + 1 >= argc) { vb_cli_err("--config needs a FILE"); return -1; }
      chosen = argv[++i];
      continue;
    }
    argv[n++] = argv[i];
  }
  argv[n] = NULL;
  return n;
}

int vb_cli_project(const char *first, vb_config *cfg) {
  vb_buf file = {0}, err = {0};
  int rc = 0;
  memset(cfg, 0, sizeof *cfg);
  if (disabled || (!chosen && !vb_config_find(first && strcmp(first, "-") ? first : ".", &file))) {
    vb_buf_free(&file);
    return vb_config_parse("", 0, VB_CLI_NOCONFIG, NULL, cfg, &err);   /* every key unset */
  }
  if (file.oom) { vb_cli_err("out of memory"); return -1; }
  if (vb_config_load(chosen ? chosen : file.p, cfg, &err)) {
    vb_buf_addc(&err, 0);
    vb_cli_err("%s", err.p ? err.p : "out of memory");
    rc = -1;
  } else
    for (size_t i = 0; i < cfg->warnings.n; i++) vb_cli_err("%s", cfg->warnings.v[i]);
  vb_buf_free(&file);
  vb_buf_free(&err);
  return rc;
}
