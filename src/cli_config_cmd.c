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
#include "json.h"

static const char config_help[] =
  "usage: verbatim config [--json] [PATH]\n"
  "Show the project file (.verbatim.yaml) that governs PATH (a draft or a folder; default\n"
  "the working directory): the first found walking up from it, or the one --config names,\n"
  "with every key it sets (paths resolved against its folder). --json: one object with the\n"
  "file's keys plus \"file\" and \"dir\" (null when there is no project file).\n"
  "Exit status: 0 found, 1 none (without --json), 2 the file cannot be read or parsed.\n";

typedef struct shown { vb_buf *o; int json; } shown;

/* one key: "key: value" a line, or ,"key":value in the JSON object */
static void show_key(void *ctx, const vb_cval *v) {
  const shown *w = ctx;
  vb_buf *o = w->o;
  if (w->json) { vb_buf_addc(o, ','); vb_json_key(o, v->key); }
  else vb_buf_addf(o, "%s:", v->key);
  switch (v->kind) {
  case VB_CV_LIST:
    if (w->json) vb_buf_addc(o, '[');
    for (size_t i = 0; i < v->list->n; i++) {
      if (w->json) { if (i) vb_buf_addc(o, ','); vb_json_cstr(o, v->list->v[i]); }
      else vb_buf_addf(o, " %s", v->list->v[i]);
    }
    if (w->json) vb_buf_addc(o, ']');
    break;
  case VB_CV_BOOL: vb_buf_adds(o, w->json ? "" : " "); vb_buf_adds(o, v->num ? "true" : "false"); break;
  case VB_CV_NUM: vb_buf_addf(o, w->json ? "%lld" : " %lld", v->num); break;
  case VB_CV_STR:
    if (w->json) vb_json_cstr(o, v->str);
    else vb_buf_addf(o, " %s", v->str);
    break;
  }
  if (!w->json) vb_buf_addc(o, '\n');
}

static void show(vb_buf *o, int json, const vb_config *c) {
  shown w;
  w.o = o; w.json = json;
  if (json) { vb_buf_adds(o, "{\"file\":"); vb_json_cstr(o, c->file); vb_buf_adds(o, ",\"dir\":"); vb_json_cstr(o, c->dir); }
  else vb_buf_addf(o, "# %s\n", c->file);
  vb_config_each(c, show_key, &w);
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
