/* lua_util.c: the binding's shared helpers (see lua_util.h). */
#include <stdarg.h>
#include <string.h>
#include "lua_util.h"
#include "markdown.h"

#if LUA_VERSION_NUM < 502
void vb_lua_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  for (; l->name; l++) {
    for (int i = 0; i < nup; i++) lua_pushvalue(L, -nup);
    lua_pushcclosure(L, l->func, nup);
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}
#endif

#if LUA_VERSION_NUM < 504
int vb_lua_typeerror(lua_State *L, int arg, const char *tname) {
  return luaL_argerror(L, arg, lua_pushfstring(L, "%s expected, got %s", tname, luaL_typename(L, arg)));
}
#endif

const char *vb_lua_checkstring(lua_State *L, int arg, size_t *n) {
  luaL_argexpected(L, lua_type(L, arg) == LUA_TSTRING, arg, "string");
  return lua_tolstring(L, arg, n);
}

const char *vb_lua_text(lua_State *L, int arg, int opts, size_t *n) {
  const char *s = vb_lua_checkstring(L, arg, n);
  int f = VB_FMT_TEXT;
  char *copy;
  if (lua_istable(L, opts)) {
    lua_getfield(L, opts, "format");
    if (!lua_isnil(L, -1)) {
      f = lua_type(L, -1) == LUA_TSTRING ? vb_format_parse(lua_tostring(L, -1)) : -1;
      if (f < 0) luaL_argerror(L, opts, "opts.format: 'text' or 'markdown' expected");
    }
    lua_pop(L, 1);
  }
  if (f == VB_FMT_TEXT) {
    lua_pushvalue(L, arg);
    return s;
  }
  copy = lua_newuserdata(L, *n ? *n : 1);
  memcpy(copy, s, *n);
  if (vb_prose((vb_format)f, copy, *n)) vb_lua_nomem(L);
  return copy;
}

int vb_lua_nomem(lua_State *L) { return luaL_error(L, "verbatim: out of memory"); }

int vb_lua_fail(lua_State *L, int safe, const char *fmt, ...) {
  va_list ap;
  if (!safe) luaL_where(L, 1);                     /* raised: at the caller's line, as luaL_error */
  lua_pushliteral(L, "verbatim: ");
  va_start(ap, fmt);
  lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  lua_concat(L, safe ? 2 : 3);
  if (!safe) return lua_error(L);
  lua_pushnil(L);
  lua_insert(L, -2);
  return 2;
}

int vb_lua_safe(lua_State *L) { return lua_toboolean(L, lua_upvalueindex(1)); }

int vb_lua_parterror(lua_State *L, int arg, const char *tname, const char *fmt, ...) {
  const char *got = luaL_typename(L, -1);
  va_list ap;
  va_start(ap, fmt);
  lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  return luaL_argerror(L, arg, lua_pushfstring(L, "%s: %s expected, got %s", lua_tostring(L, -1), tname, got));
}

void *vb_lua_box(lua_State *L, size_t size, const char *mt, lua_CFunction gc, const luaL_Reg *methods) {
  void *p = lua_newuserdata(L, size);
  memset(p, 0, size);
  if (luaL_newmetatable(L, mt)) {
    lua_pushcfunction(L, gc);
    lua_setfield(L, -2, "__gc");
    if (methods) {
      lua_newtable(L);
      vb_lua_setfuncs(L, methods, 0);
      lua_setfield(L, -2, "__index");
    }
  }
  lua_setmetatable(L, -2);
  return p;
}

