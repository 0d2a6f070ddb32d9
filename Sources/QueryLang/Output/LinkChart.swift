/// A link chart of a result with two entity columns (`cooccur`, facts, a join of two entities): the
/// entities are the nodes, each row an edge from the first entity column to the second.
///
/// Rows that join the same two entities under the same label are one edge: its weight is the sum of the
/// rows' weights (the first numeric column, `count` in `cooccur`; 1 a row otherwise), its documents the
/// union of the rows' documents (every document reference in the row, in a column or a list). The label
/// is the row's `predicate` when the result has one (facts), else its `via` (`neighbors`, `paths`), otherwise
/// the weight; a column named `weight` is the weight wherever it stands. Edges are directed when
/// the result has a `predicate` column (a fact reads from subject to object) and undirected otherwise.
public struct LinkChart: Sendable {
    /// An entity of the chart.
    public struct Node: Sendable {
        /// The entity's catalog id.
        public let id: String
        /// The entity's preferred name.
        public let label: String
        /// The entity's type (`armed_group`, `person`, ...).
        public let type: String
    }

    /// The rows that join two entities under one label.
    public struct Edge: Sendable {
        /// Catalog id of the entity in the first entity column.
        public let source: String
        /// Catalog id of the entity in the second entity column.
        public let target: String
        /// The predicate (facts) or the weight.
        public let label: String
        /// The sum of the rows' weights.
        public var weight: Double
        /// Ids of the documents the rows refer to, without repeats.
        public var documents: [String]
    }

    /// Every entity of the two columns, once.
    public var nodes: [Node] = []
    /// The edges, in the order of their first row.
    public var edges: [Edge] = []
    /// Whether edges read from source to target (a result with a `predicate` column).
    public var directed = false
    /// The two entity columns, or nil when the result has fewer than two.
    public var columns: (String, String)?

    /// The chart of a result: `LinkChart(table, corpus: corpus).dot()` for GraphViz.
    public init(_ t: Table, corpus: Corpus) {
        let access = { (row: Value, name: String) in ValueText.column(row, name, corpus: corpus) }
        // The entity columns: those whose first non-null value is an entity.
        var entityColumns: [String] = []
        var weightColumn: String?
        for c in t.columns {
            guard let v = t.rows.lazy.map({ access($0, c) }).first(where: { !$0.isNull }) else { continue }
            switch v {
            case .entity: entityColumns.append(c)
            case .int, .float: if weightColumn == nil { weightColumn = c }
            default: break
            }
        }
        // A column named `weight` (`neighbors`, `paths`) is the weight even when another number comes first.
        if t.columns.contains("weight") { weightColumn = "weight" }
        let hasPredicate = t.columns.contains("predicate")
        // Without a predicate, a `via` column (`neighbors`, `paths`: how the hop joins them) labels the edges.
        let labelColumn = hasPredicate ? "predicate" : (t.columns.contains("via") ? "via" : nil)
        directed = hasPredicate
        var seen = Set<Int>()
        func node(_ i: Int) {
            guard seen.insert(i).inserted else { return }
            let e = corpus.entities[i]
            nodes.append(Node(id: e.id, label: e.name, type: e.type.rawValue))
        }
        guard entityColumns.count >= 2 else {
            // No edges to draw: the entities alone.
            for row in t.rows {
                if case let .entity(i) = row { node(i) }
                for c in entityColumns { if case let .entity(i) = access(row, c) { node(i) } }
            }
            return
        }
        let (ca, cb) = (entityColumns[0], entityColumns[1])
        columns = (ca, cb)
        var edgeIndex: [String: Int] = [:]
        for row in t.rows {
            guard case let .entity(a) = access(row, ca), case let .entity(b) = access(row, cb) else { continue }
            node(a)
            node(b)
            var weight = 1.0
            if let w = weightColumn {
                switch access(row, w) {
                case let .int(n): weight = Double(n)
                case let .float(f) where f.isFinite: weight = f
                default: break
                }
            }
            var docs: [String] = []
            for c in t.columns { Self.documents(access(row, c), corpus: corpus, into: &docs) }
            var (s, d) = (corpus.entities[a].id, corpus.entities[b].id)
            if !directed && s > d { swap(&s, &d) }
            let label = labelColumn.map { ValueText.cell(access(row, $0), corpus: corpus) } ?? ""
            let key = s + "\u{0}" + d + "\u{0}" + label
            if let k = edgeIndex[key] {
                edges[k].weight += weight
                for x in docs where !edges[k].documents.contains(x) { edges[k].documents.append(x) }
            } else {
                edgeIndex[key] = edges.count
                edges.append(Edge(source: s, target: d, label: label, weight: weight, documents: docs))
            }
        }
    }

