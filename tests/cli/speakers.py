#!/usr/bin/env python3
"""Check `verbatim quotes --json FIXTURE` against FIXTURE's .expect file.

usage: speakers.py EXPECT JSON   (exit 1 and one line per failed expectation)

Each line of EXPECT is FIELD|FIELD|...; # starts a comment. WORDS is how the quote's
words begin (for indirect items: words they hold).
  speech|WORDS|NAME[|CUE]    a direct, partial or block quote spoken by NAME (exact)
  term|WORDS|-               a term (scare quote, title): no speaker
  indirect|WORDS|NAME[|CUE]  reported speech whose speaker's name holds NAME
  found|WORDS                some quote, of any kind, begins so
  none|WORDS                 no quote begins so (apostrophes are not marks)
  noindirect|WORDS           no reported statement holds WORDS
  notspeaker|WORDS|NAME      the quote is found and NAME is neither its speaker nor its mention
  mention|WORDS|TEXT         the quote or reported statement (of any kind) is found and the
                             words naming its speaker there are TEXT (exact)
  source|NAME[|quoted=N][|paraphrased=M]   the sources list has NAME, with those counts
  nosource|NAME              the sources list has no NAME
"""
import json
import sys


def norm(s):
    return ' '.join((s or '').split())


def main():
    exp_path, json_path = sys.argv[1], sys.argv[2]
    with open(json_path, encoding='utf-8') as fh:
        d = json.load(fh)
    with open(exp_path.rsplit('.', 1)[0] + '.txt', 'rb') as fh:
        raw = fh.read()
    quotes, sources = d['quotes'], d['sources']

    def mention(q):
        sp = q.get('speaker')
        return raw[sp['start']:sp['end']].decode('utf-8') if sp else None

    def starting(words, kinds):
        return [q for q in quotes if q['kind'] in kinds and norm(q['text']).lstrip('‘’“”"\' ').startswith(words)]

    fails = []
    with open(exp_path, encoding='utf-8') as fh:
        lines = [l.rstrip('\n') for l in fh if l.strip() and not l.startswith('#')]
    for line in lines:
        f = line.split('|')
        kind, rest = f[0], f[1:]
        speech = ('direct', 'partial', 'block')
        if kind in ('speech', 'term', 'indirect'):
            words, want = rest[0], rest[1]
            cue = rest[2] if len(rest) > 2 else None
            if kind == 'indirect':
                qs = [q for q in quotes if q['kind'] == 'indirect' and words in norm(q['text'])]
            else:
                qs = starting(words, speech if kind == 'speech' else ('term',))
            if not qs:
                got = [(q['kind'], q['text'][:40]) for q in starting(words, speech + ('term', 'indirect'))]
                fails.append('%s: no %s quote %r (found %r)' % (line, kind, words, got))
                continue
            q = qs[0]
            name = norm((q.get('speaker') or {}).get('name'))
            if kind == 'term':
                ok = q.get('speaker') is None
            elif kind == 'indirect':
                ok = want.lower() in name.lower()
            else:
                ok = name == want
            if cue and ok:
                ok = norm((q.get('cue') or {}).get('text')).lower() == cue.lower()
            if not ok:
                fails.append('%s: got %s by %r (mention %r, cue %r)' % (line, q['kind'], name, mention(q),
                                                                         (q.get('cue') or {}).get('text')))
        elif kind == 'found':
            if not starting(rest[0], speech + ('term',)):
                fails.append('%s: not found' % line)
        elif kind == 'none':
            qs = starting(rest[0], speech + ('term',))
            if qs:
                fails.append('%s: found %r' % (line, qs[0]['text'][:60]))
        elif kind == 'noindirect':
            qs = [q for q in quotes if q['kind'] == 'indirect' and rest[0] in norm(q['text'])]
            if qs:
                fails.append('%s: found %r' % (line, qs[0]['text'][:60]))
        elif kind == 'notspeaker':
            qs = starting(rest[0], speech + ('term',))
            if not qs:
                fails.append('%s: quote not found' % line)
            elif rest[1] in (norm((qs[0].get('speaker') or {}).get('name')), mention(qs[0])):
                fails.append('%s: %r speaks it' % (line, rest[1]))
        elif kind == 'mention':
            qs = starting(rest[0], speech + ('term',)) or \
                [q for q in quotes if q['kind'] == 'indirect' and rest[0] in norm(q['text'])]
            if not qs:
                fails.append('%s: quote not found' % line)
            elif norm(mention(qs[0])) != rest[1]:
                fails.append('%s: mention %r' % (line, mention(qs[0])))
        elif kind in ('source', 'nosource'):
            hit = [s for s in sources if norm(s['name']) == rest[0]]
            if kind == 'nosource':
                if hit:
                    fails.append('%s: listed' % line)
                continue
            if not hit:
                fails.append('%s: not listed (sources: %r)' % (line, [s['name'] for s in sources]))
                continue
            for kv in rest[1:]:
                k, v = kv.split('=')
                if str(hit[0].get(k)) != v:
                    fails.append('%s: %s=%r' % (line, k, hit[0].get(k)))
        else:
            fails.append('%s: unknown expectation' % line)
    for f in fails:
        print('  ' + f)
    print('%s: %d of %d expectations hold' % (exp_path.rsplit('/', 1)[-1], len(lines) - len(fails), len(lines)))
    sys.exit(1 if fails else 0)


if __name__ == '__main__':
    main()
