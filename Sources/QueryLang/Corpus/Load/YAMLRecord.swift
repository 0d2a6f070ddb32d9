import Yams

/// A YAML mapping of a catalog or fact file as a ``FieldRecord``.
struct YAMLRecord: FieldRecord {
    let problems: ProblemList
    let file: String
    let line: Int
    private let fields: [String: Node]

    /// The record of `node`, whose keys must be among `allowed` (each unknown one is a problem, with a
    /// "did you mean"); nil with a problem if `node` is not a mapping.
    init?(_ node: Node, allowed: [String], what: String, file: String, problems: ProblemList) {
        var y = YAMLReader(file: file)
        defer { problems.items += y.problems }
        guard let m = y.mapping(node, allowed: allowed, what: what) else { return nil }
        self.problems = problems
        self.file = file
        self.line = node.mark?.line ?? 0
        fields = m
    }

    func has(_ key: String) -> Bool { fields[key] != nil }

    func line(of key: String) -> Int? { fields[key]?.mark?.line }

    private func isNull(_ node: Node) -> Bool { YAMLReader(file: file).isNull(node) }

    func string(_ key: String) -> String? {
        guard let node = fields[key], !isNull(node) else { return nil }
        guard case let .scalar(s) = node else { error(at: key, "\(key) must be a single value"); return nil }
        return s.string
    }

    func strings(_ key: String) -> [(text: String, line: Int?)] {
        var y = YAMLReader(file: file)
        defer { problems.items += y.problems }
        return y.strings(fields[key], key).map { ($0.0, $0.1.mark?.line) }
    }

    var hasValue: Bool { fields["value"] != nil }

    func valueFields() -> (record: any FieldRecord, keys: ValueKeys)? {
        guard let v = fields["value"],
              let r = YAMLRecord(v, allowed: ["number", "unit", "date", "text"], what: "a value", file: file, problems: problems)
        else { return nil }
        return (r, ValueKeys())
    }
}
