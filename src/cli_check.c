/* cli_check.c: `verbatim check` (quotes against the material, a publishing gate) and
 * `verbatim index` (build or extend an archive index).
 * check exits 0 when every quote is verbatim or faithful, 1 when one is altered or not
 * found, given to the wrong speaker, or a passage is borrowed without quotation marks;
 * 2 on errors. Scare quotes and titles (kind term) and paraphrase (indirect) get a
 * verdict but do not fail the gate: no source owes them (--strict-terms counts terms). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include "cli.h"
#include "cli_out.h"
#include "config.h"
#include "cues.h"
#include "cli_draft.h"
#include "material.h"
#include "draft.h"
#include "index.h"
#include "json.h"
#include "quotes.h"
#include "text.h"

static const char check_help[] =
  "usage: verbatim check [--json] [--borrowed[=N]] [--strict-terms] [--format text|markdown]\n"
  "                      (--source PATH | --index IDX)... FILE...\n"
  "Check every quotation of FILE against source material: files, folders (recursive) or\n"
  "an index from `verbatim index`. One line a quote: FILE:LINE:COL: verdict, where it was\n"
  "found, and for an altered quote what differs ([-source-]{+quote+}); then on stderr a\n"
  "line a FILE: N quotes: n verbatim, n faithful, n altered, n not found.\n"
  "  --source PATH   a source file or folder (repeatable)\n"
  "  --index IDX     an archive index (repeatable)\n"
  "  --borrowed[=N]  also report unquoted runs of N or more source words (default 12)\n"
  "  --strict-terms  scare quotes and titles (kind term) count for the exit status too\n"
  "  --cue PATTERN   also treat matches of this PCRE2 pattern as cues (repeatable)\n"
  "  --json          the object of `verbatim quotes --json` with a \"check\" in every quote\n"
  "  --max-size=SIZE refuse drafts and source files larger than SIZE (default 256M; K, M,\n"
  "                  G; 0: no limit)\n"
  "  --format text|markdown  how to read FILE (default: .md, .markdown, .qmd, .rmd are\n"
  "                  Markdown: front matter, code, link targets, HTML are not prose)\n"
  "A FILE that is a folder stands for its text and Markdown files (recursive, sorted).\n"
  "Exit status: 0 all verbatim or faithful, 1 a quote altered or not found (or given to\n"
  "another speaker, or borrowed prose), 2 errors: among them any source file that cannot\n"
  "be read, whatever the draft holds (the others are still checked). Scare quotes and\n"
  "titles (kind term) are not speech: they get a verdict but do not count unless\n"
  "--strict-terms.\n";

static const char index_help[] =
  "usage: verbatim index --output IDX [--append] [--wait SECONDS] [--max-size=SIZE] PATH...\n"
  "       verbatim index --list IDX\n"
  "Index the files under each PATH for `verbatim check --index IDX`. The index refers to\n"
  "the files by absolute path; keep them in place. --append adds only new or changed\n"
  "files to the index (made when missing), as a new segment. Files larger than\n"
  "--max-size (default 256M; 0: no limit) or that cannot be read are named and left out\n"
  "(exit status 2).\n"
  "  --wait SECONDS  wait at most this long while another writer holds IDX (default 600;\n"
  "                  0: fail at once)\n"
  "  --list IDX      the files IDX holds, one a line: ok, changed or missing, and the path\n"
  "A crash or kill at any point leaves IDX as it was or complete, never in between;\n"
  "writers of one index take turns, and checks read it meanwhile.\n";

static void json_passage(vb_buf *o, const vb_checked *c, const vb_cres *r) {
  if (!r->has_passage) { vb_buf_adds(o, "null"); return; }
  vb_buf_adds(o, "{\"file\":");
  vb_json_str(o, c->arena.p + r->name, r->name_len);
  vb_buf_addf(o, ",\"start\":%zu,\"end\":%zu,\"line\":%u,\"col\":%u,\"speaker\":", r->start, r->end, r->line, r->col);
  if (r->has_speaker) vb_json_str(o, c->arena.p + r->speaker, r->speaker_len);
  else vb_buf_adds(o, "null");
  vb_buf_addc(o, '}');
}

/* check's additions to the quotes object: a "check" in every quote, "borrowed" per file */
typedef struct jctx { const vb_checked *c; } jctx;

