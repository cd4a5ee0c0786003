# The archive index under crashes and concurrent writers, changed files, and folder walks
# that meet symlink loops and FIFOs (sourced by tests/cli/run.sh). Every command that
# could hang runs under `timeout`: a hang is a failure, never a stuck test run.
AR=$TMP/archive
CK=$ROOT/tests/fixtures/check
mkdir -p "$AR"
# run under a time limit: trun SECONDS ARGS... (exit 124 when it ran out of time)
trun() { s=$1; shift; RC=0; timeout -k 2 "$s" "$VB" "$@" >"$OUT" 2>"$ERR" </dev/null || RC=$?; }
# verdicts VB_ARGS...: the verdicts `check` prints, on one line, or "error N"
verdicts() {
  RC=0; "$VB" check "$@" >"$OUT" 2>"$ERR" </dev/null || RC=$?
  if [ "$RC" -gt 1 ]; then echo "error $RC"; return; fi
  sed -n 's/^[^ ]*:[0-9]*:[0-9]*: \(error: \|warning: \|note: \)\{0,1\}\([a-z_]*\) .*/\2/p' "$OUT" | tr '\n' ' ' | sed 's/ $//'
}
# words FILE SEED N: N words of made-up text no other file shares
words() { awk -v s="$2" -v n="$3" 'BEGIN { srand(s); for (i = 0; i < n; i++) {
  w = ""; k = 3 + int(rand() * 6); for (j = 0; j < k; j++) w = w sprintf("%c", 97 + int(rand() * 26));
  printf "%s%s", w, (i % 12 == 11) ? ".\n" : " " } print "" }' > "$1"; }
# the phrase of words W..W+7 of FILE, as the draft quotes it
phrase() { tr '\n' ' ' < "$1" | awk -v w="$2" '{ s = ""; for (i = w; i < w + 8; i++) s = s (i > w ? " " : "") $i; gsub(/\./, "", s); print s }'; }

# ---------------------------------------------------------------- crash safety
# The old index holds hearing.txt; the append adds council.txt. A draft quotes both:
# after any crash the index must open and give the old verdicts or the new ones.
mkdir -p "$AR/old" "$AR/new"
cp "$CK/sources/hearing.txt" "$AR/old/"
words "$AR/new/council.txt" 11 3000
printf '%s\n\n%s\n' "Lee said: “The bridge will be finished by the end of next year.”" \
  "The clerk read: “$(phrase "$AR/new/council.txt" 40).”" > "$AR/draft.txt"
"$VB" index --output "$AR/base.idx" "$AR/old" 2>/dev/null
OLDV="verbatim uncovered" NEWV="verbatim verbatim"   # the clerk: no source names him (uncovered)
v=$(verdicts --index "$AR/base.idx" "$AR/draft.txt")
if [ "$v" = "$OLDV" ]; then ok; else no "crash: the old index gives [$OLDV], got [$v]"; fi
cp "$AR/base.idx" "$AR/full.idx"; "$VB" index --append --output "$AR/full.idx" "$AR/new" 2>/dev/null
v=$(verdicts --index "$AR/full.idx" "$AR/draft.txt")
if [ "$v" = "$NEWV" ]; then ok; else no "crash: the appended index gives [$NEWV], got [$v]"; fi

