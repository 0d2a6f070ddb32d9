#!/usr/bin/env python3
"""Convert a corpus written by gencorpus.py (TSV files) into the mq corpus format.

Usage: convert.py GENERATED_DIR OUT_DIR [--yaml]

Writes OUT_DIR/documents/*.txt (hard links to the generated files when possible, else copies),
OUT_DIR/documents.tsv (bulk metadata), and the catalog and facts in the bulk TSV forms
(OUT_DIR/catalog/entities.tsv, OUT_DIR/facts/facts.tsv); with --yaml, in the hand-curated YAML forms
instead (catalog/entities.yaml, facts/facts.yaml), to measure that path too.
Names that two entities share after normalisation are listed under `ambiguous` on both, as the
catalog format requires; all-capital short aliases become case-sensitive `acronyms`.
"""
import os, shutil, sys, unicodedata, re, json

TYPES = {"militia": "armed_group", "person": "person", "organization": "organization",
         "country": "country", "place": "place", "agency": "state_body"}
PREDICATES = {"leads": "leads", "member_of": "member_of", "backed_by": "backed_by",
              "designated_by": "designated_by", "sanctioned_by": "sanctioned_by",
              "founded_in": "founded_in", "splinter_of": "splinter_of"}
APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u02bf\u02be`\u00b4"


def norm_key(name):
    """The normalised key mq compares catalog names by (close enough for generated names)."""
    s = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    for a in APOSTROPHES:
        s = s.replace(a, "")
    words = [w for w in re.split(r"[^0-9A-Za-z]+", s.lower()) if w]
    return " ".join("al" if w == "el" else w for w in words)


def is_acronym(alias):
    return 2 <= len(alias) <= 5 and alias.isalpha() and alias.isupper()


def q(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def main():
    args = [a for a in sys.argv[1:] if a != "--yaml"]
    yaml = "--yaml" in sys.argv[1:]
    if len(args) != 2:
        sys.exit(__doc__)
    src, out = args
    os.makedirs(os.path.join(out, "documents"), exist_ok=True)
    os.makedirs(os.path.join(out, "catalog"), exist_ok=True)
    os.makedirs(os.path.join(out, "facts"), exist_ok=True)

    entities = {}
    order = []
    with open(os.path.join(src, "catalog.tsv"), encoding="utf-8") as f:
        for line in f:
            eid, etype, name, alias = line.rstrip("\n").split("\t")
            if eid not in entities:
                entities[eid] = {"type": TYPES[etype], "name": name, "aliases": []}
                order.append(eid)
            if alias != name and alias not in entities[eid]["aliases"]:
                entities[eid]["aliases"].append(alias)

    owners = {}
    for eid in order:
        e = entities[eid]
        for n in [e["name"]] + e["aliases"]:
            key = ("=" + n) if is_acronym(n) else norm_key(n)
            owners.setdefault(key, set()).add(eid)
    shared = {k for k, v in owners.items() if len(v) > 1}

    for stale in ("catalog/entities.yaml", "catalog/entities.tsv", "facts/facts.yaml", "facts/facts.tsv"):
        if os.path.exists(os.path.join(out, stale)):
            os.remove(os.path.join(out, stale))
    with open(os.path.join(out, "catalog", "entities." + ("yaml" if yaml else "tsv")), "w", encoding="utf-8") as f:
        if yaml:
            f.write("# Converted from catalog.tsv by bench/convert.py\n")
        else:
            f.write("id\ttype\tname\taliases\tacronyms\tambiguous\n")
        for eid in order:
            e = entities[eid]
            aliases, acronyms, ambiguous = [], [], []
            for a in e["aliases"]:
                key = ("=" + a) if is_acronym(a) else norm_key(a)
                if key in shared:
                    ambiguous.append(a)
                elif is_acronym(a):
                    acronyms.append(a)
                else:
                    aliases.append(a)
            if not yaml:
                f.write("\t".join([eid, e["type"], e["name"], "|".join(aliases), "|".join(acronyms), "|".join(ambiguous)]) + "\n")
                continue
            f.write(f"- id: {eid}\n  type: {e['type']}\n  name: {q(e['name'])}\n")
            for k, vals in (("aliases", aliases), ("acronyms", acronyms), ("ambiguous", ambiguous)):
                if vals:
                    f.write(f"  {k}: [{', '.join(q(v) for v in vals)}]\n")

    with open(os.path.join(src, "manifest.tsv"), encoding="utf-8") as f, \
            open(os.path.join(out, "documents.tsv"), "w", encoding="utf-8") as o:
        o.write("id\ttitle\toutlet\tauthors\tpublished\n")
        for line in f:
            doc, title, outlet, published = line.rstrip("\n").split("\t")
            o.write(f"{doc}\t{title}\t{outlet}\t\t{published}\n")

    with open(os.path.join(src, "facts.tsv"), encoding="utf-8") as f, \
            open(os.path.join(out, "facts", "facts." + ("yaml" if yaml else "tsv")), "w", encoding="utf-8") as o:
        if yaml:
            o.write("# Converted from facts.tsv by bench/convert.py (the generator gives no evidence quotes)\n")
        else:
            o.write("id\tsubject\tpredicate\tobject\tdate\tdoc\n")
        for k, line in enumerate(f):
            s, p, ob, year, doc = line.rstrip("\n").split("\t")
            if yaml:
                o.write(f"- {{id: f{k:06d}, subject: {s}, predicate: {PREDICATES[p]}, object: {ob}, date: \"{year}\", doc: \"{doc}\"}}\n")
            else:
                o.write(f"f{k:06d}\t{s}\t{PREDICATES[p]}\t{ob}\t{year}\t{doc}\n")

    srcdocs = os.path.join(src, "documents")
    for name in os.listdir(srcdocs):
        a, b = os.path.join(srcdocs, name), os.path.join(out, "documents", name)
        if os.path.exists(b):
            os.remove(b)
        try:
            os.link(a, b)
        except OSError:
            shutil.copyfile(a, b)


if __name__ == "__main__":
    main()
