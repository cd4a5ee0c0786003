/* progress.h: how far a long pass over the material has gone, for a host that shows it
 * (the CLI on a terminal). The engine calls fn after each file; fn must not fail. */
#ifndef VB_PROGRESS_H
#define VB_PROGRESS_H
#include <stddef.h>

typedef struct vb_progress {
  /* done of total files so far, bytes read in them */
  void (*fn)(void *ctx, size_t done, size_t total, unsigned long long bytes);
  void *ctx;
} vb_progress;

#endif
