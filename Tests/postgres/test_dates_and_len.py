"""`min`/`max` of dates and `len` on PostgreSQL against the in-memory executor.

`min`/`max` of dates follow mq's fold over the rows in the input's order (dates compared as intervals: a
later date replaces the kept one only when it lies wholly before it, for max wholly after), by the
schema's aggregates `mq.date_min`/`mq.date_max`. `len` counts characters as mq does (CR LF one), or is an
error at run time naming a code point that may join its neighbour; `len` of a stored list counts its
items. Compared on the seeds (one server and the sharded topology), and on the seeds plus written
documents with mixed precisions, approximate and null dates, and non-ASCII texts.
Run: python3 -m pytest -q Tests/postgres -k dates_and_len  (MQ=path to the binary).
"""
import json
import os
import subprocess

from test_postgres import MQ, differential, report, run_mq, written_corpus

DATE_QUERIES = [
    'facts | summarize first = min(date), last = max(date) by s = subject.id',
    'facts | summarize a = min(coalesce(date, from, until)), b = max(from), c = min(until), n = count()',
    'facts | summarize first = min(date), last = max(date) by predicate',
    'facts | sort by predicate | summarize first = min(date), last = max(date) by subject | sort by subject',
    'facts | sort by date desc | summarize first = min(date), last = max(date)',
    'facts | sort by from | summarize first = min(from), last = max(until) by p = predicate | sort by p',
    'docs | summarize first = min(published), last = max(published) by outlet',
    'mentions | summarize first = min(doc.published), last = max(doc.published) by e = entity.id',
    'mentions | where entity != null | summarize first = min(doc.published) by t = entity.type',
    'facts | where date == null | summarize m = min(date), x = max(date)',
    'facts | take 0 | summarize m = min(date), x = max(date)',
    'facts | take 0 | summarize m = min(date) by subject',
    'entities | where type == "armed_group" | timeline | summarize first = min(date), last = max(date) by entity',
    'facts | extend d = if(date != null, date, from) | summarize m = min(d), x = max(d) by predicate',
    'facts | summarize m = min(date) by subject | summarize first = min(m), n = count()',
]

LEN_QUERIES = [
    'docs | select id, t = len(title), o = len(outlet), u = len(url)',
    'entities | select id, n = len(name), d = len(description)',
    'entities | select id, a = len(names), b = len(aliases), c = len(acronyms), m = len(mentions), d = len(docs), f = len(facts)',
    'docs | select id, a = len(authors), m = len(mentions), e = len(entities), f = len(facts)',
    'mentions | take 60 | select s = len(surface), a = len(doc.authors), n = len(entity.aliases), x = len(entity.country.names)',
    'docs | where len(entities) > 10 | select id',
    'entities | summarize n = sum(len(aliases)), m = max(len(name)) by type',
    'facts | select id, q = len(quote), p = len(predicate)',
]


def test_min_and_max_of_dates_agree(layout_url):
    report(differential(layout_url, DATE_QUERIES), "min and max of dates", max_refused=0)


def test_len_agrees(layout_url):
    report(differential(layout_url, LEN_QUERIES), "len", max_refused=0)


def test_min_of_dates_over_rows_in_no_order_is_refused(seeds_url):
    # The groups of a summarize over rows sorted by a key come in mq's first-seen order, which the server
    # does not know: a min of their dates has no order to follow.
    q = 'facts | sort by date desc | summarize m = min(date) by subject | summarize x = min(m)'
    assert run_mq(["-c", q]).returncode == 0
    r = run_mq(["-c", q], engine=seeds_url)
    assert r.returncode == 1 and "E420" in r.stderr and "no defined order" in r.stderr, r.stderr


# ---------------------------------------------------------------- written documents

