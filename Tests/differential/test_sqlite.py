"""Differential test of mq's executor: generated pipelines over the seeds corpus and a synthetic corpus
(Tests/synthetic/corpus.py: 400 documents, null metadata, dates of every precision, spelling variants),
answered by mq and by SQLite (Python's sqlite3) over the same rows, compared (as multisets unless the
query orders its rows).

The rows are exported from mq once (references as ids); each generated pipeline has an SQL translation
written from the language reference (null-equal `==`, `where` dropping null, nulls last in sorts,
aggregates skipping nulls). Run: python3 -m pytest -q Tests/differential  (MQ=path to the binary).
"""
import json
import os
import random
import sqlite3
import subprocess
from concurrent.futures import ThreadPoolExecutor

import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MQ = os.environ.get("MQ", os.path.join(ROOT, ".build", "debug", "mq"))
CORPUS = os.path.join(ROOT, "seeds")
sys.path.insert(0, os.path.join(ROOT, "Tests", "synthetic"))
import corpus as synthetic  # noqa: E402


def mq(query, fmt="json", corpus=CORPUS):
    r = subprocess.run([MQ, "--corpus", corpus, "--format", fmt, "-c", query], capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise AssertionError(f"mq failed on {query!r}: {r.stderr}")
    return json.loads(r.stdout) if fmt == "json" else r.stdout


# name: (mq source, [(column, mq expression, sql expression, kind)], sql table)
SOURCES = {
    "mentions": ("mentions", "m", [
        ("doc", "doc.id", "doc", "str"), ("entity", "entity.id", "entity", "str"), ("sentence", "sentence", "sentence", "int"),
        ("start", "start", "start", "int"), ("end", "end", '"end"', "int"), ("zone", "zone", "zone", "str"),
        ("own", "own", "own", "bool"), ("ambiguous", "ambiguous", "ambiguous", "bool"), ("surface", "surface", "surface", "str"),
        ("outlet", "doc.outlet", "(SELECT outlet FROM d WHERE d.id = m.doc)", "str"),
        ("etype", "entity.type", "(SELECT type FROM e WHERE e.id = m.entity)", "str"),
    ]),
    "docs": ("docs", "d", [
        ("id", "id", "id", "str"), ("outlet", "outlet", "outlet", "str"), ("length", "length", "length", "int"),
        ("sentences", "sentences", "sentences", "int"), ("annotated", "annotated", "annotated", "bool"),
    ]),
    "entities": ("entities", "e", [
        ("id", "id", "id", "str"), ("type", "type", "type", "str"), ("country", "country.id", "country", "str"),
        ("mention_count", "mention_count", "mention_count", "int"),
    ]),
    "facts": ("facts", "f", [
        ("id", "id", "id", "str"), ("subject", "subject.id", "subject", "str"), ("predicate", "predicate", "predicate", "str"),
        ("doc", "doc.id", "doc", "str"), ("source", "source", "source", "str"),
    ]),
}


@pytest.fixture(scope="module", params=["seeds", "synthetic"])
def corpus(request):
    return CORPUS if request.param == "seeds" else synthetic.shared()


@pytest.fixture(scope="module")
def db(corpus):
    return load(corpus)


def load(corpus):
    """The rows of `corpus` in SQLite tables, as mq exports them (references as ids)."""
    con = sqlite3.connect(":memory:", check_same_thread=False)
    for name, (src, table, cols) in SOURCES.items():
        base = [c for c in cols if not c[2].startswith("(")]
        rows = mq(f"{src} | select " + ", ".join(f"{c[0]} = {c[1]}" for c in base), corpus=corpus)
        con.execute(f"CREATE TABLE {table} (" + ", ".join(f'"{c[0]}"' for c in base) + ")")
        con.executemany(f"INSERT INTO {table} VALUES (" + ", ".join("?" for _ in base) + ")",
                        [tuple(int(r[c[0]]) if c[3] == "bool" else r[c[0]] for c in base) for r in rows])
    # The list fields `expand` reads, one row per item, from the lists as mq prints them whole.
    con.execute("CREATE TABLE names (id, name)")
    con.executemany("INSERT INTO names VALUES (?, ?)",
                    [(r["id"], n) for r in mq("entities | select id, names", corpus=corpus) for n in r["names"]])
    con.execute("CREATE TABLE de (doc, entity)")
    con.executemany("INSERT INTO de VALUES (?, ?)",
                    [(r["id"], e) for r in mq("docs | select id, entities", corpus=corpus) for e in r["entities"]])
    return con


def lit(v):
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False), "'" + v.replace("'", "''") + "'"
    return str(v), str(v)


