/// How much text a value comes to when printed, counted without building it.
///
/// Values share storage: a list of a million copies of one 64 MiB string holds 64 MiB, but prints as 64 TiB.
/// Turning such a value into text (`str`, `join`, `concat`, an error message, the output of a statement)
/// would exhaust memory, so those check this size first.
enum TextSize {
    /// The UTF-8 bytes `v` prints as, roughly (strings exactly, other values by a small estimate); counting
    /// stops as soon as the total passes `limit`, so the answer is `min(size, limit + something)`.
    static func of(_ v: Value, upTo limit: Int) -> Int {
        var total = 0
        add(v, &total, limit)
        return total
    }

    static func exceeds(_ v: Value, _ limit: Int) -> Bool { of(v, upTo: limit) > limit }

    private static func add(_ v: Value, _ total: inout Int, _ limit: Int) {
        guard total <= limit else { return }
        switch v {
        case let .string(s): total += s.utf8.count + 2
        case let .list(items):
            total += 2
            add(items, &total, limit)
        case let .record(r):
            total += 2 + size(of: r.keys)
            add(r.values, &total, limit)
        case let .table(t):
            // The rows of a table mostly share one array of keys: counted once while they do.
            var keys: [String] = []
            var keysSize = 0
            t.rows.withUnsafeBufferPointer { rows in
                for row in rows {
                    if case let .record(r) = row {
                        if r.keys != keys { keys = r.keys; keysSize = size(of: keys) }
                        total += 2 + keysSize
                        add(r.values, &total, limit)
                    } else {
                        add(row, &total, limit)
                    }
                    if total > limit { return }
                }
            }
        default: total += 24
        }
    }

    private static func add(_ items: [Value], _ total: inout Int, _ limit: Int) {
        items.withUnsafeBufferPointer { items in
            for item in items { add(item, &total, limit); if total > limit { return } }
        }
    }

    /// The keys of a record, each with its quotes or separator.
    private static func size(of keys: [String]) -> Int { keys.reduce(0) { $0 + $1.utf8.count + 2 } }
}

extension Interpreter {
    /// The most text one statement may hand to the renderers: 16 times the string limit (1 GiB by default).
    var maxOutputBytes: Int {
        let (n, overflow) = limits.maxStringBytes.multipliedReportingOverflow(by: 16)
        return overflow ? .max : n
    }

    /// Refuses an output that would print as more than ``maxOutputBytes`` (E402), before any renderer
    /// tries to build it.
    func checkOutputText(_ v: Value, _ span: Span) throws {
        if TextSize.exceeds(v, maxOutputBytes) {
            throw fail(.limitReached, "the output would be more than \(maxOutputBytes) bytes of text", span,
                       hints: ["select fewer or shorter columns, or add | take N"])
        }
    }
}
