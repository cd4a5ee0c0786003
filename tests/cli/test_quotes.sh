# `verbatim quotes` and the options every command shares (sourced by tests/cli/run.sh)

# -- the quickfix line: FILE:LINE:COL: kind “text” — Speaker (cue)
run quotes "$FX/mayor.txt"
expect_rc 0 "quotes exits 0"
expect_out "$FX/mayor.txt:1:17: direct “The bridge opens in May.” — the mayor (Said)" "quotes line format"

# line and column count lines and bytes (ë and é are two bytes each)
run quotes "$FX/lines.txt"
expect_grep "^$FX/lines.txt:3:31: [a-z]+ “rents must fall”( — .*)?\$" "line and byte column"

# a long quote stays on one line, cut with an ellipsis
run quotes "$FX/long.txt"
expect_rc 0 "long quote exits 0"
if [ "$(wc -l <"$OUT")" -eq 1 ] && grep -Eq '…”( — .*)?$' "$OUT"; then ok; else no "long quote: one line ending in …”"; fi

# an unclosed mark is a warning in the same format, not an error
run quotes "$FX/open.txt"
expect_rc 0 "unclosed mark exits 0"
expect_grep "^$FX/open.txt:1:17: warning: " "unclosed mark warning"

# - reads stdin
run_in "$FX/mayor.txt" quotes -
expect_out "-:1:17: direct “The bridge opens in May.” — the mayor (Said)" "- reads stdin"

# -- after --, a name that starts with a dash is a file
cp "$FX/mayor.txt" "$TMP/-dash.txt"
(cd "$TMP" && "$VB" quotes -- -dash.txt) >"$OUT" 2>"$ERR" && RC=0 || RC=$?
expect_rc 0 "-- ends options"
expect_grep '^-dash.txt:1:17: ' "-- ends options: file listed"

# several files are listed in order
run quotes "$FX/mayor.txt" "$FX/lines.txt"
if [ "$(cut -d: -f1 "$OUT" | uniq | tr '\n' ' ')" = "$FX/mayor.txt $FX/lines.txt " ]; then ok; else no "several files in order"; fi

# -- JSON (contract: /work/shared/eval/README.md)
run quotes --json "$FX/mayor.txt"
expect_rc 0 "--json exits 0"
expect_json 'd["file"].endswith("mayor.txt") and len(d["quotes"]) == 1' "--json one object per file"
expect_json 'd["quotes"][0]["start"] == 16 and d["quotes"][0]["end"] == 46 and d["quotes"][0]["line"] == 1 and d["quotes"][0]["col"] == 17' "--json byte offsets"
expect_json 'd["quotes"][0]["text"] == "The bridge opens in May." and d["quotes"][0]["kind"] == "direct"' "--json text and kind"
expect_json 'all(k in d["quotes"][0] for k in ("speaker", "cue")) and isinstance(d["sources"], list)' "--json speaker, cue and sources fields"
# offsets index the file's bytes: the span holds the marks and the text
python3 -c 'import json, sys
d = json.load(open(sys.argv[1])); b = open(sys.argv[2], "rb").read()
for q in d["quotes"]:
    span = b[q["start"]:q["end"]].decode()
    assert q["text"] in span and span[0] in "\"“«„" , span' "$OUT" "$FX/mayor.txt" && ok || no "--json offsets are byte offsets into the file"

run quotes "$FX/lines.txt" --json
expect_json 'd["quotes"][0]["line"] == 3 and d["quotes"][0]["col"] == 31' "--json after FILE, line and col"

run_in "$FX/mayor.txt" quotes --json -
expect_json 'd["file"] == "-" and len(d["quotes"]) == 1' "--json from stdin"

run quotes --json "$FX/mayor.txt" "$FX/lines.txt"
expect_rc 0 "--json several files exits 0"
expect_json '[f["file"][-9:] for f in d["files"]] == ["mayor.txt", "lines.txt"]' "--json several files: {files: [...]}"

run quotes --json "$FX/open.txt"
expect_json 'd["diagnostics"][0]["line"] == 1 and d["diagnostics"][0]["col"] == 17 and "unclosed" in d["diagnostics"][0]["message"]' "--json diagnostics"

# -- empty, binary and invalid input: best effort, valid JSON, no crash
: >"$TMP/empty.txt"
run quotes "$TMP/empty.txt"
expect_rc 0 "empty file exits 0"
expect_out "" "empty file lists nothing"
run quotes --json "$TMP/empty.txt"
expect_json 'd["quotes"] == []' "empty file --json"

