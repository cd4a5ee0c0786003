/* cli_lsp.c: `verbatim lsp`, the language server over standard input and output (lsp.h
 * draws it). The loop, the method table, the documents' lifecycle and the protocol's
 * rules: no request before initialize, none after shutdown, exit ends the server (0
 * after shutdown, 1 without), and so does the end of input or a client process that is
 * gone. A message that does not parse, or is not JSON-RPC, gets an error response; a
 * notification that cannot be used is logged; nothing the client sends stops the loop. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "cli_out.h"
#include "lsp.h"
#include "version.h"

static const char lsp_help[] =
  "usage: verbatim lsp [--stdio] [--debounce=MS] [--max-size=SIZE] [--log=FILE]\n"
  "A language server (LSP 3.17, JSON-RPC over standard input and output) for any editor:\n"
  "diagnostics for unclosed marks, quotes with no speaker and, where the project file\n"
  "(.verbatim.yaml, found by walking up from each document) names sources, quotes that\n"
  "are altered, not found or given to another speaker; hover, go to the source passage,\n"
  "the speaker's quotes, code actions and document symbols.\n"
  "  --stdio          standard input and output (the default and only transport)\n"
  "  --debounce=MS    quiet time after an edit before a document is checked (default 200;\n"
  "                   the project file's `debounce` wins)\n"
  "  --max-size=SIZE  documents larger than SIZE are not analysed (default 256M; 0: none)\n"
  "  --log=FILE       also write the server's log lines to FILE\n";

/* ---------------------------------------------------------------- documents */

static lsp_doc *find_doc(lsp_server *S, json_t *params) {
  const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
  for (size_t k = 0; uri && k < S->docs.n; k++)
    if (!strcmp(S->docs.v[k]->uri, uri)) return S->docs.v[k];
  return NULL;
}

static void schedule(lsp_server *S, lsp_doc *d, int now) {
  d->dirty = 1;
  d->due_ms = lsp_now_ms() + (now ? 0 : lsp_proj_debounce(S, d->proj));
}

/* a document current for a request: checked now if it has edits not yet checked */
static lsp_doc *current_doc(lsp_server *S, json_t *params, int *code, const char **msg) {
  lsp_doc *d = find_doc(S, params);
  if (!d) { *code = LSP_INVALID_PARAMS; *msg = "no open document with that textDocument.uri"; return NULL; }
  if (d->dirty) lsp_check_now(S, d);
  return d;
}

/* the byte offset of params[key], a Position (clamped into the text) */
static int offset_of(lsp_server *S, lsp_doc *d, json_t *pos, size_t *off, int *code, const char **msg) {
  long long line, ch;
  if (lsp_pos_read(pos, &line, &ch)) { *code = LSP_INVALID_PARAMS; *msg = "a Position {line, character} expected"; return -1; }
  *off = lsp_offset(d->text.p, d->text.n, &d->lines, line, ch, S->utf8, NULL);
  return 0;
}

static json_t *did_open(lsp_server *S, json_t *p, int *code, const char **msg) {
  json_t *td = json_object_get(p, "textDocument"), *text = json_object_get(td, "text");
  const char *uri = json_string_value(json_object_get(td, "uri")), *lang = json_string_value(json_object_get(td, "languageId"));
  lsp_doc *d = find_doc(S, p);
  if (!uri || !json_is_string(text)) { *code = LSP_INVALID_PARAMS; *msg = "didOpen: textDocument.uri and .text expected"; return NULL; }
  if (!d) {
    if (!(d = calloc(1, sizeof *d)) || !(d->uri = strdup(uri)) || vb_push(&S->docs, d)) {
      lsp_doc_free(d);
      *code = LSP_INTERNAL_ERROR;
      *msg = "out of memory";
      return NULL;
    }
    d->path = lsp_uri_path(uri);
  }
  free(d->lang);
  d->lang = strdup(lang ? lang : "");
  d->version = json_integer_value(json_object_get(td, "version"));
  d->text.n = 0;
  if (lsp_doc_edit(d, 0, 0, json_string_value(text), json_string_length(text))) {
    *code = LSP_INTERNAL_ERROR;
    *msg = "out of memory";
  }
  schedule(S, d, 1);
  return NULL;
}

