/* bench_memory.c: peak memory next to throughput for the commands that read big input:
 * `quotes` on prose and on punctuation, `check --source` against a big source, `index`.
 *   build/bench/bench_memory [DIR...]   (the prose is the corpus of corpus.h, repeated)
 * Each measurement runs the CLI ($VB_CLI, else build/verbatim) in a child process of its
 * own and reads the child's peak resident set from wait4() (getrusage's ru_maxrss), so
 * one measurement's memory never counts in the next. $VB_BENCH_MEMORY_MB sets the size
 * of the inputs (default 50). Skips with a note when the corpus or the CLI is missing. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "buf.h"
#include "corpus.h"

typedef struct run { double secs; long peak_kb; int status; } run;

static double tv(struct timeval t) { return (double)t.tv_sec + (double)t.tv_usec * 1e-6; }

/* argv in a child with stdout and stderr on /dev/null: its CPU time (user and system: on a
 * shared machine steadier than the wall clock), peak RSS and exit status */
static run measure(char *const *argv) {
  run r = {0, 0, -1};
  struct rusage ru;
  int st;
  pid_t pid = fork();
  if (pid < 0) return r;
  if (pid == 0) {
    int fd = open("/dev/null", O_WRONLY);
    if (fd >= 0) { dup2(fd, 1); dup2(fd, 2); }
    execv(argv[0], argv);
    _exit(127);
  }
  if (wait4(pid, &st, 0, &ru) != pid) return r;
  r.secs = tv(ru.ru_utime) + tv(ru.ru_stime);
  r.peak_kb = ru.ru_maxrss;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

static void report(const char *what, size_t bytes, run r) {
  if (r.status < 0 || r.status > 1) { printf("memory: %-34s failed (exit %d)\n", what, r.status); return; }
  printf("memory: %-36s %6.1f MB/s (CPU)  peak %6.0f MB = %.2f bytes a byte of input\n", what,
         (double)bytes / 1e6 / r.secs, (double)r.peak_kb / 1024.0, (double)r.peak_kb * 1024.0 / (double)bytes);
}

static int write_file(const char *path, const char *p, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  if (n && fwrite(p, 1, n, f) != n) { fclose(f); return -1; }
  return fclose(f);
}

/* size bytes of chunk repeated (the last copy cut short) */
static int write_repeated(const char *path, const char *chunk, size_t k, size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  for (size_t left = size; left;) {
    size_t m = left < k ? left : k;
    if (fwrite(chunk, 1, m, f) != m) { fclose(f); return -1; }
    left -= m;
  }
  return fclose(f);
}

int main(int argc, char **argv) {
  char *cli = getenv("VB_CLI") && *getenv("VB_CLI") ? getenv("VB_CLI") : "build/verbatim";
  const char *mbs = getenv("VB_BENCH_MEMORY_MB");
  size_t size = (size_t)(mbs && atol(mbs) > 0 ? atol(mbs) : 50) * 1000 * 1000, draft_n;
  char dir[] = "/tmp/vb-bench-memory-XXXXXX", prose[64], punct[64], draft[64], idx[64];
  vb_paths paths = {0};
  const char *where = "";
  vb_buf all = {0}, err = {0};
  static const char marks[] = ".,;:!?()-.,;:!?()-.,;:!?()-.,;:!?()-.,;:!?()-.,;:!?()-.,;:!?()-\n";
  if (access(cli, X_OK)) { printf("bench_memory: no CLI at %s (set VB_CLI), skipped\n", cli); return 0; }
  if (vb_bench_corpus("bench_memory", argc, argv, &paths, &where)) { fprintf(stderr, "bench_memory: out of memory\n"); return 1; }
  for (size_t i = 0; i < paths.n && !all.oom; i++) {
    vb_buf t = {0};
    if (vb_read_file(paths.v[i], &t, &err) == 0) { vb_buf_add(&all, t.p, t.n); vb_buf_add(&all, "\n\n", 2); }
    vb_buf_free(&t);
    err.n = 0;
  }
  vb_paths_free(&paths);
  vb_buf_free(&err);
  if (all.oom) { fprintf(stderr, "bench_memory: out of memory\n"); return 1; }
  if (!all.n) { printf("bench_memory: no corpus found (no .txt files in %s), skipped\n", where); return 0; }
  if (!mkdtemp(dir)) { perror("bench_memory: mkdtemp"); return 1; }
  snprintf(prose, sizeof prose, "%s/prose.txt", dir);
  snprintf(punct, sizeof punct, "%s/punct.txt", dir);
  snprintf(draft, sizeof draft, "%s/draft.txt", dir);
  snprintf(idx, sizeof idx, "%s/index", dir);
  /* the draft: the corpus's first 100 kB, so its quotes are found in the source */
  draft_n = all.n < 100000 ? all.n : 100000;
  if (write_repeated(prose, all.p, all.n, size) || write_repeated(punct, marks, sizeof marks - 1, size) ||
      write_file(draft, all.p, draft_n)) {
    fprintf(stderr, "bench_memory: cannot write the inputs in %s\n", dir);
    return 1;
  }
  printf("bench_memory: %.0f MB inputs in %s (the corpus repeated, and punctuation)\n", (double)size / 1e6, dir);
  {
    char *q1[] = {cli, "quotes", "--json", prose, NULL};
    char *q2[] = {cli, "quotes", "--json", "--indirect", prose, NULL};
    char *q3[] = {cli, "quotes", "--json", punct, NULL};
    char *c1[] = {cli, "check", "--source", prose, draft, NULL};
    char *i1[] = {cli, "index", "--output", idx, prose, NULL};
    report("quotes --json, prose", size, measure(q1));
    report("quotes --json --indirect, prose", size, measure(q2));
    report("quotes --json, punctuation", size, measure(q3));
    report("check --source PROSE (100 kB draft)", size, measure(c1));
    report("index, prose", size, measure(i1));
  }
  {
    /* the inputs and whatever `index` wrote beside its output */
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[600];
    while (d && (e = readdir(d)) != NULL) {
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
      unlink(path);
    }
    if (d) closedir(d);
    rmdir(dir);
  }
  vb_buf_free(&all);
  return 0;
}
