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
# check and index (tests/fixtures/check)
CK=tests/fixtures/check
"$VB" check --source $CK/sources $CK/clean.txt >/dev/null; [ $? -eq 0 ] && ok || no "check: a clean draft exits 0"
out=$("$VB" check --source $CK/sources $CK/draft.txt); rc=$?
[ $rc -eq 1 ] && ok || no "check: an altered quote exits 1 (got $rc)"
echo "$out" | grep -q "^$CK/draft.txt:3:17: altered .*hearing.txt:10:10 (MS. LEE)$" && ok || no "check: altered line: $out"
echo "$out" | grep -q '\[-next-\] {+this+}' && ok || no "check: diff of the altered quote"
echo "$out" | grep -q "^$CK/draft.txt:5:.*faithful" && ok || no "check: ellipsis is faithful"
echo "$out" | grep -q "^$CK/draft.txt:9:1: not_found" && ok || no "check: unknown quote not found"
"$VB" check --json --source $CK/sources $CK/draft.txt | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = [q["check"] for q in d["quotes"]]
assert [x["verdict"] for x in c] == ["verbatim", "altered", "faithful", "faithful", "not_found"], c
s = c[0]["source"]
src = open("tests/fixtures/check/sources/hearing.txt", "rb").read()
assert src[s["start"]:s["end"]].decode().startswith("Thirty days"), s
assert s["speaker"] == "MR. OKAFOR" and s["line"] == 5 and s["col"] == 13, s
assert {"op": "-", "text": "next"} in c[1]["diff"] and {"op": "+", "text": "this"} in c[1]["diff"], c[1]
assert c[4]["source"] is None
' && ok || no "check --json"
"$VB" check --borrowed --source $CK/sources $CK/borrowed.txt | grep -q "borrowed 1[0-9] words" && ok || no "check --borrowed"
"$VB" check --source /nonexistent $CK/draft.txt 2>/dev/null; [ $? -eq 2 ] && ok || no "check: missing source exits 2"
"$VB" check $CK/draft.txt 2>/dev/null; [ $? -eq 2 ] && ok || no "check: no source exits 2"
"$VB" check --index $CK/draft.txt $CK/draft.txt 2>/dev/null; [ $? -eq 2 ] && ok || no "check: a non-index exits 2"
idx=$(mktemp -d)
"$VB" index --output $idx/i $CK/sources 2>/dev/null && ok || no "index builds"
"$VB" check --index $idx/i $CK/clean.txt >/dev/null && ok || no "check --index: clean draft"
out=$("$VB" check --index $idx/i $CK/draft.txt); [ $? -eq 1 ] && echo "$out" | grep -q "altered" && ok || no "check --index: altered"
"$VB" index --append --output $idx/i $CK/sources 2>&1 | grep -q "indexed 0 files" && ok || no "index --append skips unchanged files"
"$VB" index 2>/dev/null; [ $? -eq 2 ] && ok || no "index without --output exits 2"
rm -rf "$idx"
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
