/* cli.h: the command-line tool's commands, each in its own cli_*.c, which cli.c dispatches to. */
#ifndef VB_CLI_H
#define VB_CLI_H


int vb_cmd_quotes(int argc, char **argv);
int vb_cmd_sources(int argc, char **argv);
int vb_cmd_check(int argc, char **argv);
int vb_cmd_index(int argc, char **argv);
int vb_cmd_config(int argc, char **argv);    /* cli_config_cmd.c: the project file shown */
int vb_cmd_lsp(int argc, char **argv);       /* cli_lsp.c: the language server */

#endif