static void json_check(vb_buf *o, size_t i, void *ctx) {
  const vb_checked *c = ((const jctx *)ctx)->c;
  const vb_cres *r = &c->r.v[i];
  vb_buf_addf(o, ",\"check\":{\"verdict\":\"%s\",\"score\":%.3f,\"splice\":%s,\"speaker_mismatch\":%s,\"source\":",
              vb_verdict_names[r->verdict], r->score, r->splice ? "true" : "false",
              r->speaker_mismatch ? "true" : "false");
  json_passage(o, c, r);
  vb_buf_adds(o, ",\"diff\":[");
  for (size_t k = 0; k < r->nd; k++) {
    const vb_dop *d = &c->d.v[r->d0 + k];
    vb_buf_addf(o, "%s{\"op\":\"%c\",\"text\":", k ? "," : "", d->op);
    vb_json_str(o, c->arena.p + d->off, d->len);
    vb_buf_addc(o, '}');
  }
  vb_buf_addc(o, ']');
  if (r->nd) {                  /* the diff as every host prints it (vb_diff_line) */
    vb_buf line = {0};
    vb_diff_line(c, r, &line);
    vb_buf_adds(o, ",\"diff_line\":");
    if (line.oom) o->oom = 1;
    else vb_json_str(o, line.p ? line.p : "", line.n);
    vb_buf_free(&line);
  }
  vb_buf_addc(o, '}');
}

static void json_borrowed(vb_buf *o, void *ctx) {
  const vb_checked *c = ((const jctx *)ctx)->c;
  vb_buf_adds(o, ",\"borrowed\":[");
  for (size_t i = 0; i < c->b.n; i++) {
    const vb_borrow *b = &c->b.v[i];
    vb_buf_addf(o, "%s{\"start\":%zu,\"end\":%zu,\"words\":%d,\"source\":{\"file\":", i ? "," : "", b->start, b->end, b->words);
    vb_json_str(o, c->arena.p + b->name, b->name_len);
    vb_buf_addf(o, ",\"start\":%zu,\"end\":%zu,\"line\":%u,\"col\":%u}}", b->sstart, b->send, b->line, b->col);
  }
  vb_buf_addc(o, ']');
}

