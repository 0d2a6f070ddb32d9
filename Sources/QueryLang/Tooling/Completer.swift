import Synchronization

/// Completion for editors and the REPL: given the text before the cursor, what may come next.
///
/// It knows where the cursor is: a meta-command after a leading `.`, a stage name after `|`, the fields
/// of a value after `.`, entity names and aliases inside `ent("`, output modes after `.mode`, file names
/// after the commands that take one, and otherwise the fields of the current row, functions, variables
/// and sources.
@_spi(MQInternals) public struct Completer: Sendable {
    @_spi(MQInternals) public let corpus: Corpus
    /// Meta-commands the host offers (e.g. `.help`), with the kind of argument each takes.
    @_spi(MQInternals) public var metaCommands: [String: MetaArgument]
    @_spi(MQInternals) public var functionNames: [String]
    /// The entity names offered inside `ent("`, with their lower-case and normalised forms.
    private let entityNames = EntityNames()

    @_spi(MQInternals) public enum MetaArgument: Sendable { case none, file, mode, topic, source, onOff }

    /// What to complete and with what.
    @_spi(MQInternals) public struct Result: Sendable, Equatable {
        /// The candidates, each a full replacement for the word being typed.
        @_spi(MQInternals) public var candidates: [String]
        /// How many characters before the cursor the candidates replace.
        @_spi(MQInternals) public var replacing: Int
        /// True when the host should complete file names from `prefix` itself.
        @_spi(MQInternals) public var wantsFiles: Bool = false
        /// The partial word being completed.
        @_spi(MQInternals) public var prefix: String
        /// Text to add after a unique candidate (a closing `")` for entity names, a space otherwise).
        @_spi(MQInternals) public var suffix: String = " "

        @_spi(MQInternals) public init(candidates: [String], replacing: Int, wantsFiles: Bool = false, prefix: String, suffix: String = " ") {
            self.candidates = candidates
            self.replacing = replacing
            self.wantsFiles = wantsFiles
            self.prefix = prefix
            self.suffix = suffix
        }
    }

    @_spi(MQInternals) public init(corpus: Corpus, metaCommands: [String: MetaArgument] = [:], functions: FunctionRegistry = FunctionRegistry()) {
        self.corpus = corpus
        self.metaCommands = metaCommands
        self.functionNames = (Array(functions.functions.keys) + Array(FunctionRegistry.special.keys)
            + Aggregates.all.map(\.name)).sorted()
    }

    /// Candidates for the word before the cursor. `before` is the text of the statement up to the
    /// cursor (earlier lines of a multi-line statement included); `variables` are names from `let`.
    @_spi(MQInternals) public func complete(_ before: String, variables: [String] = [], functions userFunctions: [String] = []) -> Result {
        let trimmedStart = before.drop { $0 == " " || $0 == "\t" }
        // Meta-commands.
        if trimmedStart.hasPrefix(".") {
            let parts = trimmedStart.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let command = String(parts[0])
            if parts.count == 1 {
                return result(metaCommands.keys.sorted(), prefix: command)
            }
            let arg = String(parts[1])
            switch metaCommands[command] {
            case .file?: return Result(candidates: [], replacing: arg.count, wantsFiles: true, prefix: arg)
            case .mode?: return result(OutputFormat.allCases.map(\.rawValue), prefix: arg)
            case .topic?:
                // Every page of the reference, and the lists.
                let pages = HelpIndex.reference.pages.keys.filter { !$0.contains(" ") }
                return result(Array(Set(StageKind.names + functionNames + pages + ["fields", "errors", "functions", "operators", "stages"])).sorted(),
                              prefix: arg)
            case .source?: return result(FieldCatalog.sources.map(\.name), prefix: arg)
            case .onOff?: return result(["on", "off"], prefix: arg)
            default: return Result(candidates: [], replacing: 0, prefix: "")
            }
        }
        // Inside ent(" ... : entity names and aliases.
        if let open = openEntityString(before) {
            let prefix = open
            let key = corpus.names.normalizer.key(prefix)
            let lowerPrefix = prefix.lowercased()
            var names = entityNames.all(in: corpus).filter { n in
                n.lower.hasPrefix(lowerPrefix) || (!key.isEmpty && n.key.hasPrefix(key))
            }
            names.sort { a, b in
                let ap = a.text.hasPrefix(prefix), bp = b.text.hasPrefix(prefix)
                return ap != bp ? ap : a.lower < b.lower
            }
            var r = Result(candidates: names.map(\.text), replacing: prefix.count, prefix: prefix)
            r.suffix = "\")"
            return r
        }
        let word = trailingWord(before)
        let beforeWord = String(before.dropLast(word.count))
        let lastChar = beforeWord.last(where: { $0 != " " && $0 != "\t" && $0 != "\n" })
        // After `|`: stage names.
        if lastChar == "|" {
            return result(StageKind.names.sorted(), prefix: word)
        }
        // After `.`: fields of the value before it.
        if beforeWord.hasSuffix(".") {
            let kinds = kindsBeforeDot(String(beforeWord.dropLast()), before: before)
            let names = kinds.flatMap { FieldCatalog.fields(of: $0).map(\.name) }
            return result(Array(Set(names)).sorted(), prefix: word, suffix: "")
        }
        // Anywhere else: fields of the row, variables, functions, sources, keywords.
        var names: [String] = []
        if let kind = rowKind(before) { names += FieldCatalog.fields(of: kind).map(\.name) }
        names += definedColumns(before)
        names += variables + userFunctions
        names += functionNames
        names += FieldCatalog.sources.map(\.name)
        names += ["let", "def", "assert", "print", "import", "and", "or", "not", "in", "true", "false", "null",
                  "has", "contains", "matches", "startswith", "endswith", "within", "by", "asc", "desc"]
        var seen = Set<String>()
        return result(names.filter { seen.insert($0).inserted }, prefix: word)
    }

