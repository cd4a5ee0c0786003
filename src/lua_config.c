/* lua_config.c: the binding of the project file. core.config([path]) -> the settings of
 * the .verbatim.yaml that governs path (a draft or a folder; default the working
 * directory), or nil when there is none; a path naming a .verbatim.yaml file reads that
 * file. The table has the file's own keys (check, index, cues, strict, strict-terms,
 * fail-on, borrowed, ...: config.h), only those it sets, paths resolved against its
 * folder, plus file = its path, dir = its folder and warnings = {"FILE:LINE:COL: ..."}.
 * A file that does not parse, or a value of the wrong type, is an operational failure
 * (vb_lua_fail): raised, or nil, message from verbatim.core.safe. */
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "config.h"
#include "lua_core.h"
#include "lua_util.h"

static void set_str(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

/* one key of the config into the table on top (a Lua error here leaves nothing behind:
 * vb_config_each holds no memory) */
static void set_key(void *ctx, const vb_cval *v) {
  lua_State *L = ctx;
  switch (v->kind) {
  case VB_CV_LIST:
    lua_createtable(L, (int)v->list->n, 0);
    for (size_t i = 0; i < v->list->n; i++) {
      lua_pushstring(L, v->list->v[i]);
      lua_rawseti(L, -2, (int)i + 1);
    }
    break;
  case VB_CV_BOOL: lua_pushboolean(L, (int)v->num); break;
  case VB_CV_NUM: lua_pushinteger(L, (lua_Integer)v->num); break;
  case VB_CV_STR: lua_pushstring(L, v->str); break;
  }
  lua_setfield(L, -2, v->key);
}

static void push_config(lua_State *L, const vb_config *c) {
  lua_newtable(L);
  set_str(L, "file", c->file);
  set_str(L, "dir", c->dir);
  vb_config_each(c, set_key, L);
  lua_createtable(L, (int)c->warnings.n, 0);
  for (size_t i = 0; i < c->warnings.n; i++) {
    lua_pushstring(L, c->warnings.v[i]);
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, "warnings");
}

int vb_l_config(lua_State *L) {
  const char *path = lua_isnoneornil(L, 1) ? "." : vb_lua_checkstring(L, 1, NULL);
  size_t pn = strlen(path), nn = strlen(VB_CONFIG_NAME);
  vb_buf file = {0}, err = {0};
  vb_config c;
  int rc;
  memset(&c, 0, sizeof c);
  if (pn >= nn && !strcmp(path + pn - nn, VB_CONFIG_NAME) && (pn == nn || path[pn - nn - 1] == '/'))
    vb_buf_adds(&file, path);
  else if (!vb_config_find(path, &file) && !file.oom) {
    vb_buf_free(&file);
    lua_pushnil(L);
    return 1;
  }
  if (file.oom) { vb_buf_free(&file); return vb_lua_nomem(L); }
  rc = vb_config_load(file.p, &c, &err);
  vb_buf_free(&file);
  if (rc) {
    /* the message is copied onto the stack before the buffers go, as vb_lua_fail may raise */
    lua_pushstring(L, err.oom || !err.p ? "out of memory" : err.p);
    vb_buf_free(&err);
    vb_config_free(&c);
    return vb_lua_fail(L, vb_lua_safe(L), "%s", lua_tostring(L, -1));
  }
  vb_buf_free(&err);
  push_config(L, &c);
  vb_config_free(&c);
  return 1;
}
