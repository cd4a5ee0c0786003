/* cli_quotes.c: `verbatim quotes` and `verbatim sources`. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "version.h"
#include "quotes.h"
#include "cli_out.h"
#include "config.h"
#include "cli_draft.h"
#include "material.h"
#include "text.h"

typedef struct qargs {
  int json, no_indirect, format;   /* format: VB_FMT_*, or -1 for the file's extension */
  int indirect_given, max_given;
  size_t max_size;
  int nfiles, ncues;
  char **files;
  const char *cues[64];   /* --cue PATTERN, at most 64 */
} qargs;

static int parse(int argc, char **argv, qargs *a, const char *cmd, const char *help) {
  memset(a, 0, sizeof *a);
  a->files = argv + 1;
  a->format = -1;
  a->max_size = VB_MAX_SIZE;
  for (int i = 1; i < argc; i++) {
    int f = vb_cli_format_opt(argc, argv, &i, &a->format, cmd);
    if (f < 0) return 2;
    if (f) continue;
    if (!strcmp(argv[i], "--json")) a->json = 1;
    else if (!strcmp(argv[i], "--indirect")) a->no_indirect = 0, a->indirect_given = 1;   /* the default; kept for scripts */
    else if (!strcmp(argv[i], "--no-indirect")) a->no_indirect = 1, a->indirect_given = 1;
    else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { fputs(help, stdout); return 1; }
    else if (!strcmp(argv[i], "--version")) { printf("verbatim %s\n", VB_VERSION); return 1; }
    else if (!strcmp(argv[i], "--")) { while (++i < argc) a->files[a->nfiles++] = argv[i]; }
    else if (!strncmp(argv[i], "--max-size=", 11)) {
      if (vb_cli_size(argv[i] + 11, &a->max_size)) { vb_cli_err("%s: --max-size wants a size (256M, 1G, 0 for none)", cmd); return 2; }
      a->max_given = 1;
    }
    else if (!strcmp(argv[i], "--cue")) {
      if (i + 1 >= argc) { vb_cli_err("%s: --cue needs a PATTERN", cmd); return 2; }
      if (a->ncues == 64) { vb_cli_err("%s: at most 64 --cue patterns", cmd); return 2; }
      a->cues[a->ncues++] = argv[++i];
    }
    else if (argv[i][0] == '-' && argv[i][1]) { vb_cli_err("%s: unknown option '%s'", cmd, argv[i]); return 2; }
    else a->files[a->nfiles++] = argv[i];
  }
  if (!a->nfiles) { vb_cli_err("%s: no FILE given (try verbatim %s --help)", cmd, cmd); return 2; }
  return 0;
}

static void quotes_lines(vb_buf *o, const char *file, const char *s, const vb_analysis *an) {
  const vb_quotes *qs = &an->qs;
  vb_buf t = {0};
  for (size_t i = 0; i < qs->q.n; i++) {
    const vb_quote *q = &qs->q.v[i];
    t.n = 0;
    vb_cli_spill(o);
    vb_quote_text(s, qs, q, &t);
    vb_buf_addf(o, "%s:%u:%u: %s \xE2\x80\x9C", file, q->line, q->col, vb_kind_names[q->kind]);
    vb_excerpt(o, t.p ? t.p : "", t.n, 60);
    vb_buf_adds(o, "\xE2\x80\x9D");
    vb_cli_speaker(o, s, an, i);
    vb_buf_addc(o, '\n');
  }
  for (size_t i = 0; i < qs->diag.n; i++)
    vb_buf_addf(o, "%s:%u:%u: warning: %s\n", file, qs->diag.v[i].line, qs->diag.v[i].col, qs->diag.v[i].msg);
  vb_buf_free(&t);
}

