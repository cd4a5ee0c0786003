/* lua_util.h: what the binding's files (lua_*.c) share: Lua version shims, the box that
 * owns an engine result, and pushing quotes and diagnostics. Calls no other lua_*.c. */
#ifndef VB_LUA_UTIL_H
#define VB_LUA_UTIL_H
#include "lua.h"
#include "lauxlib.h"
#include "quotes.h"

#if LUA_VERSION_NUM < 502
void vb_lua_setfuncs(lua_State *L, const luaL_Reg *l, int nup);
#else
#define vb_lua_setfuncs luaL_setfuncs
#endif

/* A zeroed userdata of size bytes whose metatable mt (made on first use) has __gc = gc
 * and, unless methods is NULL, __index = a table of methods. */
void *vb_lua_box(lua_State *L, size_t size, const char *mt, lua_CFunction gc, const luaL_Reg *methods);
/* Push one quote table ({start, stop, text, kind, line, col[, parts]}). */
void vb_lua_quote(lua_State *L, const char *s, const vb_quotes *qs, const vb_quote *q, vb_buf *tmp);
void vb_lua_diags(lua_State *L, const vb_quotes *qs);
#endif
