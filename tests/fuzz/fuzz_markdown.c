/* libFuzzer target for the Markdown prose mask: any bytes in; the mask keeps the length
 * and every line break, writes only ' ' or '_', and keeps valid UTF-8 valid. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "markdown.h"
#include "text.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);   /* libFuzzer calls it */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* in its own allocation, so that ASan sees any read past its end */
  char *s = malloc(size ? size : 1);
  if (!s) return 0;
  memcpy(s, data, size);
  if (vb_prose(VB_FMT_MARKDOWN, s, size) == 0) {
    for (size_t i = 0; i < size; i++) {
      if ((char)data[i] == s[i]) continue;
      CHECK(s[i] == ' ' || s[i] == '_');
      CHECK(data[i] != '\n' && data[i] != '\r');
    }
    if (vb_utf8_valid((const char *)data, size)) CHECK(vb_utf8_valid(s, size));
  }
  free(s);
  return 0;
}