def values(con, table, sql_expr):
    alias = table
    rows = con.execute(f"SELECT DISTINCT {sql_expr} FROM {table} AS {alias} ORDER BY 1 LIMIT 200").fetchall()
    return [r[0] for r in rows if r[0] is not None]


def condition(rng, con, table, cols):
    name, mqx, sqlx, kind = rng.choice(cols)
    if kind == "bool":
        return (mqx, f"{sqlx} = 1") if rng.random() < 0.5 else (f"not {mqx}", f"{sqlx} = 0")
    vals = values(con, table, sqlx)
    if not vals:
        return None
    v = rng.choice(vals)
    a, b = lit(v)
    ops = ["==", "!="] + (["<", ">=", ">"] if kind == "int" else [])
    op = rng.choice(ops)
    sqlop = {"==": "IS", "!=": "IS NOT"}.get(op, op)
    return f"{mqx} {op} {a}", f"{sqlx} {sqlop} {b}"


def generate(rng, con):
    """One pipeline: (mq text, sql text, whether the rows are ordered)."""
    name = rng.choice(list(SOURCES))
    src, table, cols = SOURCES[name]
    where_mq, where_sql = [], []
    for _ in range(rng.randint(0, 2)):
        c = condition(rng, con, table, cols)
        if c:
            where_mq.append(c[0]); where_sql.append(c[1])
    mq_text = src + "".join(f" | where {w}" for w in where_mq)
    sql_where = (" WHERE " + " AND ".join(f"({w})" for w in where_sql)) if where_sql else ""
    frm = f"FROM {table} AS {table}{sql_where}"
    shape = rng.choice(["summarize", "summarize", "summarize", "select", "distinct", "top", "count", "join", "union", "arith",
                        "expand", "union-refs"])
    if shape in ("summarize", "arith"):
        keys = rng.sample(cols, rng.randint(1, min(3, len(cols))))
        ints = [c for c in cols if c[3] == "int"]
        aggs = [("n", "count()", "count(*)")]
        if ints:
            c = rng.choice(ints)
            f = rng.choice(["sum", "min", "max"])
            aggs.append(("x", f"{f}({c[1]})", f"{f}({c[2]})"))
        if shape == "arith" and name == "mentions":
            aggs.append(("w", "sum(end - start)", 'sum("end" - start)'))
        d = rng.choice(cols)
        aggs.append(("k", f"dcount({d[1]})", f"count(DISTINCT {d[2]})"))
        kq = ", ".join(f"g{i} = {k[1]}" for i, k in enumerate(keys))
        aq = ", ".join(f"{a} = {e}" for a, e, _ in aggs)
        ks = ", ".join(k[2] for k in keys)
        q = f"{mq_text} | summarize {aq} by {kq}"
        s = f"SELECT {ks}, " + ", ".join(e for _, _, e in aggs) + f" {frm} GROUP BY {ks}"
        if rng.random() < 0.4:
            q += " | where n > 1"
            s = f"SELECT * FROM ({s}) AS t WHERE t.\"count(*)\" > 1"
        return q, s, False
    if shape in ("select", "distinct"):
        pick = rng.sample(cols, rng.randint(1, min(3, len(cols))))
        q = f"{mq_text} | {'select' if shape == 'select' else 'distinct'} " + ", ".join(f"c{i} = {c[1]}" for i, c in enumerate(pick))
        s = f"SELECT {'DISTINCT ' if shape == 'distinct' else ''}" + ", ".join(c[2] for c in pick) + f" {frm}"
        return q, s, False
    if shape == "top":
        ints = [c for c in cols if c[3] == "int"] or [cols[0]]
        k = rng.choice(ints)
        key = cols[0]  # an id or the mention's document: then start makes rows unique
        tie = [c for c in cols if c[0] in ("start", "id")][:1] or [key]
        n = rng.randint(1, 20)
        desc = rng.random() < 0.5
        # `top` sorts descending where no direction is written: every key says its direction.
        order_mq = f"{k[1]} {'desc' if desc else 'asc'}, {key[1]} asc, {tie[0][1]} asc"
        order_sql = f"{k[2]} {'DESC' if desc else 'ASC'} NULLS LAST, {key[2]} NULLS LAST, {tie[0][2]} NULLS LAST"
        form = rng.choice(["sort", "top"])
        stage = f"sort by {order_mq} | take {n}" if form == "sort" else f"top {n} by {order_mq}"
        q = f"{mq_text} | {stage} | select a = {k[1]}, b = {key[1]}, c = {tie[0][1]}"
        s = f"SELECT {k[2]}, {key[2]}, {tie[0][2]} {frm} ORDER BY {order_sql} LIMIT {n}"
        return q, s, True
    if shape == "count":
        return f"{mq_text} | count", f"SELECT count(*) {frm}", False
    if shape == "join" and name in ("mentions", "facts"):
        kind = rng.choice(["inner", "left", "semi", "anti"])
        dc = condition(rng, con, "d", SOURCES["docs"][2])
        right_mq = "docs" + (f" | where {dc[0]}" if dc else "")
        right_sql = "SELECT * FROM d AS d" + (f" WHERE {dc[1]}" if dc else "")
        left_key = "doc.id"
        q = f"{mq_text} | join kind={kind} ({right_mq}) on {left_key} == id"
        if kind in ("inner", "left"):
            q += " | summarize n = count() by o = outlet"
            how = "JOIN" if kind == "inner" else "LEFT JOIN"
            # the left side filtered first: its conditions' names are then not ambiguous with the right's
            s = (f"SELECT r.outlet, count(*) FROM (SELECT * {frm}) AS {table} {how} ({right_sql}) AS r ON r.id = {table}.doc"
                 f" GROUP BY r.outlet")
        else:
            q += " | count"
            exists = "EXISTS" if kind == "semi" else "NOT EXISTS"
            cond = f"{exists} (SELECT 1 FROM ({right_sql}) AS r WHERE r.id = {table}.doc)"
            s = f"SELECT count(*) FROM {table} AS {table} WHERE {cond}" + (" AND " + " AND ".join(f"({w})" for w in where_sql) if where_sql else "")
        return q, s, False
    if shape == "expand" and name in ("entities", "docs"):
        if name == "entities":
            q = f"{mq_text} | expand n = names"
            inner = f"SELECT t.id AS id, x.name AS n FROM (SELECT * {frm}) AS t JOIN names AS x ON x.id = t.id"
            if rng.random() < 0.5:
                return q + " | summarize c = count() by n", f"SELECT n, count(*) FROM ({inner}) GROUP BY n", False
            return q + " | select id, n", f"SELECT id, n FROM ({inner})", False
        q = f"{mq_text} | expand e = entities"
        inner = f"SELECT t.id AS id, x.entity AS e FROM (SELECT * {frm}) AS t JOIN de AS x ON x.doc = t.id"
        form = rng.choice(["type", "pairs", "count"])
        if form == "type":
            return (q + " | summarize c = count() by t = e.type",
                    f"SELECT (SELECT type FROM e WHERE e.id = i.e), count(*) FROM ({inner}) AS i GROUP BY 1", False)
        if form == "pairs":
            return q + " | select id, e = e.id", f"SELECT id, e FROM ({inner})", False
        return q + " | count", f"SELECT count(*) FROM ({inner})", False
    if shape == "union-refs":
        # the same source filtered twice, as references
        c = condition(rng, con, table, cols)
        other_mq = src + (f" | where {c[0]}" if c else "")
        other_sql = f"SELECT * FROM {table} AS {table}" + (f" WHERE {c[1]}" if c else "")
        k = rng.choice(cols)
        q = f"{mq_text} | union ({other_mq}) | summarize n = count() by g = {k[1]}"
        kx = k[2].replace(f"{table}.", "u.") if not k[2].startswith("(") else k[2].replace(f"= {table}.", "= u.")
        s = (f"SELECT {kx}, count(*) FROM (SELECT * {frm} UNION ALL {other_sql}) AS u GROUP BY 1")
        return q, s, False
    # union of two sources' id-like columns
    other = rng.choice(list(SOURCES))
    osrc, otable, ocols = SOURCES[other]
    c1, c2 = cols[0], ocols[0]
    q = f"{mq_text} | select x = {c1[1]} | union ({osrc} | select x = {c2[1]}) | summarize n = count() by x"
    s = f"SELECT x, count(*) FROM (SELECT {c1[2]} AS x {frm} UNION ALL SELECT {c2[2]} AS x FROM {otable} AS {otable}) GROUP BY x"
    return q, s, False


