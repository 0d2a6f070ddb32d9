"""Pseudo-terminal tests of where results go and how they look: .output, .once, -o, the expanded display,
.maxwidth, `_`, parameters. Run from the repository root: python3 -m pytest -q Tests/pty
"""
import os
import subprocess

from mq_session import MQ, PROMPT, ROOT, finish, start


def start80(home, *args):
    return start(home, *args, columns=80)


def test_output_sends_results_to_a_file_written_when_closed(home):
    path = os.path.join(home, "out.csv")
    child = start80(home)
    for line in [".mode csv", f".output {path}", 'docs | where outlet == "Al-Fassel" | select id', "len(docs)"]:
        child.send(line + "\r")
        child.expect_exact(PROMPT)
    assert "000_40a7b08fdfb61403" not in child.before
    assert not os.path.exists(path)  # written atomically, when .output is closed
    child.send(".output\r")
    child.expect_exact(PROMPT)
    with open(path, encoding="utf-8") as f:
        # 000 and 003 are the Al-Fassel articles; the corpus has five documents.
        assert f.read() == "id\n000_40a7b08fdfb61403\n003_adf714cf9f5e1bca\n5\n"
    # An existing file is not replaced without a yes.
    child.send(f".once {path}\r")
    child.expect_exact("exists; overwrite it? [y/N]")
    child.send("n\r")
    child.expect_exact(PROMPT)
    child.send("len(docs)\r")
    child.expect(r"\r\n5\r\n")
    child.expect_exact(PROMPT)
    child.send(f".once {path}\r")
    child.expect_exact("exists; overwrite it? [y/N]")
    child.send("y\r")
    child.expect_exact(PROMPT)
    child.send('docs | where outlet == "Arab News" | select id\r')
    child.expect_exact(PROMPT)
    with open(path, encoding="utf-8") as f:
        assert f.read() == "id\n002_0248a6aedfd10660\n"
    finish(child)


def test_a_wide_row_is_shown_one_field_per_line_at_80_columns(home):
    child = start80(home)
    child.send('facts | where id == "kh-designated-2009-004"\r')
    child.expect_exact("── row 1 ")
    # designations.yaml: the quote of kh-designated-2009-004, whole, on its own line.
    child.expect(r"quote\s+The US designated it as a terrorist organisation in 2009\.")
    child.expect(r"\(1 row\)")
    child.expect_exact(PROMPT)
    child.send("\\x off\r")
    child.expect_exact("expanded display is off")
    child.expect_exact(PROMPT)
    child.send('facts | where id == "kh-designated-2009-004"\r')
    child.expect_exact("…")  # cut to fit the 80 columns
    child.expect_exact(PROMPT)
    child.send("\\x\r")
    child.expect_exact("expanded display is on")
    child.expect_exact(PROMPT)
    child.send("docs | where id == \"002_0248a6aedfd10660\" | select id, outlet\r")
    child.expect(r"outlet\s+Arab News")
    child.expect_exact(PROMPT)
    finish(child)


def test_maxwidth_caps_the_columns(home):
    child = start80(home)
    child.send(".maxwidth 10\r")
    child.expect_exact(PROMPT)
    child.send('docs | where id == "002_0248a6aedfd10660" | select id, title\r')
    child.expect_exact("002_0248a…")
    child.expect_exact(PROMPT)
    finish(child)


def test_underscore_is_the_last_result(home):
    child = start80(home)
    child.send('docs | where outlet == "Al-Fassel" | select id\r')
    child.expect_exact(PROMPT)
    child.send("len(_)\r")
    child.expect(r"\r\n2\r\n")
    child.expect_exact(PROMPT)
    finish(child)


def test_habits_of_other_shells_get_a_pointer(home):
    child = start80(home)
    child.send(".timer on\r")
    child.expect_exact("did you mean .timing?")
    child.expect_exact(PROMPT)
    child.send(".tables\r")
    child.expect_exact("did you mean .schema?")
    child.expect_exact(PROMPT)
    finish(child)


