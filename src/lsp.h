/* lsp.h: `verbatim lsp`, the language server (part of the CLI: the engine never sees
 * JSON-RPC or jansson). One thread, one loop (cli_lsp.c): poll standard input until a
 * message comes or the earliest document's quiet time (the debounce) is over; a
 * document whose time is up is analysed and checked in one engine call
 * (vb_check_draft) and its diagnostics published. A request about a document with
 * unchecked edits (hover, code actions, symbols) checks it first, so answers always
 * describe the text the client has.
 *
 *   lsp_rpc.c    framing (Content-Length headers), reading and writing messages
 *   lsp_text.c   documents: text, edits, line index, UTF-16/UTF-8 positions, file URIs
 *   lsp_proj.c   projects: the .verbatim.yaml governing a document, its material and cues
 *   lsp_check.c  a document analysed and checked; its diagnostics
 *   lsp_feat.c   hover, definition, references, code actions, symbols, commands
 *   cli_lsp.c    the command, the loop and the method table
 * Each calls only those listed above it. */
#ifndef VB_LSP_H
#define VB_LSP_H
#include <stddef.h>
#include <jansson.h>
#include "buf.h"
#include "config.h"
#include "cues.h"
#include "draft.h"
#include "material.h"

/* JSON-RPC and LSP error codes */
enum {
  LSP_PARSE_ERROR = -32700,
  LSP_INVALID_REQUEST = -32600,
  LSP_METHOD_NOT_FOUND = -32601,
  LSP_INVALID_PARAMS = -32602,
  LSP_INTERNAL_ERROR = -32603,
  LSP_NOT_INITIALIZED = -32002,
  LSP_REQUEST_FAILED = -32803,
};

/* LSP's DiagnosticSeverity */
enum { LSP_ERROR = 1, LSP_WARNING = 2, LSP_INFO = 3, LSP_HINT = 4 };

/* The bytes read from the client and not yet taken as messages. */
typedef struct lsp_reader {
  vb_buf b;
  size_t pos;                   /* first byte not yet consumed */
  size_t skip;                  /* body bytes still to drop (a message over the limit) */
  size_t max;                   /* largest body taken */
} lsp_reader;

/* Line starts of a text: after "\n", "\r\n" or a lone "\r", as LSP counts lines. */
typedef VB_VEC(size_t) lsp_lines;

/* A project: what the .verbatim.yaml governing some documents says, ready to use. */
typedef struct lsp_proj {
  char *file;                   /* the project file, or "" for documents under none */
  long long mtime_ns, size, ino;   /* its stamp when read */
  long long built_ms;           /* when the material was listed */
  vb_config cfg;                /* the file, with the client's settings over it */
  vb_material M;                /* cfg.check and cfg.index */
  VB_VEC(struct vb_index *) idx;
  vb_cues *cues;                /* the lexicon and cfg.cues, compiled once; NULL only on OOM */
  vb_buf problems;              /* lines about the project: a bad file, a source unread */
  vb_gate gate;                 /* what fails: fail-on and strict-terms (the CLI's policy) */
  int users;                    /* documents that use it */
} lsp_proj;

typedef struct lsp_doc {
  char *uri;
  char *path;                   /* the file of a file: URI, else NULL */
  char *lang;                   /* languageId */
  long long version;
  vb_buf text;
  vb_buf prose;                 /* a Markdown document's text with what is not prose masked
                                 * (markdown.h: same length, so offsets hold); the engine reads it */
  lsp_lines lines;
  long long due_ms;             /* when its quiet time ends; 0: nothing to do */
  int dirty;                    /* edited since the last analysis */
  int failed;                   /* the last analysis failed: only problem holds */
  vb_draft d;                   /* the last analysis and check, of the current text unless dirty */
  int checked;                  /* d.c holds a check (the project has material) */
  vb_buf problem;               /* why the last analysis failed, or notes on it */
  lsp_proj *proj;               /* borrowed */
} lsp_doc;

typedef struct lsp_server {
  int in, out;                  /* file descriptors */
  lsp_reader rd;
  VB_VEC(lsp_doc *) docs;
  VB_VEC(lsp_proj *) projs;
  int initialized, shutdown, exit_code, done;
  int utf8;                     /* positions in UTF-8 bytes (negotiated), else UTF-16 units */
  int markdown;                 /* the client shows Markdown in hovers */
  int hierarchical;             /* documentSymbol may nest */
  int show_document;            /* the client takes window/showDocument */
  int related;                  /* diagnostics may carry relatedInformation */
  int debounce_ms;              /* the quiet time; the project's `debounce` wins */
  size_t max_size;              /* largest document analysed */
  char *root;                   /* the workspace folder, or NULL */
  json_t *settings;             /* the client's settings (initializationOptions), or NULL */
  long parent;                  /* the client's process id, watched; 0 none */
  long long next_id;            /* of requests the server sends */
  FILE *log;                    /* --log FILE, or NULL */
} lsp_server;

/* ---- lsp_rpc.c */
/* Read what is there from fd into r: 1 bytes (or none yet), 0 end of input, -1 error. */
int lsp_read(lsp_reader *r, int fd);
/* The next message in r: 1 with its body in *body, *n (valid until the next call);
 * 0 when more bytes are needed; -1 a framing error, said in err (the bad header or the
 * oversized body is dropped, so the next call goes on after it). */