static void human_file(vb_buf *o, const char *file, const char *s, size_t n, const vb_draft *dr) {
  const vb_quotes *qs = &dr->an.qs;
  const vb_checked *c = &dr->c;
  vb_buf t = {0};
  vb_lines L = {0};
  for (size_t i = 0; i < qs->q.n; i++) {
    const vb_quote *q = &qs->q.v[i];
    const vb_cres *r = &c->r.v[i];
    t.n = 0;
    vb_cli_spill(o);
    vb_quote_text(s, qs, q, &t);
    vb_buf_addf(o, "%s:%u:%u: %s%s \xE2\x80\x9C", file, q->line, q->col, vb_verdict_names[r->verdict],
                r->splice ? " (splice)" : "");
    vb_excerpt(o, t.p ? t.p : "", t.n, 50);
    vb_buf_adds(o, "\xE2\x80\x9D");
    if (r->has_passage) {
      vb_buf_adds(o, " in ");
      vb_buf_add(o, c->arena.p + r->name, r->name_len);
      vb_buf_addf(o, ":%u:%u", r->line, r->col);
      if (r->has_speaker) {
        vb_buf_adds(o, " (");
        vb_buf_add(o, c->arena.p + r->speaker, r->speaker_len);
        if (r->speaker_mismatch && dr->speakers && dr->speakers[i]) {
          vb_buf_adds(o, ", not ");
          vb_buf_adds(o, dr->speakers[i]);
          vb_buf_addc(o, ')');
        } else vb_buf_adds(o, ")");
      }
    }
    vb_buf_addc(o, '\n');
    if (r->verdict == VB_ALTERED) {
      /* indented under its quote; the space after the line is the CLI's of old, kept so
       * that the output stays byte for byte what it was */
      vb_buf_adds(o, "    ");
      vb_diff_line(c, r, o);
      vb_buf_adds(o, r->nd ? " \n" : "\n");
    }
  }
  if (c->b.n && vb_lines_build(&L, s, n) == 0) {
    for (size_t i = 0; i < c->b.n; i++) {
      const vb_borrow *b = &c->b.v[i];
      uint32_t line, col;
      vb_lines_pos(&L, b->start, &line, &col);
      vb_buf_addf(o, "%s:%u:%u: borrowed %d words without quotation marks \xE2\x80\x9C", file, line, col, b->words);
      vb_excerpt(o, s + b->start, b->end - b->start, 50);
      vb_buf_adds(o, "\xE2\x80\x9D in ");
      vb_buf_add(o, c->arena.p + b->name, b->name_len);
      vb_buf_addf(o, ":%u:%u\n", b->line, b->col);
    }
  }
  vb_lines_free(&L);
  vb_buf_free(&t);
}

/* Does quote kind k count for the exit status? Scare quotes and titles are not claims
 * about what was said, nor is paraphrase: no source owes their words. */
static int gated(vb_kind k, int strict_terms) { return k == VB_TERM ? strict_terms : k != VB_INDIRECT; }

static void plural(vb_buf *b, int n, const char *one, const char *many) {
  vb_buf_addf(b, "%d %s", n, n == 1 ? one : many);
}

/* 1 when the file fails the gate; its summary line into sum:
 * "FILE: 12 quotes: 9 verbatim, 1 faithful, 1 altered, 1 not found", and what else
 * fails it (a wrong speaker, borrowed prose) or was left out of it (terms). */
static int gate(vb_buf *sum, const char *file, const vb_quotes *qs, const vb_checked *c, int strict_terms) {
  int n[4] = {0, 0, 0, 0}, wrong = 0, terms = 0, para = 0, fail = c->b.n > 0;
  for (size_t i = 0; i < qs->q.n; i++) {
    const vb_cres *r = &c->r.v[i];
    n[r->verdict]++;
    if (r->verdict != VB_ALTERED && r->verdict != VB_NOT_FOUND && !r->speaker_mismatch) continue;
    if (gated(qs->q.v[i].kind, strict_terms)) {
      fail = 1;
      wrong += r->speaker_mismatch;
    } else if (qs->q.v[i].kind == VB_TERM) terms++;
    else para++;
  }
  vb_buf_addf(sum, "%s: ", file);
  plural(sum, (int)qs->q.n, "quote", "quotes");
  vb_buf_addf(sum, ": %d verbatim, %d faithful, %d altered, %d not found", n[VB_VERBATIM], n[VB_FAITHFUL],
              n[VB_ALTERED], n[VB_NOT_FOUND]);
  if (wrong) { vb_buf_adds(sum, ", "); plural(sum, wrong, "given to another speaker", "given to other speakers"); }
  if (c->b.n) { vb_buf_adds(sum, ", "); plural(sum, (int)c->b.n, "borrowed passage", "borrowed passages"); }
  if (terms) { vb_buf_adds(sum, "; not counted: "); plural(sum, terms, "scare quote or title", "scare quotes or titles"); }
  if (para) { vb_buf_adds(sum, terms ? ", " : "; not counted: "); plural(sum, para, "paraphrase", "paraphrases"); }
  vb_buf_addc(sum, '\n');
  return fail;
}

