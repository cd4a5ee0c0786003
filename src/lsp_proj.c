/* lsp_proj.c: projects (lsp.h). Each document is governed by the .verbatim.yaml found
 * by walking up from its file (config.h), or, for a document with no file or no project
 * file above it, by the workspace folder's. A project is read once and kept; it is read
 * again when its file's stamp changes, and its folders are listed again after a few
 * seconds or when the client says files changed, so a transcript dropped into a source
 * folder is seen. The client's settings (initializationOptions, or
 * workspace/didChangeConfiguration) use the file's keys and win over it, as setup() and
 * command-line options do in the other hosts. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lsp.h"
#include "index.h"

#define RELIST_MS 5000           /* how old a listing of the source folders may get */

static void stamp(const char *file, long long *mt, long long *size, long long *ino) {
  struct stat st;
  *mt = *size = *ino = -1;
  if (!*file || stat(file, &st)) return;
  *mt = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
  *size = (long long)st.st_size;
  *ino = (long long)st.st_ino;
}

static void drop_material(lsp_proj *p) {
  for (size_t i = 0; i < p->idx.n; i++) vb_index_close(p->idx.v[i]);
  vb_vfree(&p->idx);
  vb_material_free(&p->M);
  memset(&p->M, 0, sizeof p->M);
  p->built_ms = 0;
}

/* a source file that cannot be used, said in the project's problems */
static void bad_source(const char *path, int e, void *ctx) {
  lsp_proj *p = ctx;
  if (e == EFBIG) vb_buf_addf(&p->problems, "source %s: larger than max-size\n", path);
  else vb_buf_addf(&p->problems, "source %s: %s\n", path, strerror(e));
}

/* the material: cfg.check's files and folders, cfg.index's indexes */
static void list_material(lsp_proj *p, size_t max) {
  vb_buf err = {0};
  drop_material(p);
  for (size_t i = 0; i < p->cfg.check.n; i++) {
    err.n = 0;
    if (vb_material_add_path(&p->M, p->cfg.check.v[i], &err)) {
      vb_buf_addc(&err, 0);
      vb_buf_addf(&p->problems, "source %s\n", err.p ? err.p : "out of memory");
    }
  }
  vb_material_vet(&p->M, 0, max, bad_source, p);
  for (size_t i = 0; i < p->cfg.index.n; i++) {
    vb_index *x;
    err.n = 0;
    if (!(x = vb_index_open(p->cfg.index.v[i], &err))) {
      vb_buf_addc(&err, 0);
      vb_buf_addf(&p->problems, "index %s\n", err.p ? err.p : "out of memory");
    } else if (vb_push(&p->idx, x) || vb_material_add_index(&p->M, x)) {
      if (!p->idx.n || p->idx.v[p->idx.n - 1] != x) vb_index_close(x);
      vb_buf_adds(&p->problems, "out of memory\n");
    }
  }
  vb_buf_free(&err);
  p->built_ms = lsp_now_ms();
}

/* The client's settings as a config: JSON is YAML's flow style, so the one parser reads
 * both and the settings take the file's keys, types and messages. */
static void client_settings(lsp_server *S, lsp_proj *p) {
  vb_config over;
  vb_buf err = {0};
  json_t *set = S->settings;
  char *text;
  if (!json_is_object(set)) return;
  /* a client that nests them under "verbatim" (as VS Code's settings do) */
  if (json_is_object(json_object_get(set, "verbatim"))) set = json_object_get(set, "verbatim");
  if (!json_object_size(set) || !(text = json_dumps(set, JSON_ENCODE_ANY))) return;
  memset(&over, 0, sizeof over);
  if (vb_config_parse(text, strlen(text), "client settings", S->root, &over, &err)) {
    vb_buf_addc(&err, 0);
    vb_buf_addf(&p->problems, "%s\n", err.p ? err.p : "out of memory");
  } else if (vb_config_overlay(&p->cfg, &over)) vb_buf_adds(&p->problems, "out of memory\n");
  vb_config_free(&over);
  vb_buf_free(&err);
  free(text);
}

/* The gate's policy, as `verbatim check` reads it: the default, strict-terms, fail-on (its
 * entries joined as --fail-on's list). One it cannot read is a problem of the project,
 * shown as an error, and the default classes stay (vb_config_gate leaves them). */