int lsp_next(lsp_reader *r, const char **body, size_t *n, vb_buf *err);
void lsp_reader_free(lsp_reader *r);
/* Write msg (kept by the caller) with its header; -1 when the client is gone. */
int lsp_send(lsp_server *S, json_t *msg);
/* A response (result is stolen; NULL sends null), an error response (id may be NULL:
 * null), a notification (params stolen), a request (params stolen; the id used). */
void lsp_reply(lsp_server *S, json_t *id, json_t *result);
void lsp_reply_error(lsp_server *S, json_t *id, int code, const char *msg);
void lsp_notify(lsp_server *S, const char *method, json_t *params);
long long lsp_request(lsp_server *S, const char *method, json_t *params);
/* s[0..n) with each invalid UTF-8 byte as U+FFFD, appended to out; how many there were. */
size_t lsp_utf8_fix(const char *s, size_t n, vb_buf *out);
/* A JSON string of s[0..n) (NULL: ""), invalid UTF-8 as U+FFFD; never NULL but on OOM. */
json_t *lsp_jstr(const char *s, size_t n);
/* window/logMessage (type: 1 error .. 4 log) and, with --log, the log file. */
void lsp_log(lsp_server *S, int type, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;
/* Milliseconds of a monotonic clock. */
long long lsp_now_ms(void);

/* ---- lsp_text.c */
int lsp_lines_build(lsp_lines *L, const char *s, size_t n);
/* The byte offset of (line, character) in s[0..n), character in UTF-16 units or (utf8)
 * bytes. A line past the end is the end; a character past its line's end is the line's
 * end (before its line break), as the protocol says; one inside a code point, the
 * point's start. *out_of_range (may be NULL) is set when either was clamped. */
size_t lsp_offset(const char *s, size_t n, const lsp_lines *L, long long line, long long ch, int utf8, int *out_of_range);
/* The (line, character) of byte offset off. */
void lsp_position(const char *s, size_t n, const lsp_lines *L, size_t off, int utf8, long long *line, long long *ch);
/* {"line":..,"character":..} and {"start":..,"end":..} of byte offsets. */
json_t *lsp_pos_json(const char *s, size_t n, const lsp_lines *L, size_t off, int utf8);
json_t *lsp_range_json(const char *s, size_t n, const lsp_lines *L, size_t a, size_t b, int utf8);
/* A Position object read: 0, or -1 when it is not one (missing or negative fields). */
int lsp_pos_read(json_t *pos, long long *line, long long *ch);
/* Replace bytes [a, b) of d's text with s[0..n); the line index follows. 0 or -1 (memory). */
int lsp_doc_edit(lsp_doc *d, size_t a, size_t b, const char *s, size_t n);
/* The path of a file: URI (percent-decoded, malloc'd), or NULL when it is none. */
char *lsp_uri_path(const char *uri);
/* The file: URI of an absolute path (malloc'd), or NULL. */
char *lsp_path_uri(const char *path);
void lsp_doc_free(lsp_doc *d);

/* ---- lsp_proj.c */
/* The project of a document at path (NULL: no file; the workspace's), read or refreshed
 * as its file changed; NULL only when memory ran out. */
lsp_proj *lsp_proj_for(lsp_server *S, const char *path);
/* Forget every project's material, so that the next analysis lists the folders again
 * (the client says files changed). */
void lsp_proj_stale(lsp_server *S);
/* The quiet time for a document of the project. */
int lsp_proj_debounce(const lsp_server *S, const lsp_proj *p);
void lsp_proj_free(lsp_proj *p);

/* ---- lsp_check.c */
/* Analyse and check d now (when dirty), then publish its diagnostics. */
void lsp_check_now(lsp_server *S, lsp_doc *d);
/* The diagnostics of d as last analysed (a JSON array). */
json_t *lsp_diagnostics(lsp_server *S, lsp_doc *d);
/* Does quote i fail the gate (as `verbatim check` counts it)? */
int lsp_quote_fails(const lsp_doc *d, size_t i);
/* The quote of d at byte offset off (the innermost reported one), or -1. */
long lsp_quote_at(const lsp_doc *d, size_t off);
/* The location of the source passage of quote i ({uri, range}), or NULL. */
json_t *lsp_passage_location(lsp_server *S, const lsp_doc *d, size_t i);

/* ---- lsp_feat.c */
json_t *lsp_hover(lsp_server *S, lsp_doc *d, size_t off);
json_t *lsp_definition(lsp_server *S, lsp_doc *d, size_t off);
json_t *lsp_references(lsp_server *S, lsp_doc *d, size_t off);
json_t *lsp_code_actions(lsp_server *S, lsp_doc *d, size_t a, size_t b);
json_t *lsp_document_symbols(lsp_server *S, lsp_doc *d);
json_t *lsp_workspace_symbols(lsp_server *S, const char *query);
/* workspace/executeCommand: the result, or NULL with *code and *msg set. */
json_t *lsp_execute(lsp_server *S, const char *cmd, json_t *args, int *code, const char **msg);
/* The commands lsp_execute knows, NULL-terminated. */
extern const char *const lsp_commands[];

#endif
