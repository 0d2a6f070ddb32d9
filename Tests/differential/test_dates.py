"""Differential test of dates: comparisons, `bin` and grouping and sorting of publication dates of every
precision (year, month, day) and none, answered by mq and by SQLite (Python's sqlite3) over the same rows.

The corpus is written here: documents with generated dates and texts that name a few entities. The SQL
side reads the dates as intervals (first and last day), as the language reference says (docs/language.md,
"Dates with a precision"): `<` when all of the left lies before the right, `<=` unless all of it lies
after, `==` when both cover the same days; sorting by first day, the coarser date first. `bin` is written
again here in Python from the reference (the period's first day, never finer than the date).
Run: python3 -m pytest -q Tests/differential/test_dates.py  (MQ=path to the binary).
"""
import calendar
import datetime
import json
import os
import random
import sqlite3
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MQ = os.environ.get("MQ", os.path.join(ROOT, ".build", "debug", "mq"))

NAMES = [("e1", "organization", "Zaibi Shaaba"), ("e2", "place", "Mahani Tamollah"), ("e3", "person", "Darani Saman"),
         ("e4", "organization", "Kufra Tellat"), ("e5", "place", "Oromi Basra")]


def random_date(rng):
    y = rng.randint(2021, 2025)
    kind = rng.choice(["year", "month", "month", "day", "day", "day", "none"])
    if kind == "none":
        return ""
    if kind == "year":
        return f"{y:04d}"
    m = rng.randint(1, 12)
    if kind == "month":
        return f"{y:04d}-{m:02d}"
    d = rng.choice([1, 2, 15, 28, calendar.monthrange(y, m)[1]])
    return f"{y:04d}-{m:02d}-{d:02d}"


@pytest.fixture(scope="module")
def corpus():
    rng = random.Random(2026_12_07)
    root = tempfile.mkdtemp(prefix="mq-dates-")
    os.makedirs(os.path.join(root, "catalog"))
    os.makedirs(os.path.join(root, "documents"))
    with open(os.path.join(root, "catalog", "entities.tsv"), "w") as f:
        f.write("id\ttype\tname\taliases\tacronyms\tambiguous\n")
        for i, t, n in NAMES:
            f.write(f"{i}\t{t}\t{n}\t\t\t\n")
    # Dates that meet at edges: a year and its first month and day, a leap day, a month's last day.
    fixed = ["2024", "2024-01", "2024-01-01", "2024-02-29", "2024-05", "2024-05-31", "2023-12-31", ""]
    dates = fixed + [random_date(rng) for _ in range(150)]
    with open(os.path.join(root, "documents.tsv"), "w") as f:
        f.write("id\ttitle\toutlet\tauthors\tpublished\n")
        for k, date in enumerate(dates):
            doc = f"{k:04d}"
            f.write(f"{doc}\tReport {k}\tWire\t\t{date}\n")
            names = [rng.choice(NAMES)[2] for _ in range(rng.randint(1, 4))]
            with open(os.path.join(root, "documents", doc + ".txt"), "w") as t:
                t.write(" ".join(f"{n} was seen there." for n in names) + "\n")
    return root


def mq(corpus, query):
    r = subprocess.run([MQ, "--corpus", corpus, "--format", "json", "-c", query], capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, MQ_NO_CACHE="1"))
    if r.returncode != 0:
        raise AssertionError(f"mq failed on {query!r}: {r.stderr}")
    return json.loads(r.stdout)


def interval(text):
    """(first day, last day, precision 0-2) of a date's text, as ordinals."""
    parts = [int(p) for p in text.split("-")]
    y = parts[0]
    if len(parts) == 1:
        return datetime.date(y, 1, 1).toordinal(), datetime.date(y, 12, 31).toordinal(), 0
    m = parts[1]
    if len(parts) == 2:
        return datetime.date(y, m, 1).toordinal(), datetime.date(y, m, calendar.monthrange(y, m)[1]).toordinal(), 1
    d = datetime.date(y, m, parts[2]).toordinal()
    return d, d, 2


def bin_date(text, width):
    """`bin` as the reference describes it: the period's first day at the period's precision, never finer
    than the date; widths above 1 count from year 0, January of year 0, and the week of 0001-01-01 (a Monday)."""
    if text is None:
        return None
    n, unit = int(width[:-1] or 1), width[-1]
    parts = [int(p) for p in text.split("-")]
    y = parts[0]
    if unit == "y":
        return f"{max(1, y // n * n):04d}"
    if len(parts) == 1:
        return f"{y:04d}"
    m = parts[1]
    if unit in "qm":
        k = 3 * n if unit == "q" else n
        index = (y * 12 + m - 1) // k * k
        return f"{max(1, index // 12):04d}-{index % 12 + 1:02d}"
    if len(parts) == 2:
        return f"{y:04d}-{m:02d}"
    day = datetime.date(y, m, parts[2]).toordinal() - 1  # days since 0001-01-01
    start = day // (7 * n if unit == "w" else n) * (7 * n if unit == "w" else n)
    return datetime.date.fromordinal(start + 1).isoformat()


