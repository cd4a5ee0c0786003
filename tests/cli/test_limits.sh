# Endless, huge and unreadable input (issue 11), sourced by tests/cli/run.sh.
# Memory limits use `ulimit -v` in a subshell; AddressSanitizer reserves far more address
# space than any such limit, so under check-asan those cases run without the limit (the
# exit status and message are still checked, a size limit keeps them short).
LIM=$TMP/limits
mkdir -p "$LIM"
asan=0
if grep -aq AddressSanitizer "$VB"; then asan=1; fi
# vmem KB CMD...: CMD under an address-space limit of KB kilobytes (none under ASan)
vmem() { kb=$1; shift; if [ $asan = 1 ]; then "$@"; else (ulimit -v "$kb" && "$@"); fi; }
# seconds CMD...: the user+system CPU seconds CMD takes (its exit status is dropped)
cpu_secs() {
  python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(r.ru_utime + r.ru_stime)' "$@"
}

# -- endless input stops: at the size limit, or at the first failed allocation
RC=0; timeout 60 "$VB" quotes --max-size=1M - </dev/zero >"$OUT" 2>"$ERR" || RC=$?
expect_rc 2 "limits: quotes - on /dev/zero stops at --max-size"
expect_err '^verbatim: -: larger than --max-size=1M' "limits: the size limit is named"
RC=0; yes | timeout 60 "$VB" sources --max-size=64K - >"$OUT" 2>"$ERR" || RC=$?
expect_rc 2 "limits: sources - on yes stops at --max-size"
expect_err '^verbatim: -: larger than --max-size=64K' "limits: sources names the limit"
RC=0; timeout 60 "$VB" quotes - </dev/zero >"$OUT" 2>"$ERR" || RC=$?
expect_rc 2 "limits: quotes - on /dev/zero stops at the default limit"
expect_err '^verbatim: -: (larger than --max-size=256M|out of memory)' "limits: the default limit, or memory, stops it"
if [ $asan = 0 ]; then
  RC=0; vmem 200000 timeout 60 "$VB" quotes --max-size=0 - </dev/zero >"$OUT" 2>"$ERR" || RC=$?
  expect_rc 2 "limits: with no size limit, the first failed allocation stops /dev/zero"
  expect_err '^verbatim: -: out of memory$' "limits: out of memory is said once, for the file"
  RC=0; yes | vmem 200000 timeout 60 "$VB" quotes --max-size=0 - >"$OUT" 2>"$ERR" || RC=$?
  expect_rc 2 "limits: with no size limit, the first failed allocation stops yes"
  expect_err '^verbatim: -: out of memory$' "limits: yes runs out of memory, said for the file"
fi

# -- a file over --max-size is refused before it is read; the other files go on
printf 'She said, \342\200\234The levee held through the night.\342\200\235\n' >"$LIM/small.txt"
python3 -c 'import sys; sys.stdout.write("He said, \u201cThe tide came in.\u201d\n" * 200)' >"$LIM/big.txt"
run quotes --max-size=2K "$LIM/big.txt" "$LIM/small.txt"
expect_rc 2 "limits: a file over --max-size is an error"
expect_err "^verbatim: $LIM/big.txt: larger than --max-size=2K" "limits: the refused file is named"
expect_grep "^$LIM/small.txt:1:11: direct " "limits: the next file is still listed"
run quotes --max-size=1G "$LIM/big.txt"
expect_rc 0 "limits: --max-size=1G reads it"
run quotes --max-size=12Q "$LIM/small.txt"
expect_rc 2 "limits: a bad --max-size is a usage error"
expect_err 'max-size' "limits: the bad size is named"
run check --max-size=2K --source "$LIM/big.txt" "$LIM/small.txt"
expect_rc 2 "limits: check: a source over --max-size is an error"
expect_err "$LIM/big.txt: larger than --max-size=2K" "limits: check names the refused source"
run check --max-size=2K --source "$LIM/small.txt" "$LIM/big.txt"
expect_rc 2 "limits: check: a draft over --max-size is an error"
run index --max-size=2K --output "$LIM/idx" "$LIM/big.txt" "$LIM/small.txt"
expect_err "$LIM/big.txt: larger than --max-size=2K" "limits: index names the file it leaves out"
run quotes --help
expect_grep -- '--max-size=SIZE' "limits: quotes --help documents --max-size"

