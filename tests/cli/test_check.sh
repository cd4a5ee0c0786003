# `verbatim check` and `verbatim index` (sourced by tests/cli/run.sh); fixtures in
# tests/fixtures/check: sources/ (a hearing transcript and, one folder down, a report)
CK=$ROOT/tests/fixtures/check

# -- a publishing gate: 0 when every quote is verbatim or faithful, 1 otherwise, 2 errors
run check --source "$CK/sources" "$CK/clean.txt"
expect_rc 0 "check: a clean draft exits 0"
expect_grep "^$CK/clean.txt:1:11: note: verbatim “The bridge.*hearing.txt:10:10 \(MS. LEE\)\$" "check: verbatim line"

run check --source "$CK/sources" "$CK/draft.txt"
expect_rc 1 "check: an altered quote exits 1"
expect_grep "^$CK/draft.txt:3:17: error: altered .*hearing.txt:10:10 \(MS. LEE\)\$" "check: altered line with place and speaker"
expect_grep '\[-next-\] \{\+this\+\}' "check: the diff of the altered quote"
expect_grep "^$CK/draft.txt:5:12: note: faithful " "check: an ellipsis is faithful"
expect_grep "^$CK/draft.txt:7:23: note: faithful .*more/report.txt:4:44\$" "check: a bracket is faithful, folders are recursive"
expect_grep "^$CK/draft.txt:9:1: error: not_found " "check: an unknown quote is not found"

# -- a changed last word is a substitution of the source word, inside the passage
run check --source "$CK/sources" "$CK/lastword.txt"
expect_rc 1 "check: a changed last word exits 1"
expect_grep 'next \[-year-\] \{\+month\+\} ?$' "check: a changed last word is diffed against the source word"
run check --json --source "$CK/sources" "$CK/lastword.txt"
expect_json 'd["quotes"][0]["check"]["diff"][1:] == [{"op": "-", "text": "year"}, {"op": "+", "text": "month"}]' "check --json: the last word's substitution"
expect_json 'open(d["quotes"][0]["check"]["source"]["file"], "rb").read()[d["quotes"][0]["check"]["source"]["start"]:d["quotes"][0]["check"]["source"]["end"]].decode().endswith("next year")' "check --json: the passage holds the replaced last word"
# the diff line is rendered once, in C: --json carries the line the human output prints
run check --source "$CK/sources" "$CK/draft.txt"
sed -n 's/^    \(.*\) $/\1/p' "$OUT" >"$TMP/human-diff"
run check --json --source "$CK/sources" "$CK/draft.txt"
expect_json '[q["check"]["diff_line"] for q in d["quotes"] if q["check"]["verdict"] == "altered"] == open("'"$TMP"'/human-diff").read().splitlines() and len(open("'"$TMP"'/human-diff").read()) > 0' "check --json: diff_line is the line the human output prints"

# -- a turn label with a parenthetical (NAME (from the floor):) names the speaker before it
run check --source "$CK/floor" "$CK/floor.txt"
expect_rc 0 "check: parenthetical turn labels give the words to their speaker"
expect_grep "^$CK/floor.txt:1:48: note: verbatim .*meeting.txt:5:30 \(JONAS FELD\)\$" "check: NAME (from the floor): is a turn"
expect_grep "^$CK/floor.txt:3:24: note: verbatim .*meeting.txt:9:1 \(SEN. ANA RUIZ\)\$" "check: NAME (D-Calif.): on its own line is a turn"
run check --json --source "$CK/floor" "$CK/floor.txt"
expect_json '[q["check"]["source"]["speaker"] for q in d["quotes"]] == ["JONAS FELD", "SEN. ANA RUIZ"] and not any(q["check"]["speaker_mismatch"] for q in d["quotes"])' "check --json: parenthetical speakers, no mismatch"

