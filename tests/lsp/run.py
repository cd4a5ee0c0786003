#!/usr/bin/env python3
"""The language server's tests, with the scripted client of client.py:
    python3 tests/lsp/run.py [build/verbatim]
Each test_* function starts its own server. Prints "lsp: N passed, M failed" and exits
non-zero on a failure; a sanitizer report on the server's stderr fails the test that
caused it (make check-asan runs this with the ASan build)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from client import Client, Timeout, initialize  # noqa: E402

VB = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../build/verbatim"))
PROJ = os.path.join(HERE, "fixtures/project")
DRAFT = os.path.join(PROJ, "drafts/seawall.txt")
URI = "file://" + DRAFT
TEXT = open(DRAFT, encoding="utf-8").read()
servers = []


def start(*args, root=PROJ, cwd=None, **kw):
    c = Client([VB, "lsp"] + list(args), cwd=cwd or HERE)
    servers.append(c)
    if kw.pop("init", True):
        r = initialize(c, root, **kw)
        assert "result" in r, r
        c.init = r["result"]
    return c


def stop(c):
    r = c.request("shutdown")
    assert r.get("result", 1) is None, r
    c.notify("exit")
    rc = c.close()
    assert rc == 0, "exit status %r after shutdown and exit" % rc


def open_doc(c, uri=URI, text=TEXT, lang="text", version=1):
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": lang, "version": version, "text": text}})


def pos(line, ch):
    return {"line": line, "character": ch}


def by_code(diags):
    out = {}
    for d in diags:
        out.setdefault(d["code"], []).append(d)
    return out


def u16col(line_text, byte_col):
    return len(line_text.encode("utf-8")[:byte_col].decode("utf-8").encode("utf-16-le")) // 2


# ---------------------------------------------------------------- the protocol


def test_initialize_negotiates_utf8_only_when_offered():
    c = start()
    caps = c.init["capabilities"]
    assert caps["positionEncoding"] == "utf-16", caps
    assert caps["textDocumentSync"]["change"] == 2 and caps["textDocumentSync"]["openClose"]
    for k in ("hoverProvider", "definitionProvider", "referencesProvider", "codeActionProvider",
              "documentSymbolProvider", "workspaceSymbolProvider"):
        assert caps[k] is True, k
    assert "verbatim.openSource" in caps["executeCommandProvider"]["commands"]
    assert c.init["serverInfo"]["name"] == "verbatim"
    stop(c)
    c = start(encodings=["utf-32", "utf-8", "utf-16"])
    assert c.init["capabilities"]["positionEncoding"] == "utf-8"
    stop(c)


def test_positions_in_utf16_and_utf8():
    # line 5 holds an emoji and curly quotes before the altered quote: 6 bytes more than units
    line = TEXT.split("\n")[4]
    b = line.encode("utf-8").index("“Every".encode("utf-8"))
    for enc, want in ((None, u16col(line, b)), (["utf-8"], b)):
        c = start(encodings=enc)
        open_doc(c)
        alt = by_code(c.diagnostics(URI))["altered"][0]
        assert alt["range"]["start"] == pos(4, want), (enc, alt["range"])
        stop(c)
    assert u16col(line, b) == b - 6


def test_diagnostics_of_the_fixture():
    c = start()
    open_doc(c)
    diags = c.diagnostics(URI)
    k = by_code(diags)
    assert set(k) == {"unclosed", "no_speaker", "not_found", "uncovered", "altered", "speaker_mismatch"}, sorted(k)
    assert [d["range"]["start"]["line"] for d in k["unclosed"]] == [12]
    assert k["unclosed"][0]["severity"] == 2 and k["unclosed"][0]["message"] == "unclosed quotation mark"
    assert [d["range"]["start"]["line"] for d in k["no_speaker"]] == [2] and k["no_speaker"][0]["severity"] == 3
    alt = k["altered"][0]
    assert alt["severity"] == 1 and alt["source"] == "verbatim"
    assert alt["message"].startswith("altered: Every winter the water comes a [-little-] {+lot+} further"), alt["message"]
    assert "council.txt:5:77 (OKAFOR)" in alt["message"], alt["message"]
    rel = alt["relatedInformation"][0]
    assert rel["location"]["uri"].endswith("/sources/council.txt")
    assert rel["location"]["range"]["start"] == pos(4, 76) and rel["location"]["range"]["end"]["line"] == 4
    assert rel["message"].startswith("OKAFOR: “Every winter the water comes a little further"), rel["message"]
    mis = k["speaker_mismatch"][0]
    assert mis["range"]["start"] == pos(8, 0) and "OKAFOR, not Lena Brandt" in mis["message"], mis
    assert sorted(d["range"]["start"]["line"] for d in k["not_found"]) == [10]
    # no one the sources give a turn to: the gate passes them by default, a hint says so
    assert sorted(d["range"]["start"]["line"] for d in k["uncovered"]) == [2, 12]
    assert all(d["severity"] == 4 for d in k["uncovered"]), k["uncovered"]
    # verbatim quotes get none
    assert not [d for d in diags if d["range"]["start"]["line"] == 6]
    stop(c)


def test_fail_on_is_the_gate_policy():
    # the project's fail-on (here the client's setting over it) decides what is an error
    c = start(options={"fail-on": ["+uncovered", "-not_found"]})
    open_doc(c)
    k = by_code(c.diagnostics(URI))
    assert all(d["severity"] == 1 for d in k["uncovered"]), k["uncovered"]
    assert k["not_found"][0]["severity"] == 3, k["not_found"]
    stop(c)
    c = start(options={"fail-on": "sometimes"})
    open_doc(c)
    top = [d for d in c.diagnostics(URI) if d["code"] == "project"]
    assert top and "fail-on: unknown gate class 'sometimes'" in top[0]["message"], top
    assert top[0]["severity"] == 1
    stop(c)


def test_strict_false_makes_warnings():
    c = start(options={"strict": False})
    open_doc(c)
    k = by_code(c.diagnostics(URI))
    assert k["altered"][0]["severity"] == 2 and k["not_found"][0]["severity"] == 2
    stop(c)


def test_hover_tells_speaker_cue_rule_verdict_and_source():
    c = start()
    open_doc(c)
    c.diagnostics(URI)
    line = TEXT.split("\n")[4]
    col = u16col(line, line.encode("utf-8").index("“Every".encode("utf-8"))) + 3
    h = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": pos(4, col)})["result"]
    v = h["contents"]["value"]
    assert h["contents"]["kind"] == "markdown"
    for want in ("**Grace Okafor**", "chair", "Harbour Residents", "(as “she”)", "cue *said*", "rule `cue-after`",
                 "confidence 0.", "**altered**", "council.txt:5:77", "spoken by OKAFOR", "[-little-] {+lot+}",
                 "fails the gate"):
        assert want in v, (want, v)
    assert h["range"]["start"]["line"] == 4
    # off any quote: null
    h = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": pos(0, 3)})
    assert h["result"] is None, h
    # plain text for a client that takes no Markdown
    stop(c)
    c = start(extra={"textDocument": {}})
    open_doc(c)
    h = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": pos(6, 100)})["result"]
    assert h["contents"]["kind"] == "plaintext" and "Lena Brandt" in h["contents"]["value"] and "**" not in h["contents"]["value"]
    stop(c)


def test_definition_is_the_source_passage_and_references_the_speakers_quotes():
    c = start()
    open_doc(c)
    d = c.request("textDocument/definition", {"textDocument": {"uri": URI}, "position": pos(6, 100)})["result"]
    assert d["uri"].endswith("/sources/council.txt") and d["range"]["start"]["line"] == 8, d
    src = open(os.path.join(PROJ, "sources/council.txt"), encoding="utf-8").read().split("\n")[8]
    assert src[d["range"]["start"]["character"]:].startswith("the work can start"), d
    r = c.request("textDocument/references", {"textDocument": {"uri": URI}, "position": pos(6, 100)})["result"]
    assert [x["range"]["start"]["line"] for x in r] == [6, 8], r
    # a second open draft quoting the same speaker is searched too
    other = "file://" + os.path.join(PROJ, "drafts/other.txt")
    open_doc(c, other, "Lena Brandt, the finance director, said: “We have the money.”\n")
    r = c.request("textDocument/references", {"textDocument": {"uri": URI}, "position": pos(6, 100)})["result"]
    assert [x["uri"] for x in r].count(other) == 1, r
    stop(c)


def apply_edit(text, edit, uri):
    lines = text.split("\n")
    for e in sorted(edit["changes"][uri], key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                    reverse=True):
        s, t = e["range"]["start"], e["range"]["end"]
        assert s["line"] == t["line"]
        ln = lines[s["line"]].encode("utf-16-le")
        lines[s["line"]] = (ln[:2 * s["character"]] + e["newText"].encode("utf-16-le") + ln[2 * t["character"]:]).decode("utf-16-le")
    return "\n".join(lines)


def test_code_actions():
    c = start(extra={"window": {"showDocument": {"support": True}}})
    open_doc(c)
    acts = c.request("textDocument/codeAction", {"textDocument": {"uri": URI}, "range": {"start": pos(4, 50), "end": pos(4, 50)},
                                                 "context": {"diagnostics": []}})["result"]
    titles = [a["title"] for a in acts]
    assert titles[0] == "Open the source passage (council.txt:5)", titles
    assert titles[1] == "Show all quotes of Grace Okafor (3)", titles
    intro = acts[2]
    assert intro["title"].startswith("Introduce Grace Okafor, chair") and intro["kind"] == "quickfix", intro
    new = apply_edit(TEXT, intro["edit"], URI)
    assert new.split("\n")[4].startswith("Grace Okafor, chair, Harbour Residents, told the council"), new.split("\n")[4]
    # open the passage: the server asks the client to show it
    cmd = acts[0]["command"]
    r = c.request("workspace/executeCommand", {"command": cmd["command"], "arguments": cmd["arguments"]})
    show = c.wait_for(lambda m: m.get("method") == "window/showDocument")
    assert show["params"]["uri"].endswith("/sources/council.txt") and show["params"]["selection"]["start"]["line"] == 4
    c.send({"jsonrpc": "2.0", "id": show["id"], "result": {"success": True}})
    assert r["result"]["uri"] == show["params"]["uri"]
    # the speaker's quotes: a message listing them, and the locations as the result
    cmd = acts[1]["command"]
    r = c.request("workspace/executeCommand", {"command": cmd["command"], "arguments": cmd["arguments"]})
    assert [x["range"]["start"]["line"] for x in r["result"]] == [4, 4, 10], r
    msg = c.wait_for(lambda m: m.get("method") == "window/showMessage")
    assert msg["params"]["message"].startswith("Grace Okafor: 3 quotes: ") and "seawall.txt:5:" in msg["params"]["message"]
    # once the draft names her in full first, the action is gone
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": new}]})
    acts = c.request("textDocument/codeAction", {"textDocument": {"uri": URI}, "range": {"start": pos(4, 80), "end": pos(4, 80)},
                                                 "context": {"diagnostics": []}})["result"]
    assert not [a for a in acts if a["title"].startswith("Introduce")], [a["title"] for a in acts]
    # without showDocument (Neovim 0.7): a message names the place
    bad = c.request("workspace/executeCommand", {"command": "verbatim.openSource", "arguments": [42]})
    assert bad["error"]["code"] == -32602, bad
    stop(c)
    c = start()
    open_doc(c)
    acts = c.request("textDocument/codeAction", {"textDocument": {"uri": URI}, "range": {"start": pos(6, 100), "end": pos(6, 101)},
                                                 "context": {"diagnostics": []}})["result"]
    c.request("workspace/executeCommand", {"command": "verbatim.openSource", "arguments": acts[0]["command"]["arguments"]})
    msg = c.wait_for(lambda m: m.get("method") == "window/showMessage")
    assert msg["params"]["message"].startswith("source passage: ") and msg["params"]["message"].endswith("council.txt:9:52"), msg
    stop(c)


def test_symbols():
    c = start()
    open_doc(c)
    syms = c.request("textDocument/documentSymbol", {"textDocument": {"uri": URI}})["result"]
    names = [s["name"] for s in syms]
    assert names[:2] == ["Grace Okafor", "Lena Brandt"] and names[-1] == "(no speaker)", names
    okafor = syms[0]
    assert okafor["detail"].startswith("chair") and okafor["detail"].endswith("3 quotes"), okafor["detail"]
    assert [k["range"]["start"]["line"] for k in okafor["children"]] == [4, 4, 10]
    assert okafor["children"][1]["detail"] == "altered" and okafor["children"][1]["name"].startswith("“Every winter")
    ws = c.request("workspace/symbol", {"query": "brandt"})["result"]
    assert [s["name"] for s in ws] == ["Lena Brandt"] and ws[0]["location"]["uri"] == URI and ws[0]["containerName"] == "seawall.txt", ws
    assert c.request("workspace/symbol", {"query": "nobody"})["result"] == []
    stop(c)
    c = start(extra={"textDocument": {}})                 # no hierarchy: flat SymbolInformation
    open_doc(c)
    syms = c.request("textDocument/documentSymbol", {"textDocument": {"uri": URI}})["result"]
    assert syms[0]["name"] == "Grace Okafor" and "location" in syms[0] and syms[1]["containerName"] == "Grace Okafor", syms[:2]
    stop(c)


# ---------------------------------------------------------------- sync


def apply_change(text, ch):
    if "range" not in ch:
        return ch["text"]
    lines = text.split("\n")
    s, e = ch["range"]["start"], ch["range"]["end"]

    def off(p):
        before = "\n".join(lines[:p["line"]]) + ("\n" if p["line"] else "")
        ln = lines[p["line"]].encode("utf-16-le")[:2 * p["character"]].decode("utf-16-le")
        return len(before) + len(ln)
    a, b = off(s), off(e)
    return text[:a] + ch["text"] + text[b:]


def test_recorded_session():
    """initialize, open, 200 incremental edits, hover, shutdown, as the session file has it"""
    msgs = [json.loads(l) for l in open(os.path.join(HERE, "fixtures/session.jsonl"), encoding="utf-8")]
    c = start(init=False)
    text = None
    for m in msgs:
        if m.get("method") == "initialize":
            m["params"]["rootUri"] = "file://" + PROJ
        if "params" in m and "textDocument" in m["params"]:
            m["params"]["textDocument"]["uri"] = URI
        if m.get("method") == "textDocument/didOpen":
            text = m["params"]["textDocument"]["text"]
        for ch in m.get("params", {}).get("contentChanges", []):
            text = apply_change(text, ch)
        c.send(m)
        if m.get("id") == 1:
            assert "result" in c.wait_for(lambda r: r.get("id") == 1)
    edits = sum(1 for m in msgs if m.get("method") == "textDocument/didChange")
    assert edits == 200, edits
    # debounced: the diagnostics that come are of the last version
    diags = c.diagnostics(URI, version=201)
    lines = text.split("\n")
    row = next(i for i, l in enumerate(lines) if "We have the cash" in l)
    alt = [d for d in diags if d["code"] == "altered" and d["range"]["start"]["line"] == row]
    assert alt, diags
    col = u16col(lines[row], lines[row].encode("utf-8").index("“We".encode("utf-8")))
    assert alt[0]["range"]["start"]["character"] == col, (alt[0]["range"], col)
    assert "[-money-] {+cash+}" in alt[0]["message"], alt[0]["message"]
    h = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": pos(row, col + 5)})["result"]
    assert "**Brandt**" in h["contents"]["value"] or "Lena Brandt" in h["contents"]["value"], h
    assert "cue *told*" in h["contents"]["value"], h
    # the whole session gave one publish for the open and at most a few for the edits
    pubs = [m for m in c.log if m.get("method") == "textDocument/publishDiagnostics"]
    assert len(pubs) <= 3, len(pubs)
    stop(c)


def test_debounce_publishes_once_after_a_burst():
    c = start("--debounce=300")
    open_doc(c)
    c.diagnostics(URI, version=1)
    for v in range(2, 22):
        c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": v},
                                            "contentChanges": [{"range": {"start": pos(0, 0), "end": pos(0, 0)}, "text": "x"}]})
    t0 = time.monotonic()
    c.diagnostics(URI, version=21)
    assert time.monotonic() - t0 >= 0.25
    try:
        extra = c.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=0.6)
        assert False, "a second publish: %r" % extra["params"]["version"]
    except Timeout:
        pass
    stop(c)


def test_full_sync_and_close():
    c = start()
    open_doc(c)
    c.diagnostics(URI, version=1)
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                        "contentChanges": [{"text": "Nothing quoted here.\n"}]})
    assert c.diagnostics(URI, version=2) == []
    c.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
    assert c.diagnostics(URI) == []
    r = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": pos(0, 0)})
    assert r["error"]["code"] == -32602, r
    stop(c)


def test_markdown_documents_are_read_as_prose():
    md = ("---\ntitle: \"Harbour “levy” vote\"\n---\n\n"
          "```\nprint(\"an unclosed “mark)\n```\n\n"
          "See [the “minutes”](https://example.org \"the “title”\") and `“code”`.\n\n"
          "“The work can start in April if the weather allows it,” Lena Brandt said.\n")
    uri = "file://" + os.path.join(PROJ, "drafts/story.md")
    c = start()
    open_doc(c, uri, md, lang="markdown")
    k = by_code(c.diagnostics(uri))
    assert "unclosed" not in k and "not_found" not in k, k     # the front matter, code and link title are no prose
    h = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(10, 3)})["result"]
    assert "Lena Brandt" in h["contents"]["value"] and "**verbatim**" in h["contents"]["value"], h
    assert h["range"]["start"] == pos(10, 0), h["range"]          # offsets are the file's
    # the same text as plain text: the marks in code and the title are read as quotes
    puri = "file://" + os.path.join(PROJ, "drafts/story.txt")
    open_doc(c, puri, md, lang="plaintext")
    k = by_code(c.diagnostics(puri))
    assert "unclosed" in k or "not_found" in k, k
    stop(c)


# ---------------------------------------------------------------- robustness


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_malformed_messages_get_errors():
    c = start()
    open_doc(c)
    c.diagnostics(URI)
    cases = [
        (frame(b"{not json"), -32700),
        (frame(b"[1, 2]"), -32600),
        (frame(b'"a string"'), -32600),
        (frame(b'{"jsonrpc": "1.0", "id": 7, "method": "shutdown"}'), -32600),
        (frame(b'{"jsonrpc": "2.0", "id": 8}'), -32600),
        (frame(b'{"jsonrpc": "2.0", "id": {"x": 1}, "method": "textDocument/hover"}'), -32600),
        (frame(b'{"jsonrpc": "2.0", "id": 9, "method": "no/such/method"}'), -32601),
        (frame(b'{"jsonrpc": "2.0", "id": 10, "method": "textDocument/hover", "params": 5}'), -32602),
        (frame(b'{"jsonrpc": "2.0", "id": 11, "method": "textDocument/hover", "params": {}}'), -32602),
        (frame(b'{"jsonrpc": "2.0", "id": 12, "method": "textDocument/hover", "params": {"textDocument": {"uri": "' +
               URI.encode() + b'"}, "position": {"line": -1, "character": "x"}}}'), -32602),
        (b"Content-Length: abc\r\n\r\n", -32700),
        (b"Content-Type: application/json\r\n\r\n", -32700),
        (b"\x00\xff garbage without a header" * 400 + b"\r\n", -32700),
    ]
    for data, code in cases:
        c.raw(data)
        r = c.wait_for(lambda m: "error" in m)
        assert r["error"]["code"] == code, (data[:60], r)
    # an unknown notification is dropped silently; the server still answers
    c.raw(frame(b'{"jsonrpc": "2.0", "method": "$/somethingNew", "params": {}}'))
    h = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": pos(6, 100)})
    assert "Lena Brandt" in h["result"]["contents"]["value"]
    stop(c)


def test_out_of_range_positions_are_clamped():
    c = start()
    open_doc(c)
    for p in (pos(9999, 0), pos(4, 99999), pos(0, 2 ** 40)):
        r = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": p})
        assert "result" in r, r
    # an edit beyond the end appends at the end; one with its ends swapped still applies
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [
        {"range": {"start": pos(500, 3), "end": pos(900, 0)}, "text": "\nAnn Lee said: “Zebras dance at noon.”\n"},
        {"range": {"start": pos(0, 5), "end": pos(0, 0)}, "text": ""}]})
    diags = c.diagnostics(URI, version=2)
    assert any(d["code"] == "uncovered" and d["range"]["start"]["line"] >= 13 for d in diags), diags
    logs = [m for m in c.log if m.get("method") == "window/logMessage" and "clamped" in m["params"]["message"]]
    assert logs, "no log line about the clamped edit"
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": URI}, "range": {"start": pos(77, 7), "end": pos(-1, 0)}})
    assert r["error"]["code"] == -32602, r
    stop(c)


def test_invalid_utf8_and_nul_bytes():
    c = start()
    body = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///tmp/bad.txt", "languageId": "text", "version": 1, "text": "SEP \u201cHe said BAD\u201d, Ann Lee said.\n"}}},
        ensure_ascii=False).encode("utf-8").replace(b"BAD", b"\xff\xfe\xc3")
    c.raw(frame(body))
    diags = c.diagnostics("file:///tmp/bad.txt")
    assert isinstance(diags, list)
    log = c.wait_for(lambda m: m.get("method") == "window/logMessage" and "not UTF-8" in m["params"]["message"])
    assert "3 bytes" in log["params"]["message"], log
    h = c.request("textDocument/hover", {"textDocument": {"uri": "file:///tmp/bad.txt"}, "position": pos(0, 8)})["result"]
    assert "Ann Lee" in h["contents"]["value"], h
    # NUL bytes in a document are text like any other
    open_doc(c, "file:///tmp/nul.txt", "a\u0000b \u201cQuoted\u0000words here,\u201d Ann Lee said.\n")
    assert isinstance(c.diagnostics("file:///tmp/nul.txt"), list)
    stop(c)


def test_truncated_input_ends_the_server():
    c = start()
    c.raw(b"Content-Length: 500\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 5, \"meth")
    rc = c.close()
    assert rc == 1, rc                            # gone without shutdown: 1
    c = start(init=False)
    c.raw(b"Content-Len")
    assert c.close() == 1


def test_oversized_message_is_skipped():
    c = start("--max-size=1K")
    big = frame(json.dumps({"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": {"x": "y" * 200000}}).encode())
    c.raw(big[:3000])
    c.raw(big[3000:])
    r = c.wait_for(lambda m: "error" in m)
    assert r["error"]["code"] == -32700 and "over the limit" in r["error"]["message"], r
    assert c.request("shutdown")["result"] is None
    c.notify("exit")
    assert c.close() == 0


def test_lifecycle():
    c = start(init=False)
    r = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": pos(0, 0)})
    assert r["error"]["code"] == -32002, r
    initialize(c, PROJ)
    r = c.request("initialize", {"capabilities": {}})
    assert r["error"]["code"] == -32600, r
    assert c.request("shutdown")["result"] is None
    r = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": pos(0, 0)})
    assert r["error"]["code"] == -32600, r
    c.notify("exit")
    assert c.close() == 0
    c = start()
    c.notify("exit")                              # exit without shutdown
    assert c.close() == 1


def test_a_client_that_disappears_ends_the_server():
    dead = subprocess.Popen(["sleep", "0"])
    dead.wait()
    c = Client([VB, "lsp"], cwd=HERE)
    servers.append(c)
    r = c.request("initialize", {"processId": dead.pid, "capabilities": {}})
    assert "result" in r
    try:
        rc = c.p.wait(8)                          # stdin still open: the process id is what ends it
    except subprocess.TimeoutExpired:
        assert False, "the server outlived its client"
    assert rc == 1, rc


def test_one_bad_draft_does_not_take_down_the_others():
    tmp = tempfile.mkdtemp()
    try:
        bad = os.path.join(tmp, "broken")
        os.makedirs(bad)
        with open(os.path.join(bad, ".verbatim.yaml"), "w") as f:
            f.write("check: [nowhere\n")
        with open(os.path.join(tmp, "bad-cue.yaml"), "w") as f:
            f.write("x")
        c = start("--max-size=2K")
        buri = "file://" + bad + "/d.txt"
        open_doc(c, buri, "“Something,” Ann Lee said.\n")
        d = c.diagnostics(buri)
        assert d[0]["code"] == "project" and d[0]["severity"] == 1 and ".verbatim.yaml:2:1:" in d[0]["message"], d
        huge = "file://" + tmp + "/huge.txt"
        open_doc(c, huge, "word " * 1000)
        d = c.diagnostics(huge)
        assert d[0]["code"] == "check" and "over max-size" in d[0]["message"], d
        open_doc(c)
        k = by_code(c.diagnostics(URI))
        assert "altered" in k and "project" not in k, sorted(k)
        h = c.request("textDocument/hover", {"textDocument": {"uri": huge}, "position": pos(0, 2)})
        assert h["result"] is None, h
        stop(c)
    finally:
        shutil.rmtree(tmp)


def test_settings_and_project_file():
    tmp = tempfile.mkdtemp()
    try:
        shutil.copytree(os.path.join(PROJ, "sources"), os.path.join(tmp, "talks"))
        draft = os.path.join(tmp, "d.txt")
        text = "“Every winter the water comes a little further into the lower town,” Okafor chimed in.\n"
        # no project file: nothing checked, a hover says so
        c = start(root=tmp)
        open_doc(c, "file://" + draft, text)
        assert all(d["code"] != "not_found" for d in c.diagnostics("file://" + draft))
        h = c.request("textDocument/hover", {"textDocument": {"uri": "file://" + draft}, "position": pos(0, 2)})["result"]
        assert "Not checked" in h["contents"]["value"], h
        # the client's settings name the sources (relative to the workspace folder)
        c.notify("workspace/didChangeConfiguration", {"settings": {"verbatim": {"check": ["talks"], "cues": ["chimed in"]}}})
        diags = c.diagnostics("file://" + draft)
        assert not [d for d in diags if d["code"] in ("not_found", "altered", "project")], diags
        h = c.request("textDocument/hover", {"textDocument": {"uri": "file://" + draft}, "position": pos(0, 2)})["result"]
        assert "cue *chimed in*" in h["contents"]["value"] and "**verbatim**" in h["contents"]["value"], h
        stop(c)
        # a project file written while the server runs is read at the next check
        c = start(root=tmp)
        open_doc(c, "file://" + draft, text.replace("little", "lot"))
        c.diagnostics("file://" + draft)
        with open(os.path.join(tmp, ".verbatim.yaml"), "w") as f:
            f.write("check: talks\nstrict: false\ncolour: red\n")
        c.notify("textDocument/didSave", {"textDocument": {"uri": "file://" + draft}})
        k = by_code(c.diagnostics("file://" + draft))
        assert k["altered"][0]["severity"] == 2, k
        warn = c.wait_for(lambda m: m.get("method") == "window/logMessage" and "unknown key 'colour'" in m["params"]["message"])
        assert ".verbatim.yaml:3:1" in warn["params"]["message"]
        # a source that cannot be read is an error on every draft of the project
        with open(os.path.join(tmp, ".verbatim.yaml"), "w") as f:
            f.write("check: [talks, missing.txt]\n")
        c.notify("workspace/didChangeWatchedFiles", {"changes": []})
        k = by_code(c.diagnostics("file://" + draft))
        assert "missing.txt" in k["project"][0]["message"] and k["project"][0]["severity"] == 1, k
        stop(c)
    finally:
        shutil.rmtree(tmp)


def test_many_edits_under_the_sanitizer():
    """2,000 edits, then shutdown: under ASan the exit checks for leaks (stderr is read)"""
    c = start("--debounce=0")
    open_doc(c)
    for v in range(2, 2002):
        ch = {"range": {"start": pos(0, 0), "end": pos(0, 1 if v % 2 else 0)}, "text": "" if v % 2 else "S"}
        c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": v}, "contentChanges": [ch]})
        if v % 250 == 0:
            c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": pos(6, 100)})
    assert by_code(c.diagnostics(URI, version=2001))["altered"]
    stop(c)


# ---------------------------------------------------------------- runner


def main():
    if not os.access(VB, os.X_OK):
        print("lsp: %s not built" % VB, file=sys.stderr)
        return 1
    tests = [(n, f) for n, f in sorted(globals().items()) if n.startswith("test_") and callable(f)]
    only = os.environ.get("LSP_TEST")
    passed = failed = 0
    for name, fn in tests:
        if only and only not in name:
            continue
        servers.clear()
        try:
            fn()
            ok = True
        except Exception:
            ok = False
            print("FAIL: lsp: %s\n%s" % (name, traceback.format_exc()), file=sys.stderr)
        for c in servers:
            if c.p.poll() is None:
                c.p.kill()
                c.p.wait()
            err = c.stderr()
            if "Sanitizer" in err or "runtime error:" in err:
                ok = False
                print("FAIL: lsp: %s: sanitizer report:\n%s" % (name, err[:3000]), file=sys.stderr)
        if ok:
            passed += 1
        else:
            failed += 1
    print("lsp: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
