/// A row of a catalog or fact TSV file as a ``FieldRecord``: an empty cell is an absent field, and a
/// list cell holds its items separated by `|`.
struct TSVRecord: FieldRecord {
    let problems: ProblemList
    private let table: TSVTable
    private let row: TSVTable.Row

    init(_ row: TSVTable.Row, of table: TSVTable, problems: ProblemList) {
        self.row = row
        self.table = table
        self.problems = problems
    }

    var file: String { table.file }
    var line: Int { row.line }

    func has(_ key: String) -> Bool { string(key) != nil }

    func line(of key: String) -> Int? { row.line }

    func string(_ key: String) -> String? {
        guard let text = table.cell(row, table.index(of: key)) else { return nil }
        let t = text.trimmed
        return t.isEmpty ? nil : t
    }

    func strings(_ key: String) -> [(text: String, line: Int?)] {
        guard let cell = string(key) else { return [] }
        return cell.split(separator: "|").map { $0.trimmed }.filter { !$0.isEmpty }.map { ($0, row.line) }
    }

    var hasValue: Bool { ["number", "value_date", "text"].contains { has($0) } }

    func valueFields() -> (record: any FieldRecord, keys: ValueKeys)? {
        (self, ValueKeys(number: "number", unit: "unit", date: "value_date", text: "text"))
    }
}
