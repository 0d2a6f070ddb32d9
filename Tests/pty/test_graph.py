"""Pseudo-terminal tests of the graph stages and the views of facts in the REPL: help pages, a path
shown at 80 columns, an unknown entity with its "did you mean". Run from the repository root:
python3 -m pytest -q Tests/pty
"""
from test_output import start80
from mq_session import PROMPT, finish


def test_help_pages_of_the_graph_stages_and_views(home):
    child = start80(home)
    for stage, words in [("paths", "shortest paths"), ("neighbors", "walks the graph"),
                         ("conflicts", "pairs of input facts that disagree"),
                         ("corroboration", "how many sources and documents"), ("asof", "held at the date")]:
        child.send(f".help {stage}\r")
        child.expect_exact(words)
        child.expect_exact(PROMPT)
    finish(child)


def test_a_path_and_its_evidence_at_80_columns(home):
    child = start80(home)
    child.send('facts | paths from "akram-al-kaabi" to "qais-al-khazali" | select path, step, from, to, via\r')
    child.expect_exact("Asaib Ahl al-Haq")
    child.expect_exact("leads (reverse)")
    child.expect_exact("(4 rows)")
    child.expect_exact(PROMPT)
    child.send('facts | neighbors "Kataib Hezbolah" depth 9\r')
    child.expect_exact("E432")
    child.expect_exact(PROMPT)
    child.send('facts | paths from "Kataib Nowhere" to "iran"\r')
    child.expect_exact("E430")
    child.expect_exact("no entity is named 'Kataib Nowhere'")
    child.expect_exact(PROMPT)
    finish(child)
