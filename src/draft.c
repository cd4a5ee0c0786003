/* draft.c: a draft checked end to end (see draft.h). The analysis gives the quotes and
 * their speakers; the checker takes both, so that no host assembles them itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "draft.h"

/* The caller's speakers, one entry per quote (NULL past nspeakers), in out->given. */
static const char *const *given_speakers(vb_draft *out, const char *const *speakers, size_t nspeakers) {
  size_t nq = out->an.qs.q.n;
  if (nq > SIZE_MAX / sizeof *out->given || !(out->given = calloc(nq, sizeof *out->given))) return NULL;
  for (size_t i = 0; i < nq && i < nspeakers; i++) out->given[i] = speakers[i];
  return out->given;
}

int vb_check_draft(const char *s, size_t n, const vb_aopts *ao, const char *const *speakers, size_t nspeakers,
                   const vb_material *M, const vb_copts *co, vb_draft *out, vb_buf *err) {
  /* the check verifies quoted words: reported speech is left out unless ao asks for it */
  vb_aopts quoted;
  int rc;
  memset(&quoted, 0, sizeof quoted);
  quoted.no_indirect = 1;
  rc = vb_analyze(s, n, ao ? ao : &quoted, &out->an);
  if (rc < -1) { vb_buf_addf(err, "cue pattern %d: match limit exceeded", -rc - 1); return -1; }
  if (rc) { vb_buf_adds(err, "out of memory"); return -1; }
  if (out->an.qs.q.n) {
    if (speakers) out->speakers = given_speakers(out, speakers, nspeakers);
    else if ((out->names = vb_speaker_names(&out->an, s)) != NULL) out->speakers = (const char *const *)out->names;
    if (!out->speakers) { vb_buf_adds(err, "out of memory"); return -1; }
  }
  return vb_check(s, n, &out->an.qs, out->speakers, M, co, &out->c, err) ? -2 : 0;
}

void vb_draft_free(vb_draft *d) {
  vb_checked_free(&d->c);
  vb_analysis_free(&d->an);
  free(d->names);
  free(d->given);
  memset(d, 0, sizeof *d);      /* freed again, or reused, it is an empty draft */
}
