/* lua_check.c: the binding of quote checking. core.check(text, sources [, opts]) ->
 * quotes, borrowed, fails (the gate: opts.fail_on, opts.strict_terms, as the CLI's), draft
 * core.index_build(output, paths [, opts]) and core.index_open(path), which returns an
 * index object with :check(text [, opts]) and :close() (also closed by __gc).
 *
 * Sources are paths (files or folders), {name=, text=} tables or index objects. Engine
 * results live in a box userdata so that a Lua error while building the result tables
 * still frees them (see lua_quotes.c). Errors follow lua_util.h: wrong arguments raise;
 * a source, index or archive that cannot be read raises, or from core.safe (and from an
 * index it opened) returns nil and the message. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "lua_util.h"
#include "lua_core.h"
#include "analyze.h"
#include "check.h"
#include "draft.h"
#include "index.h"
#include "report.h"

#define IDX_MT "verbatim.index"

void vb_lua_register_check(lua_State *L);

typedef struct cbox {
  vb_draft d;                   /* the draft analysed and checked (draft.h), as the CLI does */
  vb_material S;
  vb_cues *cues;                /* opts.cues, compiled */
  vb_buf tmp, err;
  const char **speakers;        /* opts.speakers (strings held by opts), or NULL */
  vb_gate gate;                 /* opts.fail_on, opts.strict_terms (verdict.h) */
} cbox;

static int cbox_gc(lua_State *L) {
  cbox *b = luaL_checkudata(L, 1, "verbatim.cbox");
  vb_draft_free(&b->d);
  vb_material_free(&b->S);
  vb_cues_free(b->cues);
  b->cues = NULL;
  vb_buf_free(&b->tmp);
  vb_buf_free(&b->err);
  free(b->speakers);
  b->speakers = NULL;
  return 0;
}

typedef struct ibox {
  vb_index *x;                  /* NULL once closed */
  int safe;                     /* opened through core.safe: its :check fails softly too */
} ibox;

static int ibox_gc(lua_State *L) {
  ibox *b = luaL_checkudata(L, 1, IDX_MT);
  vb_index_close(b->x);
  b->x = NULL;
  return 0;
}

/* Source n (of argument 2) at idx; a = a table on the stack that keeps each {text=} string
 * referenced while the engine reads it, whatever happens to the caller's table meanwhile.
 * 0, or (a source that cannot be read, safe) the count of results pushed. */
static int add_source(lua_State *L, cbox *b, int idx, int n, int a, int safe) {
  int t = lua_type(L, idx);
  b->err.n = 0;
  if (t == LUA_TSTRING) {
    if (vb_material_add_path(&b->S, lua_tostring(L, idx), &b->err)) return vb_lua_fail(L, safe, "%s", b->err.p);
  } else if (t == LUA_TTABLE) {
    const char *name, *text, *speaker = NULL;
    size_t len;
    lua_pushliteral(L, "speaker");                 /* who speaks where no turn label says */
    lua_rawget(L, idx);
    if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING) vb_lua_parterror(L, 2, "string", "source %d: speaker", n);
    if (lua_type(L, -1) == LUA_TSTRING) {
      speaker = lua_tostring(L, -1);
      lua_pushvalue(L, -1);
      lua_rawseti(L, a, -n);                       /* referenced by a until the check returns */
    }
    lua_pop(L, 1);
    lua_pushliteral(L, "path");
    lua_rawget(L, idx);
    if (lua_type(L, -1) == LUA_TSTRING) {          /* {path=, speaker=}: files said by speaker */
      int r = vb_material_add_path_as(&b->S, lua_tostring(L, -1), speaker, &b->err);
      lua_pop(L, 1);
      return r ? vb_lua_fail(L, safe, "%s", b->err.p) : 0;
    }
    if (!lua_isnil(L, -1)) vb_lua_parterror(L, 2, "string", "source %d: path", n);
    lua_pop(L, 1);
    lua_pushliteral(L, "text");
    lua_rawget(L, idx);
    if (lua_type(L, -1) != LUA_TSTRING)         /* before tolstring, which turns a number into a string */
      vb_lua_parterror(L, 2, "string", "source %d: text", n);
    text = lua_tolstring(L, -1, &len);
    lua_pushvalue(L, -1);
    lua_rawseti(L, a, n);                        /* referenced by a until the check returns */
    lua_pushliteral(L, "name");
    lua_rawget(L, idx);
    name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "<text>";
    if (vb_material_add_text(&b->S, name, text, len)) vb_lua_nomem(L);   /* name is copied */
    b->S.v.v[b->S.v.n - 1].speaker = speaker;
    lua_pop(L, 2);
  } else if (t == LUA_TUSERDATA && luaL_testudata(L, idx, IDX_MT)) {
    ibox *ib = lua_touserdata(L, idx);
    if (!ib->x) luaL_argerror(L, 2, lua_pushfstring(L, "source %d: index is closed", n));
    if (vb_material_add_index(&b->S, ib->x)) vb_lua_nomem(L);
  } else vb_lua_parterror(L, 2, "path, {path=, speaker=}, {name=, text=} or index", "source %d", n);
  return 0;
}

