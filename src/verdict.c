/* verdict.c: what makes a passage the quote's source (the evidence, verdict.h), the
 * verdict it gives, the clean-ups and the gate. A passage counts as found when at least
 * 75% of the quote's words match it in order and the match is unlikely to be chance:
 * one changed word or two typos stay well above that, while a sentence that merely
 * shares common phrases with a source (or half of a splice) stays below. */
#include <math.h>
#include <string.h>
#include "verdict.h"

const char *const vb_verdict_names[] = {"verbatim", "faithful", "altered", "not_found", "cleaned", "uncovered"};

int vb_aln_found(const vb_aln *a) {
  if (a->words <= 0) return 0;
  return a->matched * 4 >= a->words * 3;
}

/* log2 of C(m, e), by lgamma-free summation (m is a quote's words: small) */
static double log2_choose(int m, int e) {
  double r = 0;
  if (e <= 0 || e >= m) return 0;
  if (e > m - e) e = m - e;
  for (int i = 1; i <= e; i++) r += log2((double)(m - e + i) / i);
  return r;
}

double vb_evidence(const vb_aln *a, const vb_qinfo *qi, size_t q0, size_t q1) {
  double e = 0;
  int edits = 0, words = 0;
  long prevq = -2;
  for (size_t k = 0; k < a->steps.n; k++) {
    const vb_step *x = &a->steps.v[k];
    if (x->q < q0 || x->q >= q1) { if (x->op != '-') prevq = -2; continue; }
    if (x->op == '=') {
      e += (long)x->q == prevq + 1 ? qi->cb[x->q - 1] : qi->ib[x->q];
      prevq = x->q;
      words++;
      continue;
    }
    if (x->op == '~' || x->op == '+') { edits++; words++; }
    else if (x->op == '-' && x->q > q0) edits++;
    if (x->op != 'b') prevq = -2;
  }
  return e - log2_choose(words + edits, edits);
}

double vb_evidence_max(const vb_wtok *q, const vb_qinfo *qi, size_t q0, size_t q1) {
  double e = 0;
  for (size_t i = q0; i < q1; i++) {
    if (q[i].kind != VB_TW) continue;
    e += i > q0 && q[i - 1].kind == VB_TW && !(q[i].flags & VB_TF_GAP) ? qi->cb[i - 1] : qi->ib[i];
  }
  return e;
}

double vb_evidence_needed(uint64_t N) { return log2((double)(N > 1 ? N : 1)) + VB_ALPHA_BITS; }

double vb_confidence(double E, uint64_t N) {
  double l = (double)(N > 1 ? N : 1) * exp2(-E);
  return 1.0 / (1.0 + l);
}

void vb_gate_default(vb_gate *g) {
  g->fail = 1u << VB_ALTERED | 1u << VB_NOT_FOUND | 1u << VB_GATE_MISATTRIBUTED | 1u << VB_GATE_BORROWED;
  g->terms = 0;
}

static const char *const gate_names[VB_GATE_NCLASS] = {"verbatim", "faithful", "altered", "not_found", "cleaned",
                                                      "uncovered", "misattributed", "borrowed"};

int vb_gate_parse(vb_gate *g, const char *list, vb_buf *err) {
  const char *p = list;
  int replace = list[0] != '+' && list[0] != '-';
  unsigned set = 0, add = 0, del = 0;
  while (*p) {
    const char *e = p;
    int sign = 0, k;
    size_t n;
    if (*p == '+' || *p == '-') sign = *p++ == '+' ? 1 : -1;
    for (e = p; *e && *e != ','; e++) {}
    n = (size_t)(e - p);
    for (k = 0; k < VB_GATE_NCLASS; k++)
      if (strlen(gate_names[k]) == n && !memcmp(gate_names[k], p, n)) break;
    if (k == VB_GATE_NCLASS) {
      unsigned all = (1u << VB_GATE_NCLASS) - 1 - (1u << VB_VERBATIM) - (1u << VB_FAITHFUL);
      if (n == 3 && !memcmp(p, "all", 3)) { if (sign < 0) del |= all; else if (sign > 0) add |= all; else set |= all; }
      else if (n == 4 && !memcmp(p, "none", 4)) { if (!sign) set |= 0; }
      else {
        vb_buf_addf(err, "unknown gate class '%.*s' (verdicts, misattributed, borrowed, all, none)", (int)n, p);
        return -1;
      }
    } else if (k == VB_VERBATIM || k == VB_FAITHFUL) {
      vb_buf_addf(err, "'%s' never fails the gate", gate_names[k]);
      return -1;
    } else if (sign < 0) del |= 1u << k;
    else if (sign > 0) add |= 1u << k;
    else set |= 1u << k;
    p = *e ? e + 1 : e;
  }
  if (replace) g->fail = set;
  g->fail = (g->fail | add) & ~del;
  return 0;
}

