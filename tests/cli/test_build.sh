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

# the README's CI snippet installs what tools/deps.sh lists for building (no package it
# does not name, and the libraries the build links: PCRE2, utf8proc, libzip, expat)
snippet=$(sed -n 's/^ *sudo apt-get install -y //p' "$ROOT/README.md")
deps=$(sed -n '/^pkgs="/,/"$/p' "$ROOT/tools/deps.sh" | tr -d '"' | sed 's/^pkgs=//')
missing=
for p in $snippet; do
  case " $(echo $deps) " in *" $p "*) ;; *) [ "$p" = gcc ] || [ "$p" = make ] || missing="$missing $p" ;; esac
done
for p in libpcre2-dev libutf8proc-dev libzip-dev libexpat1-dev pkg-config; do
  case " $snippet " in *" $p "*) ;; *) missing="$missing (lacks $p)" ;; esac
done
[ -n "$snippet" ] && [ -z "$missing" ] && ok || no "build: the README's CI snippet and tools/deps.sh differ:$missing"
