/* cli.h: the command-line tool's shared pieces; each subcommand lives in its own cli_*.c. */
#ifndef VB_CLI_H
#define VB_CLI_H
#include <stddef.h>
#include "buf.h"

#define VB_VERSION "0.1.0"

/* Read a whole file ("-" is stdin) into b; on failure print "verbatim: PATH: reason", free b
 * and return -1. */
int vb_cli_read(const char *path, vb_buf *b);
/* Write b to stdout; -1 on a write error. */
int vb_cli_flush(vb_buf *b);
void vb_cli_err(const char *fmt, ...);

int vb_cmd_quotes(int argc, char **argv);
int vb_cmd_sources(int argc, char **argv);
int vb_cmd_check(int argc, char **argv);
int vb_cmd_index(int argc, char **argv);

#endif