void vb_lua_setint(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

void vb_lua_setspan(lua_State *L, size_t a, size_t b) {
  vb_lua_setint(L, "start", (lua_Integer)a + 1);
  vb_lua_setint(L, "stop", (lua_Integer)b);
}

void vb_lua_quote(lua_State *L, const char *s, const vb_quotes *qs, const vb_quote *q, vb_buf *tmp) {
  lua_createtable(L, 0, 8);
  vb_lua_setspan(L, q->start, q->end);
  tmp->n = 0;
  vb_quote_text(s, qs, q, tmp);
  lua_pushlstring(L, tmp->p ? tmp->p : "", tmp->n);
  lua_setfield(L, -2, "text");
  lua_pushstring(L, vb_kind_names[q->kind]);
  lua_setfield(L, -2, "kind");
  vb_lua_setint(L, "line", q->line);
  vb_lua_setint(L, "col", q->col);
  if (q->nparts > 1) {
    lua_createtable(L, (int)q->nparts, 0);
    for (size_t k = 0; k < q->nparts; k++) {
      const vb_part *p = &qs->parts.v[q->part0 + k];
      lua_createtable(L, 0, 2);
      vb_lua_setspan(L, p->start, p->end);
      lua_rawseti(L, -2, (int)k + 1);
    }
    lua_setfield(L, -2, "parts");
  }
}

void vb_lua_diags(lua_State *L, const vb_quotes *qs) {
  lua_createtable(L, (int)qs->diag.n, 0);
  for (size_t i = 0; i < qs->diag.n; i++) {
    lua_createtable(L, 0, 4);
    vb_lua_setint(L, "pos", (lua_Integer)qs->diag.v[i].off + 1);
    vb_lua_setint(L, "line", qs->diag.v[i].line);
    vb_lua_setint(L, "col", qs->diag.v[i].col);
    lua_pushstring(L, qs->diag.v[i].msg);
    lua_setfield(L, -2, "message");
    lua_rawseti(L, -2, (int)i + 1);
  }
}

/* A name, role or organisation: a line break inside it comes out as one space. */
void vb_lua_setname(lua_State *L, const char *s, vb_span sp, const char *field, vb_buf *tmp) {
  size_t n;
  if (sp.start == VB_NONE) return;
  tmp->n = 0;
  if (vb_buf_reserve(tmp, sp.end - sp.start + 1)) vb_lua_nomem(L);
  n = vb_name_copy(tmp->p, s, sp);
  lua_pushlstring(L, tmp->p, n);
  lua_setfield(L, -2, field);
}

static void setspan_str(lua_State *L, const char *s, vb_span sp, const char *field) {
  if (sp.start == VB_NONE) return;
  lua_pushlstring(L, s + sp.start, sp.end - sp.start);
  lua_setfield(L, -2, field);
}

void vb_lua_attr(lua_State *L, const char *s, const vb_analysis *an, size_t i, vb_buf *tmp) {
  const vb_attr *at = &an->attr.v[i];
  if (at->mention.start != VB_NONE) {
    const vb_entity *E = at->entity >= 0 ? &an->ent.v[at->entity] : NULL;
    lua_createtable(L, 0, 6);
    vb_lua_setname(L, s, vb_speaker_name(an, i), "name", tmp);
    vb_lua_setspan(L, at->mention.start, at->mention.end);
    setspan_str(L, s, at->mention, "mention");
    if (E) {
      vb_lua_setname(L, s, E->role, "role", tmp);
      vb_lua_setname(L, s, E->org, "org", tmp);
      vb_lua_setname(L, s, E->org_long, "org_long", tmp);
    }
    lua_setfield(L, -2, "speaker");
  }
  if (at->cue.start != VB_NONE) {
    lua_createtable(L, 0, 3);
    setspan_str(L, s, at->cue, "text");
    vb_lua_setspan(L, at->cue.start, at->cue.end);
    lua_setfield(L, -2, "cue");
  }
  lua_pushnumber(L, at->confidence);
  lua_setfield(L, -2, "confidence");
  if (at->rule) {
    lua_pushstring(L, at->rule);
    lua_setfield(L, -2, "rule");
  }
}

/* opts.nested (boolean), opts.indirect (boolean; reported speech is read unless it is
 * false), opts.cues (array of PCRE2 patterns; one that does not compile is the caller's
 * error) */
void vb_lua_aopts(lua_State *L, int idx, vb_cues **cues, vb_aopts *o) {
  memset(o, 0, sizeof *o);
  if (lua_isnoneornil(L, idx)) return;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_getfield(L, idx, "nested");
  o->q.nested = lua_toboolean(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, idx, "indirect");
  if (!lua_isnil(L, -1) && !lua_isboolean(L, -1)) vb_lua_parterror(L, idx, "boolean", "opts.indirect");
  o->no_indirect = lua_isboolean(L, -1) && !lua_toboolean(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, idx, "cues");
  if (!lua_isnil(L, -1)) {
    size_t np, i;
    const char **pats;
    size_t *lens;
    char err[256];
    if (!lua_istable(L, -1)) vb_lua_parterror(L, idx, "table", "opts.cues");
    np = (size_t)vb_lua_rawlen(L, -1);
    if (np > 1000) luaL_argerror(L, idx, "opts.cues: at most 1000 patterns");
    /* scratch arrays as userdata: collected with everything else if an error unwinds */
    pats = lua_newuserdata(L, (np + 1) * sizeof *pats);
    lens = lua_newuserdata(L, (np + 1) * sizeof *lens);
    for (i = 0; i < np; i++) {
      lua_rawgeti(L, -3, (int)i + 1);
      if (lua_type(L, -1) != LUA_TSTRING) vb_lua_parterror(L, idx, "string", "opts.cues[%d]", (int)i + 1);
      pats[i] = lua_tolstring(L, -1, &lens[i]);   /* the string stays alive in opts.cues */
      lua_pop(L, 1);
    }
    *cues = vb_cues_new(pats, lens, np, err, sizeof err);
    if (!*cues) luaL_argerror(L, idx, err);
    o->cues = *cues;
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
}

static const char *const ekinds[] = {"person", "org", "group"};

void vb_lua_people(lua_State *L, const char *s, const vb_analysis *an, vb_buf *tmp) {
  lua_createtable(L, (int)an->src.n, 0);
  for (size_t k = 0; k < an->src.n; k++) {
    const vb_source *src = &an->src.v[k];
    const vb_entity *E = &an->ent.v[src->entity];
    lua_createtable(L, 0, 10);
    vb_lua_setname(L, s, E->name, "name", tmp);
    vb_lua_setname(L, s, E->role, "role", tmp);
    vb_lua_setname(L, s, E->org, "org", tmp);
    vb_lua_setname(L, s, E->org_long, "org_long", tmp);
    lua_pushstring(L, ekinds[E->kind]);
    lua_setfield(L, -2, "kind");
    lua_createtable(L, (int)src->nq, 0);
    for (size_t j = 0; j < src->nq; j++) {
      lua_pushinteger(L, (lua_Integer)an->srcq.v[src->q0 + j] + 1);
      lua_rawseti(L, -2, (int)j + 1);
    }
    lua_setfield(L, -2, "quotes");
    vb_lua_setint(L, "words", (lua_Integer)src->words);
    vb_lua_setint(L, "quoted", (lua_Integer)src->nq);
    vb_lua_setint(L, "paraphrased", (lua_Integer)src->np);
    lua_createtable(L, (int)src->np, 0);
    for (size_t j = 0; j < src->np; j++) {
      lua_pushinteger(L, (lua_Integer)an->srcq.v[src->p0 + j] + 1);
      lua_rawseti(L, -2, (int)j + 1);
    }
    lua_setfield(L, -2, "paraphrases");
    lua_rawseti(L, -2, (int)k + 1);
  }
  lua_setfield(L, -2, "sources");
  lua_createtable(L, (int)an->unattributed.n, 0);
  for (size_t j = 0; j < an->unattributed.n; j++) {
    lua_pushinteger(L, (lua_Integer)an->unattributed.v[j] + 1);
    lua_rawseti(L, -2, (int)j + 1);
  }
  lua_setfield(L, -2, "unattributed");
  vb_lua_diags(L, &an->qs);
  lua_setfield(L, -2, "diagnostics");
}
