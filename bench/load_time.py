#!/usr/bin/env python3
"""Time `mq corpus validate` (a full load plus matching, no cache) several times and print medians.

Usage: load_time.py MQ CORPUS_DIR TEXT_BYTES [--runs N] [--pin CPU] [--label TEXT] [--floor] [--cold]
                    [--env NAME=VALUE]...

Three clocks per run: the wall clock of the whole process (start to exit), the load alone as mq times
it in-process (`--timing`: from the first file read to the last posting built), and the CPU time of the
process (user + system, all threads), which a busy machine disturbs least. Also the peak resident memory.

With --floor, each run also times reading the documents alone (every documents/*.txt opened and read to
its end, one after another, in this process): the floor under any loader on this machine at that moment,
so the two are compared as a ratio even when the machine is slower or faster than usual.

With --cold, the documents' pages are dropped from the system's memory before each run (posix_fadvise
DONTNEED on every file: no privileges needed), so that mq reads them from disk, as a first load does on a
machine that has not read the corpus lately (some virtual machines drop such pages within seconds). With
--floor as well, the reading alone is then timed on files dropped just the same.
"""
import os
import re
import statistics
import subprocess
import sys
import time


def main():
    mq, corpus, text_bytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    pin = ["taskset", "-c", sys.argv[sys.argv.index("--pin") + 1]] if "--pin" in sys.argv else []
    label = sys.argv[sys.argv.index("--label") + 1] if "--label" in sys.argv else "load + match"
    env = {"MQ_NO_CACHE": "1", "PATH": "/usr/bin:/bin"}
    # --env NAME=VALUE (repeatable) adds to mq's otherwise fixed environment (MQ_PLATFORM_TUNING=off, say).
    for k, a in enumerate(sys.argv):
        if a == "--env" and k + 1 < len(sys.argv) and "=" in sys.argv[k + 1]:
            name, value = sys.argv[k + 1].split("=", 1)
            env[name] = value
    floor = "--floor" in sys.argv
    cold = "--cold" in sys.argv
    documents = os.path.join(corpus, "documents")
    walls, inner, cpus, peaks, floors = [], [], [], [], []
    for _ in range(runs):
        if floor:
            if cold:
                drop(documents)
            floors.append(read_all(documents))
        if cold:
            drop(documents)
        t0 = time.perf_counter()
        p = subprocess.run(pin + ["/usr/bin/time", "-f", "TIME %U %S %M", mq, "corpus", "validate", "--timing", corpus],
                           capture_output=True, text=True, env=env)
        walls.append((time.perf_counter() - t0) * 1000)
        if p.returncode != 0:
            sys.exit(f"mq corpus validate failed:\n{p.stdout}{p.stderr}")
        u, s, m = re.search(r"TIME ([\d.]+) ([\d.]+) (\d+)", p.stderr).groups()
        cpus.append((float(u) + float(s)) * 1000)
        peaks.append(int(m) * 1024)
        inner.append(float(re.search(r"total ([\d.]+) ms", p.stdout).group(1)))
    mb = text_bytes / 1e6
    w, i, c, pk = statistics.median(walls), statistics.median(inner), statistics.median(cpus), max(peaks)
    print(f"{label}: wall median {w:.0f} ms ({mb / (w / 1000):.1f} MB/s), in-process median {i:.0f} ms "
          f"({mb / (i / 1000):.1f} MB/s), CPU median {c:.0f} ms; peak memory {pk / 2**20:.0f} MiB "
          f"({pk / text_bytes:.2f} x the text); {runs} runs")
    if floor:
        f = statistics.median(floors)
        print(f"  reading the documents alone{' from disk' if cold else ''} (one core, no matching): median {f:.0f} ms ({mb / (f / 1000):.1f} MB/s); "
              f"mq wall / reading {w / f:.2f}, mq in-process / reading {i / f:.2f}")


def drop(directory):
    """Asks the system to drop every file of a directory from its memory (clean pages only)."""
    with os.scandir(directory) as entries:
        for e in entries:
            fd = os.open(e.path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def read_all(directory):
    """Milliseconds to open and read every .txt of a directory, one after another."""
    t0 = time.perf_counter()
    with os.scandir(directory) as entries:
        for e in entries:
            if e.name.endswith(".txt"):
                with open(e.path, "rb", buffering=0) as f:
                    f.read()
    return (time.perf_counter() - t0) * 1000


if __name__ == "__main__":
    main()
