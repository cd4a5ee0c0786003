/* lua_core.c: the Lua binding, `verbatim.core`. The only engine file that sees Lua.
 * Builds for Lua 5.4, 5.3 and LuaJIT (5.1 API) from the same source.
 *
 * Engine results are owned by a "box" userdata pushed before the engine runs: if a
 * Lua error (out of memory while building the result tables) unwinds the call, the
 * box's __gc frees what the engine allocated. */
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "lua_core.h"
#include "quotes.h"
#include "cli.h"
#include "version.h"

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

typedef struct qbox {
  vb_quotes qs;
  vb_buf tmp;
} qbox;

static int qbox_gc(lua_State *L) {
  qbox *b = luaL_checkudata(L, 1, "verbatim.qbox");
  vb_quotes_free(&b->qs);
  vb_buf_free(&b->tmp);
  return 0;
}

void *vb_lua_box(lua_State *L, size_t size, const char *mt, lua_CFunction gc) {
  void *p = lua_newuserdata(L, size);
  memset(p, 0, size);
  if (luaL_newmetatable(L, mt)) {
    lua_pushcfunction(L, gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return p;
}

/* opts.nested (boolean) */
static void qopts(lua_State *L, int idx, vb_qopts *o) {
  memset(o, 0, sizeof *o);
  if (lua_isnoneornil(L, idx)) return;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_getfield(L, idx, "nested");
  o->nested = lua_toboolean(L, -1);
  lua_pop(L, 1);
}

void vb_lua_quote(lua_State *L, const char *s, const vb_quotes *qs, const vb_quote *q, vb_buf *tmp) {
  lua_createtable(L, 0, 8);
  lua_pushinteger(L, (lua_Integer)q->start + 1);
  lua_setfield(L, -2, "start");
  lua_pushinteger(L, (lua_Integer)q->end);
  lua_setfield(L, -2, "stop");
  tmp->n = 0;
  vb_quote_text(s, qs, q, tmp);
  lua_pushlstring(L, tmp->p ? tmp->p : "", tmp->n);
  lua_setfield(L, -2, "text");
  lua_pushstring(L, vb_kind_names[q->kind]);
  lua_setfield(L, -2, "kind");
  lua_pushinteger(L, q->line);
  lua_setfield(L, -2, "line");
  lua_pushinteger(L, q->col);
  lua_setfield(L, -2, "col");
  if (q->nparts > 1) {
    lua_createtable(L, (int)q->nparts, 0);
    for (size_t k = 0; k < q->nparts; k++) {
      const vb_part *p = &qs->parts.v[q->part0 + k];
      lua_createtable(L, 0, 2);
      lua_pushinteger(L, (lua_Integer)p->start + 1);
      lua_setfield(L, -2, "start");
      lua_pushinteger(L, (lua_Integer)p->end);
      lua_setfield(L, -2, "stop");
      lua_rawseti(L, -2, (int)k + 1);
    }
    lua_setfield(L, -2, "parts");
  }
}

void vb_lua_diags(lua_State *L, const vb_quotes *qs) {
  lua_createtable(L, (int)qs->diag.n, 0);
  for (size_t i = 0; i < qs->diag.n; i++) {
    lua_createtable(L, 0, 4);
    lua_pushinteger(L, (lua_Integer)qs->diag.v[i].off + 1);
    lua_setfield(L, -2, "pos");
    lua_pushinteger(L, qs->diag.v[i].line);
    lua_setfield(L, -2, "line");
    lua_pushinteger(L, qs->diag.v[i].col);
    lua_setfield(L, -2, "col");
    lua_pushstring(L, qs->diag.v[i].msg);
    lua_setfield(L, -2, "message");
    lua_rawseti(L, -2, (int)i + 1);
  }
}

/* core.quotes(text [, opts]) -> array of quotes, diagnostics */
static int l_quotes(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  vb_qopts o;
  qbox *b;
  qopts(L, 2, &o);
  b = vb_lua_box(L, sizeof *b, "verbatim.qbox", qbox_gc);
  if (vb_quotes_find(s, n, &o, &b->qs)) return luaL_error(L, "verbatim: out of memory");
  lua_createtable(L, (int)b->qs.q.n, 0);
  for (size_t i = 0; i < b->qs.q.n; i++) {
    vb_lua_quote(L, s, &b->qs, &b->qs.q.v[i], &b->tmp);
    lua_rawseti(L, -2, (int)i + 1);
  }
  vb_lua_diags(L, &b->qs);
  /* done: give the memory back now rather than at the box's next collection */
  vb_quotes_free(&b->qs);
  vb_buf_free(&b->tmp);
  return 2;
}

static const luaL_Reg funcs[] = {
  {"quotes", l_quotes},
  {NULL, NULL},
};

int luaopen_verbatim_core(lua_State *L) {
  lua_newtable(L);
  vb_lua_setfuncs(L, funcs, 0);
  vb_lua_register_more(L);
  lua_pushstring(L, VB_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushstring(L, LUA_VERSION);
  lua_setfield(L, -2, "lua");
  {
    char pcre[32];
    const char *pv = vb_pcre2_version(pcre, sizeof pcre);
    if (pv) {
      lua_pushstring(L, pv);
      lua_setfield(L, -2, "pcre2");
    }
  }
  lua_pushstring(L, vb_utf8proc_version());
  lua_setfield(L, -2, "utf8proc");
  return 1;
}
