/* lua_core.h: the functions of `verbatim.core`, one per Lua function, each defined in the
 * lua_*.c of its stage and listed once, in lua_core.c's registration table. */
#ifndef VB_LUA_CORE_H
#define VB_LUA_CORE_H
#include "lua.h"

int vb_l_quotes(lua_State *L);        /* lua_quotes.c */
int vb_l_analyze(lua_State *L);       /* lua_analyze.c */
int vb_l_check(lua_State *L);         /* lua_check.c */
int vb_l_index_open(lua_State *L);    /* lua_check.c */
int vb_l_index_build(lua_State *L);   /* lua_check.c */
int vb_l_config(lua_State *L);        /* lua_config.c */
int vb_l_prose(lua_State *L);         /* lua_markdown.c */

int luaopen_verbatim_core(lua_State *L);
#endif
