/* config.c: the project file (config.h), read with libyaml's document loader. One table
 * of keys says each key's type and where its value goes; a value of the wrong type is
 * an error that names the key and its place in the file. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>
#include "config.h"
#include "format.h"

#define CONFIG_MAX ((size_t)1 << 20)   /* a project file is a few lines; this is no file of ours */

typedef enum ktype {
  K_PATHS,     /* a path or a list of them, resolved against the file's folder */
  K_STRS,      /* a string or a list of them, as written */
  K_BOOL,      /* true / false (yes/no, on/off) */
  K_WORDS,     /* borrowed: true (12), false (0), or a number of words >= 3 */
  K_MS,        /* milliseconds, 0 .. 60000 */
  K_SIZE,      /* bytes, or 256K / 256M / 1G; 0 no limit */
  K_TITLE,     /* true, false or a title */
  K_PATH,      /* one path, resolved */
  K_STR,       /* one string */
  K_ENGINE,    /* auto | native | cli */
  K_FORMAT,    /* text | markdown (format.h's names) */
} ktype;

typedef struct key {
  const char *name;
  ktype type;
  size_t off;                  /* offsetof the field in vb_config */
} key;

/* The keys, once: the parser's table and the list hosts read (vb_config_keys) */
#define KEYS(X) \
  X("check", K_PATHS, check) \
  X("index", K_PATHS, index) \
  X("cues", K_STRS, cues) \
  X("fail-on", K_STRS, fail_on) \
  X("strict", K_BOOL, strict) \
  X("strict-terms", K_BOOL, strict_terms) \
  X("indirect", K_BOOL, indirect) \
  X("nested", K_BOOL, nested) \
  X("annotate", K_BOOL, annotate) \
  X("borrowed", K_WORDS, borrowed) \
  X("debounce", K_MS, debounce) \
  X("max-size", K_SIZE, max_size) \
  X("sources-section", K_TITLE, sources_section) \
  X("report", K_PATH, report) \
  X("engine", K_ENGINE, engine) \
  X("cli", K_STR, cli) \
  X("format", K_FORMAT, format)
#define KEY_ENTRY(name, type, field) {name, type, offsetof(vb_config, field)},
#define KEY_NAME(name, type, field) name,
static const key keys[] = {KEYS(KEY_ENTRY)};
#define NKEYS (sizeof keys / sizeof *keys)

const char *const vb_config_keys[] = {KEYS(KEY_NAME) NULL};
#undef KEY_ENTRY
#undef KEY_NAME

/* what a parse needs at hand: the document, names for messages, the result */
typedef struct P {
  yaml_document_t *doc;
  const char *name, *dir;
  vb_config *cfg;
  vb_buf *err;
} P;

static int fail(P *p, const yaml_node_t *at, const char *fmt, const char *what) {
  vb_buf_addf(p->err, "%s:%zu:%zu: ", p->name, at ? (size_t)at->start_mark.line + 1 : 1,
              at ? (size_t)at->start_mark.column + 1 : 1);
  vb_buf_addf(p->err, fmt, what);
  return -1;
}

static const char *sval(const yaml_node_t *n) { return (const char *)n->data.scalar.value; }
static int plain(const yaml_node_t *n) { return n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE; }

/* YAML 1.1's booleans, as pandoc and most YAML readers take them; -1 when not one */
static int boolean(const yaml_node_t *n) {
  static const char *const yes[] = {"true", "yes", "on"}, *const no[] = {"false", "no", "off"};
  if (n->type != YAML_SCALAR_NODE || !plain(n)) return -1;
  for (size_t i = 0; i < 3; i++) {
    if (!strcasecmp(sval(n), yes[i])) return 1;
    if (!strcasecmp(sval(n), no[i])) return 0;
  }
  return -1;
}

/* a whole number of the node, or -1 when it is none (or over max) */
static long long number(const yaml_node_t *n, long long max) {
  const char *s = sval(n);
  char *e;
  long long v;
  if (n->type != YAML_SCALAR_NODE || !plain(n) || !*s || *s == '-' || *s == '+') return -1;
  errno = 0;
  v = strtoll(s, &e, 10);
  return *e || errno || v > max ? -1 : v;
}