printf 'a\000b \342\200\234x\000y\377z\342\200\235 c \377\376 \342\200\n' >"$TMP/bad.txt"
run quotes --json "$TMP/bad.txt"
expect_rc 0 "NUL and invalid UTF-8 exit 0"
expect_json 'len(d["quotes"]) == 1 and d["quotes"][0]["start"] == 4' "NUL and invalid UTF-8: valid JSON"
run quotes "$TMP/bad.txt"
if [ "$(wc -l <"$OUT")" -eq 1 ] && [ "$(tr -d '\000' <"$OUT" | wc -c)" -eq "$(wc -c <"$OUT")" ]; then ok
else no "NUL bytes never reach a quickfix line"; fi

# a big file (about 2 MB): every quote listed
i=0; : >"$TMP/big.txt"
while [ $i -lt 200 ]; do printf 'The clerk said \342\200\234item %d is closed.\342\200\235 Then the meeting moved on.\n\n' $i >>"$TMP/big.txt"; i=$((i + 1)); done
for k in 1 2 3 4 5 6 7; do cat "$TMP/big.txt" "$TMP/big.txt" >"$TMP/big2.txt" && mv "$TMP/big2.txt" "$TMP/big.txt"; done
run quotes "$TMP/big.txt"
expect_rc 0 "big file exits 0"
if [ "$(wc -l <"$OUT")" -eq 25600 ]; then ok; else no "big file: 25600 quotes, got $(wc -l <"$OUT")"; fi

# -- errors: exit 2 with a message on stderr that names the culprit
run quotes "$TMP/missing.txt"
expect_rc 2 "missing file exits 2"
expect_err "missing.txt: No such file" "missing file is named"

run quotes "$TMP/missing.txt" "$FX/mayor.txt"
expect_rc 2 "missing file among others exits 2"
expect_grep "^$FX/mayor.txt:1:17: " "the other files are still listed"

run quotes --json "$FX/mayor.txt" "$TMP/missing.txt" "$FX/lines.txt"
expect_rc 2 "--json missing file among others exits 2"
expect_json 'len(d["files"]) == 2' "--json missing file: valid JSON for the others"
expect_err "missing.txt" "--json missing file is named"

run quotes --json "$TMP/missing.txt"
expect_rc 2 "--json lone missing file exits 2"
expect_out "" "--json lone missing file: nothing on stdout"

# a folder stands for its drafts (tests/cli/test_markdown.sh); one without any is named
mkdir -p "$TMP/empty"
run quotes "$TMP/empty"
expect_rc 2 "a folder without drafts exits 2"
expect_err "$TMP/empty: no text or Markdown files" "a folder without drafts is named"

run quotes
expect_rc 2 "no FILE exits 2"
expect_err "no FILE" "no FILE message"

run quotes --bogus "$FX/mayor.txt"
expect_rc 2 "unknown option exits 2"
expect_err "unknown option '--bogus'" "unknown option is named"

run
expect_rc 2 "no command exits 2"
expect_err "^usage: verbatim COMMAND" "no command prints usage on stderr"

run frobnicate
expect_rc 2 "unknown command exits 2"
expect_err "unknown command 'frobnicate'" "unknown command is named"

if [ -w /dev/full ]; then
  RC=0; "$VB" quotes "$FX/mayor.txt" >/dev/full 2>"$ERR" || RC=$?
  expect_rc 2 "write error exits 2"
  expect_err "write error" "write error message"
fi

# -- the README's example: every line in the quickfix format, the first quote in place
(cd "$ROOT" && "$VB" quotes examples/article.txt) >"$OUT" 2>"$ERR" && RC=0 || RC=$?
expect_rc 0 "README example exits 0"
if [ -s "$OUT" ] && ! grep -Ev '^examples/article.txt:[0-9]+:[0-9]+: (direct|partial|block|term|indirect|warning:) ' "$OUT"; then ok
else no "README example: every line FILE:LINE:COL: kind"; fi
expect_grep '^examples/article.txt:7:1: direct “People here don’t have a second way across,” — Marta Lindqvist \(said\)$' "README example: first quote"

# -- help and version
run --help
expect_rc 0 "--help exits 0"
expect_grep "^usage: verbatim COMMAND" "--help on stdout"
expect_grep "^  quotes " "--help lists quotes"
run quotes --help
expect_rc 0 "quotes --help exits 0"
expect_grep "^usage: verbatim quotes \[--json\] .*FILE" "quotes --help usage line"
run --version
expect_rc 0 "--version exits 0"
expect_grep "^verbatim [0-9]+\.[0-9]+" "--version prints the version"
expect_grep "^PCRE2 10\.[0-9]+ [0-9-]+, utf8proc [0-9]+\.[0-9]+" "--version names PCRE2 and utf8proc on a second line"
if command -v pcre2-config >/dev/null; then
  expect_grep "^PCRE2 $(pcre2-config --version) " "--version: the PCRE2 that is installed"
fi
