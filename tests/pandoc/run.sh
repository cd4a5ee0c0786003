#!/bin/sh
# pandoc filter tests, in the style of pandoc's lua-filters repository: sample inputs
# here, expected outputs in expected/, a diff. Every case runs the filter both ways:
# natively (verbatim.core loaded into pandoc's Lua through LUA_CPATH) and through the
# CLI (VERBATIM_ENGINE=cli, as with a static pandoc that cannot load C modules).
#   sh tests/pandoc/run.sh            (from anywhere; make test-pandoc)
#   UPDATE=1 sh tests/pandoc/run.sh   rewrite expected/*.native (the filter's AST, see ast.lua)
#                                     from the native run, then review the diff
#   PANDOC=PROGRAM sh tests/pandoc/run.sh   on another pandoc (a name on PATH or an absolute
#                                     path; make test-hosts: those of newer Debian releases)
cd "$(dirname "$0")/../.." || exit 2
PANDOC=${PANDOC:-pandoc}
VB=${VB:-build/verbatim}
F=lua/verbatim/filter.lua
EXT=_extensions/verbatim/verbatim.lua
D=tests/pandoc

if ! command -v "$PANDOC" >/dev/null 2>&1; then
  echo "pandoc: skipped (pandoc is not installed)"
  exit 0
fi
[ -x "$VB" ] || { echo "pandoc: $VB missing (make cli)" >&2; exit 2; }
PV=$("$PANDOC" --version | sed -n '1s/^pandoc[^ ]* //p')

T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# the module must match pandoc's Lua (Debian 12's pandoc 2.17: 5.3; Debian 13's 3.1: 5.4)
echo 'io.stdout:write(_VERSION:match("%d+%.%d+"))' > "$T/luav.lua"
LV=$(echo | "$PANDOC" --lua-filter "$T/luav.lua" -t plain -o /dev/null)
NATIVE_CPATH="build/lua$LV/?.so"
if [ ! -f "build/lua$LV/verbatim/core.so" ]; then
  ${MAKE:-make} -s LUA="$LV" module >/dev/null || { echo "pandoc: cannot build the Lua $LV module" >&2; exit 2; }
fi

native() { LUA_CPATH="$NATIVE_CPATH" VERBATIM_ENGINE=native VERBATIM_CLI="$VB" "$PANDOC" --lua-filter "${FILTER:-$F}" "$@"; }
viacli() { LUA_CPATH="" VERBATIM_ENGINE=cli VERBATIM_CLI="$VB" "$PANDOC" --lua-filter "${FILTER:-$F}" "$@"; }

# kinds, speakers, verdicts and the Sources section come from the engine stages and
# the expected outputs pin where the quote spans go
# (pandoc 3 may write the Sources Div as a <section>)
norm() { sed -e '/<\(div\|section\) id="verbatim-sources"/,$d' -e 's/ data-kind="[^"]*"//g' -e 's/ data-speaker="[^"]*"//g' -e 's/ title="[^"]*"//g'; }

# The golden files hold the filter's AST, not HTML: pandoc's HTML writer changes between
# versions (line blocks, footnotes, table rows, sections) where the filter does not.
# ast NAME RUNNER ARGS...: the document as the filter leaves it for HTML output, written
# to $T/NAME in native form by ast.lua (which leaves out what norm leaves out)
ast() { n=$1 r=$2; shift 2; VB_AST="$T/$n" $r "$@" --lua-filter $D/ast.lua -t html -o /dev/null 2>"$T/err"; }
# golden NAME FILE: the AST in FILE against expected/NAME, both read and written again by
# this pandoc, so that the layout of one version's native writer does not count either
# (UPDATE=1 writes expected/NAME)
canon() { "$PANDOC" -f native -t native "$1"; }
golden() {
  if [ -n "$UPDATE" ]; then cp "$2" "$D/expected/$1"; ok; return; fi
  if ! canon "$D/expected/$1" >"$T/want" 2>"$T/diff" || ! canon "$2" >"$T/got" 2>>"$T/diff"; then
    no "$1: no AST to compare: $(cat "$T/diff" "$T/err")"
  elif diff -u "$T/want" "$T/got" >"$T/diff"; then ok
  else no "$1 differs from expected:"; cat "$T/diff" >&2; fi
}
# e2e NAME HTML: end to end, the filter's HTML page (through norm) is what this pandoc's
# HTML writer makes of the expected AST
e2e() {
  "$PANDOC" -f native "$D/expected/$1" -t html --wrap=none | norm >"$T/want.html"
  if diff -u "$T/want.html" "$2" >"$T/diff"; then ok; else no "$1, end to end: the HTML page is not what pandoc writes for it:"; cat "$T/diff" >&2; fi
}

# ------------------------------------------------------------------ pure Lua parts
echo | VB_FILTER=$F "$PANDOC" --lua-filter $D/internals.lua -t plain -o /dev/null >"$T/int" 2>&1 \
  && grep -q ', 0 failed' "$T/int" && ok || no "internals: $(cat "$T/int")"

# ------------------------------------------------------------------ annotate: where spans go
# Markdown with the smart extension: Quoted elements, a quote across two paragraphs,
# emphasis inside a quote, apostrophes ('90s, Smiths', We've) left alone, a block quote
ast md.native native $D/article.md
golden annotate.native "$T/md.native"
ast md-cli.native viacli $D/article.md
golden annotate.native "$T/md-cli.native"
native $D/article.md -t html --wrap=none 2>"$T/err" | norm >"$T/md.html"
[ -n "$UPDATE" ] || e2e annotate.native "$T/md.html"

# notes, links and code inside quotes; lists, definition lists, line blocks
ast edge.native native $D/edge.md
golden edge.native "$T/edge.native"
ast edge-cli.native viacli $D/edge.md
golden edge.native "$T/edge-cli.native"
native $D/edge.md -t html --wrap=none 2>"$T/err" | norm >"$T/edge.html"
[ -n "$UPDATE" ] || e2e edge.native "$T/edge.html"

