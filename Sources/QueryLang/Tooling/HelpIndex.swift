/// The help pages of the REPL, cut from the sections of docs/language.md (embedded as
/// ``LanguageReference``): one source of text for the reference and for `.help`.
///
/// A page is the text of a heading down to the next heading of the same or a higher level. Its names
/// come from where the heading stands: `### where` under "4. Stages" is the stage `where`, `#### lower,
/// upper` under "6. Functions" the functions `lower` and `upper`, the backticked words of a heading under
/// "5. Operators" its operators, `#### .output` a dot-command. Each row `| E205 | ... |` of the table of
/// "9. Diagnostics" is the page of its code.
@_spi(MQInternals) public struct HelpIndex: Sendable {
    @_spi(MQInternals) public enum Kind: String, Sendable, CaseIterable, Comparable {
        case command, stage, source, statement, `operator`, function, aggregate, diagnostic, topic

        /// The order in which pages of one name are shown (`.help join`: the stage, then the function).
        @_spi(MQInternals) public static func < (a: Kind, b: Kind) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    @_spi(MQInternals) public struct Page: Sendable, Equatable {
        @_spi(MQInternals) public let name: String
        @_spi(MQInternals) public let kind: Kind
        /// Where the page is: "4. Stages › join".
        @_spi(MQInternals) public let section: String
        /// The section's Markdown.
        @_spi(MQInternals) public let markdown: String
    }

    @_spi(MQInternals) public private(set) var pages: [String: [Page]] = [:]

    @_spi(MQInternals) public static let reference = HelpIndex(markdown: LanguageReference.markdown)

    @_spi(MQInternals) public init(markdown: String) {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var headings: [(line: Int, level: Int, title: String)] = []
        var inFence = false
        for (i, l) in lines.enumerated() {
            if l.hasPrefix("```") { inFence.toggle() }
            if inFence { continue }
            let level = l.prefix { $0 == "#" }.count
            if (2...4).contains(level), l.dropFirst(level).first == " " {
                headings.append((i, level, String(l.dropFirst(level + 1))))
            }
        }
        var chapter = ""
        var group = ""
        for (n, h) in headings.enumerated() {
            if h.level == 2 { chapter = h.title; group = ""; continue }
            if h.level == 3 { group = h.title }
            let end = headings[(n + 1)...].first { $0.level <= h.level }?.line ?? lines.count
            let body = lines[h.line..<end].joined(separator: "\n").trimmingTrailingNewlines()
            let place = chapter + (h.level == 4 && !group.isEmpty ? " › " + group : "") + " › " + Self.plain(h.title)
            for (name, kind) in Self.names(of: h.title, level: h.level, chapter: chapter) {
                add(Page(name: name, kind: kind, section: place, markdown: body))
            }
        }
        // The diagnostic codes, one page each from the rows of the table.
        let diagnostics = headings.first { $0.level == 2 && $0.title.hasSuffix("Diagnostics") }
        if let start = diagnostics?.line {
            for l in lines[start...] {
                if l.hasPrefix("## ") && !l.hasSuffix("Diagnostics") { break }
                let cells = l.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
                guard cells.count >= 4, let code = cells.dropFirst().first, code.count == 4, code.first == "E" || code.first == "W",
                      code.dropFirst().allSatisfy(\.isNumber) else { continue }
                let text = "\(code): \(cells[2])" + (cells[3].isEmpty ? "" : "\n\nFor example: \(cells[3])")
                    + (cells.count > 5 && !cells[4].isEmpty ? "\n\nWhat to do: \(cells[4])" : "")
                add(Page(name: code, kind: .diagnostic, section: "9. Diagnostics", markdown: text))
            }
        }
    }

    private mutating func add(_ page: Page) {
        pages[page.name, default: []].append(page)
        pages[page.name]!.sort { $0.kind < $1.kind }
    }

    /// The pages of a name, most likely first: `join` gives the stage, then the function. `join()`
    /// asks for the function (or aggregate); `function join`, `stage count` ask for one kind.
    @_spi(MQInternals) public func lookup(_ topic: String) -> [Page] {
        let t = topic.trimmingSpaces()
        let words = t.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2, let kind = Kind(rawValue: words[0]) {
            return (pages[words[1]] ?? []).filter { $0.kind == kind }
        }
        if t.hasSuffix("()") {
            return (pages[String(t.dropLast(2))] ?? []).filter { $0.kind == .function || $0.kind == .aggregate }
        }
        return pages[t] ?? pages[t.lowercased()] ?? pages[t.uppercased()] ?? []
    }

    /// Every name of one kind, sorted.
    @_spi(MQInternals) public func names(_ kind: Kind) -> [String] {
        pages.filter { $0.value.contains { $0.kind == kind } }.keys.sorted()
    }

    /// A page as the terminal shows it: code fences dropped and code indented, then where it comes from.
    @_spi(MQInternals) public static func render(_ page: Page) -> String {
        var out: [String] = []
        var inFence = false
        for l in page.markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if l.hasPrefix("```") { inFence.toggle(); continue }
            out.append(inFence ? "    " + l : String(l))
        }
        return out.joined(separator: "\n") + "\n\n(docs/language.md: \(page.section))"
    }

    // MARK: Names of a heading

    private static let topics: [String: String] = [
        "Pipelines": "pipelines", "Values": "values", "Dates with a precision": "dates", "Null": "null",
        "How names resolve": "names", "Lexical structure": "lexical", "Syntax": "syntax", "Precedence": "precedence",
        "Literals": "literals", "Output formats": "formats", "Diagnostics as JSON": "json", "Exit status": "exit",
        "The interactive session": "repl",
    ]

    static func names(of title: String, level: Int, chapter: String) -> [(String, Kind)] {
        if let topic = topics[title] { return [(topic, .topic)] }
        let words = title.split(separator: " ").map(String.init)
        let part = chapter.drop(while: { $0.isNumber || $0 == "." || $0 == " " })
        switch part {
        case "Sources" where level == 3: return [(words[0], .source)]
        case "Stages" where level == 3: return [(words[0], .stage)]
        case "Statements" where level == 3: return [(words[0], .statement)]
        case "Aggregates" where level == 3: return listed(title).map { ($0, .aggregate) }
        case "Functions" where level == 4: return listed(title).map { ($0, .function) }
        case "Operators" where level == 3:
            // "Membership: `in`, `not in`": each backticked word; "and negation" adds `-`.
            return title.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { (String($0.element), .operator) }
        case "The command line" where level == 4 && (title.hasPrefix(".") || title.hasPrefix("\\")):
            return [(title, .command)]
        default: return []
        }
    }

    /// "lower, upper" -> ["lower", "upper"].
    private static func listed(_ title: String) -> [String] {
        title.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty && !$0.contains(" ") }
    }

    /// A heading without its Markdown marks.
    private static func plain(_ title: String) -> String { String(title.filter { $0 != "`" }) }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
