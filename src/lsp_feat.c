/* lsp_feat.c: what the server answers about quotes and speakers (lsp.h).
 *   hover            speaker, role, organisation, cue, rule, confidence, verdict, source
 *   definition       the quote's source passage (go to definition opens the transcript)
 *   references       every quote of the same speaker, in every open document
 *   code actions     open the source passage; show the speaker's quotes; give the full
 *                    name and role at the first mention where the draft has a surname
 *   documentSymbol   the quotes grouped by who speaks; workspace/symbol: a source by name
 *   executeCommand   verbatim.openSource, verbatim.speakerQuotes, verbatim.recheck
 * Every answer reads the last analysis, which the caller made current (lsp_check_now). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "lsp.h"
#include "text.h"

const char *const lsp_commands[] = {"verbatim.openSource", "verbatim.speakerQuotes", "verbatim.recheck", NULL};

/* SymbolKind */
enum { SYM_MODULE = 2, SYM_NAMESPACE = 3, SYM_CLASS = 5, SYM_STRING = 15, SYM_OBJECT = 19 };

static json_t *range_of(lsp_server *S, const lsp_doc *d, size_t a, size_t b) {
  return lsp_range_json(d->text.p, d->text.n, &d->lines, a, b, S->utf8);
}

static json_t *location(lsp_server *S, const lsp_doc *d, size_t a, size_t b) {
  return json_pack("{s:s, s:o}", "uri", d->uri, "range", range_of(S, d, a, b));
}

/* a name, role or organisation span as shown (white space folded), appended to b */
static void span_text(vb_buf *b, const lsp_doc *d, vb_span sp) {
  if (sp.start == VB_NONE || sp.end <= sp.start || vb_buf_reserve(b, sp.end - sp.start)) return;
  b->n += vb_name_copy(b->p + b->n, d->text.p, sp);
  b->p[b->n] = 0;
}

static const vb_entity *entity_of(const lsp_doc *d, size_t i) {
  int e = d->d.an.attr.v[i].entity;
  return e >= 0 && (size_t)e < d->d.an.ent.n ? &d->d.an.ent.v[e] : NULL;
}

/* the speaker's name of quote i (the entity's, else the mention) into b; 0 when none */
static size_t speaker_text(vb_buf *b, const lsp_doc *d, size_t i) {
  size_t n0 = b->n;
  span_text(b, d, vb_speaker_name(&d->d.an, i));
  return b->n - n0;
}

/* ---------------------------------------------------------------- hover */

static void bold(vb_buf *b, int md, const char *s, size_t n) {
  if (md) vb_buf_adds(b, "**");
  vb_buf_add(b, s, n);
  if (md) vb_buf_adds(b, "**");
}

static void hover_speaker(lsp_server *S, const lsp_doc *d, size_t i, vb_buf *b) {
  const vb_attr *at = &d->d.an.attr.v[i];
  const vb_entity *e = entity_of(d, i);
  vb_buf t = {0};
  if (!speaker_text(&t, d, i)) {
    vb_buf_adds(b, S->markdown ? "*No speaker*: the text names no one for this quote" : "No speaker: the text names no one for this quote");
    vb_buf_free(&t);
    return;
  }
  bold(b, S->markdown, t.p, t.n);
  if (e && (e->role.start != VB_NONE || e->org.start != VB_NONE)) {
    vb_buf_adds(b, " \xE2\x80\x94 ");
    span_text(b, d, e->role);
    if (e->role.start != VB_NONE && e->org.start != VB_NONE) vb_buf_adds(b, ", ");
    span_text(b, d, e->org);
    if (e->org_long.start != VB_NONE) { vb_buf_adds(b, " ("); span_text(b, d, e->org_long); vb_buf_addc(b, ')'); }
  }
  if (at->mention.start != VB_NONE) {
    vb_buf m = {0};
    span_text(&m, d, at->mention);
    if (m.n && (m.n != t.n || memcmp(m.p, t.p, t.n))) {
      vb_buf_adds(b, " (as \xE2\x80\x9C");
      vb_buf_add(b, m.p, m.n);
      vb_buf_adds(b, "\xE2\x80\x9D)");
    }
    vb_buf_free(&m);
  }
  vb_buf_free(&t);
}

