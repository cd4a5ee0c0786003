/* report.h: a checked draft as an audit page for people: one self-contained HTML file
 * (its style inline, no script, nothing fetched) with the verdict of the gate, the draft
 * with its quotes marked by verdict, the people and bodies quoted, and every quote's
 * check: where it was found and, for an altered quote, its word diff beside the source
 * passage. The CLI's `check --html FILE` and Lua's check (opts.html) write it. */
#ifndef VB_REPORT_H
#define VB_REPORT_H
#include <stddef.h>
#include "buf.h"
#include "draft.h"
#include "material.h"

/* The page for draft d of s[0..n), named name (shown, escaped), checked against M (whose
 * texts are read again for the source passages; one that cannot be read shows the diff
 * alone). g: the gate's policy (draft.h, verdict.h), which the page names and marks by.
 * Appended to out; out->oom when memory ran out. Text that is not valid UTF-8 is shown
 * with U+FFFD in its place, so the page always is. */
void vb_report_html(const char *s, size_t n, const char *name, const vb_draft *d, const vb_material *M,
                    const vb_gate *g, vb_buf *out);

/* s[0..n) as HTML text or attribute value: & < > " ' escaped, invalid UTF-8, NUL and
 * other control bytes (but newline and tab) as U+FFFD. */
void vb_html_text(vb_buf *out, const char *s, size_t n);

#endif