/* The bytes the material's files from n0 on hold: a --source that adds none (an empty
 * folder or file) is most likely a wrong path, and every quote would come out not found. */
static unsigned long long material_bytes(const vb_material *M, size_t n0) {
  unsigned long long b = 0;
  for (size_t k = n0; k < M->v.n; k++) {
    struct stat st;
    if (!stat(M->v.v[k].name, &st)) b += (unsigned long long)st.st_size;
  }
  return b;
}

/* A file of the material or the index that cannot be used, named on stderr. */
static void bad_file(const char *path, int e, void *ctx) {
  char sz[32];
  if (e == EFBIG)
    vb_cli_err("%s: larger than --max-size=%s (give a larger --max-size, or 0 for no limit)", path,
               vb_cli_size_str(*(const size_t *)ctx, sz, sizeof sz));
  else vb_cli_err("%s: %s", path, strerror(e));
}

/* The project file's material when no --source or --index was given, its cues, indirect
 * and nested (ao; the cues compiled here, freed by the caller). -1 on an error (said). */
typedef VB_VEC(vb_index *) idx_vec;
typedef VB_VEC(const char *) cue_vec;
static int project_options(const char *first, vb_config *cfg, vb_material *M, idx_vec *idx, int *nsrc, vb_aopts *ao,
                           const cue_vec *ucues, vb_cues **cues) {
  /* --cue patterns, else the project file's */
  const char *const *pats = ucues->n ? ucues->v : (const char *const *)cfg->cues.v;
  size_t npat = ucues->n ? ucues->n : cfg->cues.n;
  vb_buf err = {0};
  int rc = 0;
  char msg[256];
  if (vb_cli_project(first, cfg)) return -1;
  for (size_t k = 0; !*nsrc && k < cfg->check.n + cfg->index.n && !rc; k++) {
    err.n = 0;
    if (k < cfg->check.n) {
      size_t n0 = M->v.n;
      int bad = vb_material_add_path(M, cfg->check.v[k], &err);
      vb_cli_warnings(&M->warn);
      if (bad) { vb_cli_err("%s (check: in %s)", err.p, cfg->file); rc = -1; }
      else if (!material_bytes(M, n0)) vb_cli_err("%s: warning: no text to check against (empty file or folder)", cfg->check.v[k]);
    } else {
      vb_index *x = vb_index_open(cfg->index.v[k - cfg->check.n], &err);
      if (!x) { vb_cli_err("%s (index: in %s)", err.p, cfg->file); rc = -1; }
      else if (vb_push(idx, x) || vb_material_add_index(M, x)) { vb_cli_err("out of memory"); rc = -1; }
    }
  }
  if (!*nsrc) *nsrc = (int)(cfg->check.n + cfg->index.n);
  ao->no_indirect = cfg->indirect == 0;
  ao->q.nested = cfg->nested == 1;
  if (!rc && npat && !(*cues = vb_cues_new(pats, NULL, npat, msg, sizeof msg))) {
    vb_cli_err("%s: %s", ucues->n ? "check" : cfg->file, msg);
    rc = -1;
  }
  ao->cues = *cues;
  vb_buf_free(&err);
  return rc;
}