# the Quarto extension is a shim that loads this tree's filter (no copy to keep in step)
grep -q 'Renderer' $EXT && no "$EXT carries filter code: it should only load lua/verbatim/filter.lua" || ok
FILTER=$EXT ast ext.native viacli $D/article.md
golden annotate.native "$T/ext.native"
FILTER=$EXT ast ext-native.native native $D/article.md
golden annotate.native "$T/ext-native.native"
# copied out of the tree (quarto add) with nothing installed: an error naming both places
mkdir -p "$T/proj/_extensions/verbatim"
cp $EXT "$T/proj/_extensions/verbatim/"
(cd "$T/proj" && HOME="$T/nohome" LUA_PATH="" "$PANDOC" --lua-filter _extensions/verbatim/verbatim.lua "$OLDPWD/$D/strict.md" \
  -t html -o /dev/null 2>err) && no "the shim without a filter to load succeeded" \
  || { grep -q 'package.path' "$T/proj/err" && grep -q 'lua/verbatim/filter.lua' "$T/proj/err" \
         && grep -q 'share/pandoc/filters/verbatim.lua' "$T/proj/err" && ! grep -q traceback "$T/proj/err" && ok \
       || no "the shim's error does not name both places: $(cat "$T/proj/err")"; }
# ... and with the filter on package.path it loads that one, and its engine
(cd "$T/proj" && LUA_PATH="$OLDPWD/lua/?.lua;;" LUA_CPATH="$OLDPWD/$NATIVE_CPATH" VERBATIM_ENGINE=native \
  "$PANDOC" --verbose --lua-filter _extensions/verbatim/verbatim.lua --metadata-file "$OLDPWD/$D/opts.yaml" \
  "$OLDPWD/$D/strict.md" -t html -o out.html 2>err)
grep -q "engine: native" "$T/proj/err" && grep -q 'class="quote"' "$T/proj/out.html" && ok \
  || no "the shim with the filter on package.path: $(cat "$T/proj/err")"

# without the smart extension quotes are loose characters inside Str
ast nosmart.native native -f markdown-smart $D/article.md
golden annotate-nosmart.native "$T/nosmart.native"
native -f markdown-smart $D/article.md -t html --wrap=none 2>"$T/err" | norm >"$T/nosmart.html"
[ "$(grep -o 'data-quote="[0-9]*"' "$T/nosmart.html" | sort -u | wc -l)" = \
  "$(grep -o 'data-quote="[0-9]*"' "$T/md.html" | sort -u | wc -l)" ] && ok || no "markdown-smart finds another number of quotes"

# marks glued to the words and punctuation around them: Str split at the quote's edges
ast loose.native native -f markdown-smart $D/loose.md
golden loose.native "$T/loose.native"

# HTML input: <q> (Quoted) and curly marks in text, a scare quote inside <em>
ast html.native native --metadata-file $D/opts.yaml $D/article.html
golden html-input.native "$T/html.native"
native --metadata-file $D/opts.yaml $D/article.html -t html --wrap=none 2>"$T/err" | norm >"$T/html.html"
viacli --metadata-file $D/opts.yaml $D/article.html -t html --wrap=none 2>"$T/err" | norm >"$T/html-cli.html"
cmp -s "$T/html.html" "$T/html-cli.html" && ok || no "HTML input: the CLI path annotates differently"

# docx, made here from the Markdown fixture (nothing binary in the repository): the
# same quotes come back from Word's runs of curly marks
# (the body alone: the docx writer would carry the metadata over as a string)
awk 'body; /^---$/ && ++n == 2 { body = 1 }' $D/article.md >"$T/plain.md"
"$PANDOC" "$T/plain.md" -o "$T/article.docx"
printf 'verbatim:\n  annotate: true\n  report: %s\n' "$T/docx.json" >"$T/docx.yaml"
printf 'verbatim:\n  annotate: true\n  report: %s\n' "$T/md.json" >"$T/md.yaml"
native --metadata-file "$T/docx.yaml" "$T/article.docx" -t html 2>"$T/err" >"$T/docx.html"
native --metadata-file "$T/md.yaml" "$T/plain.md" -t html 2>"$T/err" >/dev/null
python3 - "$T/md.json" "$T/docx.json" >"$T/cmp" 2>&1 <<'EOF' && ok || no "docx: quotes differ from the Markdown source: $(cat "$T/cmp")"
import json, sys
texts = [[" ".join(q["text"].split()) for q in json.load(open(p))["quotes"]] for p in sys.argv[1:]]
assert texts[0] and texts[0] == texts[1], texts
EOF
grep -q 'class="quote"' "$T/docx.html" && ok || no "docx: no quote spans"

# other formats keep the text unchanged
for fmt in markdown latex plain; do
  "$PANDOC" "$T/plain.md" -t $fmt >"$T/want.$fmt"
  native --metadata-file $D/opts.yaml "$T/plain.md" -t $fmt 2>"$T/err" >"$T/got.$fmt"
  cmp -s "$T/want.$fmt" "$T/got.$fmt" && ok || no "annotate changed the $fmt output"
done

# no verbatim options: the document passes through untouched
"$PANDOC" $D/strict.md -t native >"$T/want.native"
native $D/strict.md -t native >"$T/got.native" 2>"$T/err"
cmp -s "$T/want.native" "$T/got.native" && ok || no "a document without options was changed"

