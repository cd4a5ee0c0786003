# `verbatim check --html FILE`: the audit page (src/report.c), read here with Python's
# html.parser; tests/report/run.sh loads it in a headless Chromium.
CK=$ROOT/tests/fixtures/check

# page PY NAME: the page in $TMP/page.html parses, and the Python expression PY holds,
# with the page's text in s, its start tags in tags ([(tag, {attr: value})]) and the text
# of each element with an id in text_of
page() {
  if python3 - "$TMP/page.html" "$1" 2>"$TMP/py" <<'PY'
import sys
from html.parser import HTMLParser
s = open(sys.argv[1], encoding="utf-8").read()     # valid UTF-8, or this raises
tags, text_of, open_ids = [], {}, []
class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        tags.append((tag, a))
        open_ids.append((tag, a.get("id")))
    def handle_endtag(self, tag):
        while open_ids:
            t, i = open_ids.pop()
            if t == tag:
                break
    def handle_data(self, data):
        for _, i in open_ids:
            if i:
                text_of[i] = text_of.get(i, "") + data
P(convert_charrefs=True).feed(s)
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
  then ok; else no "$2: page check failed: $1"; head -n 3 "$TMP/py" >&2; fi
}
marks='[a for t, a in tags if t == "mark" and "q" in a.get("class", "").split()]'

run check --html "$TMP/page.html" --source "$CK/sources" "$CK/draft.txt"
expect_rc 1 "report: the exit status is the gate's, page or not"
expect_grep "^$CK/draft.txt:3:17: error: altered " "report: the lines are printed as well"
page "len($marks) == 5 and [a['data-verdict'] for a in $marks] == ['verbatim', 'altered', 'faithful', 'faithful', 'not_found']" "report: every quote marked, by verdict"
page "[('fails' in a['class']) for a in $marks] == [False, True, False, False, True]" "report: the quotes that fail the gate are marked so"
page "'MS. LEE' in $marks[1]['title'] and '[-next-] {+this+}' in $marks[1]['title']" "report: a mark's tooltip has where it was found and the diff"
page "'Fails:' in text_of['gate'] and '1 altered' in text_of['gate']" "report: the gate's word at the top"
page "any(t == 'table' and a.get('class') == 'quotes' for t, a in tags) and all(('row%d' % k) in text_of for k in range(1, 6))" "report: a table row a quote"
page "'next' in s.split('<del>')[1].split('</del>')[0] and 'this' in s.split('<ins>')[1].split('</ins>')[0]" "report: the altered quote's word diff"
page "'The bridge will be finished by the end of next year' in s.split('<mark class=\"passage\">')[1].split('</mark>')[0]" "report: beside the source passage"
page "not any(t in ('script', 'link', 'img', 'iframe') for t, a in tags) and 'http://' not in s.replace('http://www.w3.org', '') and '@import' not in s" "report: self-contained (no script, nothing fetched)"
page "'hearing.txt' in text_of['material']" "report: what the draft was checked against"

# the draft's text is escaped, invalid bytes and NULs shown as U+FFFD
run check --html "$TMP/page.html" --source "$CK/sources" "$CK/markup.txt"
expect_rc 0 "report: a draft with markup in it"
page "not any(t in ('b', 'script', 'year') for t, a in tags)" "report: the draft's markup is text, not tags"
page "'<b>bold</b> & odd claim after 5\" of rain' in text_of['draft'] and '<script>alert(1)</script>' in text_of['draft']" "report: ... and reads as written"
page "'next <year>' in text_of['q1'] and '\ufffd\ufffd here' in text_of['draft'] and 'NUL: \ufffd.' in text_of['draft']" "report: bad bytes as U+FFFD"

# the people quoted
run check --html "$TMP/page.html" --source "$CK/sources" "$CK/misattributed.txt"
page "'Adam Okafor' in text_of['sources'] and 'another speaker' in text_of['row1']" "report: sources table, a quote given to another speaker"

# --html - is the page on stdout, in place of the lines
run check --html - --source "$CK/sources" "$CK/draft.txt"
expect_rc 1 "report: --html - keeps the exit status"
expect_grep "^<!DOCTYPE html>" "report: --html - writes the page to stdout"
if grep -q ": error: altered" "$OUT"; then no "report: --html - prints no lines"; else ok; fi
run check --html - --json --source "$CK/sources" "$CK/draft.txt"
expect_rc 2 "report: --html - and --json both want stdout"
run check --html "$TMP/two.html" --source "$CK/sources" "$CK/draft.txt" "$CK/clean.txt"
expect_rc 2 "report: one page, one draft"
run check --html "$TMP/no/such/dir/page.html" --source "$CK/sources" "$CK/draft.txt"
expect_rc 2 "report: a page that cannot be written is an error"
expect_err "no/such/dir/page.html.*No such file" "report: ... naming it"
run check --html --source "$CK/sources" "$CK/draft.txt"
expect_rc 2 "report: --html without a FILE"
expect_err "--html needs a FILE" "report: ... says so, and takes no option for one"
# written whole or not at all: no temporary file left beside it
run check --html "$TMP/page.html" --source "$CK/sources" "$CK/clean.txt"
if ls "$TMP" | grep -q 'page.html.tmp'; then no "report: a temporary file was left"; else ok; fi

# a Markdown draft: the page shows it as written (front matter and all), the quotes
# marked where the masked prose found them
MD=$ROOT/tests/fixtures/markdown
run check --html "$TMP/page.html" --source "$MD/transcript.txt" "$MD/draft.md"
page "'title: \"Library “lifeline” vote\"' in text_of['draft'] and len($marks) > 0 and all(text_of['q%d' % (k + 1)].startswith(('“', '\"', '‘')) for k in range(len($marks)))" "report: a Markdown draft as written, its quotes marked"
page "not any('lifeline' in text_of.get('q%d' % (k + 1), '') for k in range(len($marks)))" "report: nothing marked in the front matter"
# from stdin, named by --stdin-name: its name picks the Markdown mask
run_in "$MD/draft.md" check --json --stdin-name story.md --source "$MD/transcript.txt" -
expect_json 'd["file"] == "story.md" and not any("lifeline" in q["text"] for q in d["quotes"])' "check --stdin-name: the name, and the mask it picks"

# the page names the gate's policy and marks by it: --fail-on +uncovered outlines the
# quote no source covers, in its own colour
EV=$ROOT/tests/fixtures/evidence
run check --html "$TMP/page.html" --fail-on +uncovered --source "$EV/interview.txt" --source "$EV/speech.txt=Rosa Imbert" "$EV/draft.txt"
expect_rc 1 "report: --fail-on +uncovered"
page "'Fails the check: altered, not_found, uncovered, misattributed, borrowed' in text_of['policy']" "report: the policy named"
page "[('fails' in a['class']) for a in $marks if a['data-verdict'] == 'uncovered'] == [True] and [a['data-verdict'] for a in $marks].count('cleaned') == 1" "report: uncovered fails by the policy, cleaned is marked"
page "'--uncovered:#' in s and '.v-uncovered{' in s and '.v-cleaned{' in s" "report: the new verdicts have their colours"
