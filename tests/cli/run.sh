#!/bin/sh
# CLI tests: sh tests/cli/run.sh [build/verbatim]
# Runs every tests/cli/test_*.sh (one file per command, so stages add theirs without
# touching this one) with the helpers below, then prints "cli: N passed, M failed".
#
#   run ARGS...            run verbatim; stdout in $OUT, stderr in $ERR, exit status in $RC
#   run_in FILE ARGS...    the same with FILE as stdin
#   expect_rc N NAME       the last run exited with N (and printed no sanitizer report)
#   expect_out TEXT NAME   its stdout is exactly TEXT (trailing newlines ignored)
#   expect_grep RE NAME    its stdout has a line matching RE (grep -E)
#   expect_err RE NAME     its stderr has a line matching RE (grep -E)
#   expect_json PY NAME    its stdout is one JSON document and the Python expression PY,
#                          with the document bound to d, is true
# Temporary files go in $TMP (removed at exit); fixtures are in tests/cli/fixtures ($FX);
# $ROOT is the top of the repository.
VB=${1:-build/verbatim}
case $VB in /*) ;; *) VB=$(pwd)/$VB ;; esac
FX=$(cd "$(dirname "$0")" && pwd)/fixtures
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/vb-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
OUT=$TMP/out ERR=$TMP/err RC=0
pass=0 fail=0

ok() { pass=$((pass + 1)); }
no() {
  fail=$((fail + 1))
  echo "FAIL: $1" >&2
  if [ -s "$ERR" ]; then sed 's/^/  stderr: /' "$ERR" | head -n 5 >&2; fi
}
run() { RC=0; "$VB" "$@" >"$OUT" 2>"$ERR" </dev/null || RC=$?; }
run_in() { f=$1; shift; RC=0; "$VB" "$@" >"$OUT" 2>"$ERR" <"$f" || RC=$?; }
# a sanitizer report fails the test whatever the exit status (check-asan runs these tests)
clean_err() { ! grep -Eq 'Sanitizer|runtime error:' "$ERR"; }
expect_rc() { if [ "$RC" -eq "$1" ] && clean_err; then ok; else no "$2 (exit $RC, expected $1)"; fi; }
expect_out() {
  if [ "$(cat "$OUT")" = "$1" ]; then ok; else
    no "$2: stdout differs"; printf '  expected: %s\n  got:      %s\n' "$1" "$(head -c 400 "$OUT")" >&2; fi
}
expect_grep() { if grep -Eq -- "$1" "$OUT"; then ok; else no "$2: no stdout line matches $1"; fi; }
expect_err() { if grep -Eq -- "$1" "$ERR"; then ok; else no "$2: no stderr line matches $1"; fi; }
expect_json() {
  if python3 -c 'import json, sys
d = json.loads(open(sys.argv[1], encoding="utf-8").read())
sys.exit(0 if eval(sys.argv[2]) else 1)' "$OUT" "$1" 2>"$TMP/py"; then ok; else
    no "$2: JSON check failed: $1"; head -n 3 "$TMP/py" >&2; fi
}

if [ ! -x "$VB" ]; then echo "cli: $VB not built" >&2; exit 1; fi
command -v python3 >/dev/null || { echo "cli: python3 is needed (make deps)" >&2; exit 1; }
for t in "$(dirname "$0")"/test_*.sh; do
  [ -f "$t" ] || continue
  . "$t"
done
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
