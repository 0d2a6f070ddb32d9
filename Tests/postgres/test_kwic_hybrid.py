"""`kwic` of words, phrases and regular expressions, and `where ... matches`, on PostgreSQL: the server
narrows the documents (stored words and skeletons for phrases, the literal every match holds for
patterns), mq's own matcher finishes the stage over the rows it returns, and the stages after it run in
memory. Compared row for row, in order, with the in-memory executor: over the seeds (one server and the
sharded topology) and over written documents whose spellings would slip past a plain test of the stored
words (a loose vowel, a skeleton of a word outside ASCII, a phrase of the spelling table made one word,
characters that ICU's case folding equates with ASCII letters). Patterns without a literal are refused.
Run: python3 -m pytest -q Tests/postgres -k hybrid  (MQ=path to the binary).
"""
import json
import os
import subprocess

from test_postgres import MQ, run_mq, written_corpus
from test_stages import compare_in_order

SEED_QUERIES = [
    'docs | kwic "drone" | select doc, left, match, right, zone, start',
    'docs | kwic "drone" | take 2',
    'docs | kwic "drone" | count',
    'docs | kwic "Kataib Hezbollah" width 20 | take 3',
    'docs | kwic "Hashd al-Shaabi" width 30',
    # The seeds write the name both ways: "Mohammed" and "Mohamed", both "muhammad" to the matcher.
    'docs | kwic "Muhammad" | select doc, match, start',
    'docs | kwic "Mohamed" | select match',
    'docs | kwic ["drone", "drones"] | where zone == "body" | select left, match',
    "docs | kwic \"Iran's Quds Force\" | select doc, match",
    'docs | where outlet != "Arab News" | kwic "Iran" | take 4',
    'docs | sort by published desc | kwic "Iraq" | take 5 | select doc, start',
    'docs | kwic "militia" | summarize n = count() by zone',
    'docs | kwic "no such word anywhere" | count',
    'docs | kwic matches r"(?i)\\bdrones?\\b" | select doc, match, start',
    'docs | kwic matches r"(?i)\\bdrones?\\b" | summarize n = count() by doc',
    'docs | kwic matches [r"Quds", r"(?i)kata.?ib"] width 15 | take 6',
    'docs | kwic matches r"Soleim[a-z]+" | count',
    'docs | where text matches r"(?i)\\bdrones?\\b" | select id, title',
    'docs | where text matches r"Quds" and outlet != "x" | count',
    'docs | where text matches r"(?i)militia" | kwic "militia" | take 3',
    'entities | where name matches r"Hezbollah" | select id, name',
    'docs | where title matches r"(?i)iraq" | select id',
]


def test_kwic_and_matches_on_the_seeds(layout_url, tmp_path):
    tally = compare_in_order(layout_url, SEED_QUERIES, str(tmp_path))
    assert tally == {"same": len(SEED_QUERIES)}, tally


# Each document holds one spelling only, so that the document is found through that spelling alone.
WRITTEN = {
    # A doubled vowel written once: "Shaabi" finds "Shabi", whose stored word is "shabi".
    "920": "Fighters of the Hashd al-Shabi paraded in Basra on Friday.\n",
    # A word outside ASCII compared by skeleton: "Haq" finds "Ḥaqq", whose stored word is "haqq".
    "921": "The Ḥaqq movement held a rally in the capital.\n",
    # A phrase of the spelling table made one word: "Allah" finds the second word of "Hizb Allah",
    # whose stored words are "hezbollah" alone.
    "922": "Members of Hizb Allah marched through the square.\n",
    # Spellings of the table, with letters outside ASCII.
    "923": "A commander of Kata'ib Ḥizballah and of Kataeb Hizbollah spoke.\n",
    # Scholarly transliteration: folded, loose and skeleton at once.
    "924": "Units of al-Ḥašd al-Šaʿbī were seen near Mosul.\n",
    # ICU's case folding: the Kelvin sign for k, the long s, sharp s, the fi and fl ligatures.
    "925": "The \u212Ailo line. A \u017Fhort STRASSE and a Straße. The \ufb01nal \ufb02ight.\n",
    "926": "Mohamed met Muhammed and MOHAMMAD in Najaf.\n",
}

WRITTEN_TERMS = ['"Shaabi"', '"Hashd al-Shaabi"', '"Haq"', '"Haqq"', '"Allah"', '"Hezbollah"', '"Hizb Allah"',
                 '"Kataib Hezbollah"', '"Šaʿbī"', '"Muhammad"', '"Mohammed"', '["haq", "allah"]',
                 'matches r"(?i)kilo"', 'matches r"(?i)short"', 'matches r"(?i)strasse"', 'matches r"(?i)\\bfinal\\b"',
                 'matches r"(?i)flight"', 'matches r"Straße"', 'matches r"Ḥaqq"']


