"""`conflicts`, `corroboration` and `asof` on PostgreSQL against the in-memory executor, with the rows in
the same order: the case-file, example and docs queries that use them, generated pipelines over the seeds
(one server and the sharded topology), a catalog of written facts on the rules' edge cases (approximate
dates, open intervals, texts alike but for case and spacing, units alike but for case, one source in two
documents, two facts of one source in one document, several predicates), the date as a run parameter,
and a server of the previous schema version (no pushed claims) refused until rebuilt.
Run: python3 -m pytest -q Tests/postgres -k claims  (MQ=path to the binary).
"""
import json
import os
import random
import subprocess

from test_postgres import MQ, SEEDS, case_queries, count, doc_queries, run_mq, written_corpus
from test_stages import compare_in_order

STAGES = ("conflicts", "corroboration", "asof")


def uses_claims(q):
    return any(f"| {s}" in q for s in STAGES)


def test_case_file_and_docs_queries_with_claims_run_on_the_server(layout_url, tmp_path):
    queries = [q for q in dict.fromkeys(case_queries() + doc_queries()) if uses_claims(q)]
    # The case files and docs hold at least the fact views' cases (Fixtures/cases/fact-views.cases).
    assert len(queries) >= 15, queries
    tally = compare_in_order(layout_url, queries, str(tmp_path))
    # Only the case of a wrong input (checked before anything runs) fails, alike on both.
    assert tally.get("same", 0) >= len(queries) - 3, tally


FILTERS = ['predicate == "leads"', 'predicate in ["leads", "position"]', 'predicate == "founded"', 'predicate == "budget"',
           'predicate == "strength"', 'predicate == "killed_by"', 'predicate == "member_of"', 'subject == "kataib-hezbollah"',
           'subject == "mohammed-shia-al-sudani"', 'date > @2015', 'said_by != null', 'doc.outlet == "The National"', 'true']
DATES = ["@2013", "@2014", "@2015", "@2019", "@2019-06", "@2020-01-03", "@2023-11-17", "@2025-04", "@~2019", '"2016"', "@2008"]


def fact_source(rng):
    q = f"facts | where {rng.choice(FILTERS)}"
    r = rng.random()
    if r < 0.2:
        q += f" | sort by {rng.choice(['id', 'date', 'predicate', 'subject.name'])}{rng.choice(['', ' desc'])}"
    elif r < 0.3:
        q += f" | take {rng.randint(0, 12)}"
    elif r < 0.4:
        q += f" | union (facts | where {rng.choice(FILTERS)})"
    elif r < 0.45:
        q += " | extend n = 1"
    return q


def generate(rng):
    k = rng.randrange(3)
    q = fact_source(rng)
    if k == 0:
        q += " | conflicts" + rng.choice(["", " | select fact, object, fact2, object2, reason", " | count", " | take 2",
                                          " | where reason == \"different dates\"", " | select subject, date, source, date2, source2"])
    elif k == 1:
        q += " | corroboration" + rng.choice(["", " | select id, sources, documents, agreeing", " | where sources == 1 | select id",
                                              " | where documents > 1 | select id, quote", " | take 3", " | sort by sources desc",
                                              " | corroboration | select id, sources"])
    else:
        q += f" | asof {rng.choice(DATES)}" + rng.choice(["", " | select id, since, until, basis", " | count", " | take 4",
                                                          " | where basis == \"stated\"", " | select subject, object, source, doc"])
    return q


def test_generated_pipelines_with_claims(layout_url, tmp_path):
    rng = random.Random(31)
    queries = list(dict.fromkeys(generate(rng) for _ in range(160)))
    tally = compare_in_order(layout_url, queries, str(tmp_path))
    assert tally.get("same", 0) == len(queries), tally
    print(tally)


# ---------------------------------------------------------------- written facts on the rules' edge cases

WRITTEN = {
    # (outlet, published, authors, text): "Wire" and "wire" are one source (outlets compare without case).
    "910": ("Wire", "2019-06-15", ["A"], "A report of the Wire.\n"),
    "911": ("wire", "2019", ["B"], "Another report of the wire.\n"),
    "912": ("Other", None, ["C"], "A report of another outlet, undated.\n"),
    "913": ("Third", "2020-02", ["D"], "A report of a third outlet.\n"),
}


