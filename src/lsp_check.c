/* lsp_check.c: a document analysed and checked (lsp.h), and its diagnostics. One engine
 * call a document (vb_check_draft, or vb_analyze when its project names no material),
 * with the project's cues and options; the diagnostics say what `verbatim check` and
 * `verbatim quotes` say, with the CLI's words as codes:
 *   altered, not_found, speaker_mismatch, cleaned, uncovered, borrowed   what the
 *                       check says: an error when the gate (the project's fail-on, as
 *                       the CLI's --fail-on) fails on it (a warning with `strict: false`),
 *                       else information (uncovered: a hint); the diff line of an
 *                       altered or cleaned quote in the message, the source passage as
 *                       relatedInformation
 *   unclosed            a quotation mark that never closes (warning)
 *   no_speaker          speech that no one is named for (information)
 *   project, check      a project file, source or cue pattern that cannot be used, or a
 *                       check that failed: an error at the top, since a gate never
 *                       passes on an error */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lsp.h"
#include "markdown.h"
#include "text.h"

#define PASSAGE_MAX ((size_t)1 << 20)   /* a passage read back for its place and words */

/* Does quote kind k count for the gate? Scare quotes and titles only with strict-terms;
 * paraphrase never (draft.h's rule, for the messages of quotes that do not fail). */
static int gated(const lsp_doc *d, vb_kind k) {
  int terms = d->proj && d->proj->gate.terms;
  return k == VB_TERM ? terms : k != VB_INDIRECT;
}

/* The engine's one gate (draft.h), as the CLI's exit status, Lua's check and the filter:
 * the project's policy (its fail-on: and strict-terms:, lsp_proj.c), else the default. */
int lsp_quote_fails(const lsp_doc *d, size_t i) {
  vb_gate g;
  if (!d->checked || i >= d->d.c.r.n) return 0;
  if (d->proj) g = d->proj->gate;
  else vb_gate_default(&g);
  return vb_draft_quote_fails(&d->d, i, &g);
}

long lsp_quote_at(const lsp_doc *d, size_t off) {
  const vb_quotes *qs = &d->d.an.qs;
  long best = -1;
  if (d->dirty || d->failed) return -1;
  for (size_t i = 0; i < qs->q.n && qs->q.v[i].start <= off; i++) {
    const vb_quote *q = &qs->q.v[i];
    /* the innermost: a later start that still holds off; the end counts (a cursor
     * just after the closing mark) */
    if (off <= q->end) best = (long)i;
  }
  return best;
}

/* ---------------------------------------------------------------- the source passage */

/* Quote i's passage: its file's bytes from the passage's line start to its end, read
 * back (pread: nothing else of the file), so that its range is counted as the client
 * counts. 0, or -1 when there is no passage or the file no longer reads. */
static int passage(const lsp_doc *d, size_t i, char **path, vb_buf *bytes, size_t *lead) {
  const vb_checked *c = &d->d.c;
  const vb_cres *r;
  size_t ls;
  int fd;
  if (!d->checked || i >= c->r.n || !(r = &c->r.v[i])->has_passage) return -1;
  ls = r->col >= 1 && r->start >= (size_t)r->col - 1 ? r->start - (r->col - 1) : r->start;
  if (r->end < ls || r->end - ls > PASSAGE_MAX) return -1;
  if (!(*path = strndup(c->arena.p + r->name, r->name_len))) return -1;
  if ((fd = open(*path, O_RDONLY | O_NONBLOCK)) < 0 || vb_buf_reserve(bytes, r->end - ls)) {
    if (fd >= 0) close(fd);
    free(*path);
    return -1;
  }
  for (size_t got = 0; got < r->end - ls;) {
    ssize_t k = pread(fd, bytes->p + got, r->end - ls - got, (off_t)(ls + got));
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) { close(fd); free(*path); return -1; }   /* the file changed under us */
    got += (size_t)k;
    bytes->n = got;
  }
  close(fd);
  *lead = r->start - ls;
  return 0;
}