def test_spellings_that_a_plain_word_test_would_miss(server, tmp_path):
    corpus = written_corpus(str(tmp_path), {n: ("Test", "2024-02-01", ["A"], t) for n, t in WRITTEN.items()})
    url = server.createdb("spellings")
    r = subprocess.run([MQ, "corpus", "push", corpus, "--to", url], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    queries = [f'docs | where id startswith "92" | kwic {t} width 12 | select doc, left, match, right, start'
               for t in WRITTEN_TERMS]
    queries += ['docs | where text matches r"(?i)kilo" | select id', 'docs | where text matches r"(?i)strasse" | select id']
    # `has` of one word compiles to the stored words, their loose forms and the skeletons: the same
    # documents as the phrase matcher in memory, over the spellings a plain word test misses.
    queries += [f'docs | where id startswith "92" and text has {t} | select id'
                for t in ['"Shaabi"', '"Haq"', '"Haqq"', '"Šaʿbī"', '"Muhammad"', '"Mohammed"', '"Kataib"', '"Ḥašd"',
                          '"fighters"', '"kilo"']]
    tally = compare_in_order(url, queries, str(tmp_path), corpus=corpus)
    assert tally == {"same": len(queries)}, tally

    def hits(term):
        q = f'docs | where id startswith "92" | kwic {term} | select d = doc.id, match'
        out = subprocess.run([MQ, "--corpus", corpus, "--format", "json", "-c", q], capture_output=True, text=True,
                             env=dict(os.environ, MQ_ENGINE=url))
        assert out.returncode == 0, out.stderr
        return [(row["d"][:3], row["match"]) for row in json.loads(out.stdout)]

    # The hits the adversarial spellings give (read from the texts above), found through the server.
    assert hits('"Shaabi"') == [("920", "Shabi"), ("924", "Šaʿbī")]
    assert hits('"Haq"') == [("921", "Ḥaqq")]
    assert hits('"Allah"') == [("922", "Allah")]
    assert hits('"Muhammad"') == [("926", "Mohamed"), ("926", "Muhammed"), ("926", "MOHAMMAD")]
    assert hits('matches r"(?i)strasse"') == [("925", "STRASSE"), ("925", "Straße")]
    assert hits('matches r"(?i)kilo"') == [("925", "\u212Ailo")]
    def has(term):
        q = f'docs | where id startswith "92" and text has {term} | select id'
        out = subprocess.run([MQ, "--corpus", corpus, "--format", "json", "-c", q], capture_output=True, text=True,
                             env=dict(os.environ, MQ_ENGINE=url))
        return out.returncode, [row["id"][:3] for row in json.loads(out.stdout)] if out.returncode == 0 else out.stderr

    assert has('"Shaabi"') == (0, ["920", "924"])
    assert has('"Haq"') == (0, ["921"])
    # A word of a phrase of the spelling table is stored as the phrase's word: refused, not answered wrong.
    for term in ['"Allah"', '"Hezbollah"']:
        code, err = has(term)
        assert code != 0 and "E420" in err, (term, err)
    # ... which a test of the stored words alone would have missed: they hold other words there.
    for word, doc in [("shaabi", "920"), ("haq", "921"), ("allah", "922")]:
        n = server.psql("spellings", f"SELECT count(*) FROM mq.documents WHERE words @> ARRAY['{word}'] AND id LIKE '{doc}%'")
        assert int(n) == 0, word


def test_patterns_without_a_literal_and_other_shapes_are_refused(seeds_url):
    for q, why in [
        ('docs | kwic matches r"\\w+" | count', "no literal every match holds"),
        ('docs | kwic matches r"(?i)dr[o0]ne" | count', "no literal every match holds"),
        # Each branch has a literal, but no one literal is in every match.
        ('docs | kwic matches r"Soleimani|Muhandis" | count', "no literal every match holds"),
        ('docs | where text matches r"\\d{4}" | count', "no part of this condition narrows"),
        ('docs | where text matches r"Quds" or outlet == "x" | count', "no part of this condition narrows"),
        ('docs | kwic "drone" | join kind=inner (docs | select id, title) on doc == id', "only row stages run"),
        ('docs | kwic "drone" | where doc in (docs | where outlet == "x")', "reads the corpus"),
    ]:
        r = run_mq(["-c", q], engine=seeds_url)
        assert r.returncode == 1 and "E420" in r.stderr and why in r.stderr, (q, r.stderr)
        # The same queries run in memory.
        assert run_mq(["-c", q]).returncode == 0, q


def test_explain_shows_the_narrowing_and_what_mq_does_after_it(seeds_url):
    r = run_mq(["explain", "-q", 'docs | kwic "Hashd al-Shaabi" | take 3'], engine=seeds_url)
    assert r.returncode == 0, r.stderr
    assert "d.words && ARRAY['shaabi', 'shabi']::text[] OR d.skeletons @> ARRAY['shabi']::text[]" in r.stdout, r.stdout
    assert "-- then mq: kwic by mq's own matcher" in r.stdout and "then take in memory" in r.stdout, r.stdout
    r = run_mq(["explain", "-q", 'docs | where text matches r"(?i)\\bdrones?\\b" | count'], engine=seeds_url)
    assert r.returncode == 0, r.stderr
    assert 'COLLATE "C"), \'drone\') > 0' in r.stdout and "-- then mq: where" in r.stdout, r.stdout


def test_a_text_that_differs_from_the_pushed_one_is_an_error(server, tmp_path):
    """mq's matcher reads the local copy of each candidate: a text the server holds otherwise is an error."""
    pushed = written_corpus(str(tmp_path / "a"), {"930": ("Test", "2024-02-01", ["A"], "A drone fell on the base.\n")})
    url = server.createdb("differs")
    assert subprocess.run([MQ, "corpus", "push", pushed, "--to", url], capture_output=True).returncode == 0
    same = run_mq(["--format", "json", "-c", 'docs | where id startswith "930" | kwic "drone" | count'], corpus=pushed, engine=url)
    assert same.returncode == 0 and json.loads(same.stdout) == [{"count": 1}], same.stderr
    edited = written_corpus(str(tmp_path / "b"), {"930": ("Test", "2024-02-01", ["A"], "A drone fell on the base twice.\n")})
    r = run_mq(["-c", 'docs | where id startswith "930" | kwic "drone" | count'], corpus=edited, engine=url)
    assert r.returncode == 1 and "differs from the local directory's" in r.stderr and "push" in r.stderr, r.stderr