def fact(fid, subject, predicate, doc, obj=None, value=None, **more):
    lines = [f"- id: {fid}", f"  subject: {subject}", f"  predicate: {predicate}"]
    lines.append(f"  object: {obj}" if obj else f"  value: {value}")
    lines.append(f"  doc: {doc}")
    lines += [f"  {k}: {json.dumps(v)}" for k, v in more.items()]
    return "\n".join(lines)


def edge_facts(ids):
    d = lambda n: ids[n]  # noqa: E731
    kh, nuj, kaabi, muh = "kataib-hezbollah", "harakat-al-nujaba", "akram-al-kaabi", "abu-mahdi-al-muhandis"
    return "\n\n".join([
        # Numbers: one unit in three cases (one sort); another unit (not comparable); an approximate date.
        fact("x-str-1", kh, "strength", d("910"), value="{number: 10000, unit: Fighters}", date="2019"),
        fact("x-str-2", kh, "strength", d("911"), value="{number: 10000, unit: fighters}", date="~2020"),
        fact("x-str-3", kh, "strength", d("912"), value="{number: 12000, unit: FIGHTERS}", date="2019-06"),
        fact("x-str-4", kh, "strength", d("913"), value="{number: 12000, unit: men}", date="2019"),
        fact("x-str-5", kh, "strength", d("913"), value="{number: 15000, unit: fighters}", date="~2017"),
        # One speaker twice in one document (no conflict), then in another document.
        fact("x-bud-1", kh, "budget", d("910"), value="{number: 5, unit: USD}", said_by="abu-alaa-al-walai"),
        fact("x-bud-2", kh, "budget", d("910"), value="{number: 7, unit: usd}", said_by="abu-alaa-al-walai"),
        fact("x-bud-3", kh, "budget", d("912"), value="{number: 7, unit: USD}", said_by="abu-alaa-al-walai"),
        fact("x-bud-4", kh, "budget", d("910"), value="{number: 9, unit: USD}"),
        # Texts alike but for case and spacing; open and closed intervals; only an end; only a date.
        fact("x-pos-1", kaabi, "position", d("910"), value="{text: \"Secretary  General\"}", **{"from": "2010"}),
        fact("x-pos-2", kaabi, "position", d("911"), value="{text: \"secretary general \"}", **{"from": "~2012", "until": "2020"}),
        fact("x-pos-3", kaabi, "position", d("912"), value="{text: \"Secretary-General\"}", until="2015"),
        fact("x-pos-4", kaabi, "position", d("913"), value="{text: \"SECRETARY   general\"}", date="2019", until="2021-06"),
        fact("x-pos-5", kaabi, "position", d("913"), value="{text: \"spokesman\"}", date="~2018"),
        fact("x-pos-6", kaabi, "position", d("910"), value="{text: \"commander\"}"),
        fact("x-pos-7", kaabi, "position", d("912"), value="{text: \"commander\"}"),
        # Founding dates as objects: an approximate year against a month, a later and an earlier year.
        fact("x-fnd-1", nuj, "founded", d("910"), value="{date: \"~2013\"}"),
        fact("x-fnd-2", nuj, "founded", d("911"), value="{date: 2013-06}"),
        fact("x-fnd-3", nuj, "founded", d("912"), value="{date: 2016}"),
        fact("x-fnd-4", nuj, "founded", d("913"), value="{date: 2011}"),
        # One event, dates that overlap (approximate), differ, or are absent.
        fact("x-kil-1", muh, "killed_by", d("910"), obj="united-states", date="2020-01-03"),
        fact("x-kil-2", muh, "killed_by", d("911"), obj="united-states", date="~2019"),
        fact("x-kil-3", muh, "killed_by", d("912"), obj="iran", date="2021"),
        fact("x-kil-4", muh, "killed_by", d("913"), obj="united-states"),
        # Several predicates of one subject: leads with open intervals, stated only.
        fact("x-lead-1", kaabi, "leads", d("910"), obj=nuj, **{"from": "2013"}),
        fact("x-lead-2", kaabi, "leads", d("911"), obj=nuj, **{"from": "~2014", "until": "2018-03"}),
        fact("x-lead-3", kaabi, "leads", d("913"), obj=nuj),
        fact("x-lead-4", kaabi, "leads", d("912"), obj=nuj),
        fact("x-lead-5", kaabi, "leads", d("910"), obj=kh, until="~2016"),
    ]) + "\n"


