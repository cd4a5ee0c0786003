/* lua_core.h: shared pieces of the binding (lua_*.c only). */
#ifndef VB_LUA_CORE_H
#define VB_LUA_CORE_H
#include "lua.h"
#include "lauxlib.h"
#include "quotes.h"

#if LUA_VERSION_NUM < 502
void vb_lua_setfuncs(lua_State *L, const luaL_Reg *l, int nup);
#else
#define vb_lua_setfuncs luaL_setfuncs
#endif

/* A zeroed userdata of size bytes whose metatable mt has __gc = gc. */
void *vb_lua_box(lua_State *L, size_t size, const char *mt, lua_CFunction gc);
/* Push one quote table ({start, stop, text, kind, line, col[, parts]}). */
void vb_lua_quote(lua_State *L, const char *s, const vb_quotes *qs, const vb_quote *q, vb_buf *tmp);
void vb_lua_diags(lua_State *L, const vb_quotes *qs);
/* Functions added by later stages (analysis, checking): each adds to the table on top. */
void vb_lua_register_more(lua_State *L);

int luaopen_verbatim_core(lua_State *L);
#endif
