#!/bin/sh
# tests/link/run.sh HOST_SO MODULE...: each verbatim.core keeps its utf8proc to itself (see
# MODULE_UTF8PROC in the Makefile): it exports no utf8proc symbol, and with HOST_SO (a
# utf8proc_version of another "host") preloaded, core.utf8proc still names the module's copy.
# Prints "link: N passed, M failed"; exits non-zero on any failure.
host=$1; shift
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
for so in "$@"; do
  tag=$(basename "$(dirname "$(dirname "$so")")")   # build/<tag>/verbatim/core.so
  lua=$tag
  exp=$(nm -D --defined-only "$so" | awk '$3 ~ /^utf8proc_/ { print $3 }' | head -n 3)
  [ -z "$exp" ] && ok || no "$so exports $exp"
  ldd "$so" | grep -q libutf8proc && no "$so loads the shared libutf8proc" || ok
  get='local c = require("verbatim.core"); io.write(c.utf8proc)'
  own=$(LUA_CPATH="$(dirname "$(dirname "$so")")/?.so" "$lua" -e "$get" 2>&1)
  got=$(LD_PRELOAD=$host LUA_CPATH="$(dirname "$(dirname "$so")")/?.so" "$lua" -e "$get" 2>&1)
  case $own in [0-9]*.[0-9]*) ok ;; *) no "$tag: core.utf8proc is '$own'" ;; esac
  [ "$got" = "$own" ] && ok || no "$tag: with the host's utf8proc preloaded the module reports '$got', not its own '$own'"
done
echo "link: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
