/* cli_out.c: input and output the commands share (see cli_out.h). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli_out.h"
#include "decode.h"
#include "json.h"
#include "quotes.h"
#include "text.h"

void vb_cli_err(const char *fmt, ...) {
  va_list ap;
  fputs("verbatim: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

int vb_cli_color_arg(const char *arg, int *when) {
  static const char *const words[] = {"auto", "always", "never"};
  if (!arg) { *when = VB_COLOR_ALWAYS; return 0; }
  for (int k = 0; k < 3; k++)
    if (!strcmp(arg, words[k])) { *when = k; return 0; }
  return -1;
}

int vb_cli_color_on(int when, FILE *f) {
  const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
  if (when != VB_COLOR_AUTO) return when == VB_COLOR_ALWAYS;
  if (no && *no) return 0;
  if (term && !strcmp(term, "dumb")) return 0;
  return isatty(fileno(f));
}

void vb_cli_sgr(vb_buf *o, int on, const char *code) {
  if (on) vb_buf_addf(o, "\033[%sm", code);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void vb_cli_progress_init(vb_cli_prog *p, const char *verb, int when) {
  memset(p, 0, sizeof *p);
  p->verb = verb;
  p->tty = isatty(2);
  p->on = when == VB_COLOR_ALWAYS ? 2 : when == VB_COLOR_AUTO && p->tty;
  p->t0 = now();
}

void vb_cli_progress(void *ctx, size_t done, size_t total, unsigned long long bytes) {
  vb_cli_prog *p = ctx;
  double t;
  if (!p->on) return;
  t = now();
  if (p->on == 1 && t - p->t0 < 0.33) return;          /* a quick run shows nothing */
  if (p->shown && t - p->last < 0.1) return;
  p->shown = 1;
  p->last = t;
  fprintf(stderr, "%sverbatim: %s %zu/%zu files (%.1f MB)%s", p->tty ? "\r" : "", p->verb, done, total,
          (double)bytes / 1e6, p->tty ? "\033[K" : "\n");
  fflush(stderr);
}

void vb_cli_progress_end(vb_cli_prog *p) {
  if (p->shown && p->tty) fputs("\r\033[K", stderr);
  p->shown = 0;
}

int vb_cli_size(const char *arg, size_t *out) {
  char *e;
  unsigned long long v;
  int shift = 0;
  if (*arg < '0' || *arg > '9') return -1;
  v = strtoull(arg, &e, 10);
  if (*e == 'K' || *e == 'k') shift = 10, e++;
  else if (*e == 'M' || *e == 'm') shift = 20, e++;
  else if (*e == 'G' || *e == 'g') shift = 30, e++;
  else if (*e == 'T' || *e == 't') shift = 40, e++;
  if (*e || (v && v > (unsigned long long)SIZE_MAX >> shift)) return -1;
  *out = (size_t)(v << shift);
  return 0;
}

const char *vb_cli_size_str(size_t v, char *buf, size_t n) {
  static const char units[] = "KMGT";
  int u = -1;
  while (u < 3 && v && v % 1024 == 0) { v /= 1024; u++; }
  if (u < 0) snprintf(buf, n, "%zu", v);
  else snprintf(buf, n, "%zu%c", v, units[u]);
  return buf;
}

int vb_cli_read(const char *path, vb_buf *b, size_t max) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  struct stat st;
  char sz[32];
  const char *why = NULL;
  if (!f) { vb_cli_err("%s: %s", path, strerror(errno)); return -1; }
  /* a file's size is known before reading it: refused at once, or read into one block */
  if (!fstat(fileno(f), &st) && S_ISREG(st.st_mode) && st.st_size > 0) {
    if (max && (unsigned long long)st.st_size > (unsigned long long)max) why = "big";
    else vb_buf_reserve(b, (size_t)st.st_size);
  }
  /* stops at the first allocation that fails and at the size limit, so that endless
   * input (/dev/zero, yes) ends with a message rather than running on */
  while (!why) {
    size_t k, room = b->cap ? b->cap - b->n - 1 : 0;
    if (!room) {                 /* full (a file read to its size): one byte tells whether it ends */
      char c;
      if (!fread(&c, 1, 1, f)) break;
      vb_buf_add(b, &c, 1);
      if (vb_buf_reserve(b, 65536)) break;
      room = b->cap - b->n - 1;
    }
    k = fread(b->p + b->n, 1, room, f);
    b->n += k;
    b->p[b->n] = '\0';
    if (max && b->n > max) why = "big";
    else if (k < room) break;
  }
  if (!why && b->oom) why = "out of memory";
  if (!why && ferror(f)) why = strerror(errno);
  if (f != stdin) fclose(f);
  if (why) {
    if (!strcmp(why, "big")) vb_cli_err("%s: larger than --max-size=%s (give a larger --max-size, or 0 for no limit)", path, vb_cli_size_str(max, sz, sizeof sz));
    else vb_cli_err("%s: %s", path, why);
    vb_buf_free(b);
    return -1;
  }
  if (!b->p) vb_buf_add(b, "", 0);   /* an empty file is an empty text, not NULL */
  return 0;
}