def normalise(rows):
    out = []
    for r in rows:
        out.append(tuple(round(v, 9) if isinstance(v, float) else (int(v) if isinstance(v, bool) else v) for v in r))
    return out


def key(row):
    return tuple((v is None, str(type(v)), v if v is not None else 0) for v in row)


CASES = 300


def test_generated_pipelines_agree_with_sqlite(db, corpus):
    rng = random.Random(20261207)
    cases = [generate(rng, db) for _ in range(CASES)]

    def run(case):
        q, s, ordered = case
        got = mq(q, corpus=corpus)
        return q, s, ordered, [tuple(r.values()) for r in got]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, cases))
    failures = []
    for q, s, ordered, got in results:
        want = db.execute(s).fetchall()
        g, w = normalise(got), normalise(want)
        if not ordered:
            g, w = sorted(g, key=key), sorted(w, key=key)
        if g != w:
            failures.append(f"{q}\n  sql: {s}\n  mq:  {g[:5]}\n  sql: {w[:5]}")
    assert not failures, f"{len(failures)} of {CASES} differ:\n" + "\n".join(failures[:10])


# Joins on every key type the columnar executor hashes or indexes, with null keys on either side:
# (left source, left key in mq, its column in sql, right source, right key in mq, its column in sql,
#  a left column to group by (mq, sql), a right column to group by (mq name after the join, sql)).
JOINS = [
    ("mentions", "entity", "entity", "entities", "id", "id", ("zone", "zone"), ("type", "type")),      # reference = id
    ("mentions", "doc", "doc", "docs", "id", "id", ("zone", "zone"), ("outlet", "outlet")),             # reference = id
    ("mentions", "entity.id", "entity", "entities", "id", "id", ("zone", "zone"), ("type", "type")),   # string = string
    ("mentions", "sentence", "sentence", "docs", "sentences", "sentences", ("zone", "zone"), ("outlet", "outlet")),  # integers
    ("mentions", "own", "own", "docs", "annotated", "annotated", ("zone", "zone"), ("outlet", "outlet")),  # booleans
    ("facts", "subject", "subject", "entities", "id", "id", ("predicate", "predicate"), ("type", "type")),
    ("facts", "subject", "subject", "entities", "country", "country", ("predicate", "predicate"), ("type", "type")),  # null right keys
    ("entities", "country", "country", "entities", "id", "id", ("type", "type"), ("type1", "type")),  # null left keys
    ("docs", "id", "id", "facts", "doc", "doc", ("outlet", "outlet"), ("predicate", "predicate")),     # string = reference
    ("entities", "id", "id", "facts", "subject", "subject", ("type", "type"), ("predicate", "predicate")),
    ("docs", "outlet", "outlet", "entities", "id", "id", ("outlet", "outlet"), ("type", "type")),      # string, null left keys
]