/* the passage's {uri, range}; its words into words (an excerpt), when words is not NULL */
static json_t *passage_loc(lsp_server *S, const lsp_doc *d, size_t i, vb_buf *words) {
  const vb_cres *r;
  vb_buf b = {0};
  lsp_lines L = {0};
  char *path = NULL, *uri, *abs = NULL;
  size_t lead;
  long long l0, c0, l1, c1;
  json_t *loc = NULL;
  if (passage(d, i, &path, &b, &lead)) { vb_buf_free(&b); return NULL; }
  r = &d->d.c.r.v[i];
  if (path[0] != '/' && (abs = realpath(path, NULL)) != NULL) { free(path); path = abs; }
  if (!lsp_lines_build(&L, b.p, b.n) && (uri = lsp_path_uri(path)) != NULL) {
    lsp_position(b.p, b.n, &L, lead, S->utf8, &l0, &c0);
    lsp_position(b.p, b.n, &L, b.n, S->utf8, &l1, &c1);
    l0 += r->line - 1;
    l1 += r->line - 1;
    loc = json_pack("{s:s, s:{s:{s:I, s:I}, s:{s:I, s:I}}}", "uri", uri, "range", "start", "line", (json_int_t)l0,
                    "character", (json_int_t)c0, "end", "line", (json_int_t)l1, "character", (json_int_t)c1);
    if (words) vb_excerpt(words, b.p + lead, b.n - lead, 200);
    free(uri);
  }
  vb_vfree(&L);
  vb_buf_free(&b);
  free(path);
  return loc;
}

json_t *lsp_passage_location(lsp_server *S, const lsp_doc *d, size_t i) { return passage_loc(S, d, i, NULL); }

/* ---------------------------------------------------------------- diagnostics */

static json_t *diag(lsp_server *S, const lsp_doc *d, size_t a, size_t b, int sev, const char *code, const vb_buf *msg) {
  return json_pack("{s:o, s:i, s:s, s:s, s:o}", "range", lsp_range_json(d->text.p, d->text.n, &d->lines, a, b, S->utf8),
                   "severity", sev, "code", code, "source", "verbatim", "message", lsp_jstr(msg->p, msg->n));
}

static void add(json_t *arr, json_t *x) {
  if (x) json_array_append_new(arr, x);
}

/* one diagnostic a line of text (the project's problems, a failed check), at the top */
static void lines_at_top(lsp_server *S, const lsp_doc *d, json_t *arr, const vb_buf *text, const char *code) {
  vb_buf m = {0};
  for (size_t i = 0; text->p && i < text->n;) {
    const char *nl = memchr(text->p + i, '\n', text->n - i);
    size_t e = nl ? (size_t)(nl - text->p) : text->n;
    m.n = 0;
    vb_buf_adds(&m, "verbatim: ");
    vb_buf_add(&m, text->p + i, e - i);
    if (e > i) add(arr, diag(S, d, 0, 0, LSP_ERROR, code, &m));
    i = e + 1;
  }
  vb_buf_free(&m);
}

/* the byte after the code point at off: a mark's extent */
static size_t next_cp(const lsp_doc *d, size_t off) {
  uint32_t cp;
  return off < d->text.n ? off + vb_utf8_dec((const unsigned char *)d->text.p, d->text.n, off, &cp) : off;
}

