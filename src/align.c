/* align.c: the dynamic programme behind a verdict. Rows are quote items, columns source
 * words; two rows of costs and a byte of back-pointer per cell. Candidate windows are a
 * few times the quote's length, so the m x n table stays small; the caller finds them. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "align.h"

enum { BP_START, BP_DIAG, BP_INS, BP_DEL, BP_MQ, BP_MS, BP_CQ, BP_CS, BP_BR0 };   /* BP_BR0 + k: a bracket over k words */

void vb_aln_free(vb_aln *a) { vb_vfree(&a->steps); }

static int step(vb_aln *a, char op, size_t q, size_t s, size_t se) {
  vb_step st;
  st.op = op; st.q = (uint32_t)q; st.s = (uint32_t)s; st.s_end = (uint32_t)se;
  return vb_push(&a->steps, st);
}

/* May quote items q[i-2], q[i-1] stand for source word t (locker-room for lockerroom)?
 * Their closed form must be t's word, and a hyphen must be involved: the pair written
 * with one, or t joined across a hyphen at a line end. Spaced against closed without a
 * hyphen (may be, maybe) is a change of words. */
static int merge_q(const vb_wtok *q, const uint64_t *qj, size_t i, const vb_wtok *t) {
  if (!qj || i < 2 || q[i - 1].kind != VB_TW || q[i - 2].kind != VB_TW || (q[i - 1].flags & VB_TF_GAP)) return 0;
  return qj[i - 2] == t->h && ((q[i - 1].flags & VB_TF_HYPH) || (t->flags & VB_TF_LJOIN));
}

static int merge_s(const vb_wtok *s, const uint64_t *sj, size_t j, const vb_wtok *t) {
  if (!sj || j < 2 || t->kind != VB_TW) return 0;
  return sj[j - 2] == t->h && ((s[j - 1].flags & VB_TF_HYPH) || (t->flags & VB_TF_LJOIN));
}

/* The steps from the back-pointers bp (rows of w), from (m, best) back to a start;
 * they come out reversed. 0, or -1 out of memory. */
static int trace(const vb_wtok *q, size_t m, const vb_wtok *s, size_t w, const unsigned char *bp, size_t base,
                 size_t best, vb_aln *out) {
  size_t i = m, j = best;
  while (i > 0) {
    int b = bp[i * w + j];
    int r = 0;
    if (b == BP_DIAG) { r = step(out, q[i - 1].h == s[j - 1].h ? '=' : '~', i - 1, base + j - 1, base + j); i--; j--; }
    else if (b == BP_MQ) {                   /* two quote words, one source word: the later step holds it */
      r = step(out, '=', i - 1, base + j - 1, base + j) || step(out, '=', i - 2, base + j - 1, base + j - 1);
      i -= 2; j--;
    } else if (b == BP_MS) { r = step(out, '=', i - 1, base + j - 2, base + j); i--; j -= 2; }
    else if (b == BP_CQ) {                   /* stem matched, clitic changed: one source word */
      r = step(out, '~', i - 1, base + j - 1, base + j) || step(out, '=', i - 2, base + j - 1, base + j - 1);
      i -= 2; j--;
    } else if (b == BP_CS) { r = step(out, '~', i - 1, base + j - 2, base + j); i--; j -= 2; }
    else if (b == BP_INS) { r = step(out, '+', i - 1, base + j, base + j); i--; }
    else if (b == BP_DEL) {
      int free_ = i < m && (q[i].flags & VB_TF_GAP);
      r = step(out, free_ ? '>' : '-', i, base + j - 1, base + j); j--;
    } else { size_t k = (size_t)(b - BP_BR0); r = step(out, 'b', i - 1, base + j - k, base + j); i--; j -= k; }
    if (r) return -1;
  }
  return 0;
}

int vb_align(const vb_wtok *q, size_t m, const vb_wtok *s, size_t n, vb_aln *out) {
  return vb_align_join(q, m, s, n, NULL, out);
}