static void project_gate(lsp_proj *p) {
  vb_buf err = {0};
  vb_gate_default(&p->gate);
  if (vb_config_gate(&p->cfg, &p->gate, &err)) {
    vb_buf_addc(&err, 0);
    vb_buf_addf(&p->problems, "%s\n", err.p ? err.p : "out of memory");
  }
  vb_buf_free(&err);
}

/* (Re)read the project: its file, the client's settings over it, cues and material. */
static void build(lsp_server *S, lsp_proj *p) {
  vb_buf err = {0};
  drop_material(p);
  vb_config_free(&p->cfg);
  if (p->cues) vb_cues_free(p->cues);
  p->cues = NULL;
  p->problems.n = 0;
  p->problems.oom = 0;
  stamp(p->file, &p->mtime_ns, &p->size, &p->ino);
  if (*p->file && vb_config_load(p->file, &p->cfg, &err)) {
    vb_buf_addc(&err, 0);
    vb_buf_addf(&p->problems, "%s\n", err.p ? err.p : "out of memory");
    vb_config_free(&p->cfg);
    vb_config_parse("", 0, p->file, NULL, &p->cfg, &err);
  } else if (!*p->file) vb_config_parse("", 0, "(no project file)", S->root, &p->cfg, &err);
  client_settings(S, p);
  for (size_t i = 0; i < p->cfg.warnings.n; i++) lsp_log(S, 2, "verbatim: %s", p->cfg.warnings.v[i]);
  {
    /* built once for every analysis of the project's documents (the lexicon alone when
     * the project adds no patterns, or when its patterns do not compile) */
    char msg[256];
    p->cues = vb_cues_new((const char *const *)p->cfg.cues.v, NULL, p->cfg.cues.n, msg, sizeof msg);
    if (!p->cues && p->cfg.cues.n) {
      vb_buf_addf(&p->problems, "cues: %s\n", msg);
      p->cues = vb_cues_new(NULL, NULL, 0, msg, sizeof msg);
    }
  }
  project_gate(p);
  list_material(p, p->cfg.max_size >= 0 ? (size_t)p->cfg.max_size : S->max_size);
  vb_buf_free(&err);
}

lsp_proj *lsp_proj_for(lsp_server *S, const char *path) {
  vb_buf file = {0};
  lsp_proj *p = NULL;
  long long mt, size, ino;
  const char *from = path ? path : S->root;
  if (!from || !vb_config_find(from, &file)) {
    if (file.oom) return NULL;
    vb_buf_free(&file);
    if (path && S->root && vb_config_find(S->root, &file)) {}   /* the workspace's, for a file outside */
    else vb_buf_adds(&file, "");
  }
  if (file.oom) { vb_buf_free(&file); return NULL; }
  for (size_t i = 0; i < S->projs.n && !p; i++)
    if (!strcmp(S->projs.v[i]->file, file.p)) p = S->projs.v[i];
  if (!p) {
    if (!(p = calloc(1, sizeof *p)) || vb_push(&S->projs, p)) { free(p); vb_buf_free(&file); return NULL; }
    p->file = file.p;
    file.p = NULL;
    build(S, p);
  } else {
    stamp(p->file, &mt, &size, &ino);
    if (mt != p->mtime_ns || size != p->size || ino != p->ino) build(S, p);
    else if (lsp_now_ms() - p->built_ms > RELIST_MS) {
      /* the file's own problems stay; the material's are found again */
      build(S, p);
    }
  }
  vb_buf_free(&file);
  return p;
}

void lsp_proj_stale(lsp_server *S) {
  for (size_t i = 0; i < S->projs.n; i++) {
    S->projs.v[i]->built_ms = 0;
    S->projs.v[i]->mtime_ns = -2;                /* read the file again too */
  }
}

int lsp_proj_debounce(const lsp_server *S, const lsp_proj *p) {
  return p && p->cfg.debounce >= 0 ? p->cfg.debounce : S->debounce_ms;
}

void lsp_proj_free(lsp_proj *p) {
  if (!p) return;
  drop_material(p);
  vb_config_free(&p->cfg);
  if (p->cues) vb_cues_free(p->cues);
  vb_buf_free(&p->problems);
  free(p->file);
  free(p);
}
