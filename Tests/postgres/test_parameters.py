"""Run parameters (`--arg NAME=VALUE`, read as `$NAME`) on PostgreSQL, on one server and on the sharded
topology: the same answers as in memory, and the values sent as bind parameters (the statement `explain`
shows holds `$1`, never the value), so that a hostile value is only a value.
Run: python3 -m pytest -q Tests/postgres -k parameters  (MQ=path to the binary).
"""
import json
import os
import subprocess

import pytest

from conftest import MQ, SEEDS

HOSTILE = "x') OR true OR ('"

CASES = [
    ("entities | where id == $e | select id, name", {"e": "kataib-hezbollah"}),
    ("entities | where id == $e or name == $e | select id", {"e": HOSTILE}),
    ("docs | where outlet == $o | select id, title", {"o": "Arab News"}),
    ("docs | where text has $q | select id", {"q": "drones"}),
    ("docs | where text has $q | count", {"q": "'Baghdad'"}),
    ("mentions | where entity == ent($e) | summarize n = count() by d = doc.id | sort by d", {"e": "KSS"}),
    ("mentions | where surface == $s | summarize n = count() by e = entity.id | sort by n desc, e", {"s": "PMF"}),
    # Finished by mq over the documents the server narrows (test_kwic_hybrid.py).
    ("docs | kwic $q | select match, start", {"q": "Kataib Hezbollah"}),
    ("docs | kwic $q | count", {"q": HOSTILE}),
    ("docs | kwic matches $p | count", {"p": "(?i)drones?"}),
    ("docs | where text matches $p | select id", {"p": "Quds'"}),
]


def run(q, args, engine=None):
    cmd = [MQ, "--corpus", SEEDS, "--format", "json"]
    for k, v in args.items():
        cmd += ["--arg", f"{k}={v}"]
    env = dict(os.environ, MQ_ENGINE=engine or "memory")
    return subprocess.run(cmd + ["-c", q], capture_output=True, text=True, timeout=120, env=env)


def test_a_has_parameter_of_several_words_is_refused_not_answered_otherwise(layout_url):
    # The stored word lists cannot tell whether words stand in a row, as mq's has requires.
    s = run("docs | where text has $q | count", {"q": HOSTILE}, layout_url)
    assert s.returncode != 0 and "E420" in s.stderr, s.stderr


@pytest.mark.parametrize("q,args", CASES)
def test_parameters_agree_with_memory(layout_url, q, args):
    m, s = run(q, args), run(q, args, layout_url)
    assert m.returncode == 0, m.stderr
    assert s.returncode == 0, s.stderr
    mem, sql = json.loads(m.stdout), json.loads(s.stdout)
    if not q.rstrip().endswith("count") and "sort" not in q:
        mem, sql = sorted(mem, key=repr), sorted(sql, key=repr)
    assert mem == sql, (q, mem, sql)


def test_parameters_are_bound_not_written_into_the_statement(seeds_url):
    r = run(f"explain entities | where id == $e | count", {"e": HOSTILE}, seeds_url)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout) if r.stdout.lstrip().startswith(("\"", "[")) else r.stdout
    text = out if isinstance(out, str) else json.dumps(out)
    assert "($1::text)" in text and "-- $1: $e" in text, text
    assert "OR true" not in text, text
    # The words and literals the server narrows by, from a parameter, are bound too.
    for q, args in [("explain docs | kwic $q | count", {"q": HOSTILE}), ("explain docs | kwic matches $q | count", {"q": "drone' OR true --"})]:
        r = run(q, args, seeds_url)
        assert r.returncode == 0, r.stderr
        assert "($1::text" in r.stdout and "-- $1: $q" in r.stdout and "OR true" not in r.stdout, r.stdout
