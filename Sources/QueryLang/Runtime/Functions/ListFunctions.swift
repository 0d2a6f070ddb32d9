/// Functions on lists (and on tables, which count as lists of rows).
enum ListFunctions {
    static let all: [QueryFunction] = [
        QueryFunction(name: "len", minArgs: 1, maxArgs: 1, signature: "len(x: string | list | table) -> int",
                      help: "characters of a string, items of a list, rows of a table", returns: .int) { a, c in
            switch a[0] {
            case .null: return .null
            case let .string(s): return .int(Int64(s.count))
            case let .list(l): return .int(Int64(l.count))
            case let .table(t): return .int(Int64(t.rows.count))
            case let .record(r): return .int(Int64(r.count))
            default: throw c.error("len needs a string, a list or a table, got \(a[0].typeName)")
            }
        },
        QueryFunction(name: "first", minArgs: 1, maxArgs: 1, signature: "first(items: list) -> any",
                      help: "the first item, or null when empty") { a, c in
            try c.list(a[0], "first's argument")?.first ?? .null
        },
        QueryFunction(name: "last", minArgs: 1, maxArgs: 1, signature: "last(items: list) -> any",
                      help: "the last item, or null when empty") { a, c in
            try c.list(a[0], "last's argument")?.last ?? .null
        },
        QueryFunction(name: "sorted", minArgs: 1, maxArgs: 1, signature: "sorted(items: list) -> list",
                      help: "the items in ascending order (null last)") { a, c in
            try c.list(a[0], "sorted's argument").map { .list($0.sorted(by: Value.sortsBefore)) } ?? .null
        },
        QueryFunction(name: "unique", minArgs: 1, maxArgs: 1, signature: "unique(items: list) -> list",
                      help: "the items without repeats, in first-seen order") { a, c in
            guard let l = try c.list(a[0], "unique's argument") else { return .null }
            var seen = Set<Value>()
            return .list(l.filter { seen.insert($0).inserted })
        },
        QueryFunction(name: "reverse", minArgs: 1, maxArgs: 1, signature: "reverse(items: list) -> list",
                      help: "the items in reverse order") { a, c in
            try c.list(a[0], "reverse's argument").map { .list($0.reversed()) } ?? .null
        },
        QueryFunction(name: "slice", minArgs: 2, maxArgs: 3, signature: "slice(items: list, start: int, end: int?) -> list",
                      help: "items from start (0-based) up to end (exclusive); negative counts from the end") { a, c in
            guard let l = try c.list(a[0], "slice's list"), let s = try c.int(a[1], "slice's start") else { return .null }
            func clamp(_ i: Int64) -> Int { let k = i < 0 ? Int64(l.count) + i : i; return Int(max(0, min(Int64(l.count), k))) }
            let from = clamp(s)
            let to = a.count == 3 ? (try c.int(a[2], "slice's end")).map(clamp) ?? l.count : l.count
            return .list(from < to ? Array(l[from..<to]) : [])
        },
    ]
}
