#!/usr/bin/env python3
"""tests/lsp/make_session.py: writes tests/lsp/fixtures/session.jsonl, the session the
scripted client replays (tests/lsp/run.py, test_recorded_session): what an editor sends
while a reporter types a new paragraph into the fixture draft, one keystroke a
didChange (200 of them: letters, a curly quote pair, an emoji, backspaces, a line
break), with UTF-16 ranges as the protocol counts them. The server's replies are not in
it: the test checks those. Run it again only to change the session."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
URI = "file:///DRAFT"            # replaced by the test with the fixture's real URI
text = open(os.path.join(HERE, "fixtures/project/drafts/seawall.txt"), encoding="utf-8").read()
lines = text.split("\n")


def u16(s):
    return len(s.encode("utf-16-le")) // 2


msgs = [
    {"jsonrpc": "2.0", "id": 1, "method": "initialize",
     "params": {"processId": None, "rootUri": None,
                "capabilities": {"textDocument": {"hover": {"contentFormat": ["markdown"]},
                                                  "publishDiagnostics": {"relatedInformation": True}}}}},
    {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    {"jsonrpc": "2.0", "method": "textDocument/didOpen",
     "params": {"textDocument": {"uri": URI, "languageId": "text", "version": 1, "text": text}}},
]
# the paragraph typed after line 8 ("I would like that in writing," ...): a quote of
# Brandt's, altered ("the cash" for "the money"), with a slip and its correction, an emoji
typed = ("\n\n\U0001F4AC “We have teh\b\b\bthe cash for the first phase, and the work can start in April,” "
         "Brandt told the meeting.")
row, col = 8, u16(lines[8])
version = 1
cur = lines[8]
for ch in typed:
    version += 1
    if ch == "\b":
        rng = {"start": {"line": row, "character": col - 1}, "end": {"line": row, "character": col}}
        change = {"range": rng, "rangeLength": 1, "text": ""}
        col -= 1
    else:
        rng = {"start": {"line": row, "character": col}, "end": {"line": row, "character": col}}
        change = {"range": rng, "rangeLength": 0, "text": ch}
        if ch == "\n":
            row, col = row + 1, 0
        else:
            col += u16(ch)
    msgs.append({"jsonrpc": "2.0", "method": "textDocument/didChange",
                 "params": {"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}})
# pad with edits that type and delete a word at the end of the first line, to 200 edits
pad = 0
while version - 1 < 200:
    version += 1
    pad += 1
    first = u16(lines[0])
    if pad % 2 == 1:
        change = {"range": {"start": {"line": 0, "character": first}, "end": {"line": 0, "character": first}}, "text": "!"}
    else:
        change = {"range": {"start": {"line": 0, "character": first}, "end": {"line": 0, "character": first + 1}}, "text": ""}
    msgs.append({"jsonrpc": "2.0", "method": "textDocument/didChange",
                 "params": {"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}})
assert sum(1 for m in msgs if m["method"] == "textDocument/didChange") == 200, version
with open(os.path.join(HERE, "fixtures/session.jsonl"), "w", encoding="utf-8") as f:
    for m in msgs:
        f.write(json.dumps(m, ensure_ascii=False) + "\n")
print("session.jsonl: %d messages, %d edits, final version %d" % (len(msgs), version - 1, version))