static void sources_table(vb_buf *o, const char *file, const char *s, const vb_analysis *an) {
  size_t nind = 0, nquo;
  for (size_t i = 0; i < an->qs.q.n; i++) nind += an->qs.q.v[i].kind == VB_INDIRECT;
  nquo = an->qs.q.n - nind;
  vb_buf_addf(o, "%s: %zu source%s, %zu quote%s", file, an->src.n, an->src.n == 1 ? "" : "s", nquo, nquo == 1 ? "" : "s");
  if (nind) vb_buf_addf(o, ", %zu paraphrased", nind);
  vb_buf_addc(o, '\n');
  for (size_t k = 0; k < an->src.n; k++) {
    const vb_source *src = &an->src.v[k];
    const vb_entity *E = &an->ent.v[src->entity];
    vb_buf_adds(o, "  ");
    vb_cli_span(o, s, E->name, 40);
    if (E->role.start != VB_NONE || E->org.start != VB_NONE) {
      vb_buf_adds(o, " \xE2\x80\x94 ");
      vb_cli_span(o, s, E->role, 50);
      if (E->role.start != VB_NONE && E->org.start != VB_NONE) vb_buf_adds(o, ", ");
      vb_cli_span(o, s, E->org, 50);
      if (E->org_long.start != VB_NONE) { vb_buf_adds(o, " ("); vb_cli_span(o, s, E->org_long, 50); vb_buf_addc(o, ')'); }
    }
    vb_buf_addc(o, '\n');
    if (src->nq) {
      vb_buf_addf(o, "      %zu quote%s, %zu words: #", src->nq, src->nq == 1 ? "" : "s", src->words);
      for (size_t i = 0; i < src->nq; i++) vb_buf_addf(o, "%s%zu", i ? " #" : "", an->srcq.v[src->q0 + i] + 1);
      vb_buf_addc(o, '\n');
    }
    if (src->np) {
      vb_buf_addf(o, "      %zu paraphrased: #", src->np);
      for (size_t i = 0; i < src->np; i++) vb_buf_addf(o, "%s%zu", i ? " #" : "", an->srcq.v[src->p0 + i] + 1);
      vb_buf_addc(o, '\n');
    }
  }
  if (an->unattributed.n) {
    vb_buf_adds(o, "  (no speaker)\n      #");
    for (size_t i = 0; i < an->unattributed.n; i++) vb_buf_addf(o, "%s%zu", i ? " #" : "", an->unattributed.v[i] + 1);
    vb_buf_addc(o, '\n');
  }
}

static const char quotes_help[] =
  "usage: verbatim quotes [--json] [--format text|markdown] FILE...\n"
  "List every quotation: FILE:LINE:COL: kind \xE2\x80\x9Ctext\xE2\x80\x9D (the quickfix format).\n"
  "  --json   one JSON object per file (several files or a folder: {\"files\": [...]})\n"
  "  --format text|markdown   how to read FILE; by default .md, .markdown, .qmd and .rmd\n"
  "           are Markdown (front matter, code, link targets, HTML are not prose)\n"
  "  --cue PATTERN   also treat matches of this PCRE2 pattern (case-insensitive) as cues\n"
  "  --no-indirect   leave out reported speech without marks (kind indirect, listed by\n"
  "                  default; --indirect, the default, is still accepted)\n"
  "  --max-size=SIZE refuse files larger than SIZE (default 256M; K, M, G; 0: no limit)\n"
  "Each line ends with the speaker and the cue: \xE2\x80\x94 Marta Lindqvist (said).\n"
  "A FILE that is a folder stands for its text and Markdown files (recursive, sorted,\n"
  "hidden ones skipped). FILE - reads stdin. Exit status: 0 success, 2 usage or read\n"
  "errors (the other files are still listed).\n";

static const char sources_help[] =
  "usage: verbatim sources [--json] [--format text|markdown] FILE...\n"
  "List the people and bodies quoted in each FILE: name, role, organisation, their quotes\n"
  "(#1 is the first quote of `verbatim quotes`) and the words quoted; then quotes with no speaker.\n"
  "  --json   the same object as `verbatim quotes --json` (sources, quotes, unattributed)\n"
  "  --format text|markdown   how to read FILE (default: by its extension, as quotes)\n"
  "  --cue PATTERN   also treat matches of this PCRE2 pattern (case-insensitive) as cues\n"
  "  --no-indirect   count quoted statements only (reported speech is counted by default)\n"
  "  --max-size=SIZE refuse files larger than SIZE (default 256M; K, M, G; 0: no limit)\n"
  "A FILE that is a folder stands for its text and Markdown files, as for quotes.\n";

