/// How results are written: aligned table (default), csv, tsv, json (one array per result; a run of
/// several results is one array of them, see ``ResultWriter``), jsonl (one object per row), markdown, or
/// line (the table with one field per line), ftm (FollowTheMoney entities),
/// dot or graphml (a link chart).
///
/// References (documents, entities, facts) are written by the one rule of docs/language.md ("Output
/// formats"): the formats for reading (table, markdown) show a readable name, the formats for other
/// programs (csv, tsv, json, jsonl) write the id, which joins back to the catalog.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, jsonl, markdown
    /// The table format with one field per line (sqlite3's `.mode line`, psql's `\x`).
    case line
    /// FollowTheMoney entities, one JSON object a line (``FtMRenderer``).
    case ftm
    /// A link chart of the two entity columns of a result: GraphViz DOT or GraphML (``LinkChart``).
    case dot, graphml

    /// Renders one statement's output. Text from the data is made safe for a terminal
    /// (`TerminalSanitizer`) in every format but JSON, and CSV and TSV cells get the formula guard
    /// (`FormulaGuard`); `exact` writes CSV and TSV cells as the data holds them, for programs to read.
    public func render(_ output: StatementOutput, corpus: Corpus, options: TableRenderer.Options = .init(),
                       exact: Bool = false) -> String {
        switch output {
        case let .printed(text, _):
            // In the JSON formats a printed line is a JSON string, so that the output stays JSON.
            // In FtM (entities only) and the link charts a printed line is left out.
            if self == .ftm || self == .dot || self == .graphml { return "" }
            if self == .json || self == .jsonl { return JSONText.quote(text) + "\n" }
            return (exact && (self == .csv || self == .tsv) ? text : TerminalSanitizer.clean(text)) + "\n"
        case let .value(v, _):
            switch self {
            case .json, .jsonl: return ValueText.json(v, corpus: corpus) + "\n"
            case .ftm: return FtMRenderer.render(v, corpus: corpus)
            case .dot, .graphml:
                let rows: [Value] = if case let .table(t) = v { t.rows } else { [] }
                let chart = LinkChart(Table(rows: rows, columns: []), corpus: corpus)
                return self == .dot ? chart.dot() : chart.graphML()
            case .csv where exact, .tsv where exact: return ValueText.dataCell(v, corpus: corpus) + "\n"
            case .csv, .tsv: return TerminalSanitizer.clean(ValueText.dataCell(v, corpus: corpus)) + "\n"
            default: return TerminalSanitizer.clean(ValueText.cell(v, corpus: corpus)) + "\n"
            }
        case let .table(t, _):
            if let chart = t.chart, self == .table || self == .line {
                return ChartDrawing.draw(t, chart, corpus: corpus, style: options.chart)
            }
            switch self {
            case .table: return TableRenderer(options: options).render(t, corpus: corpus)
            case .line:
                var expanded = options
                expanded.expanded = .on
                return TableRenderer(options: expanded).render(t, corpus: corpus)
            case .csv: return DelimitedRenderer(separator: ",", exact: exact).render(t, corpus: corpus)
            case .tsv: return DelimitedRenderer(separator: "\t", exact: exact).render(t, corpus: corpus)
            case .json: return JSONRenderer().array(t, corpus: corpus) + "\n"
            case .jsonl: return JSONRenderer().lines(t, corpus: corpus)
            case .markdown: return MarkdownRenderer().render(t, corpus: corpus)
            case .ftm: return FtMRenderer.render(t, corpus: corpus)
            case .dot: return LinkChart(t, corpus: corpus).dot()
            case .graphml: return LinkChart(t, corpus: corpus).graphML()
            }
        }
    }
}

/// Values as text for cells and as JSON.
public enum ValueText {
    /// A value in a table cell: references by readable name, lists comma-separated, null as "null".
    public static func cell(_ v: Value, corpus: Corpus) -> String {
        switch v {
        case let .string(s): return s
        case let .list(items): return items.map { cell($0, corpus: corpus) }.joined(separator: ", ")
        case let .record(r): return "{" + zip(r.keys, r.values).map { "\($0): \(cell($1, corpus: corpus))" }.joined(separator: ", ") + "}"
        case let .date(d): return d.description
        default: return Preview.text(v, corpus: corpus, quoteStrings: false)
        }
    }

    /// A value in a cell of a data format (csv, tsv): references by id, lists and records as JSON, other
    /// values as in a table.
    public static func dataCell(_ v: Value, corpus: Corpus) -> String {
        switch v {
        case .list, .record, .table, .mention: return json(v, corpus: corpus)
        case let .document(i): return corpus.documents[i].id
        case let .entity(i): return corpus.entities[i].id
        case let .fact(i): return corpus.facts[i].id
        default: return cell(v, corpus: corpus)
        }
    }

    /// The value of a column of a row (records by key, references by field).
    static func column(_ row: Value, _ name: String, corpus: Corpus) -> Value {
        FieldAccess(corpus: corpus).field(row, name) ?? (name == "value" ? row : .null)
    }

    /// JSON: references as their id, dates as text with their precision, tables as arrays of objects.
    public static func json(_ v: Value, corpus: Corpus) -> String {
        switch v {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .float(f): return f.isFinite ? Preview.formatFloat(f) : "null"
        case let .string(s): return JSONText.quote(s)
        case let .date(d): return JSONText.quote(d.description)
        case let .list(items): return "[" + items.map { json($0, corpus: corpus) }.joined(separator: ",") + "]"
        case let .record(r):
            return "{" + zip(r.keys, r.values).map { JSONText.quote($0) + ":" + json($1, corpus: corpus) }.joined(separator: ",") + "}"
        case let .document(i): return JSONText.quote(corpus.documents[i].id)
        case let .entity(i): return JSONText.quote(corpus.entities[i].id)
        case let .mention(i):
            let m = corpus.mentions[i]
            return "{\"doc\":\(JSONText.quote(corpus.documents[Int(m.doc)].id)),\"start\":\(m.start),\"end\":\(m.end)}"
        case let .fact(i): return JSONText.quote(corpus.facts[i].id)
        case let .table(t): return JSONRenderer().array(t, corpus: corpus)
        }
    }
}
