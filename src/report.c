/* report.c: the audit page of a checked draft (see report.h). One pass over the draft for
 * the marked text, one over the quotes for the table; each source text is read once. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"
#include "text.h"
#include "version.h"

/* The verdicts' colours: a mark's background in the draft, a chip in the tables. Shared
 * with the pandoc filter's review style (lua/verbatim/filter.lua), and looked for by the
 * screenshot test (tests/report/). */
static const char css[] =
  ":root{--verbatim:#c8f0d0;--faithful:#cfe3ff;--altered:#ffc9c9;--not_found:#ffe08a;--cleaned:#d9f2ee;"
  "--uncovered:#e6e6ea;--fail:#b3261e;"
  "--ink:#1f2328;--muted:#59636e;--rule:#d0d7de}\n"
  "body{margin:0 auto;max-width:62rem;padding:1.5rem;color:var(--ink);background:#fff;"
  "font:16px/1.55 Georgia,'Times New Roman',serif}\n"
  "h1,h2,h3,.gate,table,.legend,.meta{font-family:system-ui,-apple-system,'Segoe UI',sans-serif}\n"
  "h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--rule)}\n"
  ".meta{color:var(--muted);font-size:.9rem;margin:0}\n"
  ".gate{display:inline-block;margin:.8rem 0;padding:.3rem .8rem;border-radius:4px;font-weight:600}\n"
  ".gate.pass{background:var(--verbatim)}.gate.fail{background:var(--fail);color:#fff}\n"
  ".legend{list-style:none;padding:0;margin:0;font-size:.85rem}.legend li{display:inline-block;margin-right:.8rem}\n"
  ".draft{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid var(--rule);border-radius:6px;padding:1rem 1.2rem}\n"
  "mark.q{padding:0 .1em;border-radius:3px;color:inherit}mark.q a{color:inherit;text-decoration:none}\n"
  ".v-verbatim{background:var(--verbatim)}.v-faithful{background:var(--faithful)}"
  ".v-altered{background:var(--altered)}.v-not_found{background:var(--not_found)}"
  ".v-cleaned{background:var(--cleaned)}.v-uncovered{background:var(--uncovered)}\n"
  "mark.q.fails{outline:2px solid var(--fail);outline-offset:1px}\n"
  "table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;vertical-align:top;"
  "padding:.35rem .5rem;border-bottom:1px solid var(--rule)}th{background:#f6f8fa}\n"
  ".chip{display:inline-block;padding:0 .45rem;border-radius:3px;white-space:nowrap}\n"
  ".chip.fails::after{content:' \\2717';color:var(--fail);font-weight:700}\n"
  ".pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.pair h3{font-size:.8rem;margin:0 0 .2rem;"
  "color:var(--muted);text-transform:uppercase;letter-spacing:.04em}\n"
  ".pair p{margin:0;font-family:Georgia,serif;font-size:.95rem}.source-side p{white-space:pre-line}\n"
  ".pair h3 .where{text-transform:none;letter-spacing:0;font-weight:400}\n"
  "del{background:var(--altered);text-decoration:line-through}ins{background:var(--verbatim);text-decoration:none}\n"
  "mark.passage{background:#fff3b0}.muted{color:var(--muted)}\n"
  ":target{scroll-margin-top:1rem}tr:target td{background:#fffbdd}\n"
  "@media print{.pair{grid-template-columns:1fr}}\n";

static const char *const shown[VB_NVERDICT] = {"verbatim", "faithful", "altered", "not found", "cleaned", "not covered"};

void vb_html_text(vb_buf *out, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    /* a run of plain ASCII in one go */
    while (j < n && u[j] >= 0x20 && u[j] < 0x7f && u[j] != '&' && u[j] != '<' && u[j] != '>' && u[j] != '"' &&
           u[j] != '\'')
      j++;
    if (j > i) { vb_buf_add(out, s + i, j - i); i = j; continue; }
    switch (u[i]) {
    case '&': vb_buf_adds(out, "&amp;"); i++; continue;
    case '<': vb_buf_adds(out, "&lt;"); i++; continue;
    case '>': vb_buf_adds(out, "&gt;"); i++; continue;
    case '"': vb_buf_adds(out, "&quot;"); i++; continue;
    case '\'': vb_buf_adds(out, "&#39;"); i++; continue;
    case '\n': case '\t': vb_buf_addc(out, u[i]); i++; continue;
    default: break;
    }
    {
      uint32_t cp;
      size_t k = vb_utf8_dec(u, n, i, &cp);
      if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == VB_BADCP) vb_buf_adds(out, "\xEF\xBF\xBD");
      else vb_buf_add(out, s + i, k);
      i += k;
    }
  }
}

