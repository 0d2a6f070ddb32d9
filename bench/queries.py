"""The benchmark's queries, each in mq and in SQL (DuckDB's, and SQLite's where it differs), for bench/compare.py."""


def queries_for(a, b, etype):
    """The queries with the entities they name: (name, mq query, SQL or (DuckDB SQL, SQLite SQL), "set" or "ordered"[, options])."""
    return [
        ("top 10 entities by mentions",
         "mentions | summarize n = count() by e = entity.id | sort by n desc, e | take 10",
         "SELECT entity, count(*) n FROM mentions GROUP BY entity ORDER BY n DESC, entity LIMIT 10", "ordered"),
        ("documents that mention two given entities",
         f'ent("{a}").docs | where ent("{b}") in entities | select id',
         f"SELECT doc FROM mentions WHERE entity = '{a}' INTERSECT SELECT doc FROM mentions WHERE entity = '{b}' ORDER BY 1",
         "set"),
        ("top 20 entity pairs by shared documents",
         # cooccur ranks pairs by count, then in catalog order (the ids' order here), as ORDER BY n DESC, a, b.
         "mentions | cooccur by document | take 20 | select a = a.id, b = b.id, n = count",
         "WITH de AS (SELECT DISTINCT doc, entity FROM mentions) SELECT x.entity, y.entity, count(*) n FROM de x "
         "JOIN de y ON x.doc = y.doc AND x.entity < y.entity GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 20", "ordered"),
        (f"type filter ({etype}) joined with mention counts",
         f'entities | where type == "{etype}" | select id, n = mention_count | sort by n desc, id | take 20',
         f"SELECT e.id, count(m.entity) n FROM entities e LEFT JOIN mentions m ON m.entity = e.id "
         f"WHERE e.type = '{etype}' GROUP BY e.id ORDER BY n DESC, e.id LIMIT 20", "ordered"),
        ("keyword in context of a common word, 20 rows",
         'docs | kwic "militia" width 30 | take 20 | select doc = doc.id',
         "WITH RECURSIVE h(id, t, pos) AS (SELECT id, lower(text), instr(lower(text), 'militia') FROM "
         "(SELECT id, text FROM docs WHERE instr(lower(text), 'militia') > 0 ORDER BY id LIMIT 20) "
         "UNION ALL SELECT id, t, pos + instr(substr(t, pos + 1), 'militia') FROM h WHERE instr(substr(t, pos + 1), 'militia') > 0) "
         "SELECT id FROM h ORDER BY id, pos LIMIT 20", "ordered"),
        # A regular expression over the whole text of every document: the regex engine's scan is counted
        # one step a character, so it answers within the default limits. SQLite has no REGEXP of its own:
        # Python's re stands in for it (registered below).
        ("regex over every document's text",
         'docs | where text matches r"(?i)\\bdrones?\\b" | count',
         ("SELECT count(*) FROM docs WHERE regexp_matches(text, '(?i)\\bdrones?\\b')",
          "SELECT count(*) FROM docs WHERE text REGEXP '(?i)\\bdrones?\\b'"),
         "set", {"steps_per_text_byte": 2}),
        ("timeline of the most-mentioned entity",
         f'entities | where id == "{a}" | timeline | select date, kind, doc = doc.id',
         f"SELECT year, 'fact', doc FROM facts WHERE subject = '{a}' OR object = '{a}' UNION ALL "
         f"SELECT published, 'document', id FROM docs WHERE id IN (SELECT doc FROM mentions WHERE entity = '{a}') ORDER BY 1, 2, 3",
         "set"),
        # General analytic queries that no index answers: group-bys on navigated fields and on one to three
        # keys, joins with entities, documents and facts, string filters, dcount, distinct, a full sort,
        # expand, union, arithmetic aggregates, a word search over every text.
        ("mentions by outlet (navigated key), top 5",
         "mentions | summarize n = count() by o = doc.outlet | sort by n desc, o | take 5",
         "SELECT d.outlet, count(*) n FROM mentions m JOIN docs d ON d.id = m.doc GROUP BY 1 ORDER BY n DESC, 1 LIMIT 5", "ordered"),
        ("(document, entity) pairs mentioned more than 5 times",
         "mentions | summarize n = count() by d = doc.id, e = entity.id | where n > 5 | count",
         "SELECT count(*) FROM (SELECT doc, entity, count(*) n FROM mentions GROUP BY 1, 2) WHERE n > 5", "set"),
        ("mentions joined with entities, by type",
         "mentions | join (entities) on entity == id | summarize n = count() by type",
         "SELECT e.type, count(*) FROM mentions m JOIN entities e ON e.id = m.entity GROUP BY 1", "set"),
        ("mentions by zone",
         "mentions | summarize n = count() by zone",
         "SELECT zone, count(*) FROM mentions GROUP BY 1", "set"),
        ("body mentions, top 10 entities",
         'mentions | where zone == "body" | summarize n = count() by e = entity.id | sort by n desc, e | take 10',
         "SELECT entity, count(*) n FROM mentions WHERE zone = 'body' GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10", "ordered"),
        ("mentions and distinct documents by entity type (two hops)",
         "mentions | summarize n = count(), d = dcount(doc) by t = entity.type",
         "SELECT e.type, count(*), count(DISTINCT m.doc) FROM mentions m LEFT JOIN entities e ON e.id = m.entity GROUP BY 1", "set"),
        ("groups of three keys",
         "mentions | summarize n = count() by d = doc.id, z = zone, t = entity.type | count",
         "SELECT count(*) FROM (SELECT m.doc, m.zone, e.type FROM mentions m LEFT JOIN entities e ON e.id = m.entity GROUP BY 1, 2, 3)", "set"),
        ("arithmetic aggregates by zone",
         "mentions | summarize s = sum(end - start), mx = max(end - start) by zone",
         'SELECT zone, sum("end" - start), max("end" - start) FROM mentions GROUP BY 1', "set"),
        ("distinct entities mentioned",
         "mentions | distinct entity | count",
         "SELECT count(DISTINCT entity) FROM mentions", "set"),
        ("string filter on two zones, count",
         'mentions | where zone != "body" and zone != "headline" | count',
         "SELECT count(*) FROM mentions WHERE zone <> 'body' AND zone <> 'headline'", "set"),
        ("mentions joined with documents, by outlet",
         "mentions | join (docs) on doc == id | summarize n = count() by outlet",
         "SELECT d.outlet, count(*) FROM mentions m JOIN docs d ON d.id = m.doc GROUP BY 1", "set"),
        ("facts joined with entities, by type and predicate",
         "facts | join (entities) on subject == id | summarize n = count() by type, predicate",
         "SELECT e.type, f.predicate, count(*) FROM facts f JOIN entities e ON e.id = f.subject GROUP BY 1, 2", "set"),
        ("full sort of the documents by outlet and id",
         "docs | sort by outlet, id | select id",
         "SELECT id FROM docs ORDER BY outlet NULLS LAST, id", "ordered"),
        ("expand every entity's names",
         "entities | expand n = names | count",
         "SELECT count(*) FROM names", "set"),
        ("union of outlets and entity types, distinct count",
         "docs | select x = outlet | union (entities | select x = type) | distinct x | count",
         "SELECT count(*) FROM (SELECT outlet x FROM docs UNION SELECT type FROM entities)", "set"),
        ("top 10 sentences by mentions (integer key)",
         "mentions | summarize n = count() by s = sentence | sort by n desc, s | take 10",
         "SELECT sentence, count(*) n FROM mentions GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10", "ordered"),
        ("documents whose text has a word",
         'docs | where text has "border" | count',
         "SELECT count(*) FROM docs WHERE regexp_matches(text, '(?i)\\bborder\\b')", "set"),
        ("entities by type",
         "entities | summarize n = count() by type",
         "SELECT type, count(*) FROM entities GROUP BY 1", "set"),
        # Dates: a group-by on the month of each mention's document (a date through a navigation), the same
        # for the mentions of one entity (the timechart's rows), and a date comparison. The generated
        # documents are dated to the day: a month is the date's first seven characters in SQL.
        ("mentions by month of their document's date",
         "mentions | summarize n = count() by mo = bin(doc.published, 1m) | sort by mo",
         "SELECT substr(d.published, 1, 7) mo, count(*) FROM mentions m JOIN docs d ON d.id = m.doc GROUP BY 1 ORDER BY 1",
         "ordered"),
        ("the most-mentioned entity's mentions by month",
         f'mentions | where entity.id == "{a}" | summarize n = count() by mo = bin(doc.published, 1m)',
         f"SELECT substr(d.published, 1, 7), count(*) FROM mentions m JOIN docs d ON d.id = m.doc WHERE m.entity = '{a}' GROUP BY 1",
         "set"),
        ("documents dated 2023 or later, by year",
         "docs | where published >= @2023-01-01 | summarize n = count() by y = bin(published, 1y)",
         "SELECT substr(published, 1, 4), count(*) FROM docs WHERE published >= '2023-01-01' GROUP BY 1", "set"),
    ]
