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
# does not name, and the libraries the build links: PCRE2, utf8proc, libzip, expat,
# libyaml, jansson)
snippet=$(sed -n 's/^ *sudo apt-get install -y //p' "$ROOT/README.md")
deps=$(sed -n '/^pkgs="/,/"$/p' "$ROOT/tools/deps.sh" | tr -d '"' | sed 's/^pkgs=//')
missing=
for p in $snippet; do
  case " $(echo $deps) " in *" $p "*) ;; *) [ "$p" = gcc ] || [ "$p" = make ] || missing="$missing $p" ;; esac
done
# the -dev packages of the libraries the CLI links (read off make -n and dpkg -S where
# dpkg is there, so that a library added to the build must be added to the snippet too)
need="libpcre2-dev libutf8proc-dev libzip-dev libexpat1-dev libyaml-dev libjansson-dev pkg-config"
if command -v dpkg >/dev/null 2>&1; then
  for l in $(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -n -B -C "$ROOT" build/verbatim 2>/dev/null | grep -- '-o build/verbatim' \
             | grep -o -- ' -l[A-Za-z0-9_.+-]*' | sed 's/^ -l//' | sort -u); do
    case $l in m|c|dl|pthread|rt) continue ;; esac
    f=$(realpath -s "$(${CC:-cc} -print-file-name=lib$l.so)" 2>/dev/null)
    pkg=$(dpkg -S "$f" 2>/dev/null | head -n 1 | cut -d: -f1)
    if [ -n "$pkg" ]; then need="$need $pkg"; else missing="$missing (no package holds lib$l.so)"; fi
  done
fi
for p in $need; do
  case " $snippet " in *" $p "*) ;; *) missing="$missing (lacks $p)" ;; esac
done
[ -n "$snippet" ] && [ -z "$missing" ] && ok || no "build: the README's CI snippet and tools/deps.sh differ:$missing"

# the README's Homebrew line and the one tools/deps.sh prints on macOS name the same
# formulae, among them the libraries the build links (expat comes with macOS)
rb=$(sed -n 's/.*`brew install \([^`]*\)`.*/\1/p' "$ROOT/README.md" | head -n 1)
db=$(sed -n 's/.*brew install \([^(]*\) (and.*/\1/p' "$ROOT/tools/deps.sh" | head -n 1)
missing=
for p in pcre2 utf8proc libzip libyaml jansson lua luajit pkg-config; do
  case " $rb " in *" $p "*) ;; *) missing="$missing README:$p" ;; esac
  case " $db " in *" $p "*) ;; *) missing="$missing deps.sh:$p" ;; esac
done
[ -n "$rb" ] && [ -n "$db" ] && [ -z "$missing" ] && ok || no "build: the Homebrew formulae lack:$missing"