# make install: the filter lands in PREFIX/share/pandoc/filters and finds the module and
# the CLI of that prefix by itself (no LUA_CPATH, no VERBATIM_CLI)
if ${MAKE:-make} -s install PREFIX="$T/prefix" LUA="$LV" >"$T/inst" 2>&1; then
  IF="$T/prefix/share/pandoc/filters/verbatim.lua"
  (cd "$T" && env -u VERBATIM_CLI -u VERBATIM_ENGINE "$PANDOC" --verbose --lua-filter "$IF" \
    --metadata-file "$OLDPWD/$D/opts.yaml" "$OLDPWD/$D/strict.md" -t html -o inst.html 2>inst.err)
  grep -q "engine: native" "$T/inst.err" && grep -q 'class="quote"' "$T/inst.html" && ok \
    || no "installed filter, native: $(cat "$T/inst.err")"
  rm -rf "$T/prefix/lib"
  (cd "$T" && env -u VERBATIM_CLI -u VERBATIM_ENGINE PATH=/usr/bin:/bin "$PANDOC" --verbose --lua-filter "$IF" \
    --metadata-file "$OLDPWD/$D/opts.yaml" "$OLDPWD/$D/strict.md" -t html -o inst.html 2>inst.err)
  grep -q "engine: cli" "$T/inst.err" && grep -q 'class="quote"' "$T/inst.html" && ok \
    || no "installed filter, CLI of the prefix: $(cat "$T/inst.err")"
  # the Quarto shim, out of the tree, loads the installed filter (PREFIX/share/lua/5.x/verbatim/)
  # through LUA_PATH, and that filter finds the CLI of its prefix
  mkdir -p "$T/proj2/_extensions/verbatim" && cp $EXT "$T/proj2/_extensions/verbatim/"
  (cd "$T/proj2" && env -u VERBATIM_CLI -u VERBATIM_ENGINE PATH=/usr/bin:/bin LUA_PATH="$T/prefix/share/lua/$LV/?.lua" \
    "$PANDOC" --verbose --lua-filter _extensions/verbatim/verbatim.lua --metadata-file "$OLDPWD/$D/opts.yaml" \
    "$OLDPWD/$D/strict.md" -t html -o inst.html 2>inst.err)
  grep -q "engine: cli" "$T/proj2/inst.err" && grep -q 'class="quote"' "$T/proj2/inst.html" && ok \
    || no "the shim over the installed filter: $(cat "$T/proj2/inst.err")"
  # Quarto's way: a static pandoc with Lua 5.4 looks in no Lua 5.3 folder, so the shim
  # finds the filter among pandoc's (here the user data directory, --data-dir), which runs
  # the CLI of its prefix (the module removed above, nothing on LUA_PATH)
  (cd "$T/proj2" && env -u VERBATIM_CLI -u VERBATIM_ENGINE HOME="$T/nohome" PATH=/usr/bin:/bin LUA_PATH="" \
    "$PANDOC" --verbose --data-dir "$T/prefix/share/pandoc" --lua-filter _extensions/verbatim/verbatim.lua \
    --metadata-file "$OLDPWD/$D/opts.yaml" "$OLDPWD/$D/strict.md" -t html -o quarto.html 2>quarto.err)
  grep -q "engine: cli" "$T/proj2/quarto.err" && grep -q 'class="quote"' "$T/proj2/quarto.html" && ok \
    || no "the shim over the filter among pandoc's (Quarto's way): $(cat "$T/proj2/quarto.err")"
else
  no "make install: $(cat "$T/inst")"
fi

# ------------------------------------------------------------------ report and positions
printf 'verbatim:\n  report: %s\n' "$T/rep.json" >"$T/rep.yaml"
native --metadata-file "$T/rep.yaml" "$T/plain.md" -t html -o /dev/null 2>"$T/err"
python3 - "$T/rep.json" "$(grep -o 'data-quote="[0-9]*"' "$T/md.html" | sort -u | wc -l)" 2>"$T/py" <<'EOF' && ok || no "report: $(tail -1 "$T/py")"
import json, sys
r = json.load(open(sys.argv[1]))
qs = r["quotes"]
assert len(qs) == int(sys.argv[2]) > 0, (len(qs), sys.argv[2])
assert r["engine"] == "native" and r["file"].endswith("plain.md")
assert all(q["end"] > q["start"] >= 0 for q in qs), "offsets"
empty = [q["where"] for q in qs if not q["text"]]
assert not empty, "quotes without text at %s (the engine's text of quotes after a block quote)" % empty
assert any("two dry weeks" in q["text"] and q["kind"] == "block" for q in qs), "the quote over two paragraphs"
EOF

# an unclosed quote is a warning with its position: line:col from +sourcepos (CommonMark),
# the paragraph otherwise
native -f commonmark_x+sourcepos --metadata-file $D/opts.yaml $D/unbalanced.md -t html -o /dev/null 2>"$T/err"
grep -q "unbalanced.md:3:31" "$T/err" && ok || no "sourcepos warning: $(cat "$T/err")"
# every quote of the report has its line:col, the block quote (whose marks the filter
# adds) included
printf 'verbatim:\n  report: %s\n' "$T/pos.json" >"$T/pos.yaml"
native -f commonmark_x+sourcepos --metadata-file "$T/pos.yaml" "$T/plain.md" -t html -o /dev/null 2>"$T/err"
python3 - "$T/pos.json" "$(grep -n '^> The repair works' "$T/plain.md" | cut -d: -f1)" "$T/plain.md" 2>"$T/py" <<'EOF' && ok || no "sourcepos report: $(tail -1 "$T/py")"
import json, sys
qs = json.load(open(sys.argv[1]))["quotes"]
lines = open(sys.argv[3], encoding="utf-8").read().split("\n")
for q in qs:
    assert q.get("line") and q.get("col"), q
    # the opening mark (or the first word, for the block quote) is where the report says
    at = lines[q["line"] - 1].encode()[q["col"] - 1:].decode(errors="replace")
    assert at[:1] in "\"'\u201c" or q["text"].startswith(at.split()[0]), (q["where"], at[:20])
bq = [q for q in qs if "repair works" in q["text"]]
assert bq and bq[0]["line"] == int(sys.argv[2]) and bq[0]["col"] == 3, bq
EOF
# without +sourcepos the filter finds the quote in the input file itself
viacli --metadata-file $D/opts.yaml $D/unbalanced.md -t html -o /dev/null 2>"$T/err"
grep -q "^\[WARNING\] verbatim: $D/unbalanced.md:3:31: unclosed" "$T/err" && ok || no "position without sourcepos: $(cat "$T/err")"
# ... and from stdin, with no file to look in, it names the paragraph
viacli --metadata-file $D/opts.yaml -t html -o /dev/null <$D/unbalanced.md 2>"$T/err"
grep -q "^\[WARNING\] verbatim: paragraph 2: unclosed" "$T/err" && ok || no "paragraph warning: $(cat "$T/err")"

# no engine at all: a clear error, not a Lua traceback about nil
LUA_CPATH="" VERBATIM_ENGINE=cli VERBATIM_CLI=/nonexistent/verbatim "$PANDOC" --lua-filter $F \
  --metadata-file $D/opts.yaml $D/strict.md -t html -o /dev/null 2>"$T/err"
rc=$?
[ $rc -ne 0 ] && grep -q "no engine" "$T/err" && grep -q "VERBATIM_CLI" "$T/err" && ok || no "missing engine (rc $rc): $(cat "$T/err")"

