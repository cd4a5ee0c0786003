/* lua_core.c: the Lua binding, `verbatim.core`: its registration table and library
 * fields. The functions live in the lua_*.c of their stage (lua_quotes.c, lua_analyze.c,
 * lua_check.c) over the helpers of lua_util.c; these are the only files that see Lua.
 * The table is registered twice: as verbatim.core, whose functions raise on every error,
 * and as verbatim.core.safe, whose functions return nil and a message when an operation
 * fails (an unreadable source, a corrupt index), as lua-cjson's cjson.safe does;
 * lua_util.h draws the line between the two kinds of error.
 * Builds for Lua 5.4, 5.3 and LuaJIT (5.1 API) from the same source. */
#include "lua.h"
#include "lauxlib.h"
#include "lua_core.h"
#include "lua_util.h"
#include "version.h"

static const luaL_Reg funcs[] = {
  {"quotes", vb_l_quotes},
  {"analyze", vb_l_analyze},
  {"check", vb_l_check},
  {"index_open", vb_l_index_open},
  {"index_build", vb_l_index_build},
  {"config", vb_l_config},
  {"prose", vb_l_prose},
  {NULL, NULL},
};

int luaopen_verbatim_core(lua_State *L) {
  lua_newtable(L);
  lua_pushboolean(L, 0);                          /* upvalue 1: safe (see lua_util.h) */
  vb_lua_setfuncs(L, funcs, 1);
  lua_newtable(L);                                /* core.safe: failures return nil, message */
  lua_pushboolean(L, 1);
  vb_lua_setfuncs(L, funcs, 1);
  lua_setfield(L, -2, "safe");
  lua_pushstring(L, VB_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushstring(L, "verbatim " VB_VERSION);      /* as Lua's own _VERSION, "Lua 5.4" */
  lua_setfield(L, -2, "_VERSION");
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
