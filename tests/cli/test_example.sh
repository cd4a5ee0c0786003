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
