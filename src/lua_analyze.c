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

static void setspan_str(lua_State *L, const char *s, vb_span sp, const char *field) {
  if (sp.start == VB_NONE) return;
  lua_pushlstring(L, s + sp.start, sp.end - sp.start);
  lua_setfield(L, -2, field);
}

/* A name, role or organisation: a line break inside it comes out as one space. */
static void setname_str(lua_State *L, const char *s, vb_span sp, const char *field, vb_buf *tmp) {
  size_t n;
  if (sp.start == VB_NONE) return;
  tmp->n = 0;
  if (vb_buf_reserve(tmp, sp.end - sp.start + 1)) vb_lua_nomem(L);
  n = vb_name_copy(tmp->p, s, sp);
  lua_pushlstring(L, tmp->p, n);
  lua_setfield(L, -2, field);
}

/* opts.nested (boolean), opts.indirect (boolean), opts.cues (array of PCRE2 patterns; one
 * that does not compile is the caller's error); opts.format is read by vb_lua_text */
static void aopts(lua_State *L, int idx, abox *b, vb_aopts *o) {
  memset(o, 0, sizeof *o);
  if (lua_isnoneornil(L, idx)) return;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_getfield(L, idx, "nested");
  o->q.nested = lua_toboolean(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, idx, "indirect");
  o->indirect = lua_toboolean(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, idx, "cues");
  if (!lua_isnil(L, -1)) {
    size_t np, i;
    const char **pats;
    size_t *lens;
    char err[256];
    if (!lua_istable(L, -1)) vb_lua_parterror(L, idx, "table", "opts.cues");
    np = (size_t)vb_lua_rawlen(L, -1);
    if (np > 1000) luaL_argerror(L, idx, "opts.cues: at most 1000 patterns");
    /* scratch arrays as userdata: collected with everything else if an error unwinds */
    pats = lua_newuserdata(L, (np + 1) * sizeof *pats);
    lens = lua_newuserdata(L, (np + 1) * sizeof *lens);
    for (i = 0; i < np; i++) {
      lua_rawgeti(L, -3, (int)i + 1);
      if (lua_type(L, -1) != LUA_TSTRING) vb_lua_parterror(L, idx, "string", "opts.cues[%d]", (int)i + 1);
      pats[i] = lua_tolstring(L, -1, &lens[i]);   /* the string stays alive in opts.cues */
      lua_pop(L, 1);
    }
    b->cues = vb_cues_new(pats, lens, np, err, sizeof err);
    if (!b->cues) luaL_argerror(L, idx, err);
    o->cues = b->cues;
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
}

static void push_quote(lua_State *L, const char *s, abox *b, size_t i) {
  const vb_analysis *an = &b->an;
  const vb_attr *at = &an->attr.v[i];
  vb_lua_quote(L, s, &an->qs, &an->qs.q.v[i], &b->tmp);
  if (at->mention.start != VB_NONE) {
    const vb_entity *E = at->entity >= 0 ? &an->ent.v[at->entity] : NULL;
    lua_createtable(L, 0, 6);
    setname_str(L, s, vb_speaker_name(an, i), "name", &b->tmp);
    vb_lua_setspan(L, at->mention.start, at->mention.end);
    setspan_str(L, s, at->mention, "mention");
    if (E) {
      setname_str(L, s, E->role, "role", &b->tmp);
      setname_str(L, s, E->org, "org", &b->tmp);
      setname_str(L, s, E->org_long, "org_long", &b->tmp);
    }
    lua_setfield(L, -2, "speaker");
  }
  if (at->cue.start != VB_NONE) {
    lua_createtable(L, 0, 3);
    setspan_str(L, s, at->cue, "text");
    vb_lua_setspan(L, at->cue.start, at->cue.end);
    lua_setfield(L, -2, "cue");
  }
  lua_pushnumber(L, at->confidence);
  lua_setfield(L, -2, "confidence");
  if (at->rule) {
    lua_pushstring(L, at->rule);
    lua_setfield(L, -2, "rule");
  }
}

static const char *const ekinds[] = {"person", "org", "group"};

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
  aopts(L, 2, b, &o);
  s = vb_lua_text(L, 1, 2, &n);
  {
    int rc = vb_analyze(s, n, &o, &b->an);
    /* below -1: that user pattern (counted from 1, as in its compile errors) ran away */
    if (rc < -1) return vb_lua_fail(L, vb_lua_safe(L), "cue pattern %d: match limit exceeded", -rc - 1);
    if (rc) return vb_lua_nomem(L);
  }
  lua_createtable(L, 0, 4);
  lua_createtable(L, (int)an->qs.q.n, 0);
  for (size_t i = 0; i < an->qs.q.n; i++) {
    push_quote(L, s, b, i);
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, "quotes");
  lua_createtable(L, (int)an->src.n, 0);
  for (size_t k = 0; k < an->src.n; k++) {
    const vb_source *src = &an->src.v[k];
    const vb_entity *E = &an->ent.v[src->entity];
    lua_createtable(L, 0, 7);
    setname_str(L, s, E->name, "name", &b->tmp);
    setname_str(L, s, E->role, "role", &b->tmp);
    setname_str(L, s, E->org, "org", &b->tmp);
    setname_str(L, s, E->org_long, "org_long", &b->tmp);
    lua_pushstring(L, ekinds[E->kind]);
    lua_setfield(L, -2, "kind");
    lua_createtable(L, (int)src->nq, 0);
    for (size_t j = 0; j < src->nq; j++) {
      lua_pushinteger(L, (lua_Integer)an->srcq.v[src->q0 + j] + 1);
      lua_rawseti(L, -2, (int)j + 1);
    }
    lua_setfield(L, -2, "quotes");
    vb_lua_setint(L, "words", (lua_Integer)src->words);
    lua_rawseti(L, -2, (int)k + 1);
  }
  lua_setfield(L, -2, "sources");
  lua_createtable(L, (int)an->unattributed.n, 0);
  for (size_t j = 0; j < an->unattributed.n; j++) {
    lua_pushinteger(L, (lua_Integer)an->unattributed.v[j] + 1);
    lua_rawseti(L, -2, (int)j + 1);
  }
  lua_setfield(L, -2, "unattributed");
  vb_lua_diags(L, &an->qs);
  lua_setfield(L, -2, "diagnostics");
  abox_clear(b);   /* give the memory back now, not at the box's collection */
  return 1;
}
