# `verbatim quotes` with speakers and `verbatim sources` (sourced by tests/cli/run.sh)
AFX=$ROOT/tests/fixtures/attrib

# every quote line names its speaker and cue
run quotes "$AFX/rail.txt"
expect_rc 0 "quotes with speakers exits 0"
expect_grep "^$AFX/rail.txt:5:1: direct “This is the most important vote of the decade,” — Ana Ruiz \\(said in a statement\\)\$" "speaker and cue on the line"
expect_grep "^$AFX/rail.txt:9:43: direct “It is a good start,” — Paul Okafor \\(said\\)\$" "inverted speaker"
expect_grep "^$AFX/rail.txt:21:14: term “fast lane”\$" "a term has no speaker"

# --json: speaker {name,start,end,role,org}, cue {text,start,end}, confidence, rule
run quotes --json "$AFX/rail.txt"
expect_rc 0 "quotes --json exits 0"
expect_json 'd["quotes"][0]["speaker"]["name"] == "Ana Ruiz" and d["quotes"][0]["speaker"]["role"] == "Governor"' "json speaker"
expect_json 'all(set(q) >= {"start","end","kind","speaker","cue","confidence","rule"} for q in d["quotes"])' "json quote fields"
expect_json 'open(sys.argv[1], "rb").read() and True' "json parses"
expect_json '(lambda q, b: b[q["speaker"]["start"]:q["speaker"]["end"]] == b"she" and b[q["cue"]["start"]:q["cue"]["end"]] == b"said in a statement")(d["quotes"][0], open("'"$AFX"'/rail.txt", "rb").read())' "json byte offsets of mention and cue"
expect_json 'd["quotes"][11]["speaker"] is None and d["quotes"][11]["cue"] is None and d["quotes"][11]["kind"] == "term"' "json term"
expect_json '[s["name"] for s in d["sources"]] == ["Ana Ruiz", "Paul Okafor", "Mia Chen", "Lee Park", "Ledger", "Tom Hale"]' "json sources in order"
expect_json 'd["sources"][1] == dict(d["sources"][1], role="policy analyst", org="Center for Urban Mobility", quotes=[2, 3], words=13, quoted=2, paraphrased=1, paraphrases=[4])' "json source fields, 0-based quotes"
expect_json 'd["sources"][3]["org"] == "CUM" and d["sources"][3]["org_long"] == "Center for Urban Mobility"' "json acronym"
expect_json 'd["unattributed"] == []' "json unattributed"
expect_json 'all(0 <= q["confidence"] <= 1 for q in d["quotes"])' "json confidence range"

# sources: a readable table
run sources "$AFX/rail.txt"
expect_rc 0 "sources exits 0"
expect_grep "^$AFX/rail.txt: 6 sources, 11 quotes, 2 paraphrased\$" "sources header"
expect_grep "^  Paul Okafor — policy analyst, Center for Urban Mobility\$" "sources role and org"
expect_grep "^      2 quotes, 13 words: #3 #4\$" "sources quotes and words"
expect_grep "^      1 paraphrased: #5\$" "sources paraphrased statements"
expect_grep "^  Mia Chen — Greenway Alliance\$" "a source reported only, no quote"
expect_grep "^  Lee Park — research director, CUM \\(Center for Urban Mobility\\)\$" "sources acronym long form"
run sources --json "$AFX/rail.txt"
expect_rc 0 "sources --json exits 0"
expect_json 'len(d["sources"]) == 6' "sources --json"

# unattributed quotes are listed apart; stdin; missing files; bad options
printf 'Nobody knew.\n\n\342\200\234What a strange and long week this has been for us all.\342\200\235\n' >"$TMP/none.txt"
run sources "$TMP/none.txt"
expect_grep "^  \\(no speaker\\)\$" "sources lists quotes with no speaker"
run_in "$AFX/rail.txt" sources -
expect_grep "^-: 6 sources, 11 quotes, 2 paraphrased\$" "sources reads stdin"
run sources /nonexistent/file.txt
expect_rc 2 "sources: missing file exits 2"
expect_err "/nonexistent/file.txt" "sources: missing file named"
run sources --frobnicate "$AFX/rail.txt"
expect_rc 2 "sources: unknown option exits 2"
run sources
expect_rc 2 "sources: no file exits 2"
run sources --help
expect_rc 0 "sources --help exits 0"
expect_grep "^usage: verbatim sources" "sources --help text"

# --cue adds PCRE2 cue patterns; a broken one is a clear error
printf '\342\200\234Lovely weather,\342\200\235 chirps Bo Lane.\n' >"$TMP/chirp.txt"
run quotes "$TMP/chirp.txt"
expect_grep "chirp.txt:1:1: [a-z]+ “Lovely weather,”\$" "no speaker without the cue pattern"
run quotes --cue 'chirp(ed|s)?' "$TMP/chirp.txt"
expect_grep "chirp.txt:1:1: direct “Lovely weather,” — Bo Lane \\(chirps\\)\$" "--cue pattern names the speaker"
run sources --cue '(' "$TMP/chirp.txt"
expect_rc 2 "bad --cue exits 2"
expect_err "cue pattern 1: missing closing parenthesis" "bad --cue message"
run quotes --cue
expect_rc 2 "--cue without a pattern exits 2"

# reported speech without marks is listed by default; --no-indirect leaves it out, and
# --indirect (the default) is still accepted
printf 'Jessica Vaughan said the new rule sounds a lot like an older program.\n' >"$TMP/ind.txt"
run quotes "$TMP/ind.txt"
expect_grep "ind.txt:1:22: indirect “the new rule sounds a lot like an older program” — Jessica Vaughan \\(said\\)\$" "indirect item with its speaker"
run quotes --indirect "$TMP/ind.txt"
expect_grep "ind.txt:1:22: indirect “the new rule" "--indirect still accepted"
run quotes --no-indirect "$TMP/ind.txt"
expect_out "" "--no-indirect leaves reported speech out"
run sources "$TMP/ind.txt"
expect_grep "^      1 paraphrased: #1\$" "sources counts the paraphrased statement"
run sources --json "$TMP/ind.txt"
expect_json 'd["sources"][0]["quoted"] == 0 and d["sources"][0]["paraphrased"] == 1 and d["sources"][0]["paraphrases"] == [0] and d["sources"][0]["quotes"] == []' "sources json: quoted, paraphrased, paraphrases"

# a name that wraps over a line end is printed with the break folded to a space
printf '\342\200\234We will rebuild the pier by spring,\342\200\235 said Ola\nNowak, the harbour\nmaster.\n' >"$TMP/wrap.txt"
run quotes --json "$TMP/wrap.txt"
expect_json 'd["quotes"][0]["speaker"]["name"] == "Ola Nowak" and d["quotes"][0]["speaker"]["role"] == "harbour master"' "wrapped name folded in quotes --json"
run sources --json "$TMP/wrap.txt"
expect_json 'd["sources"][0]["name"] == "Ola Nowak"' "wrapped name folded in sources --json"

# a user cue pattern that runs into PCRE2's match limit is named, not "out of memory"
python3 -c 'import sys; sys.stdout.write("a" * 5000 + "b said \xe2\x80\x9cyes\xe2\x80\x9d.\n")' >"$TMP/runaway.txt"
run quotes --cue 'said' --cue '(a+)+$' "$TMP/runaway.txt"
expect_rc 2 "runaway cue pattern exits 2"
expect_err "cue pattern 2: match limit exceeded" "runaway cue pattern is reported by number"
