"""The shapes of the plans PostgreSQL makes of mq's SQL (EXPLAIN), where the shape decides whether a
query scales: a membership test on a document's entities (`x in entities`) or an entity's documents
(`x in docs`) must become a semi-join or anti-join the planner can answer from an index or by hashing,
never a subplan run once per row (at 100,000 documents such a subplan, materialised, did not finish in
ten minutes); a summarize by a referenced row's id groups by the reference first and reads the catalog
after; cooccur reads its input once, makes its units distinct by sorting and is estimated near its rows; a membership test reads
the (entity, doc) index alone. Checked on one server and on the sharded topology (conftest.py).
Run: python3 -m pytest -q Tests/postgres -k plan
"""
import json
import re
import subprocess

import pytest

from conftest import MQ, SEEDS


def sql_of(url, q):
    r = subprocess.run([MQ, "--corpus", SEEDS, "--engine", url, "explain", "-q", q], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def explain(url, sql, options="VERBOSE", settings=""):
    """EXPLAIN of `sql`, after the `SET` statements in `settings` in the same session."""
    r = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", f"{settings}EXPLAIN ({options}) {sql}"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def plan_nodes(plan):
    """Every node of a JSON EXPLAIN plan, the node itself first."""
    yield plan
    for c in plan.get("Plans", []):
        yield from plan_nodes(c)


def per_row_subplans(plan):
    """The subplans of a text EXPLAIN that run per row: every `SubPlan N` that no expression reads as
    `hashed SubPlan N` (InitPlans run once and are not counted)."""
    declared = set(re.findall(r"^\s*SubPlan (\d+)\s*$", plan, re.M))
    hashed = set(re.findall(r"hashed SubPlan (\d+)", plan))
    return sorted(declared - hashed)


MEMBERSHIP = [
    'docs | where ent("iran") in entities | select id',
    'docs | where ent("iran") in entities and ent("israel") in entities | select id',
    'docs | where ent("iran") in entities and not (ent("israel") in entities) | select id',
    'docs | where ent("iran") not in entities | count',
    'docs | where "iraq" in entities and length > 1000 | select id, length',
    'entities | where doc("000_40a7b08fdfb61403") in docs | select id',
    'entities | where doc("000_40a7b08fdfb61403") in docs and type == "country" | count',
    'mentions | where entity.type == "person" | summarize n = count() by e = entity.id | sort by n desc, e | take 5',
    'mentions | where entity == ent("iran") | count',
    'mentions | where "iran" == entity.id and zone == "body" | select d = doc.id',
    'mentions | summarize n = count() by e = entity.id | sort by n desc, e | take 5',
    'mentions | summarize n = count() by d = doc.id | sort by n desc, d | take 3',
    'mentions | cooccur by document | take 5 | select a = a.id, b = b.id, n = count',
    'mentions | cooccur by sentence | take 5 | select a = a.id, b = b.id, n = count',
]


@pytest.mark.parametrize("q", MEMBERSHIP)
def test_no_subplan_per_row(layout_url, q):
    sql = sql_of(layout_url, q)
    plan = explain(layout_url, sql)
    assert per_row_subplans(plan) == [], plan


@pytest.mark.parametrize("q", MEMBERSHIP[:7])
def test_membership_is_a_semi_or_anti_join(layout_url, q):
    """At the top of a `where`, the tests are not wrapped in COALESCE (EXISTS is never null), so the
    planner pulls them up into joins: no `EXISTS`/`IN` subplan is left in the plan."""
    sql = sql_of(layout_url, q)
    assert "COALESCE(EXISTS" not in sql, sql
    plan = explain(layout_url, sql)
    assert re.search(r"(Semi|Anti) Join|Join\b", plan), plan
    assert "SubPlan" not in plan, plan


def test_summarize_by_id_groups_by_the_reference_then_reads_the_catalog(seeds_url):
    sql = sql_of(seeds_url, 'mentions | summarize n = count() by e = entity.id | sort by n desc, e | take 5')
    plan = json.loads(explain(seeds_url, sql, "VERBOSE, FORMAT JSON"))[0]["Plan"]

    def nodes(p):
        yield p
        for c in p.get("Plans", []):
            yield from nodes(c)
    aggregates = [n for n in nodes(plan) if n["Node Type"] == "Aggregate"]
    assert aggregates, plan
    # The mentions are grouped by their entity's ordinal; the catalog is joined above the aggregation.
    assert all(k.endswith(".entity") for a in aggregates for k in a.get("Group Key", [])), aggregates
    assert not any(n.get("Relation Name") == "entities" for a in aggregates for n in nodes(a)), aggregates
    # The sort keys tell the groups apart: the first-seen order of the groups is not computed.
    assert "min(" not in json.dumps(plan), plan


def test_sharded_summarize_by_document_id_aggregates_on_the_shards(sharded_seeds_url):
    """Grouped by the document's ordinal, the partition key, the aggregation runs on each shard."""
    sql = sql_of(sharded_seeds_url, 'mentions | summarize n = count() by d = doc.id | sort by n desc, d | take 3')
    plan = explain(sharded_seeds_url, sql)
    assert plan.count("Relations: Aggregate on") == 2, plan


def test_cooccur_reads_the_mentions_once(layout_url):
    sql = sql_of(layout_url, 'mentions | cooccur by document | take 5 | select a = a.id, b = b.id, n = count')
    plan = explain(layout_url, sql)
    scans = re.findall(r"(?:Seq|Index|Index Only|Bitmap Heap|Foreign) Scan on mq\.mentions", plan)
    assert len(scans) in (1, 2), plan  # one table, or its two shards' partitions
    assert "CTE Scan" not in plan, plan


@pytest.mark.parametrize("q", [
    'mentions | cooccur by document | take 5 | select a = a.id, b = b.id, n = count',
    'mentions | cooccur by sentence all | take 5 | select a = a.id, b = b.id, n = count',
    'mentions | where zone == "body" | cooccur by document | count',
])
def test_cooccur_units_are_made_distinct_by_sorting(seeds_url, q):
    """The units of cooccur are made distinct by sorting, never by hashing nor by parallel workers'
    partial aggregates (above those, a spilling hash aggregate took minutes where the sort takes seconds).
    Parallel plans are made cheap here so that the planner considers them on the small seeds corpus."""
    cheap_parallel = ("SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; "
                      "SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2; ")
    plan = json.loads(explain(seeds_url, sql_of(seeds_url, q), "FORMAT JSON", cheap_parallel))[0]["Plan"]
    units = [n for n in plan_nodes(plan) if n["Node Type"] == "Aggregate" and any("doc" in k for k in n.get("Group Key", []))]
    assert units, plan
    for n in units:
        assert n["Strategy"] == "Sorted" and n["Partial Mode"] == "Simple", n


def test_cooccur_units_are_estimated_from_the_table_statistics(seeds_url):
    """The planner estimates cooccur's units (documents, or sentences) from the statistics of the
    mentions' own columns, near their number, and the pairs within ten times theirs: a join of materialised units,
    whose columns have no statistics, was estimated at hundreds of times its rows at 100,000 documents,
    which made the statement expensive enough to be compiled with JIT. (The pairs of a unit are estimated
    from PostgreSQL's default array length, 10 entities, fewer than a seeds document has.)"""
    for q, units in [('mentions | cooccur by document | take 5 | select a = a.id, b = b.id, n = count', ["doc"]),
                     ('mentions | cooccur by sentence | take 5 | select a = a.id, b = b.id, n = count', ["doc", "sentence"])]:
        plan = json.loads(explain(seeds_url, sql_of(seeds_url, q), "FORMAT JSON, ANALYZE"))[0]["Plan"]
        groups = [n for n in plan_nodes(plan) if n["Node Type"] == "Aggregate"
                  and [k.split(".")[-1] for k in n.get("Group Key", [])] == units]
        assert len(groups) == 1, plan
        estimated, actual = groups[0]["Plan Rows"], groups[0]["Actual Rows"]
        assert actual >= 5 and actual / 2 <= estimated <= actual * 2, (q, estimated, actual)
        pairs = [n for n in plan_nodes(plan) if "(x.e < y.e)" in n.get("Join Filter", "") + n.get("Filter", "")]
        assert len(pairs) == 1 and pairs[0]["Plan Rows"] <= 10 * pairs[0]["Actual Rows"], plan


def test_membership_reads_the_entity_and_document_index_alone(seeds_url):
    """`ent(x) in entities` is answered from the index on (entity, doc), without the mentions' rows: the
    push builds that index and vacuums the mentions (marking their pages all-visible, so that index-only
    scans visit no row). Sequential scans are made expensive so that the planner uses indexes on the seeds.
    Whether a page is marked depends on the transactions open at the time (autovacuum's among them), so
    the test checks that the push vacuumed the table, not the heap fetches."""
    sql = sql_of(seeds_url, 'docs | where ent("iran") in entities and ent("israel") in entities | select id')
    plan = json.loads(explain(seeds_url, sql, "FORMAT JSON", "SET enable_seqscan = off; SET enable_bitmapscan = off; "))[0]["Plan"]
    scans = [n for n in plan_nodes(plan) if n.get("Relation Name") == "mentions"]
    assert len(scans) == 2, plan
    for s in scans:
        assert s["Node Type"] == "Index Only Scan" and s["Index Name"] == "mentions_entity", s
        assert "entity" in s["Index Cond"] and "doc" in s["Index Cond"], s
    vacuumed = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", seeds_url, "-c",
                               "SELECT vacuum_count FROM pg_stat_user_tables WHERE schemaname = 'mq' AND relname = 'mentions'"],
                              capture_output=True, text=True, timeout=120)
    assert vacuumed.returncode == 0 and int(vacuumed.stdout.strip()) >= 1, vacuumed