int vb_gate_fails(const vb_gate *g, vb_verdict v, int mismatch, int term, int indirect) {
  if (indirect || (term && !g->terms)) return 0;
  if (mismatch && (g->fail >> VB_GATE_MISATTRIBUTED & 1)) return 1;
  return (int)(g->fail >> v & 1);
}

void vb_gate_describe(const vb_gate *g, vb_buf *b) {
  int n = 0;
  for (int k = 0; k < VB_GATE_NCLASS; k++)
    if (g->fail >> k & 1) { vb_buf_addf(b, "%s%s", n++ ? "," : "", gate_names[k]); }
  if (!n) vb_buf_adds(b, "none");
}

int vb_aln_better(const vb_aln *a, const vb_aln *b) {
  if (a->cost != b->cost) return a->cost < b->cost;
  if (a->matched != b->matched) return a->matched > b->matched;
  return a->skipped < b->skipped;               /* the tighter passage */
}

vb_verdict vb_verdict_of(const vb_aln *a, int marks, double *score) {
  int den = a->matched + a->subs + a->ins + a->dels;
  *score = den ? (double)a->matched / den : 0.0;
  if (!vb_aln_found(a)) return VB_NOT_FOUND;
  if (a->edits == 0) return marks || a->brackets || a->skipped ? VB_FAITHFUL : VB_VERBATIM;
  return VB_ALTERED;
}

/* Sounds a transcript writes that are not words of the sentence. */
static const char *const fillers[] = {"uh", "um", "uhm", "umm", "uhh", "er", "erm", "ah", "eh", "hmm", "mm", "mhm", NULL};

static int is_filler(const char *s, size_t n) {
  for (int k = 0; fillers[k]; k++) {
    size_t i = 0;
    if (strlen(fillers[k]) != n) continue;
    while (i < n && (s[i] | 32) == fillers[k][i]) i++;
    if (i == n) return 1;
  }
  return 0;
}

/* A dash after byte at (spaces skipped): "--", an en or em dash. */
static int dash_after(const char *s, size_t n, size_t at) {
  while (at < n && (s[at] == ' ' || s[at] == ',' || s[at] == '\n' || s[at] == '\r' || s[at] == '\t')) at++;
  if (at + 1 < n && s[at] == '-' && s[at + 1] == '-') return 1;
  return at + 2 < n && (unsigned char)s[at] == 0xE2 && (unsigned char)s[at + 1] == 0x80 &&
         ((unsigned char)s[at + 2] == 0x93 || (unsigned char)s[at + 2] == 0x94);
}

int vb_cleanups(const vb_aln *a, const vb_wtok *st, const char *ss, size_t sn, unsigned char *mark) {
  size_t k = 0, ns = a->steps.n;
  int words = 0;
  if (mark) memset(mark, 0, ns);
  while (k < ns) {
    size_t e = k, d0, d1, len;
    int ok = 1, seen_eq = 0;
    if (a->steps.v[k].op != '-') { k++; continue; }
    while (e < ns && a->steps.v[e].op == '-') e++;
    for (size_t x = 0; x < k; x++) seen_eq |= a->steps.v[x].op == '=';
    if (!seen_eq || e >= ns || a->steps.v[e].op != '=') { k = e; continue; }   /* inside the passage only */
    d0 = a->steps.v[k].s; d1 = a->steps.v[e - 1].s + 1; len = d1 - d0;
    /* fillers */
    for (size_t j = d0; j < d1 && ok; j++) ok = is_filler(ss + st[j].start, st[j].end - st[j].start);
    if (!ok && len <= 4) {
      /* said twice: the run again right after it (or right before it) */
      size_t after = d1, before = d0 >= len ? d0 - len : (size_t)-1;
      ok = 1;
      for (size_t j = 0; j < len && ok; j++) ok = after + j < a->s1 && st[d0 + j].h == st[after + j].h;
      if (!ok && before != (size_t)-1 && before >= a->s0) {
        ok = 1;
        for (size_t j = 0; j < len && ok; j++) ok = st[d0 + j].h == st[before + j].h;
      }
      /* broken off at a dash and begun again with the same word */
      if (!ok && len <= 5 && dash_after(ss, sn, st[d1 - 1].end) && d1 < a->s1 && st[d0].h == st[d1].h) ok = 1;
    }
    if (ok) {
      words += (int)len;
      if (mark) for (size_t x = k; x < e; x++) mark[x] = 1;
    }
    k = e;
  }
  return words;
}