# a CLI that prints broken JSON, a native engine asked for but not there: clear errors
LUA_CPATH="" VERBATIM_ENGINE=cli VERBATIM_CLI=$D/broken-cli.sh "$PANDOC" --lua-filter $F \
  --metadata-file $D/opts.yaml $D/strict.md -t html -o /dev/null 2>"$T/err"
rc=$?
[ $rc -ne 0 ] && grep -q "bad JSON from the engine" "$T/err" && ok || no "broken CLI output (rc $rc): $(cat "$T/err")"
# (a tree of the Lua files alone: a source tree's filter finds the module its build made)
mkdir -p "$T/bare" && cp -R lua "$T/bare/" && rm -f "$T/bare/lua/verbatim/"*.so
LUA_CPATH="" VERBATIM_ENGINE=native "$PANDOC" --lua-filter "$T/bare/lua/verbatim/filter.lua" \
  --metadata-file $D/opts.yaml $D/strict.md -t html -o /dev/null 2>"$T/err"
rc=$?
[ $rc -ne 0 ] && grep -q "^verbatim: native engine unavailable: .*module 'verbatim.core' not found (build the module for this pandoc's Lua 5\.[34]: make LUA=5\.[34] module, or engine: cli)$" "$T/err" \
  && [ "$(wc -l <"$T/err")" -eq 1 ] && ok || no "engine: native without the module, one line (rc $rc): $(cat "$T/err")"
# a source tree's filter loads the module built beside it (make LUA=5.x module), no LUA_CPATH
LUA_CPATH="" VERBATIM_ENGINE=native "$PANDOC" --verbose --lua-filter $F \
  --metadata-file $D/opts.yaml $D/strict.md -t html -o /dev/null 2>"$T/err"
grep -q "verbatim: engine: native" "$T/err" && ok || no "engine: the source tree's module: $(cat "$T/err")"

# a transcript that cannot be read fails the run
printf 'verbatim:\n  check: no-such-transcript.txt\n' >"$T/missing.yaml"
native --metadata-file "$T/missing.yaml" $D/strict.md -t html -o /dev/null 2>"$T/err"
rc=$?
[ $rc -ne 0 ] && grep -q "no-such-transcript.txt" "$T/err" && ok || no "unreadable transcript (rc $rc): $(cat "$T/err")"

# ------------------------------------------------------------------ speakers
# every person quoted in the fixture is named in data-speaker and listed under Sources
speakers() {  # speakers PATHNAME HTML
  miss=
  while read -r name; do
    grep -q "data-speaker=\"[^\"]*$name" "$2" || miss="$miss $name"
    sed -n '/id="verbatim-sources"/,$p' "$2" | grep -q "$name" || miss="$miss $name(sources)"
  done <$D/speakers.txt
  grep -q '<h2 id="verbatim-sources-title">Sources</h2>' "$2" || miss="$miss (no Sources heading)"
  sed -n '/id="verbatim-sources"/,$p' "$2" | grep -q '([0-9]* quotes*)' || miss="$miss (no quote counts)"
  [ -z "$miss" ] && ok || no "$1: speakers missing:$miss"
}
native $D/article.md -t html --wrap=none >"$T/sp.html" 2>"$T/err"
speakers native "$T/sp.html"
viacli $D/article.md -t html --wrap=none >"$T/sp-cli.html" 2>"$T/err"
speakers cli "$T/sp-cli.html"

# the Sources section counts each source's quotations and reported speech (paraphrase),
# checking or not, on both engines; the JSON report carries both counts
printf 'verbatim:\n  sources-section: true\n' >"$T/para0.yaml"
printf 'verbatim:\n  sources-section: true\n  check: %s\n  report: %s\n' $D/hearing.txt "$T/para.json" >"$T/para.yaml"
for r in native viacli; do
  for meta in "--metadata-file $T/para0.yaml" "--metadata-file $T/para.yaml"; do
    case $meta in *para.yaml) how=", checking" ;; *) how= ;; esac
    rm -f "$T/para.json"
    $r $meta $D/paraphrase.md -t markdown -o "$T/para.md" 2>"$T/err"
    # (pandoc 3's Markdown writer puts one space after a list's dash, 2.17's three)
    grep -Eq '^- +\*\*Tomasz Wierzbicki\*\*, Councillor \(1 quote, 1 paraphrase\)$' "$T/para.md" \
      && grep -Eq '^- +\*\*Dana Whitcombe\*\*, Mayor \(1 paraphrase\)$' "$T/para.md" && ok \
      || no "sources: quotes and paraphrases counted ($r$how): $(sed -n '/Sources/,$p' "$T/para.md") $(cat "$T/err")"
    # reported speech is counted, not marked or checked
    [ "$(grep -c 'verbatim' "$T/err")" -eq 0 ] && ok || no "sources: paraphrase is not checked ($r$how): $(cat "$T/err")"
  done
  python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
got = [(s["name"], s["quotes"], s["paraphrased"]) for s in r["sources"]]
assert got == [("Tomasz Wierzbicki", 1, 1), ("Dana Whitcombe", 0, 1)], got
assert [q["kind"] for q in r["quotes"]] == ["direct"] and r["pass"] is True, r["quotes"]
' "$T/para.json" 2>"$T/py" && ok || no "sources: the JSON report's counts ($r): $(cat "$T/py")"
done

