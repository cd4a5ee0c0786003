/* cli_check.c: `verbatim check` (quotes against the material, a publishing gate) and
 * `verbatim index` (build or extend an archive index).
 * check exits 1 when a quote fails the gate (verdict.h's policy, --fail-on to change it;
 * by default altered, not found, given to the wrong speaker, or a passage borrowed
 * without quotation marks), 0 when none does, 2 on errors. Scare quotes and titles
 * (kind term) and paraphrase (indirect) get a verdict but do not fail the gate: no
 * source owes them (--strict-terms counts terms). All drafts are checked in one pass. */
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
#include "report.h"
#include "text.h"

static const char check_help[] =
  "usage: verbatim check [--json] [--html FILE] [--borrowed[=N]] [--fail-on LIST] [--strict-terms]\n"
  "                      [--format text|markdown] [--stdin-name NAME] [--color[=WHEN]] [--progress[=WHEN]]\n"
  "                      (--source PATH [--speaker NAME] | --index IDX)... FILE...\n"
  "Check every quotation of FILE against source material: files, folders (recursive) or\n"
  "an index from `verbatim index`. One line a quote, as compilers print them:\n"
  "FILE:LINE:COL: error|warning|note: verdict, where it was found, and for an altered or\n"
  "cleaned quote what differs ([-source-]{+quote+}); error: the quote fails the gate.\n"
  "Then on stderr a line a FILE with the count of each verdict. All FILEs are checked in\n"
  "one pass.\n"
  "  --source PATH   a source file or folder (repeatable); PATH=NAME: its words are NAME's\n"
  "  --speaker NAME  the speaker of the --source before it, wherever no turn label says\n"
  "  --index IDX     an archive index (repeatable)\n"
  "  --fail-on LIST  what fails the gate: verdicts (altered, not_found, cleaned, uncovered),\n"
  "                  misattributed, borrowed, all, none; +X adds, -X removes (default\n"
  "                  altered,not_found,misattributed,borrowed)\n"
  "  --borrowed[=N]  also report unquoted runs of N or more source words (default 12)\n"
  "  --strict-terms  scare quotes and titles (kind term) count for the exit status too\n"
  "  --cue PATTERN   also treat matches of this PCRE2 pattern as cues (repeatable)\n"
  "  --json          the object of `verbatim quotes --json` with a \"check\" in every quote\n"
  "                  (its \"fails\": the gate's word) and \"pass\" for the draft\n"
  "  --html FILE     also write an audit page of the draft to FILE (- for stdout, in\n"
  "                  place of the lines): quotes marked by verdict, sources, diffs\n"
  "  --stdin-name NAME  the name FILE - is shown by (in the lines, the JSON, the page)\n"
  "  --progress[=WHEN]  the source files read so far on stderr: auto (a terminal, a run\n"
  "                  of more than a third of a second), always, never (default auto)\n"
  "  --color[=WHEN]  colour verdicts and the word diff: auto (on a terminal, unless\n"
  "                  NO_COLOR is set), always, never (default auto)\n"
  "  --max-size=SIZE refuse drafts and source files larger than SIZE (default 256M; K, M,\n"
  "                  G; 0: no limit)\n"
  "  --format text|markdown  how to read FILE (default: .md, .markdown, .qmd, .rmd are\n"
  "                  Markdown: front matter, code, link targets, HTML are not prose)\n"
  "A FILE that is a folder stands for its text and Markdown files (recursive, sorted).\n"
  "Verdicts: verbatim, faithful (only editorial marks), cleaned (only clean-ups: uh, a\n"
  "repeated word, a false start), altered, not_found, uncovered (no source names the\n"
  "speaker). Exit status: 0 the gate passes, 1 a quote fails it, 2 errors: among them any\n"
  "source file that cannot be read, whatever the draft holds (the others are still\n"
  "checked).\n";

static const char index_help[] =
  "usage: verbatim index --output IDX [--append] [--wait SECONDS] [--max-size=SIZE] [--progress[=WHEN]]\n"
  "                      PATH [--speaker NAME]...\n"
  "       verbatim index --list IDX\n"
  "Index the files under each PATH for `verbatim check --index IDX`. The index refers to\n"
  "the files by absolute path; keep them in place. --append adds only new or changed\n"
  "files to the index (made when missing), as a new segment. Files larger than\n"
  "--max-size (default 256M; 0: no limit) or that cannot be read are named and left out\n"
  "(exit status 2).\n"
  "  --speaker NAME  (or PATH=NAME) the words of PATH's files that no turn label gives\n"
  "                  to someone are NAME's\n"
  "  --wait SECONDS  wait at most this long while another writer holds IDX (default 600;\n"
  "                  0: fail at once)\n"
  "  --list IDX      the files IDX holds, one a line: ok, changed or missing, and the path\n"
  "  --progress[=WHEN]  files and bytes done so far on stderr: auto (a terminal, a run\n"
  "                  of more than a third of a second), always, never (default auto)\n"
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
typedef struct jctx { const vb_checked *c; const vb_draft *d; const vb_gate *g; } jctx;

