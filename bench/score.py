#!/usr/bin/env python3
"""Recall and precision of mq's mentions against the generator's truth file.

Usage: score.py TRUTH_MENTIONS_TSV MQ_MENTIONS_TSV
Both are compared as multisets of (document, entity, surface text). Two things the generator does after
writing its truth file are allowed for: it capitalises the first letter of every sentence (so a planted
"al-Musiki" may read "Al-Musiki" in the text: the first letter of a surface compares case-insensitively),
and it writes a title line whose mentions it does not record (mq's mentions in sentence 0, the title, are
left out: bench/run.sh filters them).
"""
import sys
from collections import Counter


def main():
    truth = Counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            doc, ent, surface = line.rstrip("\n").split("\t")
            truth[(doc, ent, surface[:1].lower() + surface[1:])] += 1
    found = Counter()
    with open(sys.argv[2], encoding="utf-8") as f:
        next(f)
        for line in f:
            doc, ent, _sent, _s, _e, _zone, surface = line.rstrip("\n").split("\t")[:7]
            found[(doc, ent, surface[:1].lower() + surface[1:])] += 1
    tp = sum((truth & found).values())
    nt, nf = sum(truth.values()), sum(found.values())
    print(f"truth {nt}  found {nf}  correct {tp}")
    print(f"recall {tp / nt:.4%}  precision {tp / nf:.4%}")
    missed = truth - found
    extra = found - truth
    for title, c in (("missed", missed), ("extra", extra)):
        print(f"{title}: {sum(c.values())}; e.g.")
        for (k, n) in c.most_common(8):
            print(f"  {n} x {k}")


if __name__ == "__main__":
    main()