int vb_cmd_check(int argc, char **argv) {
  vb_material M;
  vb_copts o;
  VB_VEC(char *) args = {0};
  vb_paths files = {0};
  idx_vec idx = {0};
  vb_cues *cues = NULL;
  cue_vec ucues = {0};
  vb_buf out = {0}, err = {0}, sum = {0};
  int json = 0, rc = 0, nok = 0, nsrc = 0, strict_terms = 0, badsrc = 0, format = -1, folder = 0, warned = 0, given = 0;
  size_t max_size = VB_MAX_SIZE;
  vb_config cfg;
  vb_aopts ao;
  memset(&M, 0, sizeof M);
  memset(&o, 0, sizeof o);
  memset(&cfg, 0, sizeof cfg);
  memset(&ao, 0, sizeof ao);
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int fo = vb_cli_format_opt(argc, argv, &i, &format, "check");
    if (fo < 0) { rc = 2; goto done; }
    if (fo) continue;
    if (!strcmp(a, "--json")) json = 1;
    else if (!strcmp(a, "--help") || !strcmp(a, "-h")) { fputs(check_help, stdout); goto done; }
    else if (!strcmp(a, "--borrowed")) o.borrowed = 12, given |= 1;
    else if (!strcmp(a, "--strict-terms")) strict_terms = 1, given |= 2;
    else if (!strcmp(a, "--cue")) {
      if (i + 1 >= argc || vb_push(&ucues, argv[i + 1])) { vb_cli_err("check: --cue needs a PATTERN"); rc = 2; goto done; }
      i++;
    }
    else if (!strncmp(a, "--max-size=", 11)) {
      if (vb_cli_size(a + 11, &max_size)) { vb_cli_err("check: --max-size wants a size (256M, 1G, 0 for none)"); rc = 2; goto done; }
      given |= 4;
    }
    else if (!strncmp(a, "--borrowed=", 11)) {
      char *e;
      long v = strtol(a + 11, &e, 10);
      if (*e || v < 3 || v > 100000) { vb_cli_err("check: --borrowed wants a number of words (3 or more)"); rc = 2; goto done; }
      o.borrowed = (int)v;
      given |= 1;
    } else if (!strcmp(a, "--source") || !strcmp(a, "--index")) {
      if (i + 1 >= argc) { vb_cli_err("check: %s needs an argument", a); rc = 2; goto done; }
      err.n = 0;
      if (a[2] == 's') {
        size_t n0 = M.v.n;
        if (vb_material_add_path(&M, argv[++i], &err)) { vb_cli_warnings(&M.warn); vb_cli_err("%s", err.p); rc = 2; goto done; }
        vb_cli_warnings(&M.warn);
        if (!material_bytes(&M, n0)) vb_cli_err("%s: warning: no text to check against (empty file or folder)", argv[i]);
      } else {
        vb_index *x = vb_index_open(argv[++i], &err);
        if (!x) { vb_cli_err("%s", err.p); rc = 2; goto done; }
        if (vb_push(&idx, x)) { vb_index_close(x); vb_cli_err("out of memory"); rc = 2; goto done; }
        if (vb_material_add_index(&M, x)) { vb_cli_err("out of memory"); rc = 2; goto done; }
        vb_cli_warnings(&M.warn);
      }
      nsrc++;
    } else if (!strcmp(a, "--")) { while (++i < argc) if (vb_push(&args, argv[i])) rc = 2; }
    else if (a[0] == '-' && a[1]) { vb_cli_err("check: unknown option '%s'", a); rc = 2; goto done; }
    else if (vb_push(&args, argv[i])) rc = 2;
  }
  if (rc) { vb_cli_err("out of memory"); goto done; }
  if (!args.n) { vb_cli_err("check: no FILE given (try verbatim check --help)"); rc = 2; goto done; }
  if (project_options(args.v[0], &cfg, &M, &idx, &nsrc, &ao, &ucues, &cues)) { rc = 2; goto done; }
  if (!(given & 1) && cfg.borrowed >= 0) o.borrowed = cfg.borrowed;
  if (!(given & 2) && cfg.strict_terms >= 0) strict_terms = cfg.strict_terms;
  if (!(given & 4) && cfg.max_size >= 0) max_size = (size_t)cfg.max_size;
  if (format < 0 && cfg.format >= 0) format = cfg.format;
  if (!nsrc) { vb_cli_err("check: no --source or --index given (nor check: or index: in a .verbatim.yaml)"); rc = 2; goto done; }
  if ((rc = vb_cli_drafts(args.v, args.n, &files, &folder)) < 0) { vb_cli_err("out of memory"); rc = 2; goto done; }
  /* every source file is opened now: one that cannot be read fails the run even when no
   * draft has a quote to look up in it; the others are still checked */
  badsrc = vb_material_vet(&M, 0, max_size, bad_file, &max_size) > 0;
  if (json && (files.n > 1 || folder)) vb_buf_adds(&out, "{\"files\":[");
  for (size_t f = 0; f < files.n; f++) {
    vb_buf in = {0};
    vb_draft dr;
    int drc;
    memset(&dr, 0, sizeof dr);
    err.n = 0;
    if (vb_cli_read_draft(files.v[f], format, max_size, &in)) { rc = 2; continue; }
    drc = vb_check_draft(in.p, in.n, &ao, NULL, 0, &M, &o, &dr, &err);
    if (drc) {
      if (drc == -1) vb_cli_err("%s: %s", files.v[f], err.p ? err.p : "out of memory");
      else vb_cli_err("%s", err.p ? err.p : "check failed");
      rc = 2;
    } else {
      /* texts of the material skipped or read as another encoding: told once */
      if (dr.c.warn.n && !warned++) { fflush(stdout); vb_cli_warnings(&dr.c.warn); }
      if (gate(&sum, files.v[f], &dr.an.qs, &dr.c, strict_terms) && !rc) rc = 1;
      if (dr.c.stale)
        vb_cli_err("%s: warning: %zu passages come from files changed or missing since they were indexed (verbatim index --append)",
                   files.v[f], dr.c.stale);
      if (json) {
        if (nok++) vb_buf_adds(&out, ",\n");
        jctx jc = {&dr.c};
        vb_cli_more more = {json_check, json_borrowed, &jc};
        vb_cli_json(&out, files.v[f], in.p, &dr.an, &more);
      } else human_file(&out, files.v[f], in.p, in.n, &dr);
    }
    vb_draft_free(&dr);
    vb_buf_free(&in);
    if (!json && vb_cli_flush(&out)) rc = 2;
    /* after the file's own lines, on stderr: stdout stays one line a quote (quickfix) */
    if (!json && sum.n) { fflush(stdout); fwrite(sum.p, 1, sum.n, stderr); }
    sum.n = 0;
  }
  if (json) {
    /* one draft that failed: nothing on stdout rather than half a document (or a blank line) */
    if (files.n > 1 || folder || nok) vb_buf_adds(&out, files.n > 1 || folder ? "]}\n" : "\n");
    if (vb_cli_flush(&out)) rc = 2;
  }
  if (badsrc) rc = 2;
