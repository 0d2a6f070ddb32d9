import Foundation
import Testing

/// One case of a `Fixtures/cases/*.cases` file: a query and what running it must give.
///
/// The format (also in Fixtures/README.md and at the top of every case file):
///
/// ```
/// ### short name of the case
/// ## optional note lines (before the query; not part of it)
/// docs | where outlet == "Arab News" | select id
/// --- csv
/// id
/// 002_0248a6aedfd10660
/// ```
///
/// Lines before the first `###` are the file's header. The query is every line between the `###` line
/// (and its `##` notes) and the `--- kind` line; its first line is line 1 of the source file `<case>`.
/// The expectation is every line after `--- kind` up to the next `###` line or the end of the file;
/// trailing blank lines are ignored on both sides. A note `## parameter NAME = TEXT` gives the session the
/// parameter `$NAME` (a string, as `mq run --arg NAME=TEXT` gives it) before the query compiles.
struct QueryCase: Sendable, Hashable, CustomTestStringConvertible {
    enum Kind: String, Sendable, CaseIterable {
        /// The outputs of every statement in the CSV format (`mq --format csv`), concatenated.
        case csv
        /// The outputs in the JSON format (`mq --format json`): one document for the whole run.
        case json
        /// The outputs in the JSON-lines format (`mq --format jsonl`).
        case jsonl
        /// The outputs as FollowTheMoney entities (`mq --format ftm`).
        case ftm
        /// The outputs as link charts (`mq --format dot`, `mq --format graphml`).
        case dot, graphml
        /// The outputs in the TSV format (`mq --format tsv`).
        case tsv
        /// The outputs in the line format (`mq --format line`): one field per line.
        case line
        /// The outputs in the default table format; for a single value that is the value as a table cell.
        case value
        /// Same rendering as `value`, for aligned tables.
        case table
        /// The run must fail; the expectation is the exact human rendering of its diagnostics.
        case error
        /// `engine.check` without running: the exact rendering of every diagnostic (empty: none).
        case check
        /// The plan after the rewrite passes, as `explain` prints it: which access path a query takes.
        case plan
    }

    let file: String
    let name: String
    /// 1-based line of the `###` line in the case file.
    let line: Int
    /// 1-based line of the first query line in the case file.
    let queryLine: Int
    let query: String
    let kind: Kind
    let expected: String
    /// The parameters the session holds (`## parameter NAME = TEXT`), by name without the `$`.
    var parameters: [String: String] = [:]

    var testDescription: String { "\(file):\(name)" }
}

/// Reads case files.
enum CaseFiles {
    static let directory = Paths.fixtures.appendingPathComponent("cases")

    struct FormatError: Error, CustomStringConvertible {
        let file: String
        let line: Int
        let message: String
        var description: String { "\(file):\(line): \(message)" }
    }

    /// Every case of every file, in file-name order, then in file order; and every format error.
    static let loaded: (cases: [QueryCase], errors: [FormatError]) = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".cases") }.sorted()
        var cases: [QueryCase] = []
        var errors: [FormatError] = []
        for name in names {
            let path = directory.appendingPathComponent(name).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                errors.append(FormatError(file: name, line: 0, message: "cannot read the file"))
                continue
            }
            let (c, e) = parse(text, file: name)
            cases += c
            errors += e
        }
        return (cases, errors)
    }()

    static var all: [QueryCase] { loaded.cases }

    static func parse(_ text: String, file: String) -> ([QueryCase], [FormatError]) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var cases: [QueryCase] = []
        var errors: [FormatError] = []
        var i = 0
        while i < lines.count && !lines[i].hasPrefix("### ") { i += 1 }
        while i < lines.count {
            let headerLine = i + 1
            let name = String(lines[i].dropFirst(4)).trimmingCharacters(in: .whitespaces)
            i += 1
            var parameters: [String: String] = [:]
            while i < lines.count && lines[i].hasPrefix("##") && !lines[i].hasPrefix("### ") {
                if lines[i].hasPrefix("## parameter "), let eq = lines[i].firstIndex(of: "=") {
                    let name = lines[i][lines[i].index(lines[i].startIndex, offsetBy: 13)..<eq].trimmingCharacters(in: .whitespaces)
                    parameters[name] = lines[i][lines[i].index(after: eq)...].trimmingCharacters(in: .whitespaces)
                }
                i += 1
            }
            let queryStart = i
            while i < lines.count && !lines[i].hasPrefix("--- ") && !lines[i].hasPrefix("### ") { i += 1 }
            guard i < lines.count, lines[i].hasPrefix("--- ") else {
                errors.append(FormatError(file: file, line: headerLine, message: "case '\(name)' has no '--- kind' line"))
                continue
            }
            let kindText = String(lines[i].dropFirst(4)).trimmingCharacters(in: .whitespaces)
            let kindLine = i + 1
            var queryLines = Array(lines[queryStart..<i])
            var firstQueryLine = queryStart + 1
            while let first = queryLines.first, first.trimmingCharacters(in: .whitespaces).isEmpty {
                queryLines.removeFirst()
                firstQueryLine += 1
            }
            while let last = queryLines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { queryLines.removeLast() }
            i += 1
            let expectedStart = i
            while i < lines.count && !lines[i].hasPrefix("### ") { i += 1 }
            var expectedLines = Array(lines[expectedStart..<i])
            while let last = expectedLines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { expectedLines.removeLast() }
            guard let kind = QueryCase.Kind(rawValue: kindText) else {
                errors.append(FormatError(file: file, line: kindLine,
                                          message: "unknown kind '\(kindText)' (kinds: \(QueryCase.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"))
                continue
            }
            if name.isEmpty { errors.append(FormatError(file: file, line: headerLine, message: "a case needs a name")) }
            if queryLines.isEmpty { errors.append(FormatError(file: file, line: headerLine, message: "case '\(name)' has no query")) }
            cases.append(QueryCase(file: file, name: name, line: headerLine, queryLine: firstQueryLine,
                                   query: queryLines.joined(separator: "\n"), kind: kind,
                                   expected: expectedLines.joined(separator: "\n"), parameters: parameters))
        }
        return (cases, errors)
    }

    /// Text without trailing blank lines or trailing line breaks, for comparisons.
    static func trimmed(_ s: String) -> String {
        var lines = s.components(separatedBy: "\n")
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
