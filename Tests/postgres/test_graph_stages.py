"""`neighbors` and `paths` on PostgreSQL against the in-memory executor, rows in the same order: the case-file
and docs queries that use them, generated variants over the seeds (one server and the sharded topology),
and a corpus of the seeds plus written documents whose mentions make chains, a hub and an entity reached
by several routes (one server and the sharded topology). Depths 1 to 4, directed, facts, mentions, both,
filtered and sorted inputs, an entity with no edges, A == B, no path, `max`, run parameters.
Run: python3 -m pytest -q Tests/postgres -k graph  (MQ=path to the binary).
"""
import os
import random
import re
import subprocess

import pytest

from test_postgres import MQ, case_queries, doc_queries, run_mq, written_corpus
from test_stages import compare_in_order

GRAPH = re.compile(r"\|\s*(neighbors|paths)\b")

ENTITIES = ["kataib-hezbollah", "iran", "iraq", "harakat-al-nujaba", "popular-mobilization-forces", "akram-al-kaabi",
            "qais-al-khazali", "tower-22", "united-states", "abu-mahdi-al-muhandis", "irgc-quds-force", "baghdad",
            "tariq-al-shammari", "asaib-ahl-al-haq"]
INPUTS = ["facts", "mentions", "facts | union (mentions)", "mentions | union (facts)",
          'facts | where predicate == "member_of"', 'facts | where predicate != "position"',
          "facts | sort by predicate desc", 'facts | where subject.type == "armed_group"',
          'mentions | where zone == "body"', 'mentions | where doc.id startswith "00" and doc.id != "002"',
          'facts | where predicate == "member_of" | union (mentions | where zone != "headline")',
          'facts | take 40 | union (facts | where predicate == "leader_of")']
AFTER_NEIGHBORS = ["", " | take 5", " | where depth == 2", " | select d = depth, e = entity.id, f = from.id, via, weight",
                   " | select entity, facts, docs", " | summarize n = count() by depth", " | count", " | top 3 by weight"]
AFTER_PATHS = ["", " | take 3", " | select path, step, a = from.id, b = to.id, via, weight, facts, docs",
               " | where step == 1 | select b = to.id", " | count", " | summarize n = count() by path"]


def graph_queries(rng, entities=ENTITIES, inputs=INPUTS):
    if rng.random() < 0.55:
        q = f'{rng.choice(inputs)} | neighbors "{rng.choice(entities)}"'
        if rng.random() < 0.8:
            q += f" depth {rng.randint(1, 4)}"
        if rng.random() < 0.35:
            q += " directed"
        return q + rng.choice(AFTER_NEIGHBORS)
    a, b = rng.choice(entities), rng.choice(entities)
    if rng.random() < 0.05:
        b = a
    q = f'{rng.choice(inputs)} | paths from "{a}" to "{b}"'
    if rng.random() < 0.35:
        q += " directed"
    if rng.random() < 0.4:
        q += f" max {rng.choice([1, 2, 3, 5, 40])}"
    return q + rng.choice(AFTER_PATHS)


def test_graph_queries_of_the_case_files_and_docs_run_on_the_server(layout_url, tmp_path):
    """Every case-file and docs query with neighbors or paths: the same rows in the same order, or, where
    mq refuses the query, the same error code."""
    queries = [q for q in dict.fromkeys(case_queries() + doc_queries()) if GRAPH.search(q)]
    assert len(queries) >= 20, queries
    ok = [q for q in queries if run_mq(["-c", q]).returncode == 0]
    assert len(ok) >= 15
    compare_in_order(layout_url, ok, str(tmp_path))
    for q in queries:
        if q in ok:
            continue
        m, s = run_mq(["-c", q]), run_mq(["-c", q], engine=layout_url)
        codes = lambda t: re.findall(r"error\[(E\d+)\]", t)  # noqa: E731
        assert s.returncode != 0 and codes(m.stderr) == codes(s.stderr) and "E420" not in s.stderr, (q, m.stderr, s.stderr)


def test_generated_graph_queries_on_the_seeds(layout_url, tmp_path):
    rng = random.Random(41)
    queries = list(dict.fromkeys(graph_queries(rng) for _ in range(160)))
    tally = compare_in_order(layout_url, queries, str(tmp_path))
    assert tally.get("same", 0) >= 0.95 * len(queries), tally


def test_a_depth_and_ends_from_run_parameters(seeds_url):
    for q, args in [('facts | neighbors $e depth int($d)', ["--arg", "e=iran", "--arg", "d=2"]),
                    ('mentions | paths from ent($a) to $b max int($n)', ["--arg", "a=KH", "--arg", "b=tower-22", "--arg", "n=2"])]:
        m = run_mq(["--format", "json"] + args + ["-c", q])
        s = run_mq(["--format", "json"] + args + ["-c", q], engine=seeds_url)
        assert m.returncode == 0 and s.returncode == 0, s.stderr
        assert m.stdout == s.stdout and len(m.stdout) > 10
        e = run_mq(args + ["-c", "explain " + q], engine=seeds_url)
        assert e.returncode == 0 and "-- $1:" in e.stdout, e.stdout