# ------------------------------------------------------------------ checks and strict
strict() {  # strict PATH-NAME RUNNER
  # a transcript that agrees: exit 0 and a verdict on every quote
  $2 --metadata-file $D/check-ok.yaml $D/strict.md -t html --wrap=none >"$T/ok.html" 2>"$T/err"
  rc=$?
  [ $rc -eq 0 ] && ok || no "$1: strict with a faithful transcript exits $rc: $(cat "$T/err")"
  n=$(grep -o 'data-quote="[0-9]*"' "$T/ok.html" | sort -u | wc -l)
  v=$(grep -Eo 'data-quote="[0-9]*" data-kind="[a-z]*"( data-speaker="[^"]*")? data-verdict="(verbatim|faithful)"' "$T/ok.html" | sort -u | wc -l)
  [ "$n" -gt 0 ] && [ "$n" = "$v" ] && ok || no "$1: $v of $n quotes verbatim/faithful: $(grep -o '<span class="quote"[^>]*>' "$T/ok.html")"
  # one word changed in the transcript: non-zero exit, and the message shows the word
  $2 --metadata-file $D/check-edited.yaml $D/strict.md -t html -o /dev/null 2>"$T/err"
  rc=$?
  [ $rc -ne 0 ] && ok || no "$1: strict with an edited transcript exits 0"
  # (the transcript says "bill" where the article prints "tax")
  grep -q 'altered' "$T/err" && grep -Eq '\[-bill|\{\+tax' "$T/err" && ok || no "$1: the message does not show the changed word: $(cat "$T/err")"
  # not strict: the same misquote is a warning and the document is still written
  sed '/strict/d' $D/check-edited.yaml >"$T/lenient.yaml"
  $2 --metadata-file "$T/lenient.yaml" --resource-path=$D $D/strict.md -t html --wrap=none >"$T/len.html" 2>"$T/err"
  rc=$?
  [ $rc -eq 0 ] && grep -q 'data-verdict="altered"' "$T/len.html" && grep -Eq '\[-bill|\{\+tax' "$T/err" && ok \
    || no "$1: without strict the misquote should warn and annotate (rc $rc)"
  # an archive index (verbatim index) in place of the transcripts
  "$VB" index --output "$T/hearing.vbi" $D/hearing-edited.txt 2>/dev/null
  printf 'verbatim:\n  index: %s\n  strict: true\n' "$T/hearing.vbi" >"$T/index.yaml"
  $2 --metadata-file "$T/index.yaml" $D/strict.md -t html -o /dev/null 2>"$T/err"
  rc=$?
  [ $rc -ne 0 ] && grep -Eq '\[-bill|\{\+tax' "$T/err" && ok || no "$1: strict with an index (rc $rc): $(cat "$T/err")"
}
strict native native
strict cli viacli
# the native engine checks against an index by itself: with no CLI to be found the gate
# still fails on the misquote (and does not pass unchecked)
VERBATIM_CLI=/nonexistent/verbatim PATH=/usr/bin:/bin LUA_CPATH="$NATIVE_CPATH" VERBATIM_ENGINE=native \
  "$PANDOC" --lua-filter $F --metadata-file "$T/index.yaml" $D/strict.md -t html -o /dev/null 2>"$T/err"
rc=$?
[ $rc -ne 0 ] && grep -Eq '\[-bill|\{\+tax' "$T/err" && ok || no "native, index, no CLI (rc $rc): $(cat "$T/err")"
# an index that is not one: one line naming it
printf 'VBIDX but nothing after\n' >"$T/broken.vbi"
printf 'verbatim:\n  index: %s\n' "$T/broken.vbi" >"$T/broken.yaml"
native --metadata-file "$T/broken.yaml" $D/strict.md -t html -o /dev/null 2>"$T/err"
rc=$?
[ $rc -ne 0 ] && grep -q "^verbatim: $T/broken.vbi: " "$T/err" && ok || no "a broken index (rc $rc): $(cat "$T/err")"

# ------------------------------------------------------------------ one gate everywhere
# The same draft and transcript through the CLI (its exit status and --json), Lua's
# vb.check and the filter with both engines (its exit status with strict, its report):
# the same verdicts, the same quotes failing, the same pass or fail, under each policy
# of the gate: the default, strict-terms, fail-on +uncovered (the quotes the transcript
# does not cover fail too), both, and fail-on -altered (a changed word passes).
G=$D/gate
gate_lua=lua5.4
command -v $gate_lua >/dev/null 2>&1 || gate_lua=
[ -z "$gate_lua" ] || [ -f build/lua5.4/verbatim/core.so ] || ${MAKE:-make} -s LUA=5.4 module >/dev/null 2>&1 || gate_lua=
[ -n "$gate_lua" ] || echo "pandoc: the Lua leg of the gate test is skipped (no lua5.4 or its module)"
for draft in clean altered misattributed terms; do
  for terms in "" strict-terms +uncovered strict-terms,+uncovered -altered; do
    case=$draft${terms:+ ($terms)}
    st=; fo=
    case $terms in strict-terms*) st=1 ;; esac
    case $terms in *uncovered) fo=+uncovered ;; -altered) fo=-altered ;; esac
    "$VB" check --json ${st:+--strict-terms} ${fo:+--fail-on=$fo} --source $D/hearing.txt $G/$draft.md >"$T/g-cli.json" 2>/dev/null
    echo "exit $?" >"$T/g-cli.rc"
    if [ -n "$gate_lua" ]; then
      LUA_CPATH="build/lua5.4/?.so" LUA_PATH="lua/?.lua;lua/?/init.lua" $gate_lua $G/check.lua \
        $G/$draft.md $D/hearing.txt "$st" "$fo" >"$T/g-lua.json" 2>"$T/g-lua.err" || echo '{"lua": "failed"}' >"$T/g-lua.json"
    else
      : >"$T/g-lua.json"
    fi
    for eng in native cli; do
      printf 'verbatim:\n  check: %s\n  strict: true\n  report: %s\n' $D/hearing.txt "$T/g-$eng.json" >"$T/g.yaml"
      [ -n "$st" ] && printf '  strict-terms: true\n' >>"$T/g.yaml"
      [ -n "$fo" ] && printf '  fail-on: ["%s"]\n' "$fo" >>"$T/g.yaml"
      rm -f "$T/g-$eng.json"
      if [ $eng = native ]; then r=native; else r=viacli; fi
      $r --metadata-file "$T/g.yaml" $G/$draft.md -t html -o /dev/null 2>"$T/g-$eng.err"
      echo "exit $?" >"$T/g-$eng.rc"
    done
    python3 - "$T" "$case" 2>"$T/py" <<'EOF' && ok || no "one gate: $case: $(cat "$T/py")"
import json, os, sys
T, case = sys.argv[1], sys.argv[2]
def rc(name):
    return int(open(os.path.join(T, name + ".rc")).read().split()[1])
cli = json.load(open(os.path.join(T, "g-cli.json")))
want = [[q["check"]["verdict"], q["check"]["fails"]] for q in cli["quotes"]]
want_pass = cli["pass"]
assert want, "no quotes"
assert rc("g-cli") == (0 if want_pass else 1), ("CLI exit", rc("g-cli"), want_pass)
legs = {}
lua = open(os.path.join(T, "g-lua.json")).read()
if lua:
    legs["lua"] = json.loads(lua)