/* one entry of contentChanges: a range and its new text, or the whole text */
static int apply_change(lsp_server *S, lsp_doc *d, json_t *ch) {
  json_t *text = json_object_get(ch, "text"), *range = json_object_get(ch, "range");
  long long l0, c0, l1, c1;
  size_t a, b;
  int oor0, oor1;
  if (!json_is_string(text)) return -1;
  if (!range) return lsp_doc_edit(d, 0, d->text.n, json_string_value(text), json_string_length(text));
  if (lsp_pos_read(json_object_get(range, "start"), &l0, &c0) || lsp_pos_read(json_object_get(range, "end"), &l1, &c1))
    return -1;
  a = lsp_offset(d->text.p, d->text.n, &d->lines, l0, c0, S->utf8, &oor0);
  b = lsp_offset(d->text.p, d->text.n, &d->lines, l1, c1, S->utf8, &oor1);
  if (oor0 || oor1) lsp_log(S, 2, "verbatim: %s: an edit outside the text (%lld:%lld-%lld:%lld) was clamped to it", d->uri, l0, c0, l1, c1);
  if (b < a) { size_t t = a; a = b; b = t; }
  return lsp_doc_edit(d, a, b, json_string_value(text), json_string_length(text));
}

static json_t *did_change(lsp_server *S, json_t *p, int *code, const char **msg) {
  lsp_doc *d = find_doc(S, p);
  json_t *changes = json_object_get(p, "contentChanges"), *ch;
  size_t k;
  if (!d) { *code = LSP_INVALID_PARAMS; *msg = "didChange: no open document with that uri"; return NULL; }
  if (!json_is_array(changes)) { *code = LSP_INVALID_PARAMS; *msg = "didChange: contentChanges expected"; return NULL; }
  json_array_foreach(changes, k, ch) {
    if (apply_change(S, d, ch)) {
      lsp_log(S, 1, "verbatim: %s: change %zu is not a TextDocumentContentChangeEvent (or memory ran out): skipped", d->uri, k);
    }
  }
  if (json_is_integer(json_object_get(json_object_get(p, "textDocument"), "version")))
    d->version = json_integer_value(json_object_get(json_object_get(p, "textDocument"), "version"));
  schedule(S, d, 0);
  return NULL;
}

static json_t *did_close(lsp_server *S, json_t *p, int *code, const char **msg) {
  lsp_doc *d = find_doc(S, p);
  if (!d) { *code = LSP_INVALID_PARAMS; *msg = "didClose: no open document with that uri"; return NULL; }
  /* its diagnostics go with it */
  lsp_notify(S, "textDocument/publishDiagnostics", json_pack("{s:s, s:[]}", "uri", d->uri, "diagnostics"));
  for (size_t k = 0; k < S->docs.n; k++)
    if (S->docs.v[k] == d) { S->docs.v[k] = S->docs.v[--S->docs.n]; break; }
  lsp_doc_free(d);
  return NULL;
}

static json_t *did_save(lsp_server *S, json_t *p, int *code, const char **msg) {
  lsp_doc *d = find_doc(S, p);
  (void)code; (void)msg;
  if (d) {
    if (d->proj) d->proj->built_ms = 0;          /* the sources may have changed too */
    schedule(S, d, 1);
  }
  return NULL;
}

/* everything may read differently: the projects are read again, every document checked */
static void recheck_all(lsp_server *S) {
  lsp_proj_stale(S);
  for (size_t k = 0; k < S->docs.n; k++) schedule(S, S->docs.v[k], 1);
}

static json_t *did_change_config(lsp_server *S, json_t *p, int *code, const char **msg) {
  json_t *set = json_object_get(p, "settings");
  (void)code; (void)msg;
  if (json_is_object(set) && json_object_size(set)) {
    json_decref(S->settings);
    S->settings = json_incref(set);
  }
  recheck_all(S);
  return NULL;
}

static json_t *did_change_files(lsp_server *S, json_t *p, int *code, const char **msg) {
  (void)p; (void)code; (void)msg;
  recheck_all(S);
  return NULL;
}

/* ---------------------------------------------------------------- requests */

/* A request at a position of a document: the document and the byte offset there, then f. */
typedef json_t *(*at_fn)(lsp_server *S, lsp_doc *d, size_t off);
static json_t *at_position(lsp_server *S, json_t *p, int *code, const char **msg, at_fn f) {
  lsp_doc *d = current_doc(S, p, code, msg);
  size_t off;
  if (!d || offset_of(S, d, json_object_get(p, "position"), &off, code, msg)) return NULL;
  return f(S, d, off);
}

static json_t *hover(lsp_server *S, json_t *p, int *code, const char **msg) {
  return at_position(S, p, code, msg, lsp_hover);
}

static json_t *definition(lsp_server *S, json_t *p, int *code, const char **msg) {
  return at_position(S, p, code, msg, lsp_definition);
}

static json_t *references(lsp_server *S, json_t *p, int *code, const char **msg) {
  return at_position(S, p, code, msg, lsp_references);
}