int vb_align_join(const vb_wtok *q, size_t m, const vb_wtok *s, size_t n, const vb_forms *f, vb_aln *out) {
  const uint64_t *qj = f ? f->qj : NULL, *sj = f ? f->sj : NULL, *qc = f ? f->qc : NULL, *sc = f ? f->sc : NULL;
  size_t base = 0, w = n + 1, best = 0;
  int *rows, *prev, *cur, *prev2, bestc;
  unsigned char *bp, *csp;
  int run = 0, seen = 0;
  out->steps.n = 0;
  out->s0 = out->s1 = 0;
  out->words = out->matched = out->subs = out->ins = out->dels = out->skipped = out->brackets = 0;
  out->lead = out->tail = out->longest_del = out->cost = out->edits = 0;
  for (size_t i = 0; i < m; i++) out->words += q[i].kind == VB_TW;
  if ((m + 1) * w > VB_ALIGN_MAXCELLS) {        /* cut the window around its middle */
    size_t keep = VB_ALIGN_MAXCELLS / (m + 1);
    if (keep < 2) keep = 2;
    if (keep - 1 < n) { base = (n - (keep - 1)) / 2; n = keep - 1; w = n + 1; }
  }
  s += base;
  if (sj) sj += base;
  if (sc) sc += base;
  rows = malloc(3 * w * sizeof *rows);
  bp = malloc((m + 1) * w);
  csp = malloc(w);
  if (!rows || !bp || !csp) { free(rows); free(bp); free(csp); return -1; }
  prev2 = rows; prev = rows + w; cur = rows + 2 * w;
  for (size_t j = 0; j < w; j++) { prev[j] = 0; prev2[j] = 0; bp[j] = BP_START; }
  /* The rarer steps (two words for one across a hyphen, a changed clitic) can only be
   * taken at a cell whose row (quote word) or column (source word) allows them: mark the
   * columns once, so that each row pays for them only where they may apply. Whether a
   * column's source word was joined at a line end, hyphenated, a contraction: */
  csp[0] = 0;
  for (size_t j = 1; j < w; j++)
    csp[j] = (unsigned char)((qj && (s[j - 1].flags & VB_TF_LJOIN)) || (sj && (s[j - 1].flags & VB_TF_HYPH)) ||
                             (sc && sc[j - 1]));
  for (size_t i = 1; i <= m; i++) {
    const vb_wtok *t = &q[i - 1];
    unsigned char *row = bp + i * w;
    int dc = (i < m && (q[i].flags & VB_TF_GAP)) ? 0 : 1;
    /* the row's own: a hyphenated quote pair, a quote word joined at a line end, a
     * quote contraction */
    int rsp = (qj && i >= 2 && (t->flags & VB_TF_HYPH)) || (sj && (t->flags & VB_TF_LJOIN)) || (qc && qc[i - 1]);
    uint64_t h = t->h;
    if (t->kind == VB_TB) {                     /* a bracket stands for up to VB_BRACKET_SPAN source words */
      for (size_t j = 0; j < w; j++) {
        int c = prev[j], b = BP_BR0;
        for (size_t k = 1; k <= VB_BRACKET_SPAN && k <= j; k++)
          if (prev[j - k] < c) { c = prev[j - k]; b = BP_BR0 + (int)k; }
        if (j && cur[j - 1] + dc < c) { c = cur[j - 1] + dc; b = BP_DEL; }
        cur[j] = c;
        row[j] = (unsigned char)b;
      }
      { int *x = prev2; prev2 = prev; prev = cur; cur = x; }
      continue;
    }
    cur[0] = prev[0] + 2; row[0] = BP_INS;
    for (size_t j = 1; j < w; j++) {           /* same, changed, added, dropped; the rarer where they may apply */
      int b = BP_INS, c = prev[j] + 2, d = prev[j - 1] + (h != s[j - 1].h ? 2 : -1);
      if (d <= c) { c = d; b = BP_DIAG; }
      if (rsp || csp[j]) {
        if (merge_q(q, qj, i, &s[j - 1]) && prev2[j - 1] - 2 < c) { c = prev2[j - 1] - 2; b = BP_MQ; }
        if (merge_s(s, sj, j, t) && prev[j - 2] - 1 < c) { c = prev[j - 2] - 1; b = BP_MS; }
        /* "I was" against "I'm": the stem matched, the clitic changed */
        if (sc && i >= 2 && sc[j - 1] && q[i - 2].kind == VB_TW && q[i - 2].h == sc[j - 1] &&
            !(t->flags & VB_TF_GAP) && prev2[j - 1] + 1 < c) { c = prev2[j - 1] + 1; b = BP_CQ; }
        /* "I'm" against "I was": one changed word over both */
        if (qc && j >= 2 && qc[i - 1] && qc[i - 1] == s[j - 2].h && prev[j - 2] + 2 < c) { c = prev[j - 2] + 2; b = BP_CS; }
      }
      if (cur[j - 1] + dc < c) { c = cur[j - 1] + dc; b = BP_DEL; }
      cur[j] = c;
      row[j] = (unsigned char)b;
    }
    { int *x = prev2; prev2 = prev; prev = cur; cur = x; }
  }
  free(csp);
  bestc = INT_MAX;
  for (size_t j = 0; j < w; j++)
    if (prev[j] < bestc) { bestc = prev[j]; best = j; }
  out->cost = bestc;
  /* The passage may end anywhere for free, so a quote whose last word was changed ties:
   * the word inserted, or the word put in place of the next source word. The latter is
   * the misquote ("tomorrow [-night-] {+evening+}"), and the passage should hold the
   * word: move the end over source words the trailing unmatched quote words replace at
   * the same cost. Only for a short tail; a long one is more likely from elsewhere (a
   * splice) than a run of changed words. */
  {
    size_t i = m, t = 0;
    while (i > 0 && bp[i * w + best] == BP_INS && t <= VB_EDGE_SUBS) { t++; i--; }
    while (t > 0 && t <= VB_EDGE_SUBS && best + 1 < w && prev[best + 1] == bestc &&
           bp[m * w + best + 1] == BP_DIAG && q[m - 1].h != s[best].h) { best++; t--; }
  }
  free(rows);
  if (trace(q, m, s, w, bp, base, best, out)) { free(bp); return -1; }
  free(bp);
  /* reverse, then count */
  for (size_t a = 0, z = out->steps.n; a + 1 < z; a++, z--) {
    vb_step x = out->steps.v[a]; out->steps.v[a] = out->steps.v[z - 1]; out->steps.v[z - 1] = x;
  }
  out->s0 = out->s1 = base + best;
  for (size_t k = 0; k < out->steps.n; k++) {
    const vb_step *st = &out->steps.v[k];
    if (st->s_end > st->s) {
      if (!seen) out->s0 = st->s;
      seen = 1;
      out->s1 = st->s_end;
    }
    switch (st->op) {
      case '=': out->matched++; break;
      case '~': out->subs++; break;
      case '+': out->ins++; break;
      case '-': out->dels++; break;
      case '>': out->skipped++; break;
      case 'b': out->brackets++; break;
    }
    run = st->op == '-' ? run + 1 : 0;
    if (run > out->longest_del) out->longest_del = run;
  }
  out->edits = out->subs + out->ins + out->dels;
  /* quote words before the first and after the last match */
  {
    size_t k;
    for (k = 0; k < out->steps.n && out->steps.v[k].op != '='; k++)
      if (out->steps.v[k].op == '+' || out->steps.v[k].op == '~') out->lead++;
    if (k == out->steps.n) { out->lead = out->words; return 0; }
    for (k = out->steps.n; k > 0 && out->steps.v[k - 1].op != '='; k--)
      if (out->steps.v[k - 1].op == '+' || out->steps.v[k - 1].op == '~') out->tail++;
  }
  return 0;
}