/* bytes of "256M" (K, M, G, T, 1024-based, an optional B) or a plain number; -1 when not */
static long long size_of(const yaml_node_t *n) {
  const char *s = sval(n);
  char *e;
  unsigned long long v;
  int shift = 0;
  if (n->type != YAML_SCALAR_NODE || *s < '0' || *s > '9') return -1;
  errno = 0;
  v = strtoull(s, &e, 10);
  if (errno) return -1;
  switch (*e) {
  case 'k': case 'K': shift = 10; e++; break;
  case 'm': case 'M': shift = 20; e++; break;
  case 'g': case 'G': shift = 30; e++; break;
  case 't': case 'T': shift = 40; e++; break;
  default: break;
  }
  if (shift && (*e == 'b' || *e == 'B')) e++;
  if (*e || v > (unsigned long long)(1ULL << 62) >> shift) return -1;
  return (long long)(v << shift);
}

/* path as the file means it: absolute, ~/ (the home folder), else under the file's folder */
static char *resolve(const char *dir, const char *path) {
  const char *home = getenv("HOME"), *base = dir;
  size_t bn, pn;
  char *out;
  if (path[0] == '~' && path[1] == '/' && home && *home) { base = home; path += 2; }
  else if (path[0] == '/' || !dir || !*dir) return strdup(path);
  bn = strlen(base);
  pn = strlen(path);
  if (!(out = malloc(bn + pn + 2))) return NULL;
  memcpy(out, base, bn);
  if (bn && base[bn - 1] != '/') out[bn++] = '/';
  memcpy(out + bn, path, pn + 1);
  return out;
}

/* a scalar, or a list of scalars, appended to v (resolved when paths) */
static int strings(P *p, const key *k, const yaml_node_t *n, vb_paths *v) {
  const yaml_node_item_t *it, *end;
  if (n->type == YAML_SCALAR_NODE) {
    char *s = k->type == K_PATHS ? resolve(p->dir, sval(n)) : strdup(sval(n));
    if (!*sval(n)) { free(s); return fail(p, n, "'%s': an empty string", k->name); }
    if (!s || vb_push(v, s)) { free(s); vb_buf_adds(p->err, "out of memory"); return -1; }
    return 0;
  }
  if (n->type != YAML_SEQUENCE_NODE) return fail(p, n, "'%s': a string or a list of strings expected", k->name);
  end = n->data.sequence.items.top;
  for (it = n->data.sequence.items.start; it < end; it++) {
    const yaml_node_t *x = yaml_document_get_node(p->doc, *it);
    if (!x || x->type != YAML_SCALAR_NODE) return fail(p, x ? x : n, "'%s': a list of strings expected", k->name);
    if (strings(p, k, x, v)) return -1;
  }
  return 0;
}

static int set_string(P *p, const key *k, const yaml_node_t *n, char **dst) {
  char *s;
  if (n->type != YAML_SCALAR_NODE || !*sval(n)) return fail(p, n, "'%s': a string expected", k->name);
  if (k->type == K_ENGINE && strcmp(sval(n), "auto") && strcmp(sval(n), "native") && strcmp(sval(n), "cli"))
    return fail(p, n, "'%s': auto, native or cli expected", k->name);
  s = k->type == K_PATH ? resolve(p->dir, sval(n)) : strdup(sval(n));
  if (!s) { vb_buf_adds(p->err, "out of memory"); return -1; }
  free(*dst);
  *dst = s;
  return 0;
}

static int set_value(P *p, const key *k, const yaml_node_t *n) {
  char *field = (char *)p->cfg + k->off;
  long long v;
  int b;
  switch (k->type) {
  case K_PATHS: case K_STRS:
    return strings(p, k, n, (vb_paths *)(void *)field);
  case K_BOOL:
    if ((b = boolean(n)) < 0) return fail(p, n, "'%s': true or false expected", k->name);
    *(int *)(void *)field = b;
    return 0;
  case K_WORDS:
    if ((b = boolean(n)) >= 0) v = b ? 12 : 0;
    else if ((v = number(n, 100000)) < 3) return fail(p, n, "'%s': true, false or a number of words (3 or more) expected", k->name);
    *(int *)(void *)field = (int)v;
    return 0;
  case K_MS:
    if ((v = number(n, 60000)) < 0) return fail(p, n, "'%s': milliseconds (0 to 60000) expected", k->name);
    *(int *)(void *)field = (int)v;
    return 0;
  case K_SIZE:
    if ((v = size_of(n)) < 0) return fail(p, n, "'%s': a size expected (256M, 1G, 0 for no limit)", k->name);
    *(long long *)(void *)field = v;
    return 0;
  case K_TITLE:
    if ((b = boolean(n)) >= 0) {
      char *s = strdup(b ? "true" : "false");
      if (!s) { vb_buf_adds(p->err, "out of memory"); return -1; }
      free(*(char **)(void *)field);
      *(char **)(void *)field = s;
      return 0;
    }
    return set_string(p, k, n, (char **)(void *)field);
  case K_PATH: case K_STR: case K_ENGINE:
    return set_string(p, k, n, (char **)(void *)field);
  case K_FORMAT:
    if (n->type != YAML_SCALAR_NODE || (b = vb_format_parse(sval(n))) < 0)
      return fail(p, n, "'%s': text or markdown expected", k->name);
    *(int *)(void *)field = b;
    return 0;
  }
  return 0;
}

