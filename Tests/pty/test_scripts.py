"""Pseudo-terminal tests of how the REPL reads statements: pasted pipelines, `.read` and the rc file go
through the script reader `mq run` uses, so a pipeline written one stage per line means the same
everywhere. Run from the repository root: python3 -m pytest -q Tests/pty
"""
import os
import subprocess

from mq_session import MQ, PROMPT, ROOT, finish, start

# seeds/documents/*.yaml: 000 and 003 are the Al-Fassel articles, 002 Arab News, 004 The National.
AL_FASSEL = ["000_40a7b08fdfb61403", "003_adf714cf9f5e1bca"]


def test_a_pasted_let_with_a_stage_on_the_next_line_binds_the_filtered_table(home):
    child = start(home)
    # Without bracketed-paste markers: the lines arrive together, as a terminal pastes them.
    child.send('let x = docs\r| where outlet == "Al-Fassel"\r')
    child.expect_exact(PROMPT)
    child.send("x | count\r")
    child.expect(r"count\s+─+\s+(\d+)")
    assert child.match.group(1) == "2"
    child.expect_exact(PROMPT)
    finish(child)


def test_a_bracketed_paste_is_one_unit(home):
    child = start(home)
    child.send('\x1b[200~let y = docs\r  | where outlet == "Al-Fassel"\r  | select id\r\x1b[201~')
    child.expect_exact(PROMPT)
    child.send("y\r")
    child.expect_exact(AL_FASSEL[0])
    child.expect_exact(AL_FASSEL[1])
    child.expect(r"\(2 rows\)")
    child.expect_exact(PROMPT)
    finish(child)


def test_a_paste_without_a_final_line_break_waits_for_enter(home):
    child = start(home)
    child.send('\x1b[200~docs\r| where outlet == "Arab News"\r| select id\x1b[201~')
    child.expect_exact("...> ")
    child.send("\r")
    child.expect_exact("002_0248a6aedfd10660")
    child.expect(r"\(1 row\)")
    child.expect_exact(PROMPT)
    finish(child)


def test_typing_keeps_the_continuation_prompt(home):
    child = start(home)
    child.send("docs\r")
    # A finished statement typed by hand runs at once.
    child.expect(r"\(5 rows\)")
    child.expect_exact(PROMPT)
    child.send("[1,\r")
    child.expect_exact("...> ")
    child.send("2]\r")
    child.expect_exact("1, 2")
    child.expect_exact(PROMPT)
    finish(child)


def test_read_runs_an_example_script(home):
    child = start(home)
    child.send(".read " + os.path.join(ROOT, "examples", "who-leads-which-group.mq") + "\r")
    # Its first statement is a `let` spread over four lines; the next shows it (15 rows), every assert holds.
    child.expect(r"\(15 rows")
    child.expect(r"\(11 rows")
    child.expect_exact(PROMPT)
    child.send("len(leadership)\r")
    child.expect(r"\D15\r\n")
    child.expect_exact(PROMPT)
    finish(child)


def test_read_stops_at_the_first_error_with_its_place(home):
    # A script is checked as a whole before it runs, as mq run checks a file: nothing of it runs.
    script = os.path.join(home, "broken.mq")
    with open(script, "w", encoding="utf-8") as f:
        f.write('print "not run"\n'
                'docs\n'
                '  | where outlet == "Arab News"\n'
                '  | wher id == 1\n'
                'print "never printed"\n')
    child = start(home)
    child.send(f".read {script}\r")
    child.expect_exact(f"{script}:4:5: error[E202]")
    child.expect_exact(PROMPT)
    assert "not run" not in child.before and "never printed" not in child.before
    # An error while running stops the script there.
    script = os.path.join(home, "assert.mq")
    with open(script, "w", encoding="utf-8") as f:
        f.write('print "first"\nassert 1 == 2, "stops here"\nprint "never printed"\n')
    child.send(f".read {script}\r")
    child.expect_exact("first")
    child.expect_exact(f"{script}:2:8: error[E404]")
    child.expect_exact(PROMPT)
    assert "never printed" not in child.before
    finish(child)


def test_read_stops_at_a_failing_dot_command(home):
    script = os.path.join(home, "mode.mq")
    with open(script, "w", encoding="utf-8") as f:
        f.write('print "one"\n.mode nonsense\nprint "two"\n')
    child = start(home)
    child.send(f".read {script}\r")
    child.expect_exact("one")
    child.expect_exact(f"{script}:2: .mode takes one of")
    child.expect_exact(PROMPT)
    assert "two" not in child.before
    finish(child)


