#!/usr/bin/env python3
"""Two mq builds taking turns on the same queries (`mq bench --runs 5` each, the order swapped every round),
for a side-by-side measure of a change: the medians of all runs of each build, their ratio, and the load
average at the end.

Usage: alternate.py OLD_MQ NEW_MQ CORPUS_DIR ROUNDS QUERY...
"""
import json
import os
import statistics
import subprocess
import sys


def main():
    old, new, corpus, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    queries = sys.argv[5:]
    times = {(b, q): [] for b in (old, new) for q in queries}
    for r in range(rounds):
        for q in queries:
            for b in ((old, new) if r % 2 == 0 else (new, old)):
                out = subprocess.run([b, "bench", "--corpus", corpus, "--runs", "5", q],
                                     capture_output=True, text=True, check=True).stdout
                times[(b, q)] += json.loads(out.strip().splitlines()[-1])["times_ms"]
    print("load average", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    print("   old ms    new ms  new/old  query")
    for q in queries:
        o, n = statistics.median(times[(old, q)]), statistics.median(times[(new, q)])
        print(f"{o:9.2f} {n:9.2f} {n / o:8.2f}  {q}")


if __name__ == "__main__":
    main()
