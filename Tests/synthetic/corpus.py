"""A small synthetic corpus for the differential tests, written deterministically from a seed.

The seeds are five real articles: too few rows for group-bys, joins and distinct counts to meet the
shapes a larger corpus has (many documents per outlet, entities in hundreds of documents, null metadata,
dates of every precision). This corpus adds them, in mq's own corpus format (docs/corpus-format.md):

- `catalog/entities.tsv`: armed groups, people, bodies, places and countries with aliases in
  transliterated spellings (hyphens, apostrophes, particles, diacritics), acronyms, a name two entities
  share (listed under `ambiguous` on both) and countries;
- `facts/facts.tsv`: facts with entity objects, numbers with units, texts and dates as values, dates of
  year, month and day precision (some approximate), validity intervals, `said_by`, and quotes that occur
  in their documents;
- `documents.tsv`: titles, outlets (some absent, some not ASCII), authors (`;`-separated, some none),
  dates of every precision (some absent); a few documents have no row, so their metadata is inferred
  from a dateline;
- `documents/*.txt`: sentences of common news words and entity names in the spellings an analyst meets
  (case, curly apostrophes, particles, macrons), words with accents and in Arabic script, zones
  (an advertisement line, a related-articles tail), some with CR LF line ends.

Usage: python3 Tests/synthetic/corpus.py OUT [--docs N] [--seed S]; or `write(out, docs, seed)`.
"""
import atexit
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile

WORDS = ("the a of to in and on for with by from at as that said officials group forces government "
         "security attack militia leader report sources according statement region border city province "
         "week month year after before during amid pressure sanctions drone drones missile base troops law "
         "parliament budget funding network support movement faction commander spokesperson minister "
         "analyst told agency confirmed denied claimed announced warned accused designated withdrew "
         "deployed strike operation control influence armed weapons oil revenue trade election coalition "
         "party vote court ruling protest crisis talks café résumé naïve Zürich São").split()
ARABIC = ["الحشد", "الشعبي", "كتائب", "بغداد", "العراق"]
ROOTS = "Kata Hez Nuj Sha Zay Fat Mah Mus Kha Hus Sad Mal Sud Kaa Jaz Nay Abe Ram Bar Dar Kar Naj Bas Mos Kir Tik".split()
SUFFIXES = "ib ollah aba ada oun ibi di ali ain iki ani bi iri el an yah ir at ar oud".split()
OUTLETS = ["Tigris Post", "Gulf Wire", "Levant Monitor", "Al-Sūmariyya", "Desert Courier", "Rūdaw English"]
AUTHORS = ["Anas al-Bar", "Hana Saleh", "J. Smith", "Layla Ḥusayn", "Omar K."]


def word(rng):
    return (rng.choice(ROOTS) + rng.choice(SUFFIXES)).capitalize()


def entities(rng):
    """The catalog: (id, type, name, aliases, acronyms, ambiguous, country), every name unique once folded."""
    out, seen = [], set()
    countries = [("country-a", "country", "Qaradistan", ["Republic of Qaradistan"], [], [], ""),
                 ("country-b", "country", "Veloria", [], [], [], "")]
    places = [("city-one", "place", "Nahrayn City", ["Nahrain"], [], [], "country-a"),
              ("base-two", "place", "Camp Dāwūd", ["Camp Dawud"], [], [], "country-a")]
    for e in countries + places:
        out.append(e)
        seen.update(n.lower() for n in [e[2]] + e[3])
    kinds = ["armed_group"] * 8 + ["person"] * 10 + ["state_body"] * 3 + ["organization"] * 3
    for k, kind in enumerate(kinds):
        while True:
            a, b = word(rng), word(rng)
            if kind == "armed_group":
                name = f"Kataib {a} al-{b}"
                aliases = [f"Kata'ib {a} al-{b}", f"{a} Brigades"]
                acronyms = [("K" + a[0] + b[0]).upper()]
            elif kind == "person":
                name = f"{a} al-{b}"
                aliases = [f"{a} al {b}", f"{a[0]}. al-{b}"]
                acronyms = []
            else:
                name = f"{a} {'Ministry' if kind == 'state_body' else 'Institute'}"
                aliases = [f"the {a} {'Ministry' if kind == 'state_body' else 'Institute'}"]
                acronyms = []
            names = [name] + aliases + acronyms
            if not any(n.lower() in seen for n in names):
                break
        seen.update(n.lower() for n in names)
        country = rng.choice(["country-a", "country-b", ""])
        out.append((f"{kind.replace('_', '-')}-{k:02d}", kind, name, aliases, acronyms, [], country))
    # A name two people share: attributed from context, or left unresolved.
    for i in (len(countries) + len(places) + 8, len(countries) + len(places) + 9):
        e = out[i]
        out[i] = e[:5] + (["Abu Mahdi"],) + e[6:]
    return out


