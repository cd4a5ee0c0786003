/* lua_analyze.c: core.analyze(text [, opts]), quotes with their speakers and the sources.
 * The analysis and any compiled cue patterns live in a box userdata so that a Lua error
 * while the result is built (out of memory) still frees them. */
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "lua_util.h"
#include "lua_core.h"
#include "analyze.h"

typedef struct abox {
  vb_analysis an;
  vb_cues *cues;
  vb_buf tmp;
} abox;

static void abox_clear(abox *b) {
  vb_analysis_free(&b->an);
  vb_cues_free(b->cues);
  b->cues = NULL;
  vb_buf_free(&b->tmp);
}

static int abox_gc(lua_State *L) {
  abox_clear(luaL_checkudata(L, 1, "verbatim.abox"));
  return 0;
}


/* core.analyze(text [, opts]) -> {quotes=, sources=, unattributed=, diagnostics=}.
 * Raises on wrong arguments (a cue pattern that does not compile included) and on
 * running out of memory; a cue pattern that exceeds PCRE2's match limit on this text
 * is a failure (vb_lua_fail: raised, or nil and the message from core.safe). */
int vb_l_analyze(lua_State *L) {
  size_t n;
  const char *s;
  vb_aopts o;
  abox *b;
  const vb_analysis *an;
  vb_lua_checkstring(L, 1, NULL);
  lua_settop(L, 2);                                /* opts at 2 (or nil), the box at 3, the text read at 4 */
  b = vb_lua_box(L, sizeof *b, "verbatim.abox", abox_gc, NULL);
  an = &b->an;
  vb_lua_aopts(L, 2, &b->cues, &o);
  s = vb_lua_text(L, 1, 2, &n);                    /* opts.format */
  {
    int rc = vb_analyze(s, n, &o, &b->an);
    /* below -1: that user pattern (counted from 1, as in its compile errors) ran away */
    if (rc < -1) return vb_lua_fail(L, vb_lua_safe(L), "cue pattern %d: match limit exceeded", -rc - 1);
    if (rc) return vb_lua_nomem(L);
  }
  lua_createtable(L, 0, 4);
  lua_createtable(L, (int)an->qs.q.n, 0);
  for (size_t i = 0; i < an->qs.q.n; i++) {
    vb_lua_quote(L, s, &an->qs, &an->qs.q.v[i], &b->tmp);
    vb_lua_attr(L, s, an, i, &b->tmp);
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, "quotes");
  vb_lua_people(L, s, an, &b->tmp);
  abox_clear(b);   /* give the memory back now, not at the box's collection */
  return 1;
}
