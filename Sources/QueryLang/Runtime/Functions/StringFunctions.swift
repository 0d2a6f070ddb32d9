import Foundation

/// Functions on strings. All treat null as "no value": a null argument gives null.
enum StringFunctions {
    static let all: [QueryFunction] = [
        QueryFunction(name: "lower", minArgs: 1, maxArgs: 1, signature: "lower(s: string) -> string",
                      help: "the string in lowercase", returns: .string) { a, c in
            try c.string(a[0], "lower's argument").map { .string($0.lowercased()) } ?? .null
        },
        QueryFunction(name: "upper", minArgs: 1, maxArgs: 1, signature: "upper(s: string) -> string",
                      help: "the string in uppercase", returns: .string) { a, c in
            try c.string(a[0], "upper's argument").map { .string($0.uppercased()) } ?? .null
        },
        QueryFunction(name: "trim", minArgs: 1, maxArgs: 1, signature: "trim(s: string) -> string",
                      help: "the string without leading and trailing white space", returns: .string) { a, c in
            try c.string(a[0], "trim's argument").map { .string($0.trimmed) } ?? .null
        },
        QueryFunction(name: "substr", minArgs: 2, maxArgs: 3, signature: "substr(s: string, start: int, length: int?) -> string",
                      help: "characters from start (0-based) on, at most length of them", returns: .string) { a, c in
            guard let s = try c.string(a[0], "substr's string"), let start = try c.int(a[1], "substr's start") else { return .null }
            let chars = Array(s)
            let from = max(0, min(Int(clamping: start), chars.count))
            var to = chars.count
            // min before adding: `from + length` overflows for a length near Int64.max.
            if a.count == 3, let n = try c.int(a[2], "substr's length") { to = from + min(chars.count - from, Int(clamping: max(0, n))) }
            return .string(String(chars[from..<to]))
        },
        QueryFunction(name: "replace", minArgs: 3, maxArgs: 3, signature: "replace(s: string, find: string, with: string) -> string",
                      help: "every occurrence of find replaced (plain text, case-sensitive)", returns: .string) { a, c in
            guard let s = try c.string(a[0], "replace's string"), let f = try c.string(a[1], "replace's text to find"),
                  let w = try c.string(a[2], "replace's replacement") else { return .null }
            guard !f.isEmpty else { throw c.error("replace needs a non-empty text to find") }
            // Refuse from the sizes before building: 100,000 matches times a 1 MB replacement is 100 GB.
            let (sb, fb, wb) = (s.utf8.count, f.utf8.count, w.utf8.count)
            if wb > fb, sb + (sb / fb) * (wb - fb) > c.limits.maxStringBytes {
                var matches = 0
                var rest = s[...]
                while let r = rest.range(of: f) { matches += 1; rest = rest[r.upperBound...] }
                if sb + matches * (wb - fb) > c.limits.maxStringBytes {
                    throw c.error("the result would be longer than \(c.limits.maxStringBytes) bytes")
                }
            }
            let out = s.replacingOccurrences(of: f, with: w)
            if out.utf8.count > c.limits.maxStringBytes { throw c.error("the result is longer than \(c.limits.maxStringBytes) bytes") }
            return .string(out)
        },
        QueryFunction(name: "split", minArgs: 2, maxArgs: 2, signature: "split(s: string, separator: string) -> list",
                      help: "the parts of s between separators", returns: .list(.string)) { a, c in
            guard let s = try c.string(a[0], "split's string"), let sep = try c.string(a[1], "split's separator") else { return .null }
            guard !sep.isEmpty else { throw c.error("split needs a non-empty separator") }
            return .list(s.components(separatedBy: sep).map(Value.string))
        },
        QueryFunction(name: "join", minArgs: 2, maxArgs: 2, signature: "join(items: list, separator: string) -> string",
                      help: "the items as text, separated", returns: .string) { a, c in
            guard let l = try c.list(a[0], "join's list"), let sep = try c.string(a[1], "join's separator") else { return .null }
            if TextSize.exceeds(.list(l), c.limits.maxStringBytes) {
                throw c.error("the result would be longer than \(c.limits.maxStringBytes) bytes")
            }
            let parts = l.map { Preview.text($0, corpus: c.corpus, quoteStrings: false) }
            // Refuse from the sizes before joining (the parts may share one large string many times).
            let bytes = parts.reduce(0) { $0 + $1.utf8.count } + max(0, parts.count - 1) * sep.utf8.count
            if bytes > c.limits.maxStringBytes { throw c.error("the result would be longer than \(c.limits.maxStringBytes) bytes") }
            let out = parts.joined(separator: sep)
            return .string(out)
        },
        QueryFunction(name: "str", minArgs: 1, maxArgs: 1, signature: "str(x) -> string",
                      help: "any value as text (references by name or id)", returns: .string) { a, c in
            if TextSize.exceeds(a[0], c.limits.maxStringBytes) {
                throw c.error("the text would be longer than \(c.limits.maxStringBytes) bytes")
            }
            return a[0].isNull ? .null : .string(Preview.text(a[0], corpus: c.corpus, quoteStrings: false))
        },
        QueryFunction(name: "concat", minArgs: 1, maxArgs: 64, signature: "concat(a, b, ...) -> string",
                      help: "the arguments as text, joined (nulls are skipped)", returns: .string) { a, c in
            if TextSize.exceeds(.list(a), c.limits.maxStringBytes) {
                throw c.error("the result would be longer than \(c.limits.maxStringBytes) bytes")
            }
            let parts = a.filter { !$0.isNull }.map { Preview.text($0, corpus: c.corpus, quoteStrings: false) }
            if parts.reduce(0, { $0 + $1.utf8.count }) > c.limits.maxStringBytes {
                throw c.error("the result would be longer than \(c.limits.maxStringBytes) bytes")
            }
            let out = parts.joined()
            return .string(out)
        },
        QueryFunction(name: "normalize", minArgs: 1, maxArgs: 1, signature: "normalize(s: string) -> string",
                      help: "the name key mq matches by: folded case and diacritics, apostrophes removed, article forms and spelling variants unified", returns: .string) { a, c in
            try c.string(a[0], "normalize's argument").map { .string(c.corpus.names.normalizer.key($0)) } ?? .null
        },
    ]
}
