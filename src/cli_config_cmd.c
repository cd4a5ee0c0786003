/* cli_config_cmd.c: `verbatim config [--json] [PATH]`, the project file that governs
 * PATH (a draft or a folder; default the working directory) as every host reads it:
 * which file, and each key it sets, paths resolved. The filter runs it for its CLI
 * engine, so that a pandoc that cannot load the module reads the file with the same
 * parser. Exit status: 0 a file was found (or --json: null when none), 1 none, 2 an
 * error (the file does not parse). */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "cli_out.h"
#include "config.h"
#include "format.h"
#include "json.h"

static const char config_help[] =
  "usage: verbatim config [--json] [PATH]\n"
  "Show the project file (.verbatim.yaml) that governs PATH (a draft or a folder; default\n"
  "the working directory): the first found walking up from it, or the one --config names,\n"
  "with every key it sets (paths resolved against its folder). --json: one object with the\n"
  "file's keys plus \"file\" and \"dir\" (null when there is no project file).\n"
  "Exit status: 0 found, 1 none (without --json), 2 the file cannot be read or parsed.\n";

static void list(vb_buf *o, int json, const char *k, const vb_paths *v) {
  if (!v->n) return;
  if (json) { vb_buf_addc(o, ','); vb_json_key(o, k); vb_buf_addc(o, '['); }
  else vb_buf_addf(o, "%s:", k);
  for (size_t i = 0; i < v->n; i++) {
    if (json) { if (i) vb_buf_addc(o, ','); vb_json_cstr(o, v->v[i]); }
    else vb_buf_addf(o, " %s", v->v[i]);
  }
  vb_buf_adds(o, json ? "]" : "\n");
}

static void flag(vb_buf *o, int json, const char *k, int v) {
  if (v < 0) return;
  if (json) { vb_buf_addc(o, ','); vb_json_key(o, k); vb_buf_adds(o, v ? "true" : "false"); }
  else vb_buf_addf(o, "%s: %s\n", k, v ? "true" : "false");
}

static void num(vb_buf *o, int json, const char *k, long long v) {
  if (v < 0) return;
  if (json) { vb_buf_addc(o, ','); vb_json_key(o, k); vb_buf_addf(o, "%lld", v); }
  else vb_buf_addf(o, "%s: %lld\n", k, v);
}

static void str(vb_buf *o, int json, const char *k, const char *v) {
  if (!v) return;
  if (json) {
    vb_buf_addc(o, ',');
    vb_json_key(o, k);
    if (!strcmp(k, "sources-section") && (!strcmp(v, "true") || !strcmp(v, "false"))) vb_buf_adds(o, v);
    else vb_json_cstr(o, v);
  } else vb_buf_addf(o, "%s: %s\n", k, v);
}

static void show(vb_buf *o, int json, const vb_config *c) {
  if (json) { vb_buf_adds(o, "{\"file\":"); vb_json_cstr(o, c->file); vb_buf_adds(o, ",\"dir\":"); vb_json_cstr(o, c->dir); }
  else vb_buf_addf(o, "# %s\n", c->file);
  list(o, json, "check", &c->check);
  list(o, json, "index", &c->index);
  list(o, json, "cues", &c->cues);
  list(o, json, "fail-on", &c->fail_on);
  flag(o, json, "strict", c->strict);
  flag(o, json, "strict-terms", c->strict_terms);
  flag(o, json, "indirect", c->indirect);
  flag(o, json, "nested", c->nested);
  flag(o, json, "annotate", c->annotate);
  num(o, json, "borrowed", c->borrowed);
  num(o, json, "debounce", c->debounce);
  num(o, json, "max-size", c->max_size);
  str(o, json, "sources-section", c->sources_section);
  str(o, json, "report", c->report);
  str(o, json, "engine", c->engine);
  str(o, json, "cli", c->cli);
  if (c->format >= 0) str(o, json, "format", vb_format_names[c->format]);
  if (json) vb_buf_adds(o, "}\n");
}

int vb_cmd_config(int argc, char **argv) {
  const char *path = NULL;
  int json = 0, rc;
  vb_config c;
  vb_buf out = {0};
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--json")) json = 1;
    else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { fputs(config_help, stdout); return 0; }
    else if (argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--")) { vb_cli_err("config: unknown option '%s'", argv[i]); return 2; }
    else if (strcmp(argv[i], "--")) {
      if (path) { vb_cli_err("config: one PATH at most"); return 2; }
      path = argv[i];
    }
  }
  if (vb_cli_project(path, &c)) { vb_config_free(&c); return 2; }
  if (!strcmp(c.file, VB_CLI_NOCONFIG)) {
    if (json) fputs("null\n", stdout);
    else vb_cli_err("no %s in %s or any folder above it", VB_CONFIG_NAME, path ? path : ".");
    vb_config_free(&c);
    return json ? 0 : 1;
  }
  show(&out, json, &c);
  rc = vb_cli_flush(&out) ? 2 : 0;
  vb_buf_free(&out);
  vb_config_free(&c);
  return rc;
}