static int warn(P *p, const yaml_node_t *at, const char *what) {
  vb_buf w = {0};
  vb_buf_addf(&w, "%s:%zu:%zu: unknown key '%s' (ignored)", p->name, (size_t)at->start_mark.line + 1,
              (size_t)at->start_mark.column + 1, what);
  if (w.oom || vb_push(&p->cfg->warnings, w.p)) { vb_buf_free(&w); vb_buf_adds(p->err, "out of memory"); return -1; }
  return 0;
}

static int mapping(P *p, const yaml_node_t *m) {
  const yaml_node_pair_t *pr;
  for (pr = m->data.mapping.pairs.start; pr < m->data.mapping.pairs.top; pr++) {
    const yaml_node_t *k = yaml_document_get_node(p->doc, pr->key), *v = yaml_document_get_node(p->doc, pr->value);
    size_t i;
    if (!k || !v) continue;
    if (k->type != YAML_SCALAR_NODE) return fail(p, k, "%s", "a key must be a string");
    for (i = 0; i < NKEYS && strcmp(keys[i].name, sval(k)); i++) {}
    if (i == NKEYS) {
      if (warn(p, k, sval(k))) return -1;
      continue;
    }
    /* an empty value (`check:`) says nothing, as in the filter's metadata */
    if (v->type == YAML_SCALAR_NODE && plain(v) && (!*sval(v) || !strcmp(sval(v), "~") || !strcmp(sval(v), "null")))
      continue;
    if (set_value(p, &keys[i], v)) return -1;
  }
  return 0;
}

static void init(vb_config *cfg) {
  cfg->strict = cfg->strict_terms = cfg->indirect = cfg->nested = cfg->annotate = -1;
  cfg->borrowed = cfg->debounce = cfg->format = -1;
  cfg->max_size = -1;
}

int vb_config_parse(const char *s, size_t n, const char *name, const char *dir, vb_config *cfg, vb_buf *err) {
  yaml_parser_t yp;
  yaml_document_t doc;
  const yaml_node_t *root;
  P p = {&doc, name ? name : VB_CONFIG_NAME, dir, cfg, err};
  int rc = 0;
  init(cfg);
  if (!(cfg->file = strdup(p.name)) || !(cfg->dir = strdup(dir ? dir : ""))) {
    vb_buf_adds(err, "out of memory");
    return -1;
  }
  if (!yaml_parser_initialize(&yp)) { vb_buf_adds(err, "out of memory"); return -1; }
  yaml_parser_set_input_string(&yp, (const unsigned char *)s, n);
  if (!yaml_parser_load(&yp, &doc)) {
    vb_buf_addf(err, "%s:%zu:%zu: %s%s%s", p.name, (size_t)yp.problem_mark.line + 1, (size_t)yp.problem_mark.column + 1,
                yp.problem ? yp.problem : "YAML error", yp.context ? " " : "", yp.context ? yp.context : "");
    yaml_parser_delete(&yp);
    return -1;
  }
  root = yaml_document_get_root_node(&doc);
  if (root && root->type == YAML_MAPPING_NODE && root->data.mapping.pairs.top - root->data.mapping.pairs.start == 1) {
    /* the keys under `verbatim:`, as a document's metadata holds them */
    const yaml_node_pair_t *pr = root->data.mapping.pairs.start;
    const yaml_node_t *k = yaml_document_get_node(&doc, pr->key), *v = yaml_document_get_node(&doc, pr->value);
    if (k && v && k->type == YAML_SCALAR_NODE && !strcmp(sval(k), "verbatim") && v->type == YAML_MAPPING_NODE) root = v;
  }
  if (!root || (root->type == YAML_SCALAR_NODE && !*sval(root))) rc = 0;   /* an empty file says nothing */
  else if (root->type != YAML_MAPPING_NODE) rc = fail(&p, root, "%s", "a mapping of keys (check:, index:, ...) expected");
  else rc = mapping(&p, root);
  yaml_document_delete(&doc);
  yaml_parser_delete(&yp);
  return rc;
}

