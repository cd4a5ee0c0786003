# What the Makefile does on other systems, read from `make -n` (sourced by tests/cli/run.sh):
# on macOS (Darwin) the Lua module is a bundle whose Lua symbols the interpreter gives it.
if command -v make >/dev/null 2>&1; then
  env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -n -B -C "$ROOT" BUILD=build UNAME_S=Darwin LUA=5.4 build/lua5.4/verbatim/core.so >"$OUT" 2>"$ERR"
  expect_grep "-bundle -undefined dynamic_lookup .*-o [^ ]*build/lua5.4/verbatim/core.so" "build: Darwin links the module as a bundle"
  if grep -q "exclude-libs" "$OUT"; then no "build: Darwin's linker has no --exclude-libs"; else ok; fi
  env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -n -B -C "$ROOT" BUILD=build UNAME_S=Linux LUA=5.4 build/lua5.4/verbatim/core.so >"$OUT" 2>"$ERR"
  expect_grep "^[^ ]* -shared .*-o [^ ]*build/lua5.4/verbatim/core.so" "build: elsewhere a shared object"
  env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -n -B -C "$ROOT" BUILD=build UNAME_S=Darwin LIBFLAG="-bundle -undefined dynamic_lookup -all_load" LUA=5.4 build/lua5.4/verbatim/core.so >"$OUT" 2>"$ERR"
  expect_grep "-all_load" "build: LuaRocks' LIBFLAG wins"
fi
