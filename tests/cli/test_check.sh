# `verbatim check` and `verbatim index` (sourced by tests/cli/run.sh); fixtures in
# tests/fixtures/check: sources/ (a hearing transcript and, one folder down, a report)
CK=$ROOT/tests/fixtures/check

# -- a publishing gate: 0 when every quote is verbatim or faithful, 1 otherwise, 2 errors
run check --source "$CK/sources" "$CK/clean.txt"
expect_rc 0 "check: a clean draft exits 0"
expect_grep "^$CK/clean.txt:1:11: verbatim “The bridge.*hearing.txt:10:10 \(MS. LEE\)\$" "check: verbatim line"

run check --source "$CK/sources" "$CK/draft.txt"
expect_rc 1 "check: an altered quote exits 1"
expect_grep "^$CK/draft.txt:3:17: altered .*hearing.txt:10:10 \(MS. LEE\)\$" "check: altered line with place and speaker"
expect_grep '\[-next-\] \{\+this\+\}' "check: the diff of the altered quote"
expect_grep "^$CK/draft.txt:5:12: faithful " "check: an ellipsis is faithful"
expect_grep "^$CK/draft.txt:7:23: faithful .*more/report.txt:4:44\$" "check: a bracket is faithful, folders are recursive"
expect_grep "^$CK/draft.txt:9:1: not_found " "check: an unknown quote is not found"

# -- JSON: the quotes object with a check in every quote
run check --json --source "$CK/sources" "$CK/draft.txt"
expect_rc 1 "check --json exits 1 too"
expect_json '[q["check"]["verdict"] for q in d["quotes"]] == ["verbatim", "altered", "faithful", "faithful", "not_found"]' "check --json verdicts"
expect_json 'open(d["quotes"][0]["check"]["source"]["file"], "rb").read()[d["quotes"][0]["check"]["source"]["start"]:d["quotes"][0]["check"]["source"]["end"]].decode().startswith("Thirty days")' "check --json source bytes"
expect_json 'd["quotes"][0]["check"]["source"]["line"] == 5 and d["quotes"][0]["check"]["source"]["col"] == 13 and d["quotes"][0]["check"]["source"]["speaker"] == "MR. OKAFOR"' "check --json line, col, speaker"
expect_json '{"op": "-", "text": "next"} in d["quotes"][1]["check"]["diff"] and {"op": "+", "text": "this"} in d["quotes"][1]["check"]["diff"]' "check --json diff"
expect_json 'd["quotes"][4]["check"]["source"] is None and d["quotes"][4]["start"] > 0' "check --json not_found has no source"

# -- prose that copies a source without quotation marks
run check --borrowed --source "$CK/sources" "$CK/borrowed.txt"
expect_rc 1 "check --borrowed exits 1 on a borrowed run"
expect_grep "borrowed 1[0-9] words without quotation marks .*report.txt:3:1\$" "check --borrowed line"
run check --borrowed=40 --source "$CK/sources" "$CK/borrowed.txt"
expect_rc 0 "check --borrowed=40: the run is shorter"

# -- errors
run check --source /nonexistent "$CK/draft.txt"
expect_rc 2 "check: a missing source exits 2"
expect_err "/nonexistent" "check: the missing source is named"
run check "$CK/draft.txt"
expect_rc 2 "check: no source exits 2"
run check --index "$CK/draft.txt" "$CK/draft.txt"
expect_rc 2 "check: a file that is no index exits 2"
expect_err "not a verbatim index" "check: says it is no index"
run check --borrowed=x --source "$CK/sources" "$CK/draft.txt"
expect_rc 2 "check: a bad --borrowed exits 2"

# -- the index: build, check through it, append
run index --output "$TMP/idx" "$CK/sources"
expect_rc 0 "index builds"
expect_err "indexed 2 files" "index counts its files"
run check --index "$TMP/idx" "$CK/clean.txt"
expect_rc 0 "check --index: a clean draft exits 0"
run check --json --index "$TMP/idx" "$CK/draft.txt"
expect_rc 1 "check --index: altered exits 1"
expect_json '[q["check"]["verdict"] for q in d["quotes"]] == ["verbatim", "altered", "faithful", "faithful", "not_found"]' "check --index verdicts"
run index --append --output "$TMP/idx" "$CK/sources"
expect_err "indexed 0 files" "index --append skips unchanged files"
cp "$CK/clean.txt" "$TMP/new.txt"
run index --append --output "$TMP/idx" "$TMP/new.txt"
expect_err "indexed 1 files" "index --append adds a new file"
run index
expect_rc 2 "index without --output exits 2"

# -- an indexed file that changed is still read back, with a warning
mkdir "$TMP/moved" && cp -r "$CK/sources/." "$TMP/moved/"
run index --output "$TMP/idx2" "$TMP/moved"
{ echo "A line added at the top."; cat "$CK/sources/hearing.txt"; } > "$TMP/moved/hearing.txt"
run check --index "$TMP/idx2" "$CK/clean.txt"
expect_rc 0 "check --index: a changed file still checks"
expect_grep "hearing.txt:11:10 \(MS. LEE\)\$" "check --index: the changed file's new line"
expect_err "changed since they were indexed" "check --index: warns about the changed file"