def sentence(rng, cast, names):
    parts = []
    for _ in range(rng.randint(6, 16)):
        r = rng.random()
        if r < 0.14 and cast:
            parts.append(spelling(rng, rng.choice(names[rng.choice(cast)])))
        elif r < 0.16:
            parts.append(rng.choice(ARABIC))
        else:
            parts.append(rng.choice(WORDS))
    s = " ".join(parts)
    return s[0].upper() + s[1:] + rng.choice([".", ".", ".", "?", "!"])


def spelling(rng, name):
    """A spelling of `name` an article might print; mq's matcher folds it back."""
    r = rng.random()
    if r < 0.5 or name.isupper():
        return name
    if r < 0.6:
        return name.replace("'", "\u2019")
    if r < 0.7:
        return name.replace("al-", "Al-")
    if r < 0.8:
        return name.replace("a", "\u0101", 1)
    if r < 0.9:
        return name.upper()
    return name.lower()


def date(rng, absent=0.1):
    r = rng.random()
    if r < absent:
        return ""
    y = rng.randint(2014, 2026)
    r = rng.random()
    if r < 0.2:
        return f"{y}"
    if r < 0.35:
        return f"{y}-{rng.randint(1, 12):02d}"
    if r < 0.42:
        return f"~{y}"
    return f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def write(out, docs=400, seed=20261207):
    rng = random.Random(seed)
    ents = entities(rng)
    for d in ("catalog", "facts", "documents"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    with open(os.path.join(out, "catalog", "entities.tsv"), "w", encoding="utf-8") as f:
        f.write("id\ttype\tname\taliases\tacronyms\tambiguous\tcountry\n")
        for e in ents:
            f.write("\t".join([e[0], e[1], e[2], "|".join(e[3]), "|".join(e[4]), "|".join(e[5]), e[6]]) + "\n")
    names = {e[0]: [e[2]] + e[3] + e[4] + e[5] for e in ents}
    # Popular entities are mentioned far more often, as in the news.
    ids = [e[0] for e in ents]
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(ids))]
    rng.shuffle(weights)
    people = [e[0] for e in ents if e[1] == "person"]
    groups = [e[0] for e in ents if e[1] == "armed_group"]
    bodies = [e[0] for e in ents if e[1] in ("state_body", "country")]
    facts, rows = [], []
    width = len(str(docs))
    for d in range(docs):
        doc = f"s{d:0{width}d}"
        cast = list(dict.fromkeys(rng.choices(ids, weights=weights, k=rng.randint(0, 6))))
        title = " ".join([rng.choice(names[cast[0]]) if cast else "Officials"] + rng.sample(WORDS[:60], 3)).replace("  ", " ")
        outlet = rng.choice(OUTLETS + [""])
        published = date(rng)
        lines = []
        inferred = d % 37 == 5
        if inferred:
            lines += [title, "", f"NAHRAYN, March {rng.randint(1, 28)}, 2024 (Reuters) - " + sentence(rng, cast, names)]
        else:
            lines += [title, ""]
        zones = [("headline", 1, 1)]
        if rng.random() < 0.3:
            lines.append("Photo: " + sentence(rng, cast, names) + " (AFP)")
            zones.append(("caption", len(lines), len(lines)))
        for _ in range(rng.randint(2, 6)):
            lines.append(" ".join(sentence(rng, cast, names) for _ in range(rng.randint(1, 4))))
            if rng.random() < 0.1:
                lines.append("Advertisement")
                zones.append(("ad", len(lines), len(lines)))
        # A fact whose quote is a sentence of this document.
        if cast and rng.random() < 0.5:
            subject = rng.choice([c for c in cast if c in people + groups] or [rng.choice(groups)])
            quote = f"{names[subject][0]} was named in the report of {rng.choice(WORDS[60:])} talks"
            lines.append(quote + ".")
            kind = rng.random()
            fact = {"id": f"syn-{len(facts):04d}", "subject": subject, "doc": doc, "quote": quote,
                    "date": date(rng, 0.3)}
            if subject in people and kind < 0.4:
                start = rng.randint(2010, 2022)
                fact.update(predicate="leads", object=rng.choice(groups),
                            **{"from": rng.choice(["", f"{start}", f"{start}-{rng.randint(1, 12):02d}", f"~{start}"]),
                               "until": rng.choice(["", "", f"{start + rng.randint(1, 4)}"])})
            elif subject in people and kind < 0.6:
                fact.update(predicate="position", text=rng.choice(["commander", "Commander ", "spokesman", "deputy  leader"]))
            elif subject in groups and kind < 0.5:
                fact.update(predicate="strength", number=str(rng.choice([5000, 5000, 12000, 250])), unit=rng.choice(["fighters", "factions"]))
            elif subject in groups and kind < 0.7:
                fact.update(predicate="founded", value_date=date(rng, 0))
            else:
                fact.update(predicate=rng.choice(["designated_by", "backed_by", "sanctioned_by"]), object=rng.choice(bodies))
            if rng.random() < 0.3:
                fact["said_by"] = rng.choice(bodies)
            facts.append(fact)
        if rng.random() < 0.3:
            heading = len(lines) + 2
            lines += ["", "Related articles"] + [sentence(rng, cast, names) for _ in range(rng.randint(1, 3))]
            zones.append(("related", heading, len(lines)))
        newline = "\r\n" if d % 11 == 3 else "\n"
        raw = (newline.join(lines) + newline).encode("utf-8")
        with open(os.path.join(out, "documents", doc + ".txt"), "wb") as f:
            f.write(raw)
        if d % 4 == 1 and not inferred:
            # A sidecar: curated metadata with the document's zones (a TSV row has none).
            with open(os.path.join(out, "documents", doc + ".yaml"), "w", encoding="utf-8") as f:
                f.write(f"sha256: {hashlib.sha256(raw).hexdigest()}\n")
                f.write(f"title: {json.dumps(title, ensure_ascii=False)}\n")
                f.write(f"outlet: {json.dumps(outlet, ensure_ascii=False) if outlet else 'null'}\n")
                f.write(f"authors: {json.dumps(rng.sample(AUTHORS, rng.randint(0, 2)), ensure_ascii=False)}\n")
                f.write(f"published: {json.dumps(published) if published else 'null'}\n")
                f.write("zones:\n" + "".join(f"  - {{kind: {k}, lines: {a}{'' if a == b else f'-{b}'}}}\n" for k, a, b in zones))
        elif not inferred:
            authors = ";".join(rng.sample(AUTHORS, rng.randint(0, 2)))
            rows.append("\t".join([doc, title, outlet, authors, published]))
    with open(os.path.join(out, "documents.tsv"), "w", encoding="utf-8") as f:
        f.write("id\ttitle\toutlet\tauthors\tpublished\n" + "".join(r + "\n" for r in rows))
    cols = ["id", "subject", "predicate", "object", "number", "unit", "value_date", "text", "date", "from", "until",
            "said_by", "doc", "quote"]
    with open(os.path.join(out, "facts", "facts.tsv"), "w", encoding="utf-8") as f:
        f.write("\t".join(cols) + "\n")
        for fact in facts:
            f.write("\t".join(fact.get(c, "") for c in cols) + "\n")
    return out


_shared = {}


def shared(docs=400, seed=20261207):
    """The corpus of `docs` documents from `seed`, written once per process into a temporary folder that
    is removed at exit (the tests of several modules read the same one)."""
    if (docs, seed) not in _shared:
        d = tempfile.mkdtemp(prefix="mq-synthetic-")
        atexit.register(shutil.rmtree, d, True)
        _shared[(docs, seed)] = write(os.path.join(d, "corpus"), docs, seed)
    return _shared[(docs, seed)]


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__)
    opts = dict(zip(args[1::2], args[2::2]))
    write(args[0], int(opts.get("--docs", 400)), int(opts.get("--seed", 20261207)))
