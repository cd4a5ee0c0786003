/* lua_more.c: hook where the later stages register their Lua functions. */
#include "lua_core.h"

void vb_lua_register_analyze(lua_State *L);   /* lua_analyze.c */
void vb_lua_register_check(lua_State *L);     /* lua_check.c */

void vb_lua_register_more(lua_State *L) {
  vb_lua_register_analyze(L);
  vb_lua_register_check(L);
}