def generate_join(rng, con):
    left, lk_mq, lk_sql, right, rk_mq, rk_sql, lg, rg = rng.choice(JOINS)
    lsrc, ltable, lcols = SOURCES[left]
    rsrc, rtable, rcols = SOURCES[right]
    where_mq, where_sql = [], []
    if rng.random() < 0.5:
        c = condition(rng, con, ltable, lcols)
        if c:
            where_mq.append(c[0]); where_sql.append(c[1])
    rc = condition(rng, con, rtable, rcols) if rng.random() < 0.5 else None
    right_mq = rsrc + (f" | where {rc[0]}" if rc else "")
    right_sql = f"SELECT * FROM {rtable} AS {rtable}" + (f" WHERE {rc[1]}" if rc else "")
    lq = lsrc + "".join(f" | where {w}" for w in where_mq)
    lfrom = f"(SELECT * FROM {ltable} AS {ltable}" + ((" WHERE " + " AND ".join(f"({w})" for w in where_sql)) if where_sql else "") + ")"
    kind = rng.choice(["inner", "inner", "left", "semi", "anti"])
    q = f"{lq} | join kind={kind} ({right_mq}) on {lk_mq} == {rk_mq}"
    on = f"r.{rk_sql} = l.{lk_sql}"
    if kind in ("semi", "anti"):
        exists = "EXISTS" if kind == "semi" else "NOT EXISTS"
        return (q + " | count", f"SELECT count(*) FROM {lfrom} AS l WHERE {exists} (SELECT 1 FROM ({right_sql}) AS r WHERE {on})", False)
    how = "JOIN" if kind == "inner" else "LEFT JOIN"
    frm = f"FROM {lfrom} AS l {how} ({right_sql}) AS r ON {on}"
    form = rng.choice(["right", "left", "both", "count"])
    if form == "right":
        return q + f" | summarize n = count() by g = {rg[0]}", f"SELECT r.{rg[1]}, count(*) {frm} GROUP BY 1", False
    if form == "left":
        return q + f" | summarize n = count() by g = {lg[0]}", f"SELECT l.{lg[1]}, count(*) {frm} GROUP BY 1", False
    if form == "both":
        return (q + f" | summarize n = count() by a = {lg[0]}, b = {rg[0]}",
                f"SELECT l.{lg[1]}, r.{rg[1]}, count(*) {frm} GROUP BY 1, 2", False)
    return q + " | count", f"SELECT count(*) {frm}", False


