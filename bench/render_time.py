"""Times `render timechart` of the most-mentioned entity in the REPL under a pseudo-terminal (`.timing`:
compile, run and drawing at 120 columns), six runs of each query, the first a warm-up.

Usage: python3 bench/render_time.py CORPUS MQ [all]
With `all`, also the form that filters mentions by comparing with a variable holding the entity, which
the row executor runs (about 10 s on 100,000 documents; see docs/performance.md).
"""
import os
import re
import sys
import tempfile

import pexpect

corpus, mq = sys.argv[1], sys.argv[2]
home = tempfile.mkdtemp()
env = dict(os.environ, HOME=home, MQ_HISTORY=os.path.join(home, "history"), XDG_CONFIG_HOME=home, NO_COLOR="1",
           MQ_PAGER="cat", TERM="xterm", LANG="C.UTF-8",
           XDG_CACHE_HOME=os.path.join(tempfile.gettempdir(), "mq-render-time-cache"))
child = pexpect.spawn(mq, ["--corpus", corpus], env=env, encoding="utf-8", timeout=600, dimensions=(50, 120))
child.expect_exact("mq> ")


def run(line):
    child.send(line + "\r")
    child.expect_exact("mq> ")
    return child.before


run("let top = (mentions | summarize n = count() by entity | top 1 by n)[0].entity")
top = re.search(r"^(\S+)\s*$", run("print top.id").split("\n", 1)[1], re.M).group(1)
print("most-mentioned entity:", top)
run(".timing on")
queries = [
    ("mentions a month, the entity by id",
     f'mentions | where entity.id == "{top}" | summarize n = count() by m = bin(doc.published, 1m) | render timechart m, n'),
    ("documents a month (postings)",
     "docs | where top in entities | summarize n = count() by m = bin(published, 1m) | render timechart m, n"),
]
if len(sys.argv) > 3:
    queries.append(("mentions a month, the entity in a variable",
                    "mentions | where entity == top | summarize n = count() by m = bin(doc.published, 1m) | render timechart m, n"))
for name, q in queries:
    times = []
    for _ in range(6):
        out = run(q)
        m = re.search(r"time: ([0-9.]+) ms", out)
        if not m:
            sys.exit(f"{name}: no time in\n{out[-2000:]}")
        times.append(float(m.group(1)))
    timed = sorted(times[1:])
    print(f"{name}: median {timed[len(timed) // 2]:.1f} ms (runs {times[1:]}, warm-up {times[0]})")
child.sendcontrol("d")