static void hover_check(lsp_server *S, const lsp_doc *d, size_t i, vb_buf *b) {
  const vb_cres *r = &d->d.c.r.v[i];
  const vb_checked *c = &d->d.c;
  int md = S->markdown;
  vb_buf_adds(b, md ? "\n\n" : "\n");
  bold(b, md, r->verdict == VB_NOT_FOUND ? "not found" : vb_verdict_names[r->verdict],
       strlen(r->verdict == VB_NOT_FOUND ? "not found" : vb_verdict_names[r->verdict]));
  vb_buf_addf(b, " (score %.2f)%s", r->score, r->splice ? ", a splice of distant passages" : "");
  if (r->has_passage) {
    vb_buf_adds(b, " in ");
    vb_buf_add(b, c->arena.p + r->name, r->name_len);
    vb_buf_addf(b, ":%u:%u", r->line, r->col);
    if (r->has_speaker) {
      vb_buf_adds(b, ", spoken by ");
      vb_buf_add(b, c->arena.p + r->speaker, r->speaker_len);
    }
  }
  if (r->speaker_mismatch) vb_buf_adds(b, md ? "; *given to another speaker*" : "; given to another speaker");
  if (lsp_quote_fails(d, i)) vb_buf_adds(b, md ? " \xE2\x80\x94 fails the gate" : " - fails the gate");
  if (r->nd) {
    vb_buf_adds(b, md ? "\n\n`" : "\n");
    vb_diff_line(c, r, b);
    if (md) vb_buf_addc(b, '`');
  }
}

json_t *lsp_hover(lsp_server *S, lsp_doc *d, size_t off) {
  long i = lsp_quote_at(d, off);
  const vb_quote *q;
  const vb_attr *at;
  vb_buf b = {0};
  json_t *res;
  int md = S->markdown;
  if (i < 0) return NULL;
  q = &d->d.an.qs.q.v[i];
  at = &d->d.an.attr.v[i];
  hover_speaker(S, d, (size_t)i, &b);
  vb_buf_adds(&b, md ? "\n\n" : "\n");
  vb_buf_addf(&b, "%s quote", vb_kind_names[q->kind]);
  if (at->cue.start != VB_NONE) {
    vb_buf_adds(&b, md ? " \xC2\xB7 cue *" : ", cue \"");
    vb_excerpt(&b, d->text.p + at->cue.start, at->cue.end - at->cue.start, 40);
    vb_buf_adds(&b, md ? "*" : "\"");
  }
  if (at->rule) vb_buf_addf(&b, md ? " \xC2\xB7 rule `%s`" : ", rule %s", at->rule);
  if (at->rule) vb_buf_addf(&b, md ? " \xC2\xB7 confidence %.2f" : ", confidence %.2f", at->confidence);
  if (d->checked && (size_t)i < d->d.c.r.n) hover_check(S, d, (size_t)i, &b);
  else if (d->proj && !d->proj->M.v.n && !d->proj->M.idx.n)
    vb_buf_adds(&b, md ? "\n\n*Not checked*: no sources (`check:` in .verbatim.yaml)" : "\nNot checked: no sources (check: in .verbatim.yaml)");
  res = b.oom ? NULL : json_pack("{s:{s:s, s:o}, s:o}", "contents", "kind", md ? "markdown" : "plaintext", "value",
                                 lsp_jstr(b.p, b.n), "range", range_of(S, d, q->start, q->end));
  vb_buf_free(&b);
  return res;
}

/* ---------------------------------------------------------------- definition, references */

json_t *lsp_definition(lsp_server *S, lsp_doc *d, size_t off) {
  long i = lsp_quote_at(d, off);
  return i < 0 ? NULL : lsp_passage_location(S, d, (size_t)i);
}

/* the quotes of the speaker named name[0..n) in d, as Locations appended to arr */
static void quotes_of(lsp_server *S, lsp_doc *d, const char *name, size_t n, json_t *arr) {
  vb_buf t = {0};
  if (d->dirty) lsp_check_now(S, d);
  if (d->failed) return;
  for (size_t i = 0; i < d->d.an.qs.q.n; i++) {
    t.n = 0;
    if (speaker_text(&t, d, i) == n && !memcmp(t.p, name, n))
      json_array_append_new(arr, location(S, d, d->d.an.qs.q.v[i].start, d->d.an.qs.q.v[i].end));
  }
  vb_buf_free(&t);
}

