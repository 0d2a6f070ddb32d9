"""`kwic`, `timeline` and `expand` on PostgreSQL against the in-memory executor, with
the rows in the same order: generated pipelines over the seeds (one server and the sharded topology), and
a corpus of the seeds plus documents written to test kwic's context rules (white space of every kind,
CR LF line ends, texts shorter than the window, non-ASCII letters, characters of several code points).
Also: a server holding a schema of version 1 is refused until `mq corpus push --rebuild`.
Run: python3 -m pytest -q Tests/postgres -k stages  (MQ=path to the binary).
"""
import json
import os
import random
import subprocess

from test_postgres import MQ, SEEDS, canon, run_mq, run_many, count, written_corpus

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def compare_in_order(url, queries, tmp, corpus=SEEDS, server_error=()):
    """Each query on both engines: the same rows in the same order (or, for the queries whose index is in
    `server_error`, the server's error that the context holds a character of several code points).
    Returns the tally."""
    d_mem, d_sql = os.path.join(tmp, "mem"), os.path.join(tmp, "sql")
    os.makedirs(d_mem, exist_ok=True)
    os.makedirs(d_sql, exist_ok=True)
    env_mem = run_many_in(queries, None, d_mem, corpus)
    env_sql = run_many_in(queries, url, d_sql, corpus)
    tally, bad = {}, []
    for i, (q, m, s) in enumerate(zip(queries, env_mem, env_sql)):
        if m[0] != 0:
            kind = "mq-error"
        elif s[0] != 0:
            kind = "refused" if "E420" in s[2] else "sql-error"
            if i in server_error and "E421" in s[2] and "several code points" in s[2]:
                kind = "server-error-expected"
        elif i in server_error:
            kind = "no-server-error"
        else:
            kind = "same" if in_order(q, m[1]) == in_order(q, s[1]) else "differ"
        tally[kind] = tally.get(kind, 0) + 1
        if kind in ("differ", "sql-error", "refused", "no-server-error"):
            bad.append(f"--- {q}\n{kind}\n{json.dumps(m[1])[:800]}\n{(json.dumps(s[1]) if s[0] == 0 else s[2])[:800]}")
    assert not bad, f"{tally}\n" + "\n".join(bad[:6])
    return tally


def in_order(q, outputs):
    """The rows as compared: in their order, except after `summarize` (whose groups have an order only
    over an input in corpus order: compared as multisets, as in test_postgres.py)."""
    out = []
    for x in outputs:
        rows = [canon(r) for r in x] if isinstance(x, list) else [canon(x)]
        out.append(sorted(rows, key=repr) if "summarize" in q else rows)
    return out


def run_many_in(queries, engine, tmp, corpus):
    if corpus == SEEDS:
        return run_many(queries, engine, tmp)
    # Another corpus: one process per query (few queries).
    out = []
    for q in queries:
        r = subprocess.run([MQ, "--corpus", corpus, "--format", "json", "-c", q], capture_output=True, text=True, timeout=120,
                           env=dict(os.environ, MQ_ENGINE=engine or "memory"))
        out.append((r.returncode, [json.loads(r.stdout)] if r.returncode == 0 and r.stdout.strip() else [], r.stderr))
    return out


# ---------------------------------------------------------------- generated pipelines

ENTITY_FILTERS = ['type == "armed_group"', 'type == "person"', 'id startswith "k"', 'mention_count > 3', 'country == ent("iran")',
                  'type != "place"', 'name contains "al"']
DOC_FILTERS = ['outlet == "Arab News"', 'id startswith "00"', 'published > date("2024")', 'length > 5000', 'true']
ENTITY_LISTS = ["names", "aliases", "acronyms", "mentions", "docs", "facts"]
DOC_LISTS = ["authors", "mentions", "entities", "facts"]
WIDTHS = ["", " width 0", " width 1", " width 5", " width 12", " width 25", " width 60", " width 200"]


def entity_source(rng):
    src = "entities"
    if rng.random() < 0.8:
        src += f" | where {rng.choice(ENTITY_FILTERS)}"
    if rng.random() < 0.3:
        src += f" | sort by {rng.choice(['name', 'id', 'mention_count'])}{rng.choice(['', ' desc'])}"
    if rng.random() < 0.3:
        src += f" | take {rng.randint(0, 8)}"
    return src


