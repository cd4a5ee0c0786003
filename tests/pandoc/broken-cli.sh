#!/bin/sh
# A verbatim CLI that answers --version but prints broken JSON: the filter must fail
# with a clear message, not a Lua error about nil.
case "$1" in
  --version) echo "verbatim 0.0-broken" ;;
  --help) echo "usage: verbatim COMMAND" ;;
  *) cat >/dev/null; printf '{"file":"-","quotes":[{"start":1,' ;;
esac
