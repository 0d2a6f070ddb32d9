#!/usr/bin/env python3
"""Run the benchmark queries on mq, DuckDB and SQLite over the same data, and compare their answers.

Usage: compare.py MQ_BINARY CORPUS_DIR GENERATED_DIR [--runs N] [--rounds R] [--max-steps N] [--max-rows N] [--no-sqlite]
                  [--separate] [--duckdb-memory-limit SIZE] [--min-available-gb G] [--table-only] [--only TEXT]

The databases load the same data mq holds: the mentions mq derived (exported with `mq corpus mentions`,
which agree with the generator's truth file at 99.9+% recall and precision, see score.py), the catalog,
the manifest and the facts. Every query is timed in-process. By default the engines take turns, query by
query, in R rounds (mq N runs, then DuckDB N runs after a warm-up, then SQLite): a slow spell of a shared
machine falls on all three rather than on one, and each median is over the R x N runs of its engine.

With --separate (for sizes where the engines do not fit in memory together: 1,000,000 documents), each
engine runs every query on its own, one engine after the other, and lets go of its data before the next
one loads: mq first (its process ends after each query), then DuckDB (closed before SQLite loads). The
texts are streamed from the files to the databases, never held in Python lists.

Either way, each engine's answers, times and peak memory are stored in
bench/results/<corpus>-<engine>.json, and the table is made from those files: the answers are compared
row by row from what was stored (--table-only makes the table again from those files, also from a run
stopped part-way, without running anything). Peak memory: mq's is the largest peak resident size of its processes
(the kernel's account of each, from wait4); a database's is the peak of this process while that engine
was loaded and queried (VmHWM, reset before each engine).

mq stops a query after 200,000,000 evaluation steps by default. The regular expression's scan counts a step
per character of every text, so at 100,000 documents (370 MB of text) it needs more: that query asks mq
for two steps per byte of text (or the default, if more), and the step limit is printed with the table.
--max-steps N gives every query that limit instead. mq holds at most 5,000,000 rows in any one table (the
groups of a summarize among them); --max-rows N raises that (at 1,000,000 documents the (document, entity)
pairs are more). --no-sqlite leaves SQLite out (its group-bys take 1.4 to 7 s
each at 10,000 documents and grow tenfold at 100,000; the target is the ratio to DuckDB).
--duckdb-memory-limit caps DuckDB's memory (its default is 80% of the machine's; past the cap it spills
to bench/results/duckdb.tmp). --only TEXT runs only the queries whose name contains TEXT (it may be
given more than once); the stored files and the table then hold only those. --min-available-gb G (default 4) stops the run, and the mq process under
way, when the machine's available memory falls under G GiB: a run that would starve other work ends
with a message rather than pushing the machine into the out-of-memory killer.
"""
import json
import os
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import duckdb

from queries import queries_for

TYPES = {"militia": "armed_group", "person": "person", "organization": "organization", "country": "country",
         "place": "place", "agency": "state_body"}


def option(name, default, convert=str):
    return convert(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def all_times(fn, runs):
    """Milliseconds of each of `runs` runs, after one warm-up run, and the last run's result."""
    result = fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times, result


class MemoryGuard:
    """Stops the run when the machine's available memory falls under a floor (checked twice a second)."""

    def __init__(self, min_gb):
        self.floor_kb = int(min_gb * 1024 * 1024)
        self.child = None  # the mq process under way, if any
        self.lowest_kb = None
        threading.Thread(target=self.watch, daemon=True).start()

    @staticmethod
    def available_kb():
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1])
        return None

    def watch(self):
        while True:
            kb = self.available_kb()
            if kb is not None:
                self.lowest_kb = kb if self.lowest_kb is None else min(self.lowest_kb, kb)
                if kb < self.floor_kb:
                    print(f"compare.py: stopped: the machine's available memory fell to {kb // 1024} MiB, under "
                          f"the floor of {self.floor_kb // 1024} MiB (--min-available-gb)", file=sys.stderr, flush=True)
                    if self.child is not None and self.child.poll() is None:
                        self.child.kill()
                    os._exit(3)
            time.sleep(0.5)


