/* lua_util.h: what the binding's files (lua_*.c) share: Lua version shims, the box that
 * owns an engine result, and pushing quotes and diagnostics. Calls no other lua_*.c. */
#ifndef VB_LUA_UTIL_H
#define VB_LUA_UTIL_H
#include "lua.h"
#include "lauxlib.h"
#include "analyze.h"

#if LUA_VERSION_NUM < 502
void vb_lua_setfuncs(lua_State *L, const luaL_Reg *l, int nup);
#define vb_lua_rawlen(L, i) lua_objlen(L, i)
#else
#define vb_lua_setfuncs luaL_setfuncs
#define vb_lua_rawlen(L, i) lua_rawlen(L, i)
#endif

/* luaL_argexpected and luaL_typeerror of Lua 5.4, for 5.3 and LuaJIT:
 * "bad argument #arg to 'f' (tname expected, got TYPE)". */
#if LUA_VERSION_NUM < 504
int vb_lua_typeerror(lua_State *L, int arg, const char *tname);
#define luaL_argexpected(L, cond, arg, tname) ((void)((cond) || vb_lua_typeerror(L, (arg), (tname))))
#else
#define vb_lua_typeerror luaL_typeerror
#endif

/* Argument arg as a string, and its length in *n unless n is NULL: a string only (a
 * number is no text and no path), else an argument error. */
const char *vb_lua_checkstring(lua_State *L, int arg, size_t *n);

/* The text argument arg as the engine reads it, in *n its length: for opts.format =
 * "markdown" (opts at index opts: a table, or nil for text) a copy with its non-prose
 * bytes masked (markdown.h), else the string itself. Pushes exactly one value, which
 * holds the text for as long as it stays on the stack: the masked copy (a userdata, so
 * collected whatever error unwinds) or the string. A wrong format is an argument error. */
const char *vb_lua_text(lua_State *L, int arg, int opts, size_t *n);

/* The binding's error convention (README, "Lua"): a programmer's error (a wrong argument,
 * a closed index) raises an argument error, from verbatim.core and verbatim.core.safe
 * alike; so does running out of memory (vb_lua_nomem). An operational failure (a source
 * that cannot be read, an index that cannot be opened or built, a cue pattern that ran
 * away on this text) goes through vb_lua_fail: it raises "verbatim: MESSAGE" from
 * verbatim.core and returns nil, "verbatim: MESSAGE" from verbatim.core.safe. */

/* Raise "verbatim: out of memory" (at the caller's position). */
int vb_lua_nomem(lua_State *L);
/* An operational failure, MESSAGE formatted as lua_pushfstring does: raises, or (safe)
 * pushes nil and the message; return its result from the Lua function. */
int vb_lua_fail(lua_State *L, int safe, const char *fmt, ...);
/* Whether the running function is one of verbatim.core.safe (its upvalue 1). */
int vb_lua_safe(lua_State *L);
/* An argument error about a part of argument arg (an option, an array item) whose value
 * is on top of the stack: "bad argument #arg to 'f' (WHAT: tname expected, got TYPE)",
 * WHAT formatted from fmt as lua_pushfstring does. */
int vb_lua_parterror(lua_State *L, int arg, const char *tname, const char *fmt, ...);

/* A zeroed userdata of size bytes whose metatable mt (made on first use) has __gc = gc
 * and, unless methods is NULL, __index = a table of methods. */
void *vb_lua_box(lua_State *L, size_t size, const char *mt, lua_CFunction gc, const luaL_Reg *methods);
/* t[k] = v, for the table t on top of the stack. */
void vb_lua_setint(lua_State *L, const char *k, lua_Integer v);
/* t.start, t.stop = the Lua positions (1-based, inclusive) of the bytes [a, b). */
void vb_lua_setspan(lua_State *L, size_t a, size_t b);
/* Push one quote table ({start, stop, text, kind, line, col[, parts]}). */
void vb_lua_quote(lua_State *L, const char *s, const vb_quotes *qs, const vb_quote *q, vb_buf *tmp);
void vb_lua_diags(lua_State *L, const vb_quotes *qs);
/* Into the table on top: sources (the people and bodies quoted, as analyze() gives
 * them), unattributed and diagnostics of an analysis of s. */
void vb_lua_people(lua_State *L, const char *s, const vb_analysis *an, vb_buf *tmp);
/* t[field] = the name, role or organisation sp of s, white space folded (vb_name_copy);
 * nothing when sp is absent. tmp is scratch. */
void vb_lua_setname(lua_State *L, const char *s, vb_span sp, const char *field, vb_buf *tmp);
/* Quote i's attribution into the quote table on top of the stack: speaker = {name, start,
 * stop, mention, role, org, org_long}, cue = {text, start, stop} (each only when the text
 * gives one), confidence and rule. tmp is scratch. */
void vb_lua_attr(lua_State *L, const char *s, const vb_analysis *an, size_t i, vb_buf *tmp);
/* The analysis options at idx (nil: the defaults): opts.nested, opts.indirect (booleans)
 * and opts.cues (an array of PCRE2 patterns, compiled into *cues, which the caller owns
 * and frees with vb_cues_free, also when this raises later; a pattern that does not
 * compile is an argument error). */
void vb_lua_aopts(lua_State *L, int idx, vb_cues **cues, vb_aopts *o);
#endif
