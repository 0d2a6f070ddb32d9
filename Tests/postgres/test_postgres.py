"""The PostgreSQL engine against the in-memory executor: the seeds corpus pushed to a throw-away server
(pgserver.py), then every case-file query, every query of the examples and of docs/language.md, and
generated pipelines (Tests/differential's generator) run both ways with the same answers: rows compared
as multisets unless the query orders them, floats with a tolerance. Queries the SQL compiler refuses
(E420, naming the stage) are counted, not compared; a share of them above a bound fails.

The seeds are compared on one server and on the sharded topology (conftest.py: a coordinator and two
shard servers, the large tables partitioned by document as postgres_fdw foreign tables).

Also: pushing again (unchanged, appended documents), and bad input: a wrong URL, a server that is not
there, a schema from another mq version, a push cut off by the server: clear errors, nothing half-written.
Run: python3 -m pytest -q Tests/postgres  (MQ=path to the binary).
"""
import glob
import hashlib
import json
import math
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import pytest


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MQ = os.environ.get("MQ", os.path.join(ROOT, ".build", "debug", "mq"))
SEEDS = os.path.join(ROOT, "seeds")
sys.path.insert(0, os.path.join(ROOT, "Tests", "differential"))
import test_sqlite  # noqa: E402  (the generator of pipelines)
from test_sqlite import synthetic  # noqa: E402  (Tests/synthetic/corpus.py)


def run_mq(args, corpus=SEEDS, engine=None, timeout=120):
    cmd = [MQ, "--corpus", corpus] if corpus else [MQ]
    env = dict(os.environ, MQ_ENGINE=engine or "memory")
    return subprocess.run(cmd + args, capture_output=True, text=True, timeout=timeout, env=env)


# ---------------------------------------------------------------- the queries

