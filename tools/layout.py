#!/usr/bin/env python3
"""tools/layout.py [BUILD]: the shape src/ keeps (issue 9), checked by `make test-layout`.

  - no C file in src/ longer than 900 lines, no function longer than 150 (physical lines;
    a function from its first line to its closing brace, as universal-ctags gives them);
  - no call cycle between files: file A calls file B when A's object file has an undefined
    symbol that B's object defines (nm over BUILD/obj and BUILD/lua5.4/obj); a cycle is
    a strongly connected set of two or more files;
  - no Lua header outside the binding (src/lua_*.c, src/lua_*.h).
Prints one line per failure and "layout: N passed, M failed"; exits 1 on a failure."""
import glob, os, re, subprocess, sys

MAX_FILE, MAX_FUNC = 900, 150
build = sys.argv[1] if len(sys.argv) > 1 else "build"
passed = failed = 0


def result(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: layout: " + what, file=sys.stderr)


cfiles = sorted(glob.glob("src/*.c"))
for f in cfiles:
    n = sum(1 for _ in open(f, encoding="utf-8", errors="replace"))
    result(n <= MAX_FILE, f"{f} has {n} lines (at most {MAX_FILE})")

out = subprocess.run(["ctags", "-x", "--_xformat=%N %F %n %{end}", "--kinds-C=f", "--fields=+ne", "-o", "-"]
                     + cfiles + glob.glob("src/*.h"), capture_output=True, text=True)
if out.returncode != 0:
    result(False, "ctags failed (universal-ctags is needed): " + out.stderr.strip())
for line in out.stdout.splitlines():
    name, f, a, e = line.split()
    if e != "-":
        n = int(e) - int(a) + 1
        result(n <= MAX_FUNC, f"{f}:{a}: {name} has {n} lines (at most {MAX_FUNC})")

objs = glob.glob(os.path.join(build, "obj", "*.o")) + glob.glob(os.path.join(build, "lua5.4", "obj", "*.o"))
result(len(objs) > 0, f"no object files under {build}/obj: build first")
defs, undefs = {}, {}
for o in objs:
    name = os.path.basename(o)[:-2] + ".c"
    for l in subprocess.run(["nm", o], capture_output=True, text=True).stdout.splitlines():
        p = l.split()
        if len(p) == 3 and p[1] in "TDRBC":
            defs[p[2]] = name
        elif len(p) == 2 and p[0] == "U":
            undefs.setdefault(name, set()).add(p[1])
edges = {}
for a, us in undefs.items():
    for u in us:
        b = defs.get(u)
        if b and b != a:
            edges.setdefault(a, set()).add(b)

# strongly connected components (Tarjan, iterative enough for a few dozen files)
sys.setrecursionlimit(10000)
idx, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]


def visit(v):
    idx[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in edges.get(v, ()):
        if w not in idx:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], idx[w])
    if low[v] == idx[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            comps.append(sorted(comp))


for v in sorted(set(edges) | {b for s in edges.values() for b in s}):
    if v not in idx:
        visit(v)
result(not comps, "files that call each other: " + "; ".join(" <-> ".join(c) for c in comps))

lua_inc = re.compile(r'^\s*#\s*include\s*[<"](lua|lauxlib|lualib|luajit)\.h[>"]', re.M)
for f in sorted(glob.glob("src/*.[ch]")):
    if not os.path.basename(f).startswith("lua_"):
        result(not lua_inc.search(open(f, encoding="utf-8", errors="replace").read()),
               f"{f} includes a Lua header (only the binding, src/lua_*, may)")

print(f"layout: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