static void esc_cstr(vb_buf *o, const char *s) { vb_html_text(o, s, strlen(s)); }

/* ---------------------------------------------------------------- source texts */

/* The texts the passages come from, each read once for the whole page. */
typedef struct rtext {
  char *name;                   /* as the check names it */
  vb_buf own;                   /* a file read here */
  const char *p;                /* its text (in own, or the caller's), NULL: unreadable */
  size_t n;
} rtext;
typedef VB_VEC(rtext) rtexts;

static const rtext *text_of(rtexts *T, const vb_material *M, const char *name, size_t len) {
  rtext t;
  vb_buf err = {0};
  for (size_t i = 0; i < T->n; i++)
    if (strlen(T->v[i].name) == len && !memcmp(T->v[i].name, name, len)) return &T->v[i];
  memset(&t, 0, sizeof t);
  if (!(t.name = malloc(len + 1))) return NULL;
  memcpy(t.name, name, len);
  t.name[len] = '\0';
  for (size_t i = 0; M && i < M->v.n; i++)
    if (M->v.v[i].text && !strcmp(M->v.v[i].name, t.name)) { t.p = M->v.v[i].text; t.n = M->v.v[i].n; break; }
  /* a file of the material or of an index (named by its path): read as the check read it */
  if (!t.p && vb_read_file(t.name, &t.own, &err) == 0) { t.p = t.own.p ? t.own.p : ""; t.n = t.own.n; }
  vb_buf_free(&err);
  if (vb_push(T, t)) { free(t.name); vb_buf_free(&t.own); return NULL; }
  return &T->v[T->n - 1];
}

static void texts_free(rtexts *T) {
  for (size_t i = 0; i < T->n; i++) { free(T->v[i].name); vb_buf_free(&T->v[i].own); }
  vb_vfree(T);
}

/* A cut point near off in s[0..n), moved back to a space (at most 40 bytes) and to the
 * start of a character. */
static size_t cut_at(const char *s, size_t n, size_t off) {
  size_t k = off;
  if (off >= n) return n;
  while (k > 0 && off - k < 40 && s[k] != ' ' && s[k] != '\n') k--;
  if (s[k] != ' ' && s[k] != '\n') k = off;
  while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
  return k;
}

/* The passage [a, b) of t with up to 160 bytes of text on each side. */
static void passage(vb_buf *o, const rtext *t, size_t a, size_t b) {
  size_t from, to;
  if (b > t->n) b = t->n;
  if (a > b) a = b;
  from = a > 160 ? cut_at(t->p, t->n, a - 160) : 0;
  to = b + 160 < t->n ? cut_at(t->p, t->n, b + 160) : t->n;
  if (from > 0) vb_buf_adds(o, "\xE2\x80\xA6");
  vb_html_text(o, t->p + from, a - from);
  vb_buf_adds(o, "<mark class=\"passage\">");
  vb_html_text(o, t->p + a, b - a);
  vb_buf_adds(o, "</mark>");
  vb_html_text(o, t->p + b, to - b);
  if (to < t->n) vb_buf_adds(o, "\xE2\x80\xA6");
}

/* ---------------------------------------------------------------- pieces */

/* "FILE:LINE:COL (SPEAKER)" of a found passage */
static void place(vb_buf *o, const vb_checked *c, const vb_cres *r) {
  vb_html_text(o, c->arena.p + r->name, r->name_len);
  vb_buf_addf(o, ":%u:%u", r->line, r->col);
  if (r->has_speaker) {
    vb_buf_adds(o, " (");
    vb_html_text(o, c->arena.p + r->speaker, r->speaker_len);
    vb_buf_addc(o, ')');
  }
}

/* the speaker's name of quote i, escaped; nothing when nobody is named */
static void speaker(vb_buf *o, const char *s, const vb_analysis *an, size_t i, vb_buf *tmp) {
  vb_span sp = vb_speaker_name(an, i);
  if (sp.start == VB_NONE) return;
  tmp->n = 0;
  if (vb_buf_reserve(tmp, sp.end - sp.start + 1)) { o->oom = 1; return; }
  tmp->n = vb_name_copy(tmp->p, s, sp);
  vb_html_text(o, tmp->p, tmp->n);
}