def run_measured(guard, cmd, stdout):
    """Run cmd with stdout to a file object; its exit status, error text and peak resident size in KB."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=err)
        guard.child = proc
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        guard.child = None
        err.seek(0)
        return proc.returncode, err.read().decode("utf-8", "replace"), usage.ru_maxrss


def reset_peak_memory():
    """Start this process's peak resident size afresh (Linux: clear_refs 5), where the kernel allows it."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_memory_kb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def documents(gen):
    """(id, title, outlet, published, text) of each document in manifest order, one at a time."""
    with open(os.path.join(gen, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            d, title, outlet, pub = line.rstrip("\n").split("\t")
            with open(os.path.join(gen, "documents", d + ".txt"), encoding="utf-8") as t:
                yield d, title, outlet, pub, t.read()


def mention_rows(mentions_tsv):
    with open(mentions_tsv, encoding="utf-8") as f:
        next(f)
        for line in f:
            # doc, entity, sentence, start, end, zone, surface, and (since uncertain mentions) uncertain
            d, e, s, st, en, z = line.rstrip("\n").split("\t")[:6]
            yield d, e, int(s), z, int(st), int(en)


def load(db, gen, mentions_tsv, is_duck):
    cur = db.cursor()
    cur.execute('CREATE TABLE mentions(doc TEXT, entity TEXT, sentence INTEGER, zone TEXT, start INTEGER, "end" INTEGER)')
    cur.execute("CREATE TABLE entities(id TEXT, type TEXT, name TEXT)")
    cur.execute("CREATE TABLE names(id TEXT, name TEXT)")
    cur.execute("CREATE TABLE docs(id TEXT, title TEXT, outlet TEXT, published TEXT, text TEXT)")
    cur.execute("CREATE TABLE facts(subject TEXT, predicate TEXT, object TEXT, year TEXT, doc TEXT)")
    ents = {}
    names = set()
    with open(os.path.join(gen, "catalog.tsv"), encoding="utf-8") as f:
        for line in f:
            i, t, n, a = line.rstrip("\n").split("\t")
            ents[i] = (i, TYPES[t], n)
            names.update([(i, n), (i, a)])
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
            for d in documents(gen):
                f.write(json.dumps(dict(zip(["id", "title", "outlet", "published", "text"], d))) + "\n")
        cur.execute("DROP TABLE docs")
        cur.execute("CREATE TABLE docs AS SELECT id, title, outlet, published, text FROM read_json(?, format='newline_delimited', "
                    "columns={'id': 'VARCHAR', 'title': 'VARCHAR', 'outlet': 'VARCHAR', 'published': 'VARCHAR', 'text': 'VARCHAR'})",
                    [docs_jsonl])
        os.remove(docs_jsonl)
    else:
        cur.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)", mention_rows(mentions_tsv))
        cur.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", documents(gen))
    cur.executemany("INSERT INTO entities VALUES (?, ?, ?)", list(ents.values()))
    cur.executemany("INSERT INTO names VALUES (?, ?)", sorted(names))
    cur.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?)", facts)
    if not is_duck:
        for sql in ("CREATE INDEX m_entity ON mentions(entity, doc)", "CREATE INDEX m_doc ON mentions(doc, entity)",
                    "CREATE INDEX e_type ON entities(type)", "CREATE INDEX f_subject ON facts(subject)",
                    "CREATE INDEX f_object ON facts(object)", "CREATE INDEX d_id ON docs(id)", "ANALYZE"):
            cur.execute(sql)
    db.commit()


