/// One record of a catalog or fact file: a YAML mapping (hand-curated files) or a TSV row (bulk imports).
/// The loaders read and check every value through this, so both forms get the same checks and the same
/// messages, each with its file and line.
protocol FieldRecord {
    /// Where problems go.
    var problems: ProblemList { get }
    var file: String { get }
    /// Line where the record starts.
    var line: Int { get }
    /// Whether the field is given (for TSV: a non-empty cell).
    func has(_ key: String) -> Bool
    /// Line of a field's value, for messages.
    func line(of key: String) -> Int?
    /// A field as text; nil when absent, empty or null (and a problem if it is not a single value).
    func string(_ key: String) -> String?
    /// A list field, each item with its line (YAML: a sequence or one value; TSV: a cell of items
    /// separated by `|`).
    func strings(_ key: String) -> [(text: String, line: Int?)]
    /// The fields of a fact's typed value and their names: in YAML the nested mapping `value:` (number,
    /// unit, date, text); in TSV the row's own columns number, unit, value_date and text. Nil (with a
    /// problem) when malformed.
    func valueFields() -> (record: any FieldRecord, keys: ValueKeys)?
    /// Whether a typed value is given at all.
    var hasValue: Bool { get }
}

/// The names of a typed value's fields in one form of record.
struct ValueKeys {
    var number = "number", unit = "unit", date = "date", text = "text"
}

/// Problems found while reading records, shared by a record and its nested records.
final class ProblemList {
    var items: [LoadProblem] = []
}

extension FieldRecord {
    /// Records a problem at a field's line (or the record's when `key` is nil or absent).
    func error(at key: String?, _ message: String, hint: String? = nil) {
        let l = key.flatMap { line(of: $0) } ?? line
        problems.items.append(LoadProblem(file: file, line: l, message: message, hint: hint))
    }

    func date(_ key: String) -> PartialDate? {
        guard let text = string(key) else { return nil }
        guard let d = PartialDate(parsing: text) else {
            error(at: key, "malformed date '\(text)' for \(key)", hint: "write YYYY, YYYY-MM or YYYY-MM-DD, with ~ for approximate")
            return nil
        }
        return d
    }
}