JOIN_CASES = 150


def test_generated_joins_agree_with_sqlite(db, corpus):
    rng = random.Random(20261208)
    cases = [generate_join(rng, db) for _ in range(JOIN_CASES)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda c: [tuple(r.values()) for r in mq(c[0], corpus=corpus)], cases))
    failures = []
    for (q, s, _), rows in zip(cases, got):
        g, w = sorted(normalise(rows), key=key), sorted(normalise(db.execute(s).fetchall()), key=key)
        if g != w:
            failures.append(f"{q}\n  sql: {s}\n  mq:  {g[:5]}\n  sql: {w[:5]}")
    assert not failures, f"{len(failures)} of {JOIN_CASES} differ:\n" + "\n".join(failures[:10])
# String columns of few values (the executor tables a condition on one of them by code, and counts a
# filtered whole source from the rows counted by value).
DICTIONARY_COLUMNS = [("mentions", "zone"), ("mentions", "outlet"), ("mentions", "etype"), ("docs", "outlet"),
                      ("entities", "type"), ("facts", "predicate"), ("facts", "source")]


def dictionary_condition(rng, con, table, col):
    """A condition of one to three comparisons of one string column, with and, or and not."""
    _, mqx, sqlx, _ = col
    vals = values(con, table, sqlx) + ["no such value"]
    parts = []
    for _ in range(rng.randint(1, 3)):
        a, b = lit(rng.choice(vals))
        op = rng.choice(["==", "!=", "==", "!=", "<", ">="] if all(ord(ch) < 128 for ch in a) else ["==", "!="])
        if op in ("==", "!="):
            m, s = f"{mqx} {op} {a}", f"{sqlx} {'IS' if op == '==' else 'IS NOT'} {b}"
            if rng.random() < 0.25:
                m, s = f"not ({m})", f"NOT ({s})"
        else:
            m, s = f"{mqx} {op} {a}", f"{sqlx} {op} {b}"
        parts.append((m, s))
    m, s = parts[0]
    for pm, ps in parts[1:]:
        j = rng.choice(["and", "or"])
        m, s = f"({m} {j} {pm})", f"(({s}) {j.upper()} ({ps}))"
    return m, s


