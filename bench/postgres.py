#!/usr/bin/env python3
"""The PostgreSQL engine's benchmark: push throughput, and the benchmark's queries on a throw-away
PostgreSQL server (Tests/postgres/pgserver.py) run as mq compiles them and as SQL written by hand for the
same questions on the same tables, beside mq in memory.

Usage: bench/postgres.py MQ_BINARY CORPUS_DIR [--runs N] [--layouts single,sharded] [--no-memory]
                           [--at LAYOUT=URL,...] [--compile-with DIR] [--timeout SECONDS]
                           [--setting "SET name = value" ...]
The corpus is one of bench/run.sh's (bench/convert.py of gencorpus.py's output). `single` is one server;
`sharded` the tests' topology (pgserver.Topology: a coordinator and two shard servers on this machine,
the large tables partitioned by document as postgres_fdw foreign tables), where mq's SQL and the
hand-written SQL both run on the coordinator. Prints a Markdown table per layout. The server's times do
not depend on how mq was built; `--no-memory` leaves out mq in memory (for a debug build of mq).
`--at single=URL,sharded=URL` measures the queries on databases the corpus was pushed to beforehand (on
the sharded layout, the coordinator's URL) instead of starting servers and pushing: a push of 100,000
documents to the sharded layout takes longer than the queries, and can run while mq is being built.
`--compile-with DIR`: the corpus mq loads to compile the queries to SQL (its catalog must be the pushed
corpus's, which mq checks; the documents stay on the server), e.g. a smaller corpus generated with the same
catalog, when loading the large one with a debug build of mq would take minutes per query.
`--timeout SECONDS` cancels a statement that runs longer (statement_timeout): the query is shown as not
finished in that time, and the next is measured. `--setting` (repeated) runs a statement (`SET work_mem =
'64MB'`) in the session before each query, mq's and the hand-written alike.
Each table is printed with the load average of the minute before and after it (the machine may be shared).
"""
import json
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "postgres"))
from pgserver import PgServer, Topology  # noqa: E402


TIMEOUT = int(sys.argv[sys.argv.index("--timeout") + 1]) if "--timeout" in sys.argv else None
SETTINGS = [sys.argv[i + 1] for i, a in enumerate(sys.argv) if a == "--setting"]


def psql_times(url, sql, runs):
    """Server-side milliseconds of each run (psql's \\timing, one session), after a warm-up run; None when
    a run was cancelled by `--timeout` (PostgreSQL's statement_timeout)."""
    limit = (f"SET statement_timeout = '{TIMEOUT}s';\n" if TIMEOUT else "") + "".join(f"{x};\n" for x in SETTINGS)
    script = "\\timing on\n" + limit + "\n".join([sql + ";"] * (runs + 1)) + "\n"
    r = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url], input=script,
                       capture_output=True, text=True)
    if r.returncode != 0 and "statement timeout" in r.stderr:
        return None, r.stdout
    if r.returncode != 0:
        raise subprocess.CalledProcessError(r.returncode, "psql", r.stdout, r.stderr)
    times = [float(x) for x in re.findall(r"^Time: ([0-9.]+) ms", r.stdout, re.M)]
    rows = r.stdout
    return times[1 + bool(TIMEOUT) + len(SETTINGS):], rows


COMPILE_WITH = sys.argv[sys.argv.index("--compile-with") + 1] if "--compile-with" in sys.argv else None


def mq_sql(mq, corpus, url, q):
    corpus = COMPILE_WITH or corpus
    r = subprocess.run([mq, "--corpus", corpus, "--engine", url, "explain", "-q", q], capture_output=True, text=True, check=True)
    return r.stdout.strip()


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def psql(url, sql):
    return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", sql], capture_output=True,
                          text=True, check=True).stdout.strip()


def main():
    mq, corpus = sys.argv[1:3]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    layouts = sys.argv[sys.argv.index("--layouts") + 1].split(",") if "--layouts" in sys.argv else ["single", "sharded"]
    memory = {} if "--no-memory" not in sys.argv else None
    at = dict(x.split("=", 1) for x in sys.argv[sys.argv.index("--at") + 1].split(",")) if "--at" in sys.argv else {}
    for layout in layouts:
        print(f"\n### {layout}\n")
        if layout in at:
            measure(mq, corpus, at[layout], None, None, runs, memory)
        elif layout == "single":
            server = PgServer("bench")
            try:
                server.start()
                url = server.createdb("bench")
                t0 = time.perf_counter()
                p = subprocess.run([mq, "corpus", "push", corpus, "--to", url], capture_output=True, text=True, check=True)
                measure(mq, corpus, url, p, time.perf_counter() - t0, runs, memory)
            finally:
                server.remove()
        else:
            topology = Topology(mq)
            try:
                topology.start()
                t0 = time.perf_counter()
                url, p = topology.push(corpus, "bench")
                if p.returncode != 0:
                    raise SystemExit(p.stderr)
                measure(mq, corpus, url, p, time.perf_counter() - t0, runs, memory)
            finally:
                topology.remove()


