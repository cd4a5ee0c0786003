# Transcripts as they arrive (sourced by tests/cli/run.sh): one invented forum, in every
# form of tests/fixtures/transcripts and in the encodings made below, gives the same
# verdicts and speakers; offsets point into the file as given; binary files are named.
TR=$ROOT/tests/fixtures/transcripts

# the draft's nine quotes: verdicts, the surname of the turn's speaker, and the
# speaker flag (the sixth is the moderator's; the seventh is M. Marsh's, not Owen's)
WANT_V='["verbatim", "verbatim", "verbatim", "altered", "verbatim", "verbatim", "verbatim", "verbatim", "verbatim"]'
WANT_S='["calder", "calder", "marsh", "marsh", "marsh", "blake", "marsh", "calder", "marsh"]'
WANT_M='[False, False, False, False, False, False, True, False, False]'
VERDICTS='[q["check"]["verdict"] for q in d["quotes"]] == '"$WANT_V"
SPEAKERS='[(q["check"]["source"]["speaker"] or "").lower().split()[-1] for q in d["quotes"]] == '"$WANT_S"
FLAGS='[q["check"]["speaker_mismatch"] for q in d["quotes"]] == '"$WANT_M"
MSPEAKER='d["quotes"][6]["check"]["source"]["speaker"].upper().startswith("M")'

form() {   # form FILE NAME: the draft against FILE alone
  mkdir -p "$TMP/form" && rm -f "$TMP/form/"* && cp "$1" "$TMP/form/"
  run check --json --source "$TMP/form" "$TR/draft.txt"
  expect_rc 1 "formats $2: exit 1 (one quote altered, one given to another speaker)"
  expect_json "$VERDICTS" "formats $2: verdicts"
  expect_json "$SPEAKERS and $MSPEAKER" "formats $2: speakers"
  expect_json "$FLAGS" "formats $2: speaker flags"
}

for f in cq.txt title.txt honorific.txt rev.txt stamps.txt chevrons.txt forum.html forum.vtt forum-words.vtt forum.srt; do
  form "$TR/$f" "$f"
done

# the human output: across (APPLAUSE) and a repeated label, verbatim in the speaker's turn
run check --source "$TR/cq.txt" "$TR/draft.txt"
expect_grep "draft.txt:3:1: note: verbatim .*cq.txt:5:[0-9]+ \(CALDER\)\$" "formats: a quote across a stage line and a repeated label is verbatim"
expect_grep "draft.txt:9:1: note: verbatim .*\(MARSH\)\$" "formats: a junk line (READ: a headline) is no speaker"
expect_grep "draft.txt:13:1: error: verbatim .*\(M. MARSH, not Owen Marsh\)\$" "formats: M. MARSH is not Owen Marsh"

# automatic captions that roll: the same verdicts, nobody named
mkdir -p "$TMP/roll" && cp "$TR/rolling.vtt" "$TMP/roll/"
run check --json --source "$TMP/roll" "$TR/draft.txt"
expect_json "$VERDICTS" "formats rolling captions: verdicts"
expect_json 'not any(q["check"]["speaker_mismatch"] for q in d["quotes"])' "formats rolling captions: no speaker, no flag"

# encodings, made here from the CQ form
python3 - "$TR/cq.txt" "$TMP/enc" <<'PY'
import os, sys, zipfile
from xml.sax.saxutils import escape
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
t = open(src, encoding='utf-8').read()
def w(name, data):
    os.makedirs(os.path.join(out, name), exist_ok=True)
    open(os.path.join(out, name, 'forum' + ('.docx' if name == 'docx' else '.txt')), 'wb').write(data)
w('utf16le-bom', b'\xff\xfe' + t.encode('utf-16-le'))
w('utf16be-bom', b'\xfe\xff' + t.encode('utf-16-be'))
w('utf16le', t.encode('utf-16-le'))
w('utf8-bom', b'\xef\xbb\xbf' + t.encode('utf-8'))
w('crlf', t.replace('\n', '\r\n').encode('utf-8'))
w('cp1252', t.replace("we're", 'we\u2019re').replace('metres', 'm\u00e8tres').encode('cp1252'))
paras = ''.join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % escape(p) for p in t.split('\n'))
xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
       'wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % paras)
os.makedirs(os.path.join(out, 'docx'), exist_ok=True)
with zipfile.ZipFile(os.path.join(out, 'docx', 'forum.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('word/document.xml', xml)
PY
for e in utf16le-bom utf16be-bom utf16le utf8-bom crlf docx; do
  form "$TMP/enc/$e/"* "$e"
done
run check --json --source "$TMP/enc/cp1252" "$TR/draft.txt"
expect_json "$VERDICTS and $SPEAKERS and $FLAGS" "formats cp1252: verdicts and speakers"
expect_err "forum.txt: warning: not UTF-8: read as Windows-1252" "formats cp1252: a warning names the file"

# offsets and places in the file as given: UTF-16 bytes, HTML source, lines
run check --json --source "$TMP/enc/utf16le-bom" "$TR/draft.txt"
expect_json 'all(open(q["check"]["source"]["file"], "rb").read()[q["check"]["source"]["start"]:q["check"]["source"]["end"]].decode("utf-16-le").split()[0].strip(",.").lower() == q["text"].split()[0].strip(",.").lower() for q in d["quotes"][:3])' "formats UTF-16: offsets are bytes of the UTF-16 file"
expect_json 'd["quotes"][0]["check"]["source"]["line"] == 5' "formats UTF-16: lines of the file"
run check --json --source "$TR/forum.html" "$TR/draft.txt"
expect_json 'open(d["quotes"][2]["check"]["source"]["file"], "rb").read()[d["quotes"][2]["check"]["source"]["start"]:d["quotes"][2]["check"]["source"]["end"]].decode().startswith("My opponent")' "formats HTML: offsets are bytes of the HTML"
expect_json '"we&#8217;re" in open(d["quotes"][2]["check"]["source"]["file"], "rb").read()[d["quotes"][2]["check"]["source"]["start"]:d["quotes"][2]["check"]["source"]["end"]].decode()' "formats HTML: the passage holds the entity"

# a binary file among the sources: skipped, named in a warning; the rest still answers
mkdir -p "$TMP/bin" && cp "$TR/cq.txt" "$TMP/bin/" && printf '\211PNG\r\n\032\n\0\0\0\rIHDRxx' > "$TMP/bin/photo.png"
run check --json --source "$TMP/bin" "$TR/draft.txt"
expect_err "photo.png: warning: a PNG image, not text: skipped" "formats: a binary file is named"
expect_json "$VERDICTS" "formats: the other sources still answer"

# a draft in UTF-16 is read: its quotes, not 0 of them, and the gate does not pass
python3 -c 'import sys; t = open(sys.argv[1], encoding="utf-8").read(); open(sys.argv[2], "wb").write(b"\xff\xfe" + t.encode("utf-16-le"))' "$TR/draft.txt" "$TMP/draft16.txt"
run check --json --source "$TR/cq.txt" "$TMP/draft16.txt"
expect_rc 1 "formats: a UTF-16 draft fails the gate like its UTF-8 form"
expect_json "$VERDICTS" "formats: a UTF-16 draft gets its quotes checked"
run quotes --json "$TMP/draft16.txt"
expect_json 'len(d["quotes"]) == 9' "formats: quotes finds the quotes of a UTF-16 draft"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' > "$TMP/draft.png"
run check --source "$TR/cq.txt" "$TMP/draft.png"
expect_rc 2 "formats: a binary draft is an error, never a pass"
expect_err "draft.png: a PNG image, not text" "formats: the binary draft is named"