int vb_config_load(const char *path, vb_config *cfg, vb_buf *err) {
  FILE *f = fopen(path, "rb");
  vb_buf b = {0};
  char chunk[8192], *dir;
  const char *slash = strrchr(path, '/');
  size_t k;
  int rc;
  if (!f) {
    init(cfg);
    vb_buf_addf(err, "%s: %s", path, strerror(errno));
    return -1;
  }
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0 && b.n <= CONFIG_MAX) vb_buf_add(&b, chunk, k);
  rc = ferror(f);
  fclose(f);
  if (rc || b.oom || b.n > CONFIG_MAX) {
    init(cfg);
    vb_buf_addf(err, "%s: %s", path, rc ? "read error" : b.oom ? "out of memory" : "larger than 1 MiB: not a project file");
    vb_buf_free(&b);
    return -1;
  }
  dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup("");
  if (!dir) { init(cfg); vb_buf_free(&b); vb_buf_adds(err, "out of memory"); return -1; }
  rc = vb_config_parse(b.p ? b.p : "", b.n, path, dir, cfg, err);
  free(dir);
  vb_buf_free(&b);
  return rc;
}

void vb_config_free(vb_config *cfg) {
  vb_paths_free(&cfg->check);
  vb_paths_free(&cfg->index);
  vb_paths_free(&cfg->cues);
  vb_paths_free(&cfg->fail_on);
  vb_paths_free(&cfg->warnings);
  free(cfg->file);
  free(cfg->dir);
  free(cfg->sources_section);
  free(cfg->report);
  free(cfg->engine);
  free(cfg->cli);
  memset(cfg, 0, sizeof *cfg);
}

/* ---------------------------------------------------------------- overlaying */

static int copy_list(vb_paths *dst, const vb_paths *src) {
  vb_paths v = {0};
  for (size_t i = 0; i < src->n; i++) {
    char *s = strdup(src->v[i]);
    if (!s || vb_push(&v, s)) { free(s); vb_paths_free(&v); return -1; }
  }
  vb_paths_free(dst);
  *dst = v;
  return 0;
}

static int copy_str(char **dst, const char *src) {
  char *s;
  if (!src) return 0;
  if (!(s = strdup(src))) return -1;
  free(*dst);
  *dst = s;
  return 0;
}

int vb_config_overlay(vb_config *base, const vb_config *over) {
  int rc = 0;
  for (size_t i = 0; i < NKEYS; i++) {
    const key *k = &keys[i];
    char *dst = (char *)base + k->off;
    const char *src = (const char *)over + k->off;
    switch (k->type) {
    case K_PATHS: case K_STRS:
      if (((const vb_paths *)(const void *)src)->n) rc |= copy_list((vb_paths *)(void *)dst, (const vb_paths *)(const void *)src);
      break;
    case K_BOOL: case K_WORDS: case K_MS: case K_FORMAT:
      if (*(const int *)(const void *)src >= 0) *(int *)(void *)dst = *(const int *)(const void *)src;
      break;
    case K_SIZE:
      if (*(const long long *)(const void *)src >= 0) *(long long *)(void *)dst = *(const long long *)(const void *)src;
      break;
    case K_TITLE: case K_PATH: case K_STR: case K_ENGINE:
      rc |= copy_str((char **)(void *)dst, *(char *const *)(const void *)src);
      break;
    }
  }
  for (size_t i = 0; i < over->warnings.n && !rc; i++) {
    char *s = strdup(over->warnings.v[i]);
    if (!s || vb_push(&base->warnings, s)) { free(s); rc = -1; }
  }
  return rc ? -1 : 0;
}

