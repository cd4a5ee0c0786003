/* libFuzzer target for the transcript turn parser, with the decoders in front of it:
 * any bytes in (the first byte picks the file name, so that HTML, WebVTT, SRT and .docx
 * are reached too), and the result keeps its invariants: spans in bounds, ordered and
 * not overlapping; lookups from checkpoints the same as a walk from the start; words
 * filtered inside the text; every decoded offset mapped inside the original, in order. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "normalise.h"
#include "turns.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);   /* libFuzzer calls it */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const names[] = {"t.txt", "t.html", "t.vtt", "t.srt", "t.docx", "t"};
  vb_decoded D;
  vb_turns T, T0;
  vb_buf warn = {0};
  vb_tspans sp = {0};
  vb_wtoks tk = {0};
  const char *name;
  size_t prev = 0;
  if (!size) return 0;
  name = names[data[0] % 6];
  data++; size--;
  if (vb_decode(&D, name, data, size, NULL, &warn)) { vb_buf_free(&warn); return 0; }
  vb_buf_free(&warn);
  CHECK(D.s && (D.n == 0 || D.s[D.n - 1] || 1));
  for (size_t k = 0; k <= D.n; k += 1 + D.n / 32) {
    size_t o = vb_dec_orig(&D, k), e = vb_dec_orig_end(&D, k);
    uint32_t line, col;
    CHECK(o >= prev || D.markup == VB_MK_DOCX);
    CHECK((o <= size && e <= size) || D.markup == VB_MK_DOCX);
    prev = o;
    vb_dec_linecol(&D, o, &line, &col);
    CHECK(line >= 1 && col >= 1);
  }
  if (vb_turns_build(&T, D.s, D.n, NULL)) { vb_decoded_free(&D); return 0; }
  if (!vb_turns_spans(&T, D.s, D.n, 0, D.n, &sp)) {
    for (size_t i = 0; i < sp.n; i++) {
      CHECK(sp.v[i].start < sp.v[i].end && sp.v[i].end <= D.n);
      CHECK(i == 0 || sp.v[i - 1].end <= sp.v[i].start);
      if (sp.v[i].kind == VB_SP_LABEL) CHECK(sp.v[i].start <= sp.v[i].name && sp.v[i].name < sp.v[i].name_end && sp.v[i].name_end <= sp.v[i].end);
    }
    if (!vb_tokenize(D.s, D.n, 0, &tk)) {
      vb_turns_filter(&tk, 0, sp.v, sp.n);
      for (size_t i = 0; i < tk.t.n; i++) CHECK(tk.t.v[i].start < tk.t.v[i].end && tk.t.v[i].end <= D.n);
    }
  }
  T0 = T;
  T0.ck.n = T.ck.n ? 1 : 0;
  for (size_t off = 0; off <= D.n; off += 1 + D.n / 16) {
    size_t a1 = 0, b1 = 0, a2 = 0, b2 = 0;
    int r1 = vb_turns_speaker(&T, D.s, D.n, off, &a1, &b1), r2 = vb_turns_speaker(&T0, D.s, D.n, off, &a2, &b2);
    CHECK(r1 == r2 && a1 == a2 && b1 == b2);
    if (r1) CHECK(a1 < b1 && b1 <= D.n);
  }
  vb_toks_free(&tk);
  vb_vfree(&sp);
  vb_turns_free(&T);
  vb_decoded_free(&D);
  return 0;
}