done:
  for (size_t i = 0; i < idx.n; i++) vb_index_close(idx.v[i]);
  vb_vfree(&idx);
  vb_vfree(&args);
  vb_paths_free(&files);
  if (cues) vb_cues_free(cues);
  vb_vfree(&ucues);
  vb_config_free(&cfg);
  vb_material_free(&M);
  vb_buf_free(&out);
  vb_buf_free(&sum);
  vb_buf_free(&err);
  return rc;
}

/* verbatim index --list IDX: every file the index holds, with its state now. */
static int index_list(const char *path) {
  vb_buf err = {0}, out = {0};
  vb_index *x = vb_index_open(path, &err);
  size_t n[4] = {0, 0, 0, 0};
  int rc = 0;
  static const char *const names[4] = {"ok", "shadowed", "changed", "missing"};
  if (!x) { vb_cli_err("%s", err.p); vb_buf_free(&err); return 2; }
  if (vb_index_refresh(x, NULL, NULL)) { vb_cli_err("out of memory"); rc = 2; goto done; }
  for (size_t k = 0; k < x->segs.n; k++) {
    const vb_idx_seg *g = &x->segs.v[k];
    for (size_t j = 0; j < g->h->nfiles; j++) {
      n[g->state[j]]++;
      if (g->state[j] == VB_IDX_SHADOWED) continue;
      vb_buf_addf(&out, "%-7s %s\n", names[g->state[j]], g->names + g->files[j].name);
    }
    if (vb_cli_flush(&out)) { rc = 2; goto done; }
  }
  vb_cli_err("%s: %zu files (%zu changed, %zu missing since indexed) in %zu segments", path,
             n[VB_IDX_LIVE] + n[VB_IDX_CHANGED] + n[VB_IDX_MISSING], n[VB_IDX_CHANGED], n[VB_IDX_MISSING], x->segs.n);
done:
  vb_index_close(x);
  vb_buf_free(&out);
  vb_buf_free(&err);
  return rc;
}