# -- the summary line, on stderr (stdout stays one line a quote)
run check --source "$CK/sources" "$CK/draft.txt"
expect_err "^$CK/draft.txt: 5 quotes: 1 verbatim, 2 faithful, 1 altered, 1 not found\$" "check: a summary line a file"
if grep -q ' quotes: ' "$OUT"; then no "check: the summary is not on stdout"; else ok; fi
run check --source "$CK/sources" "$CK/clean.txt" "$CK/lastword.txt"
expect_err "^$CK/clean.txt: 1 quote: 1 verbatim, 0 faithful, 0 altered, 0 not found\$" "check: summary of the first file"
expect_err "^$CK/lastword.txt: 1 quote: 0 verbatim, 0 faithful, 1 altered, 0 not found\$" "check: summary of the second file"
run check --json --source "$CK/sources" "$CK/draft.txt"
if grep -q ' quotes: ' "$ERR"; then no "check --json: no summary line"; else ok; fi

# -- scare quotes and titles (kind term) get a verdict but do not fail the gate
run check --source "$CK/sources" "$CK/terms.txt"
expect_rc 0 "check: terms not found do not fail the gate"
expect_grep "^$CK/terms.txt:3:14: warning: not_found .Harbour Matters Tonight" "check: a title still gets its verdict"
expect_grep "^$CK/terms.txt:5:21: warning: not_found .zero tolerance policy" "check: a scare quote still gets its verdict"
expect_err "^$CK/terms.txt: 3 quotes: 1 verbatim, 0 faithful, 0 altered, 2 not found; not counted: 2 scare quotes or titles\$" "check: the summary says what was not counted"
run check --strict-terms --source "$CK/sources" "$CK/terms.txt"
expect_rc 1 "check --strict-terms: terms not found fail the gate"
expect_err "^$CK/terms.txt: 3 quotes: 1 verbatim, 0 faithful, 0 altered, 2 not found\$" "check --strict-terms: nothing left out of the count"
run check --json --source "$CK/sources" "$CK/terms.txt"
expect_rc 0 "check --json: terms do not fail the gate either"
expect_json '[(q["kind"], q["check"]["verdict"]) for q in d["quotes"]] == [("direct", "verbatim"), ("term", "not_found"), ("term", "not_found")]' "check --json: terms keep their verdicts"
run check --help
expect_grep "^  --strict-terms " "check --help: --strict-terms"
expect_grep "kind term" "check --help: says terms do not count"

# -- JSON: the quotes object with a check in every quote
run check --json --source "$CK/sources" "$CK/draft.txt"
expect_rc 1 "check --json exits 1 too"
expect_json '[q["check"]["verdict"] for q in d["quotes"]] == ["verbatim", "altered", "faithful", "faithful", "not_found"]' "check --json verdicts"
expect_json 'open(d["quotes"][0]["check"]["source"]["file"], "rb").read()[d["quotes"][0]["check"]["source"]["start"]:d["quotes"][0]["check"]["source"]["end"]].decode().startswith("Thirty days")' "check --json source bytes"
expect_json 'd["quotes"][0]["check"]["source"]["line"] == 5 and d["quotes"][0]["check"]["source"]["col"] == 13 and d["quotes"][0]["check"]["source"]["speaker"] == "MR. OKAFOR"' "check --json line, col, speaker"
expect_json '{"op": "-", "text": "next"} in d["quotes"][1]["check"]["diff"] and {"op": "+", "text": "this"} in d["quotes"][1]["check"]["diff"]' "check --json diff"
expect_json 'd["quotes"][4]["check"]["source"] is None and d["quotes"][4]["start"] > 0' "check --json not_found has no source"
# the same object as `quotes --json`, key for key, plus "check" in each quote, "borrowed" and "pass"
cp "$OUT" "$TMP/check.json"
run quotes --json "$CK/draft.txt"
expect_json '[{k: v for k, v in q.items() if k != "check"} for q in json.load(open(sys.argv[1].replace("/out", "/check.json"), encoding="utf-8"))["quotes"]] == d["quotes"]' "check --json: each quote is the quotes --json one plus check"
expect_json '{k: v for k, v in json.load(open(sys.argv[1].replace("/out", "/check.json"), encoding="utf-8")).items() if k not in ("quotes", "borrowed", "pass")} == {k: v for k, v in d.items() if k != "quotes"}' "check --json: sources, unattributed, diagnostics as in quotes --json"

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
expect_err "moved/hearing.txt: warning: changed since it was indexed; checked as it is now" "check --index: warns about the changed file"

