/* limits.h (tests): run part of a test in a child process under an address-space
 * limit, so that a test can show that memory stays bounded. Under AddressSanitizer,
 * which reserves far more address space than any limit allows, the limit is left off
 * and only the child's result is checked. */
#ifndef VB_TEST_LIMITS_H
#define VB_TEST_LIMITS_H
#include <stddef.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define VB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VB_ASAN 1
#endif
#endif

/* fn(arg) in a child limited to mb megabytes; its result (0 = good) or -1 when the
 * child could not run or did not exit normally. */
static int vb_in_child(size_t mb, int (*fn)(void *), void *arg) {
  int status = 0;
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
#ifndef VB_ASAN
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = (rlim_t)mb << 20;
    setrlimit(RLIMIT_AS, &rl);
#else
    (void)mb;
#endif
    _exit(fn(arg) ? 1 : 0);
  }
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}
#endif
