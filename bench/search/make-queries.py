#!/usr/bin/env python3
"""Writes queries.txt: a fixed list of 200 realistic queries drawn from Reuters-21578 headlines.

Mix: 70 single names/terms, 40 quoted phrases, 30 two-term queries, 20 'or' queries, 20 exclusions,
20 with filters (outlet:, from:/to:). Deterministic (seeded), so the list only changes if this changes.
"""
import collections, glob, html, os, random, re, sys

root = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "reuters21578")
titles = []
for path in sorted(glob.glob(os.path.join(root, "*.sgm"))):
    text = open(path, encoding="latin-1").read()
    titles += [html.unescape(t) for t in re.findall(r"<TITLE>(.*?)</TITLE>", text, re.S)]

stop = set("THE A AN OF TO IN FOR ON AND OR AT BY WITH FROM AS IS IT ITS BE SAYS SAID SAY NOT HAS HAVE WILL "
           "U.S. UP DOWN NEW SEES SET SETS YEAR PCT MLN BILLION DLRS CTS NET QTR SHR 1ST 2ND 3RD 4TH".split())
words = collections.Counter()
pairs = collections.Counter()
for t in titles:
    toks = [w for w in re.findall(r"[A-Z][A-Z\-]{2,}", t.upper()) if w not in stop]
    words.update(toks)
    pairs.update(zip(toks, toks[1:]))

rng = random.Random(1987)
common = [w for w, n in words.most_common(600) if n >= 8]
phr = [p for p, n in pairs.most_common(400) if n >= 5]
out = []
out += [w.title() for w in rng.sample(common, 70)]
out += ['"%s %s"' % (a.lower(), b.lower()) for a, b in rng.sample(phr, 40)]
out += ["%s %s" % (a.lower(), b.lower()) for a, b in (rng.sample(common, 2) for _ in range(30))]
out += ["%s or %s" % (a.title(), b.title()) for a, b in (rng.sample(common, 2) for _ in range(20))]
out += ["%s -%s" % (a.lower(), b.lower()) for a, b in rng.sample(phr, 20)]
for i in range(20):
    w = rng.choice(common).lower()
    year = 1987 + rng.randrange(0, 5)
    out.append("%s from:%d-03-01 to:%d-04-30" % (w, year, year) if i % 2 else '%s outlet:Reuters' % w)
assert len(out) == 200, len(out)
with open(os.path.join(os.path.dirname(__file__), "queries.txt"), "w") as f:
    f.write("# 200 queries from Reuters-21578 headlines; regenerate with make-queries.py\n")
    f.write("\n".join(out) + "\n")
print("wrote", len(out), "queries from", len(titles), "headlines")
