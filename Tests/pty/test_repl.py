"""Pseudo-terminal tests of the mq REPL: the real binary under a terminal, driven like a person would.

Run from the repository root: python3 -m pytest -q Tests/pty (MQ_BIN overrides the binary path).
"""
import os
import time

import pexpect
import pytest

from mq_session import PROMPT, finish, start


def test_tab_completes_a_stage_name(home):
    child = start(home)
    # The completed word is checked by what the query then does: the screen is redrawn in pieces.
    child.send("entities | wh\t")
    child.send('type == "armed_group" | count\r')
    child.expect(r"count\s+─+\s+(\d+)")
    assert child.match.group(1) == "25"  # seeds/catalog: 18 armed groups in groups.yaml, 7 in wider-landscape.yaml
    child.expect_exact(PROMPT)
    finish(child)


def test_tab_completes_a_field(home):
    child = start(home)
    child.send("docs | where outl\t")
    child.send('== "Arab News" | select id\r')
    child.expect_exact("002_0248a6aedfd10660")
    child.expect_exact(PROMPT)
    finish(child)


def test_tab_completes_an_entity_name(home):
    child = start(home)
    child.send('ent("Harakat al-Nu\t')
    child.send(".id\r")
    child.expect_exact("harakat-al-nujaba")
    child.expect_exact(PROMPT)
    finish(child)


def test_up_recalls_a_statement_from_a_previous_run(home):
    child = start(home)
    child.send("docs | count\r")
    child.expect_exact(PROMPT)
    finish(child)
    child = start(home)
    child.send("\x1b[A")  # Up
    child.expect_exact("docs | count")
    child.send("\r")
    child.expect(r"count\s+─+\s+5")
    child.expect_exact(PROMPT)
    finish(child)


def test_ctrl_c_cancels_the_line_being_edited(home):
    child = start(home)
    child.send("docs | wher")
    child.sendcontrol("c")
    child.expect_exact(PROMPT)
    child.send("entities | count\r")
    child.expect(r"count\s+─+\s+160")  # the ids of seeds/catalog
    child.expect_exact(PROMPT)
    finish(child)


def test_ctrl_c_interrupts_a_long_query(home):
    child = start(home)
    # Every mention against every mention, normalising sentence text each time: minutes of work.
    child.send('mentions | extend k = len(mentions | where text has "drone") | count\r')
    time.sleep(1.0)
    child.sendcontrol("c")
    child.expect_exact("interrupted")
    child.expect_exact(PROMPT)
    child.send("docs | count\r")
    child.expect(r"count\s+─+\s+5")
    child.expect_exact(PROMPT)
    finish(child)


def test_ctrl_d_exits_zero(home):
    child = start(home)
    finish(child)


@pytest.mark.parametrize("ahead", ["", "docs | count\r"])
def test_ctrl_d_typed_while_a_statement_runs_ends_the_session(home, ahead):
    """A Ctrl-D typed while a statement runs reaches the terminal while it is cooked, where it waits as an
    end of input: the session ends once the statement is done (and any statement typed ahead of the key
    has run), as at the prompt, rather than reading the key as a NUL when the line editor next takes the
    terminal. The statement is held in its pager (a long result) until the keys have been typed."""
    paging, go = os.path.join(home, "paging"), os.path.join(home, "go")
    pager = f"cat >/dev/null; touch {paging}; while [ ! -e {go} ]; do sleep 0.02; done"
    child = start(home, env={"MQ_PAGER": pager})
    child.send("entities | select id\r")
    deadline = time.time() + 20
    while not os.path.exists(paging):
        assert time.time() < deadline, "the pager did not start"
        time.sleep(0.02)
    child.send(ahead)
    child.sendcontrol("d")
    time.sleep(0.5)  # the terminal takes the keys while the statement still holds it cooked
    open(go, "w").close()
    if ahead:
        child.expect(r"count\s+─+\s+5")  # seeds/documents: five articles
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_multi_line_pipeline_runs(home):
    child = start(home)
    child.send("docs |\r")
    child.expect_exact("...> ")
    child.send('where outlet == "Al-Fassel"\r')
    child.expect_exact("...> ") if False else None
    # The statement is complete after the second line: it runs.
    child.expect(r"000_40a7b08fdfb61403")
    child.expect(r"003_adf714cf9f5e1bca")
    child.expect_exact(PROMPT)
    finish(child)


def test_an_open_bracket_waits_for_more(home):
    child = start(home)
    child.send("len([1,\r")
    child.expect_exact("...> ")
    child.send("2, 3])\r")
    child.expect(r"\b3\b")
    child.expect_exact(PROMPT)
    finish(child)


def test_an_arabic_string_round_trips(home):
    child = start(home)
    child.send('print "الحشد الشعبي"\r')
    child.expect_exact("الحشد الشعبي")
    child.expect_exact(PROMPT)
    child.send('len("الحشد")\r')
    child.expect(r"\b5\b")
    child.expect_exact(PROMPT)
    finish(child)


def test_meta_commands(home):
    child = start(home)
    child.send(".mode csv\r")
    child.expect_exact(PROMPT)
    child.send("docs | where outlet == \"Arab News\" | select id, outlet\r")
    child.expect_exact("002_0248a6aedfd10660,Arab News")
    child.expect_exact(PROMPT)
    child.send(".schema facts\r")
    child.expect_exact("quote")
    child.expect_exact(PROMPT)
    child.send(".help kwic\r")
    child.expect_exact("keyword in context")
    child.expect_exact(PROMPT)
    child.send(".nonsense\r")
    child.expect_exact("unknown command .nonsense")
    child.expect_exact(PROMPT)
    finish(child)


def test_save_writes_the_successful_statements(home):
    child = start(home)
    child.send("let n = 2\r")
    child.expect_exact(PROMPT)
    child.send("docs | wher x\r")  # an error: not saved
    child.expect_exact("unknown stage")
    child.expect_exact(PROMPT)
    path = os.path.join(home, "kept.mq")
    child.send(f".save {path}\r")
    child.expect_exact("saved 1 statement")
    child.expect_exact(PROMPT)
    child.send(f".save {path}\r")
    child.expect_exact("overwrite it?")
    child.send("n\r")
    child.expect_exact("not saved")
    child.expect_exact(PROMPT)
    finish(child)
    with open(path, encoding="utf-8") as f:
        assert "let n = 2" in f.read()


def test_history_with_a_negative_count_is_refused_and_the_session_goes_on(home):
    child = start(home)
    child.send("docs | count\r")
    child.expect_exact(PROMPT)
    child.send(".history -1\r")
    child.expect_exact(".history takes a number of entries")
    child.expect_exact(PROMPT)
    child.send(".history 3\r")  # the entries so far, this one included
    child.expect_exact("docs | count")
    child.expect_exact(PROMPT)
    finish(child)


def test_a_script_that_reads_itself_stops_at_a_fixed_depth(home):
    path = os.path.join(home, "loop.mq")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f".read {path}\n")
    child = start(home)
    child.send(f".read {path}\r")
    child.expect_exact("nests more than 16 scripts deep")
    child.expect_exact(PROMPT)
    child.send("docs | count\r")
    child.expect(r"count\s+─+\s+5")
    child.expect_exact(PROMPT)
    finish(child)


def test_history_is_kept_after_each_statement_even_if_the_session_is_killed(home):
    child = start(home)
    child.send("entities | count\r")
    child.expect_exact(PROMPT)
    child.kill(9)
    child.close()
    with open(os.path.join(home, "history"), encoding="utf-8") as f:
        assert "entities | count" in f.read()
