// libFuzzer harness (d): the output renderers and the terminal sanitiser. Each input is cut into cells
// (strings of any bytes, numbers, nulls, lists, records) that make a table, a value and a printed line,
// rendered in every format at several widths; the diagnostic renderer gets the same text as a message,
// a file name, a source line and hints. What must hold, else the harness stops (a crash for libFuzzer):
// nothing human-facing (table, Markdown, CSV, TSV, print, diagnostics) holds a control character other
// than a line feed or a tab, a C1 control or a bidirectional override; CSV and TSV cells never start with
// = + - @ unless a number; JSON parses back to exactly the strings given. Built normally it is a
// reproducer: `OutputFuzz FILE...`.
import Foundation
import FuzzDriver
@_spi(MQInternals) import QueryLang

enum OutputHarness {
    static let corpus = FuzzFiles.seedsCorpus()

    static func prepare() { _ = corpus }

    /// Cells from the input: fields separated by NUL, each led by a tag byte.
    static func cells(_ bytes: [UInt8]) -> [Value] {
        bytes.split(separator: 0, omittingEmptySubsequences: false).prefix(64).map { field -> Value in
            guard let tag = field.first else { return .null }
            let rest = Array(field.dropFirst())
            let text = String(decoding: rest, as: UTF8.self)
            switch tag % 8 {
            case 0: return .null
            case 1:
                var v: Int64 = 0
                for b in rest.prefix(8) { v = v << 8 | Int64(b) }
                return .int(v)
            case 2:
                var v: UInt64 = 0
                for b in rest.prefix(8) { v = v << 8 | UInt64(b) }
                return .float(Double(bitPattern: v))
            case 3: return .bool(rest.first.map { $0 & 1 == 1 } ?? false)
            case 4: return .list(rest.split(separator: 1).prefix(8).map { .string(String(decoding: $0, as: UTF8.self)) })
            case 5:
                let parts = rest.split(separator: 1, omittingEmptySubsequences: false).prefix(8).map { String(decoding: $0, as: UTF8.self) }
                return .record(Record(keys: parts.enumerated().map { "\($0.offset)" + $0.element.prefix(4) }, values: parts.map(Value.string)))
            default: return .string(text)
            }
        }
    }

    /// Stops the harness if `text` holds anything a terminal would obey.
    static func expectSafe(_ text: String, _ what: String, allowTab: Bool = true) {
        for u in text.unicodeScalars {
            let v = u.value
            let bad = (v < 0x20 && v != 0x0A && !(allowTab && v == 0x09)) || v == 0x7F || (0x80...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            if bad { fatalError("\(what): raw U+\(String(v, radix: 16)) in output") }
        }
    }

    /// The records of CSV (RFC 4180) or TSV text, read scalar by scalar as a program reads bytes.
    static func records(_ text: String, csv: Bool) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = String.UnicodeScalarView()
        var quoted = false, inQuotes = false
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if inQuotes {
                if u == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    field.append(u)
                }
            } else if csv && u == "\"" && field.isEmpty && !quoted {
                inQuotes = true
                quoted = true
            } else if u == (csv ? "," : "\t") {
                fields.append(String(field)); field = String.UnicodeScalarView(); quoted = false
            } else if u == "\n" {
                fields.append(String(field)); field = String.UnicodeScalarView(); quoted = false
                records.append(fields); fields = []
            } else {
                field.append(u)
            }
            i += 1
        }
        if inQuotes { fatalError("unterminated quoted field in \(text.debugDescription)") }
        return records
    }

    static func run(_ data: UnsafeRawBufferPointer) {
        let bytes = Array(data)
        let values = cells(bytes)
        let columnCount = max(1, Int(bytes.first ?? 1) % 4 + 1)
        let names = (0..<columnCount).map { k in
            k < values.count ? (Preview.text(values[k], corpus: nil, quoteStrings: false).prefix(12) + "") : "c\(k)"
        }
        var rows: [Value] = []
        var k = 0
        while k < values.count {
            let slice = Array(values[k..<min(values.count, k + columnCount)])
            rows.append(.record(Record(keys: Array(names.prefix(slice.count)), values: slice)))
            k += columnCount
        }
        let table = Table(rows: rows, columns: names)
        let text = String(decoding: bytes, as: UTF8.self)
        let outputs: [StatementOutput] = [
            .table(table, Span(0, 0)), .value(values.first ?? .null, Span(0, 0)), .printed(text, Span(0, 0)),
        ]
        for out in outputs {
            for format in OutputFormat.allCases {
                for width in [nil, 1, 12, 80] as [Int?] {
                    let rendered = format.render(out, corpus: corpus, options: .init(width: width, maxRows: 20))
                    switch format {
                    case .json, .jsonl:
                        // A printed line is text in every format (print writes text, not JSON).
                        if case .printed = out { expectSafe(rendered, "printed"); continue }
                        for line in (format == .json ? [rendered] : rendered.split(separator: "\n").map(String.init)) where !line.isEmpty {
                            guard (try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])) != nil else {
                                fatalError("\(format): not JSON: \(line.debugDescription)")
                            }
                        }
                    default:
                        expectSafe(rendered, "\(format)", allowTab: true)
                    }
                    if case .table = out, format == .csv || format == .tsv {
                        // Every record has one field per column, as a reader cuts them.
                        for r in records(rendered, csv: format == .csv) where r.count != table.columns.count {
                            fatalError("\(format): a record of \(r.count) fields for \(table.columns.count) columns: \(r)")
                        }
                        // No field starts a formula unless it is a number.
                        for r in records(rendered, csv: format == .csv).dropFirst() {
                            for f in r {
                                guard let c = f.unicodeScalars.first, "=+-@".unicodeScalars.contains(c) else { continue }
                                if Double(f) == nil { fatalError("\(format): formula cell \(f.debugDescription)") }
                            }
                        }
                    }
                }
            }
        }
        // JSON keeps strings exactly.
        let json = ValueText.json(.string(text), corpus: corpus)
        guard let back = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) as? String,
              back == text else { fatalError("JSON does not round-trip \(text.debugDescription)") }
        // The sanitiser: safe, and the same again.
        let clean = TerminalSanitizer.clean(text)
        expectSafe(clean, "clean")
        expectSafe(TerminalSanitizer.clean(text, singleLine: true), "clean single line", allowTab: false)
        if TerminalSanitizer.clean(clean) != clean { fatalError("clean is not stable on \(text.debugDescription)") }
        // Diagnostics whose every part comes from the input.
        let file = SourceFile(name: text, text: text + "\n" + text)
        let end = max(0, min(text.utf8.count, Int(bytes.last ?? 0)))
        let d = Diagnostic(.internalError, text, at: Span(min(end, Int(bytes.first ?? 0) % max(1, end + 1)), end), in: file, hints: [text, "did you mean '\(text)'?"])
        expectSafe(DiagnosticRenderer().render(d), "diagnostic")
        expectSafe(DiagnosticRenderer(color: true).render(d).replacingOccurrences(of: "\u{1B}[", with: "["), "coloured diagnostic")
        _ = DiagnosticRenderer().json([d])
    }
}

@main
struct OutputFuzzMain {
    static func main() { FuzzDriver.main(prepare: OutputHarness.prepare, run: OutputHarness.run) }
}