for eng in ("native", "cli"):
    # the filter writes its report before the gate stops the run
    r = json.load(open(os.path.join(T, "g-%s.json" % eng)))
    legs["filter/" + eng] = {"pass": r["pass"], "quotes": [[q["check"]["verdict"], q["check"]["fails"]] for q in r["quotes"]]}
    assert rc("g-" + eng) == (0 if want_pass else 1), ("filter/%s exit" % eng, rc("g-" + eng), open(os.path.join(T, "g-%s.err" % eng)).read())
for name, got in legs.items():
    assert got.get("quotes") == want, (name, got.get("quotes"), "CLI", want)
    assert got.get("pass") == want_pass, (name, "pass", got.get("pass"), "CLI", want_pass)
EOF
  done
done
# the cases differ where they should: clean and terms pass, the others fail (terms with strict-terms)
"$VB" check --source $D/hearing.txt $G/clean.md $G/terms.md >/dev/null 2>&1 && ok || no "one gate: clean and terms should pass the CLI"
"$VB" check --strict-terms --source $D/hearing.txt $G/terms.md >/dev/null 2>&1 && ok || no "one gate: terms the transcript does not cover pass with --strict-terms"
"$VB" check --strict-terms --fail-on +uncovered --source $D/hearing.txt $G/terms.md >/dev/null 2>&1; [ $? -eq 1 ] && ok || no "one gate: ... and fail with --fail-on +uncovered"
"$VB" check --fail-on=-altered --source $D/hearing.txt $G/altered.md >/dev/null 2>&1; [ $? -eq 1 ] && ok || no "one gate: -altered still fails on the quote not found"
printf 'verbatim:\n  check: %s\n  strict: true\n' $D/hearing.txt >"$T/g.yaml"
for draft in altered misattributed; do
  native --metadata-file "$T/g.yaml" $G/$draft.md -t html -o /dev/null 2>"$T/err"
  [ $? -eq 1 ] && grep -q "^verbatim: strict: " "$T/err" && ok || no "one gate: $draft should fail strict: $(cat "$T/err")"
done
# strict with nothing to check against is an error, never a pass
printf 'verbatim:\n  check: []\n  strict: true\n' >"$T/empty.yaml"
native --metadata-file "$T/empty.yaml" $G/altered.md -t html -o /dev/null 2>"$T/err"
rc=$?
[ $rc -eq 83 ] && grep -q "^verbatim: strict: nothing to check against" "$T/err" && [ "$(wc -l <"$T/err")" -eq 1 ] && ok \
  || no "strict with check: [] (rc $rc): $(cat "$T/err")"

# ------------------------------------------------------------------ Word comments
# docx output with a check: a Word comment (word/comments.xml, anchored in the text by
# commentRangeStart/End) on each quote that is altered, not found or another speaker's
# words, holding the verdict, the place in the transcript and the word diff; none on the
# quotes that are right, none without a check, none with comments: false
docx_comments() {  # docx_comments NAME DOCX WANT...: the comments of DOCX are WANT (substrings, in order)
  python3 - "$@" 2>"$T/py" <<'EOF' && ok || no "docx comments: $1: $(cat "$T/py")"
import re, sys, zipfile
name, path, want = sys.argv[1], sys.argv[2], sys.argv[3:]
z = zipfile.ZipFile(path)
names = z.namelist()
doc = z.read("word/document.xml").decode()
if not want:
    assert "word/comments.xml" not in names or "<w:comment " not in z.read("word/comments.xml").decode(), "unexpected comments"
    assert "commentRangeStart" not in doc
    sys.exit(0)
xml = z.read("word/comments.xml").decode()
comments = re.findall(r'<w:comment w:id="([^"]+)" w:author="([^"]+)"[^>]*>(.*?)</w:comment>', xml, re.S)
texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body)) for _, _, body in comments]
assert len(comments) == len(want), (len(comments), texts)
for (cid, author, _), text, w in zip(comments, texts, want):
    assert author == "verbatim", author
    assert w in text.replace("&quot;", '"').replace("&#39;", "'"), (w, text)
    # anchored around the quote's words in the text
    start = doc.find('<w:commentRangeStart w:id="%s"' % cid)
    end = doc.find('<w:commentRangeEnd w:id="%s"' % cid)
    assert 0 <= start < end, ("no range for comment", cid)
EOF
}
printf 'verbatim:\n  check: %s\n' $D/hearing.txt >"$T/dx.yaml"
for r in native viacli; do
  $r --metadata-file "$T/dx.yaml" $G/altered.md -o "$T/altered-$r.docx" 2>"$T/err"
  docx_comments "altered ($r)" "$T/altered-$r.docx" "Tomasz Wierzbicki: altered (fails the check); $D/hearing.txt:3:48 (WIERZBICKI); We will not rush a [-tax-] {+levy+} through" \
    "[-public-] hearing first" "Dana Whitcombe: altered" "not found"
  $r --metadata-file "$T/dx.yaml" $G/misattributed.md -o "$T/mis-$r.docx" 2>"$T/err"
  docx_comments "another speaker ($r)" "$T/mis-$r.docx" "Dana Whitcombe: verbatim, but WIERZBICKI's words (fails the check)"
  $r --metadata-file "$T/dx.yaml" $G/clean.md -o "$T/clean-$r.docx" 2>"$T/err"
  docx_comments "clean ($r)" "$T/clean-$r.docx"
done
printf '  comments: false\n' >>"$T/dx.yaml"
native --metadata-file "$T/dx.yaml" $G/altered.md -o "$T/nocomments.docx" 2>"$T/err"
docx_comments "comments: false" "$T/nocomments.docx"
native $G/altered.md -o "$T/nocheck.docx" 2>"$T/err"
docx_comments "no check" "$T/nocheck.docx"
# the words of the document are left as they were
"$PANDOC" $G/altered.md -t plain >"$T/want.txt"
"$PANDOC" "$T/altered-native.docx" -t plain >"$T/got.txt"
cmp -s "$T/want.txt" "$T/got.txt" && ok || no "docx comments changed the text: $(diff "$T/want.txt" "$T/got.txt" | head -5)"

