/// The tables a corpus is pushed into (`mq corpus push`) and the SQL functions the compiled queries call.
///
/// Every reference is a `bigint` ordinal (`ord`): entities and facts by their place in the catalog (so
/// `ent("...")` resolved by mq is sent as a number), documents and mentions by their place on the server.
/// Dates are one `bigint` (``SQLDate``) that sorts as mq sorts dates and keeps their precision.
@_spi(MQInternals) public enum SQLSchema {
    /// Raised whenever a table or column changes meaning; a server holding another version is refused.
    @_spi(MQInternals) public static let version = 4

    /// The statements that create the schema (in one transaction, on an empty server).
    @_spi(MQInternals) public static let create: [String] = [
        "CREATE SCHEMA mq",
        """
        CREATE TABLE mq.manifest (key text PRIMARY KEY, value text NOT NULL)
        """,
        """
        CREATE TABLE mq.documents (
            ord bigint PRIMARY KEY, id text NOT NULL UNIQUE, sha256 text NOT NULL, title text NOT NULL,
            outlet text, outlet_entity bigint, authors text[] NOT NULL, published bigint, url text,
            language text NOT NULL, text text NOT NULL, length bigint NOT NULL, annotated boolean NOT NULL,
            path text NOT NULL, sentences bigint NOT NULL, words text[] NOT NULL, joined integer[] NOT NULL,
            skeletons text[] NOT NULL)
        """,
        """
        CREATE TABLE mq.zones (doc bigint NOT NULL, seq integer NOT NULL, kind text NOT NULL,
            first_line integer NOT NULL, last_line integer NOT NULL, PRIMARY KEY (doc, seq))
        """,
        """
        CREATE TABLE mq.sentences (doc bigint NOT NULL, seq integer NOT NULL, start bigint NOT NULL,
            "end" bigint NOT NULL, text text NOT NULL, PRIMARY KEY (doc, seq))
        """,
        """
        CREATE TABLE mq.entities (
            ord bigint PRIMARY KEY, id text NOT NULL UNIQUE, type text NOT NULL, name text NOT NULL,
            description text, country bigint, mention_count bigint NOT NULL DEFAULT 0)
        """,
        """
        CREATE TABLE mq.entity_names (entity bigint NOT NULL, seq integer NOT NULL, name text NOT NULL,
            kind text NOT NULL, PRIMARY KEY (entity, seq))
        """,
        """
        CREATE TABLE mq.facts (
            ord bigint PRIMARY KEY, id text NOT NULL, subject bigint NOT NULL, predicate text NOT NULL,
            object_entity bigint, object_number float8, object_date bigint, object_text text, unit text,
            date bigint, "from" bigint, until bigint, said_by bigint, doc bigint NOT NULL, quote text,
            quote_start bigint, quote_end bigint, note text, what text NOT NULL, \(SQLClaims.declarations))
        """,
        """
        CREATE TABLE mq.mentions (
            ord bigint PRIMARY KEY, doc bigint NOT NULL, seq integer NOT NULL, entity bigint,
            sentence bigint NOT NULL, start bigint NOT NULL, "end" bigint NOT NULL, char_start bigint NOT NULL,
            char_end bigint NOT NULL, zone text NOT NULL, own boolean NOT NULL, ambiguous boolean NOT NULL,
            surface text NOT NULL)
        """,
        "CREATE INDEX facts_subject ON mq.facts (subject)",
        // Dates (SQLDate): first day since 0001-01-01 << 3 | precision << 1 | approximate.
        """
        CREATE FUNCTION mq.date_first(k bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS 'SELECT k >> 3'
        """,
        """
        CREATE FUNCTION mq.date_last(k bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
            SELECT (k >> 3) + CASE (k >> 1) & 3
                WHEN 2 THEN 0
                WHEN 1 THEN ((date '0001-01-01' + (k >> 3)::integer + interval '1 month')::date
                             - (date '0001-01-01' + (k >> 3)::integer)) - 1
                ELSE ((date '0001-01-01' + (k >> 3)::integer + interval '1 year')::date
                      - (date '0001-01-01' + (k >> 3)::integer)) - 1 END
        $$
        """,
        // `has` with several words: the words in this order, one after another.
        """
        CREATE FUNCTION mq.has_phrase(w text[], p text[]) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
            SELECT EXISTS (SELECT 1 FROM generate_series(1, cardinality(w) - cardinality(p) + 1) i
                           WHERE w[i:i + cardinality(p) - 1] = p)
        $$
        """,
        SQLKwic.contextFunction,
        SQLTextLength.function,
        // What `==` compares: the interval (first day and precision), not whether it is approximate.
        """
        CREATE FUNCTION mq.date_same(k bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS 'SELECT k >> 1'
        """,
    ] + SQLDateAggregates.create

