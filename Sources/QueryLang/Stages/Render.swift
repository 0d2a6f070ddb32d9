/// `render bar|timechart|sparkline [columns] [by series]`: the last stage of a query, which asks for its
/// rows to be drawn as a chart instead of a table (KQL's `render`). The rows themselves pass unchanged:
/// the stage names the columns the chart reads (or they are inferred from their types), checks them,
/// and puts a ``Chart`` on the result table. The terminal formats draw it (`Output/Chart*.swift`); the
/// data formats (csv, tsv, json, jsonl, markdown, ...) write the rows as they are.
///
/// - `render bar [label, value]`: one bar per row.
/// - `render timechart [x, y] [by series]`: `y` summed by period of the date `x`, one panel per series.
/// - `render sparkline [date[, value]] [by series]`: one line per series (the entity of a timeline),
///   rows counted (or `value` summed) by period.
///
/// Inferred columns: the label is the first column that is not a number (else the first column), the
/// date the first date column, the value the first number column, the series the first remaining
/// column that is neither a date nor a number (for a timeline: `entity`).

/// The syntax of a `render` stage.
@_spi(MQInternals) public struct RenderSpec: Sendable, Equatable {
    /// The chart named after `render`.
    @_spi(MQInternals) public var kind: Chart.Kind
    /// The columns named after the kind (none, one or two).
    @_spi(MQInternals) public var columns: [Identifier]
    /// The column after `by`.
    @_spi(MQInternals) public var series: Identifier?
    /// The stage `render kind columns by series`.
    @_spi(MQInternals) public init(kind: Chart.Kind, columns: [Identifier], series: Identifier?) {
        self.kind = kind
        self.columns = columns
        self.series = series
    }

    /// The stage as written (for the formatter and explain).
    @_spi(MQInternals) public var text: String {
        var s = "render " + kind.rawValue
        if !columns.isEmpty { s += " " + columns.map(\.name).joined(separator: ", ") }
        if let series { s += " by " + series.name }
        return s
    }
}

// MARK: Parsing

extension Parser {
    /// Chart names of other tools, with the kind they are here.
    static let chartSynonyms: [String: Chart.Kind] = [
        "barchart": .bar, "columnchart": .bar, "bars": .bar, "linechart": .timechart, "areachart": .timechart,
        "line": .timechart, "spark": .sparkline, "sparklines": .sparkline,
    ]

    mutating func parseRender(_ start: Span) throws -> (kind: StageKind, end: Span) {
        let kinds = Chart.Kind.allCases.map(\.rawValue)
        guard let name = current.identifier else {
            throw error(.unexpectedToken, "expected a chart kind after 'render', found \(current.kind.description)", current.span,
                        hints: ["charts: " + kinds.joined(separator: ", ")])
        }
        let kindToken = advance()
        guard let kind = Chart.Kind(rawValue: name) else {
            var hints: [String] = []
            if let k = Parser.chartSynonyms[name] { hints.append("did you mean '\(k.rawValue)'?") }
            else if let h = Suggestions.hint(for: name, in: kinds) { hints.append(h) }
            hints.append("charts: " + kinds.joined(separator: ", "))
            throw error(.unknownChart, "unknown chart '\(name)'", kindToken.span, hints: hints)
        }
        var end = kindToken.span
        var columns: [Identifier] = []
        if current.identifier != nil && !atWord("by") {
            repeat {
                let c = try renderColumn()
                columns.append(c)
                end = c.span
            } while consume(.comma)
        }
        let most = 2
        if columns.count > most {
            throw error(.unexpectedToken, "render \(kind.rawValue) takes at most \(most) columns before 'by'", columns[most].span,
                        hints: [Self.renderExample(kind)])
        }
        var series: Identifier? = nil
        if atWord("by") {
            let by = advance()
            if kind == .bar {
                throw error(.unexpectedToken, "render bar draws one bar a row: it has no series", by.span,
                            hints: ["for one panel per series: render timechart x, y by series"])
            }
            let s = try renderColumn()
            series = s
            end = s.span
        }
        if !(at(.newline) || at(.eof) || at(.pipe) || at(.rparen)) {
            throw error(.unexpectedToken, "render takes column names: compute a column with extend first", current.span,
                        hints: [Self.renderExample(kind)])
        }
        return (.render(RenderSpec(kind: kind, columns: columns, series: series)), end)
    }

