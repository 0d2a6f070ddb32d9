#!/usr/bin/env python3
"""Run the benchmark queries on mq, DuckDB and SQLite over the same data, side by side.

Usage: compare.py MQ_BINARY CORPUS_DIR GENERATED_DIR [--runs N] [--rounds R] [--max-steps N] [--no-sqlite]

The databases load the same data mq holds: the mentions mq derived (exported with `mq corpus mentions`,
which agree with the generator's truth file at 99.9+% recall and precision, see score.py), the catalog,
the manifest and the facts. Every query is timed in-process and the three answers are compared. The
engines take turns, query by query, in R rounds (mq N runs, then DuckDB N runs after a warm-up, then
SQLite): a slow spell of a shared machine falls on all three rather than on one, and each median is
over the R x N runs of its engine.

mq stops a query after 200,000,000 evaluation steps by default. The regular expression's scan counts a step
per character of every text, so at 100,000 documents (370 MB of text) it needs more: that query asks mq
for two steps per byte of text (or the default, if more), and the step limit is printed with the table.
--max-steps N gives every query that limit instead. --no-sqlite leaves SQLite out (its group-bys take 1.4 to 7 s
each at 10,000 documents and grow tenfold at 100,000; the target is the ratio to DuckDB).
"""
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time

import duckdb


def all_times(fn, runs):
    """Milliseconds of each of `runs` runs, after one warm-up run, and the last run's result."""
    result = fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times, result


def load(db, corpus, gen, mentions_tsv, is_duck):
    cur = db.cursor()
    cur.execute('CREATE TABLE mentions(doc TEXT, entity TEXT, sentence INTEGER, zone TEXT, start INTEGER, "end" INTEGER)')
    cur.execute("CREATE TABLE entities(id TEXT, type TEXT, name TEXT)")
    cur.execute("CREATE TABLE names(id TEXT, name TEXT)")
    cur.execute("CREATE TABLE docs(id TEXT, title TEXT, outlet TEXT, published TEXT, text TEXT)")
    cur.execute("CREATE TABLE facts(subject TEXT, predicate TEXT, object TEXT, year TEXT, doc TEXT)")
    rows = []
    with open(mentions_tsv, encoding="utf-8") as f:
        next(f)
        for line in f:
            # doc, entity, sentence, start, end, zone, surface, and (since uncertain mentions) uncertain
            d, e, s, st, en, z = line.rstrip("\n").split("\t")[:6]
            rows.append((d, e, int(s), z, int(st), int(en)))
    types = {"militia": "armed_group", "person": "person", "organization": "organization", "country": "country",
             "place": "place", "agency": "state_body"}
    ents = {}
    names = set()
    with open(os.path.join(gen, "catalog.tsv"), encoding="utf-8") as f:
        for line in f:
            i, t, n, a = line.rstrip("\n").split("\t")
            ents[i] = (i, types[t], n)
            names.update([(i, n), (i, a)])
    docs = []
    with open(os.path.join(gen, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            d, title, outlet, pub = line.rstrip("\n").split("\t")
            with open(os.path.join(gen, "documents", d + ".txt"), encoding="utf-8") as t:
                docs.append((d, title, outlet, pub, t.read()))
    facts = []
    with open(os.path.join(gen, "facts.tsv"), encoding="utf-8") as f:
        for line in f:
            facts.append(tuple(line.rstrip("\n").split("\t")))
    if is_duck:
        # DuckDB's executemany is slow; bulk-load through files it reads natively.
        cur.execute("DROP TABLE mentions")
        cur.execute("CREATE TABLE mentions AS SELECT doc, entity, sentence, zone, start, \"end\" FROM read_csv(?, delim='\t', header=true, "
                    "quote='', escape='', columns={'doc': 'VARCHAR', 'entity': 'VARCHAR', 'sentence': 'INTEGER', "
                    "'start': 'INTEGER', 'end': 'INTEGER', 'zone': 'VARCHAR', 'surface': 'VARCHAR', 'uncertain': 'VARCHAR'})", [mentions_tsv])
        docs_jsonl = mentions_tsv.replace("-mentions.tsv", "-docs.jsonl")
        with open(docs_jsonl, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(dict(zip(["id", "title", "outlet", "published", "text"], d))) + "\n")
        cur.execute("DROP TABLE docs")
        cur.execute("CREATE TABLE docs AS SELECT id, title, outlet, published, text FROM read_json(?, format='newline_delimited', "
                    "columns={'id': 'VARCHAR', 'title': 'VARCHAR', 'outlet': 'VARCHAR', 'published': 'VARCHAR', 'text': 'VARCHAR'})",
                    [docs_jsonl])
    else:
        cur.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)", rows)
        cur.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", docs)
    cur.executemany("INSERT INTO entities VALUES (?, ?, ?)", list(ents.values()))
    cur.executemany("INSERT INTO names VALUES (?, ?)", sorted(names))
    cur.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?)", facts)
    if not is_duck:
        for sql in ("CREATE INDEX m_entity ON mentions(entity, doc)", "CREATE INDEX m_doc ON mentions(doc, entity)",
                    "CREATE INDEX e_type ON entities(type)", "CREATE INDEX f_subject ON facts(subject)",
                    "CREATE INDEX f_object ON facts(object)", "CREATE INDEX d_id ON docs(id)", "ANALYZE"):
            cur.execute(sql)
    db.commit()