/* what the check says of quote i, when it says anything: the message and its severity */
static void quote_diag(lsp_server *S, const lsp_doc *d, size_t i, json_t *arr) {
  const vb_quote *q = &d->d.an.qs.q.v[i];
  const vb_cres *r = &d->d.c.r.v[i];
  const vb_checked *c = &d->d.c;
  int fails = lsp_quote_fails(d, i), sev, strict = d->proj ? d->proj->cfg.strict : -1;
  const char *code;
  vb_buf m = {0}, words = {0};
  json_t *x, *loc = NULL;
  if ((r->verdict == VB_VERBATIM || r->verdict == VB_FAITHFUL) && !r->speaker_mismatch) return;   /* nothing to say */
  if (!gated(d, q->kind) && r->verdict != VB_ALTERED) return;   /* a scare quote not found: no one owes it */
  sev = fails ? (strict == 0 ? LSP_WARNING : LSP_ERROR) : r->verdict == VB_UNCOVERED ? LSP_HINT : LSP_INFO;
  if (r->verdict == VB_ALTERED || r->verdict == VB_CLEANED) {
    code = vb_verdict_names[r->verdict];
    vb_buf_adds(&m, r->verdict == VB_CLEANED ? "cleaned: " : r->splice ? "altered (splice): " : "altered: ");
    vb_diff_line(c, r, &m);
  } else if (r->verdict == VB_NOT_FOUND) {
    code = "not_found";
    vb_buf_adds(&m, "not found in the sources");
  } else if (r->verdict == VB_UNCOVERED) {
    code = "uncovered";
    vb_buf_adds(&m, "uncovered: the sources do not answer for this speaker");
  } else {
    code = "speaker_mismatch";
    vb_buf_adds(&m, "given to another speaker");
  }
  if (r->has_passage) {
    vb_buf_adds(&m, r->verdict == VB_ALTERED || r->verdict == VB_CLEANED ? "\nsource: " : ": found in ");
    vb_draft_place(&d->d, i, &m);
    if (S->related) loc = passage_loc(S, d, i, &words);
  }
  if ((x = diag(S, d, q->start, q->end, sev, code, &m)) != NULL) {
    json_object_set_new(x, "data", json_pack("{s:I, s:s}", "quote", (json_int_t)i, "verdict", vb_verdict_names[r->verdict]));
    if (loc) {
      vb_buf rm = {0};
      if (r->has_speaker) { vb_buf_add(&rm, c->arena.p + r->speaker, r->speaker_len); vb_buf_adds(&rm, ": "); }
      vb_buf_adds(&rm, "\xE2\x80\x9C");
      vb_buf_add(&rm, words.p ? words.p : "", words.n);
      vb_buf_adds(&rm, "\xE2\x80\x9D");
      json_object_set_new(x, "relatedInformation",
                          json_pack("[{s:o, s:o}]", "location", loc, "message", lsp_jstr(rm.p, rm.n)));
      loc = NULL;
      vb_buf_free(&rm);
    }
    add(arr, x);
  }
  json_decref(loc);
  vb_buf_free(&m);
  vb_buf_free(&words);
}

static void borrowed_diags(lsp_server *S, const lsp_doc *d, json_t *arr) {
  const vb_checked *c = &d->d.c;
  int strict = d->proj ? d->proj->cfg.strict : -1;
  vb_buf m = {0};
  for (size_t i = 0; i < c->b.n; i++) {
    const vb_borrow *b = &c->b.v[i];
    m.n = 0;
    vb_buf_addf(&m, "borrowed: %d words of a source without quotation marks\nsource: ", b->words);
    vb_buf_add(&m, c->arena.p + b->name, b->name_len);
    vb_buf_addf(&m, ":%u:%u", b->line, b->col);
    add(arr, diag(S, d, b->start, b->end, strict == 0 ? LSP_WARNING : LSP_ERROR, "borrowed", &m));
  }
  vb_buf_free(&m);
}

json_t *lsp_diagnostics(lsp_server *S, lsp_doc *d) {
  json_t *arr = json_array();
  const vb_analysis *an = &d->d.an;
  vb_buf m = {0};
  if (!arr) return NULL;
  if (d->proj) lines_at_top(S, d, arr, &d->proj->problems, "project");
  lines_at_top(S, d, arr, &d->problem, "check");
  if (d->failed) return arr;
  for (size_t i = 0; i < an->qs.diag.n; i++) {
    const vb_diag *g = &an->qs.diag.v[i];
    m.n = 0;
    vb_buf_adds(&m, g->msg);
    add(arr, diag(S, d, g->off, next_cp(d, g->off), LSP_WARNING, "unclosed", &m));
  }
  for (size_t k = 0; k < an->unattributed.n; k++) {
    const vb_quote *q = &an->qs.q.v[an->unattributed.v[k]];
    m.n = 0;
    vb_buf_adds(&m, "no speaker: the text names no one for this quote");
    add(arr, diag(S, d, q->start, q->end, LSP_INFO, "no_speaker", &m));
  }
  if (d->checked) {
    for (size_t i = 0; i < an->qs.q.n && i < d->d.c.r.n; i++) quote_diag(S, d, i, arr);
    borrowed_diags(S, d, arr);
  }
  vb_buf_free(&m);
  return arr;
}

/* ---------------------------------------------------------------- analysis */