static void json_check(vb_buf *o, size_t i, void *ctx) {
  const jctx *j = ctx;
  const vb_checked *c = j->c;
  const vb_cres *r = &c->r.v[i];
  vb_buf_addf(o, ",\"check\":{\"verdict\":\"%s\",\"score\":%.3f,\"confidence\":%.3f,\"evidence_bits\":%.1f,"
              "\"needed_bits\":%.1f,\"splice\":%s,\"speaker_mismatch\":%s,\"quoted\":%s,\"fails\":%s,\"source\":",
              vb_verdict_names[r->verdict], r->score, r->confidence, r->evidence, r->needed, r->splice ? "true" : "false",
              r->speaker_mismatch ? "true" : "false", r->quoted ? "true" : "false",
              vb_draft_quote_fails(j->d, i, j->g) ? "true" : "false");
  json_passage(o, c, r);
  vb_buf_adds(o, ",\"diff\":[");
  for (size_t k = 0; k < r->nd; k++) {
    const vb_dop *d = &c->d.v[r->d0 + k];
    vb_buf_addf(o, "%s{\"op\":\"%c\",\"text\":", k ? "," : "", d->op);
    vb_json_str(o, c->arena.p + d->off, d->len);
    vb_buf_adds(o, d->cleanup ? ",\"cleanup\":true}" : "}");
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

/* after the quotes: "borrowed", and "pass", the gate's word on the draft */
static void json_borrowed(vb_buf *o, void *ctx) {
  const jctx *j = ctx;
  const vb_checked *c = j->c;
  vb_buf_addf(o, ",\"pass\":%s", vb_draft_fails(j->d, j->g) ? "false" : "true");
  vb_buf_adds(o, ",\"borrowed\":[");
  for (size_t i = 0; i < c->b.n; i++) {
    const vb_borrow *b = &c->b.v[i];
    vb_buf_addf(o, "%s{\"start\":%zu,\"end\":%zu,\"words\":%d,\"source\":{\"file\":", i ? "," : "", b->start, b->end, b->words);
    vb_json_str(o, c->arena.p + b->name, b->name_len);
    vb_buf_addf(o, ",\"start\":%zu,\"end\":%zu,\"line\":%u,\"col\":%u}}", b->sstart, b->send, b->line, b->col);
  }
  vb_buf_addc(o, ']');
}

/* How a quote's line is headed, in the words editors' problem matchers read (gcc's:
 * FILE:LINE:COL: error: ...): error when it fails the gate, warning when something is
 * wrong with it that does not count (a scare quote not found, a quote the material does
 * not cover), note when it is the speaker's words (verbatim, faithful, cleaned) or a
 * paraphrase (never counted). */
static const char *severity(const vb_draft *d, size_t i, const vb_gate *g) {
  const vb_cres *r = &d->c.r.v[i];
  if (vb_draft_quote_fails(d, i, g)) return "error";
  if (d->an.qs.q.v[i].kind == VB_INDIRECT) return "note";   /* paraphrase: no source owes its words */
  if (r->verdict == VB_ALTERED || r->verdict == VB_NOT_FOUND || r->verdict == VB_UNCOVERED || r->speaker_mismatch)
    return "warning";
  return "note";
}

/* SGR codes: gcc's for the headings, git's word diff for the pieces */
static const char *sev_color(const char *sev) { return sev[0] == 'e' ? "1;31" : sev[0] == 'w' ? "1;35" : "1;36"; }
static const char *const verdict_color[VB_NVERDICT] = {"32", "36", "31", "33", "32", "2"};

/* The diff line line[0..n) into o with its [-removed-] pieces red and {+added+} green.
 * A piece starts the line or follows a space (vb_diff_line's layout). */
static void paint_diff(vb_buf *o, const char *line, size_t n, int color) {
  size_t i = 0;
  if (!color) { vb_buf_add(o, line, n); return; }
  while (i < n) {
    size_t j = i;
    if ((i == 0 || line[i - 1] == ' ') && i + 1 < n && (line[i] == '[' || line[i] == '{') && line[i + 1] == (line[i] == '[' ? '-' : '+')) {
      const char close0 = line[i] == '[' ? '-' : '+', close1 = line[i] == '[' ? ']' : '}';
      for (j = i + 2; j + 1 < n; j++)
        if (line[j] == close0 && line[j + 1] == close1 && (j + 2 == n || line[j + 2] == ' ')) break;
      if (j + 1 < n) {
        vb_cli_sgr(o, 1, close0 == '-' ? "31" : "32");
        vb_buf_add(o, line + i, j + 2 - i);
        vb_cli_sgr(o, 1, "0");
        i = j + 2;
        continue;
      }
    }
    vb_buf_addc(o, line[i++]);
  }
}

/* FILE:LINE:COL: heading, in bold on a terminal */
static void head(vb_buf *o, const char *file, uint32_t line, uint32_t col, const char *sev, int color) {
  vb_cli_sgr(o, color, "1");
  vb_buf_addf(o, "%s:%u:%u:", file, line, col);
  vb_cli_sgr(o, color, "0");
  vb_buf_addc(o, ' ');
  vb_cli_sgr(o, color, sev_color(sev));
  vb_buf_addf(o, "%s:", sev);
  vb_cli_sgr(o, color, "0");
  vb_buf_addc(o, ' ');
}

static void human_file(vb_buf *o, const char *file, const char *s, size_t n, const vb_draft *dr, const vb_gate *g, int color) {
  const vb_quotes *qs = &dr->an.qs;
  const vb_checked *c = &dr->c;
  vb_buf t = {0}, line = {0};
  vb_lines L = {0};
  for (size_t i = 0; i < qs->q.n; i++) {
    const vb_quote *q = &qs->q.v[i];
    const vb_cres *r = &c->r.v[i];
    t.n = 0;
    vb_cli_spill(o);
    vb_quote_text(s, qs, q, &t);
    head(o, file, q->line, q->col, severity(dr, i, g), color);
    /* reported speech (read when the project asks): what the words say, not counted */
    if (q->kind == VB_INDIRECT) vb_buf_addf(o, "paraphrase (%s) \xE2\x80\x9C", vb_verdict_names[r->verdict]);
    else {
      vb_cli_sgr(o, color, verdict_color[r->verdict]);
      vb_buf_adds(o, vb_verdict_names[r->verdict]);
      vb_cli_sgr(o, color, "0");
      vb_buf_adds(o, r->splice ? " (splice) \xE2\x80\x9C" : " \xE2\x80\x9C");
    }
    vb_excerpt(o, t.p ? t.p : "", t.n, 50);
    vb_buf_adds(o, "\xE2\x80\x9D");
    if (r->has_passage) {
      vb_buf_adds(o, " in ");
      vb_draft_place(dr, i, o);
    }
    vb_buf_addc(o, '\n');
    if (r->verdict == VB_ALTERED || r->verdict == VB_CLEANED) {
      /* indented under its quote; the space after the line is the CLI's of old, kept so
       * that the output stays byte for byte what it was */
      vb_buf_adds(o, "    ");
      line.n = 0;
      vb_diff_line(c, r, &line);
      if (line.oom) o->oom = 1;
      paint_diff(o, line.p ? line.p : "", line.n, color);
      vb_buf_adds(o, r->nd ? " \n" : "\n");
    }
  }
  if (c->b.n && vb_lines_build(&L, s, n) == 0) {
    for (size_t i = 0; i < c->b.n; i++) {
      const vb_borrow *b = &c->b.v[i];
      uint32_t ln, col;
      vb_lines_pos(&L, b->start, &ln, &col);
      head(o, file, ln, col, "error", color);
      vb_buf_addf(o, "borrowed %d words without quotation marks \xE2\x80\x9C", b->words);
      vb_excerpt(o, s + b->start, b->end - b->start, 50);
      vb_buf_adds(o, "\xE2\x80\x9D in ");
      vb_buf_add(o, c->arena.p + b->name, b->name_len);
      vb_buf_addf(o, ":%u:%u\n", b->line, b->col);
    }
  }
  vb_lines_free(&L);
  vb_buf_free(&line);
  vb_buf_free(&t);
}

static void plural(vb_buf *b, int n, const char *one, const char *many) {
  vb_buf_addf(b, "%d %s", n, n == 1 ? one : many);
}

/* 1 when the file fails the gate; its summary line into sum:
 * "FILE: 12 quotes: 9 verbatim, 1 faithful, 1 altered, 1 not found, 2 uncovered", and
 * what else fails it (a wrong speaker, borrowed prose) or was left out of it (terms). */
static int gate(vb_buf *sum, const char *file, const vb_draft *d, const vb_gate *g) {
  const vb_quotes *qs = &d->an.qs;
  const vb_checked *c = &d->c;
  int n[VB_NVERDICT] = {0}, wrong = 0, terms = 0, para = 0, quoted = 0;
  for (size_t i = 0; i < qs->q.n; i++) {
    const vb_cres *r = &c->r.v[i];
    if (qs->q.v[i].kind == VB_INDIRECT) { para++; continue; }   /* not quoted words: no verdict to count */
    n[r->verdict]++;
    quoted++;
    if (vb_draft_quote_fails(d, i, g)) wrong += r->speaker_mismatch;
    else if (vb_gate_fails(g, r->verdict, r->speaker_mismatch, 0, 0)) {
      if (qs->q.v[i].kind == VB_TERM) terms++;
    }
  }
  vb_buf_addf(sum, "%s: ", file);
  plural(sum, quoted, "quote", "quotes");
  vb_buf_addf(sum, ": %d verbatim, %d faithful, %d altered, %d not found", n[VB_VERBATIM], n[VB_FAITHFUL],
              n[VB_ALTERED], n[VB_NOT_FOUND]);
  if (n[VB_CLEANED]) vb_buf_addf(sum, ", %d cleaned", n[VB_CLEANED]);
  if (n[VB_UNCOVERED]) vb_buf_addf(sum, ", %d uncovered", n[VB_UNCOVERED]);
  if (wrong) { vb_buf_adds(sum, ", "); plural(sum, wrong, "given to another speaker", "given to other speakers"); }
  if (c->b.n) { vb_buf_adds(sum, ", "); plural(sum, (int)c->b.n, "borrowed passage", "borrowed passages"); }
  if (terms) { vb_buf_adds(sum, "; not counted: "); plural(sum, terms, "scare quote or title", "scare quotes or titles"); }
  if (para) { vb_buf_adds(sum, terms ? ", " : "; not counted: "); plural(sum, para, "paraphrase", "paraphrases"); }
  vb_buf_addc(sum, '\n');
  return vb_draft_fails(d, g);
}

/* PATH=NAME: the source PATH said by NAME, when PATH=NAME itself is no file; then a copy
 * of PATH (the caller frees it) and *name into the argument. */
static char *split_speaker(const char *arg, const char **name) {
  struct stat st;
  const char *eq = strrchr(arg, '=');
  char *p;
  *name = NULL;
  if (!eq || eq == arg || !eq[1] || !stat(arg, &st)) return NULL;
  if (!(p = malloc(strlen(arg) + 1))) return NULL;
  strcpy(p, arg);
  p[eq - arg] = '\0';
  if (stat(p, &st)) { free(p); return NULL; }
  *name = eq + 1;
  return p;
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

/* What `verbatim check` was asked: the material, the drafts, the options. */
typedef struct chk {
  vb_material M;
  vb_copts o;
  vb_gate g;
  int json, format;
  size_t max_size;
  VB_VEC(char *) args;          /* the FILE arguments */
  VB_VEC(char *) owned;         /* PATH parts of PATH=NAME arguments */
  VB_VEC(vb_index *) idx;
  VB_VEC(const char *) ucues;   /* --cue patterns */
  vb_config cfg;                /* the project file (.verbatim.yaml), if any */
  vb_aopts ao;                  /* how drafts are analysed: the project file's cues, indirect, nested */
  vb_cues *cues;
  int nsrc;                     /* --source and --index given */
  int given;                    /* options given on the command line, over the project file's: G_* */
  int when, pwhen, color;       /* --color and --progress (VB_COLOR_*); color: the lines are coloured */
  const char *html;             /* --html FILE: the audit page (report.h) */
  const char *stdin_name;       /* --stdin-name NAME: what FILE - is called */
} chk;

enum { G_BORROWED = 1, G_TERMS = 2, G_SIZE = 4, G_FAILON = 8 };

static void chk_free(chk *k) {
  for (size_t i = 0; i < k->idx.n; i++) vb_index_close(k->idx.v[i]);
  for (size_t i = 0; i < k->owned.n; i++) free(k->owned.v[i]);
  vb_vfree(&k->idx);
  vb_vfree(&k->owned);
  vb_vfree(&k->args);
  vb_vfree(&k->ucues);
  if (k->cues) vb_cues_free(k->cues);
  vb_config_free(&k->cfg);
  vb_material_free(&k->M);
}

/* A --source argument: PATH or PATH=NAME. 0, or 2 with the message printed. */
static int add_source(chk *k, const char *arg, vb_buf *err) {
  const char *name, *path = arg;
  char *split = split_speaker(arg, &name);
  size_t n0 = k->M.v.n;
  if (split) {
    if (vb_push(&k->owned, split)) { free(split); vb_cli_err("out of memory"); return 2; }
    path = split;
  }
  if (vb_material_add_path_as(&k->M, path, name, err)) { vb_cli_warnings(&k->M.warn); vb_cli_err("%s", err->p); return 2; }
  vb_cli_warnings(&k->M.warn);
  if (!material_bytes(&k->M, n0)) vb_cli_err("%s: warning: no text to check against (empty file or folder)", path);
  return 0;
}

/* argv[*i] when it is one of the output's options (its value taken, *i moved past it):
 * --color, --progress, --html, --stdin-name. 0 taken, 1 another, 2 a bad value (said). */
static int output_opt(chk *k, int argc, char **argv, int *i) {
  const char *a = argv[*i];
  if (!strcmp(a, "--progress") || !strncmp(a, "--progress=", 11)) {
    if (vb_cli_color_arg(a[10] ? a + 11 : NULL, &k->pwhen)) { vb_cli_err("check: --progress wants auto, always or never"); return 2; }
  } else if (!strcmp(a, "--stdin-name") || !strncmp(a, "--stdin-name=", 13)) {
    k->stdin_name = a[12] == '=' ? a + 13 : *i + 1 < argc ? argv[++*i] : NULL;
    if (!k->stdin_name) { vb_cli_err("check: --stdin-name needs a NAME"); return 2; }
  } else if (!strcmp(a, "--html") || !strncmp(a, "--html=", 7)) {
    const char *h = k->html = a[6] == '=' ? a + 7 : *i + 1 < argc ? argv[++*i] : NULL;
    if (!h || !*h || (h[0] == '-' && h[1])) { vb_cli_err("check: --html needs a FILE to write the page to (- for stdout)"); return 2; }
  } else if (!strcmp(a, "--color") || !strncmp(a, "--color=", 8)) {
    if (vb_cli_color_arg(a[7] ? a + 8 : NULL, &k->when)) { vb_cli_err("check: --color wants auto, always or never"); return 2; }
  } else return 1;
  return 0;
}

/* One option at argv[*i] (it may take the next argument). 0, 1 not an option of these,
 * 2 bad (printed), -1 after --help. */
static int check_opt(chk *k, int argc, char **argv, int *i, size_t *last, int *nsrc, vb_buf *err) {
  const char *a = argv[*i];
  int r = output_opt(k, argc, argv, i);
  if (r != 1) return r;
  err->n = 0;
  if (!strcmp(a, "--json")) k->json = 1;
  else if (!strcmp(a, "--help") || !strcmp(a, "-h")) { fputs(check_help, stdout); return -1; }
  else if (!strcmp(a, "--borrowed")) k->o.borrowed = 12, k->given |= G_BORROWED;
  else if (!strcmp(a, "--strict-terms")) k->g.terms = 1, k->given |= G_TERMS;
  else if (!strcmp(a, "--cue")) {
    if (*i + 1 >= argc) { vb_cli_err("check: --cue needs a PATTERN"); return 2; }
    if (vb_push(&k->ucues, argv[++*i])) { vb_cli_err("out of memory"); return 2; }
  } else if (!strncmp(a, "--max-size=", 11)) {
    if (vb_cli_size(a + 11, &k->max_size)) { vb_cli_err("check: --max-size wants a size (256M, 1G, 0 for none)"); return 2; }
    k->given |= G_SIZE;
  } else if (!strncmp(a, "--borrowed=", 11)) {
    char *e;
    long v = strtol(a + 11, &e, 10);
    if (*e || v < 3 || v > 100000) { vb_cli_err("check: --borrowed wants a number of words (3 or more)"); return 2; }
    k->o.borrowed = (int)v;
    k->given |= G_BORROWED;
  } else if (!strcmp(a, "--fail-on") || !strncmp(a, "--fail-on=", 10)) {
    const char *v = a[9] == '=' ? a + 10 : *i + 1 < argc ? argv[++*i] : NULL;
    if (!v) { vb_cli_err("check: --fail-on needs a list"); return 2; }
    if (vb_gate_parse(&k->g, v, err)) { vb_cli_err("check: --fail-on: %s", err->p); return 2; }
    k->given |= G_FAILON;
  } else if (!strcmp(a, "--speaker")) {
    if (*i + 1 >= argc) { vb_cli_err("check: --speaker needs a name"); return 2; }
    if (*last == (size_t)-1) { vb_cli_err("check: --speaker names the speaker of the --source before it"); return 2; }
    for (size_t t = *last; t < k->M.v.n; t++) k->M.v.v[t].speaker = argv[*i + 1];
    ++*i;
  } else if (!strcmp(a, "--source")) {
    if (*i + 1 >= argc) { vb_cli_err("check: --source needs an argument"); return 2; }
    *last = k->M.v.n;
    if (add_source(k, argv[++*i], err)) return 2;
    ++*nsrc;
  } else if (!strcmp(a, "--index")) {
    vb_index *x;
    if (*i + 1 >= argc) { vb_cli_err("check: --index needs an argument"); return 2; }
    if (!(x = vb_index_open(argv[++*i], err))) { vb_cli_err("%s", err->p); return 2; }
    if (vb_push(&k->idx, x)) { vb_index_close(x); vb_cli_err("out of memory"); return 2; }
    if (vb_material_add_index(&k->M, x)) { vb_cli_err("out of memory"); return 2; }
    vb_cli_warnings(&k->M.warn);
    *last = (size_t)-1;
    ++*nsrc;
  } else return 1;
  return 0;
}

/* The command line into k. 0, 2 on a bad one (printed), -1 after --help. */
static int check_args(chk *k, int argc, char **argv, vb_buf *err) {
  int nsrc = 0;
  size_t last = (size_t)-1;     /* the first text of the last --source, for --speaker */
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = vb_cli_format_opt(argc, argv, &i, &k->format, "check");
    if (r < 0) return 2;
    if (r) continue;
    if ((r = check_opt(k, argc, argv, &i, &last, &nsrc, err)) != 1) { if (r) return r; continue; }
    if (!strcmp(a, "--")) {
      while (++i < argc) if (vb_push(&k->args, argv[i])) { vb_cli_err("out of memory"); return 2; }
    } else if (a[0] == '-' && a[1]) { vb_cli_err("check: unknown option '%s'", a); return 2; }
    else if (vb_push(&k->args, argv[i])) { vb_cli_err("out of memory"); return 2; }
  }
  if (!k->args.n) { vb_cli_err("check: no FILE given (try verbatim check --help)"); return 2; }
  k->nsrc = nsrc;
  return 0;
}

/* The project file that governs the first FILE, under the command line: its material
 * when no --source or --index was given, its cues (unless --cue), indirect and nested,
 * and the options the command line left unsaid. 0, or 2 with the message printed. */
static int project_options(chk *k, vb_buf *err) {
  vb_config *cfg = &k->cfg;
  const char *const *pats;
  size_t npat;
  char msg[256];
  if (vb_cli_project(k->args.v[0], cfg)) return 2;
  /* strict-terms and fail-on, where the command line did not say: the one policy every
   * host reads from the file (config.h), read before the material (a gate never runs on
   * a policy it misread) */
  {
    vb_gate fg = k->g;
    err->n = 0;
    if (!((k->given & G_TERMS) && (k->given & G_FAILON)) && vb_config_gate(cfg, &fg, err)) {
      vb_cli_err("%s", err->p);
      return 2;
    }
    if (!(k->given & G_TERMS)) k->g.terms = fg.terms;
    if (!(k->given & G_FAILON)) k->g.fail = fg.fail;
  }
  pats = k->ucues.n ? k->ucues.v : (const char *const *)cfg->cues.v;
  npat = k->ucues.n ? k->ucues.n : cfg->cues.n;
  for (size_t i = 0; !k->nsrc && i < cfg->check.n; i++) {
    size_t n0 = k->M.v.n;
    err->n = 0;
    if (vb_material_add_path(&k->M, cfg->check.v[i], err)) {
      vb_cli_warnings(&k->M.warn);
      vb_cli_err("%s (check: in %s)", err->p, cfg->file);
      return 2;
    }
    vb_cli_warnings(&k->M.warn);
    if (!material_bytes(&k->M, n0)) vb_cli_err("%s: warning: no text to check against (empty file or folder)", cfg->check.v[i]);
  }
  for (size_t i = 0; !k->nsrc && i < cfg->index.n; i++) {
    vb_index *x;
    err->n = 0;
    if (!(x = vb_index_open(cfg->index.v[i], err))) { vb_cli_err("%s (index: in %s)", err->p, cfg->file); return 2; }
    if (vb_push(&k->idx, x)) { vb_index_close(x); vb_cli_err("out of memory"); return 2; }
    if (vb_material_add_index(&k->M, x)) { vb_cli_err("out of memory"); return 2; }
    vb_cli_warnings(&k->M.warn);
  }
  if (!k->nsrc) k->nsrc = (int)(cfg->check.n + cfg->index.n);
  /* quotation marks only, unless the project asks: reported speech has no words of the
   * speaker's to check (as Lua's check, Neovim, the filter and the language server read) */
  k->ao.no_indirect = cfg->indirect != 1;
  k->ao.q.nested = cfg->nested == 1;
  if (npat && !(k->cues = vb_cues_new(pats, NULL, npat, msg, sizeof msg))) {
    vb_cli_err("%s: %s", k->ucues.n ? "check" : cfg->file, msg);
    return 2;
  }
  k->ao.cues = k->cues;
  if (!(k->given & G_BORROWED) && cfg->borrowed >= 0) k->o.borrowed = cfg->borrowed;

  if (!(k->given & G_SIZE) && cfg->max_size >= 0) k->max_size = (size_t)cfg->max_size;
  if (k->format < 0 && cfg->format >= 0) k->format = cfg->format;
  if (!k->nsrc) { vb_cli_err("check: no --source or --index given (nor check: or index: in a .verbatim.yaml)"); return 2; }
  return 0;
}

/* --html FILE: the audit page of the draft raw (as read), checked into dr; the lines so
 * far in out are flushed first when the page goes to stdout. -1 when it was not written. */
static int write_page(const chk *k, const vb_buf *raw, const char *name, const vb_draft *dr, vb_buf *out) {
  vb_buf page = {0};
  int rc;
  vb_report_html(raw->p, raw->n, name, dr, &k->M, &k->g, &page);
  if (!strcmp(k->html, "-")) vb_cli_flush(out);
  rc = vb_cli_write_file(k->html, &page) ? -1 : 0;
  vb_buf_free(&page);
  return rc;
}

/* A draft's lines (or its JSON object, or with --html - its page) into out, its summary on
 * stderr; in: the prose checked, raw: the draft as read (for --html). 1 when it fails
 * the gate. */
static int report(const chk *k, const char *file, const vb_buf *in, const vb_buf *raw, const vb_draft *dr, vb_buf *out,
                  int *nok, int *rc) {
  vb_buf sum = {0};
  int fail = gate(&sum, file, dr, &k->g);
  if (dr->c.stale)
    vb_cli_err("%s: warning: %zu passages come from files changed or missing since they were indexed (verbatim index --append)",
               file, dr->c.stale);
  if (k->html && write_page(k, raw, file, dr, out)) *rc = 2;
  if (k->html && !strcmp(k->html, "-")) {
    /* the page is the output, in place of the lines */
  } else if (k->json) {
    jctx jc;
    vb_cli_more more;
    jc.c = &dr->c; jc.d = dr; jc.g = &k->g;
    more.quote = json_check; more.file = json_borrowed; more.ctx = &jc;
    if ((*nok)++) vb_buf_adds(out, ",\n");
    vb_cli_json(out, file, in->p, &dr->an, &more);
  } else human_file(out, file, in->p, in->n, dr, &k->g, k->color);
  if (!k->json && vb_cli_flush(out)) *rc = 2;
  /* after the file's own lines, on stderr: stdout stays one line a quote (quickfix) */
  if (!k->json && sum.n) { fflush(stdout); fwrite(sum.p, 1, sum.n, stderr); }
  vb_buf_free(&sum);
  return fail;
}

/* What FILE is called in the output: --stdin-name's NAME for -. */
static const char *draft_name(const chk *k, const char *file) {
  return k->stdin_name && !strcmp(file, "-") ? k->stdin_name : file;
}

int vb_cmd_check(int argc, char **argv) {
  chk k;
  vb_paths files = {0};
  vb_buf out = {0}, err = {0};
  vb_buf *in = NULL, *raw = NULL;   /* each draft's prose (masked) and, for --html, as read */
  vb_draft *dr = NULL;
  vb_cli_prog prog;
  vb_progress pg;
  const char **texts = NULL;
  size_t *lens = NULL, *which = NULL, nd = 0, bad = 0;
  int rc, nok = 0, folder = 0, badsrc;
  memset(&k, 0, sizeof k);
  k.format = -1;
  k.max_size = VB_MAX_SIZE;
  k.when = k.pwhen = VB_COLOR_AUTO;
  vb_gate_default(&k.g);
  if ((rc = check_args(&k, argc, argv, &err))) { rc = rc < 0 ? 0 : rc; goto done; }
  if ((rc = project_options(&k, &err))) goto done;
  if (vb_cli_drafts(k.args.v, k.args.n, &files, &folder) < 0) { vb_cli_err("out of memory"); rc = 2; goto done; }
  if (k.html && files.n > 1) { vb_cli_err("check: --html writes the page of one FILE (give one, or run check once a FILE)"); rc = 2; goto done; }
  if (k.html && !strcmp(k.html, "-") && k.json) { vb_cli_err("check: --html - and --json both want stdout"); rc = 2; goto done; }
  k.color = !k.json && vb_cli_color_on(k.when, stdout);
  /* every source file is opened now: one that cannot be read fails the run even when no
   * draft has a quote to look up in it; the others are still checked */
  badsrc = vb_material_vet(&k.M, 0, k.max_size, bad_file, &k.max_size) > 0;
  /* every draft read first: then one pass over the material for all of them */
  in = calloc(files.n + 1, sizeof *in);
  raw = calloc(files.n + 1, sizeof *raw);
  dr = calloc(files.n + 1, sizeof *dr);
  texts = calloc(files.n + 1, sizeof *texts);
  lens = calloc(files.n + 1, sizeof *lens);
  which = calloc(files.n + 1, sizeof *which);
  if (!in || !raw || !dr || !texts || !lens || !which) { vb_cli_err("out of memory"); rc = 2; goto done; }
  for (size_t f = 0; f < files.n; f++) {
    /* the draft as read (the page shows it) and its prose, masked by its name's format */
    if (vb_cli_text(files.v[f], &raw[f], k.max_size)) { rc = 2; continue; }
    if (!k.html) { in[f] = raw[f]; memset(&raw[f], 0, sizeof raw[f]); }
    else if (vb_buf_reserve(&in[f], raw[f].n + 1)) { vb_cli_err("out of memory"); rc = 2; continue; }
    else vb_buf_add(&in[f], raw[f].p, raw[f].n);
    if (vb_cli_mask_draft(draft_name(&k, files.v[f]), k.format, &in[f])) { rc = 2; continue; }
    texts[nd] = in[f].p ? in[f].p : ""; lens[nd] = in[f].n; which[nd++] = f;
  }
  err.n = 0;
  if (nd) {
    int drc;
    vb_cli_progress_init(&prog, "checking", k.pwhen);
    pg.fn = vb_cli_progress;
    pg.ctx = &prog;
    k.o.progress = &pg;
    drc = vb_check_drafts(texts, lens, nd, &k.ao, &k.M, &k.o, dr, &bad, &err);
    vb_cli_progress_end(&prog);
    if (drc == -1) { vb_cli_err("%s: %s", draft_name(&k, files.v[which[bad]]), err.p ? err.p : "out of memory"); rc = 2; nd = 0; }
    else if (drc) { vb_cli_err("%s", err.p ? err.p : "check failed"); rc = 2; nd = 0; }
    /* texts of the material skipped or read as another encoding: told once */
    else if (dr[0].c.warn.n) vb_cli_warnings(&dr[0].c.warn);
  }
  if (k.json && (files.n > 1 || folder)) vb_buf_adds(&out, "{\"files\":[");
  for (size_t j = 0; j < nd; j++)
    if (report(&k, draft_name(&k, files.v[which[j]]), &in[which[j]], &raw[which[j]], &dr[j], &out, &nok, &rc) && !rc) rc = 1;
  if (k.json) {
    /* one draft that failed: nothing on stdout rather than half a document (or a blank line) */
    if (files.n > 1 || folder || nok) vb_buf_adds(&out, files.n > 1 || folder ? "]}\n" : "\n");
    if (vb_cli_flush(&out)) rc = 2;
  }
  if (badsrc) rc = 2;
done:
  for (size_t f = 0; f < files.n; f++) {
    if (dr) vb_draft_free(&dr[f]);
    if (in) vb_buf_free(&in[f]);
    if (raw) vb_buf_free(&raw[f]);
  }
  free(raw);
  free(in); free(dr); free(texts); free(lens); free(which);
  vb_paths_free(&files);
  chk_free(&k);
  vb_buf_free(&out);
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
  const char **pspk = calloc((size_t)argc + 1, sizeof *pspk);
  char **owned = calloc((size_t)argc + 1, sizeof *owned);
  VB_VEC(const char *) fspk = {0};
  vb_paths files = {0};
  size_t max_size = VB_MAX_SIZE;
  vb_buf err = {0}, warn = {0};
  vb_iopts o;
  size_t nf = 0, nb = 0;
  struct timespec t0, t1;
  vb_cli_prog prog;
  vb_progress pg;
  int pwhen = VB_COLOR_AUTO;
  if (!paths || !pspk || !owned) { vb_cli_err("out of memory"); free(paths); free(pspk); free(owned); return 2; }
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
    } else if (!strcmp(argv[i], "--progress") || !strncmp(argv[i], "--progress=", 11)) {
      if (vb_cli_color_arg(argv[i][10] ? argv[i] + 11 : NULL, &pwhen)) { vb_cli_err("index: --progress wants auto, always or never"); rc = 2; goto done; }
    } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { fputs(index_help, stdout); goto done; }
    else if (!strcmp(argv[i], "--speaker")) {
      if (i + 1 >= argc || !np) { vb_cli_err("index: --speaker NAME follows the PATH it speaks in"); rc = 2; goto done; }
      pspk[np - 1] = argv[++i];
    } else if (argv[i][0] == '-' && argv[i][1]) { vb_cli_err("index: unknown option '%s'", argv[i]); rc = 2; goto done; }
    else {
      const char *name;
      char *split = split_speaker(argv[i], &name);
      owned[np] = split;
      pspk[np] = name;
      paths[np++] = split ? split : argv[i];
    }
  }
  if (!output) { vb_cli_err("index: no --output given (try verbatim index --help)"); rc = 2; goto done; }
  if (!np) { vb_cli_err("index: no PATH given"); rc = 2; goto done; }
  /* the files under the paths, without those too large or that cannot be read (named) */
  for (int i = 0; i < np; i++) {
    size_t n0 = files.n;
    int wrc = vb_walk(paths[i], &files, &warn, &err);
    vb_cli_warnings(&warn);
    if (wrc) { vb_cli_err("index: %s", err.p); rc = 2; goto done; }
    if (vb_paths_vet(&files, n0, max_size, bad_file, &max_size)) rc = 2;
    for (size_t f = n0; f < files.n; f++)           /* each file said by its path's speaker */
      if (vb_push(&fspk, pspk[i])) { vb_cli_err("out of memory"); rc = 2; goto done; }
  }
  o.speakers = fspk.v;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  vb_cli_progress_init(&prog, "indexing", pwhen);
  pg.fn = vb_cli_progress;
  pg.ctx = &prog;
  o.progress = &pg;
  rc = vb_index_build(output, (const char *const *)files.v, (int)files.n, &o, &nf, &nb, &err) ? -1 : rc;
  vb_cli_progress_end(&prog);
  if (rc < 0) {
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
  for (int i = 0; i < np; i++) free(owned[i]);
  free(owned);
  free(pspk);
  vb_vfree(&fspk);
  free(paths);
  vb_paths_free(&files);
  vb_buf_free(&err);
  vb_buf_free(&warn);
  return rc;
}
