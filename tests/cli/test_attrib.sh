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