# id: (outlet, published, text)
WRITTEN = {
    # In corpus order 2024-06, 2024, 2023-12-31: min keeps 2024-06 over the overlapping 2024, then takes
    # 2023-12-31 (wholly before it); max keeps 2024-06 (2024 overlaps it).
    "950": ("Dates A", "2024-06", "Plain text.\n"),
    "951": ("Dates A", "2024", "Plain text.\n"),
    "952": ("Dates A", "2023-12-31", "Plain text.\n"),
    # 2024 first: every later date overlaps it, so min and max are 2024 (integer order would give ~2024-03
    # and 2024-06).
    "953": ("Dates B", "2024", "Plain text.\n"),
    "954": ("Dates B", "2024-06", "Plain text.\n"),
    "955": ("Dates B", None, "Plain text.\n"),
    "956": ("Dates B", "~2024-03", "Plain text.\n"),
    # Only a null date.
    "957": ("Dates C", None, "Plain text.\n"),
    # The same day, approximate first: it is kept (the exact day is not before it).
    "958": ("Dates D", "~2025-01-05", "Plain text.\n"),
    "959": ("Dates D", "2025-01-05", "Plain text.\n"),
    # Characters of one code point each in several scripts, and CR LF line ends (one character each).
    "960": ("Text", "2024", "Line one\r\nline two\r\n\tend \u2014 \u00abH\u0323aqq\u00bb".replace("H\u0323", "\u1e24")
            + " \u6771\u4eac \ud55c\uad6d \U0001F600 \u20ac \u0642\u0648\u0627\u062a \u05e9\u05dc\u05d5\u05dd\r"),
    # A combining mark: PostgreSQL would count two characters where mq counts one.
    "961": ("Text", "2024", "Caf\u0065\u0301 au lait.\n"),
    # An emoji sequence joined by ZWJ.
    "962": ("Text", "2024", "Family \U0001F469\u200d\U0001F467.\n"),
}


def query(corpus, q, engine=None):
    r = subprocess.run([MQ, "--corpus", corpus, "--format", "json", "-c", q], capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, MQ_ENGINE=engine or "memory"))
    return r.returncode, (json.loads(r.stdout) if r.returncode == 0 else None), r.stderr


def test_written_dates_and_lengths(server, tmp_path):
    corpus = written_corpus(str(tmp_path), {n: (o, p, ["A"], t) for n, (o, p, t) in WRITTEN.items()})
    url = server.createdb("datelen")
    r = subprocess.run([MQ, "corpus", "push", corpus, "--to", url], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr

    q = 'docs | where outlet startswith "Dates" | summarize first = min(published), last = max(published) by outlet'
    expected = {"Dates A": ("2023-12-31", "2024-06"), "Dates B": ("2024", "2024"), "Dates C": (None, None),
                "Dates D": ("~2025-01-05", "~2025-01-05")}
    for engine in (None, url):
        status, rows, err = query(corpus, q, engine)
        assert status == 0, err
        got = {x["outlet"]: (x["first"], x["last"]) for x in rows}
        assert got == expected, (engine, got)
    # In the reverse order (2023-12-31, 2024, 2024-06): min keeps 2023-12-31; max takes 2024 (wholly after
    # 2023-12-31), then keeps it over the overlapping 2024-06.
    q = ('docs | where outlet == "Dates A" | sort by id desc | summarize first = min(published), last = max(published)')
    mem, sql = query(corpus, q), query(corpus, q, url)
    assert mem[0] == 0 and sql[0] == 0 and mem[1] == sql[1], (mem, sql)
    assert mem[1] == [{"first": "2023-12-31", "last": "2024"}], mem

    # len of a text with CR LF ends and letters of several scripts: code points, CR LF counted once.
    text = WRITTEN["960"][2]
    q = 'docs | where id startswith "960" | select n = len(text)'
    for engine in (None, url):
        status, rows, err = query(corpus, q, engine)
        assert status == 0 and rows == [{"n": len(text) - text.count("\r\n")}], (engine, rows, err)
    # A combining mark and a ZWJ sequence: mq counts characters; the server refuses rather than count otherwise.
    for n, point in (("961", "U+0301"), ("962", "U+200D")):
        q = f'docs | where id startswith "{n}" | select n = len(text)'
        status, rows, err = query(corpus, q)
        assert status == 0 and rows == [{"n": {"961": 14, "962": 10}[n]}], rows
        status, rows, err = query(corpus, q, url)
        assert status == 1 and "E421" in err and point in err and "len cannot run on PostgreSQL" in err, err
