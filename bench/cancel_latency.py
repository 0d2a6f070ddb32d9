#!/usr/bin/env python3
"""Ctrl-C latency in the REPL on one huge text: a corpus of one 50 MB document of a single sentence.

    python3 bench/cancel_latency.py MQ [--runs 5] [--mb 50]

For each query it starts the query, waits 300 ms, presses Ctrl-C and measures the time until the REPL
says "interrupted" (the real binary under a pseudo-terminal: the SIGINT handler, the cancellation token,
the checks inside the scans). Prints the median and the worst run of each query, in milliseconds.
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROMPT = "mq> "
QUERIES = [
    'docs | kwic "drone" | count',
    'docs | where text has "seen over the moon" | count',
    'docs | where text contains "moon" | count',
    'mentions | where text has "moon" | count',
]


def make_corpus(root, megabytes):
    shutil.copytree(os.path.join(ROOT, "Tests", "QueryLangTests", "Fixtures", "broken", "valid"), root)
    for name in ["expected.txt", "documents/a.yaml", "facts/facts.yaml"]:
        os.remove(os.path.join(root, name))
    sentence = ("Kataib Hezbollah said the convoy reached Iraq before dawn on the second day, "
                "and the drone was seen over the base, ")
    with open(os.path.join(root, "documents", "a.txt"), "w") as f:
        f.write("Title\n" + sentence * (megabytes * 1_000_000 // len(sentence)) + "\n")


def spawn(mq, corpus, home):
    env = dict(os.environ)
    env.update({"HOME": home, "MQ_HISTORY": os.path.join(home, "history"), "XDG_CACHE_HOME": os.path.join(home, "cache"),
                "XDG_CONFIG_HOME": os.path.join(home, "config"), "TERM": "xterm", "NO_COLOR": "1", "MQ_PAGER": "cat"})
    child = pexpect.spawn(mq, ["--corpus", corpus], env=env, encoding="utf-8", timeout=600, dimensions=(40, 200))
    child.expect_exact(PROMPT)
    return child


def latency(child, query, wait=0.3):
    """Seconds from Ctrl-C to "interrupted", or None if the query ended before the Ctrl-C."""
    child.send(query + "\r")
    child.expect_exact(query)
    time.sleep(wait)
    start = time.monotonic()
    child.sendcontrol("c")
    i = child.expect_exact(["interrupted", PROMPT], timeout=600)
    stopped = time.monotonic() - start
    if i == 0:
        child.expect_exact(PROMPT)
        return stopped
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mq")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--mb", type=int, default=50)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as home:
        corpus = os.path.join(home, "huge")
        make_corpus(corpus, a.mb)
        child = spawn(a.mq, corpus, home)
        print("Ctrl-C latency on one %d MB sentence (ms, median and worst of %d runs):" % (a.mb, a.runs))
        for q in QUERIES:
            xs = [x for x in (latency(child, q) for _ in range(a.runs)) if x is not None]
            if xs:
                print("  %-55s %6.1f  %6.1f" % (q, statistics.median(xs) * 1000, max(xs) * 1000))
            else:
                print("  %-55s finished before the Ctrl-C" % q)
        child.sendcontrol("d")
        child.expect(pexpect.EOF)
    return 0


if __name__ == "__main__":
    sys.exit(main())