# ------------------------------------------------------------------ clean messages
# one line per problem, position first; no Lua traceback, no "Scripting warning at"
# (pandoc 3.2+ puts that before pandoc.log's warnings); --quiet silences warnings only
clean_err() { ! grep -Eq 'stack traceback|Scripting (warning|info|error)|filter\.lua:[0-9]+:' "$1"; }
printf 'verbatim:\n  check: %s\n' $D/hearing.txt >"$T/m.yaml"
native --metadata-file "$T/m.yaml" $G/altered.md -t html -o /dev/null 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && clean_err "$T/err" && [ "$(grep -c '^\[WARNING\] verbatim: ' "$T/err")" -eq 4 ] \
  && grep -q "^\[WARNING\] verbatim: $G/altered.md:3:1: altered quote “We will not rush a levy through in one evening,” (Tomasz Wierzbicki): We will not rush a \[-tax-\] {+levy+} through in one evening ($D/hearing.txt:3:48)\$" "$T/err" \
  && grep -q "^\[WARNING\] verbatim: $G/altered.md:7:43: quote “We have waited long enough.” (Dana Whitcombe): not found in the sources\$" "$T/err" \
  && ok || no "warnings (rc $rc): $(cat "$T/err")"
native --quiet --metadata-file "$T/m.yaml" $G/altered.md -t html -o /dev/null 2>"$T/err"
[ ! -s "$T/err" ] && ok || no "--quiet: $(cat "$T/err")"
printf '  strict: true\n' >>"$T/m.yaml"
for r in native viacli; do
  $r --quiet --metadata-file "$T/m.yaml" $G/misattributed.md -t html -o "$T/never.html" 2>"$T/err"
  rc=$?
  [ $rc -eq 1 ] && clean_err "$T/err" && [ ! -e "$T/never.html" ] && [ "$(wc -l <"$T/err")" -eq 2 ] \
    && grep -q "^verbatim: $G/misattributed.md:3:1: quote “We will not rush a tax through in one evening,” (Dana Whitcombe): $D/hearing.txt:3:48 gives these words to WIERZBICKI\$" "$T/err" \
    && grep -q "^verbatim: strict: 1 of 2 quotes fails the check (above); no output written\$" "$T/err" \
    && ok || no "$r: strict failure, even with --quiet (rc $rc): $(cat "$T/err")"
done
# a report in a folder that does not exist: the folder is made
rm -rf "$T/new"
printf 'verbatim:\n  check: %s\n  report: %s\n' $D/hearing.txt "$T/new/a/b/rep.json" >"$T/r.yaml"
native --metadata-file "$T/r.yaml" $G/clean.md -t html -o /dev/null 2>"$T/err" && [ -s "$T/new/a/b/rep.json" ] && ok \
  || no "report in a new folder: $(cat "$T/err")"
# ... where it cannot be made: one line naming it, exit 83
: >"$T/afile"
printf 'verbatim:\n  check: %s\n  report: %s\n' $D/hearing.txt "$T/afile/sub/rep.json" >"$T/r.yaml"
native --metadata-file "$T/r.yaml" $G/clean.md -t html -o /dev/null 2>"$T/err"
rc=$?
[ $rc -eq 83 ] && clean_err "$T/err" && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "^verbatim: $T/afile/sub/rep.json: " "$T/err" && ok \
  || no "report folder that cannot be made (rc $rc): $(cat "$T/err")"