def edge_corpus(tmp):
    corpus = written_corpus(tmp, WRITTEN)
    docs = os.listdir(os.path.join(corpus, "documents"))
    ids = {n: next(f[:-4] for f in docs if f.startswith(n + "_") and f.endswith(".txt")) for n in WRITTEN}
    with open(os.path.join(corpus, "facts", "edge.yaml"), "w", encoding="utf-8") as f:
        f.write(edge_facts(ids))
    return corpus


EDGE_QUERIES = [
    'facts | where id startswith "x-" | conflicts | select fact, object, date, source, fact2, object2, date2, source2, reason',
    'facts | where id startswith "x-" | corroboration | select id, object, sources, documents, agreeing',
    'facts | where id startswith "x-" | sort by id desc | conflicts | select fact, fact2, reason',
    'facts | where id startswith "x-" | sort by date | corroboration | select id, sources, documents, agreeing',
    'facts | where id startswith "x-" | union (facts | where id startswith "x-pos") | corroboration | select id, agreeing',
    'facts | where id startswith "x-" | union (facts | where id startswith "x-str") | conflicts | select fact, fact2',
    'facts | where predicate == "strength" | conflicts',
    'facts | where predicate in ["budget", "founded", "killed_by"] | conflicts | select fact, fact2, reason',
    'facts | where id startswith "x-" | corroboration | where sources == 1 | select id, documents',
    'facts | where id startswith "x-" | corroboration | where sources < documents | select id, quote, sources',
] + [
    f'facts | where id startswith "x-" | asof {d} | select id, since, until, basis, source, doc'
    for d in ["@2009", "@2010", "@2011", "@2012", "@2013", "@2014", "@2015", "@2016", "@2017", "@2018-03", "@2018-04",
              "@2019", "@2019-06", "@2019-06-15", "@2019-06-16", "@2020", "@2020-02-29", "@2021", "@2021-07", "@~2011",
              "@~2022", '"2018"', "@2030"]
] + ['facts | where id startswith "x-" | sort by id desc | asof @2019 | select id, basis',
     'facts | asof @2019-06 | summarize n = count() by basis']


def test_written_facts_on_the_rules_edge_cases(server, tmp_path):
    corpus = edge_corpus(str(tmp_path))
    r = subprocess.run([MQ, "--corpus", corpus, "--format", "json", "-c", 'facts | where id startswith "x-" | count'],
                       capture_output=True, text=True)
    assert r.returncode == 0 and json.loads(r.stdout) == [{"count": 29}], r.stdout + r.stderr
    url = server.createdb("claims")
    r = subprocess.run([MQ, "corpus", "push", corpus, "--to", url], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    tally = compare_in_order(url, EDGE_QUERIES, str(tmp_path), corpus=corpus)
    assert tally == {"same": len(EDGE_QUERIES)}, tally


def test_written_facts_answers_read_from_the_rules(server, tmp_path):
    """A few answers worked out from the written facts by the rules, on the server."""
    corpus = edge_corpus(str(tmp_path))
    url = server.createdb("claims_read")
    assert subprocess.run([MQ, "corpus", "push", corpus, "--to", url], capture_output=True).returncode == 0

    def rows(q):
        r = subprocess.run([MQ, "--corpus", corpus, "--format", "json", "-c", q], capture_output=True, text=True,
                           env=dict(os.environ, MQ_ENGINE=url))
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)

    # Strength: 10000 fighters (2019; ~2020, widened from 2018-12-31) against 12000 FIGHTERS (2019-06) and
    # 15000 fighters (~2017, widened to 2019-01-01: it touches both); 12000 men is in another unit.
    pairs = [(x["fact"], x["fact2"], x["reason"]) for x in rows('facts | where predicate == "strength" and id startswith "x-" | conflicts')]
    assert pairs == [("x-str-1", "x-str-3", "different values"), ("x-str-1", "x-str-5", "different values"),
                     ("x-str-2", "x-str-3", "different values"), ("x-str-2", "x-str-5", "different values")], pairs
    # Budget: the same speaker in one document does not conflict with itself; in another document it does.
    pairs = [(x["fact"], x["fact2"]) for x in rows('facts | where predicate == "budget" and id startswith "x-" | conflicts')]
    assert pairs == [("x-bud-1", "x-bud-3"), ("x-bud-1", "x-bud-4"), ("x-bud-2", "x-bud-4"), ("x-bud-3", "x-bud-4")], pairs
    # The texts alike but for case and spacing agree (Wire and wire one source, Third another);
    # "Secretary-General" is another text.
    c = {x["id"]: (x["sources"], x["documents"], x["agreeing"])
         for x in rows('facts | where predicate == "position" and id startswith "x-" | corroboration')}
    assert c["x-pos-1"] == (2, 3, ["x-pos-2", "x-pos-4"]), c
    assert c["x-pos-3"] == (1, 1, []), c
    # "Wire" and "wire" are one source: 10000 fighters in two documents of one source.
    c = {x["id"]: (x["sources"], x["documents"]) for x in rows('facts | where predicate == "strength" and id startswith "x-" | corroboration')}
    assert c["x-str-1"] == (1, 2), c
    # Killed: 2021 against 2020-01-03 and ~2019 (widened to 2020-12-31); the undated one against nothing.
    pairs = [(x["fact"], x["fact2"], x["reason"]) for x in rows('facts | where predicate == "killed_by" and id startswith "x-" | conflicts')]
    assert pairs == [("x-kil-1", "x-kil-3", "different dates"), ("x-kil-2", "x-kil-3", "different dates")], pairs
    # Leads at 2019: from 2013 (open); stated by 913 (published 2020-02) no; stated by 910 (2019-06-15) no
    # (x-lead-5 ends ~2016); so only x-lead-1. At 2020-02: x-lead-1 and x-lead-3 (stated).
    got = [(x["id"], x["basis"]) for x in rows('facts | where predicate == "leads" and id startswith "x-" | asof @2019')]
    assert got == [("x-lead-1", "from")], got
    got = [(x["id"], x["basis"]) for x in rows('facts | where predicate == "leads" and id startswith "x-" | asof @2020-02')]
    assert got == [("x-lead-1", "from"), ("x-lead-3", "stated")], got