def test_explain_shows_the_graph_sql(seeds_url):
    r = run_mq(["explain", "-q", 'facts | union (mentions) | neighbors "iran" depth 2'], engine=seeds_url)
    assert r.returncode == 0, r.stderr
    assert "mq.facts" in r.stdout and "mq.mentions" in r.stdout and "MATERIALIZED" in r.stdout
    r = run_mq(["explain", "-q", 'facts | paths from "iran" to "iraq"'], engine=seeds_url)
    assert r.returncode == 0 and "WITH RECURSIVE" in r.stdout, r.stdout


def test_what_is_not_a_graph_is_still_refused(seeds_url):
    for q in ['facts | select subject, object | neighbors "iran"', 'entities | neighbors "iran"']:
        m, s = run_mq(["-c", q]), run_mq(["-c", q], engine=seeds_url)
        assert m.returncode != 0 and s.returncode != 0, s.stdout


# ---------------------------------------------------------------- a corpus of written chains

# Each written document names a few catalog entities, so that mentions join them: a chain
# nujaba - kaabi - shammari - walai - baghdad, a hub (tower-22 with many), two routes of the same length
# from khazali to abu-fadak, and documents that mention a pair twice or in several documents.
CHAINS = {
    "950": "Harakat al-Nujaba and Akram al-Kaabi met.",
    "951": "Akram al-Kaabi spoke of Tariq al-Shammari.",
    "952": "Tariq al-Shammari and Abu Alaa al-Walai. Abu Alaa al-Walai again.",
    "953": "Abu Alaa al-Walai in Baghdad.",
    "954": "Tower 22, Iran, Iraq, Kataib Hezbollah, Harakat al-Nujaba, Baghdad, Muqtada al-Sadr, Joe Biden, Donald Trump.",
    "955": "Qais al-Khazali and Abu Fadak al-Mohammadawi.",
    "956": "Qais al-Khazali with Hadi al-Amiri; Hadi al-Amiri and Abu Fadak al-Mohammadawi.",
    "957": "Qais al-Khazali and Abu Fadak al-Mohammadawi again, and Kataib Sayyid al-Shuhada.",
    "958": "Abu Fadak al-Mohammadawi and Badr Organization.",
}
WRITTEN_ENTITIES = ["harakat-al-nujaba", "akram-al-kaabi", "tariq-al-shammari", "abu-alaa-al-walai", "baghdad", "tower-22",
                    "qais-al-khazali", "abu-fadak-al-mohammadawi", "hadi-al-amiri", "badr-organization", "iran",
                    "kataib-sayyid-al-shuhada"]
WRITTEN_INPUTS = ["mentions", "facts | union (mentions)", 'mentions | where doc.title startswith "Written"',
                  "mentions | union (facts)", 'facts | where predicate == "member_of" | union (mentions)']


@pytest.fixture(scope="module")
def chains_corpus(tmp_path_factory):
    return written_corpus(str(tmp_path_factory.mktemp("chains")), {n: ("Chain News", "2024-05-01", [], t) for n, t in CHAINS.items()})


@pytest.mark.parametrize("layout", ["single", "sharded"])
def test_graph_queries_over_written_chains(layout, chains_corpus, request, tmp_path):
    if layout == "single":
        url = request.getfixturevalue("server").createdb("chains")
        r = subprocess.run([MQ, "corpus", "push", chains_corpus, "--to", url], capture_output=True, text=True, timeout=300)
    else:
        url, r = request.getfixturevalue("topology").push(chains_corpus, "chains")
    assert r.returncode == 0, r.stderr
    # The written documents make the edges the queries below rely on: a path of four hops along the chain.
    m = run_mq(["--format", "csv", "-c", 'mentions | where doc.title startswith "Written" | paths from "akram-al-kaabi" to '
                '"baghdad" | where path == 1 | select b = to.id'], corpus=chains_corpus)
    assert m.returncode == 0 and m.stdout.split()[1:] == ["harakat-al-nujaba", "baghdad"], m.stdout
    rng = random.Random(5)
    queries = [
        'mentions | neighbors "akram-al-kaabi" depth 3 | select d = depth, f = from.id, e = entity.id, via, weight, docs',
        'mentions | paths from "qais-al-khazali" to "badr-organization" | select path, step, a = from.id, b = to.id, weight, docs',
        'mentions | paths from "akram-al-kaabi" to "baghdad" max 5',
        'mentions | paths from "tariq-al-shammari" to "tariq-al-shammari"',
        'mentions | where doc.title startswith "Written" | paths from "qais-al-khazali" to "iran"',
        'facts | union (mentions) | neighbors "qais-al-khazali" depth 2 directed',
    ] + [graph_queries(rng, WRITTEN_ENTITIES, WRITTEN_INPUTS) for _ in range(40)]
    queries = list(dict.fromkeys(queries))
    tally = compare_in_order(url, queries, str(tmp_path), corpus=chains_corpus)
    assert tally.get("same", 0) >= 0.95 * len(queries), tally
