/* libFuzzer target for the project file reader: any bytes as a .verbatim.yaml (in a
 * folder, and under a top-level `verbatim:` key as front matter is), and the result keeps
 * its promises: an error leaves a message that names the file, a success leaves every
 * list without NULLs, a format that is a known one, a size that is not negative. And
 * overlaying the result on itself never fails short of memory. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "format.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

static void lists_whole(const vb_paths *p) {
  for (size_t i = 0; i < p->n; i++) CHECK(p->v[i] != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);   /* libFuzzer calls it */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  vb_config cfg, copy;
  vb_buf err = {0};
  memset(&cfg, 0, sizeof cfg);
  if (vb_config_parse((const char *)data, size, "fuzz.yaml", "/proj", &cfg, &err)) {
    CHECK(err.oom || (err.n >= 9 && !memcmp(err.p, "fuzz.yaml", 9)));
  } else {
    lists_whole(&cfg.check);
    lists_whole(&cfg.index);
    lists_whole(&cfg.cues);
    lists_whole(&cfg.fail_on);
    lists_whole(&cfg.warnings);
    CHECK(cfg.format >= -1 && cfg.format <= (int)VB_FMT_MARKDOWN);
    CHECK(cfg.max_size >= -1);
    CHECK(cfg.borrowed >= -1);
    memset(&copy, 0, sizeof copy);
    CHECK(vb_config_overlay(&copy, &cfg) == 0);
    vb_config_free(&copy);
  }
  vb_config_free(&cfg);
  vb_buf_free(&err);
  return 0;
}