def parameters(gen, mentions_tsv):
    """The entities the queries name (the most-mentioned first and fifth, the third's type) and the bytes of text.

    DuckDB aggregates the mentions file as it reads it: a few hundred MB at most, whatever the corpus size."""
    con = duckdb.connect()
    top = con.execute("SELECT entity, count(*) n FROM read_csv(?, delim='\t', header=true, quote='', escape='', "
                      "columns={'doc': 'VARCHAR', 'entity': 'VARCHAR', 'sentence': 'INTEGER', 'start': 'INTEGER', "
                      "'end': 'INTEGER', 'zone': 'VARCHAR', 'surface': 'VARCHAR', 'uncertain': 'VARCHAR'}) "
                      "GROUP BY entity ORDER BY n DESC, entity LIMIT 5", [mentions_tsv]).fetchall()
    con.close()
    kinds = {}
    with open(os.path.join(gen, "catalog.tsv"), encoding="utf-8") as f:
        for line in f:
            i, t = line.split("\t")[:2]
            kinds[i] = TYPES[t]
    text_bytes = 0
    with open(os.path.join(gen, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            text_bytes += os.path.getsize(os.path.join(gen, "documents", line.split("\t", 1)[0] + ".txt"))
    return top[0][0], top[4][0], kinds[top[2][0]], text_bytes


def normalised(rows):
    return [["" if v is None else str(v) for v in r] for r in rows]


class MqEngine:
    """mq, one `mq bench` process per run of a query (the corpus reopened from its cache, if it has one)."""
    name = "mq"

    def __init__(self, guard, mq, corpus, runs, steps_for, alone, max_rows=None):
        self.guard, self.mq, self.corpus, self.runs, self.steps_for = guard, mq, corpus, runs, steps_for
        self.alone, self.max_rows = alone, max_rows
        self.peak_kb = 0

    def run(self, query):
        """The times and rows of one round of `query`, or the error mq stopped with."""
        _name, q, _sql, _kind, options = query
        with tempfile.TemporaryFile() as out:
            rc, err, peak = run_measured(self.guard, [self.mq, "bench", "--corpus", self.corpus, "--runs", str(self.runs),
                                                      "--max-steps", str(self.steps_for(options))]
                                                     + (["--max-rows", str(self.max_rows)] if self.max_rows else []) + [q], out)
            self.peak_kb = max(self.peak_kb, peak)
            out.seek(0)
            text = out.read().decode("utf-8")
        if rc != 0:
            print(f"mq stopped on {q!r}:\n{err.strip()}", file=sys.stderr)
            return None, err.strip()
        res = json.loads(text.strip().splitlines()[-1])
        rows = [tuple(r.values()) for r in res["result"]] if isinstance(res["result"], list) else [(res["result"],)]
        return res["times_ms"], normalised(rows)

    def close(self):
        # A child's peak from wait4 counts the pages it shared with this process before exec: only when
        # this process holds no database (--separate) is it mq's own.
        return {"peak_rss_kb": self.peak_kb} if self.alone else {}


class SqlEngine:
    """DuckDB or SQLite in this process, loaded from the same files."""

    def __init__(self, name, gen, mentions_tsv, runs, duck_memory_limit, alone):
        self.name, self.runs, self.alone = name, runs, alone
        if alone:  # the only engine in this process from now on: its peak is the process's from here
            reset_peak_memory()
        if name == "duckdb":
            self.db = duckdb.connect()
            if duck_memory_limit:
                spill = os.path.join(os.path.dirname(mentions_tsv), "duckdb.tmp")
                self.db.execute(f"SET memory_limit = '{duck_memory_limit}'")
                self.db.execute(f"SET temp_directory = '{spill}'")
        else:
            self.db = sqlite3.connect(":memory:")
            # The word search as DuckDB writes it, and REGEXP, which SQLite has no function for: Python's re.
            self.db.create_function("regexp_matches", 2, lambda text, pattern: 1 if re.search(pattern, text) else 0,
                                    deterministic=True)
            self.db.create_function("regexp", 2, lambda p, s: s is not None and re.search(p, s) is not None,
                                    deterministic=True)
        t0 = time.perf_counter()
        load(self.db, gen, mentions_tsv, name == "duckdb")
        self.load_s = time.perf_counter() - t0
        print(f"{name} loaded in {self.load_s:.1f} s", file=sys.stderr)

    def run(self, query):
        _name, _q, sql, _kind, _options = query
        duck_sql, lite_sql = sql if isinstance(sql, tuple) else (sql, sql)
        text = duck_sql if self.name == "duckdb" else lite_sql
        times, rows = all_times(lambda: self.db.execute(text).fetchall(), self.runs)
        return times, normalised(rows)

    def close(self):
        peak = peak_memory_kb()
        self.db.close()
        self.db = None
        # With the engines taking turns in this process, its peak is theirs together, not this one's.
        return {"peak_rss_kb": peak, "load_s": round(self.load_s, 1)} if self.alone else {"load_s": round(self.load_s, 1)}


def results_path(out_dir, corpus, engine):
    return os.path.join(out_dir, f"{os.path.basename(corpus.rstrip('/'))}-{engine}.json")


def table(queries, stored, default_steps, steps_for):
    """The markdown table of medians and ratios, from the stored results; whether every answer agreed."""
    engines = list(stored)
    labels = {"mq": "mq", "duckdb": "DuckDB", "sqlite": "SQLite"}
    head = ["query"] + [f"{labels[e]} median ms" for e in engines] + [f"mq/{labels[e]}" for e in engines[1:]] + ["same answers"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (2 * len(engines) - 1) + "---|"]
    all_same = True
    for name, _q, _sql, kind, options in queries:
        label = name if steps_for(options) == default_steps else f"{name} (step limit {steps_for(options):,})"
        got = [stored[e]["queries"].get(name, {}) for e in engines]
        if any(not g.get("times_ms") for g in got):
            all_same = False
            cells = [("not run" if not g else "error") if not g.get("times_ms") else f"{statistics.median(g['times_ms']):.1f}"
                     for g in got]
            lines.append(f"| {label} | " + " | ".join(cells) + " |" * len(engines[1:]) + " | NO |")
            continue
        medians = [statistics.median(g["times_ms"]) for g in got]
        answers = [g["rows"] if kind == "ordered" else sorted(g["rows"]) for g in got]
        same = all(a == answers[0] for a in answers[1:])
        all_same &= same
        if not same:
            print(f"DIFFERENT ANSWERS for {name}:\n" + "\n".join(f"  {e} {a[:5]}" for e, a in zip(engines, answers)),
                  file=sys.stderr)
        lines.append(f"| {label} | " + " | ".join(f"{m:.1f}" for m in medians) + " | "
                     + " | ".join(f"{medians[0] / m:.2f}" if m else "" for m in medians[1:])
                     + f" | {'yes' if same else 'NO'} |")
    peaks = ", ".join(f"{labels[e]} {stored[e]['peak_rss_kb'] / 1024:,.0f} MiB" if "peak_rss_kb" in stored[e]
                      else f"{labels[e]} not known (measured with --separate only, and not when stopped part-way)"
                      for e in engines)
    loads = ", ".join(f"{labels[e]} {stored[e]['load_s']} s" for e in engines if "load_s" in stored[e])
    return "\n".join(lines) + f"\n\nPeak resident memory: {peaks}. Loads: {loads}.", all_same


def main():
    mq, corpus, gen = sys.argv[1:4]
    runs = option("--runs", 5, int)
    rounds = option("--rounds", 3, int)
    separate = "--separate" in sys.argv
    guard = MemoryGuard(option("--min-available-gb", 4.0, float))
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")
    os.makedirs(out_dir, exist_ok=True)
    mentions_tsv = os.path.join(out_dir, os.path.basename(corpus.rstrip("/")) + "-mentions.tsv")
    # --table-only makes the table again from the results stored by an earlier run (also one stopped part-way).
    table_only = "--table-only" in sys.argv
    export_peak = 0
    if not table_only:
        with open(mentions_tsv, "w") as f:
            t0 = time.perf_counter()
            rc, err, export_peak = run_measured(guard, [mq, "corpus", "mentions", corpus], f)
            if rc != 0:
                sys.exit(f"mq corpus mentions failed:\n{err}")
        print(f"mq corpus mentions: {time.perf_counter() - t0:.1f} s, peak {export_peak / 1024:,.0f} MiB", file=sys.stderr)

    a, b, etype, text_bytes = parameters(gen, mentions_tsv)
    queries = [qq if len(qq) == 5 else qq + ({},) for qq in queries_for(a, b, etype)]
    only = [sys.argv[i + 1] for i, arg in enumerate(sys.argv[:-1]) if arg == "--only"]
    if only:
        queries = [qq for qq in queries if any(o in qq[0] for o in only)]
        if not queries:
            sys.exit(f"no query's name contains {' or '.join(map(repr, only))}")
    default_steps = 200_000_000
    forced_steps = option("--max-steps", None, int)

    def steps_for(options):
        """The step limit mq runs a query with: --max-steps, else what the query asks for at this size."""
        if forced_steps is not None:
            return forced_steps
        return max(default_steps, int(options.get("steps_per_text_byte", 0) * text_bytes))

    names = ["mq", "duckdb"] + ([] if "--no-sqlite" in sys.argv else ["sqlite"])
    duck_limit = option("--duckdb-memory-limit", None)

    def open_engine(name):
        if name == "mq":
            return MqEngine(guard, mq, corpus, runs, steps_for, separate, option("--max-rows", None, int))
        return SqlEngine(name, gen, mentions_tsv, runs, duck_limit, separate)

    stored = {n: {"engine": n, "corpus": os.path.abspath(corpus), "runs": runs, "rounds": rounds, "queries": {}}
              for n in names}

    def record(engine, query, outcome):
        times, rows = outcome
        entry = stored[engine.name]["queries"].setdefault(query[0], {"times_ms": [], "rows": None})
        if times is None:
            entry["error"], entry["times_ms"] = rows, []
            return False
        entry["times_ms"] += times
        entry["rows"] = rows
        return True

    def save(name):
        with open(results_path(out_dir, corpus, name), "w") as f:
            json.dump(stored[name], f)

    def finish(engine):
        stored[engine.name].update(engine.close())
        if engine.name == "mq":  # the queries' processes and the export's apart, and the larger of the two
            stored["mq"]["export_peak_rss_kb"] = export_peak
            if "peak_rss_kb" in stored["mq"]:  # measured with --separate only
                stored["mq"]["queries_peak_rss_kb"] = stored["mq"]["peak_rss_kb"]
                stored["mq"]["peak_rss_kb"] = max(stored["mq"]["peak_rss_kb"], export_peak)
        stored[engine.name]["complete"] = True
        save(engine.name)

    if table_only:
        pass
    elif separate:
        for name in names:
            engine = open_engine(name)
            for query in queries:
                for _ in range(rounds):
                    if not record(engine, query, engine.run(query)):
                        break
                save(name)  # what is done so far survives a run stopped part-way
            finish(engine)
            del engine
    else:
        engines = [open_engine(n) for n in names]
        for query in queries:
            for _ in range(rounds):
                # When mq stops with an error, the databases skip the query: there is nothing to compare.
                if not all(record(e, query, e.run(query)) for e in engines):
                    break
        for engine in engines:
            finish(engine)

    # The comparison reads back what each engine stored.
    for name in names:
        if os.path.exists(results_path(out_dir, corpus, name)):
            with open(results_path(out_dir, corpus, name)) as f:
                stored[name] = json.load(f)
    text, all_same = table(queries, stored, default_steps, steps_for)
    print(text)
    print(f"Lowest available memory during the run: {guard.lowest_kb // 1024:,} MiB", file=sys.stderr)
    with open(os.path.join(out_dir, os.path.basename(corpus.rstrip("/")) + "-queries.md"), "w") as f:
        f.write(text + "\n")
    sys.exit(0 if all_same else 1)


if __name__ == "__main__":
    main()