static int run(int argc, char **argv, int sources) {
  qargs a;
  int rc = parse(argc, argv, &a, sources ? "sources" : "quotes", sources ? sources_help : quotes_help), nok = 0;
  int folder = 0, many;
  vb_buf out = {0};
  vb_aopts ao;
  vb_cues *cues;
  vb_config cfg;
  vb_paths files = {0};
  char err[256];
  if (rc) return rc == 1 ? 0 : rc;
  /* the project file's cues, indirect, nested and max-size, where no option says */
  if (vb_cli_project(a.files[0], &cfg)) { vb_config_free(&cfg); return 2; }
  for (size_t k = 0; !a.ncues && k < cfg.cues.n && k < 64; k++) a.cues[k] = cfg.cues.v[k];
  if (!a.ncues) a.ncues = cfg.cues.n < 64 ? (int)cfg.cues.n : 64;
  if (!a.indirect_given && cfg.indirect >= 0) a.no_indirect = !cfg.indirect;
  if (!a.max_given && cfg.max_size >= 0) a.max_size = (size_t)cfg.max_size;
  if (a.format < 0 && cfg.format >= 0) a.format = cfg.format;
  if ((rc = vb_cli_drafts(a.files, (size_t)a.nfiles, &files, &folder)) < 0) {
    vb_cli_err("out of memory");
    vb_paths_free(&files);
    vb_config_free(&cfg);
    return 2;
  }
  /* several files, or a folder (however many it holds): one {"files": [...]} */
  many = files.n > 1 || folder;
  /* the lexicon and any --cue patterns are compiled once for all the files */
  memset(&ao, 0, sizeof ao);
  ao.no_indirect = a.no_indirect;
  ao.q.nested = cfg.nested == 1;
  cues = vb_cues_new(a.cues, NULL, (size_t)a.ncues, err, sizeof err);
  ao.cues = cues;
  if (!cues) { vb_cli_err("%s: %s", sources ? "sources" : "quotes", err); vb_paths_free(&files); vb_config_free(&cfg); return 2; }
  if (a.json && many) vb_buf_adds(&out, "{\"files\":[");
  for (size_t f = 0; f < files.n; f++) {
    vb_buf in = {0};
    vb_analysis an;
    int arc;
    memset(&an, 0, sizeof an);
    const char *file = files.v[f];
    if (vb_cli_read_draft(file, a.format, a.max_size, &in)) { rc = 2; continue; }
    if ((arc = vb_analyze(in.p, in.n, &ao, &an)) != 0) {
      if (arc < -1)
        vb_cli_err("%s: cue pattern %d: match limit exceeded (it backtracks too much on this text)", file, -arc - 1);
      else vb_cli_err("%s: out of memory", file);
      rc = 2;
    } else if (a.json) {
      if (nok++) vb_buf_adds(&out, ",\n");
      vb_cli_json(&out, file, in.p, &an, NULL);
    } else if (sources) sources_table(&out, file, in.p, &an);
    else quotes_lines(&out, file, in.p, &an);
    vb_analysis_free(&an);
    vb_buf_free(&in);
    if (!a.json && vb_cli_flush(&out)) rc = 2;
  }
  if (a.json) {
    /* one file that could not be read: nothing on stdout rather than half a document */
    if (many || nok) vb_buf_adds(&out, many ? "]}\n" : "\n");
    if (vb_cli_flush(&out)) rc = 2;
  }
  vb_paths_free(&files);
  vb_buf_free(&out);
  vb_cues_free(cues);
  vb_config_free(&cfg);
  return rc;
}

int vb_cmd_quotes(int argc, char **argv) { return run(argc, argv, 0); }
int vb_cmd_sources(int argc, char **argv) { return run(argc, argv, 1); }