# the LD_PRELOAD shim ends the process just before its N-th file-changing call
KILLAT=$TMP/killat.so
cc -shared -fPIC -O1 -o "$KILLAT" "$ROOT/tests/cli/killat.c" -ldl 2>"$TMP/cc.err" || { no "crash: cannot build killat.so"; cat "$TMP/cc.err" >&2; }
killat() {  # killat N TORN ARGS...: run verbatim, killed before file-changing call N (0: count)
  n=$1 t=$2; shift 2
  LD_PRELOAD="$KILLAT" VB_KILL_AT=$n VB_KILL_TORN=$t VB_KILL_COUNT="$AR/count" \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
    timeout -k 2 20 "$VB" "$@" >/dev/null 2>"$ERR" </dev/null
}
# crash_points WHAT ARGS...: kill `verbatim ARGS` at every file-changing call, whole and
# torn; each time the index must give the old verdicts or the new, and a later append
# must complete it
crash_points() {
  what=$1; shift
  rm -f "$AR/count"; cp "$AR/base.idx" "$AR/k.idx"; killat 0 0 "$@"
  npts=$(sort -n "$AR/count" 2>/dev/null | tail -n 1); npts=${npts:-0}
  if [ "$npts" -ge 3 ]; then ok; else no "crash ($what): the shim saw $npts file-changing calls"; fi
  bad=0 seen_old=0 seen_new=0 n=1
  while [ "$n" -le "$npts" ]; do
    for torn in 0 1; do
      cp "$AR/base.idx" "$AR/k.idx"
      killat "$n" "$torn" "$@"
      v=$(verdicts --index "$AR/k.idx" "$AR/draft.txt")
      case $v in
        "$OLDV") seen_old=$((seen_old + 1)) ;;
        "$NEWV") seen_new=$((seen_new + 1)) ;;
        *) bad=$((bad + 1)); [ "$bad" -le 3 ] && echo "  $what killed at call $n (torn $torn): [$v] $(head -c 200 "$ERR")" >&2 ;;
      esac
      "$VB" index --append --output "$AR/k.idx" "$AR/old" "$AR/new" >/dev/null 2>&1
      v=$(verdicts --index "$AR/k.idx" "$AR/draft.txt")
      if [ "$v" != "$NEWV" ]; then bad=$((bad + 1)); [ "$bad" -le 3 ] && echo "  $what killed at call $n (torn $torn), then appended again: [$v]" >&2; fi
    done
    n=$((n + 1))
  done
  if [ "$bad" -eq 0 ]; then ok; else no "crash ($what): $bad of $((npts * 4)) states after a kill were wrong"; fi
  if [ "$seen_old" -gt 0 ]; then ok; else no "crash ($what): no kill point left the old index"; fi
}
crash_points "append" index --append --output "$AR/k.idx" "$AR/new"
crash_points "rebuild" index --output "$AR/k.idx" "$AR/old" "$AR/new"
# a rebuild killed at every point leaves no temporary file behind once a build completes
"$VB" index --output "$AR/k.idx" "$AR/old" "$AR/new" 2>/dev/null
left=$(cd "$AR" && ls -a | grep -c '^k\.idx.' || true)
if [ "$left" -eq 0 ]; then ok; else no "crash: $left temporary files left beside k.idx: $(cd "$AR" && ls -a | grep '^k\.idx.' | head -n 3 | tr '\n' ' ')"; fi

# a file-size limit at many sizes (in bytes, so the cut can fall anywhere): killed by
# SIGXFSZ, or with SIGXFSZ ignored a write that fails (EFBIG), which must exit 2
fsize() {  # fsize LIMIT DISPOSITION ARGS...: the shim sets the limit and SIGXFSZ
  l=$1 d=$2; shift 2
  LD_PRELOAD="$KILLAT" VB_FSIZE=$l VB_XFSZ=$d ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
    timeout -k 2 20 "$@" >/dev/null 2>"$ERR" </dev/null
}
s0=$(wc -c < "$AR/base.idx") s1=$(wc -c < "$AR/full.idx")
for disp in kill ignore; do
  bad=0 tried=0 lim=$s0
  while [ "$lim" -lt "$s1" ]; do
    cp "$AR/base.idx" "$AR/f.idx"
    RC=0; fsize "$lim" "$disp" "$VB" index --append --output "$AR/f.idx" "$AR/new" || RC=$?
    if [ "$disp" = ignore ] && [ "$RC" -ne 2 ]; then bad=$((bad + 1)); echo "  write failing at file size $lim: exit $RC" >&2; fi
    v=$(verdicts --index "$AR/f.idx" "$AR/draft.txt")
    tried=$((tried + 1))
    if [ "$v" != "$OLDV" ]; then
      bad=$((bad + 1)); [ "$bad" -le 3 ] && echo "  file size limit $lim ($disp): [$v] $(head -c 200 "$ERR")" >&2
    fi
    lim=$((lim + (s1 - s0) / 23 + 1))
  done
  if [ "$bad" -eq 0 ]; then ok; else no "crash (file size limit, $disp): $bad of $tried limits left a wrong index"; fi