@pytest.fixture(scope="module")
def db(corpus):
    con = sqlite3.connect(":memory:")
    con.create_function("bin_date", 2, bin_date, deterministic=True)
    con.execute("CREATE TABLE d (id, published, first, last, prec)")
    rows = mq(corpus, "docs | select id, published")
    assert any(r["published"] is None for r in rows) and len({len(r["published"] or "") for r in rows}) == 4
    con.executemany("INSERT INTO d VALUES (?, ?, ?, ?, ?)",
                    [(r["id"], r["published"], *(interval(r["published"]) if r["published"] else (None, None, None))) for r in rows])
    con.execute("CREATE TABLE m (doc, entity)")
    con.executemany("INSERT INTO m VALUES (?, ?)", [(r["doc"], r["entity"]) for r in mq(corpus, "mentions | select doc = doc.id, entity = entity.id")])
    return con


def literal(rng):
    text = rng.choice(["2024", "2024-01", "2024-01-01", "2024-05", "2024-05-31", "2023-12-31", "2022-07-15", "2025-02"])
    return text, interval(text)


def condition(rng):
    """A comparison of `published` with a date literal, in mq and in SQL over the intervals."""
    text, (f, l, p) = literal(rng)
    op = rng.choice(["<", "<=", ">", ">=", "==", "!="])
    sql = {
        "<": f"last < {f}",
        "<=": f"NOT (first > {l})",
        ">": f"first > {l}",
        ">=": f"NOT (last < {f})",
        "==": f"(first = {f} AND last = {l})",
        "!=": f"(first IS NULL OR NOT (first = {f} AND last = {l}))",
    }[op]
    return f"published {op} @{text}", f"(first IS NOT NULL AND {sql})" if op != "!=" else sql


WIDTHS = ["1y", "2y", "1q", "1m", "2m", "1w", "1d", "10d"]


def generate(rng):
    shape = rng.choice(["filter", "filter", "bin", "bin", "group", "sort", "mentions"])
    if shape == "filter":
        parts = [condition(rng) for _ in range(rng.randint(1, 2))]
        join = rng.choice(["and", "or"])
        q = "docs | where " + f" {join} ".join(p[0] for p in parts) + " | select id"
        return q, "SELECT id FROM d WHERE " + f" {join.upper()} ".join(p[1] for p in parts), False
    if shape == "bin":
        w = rng.choice(WIDTHS)
        return (f"mentions | summarize n = count() by b = bin(doc.published, {w})",
                f"SELECT bin_date(d.published, '{w}'), count(*) FROM m JOIN d ON d.id = m.doc GROUP BY 1", False)
    if shape == "group":
        w = rng.choice(WIDTHS)
        c, s = condition(rng)
        return (f"docs | where {c} | summarize n = count(), k = dcount(published) by b = bin(published, {w}), p = published",
                f"SELECT bin_date(published, '{w}'), published, count(*), count(DISTINCT published) FROM d WHERE {s} GROUP BY 1, 2", False)
    if shape == "sort":
        desc = rng.random() < 0.5
        n = rng.randint(5, 40)
        d = "DESC" if desc else "ASC"
        return (f"docs | sort by published {'desc' if desc else 'asc'}, id | take {n} | select id, published",
                f"SELECT id, published FROM d ORDER BY published IS NULL, first {d}, prec {d}, id LIMIT {n}", True)
    c, s = condition(rng)
    c = c.replace("published", "doc.published")
    return (f"mentions | where {c} | summarize n = count() by e = entity.id, y = bin(doc.published, 1y)",
            f"SELECT m.entity, bin_date(d.published, '1y'), count(*) FROM m JOIN d ON d.id = m.doc WHERE {s} GROUP BY 1, 2", False)


def key(row):
    return tuple((v is None, v if v is not None else 0) for v in row)


def test_dates_agree_with_sqlite(corpus, db):
    rng = random.Random(15)
    cases = [generate(rng) for _ in range(120)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda c: [tuple(r.values()) for r in mq(corpus, c[0])], cases))
    failures = []
    for (q, s, ordered), got in zip(cases, results):
        want = db.execute(s).fetchall()
        g, w = list(got), [tuple(r) for r in want]
        if not ordered:
            g, w = sorted(g, key=key), sorted(w, key=key)
        if g != w:
            failures.append(f"{q}\n  sql: {s}\n  mq:  {g[:6]}\n  sql: {w[:6]}")
    assert not failures, f"{len(failures)} of {len(cases)} differ:\n" + "\n".join(failures[:10])


def test_the_date_group_by_runs_on_vectors(corpus):
    plan = subprocess.run([MQ, "explain", "--corpus", corpus, "--query", "mentions | summarize n = count() by m = bin(doc.published, 1m)"],
                          capture_output=True, text=True, timeout=60, env=dict(os.environ, MQ_NO_CACHE="1"))
    assert plan.returncode == 0, plan.stderr
    assert plan.stdout.startswith("columnar"), plan.stdout