def test_the_date_of_asof_as_a_run_parameter(layout_url):
    for d in ["2013", "2019-06", "~2015"]:
        q = 'facts | where predicate in ["leads", "position", "member_of"] | asof $d | select id, since, basis'
        cmd = [MQ, "--corpus", SEEDS, "--format", "json", "--arg", f"d={d}", "-c", q]
        m = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, MQ_ENGINE="memory"))
        s = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, MQ_ENGINE=layout_url))
        assert m.returncode == 0 and s.returncode == 0, s.stderr
        assert json.loads(s.stdout) == json.loads(m.stdout) and json.loads(m.stdout), d
    e = subprocess.run([MQ, "--corpus", SEEDS, "--arg", "d=2019", "-c", "explain facts | asof $d"], capture_output=True, text=True,
                       env=dict(os.environ, MQ_ENGINE=layout_url))
    assert e.returncode == 0 and "-- $1: a day of the date computed from $d" in e.stdout, e.stdout + e.stderr
    bad = subprocess.run([MQ, "--corpus", SEEDS, "--arg", "d=June", "-c", "facts | asof $d"], capture_output=True, text=True,
                         env=dict(os.environ, MQ_ENGINE=layout_url))
    assert bad.returncode == 1 and "E433" in bad.stderr, bad.stderr


def test_a_version_3_server_is_refused_until_rebuilt(server):
    """Version 3 held no claims: queries and pushes are refused until `--rebuild`, then the stages run."""
    url = server.createdb("version3")
    assert subprocess.run([MQ, "corpus", "push", SEEDS, "--to", url], capture_output=True).returncode == 0
    server.psql("version3", "ALTER TABLE mq.facts DROP COLUMN claim_sort, DROP COLUMN claim_value, DROP COLUMN claim_source; "
                            "UPDATE mq.manifest SET value = '3' WHERE key = 'schema_version'")
    r = run_mq(["-c", "facts | corroboration | count"], engine=url)
    assert r.returncode == 1 and "schema is version 3" in r.stderr and "--rebuild" in r.stderr, r.stderr
    r = subprocess.run([MQ, "corpus", "push", SEEDS, "--to", url], capture_output=True, text=True)
    assert r.returncode == 1 and "schema is version 3" in r.stderr
    assert count(server, "version3", "documents") == 5
    r = subprocess.run([MQ, "corpus", "push", SEEDS, "--to", url, "--rebuild"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    q = "facts | corroboration | where sources > 1 | select id, sources, documents"
    m, s = run_mq(["--format", "json", "-c", q]), run_mq(["--format", "json", "-c", q], engine=url)
    assert s.returncode == 0 and json.loads(s.stdout) == json.loads(m.stdout) and json.loads(m.stdout), s.stderr