static json_t *code_action(lsp_server *S, json_t *p, int *code, const char **msg) {
  lsp_doc *d = current_doc(S, p, code, msg);
  json_t *range = json_object_get(p, "range");
  size_t a, b;
  if (!d || offset_of(S, d, json_object_get(range, "start"), &a, code, msg) ||
      offset_of(S, d, json_object_get(range, "end"), &b, code, msg))
    return NULL;
  return lsp_code_actions(S, d, a < b ? a : b, a < b ? b : a);
}

static json_t *doc_symbols(lsp_server *S, json_t *p, int *code, const char **msg) {
  lsp_doc *d = current_doc(S, p, code, msg);
  return d ? lsp_document_symbols(S, d) : NULL;
}

static json_t *ws_symbols(lsp_server *S, json_t *p, int *code, const char **msg) {
  (void)code; (void)msg;
  return lsp_workspace_symbols(S, json_string_value(json_object_get(p, "query")));
}

static json_t *execute(lsp_server *S, json_t *p, int *code, const char **msg) {
  return lsp_execute(S, json_string_value(json_object_get(p, "command")), json_object_get(p, "arguments"), code, msg);
}

static json_t *shutdown_(lsp_server *S, json_t *p, int *code, const char **msg) {
  (void)p; (void)code; (void)msg;
  S->shutdown = 1;
  return json_null();
}

static json_t *exit_(lsp_server *S, json_t *p, int *code, const char **msg) {
  (void)p; (void)code; (void)msg;
  S->done = 1;
  S->exit_code = S->shutdown ? 0 : 1;
  return NULL;
}

/* does the JSON array a hold the string s? */
static int has_str(json_t *a, const char *s) {
  size_t k;
  json_t *x;
  json_array_foreach(a, k, x) if (json_is_string(x) && !strcmp(json_string_value(x), s)) return 1;
  return 0;
}

static json_t *initialize(lsp_server *S, json_t *p, int *code, const char **msg) {
  json_t *caps = json_object_get(p, "capabilities"), *td = json_object_get(caps, "textDocument");
  json_t *folders = json_object_get(p, "workspaceFolders"), *opts = json_object_get(p, "initializationOptions");
  const char *root = json_string_value(json_object_get(p, "rootUri"));
  json_t *cmds = json_array();
  if (S->initialized) { *code = LSP_INVALID_REQUEST; *msg = "initialize was already sent"; json_decref(cmds); return NULL; }
  S->initialized = 1;
  S->utf8 = has_str(json_object_get(json_object_get(caps, "general"), "positionEncodings"), "utf-8");
  S->markdown = has_str(json_object_get(json_object_get(td, "hover"), "contentFormat"), "markdown");
  S->hierarchical = json_is_true(json_object_get(json_object_get(td, "documentSymbol"), "hierarchicalDocumentSymbolSupport"));
  S->show_document = json_is_true(json_object_get(json_object_get(json_object_get(caps, "window"), "showDocument"), "support"));
  S->related = json_is_true(json_object_get(json_object_get(td, "publishDiagnostics"), "relatedInformation"));
  if (json_is_array(folders) && json_array_size(folders))
    root = json_string_value(json_object_get(json_array_get(folders, 0), "uri"));
  if (root) S->root = lsp_uri_path(root);
  else if (json_is_string(json_object_get(p, "rootPath"))) S->root = strdup(json_string_value(json_object_get(p, "rootPath")));
  if (json_is_object(opts)) S->settings = json_incref(opts);
  if (json_is_integer(json_object_get(p, "processId"))) S->parent = (long)json_integer_value(json_object_get(p, "processId"));
  for (size_t k = 0; lsp_commands[k]; k++) json_array_append_new(cmds, json_string(lsp_commands[k]));
  return json_pack("{s:{s:s, s:{s:b, s:i, s:{s:b}}, s:b, s:b, s:b, s:b, s:b, s:b, s:{s:o}}, s:{s:s, s:s}}", "capabilities",
                   "positionEncoding", S->utf8 ? "utf-8" : "utf-16", "textDocumentSync", "openClose", 1, "change", 2, "save",
                   "includeText", 0, "hoverProvider", 1, "definitionProvider", 1, "referencesProvider", 1,
                   "codeActionProvider", 1, "documentSymbolProvider", 1, "workspaceSymbolProvider", 1,
                   "executeCommandProvider", "commands", cmds, "serverInfo", "name", "verbatim", "version", VB_VERSION);
}

static json_t *ignore(lsp_server *S, json_t *p, int *code, const char **msg) {
  (void)S; (void)p; (void)code; (void)msg;
  return NULL;
}

