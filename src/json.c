/* json.c: string escaping. Output is always valid UTF-8 even when the input is not,
 * because every consumer (Python's json, pandoc.json, vim.json) rejects bad bytes. */
#include <string.h>
#include "json.h"
#include "text.h"

void vb_json_str(vb_buf *b, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, run = 0;
  vb_buf_addc(b, '"');
  while (i < n) {
    unsigned c = u[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) { i++; continue; }
    if (c >= 0x80) {
      uint32_t cp;
      size_t k = vb_utf8_dec(u, n, i, &cp);
      if (cp != VB_BADCP || k == 3) { i += k; continue; }
      vb_buf_add(b, s + run, i - run);
      vb_buf_adds(b, "\xEF\xBF\xBD");
      i += k;
      run = i;
      continue;
    }
    vb_buf_add(b, s + run, i - run);
    switch (c) {
      case '"': vb_buf_adds(b, "\\\""); break;
      case '\\': vb_buf_adds(b, "\\\\"); break;
      case '\n': vb_buf_adds(b, "\\n"); break;
      case '\r': vb_buf_adds(b, "\\r"); break;
      case '\t': vb_buf_adds(b, "\\t"); break;
      default: vb_buf_addf(b, "\\u%04x", c); break;
    }
    i++;
    run = i;
  }
  vb_buf_add(b, s + run, i - run);
  vb_buf_addc(b, '"');
}

void vb_json_cstr(vb_buf *b, const char *s) {
  if (!s) vb_buf_adds(b, "null");
  else vb_json_str(b, s, strlen(s));
}

void vb_json_key(vb_buf *b, const char *k) {
  vb_json_cstr(b, k);
  vb_buf_addc(b, ':');
}