static void span_cell(vb_buf *o, const char *s, vb_span sp, vb_buf *tmp) {
  if (sp.start == VB_NONE) return;
  tmp->n = 0;
  if (vb_buf_reserve(tmp, sp.end - sp.start + 1)) { o->oom = 1; return; }
  tmp->n = vb_name_copy(tmp->p, s, sp);
  vb_html_text(o, tmp->p, tmp->n);
}

/* a mark's tooltip: speaker, verdict, where found, the diff line */
static void tooltip(vb_buf *o, const char *s, const vb_draft *d, size_t i, int fails, vb_buf *tmp) {
  const vb_cres *r = &d->c.r.v[i];
  size_t n0 = o->n;
  speaker(o, s, &d->an, i, tmp);
  if (o->n > n0) vb_buf_adds(o, " \xC2\xB7 ");
  vb_buf_adds(o, shown[r->verdict]);
  if (r->speaker_mismatch) vb_buf_adds(o, ", another speaker&#39;s words");
  if (fails) vb_buf_adds(o, " (fails the check)");
  if (r->has_passage) { vb_buf_adds(o, " \xC2\xB7 "); place(o, &d->c, r); }
  if (r->nd && (r->verdict == VB_ALTERED || r->verdict == VB_CLEANED)) {
    tmp->n = 0;
    vb_diff_line(&d->c, r, tmp);
    if (tmp->oom) o->oom = 1;
    vb_buf_adds(o, " \xC2\xB7 ");
    vb_html_text(o, tmp->p ? tmp->p : "", tmp->n);
  }
}

