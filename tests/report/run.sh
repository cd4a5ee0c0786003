#!/bin/sh
# The audit page (verbatim check --html) and the filter's review style in a real browser:
# Debian's chromium, headless. For each page: the DOM after styles and layout (a copy of
# the page with tests/report/probe.js at the end of its body, read back with --dump-dom)
# must show every quote marked in its verdict's colour, the failing ones outlined, the
# tables laid out and each altered quote's diff beside its source passage; the review
# style's tooltip must show on focus; and a screenshot must hold those colours (the PNG
# read by tests/report/png.py, Python's zlib).
#   sh tests/report/run.sh            (make test-report)
#   CHROMIUM=PROGRAM sh tests/report/run.sh
# When chromium is not installed, or cannot start here, the suite says so and is skipped
# (exit 0 with "report: skipped (...)"): never a silent pass.
cd "$(dirname "$0")/../.." || exit 2
VB=${VB:-build/verbatim}
PANDOC=${PANDOC:-pandoc}
R=tests/report
[ -x "$VB" ] || { echo "report: $VB missing (make cli)" >&2; exit 2; }
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ]; then
  echo "report: skipped (chromium is not installed: apt-get install chromium, or make deps)"
  exit 0
fi
T=$(mktemp -d) || exit 2
trap '[ -n "$KEEP" ] || rm -rf "$T"' EXIT INT TERM
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# chromium MODE OUT URL: --dump-dom into OUT, or --screenshot=OUT; a fresh profile each
# time, nothing fetched, no sandbox (root in CI), a fixed window and colour profile
chromium() {
  prof=$(mktemp -d "$T/profile.XXXXXX")
  mode=$1 out=$2 url=$3
  set -- --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$prof" --window-size=1000,1500 \
    --force-device-scale-factor=1 --hide-scrollbars --force-color-profile=srgb \
    --run-all-compositor-stages-before-draw --virtual-time-budget=2000
  if [ "$mode" = dom ]; then
    timeout 60 "$CHROMIUM" "$@" --dump-dom "$url" >"$out" 2>"$T/chromium.err"
  else
    timeout 60 "$CHROMIUM" "$@" --screenshot="$out" "$url" >"$T/chromium.err" 2>&1
  fi
}

# can it run here at all? (a trivial page, else skip, saying why)
printf '<!DOCTYPE html><title>t</title><p id="x">ok</p>' >"$T/hello.html"
if ! chromium dom "$T/hello.dom" "file://$T/hello.html" || ! grep -q 'id="x"' "$T/hello.dom"; then
  echo "report: skipped (chromium cannot run here: $(grep -v '^\[' "$T/chromium.err" | head -n 1; tail -n 1 "$T/chromium.err"))"
  exit 0
fi
CV=$("$CHROMIUM" --version 2>/dev/null | head -n 1 | sed "s/ built on.*//")

# probe NAME PAGE: the computed DOM of PAGE into $T/NAME.json (the probe's JSON)
probe() {
  python3 - "$2" "$R/probe.js" "$T/$1.probe.html" <<'PY' || { no "$1: no </body> in the page"; return 1; }
import sys
page, js = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read()
assert "</body>" in page
open(sys.argv[3], "w", encoding="utf-8").write(page.replace("</body>", "<script>\n" + js + "</script>\n</body>", 1))
PY
  chromium dom "$T/$1.dom" "file://$T/$1.probe.html" || { no "$1: chromium --dump-dom failed: $(tail -n 2 "$T/chromium.err")"; return 1; }
  python3 - "$T/$1.dom" >"$T/$1.json" 2>"$T/py" <<'PY' || { no "$1: no probe in the DOM (the script did not run): $(tail -n 1 "$T/py")"; return 1; }
import html, re, sys
m = re.findall(r'<pre id="vb-probe">(.*?)</pre>', open(sys.argv[1], encoding="utf-8").read(), re.S)
print(html.unescape(m[-1]))
PY
}
# check NAME PY MESSAGE: the Python expression PY holds, with the probe's JSON as d and
# the colours of the verdicts (src/report.c's palette) as rgb
check() {
  if python3 - "$T/$1.json" "$2" 2>"$T/py" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
hexes = dict(re.findall(r"--(verbatim|faithful|altered|not_found|fail):#([0-9a-f]{6})", open("src/report.c").read()))
rgb = {k: "rgb(%d, %d, %d)" % tuple(int(v[i:i + 2], 16) for i in (0, 2, 4)) for k, v in hexes.items()}
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
  then ok; else no "$1: $3"; head -n 3 "$T/py" >&2; fi
}
# shot NAME PAGE PY MESSAGE: a screenshot of PAGE, and PY holds with count(hex) the pixels
# of that colour, w and h its size
shot() {
  chromium png "$T/$1.png" "file://$2" && [ -s "$T/$1.png" ] || { no "$1: no screenshot: $(tail -n 2 "$T/chromium.err")"; return; }
  if python3 - "$T/$1.png" "$3" 2>"$T/py" <<'PY'
import sys
sys.path.insert(0, "tests/report")
import png
w, h, rows = png.read(sys.argv[1])
def count(hexrgb):
    return png.count(rows, tuple(int(hexrgb[i:i + 2], 16) for i in (0, 2, 4)))
white = count("ffffff")
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
  then ok; else no "$1: $4"; head -n 3 "$T/py" >&2; fi
}