static void push_check(lua_State *L, cbox *b, const vb_checked *c, size_t i) {
  const vb_cres *r = &c->r.v[i];
  lua_createtable(L, 0, 12);
  lua_pushstring(L, vb_verdict_names[r->verdict]);
  lua_setfield(L, -2, "verdict");
  lua_pushnumber(L, r->score);
  lua_setfield(L, -2, "score");
  lua_pushnumber(L, r->confidence);
  lua_setfield(L, -2, "confidence");
  lua_pushnumber(L, r->evidence);
  lua_setfield(L, -2, "evidence_bits");
  lua_pushnumber(L, r->needed);
  lua_setfield(L, -2, "needed_bits");
  lua_pushboolean(L, r->quoted);
  lua_setfield(L, -2, "quoted");
  lua_pushboolean(L, vb_draft_quote_fails(&b->d, i, &b->gate));
  lua_setfield(L, -2, "fails");
  lua_pushboolean(L, r->splice);
  lua_setfield(L, -2, "splice");
  lua_pushboolean(L, r->speaker_mismatch);
  lua_setfield(L, -2, "speaker_mismatch");
  if (r->has_passage) {
    lua_createtable(L, 0, 6);
    lua_pushlstring(L, c->arena.p + r->name, r->name_len);
    lua_setfield(L, -2, "file");
    vb_lua_setspan(L, r->start, r->end);
    vb_lua_setint(L, "line", r->line);
    vb_lua_setint(L, "col", r->col);
    if (r->has_speaker) {
      lua_pushlstring(L, c->arena.p + r->speaker, r->speaker_len);
      lua_setfield(L, -2, "speaker");
    }
    lua_setfield(L, -2, "source");
  }
  lua_createtable(L, (int)r->nd, 0);
  for (size_t k = 0; k < r->nd; k++) {
    const vb_dop *d = &c->d.v[r->d0 + k];
    char op[2] = {d->op, 0};
    lua_createtable(L, 0, 2);
    lua_pushstring(L, op);
    lua_setfield(L, -2, "op");
    lua_pushlstring(L, c->arena.p + d->off, d->len);
    lua_setfield(L, -2, "text");
    if (d->cleanup) {
      lua_pushboolean(L, 1);
      lua_setfield(L, -2, "cleanup");
    }
    lua_rawseti(L, -2, (int)k + 1);
  }
  lua_setfield(L, -2, "diff");
  if (r->nd) {                                     /* the diff as every host prints it */
    vb_buf *line = &b->tmp;
    line->n = 0;
    vb_diff_line(c, r, line);
    if (line->oom) vb_lua_nomem(L);
    lua_pushlstring(L, line->p ? line->p : "", line->n);
    lua_setfield(L, -2, "diff_line");
  }
}

/* The draft's result as a whole (the fourth result): {pass=, counts={verbatim=, faithful=, altered=,
 * not_found=, cleaned=, uncovered=}, failed=} (failed: the quotes that fail the gate; borrowed prose fails
 * the draft without being a quote); the caller adds the analysis's sources. */
static void push_gate(lua_State *L, const vb_draft *d, const vb_gate *g) {
  int n[VB_NVERDICT] = {0}, failed = 0;
  for (size_t i = 0; i < d->c.r.n; i++) {
    n[d->c.r.v[i].verdict]++;
    failed += vb_draft_quote_fails(d, i, g);
  }
  lua_createtable(L, 0, 3);
  lua_pushboolean(L, !vb_draft_fails(d, g));
  lua_setfield(L, -2, "pass");
  vb_lua_setint(L, "failed", failed);
  lua_createtable(L, 0, VB_NVERDICT);
  for (int v = 0; v < VB_NVERDICT; v++) vb_lua_setint(L, vb_verdict_names[v], n[v]);
  lua_setfield(L, -2, "counts");
}