def test_the_rc_file_may_hold_a_multi_line_statement(home):
    os.makedirs(os.path.join(home, "config", "mq"))
    with open(os.path.join(home, "config", "mq", "mqrc"), "w", encoding="utf-8") as f:
        f.write('.mode csv\n'
                'let groups = entities\n'
                '  | where type == "armed_group"\n')
    child = start(home)
    child.send("groups | count\r")
    # seeds/catalog holds 25 armed groups (18 in groups.yaml, 7 in wider-landscape.yaml); the count comes
    # out as CSV.
    child.expect(r"count\r\n25\r\n")
    child.expect_exact(PROMPT)
    finish(child)


def test_piped_input_reads_dot_commands_and_stage_per_line_pipelines():
    mq = MQ
    script = 'docs\n  | where outlet == "Arab News"\n.mode csv\ndocs | where outlet == "Arab News" | select id\n'
    run = subprocess.run([mq, "--corpus", os.path.join(ROOT, "seeds")], input=script, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "(1 row)" in run.stdout
    assert "id\n002_0248a6aedfd10660\n" in run.stdout


def test_check_and_fmt_read_dot_commands_as_run_does(home):
    mq = MQ
    script = os.path.join(home, "modes.mq")
    with open(script, "w", encoding="utf-8") as f:
        f.write('.mode csv\ndocs\n  | where outlet == "Arab News"\n  | select id\n.mode table\nlen(docs)\n')
    seeds = os.path.join(ROOT, "seeds")
    check = subprocess.run([mq, "check", "--corpus", seeds, script], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    fmt = subprocess.run([mq, "fmt", script], capture_output=True, text=True)
    assert fmt.returncode == 0, fmt.stderr
    assert fmt.stdout == '.mode csv\ndocs | where outlet == "Arab News" | select id\n.mode table\nlen(docs)\n'
    run = subprocess.run([mq, "run", "--corpus", seeds, script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("id\n002_0248a6aedfd10660\n")


def test_a_pasted_let_of_mentions_binds_the_filtered_mentions(home):
    child = start(home)
    child.send("let x = mentions\r| where own\r")
    child.expect_exact(PROMPT)
    child.send("print [len(x) == len(mentions | where own), len(x) < len(mentions)]\r")
    child.expect_exact("[true, true]")
    child.expect_exact(PROMPT)
    finish(child)


def _nested_scripts(home):
    """An outer script that reads an inner one, which switches to CSV, answers, then reads a missing file."""
    inner, outer, missing = (os.path.join(home, n) for n in ("inner.mq", "outer.mq", "missing.mq"))
    with open(inner, "w", encoding="utf-8") as f:
        f.write(f'.mode csv\ndocs | where outlet == "Arab News" | select id\n.read {missing}\nprint "never"\n')
    with open(outer, "w", encoding="utf-8") as f:
        f.write(f'print "outer"\n.read {inner}\nprint "after"\n')
    return outer, f"{inner}:3: cannot read {missing}"


def test_read_is_the_same_in_mq_run_piped_input_and_the_repl(home):
    outer, error = _nested_scripts(home)
    seeds = os.path.join(ROOT, "seeds")
    # seeds/documents: 002 is the one Arab News article.
    for args, stdin in (([MQ, "run", "--corpus", seeds, outer], None),
                        ([MQ, "--corpus", seeds], f".read {outer}\n")):
        run = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=60)
        assert run.returncode == 1, run.stderr
        assert run.stdout.startswith("outer\nid\n002_0248a6aedfd10660\n"), run.stdout
        assert error in run.stderr
        assert "never" not in run.stdout and "after" not in run.stdout
    child = start(home)
    child.send(f".read {outer}\r")
    child.expect_exact("outer")
    child.expect_exact("002_0248a6aedfd10660")
    child.expect_exact(error)
    child.expect_exact(PROMPT)
    assert "never" not in child.before and "after" not in child.before
    finish(child)


def test_quit_ends_a_script_run_and_other_repl_commands_are_refused_where_they_stand(home):
    script = os.path.join(home, "quit.mq")
    with open(script, "w", encoding="utf-8") as f:
        f.write('print "one"\n.quit\nprint "two"\n')
    run = subprocess.run([MQ, "run", "--corpus", os.path.join(ROOT, "seeds"), script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "one\n"
    with open(script, "w", encoding="utf-8") as f:
        f.write('print "one"\n.history\nprint "two"\n')
    run = subprocess.run([MQ, "run", "--corpus", os.path.join(ROOT, "seeds"), script], capture_output=True, text=True)
    assert run.returncode == 1
    assert f"{script}:2: .history works only in the interactive session" in run.stderr
    assert "two" not in run.stdout


def test_a_script_run_that_reads_itself_stops_at_a_fixed_depth(home):
    script = os.path.join(home, "loop.mq")
    with open(script, "w", encoding="utf-8") as f:
        f.write(f".read {script}\n")
    run = subprocess.run([MQ, "run", "--corpus", os.path.join(ROOT, "seeds"), script], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 1
    assert f"{script}:1: .read nests more than 16 scripts deep; not read: {script}" in run.stderr
