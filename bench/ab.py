#!/usr/bin/env python3
"""Two mq binaries on the same queries, in alternation, for a change's effect on a shared machine.

Usage: ab.py OLD_MQ NEW_MQ CORPUS_DIR ROUNDS QUERY...

Each round runs `mq bench --runs 5` with every query, first the old binary, then the new one, so a busy
spell falls on both. Prints a Markdown row per query: the medians over all rounds' runs, new/old, and
whether the two gave the same answers.
"""
import json
import statistics
import subprocess
import sys


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    old, new, corpus, rounds, queries = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:]
    times = {(b, q): [] for b in (old, new) for q in queries}
    answers = {q: {} for q in queries}
    for _ in range(rounds):
        for b in (old, new):
            out = subprocess.run([b, "bench", "--corpus", corpus, "--runs", "5"] + queries,
                                 capture_output=True, text=True, check=True).stdout
            for line in out.strip().splitlines():
                d = json.loads(line)
                times[(b, d["query"])] += d["times_ms"]
                answers[d["query"]][b] = json.dumps(d["result"])
    print("| query | old median ms | new median ms | new/old | same answers |")
    print("|---|---:|---:|---:|---|")
    for q in queries:
        mo, mn = statistics.median(times[(old, q)]), statistics.median(times[(new, q)])
        same = answers[q].get(old) == answers[q].get(new)
        print(f"| {q.replace('|', chr(92) + '|')} | {mo:.1f} | {mn:.1f} | {mn / mo:.2f} | {'yes' if same else 'no'} |")


if __name__ == "__main__":
    main()
