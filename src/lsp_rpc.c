/* lsp_rpc.c: JSON-RPC 2.0 over LSP's framing (lsp.h). A message is a block of header
 * lines ("Content-Length: N", others ignored) ended by an empty line, then N bytes of
 * JSON. Bad framing never stops the server: a header block without a usable length is
 * dropped up to its empty line, garbage without one is dropped up to the next
 * "Content-Length", and a body over the limit is skipped as it streams past. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include "lsp.h"
#include "text.h"

#define HEADER_MAX 8192          /* a header block is two short lines; more is not one */

long long lsp_now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int lsp_read(lsp_reader *r, int fd) {
  ssize_t k;
  /* what was consumed goes, once it is most of the buffer: memory follows the messages */
  if (r->pos && (r->pos == r->b.n || r->pos > r->b.n / 2)) {
    memmove(r->b.p, r->b.p + r->pos, r->b.n - r->pos);
    r->b.n -= r->pos;
    r->pos = 0;
  }
  if (r->b.cap > ((size_t)1 << 20) && r->b.n < r->b.cap / 8) {   /* after a large message */
    char *p = realloc(r->b.p, r->b.n + 65536);
    if (p) { r->b.p = p; r->b.cap = r->b.n + 65536; }
  }
  if (vb_buf_reserve(&r->b, 65536)) return -1;
  do k = read(fd, r->b.p + r->b.n, 65536); while (k < 0 && errno == EINTR);
  if (k < 0) return errno == EAGAIN || errno == EWOULDBLOCK ? 1 : -1;
  if (k == 0) return 0;
  if (r->skip) {                                  /* the rest of an oversized body */
    size_t drop = (size_t)k < r->skip ? (size_t)k : r->skip;
    r->skip -= drop;
    memmove(r->b.p + r->b.n, r->b.p + r->b.n + drop, (size_t)k - drop);
    k -= (ssize_t)drop;
  }
  r->b.n += (size_t)k;
  return 1;
}

/* the end of the header block at p[0..n): the offset after its empty line, or 0 */
static size_t header_end(const char *p, size_t n) {
  for (size_t i = 0; i + 1 < n; i++) {
    if (p[i] != '\n') continue;
    if (p[i + 1] == '\n') return i + 2;
    if (p[i + 1] == '\r' && i + 2 < n && p[i + 2] == '\n') return i + 3;
  }
  return 0;
}

/* Content-Length's value in the block p[0..n): 1 found, 0 none, -1 not a number */
static int content_length(const char *p, size_t n, size_t *len) {
  static const char key[] = "content-length:";
  size_t i = 0;
  while (i < n) {
    size_t e = i;
    while (e < n && p[e] != '\n') e++;
    if (e - i >= sizeof key - 1 && !strncasecmp(p + i, key, sizeof key - 1)) {
      size_t k = i + sizeof key - 1, v = 0, digits = 0;
      while (k < e && (p[k] == ' ' || p[k] == '\t')) k++;
      for (; k < e && p[k] >= '0' && p[k] <= '9'; k++, digits++) {
        if (v > ((size_t)-1 - 9) / 10) return -1;
        v = v * 10 + (size_t)(p[k] - '0');
      }
      while (k < e && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r')) k++;
      if (!digits || k != e) return -1;
      *len = v;
      return 1;
    }
    i = e + 1;
  }
  return 0;
}

/* the next "Content-Length" at or after from (case-insensitive), or n */
static size_t resync(const char *p, size_t from, size_t n) {
  for (size_t i = from; i + 15 <= n; i++)
    if ((p[i] == 'C' || p[i] == 'c') && !strncasecmp(p + i, "content-length:", 15)) return i;
  return n > 14 ? n - 14 : from;                  /* keep a tail that may start one */
}

int lsp_next(lsp_reader *r, const char **body, size_t *n, vb_buf *err) {
  const char *p = r->b.p + r->pos;
  size_t avail = r->b.n - r->pos, he, len = 0;
  int cl;
  if (!avail || r->skip) return 0;
  /* blank lines between messages are not a header */
  while (avail && (*p == '\r' || *p == '\n')) { p++; avail--; r->pos++; }
  if (!avail) return 0;
  he = header_end(p, avail < HEADER_MAX ? avail : HEADER_MAX);
  if (!he) {
    if (avail < HEADER_MAX) return 0;
    size_t to = resync(r->b.p, r->pos + 1, r->b.n);
    vb_buf_addf(err, "no message header in %zu bytes: dropped", to - r->pos);
    r->pos = to;
    return -1;
  }
  cl = content_length(p, he, &len);
  if (cl <= 0) {
    vb_buf_adds(err, cl ? "bad Content-Length header: message dropped" : "no Content-Length header: message dropped");
    r->pos += he;
    return -1;
  }
  if (len > r->max) {
    size_t have = avail - he < len ? avail - he : len;
    vb_buf_addf(err, "message of %zu bytes is over the limit of %zu: dropped", len, r->max);
    r->pos += he + have;
    r->skip = len - have;
    return -1;
  }
  if (avail - he < len) return 0;
  *body = p + he;
  *n = len;
  r->pos += he + len;
  return 1;
}

void lsp_reader_free(lsp_reader *r) { vb_buf_free(&r->b); memset(r, 0, sizeof *r); }

/* ---------------------------------------------------------------- writing */

static int write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t k = write(fd, p, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    p += k;
    n -= (size_t)k;
  }
  return 0;
}

