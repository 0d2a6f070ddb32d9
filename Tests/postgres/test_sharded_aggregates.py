"""Aggregates over the partitioned tables of the sharded layout (docs/scale-out.md, SQLShardedAggregate):
a summarize whose keys do not contain the partition key is compiled as one aggregate per partition, each
sent whole to its shard by postgres_fdw, combined on the coordinator. Checked: the remote SQL does the
aggregation (EXPLAIN VERBOSE on the coordinator), one server's statements are unchanged, a distinct count
is not split, and the answers are the in-memory executor's (including partitions with no rows).
Run: python3 -m pytest -q Tests/postgres -k sharded_aggregates
"""
import re

import pytest

from conftest import MQ  # noqa: F401  (the binary the helpers run)
from test_plan_shapes import explain, sql_of
from test_postgres import differential, report

SPLIT = [
    'mentions | summarize n = count() by e = entity.id | sort by n desc, e | take 10',
    'mentions | summarize n = count(), own = countif(own), ambiguous = max(ambiguous), first = min(start), last = max(end) by z = zone',
    'docs | summarize n = count(), total = sum(length), mean = avg(length), shortest = min(length), longest = max(length) by o = outlet',
    'docs | where length > 1000 | summarize n = count(), any_annotated = max(annotated), all_annotated = min(annotated) by l = language',
    'docs | summarize n = count(), mean = avg(length), longest = max(length)',
    'mentions | where zone == "body" | extend e = entity | summarize n = count() * 2 + 1 by e = e.id | sort by n desc, e | take 5',
]


def remote_aggregates(plan):
    """The remote statements of the foreign scans that aggregate (`Relations: Aggregate on ...`)."""
    return [m for m in re.findall(r"Remote SQL: (.*)", plan) if "GROUP BY" in m or re.search(r"SELECT [^F]*(count|sum|min|max)\(", m)]


@pytest.mark.parametrize("q", SPLIT)
def test_sharded_summarize_aggregates_on_each_shard(sharded_seeds_url, q):
    sql = sql_of(sharded_seeds_url, q)
    assert "mq.documents_0" in sql or "mq.mentions_0" in sql, sql
    plan = explain(sharded_seeds_url, sql)
    # One aggregate pushed to each of the two shards, each reading its own partition.
    assert plan.count("Relations: Aggregate on") == 2, plan
    assert re.search(r"Aggregate on \(mq\.(mentions|documents)_0 ", plan) and re.search(r"Aggregate on \(mq\.(mentions|documents)_1 ", plan), plan
    assert len(remote_aggregates(plan)) == 2, plan


def test_one_server_reads_the_whole_table(seeds_url):
    sql = sql_of(seeds_url, SPLIT[0])
    assert "mq.mentions_0" not in sql and "UNION ALL" not in sql, sql


@pytest.mark.parametrize("q", [
    # A value counted by two partitions would be counted twice.
    'mentions | summarize n = dcount(doc) by e = entity.id | sort by n desc, e | take 5',
    # Strings in code point order (COLLATE "C"): postgres_fdw would not send the partition's aggregate.
    'mentions | summarize first = min(surface) by z = zone',
    # The documents of each mention, a partitioned table read whole: left to partitionwise joins.
    'mentions | summarize n = count() by o = doc.outlet',
])
def test_what_does_not_combine_on_the_shards_reads_the_whole_table(sharded_seeds_url, q):
    sql = sql_of(sharded_seeds_url, q)
    assert "mq.mentions_0" not in sql and "UNION ALL" not in sql, sql


def test_split_aggregates_agree_with_memory(sharded_seeds_url):
    queries = SPLIT + [
        # Every partition empty, and no keys: one row of zeros and nulls.
        'docs | where length < 0 | summarize n = count(), total = sum(length), mean = avg(length), shortest = min(length)',
        # A filter that reads another table whole (the documents of each mention's partition).
        'mentions | where doc.outlet != null | summarize n = count() by o = doc.outlet | sort by n desc, o',
        'mentions | summarize n = count(), s = sum(end - start) by e = entity.id, z = zone | sort by n desc, e, z | take 12',
        'docs | summarize n = count() by y = year(published) | sort by y',
        'mentions | summarize n = count() by e = entity.id',
        'mentions | summarize first = min(surface), last = max(surface) by z = zone',
        'mentions | summarize n = dcount(doc) by e = entity.id | sort by n desc, e | take 5',
    ]
    results = differential(sharded_seeds_url, queries)
    tally = report(results, "split aggregates", max_refused=0)
    assert tally.get("same") == len(queries), tally
