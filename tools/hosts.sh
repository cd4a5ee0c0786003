#!/bin/sh
# tools/hosts.sh [DIR [SUITE]]: Debian 13 (trixie)'s Neovim and pandoc, or those of another
# suite, beside the system's, for the test suites (`make test-hosts`), without installing or
# replacing anything.
#
#   apt-get with a private sources list, lists, cache and an empty dpkg status (so that it
#   resolves the whole dependency closure, glibc included, as for an empty machine) for
#   SUITE of the Debian archive this machine already uses; `apt-get download` of that
#   closure; `dpkg -x` into DIR/root; then patchelf points nvim and pandoc at the unpacked
#   loader (--set-interpreter) and libraries (--force-rpath --set-rpath: DT_RPATH, unlike
#   DT_RUNPATH, also serves the libraries' own dependencies). No wrapper around the loader:
#   Neovim's tests re-launch v:progpath, which must be the real program.
#
# DIR defaults to build/hosts/SUITE. Leaves DIR/bin/nvim (a symlink: Neovim finds its runtime beside the real binary) and
# DIR/bin/pandoc (sets pandoc_datadir, else pandoc 3 reads Debian 12's /usr/share/pandoc
# templates), and prints one line per program: "nvim 0.10.4 DIR/bin/nvim".
# A second run reuses DIR as it is (no network); HOSTS_REFRESH=1 resolves again (reusing the
# downloaded .debs that are still current). HOSTS_MIRROR=URL overrides the archive.
# Exit status: 0 ready; 3 the archive cannot be reached, 4 a tool is missing (both print
# "skipped: WHY" on stdout, and callers skip the suites); 1 anything else.
set -eu

suite=${2:-trixie}
dir=${1:-build/hosts/$suite}
pkgs="neovim neovim-runtime pandoc pandoc-data"
# in the closure but loaded by neither program: gcc-*-base holds only documents, and
# libstdc++6 serves liblua5.4's C++ build (pandoc loads the C one). The check after
# patching fails if anything they need resolves outside DIR/root.
skip='gcc-*-base libstdc++6'

say() { echo "hosts: $*" >&2; }
die() { say "$*"; exit 1; }
skipped() { echo "skipped: $2"; exit "$1"; }

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
root=$dir/root
stamp=$dir/ready

# ---------------------------------------------------------------- the cached tree
# the stamp names the packages and the folder they were patched for (a moved tree is redone)
if [ -z "${HOSTS_REFRESH:-}" ] && [ -f "$stamp" ] && [ "$(sed -n 1p "$stamp")" = "$dir" ] \
   && "$dir/bin/nvim" --version >/dev/null 2>&1 && "$dir/bin/pandoc" --version >/dev/null 2>&1; then
  sed -n '2,$p' "$stamp"
  exit 0
fi

for t in apt-get dpkg dpkg-deb patchelf; do
  command -v $t >/dev/null 2>&1 || skipped 4 "$t not found (make deps installs patchelf)"
done

