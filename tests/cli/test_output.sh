# What `verbatim check` prints for people and their tools (sourced by tests/cli/run.sh):
# gcc's problem-matcher words, the gate's word on each quote in --json, and colour on a
# terminal (--color, NO_COLOR). A terminal is made with script(1) (util-linux).
CK=$ROOT/tests/fixtures/check
ESC=$(printf '\033')

# -- FILE:LINE:COL: error|warning|note: as gcc prints them (VS Code's $gcc, Emacs, Vim)
run check --source "$CK/sources" "$CK/draft.txt"
expect_grep "^$CK/draft.txt:3:17: error: altered " "output: a quote that fails the gate is an error"
expect_grep "^$CK/draft.txt:9:1: error: not_found " "output: not found is an error"
expect_grep "^$CK/draft.txt:1:29: note: verbatim " "output: a verbatim quote is a note"
if grep -q "$ESC" "$OUT"; then no "output: colour in a pipe"; else ok; fi
run check --source "$CK/sources" "$CK/terms.txt"
expect_grep "^$CK/terms.txt:3:14: warning: not_found " "output: a title not found, which does not count, is a warning"
run check --strict-terms --source "$CK/sources" "$CK/terms.txt"
expect_grep "^$CK/terms.txt:3:14: error: not_found " "output: ... and an error with --strict-terms"
run check --borrowed --source "$CK/sources" "$CK/borrowed.txt"
expect_grep "^$CK/borrowed.txt:[0-9]+:[0-9]+: error: borrowed " "output: borrowed prose is an error"

# -- a quote the transcript gives to another speaker fails, here and in --json
run check --source "$CK/sources" "$CK/misattributed.txt"
expect_rc 1 "output: a quote given to another speaker fails the gate"
expect_grep "^$CK/misattributed.txt:1:35: error: verbatim .*\(MS. LEE, not Adam Okafor\)\$" "output: the other speaker is named"
expect_grep "^$CK/misattributed.txt:3:19: note: verbatim " "output: the right speaker is a note"
run check --json --source "$CK/sources" "$CK/misattributed.txt"
expect_json '[q["check"]["fails"] for q in d["quotes"]] == [True, False] and d["pass"] is False' "check --json: fails on each quote, pass on the draft"
run check --json --source "$CK/sources" "$CK/clean.txt"
expect_json 'd["pass"] is True and not any(q["check"]["fails"] for q in d["quotes"])' "check --json: pass on a clean draft"
run check --json --source "$CK/sources" "$CK/terms.txt"
expect_json 'd["pass"] is True and [q["check"]["fails"] for q in d["quotes"]] == [False, False, False]' "check --json: terms do not fail"
run check --json --strict-terms --source "$CK/sources" "$CK/terms.txt"
expect_json 'd["pass"] is False and [q["check"]["fails"] for q in d["quotes"]] == [False, True, True]' "check --json --strict-terms: they do"

# -- check verifies quotations, as Lua's check, the filter and the language server do;
# reported speech only when the project file says indirect: true
mkdir -p "$TMP/ind"
cp "$CK/markup.txt" "$TMP/ind/draft.txt"
run check --json --source "$CK/sources" "$TMP/ind/draft.txt"
expect_json '[q["kind"] for q in d["quotes"]] == ["direct"] and d["pass"] is True' "check: reported speech is not checked by default"
printf 'indirect: true\n' >"$TMP/ind/.verbatim.yaml"
run check --json --source "$CK/sources" "$TMP/ind/draft.txt"
expect_json '[q["kind"] for q in d["quotes"]] == ["indirect", "direct"] and d["pass"] is True and not d["quotes"][0]["check"]["fails"]' "check: ... with indirect: true it is, and never fails the gate"

