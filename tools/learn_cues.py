#!/usr/bin/env python3
"""tools/learn_cues.py POLNEAR [OUT]: the learned cue table, src/cues_learned.c.

Reads the PolNeAR train split (PolNEAR/train: attributions/*.ann in brat, text/*.txt; the
first annotator of each article) and counts, for every word form, how often it heads a
gold Cue span that no built-in form of several words covers (its first word past the auxiliaries and adverbs listed below) against how
often it occurs in the texts at all. A form is learned when it heads at least MIN_HEAD
cues, heads a cue at least MIN_RATIO of the times it occurs, has a gold Source in at least
MIN_SOURCED of the cues it heads (not "seemed": the writer's own impression), looks like a verb (-ed,
-ing, or an -s form whose -ed form is learned) and is not a form of the built-in lexicon
(src/cues.c) or a listed function word. Each is written as a view verb ("r" flag, "x":
the form is no base form, "l": learned, for reported speech only, not a quote's cue), so
the reported-speech rules (src/indirect.c) read it as they read "believes". Only train is read: dev and test stay unseen. Deterministic: the same
data give the same table. Run from the project root:

    python3 tools/learn_cues.py ../shared/data/polnear src/cues_learned.c
"""
import glob, os, re, sys
from collections import Counter

MIN_HEAD, MIN_RATIO, MIN_SOURCED = (float(v) for v in os.environ.get('LEARN_CUES', '3,0.25,0.7').split(','))
SKIP = set("""is are was were be been being am has have had having will would could should
may might can must did does do not no also still now just already never often t don doesn
didn isn wasn aren weren won wouldn couldn s ll re ve d m to the a an his her their its
our my your this that these those it he she they we i you who which what as so even only
first then more most very largely publicly quickly recently repeatedly increasingly
widely reportedly long well much far yet once again""".split())
# words that end like verbs but are nouns, adjectives or prepositions in news
NOT_VERB = set("""during including according nothing something anything everything thing
things morning evening feeling building meeting ring king bring wing spring string
offing ceiling wedding hearing briefing funding spending being seeing red bed need
speed feed indeed hundred seed shed""".split())
# irregular past forms of verbs (the rest of a verb's forms are told by their endings)
IRREGULAR = set("spoke spoken gave given took taken made wrote written sent held drew drawn told "
                "thought knew known saw seen found felt heard cast".split())
# verbs of deeds on papers, votes and rulings: what is signed, issued or passed names a
# document, no statement's words ("The office issued a warning about the tides")
DEEDS = set("issued signed passed approved authorized sentenced blocked vetoed filed".split())
WORD = re.compile(r"[A-Za-z]+")


def builtin_forms(path):
    src = open(path, encoding='utf-8').read()
    body = src[src.index('vb_cue_lexicon[] = {'):]
    body = body[:body.index('NULL')]
    words, multi = set(), set()
    for _, forms in re.findall(r'"([a-z]*):([^"]*)"', body):
        for f in forms.split('|'):
            (multi if ' ' in f else words).add(f)
    return words, multi


def articles(root):
    seen = set()
    for ann in sorted(glob.glob(os.path.join(root, 'train', 'attributions', '*.ann'))):
        base = os.path.basename(ann).rsplit('_', 1)[0]
        if base in seen:
            continue
        seen.add(base)
        text = open(os.path.join(root, 'train', 'text', base + '.txt'), encoding='utf-8').read()
        ents, cues = {}, []
        for line in open(ann, encoding='utf-8'):
            parts = line.rstrip('\n').split('\t')
            if len(parts) < 2:
                continue
            if parts[0].startswith('T'):
                typ, rest = parts[1].split(' ', 1)
                ents[parts[0]] = [tuple(map(int, f.split())) for f in rest.split(';')]
            elif parts[0].startswith('E'):
                roles = dict(r.split(':', 1) for r in parts[1].split())
                if 'Cue' in roles:
                    cues.append((roles['Cue'], 'Source' in roles))
        yield text, [(ents[c], src) for c, src in cues if c in ents]


def main():
    root = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else None
    have, multi = builtin_forms(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'cues.c'))
    total, head, sourced = Counter(), Counter(), Counter()
    for text, cues in articles(root):
        for m in WORD.finditer(text):
            total[m.group().lower()] += 1
        for frags, src in cues:
            words = [w.lower() for a, b in frags for w in WORD.findall(text[a:b])]
            joined = ' ' + ' '.join(words) + ' '
            if any(' %s ' % f in joined for f in multi if f.split()[0] in words):
                continue                 # a built-in form of several words covers the cue
            words = [w for w in words if w not in SKIP]
            if words:
                head[words[0]] += 1
                sourced[words[0]] += src

    def good(w):
        return (head[w] >= MIN_HEAD and head[w] >= MIN_RATIO * total[w] and w not in have and
                w not in SKIP and w not in NOT_VERB and w not in DEEDS and len(w) > 3 and sourced[w] >= MIN_SOURCED * head[w])

    learned = sorted(w for w in head if good(w) and (w.endswith('ed') or w.endswith('ing') or w in IRREGULAR))
    stems = {w[:-1] if w.endswith('ed') and w[:-1] + 's' in head else w[:-2] for w in learned if w.endswith('ed')}
    learned += sorted(w for w in head if good(w) and w.endswith('s') and not w.endswith('ss') and
                      w[:-1] in stems | {s[:-1] for s in stems})
    lines = ['/* cues_learned.c: GENERATED by tools/learn_cues.py from the PolNeAR train split (min',
             ' * %d cues headed, in %.0f%% of its uses at least); do not edit, rerun the tool. The' % (MIN_HEAD, MIN_RATIO * 100),
             ' * forms, view verbs of news (r) that are no base forms (x), for reported speech only',
             ' * (l), read with src/cues.c. */',
             '#include "cues.h"', '', 'const char *const vb_cue_learned[] = {']
    row = ' '
    for w in learned:
        item = ' "rxl:%s",' % w
        if len(row) + len(item) > 100:
            lines.append(row)
            row = ' '
        row += item
    if row.strip():
        lines.append(row)
    lines += ['  NULL,', '};', '']
    text = '\n'.join(lines)
    if out:
        open(out, 'w', encoding='utf-8').write(text)
    else:
        sys.stdout.write(text)
    for w in learned:
        print('%-16s %4d / %5d  sourced %d' % (w, head[w], total[w], sourced[w]), file=sys.stderr)


if __name__ == '__main__':
    main()