typedef json_t *(*handler)(lsp_server *S, json_t *params, int *code, const char **msg);
static const struct { const char *method; handler fn; int request; } methods[] = {
  {"initialize", initialize, 1},
  {"initialized", ignore, 0},
  {"shutdown", shutdown_, 1},
  {"exit", exit_, 0},
  {"textDocument/didOpen", did_open, 0},
  {"textDocument/didChange", did_change, 0},
  {"textDocument/didClose", did_close, 0},
  {"textDocument/didSave", did_save, 0},
  {"textDocument/hover", hover, 1},
  {"textDocument/definition", definition, 1},
  {"textDocument/references", references, 1},
  {"textDocument/codeAction", code_action, 1},
  {"textDocument/documentSymbol", doc_symbols, 1},
  {"workspace/symbol", ws_symbols, 1},
  {"workspace/executeCommand", execute, 1},
  {"workspace/didChangeConfiguration", did_change_config, 0},
  {"workspace/didChangeWatchedFiles", did_change_files, 0},
  {"$/cancelRequest", ignore, 0},
  {"$/setTrace", ignore, 0},
};

/* ---------------------------------------------------------------- messages */

static void dispatch(lsp_server *S, json_t *m) {
  json_t *id = json_object_get(m, "id"), *params = json_object_get(m, "params"), *res;
  const char *method = json_string_value(json_object_get(m, "method"));
  int code = 0, request = id != NULL;
  const char *msg = NULL;
  size_t k;
  if (!json_is_object(m) || !json_is_string(json_object_get(m, "jsonrpc")) ||
      strcmp(json_string_value(json_object_get(m, "jsonrpc")), "2.0")) {
    lsp_reply_error(S, json_is_object(m) && (json_is_string(id) || json_is_integer(id)) ? id : NULL, LSP_INVALID_REQUEST,
                    "not a JSON-RPC 2.0 message (an object with \"jsonrpc\": \"2.0\")");
    return;
  }
  if (!method) {
    /* a response to one of the server's requests (window/showDocument): nothing to do */
    if (id && (json_object_get(m, "result") || json_object_get(m, "error"))) return;
    lsp_reply_error(S, id, LSP_INVALID_REQUEST, "a message without a method");
    return;
  }
  if (request && !json_is_string(id) && !json_is_integer(id)) {
    lsp_reply_error(S, NULL, LSP_INVALID_REQUEST, "a request id must be a number or a string");
    return;
  }
  for (k = 0; k < sizeof methods / sizeof *methods && strcmp(methods[k].method, method); k++) {}
  if (k == sizeof methods / sizeof *methods) {
    if (request) lsp_reply_error(S, id, LSP_METHOD_NOT_FOUND, "method not found");
    return;                                       /* an unknown notification is dropped, as the protocol says */
  }
  if (!S->initialized && strcmp(method, "initialize") && strcmp(method, "exit")) {
    if (request) lsp_reply_error(S, id, LSP_NOT_INITIALIZED, "the server is not initialized");
    return;
  }
  if (S->shutdown && strcmp(method, "exit")) {
    if (request) lsp_reply_error(S, id, LSP_INVALID_REQUEST, "the server is shut down");
    return;
  }
  if (params && !json_is_object(params) && !json_is_array(params)) {
    if (request) lsp_reply_error(S, id, LSP_INVALID_PARAMS, "params must be an object");
    return;
  }
  res = methods[k].fn(S, params, &code, &msg);
  if (!request) {
    if (code) lsp_log(S, 1, "verbatim: %s: %s", method, msg);
    json_decref(res);
  } else if (code) {
    json_decref(res);
    lsp_reply_error(S, id, code, msg);
  } else lsp_reply(S, id, res);
}

/* one message body: JSON (invalid UTF-8 mended to U+FFFD, and said), then dispatched */
static void take(lsp_server *S, const char *body, size_t n) {
  json_error_t e;
  json_t *m = json_loadb(body, n, JSON_ALLOW_NUL | JSON_DECODE_ANY, &e);
  if (!m && json_error_code(&e) == json_error_invalid_utf8) {
    vb_buf fixed = {0};
    size_t bad = lsp_utf8_fix(body, n, &fixed);
    if (!fixed.oom) m = json_loadb(fixed.p ? fixed.p : "", fixed.n, JSON_ALLOW_NUL | JSON_DECODE_ANY, &e);
    vb_buf_free(&fixed);
    if (m) lsp_log(S, 2, "verbatim: a message held %zu bytes that are not UTF-8: read as U+FFFD", bad);
  }
  if (!m) {
    char why[300];
    snprintf(why, sizeof why, "parse error: %s (at byte %d)", e.text, e.position);
    lsp_reply_error(S, NULL, LSP_PARSE_ERROR, why);
    return;
  }
  dispatch(S, m);
  json_decref(m);
}