def benchmark_queries(a, b, etype):
    """The benchmark's questions as mq queries and as hand-written SQL: `a` and `b` two entities (the most
    mentioned and the fifth), `etype` a type of entity."""
    return [
        ("top 10 entities by mentions",
         "mentions | summarize n = count() by e = entity.id | sort by n desc, e | take 10",
         "SELECT e.id, g.n FROM (SELECT entity, count(*) AS n FROM mq.mentions GROUP BY entity) g "
         "LEFT JOIN mq.entities e ON e.ord = g.entity ORDER BY g.n DESC, e.id COLLATE \"C\" NULLS LAST LIMIT 10"),
        ("documents that mention two given entities",
         f'docs | where ent("{a}") in entities and ent("{b}") in entities | select id',
         f"SELECT d.id FROM mq.documents d WHERE d.ord IN (SELECT doc FROM mq.mentions WHERE entity = "
         f"(SELECT ord FROM mq.entities WHERE id = '{a}') INTERSECT SELECT doc FROM mq.mentions WHERE entity = "
         f"(SELECT ord FROM mq.entities WHERE id = '{b}')) ORDER BY d.ord"),
        ("top 20 entity pairs by shared documents",
         "mentions | cooccur by document | take 20 | select a = a.id, b = b.id, n = count",
         "WITH de AS (SELECT DISTINCT doc, entity FROM mq.mentions WHERE entity IS NOT NULL AND own) "
         "SELECT ea.id, eb.id, p.n FROM (SELECT x.entity AS a, y.entity AS b, count(*) AS n FROM de x JOIN de y "
         "ON x.doc = y.doc AND x.entity < y.entity GROUP BY x.entity, y.entity ORDER BY n DESC, x.entity, y.entity "
         "LIMIT 20) p JOIN mq.entities ea ON ea.ord = p.a JOIN mq.entities eb ON eb.ord = p.b ORDER BY p.n DESC, p.a, p.b"),
        (f"type filter ({etype}) with mention counts",
         f'entities | where type == "{etype}" | select id, n = mention_count | sort by n desc, id | take 20',
         f"SELECT id, mention_count FROM mq.entities WHERE type = '{etype}' "
         f"ORDER BY mention_count DESC, id COLLATE \"C\" LIMIT 20"),
    ]


def measure(mq, corpus, url, p, wall, runs, memory):
    """The push's figures (none when it was pushed beforehand) and the queries on `url` (mq's SQL and the
    hand-written SQL), beside mq in memory (measured once, kept in `memory` for the next layout)."""
    if p is not None:
        print(f"push: {p.stdout.strip()}; wall clock with the corpus load {wall:.1f} s")
    print(f"load average before the queries: {load_average()}")
    top = psql(url, "SELECT e.id FROM mq.mentions m JOIN mq.entities e ON e.ord = m.entity "
                    "GROUP BY e.id ORDER BY count(*) DESC, e.id COLLATE \"C\" LIMIT 5").split("\n")
    a, b = top[0], top[4]
    etype = psql(url, f"SELECT type FROM mq.entities WHERE id = '{top[2]}'")
    queries = benchmark_queries(a, b, etype)
    print()
    print("| query | mq in memory ms | mq on PostgreSQL ms | hand-written SQL ms | mq SQL / hand-written |")
    print("|---|---:|---:|---:|---:|")
    for name, q, hand in queries:
        if memory is None:
            mem = {"times_ms": [float("nan")]}
        elif q not in memory:
            memory[q] = json.loads(subprocess.run([mq, "bench", "--corpus", corpus, "--runs", str(runs), q], capture_output=True,
                                                  text=True, check=True).stdout.strip().splitlines()[-1])
        if memory is not None:
            mem = memory[q]
        sql = mq_sql(mq, corpus, url, q)
        ms, _ = psql_times(url, sql, runs)
        hs, _ = psql_times(url, hand, runs)
        m, h = (statistics.median(ms) if ms else None), (statistics.median(hs) if hs else None)
        shown = [f"{x:.1f}" if x is not None else f"over {TIMEOUT} s" for x in (m, h)]
        ratio = f"{m / h:.2f}" if m is not None and h is not None else ""
        print(f"| {name} | {statistics.median(mem['times_ms']):.1f} | {shown[0]} | {shown[1]} | {ratio} |", flush=True)
    print(f"\nload average after the queries: {load_average()}")


if __name__ == "__main__":
    main()
