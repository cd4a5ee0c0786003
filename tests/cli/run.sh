#!/bin/sh
# CLI tests: run build/verbatim on fixtures in tests/ and compare with expectations.
VB=${1:-build/verbatim}
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

out=$("$VB" quotes tests/fixtures/tiny.txt) && [ "$out" = "tests/fixtures/tiny.txt:1:17: direct “The bridge opens in May.”" ] && ok || no "quotes line format: $out"
"$VB" quotes --json tests/fixtures/tiny.txt | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["quotes"][0]["start"]==16' && ok || no "quotes --json"
"$VB" quotes /nonexistent/file 2>/tmp/vb_err.$$; [ $? -eq 2 ] && grep -q '/nonexistent/file' /tmp/vb_err.$$ && ok || no "missing file exits 2 naming it"
rm -f /tmp/vb_err.$$
"$VB" --version | grep -q '^verbatim ' && ok || no "--version"
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