# a bad option value, an engine that is not there: one line each
printf 'verbatim:\n  check: %s\n  borrowed: few\n' $D/hearing.txt >"$T/r.yaml"
native --metadata-file "$T/r.yaml" $G/clean.md -t html -o /dev/null 2>"$T/err"
rc=$?
[ $rc -eq 83 ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "^verbatim: borrowed: " "$T/err" && ok || no "bad borrowed (rc $rc): $(cat "$T/err")"

# ------------------------------------------------------------------ the audit page and the review style
# report: FILE.html is the page of `verbatim check --html`, the same bytes from either engine
for r in native viacli; do
  printf 'verbatim:\n  check: %s\n  report: %s\n' $D/hearing.txt "$T/pages/$r.html" >"$T/r.yaml"
  $r --metadata-file "$T/r.yaml" $G/altered.md -t html -o /dev/null 2>"$T/err" || true
done
[ -s "$T/pages/native.html" ] && cmp -s "$T/pages/native.html" "$T/pages/viacli.html" \
  && grep -q '<mark class="q v-altered fails" id="q1"' "$T/pages/native.html" \
  && grep -q "<title>Quote check: $G/altered.md</title>" "$T/pages/native.html" && ok \
  || no "report .html: the page differs between engines or lacks its marks"
# review: the spans carry what the hover shows, the style comes once, with the page's colours
printf 'verbatim:\n  review: true\n  check: %s\n' $D/hearing.txt >"$T/r.yaml"
for r in native viacli; do
  $r -s --metadata title=t --metadata-file "$T/r.yaml" $G/altered.md -t html --wrap=none -o "$T/review-$r.html" 2>"$T/err"
done
python3 - "$T/review-native.html" src/report.c 2>"$T/py" <<'EOF' && ok || no "review style: $(cat "$T/py")"
import re, sys
from html.parser import HTMLParser
html = open(sys.argv[1], encoding="utf-8").read()
spans = []
class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "span" and "quote" in a.get("class", "").split():
            spans.append(a)
P().feed(html)
assert [s["data-verdict"] for s in spans] == ["altered", "altered", "altered", "not_found"], spans
assert all(s["data-fails"] == "true" for s in spans)
tip = spans[0]["data-tip"].split("\n")
assert tip == ["Tomasz Wierzbicki: altered (fails the check)", "tests/pandoc/hearing.txt:3:48 (WIERZBICKI)",
               "We will not rush a [-tax-] {+levy+} through in one evening"], tip
assert not any("title" in s for s in spans), "a title would show a second tooltip"
assert html.count(".quote[data-tip]:hover::after") == 1 and html.index(".quote[data-tip]:hover") < html.index("<body"), "the style once, in the head"
# the colours of the verdicts are the audit page's
page = dict(re.findall(r"--(verbatim|faithful|altered|not_found|cleaned|uncovered):(#[0-9a-f]{6})", open(sys.argv[2]).read()))
assert len(page) == 6, page
for v, colour in page.items():
    assert '.quote[data-verdict="%s"]{background:%s}' % (v, colour) in html, (v, colour)
EOF
cmp -s "$T/review-native.html" "$T/review-viacli.html" && ok || no "review: the CLI engine's page differs"
# a fragment (no -s): the style goes at the top of the body
native --metadata-file "$T/r.yaml" $G/altered.md -t html -o "$T/frag.html" 2>"$T/err"
head -n 1 "$T/frag.html" | grep -q '^<style>' && ok || no "review fragment: no style at the top"
# without review: a title for the tooltip, no style
printf 'verbatim:\n  annotate: true\n  check: %s\n' $D/hearing.txt >"$T/r.yaml"
native --metadata-file "$T/r.yaml" $G/altered.md -t html --wrap=none -o "$T/plain.html" 2>"$T/err"
grep -q 'title="Tomasz Wierzbicki: altered (fails the check)' "$T/plain.html" && ! grep -q '<style>' "$T/plain.html" && ok \
  || no "annotate without review"
# -- the CLI reads a Markdown draft as the filter reads pandoc's AST (src/markdown.c): the
# same quotes, kinds and speakers (footnotes come last in the filter: compared as sets;
# emphasis marks, which the mask keeps, and white space are not compared)
# the filter marks quotations (reported speech without marks is not annotated): the CLI
# is asked for the same
agree() {
  printf 'verbatim:\n  report: %s\n' "$T/agree.json" >"$T/agree.yaml"
  native -f markdown --metadata-file "$T/agree.yaml" "$1" -t html -o /dev/null 2>"$T/err" || { no "agree $1: the filter failed: $(cat "$T/err")"; return; }
  "$VB" quotes --json --no-indirect "$1" >"$T/agree-cli.json" 2>"$T/err" || { no "agree $1: the CLI failed"; return; }
  python3 - "$T/agree.json" "$T/agree-cli.json" <<'PY' && ok || no "agree $1: the CLI and the filter read different quotes"
import json, re, sys
def key(text, kind, who):
    return (re.sub(r"\s+", " ", re.sub(r"[*_]", "", text)).strip(), kind, who)
f = json.load(open(sys.argv[1]))["quotes"]
c = json.load(open(sys.argv[2]))
fs = sorted(key(q["text"], q["kind"], (q.get("speaker") or {}).get("name")) for q in f)
cs = sorted(key(q["text"], q["kind"], (q.get("speaker") or {}).get("name")) for q in c["quotes"])
if fs != cs or c["diagnostics"]:
    print("filter:", fs, "\ncli:   ", cs, "\ncli diagnostics:", c["diagnostics"], file=sys.stderr)
    sys.exit(1)
PY
}
agree tests/fixtures/markdown/draft.md
agree tests/fixtures/markdown/structure.md

# ------------------------------------------------------------------ the project file
# .verbatim.yaml up from the input file names the transcript and the gate; the document's
# own metadata wins over it, key by key (both engines read the file with the C parser)
mkdir -p "$T/proj/drafts"
cp $D/hearing-edited.txt "$T/proj/talks.txt"
sed '1,3d' $D/strict.md >"$T/proj/drafts/story.md"
printf 'check: talks.txt\nstrict: true\n' >"$T/proj/.verbatim.yaml"
for r in native viacli; do
  $r "$T/proj/drafts/story.md" -t html -o /dev/null 2>"$T/err"
  rc=$?
  [ $rc -ne 0 ] && grep -Eq '\[-bill|\{\+tax' "$T/err" && ok || no "$r: the project file's check and strict (rc $rc): $(cat "$T/err")"
  printf -- '---\nverbatim:\n  strict: false\n---\n' | cat - "$T/proj/drafts/story.md" >"$T/proj/drafts/loose.md"
  $r "$T/proj/drafts/loose.md" -t html -o /dev/null 2>"$T/err"
  rc=$?
  [ $rc -eq 0 ] && grep -Eq '\[-bill|\{\+tax' "$T/err" && ok || no "$r: metadata strict: false wins over the file (rc $rc): $(cat "$T/err")"
done
# the project file's fail-on: is the gate's policy in the filter too (the CLI's
# --fail-on), and the metadata's fail-on wins over it
cp $G/terms.md "$T/proj/drafts/terms.md"
cp $D/hearing.txt "$T/proj/hearing.txt"
printf 'check: hearing.txt\nstrict: true\nstrict-terms: true\nfail-on: [+uncovered]\n' >"$T/proj/.verbatim.yaml"
for r in native viacli; do
  $r "$T/proj/drafts/terms.md" -t html -o /dev/null 2>"$T/err"
  rc=$?
  [ $rc -eq 1 ] && grep -q 'not covered by the sources' "$T/err" && grep -q '^verbatim: strict: 2 of 3 quotes fail' "$T/err" && ok \
    || no "$r: the project file's fail-on: +uncovered (rc $rc): $(cat "$T/err")"
  printf -- '---\nverbatim:\n  fail-on: [altered]\n---\n' | cat - "$T/proj/drafts/terms.md" >"$T/proj/drafts/terms2.md"
  $r "$T/proj/drafts/terms2.md" -t html -o /dev/null 2>"$T/err"
  rc=$?
  [ $rc -eq 0 ] && ok || no "$r: the metadata's fail-on wins over the file's (rc $rc): $(cat "$T/err")"
done
printf 'check: hearing.txt\nstrict: true\nfail-on: [sometimes]\n' >"$T/proj/.verbatim.yaml"
for r in native viacli; do
  $r "$T/proj/drafts/terms.md" -t html -o /dev/null 2>"$T/err"
  rc=$?
  # (the CLI engine: the CLI's own line, then the filter's saying it stopped)
  [ $rc -ne 0 ] && [ $rc -ne 1 ] && grep -q "fail-on: unknown gate class 'sometimes'" "$T/err" \
    && ! grep -q 'internal error\|traceback' "$T/err" && [ "$(wc -l <"$T/err")" -le $([ $r = native ] && echo 1 || echo 2) ] && ok \
    || no "$r: a fail-on the gate cannot read is one error, not a pass (rc $rc): $(cat "$T/err")"
done
printf 'check: [talks.txt\n' >"$T/proj/.verbatim.yaml"
native "$T/proj/drafts/story.md" -t html -o /dev/null 2>"$T/err"
rc=$?
[ $rc -ne 0 ] && grep -q '\.verbatim\.yaml:2:1: ' "$T/err" && ok || no "a broken project file (rc $rc): $(cat "$T/err")"

echo "pandoc${PV:+ ($PV)}: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
