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
  const char *s;
  lua_settop(L, 2);
  if (!lua_isnil(L, 2) && lua_type(L, 2) != LUA_TSTRING) return vb_lua_typeerror(L, 2, "string");
  lua_createtable(L, 0, 1);                        /* 3: opts for vb_lua_text */
  if (lua_isnil(L, 2)) lua_pushliteral(L, "markdown");
  else lua_pushvalue(L, 2);
  lua_setfield(L, 3, "format");
  s = vb_lua_text(L, 1, 3, &n);
  lua_pushlstring(L, s, n);
  return 1;
}
