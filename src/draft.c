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

/* The draft's quotes and who says them, into out. 0 or -1 with err. The check verifies
 * quoted words: reported speech is left out unless ao asks for it. */
static int analyse(const char *s, size_t n, const vb_aopts *ao, const char *const *speakers, size_t nspeakers,
                   vb_draft *out, vb_buf *err) {
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
  return 0;
}

int vb_check_draft(const char *s, size_t n, const vb_aopts *ao, const char *const *speakers, size_t nspeakers,
                   const vb_material *M, const vb_copts *co, vb_draft *out, vb_buf *err) {
  if (analyse(s, n, ao, speakers, nspeakers, out, err)) return -1;
  return vb_check(s, n, &out->an.qs, out->speakers, M, co, &out->c, err) ? -2 : 0;
}

int vb_check_drafts(const char *const *s, const size_t *n, size_t nd, const vb_aopts *ao, const vb_material *M,
                    const vb_copts *co, vb_draft *out, size_t *bad, vb_buf *err) {
  vb_dtext *d;
  vb_checked *c;
  int rc = 0;
  for (size_t i = 0; i < nd; i++)
    if (analyse(s[i], n[i], ao, NULL, 0, &out[i], err)) { *bad = i; return -1; }
  d = calloc(nd ? nd : 1, sizeof *d);
  c = calloc(nd ? nd : 1, sizeof *c);
  if (!d || !c) { free(d); free(c); vb_buf_adds(err, "out of memory"); return -2; }
  for (size_t i = 0; i < nd; i++) {
    d[i].s = s[i]; d[i].n = n[i]; d[i].qs = &out[i].an.qs; d[i].speakers = out[i].speakers;
  }
  if (vb_check_many(d, nd, M, co, c, err)) rc = -2;
  for (size_t i = 0; i < nd; i++) {
    if (rc) vb_checked_free(&c[i]);
    else out[i].c = c[i];
  }
  free(d); free(c);
  return rc;
}

int vb_draft_quote_fails(const vb_draft *d, size_t i, const vb_gate *g) {
  const vb_cres *r = &d->c.r.v[i];
  vb_kind k = d->an.qs.q.v[i].kind;
  return vb_gate_fails(g, r->verdict, r->speaker_mismatch, k == VB_TERM, k == VB_INDIRECT);
}

int vb_draft_fails(const vb_draft *d, const vb_gate *g) {
  if (d->c.b.n && (g->fail >> VB_GATE_BORROWED & 1)) return 1;
  for (size_t i = 0; i < d->c.r.n; i++) if (vb_draft_quote_fails(d, i, g)) return 1;
  return 0;
}

void vb_draft_place(const vb_draft *d, size_t i, vb_buf *out) {
  const vb_checked *c = &d->c;
  const vb_cres *r = &c->r.v[i];
  if (!r->has_passage) return;
  vb_buf_add(out, c->arena.p + r->name, r->name_len);
  vb_buf_addf(out, ":%u:%u", r->line, r->col);
  if (!r->has_speaker) return;
  vb_buf_adds(out, " (");
  vb_buf_add(out, c->arena.p + r->speaker, r->speaker_len);
  if (r->speaker_mismatch && d->speakers && d->speakers[i]) {
    vb_buf_adds(out, ", not ");
    vb_buf_adds(out, d->speakers[i]);
  }
  vb_buf_addc(out, ')');
}

void vb_draft_free(vb_draft *d) {
  vb_checked_free(&d->c);
  vb_analysis_free(&d->an);
  free(d->names);
  free(d->given);
  memset(d, 0, sizeof *d);      /* freed again, or reused, it is an empty draft */
}
