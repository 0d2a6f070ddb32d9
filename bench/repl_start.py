#!/usr/bin/env python3
"""Time from starting `mq` on seeds/ to its first prompt, under a pseudo-terminal (median of N runs).

The child runs on a bare pseudo-terminal (os.openpty + subprocess) and the clock stops at the first
"mq> " it writes. pexpect is not used for the timing: its spawn adds about 100 ms of its own (a
shell printing a prompt takes 104 ms to "start" under it). The same harness times /bin/sh printing a
prompt as the floor of the measurement.
"""
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time


def time_to_prompt(argv, env, prompt=b"mq> ", timeout=30.0):
    master, slave = os.openpty()
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
                            start_new_session=True)
    os.close(slave)
    seen = b""
    elapsed = None
    deadline = t0 + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if prompt in seen:
            elapsed = (time.perf_counter() - t0) * 1000
            break
    os.write(master, b"\x04")  # Ctrl-D: leave
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    os.close(master)
    if elapsed is None:
        raise SystemExit(f"no prompt from {argv}: {seen[-200:]!r}")
    return elapsed


def main():
    mq = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 10
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, MQ_HISTORY=os.path.join(home, "h"), XDG_CONFIG_HOME=home,
                   XDG_CACHE_HOME=os.path.join(home, "cache"), NO_COLOR="1", TERM="xterm")
        env.pop("MQ_NO_CACHE", None)
        times, floor = [], []
        for i in range(runs + 1):
            elapsed = time_to_prompt([mq, "--corpus", os.path.join(root, "seeds")], env)
            if i > 0:  # the first run writes the cache
                times.append(elapsed)
            floor.append(time_to_prompt(["/bin/sh", "-c", "printf 'mq> '; read x"], env))
        cold = time_to_prompt([mq, "--corpus", os.path.join(root, "seeds")],
                              dict(env, XDG_CACHE_HOME=os.path.join(home, "none"), MQ_NO_CACHE="1"))
    print(f"REPL start to first prompt on seeds/: median {statistics.median(times):.1f} ms over {runs} runs "
          f"(min {min(times):.1f}, max {max(times):.1f}); without the cache {cold:.1f} ms; "
          f"the harness floor (/bin/sh printing a prompt) {statistics.median(floor):.1f} ms")


if __name__ == "__main__":
    main()
