#!/usr/bin/env python3
"""bench/lsp.py VERBATIM: the language server's figures (make bench runs it through
bench/bench_lsp.sh). A 10,000-word draft (the bundled example article, repeated)
checked against the example transcript, through the scripted client of tests/lsp:

  - latency: from an edit to its diagnostics with --debounce=0 (the check itself, the
    JSON and the pipe), and from the end of the quiet time to the diagnostics with the
    default debounce of 200 ms (what the issue's 20 ms is about);
  - memory: the server's resident set (VmRSS, /proc) after every 2,500 of 10,000 edits,
    each edit typed or deleted inside a quote, a check every 10 edits (1,000 checks).

Wall-clock figures on a shared machine are noisy: the medians of many runs are given."""
import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../tests/lsp"))
from client import Client, initialize  # noqa: E402

VB = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../build/verbatim"))
ex = os.path.join(HERE, "../examples")
article = open(os.path.join(ex, "article.txt"), encoding="utf-8").read()
words = len(article.split())
reps = (10000 + words - 1) // words
draft = "\n".join([article] * reps)
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "draft.txt")
with open(path, "w", encoding="utf-8") as f:
    f.write(draft)
with open(os.path.join(tmp, ".verbatim.yaml"), "w") as f:
    f.write("check: %s\n" % os.path.abspath(os.path.join(ex, "transcript.txt")))
URI = "file://" + path
lines = draft.split("\n")
# an edit point inside the first quote ("People here don’t ..."), as a reporter fixes a word
row = next(i for i, l in enumerate(lines) if "People here" in l)
col = len(lines[row][:lines[row].index("People here") + 6].encode("utf-16-le")) // 2


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for l in f:
            if l.startswith("VmRSS:"):
                return int(l.split()[1])
    return 0


def edit(c, v, typed):
    rng = {"start": {"line": row, "character": col}, "end": {"line": row, "character": col + (0 if typed else 1)}}
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": v},
                                        "contentChanges": [{"range": rng, "text": "x" if typed else ""}]})


def session(debounce):
    c = Client([VB, "lsp", "--debounce=%d" % debounce], cwd=tmp)
    initialize(c, tmp)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "languageId": "text", "version": 1, "text": draft}})
    diags = c.diagnostics(URI, version=1, timeout=60)
    return c, diags


def stop(c):
    c.request("shutdown")
    c.notify("exit")
    c.close()


def latency(debounce, runs):
    c, diags = session(debounce)
    out, v = [], 1
    for i in range(runs):
        v += 1
        edit(c, v, i % 2 == 0)
        t0 = time.monotonic()
        c.diagnostics(URI, version=v, timeout=60)
        out.append((time.monotonic() - t0) * 1000 - debounce)
    stop(c)
    return out, diags


def main():
    if not os.access(VB, os.X_OK):
        print("lsp: %s not built" % VB, file=sys.stderr)
        return 1
    lat0, diags = latency(0, 60)
    print("lsp: draft of %d words (%d quotes flagged on open), %d bytes, one transcript" %
          (len(draft.split()), len(diags), len(draft.encode("utf-8"))))
    print("lsp: edit to diagnostics, --debounce=0: median %.1f ms, p90 %.1f ms, max %.1f ms (%d edits)" %
          (statistics.median(lat0), sorted(lat0)[int(len(lat0) * 0.9)], max(lat0), len(lat0)))
    lat2, _ = latency(200, 20)
    print("lsp: end of the 200 ms quiet time to diagnostics: median %.1f ms, p90 %.1f ms (%d edits)" %
          (statistics.median(lat2), sorted(lat2)[int(len(lat2) * 0.9)], len(lat2)))
    c, _ = session(0)
    marks = [rss_kb(c.p.pid)]
    v = 1
    t0 = time.monotonic()
    for i in range(1, 10001):
        v += 1
        edit(c, v, i % 2 == 1)
        if i % 10 == 0:
            c.diagnostics(URI, version=v, timeout=60)
        if i % 2500 == 0:
            marks.append(rss_kb(c.p.pid))
    dt = time.monotonic() - t0
    stop(c)
    print("lsp: RSS over 10,000 edits (1,000 checks, %.1f s): %s MB; last / after the first 2,500: %.3f" %
          (dt, ", ".join("%.1f" % (k / 1024) for k in marks), marks[-1] / marks[1]))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
