# Speaker attribution on invented fixtures (sourced by tests/cli/run.sh): each
# tests/fixtures/attrib/NAME.txt with a NAME.expect lists the speaker every quote and
# reported statement must get (tests/cli/speakers.py reads the format).
AFX=$ROOT/tests/fixtures/attrib
for e in "$AFX"/*.expect; do
  t=${e%.expect}.txt
  run quotes --json "$t"
  if [ "$RC" -ne 0 ]; then no "attrib $(basename "$t"): exit $RC"; continue; fi
  if python3 "$ROOT/tests/cli/speakers.py" "$e" "$OUT" >"$TMP/spk" 2>&1; then ok; else
    no "attrib $(basename "$t"): speakers differ"; cat "$TMP/spk" >&2; fi
done

# a quote in capitals after a speech cue is speech, so the gate checks it: an invented one
# fails the check (as a title it would pass unchecked)
printf 'Tomas Reyes: I have never lied to this town about the ferry.\n' >"$TMP/said.txt"
run check --source "$TMP/said.txt" "$AFX/titlecase.txt"
expect_rc 1 "attrib: an invented quote in capitals fails the gate"
expect_grep 'titlecase.txt:3:[0-9]+: error: not_found “A LIAR”' "attrib: the capitals are checked, not found"

# reported speech can be left out, and the sources then count quotes only
run sources --no-indirect "$AFX/sources.txt"
expect_grep '^.*sources.txt: 2 sources, 3 quotes$' "attrib: --no-indirect sources"
