# The man page, doc/verbatim.1 (sourced by tests/cli/run.sh): groff renders it without a
# warning, man -l reads it, it names every command and every option the commands' --help
# lists, and make install puts it in share/man/man1.
MAN=$ROOT/doc/verbatim.1
if command -v groff >/dev/null 2>&1; then
  groff -man -Tutf8 -ww -z "$MAN" >"$OUT" 2>"$ERR"
  if [ -s "$ERR" ]; then no "man: groff warns: $(head -n 3 "$ERR")"; else ok; fi
  # the text as a reader sees it, without overstriking or SGR
  groff -man -Tutf8 -P-cbou "$MAN" 2>/dev/null >"$TMP/man.txt"
  [ "$(wc -l <"$TMP/man.txt")" -gt 100 ] && ok || no "man: the page renders to almost nothing"
  missing=
  for c in quotes sources check index; do
    grep -q "^       $c\b\|^   $c\b\|^       $c$" "$TMP/man.txt" || missing="$missing command:$c"
    "$VB" $c --help >"$TMP/help" 2>&1
    for o in $(grep -o -- '--[a-z][a-z-]*' "$TMP/help" | sort -u); do
      grep -q -- "$o" "$TMP/man.txt" || missing="$missing $c:$o"
    done
  done
  "$VB" --help >"$TMP/help" 2>&1
  for c in $(sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' "$TMP/help"); do
    grep -q "^       $c\b" "$TMP/man.txt" || missing="$missing command:$c"
  done
  for o in --help --version; do grep -q -- "$o" "$TMP/man.txt" || missing="$missing $o"; done
  [ -z "$missing" ] && ok || no "man: doc/verbatim.1 does not mention:$missing"
else
  echo "cli: man page tests skipped (no groff)"
fi
if command -v man >/dev/null 2>&1; then
  MANWIDTH=80 man --warnings -l "$MAN" >"$TMP/man.out" 2>"$ERR"
  if [ -s "$ERR" ] || ! grep -q "verbatim - find, attribute and check" "$TMP/man.out"; then no "man -l: $(head -n 3 "$ERR")"; else ok; fi
fi
if command -v make >/dev/null 2>&1; then
  env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$ROOT" install-man PREFIX="$TMP/prefix" DESTDIR= >"$TMP/inst" 2>&1
  cmp -s "$TMP/prefix/share/man/man1/verbatim.1" "$MAN" && ok || no "man: make install-man: $(cat "$TMP/inst")"
  grep -q '^install: .*install-man' "$ROOT/Makefile" && ok || no "man: make install does not install the man page"
fi