    private static func documents(_ v: Value, corpus: Corpus, into out: inout [String]) {
        switch v {
        case let .document(i): if !out.contains(corpus.documents[i].id) { out.append(corpus.documents[i].id) }
        case let .fact(i): documents(.document(corpus.facts[i].doc), corpus: corpus, into: &out)
        case let .mention(i): documents(.document(Int(corpus.mentions[i].doc)), corpus: corpus, into: &out)
        case let .list(items): for x in items { documents(x, corpus: corpus, into: &out) }
        default: break
        }
    }

    /// An edge's label: its predicate, or its weight.
    public static func label(_ e: Edge) -> String {
        e.label.isEmpty ? number(e.weight) : e.label
    }

    // MARK: DOT

    /// GraphViz DOT: nodes labelled with the entity's name, shaped by type; edges labelled, weighted
    /// (`weight`, `penwidth` growing with the weight) and carrying their documents as `documents`.
    public func dot() -> String {
        var out = directed ? "digraph mq {\n" : "graph mq {\n"
        out += "  graph [overlap=false, splines=true];\n  node [style=filled, fontname=\"Helvetica\"];\n"
        if columns == nil { out += "  // fewer than two entity columns: no edges\n" }
        for n in nodes {
            let (shape, colour) = Self.style(n.type)
            out += "  \(Self.quote(n.id)) [label=\(Self.quote(n.label)), type=\(Self.quote(n.type)), shape=\(shape), fillcolor=\(Self.quote(colour))];\n"
        }
        let arrow = directed ? "->" : "--"
        let top = edges.map(\.weight).max() ?? 1
        for e in edges {
            let pen = 1 + 4 * (top > 0 ? e.weight / top : 0)
            out += "  \(Self.quote(e.source)) \(arrow) \(Self.quote(e.target)) [label=\(Self.quote(Self.label(e))), weight=\(Self.number(e.weight)), penwidth=\(Self.number((pen * 10).rounded() / 10)), documents=\(Self.quote(e.documents.joined(separator: ",")))];\n"
        }
        return out + "}\n"
    }

    static func style(_ type: String) -> (String, String) {
        switch type {
        case "person": return ("ellipse", "#fde0c5")
        case "country", "place": return ("house", "#d9ead3")
        case "state_body": return ("box3d", "#d0e0f0")
        default: return ("box", "#e6e0f0")
        }
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : Preview.formatFloat(d)
    }

    /// A DOT string: quotes and backslashes escaped, line breaks as `\n`, other control characters dropped.
    static func quote(_ s: String) -> String {
        EscapedText.doubleQuoted(s) { u in u.value >= 0x20 && u.value != 0x7F ? nil : "" }
    }

    // MARK: GraphML

    /// GraphML with `label` and `type` on nodes and `label`, `weight`, `documents` on edges.
    public func graphML() -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="type" for="node" attr.name="type" attr.type="string"/>
          <key id="elabel" for="edge" attr.name="label" attr.type="string"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
          <key id="documents" for="edge" attr.name="documents" attr.type="string"/>
          <graph id="mq" edgedefault="\(directed ? "directed" : "undirected")">

        """
        for n in nodes {
            out += "    <node id=\"\(Self.xml(n.id))\"><data key=\"label\">\(Self.xml(n.label))</data><data key=\"type\">\(Self.xml(n.type))</data></node>\n"
        }
        for (i, e) in edges.enumerated() {
            out += "    <edge id=\"e\(i)\" source=\"\(Self.xml(e.source))\" target=\"\(Self.xml(e.target))\"><data key=\"elabel\">\(Self.xml(Self.label(e)))</data><data key=\"weight\">\(Self.number(e.weight))</data><data key=\"documents\">\(Self.xml(e.documents.joined(separator: ",")))</data></edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    /// XML text: the five special characters escaped, characters XML 1.0 forbids dropped.
    static func xml(_ s: String) -> String {
        EscapedText.escape(s) { u in
            switch u {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&apos;"
            case "\t", "\n", "\r": return nil
            default: return u.value >= 0x20 && u.value != 0x7F && !(0xFFFE...0xFFFF).contains(u.value) ? nil : ""
            }
        }
    }
}