# -- an unreadable source is an error whatever the draft holds, and JSON is never half
printf 'Nothing is quoted here.\n' >"$LIM/noquote.txt"
run check --max-size=2K --source "$LIM/big.txt" "$LIM/noquote.txt"
expect_rc 2 "limits: an unreadable source fails a draft with no quotes"
expect_err "$LIM/big.txt: larger than" "limits: and is reported"
run check --json --max-size=2K --source "$LIM/big.txt" "$LIM/small.txt"
expect_rc 2 "limits: check --json with an unreadable source exits 2"
if [ -s "$OUT" ]; then expect_json 'isinstance(d, dict)' "limits: check --json output is whole"; else ok; fi
run check --json --max-size=2K --source "$LIM/small.txt" "$LIM/big.txt"
expect_rc 2 "limits: check --json with only an unreadable draft exits 2"
if [ -s "$OUT" ]; then expect_json 'isinstance(d, dict)' "limits: no half JSON for an unreadable draft"; else ok; fi
# a file the user may not read (root reads everything: run as nobody where possible)
echo 'x' >"$LIM/secret.txt"; chmod 000 "$LIM/secret.txt"
asuser=
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
  asuser="setpriv --reuid=65534 --regid=65534 --clear-groups"
  chmod 711 "$TMP"; chmod 755 "$LIM"; chmod 644 "$LIM/noquote.txt" "$LIM/small.txt"
fi
if [ "$(id -u)" != 0 ] || [ -n "$asuser" ]; then
  if $asuser "$VB" --version >/dev/null 2>&1; then
    RC=0; $asuser "$VB" check --source "$LIM/secret.txt" "$LIM/noquote.txt" >"$OUT" 2>"$ERR" || RC=$?
    expect_rc 2 "limits: an unreadable --source fails a draft with nothing to look up"
    expect_err "secret.txt: Permission denied" "limits: the unreadable source is reported"
    RC=0; $asuser "$VB" check --json --source "$LIM/small.txt" "$LIM/secret.txt" >"$OUT" 2>"$ERR" || RC=$?
    expect_rc 2 "limits: check --json on an unreadable draft exits 2"
    if [ -s "$OUT" ]; then expect_json 'isinstance(d, dict)' "limits: check --json prints no half document"; else ok; fi
  fi
fi

# -- a user cue pattern's total work is bounded per text: 10x the text, <= 12x the time
python3 -c 'import sys; n = int(sys.argv[1]); sys.stdout.write(("a " * n)[:n - 2] + ";\n")' 20000 >"$LIM/cue1.txt"
python3 -c 'import sys; n = int(sys.argv[1]); sys.stdout.write(("a " * n)[:n - 2] + ";\n")' 200000 >"$LIM/cue10.txt"
run quotes --cue '(?:a|\s)*+b;' "$LIM/cue10.txt"
expect_rc 2 "limits: a runaway cue pattern is an error"
expect_err "cue10.txt: cue pattern 1: " "limits: the runaway pattern is named by number"
t1=$(cpu_secs timeout 60 "$VB" quotes --cue 'said' --cue '(?:a|\s)*+b;' "$LIM/cue1.txt")
t10=$(cpu_secs timeout 60 "$VB" quotes --cue 'said' --cue '(?:a|\s)*+b;' "$LIM/cue10.txt")
if python3 -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if b <= 12 * max(a, 0.01) else 1)' "$t1" "$t10"; then ok
else no "limits: 10x text costs ${t10}s against ${t1}s for a runaway pattern (want <= 12x)"; fi

# -- memory per input byte: quotes on punctuation and on prose, at most ~4 bytes a byte
if [ $asan = 0 ]; then
  python3 -c 'import sys; sys.stdout.write((".,;:!?()-" * 1000 + "\n") * 4000)' >"$LIM/punct.txt"   # 36 MB
  RC=0; vmem 250000 "$VB" quotes --json "$LIM/punct.txt" >"$OUT" 2>"$ERR" || RC=$?
  expect_rc 0 "limits: quotes on 36 MB of punctuation fits in 250 MB"
  python3 - "$ROOT/tests/fixtures" "$LIM/prose.txt" <<'PY'
import os, sys
texts = []
for d, _, fs in sorted(os.walk(sys.argv[1])):
    for f in sorted(fs):
        if f.endswith(".txt"):
            texts.append(open(os.path.join(d, f), "rb").read())
chunk = b"\n\n".join(texts) + b"\n\n"
with open(sys.argv[2], "wb") as o:
    left = 36 * 1000 * 1000
    while left > 0:
        o.write(chunk[:left]); left -= len(chunk)
PY
  RC=0; vmem 250000 "$VB" quotes --json "$LIM/prose.txt" >"$OUT" 2>"$ERR" || RC=$?
  expect_rc 0 "limits: quotes --json on 36 MB of prose fits in 250 MB"
  RC=0; vmem 250000 "$VB" quotes --indirect "$LIM/prose.txt" >"$OUT" 2>"$ERR" || RC=$?
  expect_rc 0 "limits: quotes --indirect on 36 MB of prose fits in 250 MB"
  rm -f "$LIM/punct.txt" "$LIM/prose.txt"
fi