/* opts.fail_on (a list "altered,not_found", "+uncovered", or a table of such names) and
 * opts.strict_terms into b->gate, the policy the CLI's --fail-on gives (verdict.h). */
static void gate_opts(lua_State *L, cbox *b, int o) {
  vb_gate_default(&b->gate);
  if (lua_isnoneornil(L, o)) return;
  lua_getfield(L, o, "strict_terms");
  b->gate.terms = lua_toboolean(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, o, "fail_on");
  if (lua_istable(L, -1)) {                        /* {"altered", "not_found"}: joined */
    int t = lua_gettop(L), n = (int)vb_lua_rawlen(L, t);
    luaL_Buffer lb;
    for (int i = 1; i <= n; i++) {
      lua_rawgeti(L, t, i);
      if (lua_type(L, -1) != LUA_TSTRING) vb_lua_parterror(L, o, "string", "opts.fail_on[%d]", i);
      lua_pop(L, 1);
    }
    luaL_buffinit(L, &lb);
    for (int i = 1; i <= n; i++) {
      if (i > 1) luaL_addchar(&lb, ',');
      lua_rawgeti(L, t, i);
      luaL_addvalue(&lb);
    }
    if (!n) luaL_addstring(&lb, "none");
    luaL_pushresult(&lb);
    lua_replace(L, t);
  }
  if (lua_type(L, -1) == LUA_TSTRING) {
    b->err.n = 0;
    if (vb_gate_parse(&b->gate, lua_tostring(L, -1), &b->err))
      luaL_argerror(L, o, lua_pushfstring(L, "opts.fail_on: %s", b->err.p));
  } else if (!lua_isnil(L, -1)) vb_lua_parterror(L, o, "string or table", "opts.fail_on");
  lua_pop(L, 1);
}

/* The check of the text at index ti (a string) against the sources already in b; opts
 * at index o. Returns the quotes, the borrowed passages and whether the draft fails the
 * gate. */