/* ---------------------------------------------------------------- the loop */

static int parse_args(lsp_server *S, int argc, char **argv, const char **log) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--stdio")) continue;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) { fputs(lsp_help, stdout); return 1; }
    if (!strncmp(a, "--debounce=", 11)) {
      char *e;
      long v = strtol(a + 11, &e, 10);
      if (*e || e == a + 11 || v < 0 || v > 60000) { vb_cli_err("lsp: --debounce wants milliseconds (0 to 60000)"); return 2; }
      S->debounce_ms = (int)v;
    } else if (!strncmp(a, "--max-size=", 11)) {
      if (vb_cli_size(a + 11, &S->max_size)) { vb_cli_err("lsp: --max-size wants a size (256M, 1G, 0 for none)"); return 2; }
    } else if (!strncmp(a, "--log=", 6)) *log = a + 6;
    else if (!strncmp(a, "--clientProcessId=", 18)) S->parent = strtol(a + 18, NULL, 10);
    else { vb_cli_err("lsp: unknown option '%s' (try verbatim lsp --help)", a); return 2; }
  }
  return 0;
}

/* milliseconds until the first document's quiet time ends, or -1 (none) */
static int next_wait(lsp_server *S) {
  long long now = lsp_now_ms(), due = -1;
  for (size_t k = 0; k < S->docs.n; k++)
    if (S->docs.v[k]->due_ms && (due < 0 || S->docs.v[k]->due_ms < due)) due = S->docs.v[k]->due_ms;
  if (due < 0) return S->parent > 0 ? 2000 : -1;  /* the client's process is looked at now and then */
  return due <= now ? 0 : (int)(due - now < 2000 ? due - now : 2000);
}

static void run_due(lsp_server *S) {
  long long now = lsp_now_ms();
  for (size_t k = 0; k < S->docs.n && !S->done; k++)
    if (S->docs.v[k]->due_ms && S->docs.v[k]->due_ms <= now) lsp_check_now(S, S->docs.v[k]);
}

static void serve(lsp_server *S) {
  vb_buf err = {0};
  while (!S->done) {
    struct pollfd pf = {S->in, POLLIN, 0};
    int r = poll(&pf, 1, next_wait(S));
    if (r < 0 && errno != EINTR) break;
    if (r > 0) {
      const char *body;
      size_t n;
      int k;
      if (lsp_read(&S->rd, S->in) <= 0) { S->exit_code = S->shutdown ? 0 : 1; break; }   /* the client is gone */
      while (!S->done && (k = lsp_next(&S->rd, &body, &n, &err)) != 0) {
        if (k < 0) {
          vb_buf_addc(&err, 0);
          lsp_reply_error(S, NULL, LSP_PARSE_ERROR, err.p ? err.p : "bad message");
          err.n = 0;
        } else take(S, body, n);
      }
    }
    run_due(S);
    if (S->parent > 0 && kill((pid_t)S->parent, 0) && errno == ESRCH) { S->exit_code = 1; break; }
  }
  vb_buf_free(&err);
}

int vb_cmd_lsp(int argc, char **argv) {
  lsp_server S;
  const char *log = NULL;
  int rc;
  memset(&S, 0, sizeof S);
  S.out = 1;
  S.debounce_ms = 200;
  S.max_size = VB_MAX_SIZE;
  if ((rc = parse_args(&S, argc, argv, &log)) != 0) return rc == 1 ? 0 : rc;
  /* a body may be the largest document, escaped (a quote or a backslash takes two bytes) */
  S.rd.max = S.max_size && S.max_size < ((size_t)1 << 40) ? 2 * S.max_size + 65536 : (size_t)1 << 41;
  if (log && !(S.log = fopen(log, "a"))) { vb_cli_err("lsp: %s: %s", log, strerror(errno)); return 2; }
  signal(SIGPIPE, SIG_IGN);                      /* a closed pipe is a write error: the client is gone */
  serve(&S);
  for (size_t k = 0; k < S.docs.n; k++) lsp_doc_free(S.docs.v[k]);
  vb_vfree(&S.docs);
  for (size_t k = 0; k < S.projs.n; k++) lsp_proj_free(S.projs.v[k]);
  vb_vfree(&S.projs);
  lsp_reader_free(&S.rd);
  json_decref(S.settings);
  free(S.root);
  if (S.log) fclose(S.log);
  return S.exit_code;
}