/* How d is read: Markdown for the languages that are (markdown, quarto, rmd, pandoc),
 * plain text for plaintext; else the project's `format:`, else the file's extension. */
static vb_format doc_format(const lsp_doc *d, const lsp_proj *p) {
  static const char *const md[] = {"markdown", "quarto", "rmd", "rmarkdown", "pandoc", "mdx", NULL};
  int f;
  for (size_t i = 0; d->lang && md[i]; i++)
    if (!strcmp(d->lang, md[i])) return VB_FMT_MARKDOWN;
  if (d->lang && (!strcmp(d->lang, "plaintext") || !strcmp(d->lang, "text"))) return VB_FMT_TEXT;
  if (p && p->cfg.format >= 0) return (vb_format)p->cfg.format;
  f = vb_format_of_path(d->path ? d->path : d->uri);
  return f < 0 ? VB_FMT_TEXT : (vb_format)f;
}

/* The bytes the engine reads: the text, or its prose (a copy, masked). NULL on OOM. */
static const char *engine_text(lsp_doc *d, const lsp_proj *p) {
  if (doc_format(d, p) != VB_FMT_MARKDOWN) return d->text.p ? d->text.p : "";
  d->prose.n = 0;
  d->prose.oom = 0;
  vb_buf_add(&d->prose, d->text.p ? d->text.p : "", d->text.n);
  if (d->prose.oom || vb_prose(VB_FMT_MARKDOWN, d->prose.p ? d->prose.p : (char *)"", d->prose.n)) return NULL;
  return d->prose.p ? d->prose.p : "";
}

static void analyse(lsp_server *S, lsp_doc *d) {
  lsp_proj *p = lsp_proj_for(S, d->path);
  vb_aopts ao;
  vb_copts co;
  vb_buf err = {0};
  size_t max = p && p->cfg.max_size >= 0 ? (size_t)p->cfg.max_size : S->max_size;
  const char *s;
  int rc;
  d->proj = p;
  vb_draft_free(&d->d);
  d->problem.n = 0;
  d->problem.oom = 0;
  d->failed = d->checked = 0;
  d->dirty = 0;
  d->due_ms = 0;
  if (!p) { vb_buf_adds(&d->problem, "out of memory"); d->failed = 1; return; }
  if (max && d->text.n > max) {
    vb_buf_addf(&d->problem, "the document holds %zu bytes, over max-size (%zu): not analysed", d->text.n, max);
    d->failed = 1;
    return;
  }
  if (!(s = engine_text(d, p))) { vb_buf_adds(&d->problem, "out of memory"); d->failed = 1; return; }
  memset(&ao, 0, sizeof ao);
  memset(&co, 0, sizeof co);
  ao.cues = p->cues;
  ao.q.nested = p->cfg.nested == 1;
  ao.no_indirect = p->cfg.indirect != 1;   /* quotations only, unless the project asks (as the filter and Neovim read) */
  co.borrowed = p->cfg.borrowed > 0 ? p->cfg.borrowed : 0;
  if (p->M.v.n || p->M.idx.n) {
    rc = vb_check_draft(s, d->text.n, &ao, NULL, 0, &p->M, &co, &d->d, &err);
    d->checked = rc == 0;
    if (rc == -1) d->failed = 1;
  } else {
    rc = vb_analyze(s, d->text.n, &ao, &d->d.an);
    if (rc < -1) vb_buf_addf(&err, "cue pattern %d: match limit exceeded", -rc - 1);
    else if (rc) vb_buf_adds(&err, "out of memory");
    if (rc) d->failed = 1;
  }
  if (rc) {
    vb_buf_adds(&d->problem, "check failed: ");
    vb_buf_add(&d->problem, err.p ? err.p : "out of memory", err.p ? err.n : 13);
    if (d->failed) vb_draft_free(&d->d);
  }
  vb_buf_free(&err);
}

void lsp_check_now(lsp_server *S, lsp_doc *d) {
  json_t *diags;
  if (d->dirty) analyse(S, d);
  d->due_ms = 0;
  if (!(diags = lsp_diagnostics(S, d))) return;
  lsp_notify(S, "textDocument/publishDiagnostics",
             json_pack("{s:s, s:I, s:o}", "uri", d->uri, "version", (json_int_t)d->version, "diagnostics", diags));
}