# -- an indexed file deleted since: left out with a warning, the rest still answers
mkdir "$TMP/gone" && cp -r "$CK/sources/." "$TMP/gone/"
run index --output "$TMP/idx3" "$TMP/gone"
rm "$TMP/gone/more/report.txt"
run check --json --index "$TMP/idx3" "$CK/draft.txt"
expect_rc 1 "check --index: a deleted indexed file is no error"
# (with the report gone, only the hearing's named turns are left: nothing answers for an
# unnamed speaker's words there, which is uncovered)
expect_json '[q["check"]["verdict"] for q in d["quotes"]] == ["verbatim", "altered", "faithful", "uncovered", "uncovered"]' "check --index: the rest of the index still answers"
expect_err "gone/more/report.txt: warning: indexed, but missing or unreadable now" "check --index: warns about the deleted file"

# -- a folder is no index; an append that fails mid-write leaves the index as it was
run check --index "$CK/sources" "$CK/clean.txt"
expect_rc 2 "check --index DIR exits 2"
expect_err "sources: not an index file" "check --index DIR: not an index file"
run index --output "$TMP/idx4" "$CK/sources"
size0=$(wc -c < "$TMP/idx4")
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "w%dq%d ", i, i * 7; print "" }' > "$TMP/many.txt"
RC=0
(trap '' XFSZ; ulimit -f $(( (size0 + 1023) / 512 + 2 )); "$VB" index --append --output "$TMP/idx4" "$TMP/many.txt") \
  >"$OUT" 2>"$ERR" </dev/null || RC=$?
expect_rc 2 "index --append: a failed write exits 2"
if [ "$(wc -c < "$TMP/idx4")" -eq "$size0" ]; then ok; else no "index --append: a failed append is cut back"; fi
run check --index "$TMP/idx4" "$CK/clean.txt"
expect_rc 0 "index --append: the index still reads after a failed append"

# -- a --source that holds no text is named in a warning
mkdir "$TMP/nothing"; : > "$TMP/empty.txt"
run check --source "$CK/sources" --source "$TMP/nothing" --source "$TMP/empty.txt" "$CK/clean.txt"
expect_rc 0 "check: empty sources next to real ones still check"
expect_err "nothing: warning: no text to check against" "check: warns about an empty folder"
expect_err "empty.txt: warning: no text to check against" "check: warns about an empty file"
if grep -q "sources: warning" "$ERR"; then no "check: no warning for a source with text"; else ok; fi

