"""Charts of `render` on a terminal and off it: fitted to the terminal's width and coloured there, 80
columns wide and without colour in a pipe, a file or with NO_COLOR; the data formats write the rows.

The query is the count of documents by outlet (seeds/documents/*.yaml: Al-Fassel 000 and 003, Arab
News 002, The National 004, none for 001). Labels are 12 wide and numbers 1 wide, so the longest bar
(Al-Fassel, 2) fills the width less 15 columns, and the others (1) half of that.
Run from the repository root: python3 -m pytest -q Tests/pty -k render (MQ_BIN overrides the binary).
"""
import os
import re
import subprocess
import tempfile

import pexpect
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MQ = os.environ.get("MQ_BIN", os.path.join(ROOT, ".build", "debug", "mq"))
SEEDS = os.path.join(ROOT, "seeds")
QUERY = "docs | summarize n = count() by outlet | render bar outlet, n"
ESC = "\x1b["
# The prompt, coloured or not (its colour codes sit between "mq>" and the space).
PROMPT = r"mq>\S* "


@pytest.fixture
def home():
    with tempfile.TemporaryDirectory() as d:
        yield d


def environment(home, color):
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.update({"MQ_HISTORY": os.path.join(home, "history"), "XDG_CONFIG_HOME": os.path.join(home, "config"),
                "HOME": home, "TERM": "xterm-256color", "MQ_PAGER": "cat", "LANG": "C.UTF-8"})
    if not color:
        env["NO_COLOR"] = "1"
    return env


def bar_cells(text, label):
    """The number of block cells in the bar of `label` (colour codes removed)."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    line = next(l for l in plain.splitlines() if l.startswith(label + " "))
    return len(re.search(r"[█▏▎▍▌▋▊▉]+", line).group(0))


def repl(home, color, columns):
    child = pexpect.spawn(MQ, ["--corpus", SEEDS], env=environment(home, color), encoding="utf-8", timeout=20,
                          dimensions=(50, columns))
    child.expect(PROMPT)
    return child


def run_in_repl(child, line):
    child.send(line + "\r")
    child.expect("The National[^\r\n]*\r\n")
    out = child.before + child.after
    child.expect(PROMPT)
    return out


def test_render_in_the_repl_is_coloured_and_fits_the_terminal(home):
    child = repl(home, color=True, columns=100)
    out = run_in_repl(child, QUERY)
    assert ESC + "36m" in out, "bars in colour on a colour terminal"
    assert bar_cells(out, "Al-Fassel") == 100 - 15
    assert bar_cells(out, "Arab News") == 43  # 42.5 cells: 42 and ▌
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def test_render_in_the_repl_without_colour_under_no_color(home):
    child = repl(home, color=False, columns=100)
    out = run_in_repl(child, QUERY)
    assert ESC not in out.split(QUERY, 1)[1]
    assert bar_cells(out, "Al-Fassel") == 85
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def test_render_to_an_output_file_is_80_columns_without_colour(home):
    child = repl(home, color=True, columns=120)
    path = os.path.join(home, "chart.txt")
    child.send(f".once {path}\r")
    child.expect(PROMPT)
    child.send(QUERY + "\r")
    child.expect(PROMPT)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    text = open(path, encoding="utf-8").read()
    assert ESC not in text
    assert bar_cells(text, "Al-Fassel") == 65
    assert text.startswith("n by outlet\n")


def test_render_in_a_pipe_is_80_columns_without_colour(home):
    r = subprocess.run([MQ, "--corpus", SEEDS, "-c", QUERY], capture_output=True, text=True, timeout=60,
                       env=environment(home, color=True))
    assert r.returncode == 0, r.stderr
    assert ESC not in r.stdout
    assert bar_cells(r.stdout, "Al-Fassel") == 65
    assert bar_cells(r.stdout, "The National") == 33


def test_mq_c_on_a_terminal_is_coloured_and_fits_it(home):
    child = pexpect.spawn(MQ, ["--corpus", SEEDS, "-c", QUERY], env=environment(home, color=True), encoding="utf-8",
                          timeout=20, dimensions=(50, 60))
    child.expect(pexpect.EOF)
    out = child.before
    assert ESC + "36m" in out
    assert bar_cells(out, "Al-Fassel") == 60 - 15


def test_render_in_csv_on_a_terminal_is_the_rows(home):
    child = pexpect.spawn(MQ, ["--corpus", SEEDS, "--format", "csv", "-c", QUERY], env=environment(home, color=True),
                          encoding="utf-8", timeout=20, dimensions=(50, 100))
    child.expect(pexpect.EOF)
    assert child.before.replace("\r\n", "\n") == "outlet,n\nAl-Fassel,2\n,1\nArab News,1\nThe National,1\n"
