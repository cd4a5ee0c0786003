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
#include "format.h"
#include "lua_core.h"
#include "lua_util.h"

static void set_list(lua_State *L, const char *k, const vb_paths *v) {
  if (!v->n) return;
  lua_createtable(L, (int)v->n, 0);
  for (size_t i = 0; i < v->n; i++) {
    lua_pushstring(L, v->v[i]);
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, k);
}

static void set_bool(lua_State *L, const char *k, int v) {
  if (v < 0) return;
  lua_pushboolean(L, v);
  lua_setfield(L, -2, k);
}

static void set_str(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static void push_config(lua_State *L, const vb_config *c) {
  lua_newtable(L);
  set_str(L, "file", c->file);
  set_str(L, "dir", c->dir);
  set_list(L, "check", &c->check);
  set_list(L, "index", &c->index);
  set_list(L, "cues", &c->cues);
  set_list(L, "fail-on", &c->fail_on);
  set_bool(L, "strict", c->strict);
  set_bool(L, "strict-terms", c->strict_terms);
  set_bool(L, "indirect", c->indirect);
  set_bool(L, "nested", c->nested);
  set_bool(L, "annotate", c->annotate);
  if (c->borrowed >= 0) vb_lua_setint(L, "borrowed", c->borrowed);
  if (c->debounce >= 0) vb_lua_setint(L, "debounce", c->debounce);
  if (c->max_size >= 0) vb_lua_setint(L, "max-size", (lua_Integer)c->max_size);
  if (c->sources_section) {
    if (!strcmp(c->sources_section, "true") || !strcmp(c->sources_section, "false"))
      set_bool(L, "sources-section", c->sources_section[0] == 't');
    else set_str(L, "sources-section", c->sources_section);
  }
  set_str(L, "report", c->report);
  set_str(L, "engine", c->engine);
  set_str(L, "cli", c->cli);
  if (c->format >= 0) set_str(L, "format", vb_format_names[c->format]);
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
