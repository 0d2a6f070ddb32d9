"""The real mq binary under a pseudo-terminal, as the pty tests start and end it: a private home (history,
config, cache), no colour, `cat` as the pager, and the prompt awaited.

MQ_BIN overrides the binary path (default: the debug build).
"""
import os

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MQ = os.environ.get("MQ_BIN", os.path.join(ROOT, ".build", "debug", "mq"))
SEEDS = os.path.join(ROOT, "seeds")
PROMPT = "mq> "


def env_for(home):
    """The environment of a session whose files all live in `home`."""
    env = dict(os.environ)
    env.update({
        "MQ_HISTORY": os.path.join(home, "history"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "HOME": home,
        "TERM": "xterm",
        "NO_COLOR": "1",
        "MQ_PAGER": "cat",
        "LANG": "C.UTF-8",
    })
    return env


def start(home, *args, corpus=SEEDS, columns=160, env=None):
    """An interactive session on `corpus` in a terminal `columns` wide, at its first prompt; `env` adds to
    or overrides the environment of `env_for(home)`."""
    child = pexpect.spawn(MQ, ["--corpus", corpus, *args], env={**env_for(home), **(env or {})}, encoding="utf-8",
                          timeout=20, dimensions=(40, columns))
    child.expect_exact(PROMPT)
    return child


def finish(child):
    """Ends the session with Ctrl-D and checks that it exits cleanly."""
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def run(child, line):
    """Sends a line and returns what the REPL wrote before the next prompt."""
    child.send(line + "\r")
    child.expect_exact(PROMPT)
    return child.before
