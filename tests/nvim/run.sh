#!/bin/sh
# Neovim tests: each tests/nvim/test_*.lua runs in its own headless Neovim
# (nvim --headless -u NONE, this repository on 'runtimepath', the module built by
# `make nvim`); test_nocore.lua runs on copies of the plugin without core.so and
# with a core.so that does not load.
# Prints "nvim (VERSION): N passed, M failed"; exits non-zero on any failure.
# NVIM=PROGRAM (a name on PATH or an absolute path) runs them on another Neovim
# (make test-hosts: those of newer Debian releases).
cd "$(dirname "$0")/../.." || exit 1
root=$(pwd)
NVIM=${NVIM:-nvim}
if ! command -v "$NVIM" >/dev/null 2>&1; then echo "nvim: skipped (no $NVIM)"; exit 0; fi
ver=$("$NVIM" --version 2>/dev/null | sed -n '1s/^NVIM v//p')
if [ ! -f lua/verbatim/core.so ]; then echo "nvim: lua/verbatim/core.so missing: run make nvim" >&2; exit 1; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# the plugin as a user without a compiler would have it: no core.so
mkdir -p "$tmp/nocore"
cp -R plugin ftdetect lua doc tests "$tmp/nocore/" 2>/dev/null
rm -f "$tmp/nocore/lua/verbatim/core.so"
# and after a failed or foreign build: a core.so that does not load
cp -R "$tmp/nocore" "$tmp/broken"
echo "not a shared object" > "$tmp/broken/lua/verbatim/core.so"

pass=0 fail=0 done=
for t in tests/nvim/test_*.lua tests/nvim/test_nocore.lua; do
  vbroot=$root nocore=
  case $t in *test_nocore.lua) vbroot=$tmp/nocore nocore=1 ;; esac
  # test_nocore.lua runs twice: no core.so, then a broken one
  case " $done " in *" $t "*) vbroot=$tmp/broken nocore=broken ;; esac
  done="$done $t"
  out=$(cd "$tmp" && HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data \
    XDG_STATE_HOME=$tmp/state VB_ROOT=$vbroot VB_NOCORE=$nocore VB_TEST=$vbroot/$t \
    VB_BUILT=$root/lua/verbatim/core.so \
    timeout 120 "$NVIM" --headless -u NONE -i NONE -n \
    -c "luafile $root/tests/nvim/harness.lua" </dev/null 2>&1)
  printf '%s\n' "$out" | grep -v '^RESULT '
  res=$(printf '%s\n' "$out" | grep '^RESULT ' | tail -1)
  if [ -z "$res" ]; then
    echo "FAIL $t: Neovim did not finish the file" >&2
    fail=$((fail + 1))
    continue
  fi
  set -- $res
  pass=$((pass + $2)) fail=$((fail + $3))
done
echo "nvim${ver:+ ($ver)}: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