int vb_cmd_index(int argc, char **argv) {
  const char *output = NULL;
  int np = 0, rc = 0;
  const char **paths = calloc((size_t)argc + 1, sizeof *paths);
  vb_paths files = {0};
  size_t max_size = VB_MAX_SIZE;
  vb_buf err = {0}, warn = {0};
  vb_iopts o;
  size_t nf = 0, nb = 0;
  struct timespec t0, t1;
  if (!paths) { vb_cli_err("out of memory"); return 2; }
  memset(&o, 0, sizeof o);
  o.wait = VB_IDX_WAIT;
  o.warn = &warn;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--output") || !strcmp(argv[i], "-o")) {
      if (i + 1 >= argc) { vb_cli_err("index: --output needs a path"); rc = 2; goto done; }
      output = argv[++i];
    } else if (!strcmp(argv[i], "--append")) o.append = 1;
    else if (!strcmp(argv[i], "--wait")) {
      char *e = NULL;
      double v = i + 1 < argc ? strtod(argv[i + 1], &e) : -1;
      if (!e || *e || e == argv[i + 1] || !(v >= 0 && v <= 1e9)) { vb_cli_err("index: --wait wants a number of seconds"); rc = 2; goto done; }
      o.wait = v;
      i++;
    } else if (!strcmp(argv[i], "--list")) {
      if (i + 1 >= argc || i + 2 < argc) { vb_cli_err("index: --list wants one index (verbatim index --list IDX)"); rc = 2; goto done; }
      rc = index_list(argv[i + 1]);
      goto done;
    } else if (!strncmp(argv[i], "--max-size=", 11)) {
      if (vb_cli_size(argv[i] + 11, &max_size)) { vb_cli_err("index: --max-size wants a size (256M, 1G, 0 for none)"); rc = 2; goto done; }
    } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { fputs(index_help, stdout); goto done; }
    else if (argv[i][0] == '-' && argv[i][1]) { vb_cli_err("index: unknown option '%s'", argv[i]); rc = 2; goto done; }
    else paths[np++] = argv[i];
  }
  if (!output) { vb_cli_err("index: no --output given (try verbatim index --help)"); rc = 2; goto done; }
  if (!np) { vb_cli_err("index: no PATH given"); rc = 2; goto done; }
  /* the files under the paths, without those too large or that cannot be read (named) */
  for (int i = 0; i < np; i++) {
    int wrc = vb_walk(paths[i], &files, &warn, &err);
    vb_cli_warnings(&warn);
    if (wrc) { vb_cli_err("index: %s", err.p); rc = 2; goto done; }
  }
  if (vb_paths_vet(&files, 0, max_size, bad_file, &max_size)) rc = 2;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  if (vb_index_build(output, (const char *const *)files.v, (int)files.n, &o, &nf, &nb, &err)) {
    vb_cli_warnings(&warn);
    vb_cli_err("index: %s", err.p);
    rc = 2;
    goto done;
  }
  vb_cli_warnings(&warn);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  {
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    fprintf(stderr, "verbatim: indexed %zu files, %.1f MB in %.2f s (%.0f MB/s)\n", nf, (double)nb / 1e6, s,
            s > 0 ? (double)nb / 1e6 / s : 0.0);
  }
done:
  free(paths);
  vb_paths_free(&files);
  vb_buf_free(&err);
  vb_buf_free(&warn);
  return rc;
}
