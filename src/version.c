/* version.c: library versions read at run time, not from the headers, so that they name
 * the shared libraries actually loaded. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <utf8proc.h>
#include "version.h"

const char *vb_pcre2_version(char *buf, size_t n) {
  /* with a NULL buffer pcre2_config gives the code units needed, the final NUL included */
  int need = pcre2_config(PCRE2_CONFIG_VERSION, NULL);
  if (!buf || need <= 0 || (size_t)need > n) return NULL;
  if (pcre2_config(PCRE2_CONFIG_VERSION, buf) <= 0) return NULL;
  return buf;
}

const char *vb_utf8proc_version(void) { return utf8proc_version(); }