# -- scope and the gate (fixtures in tests/fixtures/evidence: a hearing transcript with
# labelled turns, a speech given to its speaker, a draft quoting both and a fisherman)
EV=$ROOT/tests/fixtures/evidence
run check --source "$EV/interview.txt" --source "$EV/speech.txt" --speaker "Rosa Imbert" "$EV/draft.txt"
expect_rc 1 "check: an altered quote and a misattributed one fail the gate"
expect_grep "^$EV/draft.txt:9:1: note: verbatim .*speech.txt:3:6 \(Rosa Imbert\)\$" "check --speaker: the speech is the given speaker's"
expect_grep "^$EV/draft.txt:19:1: warning: uncovered “We will sell" "check: a speaker no source names is uncovered"
expect_grep "^$EV/draft.txt:7:1: note: cleaned .*\(MARCO TELL\)\$" "check: a dropped uh and a false start are clean-ups"
expect_grep "^$EV/draft.txt:15:1: error: verbatim .*\(INES AUBERT, not Marco Tell\)\$" "check: another speaker's words, exactly, are given to the wrong speaker"
expect_grep "^$EV/draft.txt:13:1: note: verbatim .*interview.txt:18:14 \(INES AUBERT\)\$" "check: the speaker's own turn, not the chair reading her words out"
expect_err "^$EV/draft.txt: 9 quotes: 6 verbatim, 0 faithful, 1 altered, 0 not found, 1 cleaned, 1 uncovered, 1 given to another speaker\$" "check: the summary counts the new verdicts"
run check --json --source "$EV/interview.txt" --source "$EV/speech.txt=Rosa Imbert" "$EV/draft.txt"
expect_json '[q["check"]["verdict"] for q in d["quotes"]] == ["verbatim", "verbatim", "cleaned", "verbatim", "verbatim", "verbatim", "verbatim", "altered", "uncovered"]' "check --source PATH=NAME: the same verdicts"
expect_json '[q["check"]["fails"] for q in d["quotes"]] == [False] * 6 + [True, True, False]' "check --json: fails says which quotes fail the gate"
expect_json '[p.get("cleanup", False) for p in d["quotes"][2]["check"]["diff"] if p["op"] == "-"] == [True, True]' "check --json: clean-ups are marked in the diff"
expect_json 'all(0 <= q["check"]["confidence"] <= 1 and q["check"]["needed_bits"] > 0 for q in d["quotes"])' "check --json: a confidence with every verdict"
run check --source "$EV/interview.txt" --source "$EV/speech.txt=Rosa Imbert" --fail-on=-altered,-misattributed "$EV/draft.txt"
expect_rc 0 "check --fail-on=-altered,-misattributed: the rest passes"
run check --source "$EV/interview.txt" --source "$EV/speech.txt=Rosa Imbert" --fail-on cleaned "$EV/draft.txt"
expect_rc 1 "check --fail-on cleaned: only clean-ups fail, and there is one"
run check --source "$EV/interview.txt" --source "$EV/speech.txt=Rosa Imbert" --fail-on=+uncovered,-altered,-misattributed "$EV/draft.txt"
expect_rc 1 "check --fail-on=+uncovered: the fisherman's quote fails"
run check --source "$EV/interview.txt" --fail-on bogus "$EV/draft.txt"
expect_rc 2 "check --fail-on: an unknown class is an error"
expect_err "unknown gate class 'bogus'" "check --fail-on: the error names the class"
run check --speaker "Rosa Imbert" --source "$EV/speech.txt" "$EV/draft.txt"
expect_rc 2 "check --speaker before any --source is an error"
# without speakers named anywhere, nothing is out of scope: not found fails
run check --source "$EV/speech.txt" "$EV/draft.txt"
expect_err "^$EV/draft.txt: 9 quotes: 2 verbatim, 0 faithful, 0 altered, 7 not found\$" "check: plain material answers for everyone"
# the index says the same, the speakers given at index time included
run index --output "$TMP/ev.idx" "$EV/interview.txt" "$EV/speech.txt=Rosa Imbert"
run check --json --index "$TMP/ev.idx" "$EV/draft.txt"
expect_json '[q["check"]["verdict"] for q in d["quotes"]] == ["verbatim", "verbatim", "cleaned", "verbatim", "verbatim", "verbatim", "verbatim", "altered", "uncovered"]' "check --index: the verdicts of the scan, given speaker included"
run index --output "$TMP/ev2.idx" "$EV/interview.txt" "$EV/speech.txt" --speaker "Rosa Imbert"
run check --json --index "$TMP/ev2.idx" "$EV/draft.txt"
expect_json 'd["quotes"][3]["check"]["source"]["speaker"] == "Rosa Imbert"' "index --speaker NAME after a PATH"

# reported speech has no words of the speaker's to check: check reads quotation marks only,
# unless the project asks (indirect: true), and then counts paraphrases apart
mkdir -p "$TMP/para"
printf 'Ida Lund said the harbour board would meet again in May to settle the lights.\n\n\342\200\234The harbour board met on Monday,\342\200\235 Lund said.\n' >"$TMP/para/draft.txt"
printf 'LUND: The harbour board met on Monday. We will meet in May.\n' >"$TMP/para/talk.txt"
run check --source "$TMP/para/talk.txt" "$TMP/para/draft.txt"
expect_rc 0 "check: a paraphrase is not checked word for word by default"
expect_err 'draft.txt: 1 quote: 1 verbatim, 0 faithful, 0 altered, 0 not found$' "check: the summary counts the quoted words only"
if grep -q 'draft.txt:1:' "$OUT"; then no "check: no line for the paraphrase by default"; else ok; fi
printf 'indirect: true\n' >"$TMP/para/.verbatim.yaml"
run check --source "$TMP/para/talk.txt" "$TMP/para/draft.txt"
expect_rc 0 "check: a paraphrase never fails the gate"
expect_grep 'draft.txt:1:[0-9]+: note: paraphrase \(' "check: indirect: true lists the paraphrase, marked"
expect_err 'draft.txt: 1 quote: 1 verbatim, 0 faithful, 0 altered, 0 not found; not counted: 1 paraphrase$' "check: and counts it apart"
