/* killat.c: an LD_PRELOAD shim for crash tests. It counts the calls that change files
 * (write, pwrite, fwrite to a file, ftruncate, fsync, fdatasync, rename, link, unlink)
 * and ends the process with _exit(137), as a SIGKILL would, just before call number
 * VB_KILL_AT (1, 2, ...): everything the calls before it did is on disk, nothing after.
 * With VB_KILL_TORN=1 a write that is to be cut off writes half its bytes first.
 * VB_KILL_COUNT=FILE: at a normal exit, the number of calls seen is added to FILE as a
 * line (when there were any: a wrapper such as timeout(1) adds none), so that a test
 * knows how many points to try. Writes to stdin, stdout and stderr are not counted. Build: cc -shared -fPIC -o killat.so killat.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long calls, kill_at = -1;
static int torn, ready;

static void init(void) {
  const char *s;
  if (ready) return;
  ready = 1;
  if ((s = getenv("VB_KILL_AT")) && *s) kill_at = atol(s);
  torn = (s = getenv("VB_KILL_TORN")) && *s == '1';
}

/* 1 when this call is the one to die at (the caller may write a torn half first) */
static int due(int fd) {
  init();
  if (fd >= 0 && fd <= 2) return 0;
  calls++;
  return kill_at > 0 && calls >= kill_at;
}

static void die(void) { _exit(137); }

__attribute__((constructor)) static void limits(void) {
  const char *s = getenv("VB_FSIZE");
  if (s && *s) {
    struct rlimit r;
    r.rlim_cur = r.rlim_max = (rlim_t)atol(s);
    setrlimit(RLIMIT_FSIZE, &r);
  }
  s = getenv("VB_XFSZ");
  signal(SIGXFSZ, s && !strcmp(s, "ignore") ? SIG_IGN : SIG_DFL);
}

#define REAL(ret, name, ...) \
  static ret (*real)(__VA_ARGS__); \
  if (!real) *(void **)(&real) = dlsym(RTLD_NEXT, name)

ssize_t write(int fd, const void *p, size_t n) {
  REAL(ssize_t, "write", int, const void *, size_t);
  if (due(fd)) { if (torn && n > 1) real(fd, p, n / 2); die(); }
  return real(fd, p, n);
}

ssize_t pwrite(int fd, const void *p, size_t n, off_t off) {
  REAL(ssize_t, "pwrite", int, const void *, size_t, off_t);
  if (due(fd)) { if (torn && n > 1) real(fd, p, n / 2, off); die(); }
  return real(fd, p, n, off);
}

ssize_t pwrite64(int fd, const void *p, size_t n, off_t off) {
  REAL(ssize_t, "pwrite64", int, const void *, size_t, off_t);
  if (due(fd)) { if (torn && n > 1) real(fd, p, n / 2, off); die(); }
  return real(fd, p, n, off);
}

ssize_t writev(int fd, const struct iovec *v, int n) {
  REAL(ssize_t, "writev", int, const struct iovec *, int);
  if (due(fd)) die();
  return real(fd, v, n);
}

/* stdio writes reach write() inside the C library, where no shim sees them: count them
 * here, and flush what came before so that the cut falls between two calls */
size_t fwrite(const void *p, size_t size, size_t n, FILE *f) {
  REAL(size_t, "fwrite", const void *, size_t, size_t, FILE *);
  if (due(fileno(f))) {
    fflush(f);
    if (torn && size * n > 1) { real(p, 1, size * n / 2, f); fflush(f); }
    die();
  }
  return real(p, size, n, f);
}

int ftruncate(int fd, off_t len) {
  REAL(int, "ftruncate", int, off_t);
  if (due(fd)) die();
  return real(fd, len);
}

int ftruncate64(int fd, off_t len) {
  REAL(int, "ftruncate64", int, off_t);
  if (due(fd)) die();
  return real(fd, len);
}

int fsync(int fd) {
  REAL(int, "fsync", int);
  if (due(fd)) die();
  return real(fd);
}

int fdatasync(int fd) {
  REAL(int, "fdatasync", int);
  if (due(fd)) die();
  return real(fd);
}

int rename(const char *a, const char *b) {
  REAL(int, "rename", const char *, const char *);
  if (due(-1)) die();
  return real(a, b);
}

int link(const char *a, const char *b) {
  REAL(int, "link", const char *, const char *);
  if (due(-1)) die();
  return real(a, b);
}

int unlink(const char *a) {
  REAL(int, "unlink", const char *);
  if (due(-1)) die();
  return real(a);
}

__attribute__((destructor)) static void report(void) {
  const char *s = getenv("VB_KILL_COUNT");
  int fd;
  char b[32];
  REAL(ssize_t, "write", int, const void *, size_t);
  if (!s || !*s || !calls) return;
  if ((fd = open(s, O_WRONLY | O_CREAT | O_APPEND, 0644)) < 0) return;
  snprintf(b, sizeof b, "%ld\n", calls);
  real(fd, b, strlen(b));
  close(fd);
}