    private mutating func renderColumn() throws -> Identifier {
        guard current.identifier != nil, !atWord("by") else {
            throw error(.unexpectedToken, "expected a column name, found \(current.kind.description)", current.span)
        }
        return try expectIdentifier("a column name")
    }

    static func renderExample(_ kind: Chart.Kind) -> String {
        switch kind {
        case .bar: return "render bar entity, n"
        case .timechart: return "render timechart period, n by entity"
        case .sparkline: return "render sparkline date by entity"
        }
    }

    /// `render` draws the result: no stage may follow it.
    mutating func checkNothingAfterRender(_ stages: [Stage]) throws {
        guard let last = stages.last, case .render = last.kind else { return }
        throw error(.stageAfterRender, "render must be the last stage: it draws the result", current.span,
                    hints: ["move the stages before 'render'"])
    }
}

// MARK: Which columns the chart reads

/// What a column holds, as far as known: numbers, dates, other values, or not known before the run.
enum ChartColumnClass: Equatable {
    case number, date, other, unknown
}

/// The columns of a chart, given or inferred from the input's columns and their classes.
enum ChartColumns {
    struct Problem: Error {
        let code: DiagnosticCode
        let message: String
        let column: Identifier?
        let hints: [String]
    }

    /// The chart of `spec` over columns of these classes, or the problem. With `known` false (some
    /// classes unknown before the run) a column that cannot be inferred yet is not a problem: nil.
    static func resolve(_ spec: RenderSpec, _ columns: [(name: String, cls: ChartColumnClass, type: String)]) -> Result<Chart?, Problem> {
        let names = columns.map(\.name)
        func cls(_ n: String) -> ChartColumnClass? { columns.first { $0.name == n }?.cls }
        var given: [String] = []
        for id in spec.columns + (spec.series.map { [$0] } ?? []) {
            guard cls(id.name) != nil else {
                var hints = [Suggestions.hint(for: id.name, in: names)].compactMap { $0 }
                hints.append("columns: " + names.joined(separator: ", "))
                return .failure(Problem(code: .unknownChartColumn, message: "render \(spec.kind.rawValue): the input has no column '\(id.name)'",
                                        column: id, hints: hints))
            }
            given.append(id.name)
        }
        let unknown = columns.contains { $0.cls == .unknown }
        func expect(_ id: Identifier, _ want: ChartColumnClass, _ role: String) -> Problem? {
            guard let c = cls(id.name), c != .unknown, c != want else { return nil }
            let what = want == .number ? "numbers" : "dates"
            let held = columns.first { $0.name == id.name }?.type ?? "other values"
            return Problem(code: .wrongChartColumnType, message: "render \(spec.kind.rawValue) needs \(what) in '\(id.name)' (\(role)), not \(held)",
                           column: id, hints: [hint(spec.kind, want)])
        }
        /// The first column of a class that is not already used.
        func first(_ want: ChartColumnClass, besides used: [String]) -> String? {
            columns.first { $0.cls == want && !used.contains($0.name) }?.name
        }
        func missing(_ want: ChartColumnClass, _ role: String) -> Result<Chart?, Problem> {
            if unknown { return .success(nil) }
            let what = want == .number ? "a column of numbers" : "a column of dates"
            return .failure(Problem(code: .noChartColumn, message: "render \(spec.kind.rawValue) needs \(what) (\(role)), and the input has none (columns: \(names.joined(separator: ", ")))",
                                    column: nil, hints: [hint(spec.kind, want)]))
        }
        let c = spec.columns
        switch spec.kind {
        case .bar:
            if c.count == 2, let p = expect(c[1], .number, "the length of the bars") { return .failure(p) }
            let label = c.first?.name ?? columns.first { $0.cls == .other || $0.cls == .date }?.name ?? names.first
            guard let label else { return missing(.other, "the labels") }
            guard let value = c.count == 2 ? c[1].name : first(.number, besides: [label]) else {
                return missing(.number, "the length of the bars")
            }
            return .success(Chart(kind: .bar, x: label, y: value, series: nil))
        case .timechart, .sparkline:
            let role = "the time axis"
            if let x = c.first, let p = expect(x, .date, role) { return .failure(p) }
            if c.count == 2, let p = expect(c[1], .number, "the values") { return .failure(p) }
            guard let x = c.first?.name ?? first(.date, besides: given) else { return missing(.date, role) }
            var y: String? = c.count == 2 ? c[1].name : nil
            if spec.kind == .timechart && y == nil {
                y = first(.number, besides: [x] + given)
                if y == nil { return missing(.number, "the values") }
            }
            let series = spec.series?.name ?? columns.first { $0.cls == .other && $0.name != x && $0.name != y }?.name
            return .success(Chart(kind: spec.kind, x: x, y: y, series: series))
        }
    }