def case_queries():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests/QueryLangTests/Fixtures/cases/*.cases"))):
        name, lines, notes = None, [], True
        for line in open(path, encoding="utf-8").read().splitlines() + ["### end"]:
            if line.startswith("### "):
                name, lines, notes = line[4:], [], True
                continue
            if name is None:
                continue
            if line.startswith("## ") and notes:
                continue
            notes = False
            if line.startswith("--- "):
                kind = line[4:].strip()
                if kind in ("csv", "json", "table", "value") and lines:
                    out.append("\n".join(lines))
                name = None
                continue
            lines.append(line)
    return out


def doc_queries():
    """Single queries from the examples and from the ```mq blocks of docs/language.md."""
    out = []
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(ROOT, "examples", "*.mq")))]
    for block in re.findall(r"```mq\n(.*?)```", open(os.path.join(ROOT, "docs", "language.md"), encoding="utf-8").read(), re.S):
        texts.append(block)
    for t in texts:
        stmt = []
        for line in t.splitlines() + [""]:
            if stmt and re.match(r"\s+\|", line):
                stmt.append(line)
                continue
            if stmt:
                out.append("\n".join(stmt))
                stmt = []
            if re.match(r"(docs|entities|mentions|facts)\b", line):
                stmt = [line]
    return out


def generated_queries(n=300, corpus=SEEDS, seed=17):
    con = test_sqlite.load(corpus)
    rng = random.Random(seed)
    return list(dict.fromkeys(test_sqlite.generate(rng, con)[0] for _ in range(n)))


# ---------------------------------------------------------------- comparing answers

def ordered(q):
    return bool(re.search(r"\b(sort|top)\b", q))


def canon(v):
    if isinstance(v, float):
        return ("n", round(v, 6))
    if isinstance(v, bool):
        return ("b", v)
    if isinstance(v, int):
        return ("n", round(float(v), 6))
    if isinstance(v, dict):
        return ("r", tuple((k, canon(x)) for k, x in v.items()))
    if isinstance(v, list):
        return ("l", tuple(canon(x) for x in v))
    return ("s" if v is not None else "z", v if v is not None else "")


def answers(stdout):
    """The outputs of a run of one query: `--format json` prints one output as itself and several as an
    array of them; printed text that is not JSON is compared as text."""
    try:
        return [json.loads(stdout)] if stdout.strip() else []
    except json.JSONDecodeError:
        return [stdout]


def same(q, a, b):
    """Whether two lists of outputs agree: tables as multisets of rows unless the query orders them."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if isinstance(x, list) and isinstance(y, list) and all(isinstance(r, dict) for r in x + y):
            cx, cy = [canon(r) for r in x], [canon(r) for r in y]
            if not ordered(q):
                cx, cy = sorted(cx, key=repr), sorted(cy, key=repr)
            if cx != cy:
                return False
        elif canon(x) != canon(y):
            return False
    return True


SEP = "@@mq-next-query@@"


def run_many(queries, engine, tmp, corpus=SEEDS):
    """Each query's (status, stdout, stderr), from as few mq processes as possible: the queries are files
    of one `mq run`, with a file printing a separator after each; at a failure (which stops the run) the
    failing query is known (the one after the last separator), and the run resumes after it. Queries that
    define names run alone, in their own session."""
    paths = []
    for i, q in enumerate(queries):
        p = os.path.join(tmp, f"q{i}.mq")
        with open(p, "w", encoding="utf-8") as f:
            f.write(q + "\n")
        paths.append(p)
    sep = os.path.join(tmp, "sep.mq")
    with open(sep, "w") as f:
        f.write(f'print "{SEP}"\n')
    alone = [bool(re.search(r"^\s*(let|def|import)\b", q, re.M)) for q in queries]
    out = [None] * len(queries)
    i = 0
    while i < len(queries):
        if alone[i]:
            r = run_mq(["--format", "json", "run", paths[i]], corpus=corpus, engine=engine)
            out[i] = (r.returncode, answers(r.stdout), r.stderr)
            i += 1
            continue
        j = i
        while j < len(queries) and not alone[j] and j - i < 200:
            j += 1
        args = ["--format", "json", "run"]
        for k in range(i, j):
            args += [paths[k], sep]
        r = run_mq(args, corpus=corpus, engine=engine)
        text = r.stdout.strip()
        items = None
        for candidate in (text, text.rstrip(",") + "]", "[" + text + "]"):
            try:
                items = json.loads(candidate)
                break
            except json.JSONDecodeError:
                continue
        if not isinstance(items, list):
            # One output only (the run stopped in the first query): the output itself, or nothing.
            assert r.returncode != 0, f"unreadable output of mq run: {text[:300]!r} {r.stderr[:300]}"
            items = []
        groups, current = [], []
        for it in items:
            if it == SEP:
                groups.append(current)
                current = []
            else:
                current.append(it)
        done = len(groups)
        for k in range(done):
            out[i + k] = (0, groups[k], "")
        if r.returncode == 0:
            assert done == j - i, r.stderr
            i = j
        else:
            out[i + done] = (r.returncode, current, r.stderr)
            i += done + 1
    return out


def differential(url, queries, corpus=SEEDS):
    with tempfile.TemporaryDirectory() as tmp:
        with ThreadPoolExecutor(max_workers=2) as pool:
            mem, sql = pool.map(lambda e: run_mq_many(queries, e, tmp, corpus), [None, url])
    results = []
    for q, m, s in zip(queries, mem, sql):
        if m[0] != 0:
            results.append((q, "mq-error", m[2], ""))
        elif s[0] != 0:
            results.append((q, "refused" if "E420" in s[2] else "sql-error", s[2], ""))
        else:
            results.append((q, "same" if same(q, m[1], s[1]) else "differ", json.dumps(m[1])[:2000], json.dumps(s[1])[:2000]))
    return results


def run_mq_many(queries, engine, tmp, corpus=SEEDS):
    d = tempfile.mkdtemp(dir=tmp)
    return run_many(queries, engine, d, corpus)


def report(results, what, max_refused):
    tally = {}
    for r in results:
        tally[r[1]] = tally.get(r[1], 0) + 1
    bad = [r for r in results if r[1] in ("differ", "sql-error")]
    detail = "\n".join(f"--- {q}\n{k}\n{a[:600]}\n{b[:600]}" for q, k, a, b in bad[:8])
    assert not bad, f"{what}: {tally}\n{detail}"
    ran = tally.get("same", 0) + tally.get("refused", 0)
    assert tally.get("refused", 0) <= max_refused * max(ran, 1), f"{what}: too many refused: {tally}"
    print(f"{what}: {tally}")
    return tally


def test_case_file_and_docs_queries_agree(layout_url):
    queries = list(dict.fromkeys(case_queries() + doc_queries()))
    report(differential(layout_url, queries), "case files and docs", max_refused=0.5)


def test_generated_pipelines_agree(layout_url):
    report(differential(layout_url, generated_queries()), "generated pipelines", max_refused=0.05)


# Every kind of source and stage over the synthetic corpus (Tests/synthetic/corpus.py): null outlets and
# dates, dates of every precision, CR LF texts, zones, an ambiguous name, facts of every value kind.
SYNTHETIC_QUERIES = [
    "docs | summarize n = count(), first = min(published), last = max(published) by outlet",
    "docs | where published >= @2020 | summarize n = count() by y = year(published) | sort by y",
    "docs | where outlet == null | count",
    "docs | sort by published desc, id | take 15 | select id, published, outlet",
    "docs | top 10 by sentences | select id, sentences, length",
    "docs | where text has \"drone\" | summarize n = count() by outlet",
    "docs | where text has \"café\" or text has \"الحشد\" | count",
    "docs | expand a = authors | summarize n = count() by a",
    "docs | expand e = entities | summarize n = count() by t = e.type",
    "mentions | summarize n = count() by z = zone, t = entity.type",
    "mentions | where own | summarize n = count(), docs = dcount(doc) by e = entity.id | top 10 by n",
    "mentions | where ambiguous | select d = doc.id, e = entity.id, surface, start",
    "mentions | summarize n = count() by o = doc.outlet, y = year(doc.published) | where n > 20",
    "mentions | join (entities) on entity == id | summarize n = count() by type, c = entity.country.id",
    "mentions | cooccur by sentence | take 20",
    "mentions | cooccur by document | where count > 3",
    "mentions | where entity.type == \"person\" | cooccur by document all | take 25",
    "mentions | kwic ent(\"armed-group-06\") width 30 | take 12",
    "docs | kwic ent(\"country-a\") | take 8",
    "entities | expand n = names | summarize k = count() by type",
    "entities | where mention_count > 100 | select id, type, mention_count, country",
    "entities | where type == \"armed_group\" | timeline | take 30",
    "facts | summarize n = count() by predicate, source",
    "facts | where predicate == \"leads\" | select id, subject, object, from, until",
    "facts | where predicate == \"strength\" | summarize n = count() by unit, object",
    "facts | join (docs) on doc == id | summarize n = count() by outlet",
    "facts | summarize first = min(date), last = max(date) by predicate",
    "docs | where id in [\"s001\", \"s017\", \"s333\"] | select id, title, len(title)",
    "docs | select id, outlet | union (facts | select id, outlet = source) | summarize n = count() by outlet",
    "docs | extend k = length / 100, r = sentences * 2 + 1 | summarize a = avg(k), s = sum(r) by outlet",
    "mentions | distinct e = entity.id, z = zone",
]


def test_every_stage_agrees_on_the_synthetic_corpus(synthetic_layout):
    corpus = conftest_synthetic()
    report(differential(synthetic_layout, SYNTHETIC_QUERIES, corpus), "synthetic corpus: stages", max_refused=0.1)


def test_generated_pipelines_agree_on_the_synthetic_corpus(synthetic_layout):
    corpus = conftest_synthetic()
    queries = generated_queries(300, corpus, seed=23)
    report(differential(synthetic_layout, queries, corpus), "synthetic corpus: generated pipelines", max_refused=0.05)


def conftest_synthetic():
    return synthetic.shared()


def test_explain_shows_the_sql(seeds_url):
    r = run_mq(["explain", "-q", 'docs | where outlet == "Arab News" | count'], engine=seeds_url)
    assert r.returncode == 0, r.stderr
    assert "SELECT count(*)" in r.stdout and "FROM mq.documents" in r.stdout and "'Arab News'" in r.stdout


def test_render_draws_the_servers_rows(seeds_url):
    """The query before `render` runs on the server; mq draws the chart (the same as in memory), checks its
    columns against the rows the server returned, and names the stage the server cannot run."""
    q = "docs | summarize n = count() by outlet | render bar outlet, n"
    local, remote = run_mq(["-c", q]), run_mq(["-c", q], engine=seeds_url)
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout and remote.stdout.startswith("n by outlet\nAl-Fassel    ██")
    r = run_mq(["-c", "docs | select title | render timechart title"], engine=seeds_url)
    assert r.returncode == 1 and "error[E452]" in r.stderr
    q = 'entities | where id in ["kataib-sayyid-al-shuhada", "tower-22"] | timeline | render sparkline date by entity'
    local, remote = run_mq(["-c", q]), run_mq(["-c", q], engine=seeds_url)
    assert remote.returncode == 0 and remote.stdout == local.stdout and remote.stdout.strip(), remote.stderr
    # A kwic that mq finishes over the server's documents (test_kwic_hybrid.py), drawn the same.
    q = 'docs | kwic "drone" | summarize n = count() by zone | render bar zone, n'
    local, remote = run_mq(["-c", q]), run_mq(["-c", q], engine=seeds_url)
    assert remote.returncode == 0 and remote.stdout == local.stdout and "body" in remote.stdout, remote.stderr
    r = run_mq(["-c", 'docs | kwic matches r"\\w+" | render bar zone'], engine=seeds_url)
    assert r.returncode == 1 and "error[E420]: 'kwic' cannot run on PostgreSQL" in r.stderr


def test_refused_stage_is_named(seeds_url):
    r = run_mq(["-c", 'docs | kwic matches r"\\w+"'], engine=seeds_url)
    assert r.returncode == 1
    assert "E420" in r.stderr and "'kwic' cannot run on PostgreSQL" in r.stderr and "no literal" in r.stderr


# ---------------------------------------------------------------- pushing again, bad input

def copy_seeds(tmp):
    d = os.path.join(tmp, "corpus")
    shutil.copytree(SEEDS, d)
    return d


def written_corpus(tmp, written):
    """The seeds plus written documents: `written` maps a name to (outlet, published or None, authors, text)."""
    d = copy_seeds(tmp)
    for n, (outlet, published, authors, text) in written.items():
        name = f"{n}_{hashlib.sha256(n.encode()).hexdigest()[:16]}"
        data = text.encode("utf-8")
        with open(os.path.join(d, "documents", name + ".txt"), "wb") as f:
            f.write(data)
        with open(os.path.join(d, "documents", name + ".yaml"), "w", encoding="utf-8") as f:
            f.write(f"sha256: {hashlib.sha256(data).hexdigest()}\ntitle: Written {n}\noutlet: {outlet}\n"
                    f"authors: [{', '.join(authors)}]\npublished: {published or 'null'}\nlanguage: en\nurl: null\n")
    return d


def count(server, db, table):
    return int(server.psql(db, f"SELECT count(*) FROM mq.{table}"))


def test_push_again_appends_only_new_documents(server, tmp_path):
    corpus = copy_seeds(str(tmp_path))
    url = server.createdb("again")
    first = subprocess.run([MQ, "corpus", "push", corpus, "--to", url], capture_output=True, text=True)
    assert first.returncode == 0 and first.stdout.startswith("full: 5 documents"), first.stderr
    again = subprocess.run([MQ, "corpus", "push", corpus, "--to", url], capture_output=True, text=True)
    assert again.stdout.strip() == "unchanged: nothing to push"
    before = count(server, "again", "mentions")
    # A new document: an article of the seeds under a new name (mentions and all).
    src = os.path.join(corpus, "documents", "002_0248a6aedfd10660")
    shutil.copy(src + ".txt", os.path.join(corpus, "documents", "005_0000000000000000.txt"))
    shutil.copy(src + ".yaml", os.path.join(corpus, "documents", "005_0000000000000000.yaml"))
    added = subprocess.run([MQ, "corpus", "push", corpus, "--to", url], capture_output=True, text=True)
    assert added.returncode == 0 and added.stdout.startswith("append: 1 documents"), added.stdout + added.stderr
    assert count(server, "again", "documents") == 6
    assert count(server, "again", "mentions") > before
    q = "mentions | summarize n = count() by d = doc.id, e = entity.id | where n > 1"
    m = run_mq(["--format", "json", "-c", q], corpus=corpus)
    s = run_mq(["--format", "json", "-c", q], corpus=corpus, engine=url)
    assert m.returncode == 0 and s.returncode == 0, s.stderr
    assert same(q, answers(m.stdout), answers(s.stdout))


def test_wrong_url_and_missing_server_are_clear_errors():
    r = run_mq(["-c", "docs | count"], engine="mysql://localhost/x")
    assert r.returncode == 1 and "not a PostgreSQL URL" in r.stderr
    r = run_mq(["-c", "docs | count"], engine="postgresql://mq@127.0.0.1:1/none")
    assert r.returncode == 1 and "cannot connect to postgresql://mq@127.0.0.1:1/none" in r.stderr
    r = subprocess.run([MQ, "corpus", "push", SEEDS, "--to", "postgresql://mq:secret@127.0.0.1:1/none"], capture_output=True, text=True)
    assert r.returncode == 1 and "cannot connect" in r.stderr and "secret" not in r.stderr


def test_a_database_without_a_corpus_or_with_an_old_schema_is_refused(server):
    url = server.createdb("empty")
    r = run_mq(["-c", "docs | count"], engine=url)
    assert r.returncode == 1 and "holds no mq corpus" in r.stderr
    url = server.createdb("old")
    assert subprocess.run([MQ, "corpus", "push", SEEDS, "--to", url], capture_output=True).returncode == 0
    server.psql("old", "UPDATE mq.manifest SET value = '0' WHERE key = 'schema_version'")
    r = run_mq(["-c", "docs | count"], engine=url)
    assert r.returncode == 1 and "schema is version 0" in r.stderr
    r = subprocess.run([MQ, "corpus", "push", SEEDS, "--to", url], capture_output=True, text=True)
    assert r.returncode == 1 and "schema is version 0" in r.stderr
    assert count(server, "old", "documents") == 5


def test_a_push_cut_off_by_the_server_leaves_the_previous_state(server, tmp_path):
    """The push's connection is terminated while it copies rows: an error, and the tables as they were."""
    corpus = copy_seeds(str(tmp_path))
    url = server.createdb("cut")
    assert subprocess.run([MQ, "corpus", "push", corpus, "--to", url], capture_output=True).returncode == 0
    before = (count(server, "cut", "documents"), count(server, "cut", "mentions"))
    # Many new documents, so that the push lasts long enough to be cut.
    docs = os.path.join(corpus, "documents")
    for i in range(400):
        src = os.path.join(docs, f"00{i % 5}_" + {0: "40a7b08fdfb61403", 1: "01923c50350c9699", 2: "0248a6aedfd10660",
                                                    3: "adf714cf9f5e1bca", 4: "8585b73594fa1f5e"}[i % 5])
        shutil.copy(src + ".txt", os.path.join(docs, f"9{i:03d}_copy.txt"))
    p = subprocess.Popen([MQ, "corpus", "push", corpus, "--to", url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = server.terminate_during(p, "datname = 'cut' AND application_name = 'mq' AND query LIKE 'COPY%'", 60)
    out, err = p.communicate(timeout=120)
    if not killed:
        pytest.skip("the push ended before it could be cut")
    assert p.returncode == 1, out
    assert "mq corpus push:" in err and ("terminat" in err or "server closed" in err or "connection" in err), err
    assert (count(server, "cut", "documents"), count(server, "cut", "mentions")) == before


def test_repl_on_the_server_keeps_tables_and_variables(seeds_url):
    import pexpect
    env = dict(os.environ, TERM="dumb", NO_COLOR="1", HOME=tempfile.mkdtemp(), MQ_ENGINE=seeds_url)
    c = pexpect.spawn(MQ, ["--corpus", SEEDS], encoding="utf-8", timeout=30, env=env)
    try:
        c.expect("mq> ")
        c.sendline('let g = entities | where type == "umbrella"')
        c.expect("mq> ")
        c.sendline("let n = 2")
        c.expect("mq> ")
        c.sendline("g | take n | select id")
        c.expect("mq> ")
        # Umbrellas in catalog order (seeds/catalog): the Popular Mobilization Forces come first.
        assert "popular-mobilization-forces" in c.before and "(2 rows)" in c.before
        c.sendline(".explain g | count")
        c.expect("mq> ")
        assert "SELECT count(*)" in c.before and "'umbrella'" in c.before
        c.sendline('docs | kwic "drone" | count')
        c.expect("mq> ")
        assert "(1 row)" in c.before and "5" in c.before, c.before
        c.sendline('docs | kwic matches r"\\w+"')
        c.expect("mq> ")
        assert "E420" in c.before and "'kwic' cannot run on PostgreSQL" in c.before
        c.sendeof()
        c.expect(pexpect.EOF)
    finally:
        c.close(force=True)