def generate(rng):
    """One pipeline with kwic, timeline or expand, with stages before and after."""
    k = rng.randrange(6)
    if k == 0:
        q = entity_source(rng) + " | timeline"
        q += rng.choice(["", " | select date, kind, what, source", " | where kind == \"fact\"", " | take 7",
                         " | summarize n = count() by kind", " | select entity, doc, quote", " | where date > date(\"2020\")"])
    elif k == 1:
        q = entity_source(rng) + f" | expand n = {rng.choice(ENTITY_LISTS)}"
        q += rng.choice(["", " | select id, n", " | take 9", " | count", " | summarize c = count() by id"])
    elif k == 2:
        q = f"docs | where {rng.choice(DOC_FILTERS)} | expand x = {rng.choice(DOC_LISTS)}"
        q += rng.choice(["", " | select id, x", " | take 6", " | count", " | summarize c = count() by id"])
    elif k == 3:
        e = rng.choice(["kataib-hezbollah", "iran", "iraq", "popular-mobilization-forces", "harakat-al-nujaba", "united-states",
                        "abu-alaa-al-walai", "baghdad"])
        q = f'mentions | where entity == ent("{e}") | kwic{rng.choice(WIDTHS)}'
        q += rng.choice(["", " | take 3", " | select left, match, right", " | where zone == \"body\"", " | summarize n = count() by doc"])
    elif k == 4:
        e = rng.choice(["kataib-hezbollah", "iran", "iraq", "harakat-al-nujaba", "united-states", "tower-22", "ali-khamenei"])
        q = f'docs | where {rng.choice(DOC_FILTERS)} | kwic ent("{e}"){rng.choice(WIDTHS)}'
        q += rng.choice(["", " | take 4", " | select doc, left, match, right, zone, start"])
    else:
        q = "docs | expand x = " + rng.choice(['[1, 2, 3]', '["a", null]', '[]', 'outlet_entity', 'outlet_entity.country', '7'])
        q += rng.choice(["", " | select id, x", " | count"])
    return q


def test_generated_pipelines_with_kwic_timeline_expand(layout_url, tmp_path):
    rng = random.Random(23)
    queries = list(dict.fromkeys(generate(rng) for _ in range(220)))
    tally = compare_in_order(layout_url, queries, str(tmp_path))
    assert tally.get("same", 0) >= 0.9 * len(queries), tally
    print(tally)


def test_the_stages_of_the_docs_and_case_files_run_on_the_server(seeds_url, tmp_path):
    """The case-file and docs queries with these stages that run on the server: their answers in order."""
    queries = [
        'entities | where id == "kataib-sayyid-al-shuhada" | timeline | select date, kind, what, source',
        'entities | where id == "abu-mahdi-al-muhandis" | timeline | select date, what',
        'entities | where id == "tower-22" | timeline | select date, kind, what, source',
        'entities | where id in ["kataib-sayyid-al-shuhada", "tower-22"] | timeline',
        'entities | where id == "islamic-state" | expand acronyms | select acronyms',
        'entities | where id == "zaynabiyoun" | expand f = facts | where f.predicate == "based_in" | select f, p = f.predicate',
        'docs | expand o = outlet_entity.country | count',
        'docs | take 1 | expand x = 5 | select x',
        'docs | kwic ent("abu-alaa-al-walai") width 10 | select doc, left, match, right',
        'mentions | where entity == ent("abu-alaa-al-walai") | kwic width 10 | select match, left, right',
        'mentions | where doc == doc("000") | kwic ent("shibl-al-zaidi") width 0 | select match',
        'mentions | where entity == ent("ali-khamenei") | kwic | select d = doc.id, zone',
    ]
    compare_in_order(seeds_url, queries, str(tmp_path))


def test_words_and_regular_expressions_in_nested_queries_are_refused(seeds_url):
    """A pipeline's own kwic of words or patterns is finished by mq (test_kwic_hybrid.py); inside a nested
    query, whose rows the server must have, it is refused."""
    for q, part in [('docs | where id in (docs | kwic "drone" | select i = doc.id) | count', "phrase matcher"),
                    ('docs | join kind=semi (docs | kwic matches r"drones?") on id == doc.id | count', "regular expression"),
                    ('entities | expand f = (facts | where predicate == "budget")', "")]:
        r = run_mq(["-c", q], engine=seeds_url)
        assert r.returncode == 1 and "E420" in r.stderr and part in r.stderr, (q, r.stderr)
        assert "nested query" in r.stderr or not part, r.stderr


# ---------------------------------------------------------------- kwic's context rules on written texts

