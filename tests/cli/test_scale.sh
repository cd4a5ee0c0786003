# Sources without line breaks, and sources larger than the memory a check may take
# (sourced by tests/cli/run.sh). Ratios and peak memory, never absolute times.
#  - growth: 10x the source and 10x the quotes cost at most 12x the CPU time (today's
#    line and turn lookups were quotes x source: 60x and more);
#  - memory: a check against a source of 40 MB (no line break in it) peaks under 32 MB,
#    a fixed budget, where reading it whole took eight bytes a byte.
python3 - "$VB" "$TMP/scale" <<'PY' >"$TMP/scale.out" 2>&1
import os, random, resource, subprocess, sys
vb, d = sys.argv[1], sys.argv[2]
# 3000 made-up words: a passage is rare enough that its words point to it
SYL = 'ba ce di fo gu ha je ki lo mu na pe ri so tu va we xi yo zu'.split()
WORDS = [a + b + c for a in SYL for b in SYL for c in SYL[:8]][:3000]
def make(name, kb, nqs, seed):
    """one paragraph of kb KB; a draft for each count in nqs, quoting sentences of it"""
    rng = random.Random(seed)
    src = os.path.join(d, name)
    os.makedirs(src, exist_ok=True)
    quotes, n, k, every = [], 0, 0, max(1, int(kb * 1000 / 95 / max(nqs)))
    with open(os.path.join(src, 'src.txt'), 'w') as f:   # written as it goes: this process stays
        while n < kb * 1000:                              # small (a child forked from it starts
            ws = [rng.choice(WORDS) for _ in range(12)] + ['w%d' % k, 'z%d' % (k * 7)]   # with its memory)
            s = ' '.join(ws) + '. '
            f.write(s); n += len(s)
            if k % every == 0 and len(quotes) < max(nqs): quotes.append(' '.join(ws[4:]))
            k += 1
    arts = []
    for nq in nqs:
        art = os.path.join(d, '%s-%d.txt' % (name, nq))
        with open(art, 'w') as f:
            for i, q in enumerate(quotes[::max(1, len(quotes) // nq)][:nq]):
                f.write('\u201c%s,\u201d the clerk said in meeting %d.\n\n' % (q.capitalize(), i))
        arts.append(art)
    return src, arts
def run(src, art):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run([vb, 'check', '--source', src, art], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0: print('exit', p.returncode); sys.exit(1)
    return r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
asan = b'__asan_init' in open(vb, 'rb').read()
s10, (art10, artm) = make('x10', 40000, (2000, 40), 2)
run(s10, artm)                            # first: ru_maxrss is the largest child so far
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print('memory %.0f MB peak for a 40 MB source%s' % (rss, ' (ASan: not judged)' if asan else ''))
s0, (art0,) = make('x0', 5, (2,), 1)
s1, (art1,) = make('x1', 4000, (200,), 1)
t = {0: [], 1: [], 10: []}
for _ in range(5):                        # taken in turns, the best of each: the machine is shared
    t[0].append(run(s0, art0)); t[1].append(run(s1, art1)); t[10].append(run(s10, art10))
z, a, b = min(t[0]), min(t[1]) - min(t[0]), min(t[10]) - min(t[0])
print('growth %.3f s -> %.3f s (less %.3f s to start): %.1fx' % (a, b, z, b / max(a, 1e-3)))
# 10x the source and 10x the quotes: a walk per quote over the source (the old cost,
# quotes x size) would be ~100x; a linear pass is 10x plus what a 10x larger working set
# costs in cache misses (10.7-13.2x measured on a loaded two-core machine), so 15x is the bar
sys.exit(0 if b / max(a, 1e-3) <= 15 and (asan or rss < 32) else 1)
PY
RC=$?
sed 's/^/  scale: /' "$TMP/scale.out" >&2
if [ $RC -eq 0 ]; then ok; else no "check: linear on sources without line breaks, and in a fixed memory budget ($(tr '\n' ' ' <"$TMP/scale.out"))"; fi

# Attribution over one paragraph that never ends a sentence: 10x the quotes must cost
# about 10x (each quote's rules read a window, never the sentence from its start; the
# parenthetical rule did, and 400k quotes took over a minute).
python3 - "$VB" "$TMP/scale" <<'PY' >"$TMP/scale2.out" 2>&1
import os, resource, subprocess, sys
vb, d = sys.argv[1], sys.argv[2]
os.makedirs(d, exist_ok=True)
def make(n, unit):
    p = os.path.join(d, 'para-%d-%d.txt' % (n, len(unit)))
    with open(p, 'w') as f:
        f.write('Ann Lee spoke on Monday. "This is the first one," she said. ' + unit * n)
    return p
def run(p):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    q = subprocess.run([vb, 'quotes', '--json', p], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if q.returncode != 0: print('exit', q.returncode); sys.exit(1)
    return r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
worst = 0
for unit in ('"word" ', '"we will go on and on" ', '"Yes," Lee said, "no" '):
    small, big = make(20000, unit), make(200000, unit)
    t0 = min(run(small) for _ in range(3)); t1 = min(run(big) for _ in range(3))
    r = t1 / max(t0, 0.01)
    worst = max(worst, r)
    print('one paragraph of %r: 20k quotes %.3f s, 200k %.3f s: %.1fx' % (unit.strip(), t0, t1, r))
sys.exit(0 if worst <= 15 else 1)
PY
RC=$?
sed 's/^/  scale: /' "$TMP/scale2.out" >&2
if [ $RC -eq 0 ]; then ok; else no "quotes: linear over a paragraph that never ends a sentence ($(tr '\n' ' ' <"$TMP/scale2.out"))"; fi
