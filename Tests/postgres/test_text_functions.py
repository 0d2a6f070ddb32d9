"""`str` and `concat` on PostgreSQL against the in-memory executor: strings, whole numbers, booleans,
references (an entity by name, a document or fact by id, a mention by its text) and nulls give the same
text; floats and dates, which PostgreSQL writes otherwise, are refused (E420).
Run: python3 -m pytest -q Tests/postgres -k text_functions  (MQ=path to the binary).
"""
import pytest

from test_postgres import differential, report, run_mq

QUERIES = [
    'entities | take 25 | select s = str(name), c = concat(id, ":", mention_count, " ", country)',
    'entities | where country != null | select c = concat(name, " of ", country), s = str(country)',
    'docs | select c = concat(title, " (", outlet, ") ", annotated), s = str(outlet_entity), n = str(length)',
    'docs | select s = str(annotated), t = str(sentences > 20), u = str(null), v = concat(null, null)',
    'facts | take 30 | select s = concat(subject, " ", predicate, " ", said_by), d = str(doc), f = str(id)',
    'mentions | take 40 | select s = str(entity), d = str(doc), t = concat(surface, "@", start)',
    'docs | where concat(outlet, "") == "" | count',
    'entities | summarize n = count() by k = concat(type, "/", str(country)) | sort by k',
    'mentions | where doc == doc("000") | extend s = str(-start) | take 5 | select s',
]


def test_str_and_concat_agree(layout_url):
    report(differential(layout_url, QUERIES), "str and concat", max_refused=0)


@pytest.mark.parametrize("q", ['docs | select s = str(published)', 'docs | select s = concat("x", float(length))'])
def test_floats_and_dates_as_text_are_refused(seeds_url, q):
    r = run_mq(["-c", q], engine=seeds_url)
    assert r.returncode == 1 and "E420" in r.stderr and "otherwise than mq" in r.stderr, r.stderr