CK=tests/fixtures/check
# ------------------------------------------------------------------ the audit page
"$VB" check --html "$T/page.html" --source $CK/sources $CK/draft.txt >/dev/null 2>&1
[ -s "$T/page.html" ] && ok || no "page: verbatim check --html wrote nothing"
if probe page "$T/page.html"; then
  check page '[m["verdict"] for m in d["marks"]] == ["verbatim", "altered", "faithful", "faithful", "not_found"]' "every quote marked, in order"
  check page 'all(m["bg"] == rgb[m["verdict"]] for m in d["marks"])' "each mark in its verdict's colour: $(cat "$T/page.json" | head -c 300)"
  check page 'all((m["outline"] == "solid " + rgb["fail"]) == m["fails"] for m in d["marks"]) and sum(m["fails"] for m in d["marks"]) == 2' "the failing quotes, and only they, outlined"
  check page 'all(m["w"] > 20 and m["h"] > 10 for m in d["marks"])' "the marks are laid out"
  check page 'len([r for r in d["rows"] if r["table"] == "quotes" and r["id"].startswith("row")]) == 5 and all(r["h"] > 10 for r in d["rows"])' "the quotes table: a row a quote"
  check page 'any(r["table"] == "sources" and r["cells"] == 5 for r in d["rows"])' "the sources table"
  check page 'len(d["pairs"]) == 1 and d["pairs"][0]["left"] < d["pairs"][0]["right"] and abs(d["pairs"][0]["top"][0] - d["pairs"][0]["top"][1]) < 2 and min(d["pairs"][0]["w"]) > 150' "the altered quote's diff beside its source passage"
fi
shot page "$T/page.html" 'w == 1000 and h == 1500 and count("ffc9c9") > 500 and count("ffe08a") > 500 and count("c8f0d0") > 500 and count("cfe3ff") > 500 and count("b3261e") > 200 and white < 0.97 * w * h' \
  "the screenshot lacks the verdicts' colours"

# ------------------------------------------------------------------ the review style
if command -v "$PANDOC" >/dev/null 2>&1; then
  LV=$(echo 'io.stdout:write(_VERSION:match("%d+%.%d+"))' >"$T/v.lua"; echo | "$PANDOC" --lua-filter "$T/v.lua" -t plain -o /dev/null)
  [ -f "build/lua$LV/verbatim/core.so" ] || ${MAKE:-make} -s LUA="$LV" module >/dev/null
  printf 'verbatim:\n  review: true\n  check: tests/pandoc/hearing.txt\n' >"$T/review.yaml"
  LUA_CPATH="build/lua$LV/?.so" VERBATIM_ENGINE=native "$PANDOC" -s --metadata title="Council delays vote" \
    --metadata-file "$T/review.yaml" --lua-filter lua/verbatim/filter.lua tests/pandoc/gate/altered.md \
    -o "$T/review.html" 2>/dev/null
  if probe review "$T/review.html"; then
    check review '[m["verdict"] for m in d["marks"]] == ["altered", "altered", "altered", "not_found"] and all(m["bg"] == rgb[m["verdict"]] for m in d["marks"])' "quotes in their verdict's colours"
    check review 'all(m["outline"] == "solid " + rgb["fail"] for m in d["marks"])' "failing quotes outlined"
    check review 'd["hoverRules"] == 1 and d["tip"]["content"] == chr(34) + d["tipText"].replace(chr(10), chr(92) + "a ") + chr(34) and d["tip"]["position"] == "absolute" and d["tip"]["bg"] == "rgb(31, 35, 40)"' "the tooltip (speaker, verdict, place, diff) shows on hover or focus: $(tail -c 600 "$T/review.json")"
    check review '"[-tax-] {+levy+}" in d["tipText"] and "hearing.txt:3:48 (WIERZBICKI)" in d["tipText"] and d["tipText"].startswith("Tomasz Wierzbicki: altered")' "the tooltip's text"
  fi
  # the filter's report: FILE.html is the engine's audit page, its folder made
  printf 'verbatim:\n  check: tests/pandoc/hearing.txt\n  report: %s\n' "$T/new/folder/audit.html" >"$T/fpage.yaml"
  LUA_CPATH="build/lua$LV/?.so" VERBATIM_ENGINE=native "$PANDOC" --metadata-file "$T/fpage.yaml" \
    --lua-filter lua/verbatim/filter.lua tests/pandoc/gate/altered.md -o "$T/fpage-doc.html" 2>/dev/null
  if [ -s "$T/new/folder/audit.html" ] && probe fpage "$T/new/folder/audit.html"; then
    check fpage '[m["verdict"] for m in d["marks"]] == ["altered", "altered", "altered", "not_found"] and all(m["bg"] == rgb[m["verdict"]] and m["fails"] for m in d["marks"])' "the filter's page: every quote marked and failing"
    check fpage 'any(r["table"] == "sources" and r["cells"] == 5 for r in d["rows"]) and len([r for r in d["rows"] if r["table"] == "quotes" and r["id"].startswith("row")]) == 4' "the filter's page: the sources and quotes tables"
    check fpage 'len(d["pairs"]) == 3 and all(p["left"] < p["right"] for p in d["pairs"])' "the filter's page: each altered quote's diff beside its passage"
  else no "the filter's report: FILE.html wrote no page"; fi
  shot review "$T/review.html" 'count("ffc9c9") > 500 and count("ffe08a") > 200 and count("b3261e") > 100' "the review screenshot lacks the verdicts' colours"
  # focused, the tooltip's dark box is drawn
  shot review-tip "$T/review.probe.html" 'count("1f2328") > 2000' "the tooltip is not drawn on focus"
else
  echo "report: the review style's part is skipped (no pandoc)"
fi

echo "report${CV:+ ($CV)}: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
