#!/bin/sh
# tools/pictures.sh (`make pictures`): the README's pictures, taken by headless Chromium
#   doc/review.png  the pandoc filter's review style on the bundled example
#                   (examples/article.txt against examples/transcript.txt), the first
#                   altered quote focused so that its tooltip shows, as on hover
#   doc/report.png  the top of the audit page of `verbatim check --html` on the same
# Needs build/verbatim, the Lua module for pandoc's Lua, pandoc and chromium (make deps).
set -eu
cd "$(dirname "$0")/.."
CHROMIUM=${CHROMIUM:-chromium}
PANDOC=${PANDOC:-pandoc}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM

shoot() {  # shoot PAGE OUT WIDTH HEIGHT
  prof=$(mktemp -d "$T/profile.XXXXXX")
  timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$prof" \
    --window-size="$3,$4" --force-device-scale-factor=1 --hide-scrollbars --force-color-profile=srgb \
    --run-all-compositor-stages-before-draw --virtual-time-budget=2000 \
    --screenshot="$2" "file://$1" >/dev/null 2>&1
  echo "pictures: $2"
}

LV=$(echo 'io.stdout:write(_VERSION:match("%d+%.%d+"))' >"$T/v.lua"; echo | "$PANDOC" --lua-filter "$T/v.lua" -t plain -o /dev/null)
${MAKE:-make} -s LUA="$LV" module   # always: a module left from an older build would be used as is
printf 'verbatim:\n  review: true\n  check: examples/transcript.txt\n' >"$T/review.yaml"
LUA_CPATH="build/lua$LV/?.so" VERBATIM_ENGINE=native "$PANDOC" -s -f markdown --metadata pagetitle=article \
  --metadata-file "$T/review.yaml" --lua-filter lua/verbatim/filter.lua examples/article.txt -o "$T/review.html" 2>/dev/null
# the paragraphs from two before the first altered quote on, that quote focused: the
# review style shows its tooltip on :hover and :focus
python3 - "$T/review.html" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
js = ('<script>var q = document.querySelector(\'.quote[data-verdict="altered"]\');'
      'var p = q.closest("p"), keep = [p.previousElementSibling, p.previousElementSibling.previousElementSibling];'
      'Array.from(document.body.children).forEach(function (e) {'
      '  if (e.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING && keep.indexOf(e) < 0) e.remove(); });'
      'q.setAttribute("tabindex", "0"); q.focus();</script>')
open(p, "w", encoding="utf-8").write(s.replace("</body>", js + "</body>", 1))
PY
shoot "$T/review.html" doc/review.png 900 620
build/verbatim check --html "$T/report.html" --source examples/transcript.txt examples/article.txt >/dev/null 2>&1 || true
shoot "$T/report.html" doc/report.png 1000 900
