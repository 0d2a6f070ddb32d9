#!/usr/bin/env python3
"""How mq's load grows with the corpus: wall clock and peak memory of whole processes, size by size.

Usage: growth.py MQ CORPUS_DIR[:RUNS]... [--runs N] [--cache-root DIR]

For each corpus (RUNS times, default --runs N, 3), taking turns size by size so that a busy spell of a
shared machine falls on every size:
  - a full load with no cache: `MQ_NO_CACHE=1 /usr/bin/time -v mq corpus validate DIR`;
  - the cache build: `mq --corpus DIR -c 'docs | count'` with MQ_CACHE_DIR a fresh directory under
    --cache-root (default: the system's temporary directory), which loads the corpus and writes the cache;
  - the cached open: the same command again, which reads the cache.
Each gives the wall clock and the peak resident size (the kernel's, from /usr/bin/time -v), printed with
the load average of the minute before it. The summary divides by documents and by MB of text, so linear
growth shows as flat columns. The cache directories are removed after each run.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile


def timed(cmd, env):
    """Wall seconds and peak resident KB of cmd under /usr/bin/time -v, and the load average before it."""
    load = os.getloadavg()[0]
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    err = proc.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", err).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
    if proc.returncode != 0:
        print(f"{' '.join(cmd)} exited with {proc.returncode}:\n{err[-2000:]}", file=sys.stderr)
    return {"wall_s": seconds, "peak_kb": peak, "load": load, "status": proc.returncode}


def text_size(corpus):
    n, size = 0, 0
    with os.scandir(os.path.join(corpus, "documents")) as it:
        for e in it:
            if e.name.endswith(".txt"):
                n += 1
                size += e.stat().st_size
    return n, size


def main():
    args = [a for a in sys.argv[1:]]
    runs = 3
    cache_root = tempfile.gettempdir()
    if "--runs" in args:
        k = args.index("--runs")
        runs = int(args[k + 1])
        del args[k:k + 2]
    if "--cache-root" in args:
        k = args.index("--cache-root")
        cache_root = args[k + 1]
        del args[k:k + 2]
    if len(args) < 2:
        sys.exit(__doc__)
    mq, specs = args[0], args[1:]
    corpora = []
    for spec in specs:
        path, _, n = spec.partition(":")
        docs, size = text_size(path)
        corpora.append({"dir": path, "runs": int(n) if n else runs, "docs": docs, "bytes": size,
                        "validate": [], "cache_build": [], "cached_open": []})
    base = {k: v for k, v in os.environ.items() if k not in ("MQ_NO_CACHE", "MQ_CACHE_DIR")}
    for r in range(max(c["runs"] for c in corpora)):
        for c in corpora:
            if r >= c["runs"]:
                continue
            v = timed([mq, "corpus", "validate", c["dir"]], dict(base, MQ_NO_CACHE="1"))
            c["validate"].append(v)
            cache = tempfile.mkdtemp(prefix="mq-growth-", dir=cache_root)
            try:
                env = dict(base, MQ_CACHE_DIR=cache)
                query = [mq, "--corpus", c["dir"], "-c", "docs | count"]
                c["cache_build"].append(timed(query, env))
                c["cached_open"].append(timed(query, env))
            finally:
                shutil.rmtree(cache, ignore_errors=True)
            for kind in ("validate", "cache_build", "cached_open"):
                m = c[kind][-1]
                print(f"{c['docs']:>9,} docs  {kind:<12} {m['wall_s']:8.2f} s  {m['peak_kb'] / 1024:9,.0f} MiB"
                      f"  load {m['load']:.1f}", file=sys.stderr, flush=True)

    print("| documents | MB of text | step | wall s (median) | peak MiB (max) | ms per 1,000 docs | s per 100 MB "
          "| peak bytes per text byte | load average |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---|")
    for c in corpora:
        mb = c["bytes"] / 1e6
        for kind in ("validate", "cache_build", "cached_open"):
            ms = c[kind]
            wall = statistics.median(m["wall_s"] for m in ms)
            peak = max(m["peak_kb"] for m in ms)
            loads = ", ".join(f"{m['load']:.1f}" for m in ms)
            print(f"| {c['docs']:,} | {mb:,.0f} | {kind.replace('_', ' ')} | {wall:.2f} | {peak / 1024:,.0f} "
                  f"| {wall * 1e6 / c['docs']:.1f} | {wall * 1e8 / c['bytes']:.2f} | {peak * 1024 / c['bytes']:.2f} | {loads} |")


if __name__ == "__main__":
    main()