# -- colour: --color=always|never|auto; auto colours a terminal unless NO_COLOR is set
# to anything but the empty string (no-color.org) or TERM is dumb
run check --color=always --source "$CK/sources" "$CK/draft.txt"
expect_grep "${ESC}\[1;31merror:${ESC}\[0m ${ESC}\[31maltered${ESC}\[0m" "colour: the error word and the verdict"
expect_grep "of ${ESC}\[31m\[-next-\]${ESC}\[0m ${ESC}\[32m\{\+this\+\}${ESC}\[0m year" "colour: the word diff, red and green"
expect_grep "${ESC}\[1;36mnote:${ESC}\[0m ${ESC}\[32mverbatim" "colour: a note"
sed "s/${ESC}\[[0-9;]*m//g" "$OUT" >"$TMP/plain"
run check --color=never --source "$CK/sources" "$CK/draft.txt"
cmp -s "$OUT" "$TMP/plain" && ok || no "colour: without the escapes, --color=always prints what --color=never does"
run check --color=sometimes --source "$CK/sources" "$CK/draft.txt"
expect_rc 2 "colour: --color=sometimes is a usage error"
expect_err "auto, always or never" "colour: the error names the choices"
NO_COLOR=1 run check --color=always --source "$CK/sources" "$CK/draft.txt"
expect_grep "$ESC" "colour: --color=always wins over NO_COLOR"
run check --json --color=always --source "$CK/sources" "$CK/draft.txt"
if grep -q "$ESC" "$OUT"; then no "colour: none in --json"; else ok; fi
# on a terminal (script(1) gives one)
tty_run() { RC=0; script -qec "$*" /dev/null >"$OUT" 2>"$ERR" </dev/null || RC=$?; }
if command -v script >/dev/null 2>&1; then
  tty_run "env -u NO_COLOR TERM=xterm '$VB' check --source '$CK/sources' '$CK/draft.txt'"
  expect_grep "${ESC}\[1;31merror:" "colour: auto on a terminal"
  tty_run "env NO_COLOR=1 TERM=xterm '$VB' check --source '$CK/sources' '$CK/draft.txt'"
  if grep -q "$ESC" "$OUT"; then no "colour: NO_COLOR=1 on a terminal"; else ok; fi
  tty_run "env NO_COLOR= TERM=xterm '$VB' check --source '$CK/sources' '$CK/draft.txt'"
  expect_grep "${ESC}\[1;31merror:" "colour: an empty NO_COLOR does not count"
  tty_run "env -u NO_COLOR TERM=dumb '$VB' check --source '$CK/sources' '$CK/draft.txt'"
  if grep -q "$ESC" "$OUT"; then no "colour: TERM=dumb"; else ok; fi
  tty_run "env -u NO_COLOR TERM=xterm '$VB' check --color=never --source '$CK/sources' '$CK/draft.txt'"
  if grep -q "$ESC" "$OUT"; then no "colour: --color=never on a terminal"; else ok; fi
else
  echo "cli: terminal colour tests skipped (no script(1))"
fi

# -- progress on stderr: never in a pipe unless forced; on a terminal one line redrawn in
# place (\r ... ESC[K) and cleared at the end
run check --source "$CK/sources" "$CK/draft.txt"
if grep -q "checking" "$ERR"; then no "progress: none in a pipe"; else ok; fi
run check --progress=always --source "$CK/sources" "$CK/draft.txt"
expect_err "^verbatim: checking 1/2 files \(0\.0 MB\)\$" "progress: forced, as lines in a pipe"
run index --progress=always --output "$TMP/p.idx" "$CK/sources"
expect_err "^verbatim: indexing 1/2 files \(0\.0 MB\)\$" "progress: index, forced"
run index --progress=sometimes --output "$TMP/p.idx" "$CK/sources"
expect_rc 2 "progress: a bad WHEN"
if command -v script >/dev/null 2>&1; then
  tty_run "'$VB' check --progress=always --source '$CK/sources' '$CK/draft.txt' 2>&1 >/dev/null"
  if grep -q "$(printf '\r')verbatim: checking 1/2 files (0.0 MB)${ESC}\[K" "$OUT" && grep -q "$(printf '\r')${ESC}\[K" "$OUT"; then ok; else
    no "progress: on a terminal, redrawn in place and cleared: $(cat -v "$OUT" | head -c 300)"; fi
  tty_run "'$VB' check --progress=never --source '$CK/sources' '$CK/draft.txt' 2>&1 >/dev/null"
  if grep -q "checking" "$OUT"; then no "progress: --progress=never on a terminal"; else ok; fi
fi
