"""`conflicts`, `corroboration` and `asof` in memory and on PostgreSQL, side by side, with the answers
compared: `python3 bench/claims_postgres.py MQ CORPUS [--runs N]`. Starts a throw-away server
(Tests/postgres/pgserver.py), pushes the corpus, runs each query N times on each engine in turns (the time
of the whole `mq -c` process: loading the corpus, then the query), prints the medians and the load average.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Tests", "postgres"))
from pgserver import PgServer  # noqa: E402

QUERIES = ["facts | conflicts | count", "facts | corroboration | count", "facts | asof @2019 | count",
           "facts | corroboration | where sources > 1 | select id, sources, documents, agreeing",
           "facts | conflicts | select fact, fact2, reason",
           "facts | where date > @2015 | asof @2020-06 | select id, since, basis"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mq")
    p.add_argument("corpus")
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args()
    server = PgServer("claimsbench")
    try:
        server.start()
        url = server.createdb("claims")
        t = time.time()
        r = subprocess.run([a.mq, "corpus", "push", a.corpus, "--to", url], capture_output=True, text=True)
        print(f"push: {r.stdout.strip()[:160]} {r.stderr[:300]} ({time.time() - t:.1f} s)")

        def run(q, engine):
            t = time.time()
            r = subprocess.run([a.mq, "--corpus", a.corpus, "--format", "json", "-c", q], capture_output=True, text=True,
                               env=dict(os.environ, MQ_ENGINE=engine))
            return time.time() - t, r

        for q in QUERIES:
            mem, sql = [], []
            for _ in range(a.runs):
                x, rm = run(q, "memory")
                y, rs = run(q, url)
                mem.append(x)
                sql.append(y)
            same = rm.returncode == 0 and rs.returncode == 0 and json.loads(rm.stdout) == json.loads(rs.stdout)
            rows = len(json.loads(rm.stdout)) if rm.returncode == 0 else "error"
            load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
            print(f"{q}: same answers {same}, {rows} rows; memory {statistics.median(mem):.2f} s, "
                  f"PostgreSQL {statistics.median(sql):.2f} s (load {load})" + ("" if same else f"\n  {rs.stderr[:300]}"))
    finally:
        server.remove()


if __name__ == "__main__":
    main()