WRITTEN = {
    # White space of every kind around and near the name, and CR LF line ends.
    "900": "Kataib Hezbollah\r\n\r\nsaid\u00a0that\u2003 the   Kataib Hezbollah\tfighters\r\nwithdrew.\r\n"
           + "A long run of words follows here so that the window is cut at a space: Kataib Hezbollah and the "
           + "Islamic Resistance in Iraq, which the United States blames, answered.\u3000Kataib Hezbollah\u2028end\r\n",
    # Non-ASCII letters (one code point each) and a text shorter than the window.
    "901": "Ḥaqq — «Kataib Hezbollah» قوات الحشد الشعبي Kataib Hezbollah ’s Zaynabiyoun\n",
    # Characters of several code points far from the name, then near it.
    "902": "Kataib Hezbollah is named here first." + " filler words" * 40 + " e\u0301te\u0301 👩\u200d👩\u200d👧 Kataib Hezbollah.\n",
}


def test_kwic_context_rules_on_written_texts(server, tmp_path):
    corpus = written_corpus(str(tmp_path), {n: ("Test", f"2024-02-0{int(n) - 899}", ["A", "B"], t) for n, t in WRITTEN.items()})
    url = server.createdb("written")
    r = subprocess.run([MQ, "corpus", "push", corpus, "--to", url], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    queries, errors = [], set()
    for n in WRITTEN:
        for w in [0, 1, 3, 8, 11, 12, 13, 20, 40, 100]:
            if n == "902":
                errors.add(len(queries))
            queries.append(f'docs | where id startswith "{n}" | kwic ent("kataib-hezbollah") width {w} | select left, match, right, zone, start')
    queries.append('docs | where id startswith "90" | expand a = authors | select id, a')
    queries.append('entities | where id == "kataib-hezbollah" | timeline | where doc.id startswith "90" | select date, kind, what, source')
    # Near a character of several code points: an error naming why, never a different context.
    tally = compare_in_order(url, queries, str(tmp_path), corpus=corpus, server_error=errors)
    assert tally == {"same": len(queries) - len(errors), "server-error-expected": len(errors)}, tally
    # The hit far from them (the first of 902) has its context.
    q = 'mentions | where doc == doc("902") and start == 0 | kwic width 10 | select left, match, right'
    r = subprocess.run([MQ, "--corpus", corpus, "--format", "json", "-c", q], capture_output=True, text=True,
                       env=dict(os.environ, MQ_ENGINE=url))
    assert r.returncode == 0 and json.loads(r.stdout) == [{"left": "", "match": "Kataib Hezbollah", "right": " is named"}], r.stderr


# ---------------------------------------------------------------- a server of schema version 1

def test_a_version_1_server_is_refused_until_rebuilt(server):
    url = server.createdb("version1")
    assert subprocess.run([MQ, "corpus", "push", SEEDS, "--to", url], capture_output=True).returncode == 0
    # What version 1 had: no stored phrasing of facts, no offsets of joined code points.
    server.psql("version1", "ALTER TABLE mq.facts DROP COLUMN what; ALTER TABLE mq.documents DROP COLUMN joined; "
                            "UPDATE mq.manifest SET value = '1' WHERE key = 'schema_version'")
    r = run_mq(["-c", "docs | count"], engine=url)
    assert r.returncode == 1 and "schema is version 1" in r.stderr and "--rebuild" in r.stderr, r.stderr
    r = subprocess.run([MQ, "corpus", "push", SEEDS, "--to", url], capture_output=True, text=True)
    assert r.returncode == 1 and "schema is version 1" in r.stderr and "--rebuild" in r.stderr
    assert count(server, "version1", "documents") == 5
    r = subprocess.run([MQ, "corpus", "push", SEEDS, "--to", url, "--rebuild"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("full: 5 documents"), r.stderr
    r = run_mq(["--format", "json", "-c", 'entities | where id == "tower-22" | timeline | count'], engine=url)
    assert r.returncode == 0 and json.loads(r.stdout) == json.loads(run_mq(["--format", "json", "-c",
                                                                            'entities | where id == "tower-22" | timeline | count']).stdout)


def test_rebuild_refuses_a_sharded_layout(sharded_seeds_url):
    r = subprocess.run([MQ, "corpus", "push", SEEDS, "--to", sharded_seeds_url, "--rebuild"], capture_output=True, text=True)
    assert r.returncode == 1 and "does not rebuild a sharded layout" in r.stderr, r.stderr
    assert run_mq(["-c", "docs | count"], engine=sharded_seeds_url).returncode == 0
