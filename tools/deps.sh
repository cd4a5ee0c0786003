#!/bin/sh
# tools/deps.sh (`make deps`): install the Debian packages verbatim needs to build and to
# run every test, but only those dpkg says are missing, so that a machine that has them
# all is left alone (no apt-get update, no root needed).
set -eu

pkgs="build-essential gcc make pkg-config libpcre2-dev libcmocka-dev
  liblua5.4-dev liblua5.3-dev libluajit-5.1-dev lua5.4 lua5.3 luajit luarocks
  clang libclang-rt-14-dev libutf8proc-dev libedlib-dev libzip-dev libexpat1-dev libyaml-dev libjansson-dev
  neovim pandoc python3 patchelf universal-ctags chromium groff-base man-db"

missing=
for p in $pkgs; do
  # "install ok installed" only: removed packages keep a dpkg entry with their config files
  st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$st" = "install ok installed" ] || missing="$missing $p"
done

if [ -z "$missing" ]; then
  echo "deps: all $(echo $pkgs | wc -w) packages are installed"
  exit 0
fi
echo "deps: installing$missing"

if ! command -v apt-get >/dev/null 2>&1; then
  if [ "$(uname -s)" = Darwin ]; then
    echo "deps: on macOS, with Homebrew: brew install pcre2 utf8proc libzip libyaml jansson lua luajit pkg-config cmocka (and pandoc neovim for their tests)" >&2
  else
    echo "deps: apt-get not found; install these packages by hand:$missing" >&2
  fi
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "deps: run as root (or install sudo) to install:$missing" >&2
  exit 1
fi

# no prompts, no stdin: works the same in CI and on a fresh machine
export DEBIAN_FRONTEND=noninteractive
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing </dev/null
echo "deps: done"
