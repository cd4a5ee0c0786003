/* draft.h: a draft checked end to end, the call every host makes (the CLI's check, the
 * Lua binding's): analyse the draft (its quotes and who says them: analyze.h), then
 * check every quote against the material (check.h), each with the speaker the draft
 * gives it, compared with the transcript turn where the words are found. */
#ifndef VB_DRAFT_H
#define VB_DRAFT_H
#include <stddef.h>
#include "analyze.h"
#include "buf.h"
#include "check.h"
#include "material.h"

typedef struct vb_draft {
  vb_analysis an;               /* the quotes (an.qs), their attributions, the sources */
  vb_checked c;                 /* one result per quote of an.qs, in the same order */
  const char *const *speakers;  /* the speaker compared for each quote (NULL entries: none):
                                 * names or given; NULL when there are no quotes */
  char **names;                 /* each quote's resolved speaker (vb_speaker_names), or NULL */
  const char **given;           /* the caller's speakers, one entry per quote, or NULL */
} vb_draft;

/* Check the draft s[0..n) against the material M.
 * ao: analysis options (user cues, nested quotes), or NULL for the defaults with reported
 *   speech left out; with ao, reported speech (unless ao->no_indirect) is checked too.
 * speakers: NULL to compare each quote's resolved speaker (vb_speaker_names: the person or
 *   body the attribution names) with the material's transcript turns; or the caller's own
 *   names, speakers[i] for quote i, with nspeakers entries (quotes past them, and NULL
 *   entries, name nobody). The strings are borrowed for as long as out is used.
 * co: check options (borrowed prose), or NULL.
 * out must be zeroed; free it with vb_draft_free whatever the result. Returns 0; -1 when
 * the draft could not be analysed (err: "out of memory", or "cue pattern P: match limit
 * exceeded" for user pattern P, 1-based); -2 when the check failed (err: an unreadable
 * file of the material, or memory). */
int vb_check_draft(const char *s, size_t n, const vb_aopts *ao, const char *const *speakers, size_t nspeakers,
                   const vb_material *M, const vb_copts *co, vb_draft *out, vb_buf *err);
/* Many drafts at once, texts s[i][0..n[i]) for i < nd, into out[0..nd) (zeroed): each as
 * vb_check_draft gives it alone (with the resolved speakers), in one pass over the
 * material and one set of index lookups for all. Returns 0; -1 when draft *bad could
 * not be analysed; -2 when the check failed (err). Free each out[i] with vb_draft_free. */
int vb_check_drafts(const char *const *s, const size_t *n, size_t nd, const vb_aopts *ao, const vb_material *M,
                    const vb_copts *co, vb_draft *out, size_t *bad, vb_buf *err);
void vb_draft_free(vb_draft *d);

/* The gate, one policy for every host (the CLI's exit status, Lua's check, the pandoc
 * filter's strict, the language server's and Neovim's marks): g says which verdicts and
 * classes fail (verdict.h: vb_gate_default, vb_gate_parse; the CLI's --fail-on, Lua's
 * opts.fail_on, the filter's fail-on:, the project file's fail-on:). Does quote i of d
 * fail it? Its kind decides with the verdict: scare quotes and titles (kind term) only
 * with g->terms, paraphrase (kind indirect) never: no source owes their words. */
int vb_draft_quote_fails(const vb_draft *d, size_t i, const vb_gate *g);
/* Does the draft fail the gate: a quote that fails, or prose borrowed without marks
 * (when g counts borrowed)? */
int vb_draft_fails(const vb_draft *d, const vb_gate *g);
/* Where quote i of d was found, as people read it, appended to out: "NAME:LINE:COL", then
 * " (SPEAKER)" when a turn label says who speaks there, " (SPEAKER, not CREDITED)" when
 * the draft gives the words to another. Nothing when the quote has no passage. */
void vb_draft_place(const vb_draft *d, size_t i, vb_buf *out);

#endif