# ---------------------------------------------------------------- the archive
# the URI of this machine's Debian archive: deb822 .sources files, then sources.list lines;
# the entry of a plain suite (bookworm, not bookworm-security or -updates)
mirror() {
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '
      /^[ \t]*$/ { if (u != "" && s ~ /(^| )[a-z]+( |$)/ && ty ~ /(^| )deb( |$)/) { print u; exit } u = s = ty = ""; next }
      /^#/ { next }
      tolower($1) == "uris:" { u = $2 }
      tolower($1) == "suites:" { $1 = ""; s = $0 " " }
      tolower($1) == "types:" { $1 = ""; ty = $0 " " }
      END { if (u != "" && s ~ /(^| )[a-z]+( |$)/ && ty ~ /(^| )deb( |$)/) print u }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    sed -e 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" && $3 ~ /^[a-z]+$/ { print $2 }'
  done
}
uri=${HOSTS_MIRROR:-$(mirror | head -n 1)}
uri=${uri:-http://deb.debian.org/debian}
uri=${uri%/}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || die "$keyring missing (package debian-archive-keyring)"

apt=$dir/apt
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/sources.list.d" \
  "$apt/preferences.d" "$dir/debs"
printf 'deb [signed-by=%s] %s %s main\n' "$keyring" "$uri" "$suite" >"$apt/sources.list"
: >"$apt/status"
# root downloads as root: apt's _apt user may not write into this tree
sandbox=
[ "$(id -u)" -ne 0 ] || sandbox="-o APT::Sandbox::User=root"
APT="-o Dir::Etc::SourceList=$apt/sources.list -o Dir::Etc::SourceParts=$apt/sources.list.d
  -o Dir::Etc::Preferences=$apt/preferences -o Dir::Etc::PreferencesParts=$apt/preferences.d
  -o Dir::State::Lists=$apt/lists -o Acquire::Languages=none -o Dir::Cache=$apt/cache -o Dir::State::status=$apt/status
  -o Debug::NoLocking=1 -o Acquire::Retries=1 -o Acquire::http::Timeout=20 -o APT::Install-Recommends=0
  $sandbox"

say "$suite from $uri"
# shellcheck disable=SC2086
apt-get -q $APT update >"$apt/update.log" 2>&1 || true
if ! ls "$apt/lists/"*"_dists_${suite}_main_binary-"*"_Packages"* >/dev/null 2>&1; then
  sed 's/^/  /' "$apt/update.log" >&2
  grep -q 'does not have a Release file' "$apt/update.log" && die "$uri has no suite $suite"
  skipped 3 "cannot reach the Debian archive ($uri, suite $suite)"
fi

# ---------------------------------------------------------------- the closure
# shellcheck disable=SC2086
# (a suite that cannot serve them, as unstable may for a while, is skipped like an archive
# that cannot be reached: nothing here can mend it)
closure=$(apt-get -q -s $APT install $pkgs 2>"$apt/resolve.log" | awk '/^Inst /{ v = $3; sub(/^\(/, "", v); print $2 "=" v }')
if [ -z "$closure" ]; then
  sed 's/^/  /' "$apt/resolve.log" >&2
  skipped 3 "the archive's $suite cannot install $pkgs together now"
fi
want='' need=''
for pv in $closure; do
  p=${pv%%=*}
  for s in $skip; do
    # shellcheck disable=SC2254
    case $p in $s) p= ;; esac
  done
  [ -n "$p" ] || continue
  want="$want $pv"
  # apt-get download names files PACKAGE_VERSION_ARCH.deb, the epoch's colon as %3a
  v=$(echo "${pv#*=}" | sed 's/:/%3a/')
  ls "$dir/debs/${p}_${v}_"*.deb >/dev/null 2>&1 || need="$need $pv"
done
if [ -n "$need" ]; then
  say "downloading$need"
  # shellcheck disable=SC2086
  (cd "$dir/debs" && apt-get -q $APT download $need) >"$apt/download.log" 2>&1 || {
    sed 's/^/  /' "$apt/download.log" >&2
    if grep -q '^\(E: Failed to fetch\|Err:\)' "$apt/download.log"; then
      skipped 3 "cannot reach the Debian archive ($uri) for the packages"
    fi
    die "apt-get download failed"
  }
fi

# ---------------------------------------------------------------- unpack and patch
rm -rf "${root:?}" "${dir:?}/bin" "$stamp"
mkdir -p "$root" "$dir/bin"
for pv in $want; do
  p=${pv%%=*} v=$(echo "${pv#*=}" | sed 's/:/%3a/')
  for deb in "$dir/debs/${p}_${v}_"*.deb; do dpkg -x "$deb" "$root"; done
done
libc=$(find "$root/usr/lib" "$root/lib" -name libc.so.6 2>/dev/null | head -n 1)
[ -n "$libc" ] || die "no libc.so.6 in the unpacked packages"
libdir=$(dirname "$libc")
for prog in nvim pandoc; do
  bin=$root/usr/bin/$prog
  [ -x "$bin" ] || die "$bin missing"
  interp=$libdir/$(basename "$(patchelf --print-interpreter "$bin")")
  [ -f "$interp" ] || die "no loader $interp"
  patchelf --set-interpreter "$interp" --force-rpath --set-rpath "$libdir" "$bin"
  # every library the program loads comes from the unpacked tree
  stray=$(LD_TRACE_LOADED_OBJECTS=1 "$bin" 2>&1 | awk -v r="$root/" '
    /=>/ { if (index($3, r) != 1) print $1 " => " $3; next }
    /^[ \t]*\// { if (index($1, r) != 1) print $1 }')
  [ -z "$stray" ] || die "$prog loads libraries from outside $root: $stray"
done
ln -s ../root/usr/bin/nvim "$dir/bin/nvim"
cat >"$dir/bin/pandoc" <<EOF
#!/bin/sh
# Debian 13's pandoc with its own data files (templates, reference docs)
pandoc_datadir='$root/usr/share/pandoc' exec '$root/usr/bin/pandoc' "\$@"
EOF
chmod +x "$dir/bin/pandoc"

nv=$("$dir/bin/nvim" --version | sed -n '1s/^NVIM v//p')
pd=$("$dir/bin/pandoc" --version | sed -n '1s/^pandoc[^ ]* //p')
[ -n "$nv" ] && [ -n "$pd" ] || die "the unpacked nvim or pandoc does not run"
{ echo "$dir"; echo "nvim $nv $dir/bin/nvim"; echo "pandoc $pd $dir/bin/pandoc"; } >"$stamp"
sed -n '2,$p' "$stamp"