done

# ---------------------------------------------------------------- concurrent writers
# four appenders at once, each with its own folder and one folder they share, and a
# reader checking all the while: every append succeeds, no read fails, and the index
# holds every file exactly once
C=$AR/conc
mkdir -p "$C/shared"
i=1; while [ $i -le 4 ]; do mkdir -p "$C/p$i"; i=$((i + 1)); done
i=1; while [ $i -le 12 ]; do
  words "$C/shared/s$i.txt" $((100 + i)) 9000
  for p in 1 2 3 4; do words "$C/p$p/f$i.txt" $((1000 * p + i)) 9000; done
  i=$((i + 1))
done
{ for f in "$C/shared/s3.txt" "$C/p1/f5.txt" "$C/p2/f7.txt" "$C/p3/f1.txt" "$C/p4/f12.txt"; do
    printf 'It read: “%s.”\n\n' "$(phrase "$f" 100)"; done; } > "$C/draft.txt"
"$VB" index --output "$C/idx" "$CK/sources" 2>/dev/null
: > "$C/reads"
( while [ ! -f "$C/stop" ]; do
    r=0; "$VB" check --index "$C/idx" "$C/draft.txt" >/dev/null 2>"$C/read.err" </dev/null || r=$?
    echo "$r $(head -c 120 "$C/read.err" | tr '\n' ' ')" >> "$C/reads"
  done ) &
rpid=$!
pids=""
for p in 1 2 3 4; do
  timeout -k 2 60 "$VB" index --append --output "$C/idx" "$C/shared" "$C/p$p" >/dev/null 2>"$C/w$p.err" </dev/null &
  pids="$pids $!"
done
wfail=0
for pid in $pids; do wait "$pid" || wfail=$((wfail + 1)); done
touch "$C/stop"; wait "$rpid"
if [ "$wfail" -eq 0 ]; then ok; else no "concurrent: $wfail of 4 appenders failed: $(cat "$C"/w*.err | head -n 3)"; fi
nreads=$(wc -l < "$C/reads"); rbad=$(grep -vc '^[01] ' "$C/reads" || true)
if [ "$nreads" -ge 1 ] && [ "$rbad" -eq 0 ]; then ok; else no "concurrent: $rbad of $nreads reads during the appends failed: $(grep -v '^[01] ' "$C/reads" | head -n 2)"; fi
v=$(verdicts --index "$C/idx" "$C/draft.txt")
if [ "$v" = "verbatim verbatim verbatim verbatim verbatim" ]; then ok; else no "concurrent: the final index gives [$v]"; fi
# each file's name is in the index bytes exactly once (a file indexed twice is in two segments)
if python3 - "$C/idx" "$C" <<'EOF'
import os, sys
data = open(sys.argv[1], "rb").read()
bad = []
for d, _, fs in os.walk(sys.argv[2]):
    for f in fs:
        if os.path.basename(d) in ("shared", "p1", "p2", "p3", "p4"):
            p = os.path.realpath(os.path.join(d, f)).encode() + b"\0"
            if data.count(p) != 1: bad.append("%s x%d" % (f, data.count(p)))