static void head(vb_buf *o, const char *name, const vb_draft *d, const vb_gate *g, vb_buf *tmp) {
  int n[VB_NVERDICT] = {0}, failed = 0, pass = !vb_draft_fails(d, g);
  for (size_t i = 0; i < d->c.r.n; i++) {
    n[d->c.r.v[i].verdict]++;
    failed += vb_draft_quote_fails(d, i, g);
  }
  vb_buf_adds(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  vb_buf_addf(o, "<meta name=\"generator\" content=\"verbatim %s\">\n<title>Quote check: ", VB_VERSION);
  esc_cstr(o, name);
  vb_buf_adds(o, "</title>\n<style>\n");
  vb_buf_adds(o, css);
  vb_buf_adds(o, "</style>\n</head>\n<body>\n<header>\n<h1>Quote check: ");
  esc_cstr(o, name);
  vb_buf_addf(o, "</h1>\n<p class=\"meta\">verbatim %s</p>\n", VB_VERSION);
  vb_buf_addf(o, "<p class=\"gate %s\" id=\"gate\">%s: %zu %s, %d verbatim, %d faithful, %d altered, %d not found",
              pass ? "pass" : "fail", pass ? "Passes" : "Fails", d->an.qs.q.n, d->an.qs.q.n == 1 ? "quote" : "quotes",
              n[VB_VERBATIM], n[VB_FAITHFUL], n[VB_ALTERED], n[VB_NOT_FOUND]);
  if (n[VB_CLEANED]) vb_buf_addf(o, ", %d cleaned", n[VB_CLEANED]);
  if (n[VB_UNCOVERED]) vb_buf_addf(o, ", %d not covered by the material", n[VB_UNCOVERED]);
  if (failed) vb_buf_addf(o, "; %d %s the check", failed, failed == 1 ? "fails" : "fail");
  if (d->c.b.n) vb_buf_addf(o, "; %zu borrowed %s", d->c.b.n, d->c.b.n == 1 ? "passage" : "passages");
  vb_buf_adds(o, "</p>\n<p class=\"meta\" id=\"policy\">Fails the check: ");
  tmp->n = 0;
  vb_gate_describe(g, tmp);
  if (tmp->oom) o->oom = 1;
  for (size_t i = 0; i < tmp->n; i++) {          /* "altered,not_found" as a reader's list */
    if (tmp->p[i] == ',') vb_buf_adds(o, ", ");
    else vb_html_text(o, tmp->p + i, 1);
  }
  if (g->terms) vb_buf_adds(o, " (scare quotes and titles too)");
  vb_buf_adds(o, "</p>\n<ul class=\"legend\">");
  for (int v = 0; v < VB_NVERDICT; v++) vb_buf_addf(o, "<li><span class=\"chip v-%s\">%s</span></li>", vb_verdict_names[v], shown[v]);
  vb_buf_adds(o, "<li><span class=\"chip fails\">fails the check</span></li></ul>\n</header>\n");
}

/* the draft, every quote a mark linked to its row in the quotes table */
static void draft(vb_buf *o, const char *s, size_t n, const vb_draft *d, const vb_gate *g, vb_buf *tmp) {
  const vb_quotes *qs = &d->an.qs;
  size_t pos = 0;
  vb_buf_adds(o, "<section id=\"draft\">\n<h2>The draft</h2>\n<div class=\"draft\">");
  for (size_t i = 0; i < qs->q.n; i++) {
    const vb_quote *q = &qs->q.v[i];
    int fails = vb_draft_quote_fails(d, i, g);
    if (q->start < pos || q->end > n || q->end < q->start) continue;   /* inside the one before */
    vb_html_text(o, s + pos, q->start - pos);
    vb_buf_addf(o, "<mark class=\"q v-%s%s\" id=\"q%zu\" data-verdict=\"%s\" title=\"", vb_verdict_names[d->c.r.v[i].verdict],
                fails ? " fails" : "", i + 1, vb_verdict_names[d->c.r.v[i].verdict]);
    tooltip(o, s, d, i, fails, tmp);
    vb_buf_addf(o, "\"><a href=\"#row%zu\">", i + 1);
    vb_html_text(o, s + q->start, q->end - q->start);
    vb_buf_adds(o, "</a></mark>");
    pos = q->end;
  }
  vb_html_text(o, s + pos, n - pos);
  vb_buf_adds(o, "</div>\n</section>\n");
}

/* the people and bodies quoted */
static void sources(vb_buf *o, const char *s, const vb_analysis *an, vb_buf *tmp) {
  vb_buf_adds(o, "<section id=\"sources\">\n<h2>Sources</h2>\n");
  if (!an->src.n) { vb_buf_adds(o, "<p class=\"muted\">No named sources.</p>\n</section>\n"); return; }
  vb_buf_adds(o, "<table class=\"sources\">\n<thead><tr><th>Source</th><th>Role</th><th>Organisation</th>"
                 "<th>Quotes</th><th>Words</th></tr></thead>\n<tbody>\n");
  for (size_t k = 0; k < an->src.n; k++) {
    const vb_source *src = &an->src.v[k];
    const vb_entity *E = &an->ent.v[src->entity];
    vb_buf_adds(o, "<tr><td>");
    span_cell(o, s, E->name, tmp);
    vb_buf_adds(o, "</td><td>");
    span_cell(o, s, E->role, tmp);
    vb_buf_adds(o, "</td><td>");
    span_cell(o, s, E->org, tmp);
    vb_buf_adds(o, "</td><td>");
    for (size_t j = 0; j < src->nq; j++) {
      size_t qi = an->srcq.v[src->q0 + j] + 1;
      vb_buf_addf(o, "%s<a href=\"#row%zu\">#%zu</a>", j ? " " : "", qi, qi);
    }
    vb_buf_addf(o, "</td><td>%zu</td></tr>\n", src->words);
  }
  vb_buf_adds(o, "</tbody>\n</table>\n</section>\n");
}

/* quote i's word diff from the quote's side ('=' and '+', the '+' inserted) and the
 * source's ('=' and '-', the '-' deleted), as one line */
static void diff_html(vb_buf *o, const vb_checked *c, const vb_cres *r) {
  for (size_t k = 0; k < r->nd; k++) {
    const vb_dop *p = &c->d.v[r->d0 + k];
    const char *tag = p->op == '-' ? "del" : p->op == '+' ? "ins" : NULL;
    if (k) vb_buf_addc(o, ' ');
    if (tag) vb_buf_addf(o, "<%s>", tag);
    vb_html_text(o, c->arena.p + p->off, p->len);
    if (tag) vb_buf_addf(o, "</%s>", tag);
  }
}

/* the row of quote i and, for an altered quote, its diff beside the source passage */
static void quote_row(vb_buf *o, const char *s, const vb_draft *d, size_t i, const vb_gate *g, const vb_material *M,
                      rtexts *T, vb_buf *tmp) {
  const vb_quote *q = &d->an.qs.q.v[i];
  const vb_cres *r = &d->c.r.v[i];
  const char *v = vb_verdict_names[r->verdict];
  int fails = vb_draft_quote_fails(d, i, g);
  vb_buf_addf(o, "<tr id=\"row%zu\" class=\"%s\"><td><a href=\"#q%zu\">%zu</a></td><td>%u:%u</td><td>%s</td><td>", i + 1,
              fails ? "fails" : "passes", i + 1, i + 1, q->line, q->col, vb_kind_names[q->kind]);
  speaker(o, s, &d->an, i, tmp);
  vb_buf_addf(o, "</td><td><span class=\"chip v-%s%s\">%s</span>", v, fails ? " fails" : "", shown[r->verdict]);
  if (r->splice) vb_buf_adds(o, " <span class=\"muted\">(splice)</span>");
  if (r->speaker_mismatch) vb_buf_adds(o, " <span class=\"muted\">another speaker&#39;s words</span>");
  vb_buf_adds(o, "</td><td>");
  if (r->has_passage) place(o, &d->c, r);
  else vb_buf_adds(o, "<span class=\"muted\">not in the material</span>");
  vb_buf_adds(o, "</td></tr>\n");
  if ((r->verdict != VB_ALTERED && r->verdict != VB_CLEANED) || !r->nd) return;
  vb_buf_addf(o, "<tr class=\"diff\"><td></td><td colspan=\"5\"><div class=\"pair\"><div class=\"side quote-side\">"
                 "<h3>The quote, against the source</h3><p>");
  diff_html(o, &d->c, r);
  vb_buf_adds(o, "</p></div><div class=\"side source-side\"><h3>The source <span class=\"where\">");
  place(o, &d->c, r);
  vb_buf_adds(o, "</span></h3><p>");
  {
    const rtext *t = text_of(T, M, d->c.arena.p + r->name, r->name_len);
    if (t && t->p) passage(o, t, r->start, r->end);
    else vb_buf_adds(o, "<span class=\"muted\">(the source cannot be read again)</span>");
  }
  vb_buf_adds(o, "</p></div></div></td></tr>\n");
}

static void quotes(vb_buf *o, const char *s, const vb_draft *d, const vb_gate *g, const vb_material *M, vb_buf *tmp) {
  rtexts T = {0};
  vb_buf_adds(o, "<section id=\"quotes\">\n<h2>Quotes</h2>\n");
  if (!d->an.qs.q.n) { vb_buf_adds(o, "<p class=\"muted\">No quotes.</p>\n</section>\n"); return; }
  vb_buf_adds(o, "<table class=\"quotes\">\n<thead><tr><th>#</th><th>Line:col</th><th>Kind</th><th>Speaker</th>"
                 "<th>Verdict</th><th>Found in</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < d->an.qs.q.n; i++) quote_row(o, s, d, i, g, M, &T, tmp);
  vb_buf_adds(o, "</tbody>\n</table>\n</section>\n");
  texts_free(&T);
}

/* prose borrowed without quotation marks, and what the draft was checked against */
static void tail(vb_buf *o, const char *s, const vb_draft *d, const vb_material *M) {
  const vb_checked *c = &d->c;
  if (c->b.n) {
    vb_buf_adds(o, "<section id=\"borrowed\">\n<h2>Borrowed without quotation marks</h2>\n<ul>\n");
    for (size_t i = 0; i < c->b.n; i++) {
      const vb_borrow *b = &c->b.v[i];
      vb_buf_addf(o, "<li>%d words, \xE2\x80\x9C", b->words);
      vb_html_text(o, s + b->start, b->end - b->start);
      vb_buf_adds(o, "\xE2\x80\x9D, from ");
      vb_html_text(o, c->arena.p + b->name, b->name_len);
      vb_buf_addf(o, ":%u:%u</li>\n", b->line, b->col);
    }
    vb_buf_adds(o, "</ul>\n</section>\n");
  }
  vb_buf_adds(o, "<section id=\"material\">\n<h2>Checked against</h2>\n<ul>\n");
  for (size_t i = 0; M && i < M->v.n; i++) {
    vb_buf_adds(o, "<li>");
    esc_cstr(o, M->v.v[i].name);
    vb_buf_adds(o, "</li>\n");
  }
  if (M && M->idx.n) vb_buf_addf(o, "<li>%zu archive %s</li>\n", M->idx.n, M->idx.n == 1 ? "index" : "indexes");
  vb_buf_adds(o, "</ul>\n</section>\n");
}

void vb_report_html(const char *s, size_t n, const char *name, const vb_draft *d, const vb_material *M,
                    const vb_gate *g, vb_buf *out) {
  vb_buf tmp = {0};
  head(out, name, d, g, &tmp);
  vb_buf_adds(out, "<main>\n");
  draft(out, s, n, d, g, &tmp);
  sources(out, s, &d->an, &tmp);
  quotes(out, s, d, g, M, &tmp);
  tail(out, s, d, M);
  vb_buf_adds(out, "</main>\n</body>\n</html>\n");
  if (tmp.oom) out->oom = 1;
  vb_buf_free(&tmp);
}
