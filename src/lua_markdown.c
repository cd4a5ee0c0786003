/* lua_markdown.c: core.prose(text [, format]), the text with what is not prose masked
 * (markdown.h): the bytes the other functions read under opts.format. */
#include <string.h>
#include "lua_util.h"
#include "lua_core.h"
#include "markdown.h"

/* core.prose(text [, format]) -> string of the same length. format: "markdown" (the
 * default) or "text" (the text as it is). Raises on wrong arguments and out of memory. */
int vb_l_prose(lua_State *L) {
  size_t n;
  const char *s = vb_lua_checkstring(L, 1, &n);
  int f = VB_FMT_MARKDOWN;
  char *copy;
  if (!lua_isnoneornil(L, 2)) {
    f = lua_type(L, 2) == LUA_TSTRING ? vb_format_parse(lua_tostring(L, 2)) : -1;
    if (f < 0) return luaL_argerror(L, 2, "format: 'text' or 'markdown' expected");
  }
  copy = lua_newuserdata(L, n ? n : 1);            /* collected whatever unwinds */
  memcpy(copy, s, n);
  if (vb_prose((vb_format)f, copy, n)) return vb_lua_nomem(L);
  lua_pushlstring(L, copy, n);
  return 1;
}