int vb_cli_write_file(const char *path, const vb_buf *b) {
  vb_buf tmp = {0};
  FILE *f;
  int e = 0;
  if (b->oom) { vb_cli_err("%s: out of memory", path); return -1; }
  if (!strcmp(path, "-")) {
    if (b->n && fwrite(b->p, 1, b->n, stdout) != b->n) { vb_cli_err("write error"); return -1; }
    return 0;
  }
  vb_buf_addf(&tmp, "%s.tmp%ld", path, (long)getpid());
  if (tmp.oom) { vb_cli_err("%s: out of memory", path); return -1; }
  if (!(f = fopen(tmp.p, "wb"))) e = errno;
  else {
    if (b->n && fwrite(b->p, 1, b->n, f) != b->n) e = errno ? errno : EIO;
    if (fclose(f) && !e) e = errno;
    if (!e && rename(tmp.p, path)) e = errno;
    if (e) remove(tmp.p);
  }
  if (e) vb_cli_err("%s: %s", path, strerror(e));
  vb_buf_free(&tmp);
  return e ? -1 : 0;
}

void vb_cli_spill(vb_buf *o) {
  if (o->n >= 65536 && !o->oom) {
    if (fwrite(o->p, 1, o->n, stdout) != o->n) o->oom = 1;   /* main says "write error" */
    o->n = 0;
  }
}

int vb_cli_text(const char *path, vb_buf *b, size_t max) {
  vb_decoded d;
  vb_buf warn = {0};
  int rc = 0;
  if (vb_cli_read(path, b, max)) return -1;
  if (vb_decode(&d, path, (const unsigned char *)b->p, b->n, NULL, &warn)) {
    vb_cli_err("%s: out of memory", path);
    rc = -1;
  } else if (d.binary) {
    vb_cli_err("%s: %s", path, warn.p ? warn.p : "not text");
    rc = -1;
  } else {
    if (warn.n) vb_cli_err("%s: warning: %s", path, warn.p);
    if (d.s != b->p) {                        /* decoded: the text replaces the bytes */
      vb_buf t = {0};
      vb_buf_add(&t, d.s, d.n);
      vb_buf_add(&t, "", 0);
      if (t.oom) { vb_cli_err("%s: out of memory", path); rc = -1; vb_buf_free(&t); }
      else { vb_buf_free(b); *b = t; b->n = d.n; }
    }
  }
  vb_decoded_free(&d);
  vb_buf_free(&warn);
  if (rc) vb_buf_free(b);
  return rc;
}

void vb_cli_warnings(vb_buf *warn) {
  const char *p, *end;
  if (!warn->n) return;
  p = warn->p; end = warn->p + warn->n;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t k = nl ? (size_t)(nl - p) : (size_t)(end - p);
    vb_cli_err("%.*s", (int)k, p);
    p += k + 1;
  }
  warn->n = 0;
}

int vb_cli_flush(vb_buf *b) {
  if (b->oom) { vb_cli_err(ferror(stdout) ? "write error" : "out of memory"); return -1; }
  if (b->n && fwrite(b->p, 1, b->n, stdout) != b->n) { vb_cli_err("write error"); return -1; }
  b->n = 0;
  return 0;
}

/* A name, role, organisation or cue as a JSON string: white space folded, since a name
 * may wrap over a line end in the text (null when absent). */
static void span_json(vb_buf *o, const char *s, vb_span sp) {
  vb_buf t = {0};
  if (sp.start == VB_NONE) { vb_buf_adds(o, "null"); return; }
  if (vb_buf_reserve(&t, sp.end - sp.start)) { o->oom = 1; return; }
  t.n = vb_name_copy(t.p, s, sp);
  vb_json_str(o, t.p, t.n);
  vb_buf_free(&t);
}

static void source_json(vb_buf *o, const char *s, const vb_analysis *an, const vb_source *src) {
  const vb_entity *E = &an->ent.v[src->entity];
  vb_buf_adds(o, "{\"name\":");
  span_json(o, s, E->name);
  vb_buf_adds(o, ",\"role\":");
  span_json(o, s, E->role);
  vb_buf_adds(o, ",\"org\":");
  span_json(o, s, E->org);
  if (E->org_long.start != VB_NONE) { vb_buf_adds(o, ",\"org_long\":"); span_json(o, s, E->org_long); }
  vb_buf_addf(o, ",\"kind\":\"%s\",\"quotes\":[", E->kind == VB_ENT_PERSON ? "person" : E->kind == VB_ENT_ORG ? "org" : "group");
  for (size_t k = 0; k < src->nq; k++) vb_buf_addf(o, "%s%zu", k ? "," : "", an->srcq.v[src->q0 + k]);
  vb_buf_addf(o, "],\"words\":%zu,\"quoted\":%zu,\"paraphrased\":%zu,\"paraphrases\":[", src->words, src->nq, src->np);
  for (size_t k = 0; k < src->np; k++) vb_buf_addf(o, "%s%zu", k ? "," : "", an->srcq.v[src->p0 + k]);
  vb_buf_adds(o, "]}");
}

