/* host_utf8proc.c: stands for a host program that carries its own utf8proc (Neovim 0.12
 * links utf8proc 2.11 into nvim and exports it). Preloaded, its utf8proc_version comes
 * before the real library in the dynamic linker's lookup, as the executable's own does.
 * tests/link/run.sh checks that verbatim.core still calls its own copy. */
const char *utf8proc_version(void);
const char *utf8proc_version(void) { return "0.0.0-host"; }
