"""FollowTheMoney export (`--format ftm`) checked with the followthemoney package itself.

Run from the repository root: python3 -m pytest -q Tests/export (MQ_BIN overrides the binary path).
Every line must be an entity of a concrete FtM schema whose properties exist, whose values are valid for
their type, whose required properties are present, and whose entity references point to entities written
in the same output with a schema in the property's range. Ids must join back to the corpus.
"""
import json
import os
import subprocess

import pytest
from followthemoney import model

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MQ = os.environ.get("MQ_BIN", os.path.join(ROOT, ".build", "debug", "mq"))


def mq(query, fmt="ftm"):
    out = subprocess.run([MQ, "--corpus", os.path.join(ROOT, "seeds"), "--format", fmt, "-c", query],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def entities(query):
    lines = [line for line in mq(query).splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


def validate(items):
    by_id = {}
    for item in items:
        assert set(item) == {"id", "schema", "properties"}, item
        assert item["id"] not in by_id, "written twice: " + item["id"]
        by_id[item["id"]] = item
    for item in items:
        schema = model.get(item["schema"])
        assert schema is not None and not schema.abstract, item["schema"]
        proxy = model.get_proxy(item, cleaned=False)
        assert proxy.id == item["id"]
        for name, values in item["properties"].items():
            prop = schema.get(name)
            assert prop is not None, f"{item['schema']} has no property {name}"
            assert values, f"{item['id']}: empty {name}"
            for value in values:
                assert isinstance(value, str) and value, (item["id"], name, value)
                if prop.type.name == "entity":
                    assert value in by_id, f"{item['id']}.{name} -> {value} not written"
                    target = model.get(by_id[value]["schema"])
                    assert target.is_a(prop.range), f"{item['id']}.{name}: {target.name} is not a {prop.range.name}"
                else:
                    assert prop.type.validate(value), f"{item['id']}.{name}: invalid {prop.type.name} {value!r}"
        for req in schema.required:
            assert item["properties"].get(req), f"{item['id']} ({item['schema']}) lacks {req}"
    return by_id


def test_catalog_entities_keep_every_name_and_their_ids():
    items = entities("entities")
    by_id = validate(items)
    rows = json.loads(mq("entities | select id, type, names", fmt="json"))
    assert len(by_id) == len(rows)
    for row in rows:
        item = by_id["entity-" + row["id"]]
        expected = {"person": "Person", "place": "Address", "state_body": "PublicBody", "country": "PublicBody"}
        assert item["schema"] == expected.get(row["type"], "Organization")
        props = item["properties"]
        written = props["name"] + props.get("alias", []) + props.get("previousName", []) + props.get("weakAlias", [])
        assert sorted(written) == sorted(row["names"]), row["id"]


def test_facts_are_intervals_with_their_article_as_proof():
    items = entities("facts")
    by_id = validate(items)
    rows = json.loads(mq("facts | select id, predicate, doc, quote", fmt="json"))
    for row in rows:
        item = by_id["fact-" + row["id"]]
        props = item["properties"]
        assert props["proof"] == ["article-" + row["doc"]]
        assert props["recordId"] == [row["id"]]
        if row["quote"]:
            assert props["description"] == [row["quote"]]
    schemata = {by_id["fact-" + r["id"]]["schema"] for r in rows}
    assert {"Membership", "Directorship", "Sanction", "UnknownLink", "Occupancy"} <= schemata
    # Akram al-Kaabi leads Harakat al-Nujaba (000: "Harakat al-Nujaba, led by Akram al-Kaabi").
    lead = by_id["fact-kaabi-leads-nujaba-000"]
    assert lead["schema"] == "Directorship"
    assert lead["properties"]["director"] == ["entity-akram-al-kaabi"]
    assert lead["properties"]["organization"] == ["entity-harakat-al-nujaba"]


def test_dates_keep_their_precision():
    items = entities("facts | where date != null or from != null or until != null")
    validate(items)
    rows = json.loads(mq("facts | where date != null or from != null or until != null | select id, date, from, until",
                         fmt="json"))
    assert rows
    by_id = {i["id"]: i for i in items}
    for row in rows:
        props = by_id["fact-" + row["id"]]["properties"]
        for key, prop in (("date", "date"), ("from", "startDate"), ("until", "endDate")):
            if row[key]:
                assert row[key].lstrip("~") in props[prop], (row["id"], key)


def test_mentions_resolve_to_entities_in_their_article():
    items = entities("mentions | take 200")
    by_id = validate(items)
    mentions = [i for i in items if i["schema"] == "Mention"]
    assert len(mentions) == 200
    for m in mentions:
        assert by_id[m["properties"]["document"][0]]["schema"] == "Article"
        if m["properties"]["detectedSchema"] != ["Address"]:
            assert m["properties"]["resolved"][0].startswith("entity-")


def test_ids_are_stable_and_records_reference_what_they_name():
    first = mq("mentions | cooccur by sentence | take 20")
    assert first == mq("mentions | cooccur by sentence | take 20")
    items = [json.loads(line) for line in first.splitlines()]
    validate(items)
    assert items and all(i["id"].split("-", 1)[0] in ("entity", "article") for i in items)
