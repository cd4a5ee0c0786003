/* lua_quotes.c: core.quotes(text [, opts]), the quotes of a text and its diagnostics.
 * The engine's result is owned by a "box" userdata pushed before the engine runs: if a
 * Lua error (out of memory while building the result tables) unwinds the call, the
 * box's __gc frees what the engine allocated. */
#include <string.h>
#include "lua_util.h"
#include "lua_core.h"

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

/* opts.nested (boolean); opts.format is read by vb_lua_text */
static void qopts(lua_State *L, int idx, vb_qopts *o) {
  memset(o, 0, sizeof *o);
  if (lua_isnoneornil(L, idx)) return;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_getfield(L, idx, "nested");
  o->nested = lua_toboolean(L, -1);
  lua_pop(L, 1);
}

/* core.quotes(text [, opts]) -> array of quotes, diagnostics. Raises on wrong arguments
 * and on running out of memory; nothing else can fail. */
int vb_l_quotes(lua_State *L) {
  size_t n;
  const char *s;
  vb_qopts o;
  qbox *b;
  vb_lua_checkstring(L, 1, NULL);
  lua_settop(L, 2);                                /* opts at 2, the text read at 3, the box at 4 */
  qopts(L, 2, &o);
  s = vb_lua_text(L, 1, 2, &n);
  b = vb_lua_box(L, sizeof *b, "verbatim.qbox", qbox_gc, NULL);
  if (vb_quotes_find(s, n, &o, &b->qs)) return vb_lua_nomem(L);
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