def main():
    mq, corpus, gen = sys.argv[1:4]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")
    os.makedirs(out_dir, exist_ok=True)
    mentions_tsv = os.path.join(out_dir, os.path.basename(corpus.rstrip("/")) + "-mentions.tsv")
    with open(mentions_tsv, "w") as f:
        subprocess.run([mq, "corpus", "mentions", corpus], stdout=f, check=True)

    duck = duckdb.connect()
    lite = sqlite3.connect(":memory:")
    # The word search as DuckDB writes it, for SQLite.
    lite.create_function("regexp_matches", 2, lambda text, pattern: 1 if re.search(pattern, text) else 0, deterministic=True)
    t0 = time.perf_counter()
    load(duck, corpus, gen, mentions_tsv, True)
    print(f"DuckDB loaded in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    with_sqlite = "--no-sqlite" not in sys.argv
    if with_sqlite:
        t0 = time.perf_counter()
        load(lite, corpus, gen, mentions_tsv, False)
        print(f"SQLite loaded (with indexes) in {time.perf_counter() - t0:.1f} s", file=sys.stderr)

    top = duck.execute("SELECT entity, count(*) n FROM mentions GROUP BY entity ORDER BY n DESC, entity LIMIT 5").fetchall()
    a, b = top[0][0], top[4][0]
    kinds = dict(duck.execute("SELECT id, type FROM entities").fetchall())
    etype = kinds[top[2][0]]

    queries = [
        ("top 10 entities by mentions",
         "mentions | summarize n = count() by e = entity.id | sort by n desc, e | take 10",
         "SELECT entity, count(*) n FROM mentions GROUP BY entity ORDER BY n DESC, entity LIMIT 10", "ordered"),
        ("documents that mention two given entities",
         f'ent("{a}").docs | where ent("{b}") in entities | select id',
         f"SELECT doc FROM mentions WHERE entity = '{a}' INTERSECT SELECT doc FROM mentions WHERE entity = '{b}' ORDER BY 1",
         "set"),
        ("top 20 entity pairs by shared documents",
         # cooccur ranks pairs by count, then in catalog order (the ids' order here), as ORDER BY n DESC, a, b.
         "mentions | cooccur by document | take 20 | select a = a.id, b = b.id, n = count",
         "WITH de AS (SELECT DISTINCT doc, entity FROM mentions) SELECT x.entity, y.entity, count(*) n FROM de x "
         "JOIN de y ON x.doc = y.doc AND x.entity < y.entity GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 20", "ordered"),
        (f"type filter ({etype}) joined with mention counts",
         f'entities | where type == "{etype}" | select id, n = mention_count | sort by n desc, id | take 20',
         f"SELECT e.id, count(m.entity) n FROM entities e LEFT JOIN mentions m ON m.entity = e.id "
         f"WHERE e.type = '{etype}' GROUP BY e.id ORDER BY n DESC, e.id LIMIT 20", "ordered"),
        ("keyword in context of a common word, 20 rows",
         'docs | kwic "militia" width 30 | take 20 | select doc = doc.id',
         "WITH RECURSIVE h(id, t, pos) AS (SELECT id, lower(text), instr(lower(text), 'militia') FROM "
         "(SELECT id, text FROM docs WHERE instr(lower(text), 'militia') > 0 ORDER BY id LIMIT 20) "
         "UNION ALL SELECT id, t, pos + instr(substr(t, pos + 1), 'militia') FROM h WHERE instr(substr(t, pos + 1), 'militia') > 0) "
         "SELECT id FROM h ORDER BY id, pos LIMIT 20", "ordered"),
        # A regular expression over the whole text of every document: the regex engine's scan is counted
        # one step a character, so it answers within the default limits. SQLite has no REGEXP of its own:
        # Python's re stands in for it (registered below).
        ("regex over every document's text",
         'docs | where text matches r"(?i)\\bdrones?\\b" | count',
         ("SELECT count(*) FROM docs WHERE regexp_matches(text, '(?i)\\bdrones?\\b')",
          "SELECT count(*) FROM docs WHERE text REGEXP '(?i)\\bdrones?\\b'"),
         "set", {"steps_per_text_byte": 2}),
        ("timeline of the most-mentioned entity",
         f'entities | where id == "{a}" | timeline | select date, kind, doc = doc.id',
         f"SELECT year, 'fact', doc FROM facts WHERE subject = '{a}' OR object = '{a}' UNION ALL "
         f"SELECT published, 'document', id FROM docs WHERE id IN (SELECT doc FROM mentions WHERE entity = '{a}') ORDER BY 1, 2, 3",
         "set"),
        # General analytic queries that no index answers: group-bys on navigated fields and on one to three
        # keys, joins with entities, documents and facts, string filters, dcount, distinct, a full sort,
        # expand, union, arithmetic aggregates, a word search over every text.
        ("mentions by outlet (navigated key), top 5",
         "mentions | summarize n = count() by o = doc.outlet | sort by n desc, o | take 5",
         "SELECT d.outlet, count(*) n FROM mentions m JOIN docs d ON d.id = m.doc GROUP BY 1 ORDER BY n DESC, 1 LIMIT 5", "ordered"),
        ("(document, entity) pairs mentioned more than 5 times",
         "mentions | summarize n = count() by d = doc.id, e = entity.id | where n > 5 | count",
         "SELECT count(*) FROM (SELECT doc, entity, count(*) n FROM mentions GROUP BY 1, 2) WHERE n > 5", "set"),
        ("mentions joined with entities, by type",
         "mentions | join (entities) on entity == id | summarize n = count() by type",
         "SELECT e.type, count(*) FROM mentions m JOIN entities e ON e.id = m.entity GROUP BY 1", "set"),
        ("mentions by zone",
         "mentions | summarize n = count() by zone",
         "SELECT zone, count(*) FROM mentions GROUP BY 1", "set"),
        ("body mentions, top 10 entities",
         'mentions | where zone == "body" | summarize n = count() by e = entity.id | sort by n desc, e | take 10',
         "SELECT entity, count(*) n FROM mentions WHERE zone = 'body' GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10", "ordered"),
        ("mentions and distinct documents by entity type (two hops)",
         "mentions | summarize n = count(), d = dcount(doc) by t = entity.type",
         "SELECT e.type, count(*), count(DISTINCT m.doc) FROM mentions m LEFT JOIN entities e ON e.id = m.entity GROUP BY 1", "set"),
        ("groups of three keys",
         "mentions | summarize n = count() by d = doc.id, z = zone, t = entity.type | count",
         "SELECT count(*) FROM (SELECT m.doc, m.zone, e.type FROM mentions m LEFT JOIN entities e ON e.id = m.entity GROUP BY 1, 2, 3)", "set"),
        ("arithmetic aggregates by zone",
         "mentions | summarize s = sum(end - start), mx = max(end - start) by zone",
         'SELECT zone, sum("end" - start), max("end" - start) FROM mentions GROUP BY 1', "set"),
        ("distinct entities mentioned",
         "mentions | distinct entity | count",
         "SELECT count(DISTINCT entity) FROM mentions", "set"),
        ("string filter on two zones, count",
         'mentions | where zone != "body" and zone != "headline" | count',
         "SELECT count(*) FROM mentions WHERE zone <> 'body' AND zone <> 'headline'", "set"),
        ("mentions joined with documents, by outlet",
         "mentions | join (docs) on doc == id | summarize n = count() by outlet",
         "SELECT d.outlet, count(*) FROM mentions m JOIN docs d ON d.id = m.doc GROUP BY 1", "set"),
        ("facts joined with entities, by type and predicate",
         "facts | join (entities) on subject == id | summarize n = count() by type, predicate",
         "SELECT e.type, f.predicate, count(*) FROM facts f JOIN entities e ON e.id = f.subject GROUP BY 1, 2", "set"),
        ("full sort of the documents by outlet and id",
         "docs | sort by outlet, id | select id",
         "SELECT id FROM docs ORDER BY outlet NULLS LAST, id", "ordered"),
        ("expand every entity's names",
         "entities | expand n = names | count",
         "SELECT count(*) FROM names", "set"),
        ("union of outlets and entity types, distinct count",
         "docs | select x = outlet | union (entities | select x = type) | distinct x | count",
         "SELECT count(*) FROM (SELECT outlet x FROM docs UNION SELECT type FROM entities)", "set"),
        ("top 10 sentences by mentions (integer key)",
         "mentions | summarize n = count() by s = sentence | sort by n desc, s | take 10",
         "SELECT sentence, count(*) n FROM mentions GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10", "ordered"),
        ("documents whose text has a word",
         'docs | where text has "border" | count',
         "SELECT count(*) FROM docs WHERE regexp_matches(text, '(?i)\\bborder\\b')", "set"),
        ("entities by type",
         "entities | summarize n = count() by type",
         "SELECT type, count(*) FROM entities GROUP BY 1", "set"),
    ]

    lite.create_function("regexp", 2, lambda p, s: s is not None and re.search(p, s) is not None, deterministic=True)

    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3

    default_steps = 200_000_000
    forced_steps = int(sys.argv[sys.argv.index("--max-steps") + 1]) if "--max-steps" in sys.argv else None
    text_bytes = duck.execute("SELECT sum(strlen(text)) FROM docs").fetchone()[0]

    def steps_for(options):
        """The step limit mq runs a query with: --max-steps, else what the query asks for at this size."""
        if forced_steps is not None:
            return forced_steps
        return max(default_steps, int(options.get("steps_per_text_byte", 0) * text_bytes))

    def mq_run(q, steps):
        """The timings and answer of `mq bench`, or None when mq stops with an error (a limit, at this size)."""
        proc = subprocess.run([mq, "bench", "--corpus", corpus, "--runs", str(runs), "--max-steps", str(steps), q],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"mq stopped on {q!r}:\n{proc.stderr.strip()}", file=sys.stderr)
            return None
        return json.loads(proc.stdout.strip().splitlines()[-1])

    timed = []  # per query: mq result, mq times, DuckDB times and rows, SQLite times and rows
    queries = [qq if len(qq) == 5 else qq + ({},) for qq in queries]
    for name, q, sql, kind, options in queries:
        mq_times, d_times, s_times = [], [], []
        res, d_rows, s_rows = None, [], []
        for _ in range(rounds):
            res = mq_run(q, steps_for(options))
            if res is None:
                break
            mq_times += res["times_ms"]
            d_sql, s_sql = sql if isinstance(sql, tuple) else (sql, sql)
            d, d_rows = all_times(lambda: duck.execute(d_sql).fetchall(), runs)
            s, s_rows = all_times(lambda: lite.execute(s_sql).fetchall(), runs) if with_sqlite else ([float("nan")], d_rows)
            d_times += d
            s_times += s
        timed.append((res, mq_times, d_times, d_rows, s_times, s_rows))

    def norm(rows, kind):
        rows = [tuple("" if v is None else str(v) for v in r) for r in rows]
        return sorted(rows) if kind == "set" else rows

    lines = ["| query | mq median ms | DuckDB median ms | SQLite median ms | mq/DuckDB | mq/SQLite | same answers |",
             "|---|---:|---:|---:|---:|---:|---|"]
    all_same = True
    for (name, _q, sql, kind, options), (res, mq_times, d_times, d_rows, s_times, s_rows) in zip(queries, timed):
        if steps_for(options) != default_steps:
            name += f" (step limit {steps_for(options):,})"
        if res is None:
            all_same = False
            lines.append(f"| {name} | error | | | | | NO |")
            continue
        m, d_ms, s_ms = (statistics.median(t) for t in (mq_times, d_times, s_times))
        m_rows = [tuple(r.values()) for r in res["result"]] if isinstance(res["result"], list) else [(res["result"],)]
        same = norm(m_rows, kind) == norm(d_rows, kind) == norm(s_rows, kind)
        all_same &= same
        if not same:
            print(f"DIFFERENT ANSWERS for {name}:\n  mq {norm(m_rows, kind)[:5]}\n  duckdb {norm(d_rows, kind)[:5]}\n"
                  f"  sqlite {norm(s_rows, kind)[:5]}", file=sys.stderr)
        lines.append(f"| {name} | {m:.1f} | {d_ms:.1f} | {s_ms:.1f} | {m / d_ms:.2f} | {m / s_ms:.2f} | {'yes' if same else 'NO'} |")
    table = "\n".join(lines)
    print(table)
    with open(os.path.join(out_dir, os.path.basename(corpus.rstrip("/")) + "-queries.md"), "w") as f:
        f.write(table + "\n")
    sys.exit(0 if all_same else 1)


if __name__ == "__main__":
    main()