    static func hint(_ kind: Chart.Kind, _ want: ChartColumnClass) -> String {
        switch (kind, want) {
        case (.bar, _): return "count first: summarize n = count() by entity | render bar entity, n"
        case (_, .date): return "make periods with bin: summarize n = count() by period = bin(date, 1m) | render timechart period, n"
        default: return "count first: summarize n = count() by period = bin(date, 1y) | render timechart period, n"
        }
    }

    /// What a column's values are, for a message: "string", "string and int".
    static func described(_ values: [Value]) -> String {
        var names: [String] = []
        for v in values where !v.isNull && !names.contains(v.typeName) {
            names.append(v.typeName)
            if names.count == 3 { break }
        }
        return names.isEmpty ? "only null" : names.joined(separator: " and ")
    }

    static func cls(_ t: ValueType) -> ChartColumnClass {
        switch t {
        case .int, .float: return .number
        case .date: return .date
        case .any, .null: return .unknown
        default: return .other
        }
    }

    /// The class of a column from its values: numbers, dates or other (nulls aside; all null: unknown).
    static func cls(_ values: [Value]) -> ChartColumnClass {
        var out = ChartColumnClass.unknown
        for v in values {
            let c: ChartColumnClass
            switch v {
            case .null: continue
            case .int, .float: c = .number
            case .date: c = .date
            default: c = .other
            }
            if out == .unknown { out = c } else if out != c { return .other }
        }
        return out
    }
}

// MARK: Checking

extension Checker {
    /// Checks the columns a `render` names against the input's, when they are known. The rows pass as they are.
    mutating func checkRender(_ spec: RenderSpec, _ s: StageInput) -> Row {
        let input = s.row
        guard input.known else { return input }
        var order = input.order
        if order.isEmpty, let r = input.reference { order = FieldCatalog.columns(of: r) }
        let cols = order.map { name in
            let t = input.type(of: name) ?? .any
            return (name, ChartColumns.cls(t), "\(t)")
        }
        if case let .failure(p) = ChartColumns.resolve(spec, cols) {
            error(p.code, p.message, p.column?.span ?? s.stage.nameSpan, hints: p.hints)
        }
        return input
    }
}

// MARK: Running

extension Interpreter {
    /// The result of a pipeline whose last stage is `render`: its columns checked against the values and
    /// the chart put on the table.
    func rendered(_ t: Table, _ spec: RenderSpec, _ span: Span) throws -> Table {
        let cols = t.columns.map { name in
            let values = t.rows.map { ValueText.column($0, name, corpus: corpus) }
            return (name, ChartColumns.cls(values), ChartColumns.described(values))
        }
        switch ChartColumns.resolve(spec, cols) {
        case let .failure(p):
            throw fail(p.code, p.message, p.column?.span ?? span, hints: p.hints)
        case let .success(chart?):
            var out = t
            out.chart = chart
            return out
        case .success(nil):
            // Only columns that hold nothing but nulls: there is nothing to draw, and no type to check.
            var out = t
            out.chart = Chart(kind: spec.kind, x: spec.columns.first?.name ?? t.columns.first ?? "", y: nil, series: nil)
            return out
        }
    }

    /// The table of a pipeline's plan after it ran: drawn by its `render` when that is its last node.
    func finish(_ t: Table, _ plan: PlanNode) throws -> Table {
        guard case let .render(_, spec) = plan.op else { return t }
        return try rendered(t, spec, plan.nameSpan)
    }
}

extension SQLCompiler {
    /// The rows a query's statement gave on the server, drawn here by the query's `render` (the chart is
    /// made locally: only the query before it runs on the server).
    func rendered(_ t: Table, _ query: Expr) throws -> Table {
        guard case let .pipeline(_, _, span) = query, let plan = plans?.plan(at: span, in: file) else { return t }
        return try interpreter.finish(t, plan)
    }
}