    private func result(_ all: [String], prefix: String, suffix: String = " ") -> Result {
        let matches = all.filter { $0.hasPrefix(prefix) && $0 != prefix || ($0 == prefix && all.filter { $0.hasPrefix(prefix) }.count == 1) }
        // Candidates keep the order given: the row's fields before functions and keywords.
        var r = Result(candidates: matches, replacing: prefix.count, prefix: prefix)
        r.suffix = suffix
        return r
    }

    /// The identifier characters just before the cursor.
    private func trailingWord(_ s: String) -> String {
        String(s.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
    }

    /// The text typed so far inside an unterminated `ent("`, if the cursor is there.
    private func openEntityString(_ s: String) -> String? {
        guard let r = s.range(of: "ent(\"", options: .backwards) else { return nil }
        let rest = s[r.upperBound...]
        if rest.contains("\"") { return nil }
        return String(rest)
    }

    /// The kind of the rows in the current pipeline, from its source.
    private func rowKind(_ s: String) -> ReferenceKind? {
        var text = Substring(s)
        if let lastStatement = text.range(of: "\n\n", options: .backwards) { text = text[lastStatement.upperBound...] }
        // Skip `let x =`.
        if let eq = text.range(of: "="), text.hasPrefix("let ") { text = text[eq.upperBound...] }
        let first = text.drop { !$0.isLetter }.prefix { $0.isLetter }
        return FieldCatalog.sources.first { $0.name == first }?.kind
    }

    /// Columns the text names with `name = ...` in select, extend and summarize.
    private func definedColumns(_ s: String) -> [String] {
        var out: [String] = []
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            if chars[i].isLetter || chars[i] == "_" {
                var j = i
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                var k = j
                while k < chars.count && chars[k] == " " { k += 1 }
                if k < chars.count && chars[k] == "=" && (k + 1 >= chars.count || chars[k + 1] != "=") {
                    out.append(String(chars[i..<j]))
                }
                i = j
            } else { i += 1 }
        }
        return out
    }

    /// Which reference kinds the expression before a `.` may be.
    private func kindsBeforeDot(_ s: String, before: String) -> [ReferenceKind] {
        if s.hasSuffix(")") {
            if let r = s.range(of: "ent(", options: .backwards), !s[r.upperBound...].contains("(") { return [.entity] }
            if let r = s.range(of: "doc(", options: .backwards), !s[r.upperBound...].contains("(") { return [.document] }
            if let r = s.range(of: "fact(", options: .backwards), !s[r.upperBound...].contains("(") { return [.fact] }
        }
        let name = trailingWord(s)
        // A field whose type is a reference: doc, entity, subject, said_by, country, ...
        if let row = rowKind(before), let f = FieldCatalog.field(name, of: row) {
            switch f.type {
            case .document, .list(.document): return [.document]
            case .entity, .list(.entity): return [.entity]
            case .mention, .list(.mention): return [.mention]
            case .fact, .list(.fact): return [.fact]
            default: break
            }
        }
        for kind in ReferenceKind.allCases {
            for f in FieldCatalog.fields(of: kind) where f.name == name {
                switch f.type {
                case .document: return [.document]
                case .entity: return [.entity]
                case .mention: return [.mention]
                default: break
                }
            }
        }
        return ReferenceKind.allCases
    }
}

/// Every distinct name of the catalog's entities, in catalog order, with its lower-case form and its
/// normalised key: built at the first completion of an entity name (not when the completer is made, so a
/// REPL starts as fast), then shared by every completion, which only compares prefixes.
final class EntityNames: Sendable {
    typealias Name = (text: String, lower: String, key: String)
    private let names = Mutex<[Name]?>(nil)

    func all(in corpus: Corpus) -> [Name] {
        names.withLock { names in
            if let names { return names }
            var seen = Set<String>()
            var built: [Name] = []
            for e in corpus.entities {
                for n in e.names where seen.insert(n.text).inserted {
                    built.append((n.text, n.text.lowercased(), corpus.names.normalizer.key(n.text)))
                }
            }
            names = built
            return built
        }
    }
}
