#!/usr/bin/env python3
"""Time from starting `mq` on seeds/ to its first prompt, under a pseudo-terminal (median of N runs)."""
import os
import statistics
import sys
import tempfile
import time

import pexpect


def main():
    mq = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 10
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    times = []
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, MQ_HISTORY=os.path.join(home, "h"), XDG_CONFIG_HOME=home,
                   XDG_CACHE_HOME=os.path.join(home, "cache"), NO_COLOR="1", TERM="xterm")
        env.pop("MQ_NO_CACHE", None)
        for i in range(runs + 1):
            t0 = time.perf_counter()
            child = pexpect.spawn(mq, ["--corpus", os.path.join(root, "seeds")], env=env, encoding="utf-8", timeout=30)
            child.expect_exact("mq> ")
            elapsed = (time.perf_counter() - t0) * 1000
            child.sendcontrol("d")
            child.expect(pexpect.EOF)
            if i > 0:  # the first run writes the cache
                times.append(elapsed)
    print(f"REPL start to first prompt on seeds/: median {statistics.median(times):.1f} ms over {runs} runs "
          f"(min {min(times):.1f}, max {max(times):.1f})")


if __name__ == "__main__":
    main()