if bad: print("  not exactly once:", " ".join(sorted(bad)[:6]), file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
then ok; else no "concurrent: every file exactly once in the index"; fi
run index --list "$C/idx"
expect_rc 0 "index --list exits 0"
n=$(grep -c "$C/" "$OUT" || true); u=$(grep "$C/" "$OUT" | sort -u | wc -l)
if [ "$n" -eq 60 ] && [ "$u" -eq 60 ]; then ok; else no "index --list: 60 files once each (got $n lines, $u distinct)"; fi

# a second writer waits for the lock, or gives up when told to
words "$AR/late.txt" 77 200
( python3 -c 'import fcntl, sys, time
f = open(sys.argv[1], "rb"); fcntl.flock(f, fcntl.LOCK_EX); open(sys.argv[2], "w").close(); time.sleep(1.5)' "$C/idx" "$C/locked" ) &
lpid=$!
k=0; while [ ! -f "$C/locked" ] && [ $k -lt 100 ]; do sleep 0.05; k=$((k + 1)); done
trun 10 index --append --wait 0 --output "$C/idx" "$AR/late.txt"
expect_rc 2 "index --wait 0: a locked index is an error at once"
expect_err "another writer" "index --wait 0: says another writer holds it"
trun 10 index --append --wait 8 --output "$C/idx" "$AR/late.txt"
expect_rc 0 "index --wait 8: waits for the other writer, then appends"
expect_err "indexed 1 file" "index --wait 8: the file is indexed"
wait "$lpid"

# ---------------------------------------------------------------- changed files
# the same size, the same mtime (touch -r), other words: read as it is now, with a warning
G=$AR/chg
mkdir -p "$G"; cp "$CK/sources/hearing.txt" "$G/"; touch -r "$CK/sources/hearing.txt" "$G/hearing.txt"
"$VB" index --output "$G/idx" "$G/hearing.txt" 2>/dev/null
sed 's/^CHAIR: The committee will come to order\./CHAIR: Good morning, friends, and start./' "$CK/sources/hearing.txt" > "$G/new"
cp "$G/new" "$G/hearing.txt"; touch -r "$CK/sources/hearing.txt" "$G/hearing.txt"
printf 'The chair said: “Good morning, friends, and start.”\n' > "$G/draft.txt"
if [ "$(wc -c < "$G/hearing.txt")" -eq "$(wc -c < "$CK/sources/hearing.txt")" ]; then ok; else no "changed: the edit keeps the size"; fi
run check --index "$G/idx" "$G/draft.txt"
expect_rc 0 "changed: a file edited at the same size and mtime is read as it is now"
expect_grep "verbatim .*hearing.txt:3:8 \(CHAIR\)" "changed: the new words are found where they are now"
expect_err "hearing.txt.*changed since" "changed: warns about the changed file"
run index --append --output "$G/idx" "$G/hearing.txt"
expect_err "indexed 1 file" "changed: --append indexes the changed file again"
run check --index "$G/idx" "$G/draft.txt"
expect_rc 0 "changed: after --append the index finds it"
if grep -q "changed since" "$ERR"; then no "changed: no warning once indexed again"; else ok; fi
# the same bytes written in place (the inode stays), mtime set back: ctime tells
python3 -c 'import os, sys
p = sys.argv[1]; st = os.stat(p); b = open(p, "rb").read().replace(b"Good morning, friends", b"Fine morning, friends")
open(p, "r+b").write(b); os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))' "$G/hearing.txt"
printf 'The chair said: “Fine morning, friends, and start.”\n' > "$G/draft2.txt"
run check --index "$G/idx" "$G/draft2.txt"
expect_rc 0 "changed: an edit in place with the mtime set back is read as it is now"
expect_err "changed since" "changed: warns about the file edited in place"
# touched but not changed: the content hash tells, no warning
run index --append --output "$G/idx" "$G/hearing.txt"
touch "$G/hearing.txt"
run check --index "$G/idx" "$G/draft2.txt"
expect_rc 0 "changed: a touched file still checks"
if grep -q "changed since" "$ERR"; then no "changed: a touched file whose bytes are the same is not called changed"; else ok; fi