def test_dash_o_writes_atomically_and_never_over_a_file_without_force(home):
    path = os.path.join(home, "r.csv")
    base = [MQ, "--corpus", os.path.join(ROOT, "seeds"), "--format", "csv", "-o", path]
    run = subprocess.run(base + ["-c", 'docs | where outlet == "Arab News" | select id'], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    with open(path, encoding="utf-8") as f:
        assert f.read() == "id\n002_0248a6aedfd10660\n"
    run = subprocess.run(base + ["-c", "len(docs)"], capture_output=True, text=True)
    assert run.returncode == 2 and "exists" in run.stderr
    # A run that fails leaves the old file as it was.
    run = subprocess.run(base + ["--force", "-c", "len(docs)\nassert false, \"stop\""], capture_output=True, text=True)
    assert run.returncode == 1 and "not written" in run.stderr
    with open(path, encoding="utf-8") as f:
        assert f.read() == "id\n002_0248a6aedfd10660\n"
    run = subprocess.run(base + ["--force", "-c", "len(docs)"], capture_output=True, text=True)
    assert run.returncode == 0
    with open(path, encoding="utf-8") as f:
        assert f.read() == "5\n"
    assert [n for n in os.listdir(home) if ".mq-" in n] == []  # no temporary file left


def test_c_given_twice_is_a_usage_error():
    run = subprocess.run([MQ, "-c", "len(docs)", "-c", "len(facts)"], capture_output=True, text=True)
    assert run.returncode == 2
    assert "-c given 2 times" in run.stderr


def test_run_takes_parameters(home):
    script = os.path.join(home, "p.mq")
    with open(script, "w", encoding="utf-8") as f:
        f.write('docs | where outlet == $outlet | select id\n')
    base = [MQ, "--corpus", os.path.join(ROOT, "seeds"), "run", "--format", "csv"]
    run = subprocess.run(base + ["--arg", "outlet=Arab News", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "id\n002_0248a6aedfd10660\n"
    run = subprocess.run(base + [script], capture_output=True, text=True)
    assert run.returncode == 1
    assert "unknown name '$outlet'" in run.stderr and "--arg outlet=VALUE" in run.stderr


def test_help_pages_come_from_the_reference(home):
    child = start80(home)
    child.send(".help matches\r")
    child.expect_exact("text matches regex")
    child.expect_exact("(docs/language.md: 5. Operators")
    child.expect_exact(PROMPT)
    child.send(".help join\r")
    child.expect_exact("pairs the rows of the left table")
    child.expect_exact("Also: function join")
    child.expect_exact(PROMPT)
    child.send(".help E205\r")
    child.expect_exact("E205: unknown name")
    child.expect_exact(PROMPT)
    child.send(".help .output\r")
    child.expect_exact("sends every result to FILE")
    child.expect_exact(PROMPT)
    finish(child)


def test_kwic_is_aligned_on_the_keyword_and_cut_at_the_far_end(home):
    child = start80(home)
    child.send("\\x off\r")
    child.expect_exact(PROMPT)
    # 004 (The National): "dozens of missile and drone attacks", "killed in a US drone strike".
    child.send('docs | where id == "004_8585b73594fa1f5e" | kwic "drone" width 60 | select left, match, right\r')
    child.expect(r"\(2 rows\)")
    lines = [l for l in child.before.split("\r\n") if " drone " in l and "kwic" not in l]
    child.expect_exact(PROMPT)
    assert len(lines) == 2, child.before
    # The keyword stands in the same column on every row; the left context lost its far (left) end.
    assert lines[0].index(" drone ") == lines[1].index(" drone ")
    assert all(l.startswith("…") for l in lines)
    assert all(len(l) <= 80 for l in lines)
    finish(child)


def test_once_leaves_no_file_when_the_statement_fails(home):
    path = os.path.join(home, "never.csv")
    child = start80(home)
    child.send(f".once {path}\r")
    child.expect_exact(PROMPT)
    child.send('print "partial"; assert false, "stop"\r')
    child.expect_exact("not written")
    child.expect_exact(PROMPT)
    assert not os.path.exists(path)
    assert [n for n in os.listdir(home) if ".mq-" in n] == []
    finish(child)


def test_mode_ftm_writes_followthemoney_entities_to_a_file(home):
    path = os.path.join(home, "entities.ftm.json")
    child = start80(home)
    for line in [".mode ftm", f".once {path}", 'facts | where id == "kaabi-sanctioned-2008-004"']:
        child.send(line + "\r")
        child.expect_exact(PROMPT)
    finish(child)
    import json
    with open(path, encoding="utf-8") as f:
        items = {i["id"]: i for i in map(json.loads, f.read().splitlines())}
    # designations.yaml: the US Treasury sanctioned Al Kaabi in 2008 (004, The National).
    sanction = items["fact-kaabi-sanctioned-2008-004"]
    assert sanction["schema"] == "Sanction"
    assert sanction["properties"]["entity"] == ["entity-akram-al-kaabi"]
    assert sanction["properties"]["authority"] == ["US Treasury"]
    assert sanction["properties"]["date"] == ["2008"]
    assert sanction["properties"]["proof"] == ["article-004_8585b73594fa1f5e"]
    assert items["entity-akram-al-kaabi"]["schema"] == "Person"
    assert items["article-004_8585b73594fa1f5e"]["schema"] == "Article"


def test_chart_draws_the_last_result_with_graphviz(home):
    path = os.path.join(home, "leaders.svg")
    child = start80(home)
    child.send('facts | where predicate == "leads"\r')
    child.expect_exact(PROMPT)
    child.send(f".chart {path}\r")
    child.expect_exact(PROMPT)
    # leadership.yaml: Akram al-Kaabi leads Harakat al-Nujaba, so both are nodes of the chart.
    with open(path, encoding="utf-8") as f:
        svg = f.read()
    assert "<svg" in svg and "Akram al&#45;Kaabi" in svg and "Harakat al&#45;Nujaba" in svg
    # An existing file is replaced only with -f.
    child.send(f".chart {path}\r")
    child.expect_exact("exists; give -f")
    child.expect_exact(PROMPT)
    child.send(f".chart -f {path}\r")
    child.expect_exact(PROMPT)
    assert "exists" not in child.before
    child.send("entities | take 2\r")
    child.expect_exact(PROMPT)
    child.send(f".chart {path}\r")
    child.expect_exact("fewer than two entity columns")
    child.expect_exact(PROMPT)
    finish(child)
