"""The sharded layout (docs/scale-out.md) on the test topology (conftest.py: a coordinator and two shard
servers on loopback ports): where the rows are, partitionwise plans, pushing again through the
coordinator, and bad input: a coordinator that already holds a single-server corpus, a shard that
already holds rows, a shard that goes away in the middle of a push. The answers themselves are compared
with the in-memory executor by test_postgres.py's differential tests, on both layouts.
Run: python3 -m pytest -q Tests/postgres -k sharded  (MQ=path to the binary).
"""
import json
import os
import shutil
import subprocess

import pytest

from conftest import MQ, ROOT

SEEDS = os.path.join(ROOT, "seeds")
LARGE = ["documents", "zones", "sentences", "mentions"]


def push(url, corpus=SEEDS, shards=()):
    args = [MQ, "corpus", "push", corpus, "--to", url]
    for s in shards:
        args += ["--shard", s]
    return subprocess.run(args, capture_output=True, text=True, timeout=600)


def count(server, db, table, schema="mq"):
    return int(server.psql(db, f"SELECT count(*) FROM {schema}.{table}"))


@pytest.fixture(scope="module")
def layout(topology):
    url, r = topology.push(SEEDS, "layout")
    assert r.returncode == 0 and r.stdout.startswith("full: 5 documents"), r.stdout + r.stderr
    return url


def test_sharded_large_tables_are_foreign_partitions_and_the_catalog_is_local(topology, layout):
    coord = topology.coordinator
    kinds = dict(line.split("|") for line in coord.psql("layout", """
        SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'mq' AND c.relkind IN ('r', 'p', 'f')""").splitlines())
    for t in LARGE:
        assert kinds[t] == "p", (t, kinds)
        assert kinds[f"{t}_0"] == "f" and kinds[f"{t}_1"] == "f", (t, kinds)
    for t in ["entities", "entity_names", "facts", "manifest"]:
        assert kinds[t] == "r", (t, kinds)
    # Every row on exactly one shard, both shards used, and a document's rows on the document's shard.
    for t in LARGE:
        on_shards = [count(s, "layout", t, schema="mq_part") for s in topology.shards]
        assert sum(on_shards) == count(coord, "layout", t) and all(n > 0 for n in on_shards), (t, on_shards)
    for s in topology.shards:
        for t in LARGE[1:]:
            assert s.psql("layout", f"SELECT count(*) FROM mq_part.{t} x WHERE NOT EXISTS "
                                    f"(SELECT 1 FROM mq_part.documents d WHERE d.ord = x.doc)") == "0", t


def test_sharded_aggregation_runs_on_the_shards(topology, layout):
    coord = topology.coordinator
    # Set for every session of the database by the push.
    assert coord.psql("layout", "SHOW enable_partitionwise_aggregate") == "on"
    assert coord.psql("layout", "SHOW enable_partitionwise_join") == "on"
    plan = coord.psql("layout", "EXPLAIN (VERBOSE) SELECT doc, count(*) FROM mq.mentions GROUP BY doc")
    assert plan.count("Aggregate on") == 2, plan
    # mq's own statement for a count by document reads both partitions through the coordinator.
    r = subprocess.run([MQ, "--corpus", SEEDS, "--engine", layout, "--format", "json", "-c", "mentions | summarize n = count() by d = doc.id | count"],
                       capture_output=True, text=True)
    assert r.returncode == 0 and json.loads(r.stdout) == [{"count": 5}], r.stdout + r.stderr


def test_sharded_push_again_goes_through_the_coordinator(topology, tmp_path):
    corpus = str(tmp_path / "corpus")
    shutil.copytree(SEEDS, corpus)
    url, first = topology.push(corpus, "again")
    assert first.returncode == 0, first.stderr
    assert push(url, corpus).stdout.strip() == "unchanged: nothing to push"
    src = os.path.join(corpus, "documents", "002_0248a6aedfd10660")
    for ext in (".txt", ".yaml"):
        shutil.copy(src + ext, os.path.join(corpus, "documents", "005_0000000000000000" + ext))
    added = push(url, corpus)
    assert added.returncode == 0 and added.stdout.startswith("append: 1 documents"), added.stdout + added.stderr
    assert sum(count(s, "again", "documents", schema="mq_part") for s in topology.shards) == 6
    # The same shard count again is accepted (the layout is kept); another is refused.
    shards = [s.url("again") for s in topology.shards]
    assert push(url, corpus, shards).stdout.strip() == "unchanged: nothing to push"
    r = push(url, corpus, shards[:1])
    assert r.returncode == 1 and "already holds an mq corpus on 2 shards" in r.stderr, r.stderr


def test_sharded_push_refuses_a_single_server_corpus_and_a_shard_with_rows(topology, layout):
    coord = topology.coordinator
    single = coord.createdb("single")
    assert push(single).returncode == 0
    r = push(single, shards=[s.url("layout") for s in topology.shards])
    assert r.returncode == 1 and "already holds an mq corpus on this server alone" in r.stderr, r.stderr
    # Shards that hold another coordinator's rows: refused before the coordinator is written.
    fresh = coord.createdb("fresh")
    r = push(fresh, shards=[s.url("layout") for s in topology.shards])
    assert r.returncode == 1 and "already holds mq rows" in r.stderr, r.stderr
    assert coord.psql("fresh", "SELECT to_regnamespace('mq') IS NULL") == "t"
    assert sum(count(s, "layout", "documents", schema="mq_part") for s in topology.shards) == 5


def test_sharded_push_cut_off_by_a_shard_leaves_the_previous_state(topology, tmp_path):
    """A shard's session is terminated while the push writes to it: an error, every table as it was."""
    corpus = str(tmp_path / "corpus")
    shutil.copytree(SEEDS, corpus)
    url, first = topology.push(corpus, "cut")
    assert first.returncode == 0, first.stderr
    before = [count(topology.coordinator, "cut", t) for t in LARGE]
    docs = os.path.join(corpus, "documents")
    names = sorted(f[:-4] for f in os.listdir(docs) if f.endswith(".txt"))
    for i in range(400):
        shutil.copy(os.path.join(docs, names[i % 5] + ".txt"), os.path.join(docs, f"9{i:03d}_copy.txt"))
    p = subprocess.Popen([MQ, "corpus", "push", corpus, "--to", url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Until the push ends: a loaded machine makes the rows slowly.
    killed = topology.shards[1].terminate_during(p, "datname = 'cut' AND (query LIKE 'COPY mq_part.%' OR query LIKE 'INSERT INTO mq_part.%')", 600)
    out, err = p.communicate(timeout=300)
    if not killed:
        pytest.skip("the push ended before it could be cut")
    assert p.returncode == 1, out
    assert "mq corpus push:" in err and ("terminat" in err or "server closed" in err or "connection" in err), err
    assert [count(topology.coordinator, "cut", t) for t in LARGE] == before


def test_sharded_push_to_an_unreachable_shard_writes_nothing(topology):
    coord = topology.coordinator
    url = coord.createdb("unreachable")
    r = push(url, shards=[topology.shards[0].url("postgres"), "postgresql://mq:secret@127.0.0.1:1/none"])
    assert r.returncode == 1 and "cannot connect to postgresql://mq:***@127.0.0.1:1/none" in r.stderr, r.stderr
    assert "secret" not in r.stderr
    assert coord.psql("unreachable", "SELECT to_regnamespace('mq') IS NULL") == "t"
    r = push(url, shards=["mysql://localhost/x"])
    assert r.returncode == 1 and "not a PostgreSQL URL" in r.stderr, r.stderr
