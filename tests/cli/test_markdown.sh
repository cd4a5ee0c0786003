# Markdown and Quarto drafts (src/markdown.c) and folders of drafts (sourced by tests/cli/run.sh)
MD=$ROOT/tests/fixtures/markdown

# -- a .md draft: the quotes of its prose only, at the file's lines and columns; no warning
# from the code fence, the comment, the link title or the YAML title
run quotes "$MD/draft.md"
expect_rc 0 "markdown: exits 0"
expect_out "$MD/draft.md:9:67: direct “We looked at every other option before we chose this one,” — Ines Calloway (said)
$MD/draft.md:13:28: direct “We will *not* sell the building,” — Ines Calloway (said)
$MD/draft.md:24:44: direct “It is a sad day for Tollgate,” — Rob Adeyemi (said)
$MD/draft.md:27:35: direct “Reading rooms are not a luxury,” — Rob Adeyemi (added)" "markdown: the prose's quotes, at their lines"

# the JSON offsets are the file's bytes: each span is the quote as the file holds it
run quotes --json "$MD/draft.md"
python3 -c 'import json, sys
d = json.load(open(sys.argv[1])); b = open(sys.argv[2], "rb").read()
assert len(d["quotes"]) == 4 and not d["diagnostics"], d
for q in d["quotes"]:
    span = b[q["start"]:q["end"]].decode()
    assert span.startswith("“") and span.endswith("”") and q["text"].split()[0] in span, span
    line = b[:q["start"]].count(b"\n") + 1
    assert line == q["line"], (line, q)' "$OUT" "$MD/draft.md" && ok || no "markdown: --json offsets index the file"

# the same bytes read as text: the front matter's quotes and the fence's warning come back
run quotes --format text "$MD/draft.md"
expect_grep '^[^:]*draft.md:2:8: ' "--format text: the YAML title is read"
expect_grep 'warning: unclosed quotation mark' "--format text: the fence's mark is unclosed"
run quotes --format=text "$MD/draft.md"
expect_grep '^[^:]*draft.md:2:8: ' "--format=text"

# stdin is text unless --format markdown
run_in "$MD/draft.md" quotes -
expect_grep '^-:2:8: ' "stdin is text"
run_in "$MD/draft.md" quotes --format markdown -
expect_rc 0 "stdin --format markdown exits 0"
if [ "$(wc -l <"$OUT")" -eq 4 ] && ! grep -q warning "$OUT"; then ok; else no "stdin --format markdown: 4 quotes, no warning"; fi

# .qmd: chunk options, shortcodes, div attributes, inline code are not prose
run quotes "$MD/draft.qmd"
expect_out "$MD/draft.qmd:6:22: indirect “close the branch” — The council (voted to)
$MD/draft.qmd:6:40: direct “We looked at every other option before we chose this one,” — Ines Calloway (said)
$MD/draft.qmd:16:1: direct “It is a sad day for Tollgate,” — Rob Adeyemi (said)" "qmd: the prose's quotes"

# TOML front matter (Hugo)
run quotes "$MD/hugo.md"
expect_out "$MD/hugo.md:5:1: direct “A real quote after TOML front matter,” — she (said)" "TOML front matter"

# a wrong --format is a usage error
run quotes --format html "$MD/draft.md"
expect_rc 2 "--format html: exit 2"
expect_err "--format wants text or markdown, not 'html'" "--format html: says what it wants"
run quotes "$MD/draft.md" --format
expect_rc 2 "--format without a value"

# check reads the draft's prose as quotes does: every quote verbatim, nothing from the
# front matter or the code, so the gate passes
run check --source "$MD/transcript.txt" "$MD/draft.md"
expect_rc 0 "check markdown: the gate passes"
if [ "$(wc -l <"$OUT")" -eq 4 ] && [ "$(grep -c ' verbatim ' "$OUT")" -eq 4 ]; then ok; else no "check markdown: 4 verbatim quotes"; fi
run check --format text --source "$MD/transcript.txt" "$MD/draft.md"
expect_rc 1 "check --format text: the YAML title fails the gate"

# -- a folder of drafts: its text and Markdown files, sorted, hidden ones skipped, as
# check --source DIR walks (ripgrep and git grep recurse into a folder too)
mkdir -p "$TMP/drafts/sub" "$TMP/drafts/.hidden"
cp "$FX/mayor.txt" "$TMP/drafts/b.txt"
cp "$MD/hugo.md" "$TMP/drafts/sub/a.md"
cp "$FX/mayor.txt" "$TMP/drafts/.hidden/x.txt"
cp "$FX/mayor.txt" "$TMP/drafts/notes.pdf"
run quotes "$TMP/drafts"
expect_rc 0 "quotes DIR exits 0"
if [ "$(cut -d: -f1 "$OUT" | tr '\n' ' ')" = "$TMP/drafts/b.txt $TMP/drafts/sub/a.md " ]; then ok; else
  no "quotes DIR: its .txt and .md files, sorted, hidden and others skipped"; cat "$OUT" >&2; fi
run quotes --json "$TMP/drafts/sub"
expect_json '[f["file"][-4:] for f in d["files"]] == ["a.md"]' "quotes --json DIR: {files: [...]} even for one file"
run sources "$TMP/drafts"
expect_grep "^$TMP/drafts/sub/a.md: 0 sources, 1 quote" "sources DIR: the Markdown file"
expect_grep "^$TMP/drafts/b.txt: 1 source, 1 quote" "sources DIR: the text file"
run check --source "$MD/transcript.txt" "$MD"
expect_grep "draft.qmd:16:1: note: verbatim" "check DIR: the folder's drafts"
mkdir -p "$TMP/nodrafts"
cp "$FX/mayor.txt" "$TMP/nodrafts/x.pdf"
run quotes "$TMP/nodrafts" "$FX/mayor.txt"
expect_rc 2 "a folder without drafts: exit 2"
expect_err "nodrafts: no text or Markdown files" "a folder without drafts: said so"
expect_grep "mayor.txt:1:17: " "a folder without drafts: the other files still listed"
