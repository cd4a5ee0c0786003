# The bundled example (examples/), as the README's quick start runs it: the line stays
# true only while quotes, sources and check give what the README shows.
EX=$ROOT/examples

run quotes "$EX/article.txt"
expect_rc 0 "example: quotes"
expect_grep '^[^ ]*article.txt:7:1: direct “People here don’t have a second way across,” — Marta Lindqvist \(said\)$' \
  "example: the first quote with its speaker and cue"

run sources "$EX/article.txt"
expect_rc 0 "example: sources"
expect_grep '^  Marta Lindqvist — chair, Wennick Ferry Users’ Association$' \
  "example: the first source with her role and organisation (from ', who chairs …')"
expect_grep '^  Tomas Reyes — transport director, council$' "example: a lower-case body owns the role"
expect_grep '^  Wennick Ferry Users’ Association$' "example: the plural possessive stays inside the name"

# the quick start counts on exit 1: the example has quotes edited on purpose
run check --source "$EX/transcript.txt" "$EX/article.txt"
expect_rc 1 "example: check catches the edited quotes (exit 1)"
expect_grep '^[^ ]*article.txt:27:1: error: altered .*transcript.txt:15:11 \(ML\)$' "example: the altered quote and where it was found"
expect_grep '\[-they have-\] \{\+it has\+\}' "example: the words that differ"

# pronouns agree with the gender the text gives a person: "she said" goes to Lindqvist and
# "he said" to Reyes, whoever was named last
run quotes --json "$EX/article.txt"
expect_json '[q["speaker"]["name"] for q in d["quotes"] if q["kind"] != "indirect" and q["speaker"] and open(sys.argv[1]).read() and q["text"].startswith("The council says the ferry")] == ["Marta Lindqvist"]' "example: she said is Marta Lindqvist"
expect_json '[q["speaker"]["name"] for q in d["quotes"] if q["text"].startswith("Every option is still")] == ["Tomas Reyes"]' "example: he said is Tomas Reyes"
# reported speech: "Reyes said he welcomed the debate" is his, and the spokesperson is one source
expect_json 'any(q["kind"] == "indirect" and q["text"] == "he welcomed the debate" and q["speaker"]["name"] == "Tomas Reyes" for q in d["quotes"])' "example: reported speech with its speaker"
expect_json 'len([s for s in d["sources"] if "spokesperson" in s["name"]]) == 1' "example: the spokesperson is one source"