    /// The indexes of the large tables, built after the rows by a push that writes most of them.
    /// `mentions_entity` holds the document beside the entity: a membership test (`ent(x) in entities`,
    /// `EXISTS (... p.doc = d.ord AND p.entity = x)`) and an entity's documents are read from the index
    /// alone, not from the mentions' rows.
    @_spi(MQInternals) public static let bulkIndexes: [(name: String, create: String)] = [
        ("documents_words", "CREATE INDEX documents_words ON mq.documents USING gin (words)"),
        ("documents_skeletons", "CREATE INDEX documents_skeletons ON mq.documents USING gin (skeletons)"),
        ("mentions_doc", "CREATE INDEX mentions_doc ON mq.mentions (doc, sentence)"),
        ("mentions_entity", "CREATE INDEX mentions_entity ON mq.mentions (entity, doc)"),
    ]

    /// The statements that empty every table (a push that rewrites the corpus).
    @_spi(MQInternals) public static let truncate = "TRUNCATE mq.documents, mq.zones, mq.sentences, mq.entities, mq.entity_names, mq.facts, mq.mentions"

    /// The tables and their columns in COPY order.
    @_spi(MQInternals) public static let copyColumns: [(table: String, columns: [String])] = [
        ("documents", ["ord", "id", "sha256", "title", "outlet", "outlet_entity", "authors", "published", "url", "language",
                       "text", "length", "annotated", "path", "sentences", "words", "joined", "skeletons"]),
        ("zones", ["doc", "seq", "kind", "first_line", "last_line"]),
        ("sentences", ["doc", "seq", "start", "\"end\"", "text"]),
        ("entities", ["ord", "id", "type", "name", "description", "country"]),
        ("entity_names", ["entity", "seq", "name", "kind"]),
        ("facts", ["ord", "id", "subject", "predicate", "object_entity", "object_number", "object_date", "object_text", "unit",
                   "date", "\"from\"", "until", "said_by", "doc", "quote", "quote_start", "quote_end", "note", "what"] + SQLClaims.columns),
        ("mentions", ["ord", "doc", "seq", "entity", "sentence", "start", "\"end\"", "char_start", "char_end", "zone", "own",
                      "ambiguous", "surface"]),
    ]

    @_spi(MQInternals) public static func copyStatement(_ table: String) -> String {
        let cols = copyColumns.first { $0.table == table }!.columns
        return "COPY mq.\(table) (\(cols.joined(separator: ", "))) FROM STDIN"
    }

    /// After new mentions: each entity's count.
    @_spi(MQInternals) public static let updateMentionCounts = """
        UPDATE mq.entities e SET mention_count = c.n FROM (SELECT entity, count(*) AS n FROM mq.mentions
        WHERE entity IS NOT NULL GROUP BY entity) c WHERE c.entity = e.ord AND e.mention_count <> c.n
        """
}

/// A date as one integer: the first day it covers (days since 0001-01-01) shifted left by 3, its precision
/// (0 year, 1 month, 2 day) shifted by 1, and whether it is approximate. Integer order is mq's order of
/// dates (first day, then coarser first, then exact first).
@_spi(MQInternals) public enum SQLDate {
    /// ``PartialDate/sortKey``, the same packing, as a bigint.
    @_spi(MQInternals) public static func key(_ d: PartialDate) -> Int64 { Int64(d.sortKey) }

    /// The date of a key (``PartialDate/init(sortKey:)``); nil for a key no date has.
    @_spi(MQInternals) public static func date(_ key: Int64) -> PartialDate? {
        guard key >= 0, key < Int64(PartialDate.noSortKey) else { return nil }
        return PartialDate(sortKey: UInt32(key))
    }
}