static int run_check(lua_State *L, cbox *b, int ti, int o, int safe) {
  size_t n;
  const char *s;
  const vb_quotes *qs;
  vb_copts co;
  vb_aopts ao;
  size_t nsp = 0;
  int rc, given_table = 0;
  const char *html = NULL;      /* opts.html: the audit page's name for the draft */
  memset(&co, 0, sizeof co);
  if (!lua_isnoneornil(L, o)) {
    luaL_checktype(L, o, LUA_TTABLE);
    lua_getfield(L, o, "strict_terms");              /* scare quotes and titles count too */
    if (!lua_isnil(L, -1) && !lua_isboolean(L, -1)) return vb_lua_parterror(L, o, "boolean", "opts.strict_terms");
    lua_pop(L, 1);                                   /* read into the gate by gate_opts */
    lua_getfield(L, o, "html");                      /* held by opts while the check runs */
    if (lua_type(L, -1) == LUA_TSTRING) html = lua_tostring(L, -1);
    else if (lua_type(L, -1) == LUA_TBOOLEAN) html = lua_toboolean(L, -1) ? "draft" : NULL;
    else if (!lua_isnil(L, -1)) return vb_lua_parterror(L, o, "string or boolean", "opts.html");
    lua_pop(L, 1);
    lua_getfield(L, o, "borrowed");
    if (lua_type(L, -1) == LUA_TNUMBER) {           /* an integer number of words, or off */
      lua_Number w = lua_tonumber(L, -1);
      if (!(w == 0 || (w >= 3 && w <= 1000000)) || w != (lua_Number)(int)w)
        return luaL_argerror(L, o, "opts.borrowed: 0 or an integer of 3 or more words expected");
      co.borrowed = (int)w;
    } else if (lua_type(L, -1) == LUA_TBOOLEAN) co.borrowed = lua_toboolean(L, -1) ? 12 : 0;
    else if (!lua_isnil(L, -1))
      return vb_lua_parterror(L, o, "number or boolean", "opts.borrowed");
    lua_pop(L, 1);
  }
  vb_lua_aopts(L, o, &b->cues, &ao);
  gate_opts(L, b, o);
  {
    /* the check verifies quoted words: reported speech only when opts.indirect asks */
    int asked = 0;
    if (!lua_isnoneornil(L, o)) {
      lua_getfield(L, o, "indirect");
      asked = lua_toboolean(L, -1);
      lua_pop(L, 1);
    }
    ao.no_indirect = !asked;
  }
  s = vb_lua_text(L, ti, o, &n);                   /* opts.format; held on the stack from here */
  if (!lua_isnoneornil(L, o)) {
    lua_getfield(L, o, "speakers");                /* the caller's names, one per quote */
    if (!lua_isnil(L, -1) && !lua_istable(L, -1)) return vb_lua_parterror(L, o, "table", "opts.speakers");
    if (lua_istable(L, -1)) {
      given_table = 1;
      /* up to the largest positive integer key, so that a hole (a quote nobody is given
       * for) does not end the list; the draft ignores entries past its quotes */
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TNUMBER) {
          lua_Number k = lua_tonumber(L, -1);
          if (k >= 1 && k <= 1e8 && k == (lua_Number)(size_t)k && (size_t)k > nsp) nsp = (size_t)k;
        }
      }
      if (nsp && !(b->speakers = calloc(nsp, sizeof *b->speakers))) return vb_lua_nomem(L);
      for (size_t i = 0; i < nsp; i++) {
        lua_rawgeti(L, -1, (int)i + 1);
        b->speakers[i] = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;   /* held by opts */
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
  }
  {
    /* a table of speakers, even an empty one, replaces the resolved speakers */
    static const char *const nobody[1] = {NULL};
    const char *const *given = b->speakers ? (const char *const *)b->speakers : given_table ? nobody : NULL;
    rc = vb_check_draft(s, n, &ao, given, nsp, &b->S, &co, &b->d, &b->err);
  }
  if (rc == -1 && b->err.p && strcmp(b->err.p, "out of memory") == 0) return vb_lua_nomem(L);
  if (rc) return vb_lua_fail(L, safe, "%s", b->err.p ? b->err.p : "check failed");
  qs = &b->d.an.qs;
  lua_createtable(L, (int)qs->q.n, 0);
  for (size_t i = 0; i < qs->q.n; i++) {
    vb_lua_quote(L, s, qs, &qs->q.v[i], &b->tmp);
    vb_lua_attr(L, s, &b->d.an, i, &b->tmp);
    push_check(L, b, &b->d.c, i);
    lua_setfield(L, -2, "check");
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_createtable(L, (int)b->d.c.b.n, 0);            /* borrowed passages */
  for (size_t i = 0; i < b->d.c.b.n; i++) {
    const vb_borrow *w = &b->d.c.b.v[i];
    lua_createtable(L, 0, 4);
    vb_lua_setspan(L, w->start, w->end);
    vb_lua_setint(L, "words", w->words);
    lua_createtable(L, 0, 5);
    lua_pushlstring(L, b->d.c.arena.p + w->name, w->name_len);
    lua_setfield(L, -2, "file");
    vb_lua_setspan(L, w->sstart, w->send);
    vb_lua_setint(L, "line", w->line);
    vb_lua_setint(L, "col", w->col);
    lua_setfield(L, -2, "source");
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_pushboolean(L, vb_draft_fails(&b->d, &b->gate));  /* whether the draft fails the gate */
  push_gate(L, &b->d, &b->gate);
  vb_lua_people(L, s, &b->d.an, &b->tmp);
  if (html) {
    vb_buf *page = &b->tmp;
    page->n = 0;
    vb_report_html(s, n, html, &b->d, &b->S, &b->gate, page);
    if (page->oom) return vb_lua_nomem(L);
    lua_pushlstring(L, page->p, page->n);
    lua_setfield(L, -2, "html");
  }
  return 4;
}

/* opts.max_size at index o: bytes a source file may hold (absent: VB_MAX_SIZE; 0: no
 * limit). A number in every Lua (5.1 has no integers): whole, 0 or more, below 2^53. */
static size_t max_size(lua_State *L, int o) {
  size_t m = VB_MAX_SIZE;
  if (lua_type(L, o) != LUA_TTABLE) return m;
  lua_getfield(L, o, "max_size");
  if (!lua_isnil(L, -1)) {
    lua_Number d = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : -1;
    if (!(d >= 0 && d < 9007199254740992.0) || (lua_Number)(size_t)d != d)
      luaL_argerror(L, o, "opts.max_size: a whole number of bytes expected (0: no limit)");
    m = (size_t)d;
  }
  lua_pop(L, 1);
  return m;
}

/* The first source file that cannot be used, as the failure's message. */
typedef struct vetctx { vb_buf *err; size_t max; } vetctx;

static void bad_file(const char *path, int e, void *ctx) {
  vetctx *v = ctx;
  if (v->err->n) return;
  if (e == EFBIG) vb_buf_addf(v->err, "%s: larger than max_size (%zu bytes; 0: no limit)", path, v->max);
  else vb_buf_addf(v->err, "%s: %s", path, strerror(e));
}

/* A single source rather than an array of them: a path, an index, or {name=, text=}. */
static int is_source(lua_State *L, int i) {
  int one;
  if (lua_type(L, i) == LUA_TSTRING || luaL_testudata(L, i, IDX_MT)) return 1;
  if (!lua_istable(L, i)) return 0;
  lua_rawgeti(L, i, 1);
  one = lua_isnil(L, -1);
  lua_pop(L, 1);
  if (!one) return 0;
  lua_pushliteral(L, "text");
  lua_rawget(L, i);
  one = !lua_isnil(L, -1);
  lua_pop(L, 1);
  return one;
}

/* core.check(text, sources [, opts]) -> quotes with .check, borrowed. Raises on wrong
 * arguments (no sources, a closed index among them) and on running out of memory; a
 * source that cannot be read is a failure (vb_lua_fail). */
int vb_l_check(lua_State *L) {
  int safe = vb_lua_safe(L);
  cbox *b;
  vb_lua_checkstring(L, 1, NULL);
  if (is_source(L, 2)) {                           /* one source: as an array of one */
    lua_createtable(L, 1, 0);
    lua_pushvalue(L, 2);
    lua_rawseti(L, -2, 1);
    lua_replace(L, 2);
  }
  luaL_argexpected(L, lua_istable(L, 2), 2, "source or table of sources");
  lua_settop(L, 3);                                /* opts stays at 3, the box goes to 4 */
  b = vb_lua_box(L, sizeof *b, "verbatim.cbox", cbox_gc, NULL);
  lua_newtable(L);                                 /* 5: the source texts, referenced */
  for (int i = 1;; i++) {
    int r;
    lua_rawgeti(L, 2, i);
    if (lua_isnil(L, -1)) { lua_pop(L, 1); break; }
    if ((r = add_source(L, b, lua_gettop(L), i, 5, safe))) return r;
    lua_pop(L, 1);
  }
  luaL_argcheck(L, b->S.v.n || b->S.idx.n, 2, "no sources");
  {
    /* every source file opens and is within max_size, whatever the text quotes */
    vetctx v;
    v.err = &b->err;
    v.max = max_size(L, 3);
    b->err.n = 0;
    if (vb_material_vet(&b->S, 0, v.max, bad_file, &v)) return vb_lua_fail(L, safe, "%s", b->err.p);
  }
  return run_check(L, b, 1, 3, safe);
}

/* index:check(text [, opts]): as core.check against this index alone */
static int l_index_check(lua_State *L) {
  ibox *ib = luaL_checkudata(L, 1, IDX_MT);
  cbox *b;
  luaL_argcheck(L, ib->x, 1, "index is closed");
  vb_lua_checkstring(L, 2, NULL);
  lua_settop(L, 3);
  b = vb_lua_box(L, sizeof *b, "verbatim.cbox", cbox_gc, NULL);    /* the index stays at 1 */
  if (vb_material_add_index(&b->S, ib->x)) return vb_lua_nomem(L);
  return run_check(L, b, 2, 3, ib->safe);
}

static int l_index_close(lua_State *L) { return ibox_gc(L); }

static const luaL_Reg methods[] = {
  {"check", l_index_check},
  {"close", l_index_close},
  {NULL, NULL},
};

/* The index at path as an object on the stack, or a failure (vb_lua_fail). */
static int push_index(lua_State *L, const char *path, int safe) {
  vb_buf err = {0};
  /* the box first: if allocating it raises, no index is open yet to leak */
  ibox *ib = vb_lua_box(L, sizeof *ib, IDX_MT, ibox_gc, methods);
  ib->safe = safe;
  ib->x = vb_index_open(path, &err);
  if (!ib->x) {
    /* onto the stack, so that err is freed before vb_lua_fail raises */
    lua_pushstring(L, err.p ? err.p : "cannot open index");
    vb_buf_free(&err);
    return vb_lua_fail(L, safe, "%s", lua_tostring(L, -1));
  }
  vb_buf_free(&err);
  return 1;
}

/* core.index_open(path) -> index. A file that is not a readable index is a failure
 * (vb_lua_fail). */
int vb_l_index_open(lua_State *L) { return push_index(L, vb_lua_checkstring(L, 1, NULL), vb_lua_safe(L)); }

/* core.index_build(output, paths [, opts]) -> index: paths is one path or an array of
 * them (files or folders, or {path=, speaker=}: files said by speaker where no turn label
 * says who); opts.append adds a segment to an existing index (waiting up to VB_IDX_WAIT
 * seconds for another writer of it). Raises on wrong arguments; an index that cannot be
 * written, or a file under the paths that does not open or holds more than
 * opts.max_size bytes, is a failure (vb_lua_fail). */
int vb_l_index_build(lua_State *L) {
  const char *out = vb_lua_checkstring(L, 1, NULL);
  int n, rc, safe = vb_lua_safe(L);
  const char **paths, **speakers;
  VB_VEC(const char *) fspk = {0};
  vb_buf err = {0};
  vb_iopts o = {0, VB_IDX_WAIT, NULL, NULL, NULL};
  vb_paths files = {0};
  vetctx v;
  if (lua_type(L, 2) == LUA_TSTRING) {             /* one path: as an array of one */
    lua_createtable(L, 1, 0);
    lua_pushvalue(L, 2);
    lua_rawseti(L, -2, 1);
    lua_replace(L, 2);
  }
  luaL_argexpected(L, lua_istable(L, 2), 2, "path or table of paths");
  if (!lua_isnoneornil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    lua_getfield(L, 3, "append");
    o.append = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  for (n = 0;; n++) {                              /* validate before allocating */
    int t;
    lua_rawgeti(L, 2, n + 1);
    t = lua_type(L, -1);
    if (t == LUA_TTABLE) {                         /* {path=, speaker=} */
      lua_getfield(L, -1, "path");
      lua_getfield(L, -2, "speaker");
      if (lua_type(L, -2) != LUA_TSTRING || (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING))
        return vb_lua_parterror(L, 2, "{path=string, speaker=string}", "path %d", n + 1);
      lua_pop(L, 2);
    } else if (t != LUA_TNIL && t != LUA_TSTRING) return vb_lua_parterror(L, 2, "string", "path %d", n + 1);
    lua_pop(L, 1);
    if (t == LUA_TNIL) break;
  }
  paths = lua_newuserdata(L, 2 * (size_t)(n ? n : 1) * sizeof *paths);   /* freed by the GC */
  speakers = paths + (n ? n : 1);
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, 2, i + 1);
    speakers[i] = NULL;
    if (lua_istable(L, -1)) {                      /* the strings stay held by the paths table */
      lua_getfield(L, -1, "path");
      paths[i] = lua_tostring(L, -1);
      lua_getfield(L, -2, "speaker");
      speakers[i] = lua_tostring(L, -1);
      lua_pop(L, 2);
    } else paths[i] = lua_tostring(L, -1);
    lua_pop(L, 1);
  }
  v.err = &err;
  v.max = max_size(L, 3);
  rc = 0;
  for (int i = 0; i < n && !rc; i++) {             /* each file said by its path's speaker */
    size_t n0 = files.n;
    rc = vb_walk(paths[i], &files, NULL, &err);
    if (!rc && vb_paths_vet(&files, n0, v.max, bad_file, &v)) rc = -1;
    for (size_t f = n0; f < files.n && !rc; f++) if (vb_push(&fspk, speakers[i])) rc = -1;
  }
  o.speakers = fspk.v;
  if (!rc) rc = vb_index_build(out, (const char *const *)files.v, (int)files.n, &o, NULL, NULL, &err);
  vb_paths_free(&files);
  vb_vfree(&fspk);
  if (rc) {
    lua_pushstring(L, err.p ? err.p : "index build failed");
    vb_buf_free(&err);
    return vb_lua_fail(L, safe, "%s", lua_tostring(L, -1));
  }
  vb_buf_free(&err);
  return push_index(L, out, safe);
}