/* The quotes of quote i's speaker: d's first, then the other open documents'. */
static json_t *speaker_quotes(lsp_server *S, lsp_doc *d, const char *name, size_t n) {
  json_t *arr = json_array();
  if (!arr) return NULL;
  quotes_of(S, d, name, n, arr);
  for (size_t k = 0; k < S->docs.n; k++)
    if (S->docs.v[k] != d) quotes_of(S, S->docs.v[k], name, n, arr);
  return arr;
}

json_t *lsp_references(lsp_server *S, lsp_doc *d, size_t off) {
  long i = lsp_quote_at(d, off);
  vb_buf t = {0};
  json_t *res = NULL;
  if (i >= 0 && speaker_text(&t, d, (size_t)i)) res = speaker_quotes(S, d, t.p, t.n);
  vb_buf_free(&t);
  return res;
}

/* ---------------------------------------------------------------- first mention */

static int wordch(unsigned char c) { return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'); }

/* The first place the text names entity e by its last name alone, while the canonical
 * name (first and last) is longer: the byte span of that surname, or start VB_NONE. */
static vb_span bare_surname(const lsp_doc *d, const vb_entity *e, const char *full, size_t fn) {
  const char *s = d->text.p, *sp = full + fn;
  vb_span none = {VB_NONE, VB_NONE};
  size_t sn, pn;
  while (sp > full && sp[-1] != ' ') sp--;
  sn = (size_t)(full + fn - sp);
  pn = (size_t)(sp - full);                       /* "Andrew " */
  if (e->kind != VB_ENT_PERSON || !pn || sn < 2) return none;
  for (size_t i = 0; i + sn <= d->text.n; i++) {
    const char *hit = memchr(s + i, (unsigned char)*sp, d->text.n - i);
    if (!hit) break;
    i = (size_t)(hit - s);
    if (i + sn > d->text.n || memcmp(s + i, sp, sn) || (i && wordch((unsigned char)s[i - 1])) ||
        (i + sn < d->text.n && wordch((unsigned char)s[i + sn])))
      continue;
    /* the first naming: with its first name (already full), or alone */
    if (i >= pn && !memcmp(s + i - pn, full, pn - 1) && (s[i - 1] == ' ' || s[i - 1] == '\n')) return none;
    return (vb_span){i, i + sn};
  }
  return none;
}

/* "Andrew Arthur, senior fellow, Center for Immigration Studies," for the surname's
 * place: the appositive's closing comma only where no punctuation follows */
static json_t *introduce_action(lsp_server *S, lsp_doc *d, size_t i) {
  const vb_entity *e = entity_of(d, i);
  vb_buf full = {0}, rep = {0}, title = {0};
  vb_span at;
  json_t *act = NULL;
  long long line, ch;
  if (!e || !speaker_text(&full, d, i) || !memchr(full.p, ' ', full.n)) goto out;
  at = bare_surname(d, e, full.p, full.n);
  if (at.start == VB_NONE) goto out;
  vb_buf_add(&rep, full.p, full.n);
  if (e->role.start != VB_NONE || e->org.start != VB_NONE) {
    unsigned char next = at.end < d->text.n ? (unsigned char)d->text.p[at.end] : '.';
    vb_buf_adds(&rep, ", ");
    span_text(&rep, d, e->role.start != VB_NONE ? e->role : e->org);
    if (e->role.start != VB_NONE && e->org.start != VB_NONE) { vb_buf_adds(&rep, ", "); span_text(&rep, d, e->org); }
    if (!strchr(".,;:!?)", next)) vb_buf_addc(&rep, ',');
  }
  lsp_position(d->text.p, d->text.n, &d->lines, at.start, S->utf8, &line, &ch);
  vb_buf_adds(&title, "Introduce ");
  vb_buf_add(&title, rep.p, rep.n);
  while (title.n && (title.p[title.n - 1] == ',')) title.n--;
  vb_buf_addf(&title, " at the first mention (line %lld)", line + 1);
  if (rep.oom || title.oom) goto out;
  act = json_pack("{s:o, s:s, s:{s:{s:[{s:o, s:o}]}}}", "title", lsp_jstr(title.p, title.n), "kind", "quickfix", "edit",
                  "changes", d->uri, "range", range_of(S, d, at.start, at.end), "newText", lsp_jstr(rep.p, rep.n));
out:
  vb_buf_free(&full);
  vb_buf_free(&rep);
  vb_buf_free(&title);
  return act;
}

/* ---------------------------------------------------------------- code actions */

json_t *lsp_code_actions(lsp_server *S, lsp_doc *d, size_t a, size_t b) {
  json_t *arr = json_array(), *loc, *x;
  long i = lsp_quote_at(d, a);
  vb_buf name = {0}, t = {0};
  if (!arr) return NULL;
  if (i < 0 && b > a) i = lsp_quote_at(d, b);
  if (i < 0) return arr;
  if ((loc = lsp_passage_location(S, d, (size_t)i)) != NULL) {
    const vb_cres *r = &d->d.c.r.v[i];
    const char *base = d->d.c.arena.p + r->name;
    size_t bn = r->name_len;
    for (size_t k = bn; k > 0; k--)              /* the file's name, without its folders */
      if (base[k - 1] == '/') { base += k; bn -= k; break; }
    vb_buf_adds(&t, "Open the source passage (");
    vb_buf_add(&t, base, bn);
    vb_buf_addf(&t, ":%u)", r->line);
    x = json_pack("{s:o, s:{s:s, s:s, s:[o]}}", "title", lsp_jstr(t.p, t.n), "command", "title", "Open the source passage",
                  "command", "verbatim.openSource", "arguments", loc);
    if (x) json_array_append_new(arr, x);
  }
  if (speaker_text(&name, d, (size_t)i)) {
    size_t n = 0;
    json_t *locs = speaker_quotes(S, d, name.p, name.n);
    n = json_array_size(locs);
    json_decref(locs);
    t.n = 0;
    vb_buf_adds(&t, "Show all quotes of ");
    vb_buf_add(&t, name.p, name.n);
    vb_buf_addf(&t, " (%zu)", n);
    x = json_pack("{s:o, s:{s:s, s:s, s:[s, o]}}", "title", lsp_jstr(t.p, t.n), "command", "title", "Show the speaker's quotes",
                  "command", "verbatim.speakerQuotes", "arguments", d->uri, lsp_jstr(name.p, name.n));
    if (x) json_array_append_new(arr, x);
    if ((x = introduce_action(S, d, (size_t)i)) != NULL) json_array_append_new(arr, x);
  }
  vb_buf_free(&name);
  vb_buf_free(&t);
  return arr;
}

/* ---------------------------------------------------------------- symbols */

static json_t *quote_symbol(lsp_server *S, const lsp_doc *d, size_t i) {
  const vb_quote *q = &d->d.an.qs.q.v[i];
  vb_buf t = {0}, ex = {0};
  json_t *x;
  vb_quote_text(d->text.p, &d->d.an.qs, q, &t);
  vb_buf_adds(&ex, "\xE2\x80\x9C");
  vb_excerpt(&ex, t.p ? t.p : "", t.n, 60);
  vb_buf_adds(&ex, "\xE2\x80\x9D");
  x = json_pack("{s:o, s:s, s:i, s:o, s:o}", "name", lsp_jstr(ex.p, ex.n), "detail",
                d->checked && i < d->d.c.r.n ? vb_verdict_names[d->d.c.r.v[i].verdict] : vb_kind_names[q->kind], "kind",
                SYM_STRING, "range", range_of(S, d, q->start, q->end), "selectionRange", range_of(S, d, q->start, q->end));
  vb_buf_free(&t);
  vb_buf_free(&ex);
  return x;
}

/* one source (or, src NULL, the quotes with no speaker) with its quotes as children */
static json_t *source_symbol(lsp_server *S, const lsp_doc *d, const vb_source *src, const size_t *qi, size_t nq) {
  const vb_entity *e = src && src->entity >= 0 ? &d->d.an.ent.v[src->entity] : NULL;
  vb_buf name = {0}, detail = {0};
  json_t *kids = json_array(), *x;
  size_t a = (size_t)-1, b = 0;
  for (size_t k = 0; k < nq; k++) {
    const vb_quote *q = &d->d.an.qs.q.v[qi[k]];
    if (q->start < a) a = q->start;
    if (q->end > b) b = q->end;
    json_array_append_new(kids, quote_symbol(S, d, qi[k]));
  }
  if (e) {
    span_text(&name, d, e->name);
    span_text(&detail, d, e->role);
    if (e->role.start != VB_NONE && e->org.start != VB_NONE) vb_buf_adds(&detail, ", ");
    span_text(&detail, d, e->org);
  }
  if (!name.n) vb_buf_adds(&name, src ? "(unnamed)" : "(no speaker)");
  vb_buf_addf(&detail, "%s%zu quote%s", detail.n ? " \xC2\xB7 " : "", nq, nq == 1 ? "" : "s");
  x = json_pack("{s:o, s:o, s:i, s:o, s:o, s:o}", "name", lsp_jstr(name.p, name.n), "detail", lsp_jstr(detail.p, detail.n),
                "kind", e && e->kind != VB_ENT_PERSON ? SYM_NAMESPACE : SYM_CLASS, "range", range_of(S, d, a, b),
                "selectionRange", range_of(S, d, qi[0] < d->d.an.qs.q.n ? d->d.an.qs.q.v[qi[0]].start : a,
                                           qi[0] < d->d.an.qs.q.n ? d->d.an.qs.q.v[qi[0]].end : b),
                "children", kids);
  vb_buf_free(&name);
  vb_buf_free(&detail);
  return x;
}

/* DocumentSymbol[] into SymbolInformation[] for clients that cannot nest */
static void flatten(const lsp_doc *d, json_t *sym, const char *container, json_t *out) {
  json_t *x = json_pack("{s:O, s:O, s:{s:s, s:O}}", "name", json_object_get(sym, "name"), "kind", json_object_get(sym, "kind"),
                        "location", "uri", d->uri, "range", json_object_get(sym, "range"));
  size_t k;
  json_t *kid;
  if (!x) return;
  if (container) json_object_set_new(x, "containerName", json_string(container));
  json_array_append_new(out, x);
  json_array_foreach(json_object_get(sym, "children"), k, kid) flatten(d, kid, json_string_value(json_object_get(sym, "name")), out);
}

json_t *lsp_document_symbols(lsp_server *S, lsp_doc *d) {
  const vb_analysis *an = &d->d.an;
  json_t *arr = json_array(), *flat;
  size_t k;
  json_t *sym;
  if (!arr || d->failed) return arr;
  for (size_t s = 0; s < an->src.n; s++)
    if (an->src.v[s].nq) json_array_append_new(arr, source_symbol(S, d, &an->src.v[s], an->srcq.v + an->src.v[s].q0, an->src.v[s].nq));
  if (an->unattributed.n) json_array_append_new(arr, source_symbol(S, d, NULL, an->unattributed.v, an->unattributed.n));
  if (S->hierarchical) return arr;
  flat = json_array();
  json_array_foreach(arr, k, sym) flatten(d, sym, NULL, flat);
  json_decref(arr);
  return flat;
}

json_t *lsp_workspace_symbols(lsp_server *S, const char *query) {
  json_t *arr = json_array();
  vb_buf name = {0};
  size_t qn = query ? strlen(query) : 0;
  if (!arr) return NULL;
  for (size_t k = 0; k < S->docs.n; k++) {
    lsp_doc *d = S->docs.v[k];
    const char *file = d->path ? d->path : d->uri, *base = strrchr(file, '/');
    if (d->dirty) lsp_check_now(S, d);
    if (d->failed) continue;
    for (size_t s = 0; s < d->d.an.src.n; s++) {
      const vb_source *src = &d->d.an.src.v[s];
      const vb_entity *e = src->entity >= 0 ? &d->d.an.ent.v[src->entity] : NULL;
      int hit = !qn;
      const vb_quote *q;
      if (!e || !src->nq) continue;
      name.n = 0;
      span_text(&name, d, e->name);
      for (size_t i = 0; !hit && qn <= name.n && i + qn <= name.n; i++) hit = !strncasecmp(name.p + i, query, qn);
      if (!hit) continue;
      q = &d->d.an.qs.q.v[d->d.an.srcq.v[src->q0]];
      json_array_append_new(arr, json_pack("{s:o, s:i, s:o, s:s}", "name", lsp_jstr(name.p, name.n), "kind",
                                           e->kind == VB_ENT_PERSON ? SYM_CLASS : SYM_NAMESPACE, "location",
                                           location(S, d, q->start, q->end), "containerName", base ? base + 1 : file));
    }
  }
  vb_buf_free(&name);
  return arr;
}

/* ---------------------------------------------------------------- commands */

static lsp_doc *doc_of(lsp_server *S, const char *uri) {
  for (size_t k = 0; uri && k < S->docs.n; k++)
    if (!strcmp(S->docs.v[k]->uri, uri)) return S->docs.v[k];
  return NULL;
}

/* a Location's "path:line:col" (1-based), for a client that shows a message only */
static void where(vb_buf *b, json_t *loc) {
  char *path = lsp_uri_path(json_string_value(json_object_get(loc, "uri")));
  json_t *st = json_object_get(json_object_get(loc, "range"), "start");
  vb_buf_addf(b, "%s:%lld:%lld", path ? path : "?", (long long)json_integer_value(json_object_get(st, "line")) + 1,
              (long long)json_integer_value(json_object_get(st, "character")) + 1);
  free(path);
}

static json_t *open_source(lsp_server *S, json_t *loc, int *code, const char **msg) {
  vb_buf b = {0};
  if (!json_is_string(json_object_get(loc, "uri")) || !json_is_object(json_object_get(loc, "range"))) {
    *code = LSP_INVALID_PARAMS;
    *msg = "verbatim.openSource: a Location argument expected";
    return NULL;
  }
  if (S->show_document)
    lsp_request(S, "window/showDocument", json_pack("{s:O, s:b, s:O}", "uri", json_object_get(loc, "uri"), "takeFocus", 1,
                                                    "selection", json_object_get(loc, "range")));
  else {
    vb_buf_adds(&b, "source passage: ");
    where(&b, loc);
    lsp_notify(S, "window/showMessage", json_pack("{s:i, s:o}", "type", 3, "message", lsp_jstr(b.p, b.n)));
  }
  vb_buf_free(&b);
  return json_incref(loc);
}

static json_t *show_speaker(lsp_server *S, json_t *args, int *code, const char **msg) {
  lsp_doc *d = doc_of(S, json_string_value(json_array_get(args, 0)));
  json_t *name = json_array_get(args, 1), *locs, *loc;
  vb_buf b = {0};
  size_t k;
  if (!d || !json_is_string(name)) {
    *code = LSP_INVALID_PARAMS;
    *msg = "verbatim.speakerQuotes: an open document's URI and a speaker's name expected";
    return NULL;
  }
  locs = speaker_quotes(S, d, json_string_value(name), json_string_length(name));
  vb_buf_add(&b, json_string_value(name), json_string_length(name));
  vb_buf_addf(&b, ": %zu quote%s", json_array_size(locs), json_array_size(locs) == 1 ? "" : "s");
  json_array_foreach(locs, k, loc) {
    vb_buf_adds(&b, k ? ", " : ": ");
    if (k == 20) { vb_buf_adds(&b, "..."); break; }
    where(&b, loc);
  }
  lsp_notify(S, "window/showMessage", json_pack("{s:i, s:o}", "type", 3, "message", lsp_jstr(b.p, b.n)));
  vb_buf_free(&b);
  return locs;
}

json_t *lsp_execute(lsp_server *S, const char *cmd, json_t *args, int *code, const char **msg) {
  if (!cmd) { *code = LSP_INVALID_PARAMS; *msg = "no command"; return NULL; }
  if (!strcmp(cmd, "verbatim.openSource")) return open_source(S, json_array_get(args, 0), code, msg);
  if (!strcmp(cmd, "verbatim.speakerQuotes")) return show_speaker(S, args, code, msg);
  if (!strcmp(cmd, "verbatim.recheck")) {
    lsp_proj_stale(S);
    for (size_t k = 0; k < S->docs.n; k++) {
      S->docs.v[k]->dirty = 1;
      lsp_check_now(S, S->docs.v[k]);
    }
    return json_null();
  }
  *code = LSP_INVALID_PARAMS;
  *msg = "unknown command";
  return NULL;
}
