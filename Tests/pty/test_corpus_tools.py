"""The `mq corpus` tools run as an analyst runs them: the real binary, its output and exit status.

Run from the repository root: python3 -m pytest -q Tests/pty (MQ_BIN overrides the binary path).
"""
import os
import shutil
import subprocess
import tempfile

import pytest

from mq_session import MQ, ROOT
NEW_TEXTS = os.path.join(ROOT, "Tests", "QueryLangTests", "Fixtures", "new-texts", "documents")


def run(*args):
    env = dict(os.environ, MQ_NO_CACHE="1")
    return subprocess.run([MQ, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def corpus():
    """A copy of seeds/ with the new-texts documents (no metadata) added."""
    d = tempfile.mkdtemp(prefix="mq-corpus-tools-")
    c = os.path.join(d, "c")
    shutil.copytree(os.path.join(ROOT, "seeds"), c)
    for f in os.listdir(NEW_TEXTS):
        shutil.copy(os.path.join(NEW_TEXTS, f), os.path.join(c, "documents", f))
    yield c
    shutil.rmtree(d)


def test_suggest_prints_yaml_then_writes_new_files_only(corpus):
    p = run("corpus", "suggest", corpus)
    assert p.returncode == 0, p.stderr
    assert 'name: "Washington Institute"' in p.stdout
    assert "predicate: leads" in p.stdout and "quote: " in p.stdout
    facts = os.path.join(corpus, "facts", "suggested.yaml")
    catalog = os.path.join(corpus, "catalog", "suggested.yaml")
    p = run("corpus", "suggest", corpus, "--facts-output", facts, "--catalog-output", catalog)
    assert p.returncode == 0, p.stderr
    assert os.path.exists(facts) and os.path.exists(catalog)
    # The drafts load as they stand.
    p = run("corpus", "validate", corpus)
    assert p.returncode == 0, p.stdout + p.stderr
    # An existing file is never written over.
    before = open(facts, encoding="utf-8").read()
    p = run("corpus", "suggest", corpus, "--facts-output", facts)
    assert p.returncode == 1
    assert "exists already" in p.stderr
    assert open(facts, encoding="utf-8").read() == before


def test_stats_counts_uncertain_mentions(corpus):
    p = run("corpus", "stats", corpus)
    assert p.returncode == 0, p.stderr
    # Three in the seeds (002 "PMF Service and Retirement Law", 004 "Gaza Freedom Flotilla" and
    # "Fossil Free London"), three in the new texts (Washington Institute, Muhandis General Company,
    # Tehran Times).
    assert "uncertain mentions: 6" in p.stdout
    assert "100_working_paper  washington?" in p.stdout and "[Washington] Institute" in p.stdout


def test_mentions_mark_uncertain_ones(corpus):
    p = run("corpus", "mentions", corpus)
    rows = [line.split("\t") for line in p.stdout.splitlines()]
    assert rows[0][-1] == "uncertain"
    assert all(len(r) == 8 for r in rows), "one mention per line, even one broken across lines"
    assert any(r[0] == "100_working_paper" and r[6] == "Kata'ib Hizb Allah" for r in rows)
    uncertain = sorted(r[6] for r in rows[1:] if r[7] == "yes")
    assert uncertain == ["Gaza", "London", "Muhandis", "PMF", "Tehran", "Washington"]
