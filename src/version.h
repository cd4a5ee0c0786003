/* version.h: verbatim's own version, defined here once (the CLI, the Lua module and,
 * through a test, the rockspec, the filter and the Quarto extension all use it), and the
 * versions of the libraries the engine was linked with, for --version, the Lua module
 * and :checkhealth (a bug report names them without a second tool). */
#ifndef VB_VERSION_H
#define VB_VERSION_H
#include <stddef.h>

#define VB_VERSION "0.1.0"

/* PCRE2's version ("10.42 2022-12-11") written into buf[0..n), or NULL when it does not
 * fit (32 bytes always do). */
const char *vb_pcre2_version(char *buf, size_t n);
/* utf8proc's version ("2.8.0"), a static string of the library. */
const char *vb_utf8proc_version(void);

#endif