/* quote i's fields, without the closing brace (t is scratch space) */
static void quote_json(vb_buf *o, const char *s, const vb_analysis *an, size_t i, vb_buf *t) {
  const vb_quotes *qs = &an->qs;
  const vb_quote *q = &qs->q.v[i];
  const vb_attr *at = &an->attr.v[i];
  const vb_span none = {VB_NONE, VB_NONE};
  t->n = 0;
  vb_quote_text(s, qs, q, t);
  vb_buf_addf(o, "{\"start\":%zu,\"end\":%zu,\"line\":%u,\"col\":%u,\"text\":", q->start, q->end, q->line, q->col);
  vb_json_str(o, t->p ? t->p : "", t->n);
  vb_buf_addf(o, ",\"kind\":\"%s\",\"speaker\":", vb_kind_names[q->kind]);
  if (at->mention.start == VB_NONE) vb_buf_adds(o, "null");
  else {
    const vb_entity *E = at->entity >= 0 ? &an->ent.v[at->entity] : NULL;
    vb_buf_adds(o, "{\"name\":");
    span_json(o, s, vb_speaker_name(an, i));
    vb_buf_addf(o, ",\"start\":%zu,\"end\":%zu,\"role\":", at->mention.start, at->mention.end);
    span_json(o, s, E ? E->role : none);
    vb_buf_adds(o, ",\"org\":");
    span_json(o, s, E ? E->org : none);
    vb_buf_addc(o, '}');
  }
  vb_buf_adds(o, ",\"cue\":");
  if (at->cue.start == VB_NONE) vb_buf_adds(o, "null");
  else {
    vb_buf_adds(o, "{\"text\":");
    span_json(o, s, at->cue);
    vb_buf_addf(o, ",\"start\":%zu,\"end\":%zu}", at->cue.start, at->cue.end);
  }
  vb_buf_addf(o, ",\"confidence\":%.2f,\"rule\":", at->confidence);
  vb_json_cstr(o, at->rule);
  if (q->nparts > 1) {
    vb_buf_adds(o, ",\"parts\":[");
    for (size_t k = 0; k < q->nparts; k++) {
      const vb_part *p = &qs->parts.v[q->part0 + k];
      vb_buf_addf(o, "%s{\"start\":%zu,\"end\":%zu}", k ? "," : "", p->start, p->end);
    }
    vb_buf_addc(o, ']');
  }
}

void vb_cli_json(vb_buf *o, const char *file, const char *s, const vb_analysis *an, const vb_cli_more *more) {
  const vb_quotes *qs = &an->qs;
  vb_buf t = {0};
  vb_buf_addc(o, '{');
  vb_json_key(o, "file"); vb_json_cstr(o, file);
  vb_buf_adds(o, ",\"quotes\":[");
  for (size_t i = 0; i < qs->q.n; i++) {
    vb_buf_adds(o, i ? ",\n" : "\n");
    vb_cli_spill(o);                 /* written as it goes: a big text's JSON is not held whole */
    quote_json(o, s, an, i, &t);
    if (more && more->quote) more->quote(o, i, more->ctx);
    vb_buf_addc(o, '}');
  }
  vb_buf_adds(o, "],\n\"sources\":[");
  for (size_t k = 0; k < an->src.n; k++) {
    vb_buf_adds(o, k ? ",\n" : "\n");
    source_json(o, s, an, &an->src.v[k]);
  }
  vb_buf_adds(o, "],\n\"unattributed\":[");
  for (size_t k = 0; k < an->unattributed.n; k++) vb_buf_addf(o, "%s%zu", k ? "," : "", an->unattributed.v[k]);
  vb_buf_addc(o, ']');
  if (more && more->file) more->file(o, more->ctx);
  vb_buf_adds(o, ",\"diagnostics\":[");
  for (size_t i = 0; i < qs->diag.n; i++) {
    const vb_diag *d = &qs->diag.v[i];
    vb_buf_addf(o, "%s{\"offset\":%zu,\"line\":%u,\"col\":%u,\"message\":", i ? "," : "", d->off, d->line, d->col);
    vb_json_cstr(o, d->msg);
    vb_buf_addc(o, '}');
  }
  vb_buf_adds(o, "]}");
  vb_buf_free(&t);
}

void vb_cli_span(vb_buf *o, const char *s, vb_span sp, size_t max) {
  if (sp.start != VB_NONE) vb_excerpt(o, s + sp.start, sp.end - sp.start, max);
}

void vb_cli_speaker(vb_buf *o, const char *s, const vb_analysis *an, size_t i) {
  const vb_attr *at = &an->attr.v[i];
  if (at->mention.start == VB_NONE) return;
  vb_buf_adds(o, " \xE2\x80\x94 ");
  vb_cli_span(o, s, vb_speaker_name(an, i), 40);
  if (at->cue.start != VB_NONE) { vb_buf_adds(o, " ("); vb_cli_span(o, s, at->cue, 30); vb_buf_addc(o, ')'); }
}