int lsp_send(lsp_server *S, json_t *msg) {
  char head[64];
  char *body;
  size_t n;
  int hn, rc;
  if (S->done) return -1;
  /* JSON_ENCODE_ANY: never fails on a message; NUL bytes in strings are escaped */
  body = json_dumps(msg, JSON_COMPACT | JSON_ENCODE_ANY);
  if (!body) return -1;
  n = strlen(body);
  hn = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
  rc = write_all(S->out, head, (size_t)hn) || write_all(S->out, body, n) ? -1 : 0;
  free(body);
  if (rc) {                                       /* the client is gone: nothing to serve */
    S->done = 1;
    S->exit_code = 1;
  }
  return rc;
}

static void send_owned(lsp_server *S, json_t *msg) {
  if (msg) lsp_send(S, msg);
  json_decref(msg);
}

void lsp_reply(lsp_server *S, json_t *id, json_t *result) {
  send_owned(S, json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "result",
                          result ? result : json_null()));
}

void lsp_reply_error(lsp_server *S, json_t *id, int code, const char *msg) {
  send_owned(S, json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error", "code",
                          code, "message", msg));
}

void lsp_notify(lsp_server *S, const char *method, json_t *params) {
  send_owned(S, json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method, "params",
                          params ? params : json_object()));
}

long long lsp_request(lsp_server *S, const char *method, json_t *params) {
  long long id = ++S->next_id;
  send_owned(S, json_pack("{s:s, s:I, s:s, s:o}", "jsonrpc", "2.0", "id", (json_int_t)id, "method", method, "params",
                          params ? params : json_object()));
  return id;
}

size_t lsp_utf8_fix(const char *s, size_t n, vb_buf *out) {
  size_t bad = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t k = vb_utf8_dec((const unsigned char *)s, n, i, &cp);
    if (cp == VB_BADCP && !(k == 3 && !memcmp(s + i, "\xEF\xBF\xBD", 3))) {
      vb_buf_add(out, "\xEF\xBF\xBD", 3);
      bad++;
    } else vb_buf_add(out, s + i, k);
    i += k;
  }
  return bad;
}

json_t *lsp_jstr(const char *s, size_t n) {
  json_t *j;
  vb_buf b = {0};
  if (!s) return json_string("");
  if ((j = json_stringn(s, n)) != NULL) return j;   /* valid UTF-8, NUL bytes and all */
  lsp_utf8_fix(s, n, &b);
  j = b.oom ? NULL : json_stringn(b.p ? b.p : "", b.n);
  vb_buf_free(&b);
  return j ? j : json_string("");
}

void lsp_log(lsp_server *S, int type, const char *fmt, ...) {
  va_list ap;
  char tmp[2048];
  va_start(ap, fmt);
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (S->log) { fprintf(S->log, "%s\n", tmp); fflush(S->log); }
  lsp_notify(S, "window/logMessage", json_pack("{s:i, s:o}", "type", type, "message", lsp_jstr(tmp, strlen(tmp))));
}