def test_string_filters_on_few_values_agree_with_sqlite(db, corpus):
    rng = random.Random(7)
    cases = []
    for _ in range(80):
        source, name = rng.choice(DICTIONARY_COLUMNS)
        src, table, cols = SOURCES[source]
        col = next(c for c in cols if c[0] == name)
        m, s = dictionary_condition(rng, db, table, col)
        if rng.random() < 0.7:
            cases.append((f"{src} | where {m} | count", f"SELECT count(*) FROM {table} AS {table} WHERE {s}"))
        else:
            k = rng.choice(cols)
            cases.append((f"{src} | where {m} | summarize n = count() by g = {k[1]}",
                          f"SELECT {k[2]}, count(*) FROM {table} AS {table} WHERE {s} GROUP BY 1"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda c: [tuple(r.values()) for r in mq(c[0], corpus=corpus)], cases))
    failures = []
    for (q, s), got in zip(cases, results):
        g, w = sorted(normalise(got), key=key), sorted(normalise(db.execute(s).fetchall()), key=key)
        if g != w:
            failures.append(f"{q}\n  sql: {s}\n  mq:  {g[:5]}\n  sql: {w[:5]}")
    assert not failures, f"{len(failures)} of {len(cases)} differ:\n" + "\n".join(failures[:10])


# Group-bys led by the mention's document, which the columnar executor groups run by run (mentions are
# stored by document): compared in order, since mq numbers groups as their first rows come (SQLite: the
# first rowid of each group; the table holds the mentions in mq's order).
RUN_GROUPS = [
    ("", "d = doc.id, e = entity.id", "doc, entity"),
    (' | where zone != "body"', "d = doc.id, e = entity.id, z = zone", "doc, entity, zone"),
    (" | where own", "d = doc.id, o = ambiguous", "doc, ambiguous"),
    (" | where sentence > 2", "d = doc.id, z = zone, e = entity.id", "doc, zone, entity"),
    (' | where entity.id != "kataib-hezbollah"', "d = doc.id, e = entity.id", "doc, entity"),
]


def test_groups_led_by_document_agree_with_sqlite(db, corpus):
    failures = []
    for where_mq, by, cols in RUN_GROUPS:
        cond = where_mq.replace(" | where ", " WHERE ").replace("!=", "IS NOT").replace('"', "'")
        cond = cond.replace("entity.id", "entity").replace("WHERE own", "WHERE own = 1")
        q = f"mentions{where_mq} | summarize n = count(), lo = min(start), k = dcount(sentence) by {by} | where n > 1"
        s = (f"SELECT {cols}, count(*), min(start), count(DISTINCT sentence) FROM m{cond} GROUP BY {cols} "
             f"HAVING count(*) > 1 ORDER BY min(rowid)")
        got = normalise([tuple(r.values()) for r in mq(q, corpus=corpus)])
        want = normalise(db.execute(s).fetchall())
        assert want, f"no groups for {q!r}: the case tests nothing"
        if got != want:
            failures.append(f"{q}\n  sql: {s}\n  mq:  {got[:5]}\n  sql: {want[:5]}")
    assert not failures, "\n".join(failures)