void vb_config_each(const vb_config *cfg, vb_config_fn f, void *ctx) {
  for (size_t i = 0; i < NKEYS; i++) {
    const key *k = &keys[i];
    const char *at = (const char *)cfg + k->off;
    vb_cval v;
    memset(&v, 0, sizeof v);
    v.key = k->name;
    switch (k->type) {
    case K_PATHS: case K_STRS:
      v.kind = VB_CV_LIST; v.list = (const vb_paths *)(const void *)at;
      if (!v.list->n) continue;
      break;
    case K_BOOL:
      v.kind = VB_CV_BOOL; v.num = *(const int *)(const void *)at;
      if (v.num < 0) continue;
      break;
    case K_WORDS: case K_MS:
      v.kind = VB_CV_NUM; v.num = *(const int *)(const void *)at;
      if (v.num < 0) continue;
      break;
    case K_SIZE:
      v.kind = VB_CV_NUM; v.num = *(const long long *)(const void *)at;
      if (v.num < 0) continue;
      break;
    case K_FORMAT: {
      int fmt = *(const int *)(const void *)at;
      if (fmt < 0) continue;
      v.kind = VB_CV_STR; v.str = vb_format_names[fmt];
      break;
    }
    case K_TITLE: case K_PATH: case K_STR: case K_ENGINE:
      v.str = *(char *const *)(const void *)at;
      if (!v.str) continue;
      v.kind = k->type == K_TITLE && (!strcmp(v.str, "true") || !strcmp(v.str, "false")) ? VB_CV_BOOL : VB_CV_STR;
      if (v.kind == VB_CV_BOOL) v.num = v.str[0] == 't';
      break;
    }
    f(ctx, &v);
  }
}

/* ---------------------------------------------------------------- finding it */

static int is_file(const char *p) {
  struct stat st;
  return !stat(p, &st) && S_ISREG(st.st_mode);
}

int vb_config_find(const char *path, vb_buf *out) {
  struct stat st;
  vb_buf dir = {0};
  char cwd[4096];
  int found = 0;
  out->n = 0;
  if (!path || !*path) path = ".";
  vb_buf_adds(&dir, path);
  if (dir.oom) { out->oom = 1; return 0; }
  /* a file's folder; a folder itself */
  if (stat(path, &st) || !S_ISDIR(st.st_mode)) {
    char *sl = strrchr(dir.p, '/');
    if (!sl) dir.n = 0;
    else dir.n = sl == dir.p ? 1 : (size_t)(sl - dir.p);
    dir.p[dir.n] = 0;
  }
  /* a relative folder: from the working directory, so that the walk can go on above it */
  if (dir.n == 0 || dir.p[0] != '/') {
    if (!getcwd(cwd, sizeof cwd)) { vb_buf_free(&dir); return 0; }
    vb_buf rel = dir;
    memset(&dir, 0, sizeof dir);
    vb_buf_adds(&dir, cwd);
    if (rel.n && strcmp(rel.p, ".")) { vb_buf_addc(&dir, '/'); vb_buf_add(&dir, rel.p, rel.n); }
    vb_buf_free(&rel);
    if (dir.oom) { out->oom = 1; vb_buf_free(&dir); return 0; }
  }
  for (;;) {
    size_t keep = dir.n;
    char *sl;
    if (dir.n && dir.p[dir.n - 1] != '/') vb_buf_addc(&dir, '/');
    vb_buf_adds(&dir, VB_CONFIG_NAME);
    if (dir.oom) { out->oom = 1; break; }
    if (is_file(dir.p)) {
      vb_buf_add(out, dir.p, dir.n);
      found = !out->oom;
      break;
    }
    dir.n = keep;
    dir.p[dir.n] = 0;
    if (dir.n <= 1) break;                       /* the root was the last */
    sl = strrchr(dir.p, '/');
    dir.n = sl == dir.p ? 1 : (size_t)(sl - dir.p);
    dir.p[dir.n] = 0;
  }
  vb_buf_free(&dir);
  return found;
}

int vb_config_gate(const vb_config *cfg, vb_gate *g, vb_buf *err) {
  vb_buf list = {0}, why = {0};
  int rc = 0;
  if (cfg->strict_terms >= 0) g->terms = cfg->strict_terms;
  if (!cfg->fail_on.n) return 0;
  /* the entries joined as --fail-on's comma list: a list replaces, +X and -X change */
  for (size_t i = 0; i < cfg->fail_on.n; i++) vb_buf_addf(&list, "%s%s", i ? "," : "", cfg->fail_on.v[i]);
  if (list.oom) rc = -1, vb_buf_addf(err, "%s: fail-on: out of memory", cfg->file ? cfg->file : VB_CONFIG_NAME);
  else if (vb_gate_parse(g, list.p, &why)) {
    vb_buf_addf(err, "%s: fail-on: %s", cfg->file ? cfg->file : VB_CONFIG_NAME, why.p ? why.p : "out of memory");
    rc = -1;
  }
  vb_buf_free(&list);
  vb_buf_free(&why);
  return rc;
}