# ---------------------------------------------------------------- folder walks
# two links to a parent: a loop, skipped with a warning (today: 2^64 paths)
L=$AR/loop
mkdir -p "$L/a"; cp "$CK/sources/hearing.txt" "$L/a/"; ln -s .. "$L/a/l1"; ln -s .. "$L/a/l2"
trun 10 check --source "$L" "$CK/clean.txt"
expect_rc 0 "walk: a folder with a symlink loop checks"
expect_err "symlink loop" "walk: the loop is named in a warning"
trun 10 index --output "$L.idx" "$L"
expect_rc 0 "walk: index of a folder with a symlink loop"
expect_err "indexed 1 file" "walk: the file under the loop is indexed once"
# links that fan out without a loop: 2^22 paths to one folder, each folder walked once
D=$AR/fan
mkdir -p "$D/l22"; cp "$CK/sources/hearing.txt" "$D/l22/"
i=21; while [ $i -ge 0 ]; do mkdir -p "$D/l$i"; ln -s "../l$((i + 1))" "$D/l$i/x"; ln -s "../l$((i + 1))" "$D/l$i/y"; i=$((i - 1)); done
trun 10 check --source "$D/l0" "$CK/clean.txt"
expect_rc 0 "walk: links fanning out to one folder are walked once"
trun 10 index --output "$D.idx" "$D/l0"
expect_err "indexed 1 file" "walk: a file reached by 2^22 paths is indexed once"

# a FIFO or a socket never blocks: as --index it is no index; in a folder it is skipped
F=$AR/fifo
mkdir -p "$F/dir"; cp "$CK/sources/hearing.txt" "$F/dir/"; mkfifo "$F/pipe" "$F/dir/pipe.txt"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$F/dir/sock.txt"
trun 5 check --index "$F/pipe" "$CK/clean.txt"
expect_rc 2 "fifo: check --index FIFO exits 2 at once"
expect_err "not an index file" "fifo: check --index FIFO is not an index file"
trun 5 check --source "$F/dir" "$CK/clean.txt"
expect_rc 0 "fifo: a folder holding a FIFO and a socket checks"
expect_err "pipe.txt: .*skipped" "fifo: the FIFO in a folder is skipped with a warning"
expect_err "sock.txt: .*skipped" "fifo: the socket in a folder is skipped with a warning"
trun 5 check --source "$F/pipe" "$CK/clean.txt"
expect_rc 2 "fifo: check --source FIFO exits 2"
trun 5 index --output "$F/idx" "$F/dir"
expect_rc 0 "fifo: index of a folder holding a FIFO"
expect_err "indexed 1 file" "fifo: only the regular file is indexed"
expect_err "pipe.txt: .*skipped" "fifo: index names the skipped FIFO"
trun 5 index --append --output "$F/pipe" "$F/dir"
expect_rc 2 "fifo: index --append to a FIFO exits 2"
trun 5 index --output "$F/pipe" "$F/dir"
expect_rc 2 "fifo: index --output FIFO is refused"
if [ -p "$F/pipe" ]; then ok; else no "fifo: index --output leaves the FIFO in place"; fi

# --output over a file that is no index: refused, the file untouched
cp "$CK/clean.txt" "$AR/article.txt"
run index --output "$AR/article.txt" "$CK/sources"
expect_rc 2 "index --output over a file that is no index exits 2"
expect_err "not a verbatim index" "index --output: says the file is no index"
if cmp -s "$CK/clean.txt" "$AR/article.txt"; then ok; else no "index --output: the file that is no index is not overwritten"; fi

# an index inside the folder it indexes is not indexed itself; a link to an index stays a link
S=$AR/self
mkdir -p "$S"; cp "$CK/sources/hearing.txt" "$S/"
run index --output "$S/idx" "$S"
run index --append --output "$S/idx" "$S"
expect_err "indexed 0 files" "index --append: the index in its own folder is not a file to index"
if grep -q "idx: warning" "$ERR"; then no "index: no warning about the index itself"; else ok; fi
ln -s "$S/idx" "$AR/link.idx"
run index --output "$AR/link.idx" "$S"
expect_rc 0 "index --output LINK: builds the index the link names"
if [ -L "$AR/link.idx" ]; then ok; else no "index --output LINK: the link stays a link"; fi
